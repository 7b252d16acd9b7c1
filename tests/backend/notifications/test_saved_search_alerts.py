"""Saved-search alerts through the notifications app, over real SMTP (aiosmtpd) and the real
Elasticsearch: one notification per saved search and run listing what was published since the
last alert (title, buyer, deadline; at most ten and "and N more"), linking
to the search page with the saved query and filters, in the recipient's language, as they
chose for the kind (at once, in the digest, or not at all); never twice for one run, never a
draft, a closed need or an archived solution."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from backend.accounts.models import User
from backend.discovery import alerts
from backend.discovery.alerts import saved_search_alert
from backend.discovery.models import SavedSearch
from backend.discovery.services import search_sync
from backend.discovery.tasks import saved_search_alerts_task
from backend.needs.models import Need
from backend.notifications.models import Channel, Notification, NotificationKind
from backend.notifications.services import preference_set
from backend.notifications.tasks import notifications_daily_digest_task
from backend.solutions.models import Solution
from tests.backend.conftest import World
from tests.backend.notifications.conftest import SmtpServer
from tests.factories import NeedFactory, SavedSearchFactory, SolutionFactory

SITE = "https://innovasjonstorget.example"
#: The run: 06:45 Norwegian time on a winter morning.
NOW = datetime(2030, 1, 14, 5, 45, tzinfo=UTC)
DEADLINE = datetime(2030, 2, 15, 11, 0, tzinfo=UTC)  # 15.02.2030 12:00 in Oslo


def _supplier(world: World, language: str = "nb") -> User:
    user = world.users["supplier"]
    assert user is not None
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    return user


def _saved(user: User, **fields: Any) -> SavedSearch:
    values = {
        "name": "Trygghetsalarmer",
        "query": "trygghetsalarm",
        "filters": {"kind": ["need"]},
        "alert_frequency": SavedSearch.Frequency.DAILY,
        "last_alerted_at": NOW - timedelta(days=1),
    }
    saved: SavedSearch = SavedSearchFactory(user=user, **(values | fields))
    return saved


def _need(world: World, title: str, *, hours_ago: float, **fields: Any) -> Need:
    values = {"response_deadline": DEADLINE} | fields
    need: Need = NeedFactory(
        organization=world.other_buyer_org,
        title=title,
        published_at=NOW - timedelta(hours=hours_ago),
        **values,
    )
    search_sync(entity="need", ids=[need.pk])
    return need


def _run(capture: Any, frequency: str = "daily", now: datetime = NOW) -> int:
    with capture(execute=True):
        return int(saved_search_alerts_task(frequency, now=now.isoformat()))


def _text(message: Any) -> str:
    return next(p.get_content() for p in message.walk() if p.get_content_type() == "text/plain")


def _alerts(user: User) -> list[Notification]:
    return list(Notification.objects.filter(user=user, kind=NotificationKind.SAVED_SEARCH_HITS))


def test_an_alert_lists_the_new_hits_by_email_with_a_link_to_the_search(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given: a supplier's daily search for safety-alarm needs, alerted yesterday
    user = _supplier(world)
    _saved(user)
    _need(world, "Trygghetsalarm med fallvarsling for hjemmeboende", hours_ago=2)
    _need(world, "Mobil trygghetsalarm for aktive eldre", hours_ago=5, response_deadline=None)
    _need(world, "Trygghetsalarm i omsorgsboliger", hours_ago=30)  # before the last alert
    solution = SolutionFactory(
        title="Trygghetsalarm med GPS", published_at=NOW - timedelta(hours=1)
    )
    search_sync(entity="solution", ids=[solution.pk])
    # when: the day's alerts run
    told = _run(django_capture_on_commit_callbacks)
    # then: one e-mail, in Norwegian, with the two new needs, their buyer and deadline
    assert told == 2
    (message,) = smtp.to(user.email)
    assert message["Subject"].strip() == "2 nye treff for «Trygghetsalarmer»"
    text = _text(message)
    assert (
        "- Behov: Trygghetsalarm med fallvarsling for hjemmeboende "
        "(Trondheim kommune, frist for innspill 15.02.2030 12:00)"
    ) in text
    assert "- Behov: Mobil trygghetsalarm for aktive eldre (Trondheim kommune)" in text
    assert "omsorgsboliger" not in text and "GPS" not in text
    assert text.index("fallvarsling") < text.index("aktive eldre")  # the newest first
    assert f"{SITE}/?q=trygghetsalarm&type=need" in text
    assert message["List-Unsubscribe"]
    # and the app shows the same notification, linking to the search with its filters
    (alert,) = _alerts(user)
    assert alert.link == "/?q=trygghetsalarm&type=need"
    page = APIClient()
    page.force_authenticate(user)
    listed = page.get("/api/notifications/").json()["results"]
    assert [n["link"] for n in listed if n["kind"] == "saved_search_hits"] == [alert.link]
    # and the saved search remembers the run
    saved = SavedSearch.objects.get(user=user)
    assert (saved.last_alerted_at, saved.alerted_window) == (NOW, "daily:2030-01-14")


def test_an_alert_is_in_the_recipients_language(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given: the supplier reads English
    user = _supplier(world, "en")
    _saved(user, filters={})
    _need(world, "Trygghetsalarm med fallvarsling for hjemmeboende", hours_ago=2)
    # when
    _run(django_capture_on_commit_callbacks)
    # then
    (message,) = smtp.to(user.email)
    assert message["Subject"].strip() == "1 new hit for “Trygghetsalarmer”"
    text = _text(message)
    assert "New on Innovasjonstorget since your last alert for “Trygghetsalarmer”:" in text
    assert "- Need: Trygghetsalarm med fallvarsling for hjemmeboende (Trondheim kommune, " in text
    assert f"{SITE}/?q=trygghetsalarm\r\n" in text


def test_at_most_the_set_number_of_hits_are_listed_and_the_rest_counted(
    world: World,
    smtp: SmtpServer,
    django_capture_on_commit_callbacks: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given: four new needs, two listed
    monkeypatch.setattr(alerts, "SHOWN_HITS", 2)
    user = _supplier(world)
    _saved(user)
    for n, place in enumerate(("Bergen", "Bodø", "Tromsø", "Skien")):
        _need(world, f"Trygghetsalarm for eldre i {place}", hours_ago=n + 1)
    # when
    _run(django_capture_on_commit_callbacks)
    # then
    text = _text(smtp.to(user.email)[0])
    assert "Bergen" in text and "Bodø" in text
    assert "Tromsø" not in text and "Skien" not in text
    assert "og 2 treff til" in text
    assert smtp.to(user.email)[0]["Subject"].strip() == "4 nye treff for «Trygghetsalarmer»"


def test_a_retried_or_repeated_run_tells_nothing_twice(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given: a run that told of a new need
    user = _supplier(world)
    stale = _saved(user)
    _need(world, "Trygghetsalarm med fallvarsling for hjemmeboende", hours_ago=2)
    first = _run(django_capture_on_commit_callbacks)
    # when: the task is delivered again (a worker lost before its ack), later the same
    # morning, and a run that had read the saved search before the first committed
    again = _run(django_capture_on_commit_callbacks)
    later = _run(django_capture_on_commit_callbacks, now=NOW + timedelta(hours=3))
    with django_capture_on_commit_callbacks(execute=True):
        raced = saved_search_alert(saved=stale, now=NOW)
    # then: one notification, one e-mail
    assert (first, again, later, raced) == (1, 0, 0, 0)
    assert len(_alerts(user)) == 1 and len(smtp.to(user.email)) == 1
    # when: the next day a need is published
    _need(world, "Trygghetsalarm for aktive eldre", hours_ago=-20)
    next_day = _run(django_capture_on_commit_callbacks, now=NOW + timedelta(days=1))
    # then: that one only
    assert next_day == 1
    assert "aktive eldre" in _text(smtp.to(user.email)[1])
    assert "fallvarsling" not in _text(smtp.to(user.email)[1])


def test_a_weekly_search_is_alerted_once_a_week(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given: a weekly search (and a daily one, which the weekly run leaves alone)
    user = _supplier(world)
    weekly = _saved(user, alert_frequency=SavedSearch.Frequency.WEEKLY)
    daily = _saved(user, name="Daglig")
    _need(world, "Trygghetsalarm med fallvarsling for hjemmeboende", hours_ago=2)
    # when: Monday's weekly run, and again on Wednesday
    monday = _run(django_capture_on_commit_callbacks, "weekly")
    wednesday = _run(django_capture_on_commit_callbacks, "weekly", NOW + timedelta(days=2))
    # then
    assert (monday, wednesday) == (1, 0)
    weekly.refresh_from_db()
    daily.refresh_from_db()
    assert weekly.alerted_window == "weekly:2030-W03" and daily.alerted_window == ""
    assert [m["Subject"].strip() for m in smtp.to(user.email)] == [
        "1 nytt treff for «Trygghetsalarmer»"
    ]


def test_an_alert_chosen_for_the_digest_comes_in_the_mornings_digest(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given: the supplier has saved-search hits in the daily digest
    user = _supplier(world)
    preference_set(user=user, kind=NotificationKind.SAVED_SEARCH_HITS, channel=Channel.DIGEST)
    _saved(user)
    _need(world, "Trygghetsalarm med fallvarsling for hjemmeboende", hours_ago=2)
    # when: the alerts run at 06:45, the digest at 07:00
    _run(django_capture_on_commit_callbacks)
    assert smtp.received == []  # nothing at once
    with django_capture_on_commit_callbacks(execute=True):
        notifications_daily_digest_task(now=(NOW + timedelta(minutes=15)).isoformat())
    # then: the digest carries the alert
    (digest,) = smtp.to(user.email)
    assert digest["Subject"].strip() == "Innovasjonstorget: 1 nytt varsel i dag"
    text = _text(digest)
    assert "1 nytt treff for «Trygghetsalarmer»" in text
    assert "Trygghetsalarm med fallvarsling for hjemmeboende" in text
    assert f"{SITE}/?q=trygghetsalarm&type=need" in text


def test_the_off_preference_tells_nothing(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given: the supplier turned saved-search alerts off
    user = _supplier(world)
    preference_set(user=user, kind=NotificationKind.SAVED_SEARCH_HITS, channel=Channel.OFF)
    _saved(user)
    _need(world, "Trygghetsalarm med fallvarsling for hjemmeboende", hours_ago=2)
    # when
    _run(django_capture_on_commit_callbacks)
    # then: neither in the app nor by e-mail
    assert _alerts(user) == []
    assert smtp.received == []


def test_the_unsubscribe_header_turns_the_alerts_off(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given: an alert e-mail
    user = _supplier(world)
    _saved(user)
    _need(world, "Trygghetsalarm med fallvarsling for hjemmeboende", hours_ago=2)
    _run(django_capture_on_commit_callbacks)
    url = smtp.to(user.email)[0]["List-Unsubscribe"].strip().strip("<>")
    # when: the mail client unsubscribes with one click, signed in as nobody
    answer = APIClient().post(
        url.removeprefix(SITE),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    # then: the next day's new need is told of nowhere
    assert answer.status_code == 200
    assert answer.json()["kinds"][0]["kind"] == NotificationKind.SAVED_SEARCH_HITS
    _need(world, "Trygghetsalarm for aktive eldre", hours_ago=-20)
    _run(django_capture_on_commit_callbacks, now=NOW + timedelta(days=1))
    assert len(_alerts(user)) == 1 and len(smtp.to(user.email)) == 1


def test_an_alert_never_names_a_draft_closed_or_archived_item(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    # given: a search on every kind; new are a published need, a draft, a need closed and
    # a solution archived after they were indexed (the index has not caught up), and a
    # closed need the index holds as closed
    user = _supplier(world)
    _saved(user, filters={})
    _need(world, "Trygghetsalarm med fallvarsling for hjemmeboende", hours_ago=2)
    _need(world, "Utkast: trygghetsalarm i Tromsø", hours_ago=2, status=Need.Status.DRAFT)
    gone = _need(world, "Trygghetsalarm for Bodø kommune", hours_ago=3)
    Need.objects.filter(pk=gone.pk).update(status=Need.Status.CLOSED)
    _need(world, "Avsluttet: trygghetsalarm i Skien", hours_ago=4, status=Need.Status.CLOSED)
    archived = SolutionFactory(
        title="Trygghetsalarm med GPS og fallsensor", published_at=NOW - timedelta(hours=1)
    )
    search_sync(entity="solution", ids=[archived.pk])
    Solution.objects.filter(pk=archived.pk).update(status=Solution.Status.ARCHIVED)
    # when
    told = _run(django_capture_on_commit_callbacks)
    # then: only the published need, in the app and by e-mail
    assert told == 1
    (alert,) = _alerts(user)
    text = _text(smtp.to(user.email)[0])
    for hidden in ("Utkast", "Bodø", "Avsluttet", "GPS"):
        assert hidden not in text and hidden not in alert.body, hidden
    assert "Trygghetsalarm med fallvarsling for hjemmeboende" in text


def test_an_inactive_users_saved_search_is_not_alerted(
    world: World, smtp: SmtpServer, django_capture_on_commit_callbacks: Any
) -> None:
    user = _supplier(world)
    saved = _saved(user)
    _need(world, "Trygghetsalarm med fallvarsling for hjemmeboende", hours_ago=2)
    User.objects.filter(pk=user.pk).update(is_active=False)
    # when
    told = _run(django_capture_on_commit_callbacks)
    # then
    assert told == 0 and _alerts(user) == [] and smtp.received == []
    saved.refresh_from_db()
    assert saved.alerted_window == ""


@pytest.mark.parametrize(
    ("frequency", "now", "error"),
    [
        ("never", NOW.isoformat(), "daily or weekly, not 'never'"),
        ("hourly", NOW.isoformat(), "daily or weekly, not 'hourly'"),
        ("daily", "i morgen tidlig", "Not an ISO date and time: 'i morgen tidlig'"),
    ],
)
def test_a_run_with_bad_arguments_is_refused_and_changes_nothing(
    world: World, frequency: str, now: str, error: str
) -> None:
    # given
    saved = _saved(_supplier(world))
    _need(world, "Trygghetsalarm med fallvarsling for hjemmeboende", hours_ago=2)
    # when / then
    with pytest.raises(ValueError, match=error):
        saved_search_alerts_task(frequency, now=now)
    saved.refresh_from_db()
    assert saved.alerted_window == "" and Notification.objects.count() == 0


def test_beat_runs_the_alerts_before_the_mornings_digest() -> None:
    daily = settings.CELERY_BEAT_SCHEDULE["saved-search-alerts-daily"]
    weekly = settings.CELERY_BEAT_SCHEDULE["saved-search-alerts-weekly"]
    digest = settings.CELERY_BEAT_SCHEDULE["notifications-daily-digest"]["schedule"]
    assert daily["task"] == weekly["task"] == saved_search_alerts_task.name
    assert (daily["args"], weekly["args"]) == (("daily",), ("weekly",))
    assert (daily["schedule"].hour, daily["schedule"].minute) == ({6}, {45})
    assert weekly["schedule"].day_of_week == {1}
    assert (digest.hour, min(digest.minute)) == ({7}, 0)
