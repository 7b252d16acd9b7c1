"""What an organisation may do, by its kind and whether an advisor has verified it.

This table is the one place the rule lives; services call `check_org_may`, selectors call
`org_may`, and the API shows `org_capabilities` so the interface can say what is possible.
"""

from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from backend.accounts.models import Organization

Kind = Organization.Kind


class Act(StrEnum):
    DRAFT_NEED = "draft_need"
    PUBLISH_NEED = "publish_need"
    ANNOUNCE_CONFERENCE = "announce_conference"
    BE_CO_BUYER = "be_co_buyer"
    READ_RESPONSES = "read_responses"
    PUBLISH_SOLUTION = "publish_solution"
    RESPOND = "respond"
    JOIN_DIALOGUE = "join_dialogue"
    ADVISE = "advise"
    PUBLISH_COMPETENCE = "publish_competence"
    BE_RESEARCH_PARTNER = "be_research_partner"


_BUYER_DRAFTING = frozenset({Act.DRAFT_NEED})
_SUPPLIER = frozenset({Act.PUBLISH_SOLUTION, Act.RESPOND, Act.JOIN_DIALOGUE})

_ALLOWED: dict[tuple[str, bool], frozenset[Act]] = {
    (Kind.PUBLIC_BUYER, False): _BUYER_DRAFTING,
    (Kind.PUBLIC_BUYER, True): _BUYER_DRAFTING
    | {Act.PUBLISH_NEED, Act.ANNOUNCE_CONFERENCE, Act.BE_CO_BUYER, Act.READ_RESPONSES},
    # An unverified supplier may take part; its name carries "unverified" wherever it shows.
    (Kind.SUPPLIER, False): _SUPPLIER,
    (Kind.SUPPLIER, True): _SUPPLIER,
    # A self-made advisory organisation cannot exist through the API; one the operators have
    # not verified yet grants nothing.
    (Kind.ADVISORY, False): frozenset(),
    (Kind.ADVISORY, True): frozenset({Act.ADVISE}),
    # A research institution is neither buyer nor supplier: it publishes competence profiles
    # and joins a need as research partner when a buyer invites it, once verified. Unverified,
    # it may only draft its profiles (backend/research).
    (Kind.RESEARCH, False): frozenset(),
    (Kind.RESEARCH, True): frozenset({Act.PUBLISH_COMPETENCE, Act.BE_RESEARCH_PARTNER}),
}


def org_may(*, kind: str, verified: bool, act: Act) -> bool:
    return act in _ALLOWED.get((kind, verified), frozenset())


def org_capabilities(organization: Organization) -> list[str]:
    allowed = _ALLOWED.get((organization.kind, organization.verified), frozenset())
    return sorted(str(a) for a in allowed)


def _refusal(organization: Organization, act: Act) -> str:
    if not organization.verified and org_may(kind=organization.kind, verified=True, act=act):
        return _(
            "%(org)s is not verified yet. A LUP advisor verifies new organisations, usually "
            "within two working days; until then it cannot do this."
        ) % {"org": organization.name}
    return _("%(org)s cannot do this as a %(kind)s.") % {
        "org": organization.name,
        "kind": organization.get_kind_display(),
    }


def check_org_may(*, organization: Organization, act: Act) -> None:
    """PermissionDenied with a message that says why, unless the organisation may `act`."""
    if not org_may(kind=organization.kind, verified=organization.verified, act=act):
        raise PermissionDenied(_refusal(organization, act))
