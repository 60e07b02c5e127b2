"""The same person quoted with different words in two reports of one fact."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from tuireader.core.lexicon import WORD_RE, content_lemmas, fold
from tuireader.core.models import Analysis, Article, Quote, Span

Pair = tuple[tuple[int, int], tuple[int, int]]
QUOTED_RE = re.compile(r"“([^”]{8,})”|\"([^\"]{8,})\"|‘([^’]{12,})’")
SAME_UTTERANCE = 0.34  # share of content lemmas two quotes need to be versions of one utterance
IDENTICAL = 97.0  # rapidfuzz ratio of the folded words above which two quotes say the same


def _words(text: str) -> list[str]:
    return [fold(w) for w in WORD_RE.findall(text)]


def _is_part(short: list[str], long_: list[str]) -> bool:
    """``short`` occurs as a contiguous run in ``long_`` (a partial quotation is not a misquotation)."""
    if len(short) > len(long_):
        return False
    n = len(short)
    return any(long_[k : k + n] == short for k in range(len(long_) - n + 1))


def words_differ(a: str, b: str) -> bool:
    """Are two quotations of one utterance worded differently (beyond case, punctuation, truncation)?"""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    if _is_part(wa, wb) or _is_part(wb, wa):
        return False
    la, lb = set(content_lemmas(a)), set(content_lemmas(b))
    if not la or not lb:
        return False
    if len(la & lb) / min(len(la), len(lb)) < SAME_UTTERANCE:
        return False  # different things said, not one thing quoted two ways
    return fuzz.ratio(" ".join(wa), " ".join(wb)) < IDENTICAL


def _quotes_in(analysis: Analysis, article: Article, span: Span) -> list[Quote] | None:
    found = analysis.by_article.get(article.id)
    if found is None or not found.quotes:
        return None
    return [q for q in found.quotes if not q.scare and q.start < span.end and span.start < q.end]


def _regex_quotes(article: Article, span: Span) -> list[tuple[int, int]]:
    out = []
    for m in QUOTED_RE.finditer(article.text, span.start, span.end):
        group = next(g for g in range(1, 4) if m.group(g) is not None)
        out.append((m.start(group), m.end(group)))
    return out


def quote_conflicts(analysis: Analysis, art_a: Article, sa: Span, art_b: Article, sb: Span) -> list[Pair]:
    """Quotations in the two sentences by the same speaker whose words differ meaningfully.

    Without quote extraction for an article, quoted passages of the two sentences are compared
    directly: a passage of one utterance quoted two ways is worth a look whoever said it.
    """
    qa, qb = _quotes_in(analysis, art_a, sa), _quotes_in(analysis, art_b, sb)
    pairs: list[Pair] = []
    if qa is not None and qb is not None:
        pairs = [
            ((x.start, x.end), (y.start, y.end))
            for x in qa
            for y in qb
            if x.speaker and x.speaker == y.speaker
        ]
    else:
        pairs = [(x, y) for x in _regex_quotes(art_a, sa) for y in _regex_quotes(art_b, sb)]
    out = []
    for (a0, a1), (b0, b1) in pairs:
        # Clip quotes spanning several sentences to the sentence pair being compared.
        a0, a1 = max(a0, sa.start), min(a1, sa.end)
        b0, b1 = max(b0, sb.start), min(b1, sb.end)
        if a0 < a1 and b0 < b1 and words_differ(art_a.text[a0:a1], art_b.text[b0:b1]):
            out.append(((a0, a1), (b0, b1)))
    return out
