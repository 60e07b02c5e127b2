"""Dates, times, durations and counted numbers, by pattern.

A count keeps what it counts ("1,200 homes", "eight hundred houses") and its hedge ("more than two
hours"), because a fact-checker compares the whole claim, not the bare figure. Durations and
times are DATE; counts, money and percentages are NUMBER.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tuireader.core.text.dates import MONTH_ABBREVIATIONS, MONTH_NAMES, MONTH_PATTERN, WEEKDAY_PATTERN
from tuireader.model import Label

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
WORD_VALUES.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
WORD_VALUES.update({"dozen": 12, "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9})

_NUMWORD = r"(?:" + "|".join(sorted(WORD_VALUES, key=len, reverse=True)) + r"|dozens|hundreds|thousands|millions)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_NUM = (
    rf"(?:{_DIGITS}(?:\s+(?:million|billion|trillion))?"
    rf"|(?:tens\s+of\s+|hundreds\s+of\s+)?{_NUMWORD}(?:[- ]{_NUMWORD})*(?:\s+of)?)"
)
_HEDGE = (
    r"(?:(?:just\s+|well\s+|a\s+little\s+)?(?:more|less|fewer)\s+than|(?:just\s+|well\s+)?(?:over|under)|nearly|"
    r"almost|about|around|roughly|approximately|some|at\s+least|at\s+most|up\s+to|close\s+to|as\s+many\s+as|"
    r"as\s+few\s+as|an\s+estimated|another|an\s+additional)"
)
_TIME_UNIT = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries|century)"
_MONTH = rf"(?:{MONTH_PATTERN}|(?:{'|'.join(m.capitalize() for m in MONTH_ABBREVIATIONS)})\.)"
_ZONE = r"(?:\s+(?:Eastern|Central|Pacific|Mountain|Greenwich|GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT)(?:\s+[Tt]ime)?)"

_DATE_PATTERNS = [
    # 19 May 2025, May 19, 2025, Jan. 20, March 2022
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?\b",
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s*\d{{4}}|\s+\d{{4}})?(?!\d)",
    rf"\b{_MONTH}\s+(?:19|20)\d{{2}}\b",
    rf"\b(?:(?:early|late|mid)[- ])?{WEEKDAY_PATTERN}(?:\s+(?:morning|afternoon|evening|night))?\b",
    # times
    rf"\b\d{{1,2}}(?::\d{{2}})?\s*(?:a\.m\.|p\.m\.|[ap]m\b|[AP]M\b){_ZONE}?",
    r"\b(?:[01]?\d|2[0-3]):[0-5]\d\b(?:\s+(?:GMT|UTC))?",
    r"\b(?:noon|midnight)\b",
    # durations: "more than two hours", "30-day", "three-year-old", "a decade ago"
    rf"\b(?:{_NUM}|a|an|a\s+few|several|many)\s+{_TIME_UNIT}\b(?:\s+(?:ago|later|earlier))?",
    rf"\b(?:{_DIGITS}|{_NUMWORD})-(?:second|minute|hour|day|night|week|month|year|decade)(?:s?-(?:long|old))?\b",
    # relative dates
    r"\b(?:today|yesterday|tomorrow|tonight)\b",
    r"\b(?:(?:earlier|later)\s+)?(?:last|next|this)\s+(?:week|weekend|month|year|spring|summer|autumn|fall|winter|"
    r"morning|afternoon|evening)\b",
    # a bare year, a decade
    r"(?<![\d,.$£€])\b(?:1[89]|20)\d{2}s?\b(?![,.]\d)",
]
_MONTH_ALONE = re.compile(
    rf"\b(?:in|since|until|by|from|of|early|late|mid|last|next|this|through|before|after|during|between|"
    rf"and|or|to)\s+(?:early-|mid-|late-)?({MONTH_PATTERN})\b"
)
_MONTH_HINTS = tuple(m[:3].capitalize() for m in MONTH_NAMES)
_UNIT_HINTS = ("second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "centur")
# What each date pattern needs to be present at all: scanning only when it is keeps extraction fast.
_DATE_HINTS: tuple[Callable[[str, str], bool], ...] = (
    lambda t, lo: any(m in t for m in _MONTH_HINTS),
    lambda t, lo: any(m in t for m in _MONTH_HINTS),
    lambda t, lo: any(m in t for m in _MONTH_HINTS),
    lambda t, lo: "day" in t,
    lambda t, lo: ".m." in lo or "am" in lo or "pm" in lo,
    lambda t, lo: ":" in t,
    lambda t, lo: "noon" in lo or "midnight" in lo,
    lambda t, lo: any(u in lo for u in _UNIT_HINTS),
    lambda t, lo: any(u in lo for u in _UNIT_HINTS),
    lambda t, lo: "to" in lo,
    lambda t, lo: "last" in lo or "next" in lo or "this" in lo,
    lambda t, lo: True,
)
_DATES = tuple(zip(_DATE_HINTS, (re.compile(p) for p in _DATE_PATTERNS), strict=True))

_MONEY = re.compile(
    rf"(?:[$€£¥]\s?{_DIGITS}(?:\s?(?:million|billion|trillion|bn|m|k)\b)?"
    rf"|\b{_DIGITS}\s+(?:million\s+|billion\s+|trillion\s+)?(?:dollars|euros|pounds|rubles|roubles|yuan|yen|"
    rf"hryvnias?|rupees)\b)"
)
_CURRENCY_WORDS = ("dollar", "euro", "pound", "ruble", "rouble", "yuan", "yen", "hryvnia", "rupee")
_PERCENT = re.compile(rf"\b(?:{_DIGITS}\s?%|(?:{_DIGITS}|{_NUMWORD})\s+(?:percent|per\s+cent)\b)")
_COUNT = re.compile(rf"(?<![\w.,-])(?:{_NUM}|{_DIGITS})(?![\w%-]|[.,]\d)")
_WORD = re.compile(r"\s+([A-Za-z][a-z]*(?:-[a-z]+)*)")
# Hedges are found looking back from a number, so the number patterns stay cheap to scan.
_HEDGE_BEFORE = re.compile(rf"\b{_HEDGE}\s+$", re.IGNORECASE)
_MODIFIERS = frozenset("new more other additional further old few different separate such".split())
_NO_BEFORE = re.compile(r"(?:No\.|number|Nos\.|#|page|p\.|article|Article|section|Section|Resolution)\s*$")


_FOR_BEFORE = re.compile(r"\b(?:for|within|in|after)\s+$", re.IGNORECASE)


def _a_duration_ok(match: re.Match[str], text: str) -> bool:
    """Whether "a year" is a duration: with a hedge, "for"/"within", or "ago" ("nearly a year", "a year ago")."""
    found = match.group().lower()
    if not re.match(r"(?:a|an|a few|several|many)\s", found):
        return True
    start = match.start()
    return (
        bool(re.search(r"\s(?:ago|later|earlier)$", found))
        or _hedged_start(text, start) < start
        or _FOR_BEFORE.search(text, max(0, start - 8), start) is not None
    )


def find_dates_and_numbers(text: str, common: frozenset[str], demonyms: frozenset[str]) -> list[tuple[int, int, Label]]:
    """Non-overlapping (start, end, label), DATE before NUMBER where they compete."""
    found: list[tuple[int, int, Label]] = []
    lower = text.lower()
    for hint, pattern in _DATES:
        if not hint(text, lower):
            continue
        for match in pattern.finditer(text):
            if _a_duration_ok(match, text):
                found.append((match.start(), match.end(), Label.DATE))
    for match in _MONTH_ALONE.finditer(text):
        found.append((match.start(1), match.end(1), Label.DATE))
    if any(c in text for c in "$€£¥") or any(w in lower for w in _CURRENCY_WORDS):
        found.extend((m.start(), m.end(), Label.NUMBER) for m in _MONEY.finditer(text))
    if "%" in text or "percent" in lower or "per cent" in lower:
        found.extend((m.start(), m.end(), Label.NUMBER) for m in _PERCENT.finditer(text))
    for match in _COUNT.finditer(text):
        start, end = match.span()
        if _NO_BEFORE.search(text, max(0, start - 12), start):
            continue
        number = match.group().lower()
        bare_digits = number[-1:].isdigit()
        noun_end = _counted_noun_end(text, end, common, demonyms)
        if noun_end is None:
            if not bare_digits or re.fullmatch(r"(?:1[89]|20)\d{2}", number):
                continue  # "one who ...", years are dates
            found.append((start, end, Label.NUMBER))
        elif number.split()[-1] != "one":  # "one who", "the only one": not a count
            found.append((start, noun_end, Label.NUMBER))
    return [(_hedged_start(text, start), end, label) for start, end, label in _non_overlapping(found)]


def _hedged_start(text: str, start: int) -> int:
    """Start of a hedge right before a number ("more than", "nearly", "at least"), else ``start``."""
    if start == 0 or text[start - 1] not in " \n":
        return start
    match = _HEDGE_BEFORE.search(text, max(0, start - 28), start)
    return match.start() if match else start


def _counted_noun_end(text: str, pos: int, common: frozenset[str], demonyms: frozenset[str]) -> int | None:
    """End of what a number counts: one noun, or modifiers up to the first plural ("1,200 Spanish farm workers")."""
    ends: list[tuple[int, str]] = []
    cursor = pos
    for _ in range(3):
        match = _WORD.match(text, cursor)
        if match is None:
            break
        word = match.group(1)
        if word.lower() in _MODIFIERS and len(ends) < 2:
            ends.append((match.end(1), word))
            cursor = match.end(1)
            continue
        if word.lower() in common or (word[0].isupper() and word not in demonyms):
            break
        ends.append((match.end(1), word))
        cursor = match.end(1)
    for end, word in ends:
        if word.endswith("s") and not word.endswith("ss") and word[0].islower():
            return end
    plain = [(end, word) for end, word in ends if word.lower() not in _MODIFIERS]
    if plain and plain[0][1][0].islower():
        return plain[0][0]
    return None


def _non_overlapping(spans: list[tuple[int, int, Label]]) -> list[tuple[int, int, Label]]:
    """Longest first at each position; DATE wins a tie because it was added first."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], -(spans[i][1] - spans[i][0]), i))
    kept: list[tuple[int, int, Label]] = []
    taken_end = -1
    for i in order:
        start, end, label = spans[i]
        if start >= taken_end:
            kept.append((start, end, label))
            taken_end = end
        elif kept and end > taken_end and label == kept[-1][2] == Label.DATE:
            continue
    return kept
