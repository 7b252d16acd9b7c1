import gzip
from pathlib import Path

from matching.bilingual import build_bridge, to_bokmal, translations
from matching.explain import shared_terms
from tests.matching.items import need, solution

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64(number: int) -> str:
    digits = ""
    while True:
        digits = _B64[number % 64] + digits
        number //= 64
        if number == 0:
            return digits


def write_dictd(directory: Path, name: str, entries: dict[str, str]) -> None:
    body, index = b"", []
    for head, text in entries.items():
        data = text.encode("utf-8")
        index.append(f"{head}\t{b64(len(body))}\t{b64(len(data))}")
        body += data
    (directory / f"{name}.index").write_text("\n".join(index) + "\n", "utf-8")
    (directory / f"{name}.dict.dz").write_bytes(gzip.compress(body))


def test_translations_are_read_from_plain_and_numbered_entries() -> None:
    assert translations("patient /ˈpeɪʃənt/ <n>\npasient\nsomeone who is treated\n") == ["pasient"]
    assert translations("fall <v>\n1. falle\nmove down\n2. kaste seg\nprostrate\n") == ["falle"]
    assert translations("home <n>\nhjem, heim\nhouse\n") == ["hjem", "heim"]


def test_bridge_maps_english_stems_to_bokmal_stems(tmp_path: Path) -> None:
    # given a FreeDict English-Norwegian dictionary in dictd format
    write_dictd(
        tmp_path, "freedict-eng-nor", {"patients": "patients <n>\npasienter\nsick people\n"}
    )
    # when the bridge is built
    bridge = build_bridge("freedict-eng-nor", "en", tmp_path)
    # then the English stem leads to the bokmål stem, and to itself
    assert to_bokmal("patient", "en", bridge) == {"patient", "pasient"}


def test_missing_dictionary_gives_an_empty_bridge(tmp_path: Path) -> None:
    assert build_bridge("freedict-eng-nor", "en", tmp_path) == {}


def test_shared_terms_cross_languages_through_the_bridge() -> None:
    # given a Norwegian need and an English solution, and a bridge for 'patient'
    source = need(
        "n", "Oppfølging av pasienter", "Pasienten måler blodtrykk hjemme.", language="nb"
    )
    target = solution(
        "s", "Remote patient monitoring", "Patients measure blood pressure.", language="en"
    )

    def bridge(stem: str, language: str) -> frozenset[str]:
        return frozenset({stem, "pasient"} if (stem, language) == ("patient", "en") else {stem})

    # when shared terms are listed
    terms = shared_terms(source, target, lambda _stem: 1.0, bridge)
    # then the pair is named with both words
    assert terms == ("pasienter/patient",)
