"""The compare view, driven with the pilot on a hand-made story (see compare_fakes.py)."""

from __future__ import annotations

from compare_fakes import Host, fake_compare, make_analysis, make_two_stories
from pilot_helpers import settled_on
from textual.widgets import Label

from tuireader.model import AlignedRow, Analysis, RowKind
from tuireader.ui.compare.header import CompareHeader
from tuireader.ui.compare.screen import CompareScreen
from tuireader.ui.compare.table import CompareTable


def host(analysis: Analysis | None = None, left: str = "gazette", **kwargs: object) -> Host:
    analysis = analysis or make_analysis()
    kwargs.setdefault("aligner", fake_compare)
    return Host(lambda: CompareScreen(analysis, left, **kwargs))  # type: ignore[arg-type]


def label_text(screen: CompareScreen, selector: str) -> str:
    return str(screen.query_one(selector, Label).content)


async def test_rows_are_aligned_and_numbered_by_sentence() -> None:
    app = host()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settled_on(pilot, CompareScreen)
        table = screen.query_one(CompareTable)
        assert screen.right_id == "courier"  # the next article by default
        assert [(row.kind, row.left, row.right) for row in table.rows] == [
            (RowKind.MATCH, 0, 0),
            (RowKind.MATCH, 1, 1),
            (RowKind.RIGHT, None, 2),
            (RowKind.MATCH, 2, 3),
            (RowKind.LEFT, 3, None),
        ]
        mayor = table.row_lines(3)[0]
        left_part, right_part = mayor.split("│")
        assert left_part.split()[1:3] == ["3", "Mayor"]  # 1-based sentence numbers on each side
        assert right_part.split()[:2] == ["4", "Mayor"]
        # A right-only sentence is shown against a blank left column.
        only_right = table.row_lines(2)[0].split("│")
        assert only_right[0].strip() == "" and only_right[1].split()[:2] == ["3", "The"]
        # A left-only sentence too long for one line wraps: every word is there, nothing is cut.
        lines = table.row_lines(4)
        assert len(lines) > 1
        assert all(line.split("│")[1].strip() == "" for line in lines)
        words = " ".join(line.split("│")[0] for line in lines).split()
        assert words[-4:] == ["banks", "of", "the", "river."]
        assert "[tunnel]" in words  # brackets in article text are text, not markup


async def test_gutter_and_note_explain_a_disagreement() -> None:
    app = host()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settled_on(pilot, CompareScreen)
        table = screen.query_one(CompareTable)
        lines = table.row_lines(1)
        assert lines[0][1] == "#"  # the glyph for a number disagreement, after the cursor marker cell
        assert any("# numbers differ: 1,200 vs 300" in line for line in lines)
        assert table.row_lines(3)[0][1] == "≈"
        assert table.row_lines(2)[0][:4].strip() == ""  # no disagreement, no glyph
        counts = label_text(screen, "#compare-header-counts")
        assert "3 matched" in counts and "1 only in Northfield Gazette" in counts
        assert "3 disagreements" in counts and "# number" in counts


async def test_n_and_shift_n_walk_the_disagreements_in_order() -> None:
    app = host()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settled_on(pilot, CompareScreen)
        table = screen.query_one(CompareTable)
        assert table.cursor == 0
        visited = []
        for _ in range(3):
            await pilot.press("n")
            visited.append(table.cursor)
        assert visited == [1, 3, 3]  # stops at the last one
        assert "disagreement 3/3" in label_text(screen, "#compare-status")
        await pilot.press("N")
        assert table.cursor == 1
        await pilot.press("N")
        assert table.cursor == 0
        await pilot.press("j", "j")
        assert table.cursor == 2
        assert "only in The Valley Courier" in label_text(screen, "#compare-status")
        await pilot.press("G")
        assert table.cursor == 4
        await pilot.press("g")
        assert table.cursor == 0


async def test_brackets_cycle_the_right_article_and_skip_the_left() -> None:
    app = host()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settled_on(pilot, CompareScreen)
        await pilot.press("right_square_bracket")
        screen = await settled_on(pilot, CompareScreen)
        assert (screen.left_id, screen.right_id) == ("gazette", "times")
        table = screen.query_one(CompareTable)
        assert [(row.left, row.right) for row in table.rows if row.kind == RowKind.MATCH] == [(0, 0), (1, 1)]
        assert "Riverside Times" in label_text(screen, "#compare-header-right")
        await pilot.press("right_square_bracket")  # wraps round, never onto the left article
        screen = await settled_on(pilot, CompareScreen)
        assert screen.right_id == "courier"
        await pilot.press("left_square_bracket")
        screen = await settled_on(pilot, CompareScreen)
        assert screen.right_id == "times"
        await pilot.press("s")
        screen = await settled_on(pilot, CompareScreen)
        assert (screen.left_id, screen.right_id) == ("times", "gazette")
        assert "Riverside Times" in label_text(screen, "#compare-header-left")


async def test_opening_on_a_fact_puts_the_cursor_on_its_row_and_keeps_it_when_cycling() -> None:
    app = host(right="courier", fact="f-mayor")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settled_on(pilot, CompareScreen)
        table = screen.query_one(CompareTable)
        assert table.cursor == 3 and table.rows[3].fact == "f-mayor"
        await pilot.press("k")  # now on the courier-only row: no fact, the requested one is kept
        await pilot.press("k")  # f-cracks
        await pilot.press("right_square_bracket")
        screen = await settled_on(pilot, CompareScreen)
        table = screen.query_one(CompareTable)
        assert screen.right_id == "times"
        assert table.current is not None and table.current.fact == "f-cracks"


async def test_click_moves_the_cursor_and_escape_goes_back() -> None:
    app = host()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settled_on(pilot, CompareScreen)
        table = screen.query_one(CompareTable)
        header_height = screen.query_one(CompareHeader).outer_size.height
        target = next(i for i, line in enumerate(table.row_lines(3)) if line.strip())
        y = sum(len(table.row_lines(i)) + 1 for i in range(3)) + target
        assert await pilot.click(CompareTable, offset=(20, y))
        assert table.cursor == 3
        assert header_height > 0
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CompareScreen)


async def test_narrow_terminal_stacks_the_sides_and_tiny_ones_do_not_crash() -> None:
    app = host()
    async with app.run_test(size=(50, 20)) as pilot:
        screen = await settled_on(pilot, CompareScreen)
        table = screen.query_one(CompareTable)
        assert table.stacked
        lines = table.row_lines(3)
        assert lines[0].split()[1:3] == ["◀3", "Mayor"]
        assert any(line.split()[:2] == ["▶4", "Mayor"] for line in lines)
        await pilot.resize_terminal(8, 4)
        await pilot.press("n", "n", "G", "pagedown")
        assert table.cursor == 4
        await pilot.press("pageup")
        assert table.cursor < 4
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert not table.stacked
        assert len(table.row_lines(4)) == 4  # re-wrapped for the new width


async def test_only_one_article_or_no_rows_shows_an_explanation() -> None:
    analysis = make_analysis()
    single = Analysis(articles=analysis.articles[:1])
    app = host(single)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await settled_on(pilot, CompareScreen)
        assert screen.right_id is None
        assert "nothing to compare" in screen.query_one(CompareTable).row_lines(0)[0]
        await pilot.press("right_square_bracket", "s", "n")
    app = host(aligner=lambda *_: [])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await settled_on(pilot, CompareScreen)
        assert "No sentences could be aligned" in " ".join(screen.query_one(CompareTable).row_lines(0))


async def test_a_long_pair_is_one_widget_and_stays_navigable() -> None:
    """Thousands of rows are drawn line by line by one widget, not mounted as thousands of widgets."""
    analysis = make_analysis()
    left, right = analysis.articles[0], analysis.articles[1]
    rows = [AlignedRow(RowKind.MATCH, i % len(left.sentences), i % len(right.sentences)) for i in range(3000)]
    rows[2500] = AlignedRow(RowKind.MATCH, 1, 1, "f-cracks", (), analysis.facts[1].disagreements)
    app = host(analysis, aligner=lambda *_: rows)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settled_on(pilot, CompareScreen)
        assert len(list(screen.query("*"))) < 40
        await pilot.press("n")
        table = screen.query_one(CompareTable)
        assert table.cursor == 2500
        assert table.scroll_offset.y > 1000  # scrolled to it
        await pilot.press("g")
        assert table.scroll_offset.y == 0
    app = host(analysis, aligner=lambda *_: rows, fact="f-cracks")  # opening far down: scrolled there at once
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settled_on(pilot, CompareScreen)
        table = screen.query_one(CompareTable)
        assert table.cursor == 2500
        assert "1,200" in " ".join(table.row_lines(2500))

        def cursor_on_screen() -> bool:
            line = table.row_lines(2500)[0][1:]  # drawn with the cursor marker in the first cell
            return any(line in table.render_line(y).text for y in range(table.scrollable_content_region.height))

        assert cursor_on_screen()
        await pilot.resize_terminal(70, 30)  # the rows re-wrap to other heights: the current row stays in view
        await pilot.pause()
        await pilot.pause()
        assert cursor_on_screen()


async def test_a_theme_change_redraws_the_rows_in_the_new_colours() -> None:
    app = host()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settled_on(pilot, CompareScreen)
        table = screen.query_one(CompareTable)

        def value_style() -> object:  # the disagreeing value "Monday" in the first row
            return next(segment.style for segment in table.render_line(0) if segment.text == "Monday")

        app.theme = "textual-dark"
        await pilot.pause()
        dark = value_style()
        app.theme = "textual-light"
        await pilot.pause()
        assert value_style() != dark
        assert table.row_lines(1)[0][1] == "#"  # same rows, new colours


async def test_m_shows_only_matched_pairs_and_keeps_the_place() -> None:
    app = host()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settled_on(pilot, CompareScreen)
        table = screen.query_one(CompareTable)
        await pilot.press("n", "n")
        assert table.current is not None and table.current.fact == "f-mayor"
        await pilot.press("m")
        assert [(row.left, row.right) for row in table.rows] == [(0, 0), (1, 1), (2, 3)]
        assert table.current is not None and table.current.fact == "f-mayor"
        assert "3 matched" in label_text(screen, "#compare-header-counts")  # the counts still cover everything
        await pilot.press("m")
        assert len(table.rows) == 5
        assert table.current is not None and table.current.fact == "f-mayor"
        await pilot.press(
            "G", "m"
        )  # from a left-only sentence (the last): the nearest matched row after it, or the top
        assert table.cursor == 0


async def test_brackets_stay_within_the_left_articles_story() -> None:
    app = host(make_two_stories())
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settled_on(pilot, CompareScreen)
        seen = []
        for _ in range(4):
            await pilot.press("right_square_bracket")
            screen = await settled_on(pilot, CompareScreen)
            seen.append(screen.right_id)
        assert seen == ["times", "courier", "times", "courier"]  # never the ferry story's articles


async def test_a_failing_alignment_is_reported_not_left_spinning() -> None:
    def broken(*_: object) -> list[AlignedRow]:
        raise RuntimeError("index out of date")

    app = host(aligner=broken)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await settled_on(pilot, CompareScreen)
        message = " ".join(screen.query_one(CompareTable).row_lines(0))
        assert "could not be aligned" in message and "index out of date" in message
        await pilot.press("n", "m", "s")
        assert isinstance(app.screen, CompareScreen)
