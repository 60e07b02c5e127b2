"""The gold scorer on an invented two-article story with a hand-made analysis (no pipeline run)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from eval.gold import finish, score_story

from hand_built import span_of, value
from tuireader.model import (
    Analysis,
    Article,
    ArticleAnalysis,
    Disagreement,
    DisagreementKind,
    DisagreementValue,
    Entity,
    Fact,
    FactMember,
    Label,
    Mention,
    Quote,
    Span,
)

A = (
    "Mayor Ines Vela closed the Calder bridge on Monday. "
    "“The cables are worn,” Vela said. "
    "About 40 workers will repair it."
)
B = (
    "The Calder bridge was shut on Monday by Mayor Ines Vela. "
    "“We had no choice,” a spokesman for the mayor said. "
    "Twelve workers started the repair."
)


def _spans(text: str) -> tuple[Span, ...]:
    out, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + (1 if start + len(part) < len(text) else 0)
        out.append(Span(start, min(end, len(text))))
        start = end + 1
    return tuple(out)


def _story() -> tuple[dict[str, Article], Analysis]:
    a = Article("a", "a.md", "t", "One", A, sentences=_spans(A))
    b = Article("b", "b.md", "t", "Two", B, sentences=_spans(B))

    def m(text: str, sub: str, entity: str, label: Label = Label.PERSON) -> Mention:
        s = text.index(sub)
        name = sub.removesuffix(" said")
        return Mention(s, s + len(name), label, name, entity)

    qa_s, qa_e = span_of(A, "The cables are worn,")
    sp_s = A.index("Vela said")
    qb_s, qb_e = span_of(B, "We had no choice,")
    by_article = {
        "a": ArticleAnalysis(
            "a",
            mentions=(
                m(A, "Ines Vela", "p:vela"),
                m(A, "Calder", "place:calder", Label.PLACE),
                m(A, "Vela said", "p:vela"),
            ),
            quotes=(Quote(qa_s, qa_e, speaker="p:vela", speaker_start=sp_s, speaker_end=sp_s + 4),),
        ),
        "b": ArticleAnalysis(
            "b",
            # the tool wrongly merges the bridge's place name into the mayor here
            mentions=(m(B, "Calder", "p:vela", Label.PLACE), m(B, "Ines Vela", "p:vela")),
            quotes=(Quote(qb_s, qb_e, speaker=None, speaker_name="spokesman for the mayor"),),
        ),
    }
    disagreement = Disagreement(
        DisagreementKind.NUMBER,
        "numbers differ",
        (value(a, "40 workers"), value(b, "Twelve workers")),
    )
    facts = [
        Fact("f1", "closed", (FactMember("a", 0), FactMember("b", 0))),
        Fact("f2", "workers", (FactMember("a", 2), FactMember("b", 2)), (disagreement,)),
        Fact("f3", "wrong", (FactMember("a", 1), FactMember("b", 2))),
    ]
    entities = [Entity("p:vela", "Ines Vela", Label.PERSON, forms={"a": ("Ines Vela", "Vela")})]
    analysis = Analysis([a, b], by_article=by_article, entities=entities, facts=facts)
    return {"one": a, "two": b}, analysis


GOLD: dict[str, Any] = {
    "sentences": {"one": ["Mayor Ines Vela closed", "“The cables", "About 40"]},
    "entities": [
        {"name": "Ines Vela", "label": "person", "forms": {"one": ["Ines Vela", "Vela"], "two": ["Ines Vela"]}},
        {"name": "Calder", "label": "place", "forms": {"one": ["Calder"], "two": ["Calder"]}},
    ],
    "quotes": [
        {"article": "one", "anchor": '"The cables are worn', "speaker": "Ines Vela", "speaker_kind": "name"},
        {
            "article": "two",
            "anchor": "We had no choice",
            "speaker": "a spokesman for the mayor",
            "speaker_kind": "description",
        },
    ],
    "facts": [
        {"id": "f1", "members": {"one": ["closed the Calder bridge"], "two": ["was shut on Monday"]}},
        {"id": "f2", "members": {"one": ["will repair it"], "two": ["started the repair"]}},
    ],
    "disagreements": [
        {
            "id": "d1",
            "kind": "number",
            "values": {"one": {"value": "40 workers", "context": "will repair"}, "two": {"value": "Twelve workers"}},
        },
        {"id": "d2", "kind": "date", "values": {"one": {"value": "on Monday"}, "two": {"value": "Tuesday"}}},
    ],
}


def test_story_figures() -> None:
    articles, analysis = _story()
    result = score_story(GOLD, articles, analysis)
    # d2's "Tuesday" is not in article two: a gold error, not a crash
    assert len(result.errors) == 1 and "Tuesday" in result.errors[0]
    figures = finish(result.counts, result.by_kind)
    assert figures["sentences"]["tp"] == 3 and figures["sentences"]["r"] == 1.0
    ents = figures["entities"]
    # Vela's mentions all sit on p:vela, but p:vela also holds Calder's mention in article two
    assert ents["gold"] == 2 and ents["merged_right"] == 0 and ents["split_over_tool_entities"] == 1
    assert ents["mention_recall"] == 1.0
    quotes = figures["quotes"]
    assert quotes["found"] == 2 and quotes["speaker_right"] == 2
    pairs = figures["facts"]["pairs"]
    assert (pairs["tp"], pairs["pred"], pairs["gold"]) == (2, 3, 2)
    dis = figures["disagreements"]
    assert (dis["gold"], dis["found"], dis["false_flags"], dis["tool_number"]) == (2, 1, 0, 1)
    assert any(n.startswith("unit check (matches gold)") and "40 workers" in n for n in result.notes)


def test_a_wrong_speaker_is_counted_by_kind() -> None:
    articles, analysis = _story()
    gold = dict(GOLD, quotes=[dict(GOLD["quotes"][1], speaker_text="a lawyer for the council")])
    result = score_story(gold, articles, analysis)
    assert result.by_kind["description.n"] == 1 and result.by_kind["description.right"] == 0


def test_a_form_glued_to_the_next_word_is_still_found() -> None:
    from eval.gold import Located

    text = "The Harbour Gazettereported it. Then the Gazette said more."
    article = Article("x", "x.md", "t", "X", text)
    errors: list[str] = []
    loc = Located({"x": article}, errors)
    assert loc.all_of("x", "Harbour Gazette") == [(4, 19)]  # only inside a word: taken
    at = text.index("Gazette said")
    assert loc.all_of("x", "Gazette") == [(at, at + 7)]  # a whole-word occurrence exists: only it
    assert errors == []


def test_a_name_spelling_flagged_at_another_occurrence_still_matches() -> None:
    a_text = "Mayor Ines Vella spoke. Later Vella left."
    b_text = "Mayor Ines Vela spoke. Later Vela left."
    a = Article("a", "a.md", "t", "One", a_text, sentences=_spans(a_text))
    b = Article("b", "b.md", "t", "Two", b_text, sentences=_spans(b_text))
    va, vb = a_text.rindex("Vella"), b_text.rindex("Vela")
    flag = Disagreement(
        DisagreementKind.NAME,
        "names differ",
        (DisagreementValue("a", va, va + 5, "Vella"), DisagreementValue("b", vb, vb + 4, "Vela")),
    )
    analysis = Analysis([a, b], facts=[Fact("f", "x", (FactMember("a", 1), FactMember("b", 1)), (flag,))])
    gold = {
        "disagreements": [
            {"id": "d", "kind": "name", "values": {"one": {"value": "Ines Vella"}, "two": {"value": "Ines Vela"}}}
        ]
    }
    figures = finish(score_story(gold, {"one": a, "two": b}, analysis).counts, Counter())
    assert figures["disagreements"]["found"] == 1 and figures["disagreements"]["false_flags"] == 0


def test_joint_speakers_are_right_when_the_tool_names_either() -> None:
    articles, analysis = _story()
    cases = (("Ines Vela and Tom Brandt", 1), ("Tom Brandt, Ines Vela", 1), ("Tom Brandt and Ada Kell", 0))
    for speaker, right in cases:
        quote = dict(GOLD["quotes"][0], speaker=speaker)
        result = score_story(dict(GOLD, quotes=[quote]), articles, analysis)
        assert result.counts["quotes.speaker_right"] == right, speaker


def test_a_described_speaker_is_matched_as_a_description_whatever_the_attribution() -> None:
    articles, analysis = _story()  # article two's quote: the tool keeps "spokesman for the mayor"
    for speaker, right in (("a spokesman for the council", 1), ("a lawyer for the council", 0)):
        quote = dict(GOLD["quotes"][1], speaker=speaker, speaker_kind="none")
        result = score_story(dict(GOLD, quotes=[quote]), articles, analysis)
        assert result.counts["quotes.speaker_right"] == right, speaker
