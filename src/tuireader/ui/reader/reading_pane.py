"""The reading pane: one article, with entities, quotations and disagreements highlighted.

Each paragraph and heading is its own ``Static`` (an article has tens of them, not thousands),
so the current mention can be scrolled into view and only the paragraphs it leaves and enters
are re-rendered when the user jumps.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from tuireader.model import Analysis, Article, ArticleAnalysis, Span
from tuireader.ui.keys import SCROLL_KEYS, key_of
from tuireader.ui.reader.render import MARK_META, Mark, article_marks, render_block, speaker_labels
from tuireader.ui.reader.targets import (
    KINDS,
    Target,
    disagreement_targets,
    mention_targets,
    next_index,
    quote_targets,
)
from tuireader.ui.text import foreground, plain, plural

_OWN_BACKGROUND = {"reading-pane--disagreement"}  # the only highlight with its own background


class Block(Static):
    """A paragraph or heading of the article."""

    def __init__(self, span: Span, heading: bool) -> None:
        super().__init__("", classes="heading" if heading else "paragraph", markup=False)
        self.span = span
        self.heading = heading

    def on_click(self, event: events.Click) -> None:
        """A click on a highlighted span (the offset ``render_block`` keeps in the style's meta)."""
        offset = event.style.meta.get(MARK_META)
        pane = self.parent
        if isinstance(offset, int) and isinstance(pane, ReadingPane):
            event.stop()
            pane.select_at(offset)


class ReadingPane(VerticalScroll, can_focus=True):
    COMPONENT_CLASSES = {  # noqa: RUF012
        "reading-pane--person",
        "reading-pane--org",
        "reading-pane--place",
        "reading-pane--date",
        "reading-pane--number",
        "reading-pane--quote",
        "reading-pane--scare",
        "reading-pane--speaker",
        "reading-pane--disagreement",
        "reading-pane--current",
        "reading-pane--heading",
    }
    BINDINGS = [  # noqa: RUF012
        *SCROLL_KEYS,
        Binding("m", "jump('mention', 1)", "Mention", tooltip="Next mention"),
        Binding("M", "jump('mention', -1)", "Previous mention", show=False),
        Binding("apostrophe", "jump('quote', 1)", "Quote", key_display="'", tooltip="Next quote"),
        Binding("quotation_mark", "jump('quote', -1)", "Previous quote", show=False, key_display='"'),
        Binding("d", "jump('disagreement', 1)", "Disagreement", tooltip="Next disagreement"),
        Binding("D", "jump('disagreement', -1)", "Previous disagreement", show=False),
        Binding("enter", "entity_info", "Details", show=False, tooltip="Details of the name at the cursor"),
    ]

    # Sideways scrolling never happens here: the text wraps.
    HELP_HIDDEN = ("scroll_left", "scroll_right", "page_left", "page_right")

    current: reactive[Target | None] = reactive(None, init=False)

    @dataclass
    class CurrentChanged(Message):
        """The highlighted target moved; ``text`` is what the status line should say."""

        text: str

    @dataclass
    class EntityRequested(Message):
        entity: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.analysis: Analysis | None = None
        self.names: dict[str, str] = {}  # article id -> source label, set with the corpus
        self.result: ArticleAnalysis | None = None
        self.targets: dict[str, list[Target]] = {k: [] for k in KINDS}
        self.marks: list[Mark] = []
        self.labels: list[tuple[int, str]] = []
        self.blocks: list[Block] = []
        self.found: Span | None = None  # the sentence a text search matched, marked until a jump
        self._starts: list[int] = []

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(id="article-header", markup=False)

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.call_after_refresh(self.refresh_blocks))

    # -- content ---------------------------------------------------------------------------

    def show(self, article: Article | None, analysis: Analysis | None, message: Text | None = None) -> None:
        """Show ``article`` (or ``message`` when there is none). Keeps the place if it is the same article."""
        same = article is not None and self.article is not None and article.id == self.article.id
        if same and analysis is self.analysis and self.blocks:
            return  # already showing exactly this
        if not same:
            self.found = None
        self.article, self.analysis = article, analysis
        self.result = analysis.by_article.get(article.id) if (analysis and article) else None
        self._collect()
        if not same or (self.current is not None and self.current not in self.targets[self.current.kind]):
            self.set_reactive(ReadingPane.current, None)
        header = self.query_one("#article-header", Static)
        if article is None:
            self._set_blocks([])
            header.update(message or Text(""))
            return
        header.update(self._header(article))
        spans = sorted(
            [(s, False) for s in article.paragraphs] + [(s, True) for s in article.headings],
            key=lambda item: item[0].start,
        )
        if not spans and article.text:
            spans = [(Span(0, len(article.text)), False)]
        self._set_blocks(spans)
        self.refresh_blocks()
        if not same:
            self.scroll_home(animate=False)
        self._announce()

    def _set_blocks(self, spans: list[tuple[Span, bool]]) -> None:
        """Reuse the paragraph widgets already mounted; mount or remove only the difference."""
        keep = self.blocks[: len(spans)]
        for block in self.blocks[len(spans) :]:
            block.remove()
        extra = [Block(span, heading) for span, heading in spans[len(keep) :]]
        for block, (span, heading) in zip(keep, spans, strict=False):
            block.span, block.heading = span, heading
            block.set_class(heading, "heading")
            block.set_class(not heading, "paragraph")
        self.blocks = keep + extra
        self._starts = [span.start for span, _ in spans]
        if extra:
            self.mount_all(extra)

    def _header(self, article: Article) -> Text:
        out = plain(article.title, Style(bold=True))
        out.append("\n")
        details = [self.names.get(article.id) or article.source or "unknown source", article.published or "undated"]
        if article.author:
            details.append(f"by {article.author}")
        out.append(" · ".join(details), self.highlight_styles()["reading-pane--speaker"])
        dim = self.highlight_styles()["reading-pane--speaker"]
        if article.url:
            out.append("\n")
            out.append(article.url, dim)
        if self.result is not None and self.result.topics:
            out.append("\nTopics: ", dim)
            out.append(", ".join(self.result.topics[:6]), dim)
        return out

    def _collect(self) -> None:
        article, result = self.article, self.result
        self.targets = {k: [] for k in KINDS}
        if article is None:
            self.marks, self.labels = [], []
            return
        self.targets = {
            "mention": mention_targets(result, self.analysis),
            "quote": quote_targets(article, result, self.analysis),
            "disagreement": disagreement_targets(article, self.analysis),
        }
        disagreement_spans = [t.span for t in self.targets["disagreement"]]
        self.marks = article_marks(result, disagreement_spans)
        self.labels = speaker_labels(result, article, self.analysis)

    def highlight_styles(self) -> dict[str, Style]:
        # Full (not partial) styles: a colour like $text-muted is only known against the background.
        styles = {}
        for name in self.COMPONENT_CLASSES:
            style = self.get_component_rich_style(name)
            styles[name] = style if name in _OWN_BACKGROUND else foreground(style)
        return styles

    def refresh_blocks(self, only: set[int] | None = None) -> None:
        if self.article is None:
            return
        styles = self.highlight_styles()
        current = self.current.span if self.current is not None else self.found
        for i, block in enumerate(self.blocks):
            if only is not None and i not in only:
                continue
            block.update(
                render_block(
                    self.article.text,
                    block.span,
                    self.marks,
                    self.labels,
                    styles,
                    base="reading-pane--heading" if block.heading else "",
                    current=current,
                )
            )

    def show_found(self, span: Span) -> None:
        """Mark the sentence a search matched and bring it into view."""
        old, self.found = self.found, span
        self.refresh_blocks({self._block_of(s.start) for s in (old, span) if s is not None})
        if self.blocks:
            block = self.blocks[self._block_of(span.start)]
            self.call_after_refresh(self.scroll_to_center, block, animate=False)

    def _block_of(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    # -- jumping ---------------------------------------------------------------------------

    def watch_current(self, old: Target | None, new: Target | None) -> None:
        touched = {self._block_of(t.start) for t in (old, new) if t is not None}
        if self.found is not None:
            touched.add(self._block_of(self.found.start))
            self.found = None
        self.refresh_blocks(touched)
        if new is not None and self.blocks:
            block = self.blocks[self._block_of(new.start)]
            self.call_after_refresh(self.scroll_to_center, block, animate=False)
        self._announce()

    def action_jump(self, kind: str, step: int) -> None:
        """Move to the next (step 1) or previous (-1) target of ``kind`` after the current one."""
        targets = self.targets.get(kind, [])
        if not targets:
            self.notify(f"No {kind}s in this article.", severity="warning", timeout=2)
            return
        index = next_index(targets, self.current, kind, step)
        self.current = targets[index]

    def position(self) -> tuple[int, int]:
        """(1-based index, total) of the current target among its kind."""
        if self.current is None:
            return 0, 0
        targets = self.targets[self.current.kind]
        return targets.index(self.current) + 1 if self.current in targets else 0, len(targets)

    def _announce(self) -> None:
        if self.article is None:
            text = ""
        elif self.current is None:
            counts = " · ".join(plural(len(self.targets[k]), k) for k in KINDS)
            jumps = " ".join(key_of(self, f"jump('{kind}', 1)") for kind in KINDS)
            text = f"{counts}   (jump: {jumps})"
        else:
            n, total = self.position()
            text = f"{self.current.kind} {n} of {total}: {self.current.label}"
            if self.current.entity:
                text += f" · {key_of(self, 'entity_info')}: details"
            elif self.current.other:
                text += f" · {key_of(self, 'compare')}: compare"
        self.post_message(self.CurrentChanged(text))

    def action_entity_info(self) -> None:
        target = self.current
        if target is None or not target.entity:
            mention, quote = key_of(self, "jump('mention', 1)"), key_of(self, "jump('quote', 1)")
            self.notify(f"Jump to a mention with {mention} or a quotation with {quote} first.", timeout=2)
            return
        self.post_message(self.EntityRequested(target.entity))

    def select_at(self, offset: int) -> None:
        """Make the target at ``offset`` current; on the current one, open its entity's details."""
        for kind in ("mention", "quote", "disagreement"):
            for target in self.targets[kind]:
                if target.start <= offset < target.end or target.start == offset:
                    if target == self.current:
                        self.action_entity_info()
                    else:
                        self.current = target
                    self.focus()
                    return

    def clear_current(self) -> bool:
        if self.current is None and self.found is not None:
            found, self.found = self.found, None
            self.refresh_blocks({self._block_of(found.start)})
            return True
        if self.current is None:
            return False
        self.current = None
        return True
