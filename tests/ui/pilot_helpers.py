"""Shared by the UI tests: waiting until the app has drawn and its workers have finished."""

from __future__ import annotations

from typing import Any


async def settle(pilot: Any) -> None:
    """Let the screen draw, wait for every worker, and let their results draw."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
