"""The compare view's header: which two articles, and how their sentences line up."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label

from tuireader.core.source_names import source_labels
from tuireader.model import AlignedRow, Article, DisagreementKind
from tuireader.ui.compare.render import count_rows, legend, shorten

# Cells of a source's name in the counts line: as in the overview's columns, wider on a wide screen.
SHORT_NAME, SHORT_NAME_MAX = 14, 26
COUNTS_TEXT = 56  # what the counts line holds besides the two names
Shown = tuple[Article, Article | None, list[AlignedRow] | None, Sequence[Article]]


class CompareHeader(Vertical):
    """Both sources and titles over their columns, then the counts and a glyph legend."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: Shown | None = None  # what show() was last given, shown again on a resize
        self.names: dict[str, str] = {}
        self.short_names: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label("", id="compare-header-left", classes="compare-header--side", markup=False)
            yield Label("", id="compare-header-right", classes="compare-header--side", markup=False)
        yield Label("", id="compare-header-counts", classes="compare-header--counts", markup=False)

    def align_columns(self, left: int, right: int, stacked: bool) -> None:
        """Put each title over its column; the arrows sit in the gutter and in the rule."""
        self.set_class(stacked, "-stacked")
        left_label = self.query_one("#compare-header-left", Label)
        right_label = self.query_one("#compare-header-right", Label)
        if stacked:
            left_label.styles.width = right_label.styles.width = "1fr"
            left_label.styles.padding = right_label.styles.padding = (0, 1, 0, 2)
            return
        left_label.styles.width = max(right - 2, 1)
        left_label.styles.padding = (0, 2, 0, max(left - 2, 0))
        right_label.styles.width = "1fr"
        right_label.styles.padding = (0, 1, 0, 0)

    def show(
        self, left: Article, right: Article | None, rows: list[AlignedRow] | None, corpus: Sequence[Article] = ()
    ) -> None:
        """``corpus``: every article, for source labels that match the other views (default: these two)."""
        self._shown = (left, right, rows, corpus)
        everyone = corpus or [a for a in (left, right) if a is not None]
        self.names = source_labels(everyone)
        room = (self.size.width - COUNTS_TEXT) // 2 if self.size.width else SHORT_NAME
        self.short_names = source_labels(everyone, width=max(SHORT_NAME, min(SHORT_NAME_MAX, room)))
        self.query_one("#compare-header-left", Label).update(self._title("◀ ", left))
        self.query_one("#compare-header-right", Label).update(
            self._title("▶ ", right) if right is not None else Text("no other article to compare", "italic")
        )
        self.query_one("#compare-header-counts", Label).update(self._counts(left, right, rows))

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)  # the names in the counts line fit the new width

    def _title(self, arrow: str, article: Article) -> Text:
        text = Text(arrow, style="bold", end="")
        text.append(self.names[article.id], "bold")
        if article.published:
            text.append(f" {shorten(article.published, 20)}", "dim")
        if article.title:
            text.append(" — ")
            text.append(shorten(article.title, 140), "italic")
        return text

    def _counts(self, left: Article, right: Article | None, rows: list[AlignedRow] | None) -> Text:
        if right is None:
            return Text("")
        if rows is None:
            return Text("aligning…")
        counts = count_rows(rows)
        names = self.short_names
        text = Text(end="")
        text.append(f"{counts.matched} matched", "bold")
        text.append(f" · {counts.left_only} only in ")
        text.append(names[left.id])
        text.append(f" · {counts.right_only} only in ")
        text.append(names[right.id])
        text.append(" · ")
        text.append(
            f"{counts.disagreements} disagreement{'s' if counts.disagreements != 1 else ''}",
            "bold" if counts.disagreements else "",
        )
        kinds = [DisagreementKind(d.kind) for row in rows for d in row.disagreements if d.kind in DisagreementKind]
        if kinds:
            text.append("   ")
            text.append(legend(kinds))
        return text
