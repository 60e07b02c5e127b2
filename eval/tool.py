"""Running tuireader's own pipeline in-process on raw text (no cache, no files written)."""

from __future__ import annotations

from collections.abc import Sequence

from eval.polnear import ToolQuote, ToolView
from tuireader.core.pipeline import analyze
from tuireader.model import Analysis, Article
from tuireader.sources.files import RawArticle, build_article


class ToolError(Exception):
    """The pipeline failed on a real text (a bug in tuireader to report)."""


Raw = RawArticle  # an article before normalisation: text, and the metadata the corpus gives


def build(raws: Sequence[Raw]) -> list[Article]:
    """Articles as tuireader's loader makes them (an empty text gives a ToolError)."""
    out: list[Article] = []
    for raw in raws:
        article = build_article(raw)
        if article is None:
            raise ToolError(f"{raw.path}: no text")
        out.append(article)
    return out


def run(articles: Sequence[Article], facts: bool = True) -> Analysis:
    try:
        return analyze(list(articles), facts=facts)
    except Exception as exc:  # a crash in src on real text is a finding, not the harness's end
        names = ", ".join(a.path for a in articles)
        raise ToolError(f"tuireader crashed on {names}: {type(exc).__name__}: {exc}") from exc


def view(article: Article, analysis: Analysis) -> ToolView:
    """The article's non-scare quotes, its entity mentions and entity names."""
    found = analysis.by_article.get(article.id)
    quotes = []
    mentions: dict[str, list[tuple[int, int]]] = {}
    if found is not None:
        for q in found.quotes:
            if q.scare:
                continue
            span = None
            if q.speaker_start is not None and q.speaker_end is not None:
                span = (q.speaker_start, q.speaker_end)
            quotes.append(ToolQuote(q.start, q.end, q.speaker, span, q.speaker_name))
        for m in found.mentions:
            if m.entity:
                mentions.setdefault(m.entity, []).append((m.start, m.end))
    names = {e.id: e.name for e in analysis.entities}
    return ToolView(article.text, quotes, mentions, names)
