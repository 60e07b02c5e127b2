"""The moving keys as bindings alone (vim and the usual ones), importable before the first frame:
the article list takes them without loading any other widget. ``keys`` adds the widgets and the
help text built on them."""

from __future__ import annotations

from textual.binding import Binding


def _cursor_keys(
    first: str,
    last: str,
    down: str = "cursor_down",
    up: str = "cursor_up",
    page_down: str = "page_down",
    page_up: str = "page_up",
) -> tuple[Binding, ...]:
    """j/k, g/G and ctrl+d/ctrl+u for a widget with a cursor, given its own actions."""
    return (
        Binding("j,down", down, "Down", show=False),
        Binding("k,up", up, "Up", show=False),
        Binding("g,home", first, "First", show=False),
        Binding("G,end", last, "Last", show=False),
        Binding("ctrl+d,pagedown", page_down, "Page down", show=False),
        Binding("ctrl+u,pageup", page_up, "Page up", show=False),
    )


# A list with a cursor: OptionList, the compare table (action_first/last).
LIST_KEYS = _cursor_keys("first", "last")

# The article list: the same keys, on its own move/page actions (it skips story headers).
ARTICLE_LIST_KEYS = _cursor_keys("first", "last", "move(1)", "move(-1)", "page(1)", "page(-1)")

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
