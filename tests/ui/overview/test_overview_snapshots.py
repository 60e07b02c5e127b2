"""Snapshots of the story overview on the hand-made story (review the SVG report before updating)."""

from __future__ import annotations

from typing import Any

from compare_fakes import Host, fake_compare, make_analysis
from pilot_helpers import settle

from tuireader.ui.overview.screen import OverviewScreen


def overview_app() -> Host:
    analysis = make_analysis()
    return Host(lambda: OverviewScreen(analysis, aligner=fake_compare))


def test_overview(snap_compare: Any) -> None:
    assert snap_compare(
        overview_app(), press=["down", "down", "right", "right", "right"], terminal_size=(120, 40), run_before=settle
    )


def test_overview_quote_ledger_focused(snap_compare: Any) -> None:
    assert snap_compare(overview_app(), press=["tab", "down"], terminal_size=(120, 40), run_before=settle)


def test_overview_at_80_by_24(snap_compare: Any) -> None:
    assert snap_compare(overview_app(), terminal_size=(80, 24), run_before=settle)
