"""factory_boy factories for research institutions, their profiles and partnerships."""

import factory
from django.utils import timezone

from backend.accounts.models import Organization
from backend.research.models import CompetenceProfile, ResearchPartnership
from tests.factories import NeedFactory, OrganizationFactory


class ResearchOrganizationFactory(OrganizationFactory):
    name = factory.Sequence(lambda n: f"Forskningsinstitutt {n}")
    kind = Organization.Kind.RESEARCH
    county = "50"


class CompetenceProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompetenceProfile

    organization = factory.SubFactory(ResearchOrganizationFactory)
    title = factory.Sequence(lambda n: f"Velferdsteknologi og aldring {n}")
    description = (
        "Vi forsker på velferdsteknologi i hjemmetjenesten: trygghetsalarmer, digitalt tilsyn "
        "og hvordan eldre kan bo trygt hjemme lenger."
    )
    methods = "Følgeforskning, brukerintervjuer, registerdata og gevinstrealisering."
    sectors = factory.LazyFunction(lambda: ["helse-og-omsorg"])
    cpv_codes = factory.LazyFunction(lambda: ["73110000"])
    keywords = factory.LazyFunction(lambda: ["velferdsteknologi", "følgeforskning"])
    contact_role = "Seniorforsker"
    language = "nb"
    status = CompetenceProfile.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class ResearchPartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResearchPartnership

    need = factory.SubFactory(NeedFactory)
    organization = factory.SubFactory(ResearchOrganizationFactory)
    state = ResearchPartnership.State.ACCEPTED
    shared_note = "Vi deler kravspesifikasjonsutkastet og gevinstkartet."
