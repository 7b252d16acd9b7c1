"""The bulk import (manage.py import_solutions / import_needs) against the real PostgreSQL and
Elasticsearch: rows checked with the API's rules (all or nothing, a report by line and field
in Norwegian or English), saved, embedded, indexed in bulk and queued for matching, and an
interrupted import continued by running the same command again (a real process, stopped with
Ctrl-C or killed)."""

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from rest_framework.test import APIClient

from backend.accounts.models import Organization
from backend.audit.models import AuditEvent
from backend.discovery.services import search_backend
from backend.imports.models import ImportedRow, ImportRun
from backend.matches.engine import stored_vector
from backend.needs.models import Need
from backend.outbox.models import OutboxEntry
from backend.solutions.models import Solution
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

# Real commits: the import's batches are transactions, and the subprocess reads what a test
# wrote.
pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docs" / "examples"
HEADER = "external_id,organization,title,description,sector,cpv_codes,trl,regions,status"

PLACES = ("Levanger", "Steinkjer", "Namsos", "Stjørdal", "Orkland", "Røros")
THEMES = (
    ("Trygghetsalarm med fallsensor", "varsler hjemmetjenesten automatisk ved fall"),
    ("Digitalt nattilsyn", "lar nattevakten se til beboerne uten å vekke dem"),
    ("Medisinpåminnelse på nettbrett", "minner brukeren på medisinene og varsler ved glemt dose"),
    ("Sensorbasert dørvarsling", "varsler når en person med demens går ut om natten"),
    ("Videobesøk fra hjemmetjenesten", "gir korte tilsynsbesøk på skjerm i stedet for bilturer"),
)


@dataclass
class Market:
    supplier: Organization
    buyer: Organization
    unverified_buyer: Organization


@pytest.fixture
def market(db: None) -> Market:
    """The organisations the example files name (their numbers are the demo data's)."""
    return Market(
        supplier=OrganizationFactory(
            name="Helsetek AS", org_number="928439437", kind=Organization.Kind.SUPPLIER
        ),
        buyer=OrganizationFactory(name="Bergen kommune", org_number="963658680"),
        unverified_buyer=OrganizationFactory(
            name="Trondheim kommune", org_number="963541759", verified=False, county="50"
        ),
    )


def _solution_line(n: int, org: str = "928439437", **change: str) -> str:
    title, does = THEMES[n % len(THEMES)]
    place = PLACES[n % len(PLACES)]
    cells = {
        "external_id": f"TEST-{n:03d}",
        "organization": org,
        "title": f"{title} for {place} kommune",
        "description": f'"Løsningen {does}. Den er prøvd ut i {place} kommune og passer for '
        f'kommuner som vil bruke velferdsteknologi i hjemmetjenesten, versjon {n}."',
        "sector": "helse-og-omsorg",
        "cpv_codes": "33196000;85311100",
        "trl": "8",
        "regions": "50",
        "status": "published",
    }
    cells.update(change)
    return ",".join(cells[name] for name in HEADER.split(","))


def _csv(tmp_path: Path, lines: list[str], name: str = "solutions.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def _run(command: str, *args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(command, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _refused(command: str, *args: str) -> tuple[str, str]:
    err = StringIO()
    with pytest.raises(CommandError) as refused:
        call_command(command, *args, stdout=StringIO(), stderr=err)
    return str(refused.value), err.getvalue()


def _searched(query: str, kind: str) -> set[int]:
    response = APIClient().get("/api/search/", {"q": query, "type": kind, "page_size": 50})
    assert response.status_code == 200, response.content
    return {hit["id"] for hit in response.json()["results"] if hit["type"] == kind}


def _matching_queued(entity: str, ids: set[int]) -> set[int]:
    entries = OutboxEntry.objects.filter(
        topic=OutboxEntry.Topic.MATCHING_RECOMPUTE, entity=entity, entity_id__in=ids
    )
    return set(entries.values_list("entity_id", flat=True))


def _indexed_with_vector(kind: str, ids: set[int]) -> bool:
    """Each row's own stored vector finds its document first (of this test's rows: the
    session's index keeps earlier tests' documents, some with the same text)."""
    found = set()
    for pk in ids:
        vector = stored_vector(kind, pk)
        assert vector is not None
        hits = search_backend().knn(kind, list(vector), len(ids) + 20)
        ours = [hit for hit, _score in hits if hit in ids]
        found.add(ours[0] == pk if ours else False)
    return found == {True}


# ---------------------------------------------------------------- the example files


@pytest.mark.parametrize("name", ["solutions.csv", "solutions.jsonl"])
def test_the_example_solutions_are_saved_embedded_indexed_and_queued_for_matching(
    market: Market, name: str
) -> None:
    # when
    out, _err = _run("import_solutions", str(EXAMPLES / name), "--language", "en")
    # then
    solutions = Solution.objects.filter(organization=market.supplier)
    published = {s.pk for s in solutions if s.status == Solution.Status.PUBLISHED}
    drafts = {s.pk for s in solutions if s.status == Solution.Status.DRAFT}
    assert (len(published), len(drafts)) == ((5, 1) if name.endswith(".csv") else (2, 1))
    assert "Imported" in out and "finished" in out
    assert all(stored_vector("solution", pk) is not None for pk in published)
    assert all(stored_vector("solution", pk) is None for pk in drafts)
    assert _indexed_with_vector("solution", published)
    assert _matching_queued("solution", published | drafts) == published
    assert ImportRun.objects.get().status == ImportRun.Status.FINISHED
    assert set(ImportedRow.objects.values_list("completed_at", flat=True)) != {None}


def test_imported_solutions_are_found_through_the_search_api(market: Market) -> None:
    # when
    _run("import_solutions", str(EXAMPLES / "solutions.csv"))
    # then: the published ones, never the draft
    night = Solution.objects.get(title="Digitalt nattilsyn med bevegelsessensor")
    falls = Solution.objects.get(title="Treningsapp for fallforebygging hos eldre")
    assert night.pk in _searched("nattilsyn bevegelsessensor", "solution")
    assert falls.pk not in _searched("fallforebygging treningsapp", "solution")
    assert (night.cpv_codes, night.regions, night.trl) == (
        ["33196000", "48180000"],
        ["46", "50"],
        8,
    )
    assert night.published_at is not None


@pytest.mark.parametrize("name", ["needs.csv", "needs.jsonl"])
def test_the_example_needs_are_imported_with_the_publish_rules_of_the_api(
    market: Market, name: str
) -> None:
    # when
    _run("import_needs", str(EXAMPLES / name))
    # then: the verified buyer's published needs are public and queued; the unverified
    # buyer's are drafts
    published = set(Need.objects.filter(status=Need.Status.PUBLISHED).values_list("pk", flat=True))
    assert set(Need.objects.filter(organization=market.buyer, status="published")) != set()
    assert not Need.objects.filter(organization=market.unverified_buyer, status="published")
    assert Need.objects.filter(organization=market.unverified_buyer).count() == 1
    assert _matching_queued("need", published) == published
    assert _indexed_with_vector("need", published)
    assert AuditEvent.objects.filter(action="published", object_type="needs.need").count() == len(
        published
    )


def test_an_imported_need_is_found_through_the_search_api(market: Market) -> None:
    # when
    _run("import_needs", str(EXAMPLES / "needs.jsonl"))
    # then
    leaks = Need.objects.get(title="Færre vannlekkasjer i det kommunale ledningsnettet")
    assert leaks.pk in _searched("vannlekkasjer ledningsnettet", "need")
    assert (leaks.cpv_codes, leaks.budget_max, leaks.estimated_users) == (
        ["65100000", "38421100"],
        6_000_000,
        290_000,
    )


# ---------------------------------------------------------------- all or nothing


def test_one_bad_row_saves_nothing_and_the_report_names_its_line_and_field(
    market: Market, tmp_path: Path
) -> None:
    # given: the third data row (line 4) has a TRL above 9
    lines = [_solution_line(0), _solution_line(1), _solution_line(2, trl="12"), _solution_line(3)]
    path = _csv(tmp_path, lines)
    # when
    message, report = _refused("import_solutions", str(path), "--language", "en")
    # then
    assert report.splitlines() == ["Line 4, trl: Choose a maturity from TRL 1 to TRL 9."]
    assert message == "Rows rejected: 1 of 4. Nothing was saved."
    assert not Solution.objects.exists()
    assert not OutboxEntry.objects.exists()
    assert not ImportRun.objects.exists()


def test_the_report_is_in_norwegian_by_default(market: Market, tmp_path: Path) -> None:
    # given: a description too short and an unknown county, on lines 2 and 3
    path = _csv(
        tmp_path,
        [
            _solution_line(0, description="For kort."),
            _solution_line(1, regions="50;99"),
            _solution_line(2),
        ],
    )
    # when
    message, report = _refused("import_solutions", str(path))
    # then
    assert report.splitlines() == [
        "Linje 2, description: Beskriv løsningen med minst 40 tegn.",
        "Linje 3, regions: «99» er ikke et av valgene. Velg et av alternativene i listen.",
    ]
    assert message == "Avviste rader: 2 av 3. Ingenting ble lagret."
    assert not Solution.objects.exists()


def test_an_unknown_or_unsuitable_organisation_is_rejected(market: Market, tmp_path: Path) -> None:
    # given: an organisation number nobody has, and a public buyer offering a solution
    path = _csv(
        tmp_path,
        [_solution_line(0, org="999999999"), _solution_line(1, org=market.buyer.org_number)],
    )
    # when
    _message, report = _refused("import_solutions", str(path), "--language", "en")
    # then
    assert report.splitlines() == [
        "Line 2, organization: No organisation has the number or id 999999999.",
        "Line 3, organization: Bergen kommune cannot do this as a Public buyer.",
    ]
    assert not Solution.objects.exists()


def test_only_a_verified_buyer_may_publish_imported_needs(market: Market, tmp_path: Path) -> None:
    # given: the unverified buyer's need is to be published
    rows = [
        {
            "organization": market.unverified_buyer.org_number,
            "title": "Smartere brøyting av gang- og sykkelveier",
            "description": "Vinterdriften styres etter faste ruter, og glatte strekninger "
            "blir tatt for sent. Vi vil styre innsatsen etter føreforholdene.",
            "sector": "drift-og-logistikk",
            "status": "published",
        }
    ]
    path = tmp_path / "needs.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    # when
    _message, report = _refused("import_needs", str(path), "--language", "en")
    # then
    assert report.startswith("Line 1, status: Trondheim kommune is not verified yet.")
    assert not Need.objects.exists()


def test_a_file_that_cannot_be_read_is_refused_before_any_row(
    market: Market, tmp_path: Path
) -> None:
    # given: a column that does not exist, a file that is not UTF-8, JSON that is not JSON
    typo = tmp_path / "typo.csv"
    typo.write_text("title,descripton\nA,B\n", encoding="utf-8")
    latin = _csv(tmp_path, [_solution_line(0)], name="latin.csv")
    latin.write_bytes(latin.read_bytes().replace("ø".encode(), b"\xf8"))
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"title": "Trygghetsalarm"\n', encoding="utf-8")
    # when
    typo_message, _ = _refused("import_solutions", str(typo), "--language", "en")
    latin_message, _ = _refused("import_solutions", str(latin), "--language", "en")
    _, broken_report = _refused("import_solutions", str(broken), "--language", "en")
    # then
    assert typo_message.startswith("Line 1: unknown columns descripton. Known columns: cpv_codes")
    assert latin_message.startswith("The file is not UTF-8 text")
    assert broken_report.startswith("Line 1: Not valid JSON:")
    assert not Solution.objects.exists()


def test_the_same_external_id_twice_in_a_file_is_rejected(market: Market, tmp_path: Path) -> None:
    # given
    path = _csv(tmp_path, [_solution_line(0), _solution_line(1, external_id="TEST-000")])
    # when
    _message, report = _refused("import_solutions", str(path), "--language", "en")
    # then
    assert report == "Line 3, external_id: The same external_id as line 2 of this file.\n"


def test_rows_without_an_organisation_column_take_the_option(
    market: Market, tmp_path: Path
) -> None:
    # given: JSON Lines without organization, the supplier named by its id
    row = {
        "title": "Digital vaktplan for hjemmetjenesten",
        "description": "Ruteplanlegging som fordeler besøkene etter kompetanse, kjøretid og "
        "brukernes faste tider.",
        "sector": "digitalisering-og-administrasjon",
        "trl": "9",
    }
    path = tmp_path / "vaktplan.ndjson"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    # when
    _run("import_solutions", str(path), "--organization", str(market.supplier.pk))
    # then: a draft (no status) of that supplier
    solution = Solution.objects.get()
    assert (solution.organization, solution.status) == (market.supplier, "draft")


def test_a_semicolon_separated_csv_reads_with_the_delimiter_option(
    market: Market, tmp_path: Path
) -> None:
    # given: a spreadsheet's export with semicolons, lists separated by "|"
    path = tmp_path / "fra-regneark.csv"
    path.write_text(
        "organization;title;description;sector;cpv_codes;trl;regions\n"
        "928439437;Digital vaktplan for hjemmetjenesten;Ruteplanlegging som fordeler besøkene "
        "etter kompetanse, kjøretid og brukernes faste tider.;digitalisering-og-administrasjon;"
        "48000000|72212000;9;50|34\n",
        encoding="utf-8",
    )
    # when
    _run("import_solutions", str(path), "--delimiter", ";")
    # then
    solution = Solution.objects.get()
    assert (solution.cpv_codes, solution.regions) == (["48000000", "72212000"], ["34", "50"])


def test_check_only_checks(market: Market) -> None:
    # when
    out, _err = _run("import_needs", str(EXAMPLES / "needs.csv"), "--check", "--language", "en")
    # then
    assert out == "All 4 rows pass the checks.\n"
    assert not Need.objects.exists()
    assert not ImportRun.objects.exists()


def test_with_user_the_person_must_be_a_member_as_in_the_api(
    market: Market, tmp_path: Path
) -> None:
    # given: a member of the supplier and an outsider
    member = UserFactory(email="grunder@helsetek.no")
    MembershipFactory(user=member, organization=market.supplier)
    UserFactory(email="utenforstaende@example.no")
    path = _csv(tmp_path, [_solution_line(0)])
    # when
    _message, report = _refused(
        "import_solutions", str(path), "--user", "utenforstaende@example.no", "--language", "en"
    )
    _run("import_solutions", str(path), "--user", "grunder@helsetek.no")
    # then
    assert report == "Line 2, organization: You are not a member of Helsetek AS.\n"
    solution = Solution.objects.get()
    assert solution.created_by == member
    events = AuditEvent.objects.filter(object_type="solutions.solution", object_id=solution.pk)
    assert {(e.action, e.actor) for e in events} == {("created", member), ("published", member)}


# ---------------------------------------------------------------- idempotent, resumable


def test_running_the_same_file_again_changes_nothing(market: Market) -> None:
    # given
    _run("import_solutions", str(EXAMPLES / "solutions.csv"))
    before = (Solution.objects.count(), OutboxEntry.objects.count(), AuditEvent.objects.count())
    # when
    out, _err = _run("import_solutions", str(EXAMPLES / "solutions.csv"), "--language", "en")
    # then
    assert out == "All 6 rows of solutions.csv were imported before; nothing to do.\n"
    after = (Solution.objects.count(), OutboxEntry.objects.count(), AuditEvent.objects.count())
    assert after == before
    assert ImportRun.objects.count() == 1


def test_rows_with_an_external_id_are_not_imported_twice_from_another_file(
    market: Market, tmp_path: Path
) -> None:
    # given: a first file, then a longer export of the same system
    _run("import_solutions", str(_csv(tmp_path, [_solution_line(n) for n in range(3)], "a.csv")))
    longer = _csv(tmp_path, [_solution_line(n) for n in range(5)], name="b.csv")
    # when
    out, _err = _run("import_solutions", str(longer), "--language", "en")
    # then
    assert "Imported 2 solutions (2 published), skipped 3 imported before" in out
    assert Solution.objects.count() == 5


def _environment() -> dict[str, str]:
    db = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "backend.config.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "SEARCH_INDEX_PREFIX": settings.SEARCH_OPTIONS["index_prefix"],
        "PYTHONUNBUFFERED": "1",
    }


@pytest.fixture
def started(tmp_path: Path) -> Iterator[list[subprocess.Popen[str]]]:
    procs: list[subprocess.Popen[str]] = []
    yield procs
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)


def _start_import(path: Path, procs: list[subprocess.Popen[str]]) -> subprocess.Popen[str]:
    args = ["import_solutions", str(path), "--batch-size", "3", "-v", "2", "--language", "en"]
    proc = subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=_environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    procs.append(proc)
    return proc


def _after_first_batch(proc: subprocess.Popen[str]) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("Saved and indexed 3 rows."):
            return
    pytest.fail(f"no batch finished: {proc.wait()} {proc.stderr.read() if proc.stderr else ''}")


def _assert_complete(path: Path, rows: int) -> None:
    solutions = Solution.objects.filter(organization__org_number="928439437")
    assert solutions.count() == rows
    assert ImportedRow.objects.filter(completed_at__isnull=True).count() == 0
    ids = set(solutions.values_list("pk", flat=True))
    assert _matching_queued("solution", ids) == ids
    assert _indexed_with_vector("solution", ids)


def test_an_import_stopped_with_ctrl_c_continues_where_it_stopped(
    market: Market, tmp_path: Path, started: list[subprocess.Popen[str]]
) -> None:
    # given: a real import process, interrupted after its first batch
    path = _csv(tmp_path, [_solution_line(n) for n in range(30)])
    proc = _start_import(path, started)
    _after_first_batch(proc)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    saved = Solution.objects.count()
    # when
    out, _err = _run("import_solutions", str(path), "--language", "en")
    # then
    assert proc.returncode == 130, err
    assert "Stopping after the current batch" in err
    assert "Interrupted after" in err and "Run the same command again to continue." in err
    assert 3 <= saved < 30
    assert f"Imported {30 - saved} solutions" in out
    assert f"skipped {saved} imported before" in out
    _assert_complete(path, 30)
    assert ImportRun.objects.get().status == ImportRun.Status.FINISHED


def test_a_second_ctrl_c_stops_at_once_and_the_run_is_still_marked_interrupted(
    market: Market, tmp_path: Path, started: list[subprocess.Popen[str]]
) -> None:
    # given: a real import process after its first batch
    path = _csv(tmp_path, [_solution_line(n) for n in range(30)])
    proc = _start_import(path, started)
    _after_first_batch(proc)
    # when: Ctrl-C twice (the second may land in the middle of a query)
    proc.send_signal(signal.SIGINT)
    time.sleep(0.05)
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    # then: it stopped (130; or the second Ctrl-C ended it by the signal while it was already
    # exiting, after the first had stopped it), the run waits as interrupted, and the same
    # command completes it
    assert proc.returncode in (130, -signal.SIGINT), err
    assert ImportRun.objects.get().status == ImportRun.Status.INTERRUPTED, err
    _run("import_solutions", str(path), "--language", "en")
    _assert_complete(path, 30)
    assert ImportRun.objects.get().status == ImportRun.Status.FINISHED


def test_a_killed_import_continues_where_it_stopped(
    market: Market, tmp_path: Path, started: list[subprocess.Popen[str]]
) -> None:
    # given: a real import process, killed (no chance to clean up) after its first batch
    path = _csv(tmp_path, [_solution_line(n) for n in range(30)])
    proc = _start_import(path, started)
    _after_first_batch(proc)
    proc.kill()
    proc.wait(timeout=30)
    saved = Solution.objects.count()
    # when: the same command again, as a new process
    rerun = subprocess.run(
        [sys.executable, "manage.py", "import_solutions", str(path), "--language", "en"],
        cwd=ROOT,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    # then
    assert rerun.returncode == 0, rerun.stderr
    assert 3 <= saved < 30
    assert f"skipped {saved} imported before" in rerun.stdout
    _assert_complete(path, 30)
    assert ImportRun.objects.get().status == ImportRun.Status.FINISHED


def test_a_file_without_external_ids_edited_after_an_interruption_is_refused(
    market: Market, tmp_path: Path, started: list[subprocess.Popen[str]]
) -> None:
    # given: an import of a file whose rows have no external_id (known by the file's
    # content and line), interrupted after its first batch
    lines = [_solution_line(n, external_id="") for n in range(30)]
    path = _csv(tmp_path, lines)
    proc = _start_import(path, started)
    _after_first_batch(proc)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    saved = Solution.objects.count()
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.INTERRUPTED
    # when: the file is edited (a description corrected) and the command run again
    lines[20] = _solution_line(20, external_id="", trl="9")
    _csv(tmp_path, lines)
    refused, _err = _refused("import_solutions", str(path), "--language", "en")
    # then: refused with why and what to do; nothing more was saved, the run waits
    assert f"solutions.csv was changed after import run {run.pk} of it stopped" in refused
    assert f"That run saved {saved} rows without external_id" in refused
    assert "Nothing was saved." in refused
    assert f"SHA-256 {run.file_sha256}" in refused
    assert Solution.objects.count() == saved
    assert ImportRun.objects.get().status == ImportRun.Status.INTERRUPTED
    # and in Norwegian by default
    refused_nb, _err = _refused("import_solutions", str(path))
    assert "ble endret etter at importkjøring" in refused_nb
    # when: the file is put back as it was, the interrupted import finishes
    _csv(tmp_path, [_solution_line(n, external_id="") for n in range(30)])
    out, _err = _run("import_solutions", str(path), "--language", "en")
    # then
    assert f"skipped {saved} imported before" in out
    assert Solution.objects.count() == 30
    assert ImportRun.objects.get().status == ImportRun.Status.FINISHED


def test_a_file_with_external_ids_may_be_edited_between_an_interruption_and_its_rerun(
    market: Market, tmp_path: Path, started: list[subprocess.Popen[str]]
) -> None:
    # given: an interrupted import of rows with external ids
    lines = [_solution_line(n) for n in range(30)]
    path = _csv(tmp_path, lines)
    proc = _start_import(path, started)
    _after_first_batch(proc)
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=60)
    saved = Solution.objects.count()
    # when: a row not saved yet is corrected, and the command run again
    lines[25] = _solution_line(25, trl="9")
    _csv(tmp_path, lines)
    out, _err = _run("import_solutions", str(path), "--language", "en")
    # then: the saved rows are recognised by their external ids and not saved again
    assert f"skipped {saved} imported before" in out
    assert Solution.objects.filter(organization__org_number="928439437").count() == 30
