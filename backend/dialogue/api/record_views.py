"""The equal-treatment record: minutes of a held 1:1 meeting (its host writes and sends them,
its supplier comments), and what the buyer shared, published to every supplier in the
dialogue and shown as the need's log."""

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.common.api import auth_user, validated
from backend.common.types import AnyUser
from backend.dialogue import record_selectors as rs
from backend.dialogue import record_services
from backend.dialogue.api import record_serializers as s
from backend.dialogue.models import SharedInformation
from backend.dialogue.selectors import conference_get
from backend.needs.selectors import need_get


def _minutes_payload(user: AnyUser, meeting: rs.Meeting) -> dict[str, Any]:
    readable = rs.minutes_readable(user=user, meeting=meeting)
    hosts = rs.user_hosts_meeting(user=user, meeting=meeting)
    sent = meeting.minutes is not None and meeting.minutes.sent_at is not None
    return {
        "meeting": meeting,
        "readable": readable,
        "can_write": hosts,
        "can_comment": sent and not hosts and meeting.supplier is not None,
        "shared": rs.meeting_shared(meeting=meeting),
    }


class _MeetingApi(APIView):
    """A meeting of the record by the id in its path: a 1:1 slot at a conference, or (in a
    subclass for /api/meeting-requests/) an accepted meeting of a need's ongoing dialogue."""

    permission_classes = [permissions.IsAuthenticated]

    def meeting(self, request: Request, pk: int) -> rs.Meeting:
        return rs.meeting_get(user=request.user, slot_id=pk)


class _RequestMeeting:
    def meeting(self, request: Request, pk: int) -> rs.Meeting:
        return rs.request_meeting_get(user=request.user, request_id=pk)


class MinutesApi(_MeetingApi):
    def _response(self, request: Request, pk: int) -> Response:
        meeting = self.meeting(request, pk)
        return Response(s.MinutesOutput(_minutes_payload(request.user, meeting)).data)

    @extend_schema(
        responses=s.MinutesOutput,
        summary="The minutes of a 1:1 meeting (its host and supplier, advisors)",
    )
    def get(self, request: Request, pk: int) -> Response:
        return self._response(request, pk)

    @extend_schema(
        request=s.MinutesInput,
        responses=s.MinutesOutput,
        summary="Write the minutes of a held 1:1 meeting (its host); with send, the supplier "
        "reads them and is told",
    )
    def put(self, request: Request, pk: int) -> Response:
        meeting = self.meeting(request, pk)
        data = validated(s.MinutesInput, request)
        record_services.minutes_save(
            user=auth_user(request), meeting=meeting, text=data["text"], send=data["send"]
        )
        return self._response(request, pk)


class MinutesCommentApi(_MeetingApi):
    @extend_schema(
        request=s.CommentInput,
        responses={201: s.CommentOutput},
        summary="Comment on the minutes of your 1:1 meeting (the supplier); the buyer is told",
    )
    def post(self, request: Request, pk: int) -> Response:
        meeting = self.meeting(request, pk)
        data = validated(s.CommentInput, request)
        comment = record_services.minutes_comment(
            user=auth_user(request), meeting=meeting, text=data["text"]
        )
        return Response(s.CommentOutput(comment).data, status=status.HTTP_201_CREATED)


class MeetingShareApi(_MeetingApi):
    @extend_schema(
        request=s.SharedInput,
        responses={201: s.SharedOutput},
        summary="Record what you shared in a held 1:1 meeting (its host): published to every "
        "supplier in the dialogue, without naming the meeting's supplier",
    )
    def post(self, request: Request, pk: int) -> Response:
        meeting = self.meeting(request, pk)
        item = record_services.meeting_share(
            user=auth_user(request), meeting=meeting, **validated(s.SharedInput, request)
        )
        return Response(s.SharedOutput(item).data, status=status.HTTP_201_CREATED)


class ConferenceSharedApi(generics.ListAPIView[SharedInformation]):
    """What was shared at a conference and its 1:1 meetings: its host, advisors and its
    registered suppliers read it (anyone else gets an empty list)."""

    queryset = SharedInformation.objects.none()
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.SharedOutput
    filterset_fields: list[str] = []
    ordering_fields: list[str] = []

    def get_queryset(self) -> QuerySet[SharedInformation]:
        conference = conference_get(user=self.request.user, conference_id=self.kwargs["pk"])
        return rs.conference_shared_log(user=self.request.user, conference=conference)

    @extend_schema(
        request=s.SharedInput,
        responses={201: s.SharedOutput},
        summary="Record what you shared at the conference itself (its host): published to "
        "every supplier in the dialogue",
    )
    def post(self, request: Request, pk: int) -> Response:
        conference = conference_get(user=request.user, conference_id=pk)
        item = record_services.conference_share(
            user=auth_user(request), conference=conference, **validated(s.SharedInput, request)
        )
        return Response(s.SharedOutput(item).data, status=status.HTTP_201_CREATED)


class NeedSharedApi(generics.ListAPIView[SharedInformation]):
    """The need's equal-treatment log (likebehandlingslogg): everything the buyer shared in
    the dialogue on it, when and in which kind of meeting. Its buyers, advisors and the
    suppliers taking part in the dialogue read it; anyone else is told why not (403)."""

    queryset = SharedInformation.objects.none()
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.SharedOutput
    filterset_fields: list[str] = []
    ordering_fields: list[str] = []

    def get_queryset(self) -> QuerySet[SharedInformation]:
        need = need_get(user=self.request.user, need_id=self.kwargs["pk"])
        return rs.shared_log(user=self.request.user, need=need)


class RequestMinutesApi(_RequestMeeting, MinutesApi):
    """The minutes of a meeting of a need's ongoing dialogue."""


class RequestMinutesCommentApi(_RequestMeeting, MinutesCommentApi):
    """A comment on the minutes of a meeting of a need's ongoing dialogue."""


class RequestShareApi(_RequestMeeting, MeetingShareApi):
    """What the buyer shared in a meeting of a need's ongoing dialogue."""
