"""Key phrases per article and for the corpus.

Method: TF-IDF where the "document frequency" is general English usage. A phrase scores by how often
the article uses it times how unusual its words are in English at large (wordfreq's Zipf
frequencies, which ship offline in the package), so "walkout" and "wage offer" rise and
"said", "week" sink. Candidates are runs of one to three content words (lower-case, "of" allowed
inside: "freedom of movement"); proper names are left to the entity view (a word counts as a name
when the article never writes it in lower case). Variants fold on Porter2 stems, so "wage talks"
and "wage talk" are one phrase.

YAKE was measured first: ~30 ms per 600-word article (30 s per 1,000 articles) and its top phrases
on news were mostly names ("President Donald"), so it is not used.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from tuireader.core.text.common_words import COMMON_WORDS
from tuireader.core.text.tokens import HONORIFICS
from tuireader.model import Article, ArticleAnalysis

TOPICS_PER_ARTICLE = 6
CORPUS_TOPICS = 8

_SEGMENT = re.compile(r"[^.!?;:,()\[\]“”\"‘’'—–\n]+(?:['’][a-z]+[^.!?;:,()\[\]“”\"‘’'—–\n]*)*")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_INSIDE = frozenset({"of"})
_JUNK = frozenset(
    """
    said says say told tell added adds according also would could should might must will can may one two three
    four five six seven eight nine ten first second third last next new time times year years day days week weeks
    month months million billion thousand hundred percent people thing things lot way part made make makes making
    including include includes
    called call calls spoke speaking wrote writes statement statements reporters report reports reported news
    """.split()
) | frozenset(HONORIFICS)  # calendar words are among COMMON_WORDS


_VERB_CONTEXT = re.compile(
    r"\b(?:will|would|could|should|can|cannot|might|must|did|does|do|not|n't|to)\s+(?:[a-z]+ly\s+)?([a-z]+)\b"
)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from tuireader.core.entities.rules import ROLE_NOUNS

    return COMMON_WORDS | _JUNK | ROLE_NOUNS


def _verbs(text: str) -> set[str]:
    """Words the article uses as verbs ("could impose", "will start"): poor topics on their own or at an edge."""
    found = {m.group(1) for m in _VERB_CONTEXT.finditer(text)}
    return {w for w in found if not w.endswith(("s", "tion", "ment", "ness", "ity"))}


@lru_cache(maxsize=65536)
def _specificity(word: str) -> float:
    """How unusual ``word`` is in English: 0 for "the" (Zipf 7.7), ~4 for "walkout" (Zipf 3.3)."""
    from wordfreq import zipf_frequency

    zipf = zipf_frequency(word, "en", wordlist="small")
    if zipf == 0:
        zipf = 2.5  # unknown to wordfreq: rare, but often a typo or a name fragment
    return max(0.0, 7.0 - zipf)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    stem: str = _stemmer().stemWord(word)
    return stem


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def _candidates(text: str, names: set[str]) -> tuple[Counter[tuple[str, ...]], dict[tuple[str, ...], Counter[str]]]:
    """Counts of stem-keyed phrases and the surface forms seen for each."""
    stop = _stopwords()
    verbs = _verbs(text)
    counts: Counter[tuple[str, ...]] = Counter()
    surfaces: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for segment in _SEGMENT.finditer(text):
        words = [w.group().lower().replace("’", "'") for w in _WORD.finditer(segment.group())]
        usable = [len(w) > 2 and w not in stop and w not in names and w.isascii() and "'" not in w for w in words]
        for i, word in enumerate(words):
            if not usable[i] or word in verbs or word.endswith("ed"):
                continue
            for n in range(1, 4):
                j = i + n - 1
                if j >= len(words):
                    break
                if not usable[j]:
                    if words[j] in _INSIDE and n < 3:
                        continue  # "freedom of movement": "of" inside, never at an end
                    break
                phrase = words[i : j + 1]
                if words[j] in verbs:
                    break
                key = tuple(_stem(w) for w in phrase if w not in _INSIDE)
                counts[key] += 1
                surfaces[key][" ".join(phrase)] += 1
    return counts, surfaces


def _names(text: str) -> set[str]:
    """Capitalised words the text never writes in lower case: names, not topics."""
    lower: set[str] = set()
    capital: set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group()
        (capital if word[0].isupper() else lower).add(word.lower())
    return capital - lower


def extract_topics(article: Article) -> tuple[str, ...]:
    """A handful of lower-case key phrases for one article, best first."""
    text = article.text
    if not text.strip():
        return ()
    names = _names(f"{article.title}\n{text}")
    counts, surfaces = _candidates(text, names)
    in_title = set(_candidates(article.title, names)[0]) if article.title else set()
    score_of: dict[tuple[str, ...], float] = {}
    for key, count in counts.items():
        surface = surfaces[key].most_common(1)[0][0]
        words = [w for w in surface.split() if w not in _INSIDE]
        specificity = sum(_specificity(w) for w in words) / len(words)
        if specificity < 1.0:
            continue
        score = (1 + math.log(count)) * specificity * (1.0 + 0.35 * (len(words) - 1))
        if len(words) > 1 and count < 2:
            score *= 0.5  # a one-off phrase is rarely what the article is about
        if key in in_title:
            score *= 1.3  # the headline says what the story is about
        score_of[key] = score
    # A phrase that carries most uses of its words ("irrigation funds") stands in for them.
    for key in [k for k in score_of if len(k) > 1 and counts[k] >= 2]:
        for word in key:
            single = (word,)
            if single in score_of and counts[key] >= 0.6 * counts[single]:
                score_of[key] = max(score_of[key], score_of[single] * 1.05)
                score_of[single] *= 0.5
    scored = sorted(((v, k) for k, v in score_of.items()), key=lambda item: (-item[0], item[1]))
    chosen: list[tuple[str, ...]] = []
    # First phrases that share no word with a better one (variety), then the rest that are not variants.
    for distinct in (True, False):
        for _, key in scored:
            if len(chosen) == TOPICS_PER_ARTICLE:
                break
            if key in chosen or any(_overlaps(key, other, counts) for other in chosen):
                continue
            if distinct and any(set(key) & set(other) for other in chosen):
                continue
            chosen.append(key)
    return tuple(surfaces[key].most_common(1)[0][0] for key in chosen)


def _overlaps(key: tuple[str, ...], other: tuple[str, ...], counts: Counter[tuple[str, ...]]) -> bool:
    """Same stems, or one phrase inside the other without being used much on its own."""
    if key == other or set(key) == set(other):
        return True
    small, big = (key, other) if len(key) < len(other) else (other, key)
    inside = any(big[i : i + len(small)] == small for i in range(len(big) - len(small) + 1))
    return inside and counts[small] < 2 * counts[big] + 1


def corpus_topics(analyses: Sequence[ArticleAnalysis]) -> list[str]:
    """Phrases ranked by how many articles have them, weighted by their rank in each article."""
    score: dict[tuple[str, ...], float] = defaultdict(float)
    forms: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for analysis in analyses:
        for rank, phrase in enumerate(analysis.topics):
            key = tuple(sorted(_stem(w) for w in phrase.split() if w not in _INSIDE))
            score[key] += 1.0 / (1.0 + 0.25 * rank)
            forms[key][phrase] += 1
    ranked = sorted(score, key=lambda k: (-score[k], k))
    out: list[str] = []
    chosen: list[tuple[str, ...]] = []
    for key in ranked:
        if any(set(key) <= set(other) or set(other) <= set(key) for other in chosen if len(key) != len(other)):
            continue
        chosen.append(key)
        out.append(forms[key].most_common(1)[0][0])
        if len(out) == CORPUS_TOPICS:
            break
    return out
