"""The same person quoted with different words in two reports of one fact."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz import fuzz

from tuireader.core.text.lexicon import content_lemmas, fold, is_content, lemma, plain
from tuireader.core.text.tokens import WORD_RE
from tuireader.model import Analysis, Article, Quote, Span

Pair = tuple[tuple[int, int], tuple[int, int]]
QUOTED_RE = re.compile(r"“([^”\n]{8,})”|\"([^\"\n]{8,})\"|‘([^’\n]{12,})’")
SAME_UTTERANCE = 0.34  # share of content lemmas two quotes need to be versions of one utterance
SAME_SPEAKER = 0.2  # ... when both are attributed to the same person in one fact
SPEAKER_COVERAGE = 0.4  # ... when both are attributed to the same person
COVERAGE = 0.6  # share of the shorter quotation two must quote alike (in runs of two words or more)
FACT_COVERAGE = 0.3  # the same, for two quotations in sentences reporting one fact
IDENTICAL = 99.5  # rapidfuzz ratio of the folded words above which two quotes say the same


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
CENSORED_RE = re.compile(r"[^\W_]+(?:\*+[^\W_]*|['’.\-][^\W_]+)*")  # words, also "f***ing"
INSERTION_RE = re.compile(r"\[[^\]]*\]|\([^)]*\)")  # the reporter's words inside a quotation
ELLIPSIS_RE = re.compile(r"\.\s?\.\s?\.|…")
FRAGMENT = 4  # a quotation this short is a fragment worked into the reporter's sentence
EDGE_WORDS = 4  # a different opening or ending longer than this is another sentence, not a rewording
MIN_RUN = 4  # words in a row two quotations must share to be one utterance when the speaker is not known


def _quoted_words(text: str) -> list[str]:
    """The speaker's words: without the reporter's [insertions] and (glosses); an ellipsis is a gap."""
    return list(_quoted_words_of(text))


@lru_cache(maxsize=8192)
def _quoted_words_of(text: str) -> tuple[str, ...]:
    """Quotations are compared pairwise across a story; each is read once."""
    text = ELLIPSIS_RE.sub(f" {GAP} ", INSERTION_RE.sub(f" {GAP} ", text)).replace("&", " and ")
    out: list[str] = []
    for part in text.split(GAP):
        if out and out[-1] != GAP:
            out.append(GAP)
        out.extend(plain(w.lower()).replace("’", "'").replace(".", "") for w in CENSORED_RE.findall(part))
    while out and out[-1] == GAP:
        out.pop()
    return tuple(out)


def _longest_run(wa: list[str], wb: list[str]) -> int:
    blocks = SequenceMatcher(None, wa, wb, autojunk=False).get_matching_blocks()
    return max((size for _, _, size in blocks), default=0)


def _censored(x: str, y: str) -> bool:
    """Is one word the other with letters starred out ("f***ing" / "fucking")?"""
    star, plain_ = (x, y) if "*" in x else (y, x)
    if "*" not in star:
        return False
    return re.fullmatch(re.escape(star).replace(r"\*", "."), plain_) is not None


def _abbreviated(x: str, y: str) -> bool:
    short, long_ = sorted((x, y), key=len)
    return 2 <= len(short) <= 4 and len(long_) > len(short) and long_.startswith(short)


def _joined(words: list[str]) -> str:
    return "".join(words).replace("-", "").replace("'", "")


def _passage_anchors(ops: Sequence[tuple[str, int, int, int, int]], words: Sequence[str]) -> list[int]:
    """Runs both versions share that place one passage over the other: three words or more, or two
    holding a content word ("harbour" alone, or "of the", may be shared by two different sentences)."""
    return [
        k
        for k, (tag, i1, i2, _, _) in enumerate(ops)
        if tag == "equal" and (i2 - i1 >= 3 or (i2 - i1 == 2 and any(is_content(w) for w in words[i1:i2])))
    ]


def _house_style(xa: Sequence[str], xb: Sequence[str]) -> bool:
    """Is a difference only of spelling: a word censored ("f***"), hyphens and apostrophes
    ("tough-on-crime", "e-mail"), abbreviations ("Sen." / "Senator")?"""
    if len(xa) == len(xb) and all(_censored(x, y) for x, y in zip(xa, xb, strict=True)):
        return True
    if _joined(list(xa)) == _joined(list(xb)):
        return True
    return len(xa) == len(xb) and all(_abbreviated(x, y) for x, y in zip(xa, xb, strict=True))


def _sentences_left_out(words: Sequence[str], raw: str) -> bool:
    """Are ``words``, quoted by one version only, whole sentences of the other (``raw``)? Then the
    first version left them out without an ellipsis; any other long stretch of words is another passage."""
    if not raw or not words:
        return False
    text = plain(raw.lower()).replace("’", "'")
    m = re.search(r"\W+".join(re.escape(w) for w in words), text)
    if m is None:
        return False
    before, after = text[: m.start()].rstrip(), text[m.end() :].lstrip()
    whole = (not before or before[-1] in ".!?") and (not after or after[0] in ".!?")
    return whole or re.search(r"[.!?]\s", m.group()) is not None


def _outside(ops: Sequence[tuple[str, int, int, int, int]], outward: Sequence[int], fragment: bool) -> list[int] | None:
    """The differences counted beyond the stretch both quote, reading the ops ``outward`` from it.

    The outermost op, when it is one version going on alone, is partial quotation; a different
    opening or ending of a few words is a rewording. Versions that part ways there with longer
    stretches of words (None) quote two passages, and nothing on that side counts."""
    counted: list[int] = []
    for n, k in enumerate(outward):
        tag, i1, i2, j1, j2 = ops[k]
        if tag == "equal":
            continue
        outer = n == len(outward) - 1
        if outer and tag != "replace":
            continue  # one version starts later or stops earlier
        if max(i2 - i1, j2 - j1) > EDGE_WORDS and not (outer and fragment and min(i2 - i1, j2 - j1) == 1):
            return None
        counted.append(k)
    return counted


SHARED_WORDS = 4  # words two versions quote alike, unless that is half the shorter


Op = tuple[str, int, int, int, int]


def _differing(wa: list[str], wb: list[str], raw_a: str = "", raw_b: str = "") -> list[Op]:
    """Where two versions of one quotation differ in their words, in reading order (see ``reworded``)."""
    ops = SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes()
    anchors = _passage_anchors(ops, wa)
    if not anchors:
        return []
    shared = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal" and GAP not in wa[i1:i2])
    shorter = min(len([w for w in wa if w != GAP]), len([w for w in wb if w != GAP]))
    if shared < SHARED_WORDS and 2 * shared < shorter:
        return []  # "we need to" in two different sentences
    first, last = anchors[0], anchors[-1]
    fragment = min(len(wa), len(wb)) <= FRAGMENT
    found: list[int] = []
    for k in range(first, last + 1):
        tag, i1, i2, j1, j2 = ops[k]
        if tag == "equal":
            continue
        if max(i2 - i1, j2 - j1) > EDGE_WORDS:
            if GAP in wa[max(0, i1 - 2) : i2 + 2] or GAP in wb[max(0, j1 - 2) : j2 + 2]:
                continue  # the words an ellipsis stands for, lined up by chance on one word ("… I")
            # Whole sentences left out silently are a difference; any other long stretch of words
            # means two passages with a few words in common, not one quoted two ways.
            left_out = (tag == "delete" and _sentences_left_out(wa[i1:i2], raw_a)) or (
                tag == "insert" and _sentences_left_out(wb[j1:j2], raw_b)
            )
            if not left_out:
                return []
        found.append(k)
    for side in (_outside(ops, range(first - 1, -1, -1), fragment), _outside(ops, range(last + 1, len(ops)), fragment)):
        found.extend(side or [])
    out: list[Op] = []
    for k in sorted(found):
        tag, i1, i2, j1, j2 = ops[k]
        if GAP in wa[max(0, i1 - 1) : i2 + 1] or GAP in wb[max(0, j1 - 1) : j2 + 1]:
            continue  # words left out on purpose
        if not _house_style(wa[i1:i2], wb[j1:j2]):
            out.append(ops[k])
    return out


def reworded(wa: list[str], wb: list[str], raw_a: str = "", raw_b: str = "") -> bool:
    """Do two versions of one quotation differ in their words where both quote the speaker?

    One version quoting less of the utterance (it starts later or stops earlier) is partial
    quotation, not a difference; an ellipsis or a bracketed insertion stands for words left out.
    A word added, dropped or changed inside the stretch both quote, or a different opening or
    ending on both sides, is a difference; so are whole sentences left out silently (``raw_a`` and
    ``raw_b``, the quotations as written, tell sentences). Two passages sharing a few words are not
    versions of one: a long stretch of other words inside, or too few words shared.
    """
    return bool(_differing(wa, wb, raw_a, raw_b))


# Words that open a new clause: stopping before one is stopping at a pause, not mid-phrase.
CLAUSE_OPENERS = frozenset(
    "and but or nor so yet because although though while whereas which who whom whose when where if unless "
    "as since until after before then".split()
)
CUT_MIN = 6  # words a quotation cut short must have (shorter ones are fragments quoted in passing)
_CLOSING_RE = re.compile(r"[,.;:!?…]+\W*$")


def cut_short(a: str, b: str) -> bool:
    """Is one quotation the other stopped mid-phrase yet punctuated as finished?

    "... though the world today is neither," against "... though the world today is neither
    peaceful nor stable." quotes the sentence as if it ended where it does not; "We will rebuild
    every house" against "We will rebuild every house, and ..." stops where the speaker paused.
    """
    short, long_ = sorted((a, b), key=lambda t: len(_quoted_words(t)))
    ws, wl = _quoted_words(short), _quoted_words(long_)
    if GAP in ws or GAP in wl or len(ws) < CUT_MIN or len(ws) >= len(wl) or not _CLOSING_RE.search(short):
        return False
    if not short.lstrip(" \"'“‘")[:1].isupper():
        return False  # a fragment worked into the reporter's sentence, not a sentence quoted whole
    n = len(ws)
    at = next((k for k in range(len(wl) - n + 1) if wl[k : k + n] == ws), None)
    if at is None or at + n >= len(wl):
        return False
    # Where the short version stops, the long one goes on without a pause (no punctuation).
    words = list(CENSORED_RE.finditer(long_))
    if len(words) != len(wl):
        return False
    gap = long_[words[at + n - 1].end() : words[at + n].start()]
    return gap.strip() == "" and wl[at + n] not in CLAUSE_OPENERS


def difference(a: str, b: str, context: int = 2) -> tuple[str, str] | None:
    """The first place two versions of a quotation differ, with a few words either side:
    ("admit that i'm a", "admit i'm a"). Cut short: the short one's last words and the long one's going on."""
    wa, wb = list(_quoted_words(a)), list(_quoted_words(b))
    differing = _differing(wa, wb, a, b)
    if differing:
        _, i1, i2, j1, j2 = differing[0]
        return (
            " ".join(wa[max(0, i1 - context) : i2 + context]),
            " ".join(wb[max(0, j1 - context) : j2 + context]),
        )
    short, long_ = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    at = next((k for k in range(len(long_) - len(short) + 1) if long_[k : k + len(short)] == short), None)
    if at is None:
        return None
    end = at + len(short)
    shown = (" ".join(short[-context - 1 :]), " ".join(long_[max(0, end - context - 1) : end + context]))
    return shown if short is wa else (shown[1], shown[0])


def words_differ(a: str, b: str, overlap: float = SAME_UTTERANCE, min_run: int = 0) -> bool:
    """Are two quotations of one utterance worded differently (beyond case, punctuation, truncation)?

    ``min_run``: words in a row they must share to count as one utterance (when the speaker is unknown)."""
    wa, wb = _quoted_words(a), _quoted_words(b)
    plain_a, plain_b = [w for w in wa if w != GAP], [w for w in wb if w != GAP]
    if not plain_a or not plain_b or plain_a == plain_b:
        return False
    if _is_part(plain_a, plain_b) or _is_part(plain_b, plain_a):
        return cut_short(a, b)
    la, lb = set(content_lemmas(a)), set(content_lemmas(b))
    if not la or not lb:
        return False
    if len(la & lb) / min(len(la), len(lb)) < overlap or not (_phrases(a) & _phrases(b)):
        return False  # different things said, not one thing quoted two ways
    if min_run and _longest_run(plain_a, plain_b) < min_run:
        return False
    if fuzz.ratio(" ".join(plain_a), " ".join(plain_b)) >= IDENTICAL:
        return False
    return reworded(list(wa), list(wb), a, b)


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
            if x0 >= x1 or y0 >= y1:
                continue
            quote_a, quote_b = art_a.text[x0:x1], art_b.text[y0:y1]
            plain_a = [w for w in _quoted_words(quote_a) if w != GAP]
            plain_b = [w for w in _quoted_words(quote_b) if w != GAP]
            if _coverage(plain_a, plain_b) < FACT_COVERAGE:
                continue  # two things the speaker said, sharing a few words
            if words_differ(quote_a, quote_b, overlap, min_run):
                out.append(((x0, x1), (y0, y1)))
    return out


Value = tuple[str, int, int]  # article id, start, end
LONG_RUN = 6  # words in a row two quotations with no known speaker must share, across a story
RUN = 3  # word n-grams used to find quotations sharing words across a story


def _coverage(wa: list[str], wb: list[str]) -> float:
    blocks = SequenceMatcher(None, wa, wb, autojunk=False).get_matching_blocks()
    return sum(size for _, _, size in blocks if size >= 2) / max(1, min(len(wa), len(wb)))


def _article_passages(analysis: Analysis, article: Article) -> list[Passage]:
    return passages(analysis, article, Span(0, len(article.text)))


def ledger_conflicts(analysis: Analysis, articles: Sequence[Article]) -> list[tuple[Value, Value]]:
    """Quotations of one utterance worded differently by different articles of a story, wherever
    they stand (the quote ledger: sentences need not be aligned).

    Candidates share a run of ``RUN`` words, so the work follows the quotations that overlap, not
    the square of their number. The same person must be quoted (when both speakers are known);
    with a speaker unknown the two must share ``MIN_RUN`` words in a row. Passages of one article
    are never compared with each other: two parts of one document are not one quotation.
    """
    items: list[tuple[str, int, int, str | None, list[str]]] = []
    for article in articles:
        for start, end, speaker in _article_passages(analysis, article):
            words = [w for w in _quoted_words(article.text[start:end]) if w != GAP]
            if len(words) >= RUN:
                items.append((article.id, start, end, speaker, words))
    index: dict[tuple[str, ...], list[int]] = {}
    for n, item in enumerate(items):
        words = item[4]
        for gram in {tuple(words[k : k + RUN]) for k in range(len(words) - RUN + 1)}:
            index.setdefault(gram, []).append(n)
    pairs: set[tuple[int, int]] = set()
    for hits in index.values():
        if len(hits) > 2 * len(articles):
            continue  # a stock phrase ("the united states"), not evidence of one utterance
        pairs.update((x, y) for x in hits for y in hits if x < y and items[x][0] != items[y][0])
    texts = {a.id: a.text for a in articles}
    out: list[tuple[Value, Value]] = []
    for x, y in sorted(pairs):
        art_a, a0, a1, sp_a, _ = items[x]
        art_b, b0, b1, sp_b, _ = items[y]
        if sp_a and sp_b and sp_a != sp_b:
            continue
        known = bool(sp_a and sp_b)
        quote_a, quote_b = texts[art_a][a0:a1], texts[art_b][b0:b1]
        if _coverage(items[x][4], items[y][4]) < (SPEAKER_COVERAGE if known else COVERAGE):
            continue  # a few shared words in two different passages
        if words_differ(quote_a, quote_b, SAME_SPEAKER if known else SAME_UTTERANCE, MIN_RUN if known else LONG_RUN):
            out.append(((art_a, a0, a1), (art_b, b0, b1)))
    return out
