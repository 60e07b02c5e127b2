"""Key phrases: what an article is about, in lower case, without names, variants or filler."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader.core import topics
from tuireader.model import Article, ArticleAnalysis
from tuireader.sources.files import RawArticle, build_article, bundled_seeds, load_corpus

DROUGHT = (
    "Farmers in the north say the drought has cut the maize harvest by half. The drought began in March, "
    "and the government has promised emergency irrigation funds. Irrigation channels built in the 1990s have "
    "silted up, and water rationing is now in force in three provinces. Agriculture Minister Tomas Halvorsen "
    "said the irrigation funds would reach farmers within weeks. Halvorsen said water rationing would last "
    "until the rains return. Aid groups warned that maize prices could double if the drought continues."
)
STRIKE = (
    "Dockworkers walked out on Tuesday in a strike over automation. The union says automated cranes will cost "
    "hundreds of jobs; the terminal operator says automation is needed to compete. Talks on a job guarantee "
    "broke down on Monday. The strike has left container ships waiting at anchor, and freight rates have risen. "
    "The union said the strike would continue until the job guarantee is written into the contract."
)


def make(text: str, title: str = "") -> Article:
    article = build_article(RawArticle(path="a.txt", text=text, title=title or None))
    assert article is not None
    return article


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (DROUGHT, {"drought", "irrigation funds", "water rationing", "maize"}),
        (STRIKE, {"strike", "automation", "job guarantee"}),
    ],
)
def test_finds_what_the_article_is_about(text: str, expected: set[str]) -> None:
    found = topics.extract_topics(make(text))
    joined = " | ".join(found)
    hits = [phrase for phrase in expected if phrase in joined]
    assert len(hits) >= len(expected) - 1, found


@pytest.mark.parametrize("text", [DROUGHT, STRIKE])
def test_shape_of_topics(text: str) -> None:
    found = topics.extract_topics(make(text))
    assert 3 <= len(found) <= topics.TOPICS_PER_ARTICLE
    assert all(phrase == phrase.lower() for phrase in found)
    assert len(set(found)) == len(found)
    # no names ("Halvorsen") and no weekdays or reporting verbs
    assert not any(word in phrase for phrase in found for word in ("halvorsen", "tuesday", "said"))


def test_variants_are_folded() -> None:
    text = (
        "Ceasefire talks resumed. The ceasefire talk in Doha was short. Ceasefire talks will go on, "
        "and the ceasefire talks may end the war. A ceasefire is near, the mediators said."
    )
    found = topics.extract_topics(make(text))
    stems = [" ".join(topics._stem(w) for w in phrase.split()) for phrase in found]
    assert len(stems) == len(set(stems)), found
    assert not ({"ceasefire talks", "ceasefire talk"} <= set(found))


def test_capitalised_emphasis_is_not_a_name() -> None:
    # "Ceasefire" capitalised for emphasis is still the topic, because the article also writes "ceasefire".
    text = "He wants a Ceasefire now. The ceasefire would start on Friday. Both sides accept a ceasefire."
    assert "ceasefire" in topics.extract_topics(make(text))


def test_empty_article() -> None:
    assert topics.extract_topics(Article(id="x", path="x", title="", source="", text="")) == ()


def test_corpus_topics_rank_shared_phrases_first() -> None:
    analyses = [
        ArticleAnalysis("a", topics=("ceasefire", "prisoner exchange", "sanctions")),
        ArticleAnalysis("b", topics=("ceasefire", "memorandum", "prisoner exchange")),
        ArticleAnalysis("c", topics=("sanction", "ceasefire", "weather")),
    ]
    ranked = topics.corpus_topics(analyses)
    assert ranked[0] == "ceasefire"
    assert ranked.index("prisoner exchange") < ranked.index("weather")
    # "sanctions" and "sanction" are one topic
    assert sum(1 for phrase in ranked if phrase.startswith("sanction")) == 1
    assert len(ranked) <= topics.CORPUS_TOPICS


STANDINS = Path(__file__).resolve().parents[1] / "fixtures" / "stories" / "ceasefire-calls-written-here"


@pytest.mark.parametrize("folder", [STANDINS, None], ids=["stand-ins", "real-seeds"])
def test_seed_corpus_topics(folder: Path | None) -> None:
    # The stand-in story written here and the real seeds: every outlet writes about the ceasefire;
    # names never appear as topics.
    articles = load_corpus([folder or bundled_seeds()]).articles
    analyses = [ArticleAnalysis(a.id, topics=topics.extract_topics(a)) for a in articles]
    ranked = topics.corpus_topics(analyses)
    assert ranked[0] == "ceasefire"
    assert not any(name in " ".join(ranked) for name in ("trump", "putin", "zelensky"))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_no_crash_on_arbitrary_text(text: str) -> None:
    found = topics.extract_topics(Article(id="x", path="x", title="", source="", text=text))
    assert len(found) <= topics.TOPICS_PER_ARTICLE
    assert all(phrase.strip() and phrase == phrase.lower() for phrase in found)
