"""The note counts of a need's curation board: 'Notater (3)' on every card before it is
opened, from one request. Advisors only: everyone else gets 403 before any input is read."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.common.access import check_advisor
from backend.matches.note_selectors import match_note_counts


class NoteCountsInput(serializers.Serializer):  # type: ignore[type-arg]
    need = serializers.IntegerField(
        min_value=1,
        error_messages={
            key: _("Give the need as its number, for example need=12.")
            for key in ("required", "invalid", "min_value", "max_string_length", "null")
        },
    )


class NoteCountOutput(serializers.Serializer):  # type: ignore[type-arg]
    match = serializers.IntegerField()
    count = serializers.IntegerField()


class MatchNoteCountsApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        parameters=[NoteCountsInput],
        responses=NoteCountOutput(many=True),
        summary="How many notes each suggested pair of a need has (advisors)",
    )
    def get(self, request: Request) -> Response:
        check_advisor(user=request.user)
        query = NoteCountsInput(data=request.query_params)
        query.is_valid(raise_exception=True)
        counts = match_note_counts(user=request.user, need_id=query.validated_data["need"])
        return Response([{"match": match, "count": count} for match, count in counts.items()])
