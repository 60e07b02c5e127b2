"""The same person quoted with different words in two reports of one fact."""

from __future__ import annotations

import itertools
import re
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from tuireader.core.lexicon import WORD_RE, content_lemmas, fold, is_content, lemma
from tuireader.core.models import Analysis, Article, Quote, Span

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


GAP = "…"
CENSORED_RE = re.compile(r"[^\W_]+(?:[*'’.\-][^\W_]*)*\**")  # words, also "f***ing"
INSERTION_RE = re.compile(r"\[[^\]]*\]|\([^)]*\)")  # the reporter's words inside a quotation
ELLIPSIS_RE = re.compile(r"\.\s?\.\s?\.|…")
EDGE_WORDS = 4  # a different opening or ending longer than this is another sentence, not a rewording
MIN_RUN = 4  # words in a row two quotations must share to be one utterance when the speaker is not known


def _quoted_words(text: str) -> list[str]:
    """The speaker's words: without the reporter's [insertions] and (glosses); an ellipsis is a gap."""
    text = ELLIPSIS_RE.sub(f" {GAP} ", INSERTION_RE.sub(f" {GAP} ", text))
    out: list[str] = []
    for part in text.split(GAP):
        if out and out[-1] != GAP:
            out.append(GAP)
        out.extend(fold(w).replace(".", "") for w in CENSORED_RE.findall(part))
    while out and out[-1] == GAP:
        out.pop()
    return out


def _longest_run(wa: list[str], wb: list[str]) -> int:
    blocks = SequenceMatcher(None, wa, wb, autojunk=False).get_matching_blocks()
    return max((size for _, _, size in blocks), default=0)


def _censored(x: str, y: str) -> bool:
    """Is one word the other with letters starred out ("f***ing" / "fucking")?"""
    star, plain_ = (x, y) if "*" in x else (y, x)
    if "*" not in star:
        return False
    return re.fullmatch(re.escape(star).replace(r"\*", "."), plain_) is not None


def reworded(wa: list[str], wb: list[str]) -> bool:
    """Do two versions of one quotation differ in their words where both quote the speaker?

    One version quoting less of the utterance (it starts later or stops earlier) is partial
    quotation, not a difference; an ellipsis or a bracketed insertion stands for words left out.
    A word added, dropped or changed inside the stretch both quote, or a different opening or
    ending on both sides, is a difference.
    """
    ops = SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes()
    equal = [k for k, op in enumerate(ops) if op[0] == "equal"]
    if not equal:
        return False
    first, last = equal[0], equal[-1]
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            continue
        if GAP in wa[max(0, i1 - 1) : i2 + 1] or GAP in wb[max(0, j1 - 1) : j2 + 1]:
            continue  # words left out on purpose
        if (k < first or k > last) and (tag != "replace" or max(i2 - i1, j2 - j1) > EDGE_WORDS):
            continue  # one version starts later or stops earlier (or the rest is another sentence)
        if i2 - i1 == j2 - j1 and all(_censored(x, y) for x, y in zip(wa[i1:i2], wb[j1:j2], strict=True)):
            continue  # a word spelt out in one and censored ("f***") in the other
        return True
    return False


def words_differ(a: str, b: str, overlap: float = SAME_UTTERANCE, min_run: int = 0) -> bool:
    """Are two quotations of one utterance worded differently (beyond case, punctuation, truncation)?

    ``min_run``: words in a row they must share to count as one utterance (when the speaker is unknown)."""
    wa, wb = _quoted_words(a), _quoted_words(b)
    plain_a, plain_b = [w for w in wa if w != GAP], [w for w in wb if w != GAP]
    if not plain_a or not plain_b:
        return False
    if _is_part(plain_a, plain_b) or _is_part(plain_b, plain_a):
        return False
    la, lb = set(content_lemmas(a)), set(content_lemmas(b))
    if not la or not lb:
        return False
    if len(la & lb) / min(len(la), len(lb)) < overlap or not (_phrases(a) & _phrases(b)):
        return False  # different things said, not one thing quoted two ways
    if min_run and _longest_run(plain_a, plain_b) < min_run:
        return False
    if fuzz.ratio(" ".join(plain_a), " ".join(plain_b)) >= IDENTICAL:
        return False
    return reworded(wa, wb)


Passage = tuple[int, int, str | None]  # start, end, speaker entity id if known


def passages(analysis: Analysis, article: Article, span: Span) -> list[Passage]:
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
    for a0, a1, speaker_a in passages(analysis, art_a, sa):
        for b0, b1, speaker_b in passages(analysis, art_b, sb):
            if speaker_a and speaker_b and speaker_a != speaker_b:
                continue
            known = bool(speaker_a and speaker_b)
            overlap = SAME_SPEAKER if known else SAME_UTTERANCE
            # Clip quotes spanning several sentences to the sentence pair being compared.
            x0, x1 = max(a0, sa.start), min(a1, sa.end)
            y0, y1 = max(b0, sb.start), min(b1, sb.end)
            min_run = 0 if known else MIN_RUN
            if x0 < x1 and y0 < y1 and words_differ(art_a.text[x0:x1], art_b.text[y0:y1], overlap, min_run):
                out.append(((x0, x1), (y0, y1)))
    return out
