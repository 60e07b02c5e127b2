"""Snapshots of the reader's screens (hand-built analysis, fixed theme, no cursor blink)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from pilot_helpers import settle
from reader_fakes import port_strike, two_stories

from tuireader.model import Analysis
from tuireader.ui.app import ReaderApp, make_app
from tuireader.ui.reader.filter_input import FilterInput


def _app(analysis: Analysis | None = None) -> ReaderApp:
    return make_app(analysis or port_strike(), theme="textual-dark")


def _steps(keys: Sequence[str] = ()) -> Callable[..., Awaitable[None]]:
    """Wait for the workers, switch the blink off, press ``keys``, and wait again."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        pilot.app.main.query_one(FilterInput).cursor_blink = False
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run_before


def test_main_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(), terminal_size=(120, 40), run_before=_steps())


def test_main_screen_narrow(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(), terminal_size=(80, 24), run_before=_steps())


def test_story_groups(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(two_stories()), terminal_size=(120, 40), run_before=_steps())


def test_filtered_list(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(), terminal_size=(120, 40), run_before=_steps(["slash", *"kowalcyk", "enter"]))


def test_current_disagreement(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(), terminal_size=(120, 40), run_before=_steps(["enter", "d"]))


def test_entity_popup(snap_compare) -> None:  # type: ignore[no-untyped-def]
    keys = ["enter", "m", "m", "m", "m", "m", "enter"]
    assert snap_compare(_app(), terminal_size=(120, 40), run_before=_steps(keys))


def test_entities_panel(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(), terminal_size=(120, 40), run_before=_steps(["e"]))


def test_help_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(), terminal_size=(120, 40), run_before=_steps(["question_mark"]))


def test_main_screen_wide(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(), terminal_size=(200, 50), run_before=_steps(["enter", "d"]))


def test_help_screen_narrow(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(), terminal_size=(80, 24), run_before=_steps(["question_mark"]))


def test_text_search_snippet(snap_compare) -> None:  # type: ignore[no-untyped-def]
    keys = ["slash", *"diverted", "enter"]
    assert snap_compare(_app(), terminal_size=(120, 40), run_before=_steps(keys))
