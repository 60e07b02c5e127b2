from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader.core.text.segment import clause_spans, layout, neutralise, sentences
from tuireader.model import Span


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


def test_long_line_ends_its_paragraph_among_blank_line_paragraphs() -> None:
    # A digest that mostly separates paragraphs by blank lines, with two items on consecutive lines:
    # a line far longer than any wrap width is a paragraph, even when it ends in a credit, not a stop.
    item = "HARBOR TOLLS RISE AGAIN - Jo Roe: " + "\u201c" + "The tolls went up. " * 12 + "\u201d [Courier]"
    raw = (
        "A digest of the week.\n\nIntro paragraph one ends here.\n\n"
        f"{item}\nThe ferry numbers tell another story - Al Lind: \u201cRidership fell.\u201d [Gazette]\n\nEnd."
    )
    lay = layout(raw)
    texts = [p.slice(lay.text) for p in lay.paragraphs]
    assert texts[2] == item
    assert texts[3].startswith("The ferry numbers")
    # A short line still wraps into the next one.
    wrapped = layout("First paragraph.\n\nA line wrapped at the width of\nan old terminal.\n\nLast.")
    assert "width of an old terminal" in wrapped.text


def test_a_list_of_quotations_one_a_line_keeps_its_lines_apart() -> None:
    # Each line a quotation with its credit, of very different lengths: nobody wrapped these lines.
    lines = [
        "\u201cI am scared for my family every day of this campaign, and so are my neighbours.\u201d"
        " \u2014 Ana Ruiz, 24",
        "\u201cNobody on that stage talks about people like my parents.\u201d \u2014 Jorge Almaraz",
        "\u201c" + "We have waited years for anyone to notice this town. " * 5 + "\u201d \u2014 Lupe Carranza, 19",
        "\u201cShort and sweet.\u201d \u2014 Tomas Ortega",
    ]
    raw = "What young voters told us.\n\nWe asked them about the race.\n" + "\n".join(lines) + "\n\nThe end."
    texts = [p.slice(layout(raw).text) for p in layout(raw).paragraphs]
    assert texts[1] == "We asked them about the race." and texts[2:6] == lines
    # A hard-wrapped paragraph whose wrap puts a quotation mark at a line start stays one paragraph.
    wrapped = (
        "First paragraph.\n\nThe mayor spoke for an hour and then, turning to the crowd, she\n"
        "\u201cpromised\u201d a new bridge before the end of her term, which few believed.\n\nLast."
    )
    assert "she \u201cpromised\u201d" in layout(wrapped).text
    # ... even in a block of unequal lines: a sentence running on over the break is never cut.
    ragged = (
        "First paragraph.\n\nThe mayor spoke for an hour.\nShort.\nThen, turning to the crowd, she said\n"
        "\u201cthe bridge will be built before the end of my term,\u201d which few of them believed.\n\nLast."
    )
    assert "she said \u201cthe bridge" in layout(ragged).text


def test_list_items_are_paragraphs_and_a_wrapped_dash_is_not_an_item() -> None:
    raw = (
        "Here is how the council reacted.\n"
        "- \u201cA good day for the harbour.\u201d \u2014 Mayor Tess Quill\n"
        "* \u201cWe were sold down the river.\u201d \u2014 Al Boatwright\n"
        "2. The vote is final.\n\n"
        "The plan was opposed by the pilots and the\n"
        "- as ever - ferry operators, who rose by\n"
        "15. per cent in a year.\n"
    )
    texts = [p.slice(layout(raw).text) for p in layout(raw).paragraphs]
    assert texts[:4] == [
        "Here is how the council reacted.",
        "- \u201cA good day for the harbour.\u201d \u2014 Mayor Tess Quill",
        "* \u201cWe were sold down the river.\u201d \u2014 Al Boatwright",
        "2. The vote is final.",
    ]
    assert texts[4].startswith("The plan was opposed") and texts[4].endswith("15. per cent in a year.")


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


def test_sentences_stay_in_order_when_the_splitter_repeats_text() -> None:
    check_coverage("' he said. ' he said. '")  # hypothesis found it: two spans from offset 0


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


# ---------------------------------------------------------------------------------------------
# Plain text as outlets write it: one paragraph a line, single newlines (cases of our own).


def paras(raw: str) -> list[str]:
    lay = layout(raw)
    return [p.slice(lay.text) for p in lay.paragraphs]


ONE_A_LINE = (
    "On Tuesday, Harbour Commissioner\n"
    "Ines Vidal opened the new ferry terminal in Port Alder after two years of delays.\n"
    "The terminal cost 40 million euros, twice the first estimate.\n"
    "Fares and Timetables Under Review\n"
    "Operators said fares would rise by a tenth next spring.\n"
    "Vidal, speaking to reporters on the quay, said, 'We waited too long for this.\n"
    "I think the town will forgive us: look, is it not beautiful?\n"
    "Is it not worth the wait?'\n"
    "Ferries will run every half hour from Monday, the operator said.\n"
    "Jobs, Tourism, and Long Queues\n"
    "Local shops expect more visitors, though residents fear longer queues at the\n"
    "harbour gate during the summer.\n"
)


def test_one_paragraph_a_line_with_hard_wraps_subheadings_and_a_quote_over_lines() -> None:
    assert paras(ONE_A_LINE) == [
        # A line stopping mid-sentence, even on a capitalised word, is a hard wrap: one sentence.
        "On Tuesday, Harbour Commissioner Ines Vidal opened the new ferry terminal in Port Alder after two years"
        " of delays.",
        "The terminal cost 40 million euros, twice the first estimate.",
        "Operators said fares would rise by a tenth next spring.",
        # A quotation opened on one line and closed two lines on is one paragraph.
        "Vidal, speaking to reporters on the quay, said, 'We waited too long for this. I think the town will"
        " forgive us: look, is it not beautiful? Is it not worth the wait?'",
        "Ferries will run every half hour from Monday, the operator said.",
        "Local shops expect more visitors, though residents fear longer queues at the harbour gate during the summer.",
    ]
    assert heads(ONE_A_LINE) == ["Fares and Timetables Under Review", "Jobs, Tourism, and Long Queues"]
    assert split(ONE_A_LINE)[0].startswith("On Tuesday, Harbour Commissioner Ines Vidal opened")
    assert not any("Under Review" in s or "Long Queues" in s for s in split(ONE_A_LINE))


def test_multi_line_quotation_is_one_quote_with_one_speaker() -> None:
    from tuireader.core.entities.recognise import extract_mentions
    from tuireader.core.quotes.extract import extract_quotes
    from tuireader.model import Article

    lay = layout(ONE_A_LINE)
    article = Article(
        id="x",
        path="x",
        title="",
        source="",
        text=lay.text,
        sentences=sentences(lay.text, lay.paragraphs),
        paragraphs=lay.paragraphs,
        headings=lay.headings,
    )
    quotes = [q for q in extract_quotes(article, extract_mentions(article)) if not q.scare]
    (quote,) = [q for q in quotes if lay.text[q.start : q.end].startswith("We waited")]
    assert lay.text[quote.start : quote.end].endswith("Is it not worth the wait?")
    assert quote.speaker_start is not None and quote.speaker_end is not None
    assert lay.text[quote.speaker_start : quote.speaker_end] == "Vidal"


def test_a_title_case_line_before_any_body_text_is_not_a_subheading() -> None:
    raw = "U.S. Trade Envoy\nMara Quist arrived in Port Alder on Friday.\nShe met the mayor.\n"
    assert heads(raw) == []
    assert paras(raw) == ["U.S. Trade Envoy Mara Quist arrived in Port Alder on Friday.", "She met the mayor."]


def test_one_a_line_joins_a_line_going_on_in_lower_case() -> None:
    raw = "The ferry left at 6 a.m.\nlocal time, an hour late.\nPassengers were not told why.\n"
    assert paras(raw) == ["The ferry left at 6 a.m. local time, an hour late.", "Passengers were not told why."]


def test_continued_quotation_convention_keeps_its_paragraphs() -> None:
    # A quotation over paragraphs reopens each paragraph with a mark: those stay paragraphs.
    raw = (
        "“We will rebuild the pier,” the mayor said. “It will take a year.\n"
        "“Then the ferries come back.”\n"
        "Work starts in May.\n"
    )
    assert paras(raw) == [
        "“We will rebuild the pier,” the mayor said. “It will take a year.",
        "“Then the ferries come back.”",
        "Work starts in May.",
    ]


def test_a_quotation_that_never_closes_does_not_swallow_the_article() -> None:
    raw = "He called it 'a fair deal.\n" + "".join(f"Line {n} of the report ends here.\n" for n in range(8))
    assert len(paras(raw)) == 9


def test_hard_wrapped_text_without_blank_lines_stays_one_paragraph() -> None:
    raw = (
        "The harbour board of Port Alder voted on Tuesday to close the old\n"
        "ferry terminal. Members said the building could not be repaired at a\n"
        "reasonable cost and that the new terminal would open in the spring, when\n"
        "the first boats of the season arrive from the islands.\n"
    )
    assert len(paras(raw)) == 1
    assert split(raw)[0] == ("The harbour board of Port Alder voted on Tuesday to close the old ferry terminal.")


def test_blank_line_after_the_headline_then_one_paragraph_a_line() -> None:
    raw = "Ferry Terminal Opens\n\nThe terminal opened on Tuesday.\nIt cost 40 million euros.\nCrowds came.\n"
    assert paras(raw) == [
        "Ferry Terminal Opens",
        "The terminal opened on Tuesday.",
        "It cost 40 million euros.",
        "Crowds came.",
    ]


def test_blank_line_paragraphs_keep_their_single_line_breaks_as_wraps() -> None:
    raw = "The terminal opened.\nIt was late.\n\nCrowds came anyway.\nSome waited for hours.\n"
    assert paras(raw) == ["The terminal opened. It was late.", "Crowds came anyway. Some waited for hours."]


def test_a_byline_on_its_own_line_is_its_own_paragraph() -> None:
    raw = "By Ana Ruiz and Tom Hale\nThe ferry terminal opened on Tuesday.\nIt cost 40 million euros.\n"
    assert paras(raw) == [
        "By Ana Ruiz and Tom Hale",
        "The ferry terminal opened on Tuesday.",
        "It cost 40 million euros.",
    ]
    # "By" opening a sentence cut by a line break is not a byline.
    raw = "By Tuesday\nthe ferries were running again.\nCrowds came.\n"
    assert paras(raw) == ["By Tuesday the ferries were running again.", "Crowds came."]


def test_plural_titles_do_not_end_a_clause() -> None:
    text = "The premier told Sens. Ada Roe and Tom Vale, and Reps. Jo Tam and Al Poe, that it was over. They left."
    got = [text[s.start : s.end] for s in clause_spans(text, [Span(0, len(text))])]
    assert got == [text[: text.index(" They")], "They left."]
