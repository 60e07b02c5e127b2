"""Pilot tests of the reader: each flow a user takes, asserting on what the app shows afterwards."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from pilot_helpers import settle
from reader_fakes import port_strike, two_stories
from textual.app import App
from textual.widgets import Input, Static

from tuireader.model import Analysis, Article
from tuireader.sources.files import Corpus, RawArticle, build_article
from tuireader.ui.app import ReaderApp, make_app
from tuireader.ui.config import config_path
from tuireader.ui.dialogs.entity import EntityScreen
from tuireader.ui.dialogs.export import ExportScreen
from tuireader.ui.dialogs.help import HelpScreen, own_bindings
from tuireader.ui.dialogs.pick_article import ArticlePicker
from tuireader.ui.keys import MOVING
from tuireader.ui.messages import FilterResults
from tuireader.ui.reader.article_list import ArticleList
from tuireader.ui.reader.reading_pane import ReadingPane


def _app(analysis: Analysis | None = None) -> ReaderApp:
    return make_app(analysis or port_strike(), theme="textual-dark")


def _listed_sources(app: ReaderApp) -> list[str]:
    lst = app.main.query_one(ArticleList)
    return [lst.articles[a].source or "" for a in lst.shown]


def _text(widget: Static) -> str:
    visual = widget.content
    return getattr(visual, "plain", str(visual))


async def test_titles_show_before_the_analysis_finishes(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    analysis = port_strike()

    def slow_analyze(articles, **kwargs):  # type: ignore[no-untyped-def]
        kwargs["progress"]("entities and quotes", 1, 3)
        release.wait(10)
        return analysis

    monkeypatch.setattr("tuireader.core.pipeline.analyze", slow_analyze)
    app = make_app(Corpus(analysis.articles, []), theme="textual-dark")
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(20):
            await pilot.pause()
            if app.main.query_one(ArticleList).row_count:
                break
        lst = app.main.query_one(ArticleList)
        assert lst.row_count == 3 and app.analysis is None
        assert app.main.query_one("#progress-row").display  # the progress indicator shows meanwhile
        assert app.main.pane.article is not None  # and the first article can already be read
        release.set()
        await settle(pilot)
        assert app.analysis is analysis
        assert not app.main.query_one("#progress-row").display


async def test_filter_by_spelling_variant_and_clear() -> None:
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"kowalcyk")
        await settle(pilot)
        # Both spellings are aliases of one person: both articles are listed, the first highlighted.
        assert sorted(_listed_sources(app)) == ["Harbour Times", "North Star Daily"]
        lst = app.main.query_one(ArticleList)
        assert lst.current_article == lst.shown[0]
        await pilot.pause(0.3)  # the reader follows once typing pauses
        assert app.main.pane.article is not None and app.main.pane.article.id == lst.shown[0]
        assert "2 of 3" in _text(app.main.query_one("#filter-status", Static))
        await pilot.press("escape")
        await settle(pilot)
        assert _listed_sources(app) == ["North Star Daily", "Harbour Times", "Valley Courier"]


async def test_filter_prefixes_and_title_highlight() -> None:
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"s:harbour")
        await settle(pilot)
        assert _listed_sources(app) == ["Harbour Times"]
        app.main.filter_by("h:frozen")
        await settle(pilot)
        assert _listed_sources(app) == ["Harbour Times"]
        result = app.main.query_one(ArticleList).results[0]  # type: ignore[index]
        title = app.analysis.article(result.article).title  # type: ignore[union-attr]
        assert "".join(title[p] for p in result.title_positions).lower() == "frozen"
        app.main.filter_by("t:freight")
        await settle(pilot)
        assert _listed_sources(app) == ["Valley Courier"]


async def test_stale_filter_results_are_dropped() -> None:
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.filter_by("antwerp")
        await settle(pilot)
        assert _listed_sources(app) == ["Harbour Times"]
        index = app.main.index
        assert index is not None
        app.main.post_message(FilterResults("freight", index.search("freight")))
        await settle(pilot)
        assert _listed_sources(app) == ["Harbour Times"]


async def test_jump_keys_move_through_mentions_quotes_and_disagreements() -> None:
    analysis = port_strike()
    north = analysis.articles[0]
    app = _app(analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # read the highlighted article
        pane = app.main.query_one(ReadingPane)
        assert pane.has_focus and pane.article is not None and pane.article.id == north.id
        await pilot.press("m")
        assert pane.current is not None and north.text[pane.current.start : pane.current.end] == "ROTTERDAM"
        await pilot.press("m", "m")
        assert north.text[pane.current.start : pane.current.end] == "Tuesday"
        await pilot.press("M")
        assert north.text[pane.current.start : pane.current.end] == "1,200 dockworkers"
        await pilot.press("apostrophe")
        assert pane.current.kind == "quote"
        assert north.text[pane.current.start : pane.current.end].startswith("We will stay out")
        await pilot.press("d")
        await pilot.pause()
        assert pane.current.kind == "disagreement"
        assert north.text[pane.current.start : pane.current.end] == "1,200"
        status = _text(app.main.query_one("#status", Static))
        assert "numbers differ: 1,200 vs 1,500 · Harbour Times: 1,500" in status
        # The current target is drawn reversed in its paragraph.
        block = pane.blocks[0]
        rendered = block.content
        assert any("reverse" in str(span.style) for span in rendered.spans)  # type: ignore[union-attr]
        await pilot.press("escape")
        assert pane.current is None


async def test_entity_popup_lists_spellings_and_filters() -> None:
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "m", "m", "m", "m", "m")
        pane = app.main.query_one(ReadingPane)
        assert pane.current is not None and pane.current.entity == "marta"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EntityScreen)
        card = app.screen.card_text.plain
        assert "Spelled Marta Kowalczyk in North Star Daily, Marta Kowalcyk in Harbour Times." in card
        assert "Also written: Marta Kowalcyk" in card
        assert "Quoted 2 times:" in card
        assert "North Star Daily: “We will stay out until the port authority listens.”" in card
        await pilot.press("f")
        await settle(pilot)
        assert app.screen is app.main
        assert app.main.query_text == 'p:"Marta Kowalczyk"'
        assert sorted(_listed_sources(app)) == ["Harbour Times", "North Star Daily"]


async def test_entities_panel_counts_and_choosing_filters() -> None:
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        panel = app.main.query_one("#entities")
        assert panel.has_focus
        prompts = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert "Marta Kowalczyk  2 mentions · 2 sources" in prompts
        assert "dock strike  2 articles · 2 sources" in prompts
        await pilot.press("down")  # the first person (headers are disabled)
        assert panel.get_option_at_index(panel.highlighted).id == "entity:marta"
        await pilot.press("enter")
        await settle(pilot)
        assert sorted(_listed_sources(app)) == ["Harbour Times", "North Star Daily"]
        target = next(i for i, p in enumerate(prompts) if p.startswith("freight rates"))
        panel.highlighted = target
        await pilot.press("enter")
        await settle(pilot)
        assert _listed_sources(app) == ["Valley Courier"]


async def test_help_lists_the_readers_actions_by_screen_in_plain_words() -> None:
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        titles = [title for title, _ in app.screen.sections]
        assert titles[:4] == ["Everywhere", "Article list and reader", "Article list", "Reading an article"]
        assert not any("Screen" in t or "Pane" in t or "Input" in t for t in titles)  # no widget names
        described = {d for _, rows in app.screen.sections for _, d in rows}
        for _title, node in app.binding_owners():
            for binding in own_bindings(node):
                if binding.action.split("(")[0] not in MOVING:
                    assert (binding.tooltip or binding.description) in described
        # Textual's text-editing keys of the filter box are not the reader's actions
        for generic in ("Delete character left", "Move cursor left", "Select all", "Paste"):
            assert not any(generic.lower() in d.lower() for d in described)
        rows = [r for _, section in app.screen.sections for r in section]
        assert len(rows) < 40
        keys = {d: k for _, section in app.screen.sections for k, d in section}
        assert keys["Next quote"] == "'" and keys["Story overview: facts by source, quotes by speaker"] == "o"
        assert keys["first, last"] == "g G  home end"
        await pilot.press("G")  # help scrolls with the same keys as everything else
        await pilot.pause()
        body = app.screen.query_one("#help-body")
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert body.scroll_y == 0
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main


async def test_command_palette_runs_the_same_actions() -> None:
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"next disagreement")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        pane = app.main.query_one(ReadingPane)
        assert pane.current is not None and pane.current.kind == "disagreement"


async def test_compare_with_asks_for_the_other_article() -> None:
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, ArticlePicker)
        assert [a.source for a in app.screen.articles] == ["Harbour Times", "Valley Courier"]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main


async def test_story_headers_group_the_list() -> None:
    app = _app(two_stories())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lst = app.main.query_one(ArticleList)
        assert lst.row_count == 5  # two story headers and three articles
        keys = [row.key for row in lst.rows]
        assert keys[0] == "story:s1" and keys[3] == "story:s2"
        assert lst.current_article == lst.shown[0]
        assert lst.row_text(0).startswith("▌ Rotterdam dock strike (2)")
        await pilot.press("k")  # onto the story header: the pane describes the story
        assert lst.current_article is None
        assert "Rotterdam dock strike" in _text(app.main.pane.query_one("#article-header", Static))


async def test_article_text_is_never_markup() -> None:
    analysis = port_strike()
    valley = analysis.articles[2]
    assert "\x1b" not in valley.text and "␛[31m" in valley.text  # neutralised by the text model
    app = _app(analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.query_one(ArticleList).select_article(valley.id)
        await settle(pilot)
        pane = app.main.pane
        assert "[bold]strike[/bold]" in _text(pane.query_one("#article-header", Static))
        body = "".join(b.content.plain for b in pane.blocks)  # type: ignore[union-attr]
        assert "[red]test[/red]" in body and "␛[31mNo colour␛[0m" in body
        lst = app.main.query_one(ArticleList)
        assert lst.row_text(lst.cursor).startswith(" " + valley.title)


async def test_narrow_and_tiny_terminals() -> None:
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.main.has_class("-narrow")
        sidebar = app.main.query_one("#sidebar")
        assert sidebar.region.width == 80  # stacked above the reader
        await pilot.resize_terminal(130, 40)
        await pilot.pause()
        assert not app.main.has_class("-narrow")
        await pilot.resize_terminal(20, 5)
        await pilot.pause()
        await pilot.press("m", "slash", "x", "escape", "question_mark")
        await pilot.pause()
    assert app.return_code in (0, None)


async def test_theme_is_remembered_and_a_corrupt_config_is_ignored() -> None:
    app = make_app(port_strike())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await pilot.pause()
    assert json.loads(config_path().read_text())["theme"] == "nord"
    again = make_app(port_strike())
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"
    config_path().write_text("{not json", encoding="utf-8")
    broken = make_app(port_strike())
    async with broken.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert broken.theme == "textual-dark"
        assert any("not valid JSON" in str(n.message) for n in broken._notifications)


async def test_no_color_keeps_highlights_distinct(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.no_color
        styles = app.main.pane.highlight_styles()
        looks = {
            name: (s.bold, s.italic, s.underline, s.reverse)
            for name, s in styles.items()
            if name.split("--")[1] in {"person", "org", "place", "date", "number", "disagreement", "current"}
        }
        assert len(set(looks.values())) == len(looks)  # each kind differs without colour


async def test_unreadable_paths_exit_with_status_2(tmp_path: Path) -> None:
    app = make_app([str(tmp_path / "missing")], theme="textual-dark")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
    assert app.return_code == 2


async def test_loads_paths_in_a_worker(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: Bridge reopens\nsource: Town Crier\n---\n\nThe bridge reopened.\n")
    article = build_article(RawArticle(path="x", text="The bridge reopened.", title="Bridge reopens"))
    assert article is not None
    app = make_app([str(tmp_path)], theme="textual-dark")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert _listed_sources(app) == ["Town Crier"]
        assert app.analysis is not None


async def test_export_writes_the_report_in_the_chosen_format(tmp_path: Path) -> None:
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        box = app.screen.query_one(Input)
        box.value = str(tmp_path / "notes.txt")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)  # an unknown suffix is refused, the dialog stays
        box.value = str(tmp_path / "strike.md")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is app.main
    report = (tmp_path / "strike.md").read_text(encoding="utf-8")
    assert "1,200" in report and "1,500" in report


async def test_export_asks_before_replacing_a_file(tmp_path: Path) -> None:
    existing = tmp_path / "mine.md"
    existing.write_text("my own notes", encoding="utf-8")
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one(Input).value = str(existing)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)  # not yet: the file exists
        assert existing.read_text(encoding="utf-8") == "my own notes"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one(Input).value = str(existing)
        await pilot.press("enter", "enter")  # the second Enter confirms
        await settle(pilot)
        assert app.screen is app.main
    assert "my own notes" not in existing.read_text(encoding="utf-8")


async def test_ten_thousand_articles() -> None:
    articles = [
        Article(id=f"a{i:05d}", path="", title=f"Harbour works report {i}", source=f"Outlet {i % 40}", text="Body.")
        for i in range(10_000)
    ]
    app = make_app(articles, theme="textual-dark", run_analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lst = app.main.query_one(ArticleList)
        assert lst.row_count == 10_000
        assert lst.show_vertical_scrollbar and not lst.show_horizontal_scrollbar  # rows fit the width
        await pilot.press("G")
        assert lst.current_article == "a09999"
        assert "Harbour works report 9999" in lst.row_text(lst.cursor)
        app.main.filter_by("s:outlet report 1234")
        await settle(pilot)
        assert lst.shown[0] == "a01234"  # the exact headline ranks first
        assert lst.current_article == "a01234"
        assert len(lst.shown) == len(app.main.index.search("s:outlet report 1234"))  # type: ignore[union-attr]


async def test_compare_and_overview_open_their_screens() -> None:
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")  # straight to the next article of the story
        await pilot.pause()
        assert type(app.screen).__name__ == "CompareScreen"
        assert (app.screen.left_id, app.screen.right_id) == (app.analysis.articles[0].id, app.analysis.articles[1].id)  # type: ignore[attr-defined,union-attr]
        app.pop_screen()
        await pilot.pause()
        # On a disagreement, compare goes straight to the other source, at that fact.
        await pilot.press("enter", "d", "c")
        await pilot.pause()
        assert type(app.screen).__name__ == "CompareScreen"
        assert app.screen.right_id == app.analysis.articles[1].id  # type: ignore[attr-defined,union-attr]
        assert app.screen.fact == "f1"  # type: ignore[attr-defined]
        app.pop_screen()
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert type(app.screen).__name__ == "OverviewScreen"


async def test_help_on_another_screen_lists_that_screens_keys() -> None:
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        other = app.screen
        assert other is not app.main
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        described = {d for _, rows in app.screen.sections for _, d in rows}
        titles = [title for title, _ in app.screen.sections]
        assert "Story overview" in titles and "Quotes by speaker" in titles
        for binding in own_bindings(other):
            assert (binding.tooltip or binding.description) in described
        assert "Next quote" not in described  # the reader's keys do not apply there


async def test_clicking_a_highlight_selects_it_and_a_second_click_opens_the_entity() -> None:
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pane = app.main.query_one(ReadingPane)
        block = pane.blocks[1]  # "Union leader Marta Kowalczyk said: …"
        x = block.span.slice(pane.article.text).index("Marta") + 1  # type: ignore[union-attr]
        await pilot.click(block, offset=(x, 0))
        await pilot.pause()
        assert pane.current is not None and pane.current.entity == "marta"
        await pilot.click(block, offset=(x, 0))
        await pilot.pause()
        assert isinstance(app.screen, EntityScreen) and app.screen.entity.id == "marta"


async def test_an_empty_analysis_still_reads_well() -> None:
    bare = Analysis(articles=port_strike().articles)  # no mentions, quotes, facts or stories
    app = _app(bare)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lst = app.main.query_one(ArticleList)
        assert lst.row_count == 3 and lst.row_text(0).split("\n")[0].rstrip().endswith("0   0   0")
        await pilot.press("enter", "m")
        await pilot.pause()
        pane = app.main.query_one(ReadingPane)
        assert pane.current is None
        assert any("No mentions" in str(n.message) for n in app._notifications)
        assert "0 mentions · 0 quotes · 0 disagreements" in _text(app.main.query_one("#status", Static))
        await pilot.press("e")
        panel = app.main.query_one("#entities")
        assert str(panel.get_option_at_index(0).prompt) == "No people or topics found."
        app.main.filter_by("rotterdam")  # titles still filter
        await settle(pilot)
        assert sorted(_listed_sources(app)) == ["Harbour Times", "North Star Daily"]


async def test_sorting_cycles_within_stories() -> None:
    analysis = port_strike()
    north, harbour, valley = analysis.articles
    analysis.articles[0] = replace(north, published="2026-03-01")
    analysis.articles[2] = replace(valley, published="2026-03-05")
    app = _app(analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lst = app.main.query_one(ArticleList)
        assert lst.shown == [north.id, harbour.id, valley.id]
        await pilot.press("s")  # newest first
        assert lst.shown == [valley.id, harbour.id, north.id]
        await pilot.press("s")  # most disagreements first (stable: corpus order among equals)
        assert lst.shown == [north.id, harbour.id, valley.id]
        await pilot.press("s")  # by source name
        assert [lst.articles[a].source for a in lst.shown] == ["Harbour Times", "North Star Daily", "Valley Courier"]
        await pilot.press("s")
        assert lst.shown == [north.id, harbour.id, valley.id]


async def test_tab_moves_focus_and_vim_keys_move_the_list() -> None:
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lst = app.main.query_one(ArticleList)
        assert lst.has_focus
        await pilot.press("j", "j")
        assert lst.cursor == 2
        await pilot.press("k")
        assert lst.cursor == 1
        await pilot.press("g")
        assert lst.cursor == 0
        await pilot.press("G")
        assert lst.cursor == 2
        await pilot.press("tab")
        assert app.main.query_one(ReadingPane).has_focus
        await pilot.press("shift+tab", "shift+tab")
        assert app.focused is app.main.query_one("#filter")


async def test_every_list_and_scrolling_view_takes_the_same_moving_keys() -> None:
    from textual.widgets import DataTable, OptionList

    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        nodes = [*app.main.query("ArticleList, ReadingPane, EntitiesPanel"), *app.screen.query("*")]
        checked = 0
        for node in nodes:
            if not isinstance(node, (OptionList, DataTable, ArticleList, ReadingPane)) and type(node).__name__ != (
                "CompareTable"
            ):
                continue
            keys = {k for k, _ in node._bindings}
            for key in ("j", "k", "g", "G", "ctrl+d", "ctrl+u"):
                assert key in keys, (type(node).__name__, key)
            checked += 1
        assert checked >= 5  # list, reader, people panel, facts by source, quotes by speaker
        matrix = app.screen.query_one("OverviewMatrix")
        matrix.focus()
        await pilot.press("g")
        assert matrix.cursor_row == 0  # type: ignore[attr-defined]
        await pilot.press("j")
        assert matrix.cursor_row == 1  # type: ignore[attr-defined]
        await pilot.press("k")
        assert matrix.cursor_row == 0  # type: ignore[attr-defined]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("C")
        await pilot.pause()
        picker = app.screen.query_one("#picker-list")
        assert {"j", "k", "g", "G"} <= {k for k, _ in picker._bindings}


def _many(n: int) -> Analysis:
    articles = []
    for i in range(n):
        raw = RawArticle(
            path=f"a{i}.txt", text=f"Body {i}.", title=f"Ferry timetable change number {i}", source=f"Paper {i}"
        )
        article = build_article(raw)
        assert article is not None
        articles.append(article)
    return Analysis(articles=articles)


async def test_at_80x24_the_selected_row_is_always_whole_and_on_screen() -> None:
    app = make_app(_many(9), theme="textual-dark")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lst = app.main.query_one(ArticleList)
        await pilot.press("j", "j", "j", "j", "j", "j")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert lst.scrollable_content_region.height % 2 == 1  # an odd height: the case that cut rows

        def in_view() -> None:
            top = 2 * lst.cursor
            y = round(lst.scroll_offset.y)
            assert y <= top and top + 2 <= y + lst.scrollable_content_region.height, (lst.cursor, y)
            assert y % 2 == 0  # the list starts on a whole row

        in_view()
        for key in ["j"] * 3 + ["k"] * 8 + ["G", "g", "ctrl+d", "ctrl+d", "ctrl+u"]:
            await pilot.press(key)
            in_view()


async def test_titles_use_the_room_on_a_wide_terminal() -> None:
    long_title = "Regional ferry operators agree a new winter timetable after weeks of talks with harbour towns"
    article = build_article(RawArticle(path="x.txt", text="Body.", title=long_title, source="Coast Paper"))
    assert article is not None
    app = make_app(Analysis(articles=[article]), theme="textual-dark")
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        lst = app.main.query_one(ArticleList)
        assert lst.size.width >= 85
        drawn = lst._row_lines(lst.rows[0], lst.scrollable_content_region.width)[0].plain
        assert long_title[:70] in drawn  # at 120 columns the list showed 40 of them, at 200 before this 53
        assert app.main.pane.size.width >= 100  # the reader keeps a comfortable measure


async def test_file_names_in_notifications_are_never_markup(tmp_path: Path) -> None:
    """A file named like console markup neither crashes the app nor becomes a clickable action."""
    (tmp_path / "good.txt").write_text("A Headline\n\nThe council met on Monday and voted.\n", encoding="utf-8")
    (tmp_path / "[link=a:b]x.txt").write_text("", encoding="utf-8")
    (tmp_path / "[@click=app.quit]y.txt").write_text("", encoding="utf-8")
    (tmp_path / "z\x1b[2J.txt").write_text("", encoding="utf-8")
    app = make_app([str(tmp_path)], theme="textual-dark", remember_theme=False)
    async with app.run_test() as pilot:
        await settle(pilot)
        shown = [n.message for n in app._notifications]
        assert any("[link=a:b]x.txt" in m for m in shown), shown
        assert any("[@click=app.quit]y.txt" in m for m in shown), shown
        assert any("z\\e[2J.txt" in m for m in shown), shown
        assert all(n.markup is False for n in app._notifications)
        assert app.is_running


async def test_a_word_of_the_text_finds_the_article_and_enter_opens_it_at_the_sentence() -> None:
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"diverted")  # only in the Harbour Times text
        await settle(pilot)
        assert _listed_sources(app) == ["Harbour Times"]
        lst = app.main.query_one(ArticleList)
        second = lst.row_text(0).split("\n")[1]
        assert "Shipping lines diverted vessels to Antwerp." in second
        await pilot.press("enter")
        await settle(pilot)
        pane = app.main.pane
        assert pane.article is not None and pane.article.source == "Harbour Times"
        assert pane.found is not None
        assert pane.found.slice(pane.article.text) == "Shipping lines diverted vessels to Antwerp."
        await pilot.press("escape")  # back in the list: clears the search
        await settle(pilot)
        assert len(_listed_sources(app)) == 3


async def test_every_hint_names_the_key_bound_to_it() -> None:
    from tuireader.ui.keys import key_of

    app = _app(two_stories())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main
        assert key_of(main, "overview") == "o" and key_of(main, "compare") == "c"
        lst = main.query_one(ArticleList)
        lst.cursor = 0  # the first story's header
        await settle(pilot)
        await pilot.pause(0.3)
        story = _text(main.pane.query_one("#article-header", Static))
        assert "o: story overview · c: compare articles" in story
        lst.cursor = 1
        await pilot.press("enter")
        await settle(pilot)
        assert "(jump: m ' d)" in _text(main.query_one("#status", Static))
        await pilot.press("d")
        assert "· c: compare" in _text(main.query_one("#status", Static))
        main.pane.clear_current()
        await pilot.press("enter")  # nothing current: the toast names the jump keys
        await pilot.pause()
        assert any("with m or a quotation with '" in n.message for n in app._notifications)


async def test_many_bad_files_give_a_few_toasts_and_a_count(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A Headline\n\nThe council met on Monday and voted.\n", encoding="utf-8")
    for n in range(12):
        (tmp_path / f"empty{n:02}.txt").write_text("", encoding="utf-8")
    app = make_app([str(tmp_path)], theme="textual-dark", remember_theme=False)
    async with app.run_test() as pilot:
        await settle(pilot)
        shown = [n.message for n in app._notifications if n.severity == "warning"]
        assert len(shown) == 6, shown
        assert shown[-1] == "… and 7 more warnings"


def test_the_cli_pauses_garbage_collection_only_until_the_titles_are_drawn(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import gc

    from tuireader import cli
    from tuireader.ui import app as app_module

    (tmp_path / "a.txt").write_text("A Headline\n\nThe council met on Monday and voted.\n", encoding="utf-8")
    seen: dict[str, bool] = {}

    class Recording(ReaderApp):
        CSS_PATH = Path(app_module.__file__).parent / ReaderApp.CSS_PATH  # type: ignore[operator]

        def on_mount(self) -> None:
            seen["at mount"] = gc.isenabled()
            super().on_mount()

        def _articles_loaded(self, articles: list[Article]) -> None:
            super()._articles_loaded(articles)
            self.call_after_refresh(lambda: self.call_after_refresh(self._check))

        def _check(self) -> None:
            seen["after the titles"] = gc.isenabled()
            self.exit()

    monkeypatch.setattr(
        "tuireader.ui.app.make_app",
        lambda source, store, **options: Recording(paths=source, store=store, run_analysis=False),
    )
    monkeypatch.setattr(ReaderApp, "run", lambda self: App.run(self, headless=True))
    assert gc.isenabled()
    assert cli.main(["--no-cache", str(tmp_path)]) == 0
    assert seen == {"at mount": False, "after the titles": True}
    assert gc.isenabled()
