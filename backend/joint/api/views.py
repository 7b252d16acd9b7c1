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
            else s.GroupOutput(group, context={"request": request}).data,
            "invitations": s.MembershipOutput(
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
        request=s.InviteInput,
        responses={201: s.MembershipOutput},
        summary="Invite the buyer of a similar need to a joint procurement",
    )
    def post(self, request: Request, pk: int) -> Response:
        need = need_get(user=request.user, need_id=pk)
        data = validated(s.InviteInput, request)
        membership = services.group_invite(
            user=auth_user(request),
            need=need,
            other_need=data["other_need"],
            message=data.get("message", ""),
        )
        membership = selectors.membership_get(user=request.user, membership_id=membership.pk)
        return Response(
            s.MembershipOutput(membership, context={"request": request}).data,
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
    serializer_class = s.GroupOutput
    filterset_class = GroupFilter
    ordering_fields = ["created_at", "title"]

    def get_queryset(self) -> QuerySet[ProcurementGroup]:
        return selectors.group_list(user=self.request.user)


class GroupDetailApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=s.GroupOutput)
    def get(self, request: Request, pk: int) -> Response:
        group = selectors.group_get(user=request.user, group_id=pk)
        return Response(s.GroupOutput(group, context={"request": request}).data)

    @extend_schema(
        request=s.GroupUpdateInput,
        responses=s.GroupOutput,
        summary="The lead edits the shared need text and the combined volume",
    )
    def patch(self, request: Request, pk: int) -> Response:
        group = selectors.group_get(user=request.user, group_id=pk)
        data = validated(s.GroupUpdateInput, request, partial=True)
        services.group_update(user=auth_user(request), group=group, data=data)
        group = selectors.group_get(user=request.user, group_id=pk)
        return Response(s.GroupOutput(group, context={"request": request}).data)


class GroupHandOverApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=s.HandOverInput, responses=s.GroupOutput, summary="Hand the lead over")
    def post(self, request: Request, pk: int) -> Response:
        group = selectors.group_get(user=request.user, group_id=pk)
        data = validated(s.HandOverInput, request)
        membership = next((m for m in group.members.all() if m.pk == data["membership"]), None)
        if membership is None:
            membership = GroupMembership(group_id=0)  # not of this group: the service refuses
        services.group_hand_over(user=auth_user(request), group=group, membership=membership)
        group = selectors.group_get(user=request.user, group_id=pk)
        return Response(s.GroupOutput(group, context={"request": request}).data)


class GroupDissolveApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses=s.GroupOutput, summary="Dissolve the group (lead)")
    def post(self, request: Request, pk: int) -> Response:
        group = selectors.group_get(user=request.user, group_id=pk)
        services.group_dissolve(user=auth_user(request), group=group)
        group = selectors.group_get(user=request.user, group_id=pk)
        return Response(s.GroupOutput(group, context={"request": request}).data)


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
    serializer_class = s.MembershipOutput
    filterset_class = MembershipFilter
    ordering_fields = ["created_at"]

    def get_queryset(self) -> QuerySet[GroupMembership]:
        return selectors.membership_list(user=self.request.user)


class MembershipDetailApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=s.MembershipOutput, summary="An invitation or membership")
    def get(self, request: Request, pk: int) -> Response:
        membership = selectors.membership_get(user=request.user, membership_id=pk)
        return Response(s.MembershipOutput(membership, context={"request": request}).data)


class MembershipAnswerApi(APIView):
    permission_classes = [permissions.IsAuthenticated]
    accept = True

    @extend_schema(request=None, responses=s.MembershipOutput)
    def post(self, request: Request, pk: int) -> Response:
        membership = selectors.membership_get(user=request.user, membership_id=pk)
        services.membership_answer(
            user=auth_user(request), membership=membership, accept=self.accept
        )
        membership = selectors.membership_get(user=request.user, membership_id=pk)
        return Response(s.MembershipOutput(membership, context={"request": request}).data)


class MembershipAcceptApi(MembershipAnswerApi):
    """Accept an invitation: the need joins the joint procurement."""


class MembershipDeclineApi(MembershipAnswerApi):
    """Decline an invitation to a joint procurement."""

    accept = False


class MembershipLeaveApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses=s.MembershipOutput, summary="Leave the group")
    def post(self, request: Request, pk: int) -> Response:
        membership = selectors.membership_get(user=request.user, membership_id=pk)
        services.membership_leave(user=auth_user(request), membership=membership)
        membership = selectors.membership_get(user=request.user, membership_id=pk)
        return Response(s.MembershipOutput(membership, context={"request": request}).data)
