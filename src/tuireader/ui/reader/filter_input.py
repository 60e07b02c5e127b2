"""The filter box: typing filters the article list; Escape clears it and returns to the list."""

from __future__ import annotations

from contextlib import ExitStack, suppress

from textual.binding import Binding
from textual.dom import NoScreen
from textual.timer import Timer
from textual.widgets import Input

PLACEHOLDER = "/ search: titles, text, names · p: o: l: t: s:"
# The longest a typed letter waits to be drawn with its results (seconds): well under what a
# reader notices, and above what the search takes at 10,000 articles.
HOLD = 0.05


class FilterInput(Input):
    """The box holds the frame of each typed letter until its results are in (``hold_for_results``).

    Without that, a key is two frames: the letter at once, then its results; and Textual draws a
    second frame no sooner than one to two frame periods (17-33 ms at 60 fps) after the first, which
    was most of the time from a key to its results on screen. One frame with both is drawn as soon
    as the results are there, or after ``HOLD`` at the latest. Nothing waits for the typing to pause:
    every key's results are drawn once they are in.
    """

    BINDINGS = [  # noqa: RUF012
        Binding("escape", "clear_filter", "Clear filter"),
        Binding("down", "leave", "To the list", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder=PLACEHOLDER, id=id, select_on_focus=False)
        self.hold_for_results = False  # the screen sets it once a search can answer
        self._hold: ExitStack | None = None
        self._hold_timer: Timer | None = None

    def watch_value(self, value: str) -> None:
        if self.hold_for_results and value.strip():
            self.hold_frame()

    def hold_frame(self) -> None:
        """Draw nothing until ``release_frame`` or ``HOLD`` seconds, whichever is first."""
        if self._hold is not None or not self.is_attached:
            return  # held already: the first key's bound stands, so fast typing still shows its letters
        stack = ExitStack()
        stack.enter_context(self.app.batch_update())
        self._hold = stack
        self._hold_timer = self.set_timer(HOLD, self.release_frame, name="filter-hold")

    def release_frame(self) -> None:
        """Draw what changed meanwhile, now."""
        stack, self._hold = self._hold, None
        if self._hold_timer is not None:
            self._hold_timer.stop()
            self._hold_timer = None
        if stack is not None:
            stack.close()
            with suppress(NoScreen):  # (the box is being removed: nothing of it to draw)
                self.screen.check_idle()  # the screen's idle starts its next frame

    def on_unmount(self) -> None:
        self.release_frame()

    def action_clear_filter(self) -> None:
        self.value = ""
        self.screen.focus_next()

    async def action_submit(self) -> None:
        # Move on at once, so a key typed right after Enter already reaches the list.
        await super().action_submit()
        self.screen.focus_next()

    def action_leave(self) -> None:
        self.screen.focus_next()
