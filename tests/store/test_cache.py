"""The SQLite analysis cache: round trips, corruption, stale versions and concurrent writers."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from pathlib import Path

import pytest

from tuireader.core.pipeline import analyze
from tuireader.model import ArticleAnalysis, Label, Mention, Quote, Span
from tuireader.settings import Settings
from tuireader.sources import files as corpus_mod
from tuireader.sources.files import RawArticle, build_article
from tuireader.store import cache as cache_mod
from tuireader.store.cache import Cache, cache_path, clear_cache, open_cache


def sample(article_id: str, n: int = 3) -> ArticleAnalysis:
    return ArticleAnalysis(
        article=article_id,
        mentions=(
            *(Mention(i * 10, i * 10 + 5, Label.PERSON, f"Näme {i} “x”", "") for i in range(n)),
            Mention(100, 104, Label.NUMBER, "1,000", "e7"),
        ),
        quotes=(
            Quote(3, 40, speaker="p1", cue="said", speaker_start=50, speaker_end=58, speaker_name="Ada Okafor"),
            Quote(60, 70, scare=True),
        ),
        topics=("water rates", "city council"),
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "c" / "cache.sqlite3"


def test_path_follows_env(tmp_path: Path) -> None:
    settings = Settings.from_env({"TUIREADER_CACHE_DIR": str(tmp_path / "here")})
    assert cache_path(settings.cache_dir) == tmp_path / "here" / "cache.sqlite3"


def test_analysis_round_trip(db: Path) -> None:
    cache = open_cache(db)
    items = [sample("a1"), sample("b2", 0), ArticleAnalysis(article="c3")]
    cache.put_many(items)
    cache.close()
    again = open_cache(db)
    got = again.get_many(["a1", "b2", "c3", "missing"])
    assert got == {a.article: a for a in items}
    assert got["a1"].mentions[0].label is Label.PERSON


def test_sentences_and_values_round_trip(db: Path) -> None:
    cache = open_cache(db)
    spans = (Span(0, 12), Span(13, 40))
    assert cache.get_sentences("k") is None
    cache.put_sentences("k", spans)
    cache.put_value("page", "https://example.org/a", b"<html>\x00\xff</html>")
    assert cache.get_sentences("k") == spans
    assert cache.get_value("page", "https://example.org/a") == b"<html>\x00\xff</html>"
    assert cache.get_value("page", "https://example.org/a", max_age=-1) is None
    assert cache.get_value("page", "other") is None
    assert cache.get_value("feed", "https://example.org/a") is None


def test_stale_version_is_a_miss_and_is_replaced(db: Path) -> None:
    old = Cache(db, version="0:old")
    old.put_many([sample("a1")])
    old.put_sentences("k", (Span(0, 1),))
    old.close()
    new = Cache(db, version="1:new")
    assert new.get_many(["a1"]) == {}
    assert new.get_sentences("k") is None
    new.put_many([sample("a1", 1)])
    assert new.get_many(["a1"])["a1"] == sample("a1", 1)
    # Rows of the other version are pruned on the first write, so the file does not grow forever.
    rows = sqlite3.connect(db).execute("SELECT count(*) FROM sentences").fetchone()[0]
    assert rows == 0


def test_version_includes_a_source_fingerprint() -> None:
    from tuireader.core.pipeline import ANALYSER_VERSION

    version = cache_mod.analyser_version()
    assert version.startswith(f"{ANALYSER_VERSION}:") and len(version) > len(ANALYSER_VERSION) + 4


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda p: p.write_bytes(b"this is not a database at all" * 100), id="garbage"),
        pytest.param(lambda p: p.write_bytes(p.read_bytes()[:1500]), id="truncated"),
        pytest.param(lambda p: p.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 20), id="bad-header"),
        pytest.param(lambda p: p.write_bytes(b""), id="empty"),
    ],
)
def test_corrupt_file_is_rebuilt_silently(db: Path, damage) -> None:  # type: ignore[no-untyped-def]
    cache = open_cache(db)
    cache.put_many([sample(f"id{i}") for i in range(200)])
    cache.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    damage(db)
    broken = open_cache(db)
    found = broken.get_many(["id1"])  # must not raise
    assert found in ({}, {"id1": sample("id1")})
    broken.put_many([sample("new")])
    assert broken.get_many(["new"]) == {"new": sample("new")}
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_foreign_schema_is_replaced(db: Path) -> None:
    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE analyses (x)")
    conn.execute("PRAGMA user_version=99")
    conn.commit()
    conn.close()
    cache = open_cache(db)
    cache.put_many([sample("a")])
    assert cache.get_many(["a"]) == {"a": sample("a")}


def test_unusable_folder_means_no_cache_not_a_crash(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = open_cache(blocker / "sub" / "cache.sqlite3")  # parent is a file: cannot be created
    cache.put_many([sample("a")])
    assert cache.get_many(["a"]) == {}
    assert cache.get_sentences("k") is None


def test_bad_entry_is_a_miss(db: Path) -> None:
    cache = open_cache(db)
    cache.put_many([sample("a")])
    conn = sqlite3.connect(db)
    conn.execute("UPDATE analyses SET data = '[1,2'")
    conn.commit()
    assert cache.get_many(["a"]) == {}


def test_connection_per_thread(db: Path) -> None:
    cache = open_cache(db)
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            cache.put_many([sample(f"t{n}-{i}") for i in range(20)])
            assert len(cache.get_many([f"t{n}-{i}" for i in range(20)])) == 20
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(cache.get_many([f"t{n}-{i}" for n in range(4) for i in range(20)])) == 80


def _writer(path: str, worker: int, count: int) -> None:
    cache = Cache(Path(path), version="v")
    for batch in range(0, count, 10):
        cache.put_many([sample(f"w{worker}-{i}") for i in range(batch, batch + 10)])
        cache.put_sentences(f"s{worker}-{batch}", (Span(0, batch + 1),))
        cache.put_value("page", f"p{batch}", f"worker {worker}".encode())
        cache.get_many([f"w{1 - worker}-{i}" for i in range(batch)])
    cache.close()


def test_two_processes_writing_at_once_do_not_corrupt(db: Path) -> None:
    db.parent.mkdir(parents=True)
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(db), w, 150)) for w in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    cache = Cache(db, version="v")
    ids = [f"w{w}-{i}" for w in range(2) for i in range(150)]
    found = cache.get_many(ids)
    assert set(found) == set(ids)
    assert found["w1-149"] == sample("w1-149")
    assert cache.get_value("page", "p140") in (b"worker 0", b"worker 1")


def test_clear_cache_removes_the_files(db: Path) -> None:
    cache = open_cache(db)
    cache.put_many([sample("a")])
    cache.close()
    message = clear_cache(db)
    assert str(db) in message and "removed" in message
    assert not db.exists() and not Path(f"{db}-wal").exists()
    assert "nothing to remove" in clear_cache(db)


def test_sentence_hook_used_by_build_article(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = RawArticle(path="x.txt", text="Dr. Ada Okafor opened the plant. It cost 4 million. Workers cheered.")
    plain = build_article(raw)
    assert plain is not None
    cache = open_cache(db)
    first = build_article(raw, cache)
    calls: list[int] = []
    real = corpus_mod.sentences

    def counting(text: str, paragraphs: tuple[Span, ...]) -> tuple[Span, ...]:
        calls.append(1)
        return real(text, paragraphs)

    monkeypatch.setattr(corpus_mod, "sentences", counting)
    second = build_article(raw, cache)
    other = build_article(RawArticle(path="y.txt", text="A different text. With two sentences."), cache)
    assert first == plain and second == plain
    assert other is not None and len(other.sentences) == 2
    assert len(calls) == 1  # the repeated article came from the cache; only the new one was split


def test_pipeline_uses_the_cache(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = build_article(RawArticle(path="x.txt", text="Mayor Ada Okafor said the bridge would reopen."))
    assert article is not None
    cache = open_cache(db)
    first = analyze([article], store=cache)
    from tuireader.core import pipeline

    def boom(_article: object) -> ArticleAnalysis:
        raise AssertionError("analysed again despite a warm cache")

    monkeypatch.setattr(pipeline, "analyze_article", boom)
    second = analyze([article], store=open_cache(db))
    assert second.by_article[article.id].topics == first.by_article[article.id].topics
    assert second.by_article[article.id].quotes == first.by_article[article.id].quotes


def test_facts_round_trip_and_stale_version(db: Path) -> None:
    from tuireader.model import Disagreement, DisagreementKind, DisagreementValue, Fact, FactMember

    facts = [
        Fact(
            "fact-1",
            "Repairs cost 2.4 million",
            (FactMember("a", 3), FactMember("b", 0)),
            (
                Disagreement(
                    DisagreementKind.NUMBER,
                    "numbers differ: 2.4 million vs 2 million",
                    (DisagreementValue("a", 10, 21, "2.4 million"), DisagreementValue("b", 4, 13, "2 million")),
                ),
            ),
        ),
        Fact("fact-2", "“Quoted” label", (FactMember("a", 1), FactMember("c", 7))),
    ]
    cache = Cache(db, version="v1")
    assert cache.get_facts("story") is None
    cache.put_facts("story", facts)
    assert cache.get_facts("story") == facts
    assert Cache(db, version="v2").get_facts("story") is None


STORY_A = (
    "Harbour bridge in Eastfield reopens\n\nThe Eastfield harbour bridge reopened on Friday after six weeks, "
    "engineer Lena Marsh said. Repairs cost 2.4 million."
)
STORY_B = (
    "Eastfield bridge open again\n\nEngineer Lena Marsh said the Eastfield harbour bridge reopened on Friday. "
    "The repairs cost 2 million."
)


def test_pipeline_reuses_cached_facts_per_story(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tuireader.core.facts import align

    articles = [
        build_article(RawArticle(path=f"{i}.txt", text=t, published="2024-04-05"))
        for i, t in enumerate([STORY_A, STORY_B])
    ]
    assert all(a is not None for a in articles)
    first = analyze([a for a in articles if a], store=open_cache(db))
    assert len(first.stories) == 1 and first.facts
    calls: list[int] = []
    real = align.align_facts

    def counting(analysis):  # type: ignore[no-untyped-def]
        calls.append(len(analysis.articles))
        return real(analysis)

    monkeypatch.setattr(align, "align_facts", counting)
    # Another article joins the corpus (so the corpus-wide results are recomputed), but the
    # bridge story's articles are unchanged: its facts come from the store, not from alignment.
    other = build_article(RawArticle(path="x.txt", text="Orchard harvest\n\nApple growers in Northvale began picking."))
    assert other is not None
    second = analyze([*(a for a in articles if a), other], store=open_cache(db))
    assert calls == []
    assert second.facts == first.facts
    third = analyze([a for a in articles if a])  # no cache: aligned again, same result
    assert calls == [2] and third.facts == first.facts


def test_unchanged_files_load_from_the_cache(tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: Bridge\npublished: 2024-04-05\n---\n\n" + STORY_A, encoding="utf-8")
    (folder / "b.txt").write_text(STORY_B, encoding="utf-8")
    (folder / "copy.txt").write_text(STORY_B, encoding="utf-8")  # a duplicate: warned about every time
    plain = corpus_mod.load_corpus([folder])
    store = open_cache(db)
    first = corpus_mod.load_corpus([folder], store)
    reads: list[str] = []
    real = corpus_mod.read_file

    def counting(path: Path, warn):  # type: ignore[no-untyped-def]
        reads.append(path.name)
        return real(path, warn)

    monkeypatch.setattr(corpus_mod, "read_file", counting)
    second = corpus_mod.load_corpus([folder], store)
    assert second.articles == first.articles == plain.articles
    assert second.warnings == plain.warnings and len(plain.warnings) == 1
    assert reads == ["copy.txt"]  # it warned, so it is never cached
    # An edited file is read again.
    os.utime(folder / "b.txt", ns=(1, 1))
    (folder / "a.md").write_text("---\ntitle: Bridge\n---\n\nA new text about the Eastfield bridge.", "utf-8")
    reads.clear()
    third = corpus_mod.load_corpus([folder], store)
    assert sorted(reads) == ["a.md", "b.txt", "copy.txt"]
    assert third.articles[0].text == "A new text about the Eastfield bridge."


def test_old_file_entries_are_pruned(db: Path) -> None:
    article = build_article(RawArticle(path="x.txt", text=STORY_A))
    assert article is not None
    cache = Cache(db, version="v")
    cache.put_file("old", [article])
    cache.put_file("recent", [article])
    assert cache.get_file("old") == [article]
    conn = sqlite3.connect(db)
    conn.execute("UPDATE kv SET stored = 0 WHERE key = 'v/old'")
    conn.commit()
    fresh = Cache(db, version="v")
    fresh.put_many([sample("a")])  # the first write of a run prunes
    assert fresh.get_file("old") is None
    assert fresh.get_file("recent") == [article]


def test_caching_an_article_leaves_its_text_the_size_it_was(tmp_path: Path) -> None:
    """Encoding a non-ASCII text made CPython keep a UTF-8 copy inside the article's string."""
    import sys

    article = build_article(RawArticle(path="a.txt", text="Café “Nordlicht” reopened on Monday. " * 40))
    assert article is not None and not article.text.isascii()
    before = sys.getsizeof(article.text)
    cache = Cache(tmp_path / "c.db", version="v")
    cache.put_file("k", [article])
    assert sys.getsizeof(article.text) == before
    assert cache.get_file("k") == [article]
