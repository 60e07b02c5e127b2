"""The command line as a user meets it: exit codes, one-line errors, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tuireader import __version__


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tuireader", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
        env=None,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], fragment: str, warnings: int = 0) -> None:
    """Exit 2; one error line, after one warning line per skipped file."""
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 + warnings, result.stderr
    assert all(line.startswith("tuireader: warning:") for line in lines[:-1])
    assert lines[-1].startswith("tuireader: error:")
    assert fragment in lines[-1]


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"tuireader {__version__}"
    helped = run("--help")
    assert helped.returncode == 0 and "analyze" in helped.stdout
    assert run("analyze", "--help").returncode == 0


STANDINS = Path(__file__).resolve().parent / "fixtures" / "stories" / "ceasefire-calls-written-here"


def _check_document(doc: dict, count: int) -> None:
    assert doc["schema"] == "tuireader.analysis/1"
    assert set(doc) >= {"articles", "entities", "facts"}
    assert len(doc["articles"]) == count
    for article in doc["articles"]:
        assert set(article) >= {
            "id",
            "path",
            "title",
            "source",
            "published",
            "text",
            "sentences",
            "headings",
            "paragraphs",
            "mentions",
            "quotes",
        }
        text = article["text"]
        previous = 0
        for span in article["sentences"]:
            assert previous <= span["start"] < span["end"] <= len(text)
            previous = span["end"]
        for mention in article["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]


def _sentences(article: dict) -> list[str]:
    return [article["text"][s["start"] : s["end"]] for s in article["sentences"]]


def _headings(article: dict) -> list[str]:
    return [article["text"][h["start"] : h["end"]] for h in article["headings"]]


def test_analyze_json_on_bundled_seeds_from_any_folder(tmp_path: Path) -> None:
    """The real seed articles: one paragraph a line, a hard wrap, a headline with a full stop,
    two subheadings and a quotation over three lines (exact checks in tests/core/test_real_seeds.py)."""
    result = run("analyze", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    _check_document(doc, 5)
    by_file = {Path(a["path"]).name[:3]: a for a in doc["articles"]}
    assert sorted(by_file) == ["000", "001", "002", "003", "004"]
    # 000: the first line is the headline (it ends with a full stop); the hard wrap is joined.
    wrapped = by_file["000"]
    assert wrapped["title"].startswith("The U.S. expresses challenges") and wrapped["title"].endswith("leaders.")
    assert not wrapped["text"].startswith("The U.S. expresses")
    assert _sentences(wrapped)[0].startswith("On Monday, U.S. President Donald Trump held phone conversations")
    assert wrapped["headings"] == []
    # The quotation over three lines is one quote, with Vance as its speaker.
    (vance,) = [q for q in wrapped["quotes"] if wrapped["text"][q["start"] : q["end"]].startswith("We recognize")]
    assert wrapped["text"][vance["start"] : vance["end"]].endswith("Are you truthful about this?")
    assert vance["speaker_name"] and "Vance" in vance["speaker_name"]
    # 003: two subheadings, neither of them a sentence.
    headed = by_file["003"]
    assert _headings(headed) == ["Tensions and Sanctions on the Table", "Security, Diplomacy, and Deep Divides"]
    assert not any("Tensions and Sanctions" in s or "Deep Divides" in s for s in _sentences(headed))
    # One paragraph a line everywhere else.
    for key in ("001", "002", "004"):
        article = by_file[key]
        lines = [ln for ln in Path(article["path"]).read_text(encoding="utf-8").splitlines() if ln.strip()]
        assert len(article["paragraphs"]) == len(lines)
    assert sorted(tmp_path.iterdir()) == []  # nothing written in the working folder


def test_analyze_json_on_the_stand_in_story(tmp_path: Path) -> None:
    """The stand-in story written here (the former seeds): a file hard-wrapped at 72 columns, and
    Markdown with standalone subheadings."""
    result = run("analyze", "--json", str(STANDINS), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    _check_document(doc, 5)
    wrapped = next(a for a in doc["articles"] if a["source"] == "Global Dispatch")
    assert "U.S. President Donald Trump" in wrapped["text"]
    headed = next(a for a in doc["articles"] if a["source"] == "The Capital Ledger")
    assert "Tensions and Sanctions on the Table" in _headings(headed)
    assert not any("Tensions and Sanctions" in s for s in _sentences(headed))
    assert sorted(tmp_path.iterdir()) == []


def test_analyze_summary_is_readable() -> None:
    result = run("analyze")
    assert result.returncode == 0
    assert "5 articles" in result.stdout


def test_missing_path(tmp_path: Path) -> None:
    assert_one_line_error(run("analyze", str(tmp_path / "nope.txt")), "no such file")


def test_empty_folder(tmp_path: Path) -> None:
    assert_one_line_error(run("analyze", str(tmp_path)), "no article files")


def test_no_readable_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "b.txt").write_text("")
    result = run("analyze", str(tmp_path))
    assert_one_line_error(result, "no readable article", warnings=2)
    assert "binary file" in result.stderr and "empty file" in result.stderr


def test_app_command_also_fails_cleanly(tmp_path: Path) -> None:
    assert_one_line_error(run(str(tmp_path / "missing")), "no such file")


@pytest.mark.parametrize(
    ("name", "content", "warning"),
    [
        ("binary.txt", b"\x00\x00\x00\xff", "binary file"),
        ("empty.txt", b"", "empty file"),
        ("latin1.txt", "Caf\xe9 story. It ran.".encode("latin-1"), "not valid UTF-8"),
        ("config.json", b'{"theme": "dark"}', "holds no articles"),
        ("broken.json", b'{"text": ', "not valid JSON"),
        ("big.txt", b"word " * (4 * 1024 * 1024), "too large"),
    ],
    ids=["binary", "empty", "latin1", "not-articles", "broken-json", "20MB"],
)
def test_bad_file_warns_and_good_ones_load(tmp_path: Path, name: str, content: bytes, warning: str) -> None:
    (tmp_path / "good.txt").write_text("Good Headline\n\nA good article. It loads.\r\n")
    (tmp_path / name).write_bytes(content)
    result = run("analyze", "--json", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert warning in result.stderr
    titles = [a["title"] for a in json.loads(result.stdout)["articles"]]
    assert "Good Headline" in titles


def test_bom_and_crlf_load_clean(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("\ufeffHeadline\r\n\r\nFirst line\r\nwraps here. Done.\r\n".encode())
    result = run("analyze", "--json", str(tmp_path))
    (article,) = json.loads(result.stdout)["articles"]
    assert article["title"] == "Headline"
    assert article["text"] == "First line wraps here. Done."
    assert result.stderr == ""


def test_hostile_file_names_reach_the_terminal_as_one_escaped_line(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A Headline\n\nThe council met on Monday and voted.\n", encoding="utf-8")
    for name in ("osc\x1b]52;c;aGk=\x07.txt", "cls\x1b[2J.txt", "title\x1b]0;pwned\x07.txt", "new\nline.txt"):
        (tmp_path / name).write_text("", encoding="utf-8")
    result = run("analyze", "--no-cache", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("tuireader: warning:")]
    assert len(warnings) == 4 and len(result.stderr.strip().splitlines()) == 4
    assert any("cls\\e[2J.txt" in line for line in warnings)


def test_broken_inputs_are_skipped_with_one_line_each(tmp_path: Path) -> None:
    """Deeply nested JSON, a FIFO and a file name that is not UTF-8 beside a good file."""
    import os

    (tmp_path / "good.txt").write_text("A Headline\n\nThe council met on Monday and voted.\n", encoding="utf-8")
    (tmp_path / "deep.json").write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    (tmp_path / "deep.jsonl").write_text("[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    odd = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / odd).write_text("Another Headline\n\nThe mayor said the vote was close.\n", encoding="utf-8")
    result = run("analyze", "--json", str(tmp_path))  # with the cache: its keys hold the name too
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "deep.json: skipped, JSON nested too deeply" in result.stderr
    assert "pipe.txt: skipped, not a regular file" in result.stderr
    paths = sorted(Path(a["path"]).name for a in json.loads(result.stdout)["articles"])
    assert paths == ["caf\\xe9.txt", "good.txt"]


def test_a_fifo_named_on_the_command_line_is_refused_not_waited_on(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "pipe.txt")
    result = run("analyze", str(tmp_path / "pipe.txt"))
    assert_one_line_error(result, "not a regular file")


def test_a_flood_of_warnings_is_cut_to_twenty_lines_and_a_count(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A Headline\n\nThe council met on Monday and voted.\n", encoding="utf-8")
    for n in range(30):
        (tmp_path / f"empty{n:02}.txt").write_text("", encoding="utf-8")
    result = run("analyze", "--no-cache", str(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 21
    assert lines[-1] == "tuireader: warning: … and 10 more warnings"
