"""Indexing: drafts refused, external versions, deletes, rebuild without downtime."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest

from search import indexing
from search.backends import SearchBackend
from search.types import IndexDocument, InvalidDocument, SearchRequest, Suggestion
from tests.search.search_corpus import CORPUS, make_doc


def titles(backend: SearchBackend) -> dict[tuple[str, int], str]:
    response = backend.search(SearchRequest(page_size=100))
    return {(hit.kind, hit.id): hit.title for hit in response.hits}


def test_a_draft_cannot_even_be_built() -> None:
    with pytest.raises(InvalidDocument, match="draft"):
        make_doc(status="draft")


def test_a_draft_smuggled_past_the_constructor_is_refused(backend: SearchBackend) -> None:
    # given a document whose status was forced to draft after validation
    draft = make_doc(id=99)
    object.__setattr__(draft, "status", "draft")
    # when indexing it / then it is refused and nothing is indexed
    with pytest.raises(InvalidDocument):
        backend.index([draft])
    assert backend.search(SearchRequest()).total == 0


def test_newer_version_wins_and_older_is_skipped(backend: SearchBackend) -> None:
    # given version 2 is indexed
    indexing.index_documents(backend, [make_doc(id=1, version=2, title="Versjon to")])
    # when an older version and a replay of the same version arrive
    indexing.index_documents(backend, [make_doc(id=1, version=1, title="Versjon en")])
    indexing.index_documents(backend, [make_doc(id=1, version=2, title="Versjon to")])
    # then version 2 stays
    assert titles(backend) == {("need", 1): "Versjon to"}
    # and a newer version replaces it
    indexing.index_documents(backend, [make_doc(id=1, version=3, title="Versjon tre")])
    hit = backend.search(SearchRequest()).hits[0]
    assert (hit.title, hit.source["source_version"]) == ("Versjon tre", 3)


def test_same_id_in_different_kinds_are_different_documents(backend: SearchBackend) -> None:
    backend.index([make_doc(kind="need", id=1), make_doc(kind="solution", id=1)])
    assert set(titles(backend)) == {("need", 1), ("solution", 1)}


def test_delete_removes_documents_and_ignores_unknown_ids(backend: SearchBackend) -> None:
    # given the corpus
    indexing.index_documents(backend, CORPUS, batch_size=3)
    # when deleting need 1 and an unknown id
    indexing.delete_documents(backend, "need", [1, 12345])
    # then need 1 is gone everywhere: hits, facets, autocomplete
    response = backend.search(SearchRequest(kinds=("need",)))
    assert {hit.id for hit in response.hits} == {2, 3, 4}
    assert {f.value: f.count for f in response.facets["kind"]} == {"need": 3}
    assert "Trygghetsalarmer for hjemmeboende eldre" not in backend.autocomplete("tryg")


def test_a_deleted_documents_words_are_never_suggested(backend: SearchBackend) -> None:
    # given a document taken out of the index (a need set back to draft), and another kept
    backend.index(
        [
            make_doc(id=1, title="Kvernsteinsmølle for skolekjøkkenet"),
            make_doc(id=2, title="Alarm for brann i kommunale bygg"),
        ]
    )
    indexing.delete_documents(backend, "need", [1])
    # when searching for its word misspelt, and for the kept one's
    gone = backend.search(SearchRequest(text="kvernsteinsmøllx"))
    kept = backend.search(SearchRequest(text="alrme"))
    # then did-you-mean never offers the deleted word (Elasticsearch's term suggester still
    # reads it until the segment merges), but still corrects what is there
    assert (gone.total, gone.suggestion) == (0, None)
    assert kept.suggestion == Suggestion("alarm", 1)


def test_rebuild_replaces_everything(backend: SearchBackend) -> None:
    # given the corpus
    backend.index(CORPUS)
    # when rebuilding from a smaller set
    indexing.rebuild(backend, [replace(CORPUS[0], version=5, title="Nytt innhold")])
    # then only that set is searchable, at its version
    assert titles(backend) == {("need", 1): "Nytt innhold"}


def test_searches_keep_getting_results_during_a_rebuild(backend: SearchBackend) -> None:
    # given the corpus and a reader searching in a loop
    backend.index(CORPUS)
    totals: list[int] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            try:
                totals.append(backend.search(SearchRequest(text="trygghetsalarm")).total)
            except BaseException as error:
                errors.append(error)

    reader = threading.Thread(target=read)
    reader.start()
    # when rebuilding the same documents (plus more) twice
    extra = [make_doc(id=100 + i, title=f"Ekstra behov {i}") for i in range(60)]
    try:
        indexing.rebuild(backend, [*CORPUS, *extra])
        indexing.rebuild(backend, [*CORPUS, *extra])
    finally:
        done.set()
        reader.join()
    # then every search during the rebuilds found the documents
    assert errors == []
    assert len(totals) > 0
    assert set(totals) == {3}


def test_writes_during_a_rebuild_are_kept(backend: SearchBackend) -> None:
    # given a rebuild whose document stream is still running
    def stream() -> Iterator[IndexDocument]:
        yield CORPUS[0]
        # when a newer version is indexed mid-rebuild
        backend.index([replace(CORPUS[1], version=9, title="Endret under ombygging")])
        yield CORPUS[1]

    indexing.rebuild(backend, stream())
    # then the newer version survives the alias swap
    assert titles(backend)[("need", 2)] == "Endret under ombygging"


def test_a_delete_during_a_rebuild_is_not_undone_by_the_rebuilds_older_snapshot(
    backend: SearchBackend,
) -> None:
    # given the corpus, and a rebuild streaming a snapshot read before need 2 was deleted
    backend.index(CORPUS)

    def stream() -> Iterator[IndexDocument]:
        yield CORPUS[0]
        # when need 2 is unpublished (its deletion is version 5) mid-rebuild, before the
        # rebuild reaches its stale copy (version 1)
        indexing.delete_documents(backend, "need", [2], versions={2: 5})
        yield from CORPUS[1:]

    indexing.rebuild(backend, stream())
    # then need 2 stays deleted after the alias swap
    assert ("need", 2) not in titles(backend)
    assert ("need", 1) in titles(backend)


def test_a_versioned_delete_refuses_older_writes_and_yields_to_newer_ones(
    backend: SearchBackend,
) -> None:
    # given need 1 at version 3, deleted as of version 4
    backend.index([replace(CORPUS[0], version=3)])
    indexing.delete_documents(backend, "need", [1], versions={1: 4})
    # when a replayed older write arrives, then a newer one (it was published again)
    backend.index([replace(CORPUS[0], version=4, title="Gammel kopi")])
    after_replay = titles(backend).get(("need", 1))
    backend.index([replace(CORPUS[0], version=6, title="Publisert igjen")])
    # then
    assert (after_replay, titles(backend).get(("need", 1))) == (None, "Publisert igjen")


def test_a_versioned_delete_leaves_a_newer_document_alone(backend: SearchBackend) -> None:
    # given need 1 already at version 7 (published again after the deletion was decided)
    backend.index([replace(CORPUS[0], version=7, title="Nyere")])
    # when the older deletion arrives late
    indexing.delete_documents(backend, "need", [1], versions={1: 5})
    # then
    assert titles(backend).get(("need", 1)) == "Nyere"
