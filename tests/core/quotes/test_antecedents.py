"""Pronoun and description antecedents (issue 13): "..., he said" takes the subject of the clause
before it (centering), not a name inside an opening phrase, a possessive, an apposition, a
prepositional object or a reported clause; a definite description ("the governor") written as
that subject is the antecedent, resolved to the person it names. Invented cases, one row per kind:
the text and the speaker of each quotation as written (the speaker span's text)."""

from __future__ import annotations

import pytest

from core.quotes.test_attribution_news import _article, speakers
from tuireader.core.pipeline import analyze_article

Q, E = "\u201c", "\u201d"

CASES: list[tuple[str, str, list[str | None]]] = [
    (
        "name-in-opening-prepositional-phrase",
        "Robin Brill chaired the hearing on the ferry budget.\n\n"
        "In follow-up questioning by Representative Casey Roland, a Harbour Democrat, Mr. Brill offered what he "
        f"said was one plausible reason for the delay. {Q}The winter storms came early,{E} he said.",
        ["Brill"],
    ),
    (
        "possessive-in-opening-phrase",
        "Casey Roland and Robin Brill have both spoken about the ferry.\n\n"
        "On Wednesday, in anticipation of Roland\u2019s announcement, Brill laid out a belief that the "
        f"ferry should be sold, even as he acknowledged that it was {Q}a painful choice for the island.{E}",
        ["Brill"],
    ),
    (
        "possessive-subject-then-object",
        "Robin Brill and Casey Roland worked together for years on the harbour board.\n\n"
        "But Brill\u2019s plan for the harbour alienated Roland, who often makes the case for a public ferry. "
        f"She called the plan {Q}a disaster for every fisherman on the coast.{E}",
        ["Roland"],
    ),
    (
        "description-subject-then-apposition",
        "Representative Robin Brill spoke to reporters on Friday.\n\n"
        "The congressman also expressed concern about the toll the inquiry was taking on an old friend, "
        f"Alex Roland, a longtime aide to Mayor Casey Dunmore. {Q}I am protecting my friends,{E} he told the station.",
        ["Robin Brill"],
    ),
    (
        "description-subject-after-opening-clause",
        "Gov. Robin Brill of Eastvale defended the ferry law on Sunday.\n\n"
        "The governor, a Republican, told The Eastvale Star that he was taken aback by the protests.\n\n"
        "The law was drafted from a version that President Casey Dunmore backed as a state senator, Brill said.\n\n"
        "Critics say the law is worded to allow wider discrimination.\n\n"
        f"When asked if he would seek new protections, the governor said that he would not. {Q}That is not on "
        f"my agenda,{E} he said on the show.",
        ["Robin Brill"],
    ),
    (
        "subject-pronoun-carried-through-sentences",
        "Casey Roland said in an interview last week that the ferry plan would fail.\n\n"
        "In a later interview with the Harbour Times, she joked about leaving the island if Robin Brill is "
        "elected. She escalated her criticism on Tuesday, telling the station that Brill had never run a boat.\n\n"
        f"{Q}Brill has no idea how a ferry works,{E} she said.",
        ["Casey Roland"],
    ),
    (
        "described-subject-then-prepositional-object",
        "Robin Brill shared a class list on Sunday.\n\n"
        "The candidate also continued to refute a story about his claim that he had been offered a place at "
        f"Harbour Point. {Q}Those are the words a recruiter would use,{E} he said.",
        ["Robin Brill"],
    ),
]


# Right before these rules too: the subject rules must not break them (a description with its name in
# apposition as the subject, a subject pronoun carried through "He said X was ...", a time phrase
# opening the sentence taken for a name).
GUARDS: list[tuple[str, str, list[str | None]]] = [
    (
        "description-then-appositive-name",
        f"Two members spoke. {Q}We need the ferry,{E} said Representative Casey Dunmore, a Westvale Democrat.\n\n"
        "One Democrat, Representative Robin Brill of Eastvale, even raised the threat of a public inquiry.\n\n"
        f"{Q}We know where that road leads,{E} he said.",
        ["Casey Dunmore", "Robin Brill"],
    ),
    (
        "name-in-reported-clause",
        "Rep. Robin Brill, who opposes the ferry plan, said Monday that the council softened Dunmore\u2019s "
        f"original remarks. He said Dunmore was {Q}clearly{E} taking a side.\n\n"
        f"{Q}Everyone agrees the ferry may run. The question is whether it should,{E} he told the station.",
        ["Robin Brill", "Robin Brill"],
    ),
    (
        "time-phrase-opening",
        "Robin Brill chairs the harbour board.\n\n"
        "Weeks before the vote, asked if the board was colluding with the builders, Brill denied it. "
        f"{Q}Nothing could be further from the truth,{E} he said.",
        ["Brill"],
    ),
    (
        "quoted-title-in-opening-phrase",
        f"Speaking on {Q}Harbour Hour,{E} Sen. Robin Brill would not go that far but said Dunmore must apologize.\n\n"
        f"{Q}Casey Dunmore needs to apologize to the crews,{E} he said.",
        ["Robin Brill"],
    ),
]


@pytest.mark.parametrize(("kind", "text", "expected"), CASES + GUARDS, ids=[c[0] for c in CASES + GUARDS])
def test_antecedent_kinds(kind: str, text: str, expected: list[str | None]) -> None:
    assert [who for _, who in speakers(text)] == expected, kind


def _speaker_names(text: str) -> list[str | None]:
    article = _article(text)
    return [q.speaker_name for q in analyze_article(article).quotes if not q.scare]


def test_it_is_the_document_written_as_the_subject_before() -> None:
    """'The cable also warned that the X Brigade ... It said "..."': the cable, not the brigade named in
    its reported clause, nor a group named in an opening phrase."""
    text = (
        "A harbour board cable reached the mayor in August.\n\n"
        "The cable also warned that the Pier Guard Brigade, the group charged with the docks, appeared "
        f"stretched. It said {Q}no patrol has reached the north pier in a month.{E}\n\n"
        "In addition to naming the Dockside Union and the Harbour Watch Company, a key section of the cable "
        f"seemed to foresee the strike. {Q}The crews will walk out before the winter,{E} it said."
    )
    assert _speaker_names(text) == ["The cable", "The cable"]


def test_it_is_the_document_in_an_opening_clause_not_a_name_after_a_preposition() -> None:
    """'Later when the official X briefing transcript was released, ... "...," it read': the transcript
    (a document written with several modifiers), not 'the Almanac' named after a preposition before."""
    text = (
        "The figure quoted by Brill is not in the Almanac, though it is often cited.\n\n"
        "Later when the official Harbour Hall briefing transcript was released, there was an asterisk beside "
        f"Brill\u2019s remark, {Q}This figure does not appear in the Almanac,{E} it read."
    )
    assert _speaker_names(text) == ["the official Harbour Hall briefing transcript"]


def test_subject_after_an_opening_phrase_ending_in_a_place_beats_a_speaker_found_in_the_sentence() -> None:
    """'Speaking in Salem, New Hampshire, X went after Y, calling him "...". He says, "..."': X, the
    subject (a place closing the opening phrase is not the subject), even when the sentence's
    quotation was given to Y (the speaker of that first quotation is not asserted here)."""
    text = (
        "Robin Brill is spending the last day before the vote attacking a rival: Casey Dunmore.\n\n"
        "Speaking at a town hall in Eastvale, New Hampshire, Brill went after Dunmore, calling him "
        f"{Q}a total wreck.{E}\n\n"
        f"He says, {Q}Here is a man who could not run a ferry if his life depended on it.{E}"
    )
    assert speakers(text)[-1] == ("Here is a man who could not run a ferry if his life depended on it.", "Brill")
