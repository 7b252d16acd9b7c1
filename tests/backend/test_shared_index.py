"""`make run`'s search index is one file that the web process reads and the Celery worker
writes: each instance here stands for a process (its own memory, its own file locks)."""

import threading
from pathlib import Path

from backend.discovery.shared_index import SharedEmbeddedBackend
from search.types import SearchRequest
from tests.search.search_corpus import CORPUS, DIMS, make_doc


def _process(path: Path) -> SharedEmbeddedBackend:
    return SharedEmbeddedBackend(path=path, embedding_dims=DIMS)


def _ids(backend: SharedEmbeddedBackend) -> set[int]:
    return {hit.id for hit in backend.search(SearchRequest(page_size=100)).hits}


def test_the_web_process_finds_what_the_worker_indexed_after_it_started(tmp_path: Path) -> None:
    # given a web process that has searched the empty index already
    web, worker = _process(tmp_path), _process(tmp_path)
    assert web.search(SearchRequest(text="trygghetsalarm")).total == 0
    # when the worker indexes the corpus, then deletes one need
    worker.index(CORPUS)
    worker.delete("need", [1])
    # then the web process sees both changes without restarting
    assert web.search(SearchRequest(text="trygghetsalarm")).total == 2
    assert 1 not in _ids(web)


def test_a_versioned_delete_in_one_process_is_honoured_by_another(tmp_path: Path) -> None:
    # given a document deleted at version 5 by one process
    first, second = _process(tmp_path), _process(tmp_path)
    first.index([make_doc(id=77, title="Smart strøm", version=4)])
    first.delete("need", [77], {77: 5})
    # when another process indexes an older snapshot of it (a rebuild, a late run)
    second.index([make_doc(id=77, title="Smart strøm", version=5)])
    second.rebuild([make_doc(id=77, title="Smart strøm", version=3), *CORPUS])
    # then it stays deleted; a newer version comes back
    assert 77 not in _ids(first) | _ids(second)
    second.index([make_doc(id=77, title="Smart strøm", version=6)])
    assert 77 in _ids(first)


def test_concurrent_writers_lose_no_document(tmp_path: Path) -> None:
    # given two processes writing different documents at the same time
    writers = [_process(tmp_path) for _ in range(2)]

    def write(backend: SharedEmbeddedBackend, start: int) -> None:
        for doc_id in range(start, start + 40):
            backend.index([make_doc(id=doc_id, title=f"Behov nummer {doc_id}")])

    threads = [
        threading.Thread(target=write, args=(writer, 100 + n * 100))
        for n, writer in enumerate(writers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # then a third process reads every one of them
    expected = set(range(100, 140)) | set(range(200, 240))
    assert _ids(_process(tmp_path)) == expected
