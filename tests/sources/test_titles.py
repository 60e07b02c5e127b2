"""The titles kept for the app's first frame: shown again only while nothing they came from has changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tuireader.sources.titles import KIND, keep_titles, read_titles, titles_key
from tuireader.store.cache import open_cache

ROWS = [
    ("id-1", "Harbour workers walk out over pay", "Coast Ledger · 2024-03-04"),
    ("id-2", "Strike closes the port for a second day", "#2 Strike closes · undated"),
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    (root / "older").mkdir(parents=True)
    (root / "a.txt").write_text("Harbour workers walk out over pay\n\nThey met on Monday.\n", encoding="utf-8")
    (root / "older" / "b.md").write_text("# Strike closes the port\n\nA second day.\n", encoding="utf-8")
    return root


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def _store(tmp_path: Path):  # type: ignore[no-untyped-def]
    return open_cache(tmp_path / "cache" / "cache.sqlite3", version="test")


def _touch_later(path: Path) -> None:
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 5_000_000_000))


def test_kept_titles_come_back_for_the_same_unchanged_files(tmp_path: Path, folder: Path) -> None:
    store = _store(tmp_path)
    keep_titles(store, [folder], _files(folder), ROWS)
    assert read_titles(store, [folder]) == ROWS
    assert read_titles(_store(tmp_path), [folder]) == ROWS  # from the file, in another process


def test_the_same_folder_named_another_way_is_the_same_list(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(tmp_path)
    keep_titles(store, [folder], _files(folder), ROWS)
    monkeypatch.chdir(folder.parent)
    assert read_titles(store, [Path("news")]) == ROWS
    assert read_titles(store, [folder / "older"]) is None  # another set of paths


@pytest.mark.parametrize(
    "change",
    [
        lambda root: (root / "a.txt").write_text("Harbour workers return\n\nAll of them.\n", encoding="utf-8"),
        lambda root: _touch_later(root / "a.txt"),
        lambda root: (root / "c.txt").write_text("A third article\n\nText.\n", encoding="utf-8"),
        lambda root: (root / "older" / "c.txt").write_text("A third article\n\nText.\n", encoding="utf-8"),
        lambda root: (root / "older" / "b.md").unlink(),
        lambda root: (root / "newer").mkdir(),
    ],
    ids=["edited", "touched", "added", "added-in-subfolder", "removed", "new-folder"],
)
def test_any_change_to_the_files_or_folders_means_no_kept_titles(tmp_path: Path, folder: Path, change) -> None:  # type: ignore[no-untyped-def]
    store = _store(tmp_path)
    keep_titles(store, [folder], _files(folder), ROWS)
    change(folder)
    assert read_titles(store, [folder]) is None


def test_nothing_kept_for_files_that_are_gone(tmp_path: Path, folder: Path) -> None:
    store = _store(tmp_path)
    keep_titles(store, [folder], [*_files(folder), folder / "gone.txt"], ROWS)
    assert read_titles(store, [folder]) is None


@pytest.mark.parametrize("data", [b"not json", b"[]", b'{"stamps": {}, "rows": [["only two", "fields"]]}', b"\xff"])
def test_a_damaged_entry_is_no_kept_titles(tmp_path: Path, folder: Path, data: bytes) -> None:
    store = _store(tmp_path)
    store.put_value(KIND, titles_key([folder]), data)
    assert read_titles(store, [folder]) is None


def test_titles_with_any_text_round_trip(tmp_path: Path, folder: Path) -> None:
    rows = [("id-1", "[b]Not markup[/b] \u2028 \U0001f600 \ud800 lone", "Source · undated")]
    store = _store(tmp_path)
    keep_titles(store, [folder], _files(folder), rows)
    assert read_titles(store, [folder]) == rows
