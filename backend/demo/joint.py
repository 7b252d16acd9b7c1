"""The demo's joint procurement (issue 14): Bergen, Askøy and Øygarden procure digital
night-time care in the home services together (an active group led by Bergen), and Bergen has
invited Voss herad, which has not answered yet. The needs are published with the market
(`joint_demo_needs`, before the matching run); the group is formed through the services once
the suggestions exist (`joint_demo_groups`): an advisor puts each pair on the board, Bergen
invites, the others answer. Idempotent."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from backend.accounts.models import Membership, Organization, User
from backend.joint.models import GroupMembership, ProcurementGroup
from backend.joint.services import group_invite, group_update, membership_answer
from backend.matches.models import Match
from backend.matches.services import match_create_manual, match_shortlist
from backend.needs.models import Need

DESCRIPTION = (
    "Hjemmetjenesten gjør i dag mange fysiske nattbesøk hos brukere som trenger tilsyn, men "
    "ikke hjelp. Besøkene vekker brukerne, tar tid fra dem som trenger hjelp, og gir likevel "
    "bare et øyeblikksbilde av natten. Vi ønsker digitalt tilsyn som varsler ved fall, uro "
    "eller når brukeren ikke er tilbake i sengen, uten kamera i hjemmet, og som kan kobles til "
    "responssenteret vi deler med nabokommunene."
)
EFFECT = "Færre unødvendige nattbesøk, raskere hjelp ved fall og bedre søvn for brukerne."

#: (organisation, county, title, users, budget from, budget to, the buyer's person)
NEEDS = (
    (
        "Bergen kommune",
        "46",
        "Digitalt tilsyn om natten i hjemmetjenesten",
        420,
        3_000_000,
        6_000_000,
        None,
    ),
    (
        "Askøy kommune",
        "46",
        "Nattlig tilsyn som ikke forstyrrer søvnen",
        70,
        400_000,
        900_000,
        ("innkjoper@askoy.kommune.no", "Hilde Sælen"),
    ),
    (
        "Øygarden kommune",
        "46",
        "Trygghet om natten for hjemmeboende med demens",
        110,
        600_000,
        1_200_000,
        ("innkjoper@oygarden.kommune.no", "Jon Are Tveit"),
    ),
    (
        "Voss herad",
        "46",
        "Digitalt nattilsyn i heimetenesta",
        45,
        250_000,
        500_000,
        ("innkjopar@voss.kommune.no", "Ragnhild Lid"),
    ),
)
GREETING = (
    "Vi har samme utfordring med nattbesøkene og deler responssenter. Skal vi gå sammen om én "
    "anskaffelse? Da blir volumet stort nok til at flere leverandører vil delta."
)
SHARED_TITLE = "Felles anskaffelse: digitalt nattilsyn i hjemmetjenesten i Bergensregionen"
SHARED_DESCRIPTION = (
    "Bergen, Askøy og Øygarden gjør til sammen flere tusen fysiske nattbesøk i uken hos "
    "hjemmeboende som trenger tilsyn, men ikke hjelp, og deler responssenter. Vi ønsker én "
    "løsning for digitalt tilsyn som varsler ved fall, uro eller når brukeren ikke er tilbake "
    "i sengen, uten kamera i hjemmet, og som kobles til det felles responssenteret. Bergen "
    "leder anskaffelsen; hver kommune følger opp egne brukere."
)
#: Trondheim's need on night-time care: Bergen may invite it (the e2e journey does).
TRONDHEIM_TITLE = "Nattlig tilsyn som ikke vekker beboerne"


def _org(name: str, county: str) -> Organization:
    org, _ = Organization.objects.get_or_create(
        name=name,
        defaults={
            "org_number": _org_number(name),
            "kind": Organization.Kind.PUBLIC_BUYER,
            "county": county,
            "municipality": name.split()[0],
            "verified": True,
            "verified_at": timezone.now(),
        },
    )
    return org


def _org_number(name: str) -> str:
    from backend.demo.services import org_number_for

    return org_number_for(name)


def _person(org: Organization, email: str, full_name: str) -> User:
    from backend.demo.services import PASSWORD

    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(
            email=email, username=email, full_name=full_name, email_verified_at=timezone.now()
        )
        user.set_password(PASSWORD)
        user.save()
    Membership.objects.get_or_create(
        user=user, organization=org, defaults={"role": Membership.Role.ADMIN}
    )
    return user


def joint_demo_needs(*, buyer: User) -> list[Need]:
    """The four published needs on digital night-time care (Bergen's by the demo's buyer)."""
    now = timezone.now()
    needs = []
    for n, (name, county, title, users, low, high, person) in enumerate(NEEDS):
        org = _org(name, county)
        author = buyer if person is None else _person(org, *person)
        need, _ = Need.objects.get_or_create(
            organization=org,
            title=title,
            defaults={
                "description": DESCRIPTION,
                "desired_effect": EFFECT,
                "sector": "helse-og-omsorg",
                "cpv_codes": ["85323000", "48814000"],
                "county": county,
                "municipality": org.municipality,
                "estimated_users": users,
                "budget_min": low,
                "budget_max": high,
                "stage": "markedsdialog",
                "procedure": "konkurransepreget_dialog",
                "status": Need.Status.PUBLISHED,
                "published_at": now - timedelta(days=4 + n),
                "response_deadline": now + timedelta(days=60),
                "created_by": author,
            },
        )
        needs.append(need)
    return needs


def _on_board(advisor: User, need: Need, other: Need) -> None:
    """The pair is among the similar needs shown for `need` (an advisor's pair if the engine
    did not find it)."""
    found = Match.objects.filter(need=need, other_need=other).first()
    if found is None:
        try:
            match_create_manual(user=advisor, need=need, other_need=other)
        except ValidationError:  # the engine paired them the other way round only
            Match.objects.create(
                need=need,
                other_need=other,
                kind=Match.Kind.NEED_NEED,
                source=Match.Source.MANUAL,
                state=Match.State.SHORTLISTED,
                created_by=advisor,
            )
    elif found.state == Match.State.SUGGESTED:
        match_shortlist(user=advisor, match=found)


def joint_demo_groups() -> int:
    """Bergen's active group with Askøy and Øygarden, Voss invited; Bergen's need paired with
    Trondheim's on night-time care. Returns the number of groups (0 or 1 made now)."""
    if ProcurementGroup.objects.filter(title=SHARED_TITLE).exists():
        return 0
    buyer = User.objects.get(email="innkjoper@bergen.kommune.no")
    advisor = User.objects.get(email="radgiver@lup.no")
    bergen, *others = [
        Need.objects.get(organization__name=name, title=title) for name, _c, title, *_r in NEEDS
    ]
    trondheim = Need.objects.filter(organization__name="Trondheim kommune", title=TRONDHEIM_TITLE)
    for other in [*others, *trondheim]:
        _on_board(advisor, bergen, other)
    for other in others:
        invitation = group_invite(user=buyer, need=bergen, other_need=other, message=GREETING)
        if other.organization.name != "Voss herad":
            answerer = other.created_by
            assert answerer is not None
            membership_answer(user=answerer, membership=invitation, accept=True)
    group = GroupMembership.objects.get(need=bergen, state=GroupMembership.State.ACCEPTED).group
    group_update(
        user=buyer,
        group=group,
        data={
            "title": SHARED_TITLE,
            "description": SHARED_DESCRIPTION,
            "combined_users": 600,
            "combined_budget": 7_500_000,
        },
    )
    return 1
