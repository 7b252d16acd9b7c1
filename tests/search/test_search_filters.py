"""Filters, facet counts, sorting and pagination: identical on both backends."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

import pytest

from search.backends import InvalidSearchRequest, SearchBackend
from search.types import Hit, IndexDocument, SearchRequest
from tests.search.search_corpus import CORPUS, make_doc

FILTERS: dict[str, Callable[[IndexDocument], set[str]]] = {
    "kind": lambda d: {d.kind},
    "sector": lambda d: {d.sector},
    "cpv_division": lambda d: {c[:2] for c in d.cpv_codes},
    "cpv_group": lambda d: {c[:3] for c in d.cpv_codes},
    "cpv_code": lambda d: set(d.cpv_codes),
    "county": lambda d: set(d.counties),
    "stage": lambda d: {d.stage} if d.stage else set(),
    "status": lambda d: {d.status},
    "procedure": lambda d: {d.procedure} if d.procedure else set(),
    "trl": lambda d: {str(d.trl)} if d.trl else set(),
    "language": lambda d: {d.language},
    "organization_id": lambda d: {str(d.organization_id)},
    "seeks_pilot": lambda d: set() if d.seeks_pilot is None else {str(d.seeks_pilot).lower()},
    "gain_type": lambda d: set(d.gain_types),
}


def keys(hits: Iterable[Hit]) -> set[tuple[str, int]]:
    return {(hit.kind, hit.id) for hit in hits}


def oracle_keys(filters: dict[str, tuple[str, ...]], skip: str = "") -> list[IndexDocument]:
    return [
        doc
        for doc in CORPUS
        if all(FILTERS[k](doc) & set(v) for k, v in filters.items() if k != skip)
    ]


@pytest.mark.parametrize(
    "filters",
    [
        {"sector": ("helse-og-omsorg",)},
        {"sector": ("helse-og-omsorg", "vann-og-avlop")},
        {"cpv_division": ("48",)},
        {"cpv_group": ("381",)},
        {"cpv_group": ("380",)},
        {"cpv_code": ("33190000-8",)},
        {"county": ("03",)},
        {"stage": ("markedsdialog",)},
        {"status": ("closed",)},
        {"procedure": ("innovasjonspartnerskap", "konkurranse-med-forhandling")},
        {"trl": ("7",)},
        {"language": ("en",)},
        {"organization_id": ("10",)},
        {"seeks_pilot": ("true",)},
        {"seeks_pilot": ("true",), "sector": ("helse-og-omsorg",)},
        {"gain_type": ("hours_freed",)},
        {"gain_type": ("quality", "money_saved"), "procedure": ("innovasjonspartnerskap",)},
        {"kind": ("case",)},
        {"kind": ("solution", "conference")},
        {"sector": ("helse-og-omsorg",), "kind": ("need",), "county": ("46",)},
    ],
)
def test_filters_and_disjunctive_facets(
    corpus_backend: SearchBackend, filters: dict[str, tuple[str, ...]]
) -> None:
    # given the corpus / when filtering with an empty query
    response = corpus_backend.search(SearchRequest(filters=filters, page_size=50))
    # then hits are AND across keys, OR within a key
    expected = oracle_keys(filters)
    assert keys(response.hits) == {(d.kind, d.id) for d in expected}
    assert response.total == len(expected)
    # and each facet counts under every filter except its own
    for key, values_of in FILTERS.items():
        counts = Counter(v for d in oracle_keys(filters, skip=key) for v in values_of(d))
        assert {f.value: f.count for f in response.facets[key]} == dict(counts), key


def test_facets_follow_the_text_query(corpus_backend: SearchBackend) -> None:
    # given / when searching text with a sector filter
    response = corpus_backend.search(
        SearchRequest(text="trygghetsalarm", filters={"kind": ("need",)})
    )
    # then facets count only matching documents, sorted by count then value
    assert [(f.value, f.count) for f in response.facets["kind"]] == [
        ("conference", 1),
        ("need", 1),
        ("solution", 1),
    ]
    assert [(f.value, f.count) for f in response.facets["sector"]] == [("helse-og-omsorg", 1)]
    assert response.total == 1


def test_kinds_restricts_the_search(corpus_backend: SearchBackend) -> None:
    response = corpus_backend.search(SearchRequest(kinds=("solution",)))
    assert keys(response.hits) == {("solution", 5), ("solution", 6)}


def test_sort_newest(corpus_backend: SearchBackend) -> None:
    response = corpus_backend.search(SearchRequest(sort="newest"))
    assert [(h.kind, h.id) for h in response.hits] == [
        ("need", 4),
        ("case", 8),
        ("solution", 5),
        ("conference", 7),
        ("need", 1),
        ("solution", 6),
        ("need", 2),
        ("need", 3),
    ]


def test_sort_deadline_puts_missing_deadlines_last(corpus_backend: SearchBackend) -> None:
    response = corpus_backend.search(SearchRequest(sort="deadline"))
    assert [(h.kind, h.id) for h in response.hits] == [
        ("conference", 7),
        ("need", 2),
        ("need", 1),
        ("need", 4),
        ("case", 8),
        ("need", 3),
        ("solution", 5),
        ("solution", 6),
    ]


def test_relevance_ranks_title_match_first(corpus_backend: SearchBackend) -> None:
    # ranking may differ between backends in detail; a title match beats a text-only match
    response = corpus_backend.search(SearchRequest(text="sensor"))
    assert (response.hits[0].kind, response.hits[0].id) in {("solution", 6), ("need", 4)}
    assert (response.hits[-1].kind, response.hits[-1].id) == ("need", 2)


def test_hits_carry_id_version_and_source(corpus_backend: SearchBackend) -> None:
    response = corpus_backend.search(SearchRequest(text="GPS"))
    (hit,) = response.hits
    assert (hit.kind, hit.id, hit.title) == ("solution", 5, "Trygghetsalarm med GPS")
    assert hit.source["doc_id"] == 5
    assert hit.source["source_version"] == 1
    assert hit.source["cpv_divisions"] == ["48"]
    assert hit.source["trl"] == "7"
    assert "embedding" not in hit.source


def test_page_beyond_result_window_is_a_clear_error(corpus_backend: SearchBackend) -> None:
    with pytest.raises(InvalidSearchRequest, match="10000"):
        corpus_backend.search(SearchRequest(page=501, page_size=20))


def test_unknown_filter_is_rejected(corpus_backend: SearchBackend) -> None:
    with pytest.raises(InvalidSearchRequest, match="colour"):
        corpus_backend.search(SearchRequest(filters={"colour": ("red",)}))


@pytest.mark.parametrize(
    "request_template",
    [
        SearchRequest(sort="newest", page_size=7),
        SearchRequest(sort="deadline", page_size=7),
        SearchRequest(text="innovasjon", page_size=7),
    ],
)
def test_pagination_walks_every_result_once(
    backend: SearchBackend, request_template: SearchRequest
) -> None:
    # given 45 needs, many with equal dates and scores
    backend.index(
        [
            make_doc(
                id=i,
                title=f"Behov nummer {i}",
                text="Innovasjon i offentlig sektor",
                published_at=CORPUS[i % 3].published_at,
                deadline=CORPUS[i % 4].deadline,
            )
            for i in range(1, 46)
        ]
    )
    # when walking all pages
    seen = []
    for page in range(1, 8):
        request = SearchRequest(
            text=request_template.text,
            sort=request_template.sort,
            page=page,
            page_size=request_template.page_size,
        )
        response = backend.search(request)
        assert response.total == 45
        seen += [hit.id for hit in response.hits]
    # then every document appears exactly once
    assert sorted(seen) == list(range(1, 46))


def test_unknown_kind_or_sort_is_rejected(corpus_backend: SearchBackend) -> None:
    with pytest.raises(InvalidSearchRequest):
        corpus_backend.search(SearchRequest(kinds=("response",)))  # type: ignore[arg-type]
    with pytest.raises(InvalidSearchRequest):
        corpus_backend.search(SearchRequest(sort="oldest"))  # type: ignore[arg-type]


def test_the_last_reachable_page_is_allowed(corpus_backend: SearchBackend) -> None:
    # given the window ends at result 10 000 / when asking for results 9 901..10 000
    response = corpus_backend.search(SearchRequest(page=100, page_size=100))
    # then the answer is an empty page with the right total, not an error
    assert (response.total, response.hits) == (8, ())


def test_only_the_facets_asked_for_are_counted(corpus_backend: SearchBackend) -> None:
    # when asking for two facets, one of them filtered on
    response = corpus_backend.search(
        SearchRequest(facets=("kind", "county"), filters={"county": ("03",)})
    )
    # then just those come back, each counting under the other filters
    assert set(response.facets) == {"kind", "county"}
    assert {f.value: f.count for f in response.facets["kind"]} == {"need": 1, "solution": 1}
    assert {f.value: f.count for f in response.facets["county"]}["46"] == 4
    with pytest.raises(InvalidSearchRequest, match="unknown facet"):
        corpus_backend.search(SearchRequest(facets=("colour",)))
