"""Core spans -> styled Rich ``Text`` for the compare view and the story overview.

The widgets resolve their component classes (theme variables) into Rich styles and hand
them in as a ``StyleLookup``; this module decides *which* span gets *which* style. Article
text is untrusted, so it only ever enters a ``Text`` as plain text and is stylised by offsets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from rich.style import Style
from rich.text import Text

from tuireader.model import AlignedRow, Analysis, Article, Disagreement, DisagreementKind, RowKind, Span

Side = Literal["left", "right"]
StyleLookup = Callable[[str], Style]

# One glyph per kind of disagreement, shown in the compare gutter and the overview.
KIND_GLYPH: dict[DisagreementKind, str] = {
    DisagreementKind.NUMBER: "#",
    DisagreementKind.DATE: "◷",
    DisagreementKind.DURATION: "↔",
    DisagreementKind.NAME: "≈",
    DisagreementKind.QUOTE: "❝",
    DisagreementKind.NEGATION: "¬",
}
KIND_WORD: dict[DisagreementKind, str] = {
    DisagreementKind.NUMBER: "number",
    DisagreementKind.DATE: "date",
    DisagreementKind.DURATION: "duration",
    DisagreementKind.NAME: "name",
    DisagreementKind.QUOTE: "quote",
    DisagreementKind.NEGATION: "negation",
}
UNKNOWN_GLYPH = "!"
# Overview marks: a source reports a fact, does not, or reports it with a disputed value.
REPORTED_MARK, ABSENT_MARK, DISPUTED_MARK = "●", "·", "▲"

# The ops that changed something on each side: deletions show on the left, insertions on the right.
_CHANGED: dict[Side, frozenset[str]] = {
    "left": frozenset({"replace", "delete"}),
    "right": frozenset({"replace", "insert"}),
}


def glyph(kind: DisagreementKind | str) -> str:
    try:
        return KIND_GLYPH[DisagreementKind(kind)]
    except ValueError:
        return UNKNOWN_GLYPH


def gutter(disagreements: Sequence[Disagreement], width: int = 2) -> str:
    """The glyphs of the distinct kinds in a row, at most ``width`` of them."""
    kinds = list(dict.fromkeys(d.kind for d in disagreements))
    return "".join(glyph(kind) for kind in kinds)[:width]


def legend(kinds: Iterable[DisagreementKind]) -> str:
    """'# number  ◷ date' for the kinds present, in a stable order."""
    present = set(kinds)
    return "  ".join(f"{KIND_GLYPH[k]} {KIND_WORD[k]}" for k in KIND_GLYPH if k in present)


# Control characters (line breaks of hard-wrapped text, tabs, stray escapes) become spaces: one
# character for one, so offsets into the article still hold and nothing reaches the terminal raw.
_CONTROLS = {code: " " for code in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]}


def one_line(text: str) -> str:
    """The text on one line, control characters replaced by spaces (same length, same offsets)."""
    return text.translate(_CONTROLS)


def _stylize(text: Text, span: Span, base: int, style: Style) -> None:
    start, end = max(span.start - base, 0), min(span.end - base, len(text.plain))
    if start < end:
        text.stylize(style, start, end)


def sentence_plain(article: Article, index: int | None) -> str:
    """The sentence as shown (one line, same offsets): what wrapping is measured on."""
    if index is None or not 0 <= index < len(article.sentences):
        return ""
    return one_line(article.sentences[index].slice(article.text))


def sentence_text(
    article: Article,
    index: int | None,
    row: AlignedRow,
    side: Side,
    styles: StyleLookup,
) -> Text:
    """One side of an aligned row: the sentence, changed words emphasised, disagreeing values marked.

    Equal words stay plain; in a matched pair the left side shows what it has that the right lacks
    (``delete``) and the right side what it adds (``insert``). A sentence found on one side only is
    shown whole in that side's subdued colour. Disagreeing values are styled last, so they win.
    """
    if index is None or not 0 <= index < len(article.sentences):
        return Text("", overflow="fold", end="")
    sentence = article.sentences[index]
    text = Text(sentence_plain(article, index), overflow="fold", end="")
    changed = "delete" if side == "left" else "insert"
    if row.kind != RowKind.MATCH:
        text.stylize(styles(f"{changed}-line"))
    else:
        for op in row.ops:
            if op.tag in _CHANGED[side]:
                _stylize(text, op.left if side == "left" else op.right, sentence.start, styles(changed))
    value_style = styles("value")
    for disagreement in row.disagreements:
        for value in disagreement.values:
            if value.article == article.id:
                _stylize(text, Span(value.start, value.end), sentence.start, value_style)
    return text


def note_text(disagreement: Disagreement, styles: StyleLookup) -> Text:
    """The explanation under a row: glyph and the core's one-line summary (plain text, never markup)."""
    text = Text(overflow="fold", end="")
    text.append(f"{glyph(disagreement.kind)} ", styles("note-glyph"))
    text.append(one_line(disagreement.summary), styles("note"))
    return text


@dataclass(frozen=True, slots=True)
class RowCounts:
    matched: int = 0
    left_only: int = 0
    right_only: int = 0
    disagreements: int = 0  # rows with at least one disagreement


def count_rows(rows: Sequence[AlignedRow]) -> RowCounts:
    return RowCounts(
        matched=sum(row.kind == RowKind.MATCH for row in rows),
        left_only=sum(row.kind == RowKind.LEFT for row in rows),
        right_only=sum(row.kind == RowKind.RIGHT for row in rows),
        disagreements=sum(bool(row.disagreements) for row in rows),
    )


def shorten(text: str, limit: int) -> str:
    """One line of at most ``limit`` cells, cut at a word boundary with an ellipsis."""
    text = " ".join(one_line(text).split())
    if limit <= 1:
        return text[:limit]
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-—") + "…"


def next_article(
    analysis: Analysis, current: str, skip: str | None = None, step: int = 1, among: Sequence[str] | None = None
) -> str | None:
    """The article after (or before, ``step=-1``) ``current``, wrapping round and skipping ``skip``.

    ``among`` limits the choice (the articles of one story); by default every article counts.
    """
    ids = [a.id for a in analysis.articles if among is None or a.id in among or a.id == current]
    if current not in ids:
        candidates = [i for i in ids if i != skip]
        return candidates[0] if candidates else None
    index = ids.index(current)
    for offset in range(1, len(ids) + 1):
        candidate = ids[(index + step * offset) % len(ids)]
        if candidate not in (skip, current):
            return candidate
    return None


def story_articles(analysis: Analysis, article: str) -> tuple[str, ...] | None:
    """The articles of the story ``article`` belongs to, when the corpus holds several stories."""
    if len(analysis.stories) < 2:
        return None
    story = next((s for s in analysis.stories if article in s.articles), None)
    return story.articles if story is not None and len(story.articles) > 1 else None
