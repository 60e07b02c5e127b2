"""Painting aligned rows into terminal lines: the geometry of the two columns, wrapping, heights.

Heights come from the same break offsets the painter wraps with (``rich._wrap.divide_line``), so
a row's height is known without drawing it and every drawn row fills exactly the lines it was
given: nothing is cut off and nothing overlaps.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich._wrap import divide_line
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from tuireader.model import AlignedRow, Article
from tuireader.ui.compare.render import Side, StyleLookup, gutter, note_text, sentence_plain, sentence_text

GUTTER = 4  # the cursor marker, two glyph cells and a space
RULE = " │ "
MIN_COLUMN = 24  # below this a side-by-side column is unreadable: stack the two sides instead


@dataclass(frozen=True, slots=True)
class Geometry:
    """Where things go at one width: side by side (two text columns) or stacked (one)."""

    width: int
    digits: int  # of the largest sentence number
    column: int  # the left text column, side by side

    @classmethod
    def for_pair(cls, width: int, left: Article, right: Article) -> Geometry:
        digits = len(str(max(len(left.sentences), len(right.sentences), 1)))
        return cls(width, digits, (width - GUTTER - 2 * (digits + 1) - len(RULE)) // 2)

    @property
    def stacked(self) -> bool:
        return self.column < MIN_COLUMN

    @property
    def number(self) -> int:
        return self.digits + 1

    @property
    def label(self) -> int:
        """Stacked, the number carries the side: '◀12 '."""
        return self.digits + 2

    @property
    def left_width(self) -> int:
        return max(self.width - GUTTER - self.label, 1) if self.stacked else max(self.column, 1)

    @property
    def right_width(self) -> int:
        if self.stacked:
            return self.left_width
        return max(self.width - GUTTER - 2 * self.number - len(RULE) - self.column, 1)

    @property
    def right_start(self) -> int:
        """The first cell of the right column (its sentence number), side by side."""
        return GUTTER + self.number + self.column + len(RULE)

    @property
    def note_indent(self) -> int:
        return GUTTER if self.stacked else GUTTER + self.number


def count_lines(plain: str, width: int) -> int:
    """How many lines ``plain`` wraps to at ``width``: cheap, nothing is drawn."""
    return len(divide_line(plain, max(width, 1), fold=True)) + 1


def wrap(console: Console, text: Text, width: int) -> list[Strip]:
    """Wrap at exactly the offsets ``count_lines`` counts, each line padded to ``width``."""
    width = max(width, 1)
    strips = []
    for line in text.divide(divide_line(text.plain, width, fold=True)):
        line.rstrip_end(width)
        segments = Segment.adjust_line_length(list(line.render(console)), width)
        strips.append(Strip(segments, width))
    return strips


def cell(text: str, width: int, style: Style) -> Strip:
    width = max(width, 0)
    return Strip([Segment(text[:width].ljust(width), style)], width)


class RowPainter:
    """Draws the rows of one article pair at one geometry, with styles from the widget's theme."""

    def __init__(self, console: Console, styles: StyleLookup, geometry: Geometry, left: Article, right: Article):
        self.console = console
        self.styles = styles
        self.geometry = geometry
        self.left = left
        self.right = right

    def body_height(self, row: AlignedRow) -> int:
        """The lines a row takes (without the spacing line after it)."""
        g = self.geometry
        left = count_lines(sentence_plain(self.left, row.left), g.left_width) if row.left is not None else 0
        right = count_lines(sentence_plain(self.right, row.right), g.right_width) if row.right is not None else 0
        # Stacked, each side takes its own lines (a missing side shows one dash); side by side, the taller.
        body = max(left, 1) + max(right, 1) if g.stacked else max(left, right, 1)
        for disagreement in row.disagreements:
            body += count_lines(note_text(disagreement, self.styles).plain, g.width - g.note_indent)
        return body

    def paint(self, row: AlignedRow) -> list[Strip]:
        """The row's lines, then one blank spacing line."""
        strips = self._stacked(row) if self.geometry.stacked else self._side_by_side(row)
        strips.extend(self._notes(row))
        strips.append(Strip.blank(self.geometry.width))
        return strips

    def _side(self, row: AlignedRow, side: Side, width: int) -> list[Strip]:
        index = row.left if side == "left" else row.right
        if index is None:
            return []
        article = self.left if side == "left" else self.right
        return wrap(self.console, sentence_text(article, index, row, side, self.styles), width)

    def _notes(self, row: AlignedRow) -> list[Strip]:
        g = self.geometry
        pad = cell("", g.note_indent, Style())
        return [
            Strip.join([pad, line])
            for disagreement in row.disagreements
            for line in wrap(self.console, note_text(disagreement, self.styles), g.width - g.note_indent)
        ]

    def _number(self, index: int | None, prefix: str = "") -> str:
        digits = self.geometry.digits
        return f"{prefix}{index + 1:>{digits}} " if index is not None else " " * (len(prefix) + digits + 1)

    def _gutter(self, row: AlignedRow, first: bool) -> Strip:
        return cell((" " + gutter(row.disagreements)) if first else "", GUTTER, self.styles("gutter"))

    def _side_by_side(self, row: AlignedRow) -> list[Strip]:
        g = self.geometry
        lines_left = self._side(row, "left", g.left_width)
        lines_right = self._side(row, "right", g.right_width)
        rule, number = self.styles("rule"), self.styles("number")
        strips: list[Strip] = []
        for i in range(max(len(lines_left), len(lines_right), 1)):
            first = i == 0
            parts = [
                self._gutter(row, first),
                cell(self._number(row.left) if first else "", g.number, number),
                lines_left[i] if i < len(lines_left) else cell("", g.left_width, Style()),
                cell(RULE, len(RULE), rule),
                cell(self._number(row.right) if first else "", g.number, number),
                lines_right[i] if i < len(lines_right) else cell("", g.right_width, Style()),
            ]
            strips.append(Strip.join(parts))
        return strips

    def _stacked(self, row: AlignedRow) -> list[Strip]:
        g = self.geometry
        strips: list[Strip] = []
        for side, index in (("left", row.left), ("right", row.right)):
            prefix = "◀" if side == "left" else "▶"
            lines = self._side(row, side, g.left_width)  # type: ignore[arg-type]
            if not lines:
                lines = [cell("–", g.left_width, self.styles("blank"))]
            for i, line in enumerate(lines):
                number = self._number(index, prefix) if i == 0 else ""
                strips.append(
                    Strip.join([self._gutter(row, not strips), cell(number, g.label, self.styles("number")), line])
                )
        return strips
