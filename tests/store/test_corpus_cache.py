"""Corpus-wide results (entity resolution, topics, stories, facts) kept in the store: a reopen of an
unchanged corpus recomputes none of them; any change to the set of articles recomputes them."""

from __future__ import annotations

import dataclasses
import zlib
from pathlib import Path

import pytest

from tuireader.core import stories
from tuireader.core.entities import recognise
from tuireader.core.pipeline import analyze, corpus_key
from tuireader.model import Article
from tuireader.sources.files import RawArticle, build_article
from tuireader.store.cache import CORPUS_KEEP, Cache
from tuireader.store.codec import corpus_lines, decode_corpus, encode_corpus

TEXTS = [
    (
        "Harbour bridge in Eastfield reopens\n\nThe Eastfield harbour bridge reopened on Friday after six weeks, "
        "engineer Lena Marsh said. “We are relieved,” Marsh said. Repairs cost 2.4 million."
    ),
    (
        "Eastfield bridge open again\n\nEngineer Lena Marsh said the Eastfield harbour bridge reopened on Friday. "
        "The repairs cost 2 million, according to the Eastfield Transport Office."
    ),
    (
        "Orchard harvest starts\n\nApple growers in Northvale began picking on Monday, "
        "said Tomas Brell of the growers' union."
    ),
]


def _articles(texts: list[str] = TEXTS) -> list[Article]:
    out = [build_article(RawArticle(path=f"{i}.txt", text=t, published="2024-04-05")) for i, t in enumerate(texts)]
    assert all(a is not None for a in out)
    return [a for a in out if a is not None]


class Counter:
    """Counts calls of the corpus-wide steps (patched on their modules, where the pipeline looks)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[str] = []
        for module, name in [(recognise, "resolve_entities"), (stories, "group_stories")]:
            real = getattr(module, name)
            monkeypatch.setattr(module, name, self._counting(name, real))

    def _counting(self, name: str, real):  # type: ignore[no-untyped-def]
        def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
            self.calls.append(name)
            return real(*args, **kwargs)

        return counting


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cache.sqlite3"


def test_round_trip_keeps_every_corpus_wide_result() -> None:
    analysis = analyze(_articles())
    assert analysis.entities and analysis.stories and analysis.facts  # the sample exercises every part
    again = decode_corpus(encode_corpus(analysis))
    assert again.articles == []
    assert again.by_article == analysis.by_article
    assert again.entities == analysis.entities
    assert [e.forms for e in again.entities] == [e.forms for e in analysis.entities]  # not compared by ==
    assert (again.stories, again.facts, again.topics) == (analysis.stories, analysis.facts, analysis.topics)


def test_reopening_an_unchanged_corpus_recomputes_nothing(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = _articles()
    first = analyze(articles, store=Cache(db, version="v"))
    counter = Counter(monkeypatch)
    second = analyze(articles, store=Cache(db, version="v"))
    assert counter.calls == []
    assert second.articles == articles
    assert second.by_article == first.by_article
    assert (second.entities, second.stories, second.facts, second.topics) == (
        first.entities,
        first.stories,
        first.facts,
        first.topics,
    )
    assert second.entity(first.entities[0].id) == first.entities[0]  # the by-id lookups work on it


def test_a_changed_article_recomputes_the_corpus_wide_results(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = _articles()
    analyze(articles, store=Cache(db, version="v"))
    counter = Counter(monkeypatch)
    edited = _articles([TEXTS[0], TEXTS[1].replace("2 million", "3 million"), TEXTS[2]])
    after = analyze(edited, store=Cache(db, version="v"))
    assert counter.calls == ["resolve_entities", "group_stories"]
    assert edited[1].id in after.by_article and articles[1].id not in after.by_article
    assert {m.article for f in after.facts for m in f.members} <= {a.id for a in edited}
    assert after == analyze(edited)  # the same as with no store at all
    counter.calls.clear()
    analyze(edited, store=Cache(db, version="v"))  # and now that set is kept too
    assert counter.calls == []


def test_metadata_order_version_and_facts_are_part_of_the_key(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = _articles()
    key = corpus_key(articles)
    redated = [dataclasses.replace(articles[0], published="2024-05-01"), *articles[1:]]
    retitled = [dataclasses.replace(articles[0], title="Another title"), *articles[1:]]
    assert len({key, corpus_key(redated), corpus_key(retitled), corpus_key(articles[::-1])}) == 4
    assert corpus_key(articles, facts=False) != key
    analyze(articles, store=Cache(db, version="v1"))
    counter = Counter(monkeypatch)
    analyze(articles, store=Cache(db, version="v2"))  # another analyser version: not served
    assert counter.calls == ["resolve_entities", "group_stories"]
    counter.calls.clear()
    without = analyze(articles, store=Cache(db, version="v2"), facts=False)
    assert counter.calls == ["resolve_entities", "group_stories"] and without.facts == []


def test_only_the_latest_corpus_sets_are_kept(db: Path) -> None:
    articles = _articles()
    cache = Cache(db, version="v")
    analysis = analyze(articles)
    for n in range(CORPUS_KEEP + 3):
        cache.put_corpus(f"set-{n}", analysis)
    kept = [n for n in range(CORPUS_KEEP + 3) if cache.get_corpus(f"set-{n}") is not None]
    assert kept == list(range(3, CORPUS_KEEP + 3))


def test_a_damaged_entry_is_a_miss(db: Path) -> None:
    cache = Cache(db, version="v")
    cache.put_value("corpus", "v/broken", b'[[["x"]], "not a list"')
    assert cache.get_corpus("broken") is None
    cache.put_value("corpus", "v/short", b"[[], []]")
    assert cache.get_corpus("short") is None
    whole = encode_corpus(analyze(_articles()))
    cache.put_value("corpus", "v/whole", whole)
    assert cache.get_corpus("whole") is not None
    text = b"\n".join(corpus_lines(whole))
    cache.put_value("corpus", "v/plain", text)  # not compressed: read as plain lines
    assert cache.get_corpus("plain") is not None
    packed = bytes(whole[: whole.index(b"\n") + 1])
    for name, damaged in [
        ("cut", packed + zlib.compress(text.rsplit(b"\n", 1)[0])),  # the last line lost
        ("long", packed + zlib.compress(text + b"\n[]")),  # a line more than it counts
        ("truncated", whole[:-20]),  # the compressed stream cut short
        ("trailing", whole + b"more"),
        ("garbled", whole[:20] + bytes(b ^ 0x5A for b in whole[20:60]) + whole[60:]),
    ]:
        cache.put_value("corpus", f"v/{name}", damaged)
        assert cache.get_corpus(name) is None, name


def test_a_corpus_entry_is_compressed_as_it_is_written() -> None:
    """The entry never exists uncompressed: a large corpus's entry held twice took 66 MB."""
    analysis = analyze(_articles())
    packed = encode_corpus(analysis)
    text = b"\n".join(corpus_lines(packed))
    assert len(text.split(b"\n")) == 1 + len(analysis.by_article) + len(analysis.entities) + len(analysis.facts)
    assert len(packed) < len(text) / 2
    assert decode_corpus(packed) == decode_corpus(text)
