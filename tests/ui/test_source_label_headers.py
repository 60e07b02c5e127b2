"""Overview columns and compare headers name sources that have no name in their metadata.

The hand-made story of compare_fakes.py, its three articles stripped of their sources as if they
were loaded from files named by a hash: the labels then come from the ordinal and the headline.
"""

from __future__ import annotations

import dataclasses
import re

from compare_fakes import Host, fake_compare, make_analysis
from pilot_helpers import settle
from textual.widgets import Label

from tuireader.core.source_names import cells, source_labels
from tuireader.model import Analysis
from tuireader.ui.compare.screen import CompareScreen
from tuireader.ui.overview.matrix import COLUMN_MAX, COLUMN_WIDTH, OverviewMatrix
from tuireader.ui.overview.screen import OverviewScreen

SOURCES = 3  # the matrix's label, count and kinds columns come before the sources


def unnamed() -> Analysis:
    analysis = make_analysis()
    analysis.articles[:] = [dataclasses.replace(a, source="") for a in analysis.articles]
    return analysis


async def test_overview_columns_are_ordinals_with_headline_words_distinct_and_fitting() -> None:
    analysis = unnamed()
    for size in ((120, 40), (80, 24)):
        app = Host(lambda: OverviewScreen(analysis, aligner=fake_compare))
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            matrix = app.screen.query_one(OverviewMatrix)
            headers = [str(column.label) for column in matrix.columns.values()][SOURCES:]
            assert len(set(headers)) == 3
            for number, (header, article) in enumerate(zip(headers, analysis.articles, strict=True), 1):
                assert header.startswith(f"#{number} ")
                assert cells(header) <= (COLUMN_MAX if size[0] == 120 else COLUMN_WIDTH)
                # Whole words of the article's own headline, which the article list shows.
                assert all(word.lower() in re.findall(r"\w+", article.title.lower()) for word in header.split()[1:])
            # "Bridge" is in every headline, so it tells nothing apart and opens no label.
            assert not any(header.split()[1] == "Bridge" for header in headers)
            assert headers[0] == ("#1 Harlow Bridge" if size[0] == 120 else "#1 Harlow")


async def test_compare_header_and_status_use_the_same_labels() -> None:
    analysis = unnamed()
    app = Host(lambda: CompareScreen(analysis, "gazette", "courier", aligner=fake_compare))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        left = str(screen.query_one("#compare-header-left", Label).render())
        counts = str(screen.query_one("#compare-header-counts", Label).render())
        assert left.startswith("◀ #1 Harlow Bridge to close 2031-04-02 — Harlow Bridge to close for repairs")
        assert "only in #1 Harlow Bridge to close" in counts and "only in #2 " in counts
        assert "000" not in counts and "gazette" not in counts


async def test_on_a_narrow_screen_the_column_headings_take_two_lines_of_the_same_words() -> None:
    analysis = unnamed()
    app = Host(lambda: OverviewScreen(analysis, aligner=fake_compare))
    async with app.run_test(size=(60, 24)) as pilot:
        await settle(pilot)
        matrix = app.screen.query_one(OverviewMatrix)
        headers = [str(column.label) for column in matrix.columns.values()][SOURCES:]
        assert matrix.header_height == 2
        assert [header.replace("\n", " ") for header in headers] == list(
            source_labels(analysis.articles, width=COLUMN_WIDTH).values()
        )
        assert all(header.count("\n") == 1 for header in headers), headers
        # Every column is in sight: the table is no wider than the screen.
        assert matrix.virtual_size.width <= 60
