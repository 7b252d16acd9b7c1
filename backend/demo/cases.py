"""The demo's case library (issue 14): five completed needs of Norwegian municipalities told
as published cases with their documented gains (Trondheim's digital night-time supervision,
Bærum's sensor-based fall alerts, Stavanger's route optimisation in home care, Kristiansand's
waste-bin sensors, Drammen's reuse of building materials); Trondheim's case reused by two
others, so its page shows the spreading. And Bergen's medicine-dispenser need in contract
follow-up, which is not a case yet (the e2e journey records it). Through the services, so
audit and outbox are as in use. Idempotent."""

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from backend.accounts.models import Membership, Organization, User
from backend.cases.models import Case, CaseReuse
from backend.cases.services import case_create, case_publish, case_reuse
from backend.needs.models import Need

#: Bergen's need in contract follow-up that the e2e journey records as a case.
BERGEN_COMPLETED_TITLE = "Elektroniske medisindispensere i hjemmetjenesten"

CASES: tuple[dict[str, Any], ...] = (
    {
        "org": ("Trondheim kommune", "50"),
        "person": ("innkjoper@trondheim.kommune.no", "Magnus Rønning"),
        "title": "Digitalt tilsyn i hjemmetjenesten",
        "description": (
            "Hjemmetjenesten gjorde mange fysiske tilsynsbesøk om natten hos brukere som sov. "
            "Vi trengte en måte å vite at brukeren har det bra uten å vekke dem, og å bli "
            "varslet raskt når noe skjer."
        ),
        "effect": "Færre unødvendige nattbesøk, raskere hjelp ved fall og bedre søvn.",
        "sector": "helse-og-omsorg",
        "cpv": ["85323000", "48814000"],
        "stage": "implementering",
        "procedure": "innovasjonspartnerskap",
        "summary": (
            "Trondheim kjøpte digitalt tilsyn med bevegelses- og sengesensorer uten kamera, "
            "koblet til kommunens responssenter, gjennom et innovasjonspartnerskap med to "
            "leverandører. Løsningen brukes nå hos 640 hjemmeboende."
        ),
        "suppliers": ["Nattvakt Teknologi AS", "Trygg Hjemme AS"],
        "lessons": (
            "Ta med nattpatruljen og responssenteret fra første dialogmøte: de kjente "
            "behovene best. Sett av tid til opplæring og til å avtale hvem som rykker ut."
        ),
        "gains": [
            (
                "hours_freed",
                "Frigjort tid i nattpatruljen",
                "9500",
                "hours",
                "per_year",
                "buyer",
                "",
                "Turnus- og besøksdata, tolv måneder før og etter innføring.",
            ),
            (
                "money_saved",
                "Sparte kjøre- og lønnskostnader",
                "4200000",
                "nok",
                "per_year",
                "buyer",
                "",
                "Regnskap for nattpatruljen 2024 mot 2025, justert for lønnsvekst.",
            ),
            (
                "quality",
                "Færre fysiske nattbesøk som vekker brukeren",
                "38",
                "percent",
                "per_year",
                "citizens",
                "",
                "Besøkslogg i fagsystemet for de 640 brukerne.",
            ),
        ],
    },
    {
        "org": ("Bærum kommune", "32"),
        "person": ("innkjoper@baerum.kommune.no", "Siri Aasen"),
        "title": "Sensorbasert fallvarsling i sykehjem",
        "description": (
            "Beboere på sykehjemmene faller om natten, ofte uten at noen merker det før neste "
            "runde. Vi ønsket å oppdage fall og uro tidlig uten kamera på rommet."
        ),
        "effect": "Færre fall med skade, raskere hjelp og tryggere netter for beboerne.",
        "sector": "helse-og-omsorg",
        "cpv": ["33190000", "48814000"],
        "stage": "kontrakt",
        "procedure": "konkurransepreget_dialog",
        "summary": (
            "Bærum anskaffet radarbaserte fallsensorer til 220 sykehjemsrom etter en "
            "konkurransepreget dialog. Sensorene varsler nattevakten ved fall og når beboeren "
            "står opp, og er koblet til pasientvarslingsanlegget."
        ),
        "suppliers": ["Sensio AS"],
        "platform_supplier": "Helsetek AS",
        "lessons": (
            "Prøv sensorene på noen få rom først og juster varslene sammen med nattevaktene; "
            "for mange varsler de første ukene ga varseltretthet."
        ),
        "gains": [
            (
                "quality",
                "Færre fall med skade blant beboerne",
                "27",
                "percent",
                "per_year",
                "citizens",
                "",
                "Avviksmeldinger om fall, tolv måneder før og etter.",
            ),
            (
                "money_saved",
                "Færre ambulanseutrykninger etter fall",
                "1100000",
                "nok",
                "per_year",
                "other_sector",
                "samfunnssikkerhet-og-beredskap",
                "Utrykninger registrert av AMK for de fire sykehjemmene.",
            ),
            (
                "hours_freed",
                "Færre faste nattrunder",
                "3100",
                "hours",
                "per_year",
                "buyer",
                "",
                "Turnusplaner før og etter.",
            ),
        ],
    },
    {
        "org": ("Stavanger kommune", "11"),
        "person": ("innkjoper@stavanger.kommune.no", "Erlend Tjelta"),
        "title": "Ruteoptimalisering av hjemmetjenesten",
        "description": (
            "Kjørelistene i hjemmetjenesten ble lagt for hånd hver morgen. Vi ville bruke "
            "mindre tid i bil og mer tid hos brukerne."
        ),
        "effect": "Mer tid hos brukerne, kortere kjøring og lavere utslipp.",
        "sector": "helse-og-omsorg",
        "cpv": ["48000000", "72212000"],
        "stage": "implementering",
        "procedure": "konkurranse_med_forhandling",
        "summary": (
            "Stavanger kjøpte et verktøy som lager kjørelister for hjemmetjenesten ut fra "
            "vedtak, kompetanse og trafikk, integrert med fagsystemet. Tatt i bruk i alle "
            "åtte soner."
        ),
        "suppliers": ["Rutekraft AS"],
        "lessons": "Datakvaliteten i vedtakene avgjorde resultatet: rydd i dem før oppstart.",
        "gains": [
            (
                "hours_freed",
                "Mindre tid i bil, mer tid hos brukerne",
                "14000",
                "hours",
                "per_year",
                "buyer",
                "",
                "Kjørelogger og tid hos bruker fra fagsystemet.",
            ),
            (
                "co2_reduced",
                "Lavere utslipp fra tjenestebilene",
                "61",
                "tonnes_co2e",
                "per_year",
                "citizens",
                "",
                "Kjørte kilometer ganger utslippsfaktor for bilparken.",
            ),
            (
                "other",
                "Færre kjørte kilometer",
                "210000",
                "km",
                "per_year",
                "buyer",
                "",
                "Kjørebøkene for tjenestebilene.",
            ),
        ],
    },
    {
        "org": ("Kristiansand kommune", "42"),
        "person": ("innkjoper@kristiansand.kommune.no", "Tone Eikeland"),
        "title": "Fyllingssensorer i avfallsbeholdere",
        "description": (
            "Renovasjonsbilene tømte beholdere etter fast rute, enten de var fulle eller ikke. "
            "Vi ønsket å tømme når det trengs."
        ),
        "effect": "Færre tømminger av halvfulle beholdere, færre overfylte og mindre kjøring.",
        "sector": "vann-avlop-renovasjon",
        "cpv": ["90500000", "38000000"],
        "stage": "implementering",
        "procedure": "anbud_funksjonskrav",
        "summary": (
            "Kristiansand kjøpte fyllingssensorer til 1 800 nedgravde beholdere og dynamiske "
            "tømmeruter, i en åpen anbudskonkurranse med funksjonskrav."
        ),
        "suppliers": ["Sortera Sensor AS"],
        "lessons": "Funksjonskrav ga flere og bedre tilbud enn vi hadde fått med en spesifikasjon.",
        "gains": [
            (
                "money_saved",
                "Lavere driftskostnader for innsamlingen",
                "1300000",
                "nok",
                "per_year",
                "buyer",
                "",
                "Driftsregnskapet for renovasjonen.",
            ),
            (
                "co2_reduced",
                "Mindre kjøring med renovasjonsbiler",
                "18",
                "tonnes_co2e",
                "per_year",
                "citizens",
                "",
                "Kjørte kilometer fra bilenes loggere.",
            ),
        ],
    },
    {
        "org": ("Drammen kommune", "33"),
        "person": ("innkjoper@drammen.kommune.no", "Lars Hagen"),
        "title": "Ombruk av byggematerialer ved skolerehabilitering",
        "description": (
            "Ved rehabilitering av skoler ble brukbare materialer kastet. Vi ville ombruke "
            "dem i egne prosjekter."
        ),
        "effect": "Mindre avfall og lavere klimagassutslipp fra byggeprosjektene.",
        "sector": "bygg-og-eiendom",
        "cpv": ["45000000"],
        "stage": "kontrakt",
        "procedure": "konkurransepreget_dialog",
        "summary": (
            "Drammen kjøpte kartlegging, demontering og mellomlagring av byggematerialer for "
            "ombruk i tre skoleprosjekter, etter en konkurransepreget dialog."
        ),
        "suppliers": ["Ombygg AS", "Materialbanken Buskerud"],
        "lessons": "Avklar tidlig hvem som har ansvar for materialene mellom prosjektene.",
        "gains": [
            (
                "co2_reduced",
                "Unngåtte utslipp fra nye materialer",
                "420",
                "tonnes_co2e",
                "one_off",
                "citizens",
                "",
                "Klimagassberegning etter NS 3720 for de tre prosjektene.",
            ),
            (
                "money_saved",
                "Sparte innkjøp og avfallsgebyr",
                "2600000",
                "nok",
                "contract",
                "buyer",
                "",
                "Prosjektregnskapene.",
            ),
        ],
    },
)


def _org(name: str, county: str) -> Organization:
    from backend.demo.services import org_number_for

    org, _ = Organization.objects.get_or_create(
        name=name,
        defaults={
            "org_number": org_number_for(name),
            "kind": Organization.Kind.PUBLIC_BUYER,
            "county": county,
            "municipality": name.split()[0],
            "verified": True,
            "verified_at": timezone.now(),
        },
    )
    return org


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


def _completed_need(row: dict[str, Any], org: Organization, user: User, days: int) -> Need:
    need, _ = Need.objects.get_or_create(
        organization=org,
        title=row["title"],
        defaults={
            "description": row["description"],
            "desired_effect": row["effect"],
            "sector": row["sector"],
            "cpv_codes": row["cpv"],
            "county": org.county,
            "municipality": org.municipality,
            "stage": row["stage"],
            "procedure": row["procedure"],
            "status": Need.Status.PUBLISHED,
            "published_at": timezone.now() - timedelta(days=days),
            "created_by": user,
        },
    )
    return need


def _gains(row: dict[str, Any]) -> list[dict[str, Any]]:
    keys = ("type", "description", "amount", "unit", "period", "beneficiary")
    return [
        dict(zip(keys, g[:6], strict=True))
        | {"amount": Decimal(g[2]), "beneficiary_sector": g[6], "measurement": g[7]}
        for g in row["gains"]
    ]


def _case(row: dict[str, Any], days: int) -> Case:
    org = _org(*row["org"])
    user = _person(org, *row["person"])
    need = _completed_need(row, org, user, days)
    existing = Case.objects.filter(need=need).first()
    if existing is not None:
        return existing
    suppliers = list(Organization.objects.filter(name=row.get("platform_supplier", "")))
    case = case_create(
        user=user,
        need=need,
        data={
            "summary": row["summary"],
            "supplier_names": row["suppliers"],
            "suppliers": suppliers,
            "lessons": row["lessons"],
            "gains": _gains(row),
        },
    )
    return case_publish(user=user, case=case)


def _bergen_completed(buyer: User) -> Need:
    org = buyer.memberships.get(organization__name="Bergen kommune").organization
    row = {
        "title": BERGEN_COMPLETED_TITLE,
        "description": (
            "Brukere i hjemmetjenesten får medisinene sine ved fysiske besøk flere ganger om "
            "dagen, også når de ellers klarer seg selv. Vi trenger en trygg måte å gi riktig "
            "dose til riktig tid, med varsel når en dose ikke blir tatt."
        ),
        "effect": "Færre besøk bare for medisiner, færre feil og mer selvstendige brukere.",
        "sector": "helse-og-omsorg",
        "cpv": ["33190000"],
        "stage": "kontrakt",
        "procedure": "innovasjonspartnerskap",
    }
    return _completed_need(row, org, buyer, days=400)


def cases_demo_load(*, buyer: User) -> int:
    """The five published cases, Trondheim's reused by Stavanger and Bærum, and Bergen's
    completed need. Returns the number of published cases."""
    cases = [_case(row, days=500 + 30 * n) for n, row in enumerate(CASES)]
    trondheim = cases[0]
    for reuser in ("Stavanger kommune", "Bærum kommune"):
        org = Organization.objects.get(name=reuser)
        if not CaseReuse.objects.filter(case=trondheim, organization=org).exists():
            person = org.memberships.select_related("user").first()
            assert person is not None
            case_reuse(user=person.user, case=trondheim, organization=org)
    _bergen_completed(buyer)
    return Case.objects.filter(status=Case.Status.PUBLISHED).count()
