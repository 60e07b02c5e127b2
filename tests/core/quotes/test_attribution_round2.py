"""Speakers, round 2 (issue 13): failure kinds left on the BASIL speaker set and PolNeAR train.

Invented cases, one row per kind, each failing before its rule.
"""

from __future__ import annotations

import pytest

from core.quotes.test_attribution_news import speakers

CASES = [
    # The plain form of a speech verb after a quotation and a plural subject ("the Xs state").
    (
        'The report angered the council.\n\n"Today, the province leads in clean water," the Vantorians state'
        " in the paper, which was shared on Monday.",
        ("Today, the province leads in clean water,", "Vantorians"),
    ),
    (
        'The report angered the council.\n\n"Our schools are the best in the region," the governors argue.',
        ("Our schools are the best in the region,", "the governors"),
    ),
    # "X agreed with Y that '...'": the quotation is Y's view.
    (
        'The mayor spoke twice. Ms. Quill appeared to agree with Mr. Brandt that "the tax is a mistake."',
        ("the tax is a mistake.", "Brandt"),
    ),
    # A text speaking through a relative clause: "the part of the code that says: '...'".
    (
        'Critics say Roe may have broken the part of the U.S. code that says: "No officer may accept a gift."',
        ("No officer may accept a gift.", "the part of the U.S. code"),
    ),
    # An opening phrase on a speech event with no comma: "In his speech the senator ..., calling ...".
    (
        "Sen. Dale Kellan spoke in Avelon on Monday.\n\nIn Monday's speech the senator also took a swipe at"
        ' Republican hopeful Tam Roe, calling her record as governor "weak at best and reckless at worst."',
        ("weak at best and reckless at worst.", "Dale Kellan"),
    ),
    # A stray comma between the subject and its cue: '"...," Rev. Jo Roe of Saint Anne's, told X.'
    (
        "Ana Vela called it good.\n\n“He said there must be changes,” Vela said.\n\n“We didn’t know it was the"
        " mayor,” Rev. Tam Hollis of Our Lady of Lourdes, told the Courier. “They were really nice.”",
        ("They were really nice.", "Tam Hollis"),
    ),
    # "according to excerpts / prepared remarks" relays the subject's speech: the subject speaks.
    (
        'Sen. Dale Kellan will speak in Avelon on Monday.\n\nKellan will vow to "rebuild the port," according to'
        " excerpts released by his campaign.",
        ("rebuild the port,", "Kellan"),
    ),
    # A request reported inside another's statement: "Roe asked Lind to explore '...', the office said".
    (
        "Tam Roe, the chief of staff, asked Mr. Lind last summer to explore “options of service” on a city board"
        " with Mr. Vela, the Avelon Harbour Authority said in a statement. Mr. Vela said no.",
        ("options of service", "Avelon Harbour Authority"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round2_kinds(text: str, expected: tuple[str, str | None]) -> None:
    assert expected in speakers(text)


def test_plain_verb_is_not_a_cue_elsewhere() -> None:
    # "state" as a noun after a quotation is not a speech verb with a plural subject.
    got = speakers('"We will not back down," Mayor Tilda Rusk said of the state budget.')
    assert got == [("We will not back down,", "Tilda Rusk")]


def test_text_the_subject_added_stays_the_subjects() -> None:
    # "Roe added the caption which reads '...'": the caption is Roe's words, not a source of its own.
    [(_, who)] = speakers('Talia Roe posted it.\n\nRoe added the caption which reads, "Our crew, after the vote."')
    assert who is not None and "Roe" in who


def test_a_report_after_according_to_stays_the_source() -> None:
    text = 'The port closed on Monday.\n\nThe closure was "a grave error," according to a report by the harbour board.'
    assert speakers(text) == [("a grave error,", "a report by the harbour board")]
