"""The help screen: every key binding, read from the live bindings (never typed by hand)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

from tuireader.ui.render import plain

Section = tuple[str, list[tuple[str, str]]]  # (title, [(keys, description)])

QUERY_HELP = (
    "Filter syntax: words are ANDed and matched fuzzily (typos and other spellings still match). "
    "A prefix limits the word after it: p: person  o: organisation  l: place  t: topic  s: source  h: headline; "
    'quotes keep a phrase together: p:"ana maria" t:tariffs. Escape clears the filter.'
)


def describe(action: str) -> str:
    name = action.split("(", 1)[0].rsplit(".", 1)[-1]
    return name.replace("_", " ").capitalize()


def binding_rows(node: DOMNode) -> list[tuple[str, str]]:
    """(keys, description) for every binding of ``node``, keys of the same action joined."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for _key, binding in node._bindings:
        if binding.system:
            continue
        description = binding.description or describe(binding.action)
        keys = grouped.setdefault((binding.action, description), [])
        display = node.app.get_key_display(binding) if node.is_attached else binding.key
        if display not in keys:
            keys.append(display)
    return [(", ".join(keys), description) for (_action, description), keys in grouped.items()]


def sections_for(nodes: Sequence[tuple[str, DOMNode]]) -> list[Section]:
    return [(title, binding_rows(node)) for title, node in nodes]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close help")]  # noqa: RUF012

    def __init__(self, sections: list[Section]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog"):
            yield Static(plain("tuireader: keys", "bold"), id="help-title", markup=False)
            with VerticalScroll(id="help-body"):
                yield Static(self._table(), markup=False)
            yield Static(plain("escape or ? to close · ctrl+p: every command by name"), id="help-keys", markup=False)

    def _table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for title, rows in self.sections:
            if not rows:
                continue
            table.add_row(Text(""), Text(""))
            table.add_row(plain(title, "bold underline"), Text(""))
            for keys, description in rows:
                table.add_row(plain(keys), plain(description))
        table.add_row(Text(""), Text(""))
        table.add_row(plain("Filter", "bold underline"), plain(QUERY_HELP))
        return table

    def action_close(self) -> None:
        self.dismiss(None)
