"""Generic write helpers shared by the apps' services."""

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.db import models
from django.utils import timezone

from backend.audit.services import audit_log
from backend.common.models import VersionedModel
from backend.common.types import AnyUser
from backend.outbox.entities import Entity
from backend.outbox.services import derived_refresh

M = TypeVar("M", bound=models.Model)


def model_update(*, instance: M, fields: Iterable[str], data: Mapping[str, Any]) -> tuple[M, bool]:
    """Set the given fields from `data` where present; save only what changed.

    Many-to-many fields are set after the save. Returns the instance and whether
    anything changed. A `version` field, when the model has one, grows by one.
    """
    changed: list[str] = []
    m2m: dict[str, Any] = {}
    model_fields = {f.name: f for f in instance._meta.get_fields()}
    for name in fields:
        if name not in data:
            continue
        field = model_fields[name]
        if field.many_to_many:
            m2m[name] = data[name]
            continue
        if getattr(instance, name) != data[name]:
            setattr(instance, name, data[name])
            changed.append(name)
    for name, value in m2m.items():
        current = set(getattr(instance, name).values_list("pk", flat=True))
        wanted = {v.pk if isinstance(v, models.Model) else v for v in value}
        if current != wanted:
            getattr(instance, name).set(value)
            changed.append(name)
    if changed:
        if "version" in model_fields:
            instance.version += 1  # type: ignore[attr-defined]
            changed.append("version")
        instance.full_clean()
        concrete = [n for n in changed if not model_fields[n].many_to_many]
        if "updated_at" in model_fields:
            concrete.append("updated_at")
        instance.save(update_fields=concrete)
    return instance, bool(changed)


def status_change(
    *,
    instance: VersionedModel,
    user: AnyUser,
    status: str,
    action: str,
    entity: Entity,
    stamp: str | None = None,
    matching: bool = True,
) -> None:
    """Move a row to a new status: stamp the time, bump the version, save, audit it, and
    queue the refresh of the derived stores (search index, and matches unless told not)."""
    fields = ["status", "version", "updated_at"]
    instance.status = status  # type: ignore[attr-defined]
    if stamp is not None:
        setattr(instance, stamp, timezone.now())
        fields.append(stamp)
    instance.version += 1
    instance.save(update_fields=fields)
    audit_log(actor=user, action=action, obj=instance)
    derived_refresh(entity=entity, entity_id=instance.pk, matching=matching)
