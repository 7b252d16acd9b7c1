"""What a need's market-dialogue notice says: only what the platform shows everyone.

`dialogue_notice` is the one place that reads the database for both exports, and it reads
only public things: the need's own texts and facts, its buyer's public profile, the texts its
buyer wrote for the notices, and the need's *published* dialogue conferences (time, place,
format, registration deadline). Never responses, meeting requests, minutes, questions,
shared information, registrations or their participants, invitations, notes or drafts.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings

from backend.accounts.models import Organization
from backend.dialogue.models import DialogueConference
from backend.needs.models import Need
from backend.notices import mapping
from backend.notices.models import NoticeText


@dataclass(frozen=True)
class Text:
    """A title and a description in one language (nb, nn or en)."""

    language: str
    title: str
    description: str


@dataclass(frozen=True)
class Buyer:
    name: str
    org_number: str
    municipality: str
    county: str
    website: str
    #: the organisation's public contact (eForms BT-503, BT-506, BT-512); empty if not given
    phone: str = ""
    email: str = ""
    postcode: str = ""


@dataclass(frozen=True)
class Conference:
    title: str
    starts_at: datetime
    ends_at: datetime
    format: str
    location: str
    registration_deadline: datetime


@dataclass(frozen=True)
class DialogueNotice:
    need_id: int
    status: str
    #: The need's own language first, then the notice texts its buyer wrote.
    texts: tuple[Text, ...]
    desired_effect: str
    buyer: Buyer
    #: The need's co-buyers (a joint procurement; public on the need's page), by name.
    co_buyers: tuple[Buyer, ...]
    sector: str
    stage: str
    procedure: str
    cpv_codes: tuple[str, ...]
    county: str
    municipality: str
    budget_min: int | None
    budget_max: int | None
    response_deadline: datetime | None
    published_at: datetime | None
    updated_at: datetime
    conferences: tuple[Conference, ...]
    page_url: str

    @property
    def language(self) -> str:
        return self.texts[0].language

    @property
    def estimated_value(self) -> int | None:
        """The most the buyer expects to spend (budget to, else budget from)."""
        return self.budget_max if self.budget_max is not None else self.budget_min

    @property
    def main_cpv(self) -> str:
        return self.cpv_codes[0]

    @property
    def nature(self) -> str:
        return mapping.contract_nature(self.main_cpv)

    @property
    def innovation(self) -> list[str]:
        return mapping.innovation_codes(procedure=self.procedure)


def _conferences(need: Need) -> tuple[Conference, ...]:
    published = need.conferences.filter(status=DialogueConference.Status.PUBLISHED)
    return tuple(
        Conference(
            title=c.title,
            starts_at=c.starts_at,
            ends_at=c.ends_at,
            format=c.format,
            location=c.location,
            registration_deadline=c.registration_deadline,
        )
        for c in published.order_by("starts_at", "pk")
    )


def _texts(need: Need) -> tuple[Text, ...]:
    own = Text(need.language, need.title, need.description)
    others = NoticeText.objects.filter(need=need).exclude(language=need.language)
    return (own, *(Text(t.language, t.title, t.description) for t in others.order_by("language")))


def _buyer(org: Organization) -> Buyer:
    return Buyer(
        org.name,
        org.org_number,
        org.municipality,
        org.county,
        org.website,
        phone=org.phone,
        email=org.email,
        postcode=org.postcode,
    )


def dialogue_notice(need: Need) -> DialogueNotice:
    """The public content of `need`'s market dialogue (the caller checked who may read it)."""
    return DialogueNotice(
        need_id=need.pk,
        status=need.status,
        texts=_texts(need),
        desired_effect=need.desired_effect,
        buyer=_buyer(need.organization),
        co_buyers=tuple(_buyer(o) for o in need.co_buyers.order_by("name", "pk")),
        sector=need.sector,
        stage=need.stage,
        procedure=need.procedure,
        cpv_codes=tuple(need.cpv_codes),
        county=need.county,
        municipality=need.municipality,
        budget_min=need.budget_min,
        budget_max=need.budget_max,
        response_deadline=need.response_deadline,
        published_at=need.published_at,
        updated_at=need.updated_at,
        conferences=_conferences(need),
        page_url=f"{settings.SITE_URL}/needs/{need.pk}",
    )
