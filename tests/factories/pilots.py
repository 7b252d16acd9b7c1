"""factory_boy factories for backend/pilots."""

from datetime import date
from decimal import Decimal

import factory

from backend.pilots.models import Measure, Pilot, Unit
from tests.factories import NeedFactory


class PilotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pilot

    need = factory.SubFactory(NeedFactory)
    scope = "Tre sykehjem prøver sensorer som varsler fall om natten, med nattevaktene."
    starts_on = date(2027, 2, 1)
    ends_on = date(2027, 7, 31)
    users = 60
    status = Pilot.Status.WANTED


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    pilot = factory.SubFactory(PilotFactory)
    name = factory.Sequence(lambda n: f"Fall per måned {n}")
    unit = Unit.COUNT
    baseline = Decimal("14")
