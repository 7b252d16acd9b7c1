"""Who hears what: the people behind an organisation, a need, a conference, and the
advisors. Active accounts only. Each is one query; callers pass the result to
``notification_send``."""

from collections.abc import Iterable

from django.db.models import QuerySet

from backend.accounts.models import Organization, User
from backend.dialogue.models import DialogueConference
from backend.needs.models import Need


def _active() -> QuerySet[User]:
    return User.objects.filter(is_active=True)


def organization_members(*, organization_ids: Iterable[int]) -> list[User]:
    ids = sorted(set(organization_ids))
    return list(_active().filter(memberships__organization_id__in=ids).distinct().order_by("pk"))


def need_buyers(*, need: Need) -> list[User]:
    """The need's organisation and its co-buyers (who read its responses)."""
    co_buyers = need.co_buyers.values_list("pk", flat=True)
    return organization_members(organization_ids=[need.organization_id, *co_buyers])


def conference_hosts(*, conference: DialogueConference) -> list[User]:
    return organization_members(organization_ids=[conference.organization_id])


def registered_suppliers(*, conference: DialogueConference) -> list[User]:
    """Every person of every organisation registered for the conference (equal treatment:
    all of them hear what one hears)."""
    orgs = conference.registrations.values_list("organization_id", flat=True)
    return organization_members(organization_ids=orgs)


def conference_suppliers(*, conference: DialogueConference) -> list[User]:
    """Every person of every organisation registered for or invited to the conference: the
    ones with it in their calendars, who hear when its time or place changes."""
    registered = conference.registrations.values_list("organization_id", flat=True)
    invited = conference.invitations.values_list("organization_id", flat=True)
    return organization_members(organization_ids=[*registered, *invited])


def advisors() -> list[User]:
    """Members of verified advisory organisations (superusers are operators, not advisors
    who curate)."""
    return list(
        _active()
        .filter(
            memberships__organization__kind=Organization.Kind.ADVISORY,
            memberships__organization__verified=True,
        )
        .distinct()
        .order_by("pk")
    )
