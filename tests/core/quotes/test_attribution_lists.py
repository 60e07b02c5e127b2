"""List articles and vox pops (invented cases): a line naming a person heads each item, and the
item's words in quotation marks belong to that person, past any image credit between them."""

from __future__ import annotations

from core.quotes.test_attribution_news import speakers as quoted_speakers


def speakers(text: str) -> dict[str, str | None]:
    """The first three words of each quotation -> its speaker as written."""
    return {" ".join(words.split()[:3]): who for words, who in quoted_speakers(text)}


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
