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
        f"Pala Ramos thanked the crew for {Q}fixing the pier before the storm season began.{E}",
        ["Pala Ramos"],
    ),
    (
        "opening-clause-then-subject",
        f"As Kovic spoke, the union was going into overdrive, urging members against {Q}every single ferry closure{E} "
        "at the docks.",
        ["the union"],
    ),
    (
        "memo-titled",
        f"On Monday night, manager Dana Kovic released a memo titled {Q}The Ferry Budget in Plain Numbers.{E}",
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
        f"{Q}The ferry will run again,{E} said Dana Kovic, a harbour pilot. Unless the wind drops by Friday, "
        f"{Q}the first crossing will have to wait until spring.{E}",
        ["Dana Kovic", "Dana Kovic"],
    ),
    (
        "from-the-report",
        f"The survey has limits. From the report: {Q}In most towns, the old piers outlasted the new ones.{E}",
        ["the report"],
    ),
    (
        "possessive-document",
        f"Kovic\u2019s letter makes a practical case: {Q}We must rebuild the sea wall before the next winter.{E}",
        ["Kovic"],
    ),
    (
        "adding-after-a-quotation",
        f"Kovic wrote in her column that the timetable {Q}was a muddle.{E} Adding, {Q}Still, the crews did "
        f"well to keep the boats running at all this month.{E}",
        ["Kovic", "Kovic"],
    ),
    (
        "exclaimed",
        f"{Q}We will not stop,{E} the mayor exclaimed, {Q}until the river is clean.{E}",
        ["the mayor", "the mayor"],
    ),
    (
        "quip",
        f"The date was so odd that a spokesman for Dana Kovic could only quip: {Q}Perhaps the lighthouse was busy.{E}",
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
        f"The email includes a photo of Kovic holding a fish. At the bottom it reads, {Q}Reply by Friday to "
        f"claim a seat on the first ferry of the season.{E}",
        ["The email"],
    ),
    (
        "after-reported-speech",
        "Pruitt frowned and mentioned that the map had been on the harbour website. "
        f"{Q}Why was nobody told about the channel before the regatta?{E}",
        ["Pruitt"],
    ),
    (
        "after-a-statement",
        "The council issued a statement apologizing to Kovic for the emails.\n\n"
        f"{Q}We regret the confusion over the mooring fees and will refund every boat owner.{E}",
        ["The council"],
    ),
    (
        "title-inside-attribution",
        f"{Q}The regatta was better run last year,{E} skipper Bo Ramos, wearing {Q}Team Kovic{E} badges, said.",
        ["Bo Ramos"],
    ),
    (
        "joined-quotations",
        f"Kovic deemed the plan {Q}a sham{E} and {Q}a slow leak in the harbour budget for years.{E}",
        ["Kovic"],
    ),
    (
        "banners-reading",
        f"The parents carried banners reading {Q}Schools, not cuts{E} and {Q}Our kids count{E}.",
        [None, None],
    ),
    (
        "quoted-as-saying",
        f"{Q}Let the oldest skipper ring the bell this year,{E} Ramos was quoted as saying.",
        ["Ramos"],
    ),
    (
        "run-on-before-anonymous",
        "They found no emails at all.\n\n"
        f"{Q}This made us ask what else had slipped through{E} for the audit, said one clerk.",
        ["one clerk"],
    ),
    (
        "description-who-clause-before-cue",
        "The talks are private, but a port official who asked not to be named said "
        f"Wednesday, {Q}The council and the port have met three times this month.{E}",
        ["a port official"],
    ),
    (
        "description-who-clause-after-quotation",
        f"{Q}The crews have worked double shifts since May,{E} a harbour worker, who asked not to be named, "
        "told Harbour News.",
        ["a harbour worker"],
    ),
    (
        "dateline",
        "ASHFORD, July 25 (Wire) \u2014 The Harbour Council released a statement on Monday, offering "
        f"{Q}a full refund of the mooring fees{E} to Mr. Ramos for the delays at the port.",
        ["Harbour Council"],
    ),
    (
        "role-before-name",
        f"The Courier sports columnist Dana Kovic went so far as to write: {Q}The regatta has lost its way.{E}",
        ["Dana Kovic"],
    ),
    (
        "one-word-aside",
        f"Ramos, exasperated, responded: {Q}Who checked the tide tables before the race?{E}",
        ["Ramos"],
    ),
    (
        "participle-after-subordinate-clause",
        "The trouble began at the Harbour Stadium of Ashford, when the visiting fans ran onto the pitch, "
        f"chanting {Q}our town, our team!{E}",
        ["the visiting fans"],
    ),
    (
        "description-said-then-saying",
        "Amid the union calls for a strike, even one dock worker said Kovic would have to decide, "
        f"saying, {Q}Sooner or later the mayor must pick a side on the pay deal.{E}",
        ["one dock worker"],
    ),
    (
        "objects-of-one-subjects-verbs",
        f"Kovic supports {Q}longer ferry timetables,{E} opposes {Q}higher mooring fees for small boats{E} and "
        f"recalled the winter of the closures: {Q}I saw how hard it was for the island families.{E}",
        ["Kovic", "Kovic", "Kovic"],
    ),
    (
        "determiner-opens-a-subject",
        "Sailors lined the quay.\n\nAnother visitor held up this message, written in chalk: "
        f"{Q}This fisherman is here to cheer the crews. Safe home, all of you.{E}",
        ["Another visitor"],
    ),
    (
        "interview-digest",
        "Asked for quick thoughts about each of the candidates, Mr. Ramos played along.\n\n"
        f"Mayor Kovic? {Q}Steady,{E} he said.\n\n"
        f"Senator Ana Pruitt of Ashford? {Q}A sharp and tireless sailor.{E}\n\n"
        f"And Mr. Lind? {Q}He knows every rock in the bay. A fine pilot.{E}",
        ["Ramos", "Ramos", "Ramos"],
    ),
    (
        "described-name-in-verb-slot",
        f"Mayor Ramos said the harbour was finished: {Q}The port is dead,{E} she claimed.\n"
        f"{Q}The port will always be the port,{E} an angry Kovic retaliated. {Q}It never gives up.{E}",
        ["Ramos", "Kovic", "Kovic"],
    ),
    (
        "colon-quotation-ends-its-sentence",
        f"Kovic, exasperated, famously responded: {Q}What difference does it make now?{E} Her critics cited it "
        "as evidence of indifference.",
        ["Kovic"],
    ),
    (
        "description-known-as-a-name",
        f"{Q}There never was an order to wait,{E} said the harbour master known as Captain Lind, speaking for the "
        f"first time. {Q}We sailed at once.{E}",
        ["Lind", "Lind"],
    ),
    (
        "appositive-without-closing-comma",
        f"{Q}The ferry needs a new engine before the winter,{E} Dana Kovic, the engineer who founded "
        "harbourfix.com wrote on Monday.",
        ["Dana Kovic"],
    ),
    (
        "role-and-name-before-colon",
        f"The rise in ferry fares does not surprise harbour analyst Dana Kovic: {Q}Fuel has doubled in price "
        f"since the spring and the crews want more pay.{E}",
        ["Dana Kovic"],
    ),
    (
        "digest-more-from",
        f"Fares are rising again -More from Ramos and Lind: {Q}Fuel has doubled in price since the spring and "
        f"the crews want more pay.{E} [Courier.]",
        ["Lind"],
    ),
    (
        "possessive-speech-noun-of",
        f"It was Mr. Kovic's stirring rejection of {Q}a harbour of closed doors{E} that made him known.",
        ["Kovic"],
    ),
    (
        "crowd-chants-of",
        "Casting herself as the town's defender, Mayor Ramos roused the crowd to spontaneous chants of "
        f"{Q}Save our pier!{E}",
        ["the crowd"],
    ),
    (
        "came-shouts-from",
        f"The chairman called for a voice vote.\n\n{Q}Count the votes,{E} came shouts from the crowd, as the "
        "crowd booed.",
        ["the crowd"],
    ),
    (
        "counted-crowd-chanting",
        "Outside the hall in downtown Ashford, about 200 protesters gathered in three groups, holding signs and "
        f"chanting {Q}No more fares.{E}",
        ["about 200 protesters"],
    ),
    (
        "crowd-in-where-clause-chanting",
        "Mayor Ramos spoke just down the street from the ferry terminal, where about 50 dockers had gathered on "
        f"Monday morning, chanting {Q}no contract, no sailing{E} after the talks failed.",
        ["about 50 dockers"],
    ),
    (
        "lower-case-role-then-names-of-an-institute",
        f"{Q}The new engines could carry twice the load of the old ones,{E} harbour engineers Dana Kovic and "
        "Pala Ramos of the Ashford Institute for Marine Science wrote in May.",
        ["Dana Kovic"],
    ),
    (
        "lower-case-role-names-and-appositive",
        f"{Q}We can only wonder what the plan is,{E} state Senate leader Dana Kovic and House Speaker Pala Ramos, "
        "both Liberals, said in a statement.",
        ["Dana Kovic"],
    ),
    (
        "pronoun-after-asked-opener",
        "Pala Ramos spoke on the radio. Asked about her vote in the event that Mayor Ana Lind faces Tom Kovic, "
        f"she replied: {Q}I don't know yet.{E}",
        ["Pala Ramos"],
    ),
    (
        "asked-opener-then-named-subject-then-pronoun",
        f"Asked Tuesday about Lind, Senator Ana Pruitt said {Q}I don't know anything about Tom Lind and the "
        f"emails,{E} she said.",
        ["Ana Pruitt"],
    ),
    (
        "pronoun-skips-a-capitalised-opener",
        "Putting the show together, Tom Kovic said, freed him. Audiences can expect more recklessness than usual."
        f"\n\n{Q}It is straight from the heart,{E} he said.",
        ["Tom Kovic"],
    ),
    (
        "comma-introduced-quotation-ends-its-sentence",
        "In one exchange between Ramos and her aide Ana Lind in April, Lind forwards a photo.\n\n"
        f"Ramos responds to Lind with, {Q}Why now? That was on my way to the island?{E} Lind then writes back, "
        f"{Q}You look cute.{E}",
        ["Ramos", "Lind"],
    ),
    (
        "adding-after-a-subordinate-clause-verb",
        "Later in the show, after the interview concluded, Lind stated of the ferry scandal that the report "
        f"{Q}was not good.{E} Adding, {Q}Now, like with all harbour scandals, what they do is never that bad. It is "
        f"always how they handle it.{E}",
        ["Lind", "Lind"],
    ),
    (
        "partial-quotation-in-a-sentence-ending-x-said",
        f"Kovic {Q}felt a moral duty to do something about{E} the harbour, Lind said. {Q}This is core stuff for "
        f"him.{E}",
        ["Lind", "Lind"],
    ),
    (
        "ever-since-opening-clause",
        "Ever since she endorsed Mrs. Ramos this month, Ms. Lind has been a powerful ally, visiting the office to "
        f"encourage young staffers with a simple message: {Q}Don\u2019t mess this up!{E}",
        ["Lind"],
    ),
    (
        "name-description-and-who-clause-before-the-verb",
        "Tom Kovic, the former harbour master, who has resented Mr. Lind\u2019s rise as he has struggled, called "
        f"his rival {Q}totally scripted and kind of robotic.{E}",
        ["Tom Kovic"],
    ),
    (
        "next-sentence-credits-the-quotation",
        f"Ferry rules tighten.\n\n{Q}I would rather have a sister in a storm than a brother in the harbour "
        f"office.{E} That quote from Ashford harbour master Tom Kovic appeared on the front page of the Courier "
        "in 1980.",
        ["Tom Kovic"],
    ),
    (
        "honorific-with-full-stop-gives-gender",
        "Rhoda Kovic lost her job at the mill in 2012.\n\nMs. Kovic avoids discussing the vote with her mother, "
        f"but their neighbor Ben Lind, 83, knows just what the town needs. {Q}It will take a junkyard dog to fix "
        f"this,{E} he said.",
        ["Ben Lind"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_speakers_as_news_writes_them(text: str, expected: list[str | None]) -> None:
    assert [who for _, who in speakers(text)] == expected


def test_description_before_a_quoted_title_is_the_speaker() -> None:
    """ "wrote the authors of the 'Plan'": the authors speak (the title after "of the" is not the subject)."""
    found = speakers(
        f"Three years ago, the council published a report on the harbour.\n{Q}If we want young sailors to "
        f"support the port, we have to engage them,{E} wrote the authors of the {Q}Harbour Renewal Plan,{E} "
        "giving the example of the old ferry."
    )
    assert found[0][1] == "the authors"
