"""Calendar dates in news copy: "March 2022", "Jan. 20", "on Friday", "last year", resolved to day ranges.

A date is an interval of day ordinals (``datetime.date.toordinal``): "March 2022" is the whole
month, "on Friday" one day. Relative dates need a reference day, the article's publication date.
"""

from __future__ import annotations

import datetime as dt
import re

from tuireader.core.text.numbers import Token

# The one place for calendar words: every list of month or weekday names in the core is built from these.
MONTH_NAMES = tuple("january february march april may june july august september october november december".split())
# The abbreviations news writes with a full stop ("Jan. 20", "Sept. 11"); "may" has none.
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RELATIVE_DAYS = ("today", "yesterday", "tomorrow")
# As they are written in a regular expression: "(?:January|...|December)", "(?:Monday|...|Sunday)".
MONTH_PATTERN = "(?:" + "|".join(m.capitalize() for m in MONTH_NAMES) + ")"
WEEKDAY_PATTERN = "(?:" + "|".join(d.capitalize() for d in WEEKDAY_NAMES) + ")"

MONTHS = {name: i + 1 for i, name in enumerate(MONTH_NAMES)}  # "march": 3, "mar": 3, "sept": 9
MONTHS.update({short: MONTHS[m] for short in MONTH_ABBREVIATIONS for m in MONTH_NAMES if m.startswith(short[:3])})
WEEKDAYS = {d: i for i, d in enumerate(WEEKDAY_NAMES)}
DATE_PREPS = {"in", "since", "until", "by", "from", "of", "before", "after", "during", "through", "till", "to"}


def _month_interval(year: int, month: int) -> tuple[float, float]:
    first = dt.date(year, month, 1)
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return float(first.toordinal()), float(nxt.toordinal() - 1)


def _year_interval(year: int) -> tuple[float, float]:
    return float(dt.date(year, 1, 1).toordinal()), float(dt.date(year, 12, 31).toordinal())


def _day(value: dt.date) -> tuple[float, float]:
    return float(value.toordinal()), float(value.toordinal())


def read_date(tokens: list[Token], i: int, ref: dt.date | None) -> tuple[tuple[float, float] | None, int, bool]:
    """A calendar date starting at token ``i``: (interval or None if unresolved, end index, matched)."""
    tok = tokens[i]
    low = tok.low.rstrip(".")
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if low in MONTHS and tok.text[0].isupper() and not (low == "may" and i == 0):
        month = MONTHS[low]
        j = i + 1
        if nxt is not None and nxt.text == "." and j + 1 < len(tokens):  # "Jan. 20"
            j += 1
            nxt = tokens[j]
        day = None
        year = None
        if nxt is not None and nxt.text.isdecimal() and 1 <= int(nxt.text) <= 31 and len(nxt.text) <= 2:
            day = int(nxt.text)
            j += 1
            if j + 1 < len(tokens) and tokens[j].text == "," and re.fullmatch(r"\d{4}", tokens[j + 1].text):
                year = int(tokens[j + 1].text)
                j += 2
        elif nxt is not None and nxt.text.isdecimal() and len(nxt.text) == 4:
            year = int(nxt.text)
            j += 1
        if i > 0 and tokens[i - 1].text.isdecimal() and day is None and 1 <= int(tokens[i - 1].text) <= 31:
            return None, j, False  # "16 March": handled from the day number
        if year is None:
            if ref is None:
                return None, j, True
            year = ref.year if month <= ref.month else ref.year - 1
        try:
            return (_day(dt.date(year, month, day)) if day else _month_interval(year, month)), j, True
        except ValueError:
            return None, j, True
    if tok.text.isdecimal() and len(tok.text) <= 2 and nxt is not None and nxt.low.rstrip(".") in MONTHS:
        if not nxt.text[0].isupper():
            return None, i, False
        later = [t.text for t in tokens[i + 2 : i + 4] if t.text != "."]
        if later and later[0].isdecimal() and len(later[0]) <= 2:
            return None, i, False  # "the 19 Sept. 11 hijackers": the month begins its own date
        day, month, j = int(tok.text), MONTHS[nxt.low.rstrip(".")], i + 2
        year = None
        if j < len(tokens) and tokens[j].text.isdecimal() and len(tokens[j].text) == 4:
            year = int(tokens[j].text)
            j += 1
        if year is None:
            if ref is None:
                return None, j, True
            year = ref.year if month <= ref.month else ref.year - 1
        try:
            return _day(dt.date(year, month, day)), j, True
        except ValueError:
            return None, j, True
    if low in WEEKDAYS and tok.text[0].isupper():
        if ref is None:
            return None, i + 1, True
        back = (ref.weekday() - WEEKDAYS[low]) % 7
        prev = tokens[i - 1].low if i > 0 else ""
        if prev == "next":
            back = -((WEEKDAYS[low] - ref.weekday()) % 7 or 7)
        elif prev == "last" and back == 0:
            back = 7
        return _day(ref - dt.timedelta(days=back)), i + 1, True
    if low in {"yesterday", "today", "tomorrow", "tonight"}:
        if ref is None:
            return None, i + 1, True
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[low]
        return _day(ref + dt.timedelta(days=shift)), i + 1, True
    if low in {"last", "this", "next", "past"} and nxt is not None and nxt.low in {"week", "month", "year"}:
        if ref is None:
            return None, i + 2, True
        step = {"last": -1, "past": -1, "this": 0, "next": 1}[low]
        if nxt.low == "year":
            return _year_interval(ref.year + step), i + 2, True
        if nxt.low == "month":
            month_index = ref.year * 12 + ref.month - 1 + step
            return _month_interval(month_index // 12, month_index % 12 + 1), i + 2, True
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=7 * step)
        return (float(monday.toordinal()), float(monday.toordinal() + 6)), i + 2, True
    if tok.text.isdecimal() and len(tok.text) == 4 and 1900 <= int(tok.text) <= 2099:
        prev = tokens[i - 1].low if i > 0 else ""
        if prev in DATE_PREPS or prev in {"early", "late", "mid"} or prev.startswith("mid-"):
            return _year_interval(int(tok.text)), i + 1, True
    return None, i, False


def date_start(tokens: list[Token], i: int) -> int:
    """Widen a date to take in its preposition ("since", "on", "last") for the displayed span."""
    j = i
    while j > 0 and tokens[j - 1].low in {"on", "in", "since", "last", "next", "this", "earlier", "late", "early"}:
        j -= 1
        if tokens[j].low in {"since", "on", "in"}:
            break
    return j


DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def reference_day(published: str | None) -> dt.date | None:
    """The article's publication day, if it has a usable ISO date."""
    if not published or not DATE_RE.match(published):
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
