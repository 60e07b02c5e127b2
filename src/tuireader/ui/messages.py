"""Messages shared between the app, its screens and widgets (they travel up the DOM)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from tuireader.model import Analysis, Article

if TYPE_CHECKING:  # numpy and rapidfuzz load in the worker, after the first frame
    from tuireader.core.search import SearchIndex, SearchResult


@dataclass
class ArticlesLoaded(Message):
    """A batch of the corpus is loaded: titles can be shown before any analysis.

    A large folder arrives in several batches (``done`` only on the last), so the list fills
    while the rest loads.
    """

    articles: list[Article]
    warnings: list[str]
    done: bool = True


@dataclass
class LoadFailed(Message):
    error: str


@dataclass
class AnalysisProgress(Message):
    stage: str
    done: int
    total: int


@dataclass
class AnalysisReady(Message):
    analysis: Analysis


@dataclass
class AnalysisFailed(Message):
    error: str


@dataclass
class IndexReady(Message):
    """A search index over the articles (and the analysis, once it is ready)."""

    index: SearchIndex


@dataclass
class FilterResults(Message):
    """Results for ``query``; dropped by the receiver when the query is stale."""

    query: str
    results: Sequence[SearchResult]


@dataclass
class EntityChosen(Message):
    """The user picked an entity (by id) or a topic to filter the article list by."""

    kind: str  # "entity" | "topic"
    value: str
