"""factory_boy factories for the backend's models."""

from datetime import date, datetime, time, timedelta
from typing import Any

import factory
import numpy as np
from django.utils import timezone

from backend.accounts.models import JoinRequest, Membership, Organization, User
from backend.accounts.validators import org_number_check_digit
from backend.dialogue.models import (
    ConferenceInvitation,
    DialogueConference,
    MeetingRequest,
    MeetingSlot,
    OngoingDialogue,
    Question,
    Registration,
    SharedInformation,
)
from backend.dialogue.rules import MEETING_DAYS_AFTER
from backend.discovery.models import MissedSearch, SavedSearch
from backend.matches.engine import default_encoder
from backend.matches.explain import relevance_of
from backend.matches.models import Embedding, Match, MatchNote
from backend.needs.models import CoBuyerRequest, Need
from backend.notifications.models import Notification
from backend.outbox.models import OutboxEntry
from backend.responses.models import Response
from backend.solutions.models import Solution


def valid_org_number(n: int) -> str:
    """The n-th MOD11-valid organisation number in a test range."""
    base = 910_000_000 // 10 + n * 3
    while org_number_check_digit(str(base)) is None:
        base += 1
    return f"{base}{org_number_check_digit(str(base))}"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.no")
    username = factory.LazyAttribute(lambda o: o.email)
    full_name = factory.Faker("name", locale="no_NO")
    email_verified_at = factory.LazyFunction(timezone.now)
    password = factory.PostGenerationMethodCall("set_password", "hemmelig-passord-1")

    @classmethod
    def _after_postgeneration(cls, instance: User, create: bool, results: Any = None) -> None:
        if create:
            instance.save()


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Testkommune {n}")
    org_number = factory.Sequence(valid_org_number)
    kind = Organization.Kind.PUBLIC_BUYER
    county = "46"
    verified = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Membership.Role.ADMIN


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Need

    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Trygghetsalarmer for hjemmeboende eldre {n}")
    description = (
        "Kommunen trenger bedre oppfølging av hjemmeboende eldre med trygghetsalarmer, "
        "slik at de kan bo trygt hjemme lenger."
    )
    desired_effect = "Færre fall, raskere hjelp og tryggere innbyggere."
    sector = "helse-og-omsorg"
    cpv_codes = factory.LazyFunction(lambda: ["85311100"])
    county = "46"
    stage = "markedsdialog"
    language = "nb"
    status = Need.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class SolutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Solution

    organization = factory.SubFactory(OrganizationFactory, kind=Organization.Kind.SUPPLIER)
    title = factory.Sequence(lambda n: f"Mobile safety alarm with fall detection {n}")
    description = (
        "A GPS safety alarm worn on the wrist that detects falls automatically and lets "
        "care staff talk to the user."
    )
    sector = "helse-og-omsorg"
    trl = 7
    regions = factory.LazyFunction(lambda: ["46"])
    language = "en"
    status = Solution.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


def oslo_time(day: date, *, hour: int) -> datetime:
    """`hour` o'clock on `day` in Norwegian time (TIME_ZONE), as an aware datetime."""
    return timezone.make_aware(datetime.combine(day, time(hour)))


def nth_slot_start(conference: DialogueConference) -> datetime:
    """Where a conference's next factory slot starts: its k-th slot (k: the slots it has) at
    09:00 Norwegian time on the (k+1)-th day after the conference day, an hour later after
    every MEETING_DAYS_AFTER slots. Always within the meeting days, apart from the
    conference's other slots and independent of the clock and of how many slots the test
    session made before (a session-wide sequence of hours drifted past the meeting days)."""
    k = conference.slots.count() if conference.pk else 0
    day = timezone.localdate(conference.starts_at) + timedelta(days=1 + k % MEETING_DAYS_AFTER)
    return oslo_time(day, hour=9 + k // MEETING_DAYS_AFTER)


class ConferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DialogueConference
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Dialogkonferanse om trygghetsalarmer {n}")
    description = "Vi presenterer behovet og inviterer leverandører til dialog."
    # 10:00–13:00 Norwegian time, 30 days ahead: the same dates and hours whenever the tests
    # run (a start at now + 30 days fell near midnight on evening runs).
    starts_at = factory.LazyFunction(
        lambda: oslo_time(timezone.localdate() + timedelta(days=30), hour=10)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=3))
    registration_deadline = factory.LazyAttribute(lambda o: o.starts_at - timedelta(days=7))
    format = DialogueConference.Format.PHYSICAL
    location = "Bergen rådhus"
    capacity = 20
    status = DialogueConference.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def needs(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.needs.set(extracted)


class SlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingSlot

    conference = factory.SubFactory(ConferenceFactory)
    starts_at = factory.LazyAttribute(lambda o: nth_slot_start(o.conference))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(minutes=45))


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    conference = factory.SubFactory(ConferenceFactory)
    organization = factory.SubFactory(OrganizationFactory, kind=Organization.Kind.SUPPLIER)
    participants = factory.LazyFunction(
        lambda: [{"name": "Sara Nilsen", "email": "sara@helsetek.no", "role": "Daglig leder"}]
    )


class ConferenceInvitationFactory(factory.django.DjangoModelFactory):
    """A buyer's invitation of a supplier organisation (by its solution) to a conference."""

    class Meta:
        model = ConferenceInvitation

    conference = factory.SubFactory(ConferenceFactory)
    solution = factory.SubFactory(SolutionFactory)
    organization = factory.SelfAttribute("solution.organization")
    message = "Vi tror løsningen deres kan passe behovet, og håper dere vil delta."


class SharedInformationFactory(factory.django.DjangoModelFactory):
    """Something the buyer shared at a conference, published to every registered supplier."""

    class Meta:
        model = SharedInformation

    conference = factory.SubFactory(ConferenceFactory)
    meeting_type = SharedInformation.MeetingType.CONFERENCE
    meeting_at = factory.LazyAttribute(lambda o: o.conference.starts_at)
    kind = SharedInformation.Kind.CLARIFICATION
    text = "Piloten gjelder tre sykehjem og varer i seks måneder."


class OngoingDialogueFactory(factory.django.DjangoModelFactory):
    """A need's open ongoing dialogue: two meetings a week."""

    class Meta:
        model = OngoingDialogue

    need = factory.SubFactory(NeedFactory)
    weekly_capacity = 2
    place = "Teams, eller hos oss i Rådhusgaten 10"
    topics = "Hvordan kan tilsyn om natten bli mindre forstyrrende for beboerne?"
    opened_at = factory.LazyFunction(timezone.now)


class MeetingRequestFactory(factory.django.DjangoModelFactory):
    """A supplier's request for a meeting next week, waiting for an answer."""

    class Meta:
        model = MeetingRequest

    dialogue = factory.SubFactory(OngoingDialogueFactory)
    organization = factory.SubFactory(OrganizationFactory, kind=Organization.Kind.SUPPLIER)
    week = factory.LazyFunction(
        lambda: timezone.localdate() + timedelta(days=7 - timezone.localdate().weekday())
    )
    topic = "Vi vil vise hvordan sensorene varsler nattevakten uten å vekke beboerne."


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Response

    need = factory.SubFactory(NeedFactory)
    organization = factory.SubFactory(OrganizationFactory, kind=Organization.Kind.SUPPLIER)
    summary = "Vårt innspill: radarbasert tilsyn"
    body = "Forretningshemmelig: vår pris er 1 200 kroner per sensor og måned."
    sections = factory.LazyAttribute(
        lambda o: [{"text": o.body, "business_secret": False, "reason": ""}]
    )
    confidential = True


class MatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Match

    need = factory.SubFactory(NeedFactory)
    solution = factory.SubFactory(SolutionFactory)
    kind = Match.Kind.NEED_SOLUTION
    score = 0.8
    signals = factory.LazyFunction(
        lambda: [{"name": "dense", "value": 0.7, "weight": 1.0, "contribution": 0.7}]
    )
    # The topical part of the score, as the engine stores it (above the relevance floor).
    relevance = factory.LazyAttribute(lambda m: relevance_of(m.signals))
    shared_terms = factory.LazyFunction(lambda: ["alarm"])
    best_pair = factory.LazyFunction(lambda: ["Vi trenger trygghetsalarmer.", "A safety alarm."])


class JoinRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JoinRequest

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    message = "Jeg jobber med innkjøp i kommunen og skal følge opp markedsdialogen."


class CoBuyerRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoBuyerRequest

    need = factory.SubFactory(NeedFactory)
    organization = factory.SubFactory(OrganizationFactory)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    conference = factory.SubFactory(ConferenceFactory)
    organization = factory.SubFactory(OrganizationFactory, kind=Organization.Kind.SUPPLIER)
    text = "Hvor mange brukere skal løsningen dekke det første året?"


class MatchNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MatchNote

    match = factory.SubFactory(MatchFactory)
    text = "Leverandøren har levert lignende løsning til en nabokommune."


class SavedSearchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SavedSearch

    user = factory.SubFactory(UserFactory)
    name = "Trygghetsalarmer i Vestland"
    query = "trygghetsalarm"


#: What people search for and do not find (the issue's own examples among them).
MISSED_QUERIES = (
    "lekkasje vann",
    "snøbrøyting",
    "fall detection",
    "sykehjemsplasser",
    "prateroboten",
    "velferdsteknologj helse",
    "droner til inspeksjon av bruer",
    "digitalt tilsyn natt",
)


class MissedSearchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MissedSearch

    day = factory.LazyFunction(timezone.localdate)
    query = factory.Sequence(
        lambda n: (
            f"{MISSED_QUERIES[n % len(MISSED_QUERIES)]} {n // len(MISSED_QUERIES) or ''}".strip()
        )
    )
    filters = ""
    hits = 0
    relaxation = "all"


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    user = factory.SubFactory(UserFactory)
    title = "Ny introduksjon"
    body = "En rådgiver har introdusert dere for en leverandør."


class OutboxEntryFactory(factory.django.DjangoModelFactory):
    """An entry whose message is still in the broker's queue (or was lost)."""

    class Meta:
        model = OutboxEntry

    topic = OutboxEntry.Topic.SEARCH_INDEX
    entity = "solution"
    entity_id = 0


class EmbeddingFactory(factory.django.DjangoModelFactory):
    """A stored vector; give ``vector`` as float32 bytes."""

    class Meta:
        model = Embedding

    entity = "solution"
    entity_id = 0
    model_id = factory.LazyFunction(lambda: default_encoder().model_id)
    content_hash = "0" * 64
    dims = 3
    vector = factory.LazyAttribute(lambda e: np.zeros(e.dims, dtype=np.float32).tobytes())
