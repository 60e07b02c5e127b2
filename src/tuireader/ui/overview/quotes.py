"""The quote ledger: every quotation in the story, grouped by speaker across sources.

A fact-checker reads it to see who said what to whom: the same words carried by several
outlets, a quote only one outlet has, and a speaker's name spelled differently by each.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tuireader.core.digest import LedgerQuote, group_quotes
from tuireader.core.source_names import cells, source_labels
from tuireader.model import Analysis
from tuireader.ui.compare.render import DISPUTED_MARK, shorten

QUOTE_LIMIT = 180
NAME_WIDTH = 14  # the source before each quotation: its label fitted to this many cells


def _bracket(index: int, size: int) -> str:
    """Ties the rows of one quotation carried by several sources together: ┌ │ └."""
    if size < 2:
        return "  "
    return "┌ " if index == 0 else ("└ " if index == size - 1 else "│ ")


class QuoteLedger(OptionList):
    """One heading per speaker, then their quotes with the source that carries each."""

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
            name = shorten(speaker.name, 60)
            heading = Content.assemble(
                (name, "bold $text-accent"),
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
                if spoken_as and speaker.key and spoken_as.strip().lower() != name.lower():
                    parts.append((f"  (as {shorten(spoken_as, 40)})", "italic $text-muted"))
                option_id = f"quote-{s_index}-{q_index}"
                self.quotes[option_id] = item
                options.append(Option(Content.assemble(*parts), id=option_id))
        return options

    def quote_at(self, option_id: str | None) -> LedgerQuote | None:
        return self.quotes.get(option_id or "")
