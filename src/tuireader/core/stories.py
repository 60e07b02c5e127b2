"""Grouping a large corpus into stories (articles about one event).

STUB: replaced by the scale work (issue 6). The signature is the contract.
"""

from __future__ import annotations

from tuireader.core.models import Analysis, Story


def group_stories(analysis: Analysis) -> list[Story]:
    """One story holding every article, until real grouping lands."""
    ids = tuple(a.id for a in analysis.articles)
    return [Story(id="story-1", label=analysis.topics[0] if analysis.topics else "all articles", articles=ids)]
