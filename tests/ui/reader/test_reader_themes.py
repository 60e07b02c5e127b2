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


def _drawn(block, word: str):  # type: ignore[no-untyped-def]
    """The style a word of a paragraph is drawn with, as the screen gets it (links and all)."""
    from textual.geometry import Region

    strips = block.render_lines(Region(0, 0, block.size.width, block.size.height))
    for strip in strips:
        for segment in strip:
            if word in segment.text:
                return segment.style
    raise AssertionError(f"{word!r} not drawn")


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_entity_colours_reach_the_text_and_match_the_legend(theme: str) -> None:
    app = make_app(port_strike(), theme=theme)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        pane = app.main.pane
        styles = pane.highlight_styles()
        legend = app.main.query_one("#legend").content
        legend_colour = {legend.plain[s.start : s.end]: s.style.color for s in legend.spans}  # type: ignore[union-attr]
        seen = set()
        for block, word, cls, name in [
            (pane.blocks[0], "ROTTERDAM", "reading-pane--place", "place"),
            (pane.blocks[0], "Dockworkers Union", "reading-pane--org", "organisation"),
            (pane.blocks[1], "Marta Kowalczyk", "reading-pane--person", "person"),
            (pane.blocks[0], "Tuesday", "reading-pane--date", "date"),
        ]:
            drawn = _drawn(block, word)
            assert drawn.color is not None and drawn.color.triplet == styles[cls].color.triplet, (theme, word)
            assert legend_colour[name].triplet == drawn.color.triplet  # type: ignore[union-attr]
            seen.add(drawn.color.triplet)
        assert len(seen) == 4  # people, organisations, places and dates: four colours, even where the
        # theme's accent (people) and warning (figures) are one colour, as in Textual's own themes


async def test_no_color_keeps_every_kind_of_highlight_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(port_strike(), theme="textual-dark")
    assert app.no_color  # Textual then strips every colour before drawing
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        looks = {}
        for name, style in app.main.pane.highlight_styles().items():
            look = (style.bold, style.italic, style.underline, style.reverse)
            if name.split("--")[1] in {"person", "org", "place", "date", "number", "disagreement", "current"}:
                assert look not in looks.values(), name
                looks[name] = look


async def test_figures_take_the_themes_warning_colour_where_it_differs_from_people() -> None:
    app = make_app(port_strike(), theme="nord")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        variables = app.get_css_variables()
        assert variables["text-figure"] == variables["text-warning"]
        styles = app.main.pane.highlight_styles()
        assert styles["reading-pane--date"].color != styles["reading-pane--person"].color
