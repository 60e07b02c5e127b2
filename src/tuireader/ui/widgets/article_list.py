"""The article list: a virtualised DataTable (fixed-height rows, no widget per row).

Each row is a headline over a "source · date" line, with counts of facts, quotes and
disagreements. Unfiltered, articles are grouped under story header rows when the corpus holds
more than one story; filtered, they are ranked by score with the matched characters lit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.style import Style
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from tuireader.core.models import Analysis, Article, Story
from tuireader.core.search import Field, SearchResult
from tuireader.ui.render import ArticleCounts, TwoLineCell, article_counts, article_meta, highlight, plain

STORY_PREFIX = "story:"
_FIELD_NAMES = {
    Field.PERSON: "person",
    Field.ORG: "org",
    Field.PLACE: "place",
    Field.TOPIC: "topic",
    Field.SOURCE: "source",
}


class ArticleList(DataTable[object]):
    """Articles, one two-line row each; story headers are rows keyed ``story:<id>``."""

    COMPONENT_CLASSES = {  # noqa: RUF012 (Textual's own convention)
        "article-list--match",
        "article-list--meta",
        "article-list--story",
        "article-list--warn",
    }
    BINDINGS = [  # noqa: RUF012
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "scroll_top", "First article", show=False),
        Binding("G", "scroll_bottom", "Last article", show=False),
        Binding("ctrl+d", "page_down", "Page down", show=False),
        Binding("ctrl+u", "page_up", "Page up", show=False),
        Binding("enter", "read", "Read article"),
    ]

    # DataTable's column moves mean nothing in a list of rows.
    HELP_HIDDEN = ("cursor_left", "cursor_right", "page_left", "page_right", "select_cursor")

    @dataclass
    class ArticleHighlighted(Message):
        article: str | None  # None when a story header is highlighted
        story: str | None

    @dataclass
    class ReadRequested(Message):
        article: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False, cursor_foreground_priority="renderable")
        self.articles: dict[str, Article] = {}
        self.order: list[str] = []
        self.analysis: Analysis | None = None
        self.counts: dict[str, ArticleCounts] = {}
        self.results: list[SearchResult] | None = None
        self.shown: list[str] = []  # article ids in row order (headers excluded)

    def on_mount(self) -> None:
        self.add_column(plain("Article"), key="article", width=30)
        self.add_column(plain("Fct"), key="facts", width=3)
        self.add_column(plain("Quo"), key="quotes", width=3)
        self.add_column(plain("Dis"), key="disagreements", width=3)
        self._fit_columns()

    def on_resize(self) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        if "article" not in self.columns:
            return
        # Each column renders with one cell of padding either side; leave room for the scrollbar.
        width = max(10, self.size.width - 3 * (3 + 2) - 2 - 2)
        column = self.columns["article"]  # type: ignore[index]
        if column.width != width:
            column.width = width
            self._clear_caches()
            self._require_update_dimensions = True
            self.refresh()

    # -- data ------------------------------------------------------------------------------

    def set_articles(self, articles: Sequence[Article], analysis: Analysis | None) -> None:
        self.articles = {a.id: a for a in articles}
        self.order = [a.id for a in articles]
        self.analysis = analysis
        self.counts = article_counts(analysis) if analysis is not None else {}
        self._rebuild()

    def set_results(self, results: list[SearchResult] | None) -> None:
        """Show these search results in rank order, or everything (``None``)."""
        self.results = results
        # A new query puts the best match first and under the cursor (fzf); clearing keeps the place.
        self._rebuild(keep_place=results is None)

    @property
    def current_article(self) -> str | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return None if key is None or key.startswith(STORY_PREFIX) else key

    def select_article(self, article_id: str) -> bool:
        try:
            index = self.get_row_index(article_id)
        except Exception:
            return False
        self.move_cursor(row=index)
        return True

    def _rebuild(self, keep_place: bool = True) -> None:
        previous = self.current_article if keep_place else None
        self.clear()
        self.shown = []
        match = self.get_component_rich_style("article-list--match")
        meta = self.get_component_rich_style("article-list--meta")
        story = self.get_component_rich_style("article-list--story")
        warn = self.get_component_rich_style("article-list--warn")
        rows: list[tuple[str, list[object], int]] = []
        if self.results is not None:
            for result in self.results:
                if result.article in self.articles:
                    rows.append((result.article, self._row(result.article, result, match, meta, warn), 2))
        else:
            for header, ids in self._groups():
                if header is not None:
                    label = plain(f"▌ {header.label}", story)
                    label.append(f" ({len(ids)})", meta)
                    rows.append((STORY_PREFIX + header.id, [label, "", "", ""], 1))
                rows.extend((aid, self._row(aid, None, match, meta, warn), 2) for aid in ids)
        for key, cells, height in rows:
            self.add_row(*cells, key=key, height=height)
            if not key.startswith(STORY_PREFIX):
                self.shown.append(key)
        if previous is not None and previous in self.shown:
            self.move_cursor(row=self.get_row_index(previous), animate=False)
        elif self.shown:
            self.move_cursor(row=self.get_row_index(self.shown[0]), animate=False)

    def _groups(self) -> list[tuple[Story | None, list[str]]]:
        stories = self.analysis.stories if self.analysis is not None else []
        if len(stories) <= 1:
            return [(None, list(self.order))]
        groups: list[tuple[Story | None, list[str]]] = []
        placed: set[str] = set()
        for s in stories:
            ids = [a for a in s.articles if a in self.articles and a not in placed]
            placed.update(ids)
            if ids:
                groups.append((s, ids))
        rest = [a for a in self.order if a not in placed]
        if rest:
            groups.append((Story("unsorted", "Other articles", tuple(rest)), rest))
        return groups

    def _row(
        self, article_id: str, result: SearchResult | None, match: Style, meta: Style, warn: Style
    ) -> list[object]:
        article = self.articles[article_id]
        title = highlight(article.title, result.title_positions if result else (), match)
        second = plain(article_meta(article), meta)
        if result is not None:
            for m in result.matches:
                if m.field in _FIELD_NAMES:
                    second.append(f"  {_FIELD_NAMES[m.field]}: ", meta)
                    second.append_text(highlight(m.text, m.positions, match, meta))
        counts = self.counts.get(article_id)
        if counts is None:
            return [TwoLineCell(title, second), plain("…", meta), plain("…", meta), plain("…", meta)]
        return [
            TwoLineCell(title, second),
            plain(f"{counts.facts:>3}"),
            plain(f"{counts.quotes:>3}"),
            plain(f"{counts.disagreements:>3}", warn if counts.disagreements else ""),
        ]

    # -- events ----------------------------------------------------------------------------

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        key = event.row_key.value
        if key is None:
            return
        if key.startswith(STORY_PREFIX):
            self.post_message(self.ArticleHighlighted(None, key[len(STORY_PREFIX) :]))
        else:
            self.post_message(self.ArticleHighlighted(key, None))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = event.row_key.value
        if key is not None and not key.startswith(STORY_PREFIX):
            self.post_message(self.ReadRequested(key))

    def action_read(self) -> None:
        article = self.current_article
        if article is not None:
            self.post_message(self.ReadRequested(article))
