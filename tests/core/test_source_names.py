"""Source names: from metadata, URLs and file names, and the labels every view shows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader.core.search import SearchIndex
from tuireader.core.source_names import (
    ELLIPSIS,
    cells,
    derived_source,
    outlet_from_url,
    source_from_path,
    source_labels,
)
from tuireader.model import Article
from tuireader.sources.files import load_corpus


def article(number: int, title: str, source: str = "") -> Article:
    return Article(id=f"a{number}", path=f"{number:03d}_x.txt", title=title, source=source, text=title)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/news/harbor-post.txt", "Harbor Post"),
        ("/news/north_coast_times.md", "North Coast Times"),
        ("/news/NorthCoastTimes_2031-04-02.md", "North Coast Times"),
        ("/news/voice-of-the-valley.txt", "Voice of the Valley"),
        ("/news/kbx-evening-report.txt", "KBX Evening Report"),
        ("/news/000_06bf6b53e4c26df7.txt", ""),  # an ordinal and a hash
        ("/news/9f8e7d6c5b4a.txt", ""),
        ("/news/2031-04-02.txt", ""),
        ("/news/20310402_1130.html", ""),
        ("/news/3f2a4c1e-9b7d-4e21-8c3a-5d6e7f809a1b.txt", ""),  # a uuid
        ("/news/article-3.txt", ""),
        ("/news/untitled.md", ""),
        ("/news/qzxwvkt.txt", ""),  # letters that are no word
        ("/news/batch.jsonl:4", ""),  # one article of a collection: the file does not name it
        ("/news/batch.json#2", ""),
    ],
)
def test_source_from_a_file_name(path: str, expected: str) -> None:
    assert source_from_path(path) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.harbor-post.com/2031/04/bridge", "Harbor Post"),
        ("https://harborpost.com/bridge", "Harbor Post"),
        ("https://news.valleycourier.co.uk/a/1", "Valley Courier"),
        ("https://www.thebaytelegraph.net/x", "The Bay Telegraph"),
        ("https://kbx.com/story", "KBX"),
        ("https://www.lmnews.org/", "LM News"),
        ("http://127.0.0.1:8123/page", "127.0.0.1"),
        ("http://localhost:8000/x", "localhost"),
    ],
)
def test_outlet_from_a_url(url: str, expected: str) -> None:
    assert outlet_from_url(url) == expected


def test_a_url_names_the_source_before_the_file_name() -> None:
    assert derived_source("/saved/0a1b2c3d4e5f.html", "https://www.harbor-post.com/x") == "Harbor Post"
    assert derived_source("/saved/harbor-post.html", None) == "Harbor Post"
    assert derived_source("/saved/0a1b2c3d4e5f.html", None) == ""


def test_metadata_sources_win_and_opaque_files_get_no_source(tmp_path: Path) -> None:
    (tmp_path / "000_5d41402abc4b.txt").write_text("Dock Strike Ends\n\nThe dock strike ended on Sunday.\n")
    (tmp_path / "harbor-post.md").write_text("---\nsource: The Quay Gazette\n---\nFerries sailed again on Monday.\n")
    (tmp_path / "batch.json").write_text(
        json.dumps(
            [
                {"text": "Cranes returned on Tuesday.", "url": "https://www.portledger.com/cranes"},
                {"text": "Tolls rose on Wednesday.", "source": "Tideway Radio"},
            ]
        )
    )
    (tmp_path / "lighthouse-weekly.txt").write_text("The lighthouse reopened on Thursday.\n")
    corpus = load_corpus([tmp_path])
    sources = {Path(a.path.split("#")[0]).name + a.path[len(a.path.split("#")[0]) :]: a.source for a in corpus.articles}
    assert sources == {
        "000_5d41402abc4b.txt": "",
        "batch.json#0": "Port Ledger",
        "batch.json#1": "Tideway Radio",
        "harbor-post.md": "The Quay Gazette",
        "lighthouse-weekly.txt": "Lighthouse Weekly",
    }


STORIES = [
    "Harbour dredging plan approved after long delay",
    "Council approves harbour plan despite protests",
    "Fishermen protest as council backs harbour plan",
]


def test_an_unknown_source_is_labelled_by_ordinal_and_distinctive_headline_words() -> None:
    articles = [article(i, title) for i, title in enumerate(STORIES, 1)]
    labels = source_labels(articles)
    # A word no other headline has opens the label ("harbour" and "plan" are in all three); the
    # second headline has none, so it opens on its earliest word that only one other shares.
    assert labels == {"a1": "#1 Dredging plan approved", "a2": "#2 Council approves", "a3": "#3 Fishermen protest"}
    assert source_labels(articles, width=14) == {"a1": "#1 Dredging", "a2": "#2 Council", "a3": "#3 Fishermen"}
    # Narrower still: another word of the headline that fits, never a word cut short.
    assert source_labels(articles, width=10) == {"a1": "#1 Long", "a2": "#2 Council", "a3": "#3 Backs"}
    for label, title in zip(labels.values(), STORIES, strict=True):
        words = label.split(" ", 1)[1]
        assert words.lower() in title.lower()  # a phrase of the headline, as the article list shows it


def test_labels_fit_the_width_at_word_boundaries() -> None:
    articles = [
        article(1, "A", "The Northfield Evening Gazette"),
        article(2, "B", "Valley Courier"),
        article(3, "Harbour dredging plan approved after long delay"),
    ]
    for width in (30, 20, 14, 12):
        labels = source_labels(articles, width=width)
        assert all(cells(label) <= width for label in labels.values()), (width, labels)
        assert len(set(labels.values())) == 3
        for label in labels.values():
            stem = label.removesuffix(ELLIPSIS)
            # Whole words only: every word of the label is a word of the name or the headline.
            source_words = "The Northfield Evening Gazette Valley Courier #3 Harbour dredging plan approved".split()
            assert all(word in source_words for word in stem.split()), (width, label)
    assert source_labels(articles, width=20)["a1"] == "Northfield Evening…"
    assert source_labels(articles)["a1"] == "The Northfield Evening Gazette"


def test_two_articles_never_share_a_label() -> None:
    articles = [
        article(1, "A", "Daily Planet"),
        article(2, "B", "daily planet"),
        article(3, "C", "Northfield Gazette"),
        article(4, "D", "Northfield Guardian"),
        article(5, "Same headline"),
        article(6, "Same headline"),
    ]
    for width in (None, 30, 14, 12, 10, 8):
        labels = source_labels(articles, width=width)
        assert len({label.casefold() for label in labels.values()}) == len(articles), (width, labels)
    full = source_labels(articles)
    assert (full["a1"], full["a2"]) == ("Daily Planet (1)", "daily planet (2)")
    narrow = source_labels(articles, width=12)
    # "Northfield…" would name both: each keeps the word that tells them apart.
    assert (narrow["a3"], narrow["a4"]) == ("N. Gazette", "N. Guardian")


def test_labels_are_deterministic_and_depend_on_the_whole_corpus() -> None:
    articles = [article(i, title) for i, title in enumerate(STORIES, 1)]
    assert source_labels(articles) == source_labels(list(articles))
    # A view of two articles still calls them what the corpus calls them when given the corpus.
    assert source_labels(articles)["a3"].startswith("#3 ")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(max_size=40), st.text(max_size=60)),
        min_size=1,
        max_size=8,
    ),
    st.one_of(st.none(), st.integers(min_value=6, max_value=40)),
)
def test_labels_are_unique_and_fit_for_any_sources_and_headlines(
    items: list[tuple[str, str]], width: int | None
) -> None:
    articles = [article(i, title, source) for i, (source, title) in enumerate(items, 1)]
    labels = source_labels(articles, width=width)
    assert set(labels) == {a.id for a in articles}
    assert len({label.casefold() for label in labels.values()}) == len(articles)
    assert all(label.strip() for label in labels.values())
    if width is not None:
        assert all(cells(label) <= width for label in labels.values())


def test_the_source_filter_finds_an_unnamed_article_by_its_label() -> None:
    articles = [article(i, title) for i, title in enumerate(STORIES, 1)]
    index = SearchIndex(articles)
    assert [hit.article for hit in index.search("s:fishermen")] == ["a3"]
    assert [hit.article for hit in index.search("s:#2")] == ["a2"]


def test_a_wide_character_name_too_long_for_the_room_still_fits() -> None:
    """Found by hypothesis: a name of wide characters, twice, at a width of six cells."""
    articles = [article(i, "Headline", "\u2d260") for i in (1, 2)]
    labels = source_labels(articles, width=6)
    assert len(set(labels.values())) == 2
    assert all(cells(label) <= 6 for label in labels.values())
