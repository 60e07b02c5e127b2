"""The data every part of tuireader shares.

All offsets are Python ``str`` indices into ``Article.text`` (the normalised text), half-open
``[start, end)``. Everything is frozen so analysis results can be cached and shared between
threads without copying.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Article:
    """One article, already normalised and segmented."""

    id: str
    path: str
    title: str
    source: str
    text: str
    sentences: tuple[Span, ...] = ()
    paragraphs: tuple[Span, ...] = ()
    headings: tuple[Span, ...] = ()
    published: str | None = None  # ISO date, YYYY-MM-DD
    url: str | None = None
    author: str | None = None

    def sentence_text(self, index: int) -> str:
        return self.sentences[index].slice(self.text)

    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence containing ``offset`` (binary search)."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            span = self.sentences[mid]
            if offset < span.start:
                hi = mid
            elif offset >= span.end:
                lo = mid + 1
            else:
                return mid
        return None


class Label(StrEnum):
    PERSON = "person"
    ORG = "org"
    PLACE = "place"
    DATE = "date"  # dates, times, durations ("three years", "5 p.m.")
    NUMBER = "number"  # counts with what they count ("1,200 homes")


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of an article naming an entity. ``entity`` is filled by corpus resolution."""

    start: int
    end: int
    label: Label
    text: str
    entity: str = ""


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation. ``start``/``end`` cover the quoted words without the quote marks."""

    start: int
    end: int
    speaker: str | None = None  # entity id, filled by corpus resolution
    cue: str | None = None  # "said", "stated", "according to", ...
    scare: bool = False  # one or two words in quotes: a scare quote, not speech
    speaker_start: int | None = None  # span of the speaker's name (or pronoun/role) in the text
    speaker_end: int | None = None
    speaker_name: str | None = None  # display name of the speaker as resolved in this article


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    label: Label
    aliases: tuple[str, ...] = ()
    # article id -> the surface forms that article uses ("spelled X in A, Y in B")
    forms: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(self.forms)


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """What the per-article extractors found. Cacheable by article id (a content hash)."""

    article: str
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    topics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FactMember:
    article: str
    sentence: int


@dataclass(frozen=True, slots=True)
class DisagreementValue:
    article: str
    start: int
    end: int
    text: str


class DisagreementKind(StrEnum):
    NUMBER = "number"
    DATE = "date"
    DURATION = "duration"
    NAME = "name"
    QUOTE = "quote"
    NEGATION = "negation"


@dataclass(frozen=True, slots=True)
class Disagreement:
    kind: DisagreementKind
    summary: str  # one line: "numbers differ: 1,000 vs nine"
    values: tuple[DisagreementValue, ...]


@dataclass(frozen=True, slots=True)
class Fact:
    """Sentences from different articles that report the same thing."""

    id: str
    label: str
    members: tuple[FactMember, ...]
    disagreements: tuple[Disagreement, ...] = ()

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article for m in self.members))


class RowKind(StrEnum):
    MATCH = "match"
    LEFT = "left"  # only in the left article
    RIGHT = "right"  # only in the right article


@dataclass(frozen=True, slots=True)
class DiffOp:
    """A word-level edit between two sentences; offsets are into each article's text."""

    tag: str  # "equal" | "replace" | "delete" | "insert"
    left: Span
    right: Span


@dataclass(frozen=True, slots=True)
class AlignedRow:
    kind: RowKind
    left: int | None  # sentence index in the left article
    right: int | None  # sentence index in the right article
    fact: str | None = None
    ops: tuple[DiffOp, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about one event, grouped in a large corpus."""

    id: str
    label: str
    articles: tuple[str, ...]


@dataclass(slots=True)
class Analysis:
    """Everything tuireader knows about a corpus. Built by ``tuireader.core.pipeline``."""

    articles: list[Article]
    by_article: dict[str, ArticleAnalysis] = field(default_factory=dict)
    entities: list[Entity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)  # corpus-level key phrases
    # By-id indexes, built on first lookup and rebuilt when the list is replaced or changes length.
    _articles_by_id: tuple[object, int, dict[str, Article]] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    _entities_by_id: tuple[object, int, dict[str, Entity]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def article(self, article_id: str) -> Article:
        index, items = self._articles_by_id, self.articles
        if index is None or index[0] is not items or index[1] != len(items):
            index = self._articles_by_id = (items, len(items), {a.id: a for a in reversed(items)})  # first wins
        return index[2][article_id]

    def entity(self, entity_id: str) -> Entity | None:
        index, items = self._entities_by_id, self.entities
        if index is None or index[0] is not items or index[1] != len(items):
            index = self._entities_by_id = (items, len(items), {e.id: e for e in reversed(items)})  # first wins
        return index[2].get(entity_id)
