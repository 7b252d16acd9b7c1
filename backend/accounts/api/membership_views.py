"""Who acts for an organisation: join requests, invitations, roles, leaving."""

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts import selectors, services
from backend.accounts.api import membership_serializers as ms
from backend.accounts.api import serializers as s
from backend.accounts.models import Invitation, JoinRequest, Membership, Organization
from backend.common.api import auth_user, validated


def _managed_org(request: Request, pk: int) -> Organization:
    """The organisation if the user administers it (or advises); 404 otherwise."""
    org = get_object_or_404(Organization, pk=pk)
    if not selectors.user_manages_org(request.user, org):
        raise Http404
    return org


class JoinRequestListApi(generics.ListAPIView[JoinRequest]):
    """Pending requests to join the organisation: its administrators and advisors."""

    queryset = JoinRequest.objects.none()
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = ms.JoinRequestOutput
    ordering_fields = ["created_at"]

    def get_queryset(self) -> Any:
        org = _managed_org(self.request, self.kwargs["pk"])
        return selectors.join_requests_pending(organization=org).select_related("organization")


class MyJoinRequestListApi(generics.ListAPIView[JoinRequest]):
    """The signed-in user's own requests to join organisations."""

    queryset = JoinRequest.objects.none()
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = ms.JoinRequestOutput
    ordering_fields = ["created_at"]

    def get_queryset(self) -> Any:
        return selectors.join_requests_of_user(user=auth_user(self.request))


def _join_request(request: Request, pk: int) -> JoinRequest:
    """Visible to the requester and to those who decide; 404 for anyone else."""
    join_request = get_object_or_404(JoinRequest.objects.select_related("organization"), pk=pk)
    if join_request.user_id != request.user.pk and not selectors.user_manages_org(
        request.user, join_request.organization
    ):
        raise Http404
    return join_request


class JoinRequestDecideApi(APIView):
    permission_classes = [permissions.IsAuthenticated]
    approve = True

    @extend_schema(request=None, responses=ms.JoinRequestOutput)
    def post(self, request: Request, pk: int) -> Response:
        decided = services.join_request_decide(
            user=auth_user(request), join_request=_join_request(request, pk), approve=self.approve
        )
        return Response(ms.JoinRequestOutput(decided).data)


class JoinRequestApproveApi(JoinRequestDecideApi):
    """Approve a request to join (the organisation's administrators, or an advisor)."""


class JoinRequestDeclineApi(JoinRequestDecideApi):
    """Decline a request to join (the organisation's administrators, or an advisor)."""

    approve = False


class JoinRequestWithdrawApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses=ms.JoinRequestOutput, summary="Withdraw your request")
    def post(self, request: Request, pk: int) -> Response:
        withdrawn = services.join_request_withdraw(
            user=auth_user(request), join_request=_join_request(request, pk)
        )
        return Response(ms.JoinRequestOutput(withdrawn).data)


class InvitationListApi(generics.ListAPIView[Invitation]):
    queryset = Invitation.objects.none()
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = ms.InvitationOutput
    ordering_fields = ["created_at"]

    def get_queryset(self) -> Any:
        org = _managed_org(self.request, self.kwargs["pk"])
        return selectors.invitations_pending(organization=org).select_related("organization")

    @extend_schema(
        request=ms.InvitationInput,
        responses={201: ms.InvitationOutput},
        summary="Invite a person by e-mail (organisation administrators)",
    )
    def post(self, request: Request, pk: int) -> Response:
        invitation = services.invitation_create(
            user=auth_user(request),
            organization=_managed_org(request, pk),
            **validated(ms.InvitationInput, request),
        )
        return Response(ms.InvitationOutput(invitation).data, status=status.HTTP_201_CREATED)


class InvitationRevokeApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses=ms.InvitationOutput, summary="Withdraw an invitation")
    def post(self, request: Request, pk: int) -> Response:
        invitation = get_object_or_404(Invitation.objects.select_related("organization"), pk=pk)
        _managed_org(request, invitation.organization_id)
        revoked = services.invitation_revoke(user=auth_user(request), invitation=invitation)
        return Response(ms.InvitationOutput(revoked).data)


class InvitationAcceptApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=ms.InvitationAcceptInput,
        responses=s.MembershipOutput,
        summary="Accept an invitation from its signed link",
    )
    def post(self, request: Request) -> Response:
        membership = services.invitation_accept(
            user=auth_user(request), **validated(ms.InvitationAcceptInput, request)
        )
        return Response(s.MembershipOutput(membership).data)


def _membership(request: Request, org_pk: int, pk: int) -> Membership:
    """A membership of the organisation, for its members and advisors; 404 otherwise."""
    org = get_object_or_404(Organization, pk=org_pk)
    if org.pk not in selectors.user_org_ids(request.user) and not selectors.user_is_advisor(
        request.user
    ):
        raise Http404
    return get_object_or_404(org.memberships.select_related("organization", "user"), pk=pk)


class MemberDetailApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=ms.MemberRoleInput, responses=s.MemberOutput, summary="Change a member's role"
    )
    def patch(self, request: Request, org_pk: int, pk: int) -> Response:
        membership = services.membership_role_change(
            user=auth_user(request),
            membership=_membership(request, org_pk, pk),
            **validated(ms.MemberRoleInput, request),
        )
        return Response(s.MemberOutput(membership).data)

    @extend_schema(
        request=None, responses={204: None}, summary="Remove a member, or leave (your own)"
    )
    def delete(self, request: Request, org_pk: int, pk: int) -> Response:
        services.membership_remove(
            user=auth_user(request), membership=_membership(request, org_pk, pk)
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class AdminHandOverApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=ms.HandOverInput,
        responses=s.MemberOutput,
        summary="Hand the administrator role to another member",
    )
    def post(self, request: Request, pk: int) -> Response:
        data = validated(ms.HandOverInput, request)
        target = _membership(request, pk, data["membership_id"])
        own = services.admin_role_hand_over(
            user=auth_user(request), organization=target.organization, to=target
        )
        return Response(s.MemberOutput(own).data)


class OrganizationUnverifyApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=ms.RevokeInput,
        responses=s.OrganizationOutput,
        summary="Withdraw an organisation's verification (advisors)",
    )
    def post(self, request: Request, pk: int) -> Response:
        org = services.organization_verification_revoke(
            user=auth_user(request),
            organization=get_object_or_404(Organization, pk=pk),
            **validated(ms.RevokeInput, request),
        )
        return Response(s.OrganizationOutput(org).data)
