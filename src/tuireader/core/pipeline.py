"""The analysis pipeline: per-article extraction, corpus-wide resolution, facts and stories.

Per-article results depend only on the article's text, so they are what a cache stores
(keyed by article id, a content hash, and ``ANALYSER_VERSION``). Everything corpus-wide is
recomputed from them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from tuireader.core import align, entities, quotes, stories, topics
from tuireader.core.models import Analysis, Article, ArticleAnalysis

# Bump when any extractor changes what it returns, so cached results are recomputed.
ANALYSER_VERSION = "1"

Progress = Callable[[str, int, int], None]  # (stage, done, total)


class ArticleCache(Protocol):
    def get_many(self, article_ids: Sequence[str]) -> dict[str, ArticleAnalysis]: ...

    def put_many(self, analyses: Sequence[ArticleAnalysis]) -> None: ...


class Cancelled(Exception):
    """Raised when the caller's ``cancelled()`` says to stop."""


def analyze_article(article: Article) -> ArticleAnalysis:
    """Everything that depends on one article alone."""
    mentions = entities.extract_mentions(article)
    return ArticleAnalysis(
        article=article.id,
        mentions=mentions,
        quotes=quotes.extract_quotes(article, mentions),
        topics=topics.extract_topics(article),
    )


def analyze(
    articles: Sequence[Article],
    *,
    cache: ArticleCache | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    facts: bool = True,
) -> Analysis:
    def report(stage: str, done: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled
        if progress is not None:
            progress(stage, done, total)

    total = len(articles)
    found: dict[str, ArticleAnalysis] = cache.get_many([a.id for a in articles]) if cache else {}
    fresh: list[ArticleAnalysis] = []
    for index, article in enumerate(articles):
        if article.id not in found:
            result = analyze_article(article)
            found[article.id] = result
            fresh.append(result)
        if index % 25 == 0:
            report("entities and quotes", index, total)
    if cache is not None and fresh:
        cache.put_many(fresh)
    report("entities and quotes", total, total)

    ents, resolved = entities.resolve_entities(articles, found)
    analysis = Analysis(articles=list(articles), by_article=resolved, entities=ents)
    analysis.topics = topics.corpus_topics([resolved[a.id] for a in articles])
    report("stories", 0, 1)
    analysis.stories = stories.group_stories(analysis)
    if facts:
        report("facts", 0, 1)
        analysis.facts = align.align_facts(analysis)
    report("done", 1, 1)
    return analysis
