from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import Organization, User
from backend.accounts.policy import Act
from backend.accounts.selectors import user_org_ids
from backend.audit.models import AuditEvent
from backend.audit.services import audit_log
from backend.common.access import check_member
from backend.common.services import model_update
from backend.common.types import AnyUser
from backend.needs.models import Need
from backend.notifications import news
from backend.responses.models import Response, ResponseRead
from backend.responses.sections import (
    Section,
    body_of,
    clean_sections,
    has_business_secrets,
    one_section,
    sections_of,
)
from backend.responses.selectors import reader_organizations


def _check_dialogue_open(need: Need) -> None:
    if not need.dialogue_open:
        raise ValidationError(
            _("The dialogue on this need is closed: responses are no longer accepted.")
        )
    if need.response_deadline and timezone.now() > need.response_deadline:
        raise ValidationError(_("The deadline for responses has passed."))


@transaction.atomic
def response_create(
    *,
    user: User,
    need: Need,
    organization: Organization,
    summary: str,
    body: str = "",
    sections: list[Section] | None = None,
    confidential: bool = True,
) -> Response:
    """A supplier's response, as one text (`body`) or in sections it may mark as business
    secrets (sections.py)."""
    check_member(
        user=user, organization=organization, kind=Organization.Kind.SUPPLIER, act=Act.RESPOND
    )
    _check_dialogue_open(need)
    cleaned = clean_sections(
        one_section(body) if sections is None else sections, confidential=confidential
    )
    response = Response(
        need=need,
        organization=organization,
        author=user,
        summary=summary,
        body=body_of(cleaned),
        sections=[s.stored() for s in cleaned],
        confidential=confidential,
    )
    response.full_clean()
    response.save()
    audit_log(actor=user, action=AuditEvent.Action.CREATED, obj=response)
    news.response_received(response)
    return response


def _sections_update(response: Response, data: dict[str, Any]) -> dict[str, Any]:
    """`data` with the sections and the whole text as they will be: new sections, or a new
    text as one section (refused while sections are marked: no marker is lost unseen)."""
    if not {"sections", "body", "confidential"} & set(data):
        return data
    current = sections_of(response.sections)
    if "sections" in data:
        sections = data["sections"]
    elif "body" in data:
        if has_business_secrets(current):
            raise ValidationError(
                {
                    "body": [
                        _(
                            "This response has sections marked as business secrets: change "
                            "its sections, so that no marker is lost."
                        )
                    ]
                }
            )
        sections = one_section(data["body"])
    else:
        sections = current
    confidential = data.get("confidential", response.confidential)
    cleaned = clean_sections(sections, confidential=confidential)
    return data | {"sections": [s.stored() for s in cleaned], "body": body_of(cleaned)}


@transaction.atomic
def response_update(*, user: User, response: Response, data: dict[str, Any]) -> Response:
    check_member(user=user, organization=response.organization)
    _check_dialogue_open(response.need)
    response, changed = model_update(
        instance=response,
        fields=("summary", "body", "sections", "confidential"),
        data=_sections_update(response, data),
    )
    if changed:
        audit_log(actor=user, action=AuditEvent.Action.CHANGED, obj=response)
    return response


def response_reads_record(
    *, user: AnyUser, responses: Iterable[Response], via: ResponseRead.Via
) -> list[ResponseRead]:
    """Log every confidential response in `responses` that `user` reads from outside the
    supplier that wrote it: one row each, in one INSERT, whatever the path (a response in a
    list counts as read). The supplier's own members are not logged."""
    if not user.is_authenticated:
        return []
    own = user_org_ids(user)
    read = [r for r in responses if r.confidential and r.organization_id not in own]
    if not read:
        return []
    acting_for = reader_organizations(user=user, responses=read)
    now = timezone.now()
    return ResponseRead.objects.bulk_create(
        ResponseRead(
            response=r, reader=user, organization_id=acting_for.get(r.pk), via=via, read_at=now
        )
        for r in read
    )
