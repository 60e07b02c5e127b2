"""The bridge from spans to styles: labels, marks, markup safety, spellings."""

from __future__ import annotations

from reader_fakes import port_strike
from rich.style import Style

from tuireader.core.digest import article_counts
from tuireader.model import ArticleAnalysis, Quote, Span
from tuireader.sources.files import RawArticle, build_article
from tuireader.ui.reader.render import MARK_META, article_marks, render_block, speaker_labels, spellings


def _quote_article(text: str, quote: str, speaker: str, name: str) -> tuple[object, ArticleAnalysis]:
    article = build_article(RawArticle(path="x.txt", text=text, title="T", source="S"))
    assert article is not None
    q0 = article.text.index(quote)
    s0 = article.text.index(speaker)
    q = Quote(
        q0,
        q0 + len(quote),
        speaker="e1",
        cue="said",
        speaker_start=s0,
        speaker_end=s0 + len(speaker),
        speaker_name=name,
    )
    return article, ArticleAnalysis(article.id, quotes=(q,))


def test_speaker_label_only_where_the_text_does_not_name_the_speaker() -> None:
    named, result = _quote_article("“We are ready,” Okafor said. He left.", "We are ready,", "Okafor", "Ada Okafor")
    assert speaker_labels(result, named, None) == []  # type: ignore[arg-type]
    pronoun, result = _quote_article("Okafor arrived. “We are ready,” she said.", "We are ready,", "she", "Ada Okafor")
    labels = speaker_labels(result, pronoun, None)  # type: ignore[arg-type]
    assert [label for _, label in labels] == [" — Ada Okafor"]
    pos = labels[0][0]
    assert pronoun.text[:pos].endswith("ready,” she said.")  # type: ignore[attr-defined]


def test_speaker_label_follows_the_attribution_clause_never_inside_a_sentence() -> None:
    cases = [
        # (text, quote, written speaker, where the label goes: the text before it ends with this)
        (
            "“The plan is excellent,” he said on Monday. Then he left.",
            "The plan is excellent,",
            "he",
            "he said on Monday.",
        ),
        (
            "“We will not wait,” the spokesman told reporters, adding that talks could resume. Next.",
            "We will not wait,",
            "the spokesman",
            "talks could resume.",
        ),
        ("She said: “We are ready. We will go.” Nobody replied.", "We are ready. We will go.", "She", "We will go.”"),
        ("“Yes,” she said.\n\nA new paragraph.", "Yes,", "she", "she said."),
    ]
    for text, quote, written, before in cases:
        article, result = _quote_article(text, quote, written, "Ada Okafor")
        labels = speaker_labels(result, article, None)  # type: ignore[arg-type]
        assert len(labels) == 1, text
        pos = labels[0][0]
        assert article.text[:pos].endswith(before), (text, article.text[:pos])  # type: ignore[attr-defined]
        # the label sits at a sentence boundary: nothing but the end of the sentence before it
        sentence = article.sentence_at(pos - 1)  # type: ignore[attr-defined]
        assert sentence is not None and article.sentences[sentence].end == pos  # type: ignore[attr-defined]


def test_two_quotations_of_one_speaker_in_a_sentence_share_one_label() -> None:
    text = "“We are ready,” she said, “and we will go.” Later."
    article = build_article(RawArticle(path="x.txt", text=text, title="T", source="S"))
    assert article is not None
    s0 = text.index("she")
    quotes = tuple(
        Quote(
            text.index(q),
            text.index(q) + len(q),
            speaker="e1",
            cue="said",
            speaker_start=s0,
            speaker_end=s0 + 3,
            speaker_name="Ada Okafor",
        )
        for q in ("We are ready,", "and we will go.")
    )
    labels = speaker_labels(ArticleAnalysis(article.id, quotes=quotes), article, None)
    assert labels == [(text.index(" Later"), " — Ada Okafor")]


def test_render_block_styles_spans_and_never_parses_markup() -> None:
    text = "Say [bold]hi[/bold] to Lagos."
    marks = article_marks(None, [Span(text.index("Lagos"), text.index("Lagos") + 5)])
    styles = {"reading-pane--disagreement": Style(underline=True), "reading-pane--current": Style(reverse=True)}
    out = render_block(text, Span(0, len(text)), marks, [(3, " — X")], styles, current=Span(0, 3))
    assert out.plain == "Say — X [bold]hi[/bold] to Lagos."
    lagos = out.plain.index("Lagos")
    lagos_style = next(s.style for s in out.spans if s.start == lagos)
    assert isinstance(lagos_style, Style) and lagos_style.underline
    # the start offset rides along as meta (for clicks); no @click, which Textual would recolour as a link
    assert lagos_style.meta == {MARK_META: marks[0].start}
    assert any(s.start == 0 and s.end == 3 and s.style == Style(reverse=True) for s in out.spans)


def test_counts_and_spellings_from_the_analysis() -> None:
    analysis = port_strike()
    north, _harbour, valley = analysis.articles
    counts = article_counts(analysis)
    assert (counts[north.id].facts, counts[north.id].quotes, counts[north.id].disagreements) == (2, 1, 1)
    assert (counts[valley.id].facts, counts[valley.id].quotes, counts[valley.id].disagreements) == (0, 0, 0)
    marta = analysis.entity("marta")
    assert marta is not None
    assert spellings(marta, analysis) == "spelled Marta Kowalczyk in North Star Daily, Marta Kowalcyk in Harbour Times"
