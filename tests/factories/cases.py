"""factory_boy factories for backend/cases."""

from decimal import Decimal

import factory
from django.utils import timezone

from backend.cases.models import Case, CaseReuse, Gain
from tests.factories import NeedFactory


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    need = factory.SubFactory(NeedFactory, stage="kontrakt")
    organization = factory.SelfAttribute("need.organization")
    title = factory.SelfAttribute("need.title")
    summary = (
        "Kommunen kjøpte digitale trygghetsalarmer med fallsensor gjennom et "
        "innovasjonspartnerskap med to leverandører."
    )
    sector = factory.SelfAttribute("need.sector")
    cpv_codes = factory.SelfAttribute("need.cpv_codes")
    procedure = "innovasjonspartnerskap"
    stage_reached = "kontrakt"
    supplier_names = factory.LazyFunction(lambda: ["Alarmfabrikken AS"])
    lessons = "Ta med nattevaktene i dialogen tidlig."
    language = "nb"
    status = Case.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class GainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gain

    case = factory.SubFactory(CaseFactory)
    type = Gain.Type.HOURS_FREED
    description = "Færre unødvendige nattbesøk"
    amount = Decimal("1200")
    unit = Gain.Unit.HOURS
    period = Gain.Period.PER_YEAR
    beneficiary = Gain.Beneficiary.BUYER
    measurement = "Turnusdata før og etter, tolv måneder."


class CaseReuseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseReuse

    case = factory.SubFactory(CaseFactory)
    need = factory.SubFactory(NeedFactory, status="draft", published_at=None)
    organization = factory.SelfAttribute("need.organization")
