"""The quote ledger: every quotation in the story, grouped by speaker across sources.

A fact-checker reads it to see who said what to whom: the same words carried by several
outlets, a quote only one outlet has, and a speaker's name spelled differently by each.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tuireader.core.models import Analysis, Quote, Span
from tuireader.ui.render_compare import DISPUTED_MARK, shorten, source_names

QUOTE_LIMIT = 180


@dataclass(frozen=True, slots=True)
class LedgerQuote:
    article: str
    quote: Quote
    disputed: bool  # the quoted words hold a value some fact's disagreement is about


@dataclass(frozen=True, slots=True)
class Speaker:
    key: str
    name: str
    quotes: tuple[LedgerQuote, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(q.article for q in self.quotes))


def group_quotes(analysis: Analysis) -> list[Speaker]:
    """Speakers ordered by how many sources quote them, then how often; the unattributed last."""
    disputed: dict[str, list[Span]] = {}
    for fact in analysis.facts:
        for disagreement in fact.disagreements:
            for value in disagreement.values:
                disputed.setdefault(value.article, []).append(Span(value.start, value.end))
    order = {article.id: i for i, article in enumerate(analysis.articles)}
    groups: dict[str, list[LedgerQuote]] = {}
    names: dict[str, str] = {}
    for article in analysis.articles:
        found = analysis.by_article.get(article.id)
        for quote in found.quotes if found else ():
            if quote.scare or quote.end <= quote.start:
                continue
            key = quote.speaker or (quote.speaker_name or "").strip().lower() or ""
            if key not in names:
                entity = analysis.entity(quote.speaker) if quote.speaker else None
                names[key] = shorten(entity.name if entity else (quote.speaker_name or "Unattributed"), 60)
            span = Span(quote.start, quote.end)
            involved = any(span.overlaps(other) for other in disputed.get(article.id, ()))
            groups.setdefault(key, []).append(LedgerQuote(article.id, quote, involved))
    speakers = [
        Speaker(key, names[key], tuple(sorted(quotes, key=lambda q: (order[q.article], q.quote.start))))
        for key, quotes in groups.items()
    ]
    speakers.sort(key=lambda s: (s.key == "", -len(s.articles), -len(s.quotes), s.name.lower()))
    return speakers


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

    def __init__(self, analysis: Analysis, *, id: str | None = None) -> None:
        self.analysis = analysis
        self.speakers = group_quotes(analysis)
        self.quotes: dict[str, LedgerQuote] = {}  # option id -> quote
        super().__init__(*self._build_options(), id=id)

    def _build_options(self) -> list[Option | None]:
        names = source_names(self.analysis.articles, limit=14)
        width = max((len(name) for name in names.values()), default=0)
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
            for q_index, item in enumerate(speaker.quotes):
                article = self.analysis.article(item.article)
                words = shorten(article.text[item.quote.start : item.quote.end], QUOTE_LIMIT)
                parts: list[tuple[str, str] | str] = [
                    (f"{DISPUTED_MARK} " if item.disputed else "  ", "bold $text-warning"),
                    (names[item.article].ljust(width), "$text-secondary"),
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
