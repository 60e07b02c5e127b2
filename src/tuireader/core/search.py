"""Fuzzy filter over articles: titles, sources, people, organisations, places and topics.

The index is built once per analysis; each query is a few ``rapidfuzz.process.extract`` calls
(C loops) over the candidate strings a bigram prefilter leaves, so typing stays fast with
10,000 articles. Entity names are indexed with all their aliases and surface forms, so any
spelling of a name finds every article that mentions that person, however it spells them.

Query syntax (fzf-like): words are ANDed; ``p:`` person, ``o:`` organisation, ``l:`` place,
``t:`` topic, ``s:`` source, ``h:`` headline restrict the word (or "quoted phrase") after them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from tuireader.core.models import Analysis, Article, Label


class Field(StrEnum):
    TITLE = "title"
    PERSON = "person"
    ORG = "org"
    PLACE = "place"
    TOPIC = "topic"
    SOURCE = "source"


PREFIXES: dict[str, Field] = {
    "h": Field.TITLE,
    "p": Field.PERSON,
    "o": Field.ORG,
    "l": Field.PLACE,
    "t": Field.TOPIC,
    "s": Field.SOURCE,
}
_LABEL_FIELD = {Label.PERSON: Field.PERSON, Label.ORG: Field.ORG, Label.PLACE: Field.PLACE}
# When scores tie, a match in the headline is the most telling.
_FIELD_RANK = {f: i for i, f in enumerate(Field)}
_TOKEN_RE = re.compile(r'(?:\b([a-zA-Z]):)?(?:"([^"]*)"?|(\S+))')


@dataclass(frozen=True, slots=True)
class FieldMatch:
    """Where a query word matched: the string, its field, and the matched character positions."""

    field: Field
    text: str
    positions: tuple[int, ...]
    score: float


@dataclass(frozen=True, slots=True)
class SearchResult:
    article: str
    score: float
    matches: tuple[FieldMatch, ...]  # the best match for each query word

    @property
    def title_positions(self) -> tuple[int, ...]:
        """Matched characters of the headline, for highlighting it (empty when it did not match)."""
        found: set[int] = set()
        for m in self.matches:
            if m.field is Field.TITLE:
                found.update(m.positions)
        return tuple(sorted(found))


@dataclass(frozen=True, slots=True)
class Term:
    field: Field | None  # None: any field
    word: str


def parse_query(query: str) -> list[Term]:
    """Split a query into ANDed words. A known ``x:`` prefix applies to the one word after it;
    double quotes keep a phrase together (``p:"karoline leavitt"``)."""
    terms: list[Term] = []
    for match in _TOKEN_RE.finditer(query):
        prefix, phrase, word = match.group(1), match.group(2), match.group(3)
        field = PREFIXES.get(prefix.lower()) if prefix else None
        if prefix and field is None:
            word = f"{prefix}:{word if phrase is None else phrase}"
            phrase = None
        text = " ".join((phrase if phrase is not None else word or "").lower().split())
        if text:
            terms.append(Term(field, text))
    return terms


def _cutoff(word: str) -> float:
    """Similarity needed: exact substrings for very short words, about one typo per six letters."""
    n = len(word)
    if n <= 3:
        return 100.0
    if n <= 6:
        return 80.0
    return 75.0


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


class _FieldIndex:
    """Distinct strings of one field, the articles each belongs to, and a bigram prefilter."""

    def __init__(self, strings: dict[str, set[int]]) -> None:
        self.texts: list[str] = list(strings)
        self.keys: list[str] = [t.lower() for t in self.texts]
        self.owners: list[tuple[int, ...]] = [tuple(sorted(strings[t])) for t in self.texts]
        postings: dict[str, list[int]] = defaultdict(list)
        for i, key in enumerate(self.keys):
            for gram in _bigrams(key):
                postings[gram].append(i)
        self.postings: dict[str, NDArray[np.int32]] = {g: np.asarray(v, dtype=np.int32) for g, v in postings.items()}

    def candidates(self, word: str, cutoff: float) -> list[int]:
        """Indices of strings that can reach ``cutoff``: q-gram lemma, vectorised with numpy.

        A window within ``cutoff`` of ``word`` differs by at most ``k`` edits, and each edit
        destroys at most two of the word's bigrams, so it shares at least ``|grams| - 2k``.
        """
        grams = _bigrams(word)
        if not grams:
            return list(range(len(self.keys)))
        edits = int(len(word) * (100.0 - cutoff) / 100.0) + 1
        need = len(grams) - 2 * edits
        if need <= 0:
            return list(range(len(self.keys)))
        arrays = [self.postings[g] for g in grams if g in self.postings]
        if not arrays:
            return []
        counts = np.bincount(np.concatenate(arrays), minlength=len(self.keys))
        return [int(i) for i in np.flatnonzero(counts >= need)]

    def match(self, word: str) -> list[tuple[int, float]]:
        """(string index, score) for every string that matches ``word`` well enough."""
        cutoff = _cutoff(word)
        idx = self.candidates(word, cutoff)
        if not idx:
            return []
        choices = [self.keys[i] for i in idx]
        found = process.extract(word, choices, scorer=fuzz.partial_ratio, score_cutoff=cutoff, limit=None)
        return [(idx[j], float(score)) for _, score, j in found]


def match_positions(word: str, text: str) -> tuple[int, ...]:
    """Characters of ``text`` that the fuzzy match of ``word`` lines up with (fzf-style highlight)."""
    key = text.lower()
    if len(key) != len(text) or not word:
        return ()
    exact = key.find(word)
    if exact >= 0:
        return tuple(range(exact, exact + len(word)))
    align = fuzz.partial_ratio_alignment(word, key)
    if align is None:
        return ()
    start, end = align.dest_start, align.dest_end
    window = key[start:end]
    positions: list[int] = []
    for op in Indel.opcodes(word, window):
        if op.tag == "equal":
            positions.extend(range(start + op.dest_start, start + op.dest_end))
    return tuple(p for p in positions if not text[p].isspace())


class SearchIndex:
    """Build once from articles (and their analysis, when it is ready); query many times."""

    def __init__(self, articles: Sequence[Article], analysis: Analysis | None = None) -> None:
        self.articles = list(articles)
        position = {a.id: i for i, a in enumerate(self.articles)}
        fields: dict[Field, dict[str, set[int]]] = {f: defaultdict(set) for f in Field}
        for i, article in enumerate(self.articles):
            fields[Field.TITLE][article.title].add(i)
            if article.source:
                fields[Field.SOURCE][article.source].add(i)
        if analysis is not None:
            _index_analysis(analysis, position, fields)
        self._fields = {f: _FieldIndex(strings) for f, strings in fields.items()}

    def __len__(self) -> int:
        return len(self.articles)

    def search(self, query: str, *, cancelled: Callable[[], bool] | None = None) -> list[SearchResult]:
        """Articles matching every word of ``query``, best first; all articles for an empty query."""
        terms = parse_query(query)
        if not terms:
            return [SearchResult(a.id, 0.0, ()) for a in self.articles]
        total: dict[int, float] = {}
        best: list[dict[int, FieldMatch]] = []
        for n, term in enumerate(terms):
            if cancelled is not None and cancelled():
                return []
            found = self._match_term(term)
            if n == 0:
                total = {i: m.score for i, m in found.items()}
            else:
                total = {i: s + found[i].score for i, s in total.items() if i in found}
            best.append(found)
            if not total:
                return []
        results = [
            SearchResult(self.articles[i].id, score / len(terms), tuple(b[i] for b in best))
            for i, score in total.items()
        ]
        results.sort(key=lambda r: (-r.score, min(_FIELD_RANK[m.field] for m in r.matches)))
        return results

    def _match_term(self, term: Term) -> dict[int, FieldMatch]:
        fields: Iterable[Field] = (term.field,) if term.field else Field
        hits: dict[int, tuple[float, Field, int]] = {}
        for field in fields:
            index = self._fields[field]
            for string, score in index.match(term.word):
                rank = (score, -_FIELD_RANK[field])
                for article in index.owners[string]:
                    old = hits.get(article)
                    if old is None or rank > (old[0], -_FIELD_RANK[old[1]]):
                        hits[article] = (score, field, string)
        out: dict[int, FieldMatch] = {}
        for article, (score, field, string) in hits.items():
            text = self._fields[field].texts[string]
            out[article] = FieldMatch(field, text, match_positions(term.word, text), score)
        return out


def _index_analysis(analysis: Analysis, position: dict[str, int], fields: dict[Field, dict[str, set[int]]]) -> None:
    """Entity names, aliases and surface forms, and topics, each pointing at its articles."""
    for entity in analysis.entities:
        field = _LABEL_FIELD.get(entity.label)
        if field is None:
            continue
        owners = {position[a] for a in entity.forms if a in position}
        names = {entity.name, *entity.aliases}
        for forms in entity.forms.values():
            names.update(forms)
        for name in names:
            if name:
                fields[field][name].update(owners)
    by_id = {e.id: e for e in analysis.entities}
    for article_id, result in analysis.by_article.items():
        i = position.get(article_id)
        if i is None:
            continue
        for mention in result.mentions:
            field = _LABEL_FIELD.get(mention.label)
            if field is None:
                continue
            fields[field][mention.text].add(i)
            owner = by_id.get(mention.entity)
            if owner is not None:
                # An entity whose ``forms`` miss this article still reaches it through its mentions.
                fields[field][owner.name].add(i)
        for topic in result.topics:
            fields[Field.TOPIC][topic].add(i)
