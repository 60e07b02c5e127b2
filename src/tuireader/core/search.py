"""Search over articles: titles, sources, people, organisations, places, topics and the text.

The index is built once per analysis; each query is a few ``rapidfuzz.process.extract`` calls
(C loops) over the candidate strings a bigram prefilter leaves, so typing stays fast with
10,000 articles. Entity names are indexed with all their aliases and surface forms, so any
spelling of a name finds every article that mentions that person, however it spells them.

Query syntax (fzf-like): words are ANDed; ``p:`` person, ``o:`` organisation, ``l:`` place,
``t:`` topic, ``s:`` source, ``h:`` headline restrict the word (or "quoted phrase") after them.
A quoted topic filter (``t:"trade talks"``, what the people & topics panel writes) matches that
topic exactly; otherwise a word matches a topic only as a whole word of it (fuzzy matching made
"sanctions" find the topic "conversation").

The article text is searched through a ``TextIndex`` handed in (a real full-text index lives
outside the pure core: ``store.fulltext``). Ranking: a whole-word match in a headline, name,
topic or source first (105), then fuzzy matches there (75-100), then matches in the text
(50-70, by the index's relevance); each result keeps why it matched, down to the matching sentence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, overload

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from tuireader.core.source_names import source_labels
from tuireader.core.text.tokens import phrase_words
from tuireader.model import Analysis, Article, Label


class Field(StrEnum):
    TITLE = "title"
    PERSON = "person"
    ORG = "org"
    PLACE = "place"
    TOPIC = "topic"
    SOURCE = "source"
    TEXT = "text"  # the article's text, through a TextIndex


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
_FIELDS = list(Field)
WHOLE_WORD_BONUS = 5.0  # a whole-word match outranks any fuzzy one (which tops out at 100)
TEXT_BASE, TEXT_SPAN = 50.0, 20.0  # text matches score 50..70: below every field match (cutoffs >= 75)
_WORD_RE = re.compile(r"\w+")
_NONE: NDArray[np.int64] = np.zeros(0, dtype=np.int64)
TERMS_KEPT = 16  # words whose matches are kept for the next queries (3 arrays of 10,000 each)
_TOKEN_RE = re.compile(r'(?:\b([a-zA-Z]):)?(?:"([^"]*)"?|(\S+))')


class TextIndex(Protocol):
    """A full-text index over the articles' text, by position in the article list."""

    def match(self, phrase: str) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
        """(article positions, relevance 0..1) of the articles whose text holds ``phrase``."""
        ...


@dataclass(frozen=True, slots=True)
class FieldMatch:
    """Where a query word matched: the string, its field and score.

    The matched character positions are worked out only when asked for, i.e. for the rows on
    screen, not for every one of thousands of results per keystroke. A match in the text is
    the matching sentence, ``start`` its offset in the article and ``found`` its matched letters.
    """

    field: Field
    text: str
    word: str
    score: float
    start: int | None = None
    found: tuple[int, ...] | None = None

    @property
    def positions(self) -> tuple[int, ...]:
        return self.found if self.found is not None else match_positions(self.word, self.text)


@dataclass(frozen=True, slots=True)
class SearchResult:
    article: str
    score: float
    matches: tuple[FieldMatch, ...]  # the best match for each query word

    @property
    def text_match(self) -> FieldMatch | None:
        """The match in the article's text, if a word matched there (for the snippet and Enter)."""
        return next((m for m in self.matches if m.field is Field.TEXT), None)

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
    quoted: bool = False  # written in double quotes: a phrase (and, after t:, the whole topic)


def parse_query(query: str) -> list[Term]:
    """Split a query into ANDed words. A known ``x:`` prefix applies to the one word after it;
    double quotes keep a phrase together (``p:"ana ruiz"``)."""
    terms: list[Term] = []
    for match in _TOKEN_RE.finditer(query):
        prefix, phrase, word = match.group(1), match.group(2), match.group(3)
        field = PREFIXES.get(prefix.lower()) if prefix else None
        if prefix and field is None:
            word = f"{prefix}:{word if phrase is None else phrase}"
            phrase = None
        text = " ".join((phrase if phrase is not None else word or "").lower().split())
        if text:
            terms.append(Term(field, text, phrase is not None))
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
        owners = [sorted(strings[t]) for t in self.texts]
        # Owners in CSR form: the articles of string i are owner_ids[owner_ptr[i]:owner_ptr[i + 1]].
        self.owner_ptr: NDArray[np.int64] = np.zeros(len(owners) + 1, dtype=np.int64)
        self.owner_ptr[1:] = np.cumsum([len(o) for o in owners])
        self.owner_ids: NDArray[np.int64] = np.fromiter(
            (a for o in owners for a in o), dtype=np.int64, count=int(self.owner_ptr[-1])
        )
        postings: dict[str, list[int]] = defaultdict(list)
        for i, key in enumerate(self.keys):
            for gram in _bigrams(key):
                postings[gram].append(i)
        self.postings: dict[str, NDArray[np.int32]] = {g: np.asarray(v, dtype=np.int32) for g, v in postings.items()}
        # The strings each word of them occurs in (ascending): whether a query word occurs as a
        # whole word is then one look-up, not a regex over every string that contains it.
        words: dict[str, list[int]] = defaultdict(list)
        for i, key in enumerate(self.keys):
            for token in dict.fromkeys(_WORD_RE.findall(key)):
                words[token].append(i)
        self.words: dict[str, NDArray[np.int64]] = {w: np.asarray(v, dtype=np.int64) for w, v in words.items()}

    def whole_word(self, word: str, strings: NDArray[np.int64]) -> NDArray[np.bool_]:
        """For each of ``strings`` (indices): does ``word`` occur in it as a whole word?

        A word of word characters only occurs whole exactly where it is one of the string's
        maximal runs of word characters, i.e. one of its ``words``; anything else (a quoted
        phrase, "o'", "u.s.") is tested with the regex.
        """
        if _WORD_RE.fullmatch(word):
            return np.isin(strings, self.words.get(word, _NONE))
        whole = _whole_word(word)
        return np.fromiter((whole.search(self.keys[i]) is not None for i in strings.tolist()), bool, len(strings))

    def candidates(self, word: str, cutoff: float) -> NDArray[np.int64] | None:
        """Indices of strings that can reach ``cutoff`` (None: all of them): the q-gram lemma.

        A window within ``cutoff`` of ``word`` differs by at most ``k`` edits, and each edit
        destroys at most two of the word's bigrams, so it shares at least ``|grams| - 2k``.
        """
        grams = _bigrams(word)
        edits = int(len(word) * (100.0 - cutoff) / 100.0) + 1
        need = len(grams) - 2 * edits
        if need <= 0:
            return None
        arrays = [self.postings[g] for g in grams if g in self.postings]
        if not arrays:
            return np.zeros(0, dtype=np.int64)
        counts = np.bincount(np.concatenate(arrays), minlength=len(self.keys))
        return np.flatnonzero(counts >= need)

    def match(self, word: str, *, mode: str = "fuzzy") -> tuple[NDArray[np.int64], NDArray[np.float64]]:
        """(string indices, scores) of every string that matches ``word`` well enough.

        ``mode``: "fuzzy" (typos allowed; whole words score higher), "words" (``word`` is a whole
        word or words of the string), "exact" (the whole string, ignoring case).
        """
        if mode != "fuzzy":
            if mode == "exact":
                found = np.asarray([i for i, key in enumerate(self.keys) if key == word], dtype=np.int64)
            elif _WORD_RE.fullmatch(word):
                found = self.words.get(word, _NONE)
            else:  # a plain substring test first (C speed), the word-boundary test on those only
                found = np.asarray([i for i, key in enumerate(self.keys) if word in key], dtype=np.int64)
                found = found[self.whole_word(word, found)]
            return found, np.full(len(found), 100.0 + WHOLE_WORD_BONUS)
        cutoff = _cutoff(word)
        if cutoff >= 100.0:
            # Exact substrings only (short words): a plain ``in`` test is that, without rapidfuzz.
            exact = np.asarray([i for i, key in enumerate(self.keys) if word in key], dtype=np.int64)
            return exact, np.where(self.whole_word(word, exact), 100.0 + WHOLE_WORD_BONUS, 100.0)
        idx = self.candidates(word, cutoff)
        if idx is None:
            idx = np.arange(len(self.keys), dtype=np.int64)
            choices = self.keys
        elif not len(idx):
            return idx, np.zeros(0)
        else:
            choices = [self.keys[i] for i in idx.tolist()]
        scores = process.cdist([word], choices, scorer=fuzz.partial_ratio, score_cutoff=cutoff, dtype=np.float32)[0]
        hit = scores >= cutoff
        found, found_scores = idx[hit], scores[hit].astype(np.float64)
        full = np.flatnonzero(found_scores >= 100.0)
        found_scores[full[self.whole_word(word, found[full])]] += WHOLE_WORD_BONUS
        return found, found_scores

    def expand(self, strings: NDArray[np.int64], scores: NDArray[np.float64]) -> tuple[NDArray[np.int64], ...]:
        """(article, string, score) rows for every owner of the matched strings, best score last."""
        order = np.argsort(scores, kind="stable")
        strings, scores = strings[order], scores[order]
        starts, ends = self.owner_ptr[strings], self.owner_ptr[strings + 1]
        counts = ends - starts
        total = int(counts.sum())
        # Positions into owner_ids for all ranges at once: each range's start, plus 0..count-1.
        offsets = np.repeat(starts - np.cumsum(counts) + counts, counts) + np.arange(total)
        return self.owner_ids[offsets], np.repeat(strings, counts), np.repeat(scores, counts)


def _whole_word(word: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)")


def text_positions(phrase: str, text: str) -> tuple[int, ...]:
    """Letters of ``text`` that a full-text match of ``phrase`` covers: its words in order, the
    last one as the start of a word (as the full-text index matches it). Empty when absent."""
    words = phrase_words(phrase)
    if not words:
        return ()
    pattern = r"(?<!\w)" + r"\W+".join(re.escape(w) for w in words)
    found = re.search(pattern, text, re.IGNORECASE)
    if found is None:
        return ()
    return tuple(p for p in range(found.start(), found.end()) if text[p].isalnum())


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


_Arrays = tuple[NDArray[np.float64], NDArray[np.int64], NDArray[np.int64]]


class SearchIndex:
    """Build once from articles (and their analysis, when it is ready); query many times."""

    def __init__(
        self, articles: Sequence[Article], analysis: Analysis | None = None, text: TextIndex | None = None
    ) -> None:
        """``text``: a full-text index over the same articles, in the same order (None: no text search)."""
        self.articles = list(articles)
        self.text = text
        # Each word's per-article arrays, kept for the next queries: typing a second word does not
        # match the first one again (the arrays are never written to after they are made).
        self._terms: dict[Term, _Arrays] = {}
        position = {a.id: i for i, a in enumerate(self.articles)}
        fields: dict[Field, dict[str, set[int]]] = {f: defaultdict(set) for f in Field}
        labels = source_labels(self.articles)
        for i, article in enumerate(self.articles):
            fields[Field.TITLE][article.title].add(i)
            # An article with no source is found by the label every view calls it ("#3 Harbour plan").
            fields[Field.SOURCE][article.source or labels[article.id]].add(i)
        if analysis is not None:
            _index_analysis(analysis, position, fields)
        self._fields: dict[Field, _FieldIndex] = {
            f: _FieldIndex(strings) for f, strings in fields.items() if f is not Field.TEXT
        }

    def __len__(self) -> int:
        return len(self.articles)

    def field_text(self, field: Field, string: int) -> str:
        return self._fields[field].texts[string]

    def text_match(self, article: int, word: str, score: float) -> FieldMatch:
        """The first sentence of article ``article`` (a position) that holds ``word``."""
        item = self.articles[article]
        spans = item.sentences or item.paragraphs
        for span in spans:
            sentence = span.slice(item.text)
            found = text_positions(word, sentence)
            if found:
                return FieldMatch(Field.TEXT, sentence, word, score, span.start, found)
        found = text_positions(word, item.text)  # across a sentence boundary, or no sentences
        start = found[0] if found else 0
        line = item.text[start : start + 200]
        return FieldMatch(Field.TEXT, line, word, score, start, tuple(p - start for p in found if p - start < 200))

    def search(self, query: str, *, cancelled: Callable[[], bool] | None = None) -> Sequence[SearchResult]:
        """Articles matching every word of ``query``, best first; all articles for an empty query."""
        terms = parse_query(query)
        if not terms:
            return [SearchResult(a.id, 0.0, ()) for a in self.articles]
        n = len(self.articles)
        total = np.zeros(n)
        found = np.ones(n, dtype=bool)
        per_term: list[tuple[NDArray[np.float64], NDArray[np.int64], NDArray[np.int64]]] = []
        for term in terms:
            if cancelled is not None and cancelled():
                return ()
            arrays = self._terms.get(term)
            if arrays is None:
                arrays = self._match_term(term)
                if len(self._terms) >= TERMS_KEPT:
                    self._terms.clear()
                self._terms[term] = arrays
            score, field, string = arrays
            found &= score >= 0
            if not found.any():
                return ()
            total += score
            per_term.append((score, field, string))
        hits = np.flatnonzero(found)
        best_rank = np.min(np.stack([f[hits] for _, f, _ in per_term]), axis=0)
        # Best score first; on a tie, a match in the headline before one in a name or topic; then corpus order.
        order = hits[np.lexsort((hits, best_rank, -total[hits]))]
        return SearchResults(self, terms, order, total / len(terms), per_term)

    def _match_term(self, term: Term) -> tuple[NDArray[np.float64], NDArray[np.int64], NDArray[np.int64]]:
        """Per article: best score (-1 when no match), the field (rank) and the string it matched."""
        n = len(self.articles)
        best = np.full(n, -1.0)
        best_field = np.zeros(n, dtype=np.int64)
        best_string = np.zeros(n, dtype=np.int64)
        fields = (term.field,) if term.field else tuple(Field)
        for field in fields:  # in rank order: an equal score in a later field does not replace
            if field is Field.TEXT:
                self._match_text(term.word, best, best_field, best_string)
                continue
            index = self._fields[field]
            mode = "fuzzy"
            if field is Field.TOPIC:
                mode = "exact" if term.field is Field.TOPIC and term.quoted else "words"
            strings, scores = index.match(term.word, mode=mode)
            if not len(strings):
                continue
            articles, owner_strings, owner_scores = index.expand(strings, scores)
            here = np.full(n, -1.0)
            here_string = np.zeros(n, dtype=np.int64)
            here[articles] = owner_scores  # sorted ascending, so each article keeps its best
            here_string[articles] = owner_strings
            better = here > best
            best[better] = here[better]
            best_field[better] = _FIELD_RANK[field]
            best_string[better] = here_string[better]
        return best, best_field, best_string

    def _match_text(
        self, word: str, best: NDArray[np.float64], best_field: NDArray[np.int64], best_string: NDArray[np.int64]
    ) -> None:
        if self.text is None:
            return
        articles, relevance = self.text.match(word)
        if not len(articles):
            return
        here = np.full(len(self.articles), -1.0)
        here[articles] = TEXT_BASE + TEXT_SPAN * relevance
        better = here > best
        best[better] = here[better]
        best_field[better] = _FIELD_RANK[Field.TEXT]
        best_string[better] = -1


class SearchResults(Sequence[SearchResult]):
    """Ranked results, built one by one on demand: a list of 10,000 results costs nothing until shown."""

    def __init__(
        self,
        index: SearchIndex,
        terms: list[Term],
        order: NDArray[np.int64],
        scores: NDArray[np.float64],
        per_term: list[_Arrays],
    ) -> None:
        self._index = index
        self._terms = terms
        self._order = order.tolist()
        self._scores = scores
        self._per_term = per_term
        self.article_ids: list[str] = [index.articles[i].id for i in self._order]

    def __len__(self) -> int:
        return len(self._order)

    @overload
    def __getitem__(self, i: int) -> SearchResult: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[SearchResult]: ...

    def __getitem__(self, i: int | slice) -> SearchResult | Sequence[SearchResult]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        a = self._order[i]
        matches = []
        for term, (sc, f, st) in zip(self._terms, self._per_term, strict=True):
            field = _FIELDS[int(f[a])]
            if field is Field.TEXT:
                matches.append(self._index.text_match(a, term.word, float(sc[a])))
            else:
                matches.append(FieldMatch(field, self._index.field_text(field, int(st[a])), term.word, float(sc[a])))
        return SearchResult(self.article_ids[i], float(self._scores[a]), tuple(matches))


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
