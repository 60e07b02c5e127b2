"""The first frame: the article list alone, from the titles kept at the last start; the reader after it.

Keys pressed before the articles are in are done once they are, not lost.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import settle

from tuireader import cli
from tuireader.sources.files import load_corpus
from tuireader.sources.titles import TitleRow, read_titles
from tuireader.store.cache import Cache, open_cache
from tuireader.ui.app import ReaderApp, make_app
from tuireader.ui.dialogs.help import HelpScreen
from tuireader.ui.reader.article_list import ArticleList
from tuireader.ui.reader.entities_panel import EntitiesPanel
from tuireader.ui.reader.screen import MainScreen

ARTICLES = {
    "a.txt": "Harbour workers walk out over pay\n\nDockers at Brenmouth stopped work on Monday, the union said.\n",
    "b.txt": "Port of Brenmouth closed for a second day\n\nNo ship left the port on Tuesday, officials said.\n",
    "c.txt": "Talks to end the dock strike resume\n\nUnion leaders met the port authority on Wednesday.\n",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    root.mkdir()
    for name, text in ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def store(tmp_path: Path) -> Cache:
    return open_cache(tmp_path / "cache" / "cache.sqlite3", version="test")


@pytest.fixture
def held_load(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Loading the articles waits until the test lets it go."""
    from tuireader.sources import batches

    release = threading.Event()
    real = batches.load_in_batches

    def held(*args: Any, **kwargs: Any) -> None:
        release.wait(10)
        real(*args, **kwargs)

    monkeypatch.setattr(batches, "load_in_batches", held)
    yield release
    release.set()


async def _kept_titles(folder: Path, store: Cache) -> list[TitleRow]:
    """Open the folder once, as a user would, so its titles are kept; return them."""
    app = make_app([str(folder)], store, theme="textual-dark", run_analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
    rows = read_titles(store, [folder])
    assert rows is not None
    return rows


async def _app_on_kept_titles(folder: Path, store: Cache) -> tuple[ReaderApp, list[TitleRow]]:
    """The app as the CLI starts it on a folder opened before: with the titles kept then."""
    rows = await _kept_titles(folder, store)
    return make_app([str(folder)], store, theme="textual-dark", run_analysis=False, titles=rows), rows


async def test_a_clean_load_keeps_the_titles_as_the_list_shows_them(folder: Path, store: Cache) -> None:
    rows = await _kept_titles(folder, store)
    articles = load_corpus([folder]).articles
    assert [r[0] for r in rows] == [a.id for a in articles]
    assert [r[1] for r in rows] == [a.title for a in articles]
    assert all(r[2].endswith(" · undated") for r in rows)


async def test_a_load_with_warnings_keeps_no_titles(folder: Path, store: Cache) -> None:
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")  # "skipped, no text"
    app = make_app([str(folder)], store, theme="textual-dark", run_analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main.article_list.row_count == 3
    assert read_titles(store, [folder]) is None


async def test_the_list_is_drawn_from_kept_titles_before_the_reader_is_mounted(
    folder: Path, store: Cache, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = await _kept_titles(folder, store)
    seen: dict[str, Any] = {}
    real = MainScreen.mount_reader

    async def mount_reader(self: MainScreen) -> None:
        if not seen:  # the moment the first frame has been drawn
            listed = self.query_one(ArticleList)
            seen["rows"] = [listed.row_text(i) for i in range(listed.row_count)]
            seen["reader"] = len(self.query("#pane")) + len(self.query(EntitiesPanel))
            seen["loaded"] = self.loaded
        await real(self)

    monkeypatch.setattr(MainScreen, "mount_reader", mount_reader)
    app = make_app([str(folder)], store, theme="textual-dark", run_analysis=False, titles=rows)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main.loaded and app.main.pane.article is not None  # then all as before
    assert seen["reader"] == 0 and seen["loaded"] is False
    assert [r.splitlines()[0].split("…")[0].strip()[:20] for r in seen["rows"]] == [title[:20] for _, title, _ in rows]
    assert all(line.splitlines()[1].strip() == byline for line, (_, _, byline) in zip(seen["rows"], rows, strict=True))


async def test_keys_pressed_before_the_articles_are_in_are_done_then(
    folder: Path, store: Cache, held_load: threading.Event
) -> None:
    app, rows = await _app_on_kept_titles(folder, store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        listed = app.main.query_one(ArticleList)
        assert listed.row_count == 3 and not app.main.loaded  # kept titles, nothing loaded
        await pilot.press("j", "enter")  # the second article, to read
        await pilot.pause()
        assert app.main.pane.article is None  # nothing to show yet, and nothing lost:
        held_load.set()
        await settle(pilot)
        assert app.main.loaded
        assert app.main.pane.article is not None and app.main.pane.article.id == rows[1][0]
        assert app.main.pane.has_focus


async def test_panel_and_help_asked_for_before_the_articles_are_in_open_then(
    folder: Path, store: Cache, held_load: threading.Event
) -> None:
    app, _rows = await _app_on_kept_titles(folder, store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("e", "question_mark")
        await pilot.pause()
        assert not app.main.show_entities and not isinstance(app.screen, HelpScreen)
        held_load.set()
        await settle(pilot)
        assert app.main.show_entities
        assert isinstance(app.screen, HelpScreen)


async def test_a_first_start_lists_the_titles_as_soon_as_they_are_loaded_and_the_rest_once_the_reader_is_there(
    folder: Path, store: Cache, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio

    real = MainScreen.mount_reader
    before: list[list[str]] = []

    async def slow_mount(self: MainScreen) -> None:
        await asyncio.sleep(0.5)  # the loader (started at mount: no kept titles) finishes first
        listed = self.query_one(ArticleList)
        before.append([listed.row_text(i).splitlines()[0] for i in range(listed.row_count)])
        await real(self)

    monkeypatch.setattr(MainScreen, "mount_reader", slow_mount)
    app = make_app([str(folder)], store, theme="textual-dark", run_analysis=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(before[0]) == 3 and "Harbour workers walk out" in before[0][0]  # listed before the reader
        assert app.main.loaded and app.main.article_list.row_count == 3  # then set, and read
        assert app.main.pane.article is not None


async def test_quitting_on_the_first_frame_closes_cleanly(
    folder: Path, store: Cache, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio

    real = MainScreen.mount_reader

    async def slow_mount(self: MainScreen) -> None:
        await asyncio.sleep(0.3)  # "q" is pressed meanwhile
        await real(self)

    monkeypatch.setattr(MainScreen, "mount_reader", slow_mount)
    app, _rows = await _app_on_kept_titles(folder, store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("q")
        await asyncio.sleep(0.5)
    assert app.return_code == 0  # no error from the half-mounted screen


async def test_changed_files_replace_stale_titles_at_once(folder: Path, store: Cache) -> None:
    rows = await _kept_titles(folder, store)
    (folder / "b.txt").unlink()
    assert read_titles(store, [folder]) is None  # the CLI would show none; given anyway, they go:
    app = make_app([str(folder)], store, theme="textual-dark", run_analysis=False, titles=rows)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        listed = app.main.query_one(ArticleList)
        assert listed.row_count == 2 and not listed.titles
        assert [r[0] for r in read_titles(store, [folder]) or []] == listed.shown


def test_the_cli_hands_kept_titles_to_the_app(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TUIREADER_CACHE_DIR", str(tmp_path / "cli-cache"))
    monkeypatch.setenv("TUIREADER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("TUIREADER_NO_CACHE", raising=False)
    given: list[Any] = []
    keep = ReaderApp._keep_titles

    def keep_then_close(self: ReaderApp, *args: Any) -> None:  # in the loading worker
        keep(self, *args)
        self.call_from_thread(self.exit)

    def run(self: ReaderApp) -> None:
        given.append(self.titles)
        if not self.titles:  # the first start: load, keep the titles, close
            from textual.app import App

            App.run(self, headless=True)

    monkeypatch.setattr(ReaderApp, "_keep_titles", keep_then_close)
    monkeypatch.setattr(ReaderApp, "run", run)
    assert cli.main([str(folder)]) == 0
    assert cli.main([str(folder)]) == 0
    assert given[0] == []
    assert [title for _, title, _ in given[1]] == [text.splitlines()[0] for text in ARTICLES.values()]


def test_nothing_heavy_is_imported_before_the_first_frame() -> None:
    """Up to the first frame: no model, loaders, analysis, reader widgets, rapidfuzz or numpy."""
    heavy = [
        "tuireader.model",
        "tuireader.sources.files",
        "tuireader.core.pipeline",
        "tuireader.core.source_names",
        "tuireader.store.codec",
        "tuireader.ui.reader.reading_pane",
        "tuireader.ui.reader.render",
        "tuireader.ui.dialogs.help",
        "tuireader.ui.compare.screen",
        "tuireader.ui.overview.screen",
        "rapidfuzz",
        "numpy",
    ]
    script = f"""
import json, sys
from tuireader.ui.app import make_app
from tuireader.ui.reader.screen import MainScreen
seen = {{}}
async def mount_reader(self):
    seen.update({{name: name in sys.modules for name in {heavy!r}}})
    self.app.exit()
MainScreen.mount_reader = mount_reader
app = make_app([], None, titles=[("id-1", "Harbour workers walk out", "Coast Ledger · undated")])
app.run(headless=True)
print(json.dumps(seen))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen == dict.fromkeys(heavy, False)
