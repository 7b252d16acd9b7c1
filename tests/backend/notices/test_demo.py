"""`make run` shows the notices: the demo has a bilingual need above the threshold and a
Norwegian one below it, and both notices pass the eForms SDK's XSD."""

import pytest
from lxml import etree
from rest_framework.test import APIClient

from backend.accounts.models import User
from backend.demo.services import demo_market_load
from backend.needs.models import Need
from tests.backend.notices.validators import ocds_report, xsd_errors

pytestmark = pytest.mark.django_db

SUBTYPE = "//*[local-name()='NoticeSubType']/*[local-name()='SubTypeCode']/text()"
LANGUAGES = "/*/*[local-name()='ProcurementProject']/*[local-name()='Name']/@languageID"
BUYER = "//*[local-name()='Organization'][1]/*[local-name()='Company']"
CONTACT = BUYER + "/*[local-name()='Contact']/*/text()"
POSTCODE = BUYER + "/*[local-name()='PostalAddress']/*[local-name()='PostalZone']/text()"


def _pin(need: Need) -> etree._Element:
    client = APIClient()
    client.force_authenticate(User.objects.get(email="radgiver@lup.no"))
    answer = client.get(f"/api/needs/{need.pk}/notice.xml")
    assert answer.status_code == 200, answer.content[:300]
    assert xsd_errors(answer.content) == []
    return etree.fromstring(answer.content)


def test_the_demo_shows_a_bilingual_eu_notice_and_a_national_one() -> None:
    # given the demo market
    demo_market_load()
    bergen = Need.objects.get(title="Beboere som sitter stille store deler av dagen")
    skien = Need.objects.get(title="Trygghet hjemme og ute – neste generasjon alarm og mottak")
    # then Bergen's PCP of up to 8 million NOK is subtype 4 in Norwegian and English
    pin = _pin(bergen)
    assert pin.xpath(SUBTYPE) == ["4"]
    assert pin.xpath(LANGUAGES) == ["NOR", "ENG"]
    # with Bergen's public contact, which an EU notice must give (BT-503, BT-506, BT-512)
    assert pin.xpath(CONTACT) == ["+47 55 56 55 56", "postmottak@bergen.kommune.no"]
    assert pin.xpath(POSTCODE) == ["5020"]
    # and Skien's need without a budget is Doffin's national E2 in Norwegian
    pin = _pin(skien)
    assert pin.xpath(SUBTYPE) == ["E2"]
    assert pin.xpath(LANGUAGES) == ["NOR"]
    # and Bergen's OCDS release is valid
    package = APIClient().get(f"/api/needs/{bergen.pk}/ocds.json").json()
    assert ocds_report(package)["validation_errors"] == []
