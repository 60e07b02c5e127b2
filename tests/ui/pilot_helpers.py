"""Shared by the UI tests: waiting until the app has drawn and its workers have finished."""

from __future__ import annotations

from typing import Any, TypeVar

S = TypeVar("S")


async def settle(pilot: Any) -> None:
    """Let the screen draw, wait for every worker, and let their results draw."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def settled_on(pilot: Any, kind: type[S]) -> S:
    """``settle``, then the screen now shown, which must be a ``kind``."""
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, kind)
    return screen
