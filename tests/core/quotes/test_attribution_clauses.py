"""How the attribution clause is read (issue 13, the blind speaker set): appositions between the
subject and its verb, opening time phrases and participle clauses, contracted pronouns, trailing
adverbs, nouns of speech, documents and interviews. Invented cases, one row per kind: the text and
the speaker of each quotation as written (the speaker span's text, else the description kept;
None: nobody).
"""

from __future__ import annotations

import pytest

from core.quotes.test_attribution_news import speakers

Q, E = "\u201c", "\u201d"

CASES: list[tuple[str, str, list[str | None]]] = [
    (
        "apposition-then-relative-clause",
        f"Jo Tam, the mayor of Brinmouth, who is a Quaker, said that {Q}the harbour must stay open to every boat.{E}",
        ["Jo Tam"],
    ),
    (
        "apposition-then-apposition",
        f"Jo Tam, the founder of Sea Watch, a harbour charity, said that now {Q}there is no way the council can "
        f"hide behind the budget.{E}",
        ["Jo Tam"],
    ),
    (
        "name-then-appositives-only",
        f"{Q}Ground zero is hallowed ground to us all,{E} Tom Hale, a Whig trying to unseat Representative Ada "
        "Moss, a Tory, in the Third District, said in a typical statement.",
        ["Tom Hale"],
    ),
    (
        "time-phrase-then-subject",
        f"Several hours earlier, a senior official also pushed back, saying the plan {Q}does not allow the closure "
        f"of any pier.{E}",
        ["a senior official"],
    ),
    (
        "participle-in-time-phrase",
        f"A day after telling reporters that he would {Q}not talk about the pier anymore,{E} Councillor Tom Hale "
        "broke his silence on Friday.",
        ["Tom Hale"],
    ),
    (
        "clause-after-colon",
        f"The evening began in a familiar way: Marchers walked along the quay and chanted {Q}Hands off the "
        f"harbour!{E} outside the hall.",
        ["Marchers"],
    ),
    (
        "participle-after-opening-phrase-and-main-clause",
        f"In brief remarks after meeting with President Ivo Lenz of Westmark, Mayor Tom Hale on Wednesday disputed "
        f"that the council feels betrayed by his deal, saying that {Q}the more who look at it, the more will say "
        f"this makes sense.{E}",
        ["Tom Hale"],
    ),
    (
        "participle-opening-the-sentence",
        f"Tom Hale spoke on Monday. Amplifying the campaign's message, he said the mayor had run a {Q}tide and "
        f"change campaign of the old days.{E}",
        ["Tom Hale"],
    ),
    (
        "contracted-pronoun",
        f"Tom Hale has been quiet. But he's maintained in interviews that {Q}the pier will be rebuilt{E} by spring.",
        ["Tom Hale"],
    ),
    (
        "trailing-adverb",
        f"President Jo Tam even acknowledged that the crews {Q}were not in a position where they were safe{E} that "
        "night.",
        ["Jo Tam"],
    ),
    (
        "noun-of-speech-then-inverted-cue",
        f"The mayor spoke on Monday. Her comments, said Tom Hale, the harbour master, are {Q}entirely in line with "
        f"what the board has said.{E}",
        ["Tom Hale"],
    ),
    (
        "noun-of-speech-as-subject",
        f"Tom Hale spoke. The comments signal Tom Hale is ready to fight back, as critics lob charges that Hale "
        f"stands for {Q}closing the harbour as we know it.{E}",
        [None],
    ),
    (
        "document-with-participle-appositive",
        f"The cable, sent under the envoy's signature and marked SECRET, warned the harbour office that the police "
        f"advised {Q}two armed groups were camped within the port.{E}\n\nThe cable also warned that the Harbour "
        f"Brigade, the group charged with guarding the port, was weak. It said {Q}requests for a daily patrol have "
        f"gone unanswered.{E}",
        ["The cable", "The cable"],
    ),
    (
        "demonstrative-document-subject",
        f"Another issue dealt with a cable. That cable summarized a meeting the day before by the Harbour Mission in "
        f"Eastport and warned the port could not withstand a {Q}coordinated storm surge.{E}",
        ["That cable"],
    ),
    (
        "document-by-an-unnamed-author",
        f"Both sides were quiet. {Q}This afternoon, the mayor and the board met to discuss the budget,{E} the "
        "statement released by each office said.",
        ["the statement released by each office"],
    ),
    (
        "it-read",
        f"Tom Hale quoted the Harbour Code. When the official harbour meeting transcript was released, there "
        f"was an asterisk next to Hale's remark. {Q}This phrase does not appear in the Harbour Code,{E} it read.",
        ["the official harbour meeting transcript"],
    ),
    (
        "document-named-for-its-author",
        f"{Q}Even when the system works as built, the agency collects a great deal,{E} the Westshire Courier report "
        f"said.\n\n{Q}However valid her comments may have been, they were better left unsaid,{E} The Westshire "
        f"Courier\u2019s editorial board said Tuesday.",
        ["Westshire Courier", "Westshire Courier"],
    ),
    (
        "description-not-a-lesser-rank",
        f"Harbour Secretary Ada Moss testified on Wednesday. Then-Deputy Assistant Secretary for Harbour Security "
        f"Tom Hale said the port was safe.\n\nThe secretary tried to explain that {Q}1.4 million letters{E} come "
        "through the office every year.",
        ["Ada Moss"],
    ),
    (
        "description-not-an-indefinite-appositive",
        f"Gov. Tom Hale of Westshire said on Sunday he would seek a new bill.\n\nThe governor, a Republican, told "
        f"the Westshire Star that he was taken aback.\n\n{Q}I support this law,{E} the governor said.",
        ["Tom Hale"],
    ),
    (
        "law-quoted",
        f"Tom Hale denied it. Federal law makes it a crime for anyone {Q}who directly or indirectly, promises any "
        f"berth{E} to someone else {Q}as a favour or reward for any political activity at all.{E} It is also illegal "
        f"for a harbour official to use {Q}his official authority for the purpose of moving any boat{E} in the port.",
        ["Federal law", "Federal law", "Federal law"],
    ),
    (
        "law-framing-the-sentence",
        f"Under state law, judges must step aside from cases where their {Q}impartiality might reasonably be "
        f"questioned{E} by the parties.",
        ["state law"],
    ),
    (
        "interview-answers",
        f"Asked about each candidate, Mayor Tom Hale played along.\n\nCouncillor Reyes? {Q}Strong,{E} he said.\n\n"
        f"Judge Amos Lind? {Q}A patriot.{E}\n\nSenator Ada Moss of Kent? {Q}A terrific, exciting person.{E}\n\n"
        f"And Mr. Vela? {Q}Vela is Vela. He is a good guy.{E}",
        ["Tom Hale", "Tom Hale", "Tom Hale", "Tom Hale"],
    ),
    (
        "reporters-question-by-asking",
        f"{Q}It is about some odd ideal,{E} Ruddle said.\n\nAn incredulous Tom Hale began his interview with Ruddle "
        f"on Sunday by asking, {Q}What in the world were you talking about?{E}",
        ["Ruddle", "Tom Hale"],
    ),
    (
        "question-asked-by-an-unnamed-aide",
        f"The board also sent her aides the final text.\n\nAsked by one of Ms. Vela\u2019s aides, {Q}Is this the "
        f"final language you want to use on the port,{E} Mr. Ruddle replied with a single word: {Q}Yup.{E}",
        ["one of Ms. Vela\u2019s aides", "Ruddle"],
    ),
    (
        "participle-by-agent-is-no-cue",
        f"Tom Hale, the outgoing head of the Harbour Board, just told a group of reporters that failure to pass a "
        f"plan like the deal announced by Mayor Ada Moss this week {Q}would significantly increase the risk{E} of "
        "a flood.",
        ["Tom Hale"],
    ),
    (
        "pronoun-after-opening-phrases",
        f"On Wednesday, in anticipation of Mr. Vela\u2019s announcement, Mr. Hale laid out his belief that the pier "
        f"should stay shut, even as he acknowledged that it was {Q}a very tender and sensitive topic.{E}",
        ["Hale"],
    ),
]


@pytest.mark.parametrize(("kind", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_attribution_clause(kind: str, text: str, expected: list[str | None]) -> None:
    assert [who for _, who in speakers(text)] == expected
