"""RSS and Atom feeds: listing, choosing, loading entries as articles (local server only)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from tuireader import cli
from tuireader.sources.feeds import (
    FeedError,
    discover_feed,
    html_to_text,
    load_entries,
    parse_feed,
    parse_pick,
    read_feed,
)
from tuireader.sources.web import FetchOptions
from web_helpers import WEB, FakeStore, capture_app

FAST = FetchOptions(timeout=0.5)


def test_rss_file_lists_entries() -> None:
    feed = read_feed(str(WEB / "feed.rss"))
    assert feed.title == "Harbour Weekly"
    assert [e.number for e in feed.entries] == [1, 2, 3]
    assert [e.title for e in feed.entries] == [
        "Council approves harbour dredging",
        "Oyster growers ask for survey & delay",
        "Fishing fleet returns to Port Ellis",
    ]
    assert [e.published for e in feed.entries] == ["2026-04-02", "2026-04-03", "2026-04-04"]
    assert feed.entries[0].author == "Ana Ferreira"
    # The summary's HTML is reduced to paragraphs of text.
    assert feed.entries[1].summary.split("\n\n") == [
        "Oyster growers east of the breakwater asked the council on Friday to delay the dredging until an "
        "independent survey of the beds is finished.",
        "They said the silt could smother young oysters.",
    ]
    assert not feed.entries[0].has_full_content
    assert feed.entries[2].has_full_content


def test_atom_over_http(server: Any) -> None:
    feed = read_feed(server.url("/feed.atom"), options=FAST)
    assert feed.title == "Lakeside Courier — Ferry dispute"
    assert [(e.title, e.link, e.published, e.author) for e in feed.entries] == [
        ("Ferry workers walk out over night-shift cuts", server.url("/article.html"), "2026-03-14", "Marta Okonkwo"),
        ("Island cut off as ferry crews strike", server.url("/second.html"), "2026-03-15", "Pieter Lund"),
    ]


def test_rss_entries_load_with_fallbacks(server: Any) -> None:
    feed = read_feed(server.url("/feed.rss"), options=FAST)
    corpus = load_entries(feed, feed.entries, options=FAST)
    one, two, three = corpus.articles
    # Entry 1: the linked page, extracted, the feed filling in what the page lacks.
    assert "voted nine to four" in one.text and "Archive" not in one.text
    assert (one.source, one.author, one.published) == ("Harbour Weekly", "Ana Ferreira", "2026-04-02")
    # Entry 2: the page is gone; the feed's summary stands in, and the warning says so.
    assert two.text.startswith("Oyster growers east of the breakwater")
    assert two.title == "Oyster growers ask for survey & delay" and two.source == "Harbour Weekly"
    assert corpus.warnings == [
        f"entry 2 (Oyster growers ask for survey & delay): {server.url('/entries/gone.html')}: 404 Not Found; "
        "using the feed's summary instead (32 words)",
    ]
    # Entry 3: the feed carries the whole article, so its page is never requested.
    assert "Eleven trawlers tied up at Port Ellis" in three.text and "ice machine" in three.text
    assert three.url == server.url("/entries/fleet.html")
    assert "/entries/fleet.html" not in [path for path, _ in server.requests]


def test_site_page_leads_to_its_feed(server: Any) -> None:
    feed = read_feed(server.url("/home.html"), options=FAST)
    assert feed.source == server.url("/feed.atom")
    assert len(feed.entries) == 2


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<link rel="alternate" type="application/rss+xml" href="/rss?a=1&amp;b=2">', "https://x.example/rss?a=1&b=2"),
        ("<LINK TYPE='application/atom+xml' REL='alternate' HREF='https://y.example/f'>", "https://y.example/f"),
        ('<link rel="alternate" type="text/html" href="/other">', None),
        ('<link rel="stylesheet" type="application/rss+xml" href="/x">', None),
        ("<p>no links</p>", None),
    ],
)
def test_discover_feed(html: str, expected: str | None) -> None:
    assert discover_feed(html, "https://x.example/news/") == expected


def test_feed_cached_for_offline_reading(server: Any) -> None:
    store = FakeStore()
    url = server.url("/feed.atom")
    read_feed(url, options=FAST, store=store)
    server.stop()
    feed = read_feed(url, options=FAST, store=store)
    assert len(feed.entries) == 2
    assert feed.note is not None and "using the copy saved" in feed.note


def test_not_a_feed(server: Any, tmp_path: Path) -> None:
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        read_feed(server.url("/article.html"), options=FAST)
    with pytest.raises(FeedError, match="404 Not Found"):
        read_feed(server.url("/nothing.xml"), options=FAST)
    with pytest.raises(FeedError, match="no such file"):
        read_feed(str(tmp_path / "absent.xml"))


def test_relative_links_resolved_against_the_feed_url() -> None:
    data = b"""<rss version="2.0"><channel><title>T</title>
    <item><title>A</title><link>/news/a.html</link></item></channel></rss>"""
    feed = parse_feed(data, "https://example.org/feeds/all.rss")
    assert feed.entries[0].link == "https://example.org/news/a.html"


@pytest.mark.parametrize(
    ("spec", "expected"),
    [("1,3-5", [1, 3, 4, 5]), ("all", [1, 2, 3, 4, 5, 6]), ("4, 2,2", [4, 2]), ("2-2", [2]), ("6", [6])],
)
def test_pick(spec: str, expected: list[int]) -> None:
    assert parse_pick(spec, 6) == expected


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("0", "out of range"),
        ("7", "entries 1-6"),
        ("5-3", "backwards"),
        ("x", "'x'"),
        ("", "no entries"),
        ("1-", "cannot read"),
    ],
)
def test_pick_errors(spec: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_pick(spec, 6)


def test_html_to_text() -> None:
    fragment = "<p>One &amp; two.</p><script>alert(1)</script><ul><li>Three</li><li>Four</li></ul>Five<br>Six"
    assert html_to_text(fragment) == "One & two.\n\nThree\n\nFour\n\nFive\n\nSix"


# ---------------------------------------------------------------------------------------------
# The command line


@pytest.fixture
def bare(monkeypatch: pytest.MonkeyPatch, bare_pipeline: None) -> None:
    """No store and a bare pipeline: these tests are about loading feeds, not analysis."""
    monkeypatch.setattr(cli, "open_store", lambda settings: None)
    monkeypatch.setenv("TUIREADER_FETCH_TIMEOUT", "0.5")


def test_cli_lists_entries(server: Any, bare: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["feed", server.url("/feed.rss")]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0] == "Harbour Weekly"
    assert lines[1] == "1. Council approves harbour dredging  (2026-04-02)"
    assert lines[2].strip() == server.url("/entries/one.html")
    assert "3. Fishing fleet returns to Port Ellis  (2026-04-04)" in lines
    assert "--pick" in err


def test_cli_pick_loads_articles(server: Any, bare: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["feed", server.url("/feed.rss"), "--pick", "1,3", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["title"] for a in data["articles"]] == [
        "Council approves harbour dredging",
        "Fishing fleet returns to Port Ellis",
    ]


def test_cli_all_atom(server: Any, bare: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["feed", server.url("/feed.atom"), "--all", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["source"] for a in data["articles"]] == ["Lakeside Courier", "Brenmoor Gazette"]


def test_cli_bad_pick(server: Any, bare: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["feed", server.url("/feed.atom"), "--pick", "9"]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line == "tuireader: error: --pick: 9 is out of range: the feed has entries 1-2"


def test_cli_not_a_feed(server: Any, bare: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["feed", server.url("/second.html"), "--all"]) == 2
    assert "not an RSS or Atom feed" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_cli_interactive_choice_opens_the_app(
    server: Any, bare: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    opened = capture_app(monkeypatch)
    monkeypatch.setattr(sys, "stdin", _Terminal("nine\n2\n"))
    monkeypatch.setattr(sys, "stdout", _Terminal())
    assert cli.main(["feed", server.url("/feed.atom")]) == 0
    assert "out of range" not in capsys.readouterr().err  # "nine" was re-asked, not an error exit
    (article,) = opened
    assert (article.source, article.title, article.author) == (
        "Brenmoor Gazette",
        "Island cut off as ferry crews strike",
        "Pieter Lund",
    )
    assert article.url and article.published == "2026-03-14"


def test_cli_interactive_enter_quits(server: Any, bare: None, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = capture_app(monkeypatch)
    monkeypatch.setattr(sys, "stdin", _Terminal("\n"))
    monkeypatch.setattr(sys, "stdout", _Terminal())
    assert cli.main(["feed", server.url("/feed.atom")]) == 0
    assert opened == []
