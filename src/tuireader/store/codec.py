"""Compact encodings for the cache: JSON arrays, not objects, so a 10,000-article cache stays small.

Decoding trusts nothing: a malformed entry raises ``ValueError``/``TypeError``/``KeyError``/
``IndexError``, which the cache treats as a miss.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import starmap

from tuireader.model import (
    Article,
    ArticleAnalysis,
    Disagreement,
    DisagreementKind,
    DisagreementValue,
    Fact,
    FactMember,
    Label,
    Mention,
    Quote,
    Span,
)


def encode_analysis(analysis: ArticleAnalysis) -> str:
    mentions = [[m.start, m.end, m.label.value, m.text, m.entity] for m in analysis.mentions]
    quotes = [
        [q.start, q.end, q.speaker, q.cue, int(q.scare), q.speaker_start, q.speaker_end, q.speaker_name]
        for q in analysis.quotes
    ]
    return json.dumps([mentions, quotes, list(analysis.topics)], ensure_ascii=False, separators=(",", ":"))


def decode_analysis(article_id: str, data: str) -> ArticleAnalysis:
    mentions, quotes, topics = json.loads(data)
    return ArticleAnalysis(
        article=article_id,
        mentions=tuple(Mention(s, e, Label(label), text, entity) for s, e, label, text, entity in mentions),
        quotes=tuple(
            Quote(s, e, speaker, cue, bool(scare), ss, se, name) for s, e, speaker, cue, scare, ss, se, name in quotes
        ),
        topics=tuple(str(t) for t in topics),
    )


def encode_spans(spans: Sequence[Span]) -> str:
    return json.dumps([x for span in spans for x in (span.start, span.end)], separators=(",", ":"))


def decode_spans(data: str) -> tuple[Span, ...]:
    flat = json.loads(data)
    if not isinstance(flat, list) or len(flat) % 2:
        raise ValueError("odd span list")
    return tuple(Span(int(flat[i]), int(flat[i + 1])) for i in range(0, len(flat), 2))


def encode_facts(facts: Sequence[Fact]) -> str:
    rows = [
        [
            f.id,
            f.label,
            [[m.article, m.sentence] for m in f.members],
            [
                [d.kind.value, d.summary, [[v.article, v.start, v.end, v.text] for v in d.values]]
                for d in f.disagreements
            ],
        ]
        for f in facts
    ]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def decode_facts(data: str) -> list[Fact]:
    return [
        Fact(
            fact_id,
            label,
            tuple(FactMember(a, int(s)) for a, s in members),
            tuple(
                Disagreement(DisagreementKind(kind), summary, tuple(DisagreementValue(*v) for v in values))
                for kind, summary, values in disagreements
            ),
        )
        for fact_id, label, members, disagreements in json.loads(data)
    ]


def encode_articles(articles: Sequence[Article]) -> str:
    rows = [
        [
            a.id,
            a.path,
            a.title,
            a.source,
            a.text,
            [x for s in a.sentences for x in (s.start, s.end)],
            [x for s in a.paragraphs for x in (s.start, s.end)],
            [x for s in a.headings for x in (s.start, s.end)],
            a.published,
            a.url,
            a.author,
        ]
        for a in articles
    ]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def _spans(flat: list[int]) -> tuple[Span, ...]:
    if len(flat) % 2:
        raise ValueError("odd span list")
    return tuple(starmap(Span, zip(flat[::2], flat[1::2], strict=True)))


def decode_articles(data: str) -> list[Article]:
    out: list[Article] = []
    for article_id, path, title, source, text, sents, paras, heads, published, url, author in json.loads(data):
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
