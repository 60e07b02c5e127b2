"""The compare view and the overview on the real pipeline, over the bundled seed articles (the real
ones) and over the stand-in story written here (the bundled seeds before them).

Guarded: until ``core.align`` produces rows these tests skip, so they check real structure
(matched rows, reading order, the screens showing exactly what the core returned) once it does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from compare_fakes import Host
from pilot_helpers import settle

from tuireader.core import pipeline
from tuireader.core.facts import align
from tuireader.model import Analysis, RowKind
from tuireader.sources.files import load_corpus
from tuireader.ui.compare.screen import CompareScreen
from tuireader.ui.compare.table import CompareTable
from tuireader.ui.overview.matrix import OverviewMatrix
from tuireader.ui.overview.screen import OverviewScreen

STANDINS = Path(__file__).resolve().parents[2] / "fixtures" / "stories" / "ceasefire-calls-written-here"


@pytest.fixture(scope="module", params=[None, STANDINS], ids=["real-seeds", "stand-ins"])
def seeds(request: pytest.FixtureRequest) -> Analysis:
    folder: Path | None = request.param
    return pipeline.analyze(load_corpus([folder] if folder else None).articles)


def test_seed_pairs_align_in_reading_order(seeds: Analysis) -> None:
    first, second = seeds.articles[0].id, seeds.articles[1].id
    rows = align.compare(seeds, first, second)
    if not rows:
        pytest.skip("core.align.compare returns no rows yet")
    assert any(row.kind == RowKind.MATCH for row in rows)
    left = [row.left for row in rows if row.left is not None]
    assert left == sorted(left) and len(left) == len(set(left))  # every left sentence once, in order
    assert set(left) == set(range(len(seeds.articles[0].sentences)))
    right = [row.right for row in rows if row.right is not None]
    assert len(right) == len(set(right))


async def test_compare_screen_shows_what_the_core_aligned(seeds: Analysis) -> None:
    first, second = seeds.articles[0].id, seeds.articles[1].id
    expected = align.compare(seeds, first, second)
    if not expected:
        pytest.skip("core.align.compare returns no rows yet")
    app = Host(lambda: CompareScreen(seeds, first))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(CompareTable)
        assert table.rows == expected
        assert table.cursor == 0
        visited = []
        for _ in table.disagreement_rows:
            await pilot.press("n")
            visited.append(table.cursor)
        below = [i for i in table.disagreement_rows if i > 0]
        assert visited[: len(below)] == below
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.right_id == seeds.articles[2].id


async def test_overview_on_the_seeds_lists_every_fact(seeds: Analysis) -> None:
    if not seeds.facts:
        pytest.skip("core.align.align_facts returns no facts yet")
    app = Host(lambda: OverviewScreen(seeds))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        matrix = app.screen.query_one(OverviewMatrix)
        assert matrix.row_count == len(seeds.facts)
        counts = [len(fact.articles) for fact in matrix.facts]
        assert counts == sorted(counts, reverse=True)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.fact == matrix.facts[0].id
