"""Run by test_run_worker.py in a process of its own, with make run's settings on a fresh SQLite
file: several processes claim the same outbox entries at the same moment, as the worker's pool
processes do. SQLite has no ``SELECT … FOR UPDATE``; the claim's transaction takes the write
lock at BEGIN (``transaction_mode=IMMEDIATE``), so the claims queue and none takes an entry
another holds. Prints one JSON list of claimed ids per process."""

import json
import multiprocessing
import sys
from typing import Any

PROCESSES = 4
ENTRIES = 60


def _claim(barrier: Any, ids: list[int], out: Any) -> None:
    from backend.outbox.services import outbox_claim

    barrier.wait()
    out.put([entry.pk for entry in outbox_claim(entry_ids=ids)])


def main() -> None:
    import django
    from django.core.management import call_command
    from django.db import connections

    django.setup()
    call_command("migrate", verbosity=0)
    from backend.outbox.models import OutboxEntry

    entries = OutboxEntry.objects.bulk_create(
        OutboxEntry(topic=OutboxEntry.Topic.SEARCH_INDEX, entity="need", entity_id=n)
        for n in range(ENTRIES)
    )
    ids = [entry.pk for entry in entries]
    connections.close_all()  # each process opens its own connection
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(PROCESSES)
    out = context.Queue()
    workers = [context.Process(target=_claim, args=(barrier, ids, out)) for _ in range(PROCESSES)]
    for worker in workers:
        worker.start()
    claims = [out.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    json.dump({"ids": ids, "claims": claims}, sys.stdout)


if __name__ == "__main__":
    main()
