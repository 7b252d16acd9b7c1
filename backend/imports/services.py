"""The bulk import of solutions and needs (manage.py import_solutions / import_needs).

1. ``import_check`` reads the whole file and checks every row with the API's rules; any
   rejected row stops the import before anything is saved.
2. ``import_save`` saves the rows not imported before in batches. Each batch is one
   transaction: the rows, their audit events, an ImportedRow per row (its stable key) and,
   for published rows, their outbox entries (search index, matching), *held back* for
   ``HOLD`` so the worker waits while the import does the work itself.
3. Each saved batch is then completed: the published rows are embedded in one batched
   encoder call into the matching engine's embedding cache, indexed in bulk through the
   search backend (by claiming the held search entries, so a concurrent change is never
   lost), and their matching entries are released to the background worker. The rows are
   then marked complete.

An interrupted run (Ctrl-C, a crash) leaves whole batches behind. Running the command again
on the same file skips the rows already saved (by key), completes the saved rows not yet
completed, and goes on. Had nobody run it again, the held outbox entries would still be
sent by the sweeper once ``HOLD`` has passed: nothing saved is left out of search or
matching.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import islice
from typing import TypeVar

from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.audit.models import AuditEvent
from backend.audit.services import audit_log_many
from backend.imports.models import ImportedRow, ImportRun
from backend.imports.readers import ImportFileError, ImportSource, file_sha256
from backend.imports.rows import PreparedRow, RowChecker, RowError, RowKind
from backend.matches.engine import DatabaseEmbeddingCache, default_encoder
from backend.outbox.entities import ENTITIES, Entity
from backend.outbox.models import OutboxEntry
from backend.outbox.services import (
    outbox_enqueue_many,
    outbox_pending,
    outbox_process,
    outbox_release,
)
from matching.embeddings import embed_items

#: How long the outbox entries of a saved batch wait for the import to apply them itself.
HOLD = timedelta(hours=1)
#: ImportedRow keys are looked up this many at a time.
KEY_CHUNK = 1000

Progress = Callable[[int], None]
T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of `size` items (the last may be shorter); itertools.batched is Python 3.12."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class ImportAborted(Exception):
    """The import stopped; what was saved stays saved and a new run continues from it."""


class ImportInterrupted(Exception):
    """The user asked the import to stop (Ctrl-C); it stopped between two batches."""


@dataclass
class CheckResult:
    sha256: str
    rows: int = 0
    keys: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    imported_before: set[str] = field(default_factory=set)
    #: Rows an interrupted run saved but did not embed, index or queue yet.
    incomplete: int = 0

    @property
    def to_save(self) -> int:
        return self.rows - len(self.imported_before)


@dataclass
class SaveResult:
    run: ImportRun
    saved: int = 0
    published: int = 0
    completed_earlier_rows: int = 0


def _checker(kind: RowKind, sha256: str, user: User | None, organization: str | None) -> RowChecker:
    return RowChecker(kind, file_sha256=sha256, user=user, organization=organization)


def import_check(
    *, kind: RowKind, source: ImportSource, user: User | None, organization: str | None
) -> CheckResult:
    """Check every row of the file; nothing is written. Raises ImportFileError for a file
    that cannot be read at all."""
    result = CheckResult(sha256=file_sha256(source.path))
    checker = _checker(kind, result.sha256, user, organization)
    first_line: dict[str, int] = {}
    for record in source.records():
        result.rows += 1
        checked = checker.check(record)
        if isinstance(checked, list):
            result.errors.extend(checked)
            continue
        if checked.key in first_line:
            result.errors.append(_duplicate(checked, first_line[checked.key]))
            continue
        first_line[checked.key] = checked.line
        result.keys.append(checked.key)
    if result.rows == 0:
        result.errors.append(RowError(0, "", _("The file has no rows.")))
    if not result.errors:
        _refuse_a_changed_file(kind.entity, source, result.sha256)
        result.imported_before, result.incomplete = _imported_keys(kind.entity, result.keys)
    return result


class ImportFileChanged(ImportFileError):
    """The file was changed after an import of it was interrupted, and that import saved
    rows it knows only by the file's content and line: a re-run would save them again."""


def _refuse_a_changed_file(entity: Entity, source: ImportSource, sha256: str) -> None:
    """Rows without external_id are keyed by the file's hash and line
    (``file:<sha256>:line:<n>``), so an unfinished run of a file of the same name with
    another hash that saved such rows means the file was edited before its re-run: those
    rows would be saved twice. Raises ImportFileChanged, before anything is written."""
    earlier = (
        ImportRun.objects.filter(
            entity=entity, file_name=source.path.name[:255], finished_at__isnull=True
        )
        .exclude(file_sha256=sha256)
        .order_by("-created_at")
    )
    for run in earlier:
        by_line = ImportedRow.objects.filter(run=run, key__startswith="file:").count()
        if by_line:
            raise ImportFileChanged(
                _(
                    "%(file)s was changed after import run %(run)d of it stopped (%(when)s, "
                    "status: %(status)s). That run saved %(rows)d rows without external_id, which "
                    "are known only by the file's content and line number: this version of the "
                    "file would save them a second time. Nothing was saved. Run the command on "
                    "the file as it was (SHA-256 %(sha)s) to finish that import, then import "
                    "the changes in a file of their own; give the rows an external_id so that "
                    "an edited file can be imported again safely."
                )
                % {
                    "file": source.path.name,
                    "run": run.pk,
                    "when": timezone.localtime(run.created_at).strftime("%Y-%m-%d %H:%M"),
                    "status": run.get_status_display(),
                    "rows": by_line,
                    "sha": run.file_sha256,
                }
            )


def _duplicate(row: PreparedRow, first: int) -> RowError:
    return RowError(
        row.line,
        "external_id",
        _("The same external_id as line %(line)d of this file.") % {"line": first},
    )


def _imported_keys(entity: Entity, keys: list[str]) -> tuple[set[str], int]:
    """The keys saved before, and how many of those rows are not complete."""
    found: set[str] = set()
    incomplete = 0
    for chunk in batched(keys, KEY_CHUNK):
        rows = ImportedRow.objects.filter(entity=entity, key__in=chunk)
        for key, completed_at in rows.values_list("key", "completed_at"):
            found.add(key)
            incomplete += completed_at is None
    return found, incomplete


def import_run_start(
    *, kind: RowKind, source: ImportSource, check: CheckResult, user: User | None
) -> ImportRun:
    """The file's unfinished run (an earlier run was interrupted), or a new one."""
    run, _created = ImportRun.objects.get_or_create(
        entity=kind.entity,
        file_sha256=check.sha256,
        finished_at__isnull=True,
        defaults={"file_name": source.path.name[:255], "rows_in_file": check.rows, "actor": user},
    )
    run.status, run.last_error = ImportRun.Status.RUNNING, ""
    run.save(update_fields=["status", "last_error", "updated_at"])
    return run


def import_save(
    *,
    kind: RowKind,
    source: ImportSource,
    check: CheckResult,
    run: ImportRun,
    user: User | None,
    organization: str | None,
    batch_size: int,
    progress: Progress,
    stop_requested: Callable[[], bool] = lambda: False,
) -> SaveResult:
    """Complete the rows earlier runs saved but did not complete, then save and complete
    the rest in batches. Raises ImportAborted when a batch cannot be saved or completed, and
    ImportInterrupted after a batch when `stop_requested()` says so (a batch is never cut in
    half by a stop request)."""
    result = SaveResult(run=run)
    result.completed_earlier_rows = _complete_earlier(kind.entity, check.keys, batch_size)
    checker = _checker(kind, check.sha256, user, organization)
    for batch in batched(_rows_to_save(checker, source, check.imported_before), batch_size):
        rows = _save_batch(kind, run, batch, user)
        _complete(kind.entity, rows)
        result.saved += len(rows)
        result.published += sum(1 for r in batch if r.publish)
        progress(len(rows))
        if stop_requested():
            raise ImportInterrupted
    run.status, run.finished_at = ImportRun.Status.FINISHED, timezone.now()
    run.save(update_fields=["status", "finished_at", "updated_at"])
    return result


def import_run_stop(*, run: ImportRun, interrupted: bool, error: str = "") -> None:
    """Mark the run stopped, also when a query cut off by a hard Ctrl-C left the database
    connection unusable (it is replaced by a new one)."""
    run.status = ImportRun.Status.INTERRUPTED if interrupted else ImportRun.Status.FAILED
    run.last_error = error[:2000]
    try:
        run.save(update_fields=["status", "last_error", "updated_at"])
    except DatabaseError:
        connection.close()
        run.save(update_fields=["status", "last_error", "updated_at"])


def _rows_to_save(
    checker: RowChecker, source: ImportSource, imported_before: set[str]
) -> Iterator[PreparedRow]:
    """The file's rows, checked again as they are saved (the database may have changed
    since the check: an organisation deleted or no longer verified)."""
    for record in source.records():
        checked = checker.check(record)
        if isinstance(checked, list):
            reasons = "; ".join(f"{e.field or '-'}: {e.message}" for e in checked)
            raise ImportAborted(
                _("Line %(line)d no longer passes the checks (%(reasons)s).")
                % {"line": record.line, "reasons": reasons}
            )
        if checked.key not in imported_before:
            yield checked


def _save_batch(
    kind: RowKind, run: ImportRun, batch: list[PreparedRow], user: User | None
) -> list[ImportedRow]:
    try:
        with transaction.atomic():
            return _save(kind, run, batch, user)
    except IntegrityError as exc:
        raise ImportAborted(
            _(
                "Lines %(first)d–%(last)d were saved meanwhile by another import of the same "
                "rows; nothing of this batch was saved. Run the command again when it is done."
            )
            % {"first": batch[0].line, "last": batch[-1].line}
        ) from exc


def _save(
    kind: RowKind, run: ImportRun, batch: list[PreparedRow], user: User | None
) -> list[ImportedRow]:
    now = timezone.now()
    for row in batch:
        if row.publish:
            row.instance.status = "published"  # type: ignore[attr-defined]
            row.instance.published_at = now  # type: ignore[attr-defined]
    model = ENTITIES[kind.entity].model
    saved = model._default_manager.bulk_create([r.instance for r in batch])
    published = [r.instance for r in batch if r.publish]
    audit = {"import_run": run.pk}
    audit_log_many(actor=user, action=AuditEvent.Action.CREATED, objs=saved, data=audit)
    audit_log_many(actor=user, action=AuditEvent.Action.PUBLISHED, objs=published, data=audit)
    _enqueue_held(kind.entity, [p.pk for p in published], hold_until=now + HOLD)
    rows = ImportedRow.objects.bulk_create(
        [
            ImportedRow(run=run, entity=kind.entity, key=r.key, line=r.line, entity_id=obj.pk)
            for r, obj in zip(batch, saved, strict=True)
        ]
    )
    ImportRun.objects.filter(pk=run.pk).update(rows_saved=F("rows_saved") + len(rows))
    return rows


def _enqueue_held(entity: Entity, ids: list[int], *, hold_until: datetime) -> None:
    if not ids:
        return
    if ENTITIES[entity].matched:
        topic = OutboxEntry.Topic.MATCHING_RECOMPUTE
        outbox_enqueue_many(topic=topic, entity=entity, entity_ids=ids, hold_until=hold_until)
    topic = OutboxEntry.Topic.SEARCH_INDEX
    outbox_enqueue_many(topic=topic, entity=entity, entity_ids=ids, hold_until=hold_until)


def _complete_earlier(entity: Entity, keys: list[str], batch_size: int) -> int:
    """Complete the rows of this file that an interrupted run saved but did not complete."""
    done = 0
    for chunk in batched(keys, KEY_CHUNK):
        rows = list(
            ImportedRow.objects.filter(entity=entity, key__in=chunk, completed_at__isnull=True)
        )
        for batch in batched(rows, batch_size):
            _complete(entity, batch, resumed=True)
            done += len(batch)
    return done


def _complete(entity: Entity, rows: list[ImportedRow], *, resumed: bool = False) -> None:
    """Embed, index and queue for matching the saved rows; then mark them complete."""
    ids = [r.entity_id for r in rows]
    _embed(entity, ids)
    _index(entity, ids, resumed=resumed)
    matching = outbox_pending(
        topic=OutboxEntry.Topic.MATCHING_RECOMPUTE, entity=entity, entity_ids=ids
    )
    outbox_release(entry_ids=matching)
    ImportedRow.objects.filter(pk__in=[r.pk for r in rows]).update(completed_at=timezone.now())


def _embed(entity: Entity, ids: list[int]) -> None:
    """The rows that take part in matching, encoded in one batched call, into the cache
    the matching engine reads (rows whose vectors are there already are not encoded)."""
    spec = ENTITIES[entity]
    if not spec.matched:
        return
    items = [spec.matching_item(row) for row in spec.matched_rows().filter(pk__in=ids)]
    if items:
        embed_items(items, default_encoder(), DatabaseEmbeddingCache())


def _index(entity: Entity, ids: list[int], *, resumed: bool) -> None:
    """Index the public rows in bulk (one request) through the outbox's own handler, by
    claiming their search entries: the claim is what makes a change committed meanwhile
    apply later rather than be marked done. An interrupted run may have left its entries
    claimed (until their lease ends) or the worker may have applied them after the hold:
    rows saved by an earlier run get new entries of their own."""
    spec = ENTITIES[entity]
    public = list(spec.public().filter(pk__in=ids).values_list("pk", flat=True))
    if not public:
        return
    topic = OutboxEntry.Topic.SEARCH_INDEX
    entries = outbox_pending(topic=topic, entity=entity, entity_ids=public)
    if resumed:
        hold = timezone.now() + HOLD
        entries += outbox_enqueue_many(
            topic=topic, entity=entity, entity_ids=public, hold_until=hold
        )
    errors = outbox_process(entry_ids=entries)
    if errors:
        raise ImportAborted(
            _(
                "Indexing failed (%(error)s). The rows are saved; the background worker indexes "
                "them when the search server answers again, or run the command again."
            )
            % {"error": errors[0]}
        )
