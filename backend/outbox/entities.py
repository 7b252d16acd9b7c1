"""The one registry of the entities whose changes feed derived stores (search index,
matches): for each, its model, its visibility rules (which rows the public index shows, which
take part in matching), how its search document and its matching item are built, and what
a document's version derives from. The outbox handlers, search sync and matching read it
here instead of repeating entity names and status lists.

Builders are named by dotted path and imported on first use: the registry is imported by the
outbox, which every writing service imports, and the builders pull in the matching engine.
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from django.db import models
from django.db.models import QuerySet
from django.utils.module_loading import import_string

from backend.cases.models import Case
from backend.dialogue.models import DialogueConference
from backend.needs.models import Need
from backend.solutions.models import Solution


class Entity(StrEnum):
    """An entity's name: the outbox's ``entity``, the search index's ``kind``."""

    NEED = "need"
    SOLUTION = "solution"
    CONFERENCE = "conference"
    CASE = "case"

    @classmethod
    def values(cls) -> list[str]:
        return [e.value for e in cls]


@dataclass(frozen=True)
class EntitySpec:
    entity: Entity
    model: type[models.Model]
    #: Statuses whose rows the public search index shows (the rest are deleted from it).
    public_statuses: tuple[str, ...]
    #: Statuses whose rows take part in matching; empty: the entity is not matched.
    matched_statuses: tuple[str, ...]
    #: Builder of the search document: row -> search.types.IndexDocument.
    document_builder: str
    #: Builder of the matching item: row -> matching.types.MatchItem.
    matching_item_builder: str | None
    #: Relations the document builder reads.
    select_related: tuple[str, ...] = ("organization",)
    prefetch_related: tuple[str, ...] = ()
    #: Timestamps whose latest is a document's version (see backend/discovery/documents.py).
    version_fields: tuple[str, ...] = ("updated_at", "organization__updated_at")

    @property
    def matched(self) -> bool:
        return bool(self.matched_statuses)

    def public(self) -> QuerySet[Any]:
        """The rows the public index shows."""
        return self.model._default_manager.filter(status__in=self.public_statuses)

    def public_rows(self, ids: list[int]) -> QuerySet[Any]:
        """Those of ``ids`` the public index shows, with what their documents read."""
        return (
            self.public()
            .filter(pk__in=ids)
            .select_related(*self.select_related)
            .prefetch_related(*self.prefetch_related)
        )

    def matched_rows(self) -> QuerySet[Any]:
        return self.model._default_manager.filter(status__in=self.matched_statuses)

    def document(self, row: models.Model) -> Any:
        return _builder(self.document_builder)(row)

    def matching_item(self, row: models.Model) -> Any:
        if self.matching_item_builder is None:
            raise ValueError(f"{self.entity} takes no part in matching")
        return _builder(self.matching_item_builder)(row)


@cache
def _builder(path: str) -> Callable[[models.Model], Any]:
    builder: Callable[[models.Model], Any] = import_string(path)
    return builder


ENTITIES: dict[Entity, EntitySpec] = {
    Entity.NEED: EntitySpec(
        entity=Entity.NEED,
        model=Need,
        public_statuses=Need.PUBLIC_STATUSES,
        matched_statuses=(Need.Status.PUBLISHED,),
        document_builder="backend.discovery.documents.need_document",
        matching_item_builder="backend.matches.engine.need_item",
        # The pilot (backend/pilots) says whether the need seeks one (search filter).
        select_related=("organization", "pilot"),
        version_fields=("updated_at", "organization__updated_at", "pilot__updated_at"),
    ),
    Entity.SOLUTION: EntitySpec(
        entity=Entity.SOLUTION,
        model=Solution,
        public_statuses=Solution.PUBLIC_STATUSES,
        matched_statuses=(Solution.Status.PUBLISHED,),
        document_builder="backend.discovery.documents.solution_document",
        matching_item_builder="backend.matches.engine.solution_item",
    ),
    Entity.CONFERENCE: EntitySpec(
        entity=Entity.CONFERENCE,
        model=DialogueConference,
        public_statuses=DialogueConference.PUBLIC_STATUSES,
        matched_statuses=(),
        document_builder="backend.discovery.documents.conference_document",
        matching_item_builder=None,
        prefetch_related=("needs",),
        version_fields=("updated_at", "organization__updated_at", "needs__updated_at"),
    ),
    Entity.CASE: EntitySpec(
        entity=Entity.CASE,
        model=Case,
        public_statuses=Case.PUBLIC_STATUSES,
        matched_statuses=(),
        document_builder="backend.cases.documents.case_document",
        matching_item_builder=None,
        prefetch_related=("gains",),
    ),
}


def entity_spec(name: str) -> EntitySpec:
    """The entity's entry; an unknown name is a programming error and raises ValueError."""
    return ENTITIES[Entity(name)]


def entity_of(row: models.Model) -> Entity:
    for spec in ENTITIES.values():
        if isinstance(row, spec.model):
            return spec.entity
    raise ValueError(f"{type(row).__name__} is not a registered entity")
