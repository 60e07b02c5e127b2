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
            Entity("e1", "Eduardo Leite", Label.PERSON, ("Eduardo Leite", "Eduardo Leitte"),
                   {a: ("Eduardo Leite",), b: ("Eduardo Leitte",)}),
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
