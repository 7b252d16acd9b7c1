"""A need's market dialogue as an eForms prior information notice (PIN), UBL 2.3 XML.

Above the EEA threshold: subtype 4, the PIN used only for information under directive
2014/24/EU. Below it: E2, the voluntary PIN used only for information that Doffin takes for
national notices. CustomizationID names the SDK and Doffin's Norwegian extension (eu or
national). docs/notices.md maps every business term (BT) to its source.
"""

import re
import uuid
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

from django.conf import settings

from backend.notices import mapping, words
from backend.notices.content import Buyer, DialogueNotice, Text
from backend.notices.words import OSLO

NS = {
    "": "urn:oasis:names:specification:ubl:schema:xsd:PriorInformationNotice-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "ext": "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2",
    "efac": "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1",
    "efbc": "http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1",
    "efext": "http://data.europa.eu/p27/eforms-ubl-extensions/1",
}
for _prefix, _uri in NS.items():
    ET.register_namespace(_prefix, _uri)

BUYER = "ORG-0001"
REVIEW = "ORG-0002"
PART = "PAR-0001"
#: Norway's ELI for the public procurement regulations (anskaffelsesforskriften), BT-01(c).
FOA_ELI = "http://data.lovdata.no/eli/forskrift/2016/08/12/974"
LEGAL_BASIS = {
    "NOR": "Anskaffelsesforskriften",
    "ENG": "Public Procurement Regulations (anskaffelsesforskriften)",
}


def _q(tag: str) -> str:
    prefix, _, name = tag.rpartition(":")
    return f"{{{NS[prefix]}}}{name}"


#: Characters XML 1.0 cannot carry (control characters but tab and line breaks, surrogates).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    child = ET.SubElement(parent, _q(tag), attrs)
    if text is not None:
        child.text = _NOT_XML.sub("", text)
    return child


def _texts(notice: DialogueNotice) -> list[Text]:
    """One text per eForms language (nb and nn are both NOR: the need's own is kept)."""
    seen: dict[str, Text] = {}
    for text in notice.texts:
        seen.setdefault(mapping.EFORMS_LANGUAGE[text.language], text)
    return list(seen.values())


def _multi(parent: ET.Element, tag: str, values: list[tuple[str, str]]) -> None:
    for language, value in values:
        _el(parent, tag, value, languageID=language)


def is_above_threshold(notice: DialogueNotice) -> bool:
    threshold = mapping.Threshold(
        supplies_services=getattr(settings, "NOTICES_EU_THRESHOLD_NOK", mapping.EEA_THRESHOLD_NOK),
        works=getattr(settings, "NOTICES_EU_THRESHOLD_WORKS_NOK", mapping.EEA_THRESHOLD_WORKS_NOK),
    )
    return threshold.above(nature=notice.nature, value=notice.estimated_value)


def subtype(notice: DialogueNotice) -> str:
    return "4" if is_above_threshold(notice) else "E2"


def customization_id(notice: DialogueNotice) -> str:
    minor = ".".join(mapping.EFORMS_SDK_VERSION.split(".")[:2])
    extension = mapping.DOFFIN_EU if is_above_threshold(notice) else mapping.DOFFIN_NATIONAL
    return f"eforms-sdk-{minor}#extended#{extension}"


def notice_id(notice: DialogueNotice) -> str:
    """BT-701: the same for a need's every export (the notice's version stays 01), in the form
    eForms asks (a version 4 UUID), derived from the need's address."""
    digest = uuid.uuid5(uuid.NAMESPACE_URL, f"{notice.page_url}#pin").bytes
    return str(uuid.UUID(bytes=digest, version=4))


def planned_contract_notice(notice: DialogueNotice) -> datetime:
    """BT-127, the estimated date of the contract notice: a month after the dialogue's last
    date (the deadline for input or the end of the last conference), else three months after
    the need's last change. An estimate the buyer checks in Doffin before sending."""
    ends = [c.ends_at for c in notice.conferences]
    if notice.response_deadline is not None:
        ends.append(notice.response_deadline)
    if ends:
        return max(ends) + timedelta(days=30)
    return notice.updated_at + timedelta(days=90)


def _date(moment: datetime) -> str:
    local = moment.astimezone(OSLO)
    offset = local.strftime("%z")
    return local.strftime("%Y-%m-%d") + f"{offset[:3]}:{offset[3:]}"


def _time(moment: datetime) -> str:
    local = moment.astimezone(OSLO)
    offset = local.strftime("%z")
    return local.strftime("%H:%M:%S") + f"{offset[:3]}:{offset[3:]}"


def _extensions(root: ET.Element, notice: DialogueNotice, languages: list[str]) -> None:
    content = _el(_el(_el(root, "ext:UBLExtensions"), "ext:UBLExtension"), "ext:ExtensionContent")
    eforms = _el(content, "efext:EformsExtension")
    _el(
        _el(eforms, "efac:NoticeSubType"),
        "cbc:SubTypeCode",
        subtype(notice),
        listName="notice-subtype",
    )
    organizations = _el(eforms, "efac:Organizations")
    for org_id, buyer in _buyers(notice):
        _organization(organizations, org_id, buyer, languages, notice.municipality)
    if is_above_threshold(notice):
        _review_body(organizations, languages)


def _buyers(notice: DialogueNotice) -> list[tuple[str, Buyer]]:
    """The buyer (ORG-0001) and its co-buyers of a joint procurement (ORG-0003 on: ORG-0002
    is the review body)."""
    co_buyers = [(f"ORG-{n:04d}", b) for n, b in enumerate(notice.co_buyers, start=3)]
    return [(BUYER, notice.buyer), *co_buyers]


def _organization(
    organizations: ET.Element, org_id: str, buyer: Buyer, languages: list[str], municipality: str
) -> None:
    company = _el(_el(organizations, "efac:Organization"), "efac:Company")
    if buyer.website:
        _el(company, "cbc:WebsiteURI", buyer.website)
    _el(_el(company, "cac:PartyIdentification"), "cbc:ID", org_id, schemeName="organization")
    for language in languages:
        _el(_el(company, "cac:PartyName"), "cbc:Name", buyer.name, languageID=language)
    address = _el(company, "cac:PostalAddress")
    town = mapping.buyer_town(buyer.name, buyer.municipality or municipality)
    if town:
        _el(address, "cbc:CityName", town)
    if buyer.postcode:
        _el(address, "cbc:PostalZone", buyer.postcode)
    if buyer.county in mapping.COUNTY_NUTS:
        _el(address, "cbc:CountrySubentityCode", mapping.COUNTY_NUTS[buyer.county], listName="nuts")
    _el(_el(address, "cac:Country"), "cbc:IdentificationCode", "NOR", listName="country")
    _el(_el(company, "cac:PartyLegalEntity"), "cbc:CompanyID", buyer.org_number)
    if buyer.phone or buyer.email:
        contact = _el(company, "cac:Contact")
        if buyer.phone:
            _el(contact, "cbc:Telephone", buyer.phone)
        if buyer.email:
            _el(contact, "cbc:ElectronicMail", buyer.email)


def _review_body(organizations: ET.Element, languages: list[str]) -> None:
    """The review body of Norwegian public procurement: Klagenemnda for offentlige anskaffelser
    (KOFA), whose secretariat is in Bergen."""
    company = _el(_el(organizations, "efac:Organization"), "efac:Company")
    _el(company, "cbc:WebsiteURI", "https://www.kofa.no")
    _el(_el(company, "cac:PartyIdentification"), "cbc:ID", REVIEW, schemeName="organization")
    for language in languages:
        name = _el(company, "cac:PartyName")
        _el(name, "cbc:Name", "Klagenemnda for offentlige anskaffelser (KOFA)", languageID=language)
    address = _el(company, "cac:PostalAddress")
    _el(address, "cbc:CityName", "Bergen")
    _el(address, "cbc:PostalZone", "5805")
    _el(address, "cbc:CountrySubentityCode", mapping.COUNTY_NUTS["46"], listName="nuts")
    _el(_el(address, "cac:Country"), "cbc:IdentificationCode", "NOR", listName="country")
    org_number = getattr(settings, "NOTICES_REVIEW_BODY_ORG_NUMBER", "")
    if org_number:
        _el(_el(company, "cac:PartyLegalEntity"), "cbc:CompanyID", org_number)


def _header(root: ET.Element, notice: DialogueNotice, languages: list[str]) -> None:
    _el(root, "cbc:UBLVersionID", "2.3")
    _el(root, "cbc:CustomizationID", customization_id(notice))
    _el(root, "cbc:ID", notice_id(notice), schemeName="notice-id")
    issued = notice.updated_at
    _el(root, "cbc:IssueDate", _date(issued))
    _el(root, "cbc:IssueTime", _time(issued))
    _el(root, "cbc:VersionID", "01")
    _el(root, "cbc:PlannedDate", _date(planned_contract_notice(notice)))
    domain = "32014L0024" if is_above_threshold(notice) else "other"
    _el(root, "cbc:RegulatoryDomain", domain)
    _el(root, "cbc:NoticeTypeCode", "pin-only", listName="planning")
    _el(root, "cbc:NoticeLanguageCode", languages[0])
    for language in languages[1:]:
        _el(_el(root, "cac:AdditionalNoticeLanguage"), "cbc:ID", language)


def _contracting_parties(root: ET.Element, notice: DialogueNotice) -> None:
    """One contracting party a buyer: a joint procurement names each (BT-500 and BT-11 …)."""
    activity = mapping.SECTOR_ACTIVITY.get(notice.sector, "gen-pub")
    for org_id, buyer in _buyers(notice):
        party = _el(root, "cac:ContractingParty")
        _el(
            _el(party, "cac:ContractingPartyType"),
            "cbc:PartyTypeCode",
            mapping.buyer_legal_type(buyer.name),
            listName="buyer-legal-type",
        )
        _el(
            _el(party, "cac:ContractingActivity"),
            "cbc:ActivityTypeCode",
            activity,
            listName="authority-activity",
        )
        _el(
            _el(_el(party, "cac:Party"), "cac:PartyIdentification"),
            "cbc:ID",
            org_id,
            schemeName="organization",
        )


def _legal_basis(root: ET.Element, notice: DialogueNotice, languages: list[str]) -> None:
    """BT-01(c)/(d): a national notice names the Norwegian regulations (Doffin's E2 rule)."""
    if is_above_threshold(notice):
        return
    reference = _el(_el(root, "cac:TenderingTerms"), "cac:ProcurementLegislationDocumentReference")
    _el(reference, "cbc:ID", FOA_ELI, schemeName="ELI")
    for language in languages:
        _el(reference, "cbc:DocumentDescription", LEGAL_BASIS[language], languageID=language)


def _project(parent: ET.Element, notice: DialogueNotice, texts: list[Text], *, note: bool) -> None:
    """BT-21, BT-24, BT-23, BT-300, BT-27, BT-262, BT-263, BT-5071/5131/5141 of the
    procedure (note=True) or of its one part."""
    project = _el(parent, "cac:ProcurementProject")
    own = notice.texts[0].language
    _multi(project, "cbc:Name", [(mapping.EFORMS_LANGUAGE[t.language], t.title) for t in texts])
    _multi(
        project,
        "cbc:Description",
        [(mapping.EFORMS_LANGUAGE[t.language], _description(notice, t, own)) for t in texts],
    )
    _el(project, "cbc:ProcurementTypeCode", notice.nature, listName="contract-nature")
    if note:
        _multi(
            project,
            "cbc:Note",
            [
                (mapping.EFORMS_LANGUAGE[t.language], words.dialogue_note(notice, t.language))
                for t in texts
            ],
        )
    if notice.estimated_value is not None:
        total = _el(project, "cac:RequestedTenderTotal")
        _el(
            total,
            "cbc:EstimatedOverallContractAmount",
            str(notice.estimated_value),
            currencyID="NOK",
        )
    _el(
        _el(project, "cac:MainCommodityClassification"),
        "cbc:ItemClassificationCode",
        notice.main_cpv,
        listName="cpv",
    )
    for code in notice.cpv_codes[1:]:
        _el(
            _el(project, "cac:AdditionalCommodityClassification"),
            "cbc:ItemClassificationCode",
            code,
            listName="cpv",
        )
    address = _el(_el(project, "cac:RealizedLocation"), "cac:Address")
    if notice.municipality:
        _el(address, "cbc:CityName", notice.municipality)
    if notice.county in mapping.COUNTY_NUTS:
        _el(
            address, "cbc:CountrySubentityCode", mapping.COUNTY_NUTS[notice.county], listName="nuts"
        )
    _el(_el(address, "cac:Country"), "cbc:IdentificationCode", "NOR", listName="country")


def _description(notice: DialogueNotice, text: Text, own: str) -> str:
    """The description; the need's own text adds the effect it wants (written in its language)."""
    if text.language == own and notice.desired_effect:
        label = "Desired effect" if own == "en" else "Ønsket effekt"
        return f"{text.description}\n\n{label}: {notice.desired_effect}"
    return text.description


def notice_xml(notice: DialogueNotice) -> bytes:
    """The PIN as UTF-8 XML (the caller checked the need has a CPV code and may be shown)."""
    texts = _texts(notice)
    languages = [mapping.EFORMS_LANGUAGE[t.language] for t in texts]
    root = ET.Element(_q(":PriorInformationNotice"))
    _extensions(root, notice, languages)
    _header(root, notice, languages)
    _contracting_parties(root, notice)
    _legal_basis(root, notice, languages)
    _project(root, notice, texts, note=True)
    lot = _el(root, "cac:ProcurementProjectLot")
    _el(lot, "cbc:ID", PART, schemeName="Part")
    # OPT-301-Part-AddInfo: the buyer answers questions about the planned procurement.
    terms = _el(lot, "cac:TenderingTerms")
    party = _el(terms, "cac:AdditionalInformationParty")
    _el(_el(party, "cac:PartyIdentification"), "cbc:ID", BUYER, schemeName="organization")
    if is_above_threshold(notice):
        # OPT-301-Part-ReviewOrg: complaints go to KOFA (an EU notice must name the review body).
        receiver = _el(_el(terms, "cac:AppealTerms"), "cac:AppealReceiverParty")
        _el(_el(receiver, "cac:PartyIdentification"), "cbc:ID", REVIEW, schemeName="organization")
    _project(lot, notice, texts, note=False)
    ET.indent(root)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))
