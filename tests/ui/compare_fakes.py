"""A hand-made story (three short articles about a bridge closure) for the compare and overview tests.

Nothing here depends on the real alignment: facts, disagreements and aligned rows are built by
hand, so the screen tests check the screens, not the quality of ``core.align``.
"""

from __future__ import annotations

import difflib
import re

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Label

from hand_built import value
from tuireader.model import (
    AlignedRow,
    Analysis,
    Article,
    ArticleAnalysis,
    DiffOp,
    Disagreement,
    DisagreementKind,
    Entity,
    Fact,
    FactMember,
    Quote,
    RowKind,
    Span,
    Story,
)
from tuireader.model import (
    Label as EntityLabel,
)

GAZETTE = [
    "The Harlow Bridge will close for repairs on Monday, the city council said.",
    "Engineers found 1,200 cracks in the deck during an inspection in March.",
    "Mayor Ana Ruiz said: “We cannot wait any longer.”",
    "Traffic will be diverted through the old [tunnel] on Quay Street while the work goes on, "
    "and buses will stop at temporary shelters on both banks of the river.",
]
COURIER = [
    "City officials announced that the Harlow Bridge will close on Tuesday for repairs.",
    "An inspection in March found 300 cracks in the deck, engineers said.",
    "The closure is expected to last six weeks.",
    "Mayor Ana Ruis said: “We can not wait any longer.”",
]
TIMES = [
    "The Harlow Bridge closes on Monday.",
    "Inspectors reported 1,200 cracks.",
    "“The deck is in poor shape,” said engineer Tom Becker.",
]


def make_article(article_id: str, source: str, title: str, sentences: list[str]) -> Article:
    text = " ".join(sentences)
    spans, start = [], 0
    for sentence in sentences:
        spans.append(Span(start, start + len(sentence)))
        start += len(sentence) + 1
    return Article(
        id=article_id,
        path=f"{article_id}.txt",
        title=title,
        source=source,
        text=text,
        sentences=tuple(spans),
        paragraphs=(Span(0, len(text)),),
        published="2031-04-02",
    )


def word_ops(left: Article, li: int, right: Article, ri: int) -> tuple[DiffOp, ...]:
    """Word-level ops between two sentences (difflib on words; good enough for hand-made tests)."""

    def words(article: Article, index: int) -> list[tuple[str, int, int]]:
        span = article.sentences[index]
        return [
            (m.group().lower().strip(".,“”:"), span.start + m.start(), span.start + m.end())
            for m in re.finditer(r"\S+", span.slice(article.text))
        ]

    a, b = words(left, li), words(right, ri)

    def cover(tokens: list[tuple[str, int, int]], i: int, j: int, sentence_start: int) -> Span:
        if j > i:
            return Span(tokens[i][1], tokens[j - 1][2])
        at = tokens[i - 1][2] if i else sentence_start  # an empty span where the words would go
        return Span(at, at)

    ops = []
    matcher = difflib.SequenceMatcher(a=[w for w, _, _ in a], b=[w for w, _, _ in b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        ops.append(DiffOp(tag, cover(a, i1, i2, left.sentences[li].start), cover(b, j1, j2, right.sentences[ri].start)))
    return tuple(ops)


def make_analysis() -> Analysis:
    gazette = make_article("gazette", "Northfield Gazette", "Harlow Bridge to close for repairs", GAZETTE)
    courier = make_article("courier", "The Valley Courier", "Bridge closure: six weeks of detours [update]", COURIER)
    times = make_article("times", "Riverside Times", "Bridge shuts Monday", TIMES)
    facts = [
        Fact(
            "f-close",
            "Harlow Bridge will close for repairs",
            (FactMember("gazette", 0), FactMember("courier", 0), FactMember("times", 0)),
            (
                Disagreement(
                    DisagreementKind.DATE,
                    "dates differ: Monday vs Tuesday",
                    (value(gazette, "Monday", 0), value(courier, "Tuesday", 0), value(times, "Monday", 0)),
                ),
            ),
        ),
        Fact(
            "f-cracks",
            "Engineers found cracks in the deck",
            (FactMember("gazette", 1), FactMember("courier", 1), FactMember("times", 1)),
            (
                Disagreement(
                    DisagreementKind.NUMBER,
                    "numbers differ: 1,200 vs 300",
                    (value(gazette, "1,200", 1), value(courier, "300", 1), value(times, "1,200", 1)),
                ),
            ),
        ),
        Fact(
            "f-mayor",
            "Mayor Ana Ruiz: we cannot wait any longer",
            (FactMember("gazette", 2), FactMember("courier", 3)),
            (
                Disagreement(
                    DisagreementKind.NAME,
                    "name spelled differently: Ana Ruiz vs Ana Ruis",
                    (value(gazette, "Ana Ruiz", 2), value(courier, "Ana Ruis", 3)),
                ),
            ),
        ),
    ]
    ruiz, becker = "person:ana-ruiz", "person:tom-becker"

    def quote(article: Article, sentence: int, words: str, speaker: str, name: str) -> Quote:
        v = value(article, words, sentence)
        return Quote(v.start, v.end, speaker=speaker, cue="said", speaker_name=name)

    by_article = {
        "gazette": ArticleAnalysis(
            "gazette", quotes=(quote(gazette, 2, "We cannot wait any longer.", ruiz, "Ana Ruiz"),)
        ),
        "courier": ArticleAnalysis(
            "courier", quotes=(quote(courier, 3, "We can not wait any longer.", ruiz, "Ana Ruis"),)
        ),
        "times": ArticleAnalysis(
            "times", quotes=(quote(times, 2, "The deck is in poor shape,", becker, "Tom Becker"),)
        ),
    }
    entities = [
        Entity(ruiz, "Ana Ruiz", EntityLabel.PERSON, forms={"gazette": ("Ana Ruiz",), "courier": ("Ana Ruis",)}),
        Entity(becker, "Tom Becker", EntityLabel.PERSON, forms={"times": ("Tom Becker",)}),
    ]
    return Analysis(articles=[gazette, courier, times], by_article=by_article, entities=entities, facts=facts)


def fake_compare(analysis: Analysis, left_id: str, right_id: str) -> list[AlignedRow]:
    """Rows in reading order from the hand-made facts: matched pairs, then each side's leftovers."""
    left, right = analysis.article(left_id), analysis.article(right_id)
    matches: list[AlignedRow] = []
    for fact in analysis.facts:
        li = next((m.sentence for m in fact.members if m.article == left_id), None)
        ri = next((m.sentence for m in fact.members if m.article == right_id), None)
        if li is None or ri is None:
            continue
        disagreements = []
        for d in fact.disagreements:
            values = tuple(v for v in d.values if v.article in (left_id, right_id))
            texts = {v.article: v.text for v in values}
            if len(texts) == 2 and texts[left_id] != texts[right_id]:
                disagreements.append(Disagreement(d.kind, d.summary, values))
        matches.append(AlignedRow(RowKind.MATCH, li, ri, fact.id, word_ops(left, li, right, ri), tuple(disagreements)))
    matches.sort(key=lambda row: row.left or 0)
    matched_right = {row.right for row in matches}
    rows: list[AlignedRow] = []
    next_left = next_right = 0
    for match in matches:
        assert match.left is not None and match.right is not None
        rows += [AlignedRow(RowKind.LEFT, i, None) for i in range(next_left, match.left)]
        rows += [AlignedRow(RowKind.RIGHT, None, i) for i in range(next_right, match.right) if i not in matched_right]
        rows.append(match)
        next_left, next_right = match.left + 1, max(next_right, match.right + 1)
    rows += [AlignedRow(RowKind.LEFT, i, None) for i in range(next_left, len(left.sentences))]
    rows += [
        AlignedRow(RowKind.RIGHT, None, i) for i in range(next_right, len(right.sentences)) if i not in matched_right
    ]
    return rows


class Host(App[None]):
    """A minimal app that only hosts the screen under test."""

    def __init__(self, make_screen: object) -> None:
        super().__init__()
        self.make_screen = make_screen

    def compose(self) -> ComposeResult:
        yield Label("host")

    def on_mount(self) -> None:
        assert callable(self.make_screen)
        screen = self.make_screen()
        assert isinstance(screen, Screen)
        self.push_screen(screen)


def make_two_stories() -> Analysis:
    """The bridge story plus a second, unrelated one, as a corpus grouped into two stories."""
    analysis = make_analysis()
    ferry = make_article("ferry", "Coastal News", "Ferry strike ends", ["The ferry strike ended on Sunday."])
    dock = make_article("dock", "Harbour Daily", "Ferries sail again", ["Ferries sailed again on Sunday."])
    analysis.articles += [ferry, dock]
    analysis.facts.append(Fact("f-ferry", "The ferry strike ended", (FactMember("ferry", 0), FactMember("dock", 0))))
    analysis.stories = [
        Story("s-bridge", "Harlow Bridge · repairs", ("gazette", "courier", "times")),
        Story("s-ferry", "Ferry strike", ("ferry", "dock")),
    ]
    return analysis
