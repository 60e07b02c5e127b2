"""The entity popup: aliases, which sources mention the entity and how each spells it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tuireader.model import Entity
from tuireader.ui.keys import ScrollingText
from tuireader.ui.text import plain


class EntityScreen(ModalScreen[str | None]):
    """Dismisses with ``"filter"`` when the user asks to filter the list by this entity."""

    BINDINGS = [  # noqa: RUF012
        Binding("escape,q", "dismiss_none", "Close"),
        Binding("f", "filter", "Filter articles by it"),
    ]

    def __init__(self, entity: Entity, card: Text) -> None:
        """``card``: the entity's card, styled by the reader (``ui.reader.render.entity_card``)."""
        super().__init__()
        self.entity = entity
        self.card_text = card

    def compose(self) -> ComposeResult:
        with Vertical(id="entity-dialog"):
            with ScrollingText():
                yield Static(id="entity-card", markup=False)
            yield Static(plain("f filter the list by it · escape close"), id="entity-keys", markup=False)

    def on_mount(self) -> None:
        self.query_one("#entity-card", Static).update(self.card_text)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)

    def action_filter(self) -> None:
        self.dismiss("filter")
