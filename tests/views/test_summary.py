from __future__ import annotations

import io

from rich.console import Console

from tuireader.model import Analysis, Article, ArticleAnalysis, Entity, Label, Quote
from tuireader.views.summary import MAX_ARTICLES, print_summary


def render(analysis: Analysis) -> str:
    out = io.StringIO()
    print_summary(analysis, Console(file=out, width=120, color_system=None))
    return out.getvalue()


def test_summary_lists_variant_spellings_not_short_references() -> None:
    a = Article(id="a", path="a.txt", title="Port strike", source="North Courier", text="x")
    b = Article(id="b", path="b.txt", title="Dock walkout", source="South Post", text="y")
    person = Entity(
        id="person:ana-ruiz",
        name="Ana Ruiz",
        label=Label.PERSON,
        aliases=("Ana Ruiz", "Ruiz", "Ana Ruis"),
        forms={"a": ("Ana Ruiz", "Ruiz"), "b": ("Ana Ruis",)},
    )
    text = render(Analysis(articles=[a, b], entities=[person]))
    assert "spelled Ana Ruiz (North Courier); Ana Ruis (South Post)" in text
    assert "Ruiz (" not in text.replace("Ana Ruiz (", "")


def test_large_corpus_summary_is_capped() -> None:
    articles = [Article(id=f"a{i}", path="", title=f"Story {i}", source="Wire", text="t") for i in range(60)]
    text = render(Analysis(articles=articles))
    assert f"and {60 - MAX_ARTICLES} more articles" in text
    assert "Story 59" not in text


def test_summary_counts_quotations_as_the_reader_does_without_scare_quotes() -> None:
    text = 'The minister said "we will reopen the port" after what she called a "pause".'
    article = Article(id="a", path="a.txt", title="Port reopens", source="North Courier", text=text)
    said = text.index("we will")
    scare = text.index("pause")
    quotes = [Quote(start=said, end=said + 22), Quote(start=scare, end=scare + 5, scare=True)]
    analysis = Analysis(articles=[article], by_article={"a": ArticleAnalysis(article="a", quotes=tuple(quotes))})
    row = next(line for line in render(analysis).splitlines() if "Port reopens" in line)
    assert row.rstrip(" │").endswith("1")
