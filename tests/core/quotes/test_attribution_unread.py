"""Attribution kinds once left with no speaker (or the wrong one) on real news (issue 13), with
invented cases: one row per kind, the text and the speaker of each quotation as written (the
speaker span's text, else the description kept; None: nobody).
"""

from __future__ import annotations

import pytest

from core.quotes.test_attribution_news import speakers

Q, E = "\u201c", "\u201d"

CASES: list[tuple[str, str, list[str | None]]] = [
    (
        "inside-narration",
        f"Pala Ramos thanked the crew for {Q}stepping up and acting when the council would not.{E}",
        ["Pala Ramos"],
    ),
    (
        "opening-clause-then-subject",
        f"As Kovic spoke, the union was going into overdrive, urging members against {Q}any and all pay cuts{E} "
        "at the docks.",
        ["the union"],
    ),
    (
        "memo-titled",
        f"On Monday night, manager Dana Kovic released a memo titled {Q}The Facts on Where the Vote Stands.{E}",
        ["Dana Kovic"],
    ),
    ("show-title-nobodys", f"Dale Pruitt appeared on {Q}Late Night Harbour Hour{E} on Tuesday.", [None]),
    (
        "stray-capitalised-word",
        f"The budget was late. Wait, it gets worse: the plan {Q}will close the harbour for good next year.{E}",
        [None],
    ),
    (
        "digest-headline",
        "TOP STORIES.\n\n"
        f"HARBOUR TOWNS BRACE FOR THE FLOOD {Q}Towns along the coast are filling sandbags as the river rises "
        f"faster than it has in forty years.{E} [Coast Courier.]",
        ["HARBOUR TOWNS BRACE FOR THE FLOOD (Coast Courier)"],
    ),
    (
        "continued-in-paragraph",
        f"{Q}It is a big day,{E} said Dana Kovic, a strategist for the party. Unless the rivals quit soon, "
        f"{Q}it is hard to see how she is stopped on the way.{E}",
        ["Dana Kovic", "Dana Kovic"],
    ),
    (
        "from-the-report",
        f"The survey has limits. From the report: {Q}In general, samples with more weighting did better.{E}",
        ["the report"],
    ),
    (
        "possessive-document",
        f"Kovic\u2019s letter makes a practical case: {Q}We must stand together to protect everyone.{E}",
        ["Kovic"],
    ),
    (
        "adding-after-a-quotation",
        f"Kovic wrote in her column that the plan {Q}was not good.{E} Adding, {Q}Now, like all such plans, "
        f"what it does is never as bad as they say it is.{E}",
        ["Kovic", "Kovic"],
    ),
    (
        "exclaimed",
        f"{Q}We will not stop,{E} the mayor exclaimed, {Q}until the river is clean.{E}",
        ["the mayor", "the mayor"],
    ),
    (
        "quip",
        f"The date was so odd that a spokesman for Dana Kovic could only quip: {Q}I guess the holiday was booked.{E}",
        ["Dana Kovic"],
    ),
    (
        "states",
        f"{Q}Leave is unpaid for the first year of work,{E} the handbook states, {Q}with no exceptions.{E}",
        ["the handbook", "the handbook"],
    ),
    (
        "it-said-for-a-report",
        "The audit was published on Monday.\n\n"
        f"{Q}The harbour accounts are not in order,{E} the report said. "
        f"{Q}Nobody checked the invoices for years,{E} it added.",
        ["the report", "the report"],
    ),
    (
        "it-said-for-a-ministry",
        f"{Q}We are ready,{E} the ministry said. {Q}The boats can sail,{E} it added.",
        ["the ministry", "the ministry"],
    ),
    (
        "it-reads-for-a-document-in-narration",
        "Kovic sent out an email to supporters on Tuesday.\n\n"
        f"The email includes a photo of Kovic holding a fish. At the bottom it reads, {Q}You can support the "
        f"cause by chipping in $35 after you enter.{E}",
        ["The email"],
    ),
    (
        "after-reported-speech",
        "Pruitt seemed taken aback and mentioned that the photo had been on the website. "
        f"{Q}Does that not speak to your judgment in any way?{E}",
        ["Pruitt"],
    ),
    (
        "after-a-statement",
        "The council issued a statement apologizing to Kovic for the emails.\n\n"
        f"{Q}On behalf of everyone at the council, we offer a sincere apology to Ms. Kovic.{E}",
        ["The council"],
    ),
    (
        "title-inside-attribution",
        f"{Q}We had better conventions than this one,{E} delegate Bo Ramos, wearing {Q}Dana Kovic{E} pins, said.",
        ["Bo Ramos"],
    ),
    (
        "joined-quotations",
        f"Kovic deemed the plan {Q}a con{E} and {Q}a disaster in the making for the harbour.{E}",
        ["Kovic"],
    ),
    (
        "banners-reading",
        f"The parents carried banners reading {Q}Schools, not cuts{E} and {Q}Our kids count{E}.",
        [None, None],
    ),
    (
        "quoted-as-saying",
        f"{Q}How about the mayor starts it off in honour of the town?{E} Ramos was quoted as saying.",
        ["Ramos"],
    ),
    (
        "run-on-before-anonymous",
        "They found no emails at all.\n\n"
        f"{Q}This all raised the question to us: what else are we missing{E} with the request, said one official.",
        ["one official"],
    ),
    (
        "description-who-clause-before-cue",
        "There is no overlap, but a council official who spoke anonymously to discuss strategy said "
        f"Wednesday, {Q}Certainly there are talks between the council and the port.{E}",
        ["a council official"],
    ),
    (
        "description-who-clause-after-quotation",
        f"{Q}The agents are under a lot of pressure,{E} an intelligence source, who was not authorized to speak "
        "on the record, told Harbour News.",
        ["an intelligence source"],
    ),
    (
        "dateline",
        "ASHFORD, July 25 (Wire) \u2014 The Harbour Council released a statement on Monday, offering "
        f"{Q}a deep and sincere apology{E} to Mr. Ramos for the delays at the port.",
        ["Harbour Council"],
    ),
    (
        "role-before-name",
        f"The Courier technology columnist Dana Kovic went so far as to say: {Q}The port as we know it is over.{E}",
        ["Dana Kovic"],
    ),
    (
        "one-word-aside",
        f"Ramos, exasperated, famously responded: {Q}What difference at this point does it make?{E}",
        ["Ramos"],
    ),
    (
        "participle-after-subordinate-clause",
        "The first incident came during a speech at the Harbour University of Ashford, when Ramos protesters "
        f"interrupted her speech, shouting {Q}she wins, we lose!{E}",
        ["Ramos protesters"],
    ),
    (
        "description-said-then-saying",
        "Alongside the union calls for action, even a top party strategist said Kovic will have to choose, "
        f"saying, {Q}At some point she is going to have to come out.{E}",
        ["a top party strategist"],
    ),
    (
        "objects-of-one-subjects-verbs",
        f"Kovic supports {Q}appropriate pay raises,{E} opposes {Q}across-the-board arbitrary pay freezes{E} and "
        f"recalled the freeze on pay: {Q}I saw how hard it was for the staff to be told that.{E}",
        ["Kovic", "Kovic", "Kovic"],
    ),
    (
        "determiner-opens-a-subject",
        "Interns hauled signs.\n\nAnother attendee delivered this message, held aloft: "
        f"{Q}This teacher is here to support the mayor. Get well soon, sir.{E}",
        ["Another attendee"],
    ),
    (
        "interview-digest",
        "Asked for quick thoughts about each of the candidates, Mr. Ramos played along.\n\n"
        f"Mayor Kovic? {Q}Strong,{E} he said.\n\n"
        f"Senator Ana Pruitt of Ashford? {Q}A terrific, exciting person.{E}\n\n"
        f"And Mr. Lind? {Q}Lind is Lind. He is a good guy.{E}",
        ["Ramos", "Ramos", "Ramos"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_speakers_as_news_writes_them(text: str, expected: list[str | None]) -> None:
    assert [who for _, who in speakers(text)] == expected
