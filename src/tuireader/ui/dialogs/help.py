"""The help screen: every key binding, read from the live bindings (never typed by hand)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

from tuireader.ui.keys import MOVING, MOVING_HELP, ScrollingText
from tuireader.ui.text import plain

Section = tuple[str, list[tuple[str, str]]]  # (title, [(keys, description)])

QUERY_HELP = (
    "Search (/): words are ANDed; each matches titles, sources, people, places, organisations and "
    "topics (typos and other spellings still match names and titles) or the article text (whole "
    "words and word starts). A prefix limits the word after it: p: person  o: organisation  "
    'l: place  t: topic  s: source  h: headline; quotes keep a phrase together: p:"ana maria", '
    't:"trade tariffs" (that topic exactly). A whole word in a title ranks first, the text last, '
    "shown with its sentence; Enter opens the article there. Escape clears the search.\n"
    "List columns: Fct facts the article shares with other sources, Quo quotations, "
    "Dis places where it disagrees with another source (d steps through them).\n"
    "Reading pane: people bold, organisations bold italic, places underlined, dates italic, "
    "numbers italic underlined, disagreeing values bold underlined; the current stop is reversed."
)


def describe(action: str) -> str:
    name = action.split("(", 1)[0].rsplit(".", 1)[-1]
    return name.replace("_", " ").capitalize()


def own_bindings(node: DOMNode) -> list[Binding]:
    """The bindings tuireader's own classes declare for ``node``: not the text-editing keys an
    ``Input`` inherits from Textual, nor the moving keys (listed once, under "Moving around")."""
    found: list[Binding] = []
    for cls in type(node).__mro__:
        if not cls.__module__.startswith("tuireader"):
            continue
        for binding in cls.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and not binding.system and binding.action.split("(")[0] not in MOVING:
                found.append(binding)
    return found


def help_title(node: DOMNode) -> str:
    """What the help calls a screen or widget, in plain words (``HELP_TITLE``)."""
    title = getattr(type(node), "HELP_TITLE", None)
    return title if isinstance(title, str) else describe(type(node).__name__)


def binding_rows(node: DOMNode) -> list[tuple[str, str]]:
    """(keys, description) for each of ``node``'s own actions, all its keys on one row."""
    grouped: dict[str, tuple[list[str], list[str]]] = {}
    for binding in own_bindings(node):
        keys, descriptions = grouped.setdefault(binding.action, ([], []))
        for key in binding.key.split(","):
            one = replace(binding, key=key.strip())
            display = node.app.get_key_display(one) if node.is_attached else one.key
            if display not in keys:
                keys.append(display)
        descriptions.append(binding.tooltip or binding.description or describe(binding.action))
    # The longest description is the one written for this app ("Next quote", not "Jump").
    return [(", ".join(keys), max(descs, key=len)) for keys, descs in grouped.values()]


def sections_for(nodes: Sequence[tuple[str, DOMNode]]) -> list[Section]:
    """One section per screen or widget with keys of its own, then how to move around."""
    sections = [(title, rows) for title, node in nodes if (rows := binding_rows(node))]
    return [*sections, ("Moving around (every list and text)", list(MOVING_HELP))]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close help")]  # noqa: RUF012

    def __init__(self, sections: list[Section]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        half = (len(self.sections) + 1) // 2
        with Vertical(id="help-dialog"):
            yield Static(plain("tuireader: keys", "bold"), id="help-title", markup=False)
            with ScrollingText(id="help-body"):
                with Grid(id="help-columns"):
                    yield Static(self._table(self.sections[:half]), markup=False)
                    yield Static(self._table(self.sections[half:]), markup=False)
                yield Static(plain(QUERY_HELP), id="help-query", markup=False)
            yield Static(plain("escape or ? to close · ctrl+p: every command by name"), id="help-keys", markup=False)

    def on_mount(self) -> None:
        self.on_resize()
        self.query_one("#help-body").focus()

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
