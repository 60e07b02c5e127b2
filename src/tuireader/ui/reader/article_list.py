"""The article list: a virtualised ``ScrollView`` drawn line by line (Textual's Line API).

Only the rows on screen are ever rendered, and swapping in a new filter result is one list
assignment, so typing stays smooth with 10,000 articles (a DataTable measured every cell of
every row on each rebuild: about 1.8 s for 9,000 rows). Each article takes two lines: the
headline with counts of facts, quotes and disagreements, then "source · date" and what the
filter matched. Unfiltered, articles are grouped under story header lines when the corpus
holds more than one story; filtered, they are ranked by score with the matched characters lit.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, overload

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

from tuireader.ui.bindings import ARTICLE_LIST_KEYS
from tuireader.ui.text import article_meta, foreground, highlight, plain

if TYPE_CHECKING:
    from tuireader.core.digest import ArticleCounts
    from tuireader.core.search import SearchResult
    from tuireader.model import Analysis, Article, Story
    from tuireader.sources.titles import TitleRow

# The model, the analysis digest and the highlighting are imported where they are first needed:
# the list is on the app's first frame, which shows titles before any of them is loaded.

STORY_PREFIX = "story:"
SORTS = ("corpus", "date", "disagreements", "source")
SORT_NAMES = {
    "corpus": "as loaded",
    "date": "newest first",
    "disagreements": "most disagreements first",
    "source": "by source",
}
COUNT_WIDTH = 4  # each count column, with its leading space
COUNT_COLUMNS = ("Fct", "Quo", "Dis")
# Fields of a match worth naming under the headline (values of ``core.search.Field``).
_FIELD_NAMES = {"person": "person", "org": "org", "place": "place", "topic": "topic", "source": "source"}


@dataclass(frozen=True, slots=True)
class Row:
    key: str  # article id, or "story:<id>" for a story header
    result: int | None = None  # index into the list's search results
    story: Story | None = None

    @property
    def height(self) -> int:
        return 1 if self.story is not None else 2


class ResultRows(Sequence[Row]):
    """Rows for ranked search results, made on demand: a filter over 10,000 articles then costs a
    few list operations per key instead of 10,000 ``Row`` objects (~25 ms)."""

    def __init__(self, ids: list[str], results: Sequence[int]) -> None:
        self.ids = ids
        self.results = results  # each id's index into the search results

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...
    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        if isinstance(index, slice):
            return [Row(aid, r) for aid, r in zip(self.ids[index], self.results[index], strict=True)]
        return Row(self.ids[index], self.results[index])


def snippet_around(sentence: str, positions: Sequence[int], room: int) -> tuple[str, list[int]]:
    """The part of ``sentence`` that fits in ``room`` cells with the matched letters in view
    (an ellipsis where it is cut), and the positions shifted to it."""
    words = " ".join(sentence.split())
    if len(words) != len(sentence):  # whitespace folded: map positions by counting letters
        keep = [i for i, ch in enumerate(sentence) if not ch.isspace() or (i and not sentence[i - 1].isspace())]
        where = {old: new for new, old in enumerate(keep)}
        sentence, positions = words, [where[p] for p in positions if p in where]
    if len(sentence) <= room:
        return sentence, list(positions)
    first = positions[0] if positions else 0
    start = max(0, min(first - room // 3, len(sentence) - room + 1))
    end = start + room - 1 - (1 if start else 0)
    cut = ("…" if start else "") + sentence[start:end] + ("…" if end < len(sentence) else "")
    shift = (1 if start else 0) - start
    return cut, [p + shift for p in positions if start <= p < end]


def title_rows(articles: Sequence[Article]) -> list[TitleRow]:
    """What the list shows of each article before the analysis: its id, headline and byline."""
    from tuireader.core.source_names import source_labels

    names = source_labels(articles)
    return [(a.id, a.title, article_meta(a, names[a.id])) for a in articles]


def header_line(width: int) -> Text:
    """The column titles above the list."""
    counts = "".join(f"{name:>{COUNT_WIDTH}}" for name in COUNT_COLUMNS)
    title = max(1, width - len(counts) - 3)
    return plain(" " + "Article".ljust(title)[:title] + " " + counts)


class ListHeader(Static):
    """Column titles, fitted to the list's width."""

    def render(self) -> Text:
        return header_line(self.size.width)


class ArticleList(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {  # noqa: RUF012 (Textual's own convention)
        "article-list--cursor",
        "article-list--match",
        "article-list--meta",
        "article-list--story",
        "article-list--warn",
    }
    BINDINGS = [  # noqa: RUF012
        *ARTICLE_LIST_KEYS,
        Binding("enter", "read", "Read article"),
        Binding("s", "cycle_sort", "Sort articles", show=False),
    ]
    HELP_HIDDEN = ("scroll_left", "scroll_right", "page_left", "page_right")

    cursor: reactive[int] = reactive(0, init=False, always_update=True)

    @dataclass
    class ArticleHighlighted(Message):
        article: str | None  # None when a story header is highlighted
        story: str | None

    @dataclass
    class ReadRequested(Message):
        article: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.articles: dict[str, Article] = {}
        # Headline and byline by article id, kept from the last start (``show_titles``), shown
        # until the articles themselves are loaded.
        self.titles: dict[str, tuple[str, str]] = {}
        self.names: dict[str, str] = {}  # article id -> source label (``source_labels``)
        self.order: list[str] = []
        self.analysis: Analysis | None = None
        self.counts: dict[str, ArticleCounts] = {}
        self.results: Sequence[SearchResult] | None = None
        self.sort = "corpus"
        self.rows: Sequence[Row] = []
        self.shown: list[str] = []  # article ids in row order (headers excluded)
        self._tops: Sequence[int] = []  # first line of each row
        # Row of each article id; for a filter result built on first use (``_row_of``), not per key.
        self._index: dict[str, int] | None = {}
        self._cache: dict[tuple[int, int, int, bool], Strip] = {}
        self._styles: dict[str, Style] = {}  # component styles, resolved once per refresh of the cache

    # -- data ------------------------------------------------------------------------------

    def show_titles(self, rows: Sequence[TitleRow]) -> None:
        """The kept first screen: headlines and bylines, in order, until ``set_articles``."""
        self.titles = {aid: (title, byline) for aid, title, byline in rows}
        self.order = list(self.titles)
        self._rebuild()

    def set_articles(self, articles: Sequence[Article], analysis: Analysis | None) -> None:
        from tuireader.core.source_names import source_labels

        self.titles = {}
        self.articles = {a.id: a for a in articles}
        self.names = source_labels(articles)
        self.order = [a.id for a in articles]
        self.analysis = analysis
        self.counts = _counts(analysis) if analysis is not None else {}
        self._rebuild()

    def set_results(self, results: Sequence[SearchResult] | None) -> None:
        """Show these search results in rank order, or everything (``None``)."""
        self.results = results
        # A new query puts the best match first and under the cursor (fzf); clearing keeps the place.
        self._rebuild(keep_place=results is None)

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def current_row(self) -> Row | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    @property
    def current_article(self) -> str | None:
        row = self.current_row
        return row.key if row is not None and row.story is None else None

    def result_for(self, article_id: str) -> SearchResult | None:
        """The search result that listed ``article_id`` (None when the list is not filtered)."""
        index = self._row_of(article_id)
        if index is None or self.results is None:
            return None
        row = self.rows[index]
        return self.results[row.result] if row.result is not None else None

    def select_article(self, article_id: str) -> bool:
        index = self._row_of(article_id)
        if index is None:
            return False
        self.cursor = index
        return True

    def row_text(self, index: int) -> str:
        """The row's text as shown (for tests and screen readers)."""
        return "\n".join(line.plain for line in self._row_lines(self.rows[index], 200))

    def _rebuild(self, keep_place: bool = True) -> None:
        previous = self.current_article if keep_place else None
        if self.results is not None:
            results = self.results
            # SearchResults carries the ids ready-made; building 10,000 results just to read ids is waste.
            ids = list(getattr(results, "article_ids", None) or [r.article for r in results])
            known = self.articles
            kept = ids
            positions: Sequence[int] = range(len(ids))
            if not all(map(known.__contains__, ids)):  # (a C loop: no list of 10,000 when all are in)
                kept = [aid for aid in ids if aid in known]
                positions = [i for i, aid in enumerate(ids) if aid in known]
            self.rows = ResultRows(kept, positions)
            self.shown = kept
            # Every result row is two lines: no story headers to measure.
            self._tops = range(0, 2 * len(kept), 2)
            self._index = None
            line = 2 * len(kept)
        else:
            rows: list[Row] = []
            for story, group in self._groups():
                if story is not None:
                    rows.append(Row(STORY_PREFIX + story.id, story=story))
                rows.extend(Row(aid) for aid in group)
            self.shown = [r.key for r in rows if r.story is None]
            tops: list[int] = []
            line = 0
            for r in rows:
                tops.append(line)
                line += r.height
            self.rows, self._tops = rows, tops
            self._index = {r.key: i for i, r in enumerate(rows)}
        self._clear_cache()
        self.virtual_size = Size(self.size.width, line + 1)  # a spare line: rows can start at the top
        target = self._row_of(previous) if previous is not None else None
        if target is None and self.shown and not isinstance(self.rows, ResultRows):
            target = self._row_of(self.shown[0])  # the first article, under its story's header
        if target is None:
            target = 0
        if not keep_place:
            self.scroll_to(y=0, animate=False, immediate=True)
        self.cursor = target
        self.refresh()

    def _row_of(self, article_id: str) -> int | None:
        if self._index is None:
            if self.results is not None and isinstance(self.rows, ResultRows):
                # Result rows are the listed ids in order, and each article is listed once.
                self._index = dict(zip(self.rows.ids, range(len(self.rows.ids)), strict=True))
            else:
                self._index = {r.key: i for i, r in enumerate(self.rows)}
        return self._index.get(article_id)

    def action_cycle_sort(self) -> None:
        """Corpus order, newest first, most disagreements first, by source (within each story)."""
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._rebuild()
        note = " (a filter ranks by match; clear it to see this order)" if self.results is not None else ""
        self.notify(f"Sorted: {SORT_NAMES[self.sort]}{note}", timeout=2)

    def _sorted(self, ids: list[str]) -> list[str]:
        if not self.articles:
            return ids  # kept titles only: sorted once the articles are in
        from tuireader.core.digest import ArticleCounts

        if self.sort == "date":
            # Newest first; undated articles last, in corpus order.
            return sorted(ids, key=lambda a: self.articles[a].published or "", reverse=True)
        if self.sort == "disagreements":
            zero = ArticleCounts()
            return sorted(ids, key=lambda a: -self.counts.get(a, zero).disagreements)
        if self.sort == "source":
            # Named outlets alphabetically, then the articles whose source is not known, in corpus order.
            return sorted(ids, key=lambda a: (not self.articles[a].source, self.articles[a].source.lower()))
        return ids

    def _groups(self) -> list[tuple[Story | None, list[str]]]:
        stories = self.analysis.stories if self.analysis is not None else []
        if len(stories) <= 1:
            return [(None, self._sorted(list(self.order)))]
        groups: list[tuple[Story | None, list[str]]] = []
        placed: set[str] = set()
        for s in stories:
            ids = [a for a in s.articles if a in self.articles and a not in placed]
            placed.update(ids)
            if ids:
                groups.append((s, self._sorted(ids)))
        rest = [a for a in self.order if a not in placed]
        if rest:
            from tuireader.model import Story

            groups.append((Story("unsorted", "Other articles", tuple(rest)), self._sorted(rest)))
        return groups

    # -- drawing ---------------------------------------------------------------------------

    def style_for(self, name: str) -> Style:
        # Full styles resolve colours with alpha ($text-muted) against the background; the
        # background itself is dropped so spans keep the cursor's.
        style = self._styles.get(name)
        if style is None:
            style = self.get_component_rich_style(name)
            if name != "article-list--cursor":
                style = foreground(style)
            self._styles[name] = style
        return style

    def _clear_cache(self) -> None:
        """Forget drawn lines (and the styles they used): the rows, the cursor or the styles changed."""
        self._cache.clear()
        self._styles.clear()

    def _row_lines(self, row: Row, width: int) -> list[Text]:
        meta, match = self.style_for("article-list--meta"), self.style_for("article-list--match")
        if row.story is not None:
            line = plain(f"▌ {row.story.label}", self.style_for("article-list--story"))
            line.append(f" ({len(self.rows_of_story(row.story))})", meta)
            return [line]
        article = self.articles.get(row.key)
        result = self.results[row.result] if (row.result is not None and self.results is not None) else None
        counts = self.counts.get(row.key)
        if counts is None:
            cells = "".join(f"{'…':>{COUNT_WIDTH}}" for _ in COUNT_COLUMNS)
            tail = plain(cells, meta)
        else:
            tail = plain(f"{counts.facts:>{COUNT_WIDTH}}{counts.quotes:>{COUNT_WIDTH}}")
            warn = self.style_for("article-list--warn") if counts.disagreements else Style()
            tail.append(f"{counts.disagreements:>{COUNT_WIDTH}}", warn)
        # One column spare on the right, where the scrollbar goes.
        title_width = max(1, width - tail.cell_len - 3)
        headline, byline = self.titles[row.key] if article is None else (article.title, "")
        title = highlight(headline, result.title_positions if result else (), match)
        title.truncate(title_width, overflow="ellipsis", pad=True)
        first = plain(" ") + title + plain(" ") + tail
        text_match = result.text_match if result is not None else None
        # Found in the text: the sentence needs the room more than the date does.
        if article is not None:
            byline = self.names[article.id] if text_match is not None else article_meta(article, self.names[article.id])
        second = plain(" " + byline, meta)
        if result is not None:
            for m in result.matches:
                if m.field in _FIELD_NAMES:
                    second.append(f"  {_FIELD_NAMES[m.field]}: ", meta)
                    second.append_text(highlight(m.text, m.positions, match, meta))
            text = text_match
            if text is not None:
                room = max(24, width - second.cell_len - 5)
                snippet, positions = snippet_around(text.text, text.positions, room)
                second.append("  ", meta)
                second.append_text(highlight(snippet, positions, match, meta))
        return [first, second]

    def rows_of_story(self, story: Story) -> list[str]:
        return [a for a in story.articles if a in self.articles]

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = y + self.scroll_offset.y
        # The widget's own style walks its ancestors to blend backgrounds: once per cache, not per line
        # (it was most of the time the list took on the app's first frame).
        base = self._styles.get("")
        if base is None:
            base = self._styles[""] = self.rich_style
        if not self.rows or line < 0 or line >= self._tops[-1] + self.rows[-1].height:
            return Strip.blank(width, base)
        index = bisect_right(self._tops, line) - 1
        offset = line - self._tops[index]
        is_cursor = index == self.cursor
        key = (index, offset, width, is_cursor)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        # Both lines of a row come from one ``_row_lines`` call: draw and keep them together.
        style = base + self.style_for("article-list--cursor") if is_cursor else base
        if len(self._cache) > 2000:
            self._cache.clear()
        console = self.app.console
        for number, text in enumerate(self._row_lines(self.rows[index], width)):
            text.truncate(width, overflow="ellipsis")
            segments = list(text.render(console))
            strip = Strip(segments).apply_style(style).extend_cell_length(width, style).crop(0, width)
            self._cache[(index, number, width, is_cursor)] = strip
        return self._cache[key]

    def on_resize(self, event: events.Resize) -> None:
        self._clear_cache()
        lines = self._tops[-1] + self.rows[-1].height if self.rows else 0
        self.virtual_size = Size(event.size.width, lines + 1)
        # A smaller terminal must not leave the cursor's row off-screen.
        self.call_after_refresh(self._show_cursor)

    def on_focus(self) -> None:
        self._clear_cache()
        self.refresh()

    def on_blur(self) -> None:
        self._clear_cache()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._clear_cache()

    # -- the cursor ------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        # Drawn lines are kept per (row, cursor or not): moving the cursor needs no cache flush.
        self.refresh()
        row = self.current_row
        if row is None:
            return
        self._show_cursor()
        if row.story is not None:
            self.post_message(self.ArticleHighlighted(None, row.story.id))
        else:
            self.post_message(self.ArticleHighlighted(row.key, None))

    def _show_cursor(self) -> None:
        """Scroll the cursor's row fully into view, the top of the list on a row boundary (an odd
        number of lines at 80x24 otherwise leaves half a row at the top)."""
        row = self.current_row
        if row is None:
            return
        top = self._tops[self.cursor]
        self.scroll_to_region(Region(0, top, 1, row.height), animate=False, immediate=True)
        y = round(self.scroll_offset.y)
        first = bisect_right(self._tops, y) - 1
        if 0 <= first < len(self._tops) and self._tops[first] != y and first + 1 < len(self._tops):
            aligned = self._tops[first + 1]
            if aligned <= top and top + row.height <= aligned + self.scrollable_content_region.height:
                self.scroll_to(y=aligned, animate=False, immediate=True)

    def action_move(self, step: int) -> None:
        self.cursor += step

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.rows) - 1

    def action_page(self, step: int) -> None:
        rows = max(1, self.scrollable_content_region.height // 2)
        self.cursor += step * rows

    def action_read(self) -> None:
        article = self.current_article
        if article is not None:
            self.post_message(self.ReadRequested(article))

    def on_click(self, event: events.Click) -> None:
        line = event.y + self.scroll_offset.y
        if not self.rows or line < 0:
            return
        index = bisect_right(self._tops, line) - 1
        if 0 <= index < len(self.rows):
            self.cursor = index
            if event.chain >= 2:
                self.action_read()


def _counts(analysis: Analysis) -> dict[str, ArticleCounts]:
    """The digest's counts, with disagreements counted as the reader's ``d`` stops at them:
    once per place in the article, however many facts flag it."""
    from tuireader.core.digest import ArticleCounts, article_counts
    from tuireader.ui.reader.targets import disagreement_places

    places = disagreement_places(analysis)
    return {aid: ArticleCounts(c.facts, c.quotes, places.get(aid, 0)) for aid, c in article_counts(analysis).items()}
