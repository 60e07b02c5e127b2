"""The story overview: which source reported which fact, where they disagree, and who was quoted.

Choosing a cell opens that fact in the compare view, the chosen source on the left and another
source that reports the fact (one that disagrees, when there is one) on the right.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, OptionList, Static

from tuireader.core.digest import LedgerQuote, disputed_articles
from tuireader.core.source_names import source_labels
from tuireader.model import Analysis, Fact, Story
from tuireader.ui.compare.render import (
    ABSENT_MARK,
    DISPUTED_MARK,
    REPORTED_MARK,
    glyph,
    legend,
    next_article,
    one_line,
    shorten,
)
from tuireader.ui.compare.screen import Aligner, CompareScreen
from tuireader.ui.overview.matrix import OverviewMatrix
from tuireader.ui.overview.quotes import NAME_WIDTH, QuoteLedger


def _value_text(fact: Fact, article: str) -> set[str]:
    return {" ".join(v.text.lower().split()) for d in fact.disagreements for v in d.values if v.article == article}


def story_view(analysis: Analysis, story: Story) -> Analysis:
    """The part of a corpus one story covers: its articles, their analyses, and the facts about them."""
    ids = set(story.articles)
    return Analysis(
        articles=[a for a in analysis.articles if a.id in ids],
        by_article={k: v for k, v in analysis.by_article.items() if k in ids},
        entities=analysis.entities,
        facts=[f for f in analysis.facts if ids & set(f.articles)],
        stories=[story],
        topics=analysis.topics,
    )


def partner(analysis: Analysis, fact: Fact, left: str) -> str | None:
    """The article to put beside ``left`` for ``fact``: one that disagrees with it, else the next reporter."""
    reporters = [a.id for a in analysis.articles if a.id in fact.articles and a.id != left]
    mine = _value_text(fact, left)
    if mine:
        for other in reporters:
            theirs = _value_text(fact, other)
            if theirs and theirs != mine:
                return other
    if reporters:
        order = [a.id for a in analysis.articles]
        start = order.index(left) if left in order else -1
        return min(reporters, key=lambda other: (order.index(other) - start) % len(order))
    return next_article(analysis, left, skip=left)


def pair_for(analysis: Analysis, fact: Fact, article: str | None) -> tuple[str, str | None]:
    """(left, right) for a chosen cell; the label column means the fact's first reporter."""
    if article is None:
        reporters = [a.id for a in analysis.articles if a.id in fact.articles]
        if not reporters:
            return analysis.articles[0].id, None
        # Prefer opening on a disputed source, so the disagreement is on screen at once.
        disputed = disputed_articles(fact)
        article = next((a for a in reporters if a in disputed), reporters[0])
    if article not in fact.articles:
        return article, next((a.id for a in analysis.articles if a.id in fact.articles), None)
    return article, partner(analysis, fact, article)


class OverviewScreen(Screen[None]):
    """Fact × source matrix, the highlighted fact in full, and the quote ledger."""

    HELP_TITLE = "Story overview"
    CSS_PATH = "overview.tcss"  # this feature's styles (and its widgets')

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", "Back"),
        Binding("left_square_bracket", "cycle_story(-1)", "Prev story", key_display="["),
        Binding("right_square_bracket", "cycle_story(1)", "Next story", key_display="]"),
        Binding("tab", "app.focus_next", "Matrix/quotes", show=False),
    ]

    def __init__(
        self,
        analysis: Analysis,
        *,
        story: str | None = None,
        article: str | None = None,
        aligner: Aligner | None = None,
        name: str | None = None,
        id: str | None = None,
    ) -> None:
        """In a corpus of several stories, show ``story`` (or the one holding ``article``, or the first)."""
        super().__init__(name=name, id=id)
        self.full = analysis  # what the compare view gets: every article, so any pair can be aligned
        self.stories = [s for s in analysis.stories if s.articles] if len(analysis.stories) > 1 else []
        self.story = next(
            (s for s in self.stories if s.id == story or (story is None and article in s.articles)),
            self.stories[0] if self.stories else None,
        )
        self.analysis = story_view(analysis, self.story) if self.story is not None else analysis
        self._aligner = aligner
        # Labels come from the whole corpus, so a source is called the same in every story and view.
        self.names = source_labels(self.full.articles)
        self.short_names = source_labels(self.full.articles, width=NAME_WIDTH)

    def compose(self) -> ComposeResult:
        yield Label(self._title(), id="overview-title")
        yield OverviewMatrix(self.analysis, corpus=self.full.articles, id="overview-matrix")
        with Horizontal(id="overview-lower"):
            with VerticalScroll(id="overview-detail-scroll", can_focus=False):
                yield Static("", id="overview-detail")
            with Vertical(id="overview-ledger-pane"):
                yield Label("Quotes by speaker", classes="overview--caption")
                yield QuoteLedger(self.analysis, names=self.short_names, id="overview-ledger")
        yield Footer(show_command_palette=False, compact=True)  # fits 80 columns; ctrl+p is in help

    @property
    def matrix(self) -> OverviewMatrix:
        return self.query_one(OverviewMatrix)

    def on_mount(self) -> None:
        self.matrix.focus()
        self._show_detail()

    def _title(self) -> Content:
        facts = self.analysis.facts
        disputed = sum(bool(f.disagreements) for f in facts)
        shared = sum(len(f.articles) > 1 for f in facts)
        kinds = [d.kind for f in facts for d in f.disagreements]
        counts = f"{len(facts)} facts" + (f" ({shared} in two or more sources)" if shared != len(facts) else "")
        story: list[tuple[str, str] | str] = []
        if self.story is not None:
            number = self.stories.index(self.story) + 1
            story = [
                ("  ", ""),
                (f"story {number}/{len(self.stories)}: ", "$text-muted"),
                (shorten(self.story.label, 36), "bold"),
            ]
        parts: list[tuple[str, str] | str] = [
            ("Story overview", "bold"),
            *story,
            f"  {len(self.analysis.articles)} sources · {counts} · ",
            (f"{disputed} with disagreements", "bold $text-warning" if disputed else ""),
            "\n",
            (REPORTED_MARK, "$text-success"),
            " reported ",
            (ABSENT_MARK, "$text-disabled"),
            " not ",
            (DISPUTED_MARK, "bold $text-warning"),
            " disputed",
        ]
        if kinds:
            parts += ["   ", (legend(kinds), "$text-muted")]
        parts += ["   ", ("Enter", "bold $text-accent"), "/click: compare"]
        if not facts:
            parts = [("Story overview", "bold"), *story, "  no facts shared between sources were found"]
        return Content.assemble(*parts)

    # -- the highlighted fact ---------------------------------------------------------------------

    @on(DataTable.CellHighlighted)
    def _cell_highlighted(self) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.query_one("#overview-detail", Static)
        cell = self.matrix.cell()
        if cell is None:
            detail.update(Content("No facts to show."))
            return
        detail.update(self._detail(cell.fact, cell.article))

    def _detail(self, fact: Fact, chosen: str | None) -> Content:
        """The fact's label, its disagreements, and each source's sentence with the disputed words marked."""
        lines: list[Content] = [Content.styled(shorten(fact.label, 400), "bold")]
        count = len(fact.articles)
        lines.append(Content.styled(f"reported by {count} of {len(self.analysis.articles)} sources", "$text-muted"))
        for disagreement in fact.disagreements:
            summary = shorten(disagreement.summary, 400)
            lines.append(Content.styled(f"{glyph(disagreement.kind)} {summary}", "bold $text-warning"))
        for member in fact.members:
            try:
                article = self.analysis.article(member.article)
                span = article.sentences[member.sentence]
            except (KeyError, IndexError):
                continue
            sentence = Content(one_line(span.slice(article.text)))
            for d in fact.disagreements:
                for v in d.values:
                    if v.article == article.id and span.start <= v.start < v.end <= span.end:
                        sentence = sentence.stylize(
                            "bold underline $text-warning", v.start - span.start, v.end - span.start
                        )
            name_style = "bold $text-accent" if member.article == chosen else "bold $text-secondary"
            lines.append(Content.assemble((self.names[article.id], name_style), ": ", sentence))
        return Content("\n").join(lines)

    @on(OptionList.OptionHighlighted, "#overview-ledger")
    def _quote_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_quote(event.option_id)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The detail pane follows the focus: the highlighted fact, or the highlighted quote."""
        ledger = self.query_one(QuoteLedger)
        if event.widget is ledger and ledger.highlighted is not None:
            self._show_quote(ledger.get_option_at_index(ledger.highlighted).id)
        elif event.widget is self.matrix:
            self._show_detail()

    def _show_quote(self, option_id: str | None) -> None:
        item = self.query_one(QuoteLedger).quote_at(option_id)
        if item is not None:
            self.query_one("#overview-detail", Static).update(self._quote_detail(item))

    def _quote_detail(self, item: LedgerQuote) -> Content:
        """Who said it, where, the whole quotation in its sentence, and the fact it belongs to."""
        article = self.analysis.article(item.article)
        quote = item.quote
        speaker = next((s for s in self.query_one(QuoteLedger).speakers if item in s.quotes), None)
        heading: list[tuple[str, str] | str] = [(speaker.name if speaker else "Unattributed", "bold $text-accent")]
        if quote.speaker_name and speaker and quote.speaker_name.strip().lower() != speaker.name.lower():
            heading.append((f" (as {shorten(quote.speaker_name, 40)})", "italic $text-muted"))
        heading += [" in ", (self.names[article.id], "bold $text-secondary")]
        if quote.cue:
            heading.append((f" · {shorten(quote.cue, 30)}", "$text-muted"))
        lines = [Content.assemble(*heading)]
        index = article.sentence_at(quote.start)
        if index is not None:
            span = article.sentences[index]
            sentence = Content(one_line(span.slice(article.text)))
            start, end = max(quote.start - span.start, 0), min(quote.end - span.start, len(span))
            style = "bold $text-warning" if item.disputed else "bold"
            lines.append(sentence.stylize(style, start, end))
            if quote.end > span.end:  # a quotation running over several sentences
                lines.append(Content(shorten(article.text[quote.start : quote.end], 600)))
            fact = self._fact_of(item.article, index)
            if fact is not None:
                others = [self.names[a] for a in fact.articles if a != item.article]
                lines.append(Content.styled(f"Fact: {shorten(fact.label, 400)}", "$text-muted"))
                if others:
                    lines.append(Content.styled("also reported by " + ", ".join(others), "$text-muted"))
        else:
            lines.append(Content(shorten(article.text[quote.start : quote.end], 600)))
        if speaker is not None:
            cluster = speaker.cluster_of(item)
            carried = [self.names[q.article] for q in cluster if q.article != item.article]
            if carried:
                lines.append(
                    Content.styled("the same words also quoted by " + ", ".join(dict.fromkeys(carried)), "$text-muted")
                )
        lines.append(Content.assemble(("Enter", "bold $text-accent"), ": compare this source with another"))
        return Content("\n").join(lines)

    def _fact_of(self, article: str, sentence: int | None) -> Fact | None:
        return next(
            (f for f in self.analysis.facts for m in f.members if (m.article, m.sentence) == (article, sentence)),
            None,
        )

    # -- choosing ---------------------------------------------------------------------------------

    @on(DataTable.CellSelected)
    def _cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        self._open_cell(event.coordinate)

    def _open_cell(self, coordinate: Coordinate) -> None:
        cell = self.matrix.cell(coordinate)
        if cell is None:
            return
        left, right = pair_for(self.analysis, cell.fact, cell.article)
        self.app.push_screen(CompareScreen(self.full, left, right, fact=cell.fact.id, aligner=self._aligner))

    @on(OptionList.OptionSelected, "#overview-ledger")
    def _quote_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self.query_one(QuoteLedger).quote_at(event.option_id)
        if item is None:
            return
        article = self.analysis.article(item.article)
        sentence = article.sentence_at(item.quote.start)
        fact = self._fact_of(item.article, sentence)
        right = partner(self.analysis, fact, item.article) if fact is not None else None
        if right is None:
            # Another source quoting the same speaker is the most useful neighbour.
            ledger = self.query_one(QuoteLedger)
            speaker = next((s for s in ledger.speakers if item in s.quotes), None)
            others = [a for a in speaker.articles if a != item.article] if speaker else []
            right = others[0] if others else None
        self.app.push_screen(
            CompareScreen(
                self.full,
                item.article,
                right,
                fact=fact.id if fact else None,
                sentence=sentence,
                aligner=self._aligner,
            )
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Story keys only mean something (and only show in the footer) when there are several stories."""
        if action == "cycle_story":
            return len(self.stories) > 1
        return True

    def action_cycle_story(self, step: int) -> None:
        """Show the next (or previous) story of the corpus in place of this one."""
        if self.story is None or len(self.stories) < 2:
            self.notify("The corpus holds a single story.", timeout=2)
            return
        index = (self.stories.index(self.story) + step) % len(self.stories)
        story = self.stories[index].id
        self.app.switch_screen(OverviewScreen(self.full, story=story, aligner=self._aligner))

    def action_back(self) -> None:
        self.app.pop_screen()
