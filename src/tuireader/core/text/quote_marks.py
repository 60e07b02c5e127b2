"""Finding quoted passages from their quote marks, before anyone asks who said them.

News text mixes straight and curly marks, uses single quotes for scare quotes and nested speech, and
uses the same character (' or ’) for apostrophes ("Russia’s", "rock 'n' roll", "the '90s", "Jones'").
Each mark is classified from the characters around it (can it open? can it close? is it inside a
word?), then marks are paired with a stack per paragraph. Only outermost pairs become quotations, so
results never overlap; a paragraph that opens a quotation and does not close it continues into the
next paragraph when that one reopens with the same kind of mark (the news convention for long quotes).
Unpaired marks are dropped rather than guessed at. Some newspapers write a double mark as two
apostrophes (''like this'') or open it with two backticks; both are one double mark here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from tuireader.model import Span


class Kind(Enum):
    DOUBLE = "double"
    SINGLE = "single"


@dataclass(frozen=True, slots=True)
class QuotedPassage:
    """A paired quotation: ``open``/``close`` are the mark positions, ``start``/``end`` the words inside."""

    open: int
    close: int
    start: int
    end: int
    kind: Kind
    paragraphs: int = 1  # how many paragraphs the passage runs across


# Two apostrophes (or two backticks) stand for a double mark in some newspapers' house style:
# ``Yes,'' she said / ''Yes,'' she said.
# Three apostrophes closing two quotations (,''') are a single mark, then a doubled one.
_MARKS = re.compile("(?<=\\S)'(?=''(?![\\w']))|''|``|[\"“”„‟«»'‘’‚‛‹›]")
_DOUBLE_OPENERS = frozenset("“„‟«")
_DOUBLE_CLOSERS = frozenset("”»")
_SINGLE_OPENERS = frozenset("‘‚‛‹")
_SINGLE_CLOSERS = frozenset("’›")
_DOUBLE_ALL = frozenset('"“”„‟«»')
# What may stand before an opening mark / after a closing mark.
_BEFORE_OPEN = frozenset("([{<—–-/\u00a0") | _DOUBLE_ALL | frozenset("'‘‚‛‹")
_AFTER_CLOSE = frozenset(".,;:!?)]}>—–-…/\u00a0") | _DOUBLE_ALL | frozenset("'’›")
# Elisions that start with an apostrophe: the '90s, class of '24, 'em, 'til, 'cause, 'tis, rock 'n' roll.
_ELISION = re.compile(r"(?:\d0s\b|\d\d\b(?!\s*(?:%|per\b))|em\b|til\b|cause\b|tis\b|twas\b|bout\b|n['’‘]\s)", re.I)
_N_ELISION = re.compile(r"(?<=\s)['’‘]n['’]\s")


_MAX_DEPTH = 8  # quotations nest two or three deep in real text; deeper is noise
_LOOKAHEAD = 40  # marks examined after a possessive "s'" for a better closer


@dataclass(slots=True)
class _Mark:
    pos: int
    kind: Kind
    can_open: bool
    can_close: bool
    weak_close: bool = False  # "Jones' house": a closer only if no better one follows
    width: int = 1  # 2 for a doubled-apostrophe or doubled-backtick mark


def _classify(text: str, pos: int, lo: int, hi: int, elided: set[int], width: int = 1) -> _Mark | None:
    ch = text[pos]
    prev = text[pos - 1] if pos > lo else None
    nxt = text[pos + width] if pos + width < hi else None
    open_ctx = prev is None or prev.isspace() or prev in _BEFORE_OPEN
    close_ctx = nxt is None or nxt.isspace() or nxt in _AFTER_CLOSE
    has_next = nxt is not None and not nxt.isspace()
    has_prev = prev is not None and not prev.isspace()
    if width == 2:
        if ch == "`":
            return _Mark(pos, Kind.DOUBLE, can_open=True, can_close=False, width=2)
        can_open, can_close = open_ctx and has_next, close_ctx and has_prev
        if not can_open and not can_close:
            can_open = can_close = True
        return _Mark(pos, Kind.DOUBLE, can_open=can_open, can_close=can_close, width=2)
    if ch in _DOUBLE_ALL:
        if ch in _DOUBLE_OPENERS:
            return _Mark(pos, Kind.DOUBLE, can_open=True, can_close=close_ctx and not open_ctx)
        if ch in _DOUBLE_CLOSERS:
            return _Mark(pos, Kind.DOUBLE, can_open=open_ctx and not close_ctx, can_close=True)
        can_open = open_ctx and has_next
        can_close = close_ctx and has_prev
        if not can_open and not can_close:  # mid-word: treat as either, the stack decides
            can_open = can_close = True
        return _Mark(pos, Kind.DOUBLE, can_open=can_open, can_close=can_close)
    # Single marks: apostrophe unless the context says quote.
    if pos in elided:
        return None
    if prev is not None and nxt is not None and prev.isalnum() and nxt.isalnum():
        return None  # inside a word: Ruiz's, wasn’t, o'clock
    if open_ctx and has_next and ch != "›":
        if _ELISION.match(text, pos + 1, hi):
            return None
        return _Mark(pos, Kind.SINGLE, can_open=True, can_close=False)
    if close_ctx and has_prev and ch not in _SINGLE_OPENERS:
        weak = (
            prev is not None
            and prev in "sS"
            and nxt is not None
            and nxt.isspace()
            and pos + 2 < hi
            and (text[pos + 2].isalnum())
        )
        return _Mark(pos, Kind.SINGLE, can_open=False, can_close=True, weak_close=weak)
    return None


def text_blocks(text: str, paragraphs: tuple[Span, ...], headings: tuple[Span, ...]) -> list[Span]:
    blocks = sorted(set(paragraphs) | set(headings), key=lambda s: (s.start, s.end))
    if blocks:
        return blocks
    out: list[Span] = []
    pos = 0
    for match in re.finditer(r"\n\s*\n", text):
        if match.start() > pos:
            out.append(Span(pos, match.start()))
        pos = match.end()
    if pos < len(text):
        out.append(Span(pos, len(text)))
    return out


def _inner(text: str, open_pos: int, close_pos: int) -> tuple[int, int]:
    start, end = open_pos + 1, close_pos
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quoted(text: str, paragraphs: tuple[Span, ...] = (), headings: tuple[Span, ...] = ()) -> list[QuotedPassage]:
    """Outermost quoted passages in ``text``, in order, never overlapping."""
    found: list[QuotedPassage] = []
    carry: tuple[Kind, int, int] | None = None  # unclosed outer quote: kind, open position, paragraphs so far
    pending: list[QuotedPassage] = []  # pairs after an unclosed opener: kept unless the quote continues
    for block in text_blocks(text, paragraphs, headings):
        marks = _marks(text, block.start, block.end)
        width = {mark.pos: mark.width for mark in marks}
        stack: list[tuple[Kind, int]] = []
        pairs: list[tuple[int, int, Kind]] = []
        reopened = 0
        if carry is not None:
            width.setdefault(carry[1], 2 if text.startswith(("''", "``"), carry[1]) else 1)
            first = marks[0] if marks else None
            leading = text[block.start : first.pos].strip() if first else "x"
            if first is not None and not leading and first.kind is carry[0] and first.can_open:
                stack.append((carry[0], carry[1]))
                marks = marks[1:]
                reopened = carry[2] + 1
                pending = []
            carry = None
        found.extend(pending)
        pending = []
        _pair(marks, stack, pairs)
        unclosed = -1
        if stack:
            kind, unclosed = stack[0]
            carry = (kind, unclosed, reopened or 1)
        pairs.sort(key=lambda p: (p[0], -p[1]))
        reach = -1
        for open_pos, close_pos, kind in pairs:
            if close_pos < reach:
                continue  # nested inside another quotation (pairs from a stack nest or are disjoint)
            reach = close_pos
            # Pairs after an opener that stays open belong to it if the next paragraph continues it.
            out = pending if 0 <= unclosed < open_pos else found
            # A two-character mark: ``open`` is its first character, ``close`` its last.
            start, end = _inner(text, open_pos + width.get(open_pos, 1) - 1, close_pos)
            close_last = close_pos + width.get(close_pos, 1) - 1
            if start < end:
                out.append(
                    QuotedPassage(open_pos, close_last, start, end, kind, reopened if open_pos < block.start else 1)
                )
    found.extend(pending)
    found.sort(key=lambda q: q.open)
    return found


def _marks(text: str, lo: int, hi: int) -> list[_Mark]:
    """The quote marks in ``text[lo:hi]`` (one paragraph), apostrophes left out."""
    elided: set[int] = set()
    for m in _N_ELISION.finditer(text, lo, hi):
        elided |= {m.start(), m.end() - 2}
    return [
        mark
        for m in _MARKS.finditer(text, lo, hi)
        if (mark := _classify(text, m.start(), lo, hi, elided, m.end() - m.start())) is not None
    ]


def _pair(marks: list[_Mark], stack: list[tuple[Kind, int]], pairs: list[tuple[int, int, Kind]]) -> None:
    """Pair ``marks`` with a stack of open marks (changed in place); pairs go to ``pairs``."""
    doubles = sum(1 for kind, _ in stack if kind is Kind.DOUBLE)  # open marks of each kind on the stack
    singles = len(stack) - doubles
    for index, mark in enumerate(marks):
        has_open = (doubles if mark.kind is Kind.DOUBLE else singles) > 0
        if mark.can_close and has_open and not (mark.weak_close and _better_closer(marks, index)):
            while stack:
                kind, open_pos = stack.pop()
                if kind is Kind.DOUBLE:
                    doubles -= 1
                else:
                    singles -= 1
                if kind is mark.kind:
                    pairs.append((open_pos, mark.pos, kind))
                    break
        elif mark.can_open and len(stack) < _MAX_DEPTH:
            stack.append((mark.kind, mark.pos))
            if mark.kind is Kind.DOUBLE:
                doubles += 1
            else:
                singles += 1


def open_quotation(text: str) -> Kind | None:
    """The kind of the outermost quotation ``text`` (one paragraph) opens and leaves open, if any."""
    stack: list[tuple[Kind, int]] = []
    _pair(_marks(text, 0, len(text)), stack, [])
    return stack[0][0] if stack else None


def opens_quotation(text: str) -> Kind | None:
    """The kind of quote mark ``text`` starts with, when that mark opens a quotation."""
    marks = _marks(text, 0, len(text))
    if marks and marks[0].pos == len(text) - len(text.lstrip()) and marks[0].can_open:
        return marks[0].kind
    return None


def _better_closer(marks: list[_Mark], index: int) -> bool:
    """Whether a strong closer of the same kind follows before the next opener of that kind."""
    kind = marks[index].kind
    for later in marks[index + 1 : index + 1 + _LOOKAHEAD]:
        if later.kind is not kind:
            continue
        if later.can_close and not later.weak_close:
            return True
        if later.can_open:
            return False
    return False
