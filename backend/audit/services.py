from collections.abc import Iterable
from typing import Any

from django.db import models

from backend.audit.models import AuditEvent
from backend.common.types import AnyUser


def audit_log(
    *, actor: AnyUser | None, action: str, obj: models.Model, data: dict[str, Any] | None = None
) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        data=data or {},
    )


def audit_log_many(
    *,
    actor: AnyUser | None,
    action: str,
    objs: Iterable[models.Model],
    data: dict[str, Any] | None = None,
) -> list[AuditEvent]:
    """One event per object, written in one query (bulk writes such as the import)."""
    who = actor if actor is not None and actor.is_authenticated else None
    return AuditEvent.objects.bulk_create(
        [
            AuditEvent(
                actor=who,
                action=action,
                object_type=obj._meta.label_lower,
                object_id=str(obj.pk),
                data=data or {},
            )
            for obj in objs
        ]
    )
