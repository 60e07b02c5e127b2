"""The fact × source matrix of the story overview: who reported what, and where they disagree."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from tuireader.core.digest import disputed_articles
from tuireader.core.source_names import cells, source_labels
from tuireader.model import Analysis, Article, Fact
from tuireader.ui.compare.render import (
    ABSENT_MARK as ABSENT,
)
from tuireader.ui.compare.render import (
    DISPUTED_MARK as DISPUTED,
)
from tuireader.ui.compare.render import (
    REPORTED_MARK as REPORTED,
)
from tuireader.ui.compare.render import glyph, shorten
from tuireader.ui.keys import TABLE_KEYS

LABEL_WIDTH, LABEL_MIN, LABEL_MAX = 46, 24, 72
LABEL_SQUEEZED = 18  # the fact labels' minimum when the source headings take two lines
# A source's column: its label fitted to this many cells, more on a wide screen (the fact labels
# keep LABEL_MIN), so few sources are named in full.
COLUMN_WIDTH, COLUMN_MAX = 14, 22


def two_lines(label: str) -> str:
    """A label over two lines, broken between words where that makes the column narrowest."""
    words = label.split()
    if len(words) < 2:
        return label
    cuts = [(" ".join(words[:cut]), " ".join(words[cut:])) for cut in range(1, len(words))]
    first, second = min(cuts, key=lambda pair: max(cells(pair[0]), cells(pair[1])))
    return f"{first}\n{second}"


def heading_width(heading: str) -> int:
    return max(cells(line) for line in heading.split("\n"))


@dataclass(frozen=True, slots=True)
class MatrixCell:
    """What a cell of the matrix stands for: a fact, and a source (None for the label columns)."""

    fact: Fact
    article: str | None


SORTS = ("sources", "disputed")  # most widely reported first; or the facts sources disagree on first


def ordered_facts(analysis: Analysis, sort: str = "sources") -> list[Fact]:
    """Facts reported by most sources first (ties keep the analysis order), or the disputed ones first."""
    if sort == "disputed":
        return sorted(analysis.facts, key=lambda fact: (not fact.disagreements, -len(fact.articles)))
    return sorted(analysis.facts, key=lambda fact: -len(fact.articles))


def cell_mark(fact: Fact, article: str) -> str:
    if article not in fact.articles:
        return ABSENT
    return DISPUTED if article in disputed_articles(fact) else REPORTED


class OverviewMatrix(DataTable[Text]):
    """A DataTable (virtualised) with one row per fact and one column per article."""

    HELP_TITLE = "Facts by source"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Compare"),
        Binding("s", "cycle_sort", "Sort"),
        *TABLE_KEYS,
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "overview-matrix--reported",
        "overview-matrix--absent",
        "overview-matrix--disputed",
        "overview-matrix--kinds",
    }

    def __init__(self, analysis: Analysis, *, corpus: Sequence[Article] = (), id: str | None = None) -> None:
        """``corpus``: every article, which the source labels are made among (default: these)."""
        super().__init__(id=id, cursor_type="cell", zebra_stripes=True, fixed_columns=1)
        self.analysis = analysis
        self.corpus = list(corpus) or list(analysis.articles)
        self.names = source_labels(self.corpus, width=COLUMN_WIDTH)
        self.fact_order = SORTS[0]
        self.facts = ordered_facts(analysis, self.fact_order)
        self.article_ids = [article.id for article in analysis.articles]
        self._sources = 3  # the label, count and kinds columns come before the sources
        self._label_limit = 0

    def on_mount(self) -> None:
        self.populate()

    def on_resize(self) -> None:
        if self._wanted_label_limit() != self._label_limit or self._wanted_names() != self.names:
            self.populate()

    def _wanted_names(self) -> dict[str, str]:
        """The column headings: source labels as wide as the screen leaves after the fact labels' minimum.

        When the columns do not all fit on one line each, each label takes two lines ("#4" over
        "United"), the same words in a narrower column, so less of the table is out of sight.
        """
        if self.size.width <= 0 or not self.article_ids:
            return source_labels(self.corpus, width=COLUMN_WIDTH)
        count = len(self.article_ids)
        spare = self.size.width - LABEL_MIN - 2 - self._fixed_width() - 2 * count
        width = max(COLUMN_WIDTH, min(COLUMN_MAX, spare // count))
        names = source_labels(self.corpus, width=width)
        if sum(cells(names[a]) for a in self.article_ids) <= spare:
            return names
        return {article_id: two_lines(name) for article_id, name in names.items()}

    def _fixed_width(self) -> int:
        kinds = max((len({d.kind for d in fact.disagreements}) for fact in self.facts), default=1)
        return 2 + 2 + max(kinds, 1) + 2 + 2  # count, kinds, scrollbar

    def _wanted_label_limit(self) -> int:
        """Fact labels take what the source columns leave, so every column fits without scrolling."""
        if self.size.width <= 0:
            return LABEL_WIDTH
        names = self._wanted_names()
        fixed = sum(heading_width(names[article_id]) + 2 for article_id in self.article_ids) + self._fixed_width()
        squeezed = any("\n" in name for name in names.values())  # the sources barely fit: facts give a little
        return max(LABEL_SQUEEZED if squeezed else LABEL_MIN, min(LABEL_MAX, self.size.width - fixed - 2))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted and self.row_count:
            self.populate()  # the theme changed: the marks hold old colours

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"overview-matrix--{name}", partial=True)

    def populate(self) -> None:
        cursor = self.cursor_coordinate
        self.clear(columns=True)
        names = self.names = self._wanted_names()
        self.header_height = max(len(name.split("\n")) for name in [*names.values(), ""])
        self._label_limit = self._wanted_label_limit()
        labels = [shorten(fact.label, self._label_limit) for fact in self.facts]
        # An explicit width: DataTable draws a fixed (frozen) column at its declared width.
        label_width = max([len("Fact"), *(len(label) for label in labels)])
        self.add_column(Text("Fact", style="bold"), key="fact", width=label_width)
        self.add_column(Text("n", style="bold", justify="right"), key="count")
        self.add_column(Text("≠", style="bold"), key="kinds")
        for article_id in self.article_ids:
            self.add_column(Text(names[article_id], style="bold", justify="center"), key=article_id)
        styles = {mark: self._style(name) for mark, name in ((REPORTED, "reported"), (ABSENT, "absent"))}
        styles[DISPUTED] = self._style("disputed")
        for fact, label in zip(self.facts, labels, strict=True):
            kinds = "".join(dict.fromkeys(glyph(d.kind) for d in fact.disagreements))
            cells = [
                Text(label, no_wrap=True, overflow="ellipsis"),
                Text(str(len(fact.articles)), justify="right"),
                Text(kinds, style=self._style("kinds")),
            ]
            for article_id in self.article_ids:
                mark = cell_mark(fact, article_id)
                cells.append(Text(mark, style=styles[mark], justify="center"))
            self.add_row(*cells, key=fact.id)
        if self.row_count:
            self.cursor_coordinate = Coordinate(
                min(cursor.row, self.row_count - 1), min(cursor.column, len(self.columns) - 1)
            )

    def action_cycle_sort(self) -> None:
        """Change the order of the facts, staying on the same fact and source."""
        current = self.cell()
        self.fact_order = SORTS[(SORTS.index(self.fact_order) + 1) % len(SORTS)]
        self.facts = ordered_facts(self.analysis, self.fact_order)
        self.populate()
        if current is not None:
            self.cursor_coordinate = Coordinate(self.facts.index(current.fact), self.cursor_coordinate.column)
        self.notify(
            "Most widely reported first" if self.fact_order == "sources" else "Disputed facts first", timeout=1.5
        )

    def cell(self, coordinate: Coordinate | None = None) -> MatrixCell | None:
        """The fact and source under ``coordinate`` (default: the cursor)."""
        coordinate = coordinate or self.cursor_coordinate
        if not self.facts or not 0 <= coordinate.row < len(self.facts):
            return None
        source = coordinate.column - self._sources
        article = self.article_ids[source] if 0 <= source < len(self.article_ids) else None
        return MatrixCell(self.facts[coordinate.row], article)

    def on_click(self, event: events.Click) -> None:
        """One click chooses a cell (DataTable alone needs a second click on an unhighlighted cell)."""
        meta = event.style.meta
        row, column = meta.get("row"), meta.get("column")
        if not (isinstance(row, int) and isinstance(column, int)) or row < 0 or column < 0:
            return  # the header, the row labels or outside the table
        if Coordinate(row, column) != self.cursor_coordinate:
            self.call_later(self.action_select_cursor)
