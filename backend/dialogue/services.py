"""Market dialogue: conferences, registrations and 1:1 meetings, with equal treatment."""

from collections.abc import Collection
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
from backend.common.access import check_member, check_member_or_advisor
from backend.common.exports import Table
from backend.common.services import model_update, status_change
from backend.dialogue.models import DialogueConference, MeetingSlot, Question, Registration
from backend.dialogue.rules import (
    check_questions_open,
    check_slot_fits,
    moved_conference_slot_errors,
    past_errors,
    slot_when,
)
from backend.dialogue.selectors import booking_allowance
from backend.needs.models import Need
from backend.needs.selectors import need_list
from backend.notifications import news
from backend.outbox.entities import Entity
from backend.outbox.services import derived_refresh
from backend.reference.vocabularies import DIALOGUE_STAGES
from backend.responses.secrets import check_free_of_business_secrets

#: The conference's times that its 1:1 meetings depend on (rules.moved_conference_slot_errors).
MOVING_FIELDS = ("starts_at", "ends_at", "registration_deadline")

EDITABLE_FIELDS = (
    "title",
    "description",
    "agenda",
    "starts_at",
    "ends_at",
    "format",
    "location",
    "stream_url",
    "registration_deadline",
    "capacity",
    "max_slots_per_supplier",
    "needs",
)


def _needs_errors(*, user: User, needs: list[Need], organization: Organization) -> list[str]:
    """A conference links its own organisation's needs. A need the user may not see is named
    by its id only: an error message never carries a hidden need's title."""
    visible = set(
        need_list(user=user).filter(pk__in=[n.pk for n in needs]).values_list("pk", flat=True)
    )
    errors = []
    for need in needs:
        if need.organization_id == organization.pk and need.pk in visible:
            continue
        name = need.title if need.pk in visible else f"#{need.pk}"
        errors.append(
            _("“%(title)s” is not a need of %(org)s.") % {"title": name, "org": organization.name}
        )
    return errors


def _clean(
    data: dict[str, Any],
    *,
    user: User,
    organization: Organization,
    changed: Collection[str] | None = None,
) -> dict[str, Any]:
    errors: dict[str, list[str]] = past_errors(data, changed=changed)
    starts, ends = data.get("starts_at"), data.get("ends_at")
    deadline = data.get("registration_deadline")
    if starts and ends and ends <= starts:
        errors["ends_at"] = [_("The conference must end after it starts.")]
    if starts and deadline and deadline > starts:
        errors.setdefault("registration_deadline", []).append(
            _("The registration deadline must be before the conference starts.")
        )
    if data.get("format") in ("streamed", "digital") and not data.get("stream_url"):
        errors["stream_url"] = [_("A streamed or digital conference needs a stream address.")]
    if data.get("format") in ("physical", "streamed") and not data.get("location"):
        errors["location"] = [_("A conference held in person needs a location.")]
    need_errors = _needs_errors(
        user=user, needs=list(data.get("needs") or []), organization=organization
    )
    if need_errors:
        errors["need_ids"] = need_errors
    if errors:
        raise ValidationError(errors)
    return data


def _check_host(*, user: User, conference: DialogueConference) -> None:
    check_member_or_advisor(user=user, organization=conference.organization)


@transaction.atomic
def conference_create(
    *, user: User, organization: Organization, data: dict[str, Any]
) -> DialogueConference:
    check_member(user=user, organization=organization, kind=Organization.Kind.PUBLIC_BUYER)
    cleaned = dict(_clean(data, user=user, organization=organization))
    needs = cleaned.pop("needs", [])
    conference = DialogueConference(organization=organization, created_by=user, **cleaned)
    conference.full_clean()
    conference.save()
    conference.needs.set(needs)
    audit_log(actor=user, action=AuditEvent.Action.CREATED, obj=conference)
    return conference


@transaction.atomic
def conference_update(
    *, user: User, conference: DialogueConference, data: dict[str, Any]
) -> DialogueConference:
    _check_host(user=user, conference=conference)
    if conference.status == DialogueConference.Status.CANCELLED:
        raise ValidationError(_("The conference is cancelled and can no longer be changed."))
    current = {f: getattr(conference, f) for f in EDITABLE_FIELDS if f != "needs"}
    moved = {f for f, value in data.items() if f in current and current[f] != value}
    _clean(current | data, user=user, organization=conference.organization, changed=moved)
    _check_slots_after_move(conference, {f: data[f] for f in moved})
    conference, changed = model_update(instance=conference, fields=EDITABLE_FIELDS, data=data)
    if changed:
        audit_log(actor=user, action=AuditEvent.Action.CHANGED, obj=conference)
        if conference.is_public:
            derived_refresh(entity=Entity.CONFERENCE, entity_id=conference.pk, matching=False)
        news.conference_changed(conference, fields=moved)
    return conference


@transaction.atomic
def conference_publish(*, user: User, conference: DialogueConference) -> DialogueConference:
    _check_host(user=user, conference=conference)
    check_org_may(organization=conference.organization, act=Act.ANNOUNCE_CONFERENCE)
    if conference.status != DialogueConference.Status.DRAFT:
        raise ValidationError(_("Only a draft can be published."))
    status_change(
        instance=conference,
        user=user,
        status=DialogueConference.Status.PUBLISHED,
        stamp="published_at",
        action=AuditEvent.Action.PUBLISHED,
        entity=Entity.CONFERENCE,
        matching=False,
    )
    return conference


def _check_slots_after_move(conference: DialogueConference, moved: dict[str, Any]) -> None:
    """A new start, end or registration deadline leaves every 1:1 meeting within the rules,
    or the move is refused, naming the meetings in the way."""
    times = {f: v for f, v in moved.items() if f in MOVING_FIELDS}
    if times:
        errors = moved_conference_slot_errors(conference, data=times, slots=conference.slots.all())
        if errors:
            raise ValidationError(errors)


def _check_participants(participants: list[dict[str, str]]) -> None:
    if not participants:
        raise ValidationError({"participants": [_("Register at least one participant.")]})
    for p in participants:
        if not (p.get("name") or "").strip() or "@" not in (p.get("email") or ""):
            raise ValidationError(
                {"participants": [_("Every participant needs a name and an e-mail address.")]}
            )


def _check_open(conference: DialogueConference) -> None:
    if conference.status != DialogueConference.Status.PUBLISHED:
        raise ValidationError(_("The conference is not open for registration."))
    if timezone.now() > conference.registration_deadline:
        raise ValidationError(_("The registration deadline has passed."))
    if any(n.stage not in DIALOGUE_STAGES for n in conference.needs.all()):
        raise ValidationError(_("The competition has been announced; the dialogue is closed."))


@transaction.atomic
def registration_create(
    *,
    user: User,
    conference: DialogueConference,
    organization: Organization,
    participants: list[dict[str, str]],
) -> Registration:
    check_member(
        user=user,
        organization=organization,
        kind=Organization.Kind.SUPPLIER,
        act=Act.JOIN_DIALOGUE,
    )
    locked = DialogueConference.objects.select_for_update().get(pk=conference.pk)
    _check_open(locked)
    _check_participants(participants)
    if locked.registrations.filter(organization=organization).exists():
        raise ValidationError(_("%(org)s is already registered.") % {"org": organization.name})
    if locked.registrations.count() >= locked.capacity:
        raise ValidationError(_("The conference is full."))
    registration = Registration.objects.create(
        conference=locked,
        organization=organization,
        registered_by=user,
        participants=participants,
    )
    audit_log(actor=user, action=AuditEvent.Action.REGISTERED, obj=registration)
    news.registration_received(registration)
    return registration


@transaction.atomic
def registration_cancel(*, user: User, registration: Registration) -> None:
    check_member(user=user, organization=registration.organization)
    MeetingSlot.objects.filter(
        conference=registration.conference, booked_by=registration.organization
    ).update(booked_by=None, booked_by_user=None, booked_at=None)
    audit_log(actor=user, action=AuditEvent.Action.CANCELLED, obj=registration)
    news.registration_cancelled(registration)
    registration.delete()


@transaction.atomic
def slot_create(
    *, user: User, conference: DialogueConference, starts_at: Any, ends_at: Any
) -> MeetingSlot:
    _check_host(user=user, conference=conference)
    locked = DialogueConference.objects.select_for_update().get(pk=conference.pk)
    check_slot_fits(conference=locked, starts_at=starts_at, ends_at=ends_at)
    slot = MeetingSlot(conference=locked, starts_at=starts_at, ends_at=ends_at)
    slot.full_clean()
    slot.save()
    return slot


@transaction.atomic
def slot_book(*, user: User, slot: MeetingSlot, organization: Organization) -> MeetingSlot:
    """Book a 1:1 slot. The row lock makes two bookings of one slot serialise: one wins."""
    check_member(
        user=user,
        organization=organization,
        kind=Organization.Kind.SUPPLIER,
        act=Act.JOIN_DIALOGUE,
    )
    locked = MeetingSlot.objects.select_for_update().select_related("conference").get(pk=slot.pk)
    conference = locked.conference
    registration = (
        Registration.objects.select_for_update()
        .filter(conference=conference, organization=organization)
        .first()
    )
    # The registration's row lock makes one organisation's bookings serialise (its limit).
    allowance = booking_allowance(conference=conference, organization=organization)
    if registration is None or not allowance.can_book:
        raise ValidationError(allowance.reason)
    if locked.booked_by_id is not None:
        raise ValidationError(
            _("The 1:1 meeting %(when)s is already booked.")
            % {"when": slot_when(locked.starts_at, locked.ends_at)}
        )
    locked.booked_by, locked.booked_by_user, locked.booked_at = organization, user, timezone.now()
    locked.save(update_fields=["booked_by", "booked_by_user", "booked_at", "updated_at"])
    audit_log(actor=user, action=AuditEvent.Action.BOOKED, obj=locked)
    news.meeting_booked(locked, booker=organization)
    return locked


@transaction.atomic
def slot_cancel(*, user: User, slot: MeetingSlot, reason: str = "") -> MeetingSlot:
    """Cancel a booking of a 1:1 meeting: the supplier that booked it, or the host (or an
    advisor), saying why if they will. The time is free again; the other side is told, with
    the reason (a supplier whose booking the host cancelled gets the calendar's cancellation
    too)."""
    locked = MeetingSlot.objects.select_for_update().select_related("conference").get(pk=slot.pk)
    if locked.booked_by is None:
        raise ValidationError(_("This 1:1 meeting is not booked."))
    if not user_is_advisor(user) and locked.conference.organization_id != locked.booked_by_id:
        try:
            check_member(user=user, organization=locked.booked_by)
        except PermissionDenied:
            check_member(user=user, organization=locked.conference.organization)
    booker = locked.booked_by
    by_booker = booker.pk in user_org_ids(user)
    reason = reason.strip()
    check_free_of_business_secrets(  # a supplier is only ever checked against its own
        texts={"reason": reason},
        need_ids=list(locked.conference.needs.values_list("pk", flat=True)),
        organization_ids=[booker.pk] if by_booker else None,
    )
    locked.booked_by, locked.booked_by_user, locked.booked_at = None, None, None
    locked.save(update_fields=["booked_by", "booked_by_user", "booked_at", "updated_at"])
    audit_log(
        actor=user,
        action=AuditEvent.Action.CANCELLED,
        obj=locked,
        data={"booked_by": booker.pk, "reason": reason},
    )
    if not by_booker:  # the host or an advisor cancelled it
        news.meeting_cancelled_by_host(locked, organization_id=booker.pk, reason=reason)
    else:
        news.meeting_cancelled_by_supplier(locked, booker=booker, user=user, reason=reason)
    return locked


@transaction.atomic
def question_ask(
    *, user: User, conference: DialogueConference, organization: Organization, text: str
) -> Question:
    check_member(
        user=user,
        organization=organization,
        kind=Organization.Kind.SUPPLIER,
        act=Act.JOIN_DIALOGUE,
    )
    if conference.status == DialogueConference.Status.CANCELLED:
        raise ValidationError(_("The conference is cancelled: questions are closed."))
    if not conference.registrations.filter(organization=organization).exists():
        raise ValidationError(_("Register for the conference to ask questions."))
    check_questions_open(conference)
    if not text.strip():
        raise ValidationError({"text": [_("Write a question.")]})
    question = Question.objects.create(
        conference=conference, organization=organization, asked_by=user, text=text.strip()
    )
    audit_log(actor=user, action=AuditEvent.Action.CREATED, obj=question)
    news.question_asked(question)
    return question


@transaction.atomic
def question_answer(*, user: User, question: Question, answer: str) -> Question:
    """Answer a question and publish it to every registered supplier (equal treatment)."""
    _check_host(user=user, conference=question.conference)
    if not answer.strip():
        raise ValidationError({"answer": [_("Write an answer.")]})
    question.answer, question.answered_by, question.answered_at = (
        answer.strip(),
        user,
        timezone.now(),
    )
    question.save(update_fields=["answer", "answered_by", "answered_at", "updated_at"])
    audit_log(actor=user, action=AuditEvent.Action.PUBLISHED, obj=question)
    news.question_answered(question)
    return question


def participants_export(*, user: User, conference: DialogueConference) -> Table:
    """Every registered person, for the host and advisors (CSV or XLSX). The export is
    audited."""
    from backend.dialogue.selectors import registration_list

    _check_host(user=user, conference=conference)
    rows = [
        (
            r.organization.name,
            r.organization.org_number,
            p.get("name", ""),
            p.get("email", ""),
            p.get("role", ""),
            timezone.localtime(r.created_at).strftime("%d.%m.%Y %H:%M"),
        )
        for r in registration_list(user=user, conference=conference)
        for p in r.participants
    ]
    audit_log(actor=user, action=AuditEvent.Action.EXPORTED, obj=conference)
    return Table(
        title="Deltakere",
        header=("virksomhet", "organisasjonsnummer", "navn", "e-post", "rolle", "påmeldt"),
        rows=rows,
    )
