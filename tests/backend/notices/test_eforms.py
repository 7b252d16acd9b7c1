"""The eForms prior information notice: valid against the official SDK's XSD, the right
subtype either side of the EEA threshold, one or two languages, BT by BT."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from lxml import etree

from backend.needs.models import Need
from backend.notices import mapping
from backend.notices.models import NoticeText
from tests.backend.conftest import World
from tests.backend.notices.validators import ROOT, notice_type_fields, xsd_errors
from tests.factories import ConferenceFactory, NeedFactory

pytestmark = pytest.mark.django_db

NS = {
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "efac": "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1",
}


def _notice(world: World, need: Need, role: str = "buyer") -> etree._Element:
    answer = world.client(role).get(f"/api/needs/{need.pk}/notice.xml")
    assert answer.status_code == 200, answer.content[:300]
    assert answer["Content-Type"] == "application/xml; charset=utf-8"
    assert "attachment;" in answer["Content-Disposition"]
    assert xsd_errors(answer.content) == []
    return etree.fromstring(answer.content)


def _all(root: etree._Element, path: str) -> list[str]:
    return [str(v) for v in root.xpath(path, namespaces=NS)]


def test_below_the_threshold_a_norwegian_need_is_doffins_national_e2(world: World) -> None:
    # given a need of 1.5 million NOK in Norwegian with a published conference
    need = world.need
    need.budget_max = 1_500_000
    need.municipality = "Bergen"
    need.save()
    # when its buyer downloads the notice
    root = _notice(world, need)
    # then it is E2 with Doffin's national CustomizationID, in Norwegian only
    assert _all(root, "//efac:NoticeSubType/cbc:SubTypeCode/text()") == ["E2"]
    assert _all(root, "/*/cbc:CustomizationID/text()") == [
        "eforms-sdk-1.13#extended#urn:fdc:anskaffelser.no:2023:eforms:national"
    ]
    assert _all(root, "/*/cbc:RegulatoryDomain/text()") == ["other"]
    assert _all(root, "/*/cbc:NoticeTypeCode/text()") == ["pin-only"]
    assert _all(root, "/*/cbc:NoticeLanguageCode/text()") == ["NOR"]
    assert _all(root, "/*/cac:AdditionalNoticeLanguage/cbc:ID/text()") == []
    assert _all(root, "/*/cac:ProcurementProject/cbc:Name/text()") == [need.title]
    assert _all(root, "/*/cac:ProcurementProject/cbc:ProcurementTypeCode/text()") == ["services"]
    amount = "/*/cac:ProcurementProject/cac:RequestedTenderTotal/cbc:EstimatedOverallContractAmount"
    assert _all(root, f"{amount}/text()") == ["1500000"]
    assert _all(root, f"{amount}/@currencyID") == ["NOK"]
    cpv = "/*/cac:ProcurementProject/cac:MainCommodityClassification/cbc:ItemClassificationCode"
    assert _all(root, f"{cpv}/text()") == ["85311100"]
    place = "/*/cac:ProcurementProject/cac:RealizedLocation/cac:Address"
    assert _all(root, f"{place}/cbc:CountrySubentityCode/text()") == ["NO0A2"]
    assert _all(root, f"{place}/cbc:CityName/text()") == ["Bergen"]
    assert _all(root, "//efac:Company/cac:PartyLegalEntity/cbc:CompanyID/text()") == [
        world.buyer_org.org_number
    ]
    assert _all(root, "/*/cac:ContractingParty//cbc:PartyTypeCode/text()") == ["la"]
    assert _all(root, "/*/cac:ContractingParty//cbc:ActivityTypeCode/text()") == ["health"]
    # and the additional information tells of the dialogue, its conference and BT-776 in words
    note = _all(root, "/*/cac:ProcurementProject/cbc:Note/text()")[0]
    assert "Fase: Markedsdialog; planlagt prosedyre: Ikke avklart." in note
    assert f"Dialogkonferanse «{world.conference.title}»" in note
    assert "Innovativ anskaffelse: Utfordrer markedet" in note
    assert f"/needs/{need.pk}" in note


def test_from_the_threshold_a_bilingual_need_is_the_eus_subtype_4(world: World) -> None:
    # given a need of 3 million NOK with its title and description in English as well
    need = world.need
    need.budget_min, need.budget_max = 2_000_000, 3_000_000
    need.save()
    NoticeText.objects.create(
        need=need,
        language="en",
        title="Safety alarms for older people living at home",
        description="The municipality needs better follow-up of older people at home.",
    )
    # when an advisor downloads the notice
    root = _notice(world, need, role="advisor")
    # then it is subtype 4 (PIN only, 2014/24/EU) for TED through Doffin, in NOR and ENG
    assert _all(root, "//efac:NoticeSubType/cbc:SubTypeCode/text()") == ["4"]
    assert _all(root, "/*/cbc:CustomizationID/text()") == [
        "eforms-sdk-1.13#extended#urn:fdc:anskaffelser.no:2023:eforms:eu"
    ]
    assert _all(root, "/*/cbc:RegulatoryDomain/text()") == ["32014L0024"]
    assert _all(root, "/*/cac:AdditionalNoticeLanguage/cbc:ID/text()") == ["ENG"]
    names = "/*/cac:ProcurementProject/cbc:Name"
    assert _all(root, f"{names}/@languageID") == ["NOR", "ENG"]
    assert _all(root, f"{names}/text()")[1] == "Safety alarms for older people living at home"
    notes = _all(root, "/*/cac:ProcurementProject/cbc:Note/text()")
    assert "Stage: Market dialogue; planned procedure: Not decided." in notes[1]
    assert "Procurement of innovation: Challenges the market" in notes[1]
    # every text field of the notice is there in both languages (eForms' multilingual rule)
    for path in ("//cbc:Name", "//cbc:Description", "//cbc:Note"):
        languages = _all(root, f"{path}/@languageID")
        assert languages.count("NOR") == languages.count("ENG"), path


def test_an_english_need_is_an_english_notice(world: World) -> None:
    need = NeedFactory(organization=world.buyer_org, language="en", title="Smart waste bins")
    root = _notice(world, need)
    assert _all(root, "/*/cbc:NoticeLanguageCode/text()") == ["ENG"]
    assert _all(root, "/*/cac:ProcurementProject/cbc:Name/@languageID") == ["ENG"]
    assert "Desired effect:" in _all(root, "/*/cac:ProcurementProject/cbc:Description/text()")[0]


def test_works_have_their_own_threshold(world: World) -> None:
    # given works (CPV 45) of 20 million NOK: below the 57.8 million of works
    need = NeedFactory(
        organization=world.buyer_org, cpv_codes=["45210000", "71000000"], budget_max=20_000_000
    )
    root = _notice(world, need)
    assert _all(root, "//efac:NoticeSubType/cbc:SubTypeCode/text()") == ["E2"]
    assert _all(root, "/*/cac:ProcurementProject/cbc:ProcurementTypeCode/text()") == ["works"]
    extra = (
        "/*/cac:ProcurementProject/cac:AdditionalCommodityClassification/cbc:ItemClassificationCode"
    )
    assert _all(root, f"{extra}/text()") == ["71000000"]


def test_the_threshold_is_a_setting(world: World, settings: object) -> None:
    settings.NOTICES_EU_THRESHOLD_NOK = 1_000_000  # type: ignore[attr-defined]
    world.need.budget_max = 1_500_000
    world.need.save()
    root = _notice(world, world.need)
    assert _all(root, "//efac:NoticeSubType/cbc:SubTypeCode/text()") == ["4"]


def test_pcp_adds_research_and_development_to_bt_776(world: World) -> None:
    need = NeedFactory(organization=world.buyer_org, procedure="forkommersiell")
    note = _all(_notice(world, need), "/*/cac:ProcurementProject/cbc:Note/text()")[0]
    assert "Omfatter forsknings- og utviklingsaktiviteter" in note


def test_bt_776_is_not_a_field_of_the_pin_only_subtypes_so_the_note_carries_it() -> None:
    # The SDK's notice types: BT-776 (a lot's procurement of innovation) belongs to the
    # competition and result notices, not to a PIN used only for information (4, E2). So the
    # PIN states the need's BT-776 codes in BT-300 and writes no BT-776 element (one would be
    # refused by the rules BR-BT-00776-0007 and -0010).
    assert "BT-776-Lot" not in notice_type_fields("4")
    assert "BT-776-Lot" not in notice_type_fields("E2")
    assert "BT-776-Lot" in notice_type_fields("16")
    assert {"BT-300-Procedure", "BT-27-Procedure", "BT-5071-Procedure"} <= notice_type_fields("E2")


def test_no_bt_776_element_is_written(world: World) -> None:
    root = _notice(world, world.need)
    assert _all(root, "//cac:ProcurementAdditionalType") == []


def test_only_published_conferences_are_announced(world: World) -> None:
    draft = ConferenceFactory(
        organization=world.buyer_org, needs=[world.need], status="draft", title="Utkastkonferanse"
    )
    cancelled = ConferenceFactory(
        organization=world.buyer_org,
        needs=[world.need],
        status="cancelled",
        title="Avlyst konferanse",
        starts_at=timezone.now() + timedelta(days=40),
    )
    note = _all(_notice(world, world.need), "/*/cac:ProcurementProject/cbc:Note/text()")[0]
    assert world.conference.title in note
    assert draft.title not in note
    assert cancelled.title not in note


def test_the_xsd_refuses_what_is_not_a_pin() -> None:
    # The validator judges: an unknown element where the schema has none is an error.
    bad = (
        b'<PriorInformationNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:'
        b'PriorInformationNotice-2"><Nonsense/></PriorInformationNotice>'
    )
    assert xsd_errors(bad) != []


def test_the_fetched_sdk_is_the_version_the_notices_name() -> None:
    pom = (ROOT / "tools" / "eforms-sdk" / "pom.xml").read_text(encoding="utf-8")
    version = re.search(r"<eforms-sdk.version>(.*)</eforms-sdk.version>", pom)
    assert version is not None
    assert version.group(1) == mapping.EFORMS_SDK_VERSION
    assert Path(ROOT / "var" / "eforms-sdk" / version.group(1) / ".complete").is_file()


def test_characters_xml_cannot_carry_are_left_out(world: World) -> None:
    # given a title with a vertical tab and a form feed (text pasted from a word processor)
    need = NeedFactory(organization=world.buyer_org, title="Trygghet\x0b hjemme\x0c og ute")
    # then the notice is still well-formed and valid, the text without them
    root = _notice(world, need)
    assert _all(root, "/*/cac:ProcurementProject/cbc:Name/text()") == ["Trygghet hjemme og ute"]


def test_a_joint_procurement_names_each_buyer(world: World) -> None:
    # given a need bought jointly with another municipality
    world.need.co_buyers.add(world.other_buyer_org)
    # when its buyer downloads the notice
    root = _notice(world, world.need)
    # then each buyer is an organisation and a contracting party of its own
    assert _all(
        root, "/*/cac:ContractingParty/cac:Party/cac:PartyIdentification/cbc:ID/text()"
    ) == [
        "ORG-0001",
        "ORG-0003",
    ]
    assert _all(root, "//efac:Company/cac:PartyLegalEntity/cbc:CompanyID/text()") == [
        world.buyer_org.org_number,
        world.other_buyer_org.org_number,
    ]
