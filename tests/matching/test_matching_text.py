from dataclasses import replace

from matching.cpv import cpv_labels, cpv_overlap
from matching.text import chunks, compose_text, content_hash, detect_language, terms
from tests.matching.items import need


def test_compose_text_has_title_description_sector_and_cpv_labels() -> None:
    # given a need with a sector and a CPV code
    item = need("n", "Alarm", "Beskrivelse.", sector="helse-og-omsorg", cpv_codes=("33196000-0",))
    # when its text is composed
    text = compose_text(item)
    # then every part is in it, the CPV code as its label
    assert "Alarm." in text and "Beskrivelse." in text and "helse og omsorg" in text
    assert cpv_labels(["33196000-0"])[0] in text


def test_content_hash_changes_with_the_text_only() -> None:
    # given a need and two edits of it
    item = need("n", "Alarm", "Beskrivelse.", owner_id="a")
    # when the owner changes, or the description does
    same, changed = replace(item, owner_id="b"), replace(item, description="Ny beskrivelse.")
    # then only the description edit changes the hash
    assert content_hash(same) == content_hash(item)
    assert content_hash(changed) != content_hash(item)


def test_long_text_is_chunked_on_sentences() -> None:
    # given a text of 30 sentences of 10 words
    text = " ".join(["Dette er en setning med akkurat ti ord i seg."] * 30)
    # when it is chunked at 50 words
    pieces = chunks(text, 50)
    # then there are 6 chunks, none longer than 50 words
    assert len(pieces) == 6
    assert max(len(p.split()) for p in pieces) == 50


def test_terms_are_stemmed_in_each_language() -> None:
    # given the same word inflected, in Norwegian and in English
    # when stemmed
    # then inflections meet and stop words are dropped
    assert terms("trygghetsalarmene og alarmen", "no") == terms("trygghetsalarm alarm", "no")
    assert terms("the sensors", "en") == terms("sensor", "en")


def test_language_is_detected_when_unknown() -> None:
    assert detect_language("We deliver sensors for the bins of the municipality.") == "en"
    assert detect_language("Vi leverer sensorer til kommunens avfallsbeholdere og søppel.") == "no"


def test_cpv_overlap_follows_the_hierarchy() -> None:
    # given codes that are equal, nested, in the same division, and unrelated
    # then their overlap falls in that order, and an empty side gives 0
    assert cpv_overlap(["33196000-0"], ["33196000-0"]) == 1.0
    assert cpv_overlap(["33196000-0"], ["33100000-1"]) == 1.0
    assert 0 < cpv_overlap(["33196000-0"], ["33600000-6"]) < 1.0
    assert cpv_overlap(["33196000-0"], ["45000000-7"]) == 0.0
    assert cpv_overlap([], ["45000000-7"]) == 0.0
