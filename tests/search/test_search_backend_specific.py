"""What only one backend has: Elasticsearch index naming, analysis parity, errors; persistence."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from search.analysis import default_analysis, tokenize
from search.backends import SearchUnavailable
from search.backends.elasticsearch import ElasticsearchBackend
from search.backends.embedded import EmbeddedBackend
from search.documents.catalogue import MAPPING_VERSION, SOURCE_EXCLUDES
from search.types import SearchRequest
from tests.search.search_corpus import CORPUS, DIMS, ES_URL, BackendFactory

WORDS = (
    "anskaffelse anskaffelser trygghetsalarm trygghetsalarmer kommune kommunen kommunar "
    "løysing løysingar velferdsteknologi sykehjemmet heimetenesta pasientar alarmer sensors "
    "monitoring monitors water quality Pårørende Innovasjonspartnerskap dialogkonferanse "
    "leverandører oppfølging betre og i the for"
)


@pytest.fixture
def es_backend(backend_factory: BackendFactory) -> ElasticsearchBackend:
    backend = backend_factory("elasticsearch")
    assert isinstance(backend, ElasticsearchBackend)
    return backend


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_python_analysis_matches_the_server(es_backend: ElasticsearchBackend, lang: str) -> None:
    # given the corpus text and the README examples
    text = " ".join([WORDS, *(f"{doc.title} {doc.text}" for doc in CORPUS)])
    # when the server analyses it with the index's hunspell analyzer
    response = es_backend.client.indices.analyze(
        index=es_backend.alias("need"), analyzer=f"{lang}_hunspell", text=text
    )
    server = sorted(token["token"] for token in response["tokens"])
    # then the embedded backend's Python chain produces the same terms
    assert sorted(default_analysis().stemmed_terms(lang, tokenize(text))) == server


def test_standard_tokenizer_matches_the_server(es_backend: ElasticsearchBackend) -> None:
    text = "CPV 48000000-8, e-helse/velferd: 1,5 mill. kr — Innovasjon Norge's «LUP» v2.0"
    response = es_backend.client.indices.analyze(analyzer="standard", text=text)
    assert tokenize(text) == [token["token"] for token in response["tokens"]]


def test_indices_are_versioned_behind_aliases(es_backend: ElasticsearchBackend) -> None:
    # given ensure_indices ran (twice: idempotent)
    es_backend.ensure_indices()
    before = es_backend.client.indices.get_alias(name=es_backend.alias("need")).body
    # then the alias points at one versioned index
    (name,) = before
    assert re.fullmatch(rf"{es_backend.prefix}-needs-v{MAPPING_VERSION}-\d+", name)
    assert es_backend.mapping_versions() == dict.fromkeys(
        ("need", "solution", "conference", "case"), MAPPING_VERSION
    )
    # when rebuilding
    es_backend.rebuild(CORPUS)
    # then the alias moved to a new index and the old one is gone
    (after,) = es_backend.client.indices.get_alias(name=es_backend.alias("need")).body
    assert after != name
    assert not es_backend.client.indices.exists(index=name)


def test_indices_of_an_older_mapping_version_are_outdated_until_a_rebuild(
    es_backend: ElasticsearchBackend, es_prefix: str
) -> None:
    # given current indices / then nothing is due
    assert es_backend.outdated() is False
    # given an index written by an older version of the code (its _meta says so)
    es_backend.client.indices.put_mapping(
        index=es_backend.alias("need"), meta={"mapping_version": MAPPING_VERSION - 1}
    )
    # then a rebuild is due, and after it no more
    assert es_backend.outdated() is True
    es_backend.rebuild(CORPUS)
    assert es_backend.outdated() is False
    # and a prefix without any index is outdated too
    assert ElasticsearchBackend(url=ES_URL, index_prefix=f"{es_prefix}-none").outdated() is True


def test_embedded_backend_upgrades_a_file_of_an_older_version(tmp_path: Path) -> None:
    # given the file an older version wrote: its sources lack the fields of this analysis
    EmbeddedBackend(path=tmp_path, embedding_dims=DIMS).index(CORPUS)
    current = tmp_path / f"catalogue-v{MAPPING_VERSION}.json"
    entries = json.loads(current.read_text(encoding="utf-8"))
    for entry in entries:
        entry["source"].pop("en_roots")
        entry["source"]["compound_parts"] = ""
    older = tmp_path / f"catalogue-v{MAPPING_VERSION - 1}.json"
    older.write_text(json.dumps(entries), encoding="utf-8")
    current.unlink()
    # when a backend of this version opens the directory
    backend = EmbeddedBackend(path=tmp_path, embedding_dims=DIMS)
    # then the documents are analysed anew ("velferd" is a part of "velferdsteknologi")
    found = {(hit.kind, hit.id) for hit in backend.search(SearchRequest(text="velferd")).hits}
    assert found == {("need", 1), ("conference", 7)}
    # and saved as this version's file, the older one gone
    assert current.exists()
    assert not older.exists()


def test_documents_carry_their_row_version_as_es_version(es_backend: ElasticsearchBackend) -> None:
    es_backend.index(CORPUS[:1])
    stored = es_backend.client.get(index=es_backend.alias("need"), id="1")
    assert (stored["_version"], stored["_source"]["source_version"]) == (1, 1)


def test_internal_fields_are_indexed_but_not_stored(es_backend: ElasticsearchBackend) -> None:
    # given a need indexed with its vector, compound parts and completions
    es_backend.index(CORPUS[:1])
    # when reading what Elasticsearch stored
    stored = es_backend.client.get(index=es_backend.alias("need"), id="1")["_source"]
    # then the internal fields (the 384 floats above all) are not in the stored source
    assert set(SOURCE_EXCLUDES) == {"compound_parts", "en_roots", "suggest", "embedding"}
    assert not set(SOURCE_EXCLUDES) & set(stored)
    assert stored["title"] == CORPUS[0].title
    # and each still finds the document: the k-NN, a compound part, a completion
    assert es_backend.knn("need", (1.0, 0.0, 0.0, 0.0), 1)[0][0] == 1
    assert [hit.id for hit in es_backend.search(SearchRequest(text="alarmer")).hits] == [1]
    assert es_backend.autocomplete("trygghets", ("need",)) == [CORPUS[0].title]


def test_unreachable_server_raises_search_unavailable() -> None:
    # given a backend pointing at a port nobody listens on (nothing is stopped)
    backend = ElasticsearchBackend(url="http://127.0.0.1:9", request_timeout=1)
    # then ping is false and calls raise SearchUnavailable (the API answers 503)
    assert backend.ping() is False
    with pytest.raises(SearchUnavailable):
        backend.search(SearchRequest(text="alarm"))
    with pytest.raises(SearchUnavailable):
        backend.index(CORPUS[:1])


def test_a_server_whose_shards_are_not_ready_is_unavailable_not_an_error(
    es_backend: ElasticsearchBackend,
) -> None:
    # given: the needs index reopened with its shard held back, as a server that has just
    # started has it (each search of the index fails: "all shards failed", 503)
    es_backend.index(CORPUS[:1])
    client = Elasticsearch(ES_URL)
    name = next(iter(client.indices.get_alias(name=es_backend.alias("need")).body))
    nowhere = {"index.routing.allocation.require._name": "no-such-node"}
    client.indices.close(index=name)
    client.indices.put_settings(index=name, settings=nowhere)
    client.indices.open(index=name, wait_for_active_shards="0")
    try:
        # then: a search says "unavailable" (the API answers 503), never an error (500)
        with pytest.raises(SearchUnavailable):
            es_backend.search(SearchRequest(text="alarmer", kinds=("need",)))
    finally:
        client.indices.put_settings(
            index=name, settings={"index.routing.allocation.require._name": None}
        )
        client.cluster.health(index=name, wait_for_status="yellow", timeout="30s")
    assert [hit.id for hit in es_backend.search(SearchRequest(text="alarmer")).hits] == [1]


def test_the_suite_talks_to_the_configured_server() -> None:
    assert ElasticsearchBackend(url=ES_URL).ping(), f"Elasticsearch must run at {ES_URL}"


def test_embedded_backend_persists_across_instances(tmp_path: Path) -> None:
    # given documents indexed by one instance
    first = EmbeddedBackend(path=tmp_path, embedding_dims=DIMS)
    first.index(CORPUS)
    # when a new instance opens the same directory
    second = EmbeddedBackend(path=tmp_path, embedding_dims=DIMS)
    # then it finds them
    assert second.search(SearchRequest(text="trygghetsalarm")).total == 3
    assert second.knn("need", (1.0, 0.0, 0.0, 0.0), k=1)[0][0] == 1


def test_before_any_index_exists_searches_find_nothing_and_writes_create_it(
    es_prefix: str,
) -> None:
    # given a prefix with no indices at all
    backend = ElasticsearchBackend(
        url=ES_URL,
        index_prefix=f"{es_prefix}-bare",
        embedding_dims=DIMS,
        number_of_replicas=0,
        refresh=True,
    )
    # then searching and completing find nothing rather than failing
    assert backend.search(SearchRequest(text="alarm")).total == 0
    assert backend.autocomplete("tryg") == []
    # and the first write creates the versioned index behind the alias
    backend.index(CORPUS[:1])
    assert backend.search(SearchRequest(text="trygghetsalarm")).total == 1


def test_embedded_backend_starts_empty_from_an_unreadable_file(tmp_path: Path) -> None:
    # given a damaged index file
    (tmp_path / f"catalogue-v{MAPPING_VERSION}.json").write_text("{not json", encoding="utf-8")
    backend = EmbeddedBackend(path=tmp_path, embedding_dims=DIMS)
    # when searching / then it answers from an empty index, and a rebuild refills it
    assert backend.search(SearchRequest()).total == 0
    backend.rebuild(CORPUS)
    assert EmbeddedBackend(path=tmp_path, embedding_dims=DIMS).search(SearchRequest()).total == 8
