"""Reading a number written in digits or words: "1,000", "2.5 million", "twelve hundred", "nine", "30-day"."""

from __future__ import annotations

import re
from typing import NamedTuple

TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:[-'’.,:][^\W_]+)*|[^\w\s]")
DIGITS_RE = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")

SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
DOZEN = "dozen"
TIME_UNITS = {
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "fortnight",
    "month",
    "year",
    "decade",
    "century",
}
_TIME_UNITS_ANY = TIME_UNITS | {u + "s" for u in TIME_UNITS} | {"centuries"}


class Token(NamedTuple):
    """A word, number or punctuation mark (a tuple: sentences are tokenized often, this is cheap)."""

    start: int
    end: int
    text: str
    low: str
    word: bool  # a word or number, not punctuation


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word and punctuation tokens of ``text[start:end]``; readers of many sentence pairs keep them
    per sentence for one run (``disagreements.memo``)."""
    return [
        Token(m.start(), m.end(), w := m.group(), w.lower().replace("’", "'"), w[0].isalnum())
        for m in TOKEN_RE.finditer(text, start, len(text) if end is None else end)
    ]


def _word_value(word: str) -> int | None:
    """ "nine" -> 9, "twenty-five" -> 25."""
    if word in SMALL:
        return SMALL[word]
    if "-" in word:
        parts = word.split("-")
        if len(parts) == 2 and parts[0] in SMALL and parts[1] in SMALL and SMALL[parts[1]] < 10:
            return SMALL[parts[0]] + SMALL[parts[1]]
    return None


def _digits(word: str) -> float | None:
    if DIGITS_RE.match(word):
        return float(word.replace(",", ""))
    return None


def parse_number(tokens: list[Token], i: int) -> tuple[float, int, str] | None:
    """A number starting at token ``i``: (value, index after it, time unit if hyphenated like "30-day").

    Times of day ("10:00", "5 p.m."), ordinals ("17th") and a bare "one" (usually a pronoun) are not numbers.
    """
    tok = tokens[i]
    low = tok.low
    n = len(tokens)
    # "30-day", "three-year", "two-hour"
    if "-" in low and not DIGITS_RE.match(low):
        parts = low.split("-")
        if len(parts) == 2 and parts[1] in TIME_UNITS:
            number = _digits(parts[0])
            word = _word_value(parts[0])
            if number is not None or word is not None:
                return float(number if number is not None else word or 0), i + 1, parts[1]
        value_w = _word_value(low)
        if value_w is None:
            return None
    nxt = tokens[i + 1].low if i + 1 < n else ""
    digits = _digits(low)
    if digits is not None:
        if nxt in {":", "a.m.", "p.m.", "am", "pm"} or ("." in nxt and nxt.startswith(("a.m", "p.m"))):
            return None
        value = digits
        j = i + 1
        while j < n and tokens[j].low in SCALES:
            value *= SCALES[tokens[j].low]
            j += 1
        return value, j, ""
    if low in {"a", "an"}:
        if nxt in SCALES:
            return _words(tokens, i + 1, start_value=1)
        if nxt == DOZEN:
            return 12.0, i + 2, ""
        if nxt in TIME_UNITS:
            return 1.0, i + 1, ""
        if nxt == "half" and i + 2 < n and tokens[i + 2].low in TIME_UNITS:
            return 0.5, i + 2, ""
        return None
    if low == "half" and nxt in {"a", "an"} and i + 2 < n and tokens[i + 2].low in TIME_UNITS:
        return 0.5, i + 2, ""
    if _word_value(low) is None and low not in SCALES and low != DOZEN:
        return None
    if low == "one" and nxt not in _TIME_UNITS_ANY and nxt not in SCALES and nxt != "and":
        return None
    return _words(tokens, i, start_value=None)


def _words(tokens: list[Token], i: int, start_value: int | None) -> tuple[float, int, str] | None:
    """Consume number words ("twelve hundred", "two hundred and fifty", "1.5 million")."""
    total = 0.0
    current = float(start_value or 0)
    seen = start_value is not None
    j = i
    n = len(tokens)
    while j < n:
        low = tokens[j].low
        small = _word_value(low)
        if small is not None:
            current += small
            seen = True
        elif low in SCALES and seen:
            scale = SCALES[low]
            if scale == 100:
                current = max(current, 1.0) * 100
            else:
                total += max(current, 1.0) * scale
                current = 0.0
        elif low in SCALES and not seen:
            break
        elif low == DOZEN and seen:
            current = max(current, 1.0) * 12
        elif low == "and" and seen and j + 1 < n and _word_value(tokens[j + 1].low) is not None and current >= 100:
            pass
        else:
            break
        j += 1
    if not seen or j == i:
        return None
    return total + current, j, ""
