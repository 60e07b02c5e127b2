"""Plain text for widgets: untrusted strings as ``Text`` (never markup), counts, an article's byline.

Shared by every feature (reader, compare, overview, dialogs); the span styling of each feature
lives in its own ``render`` module.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

if TYPE_CHECKING:
    from tuireader.model import Article


def plain(text: str, style: Style | str = "") -> Text:
    """Untrusted text as a ``Text`` (never parsed as markup)."""
    return Text(text, style=style, end="")


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def article_meta(article: Article, name: str) -> str:
    """ "Harbor Post · 2024-03-04": ``name`` is the article's source label (``source_labels``)."""
    parts = [name, article.published or "undated"]
    return " · ".join(parts)


def foreground(style: Style) -> Style:
    """``style`` without its background, so a span keeps the row or cursor background under it."""
    return Style(
        color=style.color,
        bold=style.bold,
        dim=style.dim,
        italic=style.italic,
        underline=style.underline,
        strike=style.strike,
        reverse=style.reverse,
    )


def highlight(text: str, positions: Iterable[int], style: Style, base: Style | str = "") -> Text:
    """``text`` with the characters at ``positions`` styled (the fzf-style match highlight)."""
    out = plain(text, base)
    for p in positions:
        if 0 <= p < len(text):
            out.stylize(style, p, p + 1)
    return out
