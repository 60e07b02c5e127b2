"""Snapshots of the compare view on the hand-made story (review the SVG report before updating)."""

from __future__ import annotations

from typing import Any

from compare_fakes import Host, fake_compare, make_analysis
from pilot_helpers import settle

from tuireader.ui.compare.screen import CompareScreen


def compare_app(**kwargs: Any) -> Host:
    analysis = make_analysis()
    return Host(lambda: CompareScreen(analysis, "gazette", aligner=fake_compare, **kwargs))


def test_compare_view(snap_compare: Any) -> None:
    assert snap_compare(compare_app(), terminal_size=(120, 40), run_before=settle)


def test_compare_view_on_the_last_disagreement(snap_compare: Any) -> None:
    assert snap_compare(compare_app(), press=["n", "n"], terminal_size=(120, 40), run_before=settle)


def test_compare_view_at_80_by_24(snap_compare: Any) -> None:
    assert snap_compare(compare_app(fact="f-cracks"), terminal_size=(80, 24), run_before=settle)


def test_compare_view_stacked_when_narrow(snap_compare: Any) -> None:
    assert snap_compare(compare_app(), terminal_size=(50, 24), run_before=settle)
