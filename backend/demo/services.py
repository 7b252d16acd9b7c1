"""Realistic Norwegian demo data for `make run`: organisations of every kind, needs across
sectors and LUP stages, solutions (about half in English), dialogue conferences with 1:1
slots, registrations and responses. Idempotent: rows are found by natural keys."""

import hashlib
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from backend.accounts.models import Decision, JoinRequest, Membership, Organization, User
from backend.accounts.services import join_request_create
from backend.accounts.validators import org_number_check_digit
from backend.dialogue.models import (
    DialogueConference,
    MeetingMinutes,
    MeetingSlot,
    Registration,
    SharedInformation,
)
from backend.needs.models import CoBuyerRequest, Need
from backend.needs.services import co_buyers_sync
from backend.responses.models import Response
from backend.solutions.models import Solution

DATA = Path(__file__).parent / "data"
PASSWORD = "demo-passord-2026"

DEMO_USERS = (
    ("innkjoper@bergen.kommune.no", "Ingrid Haugland", "Bergen kommune", "buyer"),
    ("innkjoper@trondheim.kommune.no", "Magnus Rønning", "Trondheim kommune", "buyer"),
    ("grunder@helsetek.no", "Sara Nilsen", "Helsetek AS", "supplier"),
    ("radgiver@lup.no", "Kari Vold", "Leverandørutviklingsprogrammet (LUP)", "advisor"),
    ("admin@innovasjonstorget.no", "Drift Innovasjonstorget", None, "admin"),
)


def org_number_for(name: str) -> str:
    """A stable, MOD11-valid organisation number for a demo organisation."""
    seed = int(hashlib.sha256(name.encode()).hexdigest(), 16)
    while True:
        first = "9" + str(seed % 10_000_000).zfill(7)
        digit = org_number_check_digit(first)
        if digit is not None:
            return first + str(digit)
        seed //= 7


def _org(
    name: str, kind: str, *, county: str = "", verified: bool = True, municipality: str = ""
) -> Organization:
    org, _ = Organization.objects.get_or_create(
        org_number=org_number_for(name),
        defaults={
            "name": name,
            "kind": kind,
            "county": county,
            "verified": verified,
            "verified_at": timezone.now() if verified else None,
            "municipality": municipality
            or (name.replace(" kommune", "") if name.endswith("kommune") else ""),
        },
    )
    return org


def _user(email: str, full_name: str, *, superuser: bool = False) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(
            email=email,
            username=email,
            full_name=full_name,
            is_staff=superuser,
            is_superuser=superuser,
            email_verified_at=timezone.now(),
        )
        user.set_password(PASSWORD)
        user.save()
    return user


def _load(name: str) -> dict[str, Any]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _need(row: dict[str, Any], org: Organization, user: User, published_at: Any) -> Need:
    budget = row.get("budget") or (None, None)
    draft = row.get("draft", False)
    need, _ = Need.objects.get_or_create(
        organization=org,
        title=row["title"],
        defaults={
            "description": row["description"],
            "desired_effect": row.get("desired_effect", ""),
            "sector": row["sector"],
            "cpv_codes": [c.split("-")[0] for c in row["cpv_codes"]],
            "county": row["county"],
            "municipality": org.municipality,
            "budget_min": budget[0],
            "budget_max": budget[1],
            "stage": row["stage"],
            "procedure": row["procedure"],
            "language": row["language"],
            "status": Need.Status.DRAFT if draft else Need.Status.PUBLISHED,
            "published_at": None if draft else published_at,
            "created_by": user,
            "response_deadline": None if draft else published_at + timedelta(days=75),
        },
    )
    return need


def _solution(row: dict[str, Any], org: Organization, published_at: Any) -> Solution:
    draft = row.get("draft", False)
    solution, _ = Solution.objects.get_or_create(
        organization=org,
        title=row["title"],
        defaults={
            "description": row["description"],
            "sector": row["sector"],
            "trl": row["trl"],
            "regions": row["regions"],
            "language": row["language"],
            "status": Solution.Status.DRAFT if draft else Solution.Status.PUBLISHED,
            "published_at": None if draft else published_at,
        },
    )
    return solution


def _organizations() -> dict[str, Organization]:
    orgs = {
        "Leverandørutviklingsprogrammet (LUP)": _org(
            "Leverandørutviklingsprogrammet (LUP)", Organization.Kind.ADVISORY, county="03"
        )
    }
    orgs["Nordre Follo kommune"] = _org(
        "Nordre Follo kommune", Organization.Kind.PUBLIC_BUYER, county="32", verified=False
    )
    orgs["Fjordlys Teknologi AS"] = _org(
        "Fjordlys Teknologi AS", Organization.Kind.SUPPLIER, county="46", verified=False
    )
    for name, county in (("Porsgrunn kommune", "40"), ("Larvik kommune", "39")):
        orgs[name] = _org(name, Organization.Kind.PUBLIC_BUYER, county=county)
    return orgs


def _memberships(orgs: dict[str, Organization]) -> dict[str, User]:
    users: dict[str, User] = {}
    for email, full_name, org_name, role in DEMO_USERS:
        user = _user(email, full_name, superuser=role == "admin")
        users[role if role != "buyer" or "bergen" in email else "buyer2"] = user
        if org_name is not None:
            Membership.objects.get_or_create(
                user=user, organization=orgs[org_name], defaults={"role": Membership.Role.ADMIN}
            )
    return users


def _market(
    orgs: dict[str, Organization], users: dict[str, User]
) -> tuple[dict[str, Need], dict[str, Solution]]:
    data, extra = _load("demo.json"), _load("extra.json")
    now = timezone.now()
    needs: dict[str, Need] = {}
    for n, row in enumerate([*data["needs"], *extra["needs"]]):
        org = orgs.get(row["buyer"]) or _org(
            row["buyer"], Organization.Kind.PUBLIC_BUYER, county=row["county"]
        )
        orgs[row["buyer"]] = org
        owner = users["buyer"] if org.name == "Bergen kommune" else users["buyer2"]
        needs[row["key"]] = _need(row, org, owner, now - timedelta(days=3 + 2 * n))
    solutions: dict[str, Solution] = {}
    for n, row in enumerate([*data["solutions"], *extra["solutions"]]):
        org = orgs.get(row["company"]) or _org(
            row["company"], Organization.Kind.SUPPLIER, county=row["regions"][0]
        )
        orgs[row["company"]] = org
        solutions[row["key"]] = _solution(row, org, now - timedelta(days=1 + n))
    return needs, solutions


def _local(days: int, hour: int) -> Any:
    day = timezone.localtime() + timedelta(days=days)
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


CONFERENCES = (
    (
        "trd-1",
        "Dialogkonferanse: skånsomt nattlig tilsyn i helse- og velferdssentre",
        21,
        "physical",
        "Trondheim rådhus, Munkegata 1, Trondheim",
    ),
    (
        "g1-n03",
        "Markedsdialog: neste generasjon trygghetsalarm og responssenter",
        28,
        "streamed",
        "Skien rådhus, Hollenderigata 3, Skien",
    ),
    ("g2-n07", "Digital dialogkonferanse: bedre inneklima i eldre skolebygg", 35, "digital", ""),
    (
        "g1-n09",
        "Dialogmøte: mer aktivitet for beboere på sykehjem",
        -20,
        "physical",
        "Bergen rådhus, Rådhusgaten 10, Bergen",
    ),
)


def _conference(need: Need, title: str, days: int, fmt: str, place: str) -> DialogueConference:
    starts = _local(days, 9)
    conf, created = DialogueConference.objects.get_or_create(
        organization=need.organization,
        title=title,
        defaults={
            "description": (
                f"{need.organization.name} inviterer leverandører til dialog om behovet "
                f"«{need.title}». Vi presenterer behovet og effektene vi ønsker, og vil høre "
                "hvordan markedet kan bidra. Etter konferansen tilbyr vi 1:1-møter på inntil "
                "45 minutter. Spørsmål og svar publiseres til alle påmeldte leverandører."
            ),
            "agenda": "09.00 Velkommen og om anskaffelsen\n09.20 Presentasjon av behovet\n"
            "10.15 Spørsmål fra leverandørene\n11.00 Veien videre og tidsplan\n"
            "11.30 Slutt – 1:1-møter neste dag",
            "starts_at": starts,
            "ends_at": starts + timedelta(hours=2, minutes=30),
            "format": fmt,
            "location": place,
            "stream_url": "https://video.innovasjonstorget.no/direkte" if fmt != "physical" else "",
            "registration_deadline": starts - timedelta(days=7),
            "capacity": 40,
            "status": DialogueConference.Status.PUBLISHED,
            "published_at": timezone.now(),
        },
    )
    if created:
        conf.needs.set([need])
        next_day = starts + timedelta(days=1)
        for i in range(6):
            slot_start = next_day + timedelta(hours=i)
            MeetingSlot.objects.create(
                conference=conf, starts_at=slot_start, ends_at=slot_start + timedelta(minutes=45)
            )
    return conf


def _register(
    conf: DialogueConference, org: Organization, user: User | None, people: list[tuple[str, str]]
) -> Registration:
    domain = org.name.lower().split()[0].strip(",.()") + ".no"
    registration, _ = Registration.objects.get_or_create(
        conference=conf,
        organization=org,
        defaults={
            "registered_by": user,
            "participants": [
                {"name": name, "email": f"{name.split()[0].lower()}@{domain}", "role": role}
                for name, role in people
            ],
        },
    )
    return registration


def _dialogue(
    needs: dict[str, Need], solutions: dict[str, Solution], users: dict[str, User]
) -> None:
    confs = {
        key: _conference(needs[key], title, days, fmt, place)
        for key, title, days, fmt, place in CONFERENCES
    }
    helsetek = solutions["ht-1"].organization
    reg = _register(
        confs["trd-1"],
        helsetek,
        users["supplier"],
        [("Sara Nilsen", "Daglig leder"), ("Jonas Berg", "Teknisk leder")],
    )
    first = confs["trd-1"].slots.order_by("starts_at").first()
    if first is not None and not MeetingSlot.objects.filter(booked_by=helsetek).exists():
        first.booked_by, first.booked_by_user = helsetek, users["supplier"]
        first.booked_at = timezone.now()
        first.save(update_fields=["booked_by", "booked_by_user", "booked_at"])
    others = [
        s.organization
        for s in solutions.values()
        if s.sector == "helse-og-omsorg" and s.organization_id != reg.organization_id
    ][:4]
    for org in others:
        _register(confs["trd-1"], org, None, [("Eirik Solheim", "Salgssjef")])
        _register(confs["g1-n09"], org, None, [("Marte Lie", "Produktansvarlig")])
    _held_meetings(confs["g1-n09"], helsetek, others[:1], users)


HELD_MINUTES = (
    "Til stede: Ingrid Haugland (Bergen kommune, Etat for sykehjem), en fysioterapeut fra "
    "Fyllingsdalen sykehjem og leverandørens produktansvarlig.\n\n"
    "Leverandøren viste hvordan løsningen brukes i grupper på fire til seks beboere, og hvordan "
    "ansatte setter i gang en økt uten forberedelse. Kommunen spurte om erfaringer med beboere "
    "med langtkommen demens; leverandøren har data fra to sykehjem og sender en oppsummering.\n\n"
    "Kommunen presiserte at målet er daglig aktivitet for flest mulig beboere, ikke trening "
    "for de sprekeste."
)
HELD_SHARED = (
    (
        SharedInformation.Kind.CLARIFICATION,
        "Tiltaket skal passe for beboere med langtkommen demens og kunne settes i gang av "
        "ansatte og frivillige uten forberedelse. Effekten måles på funksjon, søvn og bruk av "
        "beroligende legemidler over seks måneder.",
        "",
        "",
    ),
)


def _held_meetings(
    conf: DialogueConference,
    helsetek: Organization,
    others: list[Organization],
    users: dict[str, User],
) -> None:
    """The held conference's 1:1 meetings: Helsetek's (no minutes yet, for the buyer to
    write) and another supplier's, with minutes sent and what was shared in it published."""
    _register(conf, helsetek, users["supplier"], [("Sara Nilsen", "Daglig leder")])
    slots = list(conf.slots.order_by("starts_at")[:2])
    if (
        len(slots) < 2
        or not others
        or MeetingSlot.objects.filter(conference=conf, booked_by__isnull=False).exists()
    ):
        return
    for slot, org in zip(slots, [helsetek, others[0]], strict=True):
        slot.booked_by, slot.booked_at = org, conf.registration_deadline - timedelta(days=2)
        slot.save(update_fields=["booked_by", "booked_at"])
    held = slots[1]
    minutes = MeetingMinutes.objects.create(
        slot=held,
        host=conf.organization,
        supplier=others[0],
        meeting_starts_at=held.starts_at,
        meeting_ends_at=held.ends_at,
        text=HELD_MINUTES,
        written_by=users["buyer"],
        sent_at=held.ends_at + timedelta(days=1),
    )
    for kind, text, title, url in HELD_SHARED:
        SharedInformation.objects.create(
            conference=conf,
            minutes=minutes,
            meeting_type=SharedInformation.MeetingType.ONE_TO_ONE,
            meeting_at=held.starts_at,
            kind=kind,
            text=text,
            document_title=title,
            document_url=url,
            published_by=users["buyer"],
        )
    SharedInformation.objects.create(
        conference=conf,
        meeting_type=SharedInformation.MeetingType.CONFERENCE,
        meeting_at=conf.starts_at,
        kind=SharedInformation.Kind.DOCUMENT,
        text="Presentasjonen av behovet, med tallene fra kartleggingen av aktivitet på "
        "kommunens sykehjem.",
        document_title="Presentasjon fra dialogmøtet: beboere som sitter stille",
        document_url="https://www.bergen.kommune.no/dialogmote-aktivitet-sykehjem.pdf",
        published_by=users["buyer"],
    )


RESPONSES = (
    (
        "trd-1",
        "ht-1",
        "Radarbasert tilsyn uten kamera – erfaringer fra to sykehjem",
        "Vi har testet Nattro på to sykehjem i Trøndelag i seks måneder. Nattevaktene gikk "
        "40 prosent færre unødvendige runder, og ingen fall ble oppdaget senere enn etter fem "
        "minutter. Vedlagt er våre målinger og en skisse til hvordan en pilot kan settes opp.",
        True,
    ),
    (
        "g1-n09",
        "ht-1",
        "Sensorstøttet aktivitet og døgnrytme",
        "Sensorene våre registrerer også aktivitet på dagtid, og kan gi personalet et bilde av "
        "hvem som sitter mye stille. Vi foreslår en felles kartlegging før dere velger tiltak.",
        False,
    ),
)


#: Business secrets the demo supplier marked in its responses, by need key: the text and the
#: reason (backend/responses/sections.py).
SECRETS = {
    "trd-1": (
        "Prisen for en pilot med 20 sensorer er 180 000 kroner for seks måneder, med "
        "installasjon og opplæring. Ved mer enn 200 sensorer gir vi 15 prosent rabatt.",
        "Prisene er konkurransesensitive før en eventuell konkurranse: konkurrentene kan "
        "underby oss med dem.",
    ),
}


def _sections(need_key: str, body: str) -> tuple[str, list[dict[str, object]]]:
    """The response's text and sections: the body, and its business secret if it has one."""
    sections: list[dict[str, object]] = [{"text": body, "business_secret": False, "reason": ""}]
    if need_key in SECRETS:
        text, reason = SECRETS[need_key]
        sections.append({"text": text, "business_secret": True, "reason": reason})
    return "\n\n".join(str(s["text"]) for s in sections), sections


def _responses(
    needs: dict[str, Need], solutions: dict[str, Solution], users: dict[str, User]
) -> None:
    for need_key, sol_key, summary, body, confidential in RESPONSES:
        text, sections = _sections(need_key, body)
        Response.objects.get_or_create(
            need=needs[need_key],
            organization=solutions[sol_key].organization,
            summary=summary,
            defaults={
                "body": text,
                "sections": sections,
                "confidential": confidential,
                "author": users["supplier"],
            },
        )
    for key, sol in list(solutions.items())[:6]:
        need = next(
            (
                n
                for n in needs.values()
                if n.sector == sol.sector and n.status == "published" and n.dialogue_open
            ),
            None,
        )
        if need is None or key.startswith("ht-"):
            continue
        Response.objects.get_or_create(
            need=need,
            organization=sol.organization,
            summary=f"Innspill: {sol.title}"[:300],
            defaults={
                "body": sol.description,
                "sections": [{"text": sol.description, "business_secret": False, "reason": ""}],
                "confidential": True,
            },
        )


def _co_buyers(needs: dict[str, Need], orgs: dict[str, Organization]) -> None:
    needs["g1-n03"].co_buyers.add(orgs["Porsgrunn kommune"], orgs["Larvik kommune"])


JOIN_REQUESTS = (
    (
        "ola.tveit@bergen.kommune.no",
        "Ola Tveit",
        "Bergen kommune",
        "Hei! Jeg er nyansatt rådgiver i Etat for helse og omsorg og skal følge opp "
        "markedsdialogen om aktivitet på sykehjem sammen med Ingrid.",
    ),
)

# (need key, organisation asked to be co-buyer): pending requests for the buyers to decide.
CO_BUYER_REQUESTS = (("trd-1", "Bergen kommune"), ("g2-n10", "Trondheim kommune"))


def _join_requests(orgs: dict[str, Organization]) -> None:
    """Pending requests to join, made through the service (as a user would)."""
    for email, full_name, org_name, message in JOIN_REQUESTS:
        user, org = _user(email, full_name), orgs[org_name]
        asked = JoinRequest.objects.filter(user=user, organization=org).exists()
        if not asked and not org.memberships.filter(user=user).exists():
            join_request_create(user=user, organization=org, message=message)


def _co_buyer_requests(needs: dict[str, Need], orgs: dict[str, Organization]) -> None:
    """Ask other verified buyers to be co-buyers, through the service, once per pair."""
    for key, org_name in CO_BUYER_REQUESTS:
        need, org = needs[key], orgs[org_name]
        requester = need.created_by
        if requester is None or CoBuyerRequest.objects.filter(need=need, organization=org).exists():
            continue
        asked = [*need.co_buyers.all()]
        asked += [r.organization for r in need.co_buyer_requests.filter(status=Decision.PENDING)]
        co_buyers_sync(user=requester, need=need, wanted=[*asked, org])


#: The public contact the demo's two big buyers give in their profiles (their switchboards,
#: shared mailboxes and the postcodes of their postal addresses): Bergen's EU notice has them.
CONTACTS = {
    "Bergen kommune": {
        "phone": "+47 55 56 55 56",
        "email": "postmottak@bergen.kommune.no",
        "postcode": "5020",
        "website": "https://www.bergen.kommune.no",
    },
    "Trondheim kommune": {
        "phone": "+47 72 54 00 00",
        "email": "postmottak@trondheim.kommune.no",
        "postcode": "7004",
        "website": "https://www.trondheim.kommune.no",
    },
}


def _contacts(orgs: dict[str, Organization]) -> None:
    """The contact of ``CONTACTS`` where the profile has none yet (a change is kept)."""
    for name, contact in CONTACTS.items():
        org = orgs[name]
        missing = {key: value for key, value in contact.items() if not getattr(org, key)}
        if missing:
            Organization.objects.filter(pk=org.pk).update(**missing)


@transaction.atomic
def demo_market_load() -> dict[str, int]:
    orgs = _organizations()
    orgs["Bergen kommune"] = _org("Bergen kommune", Organization.Kind.PUBLIC_BUYER, county="46")
    orgs["Trondheim kommune"] = _org(
        "Trondheim kommune", Organization.Kind.PUBLIC_BUYER, county="50"
    )
    orgs["Helsetek AS"] = _org("Helsetek AS", Organization.Kind.SUPPLIER, county="50")
    _contacts(orgs)
    users = _memberships(orgs)
    needs, solutions = _market(orgs, users)
    _co_buyers(needs, orgs)
    _dialogue(needs, solutions, users)
    _responses(needs, solutions, users)
    _join_requests(orgs)
    _co_buyer_requests(needs, orgs)
    from backend.demo.notices import notices_demo_load

    notices_demo_load(buyer=users["buyer"])
    from backend.demo.joint import joint_demo_needs

    joint_demo_needs(buyer=users["buyer"])
    from backend.demo.pilots import pilots_demo_load

    pilots_demo_load()
    from backend.demo.cases import cases_demo_load

    cases_demo_load(buyer=users["buyer"])
    from backend.demo.research import research_demo_load

    profiles = research_demo_load(buyer=users["buyer"])
    return {
        "organizations": Organization.objects.count(),
        "needs": Need.objects.count(),
        "solutions": Solution.objects.count(),
        "conferences": DialogueConference.objects.count(),
        "responses": Response.objects.count(),
        "competence_profiles": profiles,
    }


VECTORS = DATA / "vectors.npz"


def demo_vectors_seed() -> int:
    """Seed the demo's embeddings from the shipped file, so the first `make run` need not
    encode ~100 texts and their sentences on the CPU. Texts that changed are encoded anew."""
    from backend.matches import engine

    if not VECTORS.exists():
        return 0
    items = [
        *map(engine.need_item, Need.objects.all()),
        *map(engine.solution_item, Solution.objects.all()),
    ]
    return engine.vectors_import(str(VECTORS), items)


def demo_load() -> dict[str, int]:
    """Load the demo market, then build the derived stores (matches, search index) in bulk."""
    from backend.discovery.services import search_reindex
    from backend.matches.services import matches_recompute_all

    counts = demo_market_load()
    demo_vectors_seed()
    matches_recompute_all()
    from backend.demo.joint import joint_demo_groups

    joint_demo_groups()
    search_reindex()
    return counts
