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
