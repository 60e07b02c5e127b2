"""The analysis cache: one SQLite file, so reopening a large corpus skips the slow work.

What it keeps, each keyed by content so an edited article is simply a miss:

- per-article analyses (mentions, quotes, topics), keyed by ``Article.id`` (a content hash);
- sentence boundaries, keyed by a hash of the normalised text (pysbd is the slowest part of loading);
- whole article files, keyed by path, size and modification time (a cached load then skips
  reading and normalising; the app's first frame waits for it);
- each story's facts, keyed by a digest of its articles and their resolved entities (alignment is
  the slowest corpus-wide stage, and most stories are unchanged when a corpus is reopened);
- the corpus-wide results (resolved entities, stories, topics, facts), keyed by a digest of the
  whole set of articles, so reopening an unchanged corpus recomputes nothing (the most recent
  ``CORPUS_KEEP`` sets are kept);
- opaque values by kind and key (``kind="page"``: downloaded web pages).

Analyses and sentences are stored with a version made of ``pipeline.ANALYSER_VERSION`` and a hash
of the extractors' source, so results from other code are never served, even if nobody remembered
to bump the version. A file that is not a usable cache (garbage, truncated, another schema) is
deleted and rebuilt without a word: it only ever holds things that can be recomputed. Several
processes may share the file (WAL journal, busy timeout, short transactions, ``INSERT OR REPLACE``);
each thread gets its own connection because the app analyses in a worker thread.
"""

from __future__ import annotations

import atexit
import contextlib
import sqlite3
import threading
import time
import weakref
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tuireader.model import Analysis, Article, ArticleAnalysis, Fact, Span

# The codec (and the model it builds) is imported by the methods that use it: opening the cache
# must stay cheap, because the app opens it before its first frame (to read the titles kept there).

SCHEMA_VERSION = 1  # the table layout; PRAGMA user_version
FILE_NAME = "cache.sqlite3"
BUSY_TIMEOUT_MS = 10_000
# Whole-file and story-fact entries are dropped this long after they were stored (recomputed once
# if still in use), so entries for folders no longer opened, or since edited, do not pile up.
DERIVED_MAX_AGE = 90 * 24 * 3600
# Corpus-wide results are large (a few MB per 1,000 articles) and only the latest set of a folder
# is ever asked for again, so only this many of the most recently stored sets are kept.
CORPUS_KEEP = 8
_SIDE_FILES = ("-wal", "-shm", "-journal")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS analyses (id TEXT PRIMARY KEY, version TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sentences (key TEXT PRIMARY KEY, version TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS kv (
    kind TEXT NOT NULL, key TEXT NOT NULL, data BLOB NOT NULL, stored REAL NOT NULL, PRIMARY KEY (kind, key)
);
"""


def cache_path(directory: Path | None = None) -> Path:
    """The cache file in ``directory`` (``Settings.cache_dir``), else in the platform's user cache folder."""
    if directory is None:
        import platformdirs

        directory = Path(platformdirs.user_cache_dir("tuireader"))
    return directory / FILE_NAME


@lru_cache(maxsize=1)
def analyser_version() -> str:
    """``ANALYSER_VERSION`` plus a fingerprint of the core's source files.

    Any change to the analysis code makes old entries stale (conservative: the extractors are
    spread over many helper modules, and a wrong cached result is worse than a recomputation).
    Benchmarks pin a version instead (``Settings.cache_version``, passed to ``open_cache``), so
    edits to the source tree mid-run do not empty the cache.
    """
    # ANALYSER_VERSION is read from pipeline.py's text, not imported: importing the pipeline (numpy,
    # rapidfuzz: ~0.6 s) here delayed the app's first frame, which only needs cached files.
    import hashlib  # here: loading OpenSSL costs the app's first frame a millisecond and a half

    digest = hashlib.blake2b(digest_size=6)
    number = "0"
    package = Path(__file__).parent.parent
    for source in sorted([*(package / "core").rglob("*.py"), package / "model.py"]):
        with contextlib.suppress(OSError):
            data = source.read_bytes()
            digest.update(source.relative_to(package).as_posix().encode() + b"\0" + data)
            if source.name == "pipeline.py":
                line = next((x for x in data.splitlines() if x.startswith(b"ANALYSER_VERSION = ")), b'""')
                number = line.split(b'"')[1].decode() if line.count(b'"') >= 2 else number
    return f"{number}:{digest.hexdigest()}"


def open_cache(path: Path | None = None, *, version: str | None = None) -> Cache:
    """The cache at ``path`` (default ``cache_path()``); never raises, a broken one just misses."""
    return Cache(path or cache_path(), version=version)


def clear_cache(path: Path | None = None) -> str:
    """Delete the cache file; say what was removed, for ``tuireader cache clear``."""
    target = path or cache_path()
    files = [Path(f"{target}{suffix}") for suffix in ("", *_SIDE_FILES)]
    present = [f for f in files if f.exists()]
    if not present:
        return f"nothing to remove at {target}"
    size = sum(f.stat().st_size for f in present)
    for f in present:
        f.unlink(missing_ok=True)
    return f"removed {target}, {_human(size)}"


def _human(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} bytes"  # pragma: no cover


def _is_corruption(exc: sqlite3.Error) -> bool:
    """Errors that mean the file is not a cache we can use (as opposed to busy or locked)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return True
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc)
        return "no such table" in text or "no such column" in text or "has no column" in text
    return isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError)


def _is_unwritable(exc: sqlite3.Error) -> bool:
    """The file or its folder cannot be opened or written (permissions, read-only file system)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    return name.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_PERM")) or (
        "unable to open" in text or "readonly" in text or "read-only" in text
    )


_BAD_ENTRY = (ValueError, TypeError, KeyError, IndexError)


# ---------------------------------------------------------------------------------------------


class Cache:
    """The SQLite cache. Every method swallows database trouble: a cache must never break a run."""

    def __init__(self, path: Path, *, version: str | None = None) -> None:
        self.path = Path(path)
        self._version = version  # computed on first use: it imports the analysers, slow at start-up
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._disabled = False
        self._pruned = False
        self.rebuilt = 0  # how many times a broken file was replaced (for tests and diagnostics)
        self.problem: str | None = None  # why the cache is off, for the user (said once)
        _open_caches.add(self)

    @property
    def version(self) -> str:
        if self._version is None:
            self._version = analyser_version()
        return self._version

    # -- connections ------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            self._wal(conn)
            conn.execute("PRAGMA synchronous=NORMAL")
            schema = conn.execute("PRAGMA user_version").fetchone()[0]
            if schema != SCHEMA_VERSION:
                self._create_schema(conn, schema)
            # Touch every table: a truncated or foreign file fails here rather than mid-run.
            for table in ("analyses", "sentences", "kv"):
                conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchall()
        except BaseException:
            conn.close()
            raise
        return conn

    @staticmethod
    def _wal(conn: sqlite3.Connection) -> None:
        """Switch to the WAL journal; the switch can fail busy without waiting, so try again."""
        for attempt in range(20):
            try:
                conn.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if _is_corruption(exc):
                    raise
                time.sleep(0.01 * (attempt + 1))

    @staticmethod
    def _create_schema(conn: sqlite3.Connection, found: int) -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have created it while we waited for the write lock.
            if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                if found:
                    for table in ("analyses", "sentences", "kv"):
                        conn.execute(f"DROP TABLE IF EXISTS {table}")
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _conn(self) -> sqlite3.Connection | None:
        if self._disabled:
            return None
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        try:
            conn = self._connect()
        except sqlite3.Error as exc:
            if _is_unwritable(exc):
                self._give_up(str(exc))  # retrying on every call made runs ~20x slower
                return None
            if not _is_corruption(exc):
                return None  # busy or locked for longer than the timeout: miss this time
            self._discard()
            try:
                conn = self._connect()
            except (sqlite3.Error, OSError) as again:
                self._give_up(getattr(again, "strerror", None) or str(again))
                return None
        except OSError as exc:
            self._give_up(exc.strerror or str(exc))  # unwritable cache folder
            return None
        self._local.conn = conn
        with self._lock:
            self._connections.append(conn)
        return conn

    def _give_up(self, reason: str) -> None:
        self._disabled = True
        self.problem = f"cannot use the cache at {self.path} ({reason}); running without it, so nothing is reused"

    def probe(self) -> str | None:
        """Open the cache now; the reason it cannot be used, or None when it can."""
        self._conn()
        return self.problem

    def _discard(self) -> None:
        """Delete a broken file (and its journal) so the next connection starts afresh."""
        self._drop_connection()
        self.rebuilt += 1
        for suffix in ("", *_SIDE_FILES):
            with contextlib.suppress(OSError):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def _drop_connection(self) -> None:
        conn = getattr(self._local, "conn", None)
        self._local.conn = None
        if conn is not None:
            with self._lock:
                if conn in self._connections:
                    self._connections.remove(conn)
            with contextlib.suppress(sqlite3.Error):
                conn.close()

    @contextlib.contextmanager
    def _guard(self) -> Iterator[None]:
        """Turn database trouble into a miss; a corrupt file is discarded for the next call."""
        try:
            yield
        except sqlite3.Error as exc:
            if _is_corruption(exc):
                self._discard()
            else:
                self._drop_connection()

    def _read(self, sql: str, params: Sequence[Any]) -> list[Any]:
        for _attempt in range(2):
            conn = self._conn()
            if conn is None:
                return []
            rebuilt = self.rebuilt
            with self._guard():
                return conn.execute(sql, params).fetchall()
            if self.rebuilt == rebuilt:
                return []
        return []

    def _write(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        for attempt in range(4):
            conn = self._conn()
            if conn is None:
                if self._disabled:
                    return
                time.sleep(0.05 * (attempt + 1))  # busy while connecting: try again shortly
                continue
            with self._guard():
                conn.execute("BEGIN IMMEDIATE")
                try:
                    conn.executemany(sql, rows)
                    conn.execute("COMMIT")
                except BaseException:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                    raise
                return
            time.sleep(0.05 * attempt)  # rebuilt or busy beyond the timeout: a few more tries, then skip

    def close(self) -> None:
        with self._lock:
            connections, self._connections = self._connections, []
        for conn in connections:
            with contextlib.suppress(sqlite3.Error):
                conn.close()
        self._local = threading.local()

    # -- per-article analyses (the ArticleCache protocol of core.pipeline) ---------------------

    def get_many(self, article_ids: Sequence[str]) -> dict[str, ArticleAnalysis]:
        from tuireader.store.codec import decode_analysis

        found: dict[str, ArticleAnalysis] = {}
        ids = list(dict.fromkeys(article_ids))
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            rows = self._read(
                f"SELECT id, data FROM analyses WHERE version = ? AND id IN ({marks})", [self.version, *chunk]
            )
            for article_id, data in rows:
                with contextlib.suppress(*_BAD_ENTRY):
                    found[article_id] = decode_analysis(article_id, data)
        return found

    def put_many(self, analyses: Sequence[ArticleAnalysis]) -> None:
        from tuireader.store.codec import encode_analysis

        if not self._pruned:
            self._pruned = True
            self.prune()
        rows = [(a.article, self.version, encode_analysis(a)) for a in analyses]
        self._write("INSERT OR REPLACE INTO analyses (id, version, data) VALUES (?, ?, ?)", rows)

    # -- sentence boundaries (asked for by sources.files) ---------------------------

    def get_sentences(self, key: str) -> tuple[Span, ...] | None:
        from tuireader.store.codec import decode_spans

        rows = self._read("SELECT data FROM sentences WHERE key = ? AND version = ?", [key, self.version])
        if not rows:
            return None
        try:
            return decode_spans(rows[0][0])
        except _BAD_ENTRY:
            return None

    def put_sentences(self, key: str, spans: Sequence[Span]) -> None:
        from tuireader.store.codec import encode_spans

        self._write(
            "INSERT OR REPLACE INTO sentences (key, version, data) VALUES (?, ?, ?)",
            [(key, self.version, encode_spans(spans))],
        )

    # -- whole files, keyed by path, size and modification time (the corpus's file hook) ---------

    def get_file(self, key: str) -> list[Article] | None:
        from tuireader.store.codec import decode_articles

        data = self.get_value("file", f"{self.version}/{key}")
        if data is None:
            return None
        try:
            return decode_articles(data)
        except (*_BAD_ENTRY, UnicodeDecodeError):
            return None

    def put_file(self, key: str, articles: Sequence[Article]) -> None:
        from tuireader.store.codec import encode_articles

        self.put_value("file", f"{self.version}/{key}", encode_articles(articles))

    # -- facts of one story (alignment is the slowest corpus-wide stage) -------------------------

    def get_facts(self, key: str) -> list[Fact] | None:
        """Facts stored under ``key``, a digest of everything the story's alignment depends on."""
        from tuireader.store.codec import decode_facts

        data = self.get_value("facts", f"{self.version}/{key}")
        if data is None:
            return None
        try:
            return decode_facts(data)
        except (*_BAD_ENTRY, UnicodeDecodeError):
            return None

    def put_facts(self, key: str, facts: Sequence[Fact]) -> None:
        from tuireader.store.codec import encode_facts

        self.put_value("facts", f"{self.version}/{key}", encode_facts(facts))

    # -- corpus-wide results (entity resolution, stories, facts) ---------------------------------

    def get_corpus(self, key: str) -> Analysis | None:
        """The corpus-wide results stored under ``key`` (a digest of the articles), without articles."""
        from tuireader.store.codec import decode_corpus

        data = self.get_value("corpus", f"{self.version}/{key}")
        if data is None:
            return None
        try:
            return decode_corpus(data)
        except (*_BAD_ENTRY, UnicodeDecodeError):
            return None

    def put_corpus(self, key: str, analysis: Analysis) -> None:
        from tuireader.store.codec import encode_corpus

        self.put_value("corpus", f"{self.version}/{key}", encode_corpus(analysis))
        self._write(
            "DELETE FROM kv WHERE kind = 'corpus' AND key NOT IN "
            "(SELECT key FROM kv WHERE kind = 'corpus' ORDER BY rowid DESC LIMIT ?)",  # newest rows last
            [(CORPUS_KEEP,)],
        )

    # -- opaque values ---------------------------------------------------------------------------

    def get_value(self, kind: str, key: str, *, max_age: float | None = None) -> bytes | None:
        """The bytes stored under (kind, key); None if absent or older than ``max_age`` seconds."""
        rows = self._read("SELECT data, stored FROM kv WHERE kind = ? AND key = ?", [kind, key])
        if not rows:
            return None
        data, stored = rows[0]
        if max_age is not None and time.time() - float(stored) > max_age:
            return None
        return bytes(data)

    def put_value(self, kind: str, key: str, data: bytes | bytearray) -> None:
        self._write(
            "INSERT OR REPLACE INTO kv (kind, key, data, stored) VALUES (?, ?, ?, ?)",
            [(kind, key, sqlite3.Binary(data), time.time())],
        )

    # -- housekeeping ----------------------------------------------------------------------------

    def prune(self) -> int:
        """Delete what other versions stored, and old file and fact entries; how many rows went."""
        conn = self._conn()
        if conn is None:
            return 0
        removed = 0
        with self._guard():
            conn.execute("BEGIN IMMEDIATE")
            for table in ("analyses", "sentences"):
                removed += conn.execute(f"DELETE FROM {table} WHERE version != ?", [self.version]).rowcount
            removed += conn.execute(
                "DELETE FROM kv WHERE kind IN ('facts', 'file', 'corpus') AND (substr(key, 1, ?) != ? OR stored < ?)",
                [len(self.version) + 1, self.version + "/", time.time() - DERIVED_MAX_AGE],
            ).rowcount
            # The app's first screens (``sources.titles``), kept per folder, whatever the version.
            removed += conn.execute(
                "DELETE FROM kv WHERE kind = 'titles' AND stored < ?", [time.time() - DERIVED_MAX_AGE]
            ).rowcount
            conn.execute("COMMIT")
        return removed


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


_open_caches: weakref.WeakSet[Cache] = weakref.WeakSet()


@atexit.register
def _close_all() -> None:
    for cache in list(_open_caches):
        cache.close()
