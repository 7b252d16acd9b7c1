"""Suite-wide pytest hooks.

Under pytest-xdist (`make test` runs `pytest -n N --dist loadfile`), the slowest test files
are handed out first, so that no process is still working through a long file when the
others have finished (longest first). The seconds are each file's total test time, measured
with `pytest -n 2 --dist loadfile --junitxml` on 5 December 2026; a file not listed starts
after them, in collection order. Re-measure when a file's time changes much.
"""

import pytest

SLOW_FILES = {
    "tests/backend/test_fuzz_api.py": 218,
    "tests/backend/confidentiality/test_drafts.py": 92,
    "tests/backend/test_import.py": 90,
    "tests/backend/confidentiality/test_coverage.py": 84,
    "tests/backend/test_matching_incremental.py": 80,
    "tests/backend/confidentiality/test_missed_searches.py": 79,
    "tests/matching/test_matching_real_model.py": 66,
    "tests/backend/confidentiality/test_minutes.py": 65,
    "tests/backend/confidentiality/test_invitations.py": 65,
    "tests/backend/test_trust_matrix.py": 62,
    "tests/backend/confidentiality/test_rejected_matches.py": 61,
    "tests/backend/confidentiality/test_responses.py": 59,
    "tests/backend/confidentiality/test_slot_bookers.py": 56,
    "tests/backend/confidentiality/test_joint.py": 50,
    "tests/backend/test_search_probes.py": 50,
    "tests/search/test_search_indexing.py": 48,
    "tests/backend/test_matching_quality.py": 47,
    "tests/backend/confidentiality/test_cases.py": 34,
    "tests/matching/test_matching_announce_floor.py": 29,
    "tests/backend/test_outbox_worker.py": 26,
}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # On an xdist worker (it has `workerinput`), whose collection the controller hands out.
    if not hasattr(config, "workerinput"):
        return
    # A stable sort: each file's tests keep their order (pytest-django's among them).
    items.sort(key=lambda item: -SLOW_FILES.get(item.nodeid.split("::", 1)[0], 0))
