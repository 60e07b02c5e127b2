"""RSS and Atom feeds: list the entries, pick some, load them as articles.

An entry becomes an article by fetching its link (concurrently, through ``sources.web``), because
feeds usually carry only a teaser. The entry's own text stands in when the page cannot be fetched,
and is used directly when the feed already carries the full article (``content:encoded`` or Atom
``content`` of article length), which saves a download and works for feeds of paywalled sites.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from tuireader.sources.files import Corpus, CorpusError, RawArticle, load_raw
from tuireader.sources.load import page_articles
from tuireader.sources.web import (
    FEED_TYPES,
    FetchOptions,
    Progress,
    fetch_pages,
    is_url,
)
from tuireader.storage import Store

FULL_CONTENT_WORDS = 150  # an entry body this long is the article itself, not a teaser
MAX_FEED_BYTES = 20 * 1024 * 1024


class FeedError(Exception):
    """The feed cannot be read; one line for the user."""


@dataclass(frozen=True, slots=True)
class FeedEntry:
    number: int  # 1-based, as listed to the user
    title: str
    link: str | None = None
    published: str | None = None  # ISO date
    author: str | None = None
    summary: str = ""  # plain text
    content: str = ""  # plain text of the full content, when the feed carries it

    @property
    def has_full_content(self) -> bool:
        return len(self.content.split()) >= FULL_CONTENT_WORDS


@dataclass(frozen=True, slots=True)
class Feed:
    source: str  # the URL or path it came from
    title: str
    link: str | None
    entries: tuple[FeedEntry, ...]
    note: str | None = None  # e.g. served from the cache because the network failed


# ---------------------------------------------------------------------------------------------
# HTML fragments in feeds to plain text


class _TextCollector(HTMLParser):
    BLOCKS = frozenset(
        {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section"}
    )
    SKIP = frozenset({"script", "style", "noscript", "figure", "figcaption"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Paragraphs of an HTML fragment as text separated by blank lines."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    paragraphs = (" ".join(p.split()) for p in "".join(collector.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


# ---------------------------------------------------------------------------------------------
# Parsing


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC).date().isoformat()
    return None


def _entry_text(values: Sequence[Any]) -> str:
    best = ""
    for value in values:
        raw = str(value.get("value", "")) if hasattr(value, "get") else str(value)
        kind = str(value.get("type", "text/html")) if hasattr(value, "get") else "text/html"
        text = html_to_text(raw) if "html" in kind else "\n\n".join(p.strip() for p in raw.split("\n\n") if p.strip())
        if len(text) > len(best):
            best = text
    return best


def parse_feed(data: bytes | str, source: str) -> Feed:
    """Parse RSS or Atom; raise ``FeedError`` when it is neither or holds no entries."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({str(problem).splitlines()[0]})" if problem else ""
        raise FeedError(f"{source}: not an RSS or Atom feed{detail}")
    base = source if is_url(source) else None
    entries: list[FeedEntry] = []
    for number, entry in enumerate(parsed.entries, 1):
        link = entry.get("link") or None
        if link and base:
            link = urljoin(base, link)
        summary = _entry_text([entry.get("summary_detail") or entry.get("summary", "")])
        content = _entry_text(entry.get("content", []))
        title = " ".join(str(entry.get("title") or "").split()) or (summary[:80] or f"entry {number}")
        entries.append(
            FeedEntry(
                number=number,
                title=title,
                link=link,
                published=_date(entry),
                author=" ".join(str(entry.get("author") or "").split()) or None,
                summary=summary,
                content=content,
            )
        )
    if not entries:
        raise FeedError(f"{source}: the feed has no entries")
    info = parsed.feed
    return Feed(
        source=source,
        title=" ".join(str(info.get("title") or "").split()) or source,
        link=info.get("link") or None,
        entries=tuple(entries),
    )


def read_feed(
    target: str,
    *,
    options: FetchOptions | None = None,
    store: Store | None = None,
    follow: bool = True,
) -> Feed:
    """A feed from a URL (downloaded, cached like pages) or a local file.

    Given a site's page instead, ``follow`` reads the feed the page advertises (one hop only).
    """
    if is_url(target):
        result = fetch_pages([target], options=options, store=store, accept=FEED_TYPES)[target]
        if result.page is None:
            raise FeedError(result.message or f"{target}: cannot be fetched")
        try:
            feed = parse_feed(result.page.body, target)
        except FeedError:
            # A site's page rather than its feed: follow the feed it advertises, once.
            found = discover_feed(result.page.text, result.page.final_url)
            if not follow or found is None or found == target or not is_url(found):
                raise
            return read_feed(found, options=options, store=store, follow=False)
        return Feed(feed.source, feed.title, feed.link, feed.entries, note=result.message)
    path = Path(target).expanduser()
    try:
        if path.stat().st_size > MAX_FEED_BYTES:
            raise FeedError(f"{target}: too large for a feed")
        data = path.read_bytes()
    except FileNotFoundError:
        raise FeedError(f"{target}: no such file") from None
    except OSError as exc:
        raise FeedError(f"{target}: cannot read ({exc.strerror or exc})") from None
    return parse_feed(data, target)


_ALTERNATE = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def discover_feed(html: str, base: str) -> str | None:
    """The first RSS or Atom feed a page advertises with ``<link rel="alternate" type=...>``."""
    for tag in _ALTERNATE.findall(html[:200_000]):
        attrs = {m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or "" for m in _ATTR.finditer(tag)}
        kind = attrs.get("type", "").lower()
        if "alternate" in attrs.get("rel", "").lower().split() and kind in FEED_TYPES - {"text/html", "text/plain"}:
            href = unescape(attrs.get("href", "")).strip()
            if href:
                return urljoin(base, href)
    return None


# ---------------------------------------------------------------------------------------------
# Choosing entries

_RANGE = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$")


def parse_pick(spec: str, count: int) -> list[int]:
    """Entry numbers from "1,3-5" (1-based, in the order given, no repeats).

    Raises ``ValueError`` with a one-line message naming the bad part.
    """
    if spec.strip().lower() == "all":
        return list(range(1, count + 1))
    chosen: list[int] = []
    for part in spec.split(","):
        if not part.strip():
            continue
        match = _RANGE.match(part)
        if not match:
            raise ValueError(f"cannot read {part.strip()!r} as an entry number or range like 3-5")
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if first > last:
            raise ValueError(f"range {part.strip()} runs backwards")
        if first < 1 or last > count:
            raise ValueError(f"{part.strip()} is out of range: the feed has entries 1-{count}")
        chosen.extend(n for n in range(first, last + 1) if n not in chosen)
    if not chosen:
        raise ValueError("no entries chosen")
    return chosen


# ---------------------------------------------------------------------------------------------
# Entries into articles


def _entry_raw(entry: FeedEntry, feed: Feed, text: str) -> RawArticle:
    return RawArticle(
        path=entry.link or f"{feed.source}#entry-{entry.number}",
        text=text,
        title=entry.title,
        source=feed.title,
        published=entry.published,
        url=entry.link,
        author=entry.author,
    )


def load_entries(
    feed: Feed,
    entries: Sequence[FeedEntry],
    *,
    options: FetchOptions | None = None,
    store: Store | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Corpus:
    """Articles for the chosen entries, in the order chosen. Raises ``CorpusError`` if none load."""
    to_fetch = [e.link for e in entries if e.link and not e.has_full_content]
    fetched = fetch_pages(to_fetch, options=options, store=store, progress=progress, cancelled=cancelled)
    corpus = Corpus()
    warn = corpus.warnings.append
    seen: dict[str, str] = {}
    for entry in entries:
        name = f"entry {entry.number} ({entry.title})"
        if entry.has_full_content:
            load_raw([_entry_raw(entry, feed, entry.content)], corpus, seen)
            continue
        result = fetched.get(entry.link or "")
        raws: list[RawArticle] = []
        problem = "it has no link"
        if result is not None:
            if result.page is not None:
                if result.message:  # a cached copy stood in for the page
                    warn(result.message)
                raws = [_fill(raw, entry, feed) for raw in page_articles(result.page, warn, source=feed.title)]
            problem = f"{result.url}: {result.error}" if result.error else "no article text on the page"
        if raws:
            load_raw(raws, corpus, seen)
            continue
        fallback = entry.content or entry.summary
        if fallback:
            what = "content" if entry.content else "summary"
            warn(f"{name}: {problem}; using the feed's {what} instead ({len(fallback.split())} words)")
            load_raw([_entry_raw(entry, feed, fallback)], corpus, seen)
        else:
            warn(f"{name}: skipped, {problem} and the feed gives no text")
    if not corpus.articles:
        raise CorpusError(corpus.warnings[-1] if corpus.warnings else "none of the chosen entries has any text")
    return corpus


def _fill(raw: RawArticle, entry: FeedEntry, feed: Feed) -> RawArticle:
    """Page metadata first; the feed's fills the gaps (trafilatura misses dates on many sites)."""
    return replace(
        raw,
        title=raw.title or entry.title,
        published=raw.published or entry.published,
        author=raw.author or entry.author,
        url=raw.url or entry.link,
    )
