"""Figures as evidence for alignment: sentences that give a number, date or duration for the same thing.

Two reports that disagree on a figure ("a 72-hour strike" / "set to last 48 hours") lose lexical
similarity exactly where a reader most needs them side by side. So near-threshold pairs that give a
figure for the same thing are raised, and pairs below the threshold whose figures conflict on the
same thing (a war "that has lasted for three years" / "raged on for nearly a year", said in passing
in sentences about other things) become small facts of their own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tuireader.core.disagreements.find import figure_conflicts, sentence_figures
from tuireader.core.disagreements.measures import ABSTRACT_UNITS, GENERIC_COUNTED, GENERIC_TIME, shares_slot
from tuireader.core.disagreements.memo import SentenceMemo
from tuireader.core.facts.similarity import SentenceRef
from tuireader.core.text.dates import reference_day
from tuireader.core.text.quantities import Quantity, QuantityKind, Role
from tuireader.core.unionfind import UnionFind
from tuireader.model import Analysis, Article

SLOT_BONUS = 0.35  # similarity x (1 + bonus) when two sentences give a figure for the same thing
SLOT_FLOOR = 0.6  # ... for pairs at least this fraction of the threshold
CONFLICT_FLOOR = 0.25  # a conflicting figure makes a fact of a pair at least this fraction of the threshold


class Figures:
    """Figures of sentences, read lazily and once."""

    def __init__(
        self,
        analysis: Analysis,
        sentences: Sequence[SentenceRef],
        refs: Mapping[str, str | None],
        memo: SentenceMemo | None = None,
    ):
        self._articles: dict[str, Article] = {a.id: a for a in analysis.articles}
        self._sentences = sentences
        self._refs = refs
        self._memo = memo or SentenceMemo()

    def __call__(self, k: int) -> list[Quantity]:
        ref = self._sentences[k]
        article = self._articles[ref.article]
        span = article.sentences[ref.index]
        return sentence_figures(article, span, reference_day(self._refs.get(ref.article)), self._memo)


def raise_shared_figures(pairs: dict[tuple[int, int], float], threshold: float, figures: Figures) -> None:
    """Multiply near-threshold pair scores when both sentences give a figure for the same thing."""
    floor = threshold * SLOT_FLOOR
    for (i, j), score in pairs.items():
        if floor <= score < threshold and shares_slot(figures(i), figures(j)):
            pairs[(i, j)] = score * (1 + SLOT_BONUS)


def conflict_groups(
    owners: Sequence[str],
    pairs: Mapping[tuple[int, int], float],
    threshold: float,
    grouped: set[tuple[int, int]],
    figures: Figures,
    claims: Mapping[tuple[int, int], float] | None = None,
) -> list[list[int]]:
    """Groups (one sentence per article) of related sentences whose figures for one thing conflict;
    ``claims``: further pairs that share only a kind of figure (``claim_pairs``), held to more."""
    floor = threshold * CONFLICT_FLOOR
    joined: UnionFind[int] = UnionFind()
    members: dict[int, list[int]] = {}
    claims = {k: v for k, v in (claims or {}).items() if k not in pairs}
    for (i, j), score in sorted({**claims, **pairs}.items(), key=lambda kv: -kv[1]):
        if score < floor or (i, j) in grouped:
            continue
        if not figure_conflicts(figures(i), figures(j), unrelated=(i, j) in claims):
            continue
        ri, rj = joined.find(i), joined.find(j)
        if ri == rj:
            continue
        left, right = members.get(ri, [i]), members.get(rj, [j])
        if {owners[k] for k in left} & {owners[k] for k in right}:
            continue
        joined.attach(ri, rj)
        members[rj] = left + right
        members.pop(ri, None)
    return [m for m in members.values() if len(m) > 1]


CLAIM_POSTINGS = 32  # a kind of figure given in more sentences than this is too common to pair them all


def claim_pairs(owners: Sequence[str], figures: Figures, floor: float) -> dict[tuple[int, int], float]:
    """Pairs of sentences from different articles that give a figure of the same kind (the same
    counted noun, or a time in one role with a word in common), however little else they share:
    quantity claims compared across a story's articles even when their sentences do not align.

    Each pair gets ``floor`` as its score, enough for ``conflict_groups`` to test it, never enough
    to align the sentences as one fact.
    """
    postings: dict[tuple[str, ...], list[int]] = {}
    for k in range(len(owners)):
        keys: set[tuple[str, ...]] = set()
        for q in figures(k):
            if q.kind is QuantityKind.COUNT and q.unit and q.unit not in ABSTRACT_UNITS and q.unit != "tally":
                keys.add(("count", q.unit))
                if q.unit in GENERIC_COUNTED:
                    keys.update(("count", word) for word in q.context)
            elif q.kind is QuantityKind.DURATION and q.role in (Role.ELAPSED, Role.SPAN):
                keys.update(("time", str(q.role), word) for word in set(q.context) - GENERIC_TIME)
        for key in keys:
            postings.setdefault(key, []).append(k)
    out: dict[tuple[int, int], float] = {}
    for ks in postings.values():
        if len(ks) < 2 or len(ks) > CLAIM_POSTINGS:
            continue
        for x in range(len(ks)):
            for y in range(x + 1, len(ks)):
                i, j = ks[x], ks[y]
                if owners[i] != owners[j]:
                    out[(i, j) if i < j else (j, i)] = floor
    return out
