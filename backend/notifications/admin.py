"""Operators see every notification and every e-mail delivery with its fate (sent, retrying,
failed and why), and send failed ones again. Advisors and superusers only: a notification
may name who booked or registered (backend.common.admin)."""

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from backend.common.admin import ScopedAdmin
from backend.notifications.delivery import delivery_requeue
from backend.notifications.models import Delivery, Notification, NotificationPreference, Reminder


class _ReadOnly:
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Notification)
class NotificationAdmin(_ReadOnly, ScopedAdmin[Notification]):
    list_display = ["title", "kind", "user", "channel", "created_at", "read_at"]
    list_filter = ["kind", "channel"]
    search_fields = ["title", "user__email"]
    raw_id_fields = ["user"]


@admin.register(Delivery)
class DeliveryAdmin(_ReadOnly, ScopedAdmin[Delivery]):
    list_display = [
        "key",
        "user",
        "kind",
        "status",
        "attempts",
        "last_attempt_at",
        "sent_at",
        "error",
    ]
    list_filter = ["status", "kind"]
    search_fields = ["key", "user__email", "last_error"]
    raw_id_fields = ["user", "notifications"]
    actions = ["send_again"]

    @admin.display(description=_("last error"))
    def error(self, delivery: Delivery) -> str:
        return delivery.last_error[:200]

    @admin.action(description=_("Send the selected e-mails again (attempts start over)"))
    def send_again(self, request: HttpRequest, queryset: QuerySet[Delivery]) -> None:
        ids = list(queryset.values_list("pk", flat=True))
        count = delivery_requeue(user=request.user, delivery_ids=ids)
        message = ngettext(
            "%(count)d e-mail queued again.", "%(count)d e-mails queued again.", count
        ) % {"count": count}
        self.message_user(request, message, messages.SUCCESS)


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(_ReadOnly, ScopedAdmin[NotificationPreference]):
    list_display = ["user", "kind", "channel", "updated_at"]
    list_filter = ["kind", "channel"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]


@admin.register(Reminder)
class ReminderAdmin(_ReadOnly, ScopedAdmin[Reminder]):
    list_display = ["kind", "key", "sent_at"]
    list_filter = ["kind"]
