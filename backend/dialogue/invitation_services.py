"""Invitations to a dialogue conference: from a need's suggested solutions, the buyer (or a
LUP advisor) invites the suppliers behind the chosen ones in one action. Each organisation
is invited once; one already invited or registered is reported as such and told nothing
new. Each person of each invited organisation hears of it in their own language, with the
conference for their calendar (backend.notifications.news.conference_invitation).

All is checked before anything is written: a refused request invites nobody.
"""

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from backend.accounts.models import Organization, User
from backend.accounts.selectors import user_is_advisor, user_org_ids
from backend.audit.models import AuditEvent
from backend.audit.services import audit_log
from backend.common.access import check_can_act
from backend.dialogue.models import ConferenceInvitation, DialogueConference
from backend.notifications import news
from backend.reference.vocabularies import DIALOGUE_STAGES
from backend.responses.secrets import check_free_of_business_secrets
from backend.solutions.models import Solution

#: Suppliers one action invites at most.
MAX_INVITED = 50


class Outcome(StrEnum):
    INVITED = "invited"
    ALREADY_INVITED = "already_invited"
    ALREADY_REGISTERED = "already_registered"


@dataclass(frozen=True)
class InvitationResult:
    """What became of one organisation of an invitation: `solution` is the chosen solution
    it was invited by (the first of its own, if several were chosen)."""

    organization: Organization
    solution: Solution
    outcome: Outcome


def check_may_invite(*, user: User, conference: DialogueConference) -> None:
    """The conference's host (the buyer of its needs) and advisors invite to it."""
    check_can_act(user=user)
    if user_is_advisor(user) or conference.organization_id in user_org_ids(user):
        return
    raise PermissionDenied(
        _("Only %(host)s, which hosts the conference, and LUP advisors invite suppliers to it.")
        % {"host": conference.organization.name}
    )


def _check_open(conference: DialogueConference) -> None:
    """Invited suppliers must be able to register: an announced conference, not cancelled,
    before its registration deadline, with room, while the dialogue is open."""
    if conference.status == DialogueConference.Status.CANCELLED:
        raise ValidationError(_("The conference is cancelled: nobody can be invited to it."))
    if conference.status != DialogueConference.Status.PUBLISHED:
        raise ValidationError(
            _("Publish the conference before inviting suppliers: a draft is seen by no one.")
        )
    if timezone.now() > conference.registration_deadline:
        deadline = date_format(
            timezone.localtime(conference.registration_deadline), "SHORT_DATETIME_FORMAT"
        )
        raise ValidationError(
            _("Registration closed at %(deadline)s: an invited supplier could not register.")
            % {"deadline": deadline}
        )
    if any(n.stage not in DIALOGUE_STAGES for n in conference.needs.all()):
        raise ValidationError(_("The competition has been announced; the dialogue is closed."))
    if conference.registrations.count() >= conference.capacity:
        raise ValidationError(
            _("The conference is full (%(capacity)d organisations): nobody more can register.")
            % {"capacity": conference.capacity}
        )


def _chosen(solution_ids: Collection[int]) -> dict[int, Solution]:
    """The published solutions chosen, by organisation (its first chosen solution), in the
    order chosen. Unknown ids, and solutions that are not published, are refused by id
    (a draft answers as an unknown id does)."""
    ids = list(dict.fromkeys(solution_ids))
    if not ids:
        raise ValidationError({"solution_ids": [_("Choose at least one supplier to invite.")]})
    if len(ids) > MAX_INVITED:
        too_many = _("Invite at most %(max)d suppliers at a time.") % {"max": MAX_INVITED}
        raise ValidationError({"solution_ids": [too_many]})
    found = Solution.objects.filter(pk__in=ids, status=Solution.Status.PUBLISHED).select_related(
        "organization"
    )
    by_id = {s.pk: s for s in found}
    unknown = [f"#{pk}" for pk in ids if pk not in by_id]
    if unknown:
        raise ValidationError(
            {
                "solution_ids": [
                    _("No published solution has these ids: %(ids)s.") % {"ids": ", ".join(unknown)}
                ]
            }
        )
    chosen: dict[int, Solution] = {}
    for pk in ids:
        chosen.setdefault(by_id[pk].organization_id, by_id[pk])
    return chosen


def _message(text: str, *, conference: DialogueConference) -> str:
    message = text.strip()
    if len(message) > ConferenceInvitation.MESSAGE_LENGTH:
        raise ValidationError(
            {
                "message": [
                    _("Keep the message within %(max)d characters.")
                    % {"max": ConferenceInvitation.MESSAGE_LENGTH}
                ]
            }
        )
    need_ids = [n.pk for n in conference.needs.all()]
    check_free_of_business_secrets(texts={"message": message}, need_ids=need_ids)
    return message


def _outcome(org_id: int, *, registered: set[int], invited: set[int]) -> Outcome:
    if org_id in registered:
        return Outcome.ALREADY_REGISTERED
    if org_id in invited:
        return Outcome.ALREADY_INVITED
    return Outcome.INVITED


@transaction.atomic
def conference_invite(
    *,
    invited_by: User,
    conference: DialogueConference,
    solution_ids: Collection[int],
    message: str = "",
) -> list[InvitationResult]:
    """Invite the organisations behind the chosen published solutions to the conference,
    with an optional personal message (plain text). Returns what became of each
    organisation, in the order chosen. The conference's row lock makes two invitations of
    one organisation serialise: it is invited once."""
    check_may_invite(user=invited_by, conference=conference)
    locked = (
        DialogueConference.objects.select_for_update()
        .select_related("organization")
        .get(pk=conference.pk)
    )
    _check_open(locked)
    text = _message(message, conference=locked)
    chosen = _chosen(solution_ids)
    registered = set(locked.registrations.values_list("organization_id", flat=True))
    invited = set(locked.invitations.values_list("organization_id", flat=True))
    results = []
    for org_id, solution in chosen.items():
        outcome = _outcome(org_id, registered=registered, invited=invited)
        results.append(
            InvitationResult(organization=solution.organization, solution=solution, outcome=outcome)
        )
        if outcome == Outcome.INVITED:
            _invite(conference=locked, solution=solution, invited_by=invited_by, message=text)
    return results


def _invite(
    *, conference: DialogueConference, solution: Solution, invited_by: User, message: str
) -> ConferenceInvitation:
    invitation = ConferenceInvitation.objects.create(
        conference=conference,
        organization=solution.organization,
        solution=solution,
        invited_by=invited_by,
        message=message,
    )
    audit_log(
        actor=invited_by,
        action=AuditEvent.Action.INVITED,
        obj=invitation,
        data={"organization": solution.organization_id, "solution": solution.pk},
    )
    news.conference_invitation(invitation)
    return invitation
