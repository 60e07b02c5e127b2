"""The same person quoted with different words in two reports of one fact."""

from __future__ import annotations

import itertools
import re

from rapidfuzz import fuzz

from tuireader.core.text.lexicon import WORD_RE, content_lemmas, fold, is_content, lemma
from tuireader.model import Analysis, Article, Quote, Span

Pair = tuple[tuple[int, int], tuple[int, int]]
QUOTED_RE = re.compile(r"“([^”]{8,})”|\"([^\"]{8,})\"|‘([^’]{12,})’")
SAME_UTTERANCE = 0.34  # share of content lemmas two quotes need to be versions of one utterance
SAME_SPEAKER = 0.2  # ... when both are attributed to the same person in one fact
IDENTICAL = 97.0  # rapidfuzz ratio of the folded words above which two quotes say the same


def _words(text: str) -> list[str]:
    return [fold(w) for w in WORD_RE.findall(text)]


def _is_part(short: list[str], long_: list[str]) -> bool:
    """``short`` occurs as a contiguous run in ``long_`` (a partial quotation is not a misquotation)."""
    if len(short) > len(long_):
        return False
    n = len(short)
    return any(long_[k : k + n] == short for k in range(len(long_) - n + 1))


def _phrases(text: str) -> set[tuple[str, str]]:
    """Pairs of consecutive words (as lemmas) holding at least one content word: "be decisive", "great day"."""
    words = WORD_RE.findall(text)
    return {(lemma(x), lemma(y)) for x, y in itertools.pairwise(words) if is_content(x) or is_content(y)}


def words_differ(a: str, b: str, overlap: float = SAME_UTTERANCE) -> bool:
    """Are two quotations of one utterance worded differently (beyond case, punctuation, truncation)?"""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    if _is_part(wa, wb) or _is_part(wb, wa):
        return False
    la, lb = set(content_lemmas(a)), set(content_lemmas(b))
    if not la or not lb:
        return False
    if len(la & lb) / min(len(la), len(lb)) < overlap or not (_phrases(a) & _phrases(b)):
        return False  # different things said, not one thing quoted two ways
    return fuzz.ratio(" ".join(wa), " ".join(wb)) < IDENTICAL


Passage = tuple[int, int, str | None]  # start, end, speaker entity id if known


def _passages(analysis: Analysis, article: Article, span: Span) -> list[Passage]:
    """Quotations in a sentence: the extractor's (with speakers), plus quoted text it did not report."""
    found = analysis.by_article.get(article.id)
    quotes: list[Quote] = list(found.quotes) if found is not None else []
    out: list[Passage] = [
        (q.start, q.end, q.speaker) for q in quotes if not q.scare and q.start < span.end and span.start < q.end
    ]
    for m in QUOTED_RE.finditer(article.text, span.start, span.end):
        group = next(g for g in range(1, 4) if m.group(g) is not None)
        a, b = m.start(group), m.end(group)
        if not any(s < b and a < e for s, e, _ in out):
            out.append((a, b, None))
    return out


def quote_conflicts(analysis: Analysis, art_a: Article, sa: Span, art_b: Article, sb: Span) -> list[Pair]:
    """Quotations in the two sentences by the same speaker whose words differ meaningfully.

    When a speaker is unknown on one side (the extractor missed the quote), the two passages must
    share more of their words to count as one utterance quoted two ways.
    """
    out = []
    for a0, a1, speaker_a in _passages(analysis, art_a, sa):
        for b0, b1, speaker_b in _passages(analysis, art_b, sb):
            if speaker_a and speaker_b and speaker_a != speaker_b:
                continue
            overlap = SAME_SPEAKER if speaker_a and speaker_b else SAME_UTTERANCE
            # Clip quotes spanning several sentences to the sentence pair being compared.
            x0, x1 = max(a0, sa.start), min(a1, sa.end)
            y0, y1 = max(b0, sb.start), min(b1, sb.end)
            if x0 < x1 and y0 < y1 and words_differ(art_a.text[x0:x1], art_b.text[y0:y1], overlap):
                out.append(((x0, x1), (y0, y1)))
    return out
