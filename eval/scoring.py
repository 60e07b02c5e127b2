"""Small pure helpers shared by the corpus scorers: counts, spans, offset maps, anchors, names."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Frag = tuple[int, int]  # a half-open character span [start, end)

QUOTE_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "‘": "'", "’": "'", "‚": "'", "‛": "'"})

PRONOUNS = frozenset(
    "i me my we us our you he him his she her they them their it its one this that these those who "
    "himself herself themselves itself which whom whose".split()
)


# ---------------------------------------------------------------------------------------------
# Counts


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int | None]:
    """Precision, recall and F1 from true positives and the two totals."""
    p = ratio(tp, n_pred)
    r = ratio(tp, n_gold)
    f = 2 * p * r / (p + r) if p is not None and r is not None and p + r > 0 else (0.0 if p is not None else None)
    return {"tp": tp, "pred": n_pred, "gold": n_gold, "p": p, "r": r, "f1": f}


# ---------------------------------------------------------------------------------------------
# Spans


def overlap(a: Frag, b: Frag) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def covered(frags: Sequence[Frag], by: Iterable[Frag]) -> int:
    """Characters of ``frags`` covered by the union of ``by`` (fragments do not overlap)."""
    marks: set[int] = set()
    spans = list(by)
    for s, e in frags:
        for bs, be in spans:
            lo, hi = max(s, bs), min(e, be)
            if lo < hi:
                marks.update(range(lo, hi))
    return len(marks)


def length(frags: Sequence[Frag]) -> int:
    return sum(e - s for s, e in frags)


# ---------------------------------------------------------------------------------------------
# Offsets: raw corpus text -> the tool's normalised text


def offset_map(raw: str, norm: str) -> list[int | None]:
    """For each index of ``raw``, the index of the same character in ``norm`` (None: not there).

    The tool's normalisation folds whitespace, may drop a headline, and applies NFC; non-space
    characters otherwise survive in order. They are matched as one run when ``norm``'s
    non-space characters occur verbatim in ``raw``'s, else by longest common blocks.
    """
    raw_idx = [i for i, c in enumerate(raw) if not c.isspace()]
    norm_idx = [i for i, c in enumerate(norm) if not c.isspace()]
    raw_s = "".join(_fold_char(raw[i]) for i in raw_idx)
    norm_s = "".join(_fold_char(norm[i]) for i in norm_idx)
    out: list[int | None] = [None] * (len(raw) + 1)
    at = raw_s.find(norm_s) if norm_s else -1
    if at >= 0:
        for k, j in enumerate(norm_idx):
            out[raw_idx[at + k]] = j
    else:
        import difflib

        matcher = difflib.SequenceMatcher(None, raw_s, norm_s, autojunk=False)
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                out[raw_idx[block.a + k]] = norm_idx[block.b + k]
    return out


def _fold_char(c: str) -> str:
    folded = unicodedata.normalize("NFC", c)
    return folded[0] if len(folded) == 1 else c


def map_span(start: int, end: int, mapping: Sequence[int | None]) -> Frag | None:
    """A raw span in normalised offsets: its first and last characters that survived."""
    first = next((mapping[i] for i in range(start, min(end, len(mapping))) if mapping[i] is not None), None)
    last = next((mapping[i] for i in range(min(end, len(mapping)) - 1, start - 1, -1) if mapping[i] is not None), None)
    if first is None or last is None or last < first:
        return None
    return (first, last + 1)


# ---------------------------------------------------------------------------------------------
# Anchors: verbatim gold substrings located in the tool's text


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` with whitespace runs as one space and curly quotes straight; and for each folded
    character the index of the original character it came from."""
    out: list[str] = []
    where: list[int] = []
    in_space = False
    for i, c in enumerate(text):
        if c.isspace():
            if not in_space and out:
                out.append(" ")
                where.append(i)
            in_space = True
            continue
        in_space = False
        out.append(c.translate(QUOTE_FOLD))
        where.append(i)
    if out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


class AnchorError(Exception):
    """A gold anchor that is not in the article (or not once): an error in the gold."""


@dataclass(slots=True)
class Folded:
    """An article text prepared for anchor look-ups."""

    text: str
    folded: str
    where: list[int]

    @classmethod
    def of(cls, text: str) -> Folded:
        folded, where = fold(text)
        return cls(text, folded, where)

    def find(self, anchor: str, nth: int | None = None) -> Frag:
        """The original-text span of ``anchor``; ``AnchorError`` when missing or ambiguous."""
        needle, _ = fold(anchor)
        if not needle:
            raise AnchorError("empty anchor")
        hits: list[int] = []
        at = self.folded.find(needle)
        while at >= 0:
            hits.append(at)
            at = self.folded.find(needle, at + 1)
        if not hits:
            raise AnchorError(f"anchor not found: {anchor!r}")
        if nth is None and len(hits) > 1:
            raise AnchorError(f"anchor occurs {len(hits)} times: {anchor!r}")
        k = nth or 0
        if k >= len(hits):
            raise AnchorError(f"anchor has no occurrence {k}: {anchor!r}")
        start = hits[k]
        end = start + len(needle)
        return (self.where[start], self.where[end - 1] + 1)


# ---------------------------------------------------------------------------------------------
# Names

_TOKEN = re.compile(r"[A-Za-z][\w'’.-]*")
_POSSESSIVE = re.compile(r"['’]s?$")
_TITLES = frozenset("mr mrs ms dr sen rep gov pres prof gen col lt sgt jr sr st".split())
_LINKS = frozenset("for of to at with from by in on about near inside within close familiar under behind".split())


def tokens(text: str) -> list[str]:
    return [_POSSESSIVE.sub("", t).rstrip(".") for t in _TOKEN.findall(text)]


def head_name(text: str | None) -> str | None:
    """The head (surname) of a name: its last capitalised word, lower-cased ("Sen. Ana Ruiz, D-Ohio" ->
    "ruiz"); None when it has none."""
    if not text:
        return None
    chunk = re.split(r",|\(|\bwho\b|\bwhich\b", text, maxsplit=1)[0]
    caps = [t for t in tokens(chunk) if t[:1].isupper() and t.lower() not in _TITLES]
    if not caps:
        return None
    return caps[-1].casefold()


def is_pronoun(text: str) -> bool:
    words = tokens(text)
    return bool(words) and len(words) <= 2 and all(w.lower() in PRONOUNS for w in words)


# Verbs an annotator may have marked as the Source by mistake ("said", "According to"): the cue.
_CUE_WORDS = frozenset(
    "said says say told asked according wrote writes added adds stated noted explained tweeted replied".split()
)


def source_kind(text: str) -> str:
    """``pronoun``, ``name``, ``description`` or ``cue`` for an annotated source as written.

    A name ends (before any comma or relative clause) in a capitalised word that does not follow
    a preposition: "Ana Ruiz", "longtime pollster Ana Ruiz", "the Ministry" are names; "a spokeswoman
    for Ruiz", "the Ruiz campaign", "officials" are descriptions, and so is a description whose
    head noun comes before a preposition or participle that ends in a name ("a 2011 study in the
    journal Harbour Notes", "audio provided to The Courier"). ``cue``: the annotation marks the
    cue itself ("said", "According to"), an error in the gold that names nobody.
    """
    if is_pronoun(text):
        return "pronoun"
    chunk = _first_chunk(text)
    words = tokens(chunk)
    if not words:
        return "description"
    if words[0].lower() in _CUE_WORDS and not any(w[:1].isupper() for w in words[1:]):
        return "cue"  # "said", "According to", "said in a statement"; not "said Ana Ruiz"
    last = words[-1]
    before = words[-2].lower() if len(words) > 1 else ""
    link = next((i for i, w in enumerate(words) if i > 0 and w.lower() in _LINKS), None)
    if link is not None and words[link - 1][:1].islower():
        return "description"  # the head noun is lower-case; the name is in its modifier
    if last[:1].isupper() and before not in _LINKS:
        return "name"
    return "description"


_DETERMINERS = frozenset("a an the this that these those his her its their our my your".split())


def _first_chunk(text: str) -> str:
    """A source up to its first comma, bracket or relative clause: "a spokeswoman for the mayor,
    Jane Doe" -> "a spokeswoman for the mayor". A comma between a determiner's one adjective and
    the rest of the phrase joins adjectives, not an apposition, so it is read through: "the
    bespectacled, 71-year-old diplomat" (but "the judge, a Republican appointee" stops)."""
    parts = re.split(r"(,|\(|\bwho\b|\bwhich\b|\bthat\b)", text, maxsplit=1)
    chunk = parts[0]
    if len(parts) == 3 and parts[1] == ",":
        head, rest = tokens(chunk), tokens(parts[2])
        adjectives = len(head) == 2 and head[0].lower() in _DETERMINERS and rest and rest[0][:1].islower()
        if adjectives and rest[0].lower() not in _DETERMINERS | {"who", "which"}:
            return chunk + " " + _first_chunk(parts[2])
    return chunk


def description_head(text: str) -> str | None:
    """The head noun of a description: its last word before a preposition, comma or clause
    ("a spokeswoman for the mayor" -> "spokeswoman")."""
    chunk = _first_chunk(text)
    words: list[str] = []
    for w in tokens(chunk):
        if w.lower() in _LINKS and words:
            break
        words.append(w)
    return words[-1].casefold() if words else None
