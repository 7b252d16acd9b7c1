"""Notifications moved from the matches app keep their rows: on a database with
notifications in the old table, the migrations rename the table, keep ids, texts and read
state, and point the old links (/behov/, /konferanser/) at the app's pages."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from backend.notifications.models import Channel, Notification
from tests.factories import UserFactory

BEFORE = [("matches", "0004_incremental_matching"), ("notifications", None)]


def _latest(executor: MigrationExecutor) -> list[tuple[str, str]]:
    return executor.loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_the_moved_notifications_keep_their_rows() -> None:
    # given: the schema before the move, with notifications in matches_notification
    user = UserFactory(email="ingrid@bergen.kommune.no")
    executor = MigrationExecutor(connection)
    latest = _latest(executor)
    try:
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE[:1]).apps.get_model("matches", "Notification")
        read = old.objects.create(
            user_id=user.pk, title="Nytt svar: Dialogkonferanse", body="Svar", link="/konferanser/4"
        )
        unread = old.objects.create(
            user_id=user.pk, title="Introduksjon", body="", link="/behov/12"
        )
    finally:
        # when: migrated (the database is left as the other tests expect it, whatever happens)
        MigrationExecutor(connection).migrate(latest)
    # then
    moved = {n.pk: n for n in Notification.objects.all()}
    assert sorted(moved) == sorted([read.pk, unread.pk])
    assert (moved[read.pk].title, moved[read.pk].link) == (
        "Nytt svar: Dialogkonferanse",
        "/conferences/4",
    )
    assert moved[unread.pk].link == "/needs/12"
    assert {(n.kind, n.channel) for n in moved.values()} == {("", Channel.IN_APP)}
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    assert ("notifications_notification" in tables, "matches_notification" in tables) == (
        True,
        False,
    )
    # and new rows get new ids
    assert Notification.objects.create(user=user, title="Ny", body="").pk > unread.pk
