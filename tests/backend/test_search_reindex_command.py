"""`manage.py search_reindex --if-outdated`: a deploy rebuilds the indices only when the search
analysis changed (MAPPING_VERSION), and always when asked without the option."""

from io import StringIO

import pytest
from django.core.management import call_command

from backend.discovery.services import search_backend
from search.backends.elasticsearch import ElasticsearchBackend
from search.documents.catalogue import MAPPING_VERSION

pytestmark = pytest.mark.django_db


def _reindex(*args: str) -> str:
    out = StringIO()
    call_command("search_reindex", *args, stdout=out)
    return out.getvalue()


def test_if_outdated_rebuilds_only_indices_of_an_older_mapping_version() -> None:
    backend = search_backend()
    assert isinstance(backend, ElasticsearchBackend)
    # given current indices / when a deploy asks / then nothing is rebuilt
    _reindex()
    assert "nothing rebuilt" in _reindex("--if-outdated")
    # given an index an older version of the code built
    backend.client.indices.put_mapping(
        index=backend.alias("solution"), meta={"mapping_version": MAPPING_VERSION - 1}
    )
    # when a deploy asks / then every index is rebuilt at this version
    assert "rebuilt and aliases swapped" in _reindex("--if-outdated")
    assert set(backend.mapping_versions().values()) == {MAPPING_VERSION}
