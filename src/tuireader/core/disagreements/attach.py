"""What a figure is attached to: the clause around it, before two figures are said to disagree.

Two sentences aligned as one fact often give figures of different things: "mailed the members
on Friday" and "a hearing with members on Tuesday" date two events; "$2 million in port fees" and
"$7 million in road tolls" are two sums. News attaches a date to the clause it stands in (its
verb, its object, who did it), so two dates are of one event only when their clauses say the same
thing: two shared content words, and the same people when both clauses name someone; and a plan
("will be held March 3", "until a vote in the autumn") is not the event that happened. A sum or a
share is of one thing when the words around it say what (the unit word "percent" says nothing),
and a misreported sum is off by a slip or a rounding, not by a factor of more than two.
"""

from __future__ import annotations

from datetime import date

from tuireader.core.disagreements.measures import ABSTRACT_UNITS
from tuireader.core.text import lexicon
from tuireader.core.text.dates import MONTHS, WEEKDAYS
from tuireader.core.text.numbers import Token
from tuireader.core.text.quantities import Quantity, QuantityKind, Role

# Punctuation and words that open another clause: "..., which", "after the court ruled", "that".
CLAUSE_MARKS = {",", ";", ":", "(", ")", "—", "–", "--", '"', "“", "”"}
CLAUSE_WORDS = {
    "but", "while", "although", "though", "whereas", "because", "when", "after", "before", "until", "unless",
    "which", "who", "whom", "whose", "where", "that", "if", "as", "so",
}  # fmt: skip
# Words that say when, not what happened: every dated clause has them.
TIME_WORDS = frozenset(
    lexicon.lemma(w)
    for w in "day days week weeks month months year years night evening morning afternoon weekend earlier later ago "
    "today tonight yesterday tomorrow last next early late".split()
)
FRONTED = 6  # "On Friday," / "In a statement issued Friday,": an opening phrase dating the next clause
SAME_CLAUSE = 2  # content words two clauses must share to tell one event
SUM_FACTOR = 2.0  # sums or shares further apart than this are two quantities, not one misreported
DATED = {Role.POINT}  # a calendar date ("on Friday", "in June"), not a span ("has lasted for four years")
# Words that make a dated clause a plan or a prospect, not a report of what happened.
PLAN_WORDS = {
    "will", "would", "could", "may", "might", "shall", "'ll", "expected", "expects", "scheduled", "planned", "plans",
    "plan", "until", "upcoming", "next", "due",
}  # fmt: skip
UNIT_WORDS = frozenset(lexicon.lemma(w) for w in "percent percentage point points dollar dollars".split())


def clause(tokens: list[Token], start: int, end: int) -> list[Token]:
    """The tokens of the clause holding the figure at character offsets ``start:end``."""
    inside = [k for k, t in enumerate(tokens) if t.start < end and start < t.end]
    if not inside:
        return []
    first, last = inside[0], inside[-1]

    def mark(k: int) -> bool:
        return tokens[k].text in CLAUSE_MARKS or tokens[k].low in CLAUSE_WORDS

    lo = first
    while lo > 0 and not mark(lo - 1):
        lo -= 1
    if lo > 0 and tokens[lo - 1].low in CLAUSE_WORDS:
        lo -= 1  # "when the vote was held": the opening word is the clause's own
    hi = last
    while hi + 1 < len(tokens) and not mark(hi + 1):
        hi += 1
    if lo == 0 and hi + 1 < len(tokens) and tokens[hi + 1].text == "," and hi - lo < FRONTED:
        hi += 2  # an opening phrase: the clause after the comma is what it dates
        while hi + 1 < len(tokens) and not mark(hi + 1):
            hi += 1
    return tokens[lo : hi + 1]


def _words(part: list[Token], figure: tuple[int, int], first: Token) -> tuple[set[str], set[str]]:
    """(content lemmas, names) of a clause, leaving out the figure and words of time. ``first``:
    the sentence's first token, capitalised whatever it is."""
    content: set[str] = set()
    names: set[str] = set()
    for t in part:
        if not t.word or figure[0] <= t.start < figure[1] or not lexicon.is_content(t.text):
            continue
        if t.text[0].isupper():
            if t is not first and t.low not in MONTHS and t.low not in WEEKDAYS:
                names.add(lexicon.fold(t.text))
            continue
        lem = lexicon.lemma(t.text)
        if lem not in TIME_WORDS:
            content.add(lem)
    return content, names


def same_event(tokens_a: list[Token], a: Quantity, tokens_b: list[Token], b: Quantity) -> bool:
    """Do two dates date the same event? Their clauses share two content words and, when both name
    people or bodies, one of them ("In a statement issued Friday, Jo Roe said" is not "On Tuesday,
    Al Lind issued a statement")."""
    if not tokens_a or not tokens_b:
        return True
    words_a, names_a = _words(clause(tokens_a, a.start, a.end), (a.start, a.end), tokens_a[0])
    words_b, names_b = _words(clause(tokens_b, b.start, b.end), (b.start, b.end), tokens_b[0])
    if names_a and names_b and not names_a & names_b:
        return False
    return len(words_a & words_b) >= SAME_CLAUSE


def same_sum(a: Quantity, b: Quantity) -> bool:
    """Are two sums of money or shares the same quantity told two ways ("$14.2 billion acquisition" /
    "$12.4 billion takeover"), not two quantities ("a 31 percent cut" / "pay 69 percent")?"""
    big, small = max(abs(a.low), abs(b.low)), min(abs(a.high), abs(b.high))
    if small > 0 and big / small > SUM_FACTOR:
        return False
    what = {a.unit, b.unit} | UNIT_WORDS
    near = (set(a.near) & set(b.near)) - what
    around = (set(a.context) & set(b.context)) - what - {"each", "per"}
    return bool(near) or len(around) >= 2


def planned_and_done(a: Quantity, ref_a: date | None, b: Quantity, ref_b: date | None) -> bool:
    """Is one date after its article's day (a plan: "will be held March 3") and the other before its
    own (what happened: "the debate on Tuesday")? A plan and a past event are two things."""
    if ref_a is None or ref_b is None:
        return False
    day_a, day_b = ref_a.toordinal(), ref_b.toordinal()
    return (a.low > day_a and b.high < day_b) or (b.low > day_b and a.high < day_a)


def planned(tokens: list[Token], q: Quantity) -> bool:
    """Does the date's clause tell a plan or a prospect ("will be held", "is expected to", "until a
    vote in the autumn") rather than what happened?"""
    return any(
        t.low in PLAN_WORDS and t.text.islower() and not q.start <= t.start < q.end  # not "in May", "next week"
        for t in clause(tokens, q.start, q.end)
    )


def attached_alike(
    tokens_a: list[Token],
    a: Quantity,
    tokens_b: list[Token],
    b: Quantity,
    refs: tuple[date | None, date | None] = (None, None),
) -> bool:
    """May these two figures, already found to be of one kind, be flagged as one thing told two ways?
    ``refs``: each article's day, against which a date is a plan or a past event."""
    if a.role in DATED and b.role in DATED:
        if planned_and_done(a, refs[0], b, refs[1]) or planned(tokens_a, a) != planned(tokens_b, b):
            return False
        return same_event(tokens_a, a, tokens_b, b)
    if a.kind is QuantityKind.COUNT and a.unit in ABSTRACT_UNITS:
        return same_sum(a, b)
    return True
