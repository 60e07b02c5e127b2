"""The comparison report: Markdown, self-contained HTML and JSON, from a hand-built analysis."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hand_built import built_article, span_of, value
from tuireader import cli
from tuireader.model import (
    Analysis,
    Article,
    ArticleAnalysis,
    Disagreement,
    DisagreementKind,
    Entity,
    Fact,
    FactMember,
    Label,
    Quote,
)
from tuireader.views.analysis_json import to_dict
from tuireader.views.formats import format_for_path, write_report
from tuireader.views.markdown import md_text
from tuireader.views.report import build_sections, excerpt

TEXT_A = (
    "About 240 ferry workers stopped work on Friday. "
    '"We cannot run a safe service," said Tomas Riedel. '
    "A reader posted <script>alert(1)</script> under the story | with *stars* and [a link](http://x.example).\n\n"
    'The operator called the plan "sensible" in a statement.'
)
TEXT_B = 'Nearly 300 ferry staff walked off the job on Friday. "We cannot run a safe service," said Thomas Riedel.'
TEXT_C = "The ferry strike entered its second day on Saturday."


def _article(text: str, source: str, title: str, url: str | None = None) -> Article:
    return built_article(text, source, title, "2026-03-14", url)


def _quote(article: Article, words: str, speaker: str) -> Quote:
    return Quote(*span_of(article.text, words), speaker=speaker, cue="said")


@pytest.fixture
def analysis() -> Analysis:
    a = _article(TEXT_A, "Lakeside | Courier", "Ferry *strike* | day one", "https://courier.example/ferry?a=1|2")
    b = _article(TEXT_B, "Brenmoor Gazette", "Island cut off", "https://gazette.example/island")
    c = _article(TEXT_C, "Brenmoor Gazette", "Day two")
    riedel = Entity(
        "p1", "Tomas Riedel", Label.PERSON, ("Thomas Riedel",), {a.id: ("Tomas Riedel",), b.id: ("Thomas Riedel",)}
    )
    friday = Entity("d1", "Friday", Label.DATE, (), {a.id: ("Friday",), b.id: ("Friday",)})
    scare_start, scare_end = span_of(a.text, "sensible")
    by_article = {
        a.id: ArticleAnalysis(
            a.id,
            quotes=(
                _quote(a, "We cannot run a safe service,", "p1"),
                Quote(scare_start, scare_end, scare=True),
            ),
        ),
        b.id: ArticleAnalysis(b.id, quotes=(_quote(b, "We cannot run a safe service,", "p1"),)),
        c.id: ArticleAnalysis(c.id),
    }
    walkout = Fact(
        "f1",
        "ferry workers stop work on Friday",
        (FactMember(a.id, 0), FactMember(b.id, 0)),
        (
            Disagreement(
                DisagreementKind.NUMBER,
                "numbers differ: 240 vs nearly 300",
                (value(a, "240"), value(b, "Nearly 300")),
            ),
        ),
    )
    second_day = Fact("f2", "strike | second day", (FactMember(c.id, 0),))
    return Analysis(articles=[a, b, c], by_article=by_article, entities=[friday, riedel], facts=[walkout, second_day])


UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def _table_after(md: str, heading: str) -> list[list[str]]:
    """Cells of the first table after ``heading``, split on unescaped pipes only."""
    lines = md.split(heading, 1)[1].splitlines()
    rows = [line for line in lines if line.startswith("|")]
    block = []
    for line in lines[lines.index(rows[0]) :]:
        if not line.startswith("|"):
            break
        block.append([cell.strip() for cell in UNESCAPED_PIPE.split(line)[1:-1]])
    return block


def test_markdown_tables_and_escaping(analysis: Analysis) -> None:
    md = write_report(analysis, "md", generated="2026-03-16 09:00 UTC")
    articles = _table_after(md, "## Articles")
    assert articles[0] == ["#", "Source", "Title", "Date", "Author", "URL or file"]
    assert all(len(row) == 6 for row in articles)
    assert articles[2][1] == r"Lakeside \| Courier"
    assert articles[2][2] == r"Ferry \*strike\* \| day one"
    assert articles[2][5] == "[https://courier.example/ferry?a=1\\|2](https://courier.example/ferry?a=1%7C2)"
    # Two articles from one outlet are told apart.
    assert [row[1] for row in articles[3:]] == ["Brenmoor Gazette (1)", "Brenmoor Gazette (2)"]

    coverage = _table_after(md, "## Coverage")
    assert coverage[0] == ["Fact", r"Lakeside \| Courier", "Brenmoor Gazette (1)", "Brenmoor Gazette (2)", "Sources"]
    assert coverage[2] == ["⚠ ferry workers stop work on Friday", "●", "●", "·", "2"]
    assert coverage[3] == [r"strike \| second day", "·", "·", "●", "1"]

    entities = _table_after(md, "### Names")
    # People first; the one spelled differently is flagged, with each source's spelling.
    assert entities[2] == [
        "⚠ Tomas Riedel",
        "person",
        "2",
        r"Lakeside \| Courier: Tomas Riedel; Brenmoor Gazette (1): Thomas Riedel",
    ]
    assert len(entities) == 3  # dates and numbers have their own table
    assert _table_after(md, "### Dates and numbers")[2][:3] == ["Friday", "date", "2"]


def test_markdown_quotes_and_disagreements(analysis: Analysis) -> None:
    md = write_report(analysis, "md")
    ledger = md.split("## Quotes by speaker", 1)[1].split("## Coverage", 1)[0]
    # The same words from two sources are one line, naming both; the scare quote is left out.
    assert "### Tomas Riedel (1)" in ledger
    assert r"- “We cannot run a safe service,” — Lakeside \| Courier, Brenmoor Gazette (1) (said)" in ledger
    assert "sensible" not in ledger and "1 scare quote(s)" in ledger
    section = md.split("## Disagreements", 1)[1]
    assert "### 1. numbers differ: 240 vs nearly 300" in section
    assert r"- **Lakeside \| Courier**: About **240** ferry workers stopped work on Friday." in section
    assert "- **Brenmoor Gazette (1)**: **Nearly 300** ferry staff walked off the job on Friday." in section
    # Article text with markup characters stays text.
    assert "<script>" not in md


def test_html_is_self_contained_and_escaped(analysis: Analysis) -> None:
    page = write_report(analysis, "html")
    assert page.startswith("<!DOCTYPE html>")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" not in page  # that sentence is in no section
    assert not re.search(r"<script", page, re.IGNORECASE)
    assert not re.search(r"\bsrc\s*=", page, re.IGNORECASE)
    assert not re.search(r"<link\b|@import|url\(", page, re.IGNORECASE)
    # The only links are to the articles themselves.
    assert re.findall(r'<a href="([^"]*)"', page) == [
        "https://courier.example/ferry?a=1|2",
        "https://gazette.example/island",
    ]
    assert "prefers-color-scheme: dark" in page
    assert "Ferry *strike* | day one" in page
    assert "About <mark>240</mark> ferry workers" in page
    assert '<td class="dot yes">●</td><td class="dot yes">●</td><td class="dot no">·</td>' in page
    _assert_balanced(page)


def test_html_escapes_script_in_article_text() -> None:
    article = _article("Readers saw <script>alert('x')</script> & <b>bold</b> claims.", "Ledger", "<Odd> & title")
    script = value(article, "<script>")
    fact = Fact("f", "odd", (FactMember(article.id, 0),), (Disagreement(DisagreementKind.QUOTE, "words", (script,)),))
    page = write_report(Analysis(articles=[article], facts=[fact]), "html")
    assert "<script>" not in page and "<b>bold" not in page
    assert "<mark>&lt;script&gt;</mark>alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in page
    assert "&lt;Odd&gt; &amp; title" in page
    _assert_balanced(page)


def test_json_is_the_analysis_export(analysis: Analysis) -> None:
    assert json.loads(write_report(analysis, "json")) == json.loads(json.dumps(to_dict(analysis)))


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_empty_sections_say_so(fmt: str) -> None:
    article = _article(TEXT_C, "Ledger", "Day two")
    text = write_report(Analysis(articles=[article]), fmt)
    for phrase in (
        "No entities were found",
        "No quotations were found",
        "No facts were aligned",
        "No disagreements were found",
    ):
        assert phrase in text
    assert "Day two" in text


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown report format"):
        write_report(Analysis(articles=[]), "pdf")


def test_format_from_file_name() -> None:
    assert [format_for_path(p) for p in ("a.md", "b.HTML", "c.htm", "d.json", "e.txt")] == [
        "md",
        "html",
        "html",
        "json",
        None,
    ]


def test_excerpt_marks_the_value_inside_its_sentence(analysis: Analysis) -> None:
    b = analysis.articles[1]
    start, end = span_of(b.text, "Thomas Riedel")
    e = excerpt(b, start - 1, end)  # a space inside the span moves outside the emphasis
    assert (e.before, e.marked, e.after) == ('"We cannot run a safe service," said ', "Thomas Riedel", ".")


def test_many_sources_get_numbered_columns() -> None:
    articles = [_article(f"Report number {i} on the ferry strike.", f"Outlet {i}", f"T{i}") for i in range(8)]
    fact = Fact("f", "strike", tuple(FactMember(a.id, 0) for a in articles[:3]))
    md = write_report(Analysis(articles=articles, facts=[fact]), "md")
    coverage = _table_after(md, "## Coverage")
    assert coverage[0] == ["Fact", *map(str, range(1, 9)), "Sources"]
    assert "Columns are the article numbers" in md
    assert build_sections(Analysis(articles=articles)).names[articles[7].id] == "Outlet 7"


@given(st.text())
def test_md_text_only_adds_backslashes(text: str) -> None:
    escaped = md_text(text)
    assert "\n" not in escaped and not UNESCAPED_PIPE.search(escaped)
    assert re.sub(r"\\(.)", r"\1", escaped) == " ".join(text.split())


def _assert_balanced(page: str) -> None:
    voids = {"meta", "br", "hr", "img", "input", "link"}

    class Checker(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.stack: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag not in voids:
                self.stack.append(tag)

        def handle_endtag(self, tag: str) -> None:
            assert self.stack and self.stack[-1] == tag, (tag, self.stack[-3:])
            self.stack.pop()

    checker = Checker()
    checker.feed(page)
    assert checker.stack == []


# ---------------------------------------------------------------------------------------------
# The command line


@pytest.fixture
def story(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "lakeside-courier.txt").write_text("Ferry strike\n\n" + TEXT_A, encoding="utf-8")
    (folder / "brenmoor-gazette.txt").write_text("Island cut off\n\n" + TEXT_B, encoding="utf-8")
    return folder


def test_cli_writes_each_format(
    bare_pipeline: None, story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    md, page, data = tmp_path / "r.md", tmp_path / "r.html", tmp_path / "r.json"
    assert cli.main(["report", str(story), "-o", str(md)]) == 0
    assert "## Articles" in md.read_text(encoding="utf-8")
    assert cli.main(["report", str(story), "-o", str(page)]) == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert cli.main(["report", str(story), "--format", "json", "-o", str(data)]) == 0
    assert len(json.loads(data.read_text(encoding="utf-8"))["articles"]) == 2
    assert f"wrote {data} (json, 2 articles)" in capsys.readouterr().err
    assert not list(tmp_path.glob(".*.partial"))


def test_cli_refuses_to_overwrite_without_force(
    bare_pipeline: None, story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "notes.md"
    out.write_text("my own notes", encoding="utf-8")
    assert cli.main(["report", str(story), "-o", str(out)]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line == f"tuireader: error: {out} already exists; add --force to overwrite it"
    assert out.read_text(encoding="utf-8") == "my own notes"
    assert cli.main(["report", str(story), "-o", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("# ")


def test_cli_stdout(bare_pipeline: None, story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["report", str(story), "-o", "-", "--format", "html"]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")
    assert cli.main(["report", str(story)]) == 0
    assert capsys.readouterr().out.startswith("# 2 articles compared")


def test_cli_missing_folder(
    bare_pipeline: None, story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["report", str(story), "-o", str(tmp_path / "no" / "r.md")]) == 2
    assert "no such folder" in capsys.readouterr().err
