"""Loading a corpus in batches, so the article list fills while a large folder is still loading.

``files.load_corpus`` returns only when every file is read; at 10,000 articles that is
seconds before the first title could be drawn. Here the files are found first, then loaded a
batch at a time through the same ``load_corpus``, and each batch is handed on at once. A small
corpus (one batch) is loaded by a single ``load_corpus`` call, exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from tuireader.model import Article
from tuireader.sources.files import SHOWN_DUPLICATES, Corpus, CorpusError, bundled_seeds, discover, load_corpus
from tuireader.storage import Store

FIRST_BATCH = 200  # files in the first batch: enough to fill the screen, quick to load
BATCH = 2000  # files in each later batch (each batch redraws the list once)

# (new articles, warnings for them, no more batches to come)
BatchCallback = Callable[[list[Article], list[str], bool], None]


def load_in_batches(
    paths: Sequence[str | Path],
    emit: BatchCallback,
    store: Store | None = None,
    *,
    workers: int | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    first: int = FIRST_BATCH,
    size: int = BATCH,
) -> None:
    """Call ``emit`` once per batch of loaded articles, the last call with ``done=True``.

    Raises ``CorpusError`` (as ``load_corpus`` does) when nothing at all could be loaded.
    Articles with the same text as one in an earlier batch are skipped with the same warnings
    ``load_corpus`` gives within a batch (the first few named, then one line counting the rest,
    handed on again with each batch that adds to it).
    """
    path_list = [Path(p) for p in paths] or [bundled_seeds()]
    early: list[str] = []
    files = list(discover(path_list, early.append))
    if len(files) <= first:
        corpus = load_corpus(path_list, store, workers=workers)
        emit(corpus.articles, corpus.warnings, True)
        return
    handed = Corpus()  # every article handed on so far, and the duplicates of them skipped
    seen: dict[str, str] = {}
    pending = list(early)  # warnings not yet handed on
    loaded = 0
    batches = list(_batches(files, first, size))
    for number, batch in enumerate(batches, 1):
        if cancelled():
            return
        last = number == len(batches)
        try:
            corpus = load_corpus(batch, store, workers=workers)
        except CorpusError as exc:  # this batch held nothing readable; others may
            pending.extend(exc.warnings or [str(exc)])
            if last and loaded:
                emit([], pending, True)
            continue
        before, warned, skipped = len(handed.articles), len(handed.warnings), handed.duplicates
        for article in corpus.articles:
            handed.add(article, seen)
        fresh = handed.articles[before:]
        pending += handed.warnings[warned:]
        counted = handed.counted_duplicates()
        if skipped > SHOWN_DUPLICATES and handed.duplicates > skipped and counted is not None:
            pending.append(counted)  # the line counting them, updated since it was handed on
        loaded += len(fresh)
        emit(fresh, [*pending, *corpus.warnings], last)
        pending = []
    if not loaded:
        where = ", ".join(str(p) for p in path_list)
        raise CorpusError(f"no readable article in {where}", pending)


def _batches(files: list[Path], first: int, size: int) -> Iterator[list[Path]]:
    yield files[:first]
    for start in range(first, len(files), size):
        yield files[start : start + size]
