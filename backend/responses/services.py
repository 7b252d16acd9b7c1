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
from backend.needs.models import Need
from backend.responses.models import Response


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
    body: str,
    confidential: bool = True,
) -> Response:
    check_member(
        user=user, organization=organization, kind=Organization.Kind.SUPPLIER, act=Act.RESPOND
    )
    _check_dialogue_open(need)
    response = Response(
        need=need,
        organization=organization,
        author=user,
        summary=summary,
        body=body,
        confidential=confidential,
    )
    response.full_clean()
    response.save()
    audit_log(actor=user, action=AuditEvent.Action.CREATED, obj=response)
    return response


@transaction.atomic
def response_update(*, user: User, response: Response, data: dict[str, object]) -> Response:
    check_member(user=user, organization=response.organization)
    _check_dialogue_open(response.need)
    response, changed = model_update(
        instance=response, fields=("summary", "body", "confidential"), data=data
    )
    if changed:
        audit_log(actor=user, action=AuditEvent.Action.CHANGED, obj=response)
    return response


def response_record_view(*, user: User, response: Response) -> None:
    """Reading a confidential response is audit-logged, except by its own author's org."""
    if response.confidential and response.organization_id not in user_org_ids(user):
        audit_log(actor=user, action=AuditEvent.Action.VIEWED_CONFIDENTIAL, obj=response)
