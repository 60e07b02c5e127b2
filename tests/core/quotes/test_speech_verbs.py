"""Speech verbs are known in every tense a report uses: a verb known as "pledged" is a cue as
"pledges" and "pledging" too (invented cases)."""

from __future__ import annotations

import pytest

from core.quotes.test_attribution_more import speakers as by_words
from core.quotes.test_attribution_news import speakers
from tuireader.core.quotes.context import SPEECH_CUES

Q, E = "\u201c", "\u201d"


@pytest.mark.parametrize(
    "form",
    ["scolds", "pledging", "urges", "scolded", "echoing", "pleaded", "bragging", "demurs", "testifying"],
)
def test_every_tense_of_a_speech_verb_is_a_cue(form: str) -> None:
    assert form in SPEECH_CUES


@pytest.mark.parametrize("noun", ["tweets", "remarks", "comments", "messages", "posts", "voices"])
def test_a_plural_noun_is_not_taken_for_a_verb(noun: str) -> None:
    assert noun not in SPEECH_CUES


def test_a_present_tense_cue_names_its_subject() -> None:
    text = f"The mayor of Brinmouth has one answer for the flood. {Q}We rebuild the pier first,{E} Ada Kell urges."
    assert speakers(text) == [("We rebuild the pier first,", "Ada Kell")]


def test_the_person_before_for_does_the_saying() -> None:
    text = (
        "Harbor Democrats took a different tack this week. "
        'They are still irritated at Judge Albin Corrow for promising to call only "balls and strikes" '
        "when he joined the court.\n"
    )
    assert by_words(text)["balls and strikes"] == "Albin Corrow"


def test_verbs_of_conveying_attribute_the_words() -> None:
    text = (
        "According to the ministry's statement, President Arvid Kolstad conveyed the republic's readiness "
        'to "work together to end the dispute" over the river.\n\n'
        'Still, the willingness expressed by Premier Ilse Marwick to "reopen the border crossings soon" '
        "was welcomed in the capital.\n"
    )
    found = by_words(text)
    assert found["work together to"] == "Arvid Kolstad"
    assert found["reopen the border"] == "Ilse Marwick"


def test_a_cue_in_a_clause_after_the_quotation_is_not_its_attribution() -> None:
    text = (
        f"{Q}In breaking news,{E} Tam Axford posted last May, {Q}the mayor wins the backing of her own aide,{E} "
        "after the mayor's spokesman Rory Belling expressed his support for his boss online.\n"
    )
    assert by_words(text)["the mayor wins"] == "Tam Axford"
