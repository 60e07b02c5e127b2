"""What the tests that build an analysis by hand share: an article read as the loader reads it, and
the mentions and disagreement values that point at words in it (the UI fakes, the report tests)."""

from __future__ import annotations

from tuireader.model import Article, DisagreementValue, Label, Mention
from tuireader.sources.files import RawArticle, build_article


def span_of(text: str, words: str, nth: int = 0, start: int = 0, end: int | None = None) -> tuple[int, int]:
    """Where the ``nth`` (from 0) occurrence of ``words`` stands in ``text[start:end]``."""
    at = start - 1
    for _ in range(nth + 1):
        at = text.index(words, at + 1, len(text) if end is None else end)
    return at, at + len(words)


def built_article(text: str, source: str, title: str, published: str, url: str | None = None) -> Article:
    """``text`` normalised and segmented as a file ``<source>.txt`` would be."""
    raw = RawArticle(path=f"{source}.txt", text=text, title=title, source=source, published=published, url=url)
    article = build_article(raw)
    assert article is not None
    return article


def mention(article: Article, surface: str, label: Label, entity: str, nth: int = 0) -> Mention:
    """The ``nth`` occurrence of ``surface`` as a mention of ``entity``."""
    return Mention(*span_of(article.text, surface, nth), label, surface, entity)


def value(article: Article, words: str, sentence: int | None = None) -> DisagreementValue:
    """``words`` as a disagreement value: their first occurrence (in ``sentence``, when given)."""
    span = article.sentences[sentence] if sentence is not None else None
    start, end = span_of(article.text, words, 0, span.start, span.end) if span else span_of(article.text, words)
    return DisagreementValue(article.id, start, end, words)
