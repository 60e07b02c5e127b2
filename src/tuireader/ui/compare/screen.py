"""The compare view: two articles side by side, aligned fact by fact, disagreements flagged.

``n``/``N`` walk the disagreements, ``[``/``]`` change the right-hand article (within the left
one's story), ``s`` swaps the sides, ``m`` hides the sentences only one side has. Alignment runs
in a thread worker (long articles take a moment) and each pair is aligned once per screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Label
from textual.worker import Worker, WorkerState, get_current_worker

from tuireader.core.source_names import source_labels
from tuireader.model import AlignedRow, Analysis, Article, RowKind
from tuireader.ui.compare.header import CompareHeader
from tuireader.ui.compare.render import next_article, shorten, story_articles
from tuireader.ui.compare.table import CompareTable

Aligner = Callable[[Analysis, str, str], list[AlignedRow]]


def _default_aligner(analysis: Analysis, left: str, right: str) -> list[AlignedRow]:
    from tuireader.core.facts.align import compare

    return compare(analysis, left, right)


class CompareScreen(Screen[None]):
    """Compare article ``left`` with ``right`` (default: the next article); ``fact`` is scrolled to."""

    HELP_TITLE = "Comparing two articles"
    CSS_PATH = "compare.tcss"  # this feature's styles (and its widgets')

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", "Back"),
        Binding(
            "left_square_bracket",
            "cycle_right(-1)",
            "Prev source",
            key_display="[",
            show=False,
            tooltip="Previous source on the right",
        ),
        Binding(
            "right_square_bracket", "cycle_right(1)", "Source", key_display="]", tooltip="Next source on the right"
        ),
        Binding("s", "swap", "Swap", tooltip="Swap sides"),
        Binding("m", "toggle_matched", "Matched only"),
    ]

    class Aligned(Message):
        """A worker finished aligning a pair."""

        def __init__(self, left: str, right: str, rows: list[AlignedRow]) -> None:
            super().__init__()
            self.left = left
            self.right = right
            self.rows = rows

    def __init__(
        self,
        analysis: Analysis,
        left: str,
        right: str | None = None,
        fact: str | None = None,
        *,
        sentence: int | None = None,
        aligner: Aligner | None = None,
        name: str | None = None,
        id: str | None = None,
    ) -> None:
        """``sentence`` (a left sentence index) is scrolled to when no ``fact`` is given."""
        super().__init__(name=name, id=id)
        self.analysis = analysis
        self.left_id = left
        self.right_id = right if right is not None and right != left else self._next(left, left, 1)
        self.fact = fact
        self.sentence = sentence
        self._aligner: Aligner = aligner or _default_aligner
        self._cache: dict[tuple[str, str], list[AlignedRow]] = {}
        self.matched_only = False  # hide the sentences only one article has

    def compose(self) -> ComposeResult:
        yield CompareHeader()
        yield CompareTable(id="compare-table")
        yield Label("", id="compare-status", markup=False)
        yield Footer(show_command_palette=False, compact=True)  # fits 80 columns; ctrl+p is in help

    @property
    def table(self) -> CompareTable:
        return self.query_one(CompareTable)

    @property
    def left(self) -> Article:
        return self.analysis.article(self.left_id)

    @property
    def right(self) -> Article | None:
        return self.analysis.article(self.right_id) if self.right_id is not None else None

    @property
    def rows(self) -> list[AlignedRow] | None:
        """The aligned rows on show, or None while they are being computed."""
        if self.right_id is None:
            return None
        return self._cache.get((self.left_id, self.right_id))

    def on_mount(self) -> None:
        self.table.focus()
        self._load()

    def on_resize(self, event: events.Resize) -> None:
        # On a short terminal each title gets one line, so the rows keep the room.
        self.query_one(CompareHeader).set_class(event.size.height < 30, "-short")

    # -- loading ----------------------------------------------------------------------------------

    def _load(self) -> None:
        self.query_one(CompareHeader).show(self.left, self.right, self.rows, self.analysis.articles)
        if self.right_id is None:
            self.table.show_message("Only one article is loaded: there is nothing to compare it with.")
            self._status(Text("Load more articles about this story to compare them."))
            return
        if self.rows is not None:
            self._show(self.rows)
            return
        self.table.show_message("Aligning…")
        self._status(Text("aligning…"))
        self._align(self.left_id, self.right_id)

    @work(thread=True, exclusive=True, group="compare-align", exit_on_error=False)
    def _align(self, left: str, right: str) -> None:
        rows = self._aligner(self.analysis, left, right)
        if not get_current_worker().is_cancelled:  # the reader has moved on to another pair
            self.post_message(self.Aligned(left, right, rows))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """An alignment that fails says so in place of the rows, instead of 'Aligning…' for ever."""
        if event.worker.group == "compare-align" and event.state == WorkerState.ERROR:
            error = event.worker.error
            self.table.show_message(
                f"These articles could not be aligned: {shorten(str(error) or type(error).__name__, 200)}"
            )
            self._status(Text("alignment failed"))

    def on_compare_screen_aligned(self, message: CompareScreen.Aligned) -> None:
        self._cache[(message.left, message.right)] = message.rows
        if (message.left, message.right) == (self.left_id, self.right_id):
            self.query_one(CompareHeader).show(self.left, self.right, message.rows, self.analysis.articles)
            self._show(message.rows)

    def _show(self, rows: list[AlignedRow]) -> None:
        right = self.right
        assert right is not None
        if not rows:
            self.table.show_message(
                "No sentences could be aligned for this pair (or the analysis has no alignment yet)."
            )
            self._status(Text(""))
            return
        shown = [row for row in rows if row.kind == RowKind.MATCH] if self.matched_only else rows
        if not shown:
            self.table.show_message("No sentence of one article matches one of the other. Press m to show all.")
            self._status(Text(""))
            return
        self.table.set_rows(self.left, right, shown, cursor=self._start_row(shown))

    def _start_row(self, rows: list[AlignedRow]) -> int:
        """The row to open on: the requested fact, else the requested sentence, else the top.

        A sentence can belong to several facts while a row names one, so a row also counts as the
        fact's when its sentences are the fact's members (both sides best, then either side).
        """
        if self.fact is not None:
            fact = next((f for f in self.analysis.facts if f.id == self.fact), None)
            members = {(m.article, m.sentence) for m in fact.members} if fact is not None else set()

            def score(row: AlignedRow) -> tuple[bool, bool, bool, bool]:
                left = (self.left_id, row.left) in members
                right = (self.right_id, row.right) in members
                return (row.fact == self.fact, left and right, left or right, row.kind == RowKind.MATCH)

            best = max(range(len(rows)), key=lambda i: (score(rows[i]), -i))
            if any(score(rows[best])[:3]):
                return best
        if self.sentence is not None:
            later = [i for i, row in enumerate(rows) if row.left is not None and row.left >= self.sentence]
            exact = [i for i in later if rows[i].left == self.sentence]
            return (exact or later or [0])[0]
        return 0

    # -- status line ------------------------------------------------------------------------------

    def _status(self, text: Text) -> None:
        self.query_one("#compare-status", Label).update(text)

    @on(CompareTable.ColumnsChanged)
    def _columns_changed(self, event: CompareTable.ColumnsChanged) -> None:
        self.query_one(CompareHeader).align_columns(event.left, event.right, event.stacked)

    @on(CompareTable.Highlighted)
    def _highlighted(self, event: CompareTable.Highlighted) -> None:
        rows = self.table.rows
        if not rows:
            return
        row = rows[event.index]
        text = Text(f"row {event.index + 1}/{len(rows)}", end="")
        disagreeing = self.table.disagreement_rows
        if event.index in disagreeing:
            text.append(f" · disagreement {disagreeing.index(event.index) + 1}/{len(disagreeing)}: ", "bold")
            text.append(shorten(row.disagreements[0].summary, 200))
        elif row.fact is not None:
            fact = next((f for f in self.analysis.facts if f.id == row.fact), None)
            if fact is not None:
                text.append(f" · fact reported by {len(fact.articles)} source{'s' if len(fact.articles) != 1 else ''}")
                text.append(": ")
                text.append(shorten(fact.label, 80))
        elif row.kind != RowKind.MATCH:
            side = self.left if row.kind == RowKind.LEFT else self.right
            if side is not None:
                text.append(f" · only in {source_labels(self.analysis.articles, width=40)[side.id]}")
        self._status(text)

    # -- actions ----------------------------------------------------------------------------------

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_cycle_right(self, step: int) -> None:
        if self.right_id is None:
            return
        candidate = self._next(self.right_id, self.left_id, step)
        if candidate is None or candidate == self.right_id:
            self.notify("No other article to compare with.", timeout=2)
            return
        self.right_id = candidate
        self.fact = self._current_fact()
        self._load()

    def _next(self, current: str, skip: str, step: int) -> str | None:
        """Another article to compare with, from the left article's story when the corpus has several."""
        return next_article(self.analysis, current, skip=skip, step=step, among=story_articles(self.analysis, skip))

    def action_swap(self) -> None:
        if self.right_id is None:
            return
        self.fact = self._current_fact()
        self.left_id, self.right_id = self.right_id, self.left_id
        self._load()

    def action_toggle_matched(self) -> None:
        """Show only the matched pairs, or everything again, staying on the same place in the text."""
        self.matched_only = not self.matched_only
        row = self.table.current
        self.fact = row.fact if row is not None and row.fact is not None else None
        self.sentence = row.left if row is not None and row.left is not None else self.sentence
        if self.rows:
            self._show(self.rows)
        self.notify("Matched sentences only" if self.matched_only else "All sentences", timeout=1.5)

    def _current_fact(self) -> str | None:
        """Keep the reader's place when the pair changes: the fact under the cursor, if any."""
        row = self.table.current
        return row.fact if row is not None and row.fact is not None else self.fact
