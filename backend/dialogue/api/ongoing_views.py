"""A need's ongoing dialogue: the buyer opens, changes and closes it; suppliers ask for a
meeting in a week with room; the buyer accepts with a time or declines with a standard
reply; a supplier withdraws; the buyer cancels an accepted meeting."""

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.common.api import auth_user, validated
from backend.common.types import AnyUser
from backend.dialogue import ongoing_selectors as sel
from backend.dialogue import ongoing_services as services
from backend.dialogue.api import ongoing_serializers as s
from backend.dialogue.models import MeetingRequest, OngoingDialogue
from backend.dialogue.ongoing_rules import weeks_ahead
from backend.needs.models import Need
from backend.needs.selectors import need_get


def _dialogue(user: AnyUser, need_id: int) -> OngoingDialogue:
    need = need_get(user=user, need_id=need_id)
    dialogue = sel.ongoing_of(need=need)
    if dialogue is None:
        raise NotFound(_("The buyer has not opened ongoing dialogue on this need."))
    return dialogue


def _output(user: AnyUser, dialogue: OngoingDialogue, code: int = status.HTTP_200_OK) -> Response:
    context = {
        "weeks": weeks_ahead(dialogue) if dialogue.status == OngoingDialogue.Status.OPEN else [],
        "can_manage": sel.user_hosts_ongoing(user=user, dialogue=dialogue),
    }
    return Response(s.OngoingOutput(dialogue, context=context).data, status=code)


class OngoingApi(APIView):
    @extend_schema(
        responses=s.OngoingOutput,
        summary="The need's ongoing dialogue: open or closed, its weekly capacity and the "
        "places left in the coming weeks (404: never opened)",
    )
    def get(self, request: Request, pk: int) -> Response:
        return _output(request.user, _dialogue(request.user, pk))

    @extend_schema(
        request=s.OngoingInput,
        responses={201: s.OngoingOutput},
        summary="Open ongoing dialogue on your need (in a dialogue stage), with a weekly capacity",
    )
    def post(self, request: Request, pk: int) -> Response:
        need: Need = need_get(user=request.user, need_id=pk)
        data = validated(s.OngoingInput, request)
        dialogue = services.ongoing_open(user=auth_user(request), need=need, data=data)
        return _output(request.user, dialogue, status.HTTP_201_CREATED)

    @extend_schema(
        request=s.OngoingInput,
        responses=s.OngoingOutput,
        summary="Change the ongoing dialogue's capacity, meeting length, place or topics",
    )
    def patch(self, request: Request, pk: int) -> Response:
        dialogue = _dialogue(request.user, pk)
        data = validated(s.OngoingInput, request, partial=True)
        dialogue = services.ongoing_update(user=auth_user(request), dialogue=dialogue, data=data)
        return _output(request.user, dialogue)

    def get_permissions(self) -> list[Any]:
        if self.request.method == "GET":
            return [permissions.AllowAny()]
        return [permissions.IsAuthenticated()]


class OngoingCloseApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=None,
        responses=s.OngoingOutput,
        summary="Close the ongoing dialogue: waiting requests get the standard reply for closing",
    )
    def post(self, request: Request, pk: int) -> Response:
        dialogue = services.ongoing_close(
            user=auth_user(request), dialogue=_dialogue(request.user, pk)
        )
        return _output(request.user, dialogue)


class MeetingRequestListApi(generics.ListAPIView[MeetingRequest]):
    """The requests of a need's ongoing dialogue: the buyer and advisors see all of them, a
    supplier its own."""

    queryset = MeetingRequest.objects.none()
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.MeetingRequestOutput
    filterset_fields: list[str] = []
    ordering_fields: list[str] = []

    def _dialogue(self) -> OngoingDialogue:
        return _dialogue(self.request.user, self.kwargs["pk"])

    def get_queryset(self) -> QuerySet[MeetingRequest]:
        return sel.request_list(user=self.request.user, dialogue=self._dialogue())

    def get_serializer_context(self) -> dict[str, Any]:
        context = dict(super().get_serializer_context())
        if not getattr(self, "swagger_fake_view", False):
            context["can_manage"] = sel.user_hosts_ongoing(
                user=self.request.user, dialogue=self._dialogue()
            )
        return context

    @extend_schema(
        request=s.MeetingRequestInput,
        responses={201: s.MeetingRequestOutput},
        summary="Ask for a meeting in the ongoing dialogue, in a week with room (suppliers)",
    )
    def post(self, request: Request, pk: int) -> Response:
        data = validated(s.MeetingRequestInput, request)
        created = services.request_create(
            user=auth_user(request),
            dialogue=self._dialogue(),
            organization=data["organization"],
            week=data["week"],
            topic=data["topic"],
        )
        return Response(s.MeetingRequestOutput(created).data, status=status.HTTP_201_CREATED)


def _request(request: Request, pk: int) -> MeetingRequest:
    try:
        return sel.request_get(user=request.user, request_id=pk)
    except Http404:
        raise NotFound() from None


class MeetingRequestAcceptApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=s.AcceptInput,
        responses=s.MeetingRequestOutput,
        summary="Accept a meeting request with a time (the buyer); the supplier is told",
    )
    def post(self, request: Request, pk: int) -> Response:
        data = validated(s.AcceptInput, request)
        accepted = services.request_accept(
            user=auth_user(request), request=_request(request, pk), **data
        )
        return Response(s.MeetingRequestOutput(accepted).data)


class MeetingRequestDeclineApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=s.DeclineInput,
        responses=s.MeetingRequestOutput,
        summary="Decline a meeting request with a standard reply (the buyer); the supplier is told",
    )
    def post(self, request: Request, pk: int) -> Response:
        reason = validated(s.DeclineInput, request)["reason"]
        declined = services.request_decline(
            user=auth_user(request), request=_request(request, pk), reason=reason
        )
        return Response(s.MeetingRequestOutput(declined).data)


class MeetingRequestWithdrawApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=None,
        responses=s.MeetingRequestOutput,
        summary="Withdraw your meeting request or a meeting not yet held (the supplier); the "
        "buyer is told",
    )
    def post(self, request: Request, pk: int) -> Response:
        withdrawn = services.request_withdraw(
            user=auth_user(request), request=_request(request, pk)
        )
        return Response(s.MeetingRequestOutput(withdrawn).data)


class MeetingRequestCancelApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=s.RequestCancelInput,
        responses=s.MeetingRequestOutput,
        summary="Cancel an accepted meeting not yet held (the buyer), with an optional reason; "
        "the supplier is told and both sides' calendars drop it",
    )
    def post(self, request: Request, pk: int) -> Response:
        reason = validated(s.RequestCancelInput, request)["reason"]
        cancelled = services.request_cancel(
            user=auth_user(request), request=_request(request, pk), reason=reason
        )
        return Response(s.MeetingRequestOutput(cancelled).data)
