"""A per-run memo: what comparing many sentence pairs reads once per sentence.

One alignment run (a story, or the compare view of two articles) compares each sentence with many
others. A sentence's figures, tokens, negation cue and capitalised runs, and an article's named
mentions by sentence, are read once and kept here for that run only, then dropped with it: no
process-wide cache keyed on whole article texts, no module global keyed on object ids.
Keys are article ids (unique within one analysis) and character offsets.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar, cast

from tuireader.model import Article, Span

T = TypeVar("T")


class SentenceMemo:
    def __init__(self) -> None:
        self._found: dict[Hashable, object] = {}

    def once(self, what: Hashable, article: Article, span: Span, compute: Callable[[], T]) -> T:
        """``compute()`` for ``what`` of ``span`` in ``article``, the first time it is asked for."""
        return self._once((what, article.id, span.start, span.end), compute)

    def per_article(self, what: Hashable, article: Article, compute: Callable[[], T]) -> T:
        """``compute()`` for ``what`` of the whole article, the first time it is asked for."""
        return self._once((what, article.id), compute)

    def _once(self, key: Hashable, compute: Callable[[], T]) -> T:
        if key in self._found:
            return cast(T, self._found[key])
        value = compute()
        self._found[key] = value
        return value
