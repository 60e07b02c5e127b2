"""The analysis JSON is written by orjson: the same content the standard library's encoder gives,
for every kind of text an article can hold."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader.core.pipeline import analyze
from tuireader.model import Analysis, Article, Span
from tuireader.sources.files import RawArticle, build_article
from tuireader.store.codec import decode_articles, dumps, encode_articles, loads
from tuireader.views.analysis_json import dumps as analysis_dumps
from tuireader.views.analysis_json import to_dict

TEXT = (
    "Ferry strike enters day two\n\nAbout 240 ferry workers at Port Calder stopped work, union leader "
    "Mira Santos said on Tuesday. “We will not sail,” Santos said. Fares rose 12% — a record, "
    "according to the Calder Ferry Company, which said the strike cost €1.2 million a day. 😀"
)
# Any code point, lone surrogates included (a JSON article can hold "\\ud800"): orjson refuses those.
ANY_TEXT = st.text(st.one_of(st.characters(), st.integers(0xD800, 0xDFFF).map(chr)))


def _stdlib(analysis: Analysis) -> object:
    return json.loads(json.dumps(to_dict(analysis), ensure_ascii=False, indent=1))


def test_same_content_as_the_standard_library_on_a_real_analysis() -> None:
    articles = [
        build_article(RawArticle(path=f"{i}.txt", text=t, source=s, published="2024-04-05"))
        for i, (t, s) in enumerate([(TEXT, "Ledger"), (TEXT.replace("240", "300"), "Courier")])
    ]
    analysis = analyze([a for a in articles if a is not None])
    assert analysis.entities and analysis.facts and any(a.quotes for a in analysis.by_article.values())
    text = analysis_dumps(analysis)
    assert text.endswith("}\n") and "€1.2 million" in text and "😀" in text  # UTF-8, not \u escapes
    assert json.loads(text) == _stdlib(analysis)


@settings(max_examples=60, deadline=None)
@given(ANY_TEXT, ANY_TEXT, st.one_of(st.none(), ANY_TEXT))
def test_same_content_for_any_text(text: str, title: str, author: str | None) -> None:
    article = Article("a1", "x.txt", title, "Ledger", text, (Span(0, len(text)),), author=author)
    analysis = Analysis(articles=[article], topics=[title])
    out = analysis_dumps(analysis)
    assert out.endswith("\n")
    assert json.loads(out) == _stdlib(analysis)


@settings(max_examples=60, deadline=None)
@given(ANY_TEXT, ANY_TEXT)
def test_cache_codec_round_trips_any_text(text: str, title: str) -> None:
    article = Article("a1", "x.txt", title, "Ledger", text, (Span(0, len(text)),))
    assert decode_articles(encode_articles([article])) == [article]
    assert loads(dumps([text, title])) == [text, title]


def test_lone_surrogates_are_written_not_refused() -> None:
    article = Article("a1", "x.json", "Odd \ud800 title", "Ledger", "Text \udfff here.", (Span(0, 16),))
    assert json.loads(analysis_dumps(Analysis(articles=[article])))["articles"][0]["title"] == "Odd \ud800 title"
    assert decode_articles(encode_articles([article])) == [article]
