"""The harness's shared helpers, on text of our own."""

from __future__ import annotations

import pytest
from eval.scoring import AnchorError, Folded, description_head, head_name, map_span, offset_map, prf, source_kind


def test_prf_counts() -> None:
    got = prf(3, 4, 6)
    assert got["p"] == 0.75 and got["r"] == 0.5 and got["f1"] == pytest.approx(0.6)
    assert prf(0, 0, 5)["p"] is None


def test_anchor_found_across_folded_whitespace_and_curly_quotes() -> None:
    text = "The mayor said: \u201cWe  will\nrebuild the pier.\u201d Then she left."
    folded = Folded.of(text)
    start, end = folded.find('"We will rebuild')
    assert text[start:end] == "\u201cWe  will\nrebuild"


def test_missing_or_ambiguous_anchor_is_a_gold_error() -> None:
    folded = Folded.of("one two one two")
    with pytest.raises(AnchorError):
        folded.find("three")
    with pytest.raises(AnchorError):
        folded.find("one two")
    assert folded.find("one two", nth=1) == (8, 15)


def test_offset_map_survives_a_dropped_headline_and_folded_spaces() -> None:
    raw = "Pier Reopens\n\nThe  pier\nreopened on Friday."
    norm = "The pier reopened on Friday."
    mapping = offset_map(raw, norm)
    start = raw.index("pier\nreopened")
    assert map_span(start, start + len("pier\nreopened"), mapping) == (4, 17)
    assert map_span(0, 4, mapping) is None  # the headline is not in the tool's text


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("Ines Vela", "name"),
        ("longtime harbour engineer Ines Vela", "name"),
        ("Rep. Tomas Brandt (D-Ore.)", "name"),
        ("a spokesman for Vela", "description"),
        ("the Vela campaign", "description"),
        ("officials", "description"),
        ("she", "pronoun"),
        ("which", "pronoun"),
        ("a 2011 study in the journal Harbour Notes", "description"),
        ("audio provided to The Courier", "description"),
        ("a longtime adviser to both Velas", "description"),
        ("Secretary of State Ines Vela", "name"),
        ("said", "cue"),
        ("According to", "cue"),
        ("said in a statement", "cue"),
        ("said Ines Vela", "name"),
    ],
)
def test_source_kinds(source: str, kind: str) -> None:
    assert source_kind(source) == kind


def test_head_name_is_the_surname() -> None:
    assert head_name("Sen. Ines Vela, D-Ore.") == "vela"
    assert head_name("Vela's") == "vela"
    assert head_name("a spokesman") is None


@pytest.mark.parametrize(
    ("source", "head"),
    [
        ("a spokeswoman for the harbour board", "spokeswoman"),
        ("a spokeswoman for the harbour board, Ines Vela", "spokeswoman"),
        ("the weathered, 64-year-old ferryman", "ferryman"),  # a comma between adjectives
        ("The gloomy, rain-soaked bulletin", "bulletin"),
        ("the ferryman, a harbour veteran", "ferryman"),  # an apposition stops the phrase
        ("the ferryman, who retired", "ferryman"),
    ],
)
def test_description_head_reads_through_a_comma_between_adjectives(source: str, head: str) -> None:
    assert description_head(source) == head
