"""Typed disagreements inside a fact: figures, dates, durations, name spellings, quoted words, negation.

Every pair of member sentences from different articles is compared; the conflicts found are then
merged per kind so that one disagreement lists each article's version once ("numbers differ:
1,000 vs nine"). Figures are intervals (see ``quantities``): hedged figures that can both be true
("about 250" and "more than 240") do not conflict.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from tuireader.core.disagreements.measures import category, context_overlap, same_thing
from tuireader.core.disagreements.memo import SentenceMemo
from tuireader.core.disagreements.negation import negation_conflicts
from tuireader.core.disagreements.quoted import quote_conflicts
from tuireader.core.disagreements.spelling import name_conflicts
from tuireader.core.text import quantities
from tuireader.core.text.dates import reference_day
from tuireader.core.text.quantities import Quantity, QuantityKind, Role
from tuireader.core.unionfind import UnionFind
from tuireader.model import (
    Analysis,
    Article,
    Disagreement,
    DisagreementKind,
    DisagreementValue,
    FactMember,
    Span,
)

ALL_PAIRS_UP_TO = 8  # facts with more members compare each with a few anchors, not all pairs
ANCHORS = 2
ELAPSED_TOLERANCE = 0.05  # publication day vs event day: "since March 2022" is read a few days late or early


def _conflicting(qa: list[Quantity], qb: list[Quantity], strict: bool = False) -> list[tuple[Quantity, Quantity]]:
    """Figures of one category that measure the same thing and cannot both be true.

    ``strict``: the sentences are not known to report one fact, so even lone counts must share context.
    """
    out: list[tuple[Quantity, Quantity]] = []
    only_pair = len(qa) == 1 and len(qb) == 1 and not strict
    for a in qa:
        tolerance = ELAPSED_TOLERANCE if a.role is Role.ELAPSED else 0.0
        partners = [b for b in qb if same_thing(a, b, only_pair, strict)]
        if not partners and not strict and a.kind is QuantityKind.COUNT:
            # One figure of the other sentence shares its context and no other does ("inflation hit
            # 6.8%" / "inflation reached 7.1%, far above the 2% target"): that one.
            near = [b for b in qb if b.kind is a.kind and (b.unit == "percent") == (a.unit == "percent")]
            near = [b for b in near if context_overlap(a, b) >= 1]
            partners = near if len(near) == 1 else []
        if not partners or any(a.agrees(b, tolerance) for b in partners):
            continue
        best = max(partners, key=lambda b: (a.unit == b.unit, context_overlap(a, b)))
        if not any(best.agrees(x, tolerance) for x in qa):
            out.append((a, best))
    return out


def figure_conflicts(qa: list[Quantity], qb: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """Conflicting figures for the same thing in two sentences not known to report one fact."""
    out: list[tuple[Quantity, Quantity]] = []
    for cat in {category(q) for q in qa} & {category(q) for q in qb}:
        out += _conflicting([q for q in qa if category(q) == cat], [q for q in qb if category(q) == cat], strict=True)
    return out


def _kind_of(values: Sequence[Quantity]) -> DisagreementKind:
    if all(q.kind is QuantityKind.COUNT for q in values):
        return DisagreementKind.NUMBER
    if any(q.kind is QuantityKind.DATE for q in values):
        return DisagreementKind.DATE
    return DisagreementKind.DURATION


SUMMARY_WORD = {
    DisagreementKind.NUMBER: "numbers",
    DisagreementKind.DATE: "dates",
    DisagreementKind.DURATION: "durations",
    DisagreementKind.NAME: "names",
    DisagreementKind.QUOTE: "quoted words",
    DisagreementKind.NEGATION: "negation",
}


def summarise(kind: DisagreementKind, values: Sequence[DisagreementValue]) -> str:
    """ "numbers differ: 1,000 vs nine" — each distinct wording once, in article order."""
    texts = list(dict.fromkeys(" ".join(v.text.split()) for v in values))
    shown = [t if len(t) <= 48 else t[:45].rstrip() + "…" for t in texts]
    verb = "differ" if kind is not DisagreementKind.NEGATION else "differs"
    return f"{SUMMARY_WORD[kind]} {verb}: " + " vs ".join(shown)


def _figure_summary(
    kind: DisagreementKind, values: Sequence[DisagreementValue], figures: Mapping[DisagreementValue, Quantity]
) -> str:
    """Versions that agree are joined with "/", versions that conflict with "vs":
    "durations differ: nine-month / nine months vs seven-month"."""
    groups: list[list[DisagreementValue]] = []
    for value in values:
        q = figures[value]
        tolerance = ELAPSED_TOLERANCE if q.role is Role.ELAPSED else 0.0
        for group in groups:
            if all(q.agrees(figures[other], tolerance) for other in group):
                group.append(value)
                break
        else:
            groups.append([value])
    parts = []
    for group in groups:
        texts = list(dict.fromkeys(" ".join(v.text.split()) for v in group))
        parts.append(" / ".join(t if len(t) <= 48 else t[:45].rstrip() + "…" for t in texts))
    if len(set(parts)) < len(parts):
        # Same words, different days ("on Monday" in articles published a week apart): say which.
        parts = [f"{part} ({_resolved(figures[group[0]])})" for part, group in zip(parts, groups, strict=True)]
    return f"{SUMMARY_WORD[kind]} differ: " + " vs ".join(parts)


def _resolved(q: Quantity) -> str:
    """A date figure as the calendar day it was resolved to; other figures as their value."""
    if q.kind is QuantityKind.DATE and q.low >= 1:
        first, last = date.fromordinal(int(q.low)), date.fromordinal(int(q.high))
        return first.isoformat() if first == last else f"{first.isoformat()}–{last.isoformat()}"
    return f"{q.low:g}" if q.low == q.high else f"{q.low:g}–{q.high:g}"


def merge(
    kind: DisagreementKind,
    pairs: Sequence[tuple[DisagreementValue, DisagreementValue]],
    position: Mapping[str, int] | None = None,
) -> list[Disagreement]:
    """Join pairwise conflicts that share a value into one disagreement (union-find on values).

    Values come in reading order: articles in corpus ``position`` order, then by offset."""
    position = position or {}
    joined: UnionFind[DisagreementValue] = UnionFind()
    for a, b in pairs:
        joined.union(a, b)
    groups = joined.groups()
    out = []
    for values in groups.values():
        values.sort(key=lambda v: (position.get(v.article, 0), v.article, v.start))
        out.append(Disagreement(kind, summarise(kind, values), tuple(values)))
    return out


def _value(article: Article, start: int, end: int) -> DisagreementValue:
    return DisagreementValue(article.id, start, end, article.text[start:end])


def _comparisons(members: Sequence[FactMember]) -> list[tuple[int, int]]:
    """Which member pairs to compare: all of them in an ordinary fact; in a fact reported by very
    many articles (wire copy reprinted everywhere), each member against a few anchors and its
    neighbour, so the work stays linear in the number of members."""
    n = len(members)
    if n <= ALL_PAIRS_UP_TO:
        return [(x, y) for x in range(n) for y in range(x + 1, n)]
    anchors = range(ANCHORS)
    pairs = {(x, y) for x in anchors for y in range(x + 1, n)}
    pairs.update((x, x + 1) for x in range(n - 1))
    return sorted(pairs)


def sentence_figures(article: Article, span: Span, ref: date | None, memo: SentenceMemo) -> list[Quantity]:
    """The figures of one sentence, read once per run (alignment reads them, then disagreements)."""
    def read() -> list[Quantity]:
        return quantities.extract(article.text, span.start, span.end, ref)

    return memo.once(("figures", ref), article, span, read)


def find_disagreements(
    analysis: Analysis,
    members: Sequence[FactMember],
    refs: Mapping[str, str | None] | None = None,
    position: Mapping[str, int] | None = None,
    memo: SentenceMemo | None = None,
) -> tuple[Disagreement, ...]:
    """All disagreements between members of one fact from different articles.

    ``refs``: each article's day for relative dates; ``position``: article id -> corpus position
    (computed here when not given); ``memo``: what the run has read of each sentence. Pass them
    when calling for many facts.
    """
    memo = memo or SentenceMemo()
    if position is None:
        position = {a.id: n for n, a in enumerate(analysis.articles)}
    involved = {m.article for m in members}
    by_id = {a.id: a for a in (analysis.articles[position[x]] for x in involved)}
    refs = refs or {}
    figures: list[list[Quantity]] = []
    for m in members:
        article = by_id[m.article]
        span = article.sentences[m.sentence]
        ref = reference_day(refs.get(m.article, article.published))
        figures.append(sentence_figures(article, span, ref, memo))
    found: dict[DisagreementKind, list[tuple[DisagreementValue, DisagreementValue]]] = {}
    figure_kinds: dict[DisagreementValue, Quantity] = {}
    for x, y in _comparisons(members):
        ma, mb = members[x], members[y]
        if ma.article != mb.article:
            art_a, art_b = by_id[ma.article], by_id[mb.article]
            categories = {category(q) for q in figures[x]} & {category(q) for q in figures[y]}
            for cat in sorted(categories):
                qa = [q for q in figures[x] if category(q) == cat]
                qb = [q for q in figures[y] if category(q) == cat]
                for a, b in _conflicting(qa, qb):
                    va, vb = _value(art_a, a.start, a.end), _value(art_b, b.start, b.end)
                    figure_kinds[va], figure_kinds[vb] = a, b
                    found.setdefault(DisagreementKind.NUMBER, []).append((va, vb))
            sa, sb = art_a.sentences[ma.sentence], art_b.sentences[mb.sentence]
            for kind, conflicts in (
                (DisagreementKind.NAME, name_conflicts(analysis, art_a, sa, art_b, sb, memo)),
                (DisagreementKind.QUOTE, quote_conflicts(analysis, art_a, sa, art_b, sb)),
                (DisagreementKind.NEGATION, negation_conflicts(art_a, sa, art_b, sb, memo)),
            ):
                for (a0, a1), (b0, b1) in conflicts:
                    found.setdefault(kind, []).append((_value(art_a, a0, a1), _value(art_b, b0, b1)))
    out: list[Disagreement] = []
    for kind, pairs in found.items():
        if kind is DisagreementKind.NUMBER:
            for merged in merge(kind, pairs, position):
                real = _kind_of([figure_kinds[v] for v in merged.values])
                out.append(Disagreement(real, _figure_summary(real, merged.values, figure_kinds), merged.values))
        else:
            out.extend(merge(kind, pairs, position))
    order = list(DisagreementKind)
    out.sort(key=lambda d: (order.index(d.kind), position.get(d.values[0].article, 0), d.values[0].start))
    return tuple(out)
