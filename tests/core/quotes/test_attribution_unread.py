"""Attribution kinds once left with no speaker on real news (issue 13), with invented cases.

A quotation inside narration (any verb), a newsletter digest's headline, a quotation continued
later in the same paragraph, "From the report:", a possessive document, "Adding, ..." after a
quotation, less common cue forms, and "it said" for a document or an unnamed organisation.
"""

from __future__ import annotations

from core.quotes.test_attribution_news import speakers

Q, E = "\u201c", "\u201d"


def test_a_quotation_inside_narration_is_its_subjects_words() -> None:
    text = f"Pala Ramos thanked the crew for {Q}stepping up and acting when the council would not.{E}"
    assert speakers(text) == [("stepping up and acting when the council would not.", "Pala Ramos")]


def test_a_report_finding_and_an_opening_clause_before_the_subject() -> None:
    text = (
        f"As Kovic spoke, the union was going into overdrive, urging members against {Q}any and all pay cuts{E} "
        "at the docks."
    )
    assert speakers(text) == [("any and all pay cuts", "the union")]


def test_a_memo_titled_is_its_authors_but_a_show_is_nobodys_words() -> None:
    text = f"On Monday night, manager Dana Kovic released a memo titled {Q}The Facts on Where the Vote Stands.{E}"
    assert speakers(text) == [("The Facts on Where the Vote Stands.", "Dana Kovic")]
    text = f"Dale Pruitt appeared on {Q}Late Night Harbour Hour{E} on Tuesday."
    assert speakers(text) == [("Late Night Harbour Hour", None)]


def test_a_stray_capitalised_word_is_not_a_subject() -> None:
    text = f"The budget was late. Wait, it gets worse: the plan {Q}will close the harbour for good next year.{E}"
    assert [who for _, who in speakers(text)] == [None]


def test_a_newsletter_digest_headline_stands_for_the_piece() -> None:
    text = (
        "TOP STORIES.\n\n"
        f"HARBOUR TOWNS BRACE FOR THE FLOOD {Q}Towns along the coast are filling sandbags as the river rises "
        f"faster than it has in forty years.{E} [Coast Courier.]"
    )
    ((_, who),) = speakers(text)
    assert who == "HARBOUR TOWNS BRACE FOR THE FLOOD (Coast Courier)"


def test_a_quotation_later_in_the_paragraph_continues_the_speaker() -> None:
    text = (
        f"{Q}It is a big day,{E} said Dana Kovic, a strategist for the party. Unless the rivals quit soon, "
        f"{Q}it is hard to see how she is stopped on the way.{E}"
    )
    assert speakers(text) == [
        ("It is a big day,", "Dana Kovic"),
        ("it is hard to see how she is stopped on the way.", "Dana Kovic"),
    ]


def test_from_a_report_and_a_possessive_document() -> None:
    text = f"The survey has limits. From the report: {Q}In general, samples with more weighting did better.{E}"
    assert speakers(text) == [("In general, samples with more weighting did better.", "the report")]
    text = f"Kovic\u2019s letter makes a practical case: {Q}We must stand together to protect everyone.{E}"
    assert speakers(text) == [("We must stand together to protect everyone.", "Kovic")]


def test_adding_after_a_quotation_is_the_last_speaker() -> None:
    text = (
        f"Kovic wrote in her column that the plan {Q}was not good.{E} Adding, {Q}Now, like all such plans, "
        f"what it does is never as bad as they say it is.{E}"
    )
    assert [who for _, who in speakers(text)] == ["Kovic", "Kovic"]


def test_less_common_cue_forms() -> None:
    text = f"{Q}We will not stop,{E} the mayor exclaimed, {Q}until the river is clean.{E}"
    assert [who for _, who in speakers(text)] == ["the mayor", "the mayor"]
    text = f"The date was so odd that a spokesman for Dana Kovic could only quip: {Q}I guess the holiday was booked.{E}"
    assert [who for _, who in speakers(text)] == ["Dana Kovic"]
    text = f"{Q}Leave is unpaid for the first year of work,{E} the handbook states, {Q}with no exceptions.{E}"
    assert [who for _, who in speakers(text)] == ["the handbook", "the handbook"]


def test_it_said_for_a_document_or_an_unnamed_organisation() -> None:
    text = (
        "The audit was published on Monday.\n\n"
        f"{Q}The harbour accounts are not in order,{E} the report said. "
        f"{Q}Nobody checked the invoices for years,{E} it added."
    )
    assert [who for _, who in speakers(text)] == ["the report", "the report"]
    text = f"{Q}We are ready,{E} the ministry said. {Q}The boats can sail,{E} it added."
    assert [who for _, who in speakers(text)] == ["the ministry", "the ministry"]


def test_a_quotation_after_a_sentence_that_reports_speech_or_a_statement() -> None:
    text = (
        "Pruitt seemed taken aback and mentioned that the photo had been on the website. "
        f"{Q}Does that not speak to your judgment in any way?{E}"
    )
    assert [who for _, who in speakers(text)] == ["Pruitt"]
    text = (
        "The council issued a statement apologizing to Kovic for the emails.\n\n"
        f"{Q}On behalf of everyone at the council, we offer a sincere apology to Ms. Kovic.{E}"
    )
    assert [who for _, who in speakers(text)] == ["The council"]


def test_a_short_title_inside_the_attribution_does_not_cut_it() -> None:
    text = f"{Q}We had better conventions than this one,{E} delegate Bo Ramos, wearing {Q}Dana Kovic{E} pins, said."
    assert speakers(text)[0] == ("We had better conventions than this one,", "Bo Ramos")


def test_it_said_for_a_document_named_in_narration() -> None:
    text = (
        "Kovic sent out an email to supporters on Tuesday.\n\n"
        f"The email includes a photo of Kovic holding a fish. At the bottom it reads, {Q}You can support the "
        f"cause by chipping in $35 after you enter.{E}"
    )
    assert [who for _, who in speakers(text)] == ["The email"]


def test_joined_quotations_quoted_as_saying_and_a_run_on_before_an_anonymous_source() -> None:
    text = f"Kovic deemed the plan {Q}a con{E} and {Q}a disaster in the making for the harbour.{E}"
    assert speakers(text)[-1] == ("a disaster in the making for the harbour.", "Kovic")
    text = f"The parents carried banners reading {Q}Schools, not cuts{E} and {Q}Our kids count{E}."
    assert [who for _, who in speakers(text)] == [None, None]
    text = f"{Q}How about the mayor starts it off in honour of the town?{E} Ramos was quoted as saying."
    assert [who for _, who in speakers(text)] == ["Ramos"]
    text = (
        "They found no emails at all.\n\n"
        f"{Q}This all raised the question to us: what else are we missing{E} with the request, said one official."
    )
    assert [who for _, who in speakers(text)] == ["one official"]


def test_a_description_with_a_relative_clause_before_the_cue() -> None:
    text = (
        "There is no overlap, but a council official who spoke anonymously to discuss strategy said "
        f"Wednesday, {Q}Certainly there are talks between the council and the port.{E}"
    )
    assert [who for _, who in speakers(text)] == ["a council official"]
    text = (
        f"{Q}The agents are under a lot of pressure,{E} an intelligence source, who was not authorized to speak "
        "on the record, told Harbour News."
    )
    assert [who for _, who in speakers(text)] == ["an intelligence source"]


def test_a_dateline_a_role_before_a_name_and_a_one_word_aside() -> None:
    text = (
        "ASHFORD, July 25 (Wire) \u2014 The Harbour Council released a statement on Monday, offering "
        f"{Q}a deep and sincere apology{E} to Mr. Ramos for the delays at the port."
    )
    assert [who for _, who in speakers(text)] == ["Harbour Council"]
    text = f"The Courier technology columnist Dana Kovic went so far as to say: {Q}The port as we know it is over.{E}"
    assert [who for _, who in speakers(text)] == ["Dana Kovic"]
    text = f"Ramos, exasperated, famously responded: {Q}What difference at this point does it make?{E}"
    assert [who for _, who in speakers(text)] == ["Ramos"]


def test_a_participle_after_a_subordinate_clause_and_a_description_said_before_it() -> None:
    text = (
        "The first incident came during a speech at the Harbour University of Ashford, when Ramos protesters "
        f"interrupted her speech, shouting {Q}she wins, we lose!{E}"
    )
    assert [who for _, who in speakers(text)] == ["Ramos protesters"]
    text = (
        "Alongside the union calls for action, even a top party strategist said Kovic will have to choose, "
        f"saying, {Q}At some point she is going to have to come out.{E}"
    )
    assert [who for _, who in speakers(text)] == ["a top party strategist"]


def test_quotations_as_objects_of_one_subjects_verbs() -> None:
    text = (
        f"Kovic supports {Q}appropriate pay raises,{E} opposes {Q}across-the-board arbitrary pay freezes{E} and "
        f"recalled the freeze on pay: {Q}I saw how hard it was for the staff to be told that.{E}"
    )
    assert [who for _, who in speakers(text)] == ["Kovic", "Kovic", "Kovic"]


def test_a_determiner_opens_a_subject_not_an_opening_phrase() -> None:
    text = (
        "Interns hauled signs.\n\nAnother attendee delivered this message, held aloft: "
        f"{Q}This teacher is here to support the mayor. Get well soon, sir.{E}"
    )
    assert [who for _, who in speakers(text)] == ["Another attendee"]


def test_an_interview_digest_of_questions_and_answers() -> None:
    text = (
        "Asked for quick thoughts about each of the candidates, Mr. Ramos played along.\n\n"
        f"Mayor Kovic? {Q}Strong,{E} he said.\n\n"
        f"Senator Ana Pruitt of Ashford? {Q}A terrific, exciting person.{E}\n\n"
        f"And Mr. Lind? {Q}Lind is Lind. He is a good guy.{E}"
    )
    assert [who for _, who in speakers(text)] == ["Ramos", "Ramos", "Ramos"]
