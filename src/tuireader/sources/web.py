"""Articles by URL: polite, bounded downloads, a page cache for offline reopening, extraction.

Every download has a timeout, a redirect limit, a size limit and a content-type check, and each
failure becomes one line a reader can act on ("404 Not Found", "timed out after 15 s"). Pages are
fetched concurrently in a small thread pool (the CLI is synchronous and the app calls this from a
thread worker, so threads fit both). Successful downloads are stored in the analysis cache's
key-value table (the ``Store`` passed in); when the network fails later the stored copy is used,
and the warning says so. Turning pages into articles is ``sources.load`` (through
``files.parse_html``, like saved HTML files).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import json
import re
import socket
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tuireader import __version__
from tuireader.storage import Store

if TYPE_CHECKING:
    import httpx

PROJECT_URL = "https://pypi.org/project/tuireader/"
USER_AGENT = f"tuireader/{__version__} (+{PROJECT_URL})"

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/feed+json",
        "text/html",  # many servers label feeds wrongly; feedparser decides
        "text/plain",
    }
)
PAGE_NAMESPACE = "page"
_ENVELOPE = b"tuireader-page/1\n"

Progress = Callable[[int, int, str], None]  # (done, total, url just finished)


@dataclass(frozen=True, slots=True)
class FetchOptions:
    timeout: float = 15.0  # seconds to connect, and between bytes received
    total_timeout: float = 120.0  # seconds for a whole download, so a trickling server cannot hang us
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    concurrency: int = 6
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class Page:
    url: str  # as asked for
    final_url: str  # after redirects
    content_type: str
    body: bytes
    fetched: str  # ISO timestamp (UTC) of the download
    charset: str | None = None  # from the Content-Type header
    from_cache: bool = False

    @property
    def text(self) -> str:
        return decode_body(self.body, self.charset)


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str
    page: Page | None = None
    error: str | None = None  # one line, without the URL: "404 Not Found"

    @property
    def message(self) -> str | None:
        """The line to show the user, URL first; also set when a cached copy stood in."""
        if self.page is not None and self.page.from_cache:
            return f"{self.url}: {self.error or 'not downloaded'}; using the copy saved {_when(self.page.fetched)}"
        if self.error:
            return f"{self.url}: {self.error}"
        return None


class FetchError(Exception):
    """A download failed; the message is one line for the user, without the URL."""


def is_url(arg: str | Path) -> bool:
    return isinstance(arg, str) and arg[:8].lower().startswith(("http://", "https://"))


# ---------------------------------------------------------------------------------------------
# Downloading


def _seconds(value: float) -> str:
    return f"{value:g} s"


def _size(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"{limit / (1024 * 1024):g} MB"
    if limit >= 1024:
        return f"{limit / 1024:g} KB"
    return f"{limit} bytes"


def _when(stamp: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return "earlier"
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _media_type(header: str) -> str:
    return header.split(";", 1)[0].strip().lower()


def _charset(header: str) -> str | None:
    match = re.search(r"charset\s*=\s*\"?([A-Za-z0-9_.:-]+)", header, re.IGNORECASE)
    return match.group(1) if match else None


def address_class(host: str) -> str:
    """ "public", "private", "loopback" or "link-local" for a host name or address literal.

    A name is resolved; a name that resolves to any non-public address takes that address's
    class, so a public-looking name pointing inside the network is not public.
    """
    host = host.strip("[]")
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        try:
            infos = socket.getaddrinfo(host, None)
        except (OSError, UnicodeError):
            return "public"  # cannot be resolved: no connection will be made to it either
        addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    for address in addresses:
        if address.is_loopback:
            return "loopback"
        if address.is_link_local:
            return "link-local"
        if address.is_private or address.is_reserved or address.is_unspecified or address.is_multicast:
            return "private"
    return "public"


def check_redirect(response: httpx.Response) -> None:
    """Refuse a redirect that leaves http(s), or leads to an address of another class than the
    page's own: a public page must not send the tool to a private or loopback address."""
    if not response.has_redirect_location:
        return
    try:  # the hook runs before httpx builds the next request: read Location the same way
        target = response.request.url.join(response.headers["location"])
    except Exception:  # a malformed Location: httpx reports it itself
        return
    if target.scheme not in ("http", "https"):
        raise FetchError(f"redirect to a {target.scheme}:// address refused (only http and https are followed)")
    here = address_class(response.request.url.host)
    there = address_class(target.host)
    if there != "public" and there != here:
        raise FetchError(f"redirect from a {here} address to a {there} address refused")


def _client(options: FetchOptions, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    # Imported here: httpx pulls in rich (for its own command line), and the core must not load rich
    # until something is actually downloaded.
    import httpx

    return httpx.Client(
        timeout=httpx.Timeout(options.timeout),
        follow_redirects=True,
        max_redirects=options.max_redirects,
        event_hooks={"response": [check_redirect]},
        transport=transport,
        headers={
            "User-Agent": options.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
        },
    )


def _connect_reason(exc: Exception) -> str:
    text = re.sub(r"\[Errno -?\d+\]\s*", "", str(exc)).strip()
    return text[:1].lower() + text[1:] if text else type(exc).__name__


def download(
    client: httpx.Client,
    url: str,
    options: FetchOptions,
    accept: frozenset[str] = HTML_TYPES,
    cancelled: Callable[[], bool] | None = None,
) -> Page:
    """One bounded download. Raises ``FetchError`` with a one-line reason."""
    import httpx

    started = time.monotonic()
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                reason = response.reason_phrase or "error"
                raise FetchError(f"{response.status_code} {reason}")
            header = response.headers.get("content-type", "")
            media = _media_type(header)
            charset = _charset(header)
            kind = "a feed" if "application/rss+xml" in accept else "an HTML page"
            if media and media not in accept:
                raise FetchError(f"not {kind} ({media})")
            too_large = f"response too large (over {_size(options.max_bytes)})"
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > options.max_bytes:
                raise FetchError(too_large)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > options.max_bytes:
                    raise FetchError(too_large)
                if time.monotonic() - started > options.total_timeout:
                    raise FetchError(f"timed out after {_seconds(options.total_timeout)}")
                if cancelled is not None and cancelled():
                    raise FetchError("cancelled")
                chunks.append(chunk)
            body = b"".join(chunks)
            if not media:
                media = _sniff(body)
                if media not in accept:
                    raise FetchError(f"not {kind} (no content type, and the body does not look like one)")
            final = str(response.url)
    except httpx.TimeoutException:
        raise FetchError(f"timed out after {_seconds(options.timeout)}") from None
    except httpx.TooManyRedirects:
        raise FetchError(f"too many redirects (more than {options.max_redirects})") from None
    except (httpx.UnsupportedProtocol, httpx.InvalidURL, ValueError):  # ValueError: a bad host name (IDNA)
        raise FetchError("not a valid http(s) URL") from None
    except httpx.ConnectError as exc:
        raise FetchError(f"cannot connect ({_connect_reason(exc)})") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"download failed ({_connect_reason(exc)})") from None
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    return Page(url=url, final_url=final, content_type=media, body=body, fetched=stamp, charset=charset)


def _sniff(body: bytes) -> str:
    """A media type for a response that declared none."""
    head = body[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "text/html"
    if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return "application/xml"
    return "application/octet-stream"


# ---------------------------------------------------------------------------------------------
# The page cache


def pack_page(page: Page) -> bytes:
    header = {"url": page.final_url, "type": page.content_type, "charset": page.charset, "fetched": page.fetched}
    return _ENVELOPE + json.dumps(header).encode("utf-8") + b"\n" + page.body


def unpack_page(url: str, data: bytes) -> Page | None:
    if not data.startswith(_ENVELOPE):
        return None
    header_line, _, body = data[len(_ENVELOPE) :].partition(b"\n")
    try:
        header: dict[str, Any] = json.loads(header_line)
    except ValueError:
        return None
    return Page(
        url=url,
        final_url=str(header.get("url") or url),
        content_type=str(header.get("type") or "text/html"),
        body=body,
        fetched=str(header.get("fetched") or ""),
        charset=str(header["charset"]) if header.get("charset") else None,
        from_cache=True,
    )


def _cached(store: Store | None, url: str) -> Page | None:
    if store is None:
        return None
    try:
        data = store.get_value(PAGE_NAMESPACE, url)
    except Exception:  # a broken cache must never stop reading
        return None
    return unpack_page(url, data) if data else None


def _remember(store: Store | None, page: Page) -> None:
    if store is None:
        return
    # A full disk or a locked cache costs the offline copy, nothing more.
    with contextlib.suppress(Exception):
        store.put_value(PAGE_NAMESPACE, page.url, pack_page(page))


def fetch_pages(
    urls: Sequence[str],
    *,
    options: FetchOptions | None = None,
    store: Store | None = None,
    accept: frozenset[str] = HTML_TYPES,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, FetchResult]:
    """Download ``urls`` concurrently; a result per distinct URL, in the order given.

    Cache reads and writes happen on the calling thread (SQLite connections are per-thread).
    """
    options = options or FetchOptions()
    wanted = list(dict.fromkeys(urls))
    results: dict[str, FetchResult] = {}
    if not wanted:
        return results
    with _client(options) as client, ThreadPoolExecutor(max_workers=min(options.concurrency, len(wanted))) as pool:

        def one(url: str) -> FetchResult:
            if cancelled is not None and cancelled():
                return FetchResult(url, error="cancelled")
            try:
                return FetchResult(url, page=download(client, url, options, accept, cancelled))
            except FetchError as exc:
                return FetchResult(url, error=str(exc))

        futures = [pool.submit(one, url) for url in wanted]
        for done, future in enumerate(as_completed(futures), 1):
            result = future.result()
            results[result.url] = result
            if progress is not None:
                progress(done, len(wanted), result.url)
    ordered: dict[str, FetchResult] = {}
    for url in wanted:
        result = results[url]
        if result.page is not None:
            _remember(store, result.page)
        elif result.error != "cancelled":
            copy = _cached(store, url)
            if copy is not None:
                result = FetchResult(url, page=copy, error=result.error)
        ordered[url] = result
    return ordered


# ---------------------------------------------------------------------------------------------
# Pages into articles


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_body(body: bytes, header_charset: str | None = None) -> str:
    """Bytes to text: a BOM, the declared charset, a <meta> charset, UTF-8, then Windows-1252."""
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", errors="replace")
    candidates = [header_charset] if header_charset else []
    match = _META_CHARSET.search(body[:4096])
    if match:
        candidates.append(match.group(1).decode("ascii", errors="ignore"))
    candidates.append("utf-8")
    for charset in candidates:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("cp1252", errors="replace")
