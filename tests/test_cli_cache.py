"""The cache from the command line: analyze fills it, --no-cache ignores it, `cache clear` empties it."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tuireader.cli import main
from tuireader.core.pipeline import corpus_key
from tuireader.model import ArticleAnalysis
from tuireader.settings import Settings
from tuireader.sources.files import load_corpus
from tuireader.store.cache import cache_path, open_cache

STORY = """Harbour bridge to reopen on Friday

The Eastfield harbour bridge will reopen to traffic on Friday after six weeks of repairs, the city said.

"We are confident the deck is safe," said Lena Marsh, the city's chief engineer. Repairs cost 2.4 million.
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "articles"
    d.mkdir()
    (d / "bridge.txt").write_text(STORY, encoding="utf-8")
    return d


def _path() -> Path:
    """Where the CLI keeps its cache in these tests (``$TUIREADER_CACHE_DIR``, set by conftest)."""
    return cache_path(Settings.from_env().cache_dir)


def _poison(folder: Path) -> None:
    """Store a marked analysis for the folder's article, so a run that reads the cache shows it.

    The corpus-wide results kept for the folder are dropped, so the next run resolves entities
    again from the (poisoned) per-article entries.
    """
    article = load_corpus([folder]).articles[0]
    cache = open_cache(_path())
    cache.put_many([ArticleAnalysis(article=article.id, topics=("poisoned cache entry",))])
    cache.close()
    with sqlite3.connect(_path()) as conn:
        conn.execute("DELETE FROM kv WHERE kind = 'corpus'")
    conn.close()


def _topics(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    assert main(["analyze", *args, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    return [t for a in doc["articles"] for t in a["topics"]]


def test_analyze_fills_the_cache_and_reads_it(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert not _path().exists()
    _topics(capsys, str(folder))
    assert _path().exists()
    _poison(folder)
    assert "poisoned cache entry" in _topics(capsys, str(folder))


def test_analyze_reads_the_corpus_wide_results(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _topics(capsys, str(folder))
    articles = load_corpus([folder]).articles
    cache = open_cache(_path())
    kept = cache.get_corpus(corpus_key(articles))
    assert kept is not None and kept.by_article.keys() == {articles[0].id}
    kept.topics = ["poisoned corpus topic"]
    cache.put_corpus(corpus_key(articles), kept)
    cache.close()
    assert main(["analyze", str(folder), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["topics"] == ["poisoned corpus topic"]
    (folder / "bridge.txt").write_text(STORY.replace("2.4 million", "2.5 million"), encoding="utf-8")
    assert main(["analyze", str(folder), "--json"]) == 0  # an edited article: recomputed
    assert "poisoned corpus topic" not in json.loads(capsys.readouterr().out)["topics"]


def test_no_cache_flag_neither_creates_nor_reads(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _topics(capsys, "--no-cache", str(folder))
    assert not _path().exists() and not _path().parent.exists()
    _poison(folder)
    assert "poisoned cache entry" not in _topics(capsys, "--no-cache", str(folder))


def test_no_cache_env(folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TUIREADER_NO_CACHE", "1")
    _topics(capsys, str(folder))
    assert not _path().exists()
    _poison(folder)
    assert "poisoned cache entry" not in _topics(capsys, str(folder))


def test_cache_path_and_clear(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cache", "path"]) == 0
    assert capsys.readouterr().out.strip() == str(_path())
    _topics(capsys, str(folder))
    assert _path().exists()
    assert main(["cache", "clear"]) == 0
    out = capsys.readouterr().out
    assert "removed" in out and str(_path()) in out
    assert not _path().exists()
    assert main(["cache", "clear"]) == 0
    assert "nothing to remove" in capsys.readouterr().out


def test_corrupt_cache_file_does_not_break_analyze(folder: Path) -> None:
    path = _path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00garbage\xff" * 500)
    env = dict(os.environ)
    proc = subprocess.run(
        [sys.executable, "-m", "tuireader", "analyze", "--json", str(folder)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["articles"][0]["title"] == "Harbour bridge to reopen on Friday"
    assert proc.stderr == ""
    assert path.read_bytes()[:16] == b"SQLite format 3\x00"


def test_an_edit_that_restores_size_and_mtime_is_still_seen(folder: Path) -> None:
    article = folder / "bridge.txt"
    command = [sys.executable, "-m", "tuireader", "analyze", "--json", str(folder)]
    first = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "2.4 million" in json.loads(first.stdout)["articles"][0]["text"]
    before = article.stat()
    article.write_text(STORY.replace("2.4 million", "9.7 million"), encoding="utf-8")  # same size
    os.utime(article, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert article.stat().st_size == before.st_size and article.stat().st_mtime_ns == before.st_mtime_ns
    second = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "9.7 million" in json.loads(second.stdout)["articles"][0]["text"]


def test_an_unusable_cache_folder_is_said_once_and_the_run_goes_on(folder: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    env = {**os.environ, "TUIREADER_CACHE_DIR": str(blocker / "cache")}
    env.pop("TUIREADER_NO_CACHE", None)
    result = subprocess.run(
        [sys.executable, "-m", "tuireader", "analyze", "--json", str(folder)], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    problems = [line for line in result.stderr.splitlines() if "cannot use the cache" in line]
    assert len(problems) == 1 and problems[0].startswith("tuireader: warning:")
    assert json.loads(result.stdout)["articles"]
    assert blocker.read_text(encoding="utf-8").startswith("a file")
