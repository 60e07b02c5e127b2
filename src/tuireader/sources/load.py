"""Loading files, folders and URLs together, in the order given, and pages into raw articles.

``load`` is the one entry point for paths and URLs given on the command line. URLs are downloaded
first, all at once (``web.fetch_pages``), then everything is assembled in argument order so the
reader sees the articles in the order they were named; files alone go through ``files.load_corpus``
(whole unchanged files from the store, worker processes for a large folder).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from tuireader.core.source_names import outlet_from_url
from tuireader.sources.files import (
    Corpus,
    CorpusError,
    RawArticle,
    bundled_seeds,
    discover,
    load_corpus,
    load_raw,
    parse_html,
    read_file,
)
from tuireader.sources.web import FetchOptions, Page, Progress, fetch_pages, is_url
from tuireader.storage import Store


def page_articles(page: Page, warn: Callable[[str], None], source: str | None = None) -> list[RawArticle]:
    """Extract the article from a page (trafilatura via ``parse_html``); plain text is taken as is.

    The source is the site name the page declares, else ``source``, else the outlet the host names.
    """
    text = page.text
    if page.content_type == "text/plain":
        raws = [RawArticle(path=page.url, text=text)] if text.strip() else []
        if not raws:
            warn(f"{page.url}: the page is empty")
    else:
        raws = parse_html(page.url, text, warn, url=page.final_url)
    return [
        dataclasses.replace(
            raw,
            source=raw.source or source or outlet_from_url(page.final_url),
            url=raw.url or page.final_url,
        )
        for raw in raws
    ]


def load(
    paths: Iterable[str | Path] | None,
    store: Store | None = None,
    *,
    options: FetchOptions | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
) -> Corpus:
    """Articles from files, folders and URLs (default: the seeds); ``store`` keeps what can be kept.

    Raises ``CorpusError`` (one line, and the warnings) when nothing loads.
    """
    items = list(paths or [])
    if any(is_url(item) for item in items):
        return load_sources(items, store=store, options=options, progress=progress)
    return load_corpus(items, store, workers=workers)


def load_sources(
    paths: Iterable[str | Path] | None,
    *,
    store: Store | None = None,
    options: FetchOptions | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Corpus:
    """Files, folders and URLs, mixed freely and kept in the order given (default: the seeds).

    Raises ``CorpusError`` with one line when nothing at all loads.
    """
    items = list(paths or []) or [bundled_seeds()]
    urls = [str(item) for item in items if is_url(item)]
    fetched = fetch_pages(urls, options=options, store=store, progress=progress, cancelled=cancelled)
    corpus = Corpus()
    warn = corpus.warnings.append
    seen: dict[str, str] = {}
    for item in items:
        if is_url(item):
            result = fetched.get(str(item))
            if result is None:  # a URL given twice: loaded the first time
                continue
            fetched.pop(str(item))
            if result.message:
                warn(result.message)
            if result.page is not None:
                load_raw(page_articles(result.page, warn), corpus, seen, store)
        else:
            for file in discover([item], warn):
                load_raw(read_file(file, warn), corpus, seen, store)
    if not corpus.articles:
        raise CorpusError(nothing_loaded(items, corpus.warnings))
    return corpus


def nothing_loaded(items: Sequence[object], warnings: Sequence[str]) -> str:
    """One line for the user when every source failed: the reasons, the first few in full."""
    if len(warnings) == 1:
        return warnings[0]
    if not warnings:
        return "no readable article in " + ", ".join(str(item) for item in items)
    shown = "; ".join(warnings[:3])
    more = f" (and {len(warnings) - 3} more)" if len(warnings) > 3 else ""
    return f"nothing could be loaded: {shown}{more}"
