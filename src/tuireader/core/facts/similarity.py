"""Which sentences of different articles say similar things: weighted vectors and candidate pairs.

A sentence is a bag of content-word lemmas, a bag of plain words, and the entities it names and
speakers it quotes. Candidates come from an inverted index over lemmas, skipping lemmas so common
they behave like stopwords, so the work grows with the number of sentences, not its square. Only
candidates are rescored with the fuller ``pair_score``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from tuireader.core.text import lexicon
from tuireader.core.text.tokens import LETTERS_RE
from tuireader.model import Analysis, Article, Label

ENTITY_BONUS = 0.5  # score x (1 + bonus x share of named entities in common)
SPEAKER_BONUS = 0.1  # quoting the same person is weak evidence: people say many things
# News reports open with their main event (the inverted pyramid): two reports' opening sentences
# that already share words most likely tell the same event, in words of their own.
LEAD_BONUS = 0.3
LEAD_SENTENCES = 2
MAX_POSTINGS = 64  # a lemma in more sentences than this is treated as a stopword (keeps cost linear)
NAMED = {Label.PERSON, Label.ORG, Label.PLACE}


@dataclass(slots=True)
class SentenceRef:
    article: str
    index: int  # sentence index in the article
    order: int  # article position in the corpus (for stable ordering)
    features: Counter[str] = field(default_factory=Counter)  # content-word lemmas
    words: Counter[str] = field(default_factory=Counter)  # every word, lowercased: phrasing, not just content
    entities: set[str] = field(default_factory=set)
    speakers: set[str] = field(default_factory=set)


def sentence_features(analysis: Analysis, article: Article, order: int) -> list[SentenceRef]:
    """What each sentence of one article says: lemmas, plain words, entities named, speakers quoted."""
    found = analysis.by_article.get(article.id)
    out = []
    for i, span in enumerate(article.sentences):
        text = span.slice(article.text)
        words = Counter(LETTERS_RE.findall(text.lower()))
        out.append(SentenceRef(article.id, i, order, Counter(lexicon.content_lemmas(text)), words))
    if found is None:
        return out
    for mention in found.mentions:
        if mention.entity and mention.label in NAMED:
            index = article.sentence_at(mention.start)
            if index is not None:
                out[index].entities.add(mention.entity)
    for quote in found.quotes:
        if quote.speaker and not quote.scare:
            first = article.sentence_at(quote.start)
            last = article.sentence_at(max(quote.start, quote.end - 1))
            if first is None or last is None:
                continue
            for index in range(first, last + 1):
                out[index].speakers.add(quote.speaker)
    return out


def weigh(bags: Sequence[Counter[str]], max_postings: int = MAX_POSTINGS) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors; features in more than ``max_postings`` sentences are dropped."""
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(bags)
    vectors: list[dict[str, float]] = []
    for bag in bags:
        vec = {f: (1.0 + math.log(tf)) * math.log(1.0 + n / df[f]) for f, tf in bag.items() if df[f] <= max_postings}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({f: v / norm for f, v in vec.items()})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(f, 0.0) for f, w in a.items())


def pair_score(
    a: SentenceRef, b: SentenceRef, lemma_cos: float, words_a: dict[str, float], words_b: dict[str, float]
) -> float:
    """Mean of the content-lemma and plain-word cosines, raised by shared entities and speakers, and
    between two articles' opening sentences.

    Lemmas catch paraphrase ("negotiations" / "talks"); plain words catch shared phrasing that
    stopword removal throws away; the mean beat either alone on the held-out stories. Entities
    multiply rather than add, so two sentences naming one person but saying different things do
    not match on the name alone.
    """
    score = (lemma_cos + cosine(words_a, words_b)) / 2
    if a.entities and b.entities:
        score *= 1 + ENTITY_BONUS * len(a.entities & b.entities) / len(a.entities | b.entities)
    if a.speakers & b.speakers:
        score *= 1 + SPEAKER_BONUS
    if max(a.index, b.index) < LEAD_SENTENCES:
        score *= 1 + LEAD_BONUS
    return score


@lru_cache(maxsize=256)
def _pairs_of(size: int) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    first, second = np.triu_indices(size, 1)
    return first, second


def candidate_pairs(
    vectors: Sequence[dict[str, float]], groups: Sequence[int], min_score: float, max_per_sentence: int = 24
) -> dict[tuple[int, int], float]:
    """Cosine of every pair (i < j) in different ``groups`` (articles) sharing a feature, if >= ``min_score``.

    Each feature's posting list contributes the products of its weights for all pairs in it; the
    sums over features are exactly the cosines (vectors are unit length). Posting lists are short by
    construction (``weigh`` drops long ones), so the work is linear in the number of sentences;
    each sentence keeps at most ``max_per_sentence`` partners (its best), so what follows is too.
    """
    postings: dict[str, list[tuple[int, float]]] = {}
    for i, vec in enumerate(vectors):
        for f, w in vec.items():
            postings.setdefault(f, []).append((i, w))
    keys: list[npt.NDArray[np.int64]] = []
    values: list[npt.NDArray[np.float64]] = []
    n = len(vectors)
    pair_keys: list[int] = []  # posting lists of two (most of them) are cheaper without numpy
    pair_values: list[float] = []
    for plist in postings.values():
        if len(plist) < 2:
            continue
        if len(plist) == 2:
            (i, wi), (j, wj) = plist
            pair_keys.append(i * n + j)
            pair_values.append(wi * wj)
            continue
        idx = np.fromiter((p[0] for p in plist), dtype=np.int64, count=len(plist))
        wts = np.fromiter((p[1] for p in plist), dtype=np.float64, count=len(plist))
        first, second = _pairs_of(len(plist))
        keys.append(idx[first] * n + idx[second])
        values.append(wts[first] * wts[second])
    keys.append(np.asarray(pair_keys, dtype=np.int64))
    values.append(np.asarray(pair_values, dtype=np.float64))
    unique, inverse = np.unique(np.concatenate(keys), return_inverse=True)
    sums = np.bincount(inverse, weights=np.concatenate(values))
    keep = sums >= min_score
    group_arr = np.asarray(groups, dtype=np.int64)
    left, right = unique[keep] // n, unique[keep] % n
    cross = group_arr[left] != group_arr[right]
    left, right, scores = left[cross], right[cross], sums[keep][cross]
    if len(scores) > max_per_sentence * n:
        chosen = _best_per_sentence(left, right, scores, max_per_sentence)
        left, right, scores = left[chosen], right[chosen], scores[chosen]
    return {(int(a), int(b)): float(s) for a, b, s in zip(left.tolist(), right.tolist(), scores.tolist(), strict=True)}


def _best_per_sentence(
    left: npt.NDArray[np.int64], right: npt.NDArray[np.int64], scores: npt.NDArray[np.float64], most: int
) -> npt.NDArray[np.int64]:
    """Indices of the pairs among the ``most`` best of either of their sentences.

    Where one report is reprinted by dozens of outlets, every sentence has dozens of near-identical
    partners; the best few are enough to group them, and the rest would only cost time.
    """
    count = len(scores)
    rows = np.concatenate([left, right])
    ids = np.concatenate([np.arange(count), np.arange(count)])
    both = np.concatenate([scores, scores])
    order = np.lexsort((-both, rows))
    ranked_rows = rows[order]
    rank = np.arange(len(order)) - np.searchsorted(ranked_rows, ranked_rows, side="left")
    return np.unique(ids[order][rank < most])
