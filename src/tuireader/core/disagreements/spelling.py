"""Names spelled differently for the same person, place or organisation in two reports of one fact.

With resolved entities, two mentions of one entity are compared after removing what is not a
spelling difference (titles, possessives, initials' dots, a missing first name). Without them (or
for names the resolver kept apart) runs of capitalised words are compared: near-identical but
unequal words, when the other sentence does not also use the first spelling, are variant spellings.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from tuireader.core.disagreements.memo import SentenceMemo
from tuireader.core.text.dates import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES
from tuireader.core.text.lexicon import STOPWORDS, fold
from tuireader.core.text.tokens import HONORIFICS, WORD_RE
from tuireader.model import Analysis, Article, Label, Mention, Span

Pair = tuple[tuple[int, int], tuple[int, int]]
Word = tuple[int, int, str]  # start, end, comparable form

TITLES = frozenset(
    """
    president vice prime minister secretary chancellor senator sen rep representative governor gov mayor
    king queen prince princess pope sir dame lord lady mx prof professor general gen colonel col
    captain capt judge justice chief press spokesman spokeswoman spokesperson deputy foreign
    defence defense interior treasury state house speaker leader ambassador envoy aide premier
    """.split()
) | frozenset(HONORIFICS)
CALENDAR = frozenset((*MONTH_NAMES, *MONTH_ABBREVIATIONS, *WEEKDAY_NAMES))
NAMED = {Label.PERSON, Label.ORG, Label.PLACE}
CAPITAL_RE = re.compile(r"\b[A-Z][\w’'.-]*\w")
# Endings that make a different word from a name, not a different spelling of it ("Chile" / "Chilean",
# "Democrats" / "Democratic", "Example.com" / "Example").
DERIVED_ENDINGS = frozenset(
    ("", "n", "an", "ian", "ns", "ese", "s", "i", "ish", "ic", "ans", "ians", "com", "ity", "ism", "ist", "man")
)
SIMILAR = 80.0  # rapidfuzz ratio above which two different words read as one name misspelt
# A party and state label before a state ("R-Ohio", "D-Vt."): the state, not a spelling of it.
PARTY_PREFIX_RE = re.compile(r"^[rdi]-(?=[a-z]{2})")
ABBREVIATION = 3  # a word this short that begins the other is an abbreviation of it ("Wis" / "Wisc")


def _derived(a: str, b: str) -> bool:
    """Two words made from one stem by different endings, or one an abbreviation of the other
    (or the same word hyphenated in one house style and not in another: "Wal-Mart" / "Walmart")."""
    if a.replace("-", "") == b.replace("-", ""):
        return True
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    if k < 3:
        return False
    rest_a, rest_b = a[k:], b[k:]
    if rest_a in DERIVED_ENDINGS and rest_b in DERIVED_ENDINGS:
        return True
    return not (rest_a and rest_b) and min(len(a), len(b)) <= ABBREVIATION


def _words(article: Article, start: int, end: int) -> list[Word]:
    return list(_span_words(article.text, start, end))


def _span_words(text: str, start: int, end: int) -> tuple[Word, ...]:
    """Comparable words of a name: no titles, month or day names, possessives or initials' dots."""
    out = []
    for m in WORD_RE.finditer(text, start, end):
        word = PARTY_PREFIX_RE.sub("", fold(m.group()).replace(".", ""))
        w_end = m.end()
        if m.group().lower().endswith(("'s", "’s")):
            w_end -= 2
        if word and word not in TITLES and word not in CALENDAR:
            out.append((m.start(), w_end, word))
    return tuple(out)


def _text_words(form: str) -> list[Word]:
    return list(_form_words(form))


@lru_cache(maxsize=16384)
def _form_words(form: str) -> tuple[Word, ...]:
    """The comparable words of one name form (short strings, asked for again and again)."""
    return _span_words(form, 0, len(form))


def _differing(words_a: list[Word], words_b: list[Word]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The spans of the misspelt parts of two forms of one name, or None if they agree."""
    forms_a, forms_b = {w[2] for w in words_a}, {w[2] for w in words_b}
    rest_a = [w for w in words_a if w[2] not in forms_b]
    rest_b = [w for w in words_b if w[2] not in forms_a]
    hits = [(x, y) for x in rest_a for y in rest_b if fuzz.ratio(x[2], y[2]) >= SIMILAR and not _derived(x[2], y[2])]
    if not hits:
        return None
    used_a = [x for x, _ in hits]
    used_b = [y for _, y in hits]
    return (
        (min(w[0] for w in used_a), max(w[1] for w in used_a)),
        (min(w[0] for w in used_b), max(w[1] for w in used_b)),
    )


def spelling_differs(form_a: str, form_b: str) -> bool:
    """True when two forms of one name differ in spelling, not merely in title or completeness.

    "Katrin Mathews" / "Catrin Matthews" differ; "Ruiz" / "Ana Ruiz", "JR Okafor" /
    "J.R. Okafor" and "Ruiz's" / "Ruiz" do not.
    """
    return _differing(_text_words(form_a), _text_words(form_b)) is not None


def _named_by_sentence(analysis: Analysis, article: Article) -> dict[int, list[Mention]]:
    """The article's resolved named mentions, by sentence index."""
    found = analysis.by_article.get(article.id)
    index: dict[int, list[Mention]] = {}
    for m in found.mentions if found is not None else ():
        if m.entity and m.label in NAMED:
            k = article.sentence_at(m.start)
            if k is not None:
                index.setdefault(k, []).append(m)
    return index


def _mentions_in(analysis: Analysis, article: Article, span: Span, memo: SentenceMemo) -> list[Mention]:
    """Named mentions in a sentence, from a per-article index (facts compare the same articles often)."""
    index = memo.per_article("named", article, lambda: _named_by_sentence(analysis, article))
    k = article.sentence_at(span.start)
    return [m for m in index.get(k, []) if span.start <= m.start < span.end] if k is not None else []


def _chunks(article: Article, span: Span, memo: SentenceMemo) -> list[list[Word]]:
    """Runs of capitalised words ("Catrin Matthews", "Pyotr Tchaikovskyy"): the names of a sentence."""
    found = memo.once("chunks", article, span, lambda: _text_chunks(article.text, span.start, span.end))
    return [list(c) for c in found]


def _text_chunks(text: str, start: int, end: int) -> tuple[tuple[Word, ...], ...]:
    article = Article(id="", path="", title="", source="", text=text)
    span = Span(start, end)
    out: list[list[Word]] = []
    current: list[Word] = []
    last_end = -10
    for m in CAPITAL_RE.finditer(article.text, span.start, span.end):
        if current and article.text[last_end : m.start()] != " ":
            out.append(current)
            current = []
        current.extend(_words(article, m.start(), m.end()))
        last_end = m.end()
    if current:
        out.append(current)
    chunks = [tuple(w for w in chunk if len(w[2]) >= 2 and w[2] not in STOPWORDS) for chunk in out]
    return tuple(c for c in chunks if c)


def name_conflicts(
    analysis: Analysis, art_a: Article, sa: Span, art_b: Article, sb: Span, memo: SentenceMemo | None = None
) -> list[Pair]:
    """Spans of differently spelt names of one thing in sentence ``sa`` of A and ``sb`` of B."""
    memo = memo or SentenceMemo()
    pairs: list[tuple[list[Word], list[Word]]] = []
    for x in _mentions_in(analysis, art_a, sa, memo):
        for y in _mentions_in(analysis, art_b, sb, memo):
            if x.entity == y.entity and x.text != y.text:
                pairs.append((_words(art_a, x.start, x.end), _words(art_b, y.start, y.end)))
    chunks_a, chunks_b = _chunks(art_a, sa, memo), _chunks(art_b, sb, memo)
    all_a = {w[2] for c in chunks_a for w in c}
    all_b = {w[2] for c in chunks_b for w in c}
    # A variant only counts when the other sentence does not also use the first spelling somewhere.
    only_a, only_b = all_a - all_b, all_b - all_a
    similar = {(x, y) for x in only_a for y in only_b if fuzz.ratio(x, y, score_cutoff=SIMILAR)}
    if similar:
        firsts = {x for x, _ in similar}
        seconds = {y for _, y in similar}
        pairs.extend(
            ([w for w in ca if w[2] not in all_b], [w for w in cb if w[2] not in all_a])
            for ca in chunks_a
            if any(w[2] in firsts for w in ca)
            for cb in chunks_b
            if any(w[2] in seconds for w in cb)
        )
    out: list[Pair] = []
    for words_a, words_b in pairs:
        spans = _differing(words_a, words_b)
        if spans is not None and spans not in out:
            out.append(spans)
    return out
