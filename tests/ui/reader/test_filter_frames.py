"""Typing in the filter: each letter is drawn together with its results, never a frame with the
new letter over the previous query's list, and never held back when no results come."""

from __future__ import annotations

from typing import Any

import pytest
from pilot_helpers import settle
from reader_fakes import port_strike

from tuireader.ui.app import ReaderApp, make_app
from tuireader.ui.reader.filter_input import HOLD, FilterInput
from tuireader.ui.reader.screen import MainScreen


def _record_frames(app: ReaderApp) -> list[tuple[str, str | None]]:
    """(the box's text, the query of the results the list holds) at every frame drawn."""
    frames: list[tuple[str, str | None]] = []
    shown: dict[str, str | None] = {"query": None}
    lst = app.main.article_list
    set_results, display = lst.set_results, app._display

    def recording_results(results: Any) -> None:
        set_results(results)
        shown["query"] = app.main.query_text if results is not None else None

    def recording_display(*args: Any) -> None:
        display(*args)
        frames.append((app.main.query_one(FilterInput).value.strip(), shown["query"]))

    lst.set_results = recording_results  # type: ignore[method-assign]
    app._display = recording_display  # type: ignore[method-assign]
    return frames


async def test_a_letter_is_drawn_with_its_results() -> None:
    app = make_app(port_strike(), theme="textual-dark")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        frames = _record_frames(app)
        await pilot.press("slash")
        for letter in "harb":
            await pilot.press(letter)
            await settle(pilot)
        typed = [f for f in frames if f[0]]
        assert {box for box, _ in typed} == {"h", "ha", "har", "harb"}
        # Every frame showing a query in the box shows that query's results below it.
        assert all(box == query for box, query in typed), typed


async def test_the_letter_is_drawn_when_no_results_come(monkeypatch: pytest.MonkeyPatch) -> None:
    # A search that never answers (a failed worker): the letter still shows, HOLD later at most.
    monkeypatch.setattr(MainScreen, "run_filter", lambda self, index, query: None)
    app = make_app(port_strike(), theme="textual-dark")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        frames = _record_frames(app)
        await pilot.press("slash", "q")
        await pilot.pause(3 * HOLD)
        assert ("q", None) in frames


async def test_quitting_while_a_letter_is_held_closes_cleanly() -> None:
    app = make_app(port_strike(), theme="textual-dark")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        app.main.query_one(FilterInput).hold_frame()  # a letter waiting for results that do not come
        assert app._batch_count == 1
        app.exit()
        await pilot.pause()
    assert app.return_code == 0  # (an error in releasing the frame on the way out would be raised here)
