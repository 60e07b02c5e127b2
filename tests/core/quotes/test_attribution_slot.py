"""Reading the speaker's noun phrase in the attribution slot, with invented cases: long appositions
(an age, then a relative clause), a role whose name comes in apposition, the words before a colon
(a participle opener, a list item, a live blog's time stamp, a body and a role before the name),
possessives that belong to the speaker ("the boy's family", "the Sheriff's Office") and a sentence
opened by the person it concerns ("For Jo Roe, the verdict ...")."""

from __future__ import annotations

from core.quotes.test_attribution_news import speakers


def test_age_then_relative_clause_before_said() -> None:
    text = '"They shut the gates without a word," Olwen Draycott, 58, who drove a forklift there for 30 years, said.'
    assert speakers(text) == [("They shut the gates without a word,", "Olwen Draycott")]
    text = '"We had no warning," Piet Larsby, 44, of Hollow Creek, who runs the diner, said Monday.'
    assert speakers(text) == [("We had no warning,", "Piet Larsby")]
    text = '"It was our whole life," Mara Quell, 63, whose father built the mill, told reporters.'
    assert speakers(text) == [("It was our whole life,", "Mara Quell")]


def test_role_with_a_capitalised_head_then_the_name() -> None:
    text = 'The council\'s senior Republican, Alderman Rufus Penhale, said the budget was "a fantasy."'
    assert speakers(text) == [("a fantasy.", "Rufus Penhale")]
    text = 'A veteran Democrat, Rep. Ottilie Brandt, called the bill "a betrayal of working families."'
    assert speakers(text) == [("a betrayal of working families.", "Ottilie Brandt")]


def test_participle_opener_names_who_spoke() -> None:
    text = 'The gala ran late. Overheard from one donor near the coat check: "Never again on a weeknight."'
    assert [(q, (who or "").startswith("one donor")) for q, who in speakers(text)] == [
        ("Never again on a weeknight.", True)
    ]


def test_list_item_description_before_colon() -> None:
    text = (
        "WHO SAID WHAT:\n\n"
        '- A senior Republican staffer, speaking on condition of anonymity: "The votes are not there."'
    )
    assert speakers(text) == [("The votes are not there.", "A senior Republican staffer")]


def test_time_stamp_then_body_role_and_name_before_colon() -> None:
    text = (
        "9:40 p.m. — Results are trickling in\n\n"
        '9:42 p.m. — Harbor Freightways spokesman Ilse Varga, asked about turnout: "We feel good about the east side."'
    )
    assert speakers(text) == [("We feel good about the east side.", "Ilse Varga")]


def test_body_role_name_not_a_verb() -> None:
    text = 'Harbor Freightways hired Ilse Varga in March. "She has transformed the place."'
    assert speakers(text)[0][1] != "Harbor Freightways"
    text = 'Later, Ms. Tarnow sent White House aides a memo, warning that the plan was "doomed."'
    assert speakers(text) == [("doomed.", "Tarnow")]


def test_family_is_not_an_adverb() -> None:
    text = (
        'In a statement issued through their lawyer, the girl\'s family wrote:\n\n"Ada loved horses and her friends."'
    )
    said = speakers(text)
    assert said[0][0] == "Ada loved horses and her friends."
    assert said[0][1] is not None and "family" in said[0][1]
    assert "family" in (speakers('The victim\'s family said the sentence was "far too short."')[0][1] or "")


def test_office_named_after_its_holder_is_one_body() -> None:
    text = 'According to a statement from the Brackley County Coroner\'s Office, the driver "died at the scene."'
    assert speakers(text) == [("died at the scene.", "Brackley County Coroner's Office")]
    text = '"The file is closed," the District Attorney\'s Office said.'
    assert speakers(text) == [("The file is closed,", "District Attorney's Office")]


def test_for_person_opener_then_quotation() -> None:
    text = "For Ingrid Halvorsen, the ruling changed nothing. \u201cMy son is still gone.\u201d"
    assert speakers(text) == [("My son is still gone.", "Ingrid Halvorsen")]


def test_for_opener_does_not_override_a_person_subject() -> None:
    text = "For Ingrid Halvorsen, the mayor had harsh words. \u201cShe should resign.\u201d"
    assert speakers(text)[0][1] != "Ingrid Halvorsen"


def test_role_then_name_of_a_body_in_apposition() -> None:
    text = 'Another pollster, Dora Welk of Hallam University, said the race was "flat as a board."'
    assert speakers(text) == [("flat as a board.", "Dora Welk")]


def test_pronoun_after_an_unnamed_person_with_a_place() -> None:
    text = (
        "The station's lines were jammed on Monday. One listener from Pell Harbor said the road had been shut "
        'for a week.\n\n"My shifts are gone," she said.'
    )
    said = speakers(text)
    assert said[0][0] == "My shifts are gone,"
    assert said[0][1] is not None and "listener" in said[0][1]


def test_pronoun_after_an_asker_is_the_one_asked() -> None:
    text = 'A reporter asked Ivo Marsh how he was feeling. He replied: "Never better."'
    assert speakers(text) == [("Never better.", "Ivo Marsh")]


def test_age_then_description_with_relative_clause() -> None:
    text = '"We lost everything," Tovah Brill, 37, a mother of three who works nights at the cannery, said Friday.'
    assert speakers(text) == [("We lost everything,", "Tovah Brill")]


def test_to_person_opener_then_quotation() -> None:
    text = "To Mara Tallis, the ruling meant little. \u201cIt does not bring him back.\u201d"
    assert speakers(text) == [("It does not bring him back.", "Mara Tallis")]


def test_pronoun_after_an_unnamed_worker_at_a_named_place() -> None:
    text = 'A nurse at Saint Ives Hospital said the ward was "overrun." "We had no beds," she said.'
    said = speakers(text)
    assert [w for _, w in said] == ["A nurse at Saint Ives Hospital", "A nurse at Saint Ives Hospital"]


def test_pronoun_after_a_part_of_something_is_not_that_part() -> None:
    text = (
        "One of the central claims of Lena Brisk's speech does not stand up.\n\n"
        'She told her audience:\n\n"There has never been a better plan."'
    )
    assert speakers(text) == [("There has never been a better plan.", "Lena Brisk")]


def test_description_then_name_before_colon() -> None:
    text = 'VOICES:\n\n- The panel\'s only Independent, Kit Morrow: "The count was rigged."'
    assert speakers(text) == [("The count was rigged.", "Kit Morrow")]


def test_pronoun_after_a_spokeswoman_for_a_body() -> None:
    text = 'A spokeswoman for Brill Energy said the outage was "regrettable." "Crews are working," she said.'
    said = speakers(text)
    assert said[1][0] == "Crews are working,"
    assert said[1][1] == said[0][1] and said[1][1] is not None
    text = 'A spokeswoman for Brill Energy said the outage was "regrettable." "Crews are working," he said.'
    assert speakers(text)[1][1] != speakers(text)[0][1]


def test_pronoun_after_an_inverted_unnamed_speaker() -> None:
    text = '"The water came fast," said a farmer from Dunmore County. "We lost the barn," he said.'
    assert [w for _, w in speakers(text)] == ["a farmer from Dunmore County", "a farmer from Dunmore County"]


def test_pronoun_after_an_unnamed_speaker_then_a_named_person() -> None:
    text = 'One farmer near Dunmore said the water "came fast." Jo Roe, the mayor, agreed. "We lost the barn," he said.'
    assert speakers(text)[1][1] not in ("One farmer near Dunmore", "Dunmore")


def test_pronoun_after_a_described_name_is_that_name() -> None:
    text = (
        "Contacted by the Courier, a terse Pella agreed that she was not in the Roe camp.\n\n"
        "\u201cI am supporting Tom Lark,\u201d she said and quickly hung up."
    )
    assert speakers(text) == [("I am supporting Tom Lark,", "Pella")]


def test_party_member_heading_a_description_is_not_a_name() -> None:
    text = '"It is a sham," said the council\'s senior Republican, Alderman Rufus Penhale.'
    assert speakers(text) == [("It is a sham,", "Rufus Penhale")]
    text = 'The panel\'s top Democrat said the bill was "a sham."'
    assert speakers(text) == [("a sham.", "The panel's top Democrat")]
    text = 'Asked about the vote, the panel\'s top Democrat, Lee Hart, said: "It is a sham."'
    assert speakers(text) == [("It is a sham.", "Lee Hart")]


def test_more_apposition_shapes_before_said() -> None:
    assert speakers('"We were lied to," Tam Orly, 51, of Ashford, Vt., said.') == [("We were lied to,", "Tam Orly")]
    text = '"We were lied to," Tam Orly (pictured), a retired welder, said.'
    assert speakers(text) == [("We were lied to,", "Tam Orly")]
    text = '"We were lied to," Tam Orly, who, at 51, had worked there half his life, said.'
    assert speakers(text) == [("We were lied to,", "Tam Orly")]


def test_people_at_a_named_body_are_a_description() -> None:
    text = 'Officials at the Brackley Water Board said the pipes were "ancient."'
    assert speakers(text) == [("ancient.", "Officials at the Brackley Water Board")]
    text = 'Residents of Pell Heights said the noise was "unbearable."'
    assert speakers(text) == [("unbearable.", "Residents of Pell Heights")]
    text = 'Williams of the Brackley Water Board said the pipes were "ancient."'
    assert speakers(text) == [("ancient.", "Williams")]


def test_function_word_between_names_is_not_a_role() -> None:
    text = 'Late on Monday - Jo Roe or Al Lind, asked about the plan: "It is dead."'
    assert speakers(text)[0][1] != "Al Lind"


def test_for_place_opener_is_not_a_speaker() -> None:
    text = 'For Pell County, the closure was a blow. "We will survive this somehow."'
    assert speakers(text)[0][1] != "Pell County"


def test_a_title_with_of_before_the_name() -> None:
    text = (
        '"We are united," Harbor Party Chief of Staff Wendeline Achter said on Monday. '
        '"The vote stands," said Deputy Secretary of State Casimir Oyelowo.'
    )
    assert speakers(text) == [("We are united,", "Wendeline Achter"), ("The vote stands,", "Casimir Oyelowo")]
