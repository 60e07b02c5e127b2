"""The main screen: the article list (with the filter and the people & topics panel) beside the reader.

It starts with the list alone (the first frame; see ``mount_reader``): the reader, the people &
topics panel, the progress bar and the footer, and the modules behind them, come right after.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from tuireader.ui.reader.article_list import ArticleList, ListHeader
from tuireader.ui.reader.filter_input import FilterInput
from tuireader.ui.text import plain

if TYPE_CHECKING:
    from tuireader.core.search import SearchIndex
    from tuireader.model import Analysis, Article, Story
    from tuireader.sources.titles import TitleRow
    from tuireader.ui.messages import EntityChosen, FilterResults
    from tuireader.ui.reader.reading_pane import ReadingPane

Method = TypeVar("Method", bound=Callable[..., Any])


def once_loaded(method: Method) -> Method:
    """Run the action now if the articles are in, else as soon as they are: a key pressed on
    the first frame (kept titles, no reader yet) is done then, not lost."""

    @functools.wraps(method)
    def wrapper(self: MainScreen, *args: Any) -> None:
        self.when_loaded(functools.partial(method, self, *args))

    return wrapper  # type: ignore[return-value]


NARROW = 100  # below this many columns the list stacks above the reader
PANE_DELAY = 0.15  # seconds the reader waits for typing in the filter to pause


class MainScreen(Screen[None]):
    BINDINGS = [  # noqa: RUF012
        Binding("slash", "focus_filter", "Search", key_display="/", tooltip="Search titles, sources, names and topics"),
        Binding("escape", "clear_filter", "Clear", show=False, tooltip="Clear the filter or the current stop"),
        Binding("e", "toggle_entities", "People", tooltip="Show or hide the people & topics panel"),
        Binding("c", "compare", "Compare", tooltip="Compare side by side with another source of the story"),
        Binding("C", "compare_with", "Compare with…", show=False),
        Binding("o", "overview", "Overview", tooltip="Story overview: facts by source, quotes by speaker"),
        Binding("x", "export", "Export report", show=False),
    ]

    narrow: var[bool] = var(False)
    show_entities: var[bool] = var(False)

    def __init__(self) -> None:
        super().__init__()
        self.articles: list[Article] = []
        self.analysis: Analysis | None = None
        self.index: SearchIndex | None = None
        self.query_text = ""
        self._pane_timer: Timer | None = None
        self._pending: ArticleList.ArticleHighlighted | None = None
        self.titles: Sequence[TitleRow] = ()  # kept from the last start: the first frame's list
        self.reader_mounted = False  # ``mount_reader`` is done
        self.loaded = False  # the articles are in (until then only kept titles, if any, are listed)
        self.waiting: list[Callable[[], object]] = []  # actions asked for before that (``once_loaded``)

    def compose(self) -> ComposeResult:
        # The first frame: the list, where it will stay. ``mount_reader`` adds the rest: every
        # widget costs a few milliseconds to style, lay out and draw the first time.
        with Horizontal(id="body"), Vertical(id="sidebar"):
            yield FilterInput(id="filter")
            yield Static(f"{len(self.titles)} articles" if self.titles else "", id="filter-status", markup=False)
            yield ListHeader(id="list-header")
            yield ArticleList(id="articles")

    def on_mount(self) -> None:
        articles = self.query_one(ArticleList)
        articles.focus()
        if self.titles:
            articles.show_titles(self.titles)  # the status line above says how many, from compose

    def show_titles(self, rows: Sequence[TitleRow]) -> None:
        """Titles in the list until the articles are set: kept from the last start, or of articles
        loaded before the reader was mounted (``set_articles`` follows)."""
        self.article_list.show_titles(rows)
        self.query_one("#filter-status", Static).update(plain(f"{len(rows)} articles"), layout=False)

    async def mount_reader(self) -> None:
        """The reader, the people & topics panel, the progress bar and the footer, after the first frame."""
        if self.reader_mounted or self.query("#pane"):
            return  # mounted already (the app was started twice)
        from textual.widgets import Footer, ProgressBar

        from tuireader.ui.reader.entities_panel import EntitiesPanel
        from tuireader.ui.reader.reading_pane import ReadingPane
        from tuireader.ui.reader.render import legend

        await self.query_one("#sidebar").mount(EntitiesPanel(id="entities"))
        reader = [ReadingPane(id="pane"), Static(id="legend", markup=False), Static(id="status", markup=False)]
        await self.query_one("#body").mount(Vertical(*reader, id="reader"))
        label = Static("Loading articles…", id="progress-label", markup=False)
        # Determinate from the start: an indeterminate bar animates (redraws) while the titles load.
        bar = ProgressBar(total=1, id="progress", show_eta=False)
        await self.mount(Horizontal(label, bar, id="progress-row"))
        await self.mount(Footer(show_command_palette=False, compact=True))
        self.query_one("#legend", Static).update(legend(self.pane.highlight_styles()))
        self.app.theme_changed_signal.subscribe(
            self, lambda _t: self.query_one("#legend", Static).update(legend(self.pane.highlight_styles()))
        )
        self.reader_mounted = True

    def when_loaded(self, call: Callable[[], object]) -> None:
        """``call()`` now if the articles are in, else as soon as they are."""
        if self.loaded:
            call()
        else:
            self.waiting.append(call)

    def _loaded(self) -> None:
        """The articles are in: do what was asked for meanwhile, in order."""
        if self.loaded:
            return
        self.loaded = True
        waiting, self.waiting = self.waiting, []
        for call in waiting:
            call()

    def on_resize(self) -> None:
        self.narrow = self.size.width < NARROW

    def watch_narrow(self, narrow: bool) -> None:
        self.set_class(narrow, "-narrow")

    def watch_show_entities(self, show: bool) -> None:
        self.set_class(show, "-entities")

    @property
    def pane(self) -> ReadingPane:
        from tuireader.ui.reader.reading_pane import ReadingPane

        return self.query_one("#pane", ReadingPane)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    # -- calls down from the app -----------------------------------------------------------

    def set_articles(self, articles: list[Article]) -> None:
        from tuireader.core.source_names import source_labels
        from tuireader.ui.reader.entities_panel import EntitiesPanel

        self.articles = articles
        self.pane.names = source_labels(articles)
        self.article_list.set_articles(articles, None)
        self.query_one(EntitiesPanel).show(None)
        self._update_filter_status()
        self._loaded()

    def set_analysis(self, analysis: Analysis) -> None:
        from tuireader.core.source_names import source_labels
        from tuireader.ui.reader.entities_panel import EntitiesPanel

        self.analysis = analysis
        self.articles = analysis.articles
        self.pane.names = source_labels(analysis.articles)
        self.article_list.set_articles(analysis.articles, analysis)
        if self.index is not None and self.query_text:
            self.run_filter(self.index, self.query_text)
        self.query_one(EntitiesPanel).show(analysis)
        self._update_filter_status()
        self._loaded()

    def set_index(self, index: SearchIndex) -> None:
        self.index = index
        self.query_one(FilterInput).hold_for_results = True
        if self.query_text:
            self.run_filter(index, self.query_text)

    def set_progress(self, stage: str, done: int, total: int) -> None:
        from textual.widgets import ProgressBar

        try:
            label, bar = self.query_one("#progress-label", Static), self.query_one(ProgressBar)
        except NoMatches:
            return  # the app is closing while the analysis still reports progress
        label.update(plain(f"Analysing: {stage}"))
        bar.update(total=max(total, 1), progress=done)

    def work_done(self) -> None:
        self.add_class("-ready")

    # -- the list and the reader -----------------------------------------------------------

    @on(ArticleList.ArticleHighlighted)
    def _highlighted(self, event: ArticleList.ArticleHighlighted) -> None:
        if not self.loaded:
            return  # a kept title: the articles, when they are in, highlight the row again
        if self._pane_timer is not None:
            self._pane_timer.stop()
            self._pane_timer = None
        shown = self.pane.article
        same = event.article is not None and shown is not None and event.article == shown.id
        if same and self.pane.analysis is self.analysis:
            # A new filter result that keeps the same article on top: only the matched sentence
            # moves, and (like the article) only once typing pauses.
            self._pending = None
            if self.query_text and self.query_one(FilterInput).has_focus:
                self._pending = event
                self._pane_timer = self.set_timer(PANE_DELAY, self._follow)
            elif event.article is not None:
                self._mark_found(event.article)
            return
        self._pending = event
        if self.query_one(FilterInput).has_focus:
            # While the user types, the list redraws at once and the reader follows when they pause.
            self._pane_timer = self.set_timer(PANE_DELAY, self._follow)
        else:
            self._follow()

    def _follow(self) -> None:
        """Show what the list last highlighted (at once when the user leaves the filter box)."""
        if self._pane_timer is not None:
            self._pane_timer.stop()
            self._pane_timer = None
        event, self._pending = self._pending, None
        if event is None:
            return
        if event.article is not None:
            self._show_article(event.article)
        elif event.story is not None:
            self._show_story(event.story)

    def _show_article(self, article_id: str) -> None:
        article = self.article_list.articles.get(article_id)
        if article is None:
            return
        self.pane.show(article, self.analysis)
        self._mark_found(article_id)

    def _mark_found(self, article_id: str) -> None:
        """Found in the text: the reader opens the article at the matching sentence."""
        from tuireader.model import Span

        result = self.article_list.result_for(article_id) if self.query_text else None
        match = result.text_match if result is not None else None
        if match is not None and match.start is not None:
            self.pane.show_found(Span(match.start, match.start + len(match.text)))

    def _show_story(self, story_id: str) -> None:
        from tuireader.ui.keys import key_of

        story = self._story(story_id)
        if story is None:
            return
        text = plain(story.label, "bold")
        text.append(f"\n{len(story.articles)} articles in this story\n\n")
        for aid in story.articles:
            article = self.article_list.articles.get(aid)
            if article is not None:
                text.append("• ")
                text.append(article.title)
                text.append(f"  {self.article_list.names[aid]}\n", "dim")
        hint = f"\n{key_of(self, 'overview')}: story overview · {key_of(self, 'compare')}: compare articles"
        text.append(hint, "dim")
        self.pane.show(None, self.analysis, text)

    def _story(self, story_id: str) -> Story | None:
        if self.analysis is None:
            return None
        return next((s for s in self.analysis.stories if s.id == story_id), None)

    @on(ArticleList.ReadRequested)
    @once_loaded
    def _read(self, event: ArticleList.ReadRequested) -> None:
        self._show_article(event.article)
        self.pane.focus()

    def on_reading_pane_current_changed(self, event: ReadingPane.CurrentChanged) -> None:
        self.query_one("#status", Static).update(plain(event.text))

    def on_reading_pane_entity_requested(self, event: ReadingPane.EntityRequested) -> None:
        self.open_entity(event.entity)

    def open_entity(self, entity_id: str) -> None:
        from tuireader.ui.dialogs.entity import EntityScreen
        from tuireader.ui.reader.render import entity_card

        entity = self.analysis.entity(entity_id) if self.analysis else None
        if entity is None or self.analysis is None:
            self.notify("No details for this entity yet.", timeout=2)
            return

        def chosen(result: str | None) -> None:
            if result == "filter":
                self.filter_by(f'{_prefix(entity.label.value)}"{entity.name}"')

        card = entity_card(entity, self.analysis, self.pane.highlight_styles())
        self.app.push_screen(EntityScreen(entity, card), chosen)

    # -- filtering -------------------------------------------------------------------------

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value.strip()
        if not self.query_text:
            self.workers.cancel_group(self, "filter")
            self.article_list.set_results(None)
            self._update_filter_status()
            self.query_one(FilterInput).release_frame()
        elif self.index is not None:
            self.run_filter(self.index, self.query_text)

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self._follow()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if isinstance(event.widget, FilterInput):
            self._follow()

    @work(thread=True, exclusive=True, exit_on_error=False, group="filter")
    def run_filter(self, index: SearchIndex, query: str) -> None:
        from tuireader.ui.messages import FilterResults

        worker = get_current_worker()
        results = index.search(query, cancelled=lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.post_message(FilterResults(query, results))

    def on_filter_results(self, message: FilterResults) -> None:
        if message.query != self.query_text:
            return  # typed on since: a newer worker is coming
        self.article_list.set_results(message.results)
        self._update_filter_status()
        self.query_one(FilterInput).release_frame()  # the letter and its results in one frame

    def _update_filter_status(self) -> None:
        total = len(self.articles)
        shown = len(self.article_list.shown)
        if self.query_text and self.article_list.results is not None:
            text = f"{shown} of {total} articles match"
        else:
            stories = len(self.analysis.stories) if self.analysis else 0
            text = f"{total} articles" + (f" in {stories} stories" if stories > 1 else "")
        # One line of fixed height: no layout pass (that would re-measure the whole screen per key).
        self.query_one("#filter-status", Static).update(plain(text), layout=False)

    def filter_by(self, query: str) -> None:
        box = self.query_one(FilterInput)
        box.value = query
        box.cursor_position = len(query)

    def on_entity_chosen(self, message: EntityChosen) -> None:
        if message.kind == "topic":
            self.filter_by(f't:"{message.value}"')
        elif message.kind == "details":
            self.open_entity(message.value)
        elif self.analysis is not None:
            entity = self.analysis.entity(message.value)
            if entity is not None:
                self.filter_by(f'{_prefix(entity.label.value)}"{entity.name}"')

    # -- actions ---------------------------------------------------------------------------

    def action_focus_filter(self) -> None:
        self.query_one(FilterInput).focus()

    @once_loaded
    def action_clear_filter(self) -> None:
        if self.pane.has_focus and self.pane.clear_current():
            return
        if self.query_one(FilterInput).value:
            self.filter_by("")

    @once_loaded
    def action_toggle_entities(self) -> None:
        from tuireader.ui.reader.entities_panel import EntitiesPanel

        self.show_entities = not self.show_entities
        if self.show_entities:
            self.query_one(EntitiesPanel).focus()
        else:
            self.article_list.focus()

    def _current_article(self) -> str | None:
        return self.pane.article.id if self.pane.article is not None else self.article_list.current_article

    def action_compare(self) -> None:
        """Side by side with the next article of the same story (``[``/``]`` then cycle)."""
        self._compare(pick=False)

    def action_compare_with(self) -> None:
        """Choose the right-hand article from a list first."""
        self._compare(pick=True)

    def _compare(self, *, pick: bool) -> None:
        from tuireader.core.source_names import source_labels
        from tuireader.ui.dialogs.pick_article import ArticlePicker

        left = self._current_article()
        if self.analysis is None or left is None:
            self.notify("Compare is available once the analysis is ready.", timeout=3)
            return
        target = self.pane.current
        if not pick and target is not None and target.other is not None and self.pane.article is not None:
            # On a disagreement: straight to the source that reports it otherwise, at that fact.
            self.open_compare(self.analysis, self.pane.article.id, target.other, fact=target.fact)
            return
        # Articles of the same story first: that is what one compares.
        story = next((set(s.articles) for s in self.analysis.stories if left in s.articles), set())
        others = sorted((a for a in self.analysis.articles if a.id != left), key=lambda a: a.id not in story)
        if not others:
            self.notify("There is no other article to compare with.", timeout=3)
            return
        analysis = self.analysis
        if not pick:
            self.open_compare(analysis, left, others[0].id)
            return

        def picked(right: str | None) -> None:
            if right is not None:
                self.open_compare(analysis, left, right)

        self.app.push_screen(ArticlePicker("Compare with…", others, source_labels(analysis.articles)), picked)

    def open_compare(self, analysis: Analysis, left: str, right: str, fact: str | None = None) -> None:
        try:
            from tuireader.ui.compare.screen import CompareScreen
        except ImportError:
            self.notify("The compare view is not available in this build.", severity="warning")
            return
        self.app.push_screen(CompareScreen(analysis, left, right, fact))

    def action_overview(self) -> None:
        if self.analysis is None:
            self.notify("The story overview is available once the analysis is ready.", timeout=3)
            return
        from tuireader.ui.overview.screen import OverviewScreen

        self.app.push_screen(OverviewScreen(self.analysis, article=self._current_article()))

    def action_export(self) -> None:
        from tuireader.ui.dialogs.export import ExportScreen

        if self.analysis is None:
            self.notify("Export is available once the analysis is ready.", timeout=3)
            return
        analysis = self.analysis

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.export_report(analysis, path)

        self.app.push_screen(ExportScreen(Path.cwd() / "tuireader-report.md"), chosen)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def export_report(self, analysis: Analysis, path: Path) -> None:
        try:
            text = _report_text(analysis, path)
            path.write_text(text, encoding="utf-8")
        except (OSError, ValueError) as exc:
            self.app.call_from_thread(self.notify, f"Export failed: {exc}", severity="error", timeout=8)
            return
        self.app.call_from_thread(self.notify, f"Report saved to {path}", timeout=6)


def _report_text(analysis: Analysis, path: Path) -> str:
    """The report in the format the suffix asks for."""
    from tuireader.views.formats import format_for_path, write_report

    return write_report(analysis, format_for_path(path) or "md")


def _prefix(label: str) -> str:
    return {"person": "p:", "org": "o:", "place": "l:"}.get(label, "")
