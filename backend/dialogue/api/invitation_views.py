"""Invitations to a conference: the host (or an advisor) invites the suppliers behind chosen
solutions in one request, and lists who was invited and whether they registered."""

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.request import Request
from rest_framework.response import Response

from backend.common.api import auth_user, validated
from backend.dialogue import selectors
from backend.dialogue.api import invitation_serializers as s
from backend.dialogue.invitation_services import Outcome, conference_invite
from backend.dialogue.models import ConferenceInvitation


class ConferenceInvitationListApi(generics.ListAPIView[ConferenceInvitation]):
    """Who was invited to the conference and whether each has registered: the host and
    advisors see all, a supplier its own organisations' invitations only."""

    queryset = ConferenceInvitation.objects.none()
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.ConferenceInvitationOutput
    ordering_fields = ["created_at"]
    filterset_fields: list[str] = []

    def get_queryset(self) -> QuerySet[ConferenceInvitation]:
        conference = selectors.conference_get(
            user=self.request.user, conference_id=self.kwargs["pk"]
        )
        return selectors.invitation_list(user=self.request.user, conference=conference)

    @extend_schema(
        request=s.ConferenceInviteInput,
        responses={200: s.ConferenceInviteOutput, 201: s.ConferenceInviteOutput},
        summary="Invite the suppliers behind chosen solutions (host or advisor); an "
        "organisation already invited or registered is reported, not invited again",
    )
    def post(self, request: Request, pk: int) -> Response:
        conference = selectors.conference_get(user=request.user, conference_id=pk)
        data = validated(s.ConferenceInviteInput, request)
        results = conference_invite(
            invited_by=auth_user(request),
            conference=conference,
            solution_ids=data["solution_ids"],
            message=data.get("message", ""),
        )
        created = any(r.outcome == Outcome.INVITED for r in results)
        return Response(
            s.ConferenceInviteOutput({"results": results}).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )
