"""Quotations and their speakers.

STUB: replaced by the quotes work (issue 3). The signature is the contract.
"""

from __future__ import annotations

from collections.abc import Sequence

from tuireader.core.models import Article, Mention, Quote


def extract_quotes(article: Article, mentions: Sequence[Mention]) -> tuple[Quote, ...]:
    """Quotes with speaker spans; ``Quote.speaker`` (an entity id) is filled by resolution."""
    return ()
