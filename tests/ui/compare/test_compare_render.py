"""render_compare: which words of an aligned row get which style, and the small naming helpers."""

from __future__ import annotations

from compare_fakes import fake_compare, make_analysis, make_article
from hypothesis import given
from hypothesis import strategies as st
from rich.style import Style

from tuireader.model import (
    AlignedRow,
    Analysis,
    DiffOp,
    Disagreement,
    DisagreementKind,
    DisagreementValue,
    RowKind,
    Span,
)
from tuireader.ui.compare.render import (
    count_rows,
    gutter,
    legend,
    next_article,
    note_text,
    sentence_text,
    shorten,
)

NAMES = ["delete", "insert", "delete-line", "insert-line", "value", "note", "note-glyph"]
STYLES = {name: Style(color=f"color({i + 1})") for i, name in enumerate(NAMES)}


def styles(name: str) -> Style:
    return STYLES[name]


def styled_words(text: object, name: str) -> list[str]:
    """The stretches of ``text`` carrying the style called ``name``."""
    plain = text.plain  # type: ignore[attr-defined]
    return [plain[s.start : s.end] for s in text.spans if s.style == STYLES[name]]  # type: ignore[attr-defined]


def test_changed_words_are_emphasised_on_their_side_and_equal_words_stay_plain() -> None:
    analysis = make_analysis()
    gazette, courier = analysis.article("gazette"), analysis.article("courier")
    row = fake_compare(analysis, "gazette", "courier")[1]  # the cracks: 1,200 vs 300
    left = sentence_text(gazette, row.left, row, "left", styles)
    right = sentence_text(courier, row.right, row, "right", styles)
    assert left.plain == gazette.sentence_text(1) and right.plain == courier.sentence_text(1)
    assert "1,200" in styled_words(left, "delete")
    assert "300" in styled_words(right, "insert")
    assert not styled_words(left, "insert") and not styled_words(right, "delete")
    plain_words = [op for op in row.ops if op.tag == "equal"]
    for op in plain_words:
        start = op.left.start - gazette.sentences[1].start
        assert all(not (s.start < start + len(op.left) and start < s.end) for s in left.spans if s.style != Style())
    # The disagreeing values are marked on top of the diff, on both sides.
    assert styled_words(left, "value") == ["1,200"] and styled_words(right, "value") == ["300"]


def test_a_one_sided_sentence_is_styled_whole_and_a_missing_side_is_empty() -> None:
    analysis = make_analysis()
    gazette = analysis.article("gazette")
    row = AlignedRow(RowKind.LEFT, 3, None)
    text = sentence_text(gazette, 3, row, "left", styles)
    assert styled_words(text, "delete-line") == [gazette.sentence_text(3)]
    assert sentence_text(gazette, None, row, "right", styles).plain == ""
    assert sentence_text(gazette, 99, row, "left", styles).plain == ""  # out of range: nothing, no crash


def test_article_text_is_never_markup() -> None:
    hostile = "He wrote [bold red]nothing[/] and [link=http://x]this[/link] \\[escaped]."
    article = make_article("a", "Src", "T", [hostile])
    text = sentence_text(article, 0, AlignedRow(RowKind.LEFT, 0, None), "left", styles)
    assert text.plain == hostile
    summary = Disagreement(DisagreementKind.QUOTE, "quoted words differ: [b]x[/b] vs y", ())
    assert note_text(summary, styles).plain == "❝ quoted words differ: [b]x[/b] vs y"


def test_hard_wrapped_sentences_become_one_line_with_the_same_offsets() -> None:
    article = make_article("a", "Src", "T", ["The talks were held\nin Geneva on Friday."])
    value = DisagreementValue("a", article.text.index("Friday"), article.text.index("Friday") + 6, "Friday")
    row = AlignedRow(RowKind.MATCH, 0, 0, None, (), (Disagreement(DisagreementKind.DATE, "dates differ", (value,)),))
    text = sentence_text(article, 0, row, "left", styles)
    assert "\n" not in text.plain
    assert styled_words(text, "value") == ["Friday"]


@given(
    st.text(min_size=1, max_size=60),
    st.lists(st.tuples(st.integers(-5, 80), st.integers(-5, 80)), max_size=6),
)
def test_spans_outside_the_sentence_are_clipped_not_fatal(words: str, spans: list[tuple[int, int]]) -> None:
    article = make_article("a", "Src", "T", ["Intro.", words, "Outro."])
    ops = tuple(DiffOp("replace", Span(a, b), Span(a, b)) for a, b in spans)
    values = tuple(DisagreementValue("a", a, b, "") for a, b in spans)
    row = AlignedRow(RowKind.MATCH, 1, 1, None, ops, (Disagreement(DisagreementKind.NUMBER, "n", values),))
    for side in ("left", "right"):
        text = sentence_text(article, 1, row, side, styles)  # type: ignore[arg-type]
        assert len(text.plain) == len(words)  # one character for one: offsets still hold
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in text.plain)  # no raw control codes
        assert all(0 <= s.start < s.end <= len(text.plain) for s in text.spans)


def test_gutter_glyphs_legend_and_counts() -> None:
    analysis = make_analysis()
    rows = fake_compare(analysis, "gazette", "courier")
    assert [gutter(row.disagreements) for row in rows] == ["◷", "#", "", "≈", ""]
    both = Disagreement(DisagreementKind.NEGATION, "negation differs", ())
    assert gutter((*rows[0].disagreements, both, rows[1].disagreements[0])) == "◷¬"  # two kinds fit the gutter
    assert legend([DisagreementKind.NAME, DisagreementKind.NUMBER]) == "# number  ≈ name"
    counts = count_rows(rows)
    assert (counts.matched, counts.left_only, counts.right_only, counts.disagreements) == (3, 1, 1, 3)


def test_next_article_wraps_skipping_the_left() -> None:
    a, b, c = (make_article(i, "Daily Planet", "T", ["x."]) for i in "abc")
    d = make_article("d", "", "Untitled piece", ["y."])
    analysis = Analysis(articles=[a, b, c, d])
    assert next_article(analysis, "a", skip="a") == "b"
    assert next_article(analysis, "d", skip="a") == "b"  # wraps round, skipping the left article
    assert next_article(analysis, "b", skip="a", step=-1) == "d"
    assert next_article(Analysis(articles=[a]), "a", skip="a") is None


def test_shorten_cuts_at_a_word_with_an_ellipsis() -> None:
    assert shorten("one two three four", 12) == "one two…"
    assert shorten("short", 12) == "short"
    assert shorten("  spaced\n out  ", 20) == "spaced out"
    assert len(shorten("x" * 50, 10)) == 10
