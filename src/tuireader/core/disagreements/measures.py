"""Whether two figures measure the same thing: the question before asking whether they agree.

"1,200 homes" and "eight hundred houses" do (one fact, the same evacuation); "two hours" of a
meeting and "three years" of a strike do not, though both "lasted". Counts match on the counted
noun or on the words around them; times on their role, their magnitude and a shared context word.
"""

from __future__ import annotations

from tuireader.core.text import lexicon
from tuireader.core.text.quantities import Quantity, QuantityKind, Role

GENERIC_TIME = frozenset(
    lexicon.lemma(w)
    for w in "last lasted take took spend spent run ran continue long lengthy time period duration set expected "
    "each per almost end ended ending finish begin began start started after within".split()
)
MAGNITUDE = 20.0  # time figures further apart than this factor measure different things


def category(q: Quantity) -> str:
    """Figures are only compared within a category: counts, or one role of time."""
    return "count" if q.kind is QuantityKind.COUNT else str(q.role)


ABSTRACT_UNITS = frozenset({"percent", "dollar", "pound", "euro", "yen"})
ABSTRACT_MAGNITUDE = 5.0  # sums or shares further apart than this factor are of different things
# Counted nouns that stand for any kind of person: "nine individuals" may be nine prisoners.
GENERIC_COUNTED = frozenset(lexicon.lemma(w) for w in "people person individual".split())


def same_counted(a: Quantity, b: Quantity) -> bool:
    """Do two counts count the same kind of thing (same noun or unit; a generic noun for people
    stands for the specific one its context names: "a prisoner swap ... nine individuals each")?"""
    if not a.unit or not b.unit:
        return False
    if a.unit == b.unit:
        return True
    if "tally" in (a.unit, b.unit) or "percent" in (a.unit, b.unit):
        return False
    return (a.unit in GENERIC_COUNTED and b.unit in a.context) or (b.unit in GENERIC_COUNTED and a.unit in b.context)


def context_overlap(a: Quantity, b: Quantity) -> int:
    return len((set(a.context) & set(b.context)) - {"each", "per"})


def same_thing(a: Quantity, b: Quantity, only_pair: bool, strict: bool = False) -> bool:
    """Do two figures of one category measure the same thing ("1,200 homes" / "eight hundred houses")?

    Counts of the same noun do; otherwise their surrounding words must overlap, less strictly when
    they are the only figures of their kind in two sentences already known to report one fact.
    ``strict`` is for sentences not known to report one fact: counts must name the same noun and
    dates must be of like precision (a day is not compared with "next month").
    """
    if category(a) != category(b):
        return False
    if a.names and b.names and not set(a.names) & set(b.names):
        return False  # one name's figure is not another's ("Ruiz 52%" / "Okafor 40%")
    if a.kind is QuantityKind.COUNT:
        if not same_counted(a, b) or a.each != b.each:
            return False  # people are not dollars; "nine each" is not "18 in all"
        if a.unit in ABSTRACT_UNITS:
            big, small = max(a.low, b.low), min(a.high, b.high)
            if small > 0 and big / small > ABSTRACT_MAGNITUDE:
                return False  # "$313.89" on toys and "$750,000" in all: two sums, not one sum misreported
            # Percentages and sums of money measure anything: the words around them must say what
            # ("a $14 billion acquisition" / "a $12 billion takeover").
            return context_overlap(a, b) >= 2 or bool(set(a.near) & set(b.near))
        if strict:
            # Not known to report one fact: the figures must also share what happened to what they count.
            return (
                len(set(a.context) | {a.unit}) + len(set(b.context) | {b.unit})
                > len(set(a.context) | {a.unit} | set(b.context) | {b.unit}) + 1
            )
        # Several figures in one fact: what happened to the things counted must match too.
        return context_overlap(a, b) >= 1
    if a.kind is not QuantityKind.DATE or a.role is Role.ELAPSED:
        big, small = max(abs(a.low), abs(b.low)), min(abs(a.high), abs(b.high))
        if small > 0 and big / small > MAGNITUDE:
            return False  # "lasted two hours" (a call) and "lasted three years" (a war) are about different things
    if a.role is Role.OFFSET:
        # "a day after the call" / "three days after the talks"; the only two in one fact: the same gap
        return context_overlap(a, b) >= (1 if only_pair or strict else 2)
    if QuantityKind.DATE in (a.kind, b.kind) and a.role is not Role.ELAPSED:
        if a.attributive or b.attributive:
            return False  # "the June 19 vote" names a vote; it does not date what the sentence reports
        if strict and a.role is Role.POINT:
            wide, narrow = sorted((a.high - a.low + 1, b.high - b.low + 1), reverse=True)
            if wide > 10 * narrow:
                return False
        # A story dates many events: the same event needs its words next to both dates, or the same people.
        shared = context_overlap(a, b)
        same_event = bool(set(a.near) & set(b.near)) or (bool(set(a.names) & set(b.names)) and shared >= 3)
        return shared >= 2 and same_event
    # "two hours" of a call is not "a year" of a war: the shared context must say what lasted
    return len((set(a.context) & set(b.context)) - GENERIC_TIME) >= 1


def shares_slot(qa: list[Quantity], qb: list[Quantity]) -> bool:
    """Do two sentences give a figure for the same thing (whether or not the figures agree)?"""
    return any(same_thing(a, b, only_pair=False) for a in qa for b in qb)
