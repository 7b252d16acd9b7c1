"""The shared body of ``manage.py import_solutions`` and ``import_needs``: options, the
report of rejected rows in the chosen language, the progress bar, Ctrl-C."""

import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _
from tqdm import tqdm

from backend.accounts.models import User
from backend.imports.readers import ImportFileError, ImportSource, format_of
from backend.imports.rows import RowError, RowKind
from backend.imports.services import (
    CheckResult,
    ImportAborted,
    ImportInterrupted,
    SaveResult,
    import_check,
    import_run_start,
    import_run_stop,
    import_save,
)

#: Exit status after Ctrl-C, as a shell reports a process ended by SIGINT.
INTERRUPTED = 130
MAX_BATCH = 5000


class ImportCommand(BaseCommand):
    kind: RowKind
    #: What the rows are, in the summary ("solutions", "needs"), translated.
    noun: Any

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="CSV (.csv) or JSON Lines (.jsonl, .ndjson)")
        parser.add_argument("--format", choices=["csv", "jsonl"], help="instead of the extension")
        parser.add_argument(
            "--delimiter",
            default=",",
            choices=[",", ";", "\t"],
            metavar="CHAR",
            help="CSV cell separator: ',' (default), ';' or a tab",
        )
        parser.add_argument(
            "--organization",
            help="organisation number (9 digits) or id for rows without an organization column",
        )
        parser.add_argument(
            "--user", help="e-mail of the person the rows are created for (must be a member)"
        )
        parser.add_argument("--batch-size", type=int, default=100, help="rows a batch (100)")
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="language of the messages and the report of rejected rows",
        )
        parser.add_argument("--check", action="store_true", help="check every row, save nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(options["language"]):
            try:
                self._handle(options)
            except KeyboardInterrupt:
                raise CommandError(
                    _("Interrupted before anything was saved."), returncode=INTERRUPTED
                ) from None

    def _handle(self, options: dict[str, Any]) -> None:
        if not 1 <= options["batch_size"] <= MAX_BATCH:
            raise CommandError(_("--batch-size must be from 1 to %(max)d.") % {"max": MAX_BATCH})
        user = self._user(options["user"])
        source = self._source(options)
        try:
            check = import_check(
                kind=self.kind, source=source, user=user, organization=options["organization"]
            )
        except ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        if check.errors:
            self._reject(check)
        if options["check"]:
            self.stdout.write(_("All %(rows)d rows pass the checks.") % {"rows": check.rows})
            return
        if check.to_save == 0 and check.incomplete == 0:
            self.stdout.write(
                _("All %(rows)d rows of %(file)s were imported before; nothing to do.")
                % {"rows": check.rows, "file": source.path.name}
            )
            return
        self._save(source, check, user, options)

    def _user(self, email: str | None) -> User | None:
        if email is None:
            return None
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(_("No user has the e-mail address %(email)s.") % {"email": email})
        return user

    def _source(self, options: dict[str, Any]) -> ImportSource:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(_("No such file: %(file)s.") % {"file": path})
        try:
            file_format = format_of(path, options["format"])
        except ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        return ImportSource(
            path=path,
            format=file_format,
            columns=self.kind.columns,
            list_fields=self.kind.list_fields,
            delimiter=options["delimiter"],
        )

    def _reject(self, check: CheckResult) -> None:
        for error in check.errors:
            self.stderr.write(_line(error))
        rejected = len({e.line for e in check.errors})
        raise CommandError(
            _("Rows rejected: %(rejected)d of %(rows)d. Nothing was saved.")
            % {"rejected": rejected, "rows": check.rows}
        )

    def _save(
        self, source: ImportSource, check: CheckResult, user: User | None, options: dict[str, Any]
    ) -> None:
        run = import_run_start(kind=self.kind, source=source, check=check, user=user)
        # A progress bar on a terminal (none in a log file or a pipe: disable=None).
        bar = tqdm(
            total=check.to_save, unit=_("rows"), desc=_("Importing"), file=sys.stderr, disable=None
        )
        verbose = options["verbosity"] >= 2
        done = 0

        def progress(rows: int) -> None:
            nonlocal done
            done += rows
            bar.update(rows)
            if verbose:
                self.stdout.write(_("Saved and indexed %(rows)d rows.") % {"rows": done})
                self.stdout.flush()

        try:
            with self._first_ctrl_c_stops_after_the_batch() as stop_requested:
                result = import_save(
                    kind=self.kind,
                    source=source,
                    check=check,
                    run=run,
                    user=user,
                    organization=options["organization"],
                    batch_size=options["batch_size"],
                    progress=progress,
                    stop_requested=stop_requested,
                )
        except (ImportInterrupted, KeyboardInterrupt):
            bar.close()
            import_run_stop(run=run, interrupted=True)
            raise CommandError(
                _(
                    "Interrupted after %(rows)d new rows; what was saved stays saved. Run the "
                    "same command again to continue."
                )
                % {"rows": done},
                returncode=INTERRUPTED,
            ) from None
        except ImportAborted as exc:
            bar.close()
            import_run_stop(run=run, interrupted=False, error=str(exc))
            raise CommandError(str(exc)) from exc
        bar.close()
        self._summary(result, check)

    @contextmanager
    def _first_ctrl_c_stops_after_the_batch(self) -> Iterator[Callable[[], bool]]:
        """The first Ctrl-C lets the batch being saved finish, so that no query is cut off
        half-way; a second one stops at once."""
        requested = False

        def on_sigint(signum: int, frame: FrameType | None) -> None:
            nonlocal requested
            if requested:
                raise KeyboardInterrupt
            requested = True
            self.stderr.write(_("Stopping after the current batch (Ctrl-C again: at once) ..."))

        previous = signal.signal(signal.SIGINT, on_sigint)
        try:
            yield lambda: requested
        finally:
            signal.signal(signal.SIGINT, previous)

    def _summary(self, result: SaveResult, check: CheckResult) -> None:
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Imported %(saved)d %(noun)s (%(published)d published), skipped %(before)d "
                    "imported before; run %(run)d finished."
                )
                % {
                    "saved": result.saved,
                    "noun": self.noun,
                    "published": result.published,
                    "before": len(check.imported_before),
                    "run": result.run.pk,
                }
            )
        )
        if result.completed_earlier_rows:
            self.stdout.write(
                _("Completed %(rows)d rows an interrupted run had saved.")
                % {"rows": result.completed_earlier_rows}
            )


def _line(error: RowError) -> str:
    if error.line == 0:
        return error.message
    if error.field:
        return _("Line %(line)d, %(field)s: %(message)s") % {
            "line": error.line,
            "field": error.field,
            "message": error.message,
        }
    return _("Line %(line)d: %(message)s") % {"line": error.line, "message": error.message}
