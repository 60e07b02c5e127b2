"""Plain text for widgets: untrusted strings as ``Text`` (never markup), counts, an article's byline.

Shared by every feature (reader, compare, overview, dialogs); the span styling of each feature
lives in its own ``render`` module.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

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
