"""The analysis pipeline: per-article extraction, corpus-wide resolution, facts and stories.

Per-article results depend only on the article's text, so they are what a store keeps
(keyed by article id, a content hash, and ``ANALYSER_VERSION``). The corpus-wide results
(entity resolution, topics, stories, facts) are kept under a digest of the whole set of articles
(``corpus_key``), so reopening an unchanged corpus recomputes nothing; when one article changes,
they are recomputed from the per-article results, and each unchanged story's facts still come
from the store (kept under a digest of what its alignment reads). The store's version carries
``ANALYSER_VERSION``. The store (``tuireader.storage.Store``) and the number of worker processes
are passed in.

The extractors are imported when first needed: a reopen served from the store never loads them
(numpy, rapidfuzz and the gazetteers are half a second of imports).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
from collections.abc import Callable, Iterator, Sequence

from tuireader.model import Analysis, Article, ArticleAnalysis, Fact, Story
from tuireader.storage import Store

# Bump when any extractor changes what it returns, so cached results are recomputed.
ANALYSER_VERSION = "1"

Progress = Callable[[str, int, int], None]  # (stage, done, total)


class Cancelled(Exception):
    """Raised when the caller's ``cancelled()`` says to stop."""


def analyze_article(article: Article) -> ArticleAnalysis:
    """Everything that depends on one article alone."""
    from tuireader.core import topics
    from tuireader.core.entities import recognise as entities
    from tuireader.core.quotes import extract as quotes

    mentions = entities.extract_mentions(article)
    return ArticleAnalysis(
        article=article.id,
        mentions=mentions,
        quotes=quotes.extract_quotes(article, mentions),
        topics=topics.extract_topics(article),
    )


PARALLEL_MIN = 200  # fewer articles than this are not worth starting worker processes for (~1 s)


def worker_count(articles: int, wanted: int | None = None) -> int:
    """Processes for per-article analysis: ``wanted`` (``Settings.workers``), else one per CPU (at most 4)."""
    if articles < PARALLEL_MIN:
        return 1
    return max(1, wanted) if wanted is not None else min(os.cpu_count() or 1, 4)


def _analyze_all(articles: Sequence[Article], wanted: int | None) -> Iterator[ArticleAnalysis]:
    """Per-article analysis, in worker processes for a large corpus (it is pure CPU work).

    The workers are started by a fork server, not forked from this process, which may have
    threads (the app analyses in a worker thread); results come back in order.
    """
    workers = worker_count(len(articles), wanted)
    if workers <= 1:
        yield from (analyze_article(a) for a in articles)
        return
    from tuireader.core.workers import worker_pool

    pool = worker_pool(workers)
    try:
        yield from pool.map(analyze_article, articles, chunksize=max(1, min(16, len(articles) // (4 * workers))))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # also when the caller stops early (Cancelled)


def _facts_by_story(analysis: Analysis, store: Store | None, report: Callable[[str, int, int], None]) -> list[Fact]:
    """Align each story on its own: facts never cross stories, the work grows with story size
    rather than corpus size, and an unchanged story's facts come from the store."""
    from tuireader.core.facts import align

    by_id = {a.id: a for a in analysis.articles}
    order = {a.id: n for n, a in enumerate(analysis.articles)}
    stories_ = analysis.stories or [Story("all", "", tuple(a.id for a in analysis.articles))]
    groups = [s for s in stories_ if len(s.articles) > 1]
    out: list[Fact] = []
    for done, story in enumerate(groups):
        report("facts", done, len(groups))
        members = [by_id[a] for a in story.articles if a in by_id]
        key = _story_key(members, analysis) if store is not None else ""
        found = store.get_facts(key) if store is not None else None
        if found is None:
            sub = Analysis(
                articles=members,
                by_article={a.id: analysis.by_article[a.id] for a in members if a.id in analysis.by_article},
                entities=analysis.entities,
                stories=[story],
                topics=analysis.topics,
            )
            found = align.align_facts(sub)
            if store is not None:
                store.put_facts(key, found)
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


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused (if it was on): the corpus-wide steps make hundreds of
    thousands of objects that stay alive, and the collections they set off scanned the whole corpus
    each time (a sixth of entity resolution at 1,000 articles, growing with the corpus). Reference
    counting still frees what they drop; cycles are collected as usual once it is back on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def corpus_key(articles: Sequence[Article], *, facts: bool = True) -> str:
    """A digest of everything the corpus-wide steps read from the articles, in order: each
    article's id (a hash of its text) and the metadata beside it (title, source, date, author, URL)."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(b"facts\n" if facts else b"no facts\n")
    for a in articles:
        digest.update("\x1f".join((a.id, a.title, a.source, a.published or "", a.author or "", a.url or "")).encode())
        digest.update(b"\x1e")
    return digest.hexdigest()


def analyze(
    articles: Sequence[Article],
    *,
    store: Store | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    facts: bool = True,
) -> Analysis:
    """The whole analysis of ``articles``; ``store`` keeps per-article results, facts and the
    corpus-wide results between runs."""

    def report(stage: str, done: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled
        if progress is not None:
            progress(stage, done, total)

    key = corpus_key(articles, facts=facts) if store is not None else ""
    kept = store.get_corpus(key) if store is not None else None
    if kept is not None:
        kept.articles = list(articles)
        report("done", 1, 1)
        return kept
    from tuireader.core import stories, topics
    from tuireader.core.entities import recognise as entities

    total = len(articles)
    found: dict[str, ArticleAnalysis] = store.get_many([a.id for a in articles]) if store is not None else {}
    missing = list({a.id: a for a in articles if a.id not in found}.values())
    fresh: list[ArticleAnalysis] = []
    report("entities and quotes", total - len(missing), total)
    for result in _analyze_all(missing, workers):
        found[result.article] = result
        fresh.append(result)
        if len(fresh) % 25 == 0:
            report("entities and quotes", total - len(missing) + len(fresh), total)
            if store is not None and len(fresh) % 500 == 0:
                store.put_many(fresh[-500:])  # an interrupted first run keeps what it did
    if store is not None and fresh:
        store.put_many(fresh[len(fresh) - len(fresh) % 500 :])
    report("entities and quotes", total, total)

    with _collector_paused():
        ents, resolved = entities.resolve_entities(articles, found)
        # The results as extracted are superseded by the resolved ones (new mentions, entity ids
        # filled): let them go before the corpus-wide steps that follow need memory of their own.
        del found, fresh, missing
        analysis = Analysis(articles=list(articles), by_article=resolved, entities=ents)
        analysis.topics = topics.corpus_topics([resolved[a.id] for a in articles])
        report("stories", 0, 1)
        analysis.stories = stories.group_stories(analysis)
    if facts:
        analysis.facts = _facts_by_story(analysis, store, report)
    if store is not None:
        store.put_corpus(key, analysis)
    report("done", 1, 1)
    return analysis
