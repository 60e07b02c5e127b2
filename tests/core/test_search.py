"""The fuzzy filter: fields, prefixes, typos, spelling variants through aliases, ranking, positions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader.core.search import Field, SearchIndex, match_positions, parse_query
from tuireader.model import Analysis, Article, ArticleAnalysis, Entity, Label
from tuireader.sources.files import RawArticle, build_article


def _article(title: str, source: str, text: str = "Body text.") -> Article:
    article = build_article(RawArticle(path=f"{source}.txt", text=text, title=title, source=source))
    assert article is not None
    return article


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    arts = [
        _article("Flood waters rise in Porto Alegre", "Southern Herald", "Flood text one."),
        _article("Governor asks for federal aid", "Capital Wire", "Aid text two."),
        _article("Rescue boats reach stranded families", "River Times", "Rescue text three."),
        _article("Tariff talks stall in Geneva", "Capital Wire", "Tariff text four."),
    ]
    a, b, c, d = (x.id for x in arts)
    analysis = Analysis(
        articles=arts,
        by_article={
            a: ArticleAnalysis(a, topics=("flooding", "rainfall")),
            b: ArticleAnalysis(b, topics=("federal aid",)),
            c: ArticleAnalysis(c, topics=("rescue operations",)),
            d: ArticleAnalysis(d, topics=("trade tariffs",)),
        },
        entities=[
            # Spelled two ways across sources: both spellings are aliases of one person.
            Entity(
                "e1",
                "Eduardo Leite",
                Label.PERSON,
                ("Eduardo Leite", "Eduardo Leitte"),
                {a: ("Eduardo Leite",), b: ("Eduardo Leitte",)},
            ),
            Entity("e2", "Defesa Civil", Label.ORG, ("Defesa Civil",), {c: ("Defesa Civil",)}),
            Entity("e3", "Geneva", Label.PLACE, ("Geneva",), {d: ("Geneva",)}),
            Entity("e4", "Ngozi Okonjo", Label.PERSON, ("Ngozi Okonjo",), {d: ("Ngozi Okonjo",)}),
        ],
    )
    return SearchIndex(arts, analysis)


def _titles(index: SearchIndex, query: str) -> list[str]:
    by_id = {a.id: a.title for a in index.articles}
    return [by_id[r.article] for r in index.search(query)]


def test_empty_query_lists_everything_in_order(index: SearchIndex) -> None:
    assert _titles(index, "  ") == [a.title for a in index.articles]


def test_title_words_match_and_typos_still_match(index: SearchIndex) -> None:
    assert _titles(index, "rescue")[0] == "Rescue boats reach stranded families"
    assert "Rescue boats reach stranded families" in _titles(index, "resuce boats")
    assert _titles(index, "tarif") == ["Tariff talks stall in Geneva"]


def test_spelling_variants_find_every_article_of_the_person(index: SearchIndex) -> None:
    # Either spelling finds both articles, because the entity's aliases are indexed.
    for query in ("leitte", "leite", "p:eduardo leite", 'p:"eduardo leitte"'):
        assert set(_titles(index, query)) >= {"Flood waters rise in Porto Alegre", "Governor asks for federal aid"}


def test_field_prefixes_restrict_the_field(index: SearchIndex) -> None:
    assert _titles(index, "s:capital") == ["Governor asks for federal aid", "Tariff talks stall in Geneva"]
    assert _titles(index, "t:rainfall") == ["Flood waters rise in Porto Alegre"]
    assert _titles(index, "o:defesa") == ["Rescue boats reach stranded families"]
    assert _titles(index, "l:geneva") == ["Tariff talks stall in Geneva"]
    # "rescue" is a title word, not a person.
    assert _titles(index, "p:rescue") == []


def test_words_are_anded(index: SearchIndex) -> None:
    assert _titles(index, "s:capital tariff") == ["Tariff talks stall in Geneva"]
    assert _titles(index, "flood tariff") == []


def test_results_ranked_by_score(index: SearchIndex) -> None:
    results = index.search("geneva")
    assert results[0].score >= results[-1].score
    scores = [r.score for r in results]
    assert scores == sorted(scores, reverse=True)


def test_matched_positions_point_at_the_matched_characters(index: SearchIndex) -> None:
    result = index.search("flood")[0]
    title = next(a.title for a in index.articles if a.id == result.article)
    assert "".join(title[p] for p in result.title_positions).lower() == "flood"
    person = index.search("p:leitte")[0].matches[0]
    assert person.field is Field.PERSON
    assert "".join(person.text[p] for p in person.positions).lower() in {"leitte", "leite"}


def test_match_positions_fuzzy() -> None:
    positions = match_positions("zelenskyy", "Volodymyr Zelensky spoke")
    matched = "".join("Volodymyr Zelensky spoke"[p] for p in positions)
    assert matched.lower().startswith("zelensky")


def test_parse_query() -> None:
    terms = parse_query('p:Karoline Leavitt t:tariffs x:y p:"Ana  Maria" "open')
    assert [(t.field, t.word) for t in terms] == [
        (Field.PERSON, "karoline"),
        (None, "leavitt"),
        (Field.TOPIC, "tariffs"),
        (None, "x:y"),
        (Field.PERSON, "ana maria"),
        (None, "open"),
    ]


def test_index_without_analysis_searches_titles_and_sources() -> None:
    arts = [_article("Storm hits coast", "Bay News"), _article("Markets rally", "Money Daily")]
    idx = SearchIndex(arts)
    assert [r.article for r in idx.search("storm")] == [arts[0].id]
    assert [r.article for r in idx.search("s:money")] == [arts[1].id]


def test_cancelled_search_returns_nothing(index: SearchIndex) -> None:
    assert len(index.search("flood", cancelled=lambda: True)) == 0


def test_scales_to_many_articles() -> None:
    arts = [
        Article(id=f"a{i}", path="", title=f"Report number {i} on harbour works", source=f"Outlet {i % 40}", text="x")
        for i in range(10_000)
    ]
    idx = SearchIndex(arts)
    hits = idx.search("s:outlet 7")
    assert hits and all(arts[int(r.article[1:])].source.startswith("Outlet") for r in hits)
    assert len(idx.search("harbor")) == 10_000


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=30))
def test_any_query_is_safe(query: str) -> None:
    arts = [_article("Flood waters rise", "Herald"), _article("Ｆｕｌｌ width İstanbul ß", "Wire")]
    idx = SearchIndex(arts)
    for result in idx.search(query):
        for m in result.matches:
            assert all(0 <= p < len(m.text) for p in m.positions)


class _WordIndex:
    """A TextIndex for the core tests: whole lowercase words of each text (no SQLite in core)."""

    def __init__(self, articles: list[Article]) -> None:
        import re

        self.words = [set(re.findall(r"\w+", a.text.lower())) for a in articles]

    def match(self, phrase: str):  # type: ignore[no-untyped-def]
        import numpy as np

        want = phrase.lower().split()
        hits = [i for i, words in enumerate(self.words) if all(w in words for w in want)]
        return np.asarray(hits, dtype=np.int64), np.full(len(hits), 0.5)


def _bodies() -> tuple[list[Article], Analysis]:
    arts = [
        _article(
            "Harbour ferry fares to rise", "Coast Post", "Fares rise in May. The ferry swap was agreed on Friday."
        ),
        _article("Ferry swap agreed by councils", "Bay Times", "Councils met. They agreed."),
        _article("Council budget passes", "Town Crier", "The budget passed. No ferry news."),
    ]
    ids = [a.id for a in arts]
    analysis = Analysis(
        articles=arts,
        by_article={
            ids[0]: ArticleAnalysis(ids[0], topics=("conversation", "ferry fares")),
            ids[1]: ArticleAnalysis(ids[1], topics=("sanctions",)),
            ids[2]: ArticleAnalysis(ids[2], topics=("budget",)),
        },
    )
    return arts, analysis


def test_the_text_is_searched_and_ranked_below_a_whole_word_title_match() -> None:
    arts, analysis = _bodies()
    index = SearchIndex(arts, analysis, text=_WordIndex(arts))
    results = index.search("swap")
    titles = [index.articles[[a.id for a in arts].index(r.article)].title for r in results]
    # "swap" is a whole word of the second title, only in the text of the first
    assert titles == ["Ferry swap agreed by councils", "Harbour ferry fares to rise"]
    body = results[1].text_match
    assert body is not None and body.field is Field.TEXT
    assert body.text == "The ferry swap was agreed on Friday."
    assert "".join(body.text[p] for p in body.positions) == "swap"
    assert arts[0].text[body.start : body.start + len(body.text)] == body.text  # type: ignore[operator]
    assert results[0].text_match is None  # matched in the title, not the text
    assert SearchIndex(arts, analysis).search("friday") == ()  # without a text index, no text search


def test_a_whole_word_beats_a_fuzzy_match_in_the_title() -> None:
    arts = [_article("Councillors meet again", "A"), _article("Council meets", "B")]
    index = SearchIndex(arts)
    assert [r.article for r in index.search("council")] == [arts[1].id, arts[0].id]


def test_topic_filters_match_the_topic_exactly() -> None:
    arts, analysis = _bodies()
    index = SearchIndex(arts, analysis)
    by_id = {a.id: a.title for a in arts}
    assert [by_id[r.article] for r in index.search('t:"sanctions"')] == ["Ferry swap agreed by councils"]
    assert [by_id[r.article] for r in index.search('t:"fares"')] == []  # a word of a topic is not the topic
    assert [by_id[r.article] for r in index.search("t:fares")] == ["Harbour ferry fares to rise"]  # a word of it
    assert [by_id[r.article] for r in index.search("t:fare")] == []  # whole words only: no fuzzy topics
    assert [by_id[r.article] for r in index.search('t:"ferry fares"')] == ["Harbour ferry fares to rise"]
    # unprefixed, a topic matches by whole words only: "sanctions" is not "conversation"
    assert [r.article for r in index.search("sanctions")] == [arts[1].id]
