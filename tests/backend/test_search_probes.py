"""Search quality on the probe set (tests/search_probes.py), over the search API, on the
demo data, for both backends and both modes (lexical; semantic with the real model).

The thresholds are the figures measured when the set was written; they only go up.
"""

from collections.abc import Iterator, Sequence

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from backend.accounts.models import User
from backend.demo.services import demo_market_load, demo_vectors_seed
from backend.discovery.services import search_backend, search_reindex
from tests.search_probes import ProbeScore, probe_score

pytestmark = pytest.mark.slow

BACKENDS = {
    "elasticsearch": "search.backends.elasticsearch.ElasticsearchBackend",
    "embedded": "search.backends.embedded.EmbeddedBackend",
}
# (backend, semantic) -> minimum top-5 rate. When the set was written (39 probes): lexical 0.46
# on both backends (20 probes found nothing at all), semantic 0.97 (returning nearly the whole
# corpus). With decompounding, synonyms, relaxation and the semantic level after the words
# (issue 11): 0.97 in every mode on both backends, nDCG@5 0.90-0.91, no probe without hits.
TOP5 = {
    ("elasticsearch", False): 0.95,
    ("embedded", False): 0.95,
    ("elasticsearch", True): 0.95,
    ("embedded", True): 0.95,
}


@pytest.fixture
def demo_market(db: None) -> Iterator[None]:
    with override_settings(EMBEDDING_MODEL=""):
        demo_market_load()
        demo_vectors_seed()
        yield


def _searcher(semantic: bool):  # type: ignore[no-untyped-def]
    client = APIClient()
    # a signed-in supplier: anonymous semantic searches are throttled to 20 a minute
    client.force_authenticate(User.objects.filter(memberships__isnull=False).first())

    def search(query: str) -> tuple[Sequence[str], int]:
        params = {"q": query, "type": "need", "page_size": "5", "semantic": str(semantic).lower()}
        answer = client.get("/api/search/", params)
        assert answer.status_code == 200, (query, answer.content)
        page = answer.json()
        return [hit["title"] for hit in page["results"]], page["total"]

    return search


@pytest.mark.parametrize("semantic", [False, True], ids=["lexical", "semantic"])
@pytest.mark.parametrize("backend", sorted(BACKENDS))
def test_the_probe_set_finds_its_needs(demo_market: None, backend: str, semantic: bool) -> None:
    # given: the demo market indexed in the backend
    with override_settings(SEARCH_BACKEND=BACKENDS[backend]):
        search_reindex()
        try:
            # when: every probe is searched over the API
            score: ProbeScore = probe_score(_searcher(semantic))
        finally:
            # the index lives for the session: later tests count hits in a small one
            search_backend().clear()
            search_backend().ensure_indices()
    # then
    print(
        f"\n{backend} semantic={semantic}: top-5 {score.top5:.2f}, nDCG@5 {score.ndcg5:.2f}, "
        f"zero hits {len(score.zero_hits)}\n  misses: {score.misses}\n  zero: {score.zero_hits}"
    )
    assert score.top5 >= TOP5[(backend, semantic)], score.misses
    assert score.zero_hits == [], "a plausible query found nothing"
