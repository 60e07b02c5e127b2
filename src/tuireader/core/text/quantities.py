"""Numbers, durations and dates in a sentence, as intervals with their hedges.

Reports of one fact round, hedge and paraphrase their figures ("about 250", "more than 240",
"nearly three years", "since March 2022"). Each figure is read as an interval of possible values so
that two reports conflict only when no value satisfies both. Relative dates ("on Friday", "last
year") are resolved against a reference day (the article's publication date) when one is known.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from tuireader.core.text import lexicon, numbers
from tuireader.core.text.dates import DATE_PREPS, MONTHS, WEEKDAYS, date_start, read_date
from tuireader.core.text.numbers import Token, parse_number


class QuantityKind(StrEnum):
    COUNT = "count"  # "1,200 homes", "2.5 million people", "40%"
    DURATION = "duration"  # "three years", "over two hours", "a 30-day strike"
    DATE = "date"  # "March 2022", "on Friday", "last year"


class Role(StrEnum):
    COUNT = "count"
    SPAN = "span"  # how long something lasts: "lasted three years"
    ELAPSED = "elapsed"  # time since something: "first talks in three years", "since March 2022"
    OFFSET = "offset"  # "three days after", "a week later"
    POINT = "point"  # a calendar date: "on Friday", "in March 2022"
    SINCE = "since"  # "since March 2022" when no reference day turns it into elapsed time
    DEADLINE = "deadline"  # "until 2030", "by December"


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure. ``low``/``high`` are counts, days (durations, elapsed time) or date ordinals."""

    kind: QuantityKind
    role: Role
    start: int  # span of the hedge, the figure and its unit, offsets into the text
    end: int
    text: str
    low: float
    high: float
    unit: str = ""  # counted noun lemma for counts, "day" for durations, "date" for dates
    hedge: str = ""
    context: tuple[str, ...] = ()  # content lemmas around the figure: what it counts
    names: tuple[str, ...] = ()  # names before a count in its clause: whose figure it is ("Ruiz ... 40%")
    each: bool = False  # a figure per item ("nine each", "$5 per share"), not a total
    noun: str = ""  # what a count counts, as written ("prisoners", "dollars", "percent")
    near: tuple[str, ...] = ()  # content lemmas right next to the figure: the event a date dates, what a sum buys
    attributive: bool = False  # a date naming a thing ("the June 19 vote", "Sept. 11 victims"), not dating the news

    def agrees(self, other: Quantity, tolerance: float = 0.0) -> bool:
        """Do the two intervals overlap (allowing a relative ``tolerance``)?"""
        slack = tolerance * max(abs(self.high), abs(other.high))
        return self.low <= other.high + slack and other.low <= self.high + slack


DAYS = {
    "second": 1 / 86400,
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "fortnight": 14.0,
    "month": 30.44,
    "year": 365.25,
    "decade": 3652.5,
    "century": 36525.0,
}
UNIT_WORDS = {w: w for w in DAYS} | {w + "s": w for w in DAYS} | {"centuries": "century", "yr": "year", "yrs": "year"}

# hedge -> (low factor, high factor) applied to the value
HEDGES: dict[str, tuple[float, float]] = {
    "more than": (1.0001, 2.0),
    "over": (1.0001, 2.0),
    "above": (1.0001, 2.0),
    "just over": (1.0001, 1.3),
    "well over": (1.1, 3.0),
    "upwards of": (1.0001, 2.0),
    "in excess of": (1.0001, 2.0),
    "exceeding": (1.0001, 2.0),
    "at least": (1.0, 2.0),
    "no fewer than": (1.0, 2.0),
    "no less than": (1.0, 2.0),
    "less than": (0.5, 0.9999),
    "fewer than": (0.5, 0.9999),
    "under": (0.5, 0.9999),
    "below": (0.5, 0.9999),
    "just under": (0.75, 0.9999),
    "at most": (0.0, 1.0),
    "no more than": (0.0, 1.0),
    "up to": (0.0, 1.0),
    "as many as": (0.7, 1.0),
    "as much as": (0.7, 1.0),
    "nearly": (0.75, 1.0),
    "almost": (0.75, 1.0),
    "close to": (0.75, 1.05),
    "about": (0.85, 1.15),
    "around": (0.85, 1.15),
    "roughly": (0.85, 1.15),
    "approximately": (0.85, 1.15),
    "some": (0.85, 1.15),
    "an estimated": (0.8, 1.2),
    "estimated": (0.8, 1.2),
    "circa": (0.85, 1.15),
}
_HEDGE_WORDS = sorted((tuple(h.split()) for h in HEDGES), key=len, reverse=True)
_HEDGE_LAST = {words[-1] for words in _HEDGE_WORDS}

_OFFSET_AFTER = {"after", "before", "later", "earlier", "afterwards", "beforehand", "prior"}
_TRIGGERS = (
    set(numbers.SMALL)
    | set(numbers.SCALES)
    | set(MONTHS)
    | set(WEEKDAYS)
    | set(UNIT_WORDS)
    | {"dozen", "dozens", "half", "scores", "tens", "hundreds", "thousands", "millions", "billions"}
    | {"yesterday", "today", "tomorrow", "tonight", "moments"}
)


def _trie_pattern(words: set[str]) -> str:
    """One regex alternation shaped as a trie: Python's ``re`` tries a flat list word by word."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        return body + "?" if ends and body else body

    return walk(tree)


# Cheap test of where a sentence may hold a figure (most words of most sentences are not figures).
_MAYBE = re.compile(r"\b(?:\d|" + _trie_pattern(_TRIGGERS) + r"\b)", re.IGNORECASE)
_DEFINITE = {"the", "these", "those", "its", "their", "his", "her", "our", "whose"}
_DEADLINE = {"until", "till", "by", "through", "before"}
_TALLY_RE = re.compile(r"^(\d{1,3})-(\d{1,3})$")  # a vote or score: "voted 9-6"
_VAGUE = {
    "tens": (20.0, 100.0),
    "dozens": (24.0, 144.0),
    "scores": (40.0, 200.0),
    "hundreds": (200.0, 1000.0),
    "thousands": (2000.0, 1e5),
}
_VAGUE_BIG = {"millions": (2e6, 1e8), "billions": (2e9, 1e11)}
_VAGUE_SCALE = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}  # "hundreds of thousands": a multiplier
CURRENCY = {"$": "dollar", "£": "pound", "€": "euro", "¥": "yen"}
CURRENCY_NOUN = {"dollar": "dollars", "pound": "pounds", "euro": "euros", "yen": "yen"}
_EACH = {"each", "per", "apiece", "a piece", "every"}
_DAY_PARTS = {"morning", "afternoon", "evening", "night", "overnight", "noon", "midnight"}
_DATE_WORDS = {"last", "next", "early", "late", "earlier", "later", "since"}
_CLAUSE_BREAK = {";", "(", ")", "—", "–", "--"}
# Days elapsed since "last week/month/year" when the day it is said on is unknown: from one day
# (said at the start of this one) to the whole of the last one and all of this one.
_ELAPSED_SINCE_LAST = {"week": (1.0, 13.0), "month": (1.0, 61.0), "year": (1.0, 730.0)}
# Unnumbered times between events, in days: "moments later" is a few minutes at most.
_VAGUE_TIME = {
    "moments": (0.0, 5 / 1440),
    "minutes": (2 / 1440, 1 / 24),
    "hours": (2 / 24, 1.0),
    "days": (2.0, 14.0),
    "weeks": (14.0, 62.0),
    "months": (60.0, 366.0),
    "years": (730.0, 7300.0),
}
ROUNDING = 0.05  # the most a round number ("43,000") is taken to have been rounded, as a share
_PLURALS = {"people", "men", "women", "children", "police", "staff", "personnel", "cattle", "feet", "teeth"}
_YEAR_RE = re.compile(r"(?:19|20)\d\d")


def _hedge_before(tokens: list[Token], i: int) -> tuple[str, int]:
    """The hedge phrase ending just before token ``i`` and the index it starts at."""
    if i == 0 or tokens[i - 1].low not in _HEDGE_LAST:
        return "", i
    for words in _HEDGE_WORDS:
        n = len(words)
        if i - n < 0:
            continue
        if tuple(t.low for t in tokens[i - n : i]) == words:
            return " ".join(words), i - n
    return "", i


def _context(tokens: list[Token], lo: int, hi: int, width: int = 8) -> tuple[str, ...]:
    """Lemmas of the common words around a figure: what it measures. Names are left out (every
    sentence of a story names the same places and people, so they say little about the figure)."""
    around = tokens[max(0, lo - width) : lo] + tokens[hi : hi + width]
    first = tokens[0] if tokens else None  # a sentence's first word is capitalised whatever it is
    return tuple(
        lexicon.lemma(t.text)
        for t in around
        if t.word and (t.text[0].islower() or t is first) and lexicon.is_content(t.text)
    )


def _interval(value: float, hedge: str, grain: float) -> tuple[float, float]:
    """Value range a hedged figure allows; ``grain`` is the rounding an unhedged figure implies."""
    if hedge:
        lo, hi = HEDGES[hedge]
        low, high = value * lo, value * hi
        if hedge in {"nearly", "almost", "close to"}:
            high += grain / 4  # "nearly three years" is said of three years and a bit, too
        return low, high
    return value - grain / 2, value + grain  # "$43 million" is also said of $43.9 million


def extract(text: str, start: int = 0, end: int | None = None, ref: dt.date | None = None) -> list[Quantity]:
    """Every figure in ``text[start:end]``; spans are offsets into ``text``.

    Alignment reads them, then disagreements: callers keep them per sentence for one run
    (``disagreements.memo``), not here keyed on the whole text.
    """
    return _read(text, start, len(text) if end is None else end, ref)


def _read(text: str, start: int, end: int, ref: dt.date | None) -> list[Quantity]:
    marks = [m.start() for m in _MAYBE.finditer(text, start, end)]
    if not marks:
        return []
    tokens = numbers.tokenize(text, start, end)
    found: list[Quantity] = []
    n = len(tokens)
    starts = [t.start for t in tokens]
    # Figures start at a trigger word or one word before it ("a year", "last week"): look only there.
    candidates: set[int] = set()
    for mark in marks:
        k = bisect.bisect_right(starts, mark) - 1
        if k >= 0:
            candidates.update((k - 1, k) if k > 0 else (k,))
    consumed = 0
    for i in sorted(candidates):
        if i < consumed:
            continue
        tok = tokens[i]
        interval, j, matched = read_date(tokens, i, ref)
        if matched and j > i:
            before = [t.low for t in tokens[max(0, i - 3) : i]]
            first = date_start(tokens, i)
            a, b = tokens[first].start, tokens[j - 1].end
            if interval is None and "since" in before and j == i + 2 and tokens[i].low in {"last", "past"}:
                # "since last year" with no day to count from: still at most two years ago, whatever the day.
                elapsed = _ELAPSED_SINCE_LAST.get(tokens[i + 1].low)
                if elapsed is not None:
                    found.append(
                        Quantity(
                            QuantityKind.DURATION,
                            Role.ELAPSED,
                            a,
                            b,
                            text[a:b],
                            elapsed[0],
                            elapsed[1],
                            "day",
                            "since",
                            _context(tokens, first, j),
                            _names(tokens, first),
                        )
                    )
            if interval is not None:
                low_v, high_v = interval
                if "since" in before and ref is not None:
                    role = Role.ELAPSED  # compared with "first talks in three years"
                    today = float(ref.toordinal())
                    low_v, high_v = today - interval[1], today - interval[0]
                elif "since" in before:
                    role = Role.SINCE
                elif any(w in _DEADLINE for w in before[-2:]):
                    role = Role.DEADLINE
                else:
                    role = Role.POINT
                hedge = "since" if "since" in before else ""
                found.append(
                    Quantity(
                        QuantityKind.DATE,
                        role,
                        a,
                        b,
                        text[a:b],
                        low_v,
                        high_v,
                        "date",
                        hedge,
                        _context(tokens, first, j),
                        _names(tokens, first),
                        near=_context(tokens, first, j, width=5),
                        attributive=_attributive(tokens, first, j),
                    )
                )
            consumed = j
            continue
        tally = _TALLY_RE.match(tok.text)
        after = tokens[i + 1].low if i + 1 < n else ""
        if tally and i > 0 and tokens[i - 1].low not in DATE_PREPS and after not in UNIT_WORDS and after != "%":
            tally_value = float(int(tally.group(1)) * 1000 + int(tally.group(2)))
            found.append(
                Quantity(
                    QuantityKind.COUNT,
                    Role.COUNT,
                    tok.start,
                    tok.end,
                    tok.text,
                    tally_value,
                    tally_value,
                    "tally",
                    "",
                    _context(tokens, i, i + 1),
                )
            )
            continue
        if (tok.low in _VAGUE or tok.low in _VAGUE_BIG) and i + 1 < n and tokens[i + 1].low == "of":
            lo, hi = (_VAGUE | _VAGUE_BIG)[tok.low]
            j = i + 2
            # "hundreds of thousands of people", "tens of millions of dollars": one figure.
            while j + 1 < n and tokens[j].low in _VAGUE_SCALE and tokens[j + 1].low == "of":
                lo, hi = lo * _VAGUE_SCALE[tokens[j].low], hi * _VAGUE_SCALE[tokens[j].low]
                j += 2
            if j < n and tokens[j].low in _VAGUE_SCALE and j > i + 2:
                lo, hi = lo * _VAGUE_SCALE[tokens[j].low], hi * _VAGUE_SCALE[tokens[j].low]
                j += 1  # "... of thousands" at the end of a phrase
            head = _head(tokens, j)
            if head or j > i + 2:
                last = j - 1 if tokens[j - 1].low != "of" else j - 2
                b = tokens[last].end if j > i + 2 else tok.end
                found.append(
                    Quantity(
                        QuantityKind.COUNT,
                        Role.COUNT,
                        tok.start,
                        b,
                        text[tok.start : b],
                        lo,
                        hi,
                        head[0] if head else "",
                        "",
                        _context(tokens, i, j),
                        _names(tokens, i),
                        _each(tokens, i, j),
                        _noun(head),
                    )
                )
            consumed = j
            continue
        vague = _VAGUE_TIME.get(tok.low)
        if vague is not None and i + 1 < n and tokens[i + 1].low in _OFFSET_AFTER and not parse_number(tokens, i - 1):
            # "moments later", "hours later": a time between two events, however vaguely put
            low_d, high_d = vague
            found.append(
                Quantity(
                    QuantityKind.DURATION,
                    Role.OFFSET,
                    tok.start,
                    tokens[i + 1].end,
                    text[tok.start : tokens[i + 1].end],
                    low_d,
                    high_d,
                    "day",
                    "",
                    _context(tokens, i, i + 2),
                    _names(tokens, i),
                )
            )
            consumed = i + 2
            continue
        parsed = parse_number(tokens, i)
        if parsed is None:
            continue
        value, j, unit_from_hyphen = parsed
        currency = CURRENCY.get(tokens[i - 1].text, "") if i > 0 else ""
        hedge, h = _hedge_before(tokens, i - 1 if currency else i)
        unit = unit_from_hyphen
        k = j
        if not unit and k < n and tokens[k].low in UNIT_WORDS:
            unit = UNIT_WORDS[tokens[k].low]
            k += 1
        elif not unit and k + 1 < n and tokens[k].low in {"and", "a"} and tokens[k + 1].low == "half":
            value += 0.5
        if unit:
            q = _duration(tokens, text, i, h, k, value, hedge, unit, ref)
            if q is not None:
                found.append(q)
            consumed = k
            continue
        if tok.low in {"a", "an"} and value == 1:
            continue
        if (i > 0 and tokens[i - 1].text == "/") or (j < n and tokens[j].text == "/"):
            consumed = j  # "9/11", "24/7", "3/4": a name, a schedule or a fraction, not a count
            continue

        if i > 0 and tokens[i - 1].low in _DEFINITE and value <= 12 and h == i:
            consumed = j  # "the two sides", "both": a reference to known things, not a figure reported
            continue
        head = _head(tokens, k)
        if head is None and k + 1 < n and tokens[k].low == "of":
            # "five of the six members", "15 of 19 hijackers": the part counts what the whole counts
            m = k + 2 if tokens[k + 1].low in _DEFINITE else k + 1
            whole = parse_number(tokens, m) if m < n else None
            head = _head(tokens, whole[1] if whole else m)
        if _YEAR_RE.fullmatch(tok.text) and not hedge and not currency and j == i + 1:
            consumed = j  # a year ("the 2016 election", "in 2010"), not a count
            continue
        is_percent = k < n and tokens[k].low in {"%", "percent", "per"}
        head_lemma = "percent" if is_percent else currency or (head[0] if head else "")
        grain = _grain(tokens, i, j)
        if is_percent and not grain and tok.low.isdecimal():
            grain = 1.0  # "36 percent" is said of 35.7 percent
        low_v, high_v = _interval(value, hedge, grain)
        a, b = tokens[h].start, tokens[j - 1].end
        if is_percent:
            b = tokens[k].end if tokens[k].low != "per" or k + 1 >= n else tokens[k + 1].end
        found.append(
            Quantity(
                QuantityKind.COUNT,
                Role.COUNT,
                a,
                b,
                text[a:b],
                low_v,
                high_v,
                head_lemma,
                hedge,
                _context(tokens, i, j),
                _names(tokens, h),
                _each(tokens, i, k),
                "percent" if is_percent else CURRENCY_NOUN.get(currency) or _noun(head),
                near=_context(tokens, h, k, width=2),
            )
        )
        consumed = j
    return found


def _names(tokens: list[Token], i: int, width: int = 10) -> tuple[str, ...]:
    """Names (capitalised words not opening the sentence) before token ``i`` in its clause: whose
    figure it is ("Ruiz won 52 percent", "Ruiz (52 percent)")."""
    out: list[str] = []
    for k in range(i - 1, max(-1, i - 1 - width), -1):
        t = tokens[k]
        if t.text in _CLAUSE_BREAK and k < i - 1:
            break
        capital = t.word and t.text[0].isupper() and t.low not in MONTHS and t.low not in WEEKDAYS
        if k == 0 and capital and (lexicon.lemma(t.text) != lexicon.fold(t.text) or t.low in _DATE_WORDS):
            continue  # a common word capitalised because it opens the sentence ("Efforts", "Officials")
        if capital and lexicon.is_content(t.text):
            out.append(lexicon.fold(t.text))
    return tuple(out)


def _attributive(tokens: list[Token], i: int, j: int) -> bool:
    """Is the date at tokens ``i:j`` part of a name ("the June 19 vote", "a March 16 request")?"""
    before = tokens[i - 1].low if i > 0 else ""
    after = tokens[j] if j < len(tokens) else None
    if before in {"the", "a", "an", "'s", "its", "their", "his", "her"}:
        return True  # "the June 19 vote"
    if before != "of" or after is None or after.low in _DAY_PARTS:
        return False
    return after.word and after.text[0].islower() and lexicon.is_content(after.text)  # "families of Sept. 11 victims"


def _noun(head: tuple[str, list[Token]] | None) -> str:
    return head[1][-1].text.lower() if head else ""


def _each(tokens: list[Token], i: int, k: int) -> bool:
    """Is the figure per item ("nine each", "$5 per share", "1,000 from each side")?"""
    after = [t.low for t in tokens[k : k + 4]]
    return any(w in _EACH for w in after) or (i > 0 and tokens[i - 1].low in {"each", "every", "per"})


def _grain(tokens: list[Token], i: int, j: int) -> float:
    """The rounding a figure implies: "$48 million" may be 48.3 million, "$43,000" may be $43,350
    (a round number is rounded, by at most a few percent); "1,017" and "9" are exact."""
    scale = tokens[j - 1].low if j - 1 > i else ""
    if scale not in numbers.SCALES:
        digits = tokens[i].low.replace(",", "")
        zeros = len(digits) - len(digits.rstrip("0")) if digits.isdecimal() else 0
        if zeros >= 2:
            return min(10.0**zeros, float(digits) * ROUNDING)
        return 0.0
    first = tokens[i].low
    decimals = len(first.split(".")[1]) if "." in first and first[0].isdecimal() else 0
    return float(numbers.SCALES[scale]) * 10.0**-decimals


def _head(tokens: list[Token], k: int) -> tuple[str, list[Token]] | None:
    """The counted noun after a number: the last of up to three content words before a break."""
    words: list[Token] = []
    for n, t in enumerate(tokens[k : k + 3]):
        if not t.word or not lexicon.is_content(t.text) or t.low in UNIT_WORDS:
            break
        if words and t.low.endswith("ed"):
            break  # "people fled": the verb after the counted noun
        words.append(t)
        if t.low.endswith("s") and len(t.low) > 3:
            break
        after = tokens[k + n + 1].low if k + n + 1 < len(tokens) else ""
        if t.low in _PLURALS and not (after.endswith("s") and lexicon.is_content(after)):
            break  # "people", but "police officers" counts officers
    if not words:
        return None
    return lexicon.lemma(words[-1].text.split("-")[-1]), words


def _duration(
    tokens: list[Token],
    text: str,
    i: int,
    h: int,
    k: int,
    value: float,
    hedge: str,
    unit: str,
    ref: dt.date | None,
) -> Quantity | None:
    days = value * DAYS[unit]
    low_v, high_v = _interval(days, hedge, DAYS[unit] if value >= 1 else DAYS[unit] / 2)
    a, b = tokens[h].start, tokens[k - 1].end
    after = tokens[k].low if k < len(tokens) else ""
    before = [t.low for t in tokens[max(0, h - 12) : h]]
    if after == "ago":
        b = tokens[k].end
        if ref is None:
            return None
        today = float(ref.toordinal())
        return Quantity(QuantityKind.DATE, Role.POINT, a, b, text[a:b], today - high_v, today - low_v, "date", hedge)
    if after == "old" or (after == "of" and k + 1 < len(tokens) and tokens[k + 1].low == "age"):
        return None  # an age ("16 years old"), not how long something lasted
    if after in _OFFSET_AFTER:
        role = Role.OFFSET
    elif before and before[-1] in {"in", "for"} and ("first" in before or "since" in before or "last" in before):
        role = Role.ELAPSED
    else:
        role = Role.SPAN
    context = _context(tokens, h, k)
    names = _names(tokens, h)
    return Quantity(QuantityKind.DURATION, role, a, b, text[a:b], low_v, high_v, "day", hedge, context, names)
