"""Saved-search alerts name a published case as a case ("Erfaring"), never a draft one
(issue 14: cases are searchable like needs)."""

from datetime import UTC, datetime, timedelta
from typing import Any

from backend.discovery.models import SavedSearch
from backend.discovery.services import search_sync
from backend.discovery.tasks import saved_search_alerts_task
from tests.backend.conftest import World
from tests.backend.notifications.conftest import SmtpServer
from tests.factories import NeedFactory, SavedSearchFactory
from tests.factories.cases import CaseFactory, GainFactory

NOW = datetime(2030, 1, 14, 5, 45, tzinfo=UTC)


def _case(world: World, title: str, **fields: Any) -> int:
    need = NeedFactory(organization=world.other_buyer_org, stage="kontrakt")
    published = NOW - timedelta(hours=2)
    case = CaseFactory(need=need, title=title, published_at=published, **fields)
    GainFactory(case=case)
    search_sync(entity="case", ids=[case.pk])
    return int(case.pk)


def test_an_alert_names_a_new_published_case_and_never_a_draft(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given: a buyer's daily search for cases on route planning, alerted yesterday
    user = world.users["buyer"]
    assert user is not None
    SavedSearchFactory(
        user=user,
        name="Ruteplanlegging",
        query="ruteoptimalisering",
        filters={"kind": ["case"]},
        alert_frequency=SavedSearch.Frequency.DAILY,
        last_alerted_at=NOW - timedelta(days=1),
    )
    _case(world, "Ruteoptimalisering av hjemmetjenesten")
    _case(world, "Ruteoptimalisering hemmelig utkast", status="draft")
    # when: the day's alerts run
    with django_capture_on_commit_callbacks(execute=True):
        told = int(saved_search_alerts_task("daily", now=NOW.isoformat()))
    # then: the published case is told of as a case, the draft is not
    assert told == 1
    (message,) = smtp.to(user.email)
    text = next(p.get_content() for p in message.walk() if p.get_content_type() == "text/plain")
    assert "- Erfaring: Ruteoptimalisering av hjemmetjenesten (Trondheim kommune)" in text
    assert "hemmelig" not in text
