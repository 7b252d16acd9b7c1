"""The curation board shows each card's note count before it is opened ("Notater (2)"), from
one request for the whole board: /api/matches/note-counts/?need=<id>. Advisors only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.backend.conftest import World
from tests.factories import MatchFactory, MatchNoteFactory, NeedFactory, SolutionFactory

COUNTS = "/api/matches/note-counts/"


def test_each_pair_of_the_need_has_its_count_and_a_pair_without_notes_none(world: World) -> None:
    # given: two notes on the world's pair, one on another pair of the same need, none on a
    # third, and a note on a pair of another need
    MatchNoteFactory.create_batch(2, match=world.match)
    other = MatchFactory(need=world.need, solution=SolutionFactory(organization=world.supplier_org))
    MatchNoteFactory(match=other)
    MatchFactory(need=world.need, solution=SolutionFactory(organization=world.supplier_org))
    MatchNoteFactory(match=MatchFactory(need=NeedFactory(organization=world.buyer_org)))
    # when
    response = world.client("advisor").get(COUNTS, {"need": world.need.pk})
    # then
    assert response.status_code == 200
    assert sorted((row["match"], row["count"]) for row in response.json()) == sorted(
        [(world.match.pk, 2), (other.pk, 1)]
    )


def test_one_query_for_the_counts_however_many_pairs(world: World) -> None:
    # given
    for _ in range(5):
        pair = MatchFactory(need=world.need, solution=SolutionFactory())
        MatchNoteFactory.create_batch(3, match=pair)
    client = world.client("advisor")
    client.get(COUNTS, {"need": world.need.pk})  # one-off work of a first request
    # when
    with CaptureQueriesContext(connection) as captured:
        rows = client.get(COUNTS, {"need": world.need.pk}).json()
    # then: the session, the advisor check and the counts
    assert len(rows) == 5
    assert len(captured) <= 4, [q["sql"] for q in captured]


@pytest.mark.parametrize("role", ["visitor", "buyer", "other_buyer", "supplier"])
def test_no_one_but_an_advisor_reads_the_counts(world: World, role: str) -> None:
    MatchNoteFactory(match=world.match)

    response = world.client(role).get(COUNTS, {"need": world.need.pk})

    assert response.status_code in (401, 403)
    assert "count" not in response.content.decode()


@pytest.mark.parametrize(
    ("language", "query", "says"),
    [
        ("nb", {}, "Oppgi behovet med nummeret, for eksempel need=12."),
        ("nb", {"need": "trygghetsalarm"}, "Oppgi behovet med nummeret, for eksempel need=12."),
        ("en", {"need": "0"}, "Give the need as its number, for example need=12."),
    ],
)
def test_a_need_that_is_not_a_number_is_refused_in_the_reader_language(
    world: World, language: str, query: dict[str, str], says: str
) -> None:
    response = world.client("advisor").get(COUNTS, query, HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 400
    assert response.json() == {"need": [says]}
