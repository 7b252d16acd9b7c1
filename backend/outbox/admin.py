"""Operators see what the outbox is doing: which entries wait, which a run holds, which
failed and why, and the dead letters, which they send again with an action (a service,
audit-logged). Entries are read-only otherwise."""

from typing import Any

from django.contrib import admin, messages
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from backend.outbox.models import OutboxEntry
from backend.outbox.services import outbox_requeue


class StateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [
            ("waiting", _("Waiting")),
            ("leased", _("Being processed")),
            ("failing", _("Failed, will retry")),
            ("dead", _("Dead letter")),
            ("done", _("Done")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        now = timezone.now()
        pending = Q(processed_at__isnull=True, dead_at__isnull=True)
        free = Q(lease_until__isnull=True) | Q(lease_until__lt=now)
        states = {
            "waiting": pending & free & Q(attempts=0),
            "leased": pending & Q(lease_until__gte=now),
            "failing": pending & free & Q(attempts__gt=0),
            "dead": Q(processed_at__isnull=True, dead_at__isnull=False),
            "done": Q(processed_at__isnull=False),
        }
        wanted = states.get(self.value() or "")
        return queryset if wanted is None else queryset.filter(wanted)


@admin.register(OutboxEntry)
class OutboxEntryAdmin(admin.ModelAdmin[OutboxEntry]):
    list_display = [
        "id",
        "topic",
        "entity",
        "entity_id",
        "created_at",
        "processed_at",
        "attempts",
        "next_attempt_at",
        "dead_at",
        "error",
    ]
    list_filter = [StateFilter, "topic", "entity"]
    search_fields = ["last_error"]
    actions = ["requeue"]

    @admin.display(description=_("last error"))
    def error(self, entry: OutboxEntry) -> str:
        return entry.last_error[:200]

    @admin.action(description=_("Send the selected entries again (attempts start over)"))
    def requeue(self, request: HttpRequest, queryset: QuerySet[OutboxEntry]) -> None:
        ids = list(queryset.values_list("pk", flat=True))
        count = outbox_requeue(user=request.user, entry_ids=ids)
        message = ngettext(
            "%(count)d entry sent again.", "%(count)d entries sent again.", count
        ) % {"count": count}
        self.message_user(request, message, messages.SUCCESS)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: OutboxEntry | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: OutboxEntry | None = None) -> bool:
        return False
