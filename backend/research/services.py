"""Writes of competence profiles and research partnerships (each atomic, audited)."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import Organization, User
from backend.accounts.policy import Act, check_org_may
from backend.accounts.selectors import user_is_advisor, user_org_ids
from backend.audit.models import AuditEvent
from backend.audit.services import audit_log
from backend.common.access import check_can_act, check_member, check_member_or_advisor
from backend.common.services import model_update
from backend.needs.models import Need
from backend.notifications import news
from backend.reference.cpv import clean_cpv_codes
from backend.reference.vocabularies import SECTORS
from backend.research.models import CompetenceProfile, ResearchPartnership
from backend.responses.models import Response, ResponseRead

State = ResearchPartnership.State

PROFILE_FIELDS = (
    "title",
    "description",
    "methods",
    "sectors",
    "cpv_codes",
    "keywords",
    "contact_role",
    "language",
)
#: Keywords on one profile, and the length of each.
KEYWORDS = 20
KEYWORD_LENGTH = 60

# Competence profiles ------------------------------------------------------------------------


def _keywords(values: list[str]) -> tuple[list[str], list[str]]:
    words = list(dict.fromkeys(v.strip() for v in values if v.strip()))
    errors = []
    if len(words) > KEYWORDS:
        errors.append(_("Give at most %(n)d keywords.") % {"n": KEYWORDS})
    errors += [
        _("A keyword has at most %(n)d characters: %(word)s") % {"n": KEYWORD_LENGTH, "word": w}
        for w in words
        if len(w) > KEYWORD_LENGTH
    ]
    return words, errors


def _profile_clean(data: dict[str, Any]) -> dict[str, Any]:
    cleaned = dict(data)
    errors: dict[str, list[str]] = {}
    if "cpv_codes" in cleaned:
        cleaned["cpv_codes"], cpv_errors = clean_cpv_codes(cleaned["cpv_codes"])
        if cpv_errors:
            errors["cpv_codes"] = cpv_errors
    if "sectors" in cleaned:
        known = {t.code for t in SECTORS}
        unknown = [s for s in cleaned["sectors"] if s not in known]
        if unknown:
            errors["sectors"] = [_("Unknown sector: %(code)s.") % {"code": c} for c in unknown]
        cleaned["sectors"] = list(dict.fromkeys(cleaned["sectors"]))
    if "keywords" in cleaned:
        cleaned["keywords"], keyword_errors = _keywords(cleaned["keywords"])
        if keyword_errors:
            errors["keywords"] = keyword_errors
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def profile_create(
    *, user: User, organization: Organization, data: dict[str, Any]
) -> CompetenceProfile:
    """A draft profile of a research institution (its members; unverified ones too)."""
    check_member(user=user, organization=organization, kind=Organization.Kind.RESEARCH)
    cleaned = _profile_clean(data)
    publish = cleaned.pop("status", None) == CompetenceProfile.Status.PUBLISHED
    profile = CompetenceProfile(organization=organization, created_by=user, **cleaned)
    profile.full_clean()
    profile.save()
    audit_log(actor=user, action=AuditEvent.Action.CREATED, obj=profile)
    if publish:
        profile_publish(user=user, profile=profile)
    return profile


@transaction.atomic
def profile_update(
    *, user: User, profile: CompetenceProfile, data: dict[str, Any]
) -> CompetenceProfile:
    check_member_or_advisor(user=user, organization=profile.organization)
    profile, changed = model_update(
        instance=profile, fields=PROFILE_FIELDS, data=_profile_clean(data)
    )
    if changed:
        audit_log(actor=user, action=AuditEvent.Action.CHANGED, obj=profile)
    return profile


def _status_set(*, user: User, profile: CompetenceProfile, status: str, action: str) -> None:
    profile.status = status
    profile.published_at = timezone.now() if status == profile.Status.PUBLISHED else None
    profile.version += 1
    profile.save(update_fields=["status", "published_at", "version", "updated_at"])
    audit_log(actor=user, action=action, obj=profile)


@transaction.atomic
def profile_publish(*, user: User, profile: CompetenceProfile) -> CompetenceProfile:
    """Public from now on: verified research institutions only (policy.py)."""
    check_member_or_advisor(user=user, organization=profile.organization)
    check_org_may(organization=profile.organization, act=Act.PUBLISH_COMPETENCE)
    if profile.status == profile.Status.PUBLISHED:
        raise ValidationError(_("The profile is already published."))
    _status_set(
        user=user,
        profile=profile,
        status=profile.Status.PUBLISHED,
        action=AuditEvent.Action.PUBLISHED,
    )
    return profile


@transaction.atomic
def profile_withdraw(*, user: User, profile: CompetenceProfile) -> CompetenceProfile:
    """Back to a draft: out of the public list and the suggestions."""
    check_member_or_advisor(user=user, organization=profile.organization)
    if profile.status != profile.Status.PUBLISHED:
        raise ValidationError(_("Only a published profile can be withdrawn."))
    _status_set(
        user=user, profile=profile, status=profile.Status.DRAFT, action=AuditEvent.Action.WITHDRAWN
    )
    return profile


@transaction.atomic
def profile_delete(*, user: User, profile: CompetenceProfile) -> None:
    check_member_or_advisor(user=user, organization=profile.organization)
    if profile.status != profile.Status.DRAFT:
        raise ValidationError(_("Withdraw the profile before you delete it."))
    audit_log(actor=user, action=AuditEvent.Action.DELETED, obj=profile)
    profile.delete()


# Research partnerships ----------------------------------------------------------------------


def check_need_buyer(*, user: User, need: Need) -> None:
    """Members of the need's buyer organisation decide on its research partners."""
    check_member(user=user, organization=need.organization, kind=Organization.Kind.PUBLIC_BUYER)


def _check_partner_member(*, user: User, partnership: ResearchPartnership) -> None:
    check_member(user=user, organization=partnership.organization, kind=Organization.Kind.RESEARCH)


@transaction.atomic
def partnership_invite(
    *,
    user: User,
    need: Need,
    organization: Organization,
    profile: CompetenceProfile | None = None,
    shared_note: str = "",
) -> ResearchPartnership:
    """The need's buyer invites a verified research institution; its members are told."""
    check_need_buyer(user=user, need=need)
    if organization.kind != Organization.Kind.RESEARCH:
        raise ValidationError(
            {"organization": [_("%(org)s is not a research institution.") % {"org": organization}]}
        )
    if not organization.verified:
        raise ValidationError(
            {
                "organization": [
                    _("%(org)s is not verified yet; a LUP advisor verifies it first.")
                    % {"org": organization}
                ]
            }
        )
    if need.status == Need.Status.CLOSED:
        raise ValidationError(_("The need is closed: it takes no new research partners."))
    if profile is not None and profile.organization_id != organization.pk:
        raise ValidationError({"profile": [_("The profile belongs to another institution.")]})
    locked = Need.objects.select_for_update().get(pk=need.pk)
    if locked.research_partnerships.filter(
        organization=organization, state__in=ResearchPartnership.OPEN_STATES
    ).exists():
        raise ValidationError(
            {"organization": [_("%(org)s is already on this need.") % {"org": organization}]}
        )
    partnership = ResearchPartnership.objects.create(
        need=need,
        organization=organization,
        profile=profile,
        shared_note=shared_note,
        invited_by=user,
    )
    audit_log(actor=user, action=AuditEvent.Action.INVITED, obj=partnership)
    news.research_partner_invited(partnership)
    return partnership


def _locked(partnership: ResearchPartnership) -> ResearchPartnership:
    return ResearchPartnership.objects.select_for_update().get(pk=partnership.pk)


@transaction.atomic
def partnership_decide(
    *, user: User, partnership: ResearchPartnership, accept: bool
) -> ResearchPartnership:
    """The institution accepts (it reads the need from now on) or declines an invitation."""
    _check_partner_member(user=user, partnership=partnership)
    if accept:
        check_org_may(organization=partnership.organization, act=Act.BE_RESEARCH_PARTNER)
    row = _locked(partnership)
    if row.state != State.INVITED:
        raise ValidationError(_("This invitation has already been answered or withdrawn."))
    row.state = State.ACCEPTED if accept else State.DECLINED
    row.decided_by = user
    row.decided_at = timezone.now()
    row.save(update_fields=["state", "decided_by", "decided_at", "updated_at"])
    action = AuditEvent.Action.APPROVED if accept else AuditEvent.Action.DECLINED
    audit_log(actor=user, action=action, obj=row)
    if accept and row.may_read_responses:
        news.response_readers_added(
            need=row.need, organization=row.organization, role="research_partner"
        )
    return row


def _check_either_side(*, user: User, partnership: ResearchPartnership) -> None:
    check_can_act(user=user)
    own = user_org_ids(user)
    sides = {partnership.need.organization_id, partnership.organization_id}
    if not (own & sides) and not user_is_advisor(user):
        raise PermissionDenied(_("Only the need's buyer or the institution can do this."))


@transaction.atomic
def partnership_end(*, user: User, partnership: ResearchPartnership) -> ResearchPartnership:
    """Either side ends the partnership (or the buyer withdraws the invitation)."""
    _check_either_side(user=user, partnership=partnership)
    row = _locked(partnership)
    if row.state not in ResearchPartnership.OPEN_STATES:
        raise ValidationError(_("The partnership has already ended."))
    row.state = State.ENDED
    row.ended_at = timezone.now()
    row.save(update_fields=["state", "ended_at", "updated_at"])
    audit_log(actor=user, action=AuditEvent.Action.WITHDRAWN, obj=row)
    return row


@transaction.atomic
def partnership_update(
    *,
    user: User,
    partnership: ResearchPartnership,
    shared_note: str | None = None,
    may_read_responses: bool | None = None,
) -> ResearchPartnership:
    """The buyer changes what it shares, and grants or revokes reading the responses."""
    check_need_buyer(user=user, need=partnership.need)
    row = _locked(partnership)
    if row.state not in ResearchPartnership.OPEN_STATES:
        raise ValidationError(_("The partnership has ended: nothing more is shared."))
    granted = may_read_responses is True and not row.may_read_responses
    changed: list[str] = []
    if shared_note is not None and shared_note != row.shared_note:
        row.shared_note = shared_note
        changed.append("shared_note")
    if may_read_responses is not None and may_read_responses != row.may_read_responses:
        row.may_read_responses = may_read_responses
        changed.append("may_read_responses")
        action = AuditEvent.Action.GRANTED if may_read_responses else AuditEvent.Action.REVOKED
        audit_log(actor=user, action=action, obj=row, data={"access": "responses"})
    if changed:
        row.save(update_fields=[*changed, "updated_at"])
        audit_log(actor=user, action=AuditEvent.Action.CHANGED, obj=row, data={"fields": changed})
    if granted and row.state == State.ACCEPTED:
        news.response_readers_added(
            need=row.need, organization=row.organization, role="research_partner"
        )
    return row


def partner_responses_read(
    *, user: User, partnership: ResearchPartnership, responses: list[Response]
) -> list[ResponseRead]:
    """Log the partner's reading of confidential responses in the response access log, as
    the buyers' reads are: one row each, acting for the institution."""
    now = timezone.now()
    return ResponseRead.objects.bulk_create(
        ResponseRead(
            response=r,
            reader=user,
            organization_id=partnership.organization_id,
            via=ResponseRead.Via.NEED,
            read_at=now,
        )
        for r in responses
        if r.confidential
    )
