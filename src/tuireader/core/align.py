"""Facts across articles, coverage, and the side-by-side model.

STUB: replaced by the comparison work (issue 4). The signatures are the contract.
"""

from __future__ import annotations

from tuireader.core.models import AlignedRow, Analysis, Fact


def align_facts(analysis: Analysis) -> list[Fact]:
    """Group sentences from different articles that report the same fact, with disagreements."""
    return []


def compare(analysis: Analysis, left: str, right: str) -> list[AlignedRow]:
    """Rows in reading order for two articles (ids), with word-level diff ops for matched pairs."""
    return []
