"""The story overview, driven with the pilot on a hand-made story (see compare_fakes.py)."""

from __future__ import annotations

from compare_fakes import Host, fake_compare, make_analysis, make_two_stories
from pilot_helpers import settle, settled_on
from textual.coordinate import Coordinate
from textual.widgets import Label, Static

from tuireader.model import Analysis, Fact, FactMember
from tuireader.ui.compare.screen import CompareScreen
from tuireader.ui.compare.table import CompareTable
from tuireader.ui.overview.matrix import OverviewMatrix, cell_mark
from tuireader.ui.overview.quotes import QuoteLedger
from tuireader.ui.overview.screen import OverviewScreen, pair_for, partner

SOURCES = 3  # the matrix's label, count and kinds columns come before the sources


def host(analysis: Analysis | None = None) -> Host:
    analysis = analysis or make_analysis()
    return Host(lambda: OverviewScreen(analysis, aligner=fake_compare))


def column_of(matrix: OverviewMatrix, article: str) -> int:
    return SOURCES + matrix.article_ids.index(article)


async def test_matrix_rows_are_facts_by_number_of_sources_with_marks() -> None:
    app = host()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        matrix = app.screen.query_one(OverviewMatrix)
        assert [fact.id for fact in matrix.facts] == ["f-close", "f-cracks", "f-mayor"]
        assert matrix.row_count == 3
        assert matrix.article_ids == ["gazette", "courier", "times"]
        mayor = matrix.get_row_at(2)
        assert [str(cell) for cell in mayor[SOURCES:]] == ["▲", "▲", "·"]
        assert str(mayor[2]) == "≈"  # the kinds of disagreement in this fact
        assert str(matrix.get_row_at(0)[1]) == "3"
        headers = [str(column.label) for column in matrix.columns.values()]
        assert headers[SOURCES:] == ["Northfield Gazette", "The Valley Courier", "Riverside Times"]  # room for all


async def test_s_puts_the_disputed_facts_first_and_keeps_the_cursor_on_its_fact() -> None:
    analysis = make_analysis()
    quiet = Fact(
        "f-quiet",
        "The bridge opened in 1931",
        (FactMember("gazette", 3), FactMember("courier", 2), FactMember("times", 2)),
    )
    analysis.facts.insert(0, quiet)
    app = host(analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        matrix = app.screen.query_one(OverviewMatrix)
        assert [f.id for f in matrix.facts] == ["f-quiet", "f-close", "f-cracks", "f-mayor"]
        matrix.cursor_coordinate = Coordinate(2, 4)  # f-cracks, courier
        await pilot.press("s")
        assert [f.id for f in matrix.facts] == ["f-close", "f-cracks", "f-mayor", "f-quiet"]
        assert matrix.cursor_coordinate == Coordinate(1, 4)
        assert str(matrix.get_row_at(3)[0]) == "The bridge opened in 1931"
        await pilot.press("s")
        assert matrix.facts[0].id == "f-quiet"


def test_cell_marks_distinguish_reported_absent_and_disputed() -> None:
    analysis = make_analysis()
    mayor = analysis.facts[2]
    assert cell_mark(mayor, "times") == "·"
    assert cell_mark(mayor, "gazette") == "▲"
    undisputed = type(mayor)(mayor.id, mayor.label, mayor.members)
    assert cell_mark(undisputed, "courier") == "●"


def test_the_partner_is_a_source_that_disagrees() -> None:
    analysis = make_analysis()
    cracks = analysis.facts[1]  # gazette and times say 1,200, courier says 300
    assert partner(analysis, cracks, "times") == "courier"
    assert partner(analysis, cracks, "gazette") == "courier"
    assert partner(analysis, cracks, "courier") == "gazette"
    mayor = analysis.facts[2]
    assert pair_for(analysis, mayor, "times") == ("times", "gazette")  # not reported there: a reporter beside it
    assert pair_for(analysis, mayor, None) == ("gazette", "courier")  # the label column


async def test_enter_on_a_cell_opens_compare_with_that_source_and_fact() -> None:
    app = host()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        matrix = app.screen.query_one(OverviewMatrix)
        matrix.cursor_coordinate = Coordinate(2, column_of(matrix, "courier"))
        await pilot.pause()
        detail = str(app.screen.query_one("#overview-detail", Static).content)
        assert "name spelled differently: Ana Ruiz vs Ana Ruis" in detail
        assert "Valley Courier: Mayor Ana Ruis said" in detail
        await pilot.press("enter")
        screen = await settled_on(pilot, CompareScreen)
        assert (screen.left_id, screen.right_id, screen.fact) == ("courier", "gazette", "f-mayor")
        table = screen.query_one(CompareTable)
        assert table.current is not None
        assert (table.current.fact, table.current.left, table.current.right) == ("f-mayor", 3, 2)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)


async def test_one_click_on_a_cell_opens_compare() -> None:
    app = host()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        matrix = app.screen.query_one(OverviewMatrix)
        column = column_of(matrix, "times")
        x = sum(c.get_render_width(matrix) for c in matrix.ordered_columns[:column]) + 1
        offset = (x, 1 + 1)  # the header line, then row 1 (f-cracks)
        assert await pilot.click(OverviewMatrix, offset=offset)
        screen = await settled_on(pilot, CompareScreen)
        assert (screen.left_id, screen.right_id, screen.fact) == ("times", "courier", "f-cracks")


async def test_ledger_shows_quotes_and_opens_compare_on_one() -> None:
    app = host()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        ledger = app.screen.query_one(QuoteLedger)
        prompts = [str(ledger.get_option_at_index(i).prompt) for i in range(ledger.option_count)]
        assert prompts[0].startswith("Ana Ruiz")
        assert any(
            "Valley Courier" in p and "We can not wait any longer." in p and "(as Ana Ruis)" in p for p in prompts
        )
        ledger.focus()
        await pilot.pause()
        target = next(i for i, p in enumerate(prompts) if "Valley Courier" in p)
        ledger.highlighted = target
        await pilot.pause()
        detail = str(app.screen.query_one("#overview-detail", Static).content)
        assert detail.startswith("Ana Ruiz (as Ana Ruis) in The Valley Courier")
        assert "the same words also quoted by Northfield Gazette" in detail
        await pilot.press("enter")
        screen = await settled_on(pilot, CompareScreen)
        assert (screen.left_id, screen.right_id, screen.fact) == ("courier", "gazette", "f-mayor")
        assert screen.query_one(CompareTable).cursor == 3


async def test_an_analysis_without_facts_or_quotes_still_opens() -> None:
    analysis = make_analysis()
    empty = Analysis(articles=analysis.articles)
    app = host(empty)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(OverviewMatrix).row_count == 0
        assert "No quotations" in str(app.screen.query_one(QuoteLedger).get_option_at_index(0).prompt)
        await pilot.press("enter", "tab", "enter")
        await pilot.resize_terminal(10, 5)
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)


async def test_a_corpus_of_several_stories_shows_one_story_at_a_time() -> None:
    analysis = make_two_stories()
    app = Host(lambda: OverviewScreen(analysis, article="courier", aligner=fake_compare))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        matrix = app.screen.query_one(OverviewMatrix)
        assert matrix.article_ids == ["gazette", "courier", "times"]
        assert [f.id for f in matrix.facts] == ["f-close", "f-cracks", "f-mayor"]
        assert "story 1/2" in str(app.screen.query_one("#overview-title", Label).content)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        matrix = app.screen.query_one(OverviewMatrix)
        assert matrix.article_ids == ["ferry", "dock"]
        assert [f.id for f in matrix.facts] == ["f-ferry"]
        await pilot.press("enter")  # the label column: the fact's first reporter beside the other
        screen = await settled_on(pilot, CompareScreen)
        assert (screen.left_id, screen.right_id) == ("ferry", "dock")
        await pilot.press("right_square_bracket")  # the only other article of this story: nothing to cycle to
        await settle(pilot)
        assert screen.right_id == "dock"


async def test_labels_and_quotes_with_brackets_are_shown_as_text() -> None:
    analysis = make_analysis()
    close = analysis.facts[0]
    analysis.facts[0] = Fact(close.id, "Council says [red]no[/red] to [b]tolls", close.members, close.disagreements)
    app = host(analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        matrix = app.screen.query_one(OverviewMatrix)
        assert str(matrix.get_row_at(0)[0]) == "Council says [red]no[/red] to [b]tolls"
        detail = str(app.screen.query_one("#overview-detail", Static).content)
        assert detail.startswith("Council says [red]no[/red] to [b]tolls")
