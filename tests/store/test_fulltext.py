"""The full-text index (SQLite FTS5, in memory): words, prefixes, phrases, numbers, and the
search it gives the reader's filter."""

from __future__ import annotations

import pytest

from tuireader.core.search import Field, SearchIndex
from tuireader.model import Article
from tuireader.sources.files import RawArticle, build_article
from tuireader.store.fulltext import FullTextIndex, fts_query

TEXTS = [
    ("Harbour fares rise", "The ferry operators announced the fares on Friday. Some 1,000 passengers complained."),
    ("Council votes on budget", "Negotiations over the budget lasted the weekend. The killings of swans were noted."),
    ("Bridge reopens", "The bridge reopened after repairs. Café owners welcomed the news."),
]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    out = []
    for i, (title, text) in enumerate(TEXTS):
        article = build_article(RawArticle(path=f"{i}.txt", text=text, title=title, source=f"Paper {i}"))
        assert article is not None
        out.append(article)
    return out


def test_query_syntax_is_safe_and_prefixes_from_three_letters() -> None:
    assert fts_query("negot") == '"negot"*'
    assert fts_query("on") == '"on"'
    assert fts_query('a "quoted" OR NOT') == '"a quoted or not"*'
    assert fts_query("1,000") == '"1 000"*'
    assert fts_query("--- ") is None


def test_words_prefixes_phrases_numbers_and_accents(articles: list[Article]) -> None:
    index = FullTextIndex(articles)

    def hits(phrase: str) -> list[int]:
        return sorted(index.match(phrase)[0].tolist())

    assert hits("weekend") == [1]
    assert hits("killings") == [1]
    assert hits("negot") == [1]  # the start of a word, as one types
    assert hits("1,000") == [0]
    assert hits("cafe") == [2]  # accents folded
    assert hits("the fares") == [0]
    assert hits("fares the") == []  # a phrase keeps its order
    assert hits("zebra") == []
    assert hits('"') == []
    found, relevance = index.match("the")
    assert sorted(found.tolist()) == [0, 1, 2] and ((relevance > 0) & (relevance < 1)).all()


def test_body_words_find_the_article_with_a_snippet_of_the_sentence(articles: list[Article]) -> None:
    index = SearchIndex(articles, text=FullTextIndex(articles))
    results = index.search("weekend")
    assert [r.article for r in results] == [articles[1].id]
    match = results[0].text_match
    assert match is not None and match.field is Field.TEXT
    assert match.text == "Negotiations over the budget lasted the weekend."
    assert "".join(match.text[p] for p in match.positions) == "weekend"
    assert match.start == 0
    assert [r.article for r in index.search("s:paper 1,000")] == [articles[0].id]
    # a title word ranks above the same word in another article's text
    assert [r.article for r in index.search("budget")] == [articles[1].id]
    assert index.search("bridge")[0].article == articles[2].id
