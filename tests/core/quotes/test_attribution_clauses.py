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

CASES = [
    pytest.param(
        f"Jo Tam, the mayor of Brinmouth, who is a Quaker, said that {Q}the harbour must stay open to every boat.{E}",
        ["Jo Tam"],
        id="apposition-then-relative-clause",
    ),
    pytest.param(
        f"Jo Tam, the founder of Sea Watch, a harbour charity, said that now {Q}there is no way the council can "
        f"hide behind the budget.{E}",
        ["Jo Tam"],
        id="apposition-then-apposition",
    ),
    pytest.param(
        f"{Q}Ground zero is hallowed ground to us all,{E} Tom Hale, a Whig trying to unseat Representative Ada "
        "Moss, a Tory, in the Third District, said in a typical statement.",
        ["Tom Hale"],
        id="name-then-appositives-only",
    ),
    pytest.param(
        f"Several hours earlier, a senior official also pushed back, saying the plan {Q}does not allow the closure "
        f"of any pier.{E}",
        ["a senior official"],
        id="time-phrase-then-subject",
    ),
    pytest.param(
        f"A day after telling reporters that he would {Q}not talk about the pier anymore,{E} Councillor Tom Hale "
        "broke his silence on Friday.",
        ["Tom Hale"],
        id="participle-in-time-phrase",
    ),
    pytest.param(
        f"The evening began in a familiar way: Marchers walked along the quay and chanted {Q}Hands off the "
        f"harbour!{E} outside the hall.",
        ["Marchers"],
        id="clause-after-colon",
    ),
    pytest.param(
        f"In brief remarks after meeting with President Ivo Lenz of Westmark, Mayor Tom Hale on Wednesday disputed "
        f"that the council feels betrayed by his deal, saying that {Q}the more who look at it, the more will say "
        f"this makes sense.{E}",
        ["Tom Hale"],
        id="participle-after-opening-phrase-and-main-clause",
    ),
    pytest.param(
        f"Tom Hale spoke on Monday. Amplifying the campaign's message, he said the mayor had run a {Q}tide and "
        f"change campaign of the old days.{E}",
        ["Tom Hale"],
        id="participle-opening-the-sentence",
    ),
    pytest.param(
        f"Tom Hale has been quiet. But he's maintained in interviews that {Q}the pier will be rebuilt{E} by spring.",
        ["Tom Hale"],
        id="contracted-pronoun",
    ),
    pytest.param(
        f"President Jo Tam even acknowledged that the crews {Q}were not in a position where they were safe{E} that "
        "night.",
        ["Jo Tam"],
        id="trailing-adverb",
    ),
    pytest.param(
        f"The mayor spoke on Monday. Her comments, said Tom Hale, the harbour master, are {Q}entirely in line with "
        f"what the board has said.{E}",
        ["Tom Hale"],
        id="noun-of-speech-then-inverted-cue",
    ),
    pytest.param(
        f"Tom Hale spoke. The comments signal Tom Hale is ready to fight back, as critics lob charges that Hale "
        f"stands for {Q}closing the harbour as we know it.{E}",
        [None],
        id="noun-of-speech-as-subject",
    ),
    pytest.param(
        f"The cable, sent under the envoy's signature and marked SECRET, warned the harbour office that the police "
        f"advised {Q}two armed groups were camped within the port.{E}\n\nThe cable also warned that the Harbour "
        f"Brigade, the group charged with guarding the port, was weak. It said {Q}requests for a daily patrol have "
        f"gone unanswered.{E}",
        ["The cable", "The cable"],
        id="document-with-participle-appositive",
    ),
    pytest.param(
        f"Another issue dealt with a cable. That cable summarized a meeting the day before by the Harbour Mission in "
        f"Eastport and warned the port could not withstand a {Q}coordinated storm surge.{E}",
        ["That cable"],
        id="demonstrative-document-subject",
    ),
    pytest.param(
        f"Both sides were quiet. {Q}This afternoon, the mayor and the board met to discuss the budget,{E} the "
        "statement released by each office said.",
        ["the statement released by each office"],
        id="document-by-an-unnamed-author",
    ),
    pytest.param(
        f"Tom Hale quoted the Harbour Code. When the official harbour meeting transcript was released, there "
        f"was an asterisk next to Hale's remark. {Q}This phrase does not appear in the Harbour Code,{E} it read.",
        ["the official harbour meeting transcript"],
        id="it-read",
    ),
    pytest.param(
        f"{Q}Even when the system works as built, the agency collects a great deal,{E} the Westshire Courier report "
        f"said.\n\n{Q}However valid her comments may have been, they were better left unsaid,{E} The Westshire "
        f"Courier\u2019s editorial board said Tuesday.",
        ["Westshire Courier", "Westshire Courier"],
        id="document-named-for-its-author",
    ),
    pytest.param(
        f"Harbour Secretary Ada Moss testified on Wednesday. Then-Deputy Assistant Secretary for Harbour Security "
        f"Tom Hale said the port was safe.\n\nThe secretary tried to explain that {Q}1.4 million letters{E} come "
        "through the office every year.",
        ["Ada Moss"],
        id="description-not-a-lesser-rank",
    ),
    pytest.param(
        f"Gov. Tom Hale of Westshire said on Sunday he would seek a new bill.\n\nThe governor, a Republican, told "
        f"the Westshire Star that he was taken aback.\n\n{Q}I support this law,{E} the governor said.",
        ["Tom Hale"],
        id="description-not-an-indefinite-appositive",
    ),
    pytest.param(
        f"Tom Hale denied it. Federal law makes it a crime for anyone {Q}who directly or indirectly, promises any "
        f"berth{E} to someone else {Q}as a favour or reward for any political activity at all.{E} It is also illegal "
        f"for a harbour official to use {Q}his official authority for the purpose of moving any boat{E} in the port.",
        ["Federal law", "Federal law", "Federal law"],
        id="law-quoted",
    ),
    pytest.param(
        f"Under state law, judges must step aside from cases where their {Q}impartiality might reasonably be "
        f"questioned{E} by the parties.",
        ["state law"],
        id="law-framing-the-sentence",
    ),
    pytest.param(
        f"Asked about each candidate, Mayor Tom Hale played along.\n\nCouncillor Reyes? {Q}Strong,{E} he said.\n\n"
        f"Judge Amos Lind? {Q}A patriot.{E}\n\nSenator Ada Moss of Kent? {Q}A terrific, exciting person.{E}\n\n"
        f"And Mr. Vela? {Q}Vela is Vela. He is a good guy.{E}",
        ["Tom Hale", "Tom Hale", "Tom Hale", "Tom Hale"],
        id="interview-answers",
    ),
    pytest.param(
        f"{Q}It is about some odd ideal,{E} Ruddle said.\n\nAn incredulous Tom Hale began his interview with Ruddle "
        f"on Sunday by asking, {Q}What in the world were you talking about?{E}",
        ["Ruddle", "Tom Hale"],
        id="reporters-question-by-asking",
    ),
    pytest.param(
        f"The board also sent her aides the final text.\n\nAsked by one of Ms. Vela\u2019s aides, {Q}Is this the "
        f"final language you want to use on the port,{E} Mr. Ruddle replied with a single word: {Q}Yup.{E}",
        ["one of Ms. Vela\u2019s aides", "Ruddle"],
        id="question-asked-by-an-unnamed-aide",
    ),
    pytest.param(
        f"Tom Hale, the outgoing head of the Harbour Board, just told a group of reporters that failure to pass a "
        f"plan like the deal announced by Mayor Ada Moss this week {Q}would significantly increase the risk{E} of "
        "a flood.",
        ["Tom Hale"],
        id="participle-by-agent-is-no-cue",
    ),
    pytest.param(
        f"On Wednesday, in anticipation of Mr. Vela\u2019s announcement, Mr. Hale laid out his belief that the pier "
        f"should stay shut, even as he acknowledged that it was {Q}a very tender and sensitive topic.{E}",
        ["Hale"],
        id="pronoun-after-opening-phrases",
    ),
    pytest.param(
        f"An executive from Acme Inc., which plans to build a plant in Eastport, called Ms. Vane to urge her to "
        f"reject it, and W. Tom Hale, chairman and chief executive of Harbour Lines, sent her a letter citing the "
        f"town\u2019s {Q}economic comeback{E} and saying, {Q}There is genuine concern throughout the business "
        f"community that this bill would undo it.{E}",
        ["W. Tom Hale", "W. Tom Hale"],
        id="participle-in-a-coordinated-clause",
    ),
    pytest.param(
        f"Rep. Tom Hale was seen on the pier with a student.\n\nHale is then seen trying to snatch a camera out of "
        f"the student\u2019s hands.\n\n{Q}Who are you!{E} the seven-term congressman demands. {Q}Tell me who you "
        f"are. I have a right to know who you are.{E}",
        ["Tom Hale", "Tom Hale"],
        id="role-and-closing-verb",
    ),
    pytest.param(
        f"Representative Tom Hale denied on Wednesday that he had sent the letter.\n\n{Q}I feel terrible for her,{E} "
        f"Mr. Hale said.\n\nThe congressman also expressed concern about the toll on his wife, Ada Moss, a longtime "
        f"aide to Secretary of State Hillary Vane. {Q}I am protecting my wife, who every day is waking up to these "
        f"stories,{E} he told the Courier.",
        ["Hale", "Tom Hale"],
        id="pronoun-after-a-role-subject",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_attribution_clause(text: str, expected: list[str | None]) -> None:
    assert [who for _, who in speakers(text)] == expected
