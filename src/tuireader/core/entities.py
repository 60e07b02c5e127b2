"""Named entities: mentions in each article, and one identity per real-world thing across articles.

STUB: replaced by the entities work (issue 3). The signatures are the contract.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tuireader.core.models import Article, ArticleAnalysis, Entity, Mention


def extract_mentions(article: Article) -> tuple[Mention, ...]:
    """Mentions of people, organisations, places, dates and numbers; ``entity`` left empty."""
    return ()


def resolve_entities(
    articles: Sequence[Article], analyses: Mapping[str, ArticleAnalysis]
) -> tuple[list[Entity], dict[str, ArticleAnalysis]]:
    """Merge mentions across all articles into entities.

    Returns the entities and the analyses with ``Mention.entity`` and ``Quote.speaker`` filled.
    """
    return [], dict(analyses)
