"""The notices against the eForms SDK's own business rules (its schematron, run with Saxon):
what is left is named here with why, and nothing else."""

from typing import Any

import pytest

from backend.needs.models import Need
from backend.notices.models import NoticeText
from tests.backend.conftest import World
from tests.backend.notices.validators import Failure, schematron_failures, xsd_errors
from tests.factories import NeedFactory

pytestmark = pytest.mark.django_db

#: An EU notice (subtype 4) must give the buyer's telephone (BT-503), e-mail (BT-506) and
#: postcode (BT-512): the organisation's administrators give them in its profile (until then
#: the notice lacks them, and the buyer adds them in Doffin before sending).
BUYER_CONTACT = ("BR-BT-00503-", "BR-BT-00506-", "BR-BT-00512-")


def _notice(world: World, need: Need) -> bytes:
    answer = world.client("buyer").get(f"/api/needs/{need.pk}/notice.xml")
    assert answer.status_code == 200, answer.content[:300]
    assert xsd_errors(answer.content) == []
    return answer.content


def _left(failures: list[Failure], *, norwegian: bool, excused: tuple[str, ...] = ()) -> list[str]:
    """The failures but the known ones: Norwegian (NOR) is no EU official language, but
    Doffin's Norwegian SDK adds it; and the rules named in `excused`."""
    return [
        f"{f.rule} at {f.location[-80:]}: {f.test[:120]}"
        for f in failures
        if not (norwegian and f.eu_language_list) and not f.rule.startswith(excused)
    ]


def test_an_english_national_notice_breaks_no_rule(world: World) -> None:
    # given a need in English below the threshold, with a conference, a deadline and a town
    need = NeedFactory(
        organization=world.buyer_org,
        language="en",
        title="Smart waste bins",
        municipality="Bergen",
        budget_max=900_000,
        response_deadline=world.conference.starts_at,
    )
    # then its E2 keeps every rule of the SDK
    assert schematron_failures(_notice(world, need), "E2") == []


def test_a_norwegian_national_notice_breaks_no_rule_but_its_language(world: World) -> None:
    world.need.budget_max = 1_500_000
    world.need.save()
    failures = schematron_failures(_notice(world, world.need), "E2")
    assert _left(failures, norwegian=True) == []
    assert any(f.eu_language_list for f in failures)


def test_a_bilingual_eu_notice_lacks_only_the_buyers_contact(world: World, settings: Any) -> None:
    # given a need of 3 million NOK with its English text, and KOFA's organisation number set
    settings.NOTICES_REVIEW_BODY_ORG_NUMBER = "974760673"
    world.need.budget_max = 3_000_000
    world.need.save()
    NoticeText.objects.create(
        need=world.need, language="en", title="Safety alarms", description="Better follow-up."
    )
    # then its subtype 4 keeps every rule but the buyer's contact (and Norwegian)
    failures = schematron_failures(_notice(world, world.need), "4")
    assert _left(failures, norwegian=True, excused=BUYER_CONTACT) == []
    assert {f.rule[:12] for f in failures if f.rule.startswith(BUYER_CONTACT)} == set(BUYER_CONTACT)


def test_with_the_buyers_public_contact_the_eu_notice_breaks_no_rule(
    world: World, settings: Any
) -> None:
    # given the buyer's administrator gave its public contact (telephone, e-mail, postcode)
    settings.NOTICES_REVIEW_BODY_ORG_NUMBER = "974760673"
    world.buyer_org.phone, world.buyer_org.email = "+47 55 56 55 56", "postmottak@bergen.kommune.no"
    world.buyer_org.postcode = "5020"
    world.buyer_org.save()
    world.need.budget_max = 3_000_000
    world.need.save()
    NoticeText.objects.create(
        need=world.need, language="en", title="Safety alarms", description="Better follow-up."
    )
    # then its subtype 4 keeps every rule of the SDK (but Norwegian being no EU language)
    failures = schematron_failures(_notice(world, world.need), "4")
    assert _left(failures, norwegian=True) == []


def test_without_kofas_organisation_number_the_eu_notice_lacks_it(world: World) -> None:
    # The review body's organisation number (BT-501) is mandatory in subtype 4; the platform
    # does not know it until NOTICES_REVIEW_BODY_ORG_NUMBER is set.
    world.need.budget_max = 3_000_000
    world.need.save()
    failures = schematron_failures(_notice(world, world.need), "4")
    left = _left(failures, norwegian=True, excused=BUYER_CONTACT)
    assert [rule.split(" ")[0] for rule in left] == ["BR-BT-00501-0007"]


def test_the_rules_judge() -> None:
    # A PIN missing what every notice must have breaks rules: the checks above could fail.
    bare = (
        b'<PriorInformationNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:'
        b'PriorInformationNotice-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:'
        b'CommonBasicComponents-2"><cbc:UBLVersionID>2.3</cbc:UBLVersionID>'
        b"</PriorInformationNotice>"
    )
    assert schematron_failures(bare, "E2") != []


def test_a_joint_procurement_breaks_no_more_rules(world: World, settings: Any) -> None:
    # given a need bought jointly with another municipality, below and above the threshold
    settings.NOTICES_REVIEW_BODY_ORG_NUMBER = "974760673"
    world.need.co_buyers.add(world.other_buyer_org)
    world.need.budget_max = 1_500_000
    world.need.save()
    national = schematron_failures(_notice(world, world.need), "E2")
    world.need.budget_max = 3_000_000
    world.need.save()
    NoticeText.objects.create(
        need=world.need, language="en", title="Safety alarms", description="Better follow-up."
    )
    eu = schematron_failures(_notice(world, world.need), "4")
    # then the national one keeps every rule, the EU one all but the buyers' contact
    assert _left(national, norwegian=True) == []
    assert _left(eu, norwegian=True, excused=BUYER_CONTACT) == []
