"""Compact encodings for the cache: JSON arrays, not objects, so a 10,000-article cache stays small.

The JSON is written and read by orjson (several times faster than the standard library both ways:
a cached reopen is mostly decoding); text it cannot encode (lone surrogates from a JSON article's
``\\ud800`` escapes) falls back to the standard library, so every entry is still stored.
Decoding trusts nothing: a malformed entry raises ``ValueError``/``TypeError``/``KeyError``/
``IndexError``, which the cache treats as a miss.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator, Sequence
from itertools import starmap
from typing import Any

import orjson

from tuireader.model import (
    Analysis,
    Article,
    ArticleAnalysis,
    Disagreement,
    DisagreementKind,
    DisagreementValue,
    Entity,
    Fact,
    FactMember,
    Label,
    Mention,
    Quote,
    Span,
    Story,
)

# Enum members by value: a dict lookup, where calling ``Label(value)`` was a quarter of decoding a
# cached corpus (an unknown value raises KeyError, a miss like any malformed entry).
_LABELS = {label.value: label for label in Label}
_KINDS = {kind.value: kind for kind in DisagreementKind}


def dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON (lone surrogates kept as they are, "surrogatepass")."""
    try:
        return orjson.dumps(value)
    except orjson.JSONEncodeError:  # lone surrogates: the standard library writes them
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def loads(data: str | bytes) -> Any:
    """Parse JSON; a malformed entry raises ``ValueError`` (orjson's error is one)."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:  # lone surrogates, written by the fallbacks here
        return json.loads(data)  # reads bytes with "surrogatepass"


def _text(value: Any) -> str:
    """JSON as text, for the TEXT columns: lone surrogates escaped (SQLite stores only UTF-8)."""
    try:
        return orjson.dumps(value).decode("utf-8")
    except orjson.JSONEncodeError:
        return json.dumps(value, separators=(",", ":"))


def _analysis_row(analysis: ArticleAnalysis) -> list[Any]:
    mentions = [[m.start, m.end, m.label.value, m.text, m.entity] for m in analysis.mentions]
    quotes = [
        [q.start, q.end, q.speaker, q.cue, int(q.scare), q.speaker_start, q.speaker_end, q.speaker_name]
        for q in analysis.quotes
    ]
    return [mentions, quotes, list(analysis.topics)]


def encode_analysis(analysis: ArticleAnalysis) -> str:
    return _text(_analysis_row(analysis))


def decode_analysis(article_id: str, data: str) -> ArticleAnalysis:
    return _analysis_from_row(article_id, loads(data))


def _analysis_from_row(article_id: str, row: list[Any]) -> ArticleAnalysis:
    mentions, quotes, topics = row
    return ArticleAnalysis(
        article=article_id,
        mentions=tuple(Mention(s, e, _LABELS[label], text, entity) for s, e, label, text, entity in mentions),
        quotes=tuple(
            Quote(s, e, speaker, cue, bool(scare), ss, se, name) for s, e, speaker, cue, scare, ss, se, name in quotes
        ),
        topics=tuple(str(t) for t in topics),
    )


def encode_spans(spans: Sequence[Span]) -> str:
    return _text([x for span in spans for x in (span.start, span.end)])


def decode_spans(data: str) -> tuple[Span, ...]:
    flat = loads(data)
    if not isinstance(flat, list) or len(flat) % 2:
        raise ValueError("odd span list")
    return tuple(Span(int(flat[i]), int(flat[i + 1])) for i in range(0, len(flat), 2))


def encode_facts(facts: Sequence[Fact]) -> bytes:
    return dumps(_fact_rows(facts))


def _fact_rows(facts: Sequence[Fact]) -> list[Any]:
    return [_fact_row(f) for f in facts]


def _fact_row(f: Fact) -> list[Any]:
    return [
        f.id,
        f.label,
        [[m.article, m.sentence] for m in f.members],
        [[d.kind.value, d.summary, [[v.article, v.start, v.end, v.text] for v in d.values]] for d in f.disagreements],
    ]


def decode_facts(data: bytes) -> list[Fact]:
    return _facts_from_rows(loads(data))


def _facts_from_rows(rows: list[Any]) -> list[Fact]:
    return [
        Fact(
            fact_id,
            label,
            tuple(FactMember(a, int(s)) for a, s in members),
            tuple(
                Disagreement(_KINDS[kind], summary, tuple(DisagreementValue(*v) for v in values))
                for kind, summary, values in disagreements
            ),
        )
        for fact_id, label, members, disagreements in rows
    ]


def _passing(text: str) -> str:
    """``text`` to hand to orjson without it staying larger: encoding a non-ASCII string makes
    CPython keep its UTF-8 form inside the string object, so an article text written to the cache
    went on to hold a second copy of itself (19 MB at 10,000 articles). A copy is encoded instead."""
    return text if text.isascii() else (text + " ")[:-1]


def encode_articles(articles: Sequence[Article]) -> bytes:
    rows = [
        [
            a.id,
            a.path,
            a.title,
            a.source,
            _passing(a.text),
            [x for s in a.sentences for x in (s.start, s.end)],
            [x for s in a.paragraphs for x in (s.start, s.end)],
            [x for s in a.headings for x in (s.start, s.end)],
            a.published,
            a.url,
            a.author,
        ]
        for a in articles
    ]
    return dumps(rows)


def _spans(flat: list[int]) -> tuple[Span, ...]:
    if len(flat) % 2:
        raise ValueError("odd span list")
    return tuple(starmap(Span, zip(flat[::2], flat[1::2], strict=True)))


def decode_articles(data: bytes) -> list[Article]:
    out: list[Article] = []
    for article_id, path, title, source, text, sents, paras, heads, published, url, author in loads(data):
        if not isinstance(text, str):
            raise TypeError("article text")
        out.append(
            Article(
                article_id,
                path,
                title,
                source,
                text,
                _spans(sents),
                _spans(paras),
                _spans(heads),
                published,
                url,
                author,
            )
        )
    return out


_PACKED = b"zlib\n"  # opens a corpus entry whose lines are zlib-compressed
_CHUNK = 1 << 16  # compressed bytes decompressed at a time


def encode_corpus(analysis: Analysis) -> bytearray:
    """The corpus-wide results (everything but the articles): resolved per-article results,
    entities, corpus topics, stories and facts.

    One JSON line per item (a first line with the counts, topics and stories, then one per
    article, entity and fact): decoding turns each line into objects before reading the next,
    where parsing one document held every row as Python lists at once (240 MB of lists for the
    33 MB entry of 10,000 articles). JSON strings never hold a raw newline.

    The lines are compressed as they are written (zlib, fastest level): the whole text of the
    entry is never in memory, where it was twice (the text and its copy as ``bytes``, 66 MB at
    10,000 articles) beside SQLite's own copy of it, and the stored entry is a fifth of the size.
    """
    head = [len(analysis.by_article), len(analysis.entities), len(analysis.facts)]
    stories = [[s.id, s.label, list(s.articles)] for s in analysis.stories]
    pack = zlib.compressobj(1)
    out = bytearray(_PACKED)
    # Each line is compressed as soon as it is written: orjson's output for a short value keeps a
    # buffer of a few KB, so holding 70,000 of them (10,000 articles) took 300 MB.
    out += pack.compress(dumps([head, list(analysis.topics), stories]))
    for article_id, found in analysis.by_article.items():
        out += pack.compress(b"\n" + dumps([article_id, *_analysis_row(found)]))
    for e in analysis.entities:
        row = [e.id, e.name, e.label.value, list(e.aliases), [[a, list(f)] for a, f in e.forms.items()]]
        out += pack.compress(b"\n" + dumps(row))
    for fact in analysis.facts:  # a row at a time: all the rows at once were 26 MB at 10,000 articles
        out += pack.compress(b"\n" + dumps(_fact_row(fact)))
    out += pack.flush()
    return out


def corpus_lines(data: bytes | bytearray) -> Iterator[bytes]:
    """The lines of a corpus entry, decompressed a chunk at a time (an entry without the
    compressed marker is read as plain lines). Damage raises ``ValueError``."""
    if not data.startswith(_PACKED):
        yield from bytes(data).split(b"\n")
        return
    unpack = zlib.decompressobj()
    view = memoryview(data)[len(_PACKED) :]
    rest = b""
    try:
        for start in range(0, len(view), _CHUNK):
            *lines, rest = (rest + unpack.decompress(view[start : start + _CHUNK])).split(b"\n")
            yield from lines
        rest += unpack.flush()
    except zlib.error as exc:
        raise ValueError(f"corpus entry: {exc}") from None
    if not unpack.eof or unpack.unused_data:
        raise ValueError("corpus entry: cut short or followed by other data")
    yield from rest.split(b"\n")


def decode_corpus(data: bytes | bytearray) -> Analysis:
    """What ``encode_corpus`` wrote, as an ``Analysis`` without articles (the caller adds them)."""
    lines = corpus_lines(data)

    def line() -> Any:
        item = next(lines, None)
        if item is None:
            raise ValueError("corpus entry: fewer lines than it counts")
        return loads(item)

    (articles, entities, facts), topics, stories = line()
    by_article: dict[str, ArticleAnalysis] = {}
    for _ in range(articles):
        row = line()
        by_article[row[0]] = _analysis_from_row(row[0], row[1:])
    found_entities = []
    for _ in range(entities):
        eid, name, label, aliases, forms = line()
        found_entities.append(Entity(eid, name, _LABELS[label], tuple(aliases), {a: tuple(f) for a, f in forms}))
    found_facts = _facts_from_rows([line() for _ in range(facts)])
    if next(lines, None) is not None:
        raise ValueError("corpus entry: more lines than it counts")
    return Analysis(
        articles=[],
        by_article=by_article,
        entities=found_entities,
        facts=found_facts,
        stories=[Story(sid, label, tuple(members)) for sid, label, members in stories],
        topics=[str(t) for t in topics],
    )
