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
            "The bill would let bakeries deny service to couples on religious grounds.",
            "The bill would allow bakeries to give service to couples only on religious grounds.",
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
        "The aide quit the mayor's office earlier this month to join a private law firm.",
        "The aide left the mayor's office last year to join a private law firm.",
        DisagreementKind.DATE,
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # two events: an e-mail sent, a call expected
        (
            "Ruiz sent an e-mail to the committee members on Saturday night about the vote.",
            "Ruiz is expected to tell the committee members about the vote on Monday evening.",
        ),
        # two statements by two people
        (
            "In a statement issued Thursday, Jo Lind said the firm would cooperate with the inquiry.",
            "On Sunday, Al Brandt issued a statement saying the inquiry had called the firm.",
        ),
        # ... one named at the start of a clause inside the sentence
        (
            "The hearing on the harbour closed early; Lind issued a statement on Thursday.",
            "On Sunday, Brandt issued a statement about the harbour hearing.",
        ),
        # a coming election and a past one
        (
            "The mayor named an aide to the council seat until a special election in June.",
            "It would be his third race, starting with his win in a special election in March 2019.",
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
        "The couple paid $2.1 million in state taxes over the eight years.",
        "The couple paid $2.4 million in state taxes over the eight years.",
        DisagreementKind.NUMBER,
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Pensioners would then face a 31 percent cut in benefits.",
            "The fund would then be able to pay 69 percent of benefits.",
        ),
        (
            "The couple paid $2.1 million in state taxes over the eight years.",
            "The couple paid $7.4 million in federal taxes over the eight years.",
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
            "But I am not going to let this matter decide what I talk about.",
            "I'm not going to talk about this any longer.",
        ),
        (
            "We're the ones who are not cutting the harbour fund to pay for the new stadium.",
            "We're the ones who are offering a plan to save the harbour fund, to protect the harbour fund.",
        ),
        # a stock phrase in common
        ("And we want to point that out to every voter in Dunmore.", "This is a debate we want to have."),
        # the versions part ways after a few shared words
        (
            "The decisions are informed by the values the council provides,",
            "are informed by the council about how to spend that money.",
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
            "Rise to the occasion. Dress like you mean it, not like a tourist.",
            "Rise to the occasion. Act like the job matters to you. Dress like you mean it, not like a tourist.",
        ),
        # a word added; the words an ellipsis stands for are not a difference
        (
            "I can see more clearly just how hurtful my words were. ... I pledge to learn and grow from this.",
            "I can see more clearly how hurtful my words were. I'd like to apologize to all of those who I have "
            "hurt with my words, and pledge to learn and grow from this.",
        ),
        # a different ending of a few words
        (
            "Every day that passes, the fleet gets closer and closer to a safe harbour,",
            "Every day that passes, the fleet gets closer and closer to safe waters,",
        ),
    ],
)
def test_one_passage_quoted_two_ways_is_still_a_difference(a: str, b: str) -> None:
    assert words_differ(a, b, 0.2)
