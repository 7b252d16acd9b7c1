"""Writes generated data into the bench database and the bench's Elasticsearch indices.

Rows are bulk-inserted (the shape the import and publish services produce: published rows
with their organisation, embeddings stored under the default model and the content hash the
matching engine computes, explanation sentences' vectors), then indexed through the outbox's
own search handler (``search_sync``), as a worker would. Import Django only after
``benchmarks.stack.setup_django()``.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from itertools import islice
from typing import Any, TypeVar

import numpy as np
from django.db import transaction
from django.utils import timezone

from backend.accounts.models import Organization
from backend.dialogue.models import DialogueConference
from backend.discovery.services import search_backend, search_sync
from backend.matches.engine import default_encoder, need_item, solution_item
from backend.matches.models import Embedding, SentenceEmbedding
from backend.needs.models import Need
from backend.solutions.models import Solution
from benchmarks.generate import BUYERS, Generated, GeneratedConference, Generator
from benchmarks.names import buyer_name, org_numbers, supplier_name
from benchmarks.vectors import SentenceVectors, sentence_sha
from matching.text import content_hash

BATCH = 2000
T = TypeVar("T")


def refresh_indices() -> None:
    """Make what was indexed searchable now (the bench's indices only)."""
    backend: Any = search_backend()
    backend.client.indices.refresh(index=f"{backend.prefix}-*")


def batched(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Seeder:
    """Grows the bench corpus to given sizes; remembers what it has written."""

    def __init__(self, generator: Generator, vectors: SentenceVectors) -> None:
        self.generator = generator
        self.vectors = vectors
        self.model_id = default_encoder().model_id
        self.now = timezone.now()
        self.buyers: list[int] = []
        self.suppliers: list[int] = []
        self.counts = {"need": 0, "solution": 0, "conference": 0}
        self.ids: dict[str, list[int]] = {"need": [], "solution": [], "conference": []}
        self.timings: dict[str, float] = {"insert_s": 0.0, "index_s": 0.0}
        self._numbers = {"buyer": org_numbers(95_000_000), "supplier": org_numbers(96_000_000)}

    def sentences(self) -> int:
        """Store every pool sentence's vector, as the backend keeps explanation sentences."""
        pool = self.generator.sentence_pool()
        self.vectors.ensure(pool)
        SentenceEmbedding.objects.bulk_create(
            [
                SentenceEmbedding(
                    model_id=self.model_id,
                    sha=sentence_sha(text),
                    vector=self.vectors.vector(text).astype(np.float32).tobytes(),
                )
                for text in pool
            ],
            ignore_conflicts=True,
            batch_size=BATCH,
        )
        return len(pool)

    def grow(self, *, solutions: int, needs: int, conferences: int) -> None:
        started = time.perf_counter()
        self._organisations(needs=needs, solutions=solutions)
        new_solutions = self._items(Solution, "solution", solutions)
        new_needs = self._items(Need, "need", needs)
        new_conferences = self._conferences(conferences)
        self.timings["insert_s"] += time.perf_counter() - started
        started = time.perf_counter()
        for entity, ids in (
            ("solution", new_solutions),
            ("need", new_needs),
            ("conference", new_conferences),
        ):
            for chunk in batched(ids, 500):
                search_sync(entity=entity, ids=list(chunk))
        refresh_indices()
        self.timings["index_s"] += time.perf_counter() - started

    # --- organisations --------------------------------------------------------------------
    def _organisations(self, *, needs: int, solutions: int) -> None:
        buyers = min(BUYERS, needs) - len(self.buyers)
        suppliers = -(-solutions // 20) - len(self.suppliers)
        rows = [self._buyer(len(self.buyers) + n) for n in range(max(0, buyers))]
        rows += [self._supplier(len(self.suppliers) + n) for n in range(max(0, suppliers))]
        created = Organization.objects.bulk_create(rows, batch_size=BATCH)
        self.buyers += [o.pk for o in created if o.kind == Organization.Kind.PUBLIC_BUYER]
        self.suppliers += [o.pk for o in created if o.kind == Organization.Kind.SUPPLIER]

    def _buyer(self, index: int) -> Organization:
        name, county = buyer_name(index)
        return Organization(
            name=name,
            org_number=next(self._numbers["buyer"]),
            kind=Organization.Kind.PUBLIC_BUYER,
            county=county,
            municipality=name.split(" kommune")[0] if " kommune" in name else "",
            verified=True,
            verified_at=self.now,
        )

    def _supplier(self, index: int) -> Organization:
        return Organization(
            name=supplier_name(index),
            org_number=next(self._numbers["supplier"]),
            kind=Organization.Kind.SUPPLIER,
            county=buyer_name(index)[1],
            verified=index % 3 != 0,
            verified_at=self.now if index % 3 else None,
        )

    # --- needs and solutions --------------------------------------------------------------
    def _items(self, model: type[Need] | type[Solution], kind: str, target: int) -> list[int]:
        ids: list[int] = []
        start = self.counts[kind]
        produce = self.generator.needs if kind == "need" else self.generator.solutions
        docs = produce(start, target)
        while chunk := list(islice(docs, BATCH)):
            ids += self.write(chunk)
        self.counts[kind] = max(start, target)
        self.ids[kind] += ids
        return ids

    def write(self, docs: Sequence[Generated]) -> list[int]:
        """Insert generated needs or solutions (one kind) with their stored embeddings."""
        if not docs:
            return []
        builder: Any = self._need if docs[0].kind == "need" else self._solution
        model: Any = Need if docs[0].kind == "need" else Solution
        vectors = self.vectors.documents([d.pieces for d in docs])
        with transaction.atomic():
            rows = model.objects.bulk_create([builder(d) for d in docs], batch_size=BATCH)
            self.store_vectors(rows, vectors)
        return [row.pk for row in rows]

    def store_vectors(self, rows: Sequence[Need | Solution], vectors: np.ndarray) -> None:
        entity = "need" if isinstance(rows[0], Need) else "solution"
        items = [need_item(r) if isinstance(r, Need) else solution_item(r) for r in rows]
        Embedding.objects.bulk_create(
            [
                Embedding(
                    entity=entity,
                    entity_id=row.pk,
                    model_id=self.model_id,
                    content_hash=content_hash(item),
                    dims=int(vector.shape[0]),
                    vector=vector.astype(np.float32).tobytes(),
                )
                for row, item, vector in zip(rows, items, vectors, strict=True)
            ],
            batch_size=BATCH,
        )

    def _published(self, doc: Generated) -> datetime | None:
        return None if doc.status == "draft" else self.now - timedelta(days=doc.days_ago)

    def _need(self, doc: Generated) -> Need:
        published = self._published(doc)
        budget = doc.budget or (None, None)
        return Need(
            organization_id=self.buyers[doc.owner % len(self.buyers)],
            title=doc.title,
            description=doc.description,
            desired_effect=doc.desired_effect,
            sector=doc.sector,
            cpv_codes=list(doc.cpv_codes),
            county=doc.county,
            budget_min=budget[0],
            budget_max=budget[1],
            stage=doc.stage,
            procedure=doc.procedure,
            response_deadline=published + timedelta(days=60 + doc.index % 90)
            if published
            else None,
            language=doc.language,
            status=doc.status,
            published_at=published,
            closed_at=self.now if doc.status == "closed" else None,
        )

    def _solution(self, doc: Generated) -> Solution:
        return Solution(
            organization_id=self.suppliers[doc.owner % len(self.suppliers)],
            title=doc.title,
            description=doc.description,
            sector=doc.sector,
            cpv_codes=list(doc.cpv_codes),
            trl=doc.trl or 7,
            regions=list(doc.regions),
            language=doc.language,
            status=doc.status,
            published_at=self._published(doc),
        )

    # --- conferences ------------------------------------------------------------------------
    def _conferences(self, target: int) -> list[int]:
        start = self.counts["conference"]
        ordered = self.ids["need"]
        docs = [self.generator.conference(i) for i in range(start, target)]
        docs = [d for d in docs if d.need_index < len(ordered)]
        owners = dict(
            Need.objects.filter(pk__in=[ordered[d.need_index] for d in docs]).values_list(
                "pk", "organization_id"
            )
        )
        rows = [self._conference(d, owners[ordered[d.need_index]]) for d in docs]
        created = DialogueConference.objects.bulk_create(rows, batch_size=BATCH)
        through = DialogueConference.needs.through
        links = [
            through(dialogueconference_id=c.pk, need_id=ordered[d.need_index])
            for c, d in zip(created, docs, strict=True)
        ]
        through.objects.bulk_create(links, batch_size=BATCH)
        self.counts["conference"] = start + len(docs)
        self.ids["conference"] += [c.pk for c in created]
        return [c.pk for c in created]

    def _conference(self, doc: GeneratedConference, owner: int) -> DialogueConference:
        starts = (self.now + timedelta(days=doc.days_ahead)).replace(hour=8, minute=0, second=0)
        return DialogueConference(
            organization_id=owner,
            title=doc.title,
            description=doc.description,
            agenda=doc.agenda,
            starts_at=starts,
            ends_at=starts + timedelta(hours=2, minutes=30),
            format=doc.format,
            location=doc.location,
            stream_url="https://video.innovasjonstorget.no/direkte"
            if doc.format != "physical"
            else "",
            registration_deadline=starts - timedelta(days=7),
            capacity=40,
            status=doc.status,
            published_at=None if doc.status == "draft" else self.now,
        )
