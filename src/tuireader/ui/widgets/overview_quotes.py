"""The quote ledger: every quotation in the story, grouped by speaker across sources.

A fact-checker reads it to see who said what to whom: the same words carried by several
outlets, a quote only one outlet has, and a speaker's name spelled differently by each.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from rapidfuzz import fuzz
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tuireader.core.models import Analysis, Quote, Span
from tuireader.core.source_names import cells, source_labels
from tuireader.ui.render_compare import DISPUTED_MARK, shorten

QUOTE_LIMIT = 180
NAME_WIDTH = 14  # the source before each quotation: its label fitted to this many cells


@dataclass(frozen=True, slots=True)
class LedgerQuote:
    article: str
    quote: Quote
    disputed: bool  # the quoted words hold a value some fact's disagreement is about


@dataclass(frozen=True, slots=True)
class Speaker:
    key: str
    name: str
    clusters: tuple[tuple[LedgerQuote, ...], ...]  # the same quotation as carried by each source

    @property
    def quotes(self) -> tuple[LedgerQuote, ...]:
        return tuple(q for cluster in self.clusters for q in cluster)

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(q.article for q in self.quotes))

    def cluster_of(self, item: LedgerQuote) -> tuple[LedgerQuote, ...]:
        return next((cluster for cluster in self.clusters if item in cluster), (item,))


SAME_QUOTE = 85  # rapidfuzz similarity at which two quotations are the same words (or one a fragment)
_PUNCTUATION = str.maketrans({c: " " for c in "\"'“”‘’«»„‚.,;:!?()[]—–-…"})


def _comparable(text: str) -> str:
    return " ".join(text.lower().translate(_PUNCTUATION).split())


def same_quote(a: str, b: str) -> bool:
    """Two quotations carry the same words: near-identical, or one outlet quoting a fragment of the other.

    A fragment has to be a few words long, or every short phrase would join every long quotation.
    """
    a, b = _comparable(a), _comparable(b)
    if not a or not b:
        return False
    shorter = min(a, b, key=len)
    if len(shorter.split()) < 4:
        return fuzz.ratio(a, b) >= SAME_QUOTE
    return fuzz.partial_ratio(a, b) >= SAME_QUOTE


def cluster_quotes(quotes: list[LedgerQuote], text: dict[str, str]) -> list[tuple[LedgerQuote, ...]]:
    """The same quotation across sources, together; the most widely carried first, then reading order."""
    clusters: list[list[LedgerQuote]] = []
    words = {id(q): text[q.article][q.quote.start : q.quote.end] for q in quotes}
    for quote in quotes:
        home = next((c for c in clusters if any(same_quote(words[id(quote)], words[id(o)]) for o in c)), None)
        if home is None:
            clusters.append([quote])
        else:
            home.append(quote)
    ordered = sorted(enumerate(clusters), key=lambda ic: (-len({q.article for q in ic[1]}), ic[0]))
    return [tuple(cluster) for _, cluster in ordered]


def group_quotes(analysis: Analysis) -> list[Speaker]:
    """Speakers ordered by how many sources quote them, then how often; the unattributed last."""
    disputed: dict[str, list[Span]] = {}
    for fact in analysis.facts:
        for disagreement in fact.disagreements:
            for value in disagreement.values:
                disputed.setdefault(value.article, []).append(Span(value.start, value.end))
    order = {article.id: i for i, article in enumerate(analysis.articles)}
    text = {article.id: article.text for article in analysis.articles}
    entities = {entity.id: entity for entity in analysis.entities}
    groups: dict[str, list[LedgerQuote]] = {}
    names: dict[str, str] = {}
    for article in analysis.articles:
        found = analysis.by_article.get(article.id)
        for quote in found.quotes if found else ():
            if quote.scare or quote.end <= quote.start:
                continue
            key = quote.speaker or (quote.speaker_name or "").strip().lower() or ""
            if key not in names:
                entity = entities.get(quote.speaker) if quote.speaker else None
                names[key] = shorten(entity.name if entity else (quote.speaker_name or "Unattributed"), 60)
            span = Span(quote.start, quote.end)
            involved = any(span.overlaps(other) for other in disputed.get(article.id, ()))
            groups.setdefault(key, []).append(LedgerQuote(article.id, quote, involved))
    speakers = [
        Speaker(
            key,
            names[key],
            tuple(cluster_quotes(sorted(quotes, key=lambda q: (order[q.article], q.quote.start)), text)),
        )
        for key, quotes in groups.items()
    ]
    speakers.sort(key=lambda s: (s.key == "", -len(s.articles), -len(s.quotes), s.name.lower()))
    return speakers


def _bracket(index: int, size: int) -> str:
    """Ties the rows of one quotation carried by several sources together: ┌ │ └."""
    if size < 2:
        return "  "
    return "┌ " if index == 0 else ("└ " if index == size - 1 else "│ ")


class QuoteLedger(OptionList):
    """One heading per speaker, then their quotes with the source that carries each."""

    DEFAULT_CSS = """
    QuoteLedger {
        height: 1fr;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        & > .option-list--option-disabled { color: $text; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Compare")]

    def __init__(self, analysis: Analysis, *, names: Mapping[str, str] | None = None, id: str | None = None) -> None:
        """``names``: what each article is called (default: labels fitted among these articles)."""
        self.analysis = analysis
        self.names = dict(names) if names is not None else source_labels(analysis.articles, width=NAME_WIDTH)
        self.speakers = group_quotes(analysis)
        self.quotes: dict[str, LedgerQuote] = {}  # option id -> quote
        super().__init__(*self._build_options(), id=id)

    def _build_options(self) -> list[Option | None]:
        names = self.names
        width = max((cells(names[a.id]) for a in self.analysis.articles), default=0)
        options: list[Option | None] = []
        if not self.speakers:
            options.append(Option(Content("No quotations found in these articles."), disabled=True))
        for s_index, speaker in enumerate(self.speakers):
            if options:
                options.append(None)
            sources = len(speaker.articles)
            heading = Content.assemble(
                (speaker.name, "bold $text-accent"),
                (f"  {sources} source{'s' if sources != 1 else ''}", "$text-muted"),
                (f" · {len(speaker.quotes)} quote{'s' if len(speaker.quotes) != 1 else ''}", "$text-muted"),
            )
            options.append(Option(heading, id=f"speaker-{s_index}", disabled=True))
            brackets = [_bracket(i, len(cluster)) for cluster in speaker.clusters for i in range(len(cluster))]
            for q_index, (item, bracket) in enumerate(zip(speaker.quotes, brackets, strict=True)):
                article = self.analysis.article(item.article)
                words = shorten(article.text[item.quote.start : item.quote.end], QUOTE_LIMIT)
                parts: list[tuple[str, str] | str] = [
                    (f"{DISPUTED_MARK}" if item.disputed else " ", "bold $text-warning"),
                    (bracket, "$text-muted"),
                    (names[item.article] + " " * (width - cells(names[item.article])), "$text-secondary"),
                    " “",
                    (words, "$text-warning" if item.disputed else ""),
                    "”",
                ]
                spoken_as = item.quote.speaker_name
                if spoken_as and speaker.key and spoken_as.strip().lower() != speaker.name.lower():
                    parts.append((f"  (as {shorten(spoken_as, 40)})", "italic $text-muted"))
                option_id = f"quote-{s_index}-{q_index}"
                self.quotes[option_id] = item
                options.append(Option(Content.assemble(*parts), id=option_id))
        return options

    def quote_at(self, option_id: str | None) -> LedgerQuote | None:
        return self.quotes.get(option_id or "")
