"""The help screen: every key binding, read from the live bindings (never typed by hand)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

from tuireader.ui.text import plain

Section = tuple[str, list[tuple[str, str]]]  # (title, [(keys, description)])

QUERY_HELP = (
    "Filter syntax: words are ANDed and matched fuzzily (typos and other spellings still match). "
    "A prefix limits the word after it: p: person  o: organisation  l: place  t: topic  s: source  h: headline; "
    'quotes keep a phrase together: p:"ana maria" t:tariffs. Escape clears the filter.\n'
    "List columns: Fct facts the article shares with other sources, Quo quotations, "
    "Dis disagreements with other sources it is part of.\n"
    "Reading pane: people bold, organisations bold italic, places underlined, dates italic, "
    "numbers italic underlined, disagreeing values bold underlined; the current stop is reversed."
)


def describe(action: str) -> str:
    name = action.split("(", 1)[0].rsplit(".", 1)[-1]
    return name.replace("_", " ").capitalize()


def binding_rows(node: DOMNode) -> list[tuple[str, str]]:
    """(keys, description) for every binding of ``node``, all keys of one action on one row.

    A node may list inherited actions that mean nothing to it in ``HELP_HIDDEN``.
    """
    hidden: set[str] = set(getattr(node, "HELP_HIDDEN", ()))
    grouped: dict[str, tuple[list[str], list[str]]] = {}
    for _key, binding in node._bindings:
        if binding.system or binding.action in hidden:
            continue
        keys, descriptions = grouped.setdefault(binding.action, ([], []))
        display = node.app.get_key_display(binding) if node.is_attached else binding.key
        if display not in keys:
            keys.append(display)
        descriptions.append(binding.description or describe(binding.action))
    # The longest description is the one written for this app ("Next quote", not "Jump").
    return [(", ".join(keys), max(descs, key=len)) for keys, descs in grouped.values()]


def sections_for(nodes: Sequence[tuple[str, DOMNode]]) -> list[Section]:
    return [(title, binding_rows(node)) for title, node in nodes]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close help")]  # noqa: RUF012

    def __init__(self, sections: list[Section]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        half = (len(self.sections) + 1) // 2
        with Vertical(id="help-dialog"):
            yield Static(plain("tuireader: keys", "bold"), id="help-title", markup=False)
            with VerticalScroll(id="help-body"):
                with Grid(id="help-columns"):
                    yield Static(self._table(self.sections[:half]), markup=False)
                    yield Static(self._table(self.sections[half:]), markup=False)
                yield Static(plain(QUERY_HELP), id="help-query", markup=False)
            yield Static(plain("escape or ? to close · ctrl+p: every command by name"), id="help-keys", markup=False)

    def on_mount(self) -> None:
        self.on_resize()

    def on_resize(self) -> None:
        self.set_class(self.app.size.width < 100, "-narrow")

    @staticmethod
    def _table(sections: Sequence[Section]) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for i, (title, rows) in enumerate(sections):
            if not rows:
                continue
            if i:
                table.add_row(Text(""), Text(""))
            table.add_row(plain(title, "bold underline"), Text(""))
            for keys, description in rows:
                table.add_row(plain(keys), plain(description))
        return table

    def action_close(self) -> None:
        self.dismiss(None)
