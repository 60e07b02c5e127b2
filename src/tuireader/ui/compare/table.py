"""Two articles side by side, one aligned row per fact, drawn with the Line API.

One widget for the whole pair: a resize measures every row's height (cheap), and only the rows
scrolled into view are painted, so an article pair with thousands of sentences stays responsive.
Both columns of a row are padded to the taller one, so nothing is ever cut off.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tuireader.model import AlignedRow, Article
from tuireader.ui.compare.rows import GUTTER, Geometry, RowPainter, wrap
from tuireader.ui.keys import LIST_KEYS


@dataclass(slots=True)
class _Block:
    top: int  # first line in the virtual canvas
    height: int  # lines, with the spacing line after the row
    body: int  # lines that belong to the row
    strips: list[Strip] | None = None  # drawn when first needed


class CompareTable(ScrollView, can_focus=True):
    """The aligned rows of one article pair; ``cursor`` is the current row."""

    HELP_TITLE = "The side-by-side rows"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_disagreement", "Disagreement", tooltip="Next disagreement"),
        Binding("N", "previous_disagreement", "Previous", show=False, tooltip="Previous disagreement"),
        *LIST_KEYS,
        Binding("space", "page_down", "Page down", show=False),
        Binding("b", "page_up", "Page up", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "compare-table--delete",
        "compare-table--insert",
        "compare-table--delete-line",
        "compare-table--insert-line",
        "compare-table--value",
        "compare-table--note",
        "compare-table--note-glyph",
        "compare-table--gutter",
        "compare-table--number",
        "compare-table--number-cursor",
        "compare-table--rule",
        "compare-table--cursor",
        "compare-table--blank",
        "compare-table--empty",
    }

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        """The current row changed (keyboard, mouse or a jump)."""

        def __init__(self, table: CompareTable, index: int) -> None:
            super().__init__()
            self.table = table
            self.index = index

        @property
        def control(self) -> CompareTable:
            return self.table

    class ColumnsChanged(Message):
        """The columns moved (resize, new pair): where each side's text starts, or stacked."""

        def __init__(self, table: CompareTable, left: int, right: int, stacked: bool) -> None:
            super().__init__()
            self.table = table
            self.left = left
            self.right = right
            self.stacked = stacked

        @property
        def control(self) -> CompareTable:
            return self.table

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: list[AlignedRow] = []
        self.left: Article | None = None
        self.right: Article | None = None
        self.empty_message = "Aligning…"
        self._blocks: list[_Block] = []
        self._tops: list[int] = []
        self._layout_width = -1
        self._styles: dict[str, Style] = {}
        self._center_next = False
        self._columns: tuple[int, int, bool] | None = None
        self._painter: RowPainter | None = None

    # -- data ---------------------------------------------------------------------------------

    def set_rows(self, left: Article, right: Article, rows: list[AlignedRow], cursor: int = 0) -> None:
        self.left, self.right, self.rows = left, right, list(rows)
        self._invalidate()
        self.scroll_to(y=0, animate=False, immediate=True)
        self.move_to(max(0, min(cursor, len(self.rows) - 1)), center=cursor > 0)
        # The rows may arrive before the first layout: scroll again once the size is known.
        self.call_after_refresh(self.scroll_to_cursor, center=cursor > 0)

    def show_message(self, message: str) -> None:
        """Replace the rows with one line of explanation (while aligning, or when there is nothing)."""
        self.rows = []
        self.empty_message = message
        self._invalidate()

    @property
    def stacked(self) -> bool:
        self._ensure_layout()
        return self._painter is not None and self._painter.geometry.stacked

    @property
    def current(self) -> AlignedRow | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    @property
    def disagreement_rows(self) -> list[int]:
        return [i for i, row in enumerate(self.rows) if row.disagreements]

    def row_lines(self, index: int) -> list[str]:
        """The plain text of a row as drawn at the current width (for tests and copying)."""
        self._ensure_layout()
        if not 0 <= index < len(self._blocks):
            return []
        strips = self._strips(index) if self.rows else self._blocks[index].strips or []
        return [strip.text for strip in strips[: self._blocks[index].body]]

    def row_at_line(self, line: int) -> int | None:
        """The row drawn on a line of the virtual canvas."""
        self._ensure_layout()
        if not self.rows or line < 0 or not self._tops:
            return None
        return min(bisect_right(self._tops, line) - 1, len(self.rows) - 1)

    def move_to(self, index: int, *, center: bool = False) -> None:
        if not self.rows:
            return
        index = max(0, min(index, len(self.rows) - 1))
        self._center_next = center
        self.cursor = index

    def watch_cursor(self, old: int, new: int) -> None:
        self.scroll_to_cursor(center=self._center_next)
        self._center_next = False
        self.refresh()
        self.post_message(self.Highlighted(self, new))

    def scroll_to_cursor(self, *, center: bool = False) -> None:
        """Bring the current row into view (its top first when it is taller than the view)."""
        self._ensure_layout()
        if self.rows and 0 <= self.cursor < len(self._blocks):
            block = self._blocks[self.cursor]
            region = Region(0, block.top, max(self._layout_width, 1), block.body)
            tall = block.body > self.scrollable_content_region.height
            self.scroll_to_region(region, animate=False, center=center and not tall, top=tall, immediate=True)

    # -- actions --------------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(len(self.rows) - 1)

    def _page(self, direction: int) -> None:
        if not self.rows:
            return
        self._ensure_layout()
        block = self._blocks[self.cursor]
        target = self.row_at_line(block.top + direction * max(self.scrollable_content_region.height - 1, 1))
        if target is not None:
            self.move_to(target if target != self.cursor else self.cursor + direction)

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_next_disagreement(self) -> None:
        later = [i for i in self.disagreement_rows if i > self.cursor]
        if later:
            self.move_to(later[0], center=True)
        elif self.disagreement_rows:
            self.notify("No more disagreements below; press N to go back up.", timeout=2)
        else:
            self.notify("No disagreements between these two articles.", timeout=2)

    def action_previous_disagreement(self) -> None:
        earlier = [i for i in self.disagreement_rows if i < self.cursor]
        if earlier:
            self.move_to(earlier[-1], center=True)
        elif self.disagreement_rows:
            self.notify("No more disagreements above; press n to go down.", timeout=2)
        else:
            self.notify("No disagreements between these two articles.", timeout=2)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = self.row_at_line(offset.y + int(self.scroll_offset.y))
        if row is not None:
            self.focus()
            self.move_to(row)

    # -- layout ---------------------------------------------------------------------------------

    def _invalidate(self) -> None:
        self._layout_width = -1
        self._ensure_layout()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._layout_width = -1  # the theme changed: the strips hold old colours
        self._styles.clear()

    def on_resize(self, event: events.Resize) -> None:
        self._ensure_layout()
        # The rows may have re-wrapped (drawing can beat this handler to it): keep the current row in view.
        self.call_after_refresh(self.scroll_to_cursor, center=True)

    def _style(self, name: str) -> Style:
        """A component style with its translucent colours blended, but no background unless it sets one.

        Without a background of its own a span must show whatever lies under it (the cursor tint).
        """
        cached = self._styles.get(name)
        if cached is None:
            component = f"compare-table--{name}"
            full = self.get_component_rich_style(component)
            partial = self.get_component_rich_style(component, partial=True)
            has_background = self.get_component_styles(component).has_rule("background")
            cached = Style(color=full.color, bgcolor=full.bgcolor if has_background else None)
            cached += partial.without_color
            self._styles[name] = cached
        return cached

    def _ensure_layout(self) -> None:
        """Work out every row's height for the current width; the strips are drawn when first seen."""
        width = max(self.scrollable_content_region.width, 1)
        if width == self._layout_width:
            return
        self._layout_width = width
        self._blocks = []
        self._painter = None
        if self.rows and self.left is not None and self.right is not None:
            geometry = Geometry.for_pair(width, self.left, self.right)
            self._painter = RowPainter(self.app.console, self._style, geometry, self.left, self.right)
            columns = (GUTTER, geometry.right_start, geometry.stacked)
            if columns != self._columns:
                self._columns = columns
                self.post_message(self.ColumnsChanged(self, *columns))
            top = 0
            for row in self.rows:
                body = self._painter.body_height(row)
                self._blocks.append(_Block(top, body + 1, body))
                top += body + 1
        else:
            strips = wrap(self.app.console, Text(self.empty_message, style=self._style("empty")), width)
            self._blocks = [_Block(0, len(strips), len(strips), strips)]
        self._tops = [block.top for block in self._blocks]
        total = self._blocks[-1].top + self._blocks[-1].height if self._blocks else 0
        self.virtual_size = Size(width, total)

    def _strips(self, index: int) -> list[Strip]:
        """The lines of row ``index``, drawn on first use and kept until the width or theme changes."""
        block = self._blocks[index]
        if block.strips is None:
            assert self._painter is not None
            block.strips = self._painter.paint(self.rows[index])
            if len(block.strips) != block.height:  # never expected: keep every line rather than cut any
                self._relayout_from(index, len(block.strips))
        return block.strips

    def _relayout_from(self, index: int, height: int) -> None:
        shift = height - self._blocks[index].height
        self._blocks[index].height = height
        self._blocks[index].body = height - 1
        for block in self._blocks[index + 1 :]:
            block.top += shift
        self._tops = [block.top for block in self._blocks]
        self.virtual_size = Size(self._layout_width, self._blocks[-1].top + self._blocks[-1].height)

    # -- drawing --------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        self._ensure_layout()
        width = self._layout_width
        base = self.rich_style
        line = y + int(self.scroll_offset.y)
        if not self._blocks or line >= self._blocks[-1].top + self._blocks[-1].height:
            return Strip.blank(width, base)
        index = bisect_right(self._tops, line) - 1
        block = self._blocks[index]
        offset = line - block.top
        strips = self._strips(index) if self.rows else block.strips or []
        if offset >= len(strips):
            return Strip.blank(width, base)
        strip = strips[offset]
        if self.rows and index == self.cursor and offset < block.body:
            strip = self._cursor_strip(strip, offset == 0)
        return strip.apply_style(base)

    def _cursor_strip(self, strip: Strip, first: bool) -> Strip:
        """The current row: a tinted background and a marker in the gutter's first cell."""
        strip = strip.apply_style(self._style("cursor"))
        marker = Strip([Segment("▌", self._style("number-cursor"))], 1)
        return Strip.join([marker, strip.crop(1)])
