"""Flags a reader can trust: a negation, a date or a sum is flagged only when the two reports tell
the same thing. Sentences of our own (invented names, places and figures), never the corpora."""

from __future__ import annotations

import pytest

from tuireader.core.disagreements.find import find_disagreements
from tuireader.core.disagreements.negation import negation_conflicts
from tuireader.core.disagreements.quoted import words_differ
from tuireader.core.pipeline import analyze
from tuireader.model import Article, DisagreementKind, FactMember, Span
from tuireader.sources.files import RawArticle, build_article

DAY = "2024-09-12"


def _article(name: str, text: str, published: str) -> Article:
    built = build_article(RawArticle(path=f"{name}.txt", text=text, title=name, source=name, published=published))
    assert built is not None
    return built


def flags(a: str, b: str, kind: DisagreementKind, days: tuple[str, str] = (DAY, DAY)) -> list[set[str]]:
    """The values of each flag of ``kind`` between two one-sentence reports taken as one fact."""
    first, second = _article("alpha", a, days[0]), _article("beta", b, days[1])
    analysis = analyze([first, second], facts=False)
    found = find_disagreements(analysis, [FactMember(first.id, 0), FactMember(second.id, 0)])
    return [{v.text for v in d.values} for d in found if d.kind is kind]


def negated(a: str, b: str) -> bool:
    first, second = _article("alpha", a, DAY), _article("beta", b, DAY)
    return bool(negation_conflicts(first, Span(0, len(first.text)), second, Span(0, len(second.text))))


# Negation: the same thing said and unsaid, by the outlet itself.


def test_a_negation_and_its_statement_are_still_flagged() -> None:
    assert negated(
        "The council did not approve the harbour budget on Tuesday.",
        "The council approved the harbour budget on Tuesday.",
    )
    assert negated(
        "The ministry has yet to respond to the court order on the dam.",
        "The ministry responded to the court order on the dam.",
    )
    # a noun that is also a verb of saying ("state", "report") does not make the clause a claim
    assert negated("The state did not pay the harbour fees last year.", "The state paid the harbour fees last year.")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # told as someone's claim (indirect speech), like a quotation
        (
            "The mayor of Dunmore said the council did not approve the harbour budget.",
            "The council approved the harbour budget.",
        ),
        # "deny service" is an act, not a negation
        (
            "The rule would let the park deny entry to visitors on safety grounds.",
            "The rule would allow the park to give entry to visitors only on safety grounds.",
        ),
        # the verb negated is left out: "as Okafor did not a week ago"
        (
            "Ruiz answered every question, as Okafor did not a week ago.",
            "Unlike Okafor a week ago, Ruiz answered every question.",
        ),
        # "has yet to respond" negates too
        (
            "The ministry has yet to respond to the court order on the dam.",
            "The ministry did not respond to the court order on the dam.",
        ),
        # not the same thing apart from the negation: a post is not a seat on a board
        (
            "The city never offered Lind the post of harbour master.",
            "Lind was offered a seat on the harbour board by the city.",
        ),
    ],
)
def test_what_is_not_one_thing_said_and_unsaid(a: str, b: str) -> None:
    assert not negated(a, b)


# Dates: of the same event, by the words of their clauses.


def test_a_date_of_one_event_told_two_ways_is_flagged() -> None:
    assert flags(
        "Mayor Ruiz opened the new dam on the river on Friday, the city said.",
        "Mayor Ruiz opened the new dam on the river on Saturday, the city said.",
        DisagreementKind.DATE,
    )
    # "May" is a month, not a prospect
    assert flags(
        "The council opened the harbour bridge in May, the mayor's office said.",
        "The council opened the harbour bridge in June, the mayor's office said.",
        DisagreementKind.DATE,
    )
    assert flags(
        "The coach quit the rowing club earlier this month to join a rival team.",
        "The coach left the rowing club last year to join a rival team.",
        DisagreementKind.DATE,
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # two events: an e-mail sent, a call expected
        (
            "Ruiz mailed the board members on Friday night about the levy.",
            "Ruiz is expected to brief the board members about the levy on Tuesday evening.",
        ),
        # two statements by two people
        (
            "In a statement issued Friday, Jo Lind said the firm would cooperate with the inquiry.",
            "On Tuesday, Al Brandt issued a statement saying the inquiry had called the firm.",
        ),
        # ... one named at the start of a clause inside the sentence
        (
            "The hearing on the harbour closed early; Lind issued a statement on Thursday.",
            "On Sunday, Brandt issued a statement about the harbour hearing.",
        ),
        # a coming election and a past one
        (
            "The mayor named an aide to the harbour board until a by-election in October.",
            "It would be her third race since her win in a by-election in April 2019.",
        ),
        # the clauses share only the topic of the story
        (
            "The Dunmore Council passed a bill last week allowing ferries to dock at night.",
            "As the Dunmore Council sent a bill to her desk Monday that would allow night ferries, she faced pressure.",
        ),
    ],
)
def test_dates_of_two_events_are_not_flagged(a: str, b: str) -> None:
    assert not flags(a, b, DisagreementKind.DATE, ("2024-09-18", "2024-09-18"))


# Sums and shares: of the same quantity, by the words around them.


def test_a_sum_told_two_ways_is_flagged() -> None:
    assert flags(
        "The club paid $2.1 million in port fees over the eight years.",
        "The club paid $2.4 million in port fees over the eight years.",
        DisagreementKind.NUMBER,
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Farmers would then face a 31 percent cut in water.",
            "The reservoir would then be able to supply 69 percent of the water.",
        ),
        (
            "The club paid $2.1 million in port fees over the eight years.",
            "The club paid $7.4 million in road tolls over the eight years.",
        ),
        (
            "In the poll, Okafor earned 10 percent support.",
            "Lind finished first among young voters (at 20 percent), followed by Okafor.",
        ),
    ],
)
def test_two_quantities_are_not_flagged(a: str, b: str) -> None:
    assert not flags(a, b, DisagreementKind.NUMBER)


# Quotations: two versions of one passage, not two passages of one speaker sharing a few words.


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a long stretch of other words inside: two sentences
        (
            "But I am not going to let one bad week decide how I run the club.",
            "I'm not going to run the club like that any more.",
        ),
        (
            "This council is the one that is not selling the old mill to pay for a car park.",
            "This council is the one that is offering a plan to keep the old mill, to restore the old mill.",
        ),
        # a stock phrase in common
        ("So we need to tell that to every farmer in the valley.", "That is a fight we need to win."),
        # the versions part ways after a few shared words
        (
            "The rulings are shaped by the rules the board sets,",
            "are shaped by the board about how to share the water.",
        ),
    ],
)
def test_two_passages_of_one_speaker_are_not_one_quotation_reworded(a: str, b: str) -> None:
    assert not words_differ(a, b, 0.2)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a sentence left out without an ellipsis
        (
            "Keep the gates open. Pay the crews on time, not at the end of the season.",
            "Keep the gates open. Think of the town first. Pay the crews on time, not at the end of the season.",
        ),
        # a word added; the words an ellipsis stands for are not a difference
        (
            "We can now see plainly just how costly the delay was. ... We promise to repair the pier by spring.",
            "We can now see plainly how costly the delay was. We owe an apology to every family who waited for us "
            "on the quay, and we promise to repair the pier by spring.",
        ),
        # a different ending of a few words
        (
            "Each week the crews get nearer and nearer to a finished bridge,",
            "Each week the crews get nearer and nearer to the finished deck,",
        ),
    ],
)
def test_one_passage_quoted_two_ways_is_still_a_difference(a: str, b: str) -> None:
    assert words_differ(a, b, 0.2)
