"""The analysis pipeline: per-article extraction, corpus-wide resolution, facts and stories.

Per-article results depend only on the article's text, so they are what a cache stores
(keyed by article id, a content hash, and ``ANALYSER_VERSION``). Everything corpus-wide is
recomputed from them.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Protocol

from tuireader.core import align, entities, quotes, stories, topics
from tuireader.core.models import Analysis, Article, ArticleAnalysis, Fact, Story

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


PARALLEL_MIN = 200  # fewer articles than this are not worth starting worker processes for (~1 s)


def worker_count(articles: int) -> int:
    """Processes for per-article analysis: ``$TUIREADER_WORKERS``, else one per CPU (at most 4)."""
    if articles < PARALLEL_MIN:
        return 1
    wanted = os.environ.get("TUIREADER_WORKERS", "")
    return max(1, int(wanted)) if wanted.isdigit() else min(os.cpu_count() or 1, 4)


def _analyze_all(articles: Sequence[Article]) -> Iterator[ArticleAnalysis]:
    """Per-article analysis, in worker processes for a large corpus (it is pure CPU work).

    The workers are started by a fork server, not forked from this process, which may have
    threads (the app analyses in a worker thread); results come back in order.
    """
    workers = worker_count(len(articles))
    if workers <= 1:
        yield from (analyze_article(a) for a in articles)
        return
    from tuireader.core.workers import worker_pool

    pool = worker_pool(workers)
    try:
        yield from pool.map(analyze_article, articles, chunksize=max(1, min(16, len(articles) // (4 * workers))))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # also when the caller stops early (Cancelled)


def _facts_by_story(analysis: Analysis, cache: object, report: Callable[[str, int, int], None]) -> list[Fact]:
    """Align each story on its own: facts never cross stories, the work grows with story size
    rather than corpus size, and an unchanged story's facts come from the cache."""
    get = getattr(cache, "get_facts", None)
    put = getattr(cache, "put_facts", None)
    by_id = {a.id: a for a in analysis.articles}
    order = {a.id: n for n, a in enumerate(analysis.articles)}
    stories_ = analysis.stories or [Story("all", "", tuple(a.id for a in analysis.articles))]
    groups = [s for s in stories_ if len(s.articles) > 1]
    out: list[Fact] = []
    for done, story in enumerate(groups):
        report("facts", done, len(groups))
        members = [by_id[a] for a in story.articles if a in by_id]
        key = _story_key(members, analysis) if get is not None else ""
        found = get(key) if get is not None else None
        if found is None:
            sub = Analysis(
                articles=members,
                by_article={a.id: analysis.by_article[a.id] for a in members if a.id in analysis.by_article},
                entities=analysis.entities,
                stories=[story],
                topics=analysis.topics,
            )
            found = align.align_facts(sub)
            if put is not None:
                put(key, found)
        out.extend(found)
    # The order align_facts gives within one story, across all of them: most-reported first.
    out.sort(key=lambda f: (-len(f.articles), order.get(f.members[0].article, 0), f.members[0].sentence))
    return out


def _story_key(members: Sequence[Article], analysis: Analysis) -> str:
    """A digest of everything one story's alignment reads: texts, dates, resolved entities, speakers."""
    digest = hashlib.blake2b(digest_size=16)
    for article in members:
        found = analysis.by_article.get(article.id)
        digest.update(f"{article.id}|{article.published}|".encode())
        if found is not None:
            digest.update(",".join(m.entity for m in found.mentions).encode())
            digest.update(",".join(q.speaker or "" for q in found.quotes).encode())
        digest.update(b"\n")
    return digest.hexdigest()


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
    missing = list({a.id: a for a in articles if a.id not in found}.values())
    fresh: list[ArticleAnalysis] = []
    report("entities and quotes", total - len(missing), total)
    for result in _analyze_all(missing):
        found[result.article] = result
        fresh.append(result)
        if len(fresh) % 25 == 0:
            report("entities and quotes", total - len(missing) + len(fresh), total)
            if cache is not None and len(fresh) % 500 == 0:
                cache.put_many(fresh[-500:])  # an interrupted first run keeps what it did
    if cache is not None and fresh:
        cache.put_many(fresh[len(fresh) - len(fresh) % 500 :])
    report("entities and quotes", total, total)

    ents, resolved = entities.resolve_entities(articles, found)
    analysis = Analysis(articles=list(articles), by_article=resolved, entities=ents)
    analysis.topics = topics.corpus_topics([resolved[a.id] for a in articles])
    report("stories", 0, 1)
    analysis.stories = stories.group_stories(analysis)
    if facts:
        analysis.facts = _facts_by_story(analysis, cache, report)
    report("done", 1, 1)
    return analysis
