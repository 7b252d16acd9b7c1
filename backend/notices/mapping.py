"""How the platform's vocabularies map onto the eForms and OCDS code lists.

Pure functions and tables (no database): docs/notices.md lists every field with its source.
"""

from dataclasses import dataclass

from backend.reference.vocabularies import COUNTIES, PROCEDURES, SECTORS, STAGES, Term

#: eForms SDK the notices follow (its minor goes into CustomizationID); the tests validate
#: against this version's XSD, fetched by scripts/eforms-sdk.sh (tools/eforms-sdk/pom.xml).
EFORMS_SDK_VERSION = "1.13.3"
#: Doffin's Norwegian extension of CustomizationID (github.com/anskaffelser/eforms-sdk-nor):
#: notices Doffin forwards to TED, and national notices below the EEA threshold.
DOFFIN_EU = "urn:fdc:anskaffelser.no:2023:eforms:eu"
DOFFIN_NATIONAL = "urn:fdc:anskaffelser.no:2023:eforms:national"

#: The EEA thresholds for municipalities, county authorities and bodies governed by public
#: law from 2024 (NOK, VAT excluded): goods and services, and works. Settings
#: NOTICES_EU_THRESHOLD_NOK and NOTICES_EU_THRESHOLD_WORKS_NOK change them.
EEA_THRESHOLD_NOK = 2_300_000
EEA_THRESHOLD_WORKS_NOK = 57_800_000

#: NUTS 3 (the eForms SDK's nuts-lvl3 list, NUTS 2024) of each county from 1 January 2024.
COUNTY_NUTS: dict[str, str] = {
    "03": "NO081",  # Oslo
    "11": "NO0A1",  # Rogaland
    "15": "NO0A3",  # Møre og Romsdal
    "18": "NO071",  # Nordland
    "31": "NO083",  # Østfold
    "32": "NO084",  # Akershus
    "33": "NO085",  # Buskerud
    "34": "NO020",  # Innlandet
    "39": "NO093",  # Vestfold
    "40": "NO094",  # Telemark
    "42": "NO092",  # Agder
    "46": "NO0A2",  # Vestland
    "50": "NO060",  # Trøndelag
    "55": "NO072",  # Troms
    "56": "NO073",  # Finnmark
}

#: The need's language → the eForms language code (Doffin writes Norwegian as NOR).
EFORMS_LANGUAGE = {"nb": "NOR", "nn": "NOR", "en": "ENG"}

#: Sector → BT-10 activity of the authority (authority-activity code list).
SECTOR_ACTIVITY: dict[str, str] = {
    "helse-og-omsorg": "health",
    "oppvekst-og-utdanning": "education",
    "bygg-og-eiendom": "hc-am",
    "mobilitet-og-transport": "gen-pub",
    "klima-energi-miljo": "env-pro",
    "vann-avlop-renovasjon": "env-pro",
    "digitalisering-og-administrasjon": "gen-pub",
    "samfunnssikkerhet-og-beredskap": "pub-os",
    "kultur-og-inkludering": "rcr",
    "drift-og-logistikk": "gen-pub",
    "naering-natur-og-landbruk": "econ-aff",
}

#: BT-776 (innovative-acquisition code list) in words, as the notice states it.
INNOVATION: dict[str, Term] = {
    "mar-nov": Term(
        "mar-nov",
        "Utfordrer markedet til å tilby eller utvikle innovative løsninger",
        "Challenges the market to offer or develop innovative solutions",
    ),
    "rd-act": Term(
        "rd-act",
        "Omfatter forsknings- og utviklingsaktiviteter",
        "Includes research and development activities",
    ),
}
#: Procedures that buy research and development (PCP) or develop the solution with the
#: supplier (innovation partnership).
RESEARCH_PROCEDURES = frozenset({"forkommersiell", "innovasjonspartnerskap"})


def innovation_codes(*, procedure: str) -> list[str]:
    """BT-776 for a need on this platform: a need describes a problem and the effect wanted,
    never a product, so it always challenges the market (mar-nov); PCP and innovation
    partnerships include research and development (rd-act)."""
    codes = ["mar-nov"]
    if procedure in RESEARCH_PROCEDURES:
        codes.append("rd-act")
    return codes


def contract_nature(cpv: str) -> str:
    """BT-23 from the main CPV code: division 45 is works; up to 44 and 48 are supplies
    (goods); the rest services. OCDS names supplies 'goods'."""
    division = int(cpv[:2])
    if division == 45:
        return "works"
    if division <= 44 or division == 48:
        return "supplies"
    return "services"


def buyer_legal_type(name: str) -> str:
    """BT-11 from the organisation's name: a county authority is a regional authority (ra), a
    municipality a local authority (la), a directorate or state agency central government
    (cga); anything else a body governed by public law controlled by central government
    (body-pl-cga: health trusts, state-owned companies). Doffin refuses the generic codes."""
    lowered = name.lower()
    if "fylkeskommune" in lowered:
        return "ra"
    if "kommune" in lowered:
        return "la"
    if any(w in lowered for w in ("direktorat", "statens", "departement", "etaten", "tilsyn")):
        return "cga"
    return "body-pl-cga"


def buyer_town(name: str, municipality: str) -> str:
    """BT-513: the organisation's municipality, else the one its name gives ("Bergen kommune"
    is in Bergen; a county authority's name gives none)."""
    if municipality:
        return municipality
    if name.endswith(" kommune") and not name.endswith("fylkeskommune"):
        return name.removesuffix(" kommune")
    return ""


@dataclass(frozen=True)
class Threshold:
    """The EEA threshold (NOK, VAT excluded) that applies to a contract of its nature."""

    supplies_services: int
    works: int

    def above(self, *, nature: str, value: int | None) -> bool:
        """Whether the estimated value reaches the threshold; no value is taken as below
        (the notice does not claim an EU procedure it cannot show)."""
        if value is None:
            return False
        limit = self.works if nature == "works" else self.supplies_services
        return value >= limit


def term_label(terms: tuple[Term, ...], code: str, language: str) -> str:
    term = next((t for t in terms if t.code == code), None)
    if term is None:
        return code
    return term.en if language == "en" else term.nb


def sector_label(code: str, language: str) -> str:
    return term_label(SECTORS, code, language)


def county_label(code: str, language: str) -> str:
    return term_label(COUNTIES, code, language)


def procedure_label(code: str, language: str) -> str:
    return term_label(PROCEDURES, code, language)


def stage_label(code: str, language: str) -> str:
    return term_label(STAGES, code, language)
