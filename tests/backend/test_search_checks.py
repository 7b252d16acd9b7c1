"""The synonym file is checked when Django starts (migrate, runserver, manage.py check)."""

from pathlib import Path

from django.core.management import call_command

from backend.discovery.checks import synonyms_errors


def test_the_shipped_synonym_file_passes_the_check() -> None:
    call_command("check", "--fail-level", "ERROR")
    assert synonyms_errors() == []


def test_a_broken_synonym_file_is_an_error_with_its_line(tmp_path: Path) -> None:
    # given a file whose second line has one entry only
    path = tmp_path / "synonyms.txt"
    path.write_text("skole, skule\nvatn\n", encoding="utf-8")
    # when checked / then the error names the file, the line and the reason
    (error,) = synonyms_errors(path)
    assert error.id == "discovery.E001"
    assert error.msg == f"{path}, line 2: a line needs two entries or more, separated by commas"


def test_a_missing_synonym_file_is_an_error(tmp_path: Path) -> None:
    (error,) = synonyms_errors(tmp_path / "missing.txt")
    assert error.id == "discovery.E002"
    assert "No such file" in error.msg
