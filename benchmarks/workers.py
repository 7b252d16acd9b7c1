"""Beyond one machine: outbox draining on the matching queue with one and two Celery worker
processes (the real tasks, broker and database).

Each run publishes new needs (new texts: the worker encodes them), writes one matching outbox
entry per need and dispatches each entry as its own task, then waits until every entry is
done. Workers are started, and warmed up (model loaded), before the clock starts.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

from django.utils import timezone

from backend.outbox.models import OutboxEntry
from backend.outbox.services import outbox_dispatch
from benchmarks.seed import Seeder
from benchmarks.stack import celery_workers, peak_rss_mb, purge_broker

DRAIN_NEEDS = 6_000_000


class Drainer:
    def __init__(self, seeder: Seeder) -> None:
        self.seeder = seeder
        self.next = DRAIN_NEEDS

    def _entries(self, count: int) -> list[int]:
        needs = []
        for _ in range(count):
            doc = replace(self.seeder.generator.need(self.next), status="published")
            self.next += 1
            need = self.seeder._need(doc)
            need.save()
            needs.append(need)
        entries = OutboxEntry.objects.bulk_create(
            [
                OutboxEntry(
                    topic=OutboxEntry.Topic.MATCHING_RECOMPUTE, entity="need", entity_id=n.pk
                )
                for n in needs
            ]
        )
        return [e.pk for e in entries]

    def drain(self, count: int, timeout: float) -> float:
        """Seconds from dispatching ``count`` entries (one task each) until all are done."""
        ids = self._entries(count)
        started = time.perf_counter()
        for pk in ids:
            outbox_dispatch(entry_ids=[pk])
        deadline = time.monotonic() + timeout
        pending = OutboxEntry.objects.filter(pk__in=ids, processed_at__isnull=True)
        while pending.exists():
            failed = OutboxEntry.objects.filter(pk__in=ids, attempts__gt=0).first()
            if failed is not None:
                raise RuntimeError(f"outbox entry {failed.pk} failed: {failed.last_error}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{pending.count()} of {count} entries not done in {timeout} s")
            time.sleep(0.1)
        return time.perf_counter() - started


def drain_run(seeder: Seeder, *, workers: int, threads: int, entries: int) -> dict[str, Any]:
    purge_broker()
    drainer = Drainer(seeder)
    drainer.next += 10_000 * workers + 1000 * threads
    with celery_workers(workers, threads_per_worker=threads) as services:
        drainer.drain(workers, timeout=600)  # warm-up: each worker loads the model
        for service in services:
            service.check_alive()
        seconds = drainer.drain(entries, timeout=1800)
        peak = max(peak_rss_mb(s.pid) for s in services)
    return {
        "workers": workers,
        "threads_per_worker": threads,
        "entries": entries,
        "seconds": seconds,
        "entries_per_s": entries / seconds,
        "worker_peak_mb": peak,
        "finished_at": timezone.now().isoformat(),
    }


def worker_scaling(seeder: Seeder, *, entries: int) -> dict[str, Any]:
    one = drain_run(seeder, workers=1, threads=1, entries=entries)
    two = drain_run(seeder, workers=2, threads=1, entries=entries)
    one_wide = drain_run(seeder, workers=1, threads=2, entries=entries)
    return {
        "one_worker": one,
        "two_workers": two,
        "one_worker_two_threads": one_wide,
        "ratio_two_vs_one": two["entries_per_s"] / one["entries_per_s"],
        "ratio_two_vs_one_two_threads": two["entries_per_s"] / one_wide["entries_per_s"],
    }
