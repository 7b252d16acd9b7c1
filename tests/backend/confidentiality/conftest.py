"""The scene is built once for the whole package, inside one transaction that is rolled back
at the end (like Django's setUpTestData); each test runs in a savepoint within it, so what a
test writes is undone. The public rows are indexed into the real Elasticsearch, and removed
from it afterwards."""

from collections.abc import Iterator

import pytest
from django.db import transaction
from pytest_django import DjangoDbBlocker

from tests.backend.confidentiality.helpers import Scene, scene_build, scene_unindex


@pytest.fixture(scope="package")
def scene(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[Scene]:
    with django_db_blocker.unblock(), transaction.atomic():
        built = scene_build()
        try:
            yield built
        finally:
            scene_unindex(built)
            transaction.set_rollback(True)


@pytest.fixture
def market(scene: Scene, db: None) -> Scene:
    """The scene, in a test that may use the database (its writes are rolled back)."""
    return scene
