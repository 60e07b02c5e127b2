"""Which attribution pattern applies to a quotation: credits after it, new subjects before it,
titles and signs, asides and nested speech. Invented cases, one per form of news writing."""

from __future__ import annotations

from core.quotes.test_attribution_news import speakers


def test_dash_credit_line_with_title_party_code_and_apposition() -> None:
    text = '**LINE OF THE WEEK:** "I have had worse weeks." — Sen. Orla Penhallow (D-Maine), asked about the poll.'
    assert speakers(text) == [("I have had worse weeks.", "Orla Penhallow")]
    # a dash inside narration is no credit line
    text = '"We are ready." — Orla Penhallow\'s campaign slogan — ran on every screen.'
    assert [who for _, who in speakers(text)] != ["Orla Penhallow"]


def test_the_sentence_after_presents_the_speaker() -> None:
    text = '9:41 a.m. — "The vote is tonight." That\'s House Speaker Tamsin Odell, speaking outside the chamber.'
    assert speakers(text) == [("The vote is tonight.", "Tamsin Odell")]
    text = "“Not this year” — that was council chair Iver Quist’s reply when asked about the audit."
    assert speakers(text) == [("Not this year", "Iver Quist")]
    # "That is the mood ..." names no speaker
    assert speakers('"We will win." That is the mood in Port Ellery tonight.') == [("We will win.", None)]


def test_a_text_signed_by_someone_speaks_for_its_signer() -> None:
    text = (
        "The appeal went out at noon. The letter, signed by Mayor Hollis Venn herself, read in part:\n\n"
        '"Friends, the pool closes unless we act. Will you help?"'
    )
    assert speakers(text) == [("Friends, the pool closes unless we act. Will you help?", "Hollis Venn")]
    assert speakers('A memo signed by Dara Quell and sent to staff reads: "Offices close Friday."') == [
        ("Offices close Friday.", "Dara Quell")
    ]


def test_a_described_subject_before_a_colon_is_not_the_last_speaker() -> None:
    text = (
        'Mona Ferrick, the club treasurer, told the Gazette the books were "in perfect order." '
        'A board member offered a different account to the same paper: "Nobody has seen the books in a year."'
    )
    assert [who for _, who in speakers(text)] == ["Mona Ferrick", "A board member"]
    text = (
        'REACTIONS:\n\n- Mayor Cato Brill: "The vote was fair."\n\n'
        '- A senior Liberal organiser, speaking on condition of anonymity: "We lost the suburbs."'
    )
    assert [who for _, who in speakers(text)] == ["Cato Brill", "A senior Liberal organiser"]
    text = 'SEEN at the gala: Cato Brill and Mona Ferrick. Overheard from one waiter: "Never again, this crowd."'
    assert [who for _, who in speakers(text)] == ["one waiter"]


def test_a_new_subject_with_coordinated_verbs_after_a_quotation() -> None:
    text = 'A heckler at the door yelled, "Resign now!" Ilse Marrow paused, laughed, and said, "Not tonight, friend."'
    assert [who for _, who in speakers(text)] == ["A heckler at the door", "Ilse Marrow"]


def test_a_person_by_relation_breaks_the_continuation() -> None:
    text = (
        "Rep. Nils Garrow and his Green challenger, Tove Ambry, both spoke on Monday. "
        'Garrow said the rollout had been "a stumble." Her challenger went further. "It is a disaster and a scandal."'
    )
    first, second = (who for _, who in speakers(text))
    # not Garrow's words carried on; the description, or the person it resolves to
    assert (first, second in ("Her challenger", "Tove Ambry")) == ("Garrow", True)


def test_titles_of_works_are_nobodys_words() -> None:
    text = 'Nell Askew, who hosts the podcast "Rivers and Ruin," said the show began as "a way to pass the winter."'
    assert speakers(text) == [("a way to pass the winter.", "Nell Askew")]
    text = 'Mayor Cato Brill is on "Morning Call with Ada Finch" at 8 a.m. Asked about the vote, Brill said: "We won."'
    assert speakers(text) == [("Morning Call with Ada Finch", None), ("We won.", "Brill")]
    text = 'The spot, titled "Old Promises, New Tricks," shows Cato Brill at a fair saying he would "never tax bread."'
    assert speakers(text) == [("never tax bread.", "Cato Brill")]


def test_who_a_video_shows_speaks() -> None:
    text = (
        'The ad, which aired Monday, shows Dana Quell at a forum saying she would "protect every library," then '
        'cuts to a clip of her telling donors that "some branches must close."'
    )
    assert [who for _, who in speakers(text)] == ["Dana Quell", "Dana Quell"]


def test_signs_read_are_nobodys_words() -> None:
    text = 'One man held a sign reading "Save the Pier." Another read "Hands Off Our Harbour."'
    assert [who for _, who in speakers(text)] == [None, None]


def test_a_long_quotation_ending_a_who_clause_is_reported_speech() -> None:
    text = (
        'Ola Brandt toured the mill alongside Sen. Ivo Marsh, who called her "the best friend these valleys have." '
        'The senator, who retires next year, also took aim at the mill owners. "They have never paid their share."'
    )
    assert [who for _, who in speakers(text)] == ["Ivo Marsh", "Ivo Marsh"]
    # a short aside inside the subject stays the narrator's
    assert speakers('Ivo Marsh, who has called the plan "a farce," voted for it on Monday.') == []


def test_a_comment_posted_with_a_clip_is_the_posters() -> None:
    text = (
        'The Brandt campaign shared a clip of Ivo Marsh\'s speech at the fair — "I never read the bill" — '
        'with the caption: "His words, not ours."'
    )
    assert speakers(text)[1] == ("His words, not ours.", "The Brandt campaign")


def test_a_second_partial_quotation_in_a_joined_that_clause() -> None:
    text = (
        'An audit released Friday found that the port\'s accounts were "a complete shambles" and that '
        'nearly $2 million "could not be traced at all."'
    )
    assert [who for _, who in speakers(text)] == ["An audit", "An audit"]


def test_transcript_turns_without_quotation_marks() -> None:
    text = (
        "Rep. Ansel Morrow and Dana Quell traded barbs over the levy. Here is the exchange:\n\n"
        "MORROW: My opponent voted for every levy since 2019.\n\n"
        "QUELL: That is false, and he knows it. (APPLAUSE)\n\n"
        "MODERATOR: We will move on to schools."
    )
    assert speakers(text) == [
        ("My opponent voted for every levy since 2019.", "Ansel Morrow"),
        ("That is false, and he knows it.", "Dana Quell"),
        ("We will move on to schools.", "the moderator"),
    ]


def test_interview_questions_and_answers() -> None:
    text = (
        "Harbour master Ines Rudd spoke to the Courier. Rudd has run the port since 2020.\n\n"
        "Q: Will the ferry run in winter?\n\nA: Only if the council pays for the ice breaker."
    )
    assert speakers(text) == [
        ("Will the ferry run in winter?", "the interviewer"),
        ("Only if the council pays for the ice breaker.", "Ines Rudd"),
    ]


def test_labels_that_name_nobody_are_not_turns() -> None:
    text = (
        "The council met on Friday.\n\nUPDATE: The vote was 5-2.\n\nCORRECTION: An earlier version misnamed the clerk."
    )
    assert speakers(text) == []


def test_name_with_age_and_relative_clause_before_said() -> None:
    text = '"They shut the gates without a word," Tobin Rusk, 58, who drove a forklift there for 30 years, said Monday.'
    assert speakers(text) == [("They shut the gates without a word,", "Tobin Rusk")]


def test_an_organisations_name_before_a_role_and_a_person() -> None:
    text = '9:05 p.m. — Vela spokeswoman Ines Rudd, asked about turnout: "We will see at midnight."'
    assert speakers(text) == [("We will see at midnight.", "Ines Rudd")]


def test_for_a_person_frames_the_sentence_before_a_quotation() -> None:
    text = "For Marta Quell, the ruling changed nothing. “Nothing a judge says brings the mill back.”"
    assert speakers(text) == [("Nothing a judge says brings the mill back.", "Marta Quell")]


def test_here_is_presents_words_of_the_person_named_before() -> None:
    text = (
        "Then came talk host Rory Vane, who spent an hour on the levy. Here is a sample:\n\n"
        '"They take your money and they laugh at you. Every single year."'
    )
    assert speakers(text) == [("They take your money and they laugh at you. Every single year.", "Rory Vane")]
    text = 'The debate turned. Here is Rory Vane in 2019: "Taxes are theft, plain and simple, always."'
    assert speakers(text) == [("Taxes are theft, plain and simple, always.", "Rory Vane")]


def test_headlines_shows_named_by_their_people_and_signs_that_read() -> None:
    text = '"Of course I want the job," Ada Finch told the paper in 2009, in a profile headlined "The Quiet Climber."'
    assert speakers(text) == [("Of course I want the job,", "Ada Finch")]  # the title is no one's words
    text = '"The levy is a tax on trucks, folks," Rory Vane told listeners of "The Rory Vane Hour." "And on you."'
    assert [who for _, who in speakers(text)] == ["Rory Vane", "Rory Vane"]
    text = 'Ada Finch, 70, held a hand-lettered sign that read "Finch Gets It Done." She waved it all afternoon.'
    assert speakers(text) == [("Finch Gets It Done.", None)]


def test_recordings_present_tense_and_a_later_clause_before_a_colon() -> None:
    text = (
        "In the clip, which was posted by the Liberal group Harbour First, Sen. Ada Finch can be heard telling "
        'a donor that the bill "is dead for this session, and I am glad of it."'
    )
    assert [who for _, who in speakers(text)] == ["Ada Finch"]
    text = (
        "Officer Lena Ruiz walks to the car. Her partner, Officer Bram Tolle, waits behind it.\n\n"
        'Seconds later Tolle shouts, "Knife! He has a knife!"'
    )
    assert [who for _, who in speakers(text)] == ["Tolle"]
    text = (
        'The tape runs on. "Is this thing still on?" an aide is heard asking, before Lt. Gov. Omar Brisk '
        'leans in: "Good. I want this on the record."'
    )
    assert [who for _, who in speakers(text)][1] == "Omar Brisk"
