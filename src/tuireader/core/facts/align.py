"""Facts across articles, coverage, and the side-by-side model.

A fact is a group of sentences from different articles that report the same thing. Sentences are
scored pairwise (``similarity``: lemmas, entities, quoted speakers, TF-IDF cosine over candidates
from an inverted index) and grouped greedily, strongest pair first, under two rules that keep
groups honest: groups of sentences from one article each are merged, and a group only absorbs
another if the two are similar on average, not just through one chain link. A sentence that
reports two things (common in wire copy) may then join a second fact whose article slot it can
fill; and a report that spreads one fact over two sentences (the event, then its cause; a quote,
then its paraphrase) has its second sentence join when it fits the other reports' sentences well.
"""

from __future__ import annotations

import gc
import hashlib
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from tuireader.core.disagreements import find as disagree
from tuireader.core.disagreements.memo import SentenceMemo
from tuireader.core.facts.diff import word_diff
from tuireader.core.facts.figures import CONFLICT_FLOOR, Figures, claim_pairs, conflict_groups, raise_shared_figures
from tuireader.core.facts.similarity import candidate_pairs, cosine, pair_score, sentence_features, weigh
from tuireader.core.text.dates import reference_day
from tuireader.model import AlignedRow, Analysis, Article, Fact, FactMember, RowKind

EDGE_THRESHOLD = 0.22  # least cosine for two sentences to be called the same fact (tuned on held-out stories)
LINK_THRESHOLD = 0.15  # least mean cosine between two groups for them to merge
LABEL_LENGTH = 72
CANDIDATE_MIN = 0.05  # lemma cosine below which a pair is not even rescored
LINK_CANDIDATE_MIN = 0.08  # lemma cosine below which a pair does not count towards grouping
LINK_SAMPLE = 24  # members compared per group when measuring how similar two large groups are
SECOND_MEMBERSHIP = 1.2  # a second fact needs this multiple of the threshold as mean similarity
ARTICLE_SENTENCES = 2  # most sentences of one article in one fact
SAME_ARTICLE = 1.3  # a further sentence of an article in a fact needs this multiple of the threshold


def _blocks(analysis: Analysis) -> list[list[Article]]:
    """Articles grouped by story (facts never cross stories); articles in no story form one block."""
    by_id = {a.id: a for a in analysis.articles}
    seen: set[str] = set()
    blocks: list[list[Article]] = []
    for story in analysis.stories:
        block = [by_id[a] for a in story.articles if a in by_id and a not in seen]
        seen.update(a.id for a in block)
        if len(block) > 1:
            blocks.append(block)
    rest = [a for a in analysis.articles if a.id not in seen]
    if len(rest) > 1:
        blocks.append(rest)
    return blocks


def _sample(xs: Sequence[int], most: int = LINK_SAMPLE) -> Sequence[int]:
    """Evenly spaced members of a large group: its mean similarity without comparing every pair."""
    if len(xs) <= most:
        return xs
    step = len(xs) / most
    return [xs[int(k * step)] for k in range(most)]


def _cluster(
    articles: Sequence[str], pairs: dict[tuple[int, int], float], threshold: float, link: float
) -> list[list[int]]:
    """Greedy average-link grouping of one sentence per article; then second memberships, then
    further sentences of an article already in a group (at most ``ARTICLE_SENTENCES`` of each)."""
    cluster_of: dict[int, int] = {}
    clusters: dict[int, list[int]] = {}
    sources: dict[int, set[str]] = {}  # cluster -> its articles

    def score(a: int, b: int) -> float:
        return pairs.get((a, b) if a < b else (b, a), 0.0)

    def mean_link(xs: Sequence[int], ys: Sequence[int]) -> float:
        xs, ys = _sample(xs), _sample(ys)
        return sum(score(x, y) for x in xs for y in ys) / (len(xs) * len(ys))

    edges = sorted(((s, i, j) for (i, j), s in pairs.items() if s >= threshold), reverse=True)
    for _, i, j in edges:
        for k in (i, j):
            if k not in cluster_of:
                cluster_of[k] = k
                clusters[k] = [k]
                sources[k] = {articles[k]}
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj or not sources[ci].isdisjoint(sources[cj]):
            continue
        a, b = clusters[ci], clusters[cj]
        if mean_link(a, b) < link:
            continue
        if len(a) < len(b):
            ci, cj, a, b = cj, ci, b, a
        a.extend(b)
        sources[ci] |= sources.pop(cj)
        for y in b:
            cluster_of[y] = ci
        del clusters[cj]
    # Second memberships: a sentence joins another group whose article slot is free, if it fits there too.
    extra: dict[int, list[int]] = {}
    for _, i, j in edges:
        for x, y in ((i, j), (j, i)):
            target = cluster_of[y]
            if target == cluster_of[x] or articles[x] in sources[target]:
                continue
            group = clusters[target] + extra.get(target, [])
            if mean_link([x], group) >= threshold * SECOND_MEMBERSHIP:
                extra.setdefault(target, []).append(x)
                sources[target].add(articles[x])
    # More sentences of one article: a fact that an article spreads over several sentences (a quote
    # and its paraphrase, a claim and its detail) gains them when they fit the other articles' members.
    if ARTICLE_SENTENCES > 1:
        extended = {key: members + extra.get(key, []) for key, members in clusters.items()}
        counts = {key: Counter(articles[m] for m in ms) for key, ms in extended.items()}
        for _, i, j in edges:
            for x, y in ((i, j), (j, i)):
                target = cluster_of[y]
                group = extended[target]
                if x in group or articles[x] not in counts[target] or counts[target][articles[x]] >= ARTICLE_SENTENCES:
                    continue
                others = [m for m in group if articles[m] != articles[x]]
                if others and mean_link([x], others) >= threshold * SAME_ARTICLE:
                    group.append(x)
                    counts[target][articles[x]] += 1
        return list(extended.values())
    return [members + extra.get(key, []) for key, members in clusters.items()]


def _without_subsets(clusters: list[list[int]]) -> list[list[int]]:
    """Groups not contained in another group: a sentence that joined a second group may leave its
    first one holding nothing the second does not (the second group says all the first did)."""
    holding: dict[int, list[int]] = {}
    for n, members in enumerate(clusters):
        for k in members:
            holding.setdefault(k, []).append(n)
    sets = [set(c) for c in clusters]
    out = []
    for n, members in enumerate(clusters):
        inside = [m for m in holding[members[0]] if m != n and sets[n] <= sets[m] and (sets[n] < sets[m] or m < n)]
        if not inside:
            out.append(members)
    return out


def _label(analysis_articles: dict[str, Article], members: Sequence[FactMember]) -> str:
    texts = [" ".join(analysis_articles[m.article].sentence_text(m.sentence).split()) for m in members]
    text = min(texts, key=len)
    if len(text) <= LABEL_LENGTH:
        return text
    cut = text[:LABEL_LENGTH].rsplit(" ", 1)[0]
    return cut.rstrip(",;:—-– ") + "…"


def reference_days(analysis: Analysis) -> dict[str, str | None]:
    """Each article's day for resolving "on Friday": its own date, else its story's median date."""
    out: dict[str, str | None] = {a.id: a.published for a in analysis.articles}
    for block in _blocks(analysis) or [analysis.articles]:
        days = sorted(d.isoformat() for a in block if (d := reference_day(a.published)) is not None)
        fallback = days[len(days) // 2] if days else None
        for article in block:
            if reference_day(out[article.id]) is None:
                out[article.id] = fallback
    return out


@contextmanager
def _without_gc_pauses() -> Iterator[None]:
    """Alignment allocates millions of short-lived objects (freed by reference counting) while the
    corpus's own objects stay alive; Python's cyclic collector would re-scan all of those again and
    again (measured: about a fifth of the time at 1,000 articles). It is off for the duration and
    restored after, whatever happens."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def align_facts(analysis: Analysis, *, threshold: float = EDGE_THRESHOLD, link: float = LINK_THRESHOLD) -> list[Fact]:
    """Group sentences from different articles that report the same fact, with their disagreements.

    Facts reported by one article only are not listed (every sentence would be one); the
    side-by-side view shows those as left- or right-only rows. Most-reported facts come first.
    """
    with _without_gc_pauses():
        return _align_facts(analysis, threshold, link)


def _align_facts(analysis: Analysis, threshold: float, link: float) -> list[Fact]:
    by_id = {a.id: a for a in analysis.articles}
    order = {a.id: n for n, a in enumerate(analysis.articles)}
    refs = reference_days(analysis)
    facts: list[Fact] = []
    for block in _blocks(analysis):
        sentences = [s for a in block for s in sentence_features(analysis, a, order[a.id])]
        vectors = weigh([s.features for s in sentences])
        words = weigh([s.words for s in sentences], max_postings=len(sentences))
        owners = [s.article for s in sentences]
        group_ids = [order[a] for a in owners]
        candidates = candidate_pairs(vectors, group_ids, min_score=CANDIDATE_MIN)
        # Pairs too weak to link groups keep their lemma cosine: they only matter for conflicting figures.
        pairs = {
            (i, j): pair_score(sentences[i], sentences[j], cos, words[i], words[j])
            if cos >= LINK_CANDIDATE_MIN
            else cos
            for (i, j), cos in candidates.items()
        }
        memo = SentenceMemo()  # this story's sentences, read once for alignment and disagreements
        figures = Figures(analysis, sentences, refs, memo)
        raise_shared_figures(pairs, threshold, figures)
        # Weak pairs are kept for conflicting figures only; as links between groups they are noise.
        strong = {k: v for k, v in pairs.items() if candidates[k] >= LINK_CANDIDATE_MIN}
        clusters = _without_subsets([c for c in _cluster(owners, strong, threshold, link) if len(c) > 1])
        together = {(x, y) for c in clusters for x in c for y in c if x < y}
        # Quantity claims of one kind are also tested where the sentences share little else.
        claims = claim_pairs(owners, figures, threshold * CONFLICT_FLOOR)
        clusters += conflict_groups(owners, pairs, threshold, together, figures, claims)
        # Disagreements now, reusing what the memo holds of this story's sentences.
        story: list[Fact] = []
        for cluster in clusters:
            chosen = sorted(cluster, key=lambda k: (sentences[k].order, sentences[k].index))
            members = [FactMember(sentences[k].article, sentences[k].index) for k in chosen]
            key = "|".join(f"{m.article}:{m.sentence}" for m in members)
            fact_id = "fact-" + hashlib.sha1(key.encode()).hexdigest()[:10]
            found = disagree.find_disagreements(analysis, members, refs, order, memo)
            story.append(Fact(fact_id, _label(by_id, members), tuple(members), found))
        story.sort(key=lambda f: (-len(f.articles), order[f.members[0].article], f.members[0].sentence))
        story = disagree.with_quote_ledger(analysis, block, story, order)
        facts.extend(disagree.consolidate(story, order, {a.id: a.text for a in block}))
    facts.sort(key=lambda f: (-len(f.articles), order[f.members[0].article], f.members[0].sentence))
    return facts


def _pair_scores(analysis: Analysis, left: Article, right: Article) -> dict[tuple[int, int], float]:
    sentences = sentence_features(analysis, left, 0) + sentence_features(analysis, right, 1)
    vectors = weigh([s.features for s in sentences], max_postings=len(sentences))
    words = weigh([s.words for s in sentences], max_postings=len(sentences))
    n = len(left.sentences)
    return {
        (i, j): pair_score(sentences[i], sentences[n + j], cosine(vectors[i], vectors[n + j]), words[i], words[n + j])
        for i in range(n)
        for j in range(len(right.sentences))
    }


def _monotone(pairs: Sequence[tuple[int, int, float]]) -> set[tuple[int, int]]:
    """The heaviest set of pairs increasing on both sides (weighted longest increasing subsequence)."""
    ordered = sorted(pairs)
    best: list[float] = []
    back: list[int] = []
    for k, (li, ri, w) in enumerate(ordered):
        best.append(w)
        back.append(-1)
        for m in range(k):
            lm, rm, _ = ordered[m]
            if lm < li and rm < ri and best[m] + w > best[k]:
                best[k], back[k] = best[m] + w, m
    if not ordered:
        return set()
    k = max(range(len(ordered)), key=best.__getitem__)
    chosen: set[tuple[int, int]] = set()
    while k >= 0:
        chosen.add((ordered[k][0], ordered[k][1]))
        k = back[k]
    return chosen


def compare(analysis: Analysis, left: str, right: str) -> list[AlignedRow]:
    """Rows in reading order for two articles (ids), with word-level diff ops for matched pairs.

    Matches come from facts holding both articles, one-to-one, strongest first. Matches that keep
    both articles in order are placed in reading order; a match that would cross them is shown at
    the LEFT sentence's position and its right sentence is not repeated at its own position.
    """
    a, b = analysis.article(left), analysis.article(right)
    facts = analysis.facts
    if not facts:
        sub = Analysis(articles=[a, b], by_article=analysis.by_article, entities=analysis.entities)
        facts = align_facts(sub)
    scores = _pair_scores(analysis, a, b)
    memo = SentenceMemo()
    candidates: dict[tuple[int, int], str] = {}
    for fact in facts:
        lefts = [m.sentence for m in fact.members if m.article == left]
        rights = [m.sentence for m in fact.members if m.article == right]
        for li in lefts:
            for ri in rights:
                candidates.setdefault((li, ri), fact.id)
    taken_l: set[int] = set()
    taken_r: set[int] = set()
    matches: dict[int, tuple[int, str]] = {}
    for (li, ri), fact_id in sorted(candidates.items(), key=lambda kv: -scores.get(kv[0], 0.0)):
        if li in taken_l or ri in taken_r:
            continue
        taken_l.add(li)
        taken_r.add(ri)
        matches[li] = (ri, fact_id)
    in_order = _monotone([(li, ri, scores.get((li, ri), 0.0) + 1e-6) for li, (ri, _) in matches.items()])
    refs = reference_days(analysis)
    rows: list[AlignedRow] = []
    next_right = 0

    def flush_right(upto: int) -> None:
        nonlocal next_right
        while next_right < upto:
            if next_right not in taken_r:
                rows.append(AlignedRow(RowKind.RIGHT, None, next_right))
            next_right += 1

    for li in range(len(a.sentences)):
        if li not in matches:
            rows.append(AlignedRow(RowKind.LEFT, li, None))
            continue
        ri, fact_id = matches[li]
        if (li, ri) in in_order:
            flush_right(ri)
            next_right = max(next_right, ri + 1)
        ops = word_diff(a.text, a.sentences[li], b.text, b.sentences[ri])
        found = disagree.find_disagreements(analysis, [FactMember(left, li), FactMember(right, ri)], refs, memo=memo)
        rows.append(AlignedRow(RowKind.MATCH, li, ri, fact_id, ops, found))
    flush_right(len(b.sentences))
    return rows
