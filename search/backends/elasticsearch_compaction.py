"""A rebuilt index merged into one segment before it goes live, without recovery sources.

A bulk load leaves a dozen or more segments an index, and a search looks each of its terms up
in every one (an everyday search at 100k documents: 4-5 ms inside Elasticsearch on 7-19
segments, under 2 ms on one). The merge also drops ``_recovery_source``: the whole source (the
excluded embedding with it, see ``catalogue.SOURCE_EXCLUDES``) that Elasticsearch keeps beside
the stored ``_source`` of each written document until a merge finds the operation behind the
last commit and released by the shard's retention leases. The merges during a load come too
early for that, and the big segments they make are seldom merged again, so reading a hit would
go on decompressing the floats. Hence a flush (a commit), the wait for the leases (seconds),
then the merge. Writes made meanwhile land in new small segments, merged as usual; the
catalogue stays far below the 5 GB from which Elasticsearch would not merge a segment again.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import Any

from elasticsearch import Elasticsearch

#: How long to wait for Elasticsearch to release the loaded operations (a few seconds), and
#: for the force merge (about a minute for 100k documents on two cores), in seconds.
RETENTION_WAIT = 60.0
MERGE_TIMEOUT = 3600.0
Shard = tuple[str, str, int]  # index, shard number, copy


def compact(client: Elasticsearch, names: Sequence[str]) -> None:
    """Flush, wait until the loaded operations are released, merge into one segment."""
    client.indices.flush(index=list(names))
    loaded = {shard: last for shard, (last, _) in shard_operations(client, names).items()}
    deadline = time.monotonic() + RETENTION_WAIT
    while time.monotonic() < deadline:
        now = shard_operations(client, names)
        if all(now.get(shard, (last, last))[1] > last for shard, last in loaded.items()):
            break
        time.sleep(0.5)
    client.options(request_timeout=MERGE_TIMEOUT).indices.forcemerge(
        index=list(names), max_num_segments=1
    )


def shard_operations(client: Elasticsearch, names: Sequence[str]) -> dict[Shard, tuple[int, int]]:
    """Per shard copy: its last operation's sequence number, and the first one its retention
    leases still retain (writes made during a rebuild move the former on)."""
    stats = client.indices.stats(index=list(names), metric="docs", level="shards")
    return {
        (index, shard, number): _operations(copy)
        for index, found in stats["indices"].items()
        for shard, copies in found["shards"].items()
        for number, copy in enumerate(copies)
    }


def _operations(copy: Mapping[str, Any]) -> tuple[int, int]:
    last = int(copy["seq_no"]["max_seq_no"])
    leases = copy.get("retention_leases", {}).get("leases", [])
    return last, min((int(lease["retaining_seq_no"]) for lease in leases), default=last + 1)
