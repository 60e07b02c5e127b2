"""Key phrases per article and for the corpus.

STUB: replaced by the topics work (issue 3). The signatures are the contract.
"""

from __future__ import annotations

from collections.abc import Sequence

from tuireader.core.models import Article, ArticleAnalysis


def extract_topics(article: Article) -> tuple[str, ...]:
    return ()


def corpus_topics(analyses: Sequence[ArticleAnalysis]) -> list[str]:
    return []
