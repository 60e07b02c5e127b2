"""The real seed articles (src/tuireader/seeds/, copied unchanged): read as a person reads them.

The files put one paragraph a line, with single newlines and no blank line after a headline. The
expected structure below was checked by reading the files: the paragraphs are the files' lines,
except where a line is a headline, a subheading, a hard wrap or part of a quotation running over
several lines.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tuireader.core.pipeline import analyze
from tuireader.model import Article
from tuireader.sources.files import bundled_seeds, load_corpus

SEEDS = bundled_seeds()


def _lines(name: str) -> list[str]:
    return [ln.strip() for ln in (SEEDS / name).read_text(encoding="utf-8").splitlines() if ln.strip()]


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    corpus = load_corpus()
    assert corpus.warnings == []
    return {Path(a.path).name[:3]: a for a in corpus.articles}


def _paragraphs(article: Article) -> list[str]:
    return [p.slice(article.text) for p in article.paragraphs]


def _sentences(article: Article) -> list[str]:
    return [s.slice(article.text) for s in article.sentences]


def test_the_bundled_seeds_are_the_real_files() -> None:
    names = sorted(p.name for p in SEEDS.iterdir())
    assert len(names) == 5 and all(re.fullmatch(r"00[0-4]_[0-9a-f]{16}\.txt", n) for n in names)


def test_000_headline_hard_wrap_and_multi_line_quotation(seeds: dict[str, Article]) -> None:
    article = seeds["000"]
    (name,) = [p.name for p in SEEDS.glob("000_*.txt")]
    lines = _lines(name)
    # Line 1 reads as a headline (one sentence, shorter than the paragraph after it) though it ends with ".".
    assert article.title == lines[0]
    # Line 2 stops mid-sentence ("... U.S. President"): a hard wrap, joined with line 3; not a heading.
    assert not lines[1].endswith((".", "?", "!"))
    # Lines 14-16 are one quotation in single quotes, opened on 14 and closed on 16: one paragraph.
    quote_start = next(i for i, ln in enumerate(lines) if ln.endswith("blockage of progress."))
    expected = [
        f"{lines[1]} {lines[2]}",
        *lines[3:quote_start],
        " ".join(lines[quote_start : quote_start + 3]),
        *lines[quote_start + 3 :],
    ]
    assert _paragraphs(article) == expected
    assert article.headings == ()
    assert _sentences(article)[0] == f"{lines[1]} {lines[2]}"
    # The quotation's three sentences stay three sentences, inside one paragraph.
    assert [s for s in _sentences(article) if s in expected[quote_start - 2]] == [
        lines[quote_start].split(", 'We")[0] + ", 'We recognize that there is some blockage of progress.",
        lines[quote_start + 1],
        lines[quote_start + 2],
    ]


def test_003_two_subheadings(seeds: dict[str, Article]) -> None:
    article = seeds["003"]
    (name,) = [p.name for p in SEEDS.glob("003_*.txt")]
    lines = _lines(name)
    headings = ["Tensions and Sanctions on the Table", "Security, Diplomacy, and Deep Divides"]
    assert [h.slice(article.text) for h in article.headings] == headings
    assert article.title == _sentences(article)[0][: len(article.title) - 1] + "…"  # no headline line
    assert _paragraphs(article) == [ln for ln in lines if ln not in headings]
    assert not any(h in s for s in _sentences(article) for h in headings)


@pytest.mark.parametrize("key", ["001", "002", "004"])
def test_one_paragraph_a_line(seeds: dict[str, Article], key: str) -> None:
    article = seeds[key]
    (name,) = [p.name for p in SEEDS.glob(f"{key}_*.txt")]
    lines = _lines(name)
    # The first line is a lede paragraph (several sentences, or long), not a headline.
    assert _paragraphs(article) == lines
    assert article.headings == ()
    assert article.title.endswith("…") and lines[0].startswith(article.title[:-1])


# Sentence counts, checked by reading every sentence of every file (abbreviations such as "U.S." and
# "5 p.m. Moscow time" do not end a sentence; each line of the quotation in 000 is a sentence).
SENTENCES = {"000": 18, "001": 34, "002": 20, "003": 31, "004": 13}


def test_sentences(seeds: dict[str, Article]) -> None:
    for key, article in seeds.items():
        found = _sentences(article)
        assert len(found) == SENTENCES[key], key
        for span, sentence in zip(article.sentences, found, strict=True):
            assert re.match(r"[\"'“‘]?[A-Z]", sentence), sentence
            assert re.search(r"[.?!][\"'”’]?$", sentence), sentence
            assert any(p.start <= span.start and span.end <= p.end for p in article.paragraphs), sentence
            assert not re.search(r"\b[ap]\.m\.$", sentence), sentence


def test_multi_line_quotation_is_one_quote_with_one_speaker(seeds: dict[str, Article]) -> None:
    analysis = analyze(list(seeds.values()), facts=False)
    article = seeds["000"]
    quotes = analysis.by_article[article.id].quotes
    names = {e.id: e.name for e in analysis.entities}
    (vance,) = [q for q in quotes if article.text[q.start : q.end].startswith("We recognize")]
    assert article.text[vance.start : vance.end].endswith("Are you truthful about this?")
    assert vance.speaker is not None and names[vance.speaker].endswith("Vance")
    # No other quote starts or ends inside it.
    assert not any(q is not vance and vance.start <= q.start < vance.end for q in quotes)
