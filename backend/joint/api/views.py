from dataclasses import asdict

import django_filters
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.common.api import auth_user, validated
from backend.joint import selectors, services
from backend.joint.api import serializers as s
from backend.joint.models import GroupMembership, ProcurementGroup
from backend.needs.selectors import need_get, user_owns_need
from backend.reference.vocabularies import county_choices


class NeedJointApi(APIView):
    """A need's joint procurement: the public line for anyone who may see the need; the
    group in full for its members and advisors; open invitations for the need's buyer."""

    @extend_schema(responses=s.NeedJointOutput, summary="A need's joint procurement")
    def get(self, request: Request, pk: int) -> Response:
        user = request.user
        need = need_get(user=user, need_id=pk)
        line = selectors.need_public_line(need=need)
        group = selectors.need_group(user=user, need=need)
        data = {
            "public": None if line is None else asdict(line),
            "group": None
            if group is None
            else s.JointGroupOutput(group, context={"request": request}).data,
            "invitations": s.JointMembershipOutput(
                selectors.need_invitations(user=user, need=need),
                many=True,
                context={"request": request},
            ).data,
            "can_invite": need.status == need.Status.PUBLISHED
            and user_owns_need(user=user, need=need),
        }
        return Response(data)


class NeedJointInviteApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=s.JointInviteInput,
        responses={201: s.JointMembershipOutput},
        summary="Invite the buyer of a similar need to a joint procurement",
    )
    def post(self, request: Request, pk: int) -> Response:
        need = need_get(user=request.user, need_id=pk)
        data = validated(s.JointInviteInput, request)
        membership = services.group_invite(
            user=auth_user(request),
            need=need,
            other_need=data["other_need"],
            message=data.get("message", ""),
        )
        membership = selectors.membership_get(user=request.user, membership_id=membership.pk)
        return Response(
            s.JointMembershipOutput(membership, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class GroupFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=ProcurementGroup.Status.choices)
    county = django_filters.ChoiceFilter(
        field_name="lead_need__county", choices=county_choices(), label="County of the lead need"
    )

    class Meta:
        model = ProcurementGroup
        fields = ["status", "county"]


class GroupListApi(generics.ListAPIView[ProcurementGroup]):
    """Joint procurement groups: advisors all (by county and status), buyers their own."""

    queryset = ProcurementGroup.objects.none()
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.JointGroupOutput
    filterset_class = GroupFilter
    ordering_fields = ["created_at", "title"]

    def get_queryset(self) -> QuerySet[ProcurementGroup]:
        return selectors.group_list(user=self.request.user)


class GroupDetailApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=s.JointGroupOutput)
    def get(self, request: Request, pk: int) -> Response:
        group = selectors.group_get(user=request.user, group_id=pk)
        return Response(s.JointGroupOutput(group, context={"request": request}).data)

    @extend_schema(
        request=s.JointGroupUpdateInput,
        responses=s.JointGroupOutput,
        summary="The lead edits the shared need text and the combined volume",
    )
    def patch(self, request: Request, pk: int) -> Response:
        group = selectors.group_get(user=request.user, group_id=pk)
        data = validated(s.JointGroupUpdateInput, request, partial=True)
        services.group_update(user=auth_user(request), group=group, data=data)
        group = selectors.group_get(user=request.user, group_id=pk)
        return Response(s.JointGroupOutput(group, context={"request": request}).data)


class GroupHandOverApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=s.JointHandOverInput, responses=s.JointGroupOutput, summary="Hand the lead over"
    )
    def post(self, request: Request, pk: int) -> Response:
        group = selectors.group_get(user=request.user, group_id=pk)
        data = validated(s.JointHandOverInput, request)
        membership = next((m for m in group.members.all() if m.pk == data["membership"]), None)
        if membership is None:
            membership = GroupMembership(group_id=0)  # not of this group: the service refuses
        services.group_hand_over(user=auth_user(request), group=group, membership=membership)
        group = selectors.group_get(user=request.user, group_id=pk)
        return Response(s.JointGroupOutput(group, context={"request": request}).data)


class GroupDissolveApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses=s.JointGroupOutput, summary="Dissolve the group (lead)")
    def post(self, request: Request, pk: int) -> Response:
        group = selectors.group_get(user=request.user, group_id=pk)
        services.group_dissolve(user=auth_user(request), group=group)
        group = selectors.group_get(user=request.user, group_id=pk)
        return Response(s.JointGroupOutput(group, context={"request": request}).data)


class MembershipFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(choices=GroupMembership.State.choices)

    class Meta:
        model = GroupMembership
        fields = ["state"]


class MembershipListApi(generics.ListAPIView[GroupMembership]):
    """Invitations to and memberships of the user's buyer organisations, and those of the
    groups they lead."""

    queryset = GroupMembership.objects.none()
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.JointMembershipOutput
    filterset_class = MembershipFilter
    ordering_fields = ["created_at"]

    def get_queryset(self) -> QuerySet[GroupMembership]:
        return selectors.membership_list(user=self.request.user)


class MembershipDetailApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=s.JointMembershipOutput, summary="An invitation or membership")
    def get(self, request: Request, pk: int) -> Response:
        membership = selectors.membership_get(user=request.user, membership_id=pk)
        return Response(s.JointMembershipOutput(membership, context={"request": request}).data)


class MembershipAnswerApi(APIView):
    permission_classes = [permissions.IsAuthenticated]
    accept = True

    @extend_schema(request=None, responses=s.JointMembershipOutput)
    def post(self, request: Request, pk: int) -> Response:
        membership = selectors.membership_get(user=request.user, membership_id=pk)
        services.membership_answer(
            user=auth_user(request), membership=membership, accept=self.accept
        )
        membership = selectors.membership_get(user=request.user, membership_id=pk)
        return Response(s.JointMembershipOutput(membership, context={"request": request}).data)


class MembershipAcceptApi(MembershipAnswerApi):
    """Accept an invitation: the need joins the joint procurement."""


class MembershipDeclineApi(MembershipAnswerApi):
    """Decline an invitation to a joint procurement."""

    accept = False


class MembershipLeaveApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses=s.JointMembershipOutput, summary="Leave the group")
    def post(self, request: Request, pk: int) -> Response:
        membership = selectors.membership_get(user=request.user, membership_id=pk)
        services.membership_leave(user=auth_user(request), membership=membership)
        membership = selectors.membership_get(user=request.user, membership_id=pk)
        return Response(s.JointMembershipOutput(membership, context={"request": request}).data)
