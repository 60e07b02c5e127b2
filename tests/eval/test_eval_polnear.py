"""PolNeAR reading and scoring on an invented brat pair (never corpus text)."""

from __future__ import annotations

from pathlib import Path

import pytest
from eval.polnear import (
    GoldQuote,
    PolnearError,
    ToolQuote,
    ToolView,
    documents,
    gold_quotes,
    parse_ann,
    score_article,
    summarise,
)

TEXT = (
    "Harbour Plan Stalls\n\n"
    "\u201cThe pier will open in May,\u201d Mayor Ines Vela said on Tuesday.\n\n"
    "She added: \u201cWe are ready for the boats.\u201d\n\n"
    "A spokesman for the council said the plan was late. \u201cIt is a disgrace,\u201d the spokesman said.\n"
)


def _at(sub: str) -> str:
    start = TEXT.index(sub)
    return f"{start} {start + len(sub)}"


ANN = "\n".join(
    [
        f"T1\tSource {_at('Mayor Ines Vela')}\tMayor Ines Vela",
        f"T2\tCue {_at('said on')}\tsaid on",
        f"T3\tContent {_at('“The pier will open in May,”')}\t“The pier will open in May,”",
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
        f"T4\tSource {_at('She')}\tShe",
        f"T5\tContent {_at('“We are ready for the boats.”')}\t“We are ready for the boats.”",
        "E2\tAttribution:T2 Source:T4 Content:T5",
        f"T6\tSource {_at('A spokesman for the council')}\tA spokesman for the council",
        f"T7\tContent {_at('the plan was late')}\tthe plan was late",
        "E3\tAttribution:T2 Source:T6 Content:T7",
        f"T8\tSource {_at('the spokesman')}\tthe spokesman",
        f"T9\tContent {_at('“It is a disgrace,”')}\t“It is a disgrace,”",
        "E4\tAttribution:T2 Content:T9 Source:T8",
        "not a brat line",
    ]
)


def test_direct_quotations_are_the_contents_opening_with_a_quote_mark() -> None:
    relations = parse_ann(ANN)
    assert len(relations) == 4
    gold = gold_quotes(TEXT, relations)
    assert [g.kind for g in gold] == ["name", "pronoun", "description"]
    assert gold[1].antecedent is not None and gold[1].antecedent.text == "Mayor Ines Vela"


def _tool_view() -> tuple[ToolView, str]:
    """What a tool might find in the text without its headline, with one speaker wrong."""
    norm = TEXT.split("\n\n", 1)[1].strip()

    def q(words: str, speaker: str | None, name: str | None, span_of: str | None) -> ToolQuote:
        start = norm.index(words)
        span = (norm.index(span_of), norm.index(span_of) + len(span_of)) if span_of else None
        return ToolQuote(start, start + len(words), speaker, span, name)

    quotes = [
        q("The pier will open in May,", "person:vela", "Ines Vela", "Ines Vela"),
        q("We are ready for the boats.", "person:other", "Tomas Brandt", None),
        q("It is a disgrace,", None, None, None),
    ]
    vela = norm.index("Ines Vela")
    return ToolView(norm, quotes, {"person:vela": [(vela, vela + 9)]}, {"person:vela": "Ines Vela"}), norm


def test_scoring_found_right_wrong_and_missing_speakers() -> None:
    view, _ = _tool_view()
    gold = gold_quotes(TEXT, parse_ann(ANN))
    name, pronoun, description = score_article(TEXT, gold, view)
    assert name.found and name.speaker_right
    assert pronoun.found and pronoun.speaker_right is False and pronoun.failure == "wrong person"
    assert description.found and description.failure == "no speaker"
    figures = summarise([name, pronoun, description], 1, "dev", __import__("collections").Counter())
    assert figures["recall"] == 1.0
    assert figures["speaker"]["name"]["acc"] == 1.0
    assert figures["speaker"]["pronoun"]["right"] == 0


def test_a_quote_the_tool_misses_is_not_found() -> None:
    view, _ = _tool_view()
    view.quotes = view.quotes[:1]
    gold = gold_quotes(TEXT, parse_ann(ANN))
    outcomes = score_article(TEXT, gold, view)
    assert [o.found for o in outcomes] == [True, False, False]


def test_the_test_split_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PolnearError, match="never test"):
        list(documents(tmp_path, "test"))


def test_first_annotator_file_by_name_is_used(tmp_path: Path) -> None:
    base = tmp_path / "data" / "dev"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir()
    (base / "text" / "story.txt").write_text(TEXT, encoding="utf-8")
    (base / "attributions" / "story_b2.ann").write_text("", encoding="utf-8")
    (base / "attributions" / "story_a1.ann").write_text(ANN, encoding="utf-8")
    (doc,) = documents(tmp_path, "dev")
    assert doc.annotator_file == "story_a1.ann" and doc.ann == ANN


NESTED = "\u201cThe pier is ready,\u201d Ines Vela said, according to the Courier.\n"


def _one_quote(text: str, source: str, content: str) -> list[GoldQuote]:
    """The gold quotations of one invented attribution: ``source`` and ``content`` as they occur in ``text``."""
    at, start = text.index(source), text.index(content)
    ann = (
        f"T1\tSource {at} {at + len(source)}\t{source}\n"
        f"T2\tContent {start} {start + len(content)}\t{content}\n"
        "E1\tAttribution:T2 Content:T2 Source:T1"
    )
    return gold_quotes(text, parse_ann(ann))


def test_a_nested_attribution_accepts_the_inner_speaker() -> None:
    """The annotator's Content is "'...,' Ines Vela said", reported by the Courier: naming Vela is right."""
    gold = _one_quote(NESTED, "the Courier", NESTED[: NESTED.index(" said") + 5])
    vela = NESTED.index("Ines Vela")
    inner = ToolQuote(1, NESTED.index("\u201d"), None, (vela, vela + 9), "Ines Vela")
    (outcome,) = score_article(NESTED, gold, ToolView(NESTED, [inner]))
    assert outcome.speaker_right
    other = ToolQuote(1, NESTED.index("\u201d"), None, None, "Tomas Brandt")
    (outcome,) = score_article(NESTED, gold, ToolView(NESTED, [other]))
    assert outcome.speaker_right is False


def test_a_description_is_matched_through_hyphens_and_possessives() -> None:
    text = "\u201cWe will build it,\u201d the 46-year-old said.\n"
    gold = _one_quote(text, "the 46-year-old", "\u201cWe will build it,\u201d")
    (outcome,) = score_article(text, gold, ToolView(text, [ToolQuote(1, 17, None, None, "the 46-year-old")]))
    assert outcome.speaker_right


def test_the_run_names_the_articles_holding_the_most_misses(tmp_path: Path) -> None:
    from eval.run import run_polnear

    base = tmp_path / "data" / "dev"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir()
    # one article as annotated, and one whose first quotation is credited to someone else
    wrong = ANN.replace(
        f"T1\tSource {_at('Mayor Ines Vela')}\tMayor Ines Vela", f"T1\tSource {_at('council')}\tcouncil"
    )
    for name, ann in (("right", ANN), ("wrong", wrong)):
        (base / "text" / f"{name}.txt").write_text(TEXT, encoding="utf-8")
        (base / "attributions" / f"{name}_a1.ann").write_text(ann, encoding="utf-8")
    result = run_polnear(tmp_path, "dev", None, 0)
    assert result["speaker_most_missed_articles"] == {"wrong": {"missed": 1, "n": 2}}
