"""Speech verbs are known in every tense a report uses: a verb known as "pledged" is a cue as
"pledges" and "pledging" too (invented cases)."""

from __future__ import annotations

import pytest

from core.quotes.test_attribution_news import speakers
from tuireader.core.quotes.context import SPEECH_CUES

Q, E = "\u201c", "\u201d"


@pytest.mark.parametrize(
    "form",
    ["scolds", "pledging", "urges", "scolded", "echoing", "pleaded", "bragging", "demurs", "testifying"],
)
def test_every_tense_of_a_speech_verb_is_a_cue(form: str) -> None:
    assert form in SPEECH_CUES


@pytest.mark.parametrize("noun", ["tweets", "remarks", "comments", "messages", "posts"])
def test_a_plural_noun_is_not_taken_for_a_verb(noun: str) -> None:
    assert noun not in SPEECH_CUES


def test_a_present_tense_cue_names_its_subject() -> None:
    text = f"The mayor of Brinmouth has one answer for the flood. {Q}We rebuild the pier first,{E} Ada Kell urges."
    assert speakers(text) == [("We rebuild the pier first,", "Ada Kell")]
