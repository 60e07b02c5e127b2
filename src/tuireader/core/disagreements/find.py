"""Typed disagreements inside a fact: figures, dates, durations, name spellings, quoted words, negation.

Every pair of member sentences from different articles is compared; the conflicts found are then
merged per kind so that one disagreement lists each article's version once ("numbers differ:
1,000 vs nine"). Figures are intervals (see ``quantities``): hedged figures that can both be true
("about 250" and "more than 240") do not conflict.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from tuireader.core.disagreements.attach import attached_alike
from tuireader.core.disagreements.measures import GENERIC_COUNTED, category, context_overlap, same_thing
from tuireader.core.disagreements.memo import SentenceMemo
from tuireader.core.disagreements.negation import negation_conflicts, sentence_tokens
from tuireader.core.disagreements.quoted import difference, ledger_conflicts, passages, quote_conflicts
from tuireader.core.disagreements.spelling import name_conflicts
from tuireader.core.text import quantities
from tuireader.core.text.dates import reference_day
from tuireader.core.text.lexicon import fold
from tuireader.core.text.quantities import Quantity, QuantityKind, Role
from tuireader.core.text.tokens import WORD_RE
from tuireader.core.unionfind import UnionFind
from tuireader.model import (
    Analysis,
    Article,
    Disagreement,
    DisagreementKind,
    DisagreementValue,
    Fact,
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
        if not partners or any(a.agrees(b, tolerance) for b in partners):
            continue
        ranked = sorted(partners, key=lambda b: (a.unit == b.unit, context_overlap(a, b)), reverse=True)
        best = ranked[0]
        if len(ranked) > 1 and context_overlap(a, ranked[1]) >= context_overlap(a, best):
            continue  # two figures fit equally well: which one this one answers is unknown
        if not any(best.agrees(x, tolerance) for x in qa):
            out.append((a, best))
    return out


def figure_conflicts(
    qa: list[Quantity], qb: list[Quantity], unrelated: bool = False
) -> list[tuple[Quantity, Quantity]]:
    """Conflicting figures for the same thing in two sentences not known to report one fact.

    ``unrelated``: the sentences share little but the kind of figure, so the words around the two
    figures must share two words besides what is counted ("23 states ... medical marijuana laws" is
    not "four states ... recreational marijuana")."""
    out: list[tuple[Quantity, Quantity]] = []
    for cat in {category(q) for q in qa} & {category(q) for q in qb}:
        found = _conflicting([q for q in qa if category(q) == cat], [q for q in qb if category(q) == cat], strict=True)
        if unrelated:
            found = [(a, b) for a, b in found if len((set(a.context) & set(b.context)) - {a.unit, b.unit}) >= 2]
        out += found
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
    what = measured([figures[v] for v in values])
    return f"{SUMMARY_WORD[kind]} differ{f' ({what})' if what else ''}: " + " vs ".join(parts)


TIME_ROLES = {
    Role.SPAN: "how long",
    Role.ELAPSED: "time since",
    Role.OFFSET: "time between",
    Role.POINT: "when",
    Role.SINCE: "since when",
    Role.DEADLINE: "by when",
}


def measured(figures: Sequence[Quantity]) -> str:
    """What conflicting figures measure, in a few words: "prisoners each", "dollars", "how long"."""
    if all(q.kind is QuantityKind.COUNT for q in figures):
        nouns = [q.noun for q in figures if q.noun and q.unit not in GENERIC_COUNTED] or [
            q.noun for q in figures if q.noun
        ]
        if not nouns:
            return ""
        return nouns[0] + (" each" if figures[0].each else "")
    roles = list(dict.fromkeys(TIME_ROLES.get(q.role, "") for q in figures))
    return roles[0] if len(roles) == 1 else ""


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


def _self_contradicting(values: Sequence[DisagreementValue], figures: Mapping[DisagreementValue, Quantity]) -> bool:
    """Does one article give two conflicting values in one disagreement? Then the figures were paired
    by chance (a sentence with several sums of money), not one figure reported two ways."""
    by_article: dict[str, list[Quantity]] = {}
    for v in values:
        by_article.setdefault(v.article, []).append(figures[v])
    return any(not x.agrees(y) for qs in by_article.values() for x in qs for y in qs)


class _Quoted:
    """Does an offset lie inside a quotation of a member's sentence? (Each sentence read once.)"""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.spans: dict[FactMember, list[tuple[int, int]]] = {}

    def __call__(self, article: Article, member: FactMember, offset: int) -> bool:
        spans = self.spans.get(member)
        if spans is None:
            found = passages(self.analysis, article, article.sentences[member.sentence])
            spans = self.spans[member] = [(a, b) for a, b, _ in found]
        return any(a <= offset < b for a, b in spans)


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
    days: list[date | None] = []
    for m in members:
        article = by_id[m.article]
        span = article.sentences[m.sentence]
        ref = reference_day(refs.get(m.article, article.published))
        days.append(ref)
        figures.append(sentence_figures(article, span, ref, memo))
    found: dict[DisagreementKind, list[tuple[DisagreementValue, DisagreementValue]]] = {}
    figure_kinds: dict[DisagreementValue, Quantity] = {}
    quoted = _Quoted(analysis)
    for x, y in _comparisons(members):
        ma, mb = members[x], members[y]
        if ma.article != mb.article:
            art_a, art_b = by_id[ma.article], by_id[mb.article]
            categories = {category(q) for q in figures[x]} & {category(q) for q in figures[y]}
            for cat in sorted(categories):
                qa = [q for q in figures[x] if category(q) == cat]
                qb = [q for q in figures[y] if category(q) == cat]
                if cat != "count":
                    # A day or span inside a quotation is the speaker's, told from the speaker's day.
                    qa = [q for q in qa if not quoted(art_a, members[x], q.start)]
                    qb = [q for q in qb if not quoted(art_b, members[y], q.start)]
                for a, b in _conflicting(qa, qb):
                    tokens_a = sentence_tokens(art_a, art_a.sentences[ma.sentence], memo)
                    tokens_b = sentence_tokens(art_b, art_b.sentences[mb.sentence], memo)
                    if not attached_alike(tokens_a, a, tokens_b, b, (days[x], days[y])):
                        continue  # figures of two things the aligned sentences both mention
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
                    if kind is DisagreementKind.NEGATION and (quoted(art_a, ma, a0) or quoted(art_b, mb, b0)):
                        continue  # what a speaker denies is the speaker's claim, not the outlet's report
                    found.setdefault(kind, []).append((_value(art_a, a0, a1), _value(art_b, b0, b1)))
    out: list[Disagreement] = []
    for kind, pairs in found.items():
        if kind is DisagreementKind.NUMBER:
            for merged in merge(kind, pairs, position):
                if _self_contradicting(merged.values, figure_kinds):
                    continue
                real = _kind_of([figure_kinds[v] for v in merged.values])
                out.append(Disagreement(real, _figure_summary(real, merged.values, figure_kinds), merged.values))
        else:
            merged_ = merge(kind, pairs, position)
            out.extend(_with_speaker(analysis, d) if kind is DisagreementKind.QUOTE else d for d in merged_)
    order = list(DisagreementKind)
    out.sort(key=lambda d: (order.index(d.kind), position.get(d.values[0].article, 0), d.values[0].start))
    return tuple(out)


def _name_words(value: DisagreementValue) -> set[str]:
    return {w for w in (fold(x) for x in WORD_RE.findall(value.text)) if len(w) > 1}


def _first_use(value: DisagreementValue, texts: Mapping[str, str]) -> DisagreementValue:
    """The article's first use of a spelling (where a reader meets the name), not a later one."""
    text = texts.get(value.article, "")
    m = re.search(r"(?<!\w)" + re.escape(value.text) + r"(?!\w)", text)
    if m is None or m.start() >= value.start:
        return value
    return DisagreementValue(value.article, m.start(), m.end(), value.text)


def consolidate(
    facts: Sequence[Fact], position: Mapping[str, int] | None = None, texts: Mapping[str, str] | None = None
) -> list[Fact]:
    """One story's disagreements, each counted once.

    A name spelt two ways is one disagreement however many facts mention it: name disagreements
    sharing a spelling are joined (one value per article and spelling) and kept in the first fact
    that has one. Any other disagreement that repeats an earlier one (the same words from the same
    articles, as when a sentence belongs to two facts) is dropped.
    """
    position = position or {}
    names: list[tuple[int, list[DisagreementValue]]] = []  # (fact index, values) per name group
    seen: set[tuple[DisagreementKind, frozenset[tuple[str, str]]]] = set()
    kept: list[list[Disagreement]] = []
    for n, fact in enumerate(facts):
        mine: list[Disagreement] = []
        for d in fact.disagreements:
            if d.kind is DisagreementKind.NAME:
                words = set().union(*(_name_words(v) for v in d.values))
                group = next((g for g in names if words & set().union(*(_name_words(v) for v in g[1]))), None)
                if group is None:
                    names.append((n, list(d.values)))
                else:
                    group[1].extend(d.values)
                continue
            key = (d.kind, frozenset((v.article, " ".join(v.text.lower().split())) for v in d.values))
            if key in seen:
                continue
            seen.add(key)
            mine.append(d)
        kept.append(mine)
    for n, values in names:
        unique: dict[tuple[str, str], DisagreementValue] = {}
        for v in sorted(values, key=lambda v: (position.get(v.article, 0), v.article, v.start)):
            unique.setdefault((v.article, " ".join(v.text.split())), _first_use(v, texts or {}))
        chosen = tuple(unique.values())
        kept[n].append(Disagreement(DisagreementKind.NAME, summarise(DisagreementKind.NAME, chosen), chosen))
    order = list(DisagreementKind)
    out = []
    for fact, found in zip(facts, kept, strict=True):
        found.sort(key=lambda d: (order.index(d.kind), position.get(d.values[0].article, 0), d.values[0].start))
        out.append(replace(fact, disagreements=tuple(found)) if tuple(found) != fact.disagreements else fact)
    return out


def _with_speaker(analysis: Analysis, d: Disagreement) -> Disagreement:
    """A quote disagreement's summary says whose words they are and where the versions differ:
    'quoted words differ (Ana Ruiz): “a fair deal for farmers” vs “a fair deal for the farmers”'."""
    head, rest = d.summary.split(": ", 1)
    versions = list(dict.fromkeys(" ".join(v.text.split()) for v in d.values))
    # The first two versions that show a difference in words (not only one quoting more than the other).
    pairs = ((x, y) for n, x in enumerate(versions[: ANCHORS + 1]) for y in versions[n + 1 :])
    diffs = (difference(x, y) for x, y in pairs)  # lazily: the first that shows one is enough
    shown = next((w for w in diffs if w is not None and w[0] != w[1]), None)
    if shown is not None:
        rest = f"“{shown[0]}” vs “{shown[1]}”" + (" …" if len(versions) > 2 else "")
    for v in d.values:
        found = analysis.by_article.get(v.article)
        for q in found.quotes if found is not None else ():
            if q.speaker_name and q.start < v.end and v.start < q.end:
                return Disagreement(d.kind, f"{head} ({q.speaker_name}): {rest}", d.values)
    return Disagreement(d.kind, f"{head}: {rest}", d.values)


def _overlapping(a: Disagreement, b: Disagreement) -> bool:
    """Do two disagreements point at the same words in at least two articles?"""
    shared = {
        v.article for v in a.values for w in b.values if v.article == w.article and v.start < w.end and w.start < v.end
    }
    return len(shared) >= 2


def with_quote_ledger(
    analysis: Analysis, articles: Sequence[Article], facts: Sequence[Fact], position: Mapping[str, int]
) -> list[Fact]:
    """Add the story's quotations worded differently (found through the quote ledger, whether or not
    their sentences were aligned) to the fact holding their sentences, or to a fact of their own."""
    by_id = {a.id: a for a in articles}
    pairs = [
        (_value(by_id[a[0]], a[1], a[2]), _value(by_id[b[0]], b[1], b[2]))
        for a, b in ledger_conflicts(analysis, articles)
    ]
    if not pairs:
        return list(facts)
    out = list(facts)
    where = {(m.article, m.sentence): n for n, f in enumerate(out) for m in f.members}
    # One utterance: pairs sharing a version, at most one version per article (a long passage of one
    # article may hold two quotations of another; they are two utterances, not one).
    groups: list[list[DisagreementValue]] = []
    for a, b in pairs:
        home = next(
            (g for g in groups if (a in g) != (b in g) and {a.article, b.article} - {v.article for v in g}), None
        )
        if home is None:
            groups.append([a, b])
        else:
            home.append(b if a in home else a)
    for values in groups:
        values.sort(key=lambda v: (position.get(v.article, 0), v.start))
        found = _with_speaker(
            analysis, Disagreement(DisagreementKind.QUOTE, summarise(DisagreementKind.QUOTE, values), tuple(values))
        )
        if any(_overlapping(found, d) for f in out for d in f.disagreements if d.kind is DisagreementKind.QUOTE):
            continue  # already found inside a fact
        sentences: dict[str, int] = {}
        for v in found.values:
            k = by_id[v.article].sentence_at(v.start)
            if k is not None:
                sentences.setdefault(v.article, k)
        homes = [where.get((art, k)) for art, k in sentences.items()]
        shared = [n for n in set(homes) if n is not None and homes.count(n) >= 2]
        if shared:
            n = min(shared)
            out[n] = replace(out[n], disagreements=(*out[n].disagreements, found))
            continue
        ordered = sorted(sentences.items(), key=lambda kv: position.get(kv[0], 0))
        members = tuple(FactMember(art, k) for art, k in ordered)
        if len(members) < 2:
            continue
        key = "|".join(f"{m.article}:{m.sentence}" for m in members)
        label = " ".join(by_id[members[0].article].sentence_text(members[0].sentence).split())
        label = label if len(label) <= 72 else label[:71].rsplit(" ", 1)[0] + "…"
        fact_id = "fact-" + hashlib.sha1(key.encode()).hexdigest()[:10]
        out.append(Fact(fact_id, label, members, (found,)))
    return out
