"""Loading files and folders into Articles.

Formats: plain text, Markdown with optional YAML front matter, saved HTML pages (the readable
text extracted by trafilatura), and JSON / JSONL with one object per article. Bad files are
skipped with a one-line warning and the good ones still load; only when nothing at all can be
loaded does the caller get a ``CorpusError``. Files are only ever read, never written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tuireader.core.source_names import derived_source
from tuireader.core.text.segment import layout, neutralise, sentences, split_headline
from tuireader.model import Article, Span
from tuireader.safe_line import readable_name
from tuireader.sources import bundled_seeds as bundled_seeds  # still importable from here
from tuireader.storage import Store

TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES

MAX_ARTICLE_BYTES = 4 * 1024 * 1024  # an article longer than this is not an article
MAX_COLLECTION_BYTES = 1024 * 1024 * 1024  # JSON/JSONL files may hold many articles
MAX_TITLE = 90


class CorpusError(Exception):
    """Nothing usable could be loaded; the message is one line for the user.

    ``warnings`` holds the per-file reasons, for callers that show them before the error.
    """

    def __init__(self, message: str, warnings: list[str] | None = None) -> None:
        super().__init__(message)
        self.warnings = warnings or []


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article before normalisation: the text plus whatever metadata the file gave."""

    path: str
    text: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None


SHOWN_DUPLICATES = 3  # duplicates named one by one; the rest are counted on one line


@dataclass(slots=True)
class Corpus:
    articles: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    duplicates: int = 0
    _duplicates_line: int = -1  # index in ``warnings`` of the line counting the rest

    def add(self, article: Article, seen: dict[str, str]) -> None:
        """Add ``article``, or skip it when ``seen`` (article id -> the path that brought that text
        first) already holds its text."""
        if article.id in seen:
            self.skip_duplicate(article.path, seen[article.id])
            return
        seen[article.id] = article.path
        self.articles.append(article)

    def counted_duplicates(self) -> str | None:
        """The line counting the duplicates skipped beyond those named, if any."""
        return self.warnings[self._duplicates_line] if self._duplicates_line >= 0 else None

    def skip_duplicate(self, path: str, first: str) -> None:
        """Say that ``path`` repeats ``first``: the first few by name, then one line counting the
        rest (a feed of 10,000 identical entries gave 9,999 warnings)."""
        self.duplicates += 1
        if self.duplicates <= SHOWN_DUPLICATES:
            self.warnings.append(f"{path}: skipped, same text as {first}")
            return
        more = self.duplicates - SHOWN_DUPLICATES
        line = f"… and {more:,} more article{'s' if more > 1 else ''} skipped, each the same text as an earlier one"
        if self._duplicates_line < 0:
            self._duplicates_line = len(self.warnings)
            self.warnings.append(line)
        else:
            self.warnings[self._duplicates_line] = line


# ---------------------------------------------------------------------------------------------
# Discovery


def discover(paths: Iterable[str | Path], warn: Callable[[str], None]) -> Iterator[Path]:
    """Files to load, folders walked recursively in name order; hidden files skipped."""
    for raw in paths:
        path = Path(raw).expanduser()
        shown = readable_name(str(raw))
        if not path.exists():
            warn(f"{shown}: no such file or folder")
            continue
        if path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                warn(f"{shown}: cannot read this folder (permission denied)")
                continue
            found = False
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if any(part.startswith(".") for part in rel):
                    continue
                if child.suffix.lower() not in SUPPORTED - {""}:
                    if child.is_dir() and not os.access(child, os.R_OK | os.X_OK):
                        warn(f"{readable_name(str(child))}: cannot read this folder (permission denied)")
                    continue
                if child.is_file():
                    found = True
                    yield child
                elif not child.is_dir():
                    warn(f"{readable_name(str(child))}: skipped, not a regular file")
            if not found:
                warn(f"{shown}: folder holds no article files (.txt .md .html .json .jsonl)")
        elif not path.is_file():
            # A FIFO would block the reader for ever; a device could be endless.
            warn(f"{shown}: skipped, not a regular file (a pipe, device or socket)")
        else:
            yield path


# ---------------------------------------------------------------------------------------------
# Decoding


def decode(data: bytes, name: str, warn: Callable[[str], None]) -> str | None:
    """UTF-8 (a BOM is dropped); otherwise Windows-1252 with a warning. None for binary data."""
    head = data[:8192]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        warn(f"{name}: skipped, binary file")
        return None
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            warn(f"{name}: skipped, broken UTF-16")
            return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        warn(f"{name}: not valid UTF-8 (byte {exc.start}); read as Windows-1252, some characters may be wrong")
        return data.decode("cp1252", errors="replace")


# ---------------------------------------------------------------------------------------------
# Formats

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def _meta_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    text = " ".join(str(value).split())
    return text or None


def _iso_date(value: Any) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date, datetime or a string in a common format."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    for fmt in ("%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%d %b %Y", "%a, %d %b %Y %H:%M:%S %z"):
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _from_mapping(path: str, obj: Mapping[str, Any], text: str) -> RawArticle:
    def pick(*keys: str) -> Any:
        for key in keys:
            if obj.get(key) not in (None, ""):
                return obj[key]
        return None

    return RawArticle(
        path=path,
        text=text,
        title=_meta_str(pick("title", "headline")),
        source=_meta_str(pick("source", "site", "sitename", "outlet", "publisher")),
        published=_iso_date(pick("published", "date", "published_at", "pubdate")),
        url=_meta_str(pick("url", "link")),
        author=_meta_str(pick("author", "authors", "byline")),
    )


def parse_markdown(path: str, text: str, warn: Callable[[str], None]) -> list[RawArticle]:
    meta: Mapping[str, Any] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        import yaml

        try:
            # libyaml's loader when present: the pure-Python one was 60% of a cached load.
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            loaded = yaml.load(match.group(1) or "", Loader=loader)
        except yaml.YAMLError:
            warn(f"{path}: front matter is not valid YAML; ignored")
            loaded = None
        if isinstance(loaded, Mapping):
            meta = loaded
        text = text[match.end() :]
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return [_from_mapping(path, meta, text)]


def parse_html(path: str, html: str, warn: Callable[[str], None], url: str | None = None) -> list[RawArticle]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if doc is None:
        warn(f"{path}: no article text found in the HTML page")
        return []
    data: dict[str, Any] = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = data.get("text") or ""
    if not body.strip():
        warn(f"{path}: no article text found in the HTML page")
        return []
    if not any(_reads_as_prose(line) for line in body.splitlines()):
        # A menu, a cookie wall or a list of links: "Home About Contact" is not an article.
        warn(f"{path}: no article text found in the HTML page (only {len(body.split())} words, no sentence)")
        return []
    # trafilatura puts one paragraph a line; the text model wants blank lines between them.
    body = without_headline(re.sub(r"\n+", "\n\n", body), _meta_str(data.get("title")))
    data.setdefault("source", data.get("sitename"))
    if url and not data.get("url"):
        data["url"] = url
    return [_from_mapping(path, data, body)]


_PROSE_END = re.compile(r"""[.!?…]["'”’)\]]*\s*$""")


def _reads_as_prose(line: str) -> bool:
    """A line of running text: several words ending as a sentence ends."""
    return len(line.split()) >= 6 and bool(_PROSE_END.search(line))


def without_headline(text: str, title: str | None) -> str:
    """Drop a first paragraph that only repeats the headline (trafilatura keeps the page's <h1>)."""
    if not title:
        return text
    first, sep, rest = text.lstrip().partition("\n\n")
    if sep and rest.strip() and " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        return rest.lstrip("\n")
    return text


def _articles_from_json(path: str, value: Any, warn: Callable[[str], None]) -> list[RawArticle]:
    if isinstance(value, Mapping) and isinstance(value.get("articles"), list):
        value = value["articles"]
    items = value if isinstance(value, list) else [value]
    out: list[RawArticle] = []
    for index, item in enumerate(items):
        if not isinstance(item, Mapping):
            continue
        text = item.get("text") or item.get("content") or item.get("body")
        if isinstance(text, str) and text.strip():
            name = f"{path}#{index}" if len(items) > 1 else path
            if len(text) > MAX_ARTICLE_BYTES // 4 and len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
                # The same cap as for a file: whatever holds it, this is not an article.
                warn(f"{name}: skipped, too large for an article ({len(text.encode('utf-8')) / 1e6:.0f} MB)")
                continue
            out.append(_from_mapping(name, item, text))
    return out


def parse_json(path: str, text: str, warn: Callable[[str], None]) -> list[RawArticle]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        warn(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})")
        return []
    except RecursionError:
        warn(f"{path}: skipped, JSON nested too deeply")
        return []
    out = _articles_from_json(path, value, warn)
    if not out:
        warn(f'{path}: JSON holds no articles (objects with a "text" field)')
    return out


def parse_jsonl(path: str, text: str, warn: Callable[[str], None]) -> list[RawArticle]:
    out: list[RawArticle] = []
    bad = 0
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (json.JSONDecodeError, RecursionError):
            bad += 1
            continue
        for raw in _articles_from_json(f"{path}:{lineno}", value, warn):
            out.append(raw)
    if bad:
        warn(f"{path}: skipped {bad} line(s) that are not valid JSON")
    if not out:
        warn(f'{path}: JSONL holds no articles (objects with a "text" field)')
    return out


def read_file(path: Path, warn: Callable[[str], None]) -> list[RawArticle]:
    """Read one file into raw articles, warning (never raising) about anything wrong."""
    name = readable_name(str(path))
    suffix = path.suffix.lower()
    collection = suffix in JSON_SUFFIXES | JSONL_SUFFIXES
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            warn(f"{name}: skipped, not a regular file (a pipe, device or socket)")
            return []
        size = info.st_size
        if size > (MAX_COLLECTION_BYTES if collection else MAX_ARTICLE_BYTES):
            warn(f"{name}: skipped, too large for an article ({size / 1e6:.0f} MB)")
            return []
        data = path.read_bytes()
    except OSError as exc:
        warn(f"{name}: cannot read ({exc.strerror or exc})")
        return []
    text = decode(data, name, warn)
    if text is None:
        return []
    if not text.strip():
        warn(f"{name}: skipped, empty file")
        return []
    if suffix in MARKDOWN_SUFFIXES:
        return parse_markdown(name, text, warn)
    if suffix in HTML_SUFFIXES or (not collection and _looks_like_html(text)):
        return parse_html(name, text, warn)
    if suffix in JSON_SUFFIXES:
        return parse_json(name, text, warn)
    if suffix in JSONL_SUFFIXES:
        return parse_jsonl(name, text, warn)
    return [RawArticle(path=name, text=text)]


def _looks_like_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


# ---------------------------------------------------------------------------------------------
# Normalising raw articles


def article_id(text: str) -> str:
    """A stable id from the normalised content."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=6).hexdigest()


def _shorten(text: str, limit: int = MAX_TITLE) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:—-")
    return cut + "…"


def _cached_sentences(text: str, paragraphs: tuple[Span, ...], cache: Store | None) -> tuple[Span, ...]:
    """Sentence boundaries, remembered in the store (pysbd dominates loading time)."""
    if cache is None:
        return sentences(text, paragraphs)
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16)
    digest.update(",".join(f"{p.start}:{p.end}" for p in paragraphs).encode())
    key = digest.hexdigest()
    found = cache.get_sentences(key)
    if found is None:
        found = sentences(text, paragraphs)
        cache.put_sentences(key, found)
    return found


def build_article(raw: RawArticle, store: Store | None = None) -> Article | None:
    """Normalise and segment a raw article; None when it has no text. ``store`` keeps sentence boundaries."""
    text = raw.text.lstrip("\ufeff")
    title = raw.title
    if title is None:
        title, text = split_headline(text)
    lay = layout(text)
    if not lay.text.strip():
        return None
    sents = _cached_sentences(lay.text, lay.paragraphs, store)
    if title is None:
        first = sents[0].slice(lay.text) if sents else lay.text
        title = _shorten(first)
    return Article(
        id=article_id(lay.text),
        path=raw.path,
        title=_shorten(neutralise(title), 200),
        source=neutralise(raw.source or derived_source(raw.path, raw.url)),
        text=lay.text,
        sentences=sents,
        paragraphs=lay.paragraphs,
        headings=lay.headings,
        published=raw.published,
        url=raw.url,
        author=neutralise(raw.author) if raw.author else None,
    )


def _cached_file(path: Path, cache: Store | None) -> tuple[str, list[Article] | None]:
    """The articles a file gave last time, if it is unchanged (same size, modification and change time).

    A cached load of a large folder then skips reading, front matter, normalisation and sentence
    splitting: the app's first frame waits for exactly this.
    """
    if cache is None:
        return "", None
    try:
        info = path.stat()
    except OSError:
        return "", None
    # The change time too: an edit that keeps the size and puts the modification time back
    # (touch -d, rsync -t, a save that restores it) cannot put the change time back.
    key = f"{readable_name(str(path.resolve()))}|{info.st_mtime_ns}|{info.st_ctime_ns}|{info.st_size}"
    found: list[Article] | None = cache.get_file(key)
    return key, found


def load_raw(
    raws: Iterable[RawArticle], corpus: Corpus, seen: dict[str, str] | None = None, store: Store | None = None
) -> None:
    """Normalise raw articles into ``corpus``, skipping empty ones and exact duplicates."""
    _add_built(((raw.path, build_article(raw, store)) for raw in raws), corpus, {} if seen is None else seen)


def _add_built(built: Iterable[tuple[str, Article | None]], corpus: Corpus, seen: dict[str, str]) -> None:
    for path, article in built:
        if article is None:
            corpus.warnings.append(f"{path}: skipped, no text")
            continue
        corpus.add(article, seen)


PARALLEL_MIN = 200  # fewer uncached articles than this are built in this process


def _build_all(raws: list[RawArticle], store: Store | None, wanted: int | None) -> Iterator[Article | None]:
    """``build_article`` for each raw article, in order; in worker processes for a large corpus.

    Workers come from a fork server (this may run in the app's worker thread). They do not see
    the store; the caller stores whole files afterwards. ``wanted``: ``Settings.workers``.
    """
    workers = max(1, wanted) if wanted is not None else min(os.cpu_count() or 1, 4)
    if workers <= 1 or len(raws) < PARALLEL_MIN:
        yield from (build_article(raw, store) for raw in raws)
        return
    from tuireader.core.workers import worker_pool

    pool = worker_pool(workers)
    try:
        yield from pool.map(build_article, raws, chunksize=max(1, min(16, len(raws) // (4 * workers))))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def load_corpus(
    paths: Iterable[str | Path] | None = None, store: Store | None = None, *, workers: int | None = None
) -> Corpus:
    """Load every article under ``paths`` (default: the bundled seeds).

    ``store`` keeps whole unchanged files and sentence boundaries between runs; ``workers`` is
    ``Settings.workers``. Raises ``CorpusError`` with a one-line message when nothing could be loaded.
    """
    path_list = list(paths or []) or [bundled_seeds()]
    corpus = Corpus()
    seen: dict[str, str] = {}
    # Files are read in order, then the uncached articles are built (normalised and split into
    # sentences: the slow part) all at once, in worker processes for a large corpus; the steps are
    # then replayed in order, so warnings, duplicates and the result are as for a one-by-one load.
    steps: list[tuple[str, Any, Any]] = []  # ("warn", message) | ("cached", articles) | ("read", key, raws+warnings)
    for file in discover(path_list, lambda message: steps.append(("warn", message, None))):
        key, cached = _cached_file(file, store)
        if cached is not None:
            steps.append(("cached", cached, None))
            continue
        warnings: list[str] = []
        steps.append(("read", key, (read_file(file, warnings.append), warnings)))
    raws = [raw for kind, _, read in steps if kind == "read" for raw in read[0]]
    built = iter(_build_all(raws, store, workers))
    for kind, value, read in steps:
        if kind == "warn":
            corpus.warnings.append(value)
        elif kind == "cached":
            for article in value:
                corpus.add(article, seen)
        else:
            file_raws, warnings = read
            corpus.warnings.extend(warnings)
            warned, loaded = len(corpus.warnings), len(corpus.articles)
            _add_built(((raw.path, next(built)) for raw in file_raws), corpus, seen)
            if value and not warnings and len(corpus.warnings) == warned and store is not None:
                store.put_file(value, corpus.articles[loaded:])
    if not corpus.articles:
        if len(corpus.warnings) == 1:
            raise CorpusError(corpus.warnings[0])
        where = ", ".join(str(p) for p in path_list)
        raise CorpusError(f"no readable article in {where}", corpus.warnings)
    return corpus
