"""Grouping a large corpus into stories: articles about one event.

Two articles belong together when they name the same rare things (people, organisations, places,
key phrases, proper names in the text) and were published close together. Comparing every pair
would take hours at 10,000 articles, so candidate pairs come from an inverted index: only
features held by few articles (a mayor, a terminal, a village) generate pairs, and their shared
weight is the pairs' similarity. Common features ("police", a capital city) are too widespread to
say anything about an event and are never indexed (nor counted in the dot products), though they
still count in each article's norm. The pairs and their scores are computed in numpy arrays: their
number grows faster than the articles (stories of one kind share rare wording), their cost per
pair is then a few machine operations.
Links are then taken strongest first into a union-find, but two groups merge only if most pairs
across them are at least loosely similar, so a round-up article that mentions three events cannot
chain them into one story.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import math
import operator
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from tuireader.core.text.dates import MONTH_ABBREVIATIONS, MONTH_NAMES, RELATIVE_DAYS, WEEKDAY_NAMES
from tuireader.core.text.tokens import HONORIFICS
from tuireader.core.unionfind import UnionFind
from tuireader.model import Analysis, Article, ArticleAnalysis, Entity, Label, Story

LINK_THRESHOLD = 0.16  # cosine similarity (idf-weighted) above which two articles may be linked
MERGE_SUPPORT = 0.5  # two groups merge only if this share of the pairs across them is loosely similar
LOOSE = 0.5  # "loosely similar": this fraction of LINK_THRESHOLD
SAME_DAYS = 2  # published this close: no penalty
DATE_WINDOW = 12  # beyond SAME_DAYS, the link weakens linearly and vanishes after this many more days
LABEL_PARTS = 3

# Weight of each kind of feature: resolved entities and key phrases are the extractors' considered
# output; capitalised words straight from the text are a safety net when extraction misses a name.
_KIND_WEIGHT = {"e": 1.0, "t": 1.0, "n": 0.6}
_ENTITY_LABELS = frozenset({Label.PERSON, Label.ORG, Label.PLACE})

_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ſΑ-ΩА-Я][\w'’-]*[^\W_'’-]"
_CAPITALISED_RUN = re.compile(rf"(?<![\w'’-]){_WORD}(?: {_WORD})*(?![\w'’-])")
# Capitalised words that say nothing about which event an article reports.
_NOT_NAMES = frozenset(
    """
    a an the this that these those it its he she they we i you his her their our my
    and or but if in on at of for to from by with as after before while when where what who how
    president minister mayor governor senator chairman chairwoman chief director officer spokesman
    spokeswoman spokesperson secretary council committee government city state county police
    north south east west northern southern eastern western new said says according
    """.split()
) | frozenset((*HONORIFICS, *WEEKDAY_NAMES, *RELATIVE_DAYS, *MONTH_NAMES, *MONTH_ABBREVIATIONS))


@dataclass(frozen=True, slots=True)
class Grouping:
    """Stories plus how much work finding them took (tests check it is not all pairs)."""

    stories: list[Story]
    comparisons: int  # candidate pairs scored
    links: int  # pairs joined


def group_stories(analysis: Analysis) -> list[Story]:
    return find_stories(analysis).stories


def find_stories(analysis: Analysis) -> Grouping:
    articles = analysis.articles
    n = len(articles)
    if n == 0:
        return Grouping([], 0, 0)
    # One row per (article, feature), features numbered in the order first seen, kept in flat
    # arrays as each article's are found: a dict per article held 52 MB at 10,000 articles.
    number: defaultdict[str, int] = defaultdict(itertools.count().__next__)
    rows = _Rows(array("q"), array("d"), [], [0])
    for article in articles:
        feats = article_features(article, analysis.by_article.get(article.id))
        rows.numbers.extend(map(number.__getitem__, feats))
        rows.weights.extend(map(_first, feats.values()))
        rows.forms.append(tuple(map(_second, feats.values())))
        rows.ends.append(len(rows.numbers))
    feature = np.frombuffer(rows.numbers, dtype=np.int64)
    raw = np.frombuffer(rows.weights, dtype=np.float64)
    owner = np.repeat(np.arange(n, dtype=np.int64), np.diff(rows.ends))
    df = np.bincount(feature, minlength=len(number))
    idf = {f: math.log((n + 1) / count) + 1.0 for f, count in zip(number, df.tolist(), strict=True)}
    weight = raw * np.array(list(idf.values()))[feature]
    norms = np.sqrt(np.bincount(owner, weights=weight * weight, minlength=n))
    norms[norms == 0] = 1.0

    pairs, dots = _candidate_dots(owner, feature, weight, df, n)
    del owner, feature, raw, weight
    left, right = np.divmod(pairs, n)
    days = np.array([_day(a.published) or 0 for a in articles], dtype=np.int64)  # 0: no date
    # dots / (norms[left] * norms[right]) * date factor, computed in place (one pair-long array
    # at a time beside the pairs: 350,000 pairs at 10,000 articles)
    scores = norms[left]
    scores *= norms[right]
    np.divide(dots, scores, out=scores)
    del dots
    scores *= _date_factors(days[left], days[right])
    del left, right
    loose = set(pairs[scores >= LINK_THRESHOLD * LOOSE].tolist())
    strong = np.flatnonzero(scores >= LINK_THRESHOLD)
    # Strongest first; equal scores in the order the pairs were found.
    links = pairs[strong[np.argsort(-scores[strong], kind="stable")]].tolist()

    sets = UnionFind(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    joined = 0
    # Strongest links first; two groups merge only if they are similar on average, so one
    # article that mentions two events (a round-up) cannot chain them together.
    for key in links:
        a, b = (sets.find(x) for x in divmod(key, n))
        if a == b or _support(members[a], members[b], loose, n) < MERGE_SUPPORT:
            continue
        root, other = min(a, b), max(a, b)
        sets.attach(other, root)
        members[root].extend(members.pop(other))
        joined += 1
    groups = sets.groups()
    entities = {e.id: e for e in analysis.entities}
    keys = list(number)
    stories = [_story(articles, rows, keys, members, idf, entities) for members in groups.values()]
    stories.sort(key=lambda s: (-len(s[1]), s[2], s[3]))
    return Grouping([s[0] for s in stories], len(pairs), joined)


# ---------------------------------------------------------------------------------------------
# Features


Features = dict[str, tuple[float, str]]  # key -> (weight before idf, display form)
_first = operator.itemgetter(0)
_second = operator.itemgetter(1)


@dataclass(frozen=True, slots=True)
class _Rows:
    """Every article's features, flat: article i's are rows ``ends[i]`` to ``ends[i + 1]``."""

    numbers: array[int]  # the feature's number (its key is ``keys[number]``)
    weights: array[float]  # weight before idf
    forms: list[tuple[str, ...]]  # per article, each row's display form
    ends: list[int]

    def features(self, i: int, keys: Sequence[str]) -> Features:
        """Article i's features as ``article_features`` gave them."""
        start, end = self.ends[i], self.ends[i + 1]
        found = map(keys.__getitem__, self.numbers[start:end])
        return dict(zip(found, zip(self.weights[start:end], self.forms[i], strict=True), strict=True))


def article_features(article: Article, found: ArticleAnalysis | None) -> Features:
    """Keys are prefixed by kind: e(ntity), t(opic), n(ame). Weights grow with repetition."""
    keys: list[str] = []
    forms: list[str] = []
    if found is not None:
        for mention in found.mentions:
            if mention.label in _ENTITY_LABELS:
                keys.append("e:" + (mention.entity or _fold(mention.text)))
                forms.append(mention.text)
        for topic in found.topics:
            if folded := _fold(topic):
                keys.append("t:" + folded)
                forms.append(topic)
    for name in _names(article):
        # Names are words joined by single spaces: folding them needs no splitting.
        keys.append("n:" + name.casefold().replace("’", "'"))
        forms.append(name)
    shown = dict(zip(reversed(keys), reversed(forms), strict=True))  # each key's first form
    return {key: (_KIND_WEIGHT[key[0]] * (1.0 + math.log(c)), shown[key]) for key, c in Counter(keys).items()}


def _names(article: Article) -> Iterable[str]:
    """Capitalised words that do not open a sentence, and runs of them ("Port Authority").

    Mostly names: cheap, and independent of the entity extractor, so grouping still works where
    it misses a name. One regex match per run of words keeps this fast on a large corpus.
    """
    text = article.text
    openers = {s.start for s in article.sentences}
    for match in _CAPITALISED_RUN.finditer(text):
        words = match.group().split(" ")
        # A sentence's first word (also after an opening quote or bracket) is capitalised anyway.
        back = match.start()
        while back > 0 and text[back - 1] in "\"'“‘(«[":
            back -= 1
        if back in openers or back == 0 or text[back - 1] == "\n":
            words = words[1:]
        run: list[str] = []
        for word in words:
            if word.casefold() in _NOT_NAMES or (word.isupper() and len(word) > 6):
                yield from _run_names(run)
                run = []
            else:
                run.append(word)
        yield from _run_names(run)


def _run_names(run: list[str]) -> Iterable[str]:
    """A run of capitalised words, and its last word ("Angela Ruiz", "Ruiz"): a first name alone
    says little about the event, and it would make candidate generation crowded."""
    if run:
        yield run[-1]
        if len(run) > 1:
            yield " ".join(run)


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split())


def _day(published: str | None) -> int | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# Candidates


def index_cap(n: int) -> int:
    """Features held by more articles than this never generate candidate pairs.

    Nearly constant, so the work grows linearly with the corpus (each feature yields at most
    cap² / 2 pairs); a story bigger than the cap is still joined through its rarer features.
    """
    return 30 + n // 100


Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


PAIRS_AT_ONCE = 1 << 16  # candidate pairs generated in one block: bounds the arrays' memory


def _candidate_dots(owner: Ints, feature: Ints, weight: Floats, df: Ints, n: int) -> tuple[Ints, Floats]:
    """Dot products over rare shared features, for the pairs that share any.

    ``owner``, ``feature`` and ``weight`` are one row per (article, feature), in article order.
    Returns the pairs (key ``i * n + j``, ``i < j``) in the order first found, feature by feature,
    and their dot products; all in arrays, so the work per pair is a few machine operations.
    The pairs are generated a block of first articles at a time (each pair belongs to the block
    of its first article, so no pair is split between blocks): 800,000 pairs at once, with
    repeats, took 57 MB of arrays at 10,000 articles.
    """
    cap = index_cap(n)
    rows = np.flatnonzero((df[feature] >= 2) & (df[feature] <= cap))
    rows = rows[np.argsort(feature[rows], kind="stable")]  # each feature's articles, in article order
    articles, weights, features = owner[rows], weight[rows], feature[rows]
    # Row r pairs with the rows after it that hold the same feature, from position starts[r] on
    # in the order of all pairs.
    after = np.searchsorted(features, features, side="right") - np.arange(len(rows)) - 1
    starts = np.cumsum(after) - after
    per_article = np.cumsum(np.bincount(articles, weights=after, minlength=n))
    blocks = 1 + int(per_article[-1]) // PAIRS_AT_ONCE
    bounds = [0, *np.searchsorted(per_article, np.arange(1, blocks) * PAIRS_AT_ONCE).tolist(), n]
    pieces: list[tuple[Ints, Floats, Ints]] = []
    for low, high in itertools.pairwise(bounds):
        mine = np.flatnonzero((articles >= low) & (articles < high))
        counts = after[mine]
        first = np.repeat(mine, counts)
        step = np.arange(len(first)) - np.repeat(np.cumsum(counts) - counts, counts)  # 0, 1, .. per row
        second = first + 1 + step
        keys = articles[first] * n + articles[second]
        found, found_at, which = np.unique(keys, return_index=True, return_inverse=True)
        sums = np.bincount(which.ravel(), weights=weights[first] * weights[second], minlength=len(found))
        pieces.append((found, sums.astype(float), (starts[first] + step)[found_at]))
    order = np.argsort(np.concatenate([p[2] for p in pieces]), kind="stable")
    pairs: Ints = np.concatenate([p[0] for p in pieces])[order]
    dots: Floats = np.concatenate([p[1] for p in pieces])[order]
    return pairs, dots


def _date_factors(a: Ints, b: Ints) -> Floats:
    """1 for articles published within a couple of days; fading to 0 over ``DATE_WINDOW`` days.
    For arrays of day numbers; 0 is no date (no penalty)."""
    gap = np.abs(a - b) - SAME_DAYS
    fading = np.maximum(0.0, 1.0 - gap / DATE_WINDOW)
    return np.where((a == 0) | (b == 0) | (gap <= 0), 1.0, fading)


def _support(xs: Sequence[int], ys: Sequence[int], loose: Set[int], n: int) -> float:
    """Share of the pairs across two groups that are at least loosely similar (in ``loose``)."""
    close = 0
    for x in xs:
        for y in ys:
            close += (x * n + y if x < y else y * n + x) in loose
    return close / (len(xs) * len(ys))


# ---------------------------------------------------------------------------------------------
# Labels


def _story(
    articles: Sequence[Article],
    rows: _Rows,
    keys: Sequence[str],
    members: list[int],
    idf: Mapping[str, float],
    entities: Mapping[str, Entity],
) -> tuple[Story, list[int], int, int]:
    ids = tuple(articles[i].id for i in members)
    story_id = "story-" + hashlib.blake2b(",".join(sorted(ids)).encode(), digest_size=4).hexdigest()
    dates = [d for d in (_day(articles[i].published) for i in members) if d is not None]
    label = story_label([rows.features(i, keys) for i in members], idf, entities) if len(members) > 1 else ""
    story = Story(id=story_id, label=label or articles[members[0]].title, articles=ids)
    return story, members, min(dates) if dates else 0, members[0]


def story_label(features: Sequence[Features], idf: Mapping[str, float], entities: Mapping[str, Entity]) -> str:
    """The few things most of the story's articles share, the rarest (most telling) first."""
    need = 2 if len(features) > 1 else 1
    shared = {k for k, c in Counter(itertools.chain.from_iterable(features)).items() if c >= need}
    weight = dict.fromkeys(shared, 0.0)
    shown: dict[str, str] = {}
    for feats in features:
        for key in feats.keys() & shared:
            w, form = feats[key]
            weight[key] += w * idf.get(key, 1.0)
            shown.setdefault(key, form)
    ranked = sorted(shared, key=lambda k: (-weight[k], k))
    parts: list[str] = []
    for key in ranked:
        entity = entities.get(key[2:]) if key.startswith("e:") else None
        name = entity.name if entity is not None else shown[key]
        folded = _fold(name)
        # "Angela Ruiz" replaces an earlier "Ruiz"; a later "Ruiz" adds nothing to "Angela Ruiz".
        if any(folded in _fold(p) for p in parts):
            continue
        longer = [i for i, p in enumerate(parts) if _fold(p) in folded]
        if longer:
            parts[longer[0]] = name
            continue
        parts.append(name)
        if len(parts) == LABEL_PARTS:
            break
    return " · ".join(parts)
