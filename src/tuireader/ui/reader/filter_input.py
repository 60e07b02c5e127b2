"""The filter box: typing filters the article list; Escape clears it and returns to the list."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input

PLACEHOLDER = "/ search: titles, text, names · p: o: l: t: s:"


class FilterInput(Input):
    BINDINGS = [  # noqa: RUF012
        Binding("escape", "clear_filter", "Clear filter"),
        Binding("down", "leave", "To the list", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder=PLACEHOLDER, id=id, select_on_focus=False)

    def action_clear_filter(self) -> None:
        self.value = ""
        self.screen.focus_next()

    async def action_submit(self) -> None:
        # Move on at once, so a key typed right after Enter already reaches the list.
        await super().action_submit()
        self.screen.focus_next()

    def action_leave(self) -> None:
        self.screen.focus_next()
