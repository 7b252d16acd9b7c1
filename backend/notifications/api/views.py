from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, permissions
from rest_framework.exceptions import NotFound
from rest_framework.parsers import FormParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.common.api import auth_user, validated
from backend.common.parsers import JSONParser
from backend.notifications import selectors, services
from backend.notifications.api import serializers as s
from backend.notifications.models import Channel, Notification, NotificationKind

UNREAD_PARAMETER = OpenApiParameter(
    "unread", bool, required=False, description="true: unread only; false: read only."
)


class NotificationListApi(generics.ListAPIView[Notification]):
    """The signed-in person's notifications, newest first."""

    queryset = Notification.objects.none()
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.NotificationOutput
    ordering_fields = ["created_at"]
    filterset_fields: list[str] = []

    def get_queryset(self) -> QuerySet[Notification]:
        raw = self.request.query_params.get("unread", "")
        unread = {"true": True, "1": True, "false": False, "0": False}.get(raw.lower())
        return selectors.notification_list(user=self.request.user, unread=unread)

    @extend_schema(parameters=[UNREAD_PARAMETER])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class NotificationUnreadCountApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=s.UnreadCountOutput, summary="How many notifications are unread")
    def get(self, request: Request) -> Response:
        count = selectors.notification_unread_count(user=auth_user(request))
        return Response({"unread": count})


class NotificationReadApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses=s.NotificationOutput, summary="Mark one read")
    def post(self, request: Request, pk: int) -> Response:
        notification = services.notification_mark_read(user=auth_user(request), notification_id=pk)
        return Response(s.NotificationOutput(notification).data)


class NotificationReadAllApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses=s.MarkedOutput, summary="Mark all read")
    def post(self, request: Request) -> Response:
        return Response({"marked": services.notifications_mark_all_read(user=auth_user(request))})


class NotificationPreferenceListApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        responses=s.PreferenceOutput(many=True),
        summary="How the signed-in person hears of each kind of news",
    )
    def get(self, request: Request) -> Response:
        choices = selectors.preference_list(user=auth_user(request))
        return Response(s.PreferenceOutput(choices, many=True).data)


class NotificationPreferenceApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=s.PreferenceInput,
        responses=s.PreferenceOutput,
        summary="Choose how to hear of one kind of news",
    )
    def put(self, request: Request, kind: str) -> Response:
        user = auth_user(request)
        if kind not in NotificationKind.values:
            raise NotFound()
        data = validated(s.PreferenceInput, request)
        services.preference_set(
            user=user, kind=NotificationKind(kind), channel=Channel(data["channel"])
        )
        choice = next(c for c in selectors.preference_list(user=user) if c.kind == kind)
        return Response(s.PreferenceOutput(choice).data)


class NotificationUnsubscribeApi(APIView):
    """One-click unsubscribe without signing in: the signed token of an e-mail's link (in
    the body, or in the query as a mail client's RFC 8058 POST sends it, with the form body
    ``List-Unsubscribe=One-Click``) turns the kinds of news it names off."""

    permission_classes = [permissions.AllowAny]
    authentication_classes: list[Any] = []
    parser_classes = [JSONParser, FormParser]

    @extend_schema(
        request=s.UnsubscribeInput,
        responses=s.UnsubscribeOutput,
        parameters=[OpenApiParameter("token", str, required=False)],
        summary="Unsubscribe by an e-mail's signed link (no sign-in)",
    )
    def post(self, request: Request) -> Response:
        data = validated(s.UnsubscribeInput, request)
        token = data.get("token") or request.query_params.get("token", "")
        result = services.notification_unsubscribe(token=token, channel=Channel(data["channel"]))
        return Response(s.UnsubscribeOutput.of(result))
