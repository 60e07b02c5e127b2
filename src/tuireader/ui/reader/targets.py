"""Where the reader's jump keys stop: mentions, quotations and disagreeing values, in text order.

Kept apart from the widget so the rules are plain functions: each place in the text is one stop
(a value that several facts flag is still one disagreement), stops are sorted by position, and
"k of n" is the stop's place in that list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tuireader.core.source_names import source_labels
from tuireader.model import Analysis, Article, ArticleAnalysis, Span
from tuireader.ui.reader.render import LABEL_NAMES, speaker_name

KINDS = ("mention", "quote", "disagreement")


@dataclass(frozen=True, slots=True)
class Target:
    """Somewhere the jump keys stop: a mention, a quotation or a disagreeing value."""

    kind: str
    start: int
    end: int
    label: str  # what the status line says about it
    entity: str | None = None
    fact: str | None = None  # for a disagreement: the fact, and an article that reports it otherwise
    other: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


def disagreement_targets(article: Article, analysis: Analysis | None) -> list[Target]:
    """One stop per disagreeing place in ``article``, in order of position.

    The same value is often flagged by several facts (its sentence lines up with sentences of
    three other articles); overlapping values are one place, labelled with the first summary
    and every other source's wording once.
    """
    if analysis is None:
        return []
    sources = source_labels(analysis.articles)
    # (start, end, summary, fact, [(source, text) said elsewhere], first other article)
    found: list[tuple[int, int, str, str, list[tuple[str, str]], str | None]] = []
    for flagged in analysis.facts:
        for d in flagged.disagreements:
            others = [v for v in d.values if v.article != article.id]
            said = [(sources.get(v.article, "?"), v.text) for v in others]
            other = others[0].article if others else None
            for v in d.values:
                if v.article == article.id and v.end > v.start:
                    found.append((v.start, v.end, d.summary, flagged.id, said, other))
    found.sort(key=lambda f: (f[0], f[1]))
    merged: list[tuple[int, int, str, str, list[tuple[str, str]], str | None]] = []
    for item in found:
        if merged and item[0] < merged[-1][1]:  # overlaps the previous place: the same disagreement
            start, end, summary, fact, said, other = merged[-1]
            said = said + [s for s in item[4] if s not in said]
            merged[-1] = (start, max(end, item[1]), summary, fact, said, other or item[5])
        else:
            merged.append((item[0], item[1], item[2], item[3], list(dict.fromkeys(item[4])), item[5]))
    targets = []
    for start, end, summary, fact, said, other in merged:
        # "numbers differ: 1,200 vs 1,500 · Harbour Times: 1,500": who says what.
        who = " · ".join(f"{source}: {text}" for source, text in said)
        label = f"{summary} · {who}" if who else summary
        targets.append(Target("disagreement", start, end, label, fact=fact, other=other))
    return targets


def mention_targets(result: ArticleAnalysis | None, analysis: Analysis | None) -> list[Target]:
    if result is None:
        return []
    targets = []
    for m in result.mentions:
        entity = analysis.entity(m.entity) if m.entity and analysis is not None else None
        name = entity.name if entity else m.text
        targets.append(Target("mention", m.start, m.end, f"{name} ({LABEL_NAMES[m.label]})", m.entity or None))
    return _in_order(targets)


def quote_targets(article: Article, result: ArticleAnalysis | None, analysis: Analysis | None) -> list[Target]:
    if result is None:
        return []
    targets = []
    for q in result.quotes:
        if q.scare:
            continue
        who = speaker_name(q, analysis) or "unattributed"
        words = " ".join(article.text[q.start : q.end].split())
        gist = words if len(words) <= 50 else words[:49] + "…"
        targets.append(Target("quote", q.start, q.end, f"{who}: “{gist}”", q.speaker))
    return _in_order(targets)


def _in_order(targets: list[Target]) -> list[Target]:
    """Sorted by position, one stop per span (two mentions over the same words are one stop)."""
    seen: set[tuple[int, int]] = set()
    out = []
    for t in sorted(targets, key=lambda t: (t.start, t.end)):
        if (t.start, t.end) not in seen:
            seen.add((t.start, t.end))
            out.append(t)
    return out


def next_index(targets: Sequence[Target], here: Target | None, kind: str, step: int) -> int:
    """The index of the stop after (step 1) or before (-1) ``here``, wrapping around.

    From a stop of another kind, a stop of this kind at the same place counts as the next one.
    """
    if here is None:
        return 0 if step > 0 else len(targets) - 1
    if here.kind == kind and here in targets:
        return (targets.index(here) + step) % len(targets)
    key = (here.start, here.end)
    if step > 0:
        after = [i for i, t in enumerate(targets) if (t.start, t.end) >= key]
        return after[0] if after else 0
    before = [i for i, t in enumerate(targets) if (t.start, t.end) <= key]
    return before[-1] if before else len(targets) - 1


def disagreement_places(analysis: Analysis) -> dict[str, int]:
    """Per article, how many stops ``d`` makes: distinct places, overlapping values merged."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for fact in analysis.facts:
        for d in fact.disagreements:
            for v in d.values:
                if v.end > v.start:
                    spans.setdefault(v.article, []).append((v.start, v.end))
    counts = {}
    for article, found in spans.items():
        n, end = 0, -1
        for start, stop in sorted(found):
            if start >= end:
                n += 1
                end = stop
            else:
                end = max(end, stop)
        counts[article] = n
    return counts
