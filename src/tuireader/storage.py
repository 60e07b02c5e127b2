"""The ``Store`` protocol: what tuireader keeps between runs, and who asks for it.

``tuireader.store.cache.Cache`` (one SQLite file) implements it; the CLI opens one and passes it
to the loaders (sentences, whole files, downloaded pages), the pipeline (per-article analyses,
each story's facts, the corpus-wide results) and the app. ``None`` wherever a store is accepted
means: keep nothing.
Every method swallows storage trouble: a store never breaks a run, a miss only costs time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the app opens its store before its first frame, without the model
    from tuireader.model import Analysis, Article, ArticleAnalysis, Fact, Span


class Store(Protocol):
    # per-article analyses, keyed by Article.id (a content hash)
    def get_many(self, article_ids: Sequence[str]) -> dict[str, ArticleAnalysis]: ...

    def put_many(self, analyses: Sequence[ArticleAnalysis]) -> None: ...

    # sentence boundaries, keyed by a digest of the normalised text and its paragraphs
    def get_sentences(self, key: str) -> tuple[Span, ...] | None: ...

    def put_sentences(self, key: str, spans: Sequence[Span]) -> None: ...

    # whole article files, keyed by path, modification time and size
    def get_file(self, key: str) -> list[Article] | None: ...

    def put_file(self, key: str, articles: Sequence[Article]) -> None: ...

    # each story's facts, keyed by a digest of what its alignment reads
    def get_facts(self, key: str) -> list[Fact] | None: ...

    def put_facts(self, key: str, facts: Sequence[Fact]) -> None: ...

    # corpus-wide results (resolved per-article results, entities, topics, stories, facts), keyed
    # by a digest of the whole set of articles; returned without the articles
    def get_corpus(self, key: str) -> Analysis | None: ...

    def put_corpus(self, key: str, analysis: Analysis) -> None: ...

    # opaque values by kind (kind "page": downloaded web pages)
    def get_value(self, kind: str, key: str) -> bytes | None: ...

    def put_value(self, kind: str, key: str, data: bytes | bytearray) -> None: ...
