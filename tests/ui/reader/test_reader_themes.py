"""Highlights stay readable in dark and light themes: contrast against the pane's background."""

from __future__ import annotations

import pytest
from reader_fakes import port_strike
from rich.color import Color

from tuireader.ui.app import make_app
from tuireader.ui.reader.article_list import ArticleList


def _luminance(color: Color) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = color.get_truecolor()
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: Color, b: Color) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "solarized-light", "nord", "catppuccin-latte"])
async def test_highlight_colours_contrast_with_the_background(theme: str) -> None:
    app = make_app(port_strike(), theme=theme)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        pane = app.main.pane
        background = pane.rich_style.bgcolor
        assert background is not None
        for name, style in pane.highlight_styles().items():
            if style.color is None:
                continue
            against = style.bgcolor or background
            assert _contrast(style.color, against) >= 3.0, (theme, name)
        lst = app.main.query_one(ArticleList)
        for name in ("article-list--meta", "article-list--match", "article-list--story"):
            color = lst.style_for(name).color
            assert color is not None and _contrast(color, lst.rich_style.bgcolor) >= 3.0, (theme, name)  # type: ignore[arg-type]
