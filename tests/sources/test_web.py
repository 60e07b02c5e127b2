"""Articles by URL, against a local web server (never the internet)."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from tuireader import cli
from tuireader.settings import Settings
from tuireader.sources import web as fetch
from tuireader.sources.files import CorpusError, without_headline
from tuireader.sources.load import load_sources
from tuireader.sources.web import FetchOptions, decode_body, fetch_pages, is_url
from web_helpers import FakeStore, capture_app


class BrokenStore(FakeStore):
    """A store whose page table fails on every call."""

    def get_value(self, namespace: str, key: str) -> bytes | None:
        raise OSError("disk on fire")

    def put_value(self, namespace: str, key: str, value: bytes) -> None:
        raise OSError("disk on fire")


FAST = FetchOptions(timeout=0.5)


def test_article_page_extracted_without_boilerplate(server) -> None:  # type: ignore[no-untyped-def]
    corpus = load_sources([server.url("/article.html")], options=FAST)
    (article,) = corpus.articles
    assert corpus.warnings == []
    assert article.title == "Ferry workers walk out over night-shift cuts"
    assert article.author == "Marta Okonkwo"
    assert article.published == "2026-03-14"
    assert article.source == "Lakeside Courier"
    assert article.text.startswith("About 240 ferry workers on Lake Varna stopped work")  # the <h1> is the title
    assert "restore the night crews" in article.text
    for boilerplate in (
        "ADVERTISEMENT",
        "Velvo",
        "Subscribe today",
        "cookies",
        "Weather Centre",
        "Most read",
        "Celebrity chef",
        "Orbitly",
        "All rights reserved",
        "Privacy policy",
    ):
        assert boilerplate not in article.text
    # A clear user agent, naming the program and where to find it.
    (_path, agent), *_ = server.requests
    assert agent.startswith("tuireader/") and "(+http" in agent


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "404 Not Found"),
        ("/slow", "timed out after 0.5 s"),
        ("/big", "response too large (over 100 KB)"),
        ("/big-stream", "response too large (over 100 KB)"),
        ("/report.pdf", "not an HTML page (application/pdf)"),
        ("/loop-a", "too many redirects (more than 5)"),
    ],
)
def test_failures_have_one_clear_line(server, path: str, message: str) -> None:  # type: ignore[no-untyped-def]
    url = server.url(path)
    options = FetchOptions(timeout=0.5, max_bytes=100 * 1024)
    (result,) = fetch_pages([url], options=options).values()
    assert result.page is None
    assert result.error == message
    assert result.message == f"{url}: {message}"


def test_redirect_followed_to_the_article(server) -> None:  # type: ignore[no-untyped-def]
    (result,) = fetch_pages([server.url("/moved")], options=FAST).values()
    assert result.page is not None and result.error is None
    assert result.page.final_url == server.url("/article.html")


@pytest.mark.parametrize(
    ("body", "error"),
    [
        (b"<!DOCTYPE html><html><body><p>Untyped.</p></body></html>", None),
        (b"\x89PNG\r\n", "not an HTML page (no content type, and the body does not look like one)"),
    ],
)
def test_missing_content_type_is_sniffed(server, body: bytes, error: str | None) -> None:  # type: ignore[no-untyped-def]
    server.untyped = body
    (result,) = fetch_pages([server.url("/untyped")], options=FAST).values()
    assert result.error == error
    assert (result.page is not None) is (error is None)


@pytest.mark.parametrize("url", ["http://[::1", "http://"])
def test_bad_url_fails_before_any_connection(url: str) -> None:
    (result,) = fetch_pages([url], options=FAST).values()
    assert result.error == "not a valid http(s) URL"


def test_plain_text_page_is_taken_as_is(server) -> None:  # type: ignore[no-untyped-def]
    (article,) = load_sources([server.url("/plain.txt")], options=FAST).articles
    assert article.title == "Quay Notice"
    assert article.source == "127.0.0.1"
    assert "water taxi" in article.text


def test_unreachable_server_says_cannot_connect(server) -> None:  # type: ignore[no-untyped-def]
    url = server.url("/article.html")
    server.stop()
    (result,) = fetch_pages([url], options=FAST).values()
    assert result.page is None
    assert result.error is not None and result.error.startswith("cannot connect")


def test_one_failure_does_not_stop_the_rest(server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    local = tmp_path / "quay-notes.txt"
    local.write_text("Quay Notes\n\nThe harbour master opened two new berths on Monday.", encoding="utf-8")
    urls = [server.url("/article.html"), server.url("/missing"), server.url("/second.html")]
    corpus = load_sources([urls[0], str(local), urls[1], urls[2]], options=FAST)
    # Argument order is kept, files and URLs mixed.
    assert [a.source for a in corpus.articles] == ["Lakeside Courier", "Quay Notes", "Brenmoor Gazette"]
    assert corpus.warnings == [f"{urls[1]}: 404 Not Found"]


def test_everything_failing_is_one_line(server) -> None:  # type: ignore[no-untyped-def]
    urls = [server.url("/missing"), server.url("/report.pdf")]
    with pytest.raises(CorpusError) as info:
        load_sources(urls, options=FAST)
    message = str(info.value)
    assert "\n" not in message
    assert f"{urls[0]}: 404 Not Found" in message and "application/pdf" in message


def test_cached_copy_reopens_offline(server) -> None:  # type: ignore[no-untyped-def]
    store = FakeStore()
    url = server.url("/article.html")
    first = load_sources([url], options=FAST, store=store)
    assert ("page", url) in store.values
    server.stop()
    again = load_sources([url], options=FAST, store=store)
    assert [a.text for a in again.articles] == [a.text for a in first.articles]
    assert again.articles[0].author == "Marta Okonkwo"
    (warning,) = again.warnings
    assert warning.startswith(f"{url}: cannot connect") and "using the copy saved" in warning


def test_no_cached_copy_and_no_network_fails(server) -> None:  # type: ignore[no-untyped-def]
    url = server.url("/article.html")
    server.stop()
    with pytest.raises(CorpusError, match="cannot connect"):
        load_sources([url], options=FAST, store=FakeStore())


def test_broken_cache_never_stops_reading(server) -> None:  # type: ignore[no-untyped-def]
    corpus = load_sources([server.url("/article.html")], options=FAST, store=BrokenStore())
    assert len(corpus.articles) == 1


def test_progress_reports_every_url(server) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[int, int]] = []
    urls = [server.url("/article.html"), server.url("/second.html"), server.url("/missing")]
    results = fetch_pages(urls + urls[:1], options=FAST, progress=lambda done, total, _url: seen.append((done, total)))
    assert list(results) == urls  # one result per distinct URL, in the order given
    assert sorted(seen) == [(1, 3), (2, 3), (3, 3)]


def test_is_url() -> None:
    assert is_url("https://example.org/a") and is_url("HTTP://example.org")
    assert not is_url("example.org/a") and not is_url("ftp://example.org") and not is_url(Path("http:"))


@pytest.mark.parametrize(
    ("body", "charset", "expected"),
    [
        ("Zoë’s café".encode(), "utf-8", "Zoë’s café"),
        ("Zoë".encode("latin-1"), "iso-8859-1", "Zoë"),
        (b'<meta charset="windows-1252"><p>caf\xe9</p>', None, '<meta charset="windows-1252"><p>café</p>'),
        (b"caf\xe9 \x93quoted\x94", None, "café “quoted”"),  # not UTF-8, nothing declared
        (b"\xef\xbb\xbfbom", "latin-1", "bom"),
        (b"plain", "no-such-charset", "plain"),
    ],
)
def test_decoding(body: bytes, charset: str | None, expected: str) -> None:
    assert decode_body(body, charset) == expected


def test_timeout_from_environment() -> None:
    assert cli.fetch_options(Settings.from_env({"TUIREADER_FETCH_TIMEOUT": "2.5"})) == FetchOptions(timeout=2.5)
    assert cli.fetch_options(Settings.from_env({"TUIREADER_FETCH_TIMEOUT": "soon"})) is None  # the defaults


# ---------------------------------------------------------------------------------------------
# The command line


@pytest.fixture
def offline_store(monkeypatch: pytest.MonkeyPatch, bare_pipeline: None) -> FakeStore:
    """A fake store for the CLI, and a bare pipeline: these tests are about loading, not analysis."""
    store = FakeStore()
    monkeypatch.setattr(cli, "open_store", lambda settings: None if settings.no_cache else store)
    monkeypatch.setenv("TUIREADER_FETCH_TIMEOUT", "0.5")
    return store


def test_cli_mixed_arguments_one_url_failing(server, offline_store, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    local = tmp_path / "harbour-log.md"
    local.write_text("---\ntitle: Harbour log\nsource: Harbour Log\n---\nThe quay reopened on Sunday.\n")
    missing = server.url("/missing")
    code = cli.main(["analyze", "--json", "--no-cache", server.url("/article.html"), missing, str(local)])
    captured = capsys.readouterr()
    assert code == 0
    assert f"tuireader: warning: {missing}: 404 Not Found" in captured.err.splitlines()
    data = json.loads(captured.out)
    assert [a["source"] for a in data["articles"]] == ["Lakeside Courier", "Harbour Log"]
    assert data["articles"][0]["url"]


def test_cli_all_urls_failing_exit_2_one_line(server, offline_store, capsys) -> None:  # type: ignore[no-untyped-def]
    code = cli.main(["analyze", "--json", server.url("/missing"), server.url("/loop-a")])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    (line,) = captured.err.strip().splitlines()
    assert line.startswith("tuireader: error: ") and "404 Not Found" in line and "too many redirects" in line


def test_cli_reopens_from_cache_with_server_stopped(server, offline_store, capsys) -> None:  # type: ignore[no-untyped-def]
    url = server.url("/second.html")
    assert cli.main(["analyze", "--json", url]) == 0
    first = json.loads(capsys.readouterr().out)
    server.stop()
    assert cli.main(["analyze", "--json", url]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["articles"][0]["text"] == first["articles"][0]["text"]
    assert "using the copy saved" in captured.err


def test_cli_opens_the_app_on_downloaded_pages(  # type: ignore[no-untyped-def]
    server, offline_store, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    opened = capture_app(monkeypatch)
    missing = server.url("/gone")
    assert cli.main([server.url("/article.html"), missing, server.url("/second.html")]) == 0
    assert [a.source for a in opened] == ["Lakeside Courier", "Brenmoor Gazette"]
    assert capsys.readouterr().err.splitlines() == [f"tuireader: warning: {missing}: 404 Not Found"]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_cli_progress_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert cli.fetch_progress() is None
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    show = cli.fetch_progress()
    assert show is not None
    show(1, 2, "https://example.org/a")
    assert "fetched 1/2 https://example.org/a" in terminal.getvalue()
    show(2, 2, "https://example.org/b")
    assert terminal.getvalue().endswith("\r\x1b[K")  # the counter line is cleared when done


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        ("Ferry  strike\n\nBody.", "Ferry strike", "Body."),
        ("Ferry strike\n\nBody.", "Other title", "Ferry strike\n\nBody."),
        ("Ferry strike", "Ferry strike", "Ferry strike"),  # never empties an article
        ("Body.", None, "Body."),
    ],
)
def test_without_headline(text: str, title: str | None, expected: str) -> None:
    assert without_headline(text, title) == expected


def test_real_cache_keeps_pages_for_offline_reading(server) -> None:  # type: ignore[no-untyped-def]
    cache = pytest.importorskip("tuireader.store.cache")
    if not hasattr(cache.Cache, "get_value"):
        pytest.skip("this cache has no key-value table")
    url = server.url("/article.html")
    store = cli.open_store(Settings.from_env())  # the real SQLite cache, in the test's own folder (conftest)
    assert store is not None
    load_sources([url], options=FAST, store=store)
    server.stop()
    again = load_sources([url], options=FAST, store=cli.open_store(Settings.from_env()))
    assert again.articles[0].title == "Ferry workers walk out over night-shift cuts"
    assert "using the copy saved" in again.warnings[0]
    assert cli.open_store(Settings.from_env(no_cache=True)) is None


def _redirecting_transport(location: str, reached: list[str]):  # type: ignore[no-untyped-def]
    """A transport that never touches the network: the first URL redirects to ``location``, and
    every request is recorded, so a followed redirect would show in ``reached``."""
    import httpx

    def handle(request: httpx.Request) -> httpx.Response:
        reached.append(str(request.url))
        if len(reached) == 1:
            return httpx.Response(302, headers={"location": location})
        return httpx.Response(200, headers={"content-type": "text/html"}, content=b"<html><p>inside</p></html>")

    return httpx.MockTransport(handle)


@pytest.mark.parametrize(
    ("start", "location", "message"),
    [
        ("http://8.8.8.8/story", "http://10.1.2.3/admin", "from a public address to a private address refused"),
        ("http://8.8.8.8/story", "http://127.0.0.1:9/", "redirect from a public address to a loopback address refused"),
        ("http://8.8.8.8/story", "http://169.254.169.254/meta", "to a link-local address refused"),
        ("http://127.0.0.1/story", "http://10.1.2.3/", "redirect from a loopback address to a private address refused"),
        ("http://8.8.8.8/story", "file:///etc/passwd", "redirect to a file:// address refused"),
    ],
)
def test_redirects_never_lead_inside_the_network(start: str, location: str, message: str) -> None:
    reached: list[str] = []
    transport = _redirecting_transport(location, reached)
    with fetch._client(FAST, transport=transport) as client, pytest.raises(fetch.FetchError, match=re.escape(message)):
        fetch.download(client, start, FAST)
    assert reached == [start]  # the target was never requested


def test_redirects_within_one_class_are_followed() -> None:
    reached: list[str] = []
    with fetch._client(FAST, transport=_redirecting_transport("http://127.0.0.1/moved", reached)) as client:
        page = fetch.download(client, "http://127.0.0.1/story", FAST)
    assert page.final_url == "http://127.0.0.1/moved" and len(reached) == 2


def test_address_classes() -> None:
    assert fetch.address_class("127.0.0.1") == "loopback"
    assert fetch.address_class("[::1]") == "loopback"
    assert fetch.address_class("192.168.1.5") == "private"
    assert fetch.address_class("169.254.169.254") == "link-local"
    assert fetch.address_class("8.8.8.8") == "public"
    assert fetch.address_class("localhost") == "loopback"
