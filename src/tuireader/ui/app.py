"""The tuireader app: one factory (``make_app``) for the CLI and the tests, workers, commands.

Loading, analysis and index building run in thread workers that post messages; the first
frame (titles) shows before the analysis ends, and the reader is usable meanwhile. The first frame
is the article list alone, with the titles kept from the last start (``sources.titles``) when the
files are unchanged; the reader's modules are imported and its widgets mounted right after it
(``_start``), and the articles loaded meanwhile (at once when no titles were kept). Nothing here
imports them before.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.widget import MountError
from textual.worker import get_current_worker

from tuireader.safe_line import safe_line
from tuireader.settings import Settings
from tuireader.storage import Store
from tuireader.ui.config import Config, config_path, load_config, save_config
from tuireader.ui.reader.screen import MainScreen

if TYPE_CHECKING:
    from pathlib import Path

    from tuireader.core.search import SearchIndex
    from tuireader.model import Analysis, Article
    from tuireader.sources.files import Corpus
    from tuireader.sources.titles import TitleRow
    from tuireader.store.fulltext import FullTextIndex
    from tuireader.ui.messages import (
        AnalysisFailed,
        AnalysisProgress,
        AnalysisReady,
        ArticlesLoaded,
        IndexReady,
        LoadFailed,
    )

# Moves and system actions the palette already offers (or that make no sense by name).
_NOT_COMMANDS = {"command_palette", "quit", "app.focus_next", "app.focus_previous", "screen.copy_text"}
_MOVES = ("move", "cursor_", "scroll_", "page", "first", "last", "select")


class ReaderCommands(Provider):
    """Every reader action by its description; each command runs the same ``action_*`` as its key."""

    def _commands(self) -> list[tuple[str, str, str, DOMNode]]:
        from tuireader.ui.dialogs.help import describe, own_bindings

        app = self.app
        assert isinstance(app, ReaderApp)
        seen: set[str] = set()
        out: list[tuple[str, str, str, DOMNode]] = []
        for _title, node in app.binding_owners():
            for binding in own_bindings(node):
                action = binding.action
                name = binding.tooltip or binding.description or describe(action)
                if name in seen or action in _NOT_COMMANDS:
                    continue
                if action.startswith(_MOVES):
                    continue
                seen.add(name)
                out.append((name, action, f"key: {app.get_key_display(binding)}", node))
        return out

    async def discover(self) -> Hits:
        for name, action, help_text, node in self._commands():
            yield DiscoveryHit(name, partial(self.app.run_action, action, node), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text, node in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self.app.run_action, action, node), help=help_text)


# A figure colour for themes whose warning colour is their accent too (readable on dark, on light).
FIGURE_FALLBACK = {True: "#c39bff", False: "#7b3fb0"}


class ReaderApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "tuireader"
    BINDINGS = [  # noqa: RUF012
        Binding("q", "quit", "Quit", show=False),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("ctrl+p", "command_palette", "Commands", show=False),
    ]
    COMMANDS = App.COMMANDS | {ReaderCommands}

    def __init__(
        self,
        *,
        articles: Sequence[Article] | None = None,
        paths: Sequence[str] = (),
        analysis: Analysis | None = None,
        store: Store | None = None,
        settings: Settings | None = None,
        warnings: Sequence[str] = (),
        theme: str | None = None,
        remember_theme: bool = True,
        run_analysis: bool = True,
        titles: Sequence[TitleRow] = (),
    ) -> None:
        super().__init__()
        self.initial_articles = list(analysis.articles if analysis is not None else articles or [])
        self.paths = list(paths)
        self.analysis: Analysis | None = analysis
        self.store = store
        self.settings = settings or Settings()
        self._config_path = config_path(self.settings.config_dir)
        self.startup_warnings = list(warnings)
        self.fixed_theme = theme
        self.remember_theme = remember_theme and theme is None
        self.run_analysis = run_analysis
        self.config = Config()
        self._fulltext: tuple[tuple[str, ...], FullTextIndex] | None = None
        self.main = MainScreen()
        self.titles = list(titles)  # kept from the last start on the same files (``sources.titles``)
        self.main.titles = self.titles
        self._arrived: list[Article] = []  # batches loaded so far, while a large corpus loads
        self._theme_problems = self._choose_theme()
        # What the loader posted before the reader was mounted, handled by ``_start`` once it is.
        self._early: list[Callable[[], None]] = []
        self._early_articles: list[Article] = []

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification as plain text: messages carry file names, URLs and error texts
        from outside, which must never be parsed as markup (``[@click=app.quit]`` in a file
        name would become a live action) nor reach the terminal as control characters."""
        del markup  # always off, whatever the caller asked
        super().notify(safe_line(message), title=safe_line(title), severity=severity, timeout=timeout, markup=False)

    MAX_TOASTS = 5  # per batch of warnings: a folder of 3,000 bad files is not 3,000 toasts

    def _warn(self, warnings: Sequence[str]) -> None:
        for warning in warnings[: self.MAX_TOASTS]:
            self.notify(warning, severity="warning", timeout=8)
        if len(warnings) > self.MAX_TOASTS:
            more = len(warnings) - self.MAX_TOASTS
            self.notify(f"… and {more:,} more warning{'s' if more > 1 else ''}", severity="warning", timeout=8)

    # -- start-up --------------------------------------------------------------------------

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables, plus ``$text-figure`` for dates and numbers in the reading pane: the
        theme's warning colour, unless the theme gives people (its accent) that same colour, as
        Textual's own themes do; then a violet, so that a person never looks like a date."""
        variables = super().get_css_variables()
        if "text-figure" not in variables:
            theme = self.current_theme
            alike = (theme.accent or "").lower() == (theme.warning or "").lower()
            variables["text-figure"] = FIGURE_FALLBACK[theme.dark] if alike else variables["text-warning"]
        return variables

    def _choose_theme(self) -> list[tuple[str, float | None]]:
        """The theme from the settings, set before the screen is built (a change after would
        restyle every widget of the first frame); what to tell the user about the settings."""
        self.config, problem = load_config(self._config_path) if self.remember_theme else (Config(), None)
        problems: list[tuple[str, float | None]] = [(problem, 8)] if problem else []
        wanted = self.fixed_theme or self.config.theme
        if wanted in self.available_themes:
            self.theme = wanted
        else:
            problems.insert(0, (f"Unknown theme {wanted!r} in the settings; using the default.", None))
        return problems

    def on_mount(self) -> None:
        for problem, timeout in self._theme_problems:
            self.notify(problem, severity="warning", timeout=timeout)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.push_screen(self.main)
        if self._loads_files() and not self.titles:
            # No kept titles: the first frame to wait for is the loaded list, so load at once.
            self.load_articles(self.paths)
        self.call_after_refresh(self._start)

    def _loads_files(self) -> bool:
        return self.analysis is None and not self.initial_articles

    async def _start(self) -> None:
        """After the first frame (the list): the rest of the screen, then the articles (loaded
        meanwhile, in a thread; what it posts is handled once the reader is there)."""
        if self._loads_files() and self.titles:
            self.load_articles(self.paths)  # the kept titles are drawn: now the articles
        try:
            await self.main.mount_reader()
        except MountError:
            if self.main.is_attached:
                raise
            return  # the app closed meanwhile (quit at once, or the load failed): nothing to finish
        self._warn(self.startup_warnings)
        if self.analysis is not None:
            self.call_after_refresh(self._analysis_ready, self.analysis)
        elif self.initial_articles:
            self.call_after_refresh(self._articles_loaded, self.initial_articles)
        early, self._early = self._early, []
        for handle in early:
            handle()

    def _remember_theme(self, _theme: object) -> None:
        if not self.remember_theme or self.config.theme == self.theme:
            return
        self.config.theme = self.theme
        problem = save_config(self.config, self._config_path)
        if problem:
            self.notify(problem, severity="warning")

    # -- workers ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load_articles(self, paths: Sequence[str]) -> None:
        from tuireader.sources.batches import load_in_batches
        from tuireader.sources.files import CorpusError
        from tuireader.ui.messages import ArticlesLoaded, LoadFailed

        worker = get_current_worker()
        loaded: list[Article] = []
        warned = False

        def arrived(articles: list[Article], warnings: list[str], done: bool) -> None:
            nonlocal warned
            loaded.extend(articles)
            warned = warned or bool(warnings)
            self.post_message(ArticlesLoaded(articles, warnings, done))

        try:
            load_in_batches(
                paths, arrived, self.store, workers=self.settings.workers, cancelled=lambda: worker.is_cancelled
            )
        except CorpusError as exc:
            self.post_message(LoadFailed(str(exc)))
            return
        if self.store is not None and not warned and not worker.is_cancelled:
            self._keep_titles(self.store, paths, loaded)

    def _keep_titles(self, store: Store, paths: Sequence[str], articles: list[Article]) -> None:
        """Keep the list's first screen for the next start (in the loading worker, after a clean load)."""
        from pathlib import Path

        from tuireader.sources import bundled_seeds
        from tuireader.sources.files import discover
        from tuireader.sources.titles import keep_titles
        from tuireader.ui.reader.article_list import title_rows

        rows = title_rows(articles)
        if rows == self.titles:
            return  # what was shown is still right: nothing to write
        folders: list[Path] = [Path(p) for p in paths] or [bundled_seeds()]
        keep_titles(store, folders, discover(folders, lambda _problem: None), rows)

    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis")
    def analyse(self, articles: list[Article]) -> None:
        from tuireader.core.pipeline import Cancelled, analyze
        from tuireader.ui.messages import AnalysisFailed, AnalysisProgress, AnalysisReady, IndexReady

        worker = get_current_worker()
        self.post_message(IndexReady(self.search_index(articles)))

        def progress(stage: str, done: int, total: int) -> None:
            self.post_message(AnalysisProgress(stage, done, total))

        try:
            analysis = analyze(
                articles,
                store=self.store,
                workers=self.settings.workers,
                progress=progress,
                cancelled=lambda: worker.is_cancelled,
            )
        except Cancelled:
            return
        except Exception as exc:  # the reader stays usable without the analysis
            self.post_message(AnalysisFailed(f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(AnalysisReady(analysis))
        if not worker.is_cancelled:
            self.post_message(IndexReady(self.search_index(articles, analysis)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="index")
    def build_index(self, analysis: Analysis) -> None:
        from tuireader.ui.messages import IndexReady

        self.post_message(IndexReady(self.search_index(analysis.articles, analysis)))

    def search_index(self, articles: Sequence[Article], analysis: Analysis | None = None) -> SearchIndex:
        """The search over titles, names and topics, and the articles' text (one full-text index
        per set of articles, kept when the analysis arrives for the same articles). In a worker."""
        from tuireader.core.search import SearchIndex
        from tuireader.store.fulltext import FullTextIndex

        ids = tuple(a.id for a in articles)
        if self._fulltext is None or self._fulltext[0] != ids:
            self._fulltext = (ids, FullTextIndex(articles))
        return SearchIndex(articles, analysis, text=self._fulltext[1])

    # -- messages from the workers ---------------------------------------------------------

    def on_articles_loaded(self, message: ArticlesLoaded) -> None:
        from tuireader.ui.reader.article_list import title_rows

        if not self.main.reader_mounted:
            # Loaded before the reader is there (a first start): the titles at once, the rest in ``_start``.
            self._early_articles.extend(message.articles)
            self.main.show_titles(title_rows(self._early_articles))
            self._early.append(partial(self.on_articles_loaded, message))
            return
        self.call_after_refresh(gc.enable)  # the CLI turns it off until the titles are drawn
        self._warn(message.warnings)
        self._arrived.extend(message.articles)
        if message.done:
            articles, self._arrived = self._arrived, []
            self._articles_loaded(articles)
        else:
            # Readable at once; the analysis starts when the last batch is in.
            self.sub_title = f"{len(self._arrived)} articles (loading…)"
            self.main.set_articles(list(self._arrived))

    def _articles_loaded(self, articles: list[Article]) -> None:
        self.call_after_refresh(gc.enable)  # the CLI turns it off until the titles are drawn
        self.initial_articles = articles
        self.sub_title = f"{len(articles)} articles"
        self.main.set_articles(articles)
        if self.run_analysis:
            # After the titles are drawn: the analysis thread competes with the UI for the GIL.
            self.call_after_refresh(self.analyse, articles)
        else:
            self.main.set_index(self.search_index(articles))
            self.main.work_done()

    def on_load_failed(self, message: LoadFailed) -> None:
        if not self.main.reader_mounted:
            self._early.append(partial(self.on_load_failed, message))  # not while the screen is mounting
            return
        self.exit(return_code=2, message=f"tuireader: error: {message.error}")

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        self.main.set_progress(message.stage, message.done, message.total)

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        self._analysis_ready(message.analysis, index=False)

    def _analysis_ready(self, analysis: Analysis, index: bool = True) -> None:
        self.call_after_refresh(gc.enable)  # the CLI turns it off until the titles are drawn
        self.analysis = analysis
        # The analysis lives as long as the app: move it out of the cyclic collector's reach, so
        # full collections (set off by typing in the filter) need not walk millions of its objects.
        gc.freeze()
        facts = len(analysis.facts)
        disagreements = sum(len(f.disagreements) for f in analysis.facts)
        self.sub_title = f"{len(analysis.articles)} articles · {facts} facts · {disagreements} disagreements"
        self.main.set_analysis(analysis)
        self.main.work_done()
        if index:
            self.build_index(analysis)

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        self.main.work_done()
        self.notify(f"Analysis failed: {message.error}. Articles can still be read.", severity="error", timeout=10)

    def on_index_ready(self, message: IndexReady) -> None:
        # The index, and the screen built by now, live as long as the analysis: out of the cyclic
        # collector's reach too, or each full collection while typing walks them (20-60 ms).
        gc.freeze()
        self.main.set_index(message.index)

    # -- actions ---------------------------------------------------------------------------

    def binding_owners(self) -> list[tuple[str, DOMNode]]:
        """The nodes whose bindings the help screen and the command palette list."""
        from tuireader.ui.reader.article_list import ArticleList
        from tuireader.ui.reader.entities_panel import EntitiesPanel
        from tuireader.ui.reader.filter_input import FilterInput
        from tuireader.ui.reader.reading_pane import ReadingPane

        main = self.main
        if not main.loaded:  # the first frame: the list alone
            return [("Everywhere", self), ("Article list", main.query_one(ArticleList))]
        return [
            ("Everywhere", self),
            ("Article list and reader", main),
            ("Article list", main.query_one(ArticleList)),
            ("Reading an article", main.query_one(ReadingPane)),
            ("People & topics panel", main.query_one(EntitiesPanel)),
            ("Filter box", main.query_one(FilterInput)),
        ]

    def action_help(self) -> None:
        self.main.when_loaded(self._help)  # asked for on the first frame: once the reader is there

    def _help(self) -> None:
        from tuireader.ui.dialogs.help import HelpScreen, help_title, own_bindings, sections_for

        if isinstance(self.screen, HelpScreen):
            return
        owners = self.binding_owners()
        screen = self.screen
        if screen is not self.main:
            # Another screen (compare, overview): the keys that work there, screen then panes.
            extra: list[tuple[str, DOMNode]] = [(help_title(screen), screen)]
            seen: set[type[DOMNode]] = {type(screen)}
            for node in screen.query("*"):
                if type(node) not in seen and own_bindings(node):
                    seen.add(type(node))
                    extra.append((help_title(node), node))
            owners = [owners[0], *extra]
        self.push_screen(HelpScreen(sections_for(owners)))


def make_app(
    source: Corpus | Analysis | Sequence[Article] | Sequence[str] | None = None,
    store: Store | None = None,
    *,
    settings: Settings | None = None,
    **options: Any,
) -> ReaderApp:
    """The app, from paths (loaded in a worker), loaded articles, a ``Corpus`` or a finished ``Analysis``.

    ``store`` keeps loaded files and analyses between runs (None: nothing kept); ``settings`` gives
    the number of worker processes. ``options``: ``theme``, ``remember_theme``, ``run_analysis``.
    """
    options = {"store": store, "settings": settings, **options}
    if source is None or (isinstance(source, list | tuple) and all(isinstance(p, str) for p in source)):
        return ReaderApp(paths=list(source or []), **options)  # the usual start: files load in the app
    # Not imported on the usual start, before the first frame.
    from tuireader.model import Analysis, Article
    from tuireader.sources.files import Corpus

    if isinstance(source, Analysis):
        return ReaderApp(analysis=source, **options)

    if isinstance(source, Corpus):
        return ReaderApp(articles=source.articles, warnings=source.warnings, **options)
    items: list[Any] = list(source or [])
    if items and all(isinstance(item, Article) for item in items):
        return ReaderApp(articles=items, **options)
    return ReaderApp(paths=[str(p) for p in items], **options)
