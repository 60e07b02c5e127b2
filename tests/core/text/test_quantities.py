"""Figures read as hedged intervals: numbers in digits and words, durations, dates resolved against a day."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader.core.disagreements.measures import same_thing
from tuireader.core.text.dates import reference_day
from tuireader.core.text.quantities import Quantity, QuantityKind, Role, extract

REF = dt.date(2024, 9, 12)  # a Thursday


def one(text: str, ref: dt.date | None = REF) -> Quantity:
    found = extract(text, ref=ref)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "shown"),
    [
        ("Police detained 1,000 protesters overnight.", 1000, "1,000"),
        ("Police detained nine protesters overnight.", 9, "nine"),
        ("Twelve hundred homes were evacuated.", 1200, "Twelve hundred"),
        ("The plan costs 2.5 million euros.", 2_500_000, "2.5 million"),
        ("Two hundred and fifty workers walked out.", 250, "Two hundred and fifty"),
        ("Some twenty-five villages lost power.", 25, "Some twenty-five"),
        ("A dozen ministers resigned.", 12, "A dozen"),
        ("Turnout was 64% in the capital.", 64, "64%"),
    ],
)
def test_counts_in_digits_and_words(text: str, value: float, shown: str) -> None:
    q = one(text)
    assert q.kind is QuantityKind.COUNT
    assert q.text == shown
    assert q.low <= value <= q.high
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text",
    [
        "The meeting began at 5 p.m. local time.",
        "The session opened at 10:00 sharp.",
        "The 17th round of talks opened.",
        "He was first elected in 2019.",  # a date, not a count of 2019 things
    ],
)
def test_times_ordinals_and_years_are_not_counts(text: str) -> None:
    assert all(q.kind is not QuantityKind.COUNT for q in extract(text, ref=REF))


def test_the_counted_noun_is_kept_as_the_unit() -> None:
    assert one("Rescuers freed 300 miners.").unit == one("Rescuers freed 14 miners.").unit
    assert one("Police detained 40 people.").unit == "person"


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("about 250 people", "more than 240 people", True),
        ("over two hours", "more than two hours", True),
        ("nearly 3,000 hectares", "3,000 hectares", True),
        ("at least 40 people", "up to 30 people", False),
        ("1,200 homes", "800 homes", False),
        ("1,200 homes", "twelve hundred homes", True),
        ("$48 million", "$48.3 million", True),  # a figure in millions is rounded
        ("$14.2 billion", "$12.4 billion", False),
        ("less than two hours", "three hours", False),
        ("lasted for four years", "gone on for nearly a year", False),
        ("nearly four years", "four years", True),
    ],
)
def test_hedges_are_intervals(a: str, b: str, agree: bool) -> None:
    qa, qb = one(a), one(b)
    assert qa.agrees(qb) is agree
    assert qb.agrees(qa) is agree


def test_relative_dates_resolve_against_the_reference_day() -> None:
    friday = one("Talks were held on Friday.")
    assert dt.date.fromordinal(int(friday.low)) == dt.date(2024, 9, 6)
    yesterday = one("The vote took place yesterday.")
    assert dt.date.fromordinal(int(yesterday.low)) == dt.date(2024, 9, 11)
    same_day = one("Officials spoke on Thursday.")
    assert dt.date.fromordinal(int(same_day.low)) == REF
    jan = one("He took office on Jan. 20.")
    assert dt.date.fromordinal(int(jan.low)) == dt.date(2024, 1, 20)


def test_since_becomes_elapsed_time_comparable_with_durations() -> None:
    since = one("the first visit since June 2021.")
    assert since.role is Role.ELAPSED
    three = one("the first visit in nearly three years")
    assert three.role is Role.ELAPSED
    last_year = one("the first visit since last year")
    assert since.agrees(three, tolerance=0.05)
    assert not last_year.agrees(three, tolerance=0.05)
    assert not last_year.agrees(since, tolerance=0.05)


def test_without_a_reference_day_relative_dates_are_left_out() -> None:
    assert extract("It happened on Friday and yesterday.", ref=None) == []
    unresolved = one("the first visit since June 2021.", ref=None)
    assert unresolved.role is Role.SINCE


def test_roles_separate_what_is_measured() -> None:
    assert one("the strike will last 48 hours").role is Role.SPAN
    assert one("a 30-day ceasefire").role is Role.SPAN
    assert one("three days after the vote").role is Role.OFFSET
    assert one("a guarantee until 2030").role is Role.DEADLINE


def test_same_thing_needs_the_same_noun_or_shared_context() -> None:
    a = one("The two sides agreed to exchange 500 prisoners from each side.")
    b = one("The deal covers a prisoner exchange of twelve individuals each.")
    c = one("Officials counted 12 tanks on the road.")
    assert same_thing(a, b, only_pair=True)
    assert not same_thing(a, c, only_pair=True)
    call = extract("The phone call lasted more than two hours.", ref=REF)[0]
    war = extract("a war that has lasted for three years", ref=REF)[0]
    assert not same_thing(call, war, only_pair=True)


def test_vote_tallies_are_figures() -> None:
    assert one("The council voted 9-6 on Tuesday night.", ref=None).unit == "tally"


def test_reference_day_accepts_only_iso_dates() -> None:
    assert reference_day("2025-05-20") == dt.date(2025, 5, 20)
    assert reference_day("2025-05-20T10:00:00Z") == dt.date(2025, 5, 20)
    assert reference_day("yesterday") is None
    assert reference_day(None) is None


WORDS = st.sampled_from(
    "about over more than nearly 1,000 nine twelve hundred 2.5 million a year years hours since last on Friday "
    "March 2022 Jan. 20 , . - 30-day 9-6 5 p.m. 10:00 the of people %".split()
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(WORDS, st.text(max_size=6)), max_size=30), st.booleans())
def test_extract_never_crashes_and_spans_stay_inside(parts: list[str], with_ref: bool) -> None:
    text = " ".join(parts)
    for q in extract(text, ref=REF if with_ref else None):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.low <= q.high


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.integers(0, 40), st.integers(0, 40))
def test_extract_respects_the_window(text: str, lo: int, width: int) -> None:
    start = min(lo, len(text))
    end = min(len(text), start + width)
    for q in extract(text, start, end, ref=REF):
        assert start <= q.start < q.end <= end
