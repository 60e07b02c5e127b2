"""One set of moving keys for every list and scrollable view (vim and the usual ones).

Each widget adds the tuple that names its own actions; the help screen lists these once, in a
"Moving around" section, instead of under every list.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.widgets import OptionList


def _cursor_keys(first: str, last: str) -> tuple[Binding, ...]:
    """j/k, g/G and ctrl+d/ctrl+u for a widget with a cursor, given its own first/last actions."""
    return (
        Binding("j,down", "cursor_down", "Down", show=False),
        Binding("k,up", "cursor_up", "Up", show=False),
        Binding("g,home", first, "First", show=False),
        Binding("G,end", last, "Last", show=False),
        Binding("ctrl+d,pagedown", "page_down", "Page down", show=False),
        Binding("ctrl+u,pageup", "page_up", "Page up", show=False),
    )


# A list with a cursor: OptionList, the article list, the compare table (action_first/last).
LIST_KEYS = _cursor_keys("first", "last")

# A DataTable: the same keys, its own action names.
TABLE_KEYS = _cursor_keys("scroll_top", "scroll_bottom")

# Text that scrolls (the reading pane, help, the entity card).
SCROLL_KEYS = (
    Binding("j,down", "scroll_down", "Down", show=False),
    Binding("k,up", "scroll_up", "Up", show=False),
    Binding("g,home", "scroll_home", "Top", show=False),
    Binding("G,end", "scroll_end", "Bottom", show=False),
    Binding("ctrl+d,pagedown,space", "page_down", "Page down", show=False),
    Binding("ctrl+u,pageup", "page_up", "Page up", show=False),
)

MOVING = frozenset(b.action for b in (*LIST_KEYS, *TABLE_KEYS, *SCROLL_KEYS)) | {"move", "page"}
MOVING_HELP = (
    ("j k  ↓ ↑", "down, up"),
    ("g G  home end", "first, last"),
    ("ctrl+d ctrl+u", "half a page down, up"),
    ("tab", "the next pane"),
)


class ScrollingText(VerticalScroll, can_focus=True):
    """A scrollable text area (help, the entity card) that takes the moving keys."""

    BINDINGS = list(SCROLL_KEYS)  # noqa: RUF012


class Choices(OptionList):
    """An option list that takes the moving keys."""

    BINDINGS = list(LIST_KEYS)  # noqa: RUF012


def key_of(node: DOMNode, action: str) -> str:
    """The key that runs ``action`` for ``node`` (its own bindings, then its screen's and the
    app's), as the footer shows it: hints are written from the bindings, never by hand."""
    from dataclasses import replace

    chain: list[DOMNode] = [*node.ancestors_with_self]
    if node.is_attached:
        chain.append(node.app)
    for owner in chain:
        for _key, binding in owner._bindings:
            if binding.action == action:
                if binding.key_display:
                    return binding.key_display
                first = replace(binding, key=binding.key.split(",")[0])
                return node.app.get_key_display(first) if node.is_attached else first.key
    return "?"
