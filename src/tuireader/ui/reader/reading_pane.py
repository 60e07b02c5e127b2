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
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from tuireader.core.source_names import source_labels
from tuireader.model import Analysis, Article, ArticleAnalysis, Span
from tuireader.ui.reader.render import (
    LABEL_NAMES,
    Mark,
    article_marks,
    foreground,
    render_block,
    speaker_labels,
    speaker_name,
)
from tuireader.ui.text import plain, plural

KINDS = ("mention", "quote", "disagreement")
_OWN_BACKGROUND = {"reading-pane--disagreement"}  # the only highlight with its own background


@dataclass(frozen=True, slots=True)
class Target:
    """Somewhere the jump keys stop: a mention, a quotation or a disagreeing value."""

    kind: str
    start: int
    end: int
    label: str  # what the status line says about it
    entity: str | None = None
    fact: str | None = None  # for a disagreement: the fact, and an article that reports it otherwise
    other: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


class Block(Static):
    """A paragraph or heading of the article."""

    def __init__(self, span: Span, heading: bool) -> None:
        super().__init__("", classes="heading" if heading else "paragraph", markup=False)
        self.span = span
        self.heading = heading

    def action_select_at(self, offset: int) -> None:
        """A click on a highlighted span (the ``@click`` meta that ``render_block`` sets)."""
        pane = self.parent
        if isinstance(pane, ReadingPane):
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
        Binding("j,down", "scroll_down", "Scroll down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", show=False),
        Binding("g,home", "scroll_home", "Top", show=False),
        Binding("G,end", "scroll_end", "Bottom", show=False),
        Binding("ctrl+d,pagedown,space", "page_down", "Page down", show=False),
        Binding("ctrl+u,pageup", "page_up", "Page up", show=False),
        Binding("m", "jump('mention', 1)", "Next mention"),
        Binding("M", "jump('mention', -1)", "Previous mention", show=False),
        Binding("apostrophe", "jump('quote', 1)", "Next quote", key_display="'"),
        Binding("quotation_mark", "jump('quote', -1)", "Previous quote", show=False, key_display='"'),
        Binding("d", "jump('disagreement', 1)", "Next disagreement"),
        Binding("D", "jump('disagreement', -1)", "Previous disagreement", show=False),
        Binding("enter", "entity_info", "Entity details"),
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
        spans = sorted([(s, False) for s in article.paragraphs] + [(s, True) for s in article.headings],
                       key=lambda item: item[0].start)
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
        disagreement_spans: list[Span] = []
        if self.analysis is not None:
            sources = source_labels(self.analysis.articles)
            for fact in self.analysis.facts:
                for d in fact.disagreements:
                    mine = [v for v in d.values if v.article == article.id]
                    if not mine:
                        continue
                    others = [v for v in d.values if v.article != article.id]
                    # "numbers differ: 1,200 vs 1,500 · Harbour Times: 1,500": who says what.
                    said = " · ".join(f"{sources.get(v.article, '?')}: {v.text}" for v in others)
                    label = f"{d.summary} · {said}" if said else d.summary
                    other = others[0].article if others else None
                    for v in mine:
                        disagreement_spans.append(Span(v.start, v.end))
                        self.targets["disagreement"].append(
                            Target("disagreement", v.start, v.end, label, fact=fact.id, other=other)
                        )
        if result is not None:
            analysis = self.analysis
            for m in result.mentions:
                entity = analysis.entity(m.entity) if m.entity and analysis is not None else None
                name = entity.name if entity else m.text
                self.targets["mention"].append(
                    Target("mention", m.start, m.end, f"{name} ({LABEL_NAMES[m.label]})", m.entity or None)
                )
            for q in result.quotes:
                if not q.scare:
                    who = speaker_name(q, self.analysis) or "unattributed"
                    words = " ".join(article.text[q.start : q.end].split())
                    gist = words if len(words) <= 50 else words[:49] + "…"
                    self.targets["quote"].append(Target("quote", q.start, q.end, f"{who}: “{gist}”", q.speaker))
        for kind in KINDS:
            self.targets[kind].sort(key=lambda t: (t.start, t.end))
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
        current = self.current.span if self.current is not None else None
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
                    click=lambda mark: f"select_at({mark.start})",
                )
            )

    def _block_of(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    # -- jumping ---------------------------------------------------------------------------

    def watch_current(self, old: Target | None, new: Target | None) -> None:
        touched = {self._block_of(t.start) for t in (old, new) if t is not None}
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
        here = self.current
        if here is None:
            index = 0 if step > 0 else len(targets) - 1
        else:
            key = (here.start, here.end)
            if step > 0:
                after = [i for i, t in enumerate(targets) if (t.start, t.end) > key]
                index = after[0] if after else 0
            else:
                before = [i for i, t in enumerate(targets) if (t.start, t.end) < key]
                index = before[-1] if before else len(targets) - 1
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
            text = f"{counts}   (jump: m ' d)"
        else:
            n, total = self.position()
            text = f"{self.current.kind} {n}/{total}: {self.current.label}"
            if self.current.entity:
                text += " · enter: details"
            elif self.current.other:
                text += " · c: compare"
        self.post_message(self.CurrentChanged(text))

    def action_entity_info(self) -> None:
        target = self.current
        if target is None or not target.entity:
            self.notify("Jump to a mention or quote with m or o first.", timeout=2)
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
        if self.current is None:
            return False
        self.current = None
        return True
