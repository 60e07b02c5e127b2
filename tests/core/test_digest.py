"""The digest the views share: counts per article, the quote ledger's grouping, name spellings."""

from __future__ import annotations

import pytest
from compare_fakes import make_analysis

from tuireader.core.digest import group_quotes, same_quote, spelled_differently, spellings


def test_quotes_are_grouped_by_speaker_across_sources() -> None:
    speakers = group_quotes(make_analysis())
    assert [s.name for s in speakers] == ["Ana Ruiz", "Tom Becker"]
    assert speakers[0].articles == ("gazette", "courier")
    assert [q.quote.speaker_name for q in speakers[0].quotes] == ["Ana Ruiz", "Ana Ruis"]
    assert len(speakers[0].clusters) == 1  # "We cannot…" and "We can not…": the same quotation


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("We cannot wait any longer.", "We can not wait any longer", True),
        ("the deck is in poor shape and must be replaced", "The deck is in poor shape,", True),  # a fragment
        ("The deck is in poor shape.", "The council has run out of money.", False),
        ("poor shape", "The deck is in poor shape and must be replaced", False),  # too short to be a fragment
        ("", "anything", False),
    ],
)
def test_same_quote(a: str, b: str, same: bool) -> None:
    assert same_quote(a, b) is same


@pytest.mark.parametrize(
    ("a", "b", "differ"),
    [
        ("Zelensky", "Zelenskyy", True),
        ("Volodymyr Zelenskyy", "Zelensky", True),
        ("J.D. Vance", "JD Vance", True),
        ("Caroline Levitt", "Karoline Leavitt", True),
        ("Riedel", "Tomas Riedel", False),  # a surname alone is a short reference, not a spelling
        ("Tomas Riedel", "tomas riedel", False),
    ],
)
def test_spelled_differently(a: str, b: str, differ: bool) -> None:
    assert spelled_differently(a, b) is differ


def test_spellings_leave_out_shorter_references() -> None:
    assert spellings(["Ana Ruiz", "Ruiz", "Ana Ruis", "Ana Ruiz"]) == ["Ana Ruiz", "Ana Ruis"]
    assert spellings(["Dr. Ruiz", "Ana Ruiz"]) == ["Dr. Ruiz", "Ana Ruiz"]  # neither is a part of the other
