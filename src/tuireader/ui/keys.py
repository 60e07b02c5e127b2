"""One set of moving keys for every list and scrollable view (vim and the usual ones).

Each widget adds the tuple that names its own actions; the help screen lists these once, in a
"Moving around" section, instead of under every list.
"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.widgets import OptionList

from tuireader.ui.bindings import ARTICLE_LIST_KEYS, LIST_KEYS, SCROLL_KEYS, TABLE_KEYS

__all__ = [
    "ARTICLE_LIST_KEYS",
    "LIST_KEYS",
    "MOVING",
    "MOVING_HELP",
    "SCROLL_KEYS",
    "TABLE_KEYS",
    "Choices",
    "ScrollingText",
    "key_of",
]


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
