"""List articles and vox pops (invented cases): a line naming a person heads each item, and the
item's words in quotation marks belong to that person, past any image credit between them."""

from __future__ import annotations

from core.quotes.test_attribution_more import speakers  # first three words of each quotation -> speaker

VOX_POP = """We asked shoppers at the Dunmore market what they make of the bridge vote.

Ramon Ibarra, 34, Dunmore

"I have crossed that river every day for ten years and nobody asked me once."

"My kids will pay for this bridge long after I am gone."

Celia Mata, 52, a nurse from Harlow.

Courtesy of Celia Mata

"Nobody at the hospital trusts the council with that kind of money."

3. Tomasz Wierzba (61, retired)

Photo: Lena Pratt/Dunmore Ledger

"We voted for a bridge in 1998 and we are still waiting for it."
"""


def test_each_item_is_the_words_of_the_person_heading_it() -> None:
    found = speakers(VOX_POP)
    assert found["I have crossed"] == "Ramon Ibarra"
    assert found["My kids will"] == "Ramon Ibarra"  # a second paragraph of the same item
    assert found["Nobody at the"] == "Celia Mata"  # past the credit "Courtesy of Celia Mata"
    assert found["We voted for"] == "Tomasz Wierzba"  # past a photographer's credit, numbered item


def test_a_relative_quoted_with_a_verb_inside_an_item_keeps_the_words() -> None:
    text = (
        "Ilse Vantongeren, 44, Harlow\n\n"
        "Vantongeren taught at the Harlow school for twenty years.\n\n"
        '"She never missed a single day," her colleague Bram Okafor said.\n'
    )
    assert speakers(text)["She never missed"] == "Bram Okafor"


def test_a_place_heading_is_nobody() -> None:
    text = (
        "Ramon Ibarra, 34, Dunmore\n\n"
        '"I have crossed that river every day for ten years."\n\n'
        "Harlow, Ohio\n\n"
        '"The toll road was supposed to be free by now."\n'
    )
    found = speakers(text)
    assert found["I have crossed"] == "Ramon Ibarra"
    assert found["The toll road"] not in ("Harlow", "Harlow, Ohio", "Ohio")


def test_a_list_with_the_words_first_takes_the_name_line_after_them() -> None:
    text = (
        "Residents of the Harlow towers told us how the eviction notices arrived.\n\n"
        '"Nobody told the tenants anything until the letters came."\n\n'
        "Wilma Thackeray, 71, Block C\n\n"
        '"The lifts have not worked since the spring."\n\n'
        "Osric Penhallow, 40, Block A\n"
    )
    found = speakers(text)
    assert found["Nobody told the"] == "Wilma Thackeray"
    assert found["The lifts have"] == "Osric Penhallow"


def test_a_dash_credit_after_two_paragraphs_of_words_covers_both() -> None:
    text = (
        "'The queue at the food bank now starts at six in the morning.'\n\n"
        "'We have added a second day just to cope.'\n\n"
        "— Margit Solberg, 57, volunteer\n\n"
        "'I never thought I would stand in this queue.'\n\n"
        "— Tobias Renwick, 31, Westfield\n"
    )
    found = speakers(text)
    assert found["The queue at"] == "Margit Solberg"
    assert found["We have added"] == "Margit Solberg"
    assert found["I never thought"] == "Tobias Renwick"


def test_heading_titles_organisations_and_descriptions() -> None:
    text = (
        "Here is how the county reacted to the vote.\n\n"
        "Sen. Odalys Ferreira, D-Harlow\n\n"
        '"This compact took nine years to write and it was worth every one of them."\n\n'
        "Harlow Cyclists Union\n\n"
        '"A down payment on streets where children can ride to school."\n\n'
        "Retired police officer, 67, who asked not to be named\n\n"
        '"The station closing is the worst decision I have seen in thirty years."\n'
    )
    found = speakers(text)
    assert found["This compact took"] == "Odalys Ferreira"
    assert found["A down payment"] == "Harlow Cyclists Union"
    assert (found["The station closing"] or "").lower().startswith("retired police officer")


def test_a_post_shared_by_credits_the_poster_not_the_next_heading() -> None:
    text = (
        '"Ten years sober today. To anyone counting days: keep counting."\n\n'
        "A post shared by Quillon Ardagh (@quillonardagh)\n\n"
        "His bandmate replied within the hour.\n"
    )
    assert speakers(text)["Ten years sober"] == "Quillon Ardagh"


def test_a_narrative_line_ending_in_a_name_is_not_a_heading() -> None:
    text = (
        "1) Ferelith Oduya, 37, Leeds\n\n"
        "Oduya switched to an electric car after her old one failed its test at Harlow Motors.\n\n"
        '"Charging at home is fine. It is the motorway services that are a lottery."\n'
    )
    assert speakers(text)["Charging at home"] != "Harlow Motors"


def test_a_quotation_dash_of_any_house_style_credits_the_words() -> None:
    # "―" (horizontal bar), the quotation dash of some house styles, credits like "—"
    text = (
        "We asked voters what they think of Senator Harlan Boyd. Boyd has said a lot about them.\n\n"
        "\u201cI am scared for my family every day of this campaign.\u201d \u2015 Ana Ruiz, 24, Houston\n\n"
        "\u201cNobody on that stage talks about people like my parents.\u201d \u2015 Jorge Almaraz\n"
    )
    found = speakers(text)
    assert found["I am scared"] == "Ana Ruiz"
    assert found["Nobody on that"] == "Jorge Almaraz"


def test_a_title_case_headline_is_not_a_name_line() -> None:
    text = (
        "Read more of our coverage below.\n\n"
        "Harlan Boyd Puts The Harbor Board On Notice\n\n"
        '"Related:"\n\n'
        "FULL TEXT\n\n"
        '"The economy is what the voters of this county care about most."\n'
    )
    found = speakers(text)
    assert found["The economy is"] is None


def test_a_person_in_a_relative_clause_of_the_lead_in_is_not_the_speaker() -> None:
    text = (
        "Wendeline Achter, 19, a waitress in Torrow, told us: 'I earn more in tips than in wages.'\n\n"
        "Casimir Oyelowo, 58, the owner of the Lantern Inn, where Achter works: 'I would pay more if I could.'\n"
    )
    assert speakers(text)["I would pay"] == "Casimir Oyelowo"
