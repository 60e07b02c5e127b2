from __future__ import annotations

import json
from pathlib import Path

import pytest

from tuireader.sources.files import CorpusError, bundled_seeds, load_corpus

BODY = "The harbour board met on Tuesday. It approved a new crane.\n\nWorkers welcomed the news."


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_plain_text_headline_and_source_from_file_name(tmp_path: Path) -> None:
    write(tmp_path / "north-coast-times.txt", "Harbour Board Backs Crane Plan\n\n" + BODY)
    (article,) = load_corpus([tmp_path]).articles
    assert article.title == "Harbour Board Backs Crane Plan"
    assert article.source == "North Coast Times"
    assert article.text.startswith("The harbour board met")
    assert [s.slice(article.text) for s in article.sentences] == [
        "The harbour board met on Tuesday.",
        "It approved a new crane.",
        "Workers welcomed the news.",
    ]


def test_title_falls_back_to_first_sentence_shortened(tmp_path: Path) -> None:
    long_first = "A very long opening sentence " + "that keeps going " * 10 + "until it ends."
    write(tmp_path / "a.txt", long_first + " Second sentence.")
    (article,) = load_corpus([tmp_path / "a.txt"]).articles
    assert article.title.startswith("A very long opening sentence")
    assert article.title.endswith("…") and len(article.title) <= 90


def test_markdown_front_matter(tmp_path: Path) -> None:
    md = (
        "---\ntitle: Crane Approved\nsource: Port Weekly\nurl: https://example.com/crane\n"
        "published: 2024-03-05\nauthor: Lee Park\n---\n\n# Crane Approved\n\nThe **board** met. See [the plan](https://x.y/p).\n"
    )
    write(tmp_path / "p.md", md)
    (article,) = load_corpus([tmp_path]).articles
    assert (article.title, article.source, article.published, article.author) == (
        "Crane Approved",
        "Port Weekly",
        "2024-03-05",
        "Lee Park",
    )
    assert article.url == "https://example.com/crane"
    assert "The board met. See the plan." in article.text
    assert [h.slice(article.text) for h in article.headings] == ["Crane Approved"]


def test_html_extracted_by_library(tmp_path: Path) -> None:
    paragraphs = "".join(
        f"<p>Paragraph {i} of the story says the harbour board approved a crane after a long debate.</p>"
        for i in range(6)
    )
    html = (
        "<html><head><title>Crane vote | Port Weekly</title>"
        '<meta property="og:site_name" content="Port Weekly"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> Subscribe now</nav>"
        f"<article><h1>Crane vote</h1>{paragraphs}</article>"
        "<footer>Copyright Port Weekly. All rights reserved.</footer></body></html>"
    )
    write(tmp_path / "page.html", html)
    (article,) = load_corpus([tmp_path]).articles
    assert "Paragraph 3 of the story" in article.text
    assert "Subscribe now" not in article.text and "All rights reserved" not in article.text
    assert article.source == "Port Weekly"


def test_json_and_jsonl(tmp_path: Path) -> None:
    write(
        tmp_path / "a.json",
        json.dumps(
            [
                {"text": "First story text. It is short.", "title": "One", "source": "S1", "date": "2024-01-02"},
                {"content": "Second story text here."},
                {"no": "text"},
            ]
        ),
    )
    write(tmp_path / "b.jsonl", '{"text": "Third story.", "source": "S3"}\nnot json\n\n{"text": "Fourth story."}\n')
    corpus = load_corpus([tmp_path])
    titles = sorted(a.title for a in corpus.articles)
    assert titles == ["Fourth story.", "One", "Second story text here.", "Third story."]
    one = next(a for a in corpus.articles if a.title == "One")
    assert one.published == "2024-01-02" and one.source == "S1"
    assert any("not valid JSON" in w for w in corpus.warnings)


def test_ids_are_stable_and_duplicates_skipped(tmp_path: Path) -> None:
    write(tmp_path / "x.txt", BODY)
    write(tmp_path / "sub" / "y.txt", BODY)
    first = load_corpus([tmp_path])
    again = load_corpus([tmp_path])
    assert [a.id for a in first.articles] == [a.id for a in again.articles]
    assert len(first.articles) == 1
    assert any("same text as" in w for w in first.warnings)


def test_bad_files_skipped_good_ones_kept(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", BODY)
    write(tmp_path / "binary.txt", b"\x00\x01\x02garbage\x00")
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "latin1.txt", "Caf\xe9 owners met the mayor. They agreed.".encode("latin-1"))
    write(tmp_path / "bom.txt", "\ufeffBOM file starts here. It is fine.".encode())
    write(tmp_path / "crlf.txt", "Line one of a file.\r\nStill line one.\r\n\r\nSecond paragraph.")
    write(tmp_path / "notes.json", json.dumps({"settings": {"a": 1}}))
    write(tmp_path / "huge.txt", b"word " * (5 * 1024 * 1024))
    corpus = load_corpus([tmp_path])
    texts = {a.path.rsplit("/", 1)[-1]: a.text for a in corpus.articles}
    assert set(texts) == {"good.txt", "latin1.txt", "bom.txt", "crlf.txt"}
    assert texts["latin1.txt"].startswith("Café owners")
    assert texts["bom.txt"].startswith("BOM file")
    assert texts["crlf.txt"] == "Line one of a file. Still line one.\n\nSecond paragraph."
    joined = "\n".join(corpus.warnings)
    for expected in ("binary file", "empty file", "not valid UTF-8", "holds no articles", "too large"):
        assert expected in joined


def test_unreadable_file_warns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = write(tmp_path / "good.txt", BODY)
    bad = write(tmp_path / "locked.txt", BODY + " extra")
    real_read = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":  # chmod does not stop root, so fake the denial
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    corpus = load_corpus([good, bad])
    assert [a.path for a in corpus.articles] == [str(good)]
    assert any("locked.txt: cannot read (Permission denied)" in w for w in corpus.warnings)


def test_never_writes_user_files(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Title Line\n\n" + BODY + "\r\n")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    load_corpus([tmp_path])
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_errors_when_nothing_loads(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no such file"):
        load_corpus([tmp_path / "missing"])
    with pytest.raises(CorpusError, match="no article files"):
        load_corpus([tmp_path])
    write(tmp_path / "empty.txt", "   \n")
    with pytest.raises(CorpusError):
        load_corpus([tmp_path])


def test_bundled_seeds_load() -> None:
    corpus = load_corpus()
    assert len(corpus.articles) == 5
    assert corpus.warnings == []
    assert bundled_seeds().is_dir()
    from tuireader.core.source_names import source_labels

    labels = source_labels(corpus.articles)
    assert len(set(labels.values())) == 5  # the files name no outlet: each gets its own label
    for article in corpus.articles:
        assert article.title and len(article.sentences) > 10
        assert article.source == "" and labels[article.id].startswith("#")
        for span in article.sentences:
            assert span.slice(article.text) == span.slice(article.text).strip()


def test_many_duplicates_are_named_a_few_times_then_counted(tmp_path: Path) -> None:
    for n in range(12):
        (tmp_path / f"copy{n:02}.txt").write_text("Same Headline\n\nThe same words in every file.\n", encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert len(corpus.articles) == 1
    assert len(corpus.warnings) == 4
    assert all("same text as" in w and w.endswith("copy00.txt") for w in corpus.warnings[:3])
    assert corpus.warnings[3] == "… and 8 more articles skipped, each the same text as an earlier one"


# ---------------------------------------------------------------------------------------------
# The headline of a plain-text file with one paragraph a line and no blank line after line 1.

ONE_A_LINE_BODY = (
    "Ferry operators in Port Alder said on Tuesday that crossings would resume after a week of storms.\n"
    "The harbour master, Ines Vidal, said the pier had been checked overnight.\n"
)


@pytest.mark.parametrize(
    ("first", "headline"),
    [
        # A headline written as a sentence, with its full stop: shorter than the paragraph after it.
        ("Port Alder ferries sail again as the storms ease.", True),
        ("Port Alder Ferries Sail Again", True),
        # A lede: long, or more than one sentence.
        ("Ferries sail again. The storms have eased after a week of closures and cancelled crossings.", False),
        (
            "After a week of storms that closed the harbour and cancelled every crossing to the islands, the"
            " ferries of Port Alder sailed again on Tuesday morning.",
            False,
        ),
        # A hard wrap: the first line stops mid-sentence.
        ("On Tuesday, Harbour Master", False),
        ("The ferries of Port Alder sailed again on the", False),
    ],
)
def test_plain_text_headline_without_blank_line(tmp_path: Path, first: str, headline: bool) -> None:
    write(tmp_path / "port-alder-news.txt", first + "\n" + ONE_A_LINE_BODY)
    (article,) = load_corpus([tmp_path]).articles
    if headline:
        assert article.title == first
        assert article.text.startswith("Ferry operators in Port Alder")
        assert len(article.paragraphs) == 2
    else:
        assert article.text.startswith(first.split()[0])
        assert article.title != first or len(first) <= 90
        assert first.split()[-1] in article.paragraphs[0].slice(article.text)


def test_plain_text_headline_before_a_byline(tmp_path: Path) -> None:
    headline = "Port Alder Ferries Sail Again After the Storms"
    write(tmp_path / "port-alder-news.txt", headline + "\nBy Ana Ruiz\n" + ONE_A_LINE_BODY)
    (article,) = load_corpus([tmp_path]).articles
    assert article.title == "Port Alder Ferries Sail Again After the Storms"
    assert article.paragraphs[0].slice(article.text) == "By Ana Ruiz"
    assert len(article.paragraphs) == 3


def test_a_page_of_links_is_not_an_article() -> None:
    from tuireader.sources.files import parse_html

    warnings: list[str] = []
    menu = "<html><body><nav><a href='/'>Home</a> <a href='/about'>About</a></nav><p>Home About</p></body></html>"
    assert parse_html("menu.html", menu, warnings.append) == []
    assert warnings == ["menu.html: no article text found in the HTML page (only 2 words, no sentence)"]
    brief = "<html><body><h1>Bridge</h1><p>The council voted on Monday to close the old bridge.</p></body></html>"
    assert len(parse_html("brief.html", brief, warnings.append)) == 1


def test_the_article_size_cap_applies_inside_json(tmp_path: Path) -> None:
    huge = "The council met again. " * 200_000  # 4.6 MB of text in one JSON object
    (tmp_path / "big.json").write_text(
        json.dumps([{"title": "Huge", "text": huge}, {"title": "Small", "text": "The council met on Monday."}]),
        encoding="utf-8",
    )
    corpus = load_corpus([tmp_path])
    assert [a.title for a in corpus.articles] == ["Small"]
    assert any("big.json#0: skipped, too large for an article" in w for w in corpus.warnings)
