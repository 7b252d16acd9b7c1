"""Controlled vocabularies of the domain: sectors, counties, LUP stages, procedures.

Each entry carries its Norwegian (nb) and English label; the API answers in the
request's language.
"""

from dataclasses import dataclass

from django.utils.translation import get_language


@dataclass(frozen=True)
class Term:
    code: str
    nb: str
    en: str

    @property
    def label(self) -> str:
        return self.en if (get_language() or "nb").startswith("en") else self.nb


SECTORS: tuple[Term, ...] = (
    Term("helse-og-omsorg", "Helse og omsorg", "Health and care"),
    Term("oppvekst-og-utdanning", "Oppvekst og utdanning", "Childhood and education"),
    Term("bygg-og-eiendom", "Bygg og eiendom", "Buildings and property"),
    Term("mobilitet-og-transport", "Mobilitet og transport", "Mobility and transport"),
    Term("klima-energi-miljo", "Klima, energi og miljø", "Climate, energy and environment"),
    Term("vann-avlop-renovasjon", "Vann, avløp og renovasjon", "Water, wastewater and waste"),
    Term(
        "digitalisering-og-administrasjon",
        "Digitalisering og administrasjon",
        "Digitalisation and administration",
    ),
    Term(
        "samfunnssikkerhet-og-beredskap",
        "Samfunnssikkerhet og beredskap",
        "Public safety and emergency preparedness",
    ),
    Term("kultur-og-inkludering", "Kultur og inkludering", "Culture and inclusion"),
    Term("drift-og-logistikk", "Drift og logistikk", "Operations and logistics"),
    Term(
        "naering-natur-og-landbruk", "Næring, natur og landbruk", "Business, nature and agriculture"
    ),
)

# Norway's counties from 1 January 2024, by their official two-digit number.
COUNTIES: tuple[Term, ...] = (
    Term("03", "Oslo", "Oslo"),
    Term("11", "Rogaland", "Rogaland"),
    Term("15", "Møre og Romsdal", "Møre og Romsdal"),
    Term("18", "Nordland", "Nordland"),
    Term("31", "Østfold", "Østfold"),
    Term("32", "Akershus", "Akershus"),
    Term("33", "Buskerud", "Buskerud"),
    Term("34", "Innlandet", "Innlandet"),
    Term("39", "Vestfold", "Vestfold"),
    Term("40", "Telemark", "Telemark"),
    Term("42", "Agder", "Agder"),
    Term("46", "Vestland", "Vestland"),
    Term("50", "Trøndelag", "Trøndelag"),
    Term("55", "Troms", "Troms"),
    Term("56", "Finnmark", "Finnmark"),
)


STAGES: tuple[Term, ...] = (
    Term("forankring", "Forankring", "Anchoring"),
    Term("behovsavklaring", "Behovsavklaring", "Needs clarification"),
    Term("markedsdialog", "Markedsdialog", "Market dialogue"),
    Term("konkurranse", "Konkurranse", "Competition"),
    Term("kontrakt", "Kontraktsoppfølging", "Contract follow-up"),
    Term("implementering", "Implementering og spredning", "Implementation and spreading"),
)


PROCEDURES: tuple[Term, ...] = (
    Term("innovasjonspartnerskap", "Innovasjonspartnerskap", "Innovation partnership"),
    Term(
        "konkurranse_med_forhandling",
        "Konkurranse med forhandling",
        "Competitive procedure with negotiation",
    ),
    Term("konkurransepreget_dialog", "Konkurransepreget dialog", "Competitive dialogue"),
    Term("forkommersiell", "Førkommersiell anskaffelse (PCP)", "Pre-commercial procurement (PCP)"),
    Term(
        "anbud_funksjonskrav",
        "Åpen/begrenset anbudskonkurranse med funksjonskrav",
        "Open/restricted tender with functional requirements",
    ),
    Term("uavklart", "Ikke avklart", "Not decided"),
)

LANGUAGES: tuple[Term, ...] = (
    Term("nb", "Norsk bokmål", "Norwegian Bokmål"),
    Term("nn", "Norsk nynorsk", "Norwegian Nynorsk"),
    Term("en", "Engelsk", "English"),
)

# LUP's stages before the competition is announced: the market dialogue is open.
DIALOGUE_STAGES = frozenset({"forankring", "behovsavklaring", "markedsdialog"})
DEFAULT_STAGE = "behovsavklaring"
DEFAULT_PROCEDURE = "uavklart"

SECTOR_CODES = frozenset(t.code for t in SECTORS)
COUNTY_CODES = frozenset(t.code for t in COUNTIES)


def label_for(terms: tuple[Term, ...], code: str | None) -> str:
    return next((t.label for t in terms if t.code == code), code or "")


def sector_choices() -> list[tuple[str, str]]:
    return [(t.code, t.nb) for t in SECTORS]


def county_choices() -> list[tuple[str, str]]:
    return [(t.code, t.nb) for t in COUNTIES]


def stage_choices() -> list[tuple[str, str]]:
    return [(t.code, t.nb) for t in STAGES]


def procedure_choices() -> list[tuple[str, str]]:
    return [(t.code, t.nb) for t in PROCEDURES]


def language_choices() -> list[tuple[str, str]]:
    return [(t.code, t.nb) for t in LANGUAGES]
