"""Typed disagreements between reports of one fact, on small made-up stories (not the seeds)."""

from __future__ import annotations

from datetime import date

import pytest

from tuireader.core.disagreements.find import find_disagreements
from tuireader.core.disagreements.quoted import words_differ
from tuireader.core.disagreements.spelling import spelling_differs
from tuireader.core.pipeline import analyze
from tuireader.model import Analysis, Article, Disagreement, DisagreementKind, FactMember
from tuireader.sources.files import RawArticle, build_article


def article(name: str, text: str, published: str | None = "2024-09-12") -> Article:
    built = build_article(RawArticle(path=f"{name}.txt", text=text, title=name, source=name, published=published))
    assert built is not None
    return built


def between(a: str, b: str, pub_a: str | None = "2024-09-12", pub_b: str | None = "2024-09-12") -> list[Disagreement]:
    """Disagreements between the single sentences of two one-sentence articles, as one fact."""
    first, second = article("alpha", a, pub_a), article("beta", b, pub_b)
    analysis = analyze([first, second], facts=False)
    return list(find_disagreements(analysis, [FactMember(first.id, 0), FactMember(second.id, 0)]))


def kinds(found: list[Disagreement]) -> set[DisagreementKind]:
    return {d.kind for d in found}


def test_numbers_in_digits_and_words_that_differ() -> None:
    found = between(
        "The two governments agreed to release 300 detainees from each side.",
        "The two governments agreed on a release of twelve detainees each.",
    )
    (number,) = [d for d in found if d.kind is DisagreementKind.NUMBER]
    assert number.summary == "numbers differ (detainees each): 300 vs twelve"
    assert {v.text for v in number.values} == {"300", "twelve"}


def test_hedged_figures_that_can_both_be_true_are_not_flagged() -> None:
    assert not between(
        "About 250 nurses marched to the ministry on Monday.",
        "More than 240 nurses marched to the ministry on Monday.",
    )
    assert not between(
        "The hearing lasted over two hours, officials said.",
        "The hearing lasted more than two hours, officials said.",
    )


def test_durations_that_differ() -> None:
    found = between(
        "Farmers are struggling with a drought that has lasted for four years.",
        "Farmers are struggling with a drought that has gone on for nearly a year.",
    )
    (duration,) = found
    assert duration.kind is DisagreementKind.DURATION
    assert duration.summary == "durations differ (how long): four years vs nearly a year"


def test_relative_dates_are_resolved_before_comparing() -> None:
    found = between(
        "It was the first visit by a foreign minister since last year.",
        "It was the first visit by a foreign minister since June 2021.",
    )
    assert kinds(found) == {DisagreementKind.DATE}
    same = between(
        "The fire broke out on Sunday afternoon near the village.",
        "The fire broke out on Sunday near the village, officials said.",
        "2024-09-12",
        "2024-09-11",
    )
    assert not same
    differ = between(
        "The fire broke out on Sunday afternoon near the village.",
        "The fire broke out late on Saturday near the village.",
    )
    assert kinds(differ) == {DisagreementKind.DATE}


def test_names_spelled_differently() -> None:
    found = between(
        "Spokeswoman Katrin Holloway said the talks would resume.",
        "Spokeswoman Catrin Hollaway said the talks would resume.",
    )
    (name,) = found
    assert name.kind is DisagreementKind.NAME
    assert {v.text for v in name.values} == {"Katrin Holloway", "Catrin Hollaway"}


@pytest.mark.parametrize(
    ("a", "b", "differs"),
    [
        ("Caroline Levitt", "Karoline Leavitt", True),
        ("Zelensky", "Zelenskyy", True),
        ("Josep Llorens", "Jose Llorens", True),
        ("Ingrid Sølberg", "Ingrid Solberg", True),
        ("Trump", "Donald Trump", False),
        ("President Trump", "Trump's", False),
        ("JD Vance", "J.D. Vance", False),
        ("Vicente Marín", "Vicente Marin", False),
        ("Russia", "Russian", False),
        ("Johnson", "Jackson", False),
    ],
)
def test_what_counts_as_a_spelling_difference(a: str, b: str, differs: bool) -> None:
    assert spelling_differs(a, b) is differs


def test_negation() -> None:
    found = between(
        "Negotiators reached an agreement on Monday evening on job protection.",
        "Negotiators failed to reach an agreement on Monday evening, union officials said.",
    )
    (negation,) = found
    assert negation.kind is DisagreementKind.NEGATION
    texts = {v.text for v in negation.values}
    assert "failed to reach an agreement" in texts
    assert any(t.startswith("reached an agreement") for t in texts)


def test_negating_something_else_is_not_a_negation_conflict() -> None:
    assert not between(
        "The meeting produced an agreement to swap prisoners but no breakthrough on a truce.",
        "The meeting ended with a deal on a prisoner swap but no agreement on a truce.",
    )
    assert not between(
        "The minister did not say whether the city would accept the plan.",
        "The plan was accepted by the city and the minister did not object.",
    )


def test_same_speaker_quoted_with_different_words() -> None:
    found = between(
        '"The next 24 hours will be decisive for the town," said Mayor Anton Riedel.',
        '"The next day will be decisive for the town," said Mayor Anton Riedel.',
    )
    assert DisagreementKind.QUOTE in kinds(found)


@pytest.mark.parametrize(
    ("a", "b", "differs"),
    [
        ("We will rebuild every house.", "we will rebuild every house", False),  # case and punctuation
        ("We will rebuild every house, and we will do it this year.", "We will rebuild every house", False),
        ("The next 24 hours will be decisive,", "The coming day will be decisive for the town,", True),
        ("Let the rebuilding begin!", "We will start rebuilding the bridge immediately.", False),  # two utterances
    ],
)
def test_when_quoted_words_differ(a: str, b: str, differs: bool) -> None:
    assert words_differ(a, b, 0.2) is differs


def test_disagreements_only_between_different_articles() -> None:
    first = article("alpha", "Police detained 40 people. Later police detained 90 people.")
    analysis = Analysis(articles=[first])
    assert find_disagreements(analysis, [FactMember(first.id, 0), FactMember(first.id, 1)]) == ()


def test_values_point_at_the_exact_text() -> None:
    found = between(
        "Rescuers pulled 14 miners from the collapsed shaft on Tuesday.",
        "Rescuers pulled 41 miners from the collapsed shaft on Tuesday.",
    )
    (number,) = found
    assert number.summary == "numbers differ (miners): 14 vs 41"
    for value in number.values:
        assert value.text in {"14", "41"}
        assert value.end - value.start == 2


def test_same_words_on_different_days_say_which_day() -> None:
    from tuireader.core.disagreements.find import _figure_summary
    from tuireader.core.text.quantities import Quantity, QuantityKind, Role
    from tuireader.model import DisagreementKind, DisagreementValue

    a = DisagreementValue("a", 0, 9, "on Monday")
    b = DisagreementValue("b", 0, 9, "on Monday")
    day = date(2024, 3, 4).toordinal()
    figures = {
        a: Quantity(QuantityKind.DATE, Role.POINT, 0, 9, "on Monday", day, day, "date"),
        b: Quantity(QuantityKind.DATE, Role.POINT, 0, 9, "on Monday", day + 7, day + 7, "date"),
    }
    summary = _figure_summary(DisagreementKind.DATE, [a, b], figures)
    assert summary == "dates differ (when): on Monday (2024-03-04) vs on Monday (2024-03-11)"
