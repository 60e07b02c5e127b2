"""Which sentences of different articles say similar things: weighted feature vectors and candidate pairs.

A sentence is a bag of content-word lemmas plus the entities it mentions and the speakers it quotes
(shared names are stronger evidence than shared words). Candidates come from an inverted index over
those features, skipping features so common they behave like stopwords, so the work grows with the
number of sentences, not its square. Pair scores are cosines of TF-IDF weighted vectors.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from tuireader.core import lexicon
from tuireader.core.models import Analysis, Article, Label

ENTITY_WEIGHT = 1.6  # a shared person/place/organisation counts for more than a shared word
SPEAKER_WEIGHT = 1.6  # so does quoting the same person
MAX_POSTINGS = 64  # a feature in more sentences than this is treated as a stopword (keeps cost linear)
NAMED = {Label.PERSON, Label.ORG, Label.PLACE}


@dataclass(slots=True)
class SentenceRef:
    article: str
    index: int  # sentence index in the article
    order: int  # article position in the corpus (for stable ordering)
    features: Counter[str] = field(default_factory=Counter)


def sentence_features(analysis: Analysis, article: Article, order: int) -> list[SentenceRef]:
    """Feature bags for every sentence of one article (lemmas, ``E:`` entities, ``S:`` speakers)."""
    found = analysis.by_article.get(article.id)
    out = [SentenceRef(article.id, i, order, Counter(lexicon.content_lemmas(span.slice(article.text))))
           for i, span in enumerate(article.sentences)]
    if found is None:
        return out
    for mention in found.mentions:
        if mention.entity and mention.label in NAMED:
            index = article.sentence_at(mention.start)
            if index is not None:
                out[index].features["E:" + mention.entity] += 1
    for quote in found.quotes:
        if quote.speaker and not quote.scare:
            first = article.sentence_at(quote.start)
            last = article.sentence_at(max(quote.start, quote.end - 1))
            if first is None or last is None:
                continue
            for index in range(first, last + 1):
                out[index].features["S:" + quote.speaker] += 1
    return out


def _boost(feature: str) -> float:
    if feature.startswith("E:"):
        return ENTITY_WEIGHT
    if feature.startswith("S:"):
        return SPEAKER_WEIGHT
    return 1.0


def weigh(bags: Sequence[Counter[str]], max_postings: int = MAX_POSTINGS) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors; features in more than ``max_postings`` sentences are dropped."""
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(bags)
    vectors: list[dict[str, float]] = []
    for bag in bags:
        vec = {
            f: (1.0 + math.log(tf)) * math.log(1.0 + n / df[f]) * _boost(f)
            for f, tf in bag.items()
            if df[f] <= max_postings
        }
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({f: v / norm for f, v in vec.items()})
    return vectors


@lru_cache(maxsize=256)
def _pairs_of(size: int) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    first, second = np.triu_indices(size, 1)
    return first, second


def candidate_pairs(
    vectors: Sequence[dict[str, float]], groups: Sequence[int], min_score: float
) -> dict[tuple[int, int], float]:
    """Cosine of every pair (i < j) in different ``groups`` (articles) sharing a feature, if >= ``min_score``.

    Each feature's posting list contributes the products of its weights for all pairs in it; the
    sums over features are exactly the cosines (vectors are unit length). Posting lists are short by
    construction, so this is linear in the number of sentences for a fixed vocabulary spread.
    """
    postings: dict[str, list[tuple[int, float]]] = {}
    for i, vec in enumerate(vectors):
        for f, w in vec.items():
            postings.setdefault(f, []).append((i, w))
    keys: list[npt.NDArray[np.int64]] = []
    values: list[npt.NDArray[np.float64]] = []
    n = len(vectors)
    for plist in postings.values():
        if len(plist) < 2:
            continue
        idx = np.fromiter((p[0] for p in plist), dtype=np.int64, count=len(plist))
        wts = np.fromiter((p[1] for p in plist), dtype=np.float64, count=len(plist))
        first, second = _pairs_of(len(plist))
        keys.append(idx[first] * n + idx[second])
        values.append(wts[first] * wts[second])
    if not keys:
        return {}
    all_keys = np.concatenate(keys)
    all_values = np.concatenate(values)
    unique, inverse = np.unique(all_keys, return_inverse=True)
    sums = np.bincount(inverse, weights=all_values)
    keep = sums >= min_score
    group_arr = np.asarray(groups, dtype=np.int64)
    left, right = unique[keep] // n, unique[keep] % n
    cross = group_arr[left] != group_arr[right]
    return {
        (int(a), int(b)): float(s)
        for a, b, s in zip(left[cross].tolist(), right[cross].tolist(), sums[keep][cross].tolist(), strict=True)
    }


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(f, 0.0) for f, w in a.items())
