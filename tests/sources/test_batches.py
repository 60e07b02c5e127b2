"""Loading a folder in batches: the list fills while the rest loads, and nothing is lost or doubled."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from tuireader.model import Article
from tuireader.sources.batches import load_in_batches
from tuireader.sources.files import CorpusError, load_corpus
from tuireader.ui.app import make_app
from tuireader.ui.messages import ArticlesLoaded
from tuireader.ui.reader.article_list import ArticleList

TOWNS = ["Harwick", "Dunmore", "Eastleigh", "Carrow", "Belfield", "Ashby", "Gorran", "Fenwick", "Inverlay"]


def _folder(tmp_path: Path, n: int, duplicate_of: int | None = None) -> Path:
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        j = duplicate_of if duplicate_of is not None and i == n - 1 else i
        body = f"The {TOWNS[j % len(TOWNS)]} council met on day {j} and voted {j + 3} to {j % 5} to repair the bridge."
        (tmp_path / f"{i:03d}.md").write_text(f"---\ntitle: {town} vote {i}\nsource: Gazette {i}\n---\n\n{body}\n")
    return tmp_path


def _collect(folder: Path, *, first: int, size: int) -> tuple[list[list[Article]], list[str], list[bool]]:
    batches: list[list[Article]] = []
    warnings: list[str] = []
    dones: list[bool] = []

    def emit(articles: list[Article], warned: list[str], done: bool) -> None:
        batches.append(articles)
        warnings.extend(warned)
        dones.append(done)

    load_in_batches([str(folder)], emit, first=first, size=size)
    return batches, warnings, dones


def test_batches_hold_the_same_articles_as_one_load(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 23)
    batches, warnings, dones = _collect(folder, first=5, size=7)
    assert [len(b) for b in batches] == [5, 7, 7, 4]
    assert dones == [False, False, False, True]
    assert warnings == []
    whole = load_corpus([folder]).articles
    assert [a.id for b in batches for a in b] == [a.id for a in whole]


def test_a_small_folder_is_one_batch(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 4)
    batches, _, dones = _collect(folder, first=5, size=7)
    assert [len(b) for b in batches] == [4]
    assert dones == [True]


def test_same_text_in_a_later_batch_is_skipped_with_a_warning(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 12, duplicate_of=1)  # the last file repeats the second one's text
    batches, warnings, _ = _collect(folder, first=3, size=4)
    ids = [a.id for b in batches for a in b]
    assert len(ids) == 11 == len(set(ids))
    assert any("011.md" in w and "same text as" in w and "001.md" in w for w in warnings)


def test_many_repeats_in_later_batches_are_counted_not_listed(tmp_path: Path) -> None:
    for i in range(18):  # 3 different texts, each again in every later batch of 3 files
        body = f"The {TOWNS[i % 3]} council voted {i % 3 + 3} to 1 to repair the bridge."
        (tmp_path / f"{i:03d}.md").write_text(f"---\ntitle: Vote {i}\n---\n\n{body}\n")
    batches, warnings, _ = _collect(tmp_path, first=3, size=3)
    assert len(batches) == 6
    assert len([a for b in batches for a in b]) == 3
    named = [Path(w.split(":")[0]).name for w in warnings if "skipped, same text as" in w]
    assert named == ["003.md", "004.md", "005.md"]
    # The line counting the rest is handed on with each batch that adds to it.
    assert [w for w in warnings if w.startswith("… and")] == [
        f"… and {n} more articles skipped, each the same text as an earlier one" for n in (3, 6, 9, 12)
    ]


def test_unreadable_batches_warn_and_a_readable_one_still_loads(tmp_path: Path) -> None:
    for i in range(6):
        (tmp_path / f"{i:02d}.txt").write_bytes(b"")  # empty: skipped, no text
    (tmp_path / "99.md").write_text("---\ntitle: Ferry resumes\n---\n\nThe ferry resumed on Monday.\n")
    batches, warnings, dones = _collect(tmp_path, first=2, size=2)
    assert [a.title for b in batches for a in b] == ["Ferry resumes"]
    assert dones[-1] is True
    assert sum("00.txt" in w or "05.txt" in w for w in warnings) == 2


def test_nothing_readable_raises_like_load_corpus(tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"{i}.txt").write_bytes(b"")
    with pytest.raises(CorpusError) as caught:
        _collect(tmp_path, first=2, size=2)
    assert "no readable article" in str(caught.value)
    assert len(caught.value.warnings) == 5


async def test_the_list_shows_a_batch_before_the_rest_arrives(tmp_path: Path) -> None:
    """An early batch is listed (and readable) while loading continues; the analysis waits for all."""
    articles = load_corpus([_folder(tmp_path, 6)]).articles
    app = make_app(articles[:1], theme="textual-dark", run_analysis=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        app.post_message(ArticlesLoaded(articles[1:3], [], done=False))
        await pilot.pause()
        listed = app.main.query_one(ArticleList)
        assert listed.shown == [a.id for a in articles[1:3]]
        assert "loading" in app.sub_title
        app.post_message(ArticlesLoaded(articles[3:], [], done=True))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert listed.shown == [a.id for a in articles[1:]]
        status = app.main.query_one("#filter-status", Static)
        assert "5 articles" in str(status.render())


async def test_progress_arriving_while_the_app_closes_is_ignored(tmp_path: Path) -> None:
    """Quitting during the analysis: a late progress report must not crash the exit."""
    articles = load_corpus([_folder(tmp_path, 3)]).articles
    app = make_app(articles, theme="textual-dark", run_analysis=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.main.set_progress("entities", 1, 3)
        assert "entities" in str(app.main.query_one("#progress-label", Static).render())
        await app.main.query_one("#progress-row").remove()  # as when the screen is torn down
        app.main.set_progress("quotes", 2, 3)
