from typing import Any

from rest_framework import serializers

from backend.notifications.messages import Audience
from backend.notifications.models import Channel, Notification, NotificationKind
from backend.notifications.selectors import KindChoice, notification_texts
from backend.notifications.services import Unsubscribed


class NotificationOutput(serializers.ModelSerializer[Notification]):
    """Texts in the reader's language (Accept-Language), made from the notification's data."""

    kind = serializers.CharField(
        help_text="A NotificationKind value; empty for a notification from before kinds."
    )
    title = serializers.SerializerMethodField()
    body = serializers.SerializerMethodField()

    class Meta:
        model = Notification
        fields = ["id", "kind", "title", "body", "link", "read_at", "created_at"]

    def get_title(self, notification: Notification) -> str:
        return notification_texts(notification).title

    def get_body(self, notification: Notification) -> str:
        return notification_texts(notification).body


class UnreadCountOutput(serializers.Serializer):  # type: ignore[type-arg]
    unread = serializers.IntegerField()


class MarkedOutput(serializers.Serializer):  # type: ignore[type-arg]
    marked = serializers.IntegerField(help_text="How many notifications were marked read.")


class PreferenceOutput(serializers.Serializer):  # type: ignore[type-arg]
    kind = serializers.ChoiceField(choices=NotificationKind.choices)
    title = serializers.SerializerMethodField(help_text="The kind, in the reader's language.")
    audiences = serializers.ListField(
        child=serializers.ChoiceField(choices=[a.value for a in Audience])
    )
    channel = serializers.ChoiceField(choices=Channel.choices)
    default = serializers.ChoiceField(choices=Channel.choices)

    def get_title(self, choice: KindChoice) -> str:
        return str(NotificationKind(choice.kind).label)


class PreferenceInput(serializers.Serializer):  # type: ignore[type-arg]
    channel = serializers.ChoiceField(choices=Channel.choices)


class UnsubscribeInput(serializers.Serializer):  # type: ignore[type-arg]
    token = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    channel = serializers.ChoiceField(
        choices=Channel.choices,
        default=Channel.OFF,
        help_text="What the kinds are set to: off to unsubscribe; the e-mail's channel "
        "(``previous``) to undo.",
    )


class KindTitleOutput(serializers.Serializer):  # type: ignore[type-arg]
    kind = serializers.ChoiceField(choices=NotificationKind.choices)
    title = serializers.CharField()


class UnsubscribeOutput(serializers.Serializer):  # type: ignore[type-arg]
    kinds = KindTitleOutput(many=True)
    channel = serializers.ChoiceField(choices=Channel.choices)
    previous = serializers.ChoiceField(
        choices=Channel.choices, help_text="The channel the e-mail came by: what undo restores."
    )

    @staticmethod
    def of(result: Unsubscribed) -> dict[str, Any]:
        return {
            "kinds": [{"kind": k.value, "title": str(k.label)} for k in result.kinds],
            "channel": result.channel,
            "previous": result.previous,
        }
