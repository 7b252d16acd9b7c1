"""The demo's research institutions (issue 14): SINTEF Digital, NTNU Senter for
omsorgsforskning and OsloMet's Institutt for sykepleie og helsefremmende arbeid (fictitious
organisation numbers, valid under MOD11), their competence profiles, a researcher at each,
and one research partnership on Bergen's need about residents who sit still much of the day.
Idempotent: rows are found by natural keys."""

from typing import Any

from django.utils import timezone

from backend.accounts.models import Membership, Organization, User
from backend.demo.services import _org, _user
from backend.needs.models import Need
from backend.research.models import CompetenceProfile, ResearchPartnership

#: (organisation, county, researcher's e-mail, researcher's name)
INSTITUTIONS = (
    ("SINTEF Digital", "50", "forsker@sintef.no", "Jonas Eide"),
    ("NTNU Senter for omsorgsforskning", "34", "forsker@ntnu.no", "Hilde Strand"),
    (
        "OsloMet Institutt for sykepleie og helsefremmende arbeid",
        "03",
        "forsker@oslomet.no",
        "Amir Haddad",
    ),
)

PROFILES: tuple[dict[str, Any], ...] = (
    {
        "institution": "SINTEF Digital",
        "title": "Digital hjemmeoppfølging og sensorbasert tilsyn",
        "description": "Vi forsker på hvordan digital hjemmeoppfølging, sensorer og "
        "velferdsteknologi kan tas i bruk i kommunale helse- og omsorgstjenester: "
        "arkitektur og samhandling mellom systemer, personvern og informasjonssikkerhet, og "
        "hvordan tjenestene må organiseres for at gevinstene skal tas ut.",
        "methods": "Brukerinvolvering, tjenestedesign, prototyping, pilotering og "
        "følgeevaluering med målinger før og etter.",
        "sectors": ["helse-og-omsorg", "digitalisering-og-administrasjon"],
        "cpv_codes": ["73110000"],
        "keywords": ["velferdsteknologi", "sensorer", "interoperabilitet", "personvern"],
        "contact_role": "Seniorforsker, helseteknologi",
        "language": "nb",
    },
    {
        "institution": "SINTEF Digital",
        "title": "Trustworthy AI in public case handling",
        "description": "We study how machine learning and language models can support case "
        "handling in municipalities and state agencies: summarising public consultation "
        "comments, triaging enquiries and checking applications, with transparency, "
        "explanations and human oversight that meet the AI Act and Norwegian administrative law.",
        "methods": "Experiments on anonymised case data, user studies with case officers, "
        "risk and impact assessments.",
        "sectors": ["digitalisering-og-administrasjon"],
        "cpv_codes": ["73110000", "72000000"],
        "keywords": ["kunstig intelligens", "språkmodeller", "saksbehandling"],
        "contact_role": "Research manager, AI",
        "language": "en",
    },
    {
        "institution": "NTNU Senter for omsorgsforskning",
        "title": "Aktivitet, døgnrytme og livskvalitet i sykehjem",
        "description": "Senteret forsker på hvordan beboere i sykehjem og omsorgsboliger kan "
        "være mer fysisk og sosialt aktive gjennom dagen, og hva det betyr for søvn, fall, "
        "funksjon og livskvalitet. Vi følger kommuner som prøver ut nye arbeidsformer og "
        "teknologi, og dokumenterer effekten for beboere, pårørende og ansatte.",
        "methods": "Følgeforskning, observasjonsstudier, registerdata (IPLOS, KPR), "
        "intervjuer og gevinstrealisering.",
        "sectors": ["helse-og-omsorg"],
        "cpv_codes": ["73110000", "85311000"],
        "keywords": ["følgeforskning", "sykehjem", "fysisk aktivitet", "livskvalitet"],
        "contact_role": "Forskningsleder",
        "language": "nb",
    },
    {
        "institution": "OsloMet Institutt for sykepleie og helsefremmende arbeid",
        "title": "Helsefremmende arbeid, ernæring og fysisk aktivitet hos eldre",
        "description": "Vi forsker på forebygging og helsefremmende tiltak for eldre som bor "
        "hjemme eller i institusjon: fysisk aktivitet, ernæring, ensomhet og hvordan "
        "sykepleiere og hjemmetjenesten kan jobbe for at eldre holder seg friske og "
        "selvstendige lenger.",
        "methods": "Intervensjonsstudier, kvalitative intervjuer, spørreundersøkelser og "
        "samskaping med brukere og ansatte.",
        "sectors": ["helse-og-omsorg"],
        "cpv_codes": ["73110000"],
        "keywords": ["helsefremming", "ernæring", "eldre", "hjemmetjeneste"],
        "contact_role": "Professor i sykepleie",
        "language": "nb",
    },
)

#: The demo's partnership: OsloMet on Bergen's need, accepted; the responses not granted.
PARTNER_NEED = "Beboere som sitter stille store deler av dagen"
PARTNER_NOTE = (
    "Vi deler kartleggingen fra tre sykehjem i Åsane og utkastet til gevinstkart. Vi ønsker "
    "deres råd om hvilke effektmål som kan måles i en pilot (aktivitet, søvn, fall) og "
    "hvordan vi følger dem opp over ett år."
)


def _institutions() -> dict[str, Organization]:
    orgs = {}
    for name, county, email, full_name in INSTITUTIONS:
        org = _org(name, Organization.Kind.RESEARCH, county=county)
        user: User = _user(email, full_name)
        Membership.objects.get_or_create(
            user=user, organization=org, defaults={"role": Membership.Role.ADMIN}
        )
        orgs[name] = org
    return orgs


def _profiles(orgs: dict[str, Organization]) -> None:
    for row in PROFILES:
        fields = {k: v for k, v in row.items() if k not in ("institution", "title")}
        CompetenceProfile.objects.get_or_create(
            organization=orgs[row["institution"]],
            title=row["title"],
            defaults={
                **fields,
                "status": CompetenceProfile.Status.PUBLISHED,
                "published_at": timezone.now(),
            },
        )


def research_demo_load(*, buyer: User) -> int:
    """The institutions, their profiles and the partnership; returns the profiles' count."""
    orgs = _institutions()
    _profiles(orgs)
    need = Need.objects.filter(title=PARTNER_NEED, organization__name="Bergen kommune").first()
    if need is not None:
        ResearchPartnership.objects.get_or_create(
            need=need,
            organization=orgs["OsloMet Institutt for sykepleie og helsefremmende arbeid"],
            defaults={
                "state": ResearchPartnership.State.ACCEPTED,
                "shared_note": PARTNER_NOTE,
                "invited_by": buyer,
                "decided_at": timezone.now(),
            },
        )
    return CompetenceProfile.objects.count()
