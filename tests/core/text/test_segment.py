from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader.core.text.segment import layout, neutralise, sentences


def split(raw: str) -> list[str]:
    lay = layout(raw)
    return [s.slice(lay.text) for s in sentences(lay.text, lay.paragraphs)]


def heads(raw: str) -> list[str]:
    lay = layout(raw)
    return [s.slice(lay.text) for s in lay.headings]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Abbreviations and initials never end a sentence.
        (
            "U.S. officials met Gov. Ana Ruiz and Rep. Tom Hale on Jan. 4. They spoke for an hour.",
            ["U.S. officials met Gov. Ana Ruiz and Rep. Tom Hale on Jan. 4.", "They spoke for an hour."],
        ),
        (
            "The award went to J.R.R. Tolkien's estate. It was accepted in St. Louis by No. 2 official Mary Poe.",
            ["The award went to J.R.R. Tolkien's estate.", "It was accepted in St. Louis by No. 2 official Mary Poe."],
        ),
        (
            "Vice President J.D. Vance spoke first. Then the senator answered.",
            ["Vice President J.D. Vance spoke first.", "Then the senator answered."],
        ),
        # Times stay inside their sentence.
        (
            "The vote opens at 5 p.m. Lisbon time (12:00 p.m. Eastern Time) and closes at midnight. Turnout was low.",
            [
                "The vote opens at 5 p.m. Lisbon time (12:00 p.m. Eastern Time) and closes at midnight.",
                "Turnout was low.",
            ],
        ),
        (
            "Trains resume at 6 a.m. Tuesday, the operator said. Buses will run until then.",
            ["Trains resume at 6 a.m. Tuesday, the operator said.", "Buses will run until then."],
        ),
        (
            "The shift ended at 3 a.m. The next crew arrived late.",
            ["The shift ended at 3 a.m.", "The next crew arrived late."],
        ),
        # A quotation keeps its attribution.
        (
            "“The port will reopen within days,” Mayor Ines Vidal stated via social media. Unions disagreed.",
            ["“The port will reopen within days,” Mayor Ines Vidal stated via social media.", "Unions disagreed."],
        ),
        (
            '"We are not done yet," the minister said. "Talks continue."',
            ['"We are not done yet," the minister said.', '"Talks continue."'],
        ),
    ],
)
def test_sentences(raw: str, expected: list[str]) -> None:
    assert split(raw) == expected


def test_seed_style_time_and_attribution() -> None:
    raw = (
        "The call began at 5 p.m. Moscow time (10:00 a.m. Eastern Time) and ended after two hours. "
        "“Russia and Ukraine will immediately start negotiations toward a Ceasefire,” Trump stated via social media."
    )
    assert split(raw) == [
        "The call began at 5 p.m. Moscow time (10:00 a.m. Eastern Time) and ended after two hours.",
        "“Russia and Ukraine will immediately start negotiations toward a Ceasefire,” Trump stated via social media.",
    ]


def test_hard_wrap_joined_paragraphs_kept() -> None:
    raw = (
        "On Monday the talks were opened by the Canadian Prime Minister and by U.S. President\n"
        "Joan Harper, who arrived late in the afternoon from a summit in Ottawa.\n"
        "\n"
        "A second paragraph follows here, also wrapped at a fixed width like the\n"
        "first one was.\n"
    )
    lay = layout(raw)
    assert "U.S. President Joan Harper" in lay.text
    assert len(lay.paragraphs) == 2
    assert lay.text.count("\n\n") == 1
    assert split(raw)[0].startswith("On Monday") and split(raw)[0].endswith("in Ottawa.")


def test_subheadings_are_headings_not_sentences() -> None:
    raw = (
        "The council met on Tuesday to vote on the transit budget.\n\n"
        "Fares and Funding on the Agenda\n\n"
        "Members debated a fare rise for three hours.\n"
        "Budget Gaps Remain\n"
        "The deficit is projected to grow next year, according to the treasurer of the city.\n"
    )
    assert heads(raw) == ["Fares and Funding on the Agenda", "Budget Gaps Remain"]
    assert split(raw) == [
        "The council met on Tuesday to vote on the transit budget.",
        "Members debated a fare rise for three hours.",
        "The deficit is projected to grow next year, according to the treasurer of the city.",
    ]


def test_markdown_heading_and_short_last_line() -> None:
    raw = "## What Comes Next\n\nThe board meets again in June.\n\nEnd of Report"
    assert heads(raw) == ["What Comes Next"]
    # A short title-case line with nothing after it is a paragraph, not a heading.
    assert split(raw) == ["The board meets again in June.", "End of Report"]


def test_short_sentence_line_is_not_heading() -> None:
    raw = "He declined to comment.\n\nThe Mayor Left Early.\n\nOfficials said more later."
    assert heads(raw) == []


def test_normalisation_keeps_quotes_and_is_nfc() -> None:
    raw = "Cafe\u0301 owner said \u201cyes\u201d and 'no'.\r\nSecond line."
    lay = layout(raw)
    assert "Café" in lay.text and unicodedata.is_normalized("NFC", lay.text)
    assert "\u201cyes\u201d" in lay.text and "'no'" in lay.text
    assert "\r" not in lay.text


def test_controls_neutralised_same_length() -> None:
    raw = "Red \x1b[31mtext\x1b[0m and bell\x07 and \u202eoverride."
    cleaned = neutralise(raw)
    assert "\x1b" not in cleaned and "\x07" not in cleaned and "\u202e" not in cleaned
    assert len(cleaned) == len(raw)
    assert "\x1b" not in layout(raw).text


def test_layout_is_idempotent_on_its_output() -> None:
    raw = "Title Here\n\nA wrapped line that goes on\nand on.\n\nSecond para."
    once = layout(raw).text
    assert layout(once).text == once


def check_coverage(raw: str) -> None:
    lay = layout(raw)
    spans = sentences(lay.text, lay.paragraphs)
    pos = 0
    for span in spans:
        assert pos <= span.start < span.end <= len(lay.text)
        pos = span.end
    # Every non-space character is in a sentence or a heading.
    covered = [False] * len(lay.text)
    for span in (*spans, *lay.headings):
        for i in range(span.start, span.end):
            covered[i] = True
    missing = [ch for ch, ok in zip(lay.text, covered, strict=True) if not ok and not ch.isspace()]
    assert missing == []


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_sentences_cover_text_in_order(raw: str) -> None:
    check_coverage(raw)


TRICKY = ["Dr.", "U.S.", "a.m.", "“Yes,”", "he said.", "Word", "\n", "\n\n", "'", "No.", "Title Case"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(TRICKY), max_size=40))
def test_sentences_on_tricky_tokens(parts: list[str]) -> None:
    check_coverage(" ".join(parts))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_layout_idempotent(raw: str) -> None:
    once = layout(raw).text
    assert layout(once).text == once


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "She paused. 'Our answer is no. The plan is dead.' Then she left.",
            # pysbd keeps a short quoted passage whole; either way no stray quote mark is left alone.
            ["She paused.", "'Our answer is no. The plan is dead.'", "Then she left."],
        ),
        (
            '"Let the games begin!" Mayor Ruiz wrote on social media. Crowds cheered.',
            ['"Let the games begin!" Mayor Ruiz wrote on social media.', "Crowds cheered."],
        ),
        (
            "“Is this fair?” she asked. Nobody answered.",
            ["“Is this fair?” she asked.", "Nobody answered."],
        ),
        ("“Stop!” The crowd froze.", ["“Stop!”", "The crowd froze."]),
        ("He said, 'Our position is clear. Russia's aims are known.' Talks resumed.", None),
    ],
)
def test_quote_repairs(raw: str, expected: list[str] | None) -> None:
    got = split(raw)
    if expected is not None:
        assert got == expected
    assert all(any(ch.isalnum() for ch in sentence) for sentence in got)
