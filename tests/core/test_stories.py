"""Stories: articles about one event are grouped; different events stay apart; no all-pairs work."""

from __future__ import annotations

import datetime as dt
import random
from itertools import combinations
from pathlib import Path

import pytest

from tuireader.core.stories import find_stories, group_stories
from tuireader.model import Analysis, Article, ArticleAnalysis, Entity, Label, Mention
from tuireader.sources.files import RawArticle, build_article, load_corpus

FIXTURES = Path(__file__).parent.parent / "fixtures" / "stories"
STORY_DIRS = sorted(p for p in FIXTURES.iterdir() if p.is_dir()) if FIXTURES.exists() else []


def analyze(articles: list[Article], facts: bool = False) -> Analysis:
    from tuireader.core.pipeline import analyze as run

    return run(articles, facts=facts)


def _partition(analysis: Analysis) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in group_stories(analysis)}


def _folder_of(article: Article) -> str:
    return Path(article.path).parent.name


# ---------------------------------------------------------------------------------------------
# Real multi-source stories (held-out fixtures and the seeds), through the whole pipeline


@pytest.mark.parametrize("folder", STORY_DIRS, ids=lambda p: p.name)
def test_one_story_folder_is_one_story(folder: Path) -> None:
    analysis = analyze(load_corpus([folder]).articles, facts=False)
    assert len(analysis.stories) == 1
    assert set(analysis.stories[0].articles) == {a.id for a in analysis.articles}


def test_seeds_are_one_story() -> None:
    analysis = analyze(load_corpus().articles, facts=False)
    assert [len(s.articles) for s in analysis.stories] == [5]


# The stand-in story written here reports the same calls as the real seeds: one story with them.
STANDINS = FIXTURES / "ceasefire-calls-written-here"


@pytest.mark.parametrize("with_seeds", [False, True], ids=["stand-ins", "real-seeds"])
def test_mixed_folders_split_back_into_their_stories(with_seeds: bool) -> None:
    assert len(STORY_DIRS) >= 2 and STANDINS in STORY_DIRS
    folders = [d for d in STORY_DIRS if d != STANDINS] + [Path(load_corpus().articles[0].path).parent]
    corpus = load_corpus(folders if with_seeds else STORY_DIRS)
    analysis = analyze(corpus.articles, facts=False)
    expected: dict[str, set[str]] = {}
    for article in corpus.articles:
        expected.setdefault(_folder_of(article), set()).add(article.id)
    assert _partition(analysis) == {frozenset(ids) for ids in expected.values()}
    for story in analysis.stories:
        assert story.label and len(story.label) < 120


def test_without_extractor_output_text_names_still_group() -> None:
    """A safety net: capitalised names in the text alone keep folders apart and together."""
    corpus = load_corpus(STORY_DIRS)
    bare = Analysis(articles=corpus.articles)
    expected = {}
    for article in corpus.articles:
        expected.setdefault(_folder_of(article), set()).add(article.id)
    assert _partition(bare) == {frozenset(ids) for ids in expected.values()}


# ---------------------------------------------------------------------------------------------
# A synthetic large corpus: many stories of 3-8 articles that share everyday vocabulary


_SYLLABLES = "ka lo mi ra ven dor sel tu bri an os hel mar ne quo ti zan fe gul pra".split()
_COMMON = (
    "Officials said the council would meet again next week to discuss the budget and the plan.",
    "Residents told reporters that the decision came after months of debate over costs.",
    "The police said nobody was hurt and that an investigation had been opened.",
    "The company said in a statement that it expected the work to finish by the end of the year.",
)


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def synthetic_corpus(stories: int, seed: int = 7) -> tuple[Analysis, dict[str, int]]:
    rng = random.Random(seed)
    articles: list[Article] = []
    by_article: dict[str, ArticleAnalysis] = {}
    entities: dict[str, Entity] = {}
    truth: dict[str, int] = {}
    for story in range(stories):
        people = [f"{_name(rng)} {_name(rng)}" for _ in range(3)]
        town, org = _name(rng), f"{_name(rng)} Holdings"
        day = 1 + rng.randrange(300)
        for k in range(rng.randint(3, 8)):
            sentences = [
                f"In {town}, {people[0]} of {org} said on Monday that the deal was done.",
                f"Later, {people[1]} told the council in {town} the plan would go ahead.",
                f"Residents said {people[2]} had opposed it for years.",
                *rng.sample(_COMMON, 3),
            ]
            rng.shuffle(sentences)
            raw = RawArticle(path=f"s{story}/a{k}.txt", text=f"Report {story}-{k}\n\n" + " ".join(sentences))
            built = build_article(raw)
            assert built is not None
            if built.id in truth:
                continue  # the same text twice: a loader keeps only one
            published = (dt.date(2025, 1, 1) + dt.timedelta(days=day + rng.randrange(3))).isoformat()
            article = Article(**{**{f: getattr(built, f) for f in built.__slots__}, "published": published})
            mentions = []
            for label, name in [(Label.PERSON, p) for p in people] + [(Label.PLACE, town), (Label.ORG, org)]:
                start = article.text.find(name)
                if start >= 0:
                    eid = f"e-{name.lower().replace(' ', '-')}"
                    entities[eid] = Entity(id=eid, name=name, label=label)
                    mentions.append(Mention(start, start + len(name), label, name, eid))
            articles.append(article)
            by_article[article.id] = ArticleAnalysis(article=article.id, mentions=tuple(mentions))
            truth[article.id] = story
    return Analysis(articles=articles, by_article=by_article, entities=list(entities.values())), truth


def test_large_synthetic_corpus_recovers_its_stories_without_all_pairs() -> None:
    analysis, truth = synthetic_corpus(120)
    n = len(analysis.articles)
    grouping = find_stories(analysis)
    expected: dict[int, set[str]] = {}
    for article_id, story in truth.items():
        expected.setdefault(story, set()).add(article_id)
    found = {frozenset(s.articles) for s in grouping.stories}
    wanted = {frozenset(ids) for ids in expected.values()}
    assert len(found & wanted) >= 0.95 * len(wanted)
    # Pairwise precision: articles put together really are from one story.
    together = [(a, b) for s in grouping.stories for a, b in combinations(s.articles, 2)]
    assert sum(truth[a] == truth[b] for a, b in together) >= 0.98 * len(together)
    # Candidate generation: far fewer comparisons than all pairs.
    assert grouping.comparisons < 0.05 * n * (n - 1) / 2
    # Every article is in exactly one story.
    listed = [a for s in grouping.stories for a in s.articles]
    assert sorted(listed) == sorted(truth)
    assert len({s.id for s in grouping.stories}) == len(grouping.stories)


def test_labels_name_what_the_articles_share() -> None:
    analysis, _truth = synthetic_corpus(10, seed=3)
    entities = {e.id: e.name for e in analysis.entities}
    for story in group_stories(analysis):
        if len(story.articles) < 2:
            continue
        shared_names = {
            entities[m.entity]
            for a in story.articles
            for m in analysis.by_article[a].mentions
            if all(m.entity in {x.entity for x in analysis.by_article[b].mentions} for b in story.articles)
        }
        parts = story.label.split(" · ")
        assert 1 <= len(parts) <= 3
        assert any(part in shared_names for part in parts), (story.label, shared_names)


# ---------------------------------------------------------------------------------------------
# Dates and round-ups


def _article(path: str, text: str, published: str | None) -> Article:
    built = build_article(RawArticle(path=path, text=text, published=published))
    assert built is not None
    return built


FLOOD = (
    "Flood waters reached the centre of Varnholt on {day}, and mayor Idris Pallenberg ordered the "
    "evacuation of the Quellen district. The Varnholt fire brigade said the Sumber river rose two metres. "
    "Pallenberg said the Quellen dam had held."
)


def test_same_names_months_apart_are_different_stories() -> None:
    a = _article("a.txt", FLOOD.format(day="Monday"), "2024-03-04")
    b = _article("b.txt", FLOOD.format(day="Tuesday") + " Repairs begin soon.", "2024-03-05")
    c = _article("c.txt", FLOOD.format(day="Friday") + " It was the second flood this year.", "2024-09-20")
    found = _partition(Analysis(articles=[a, b, c]))
    assert found == {frozenset({a.id, b.id}), frozenset({c.id})}
    undated = [_article(x.path, x.text, None) for x in (a, b, c)]
    assert len(_partition(Analysis(articles=undated))) == 1


STRIKE = (
    "Dockworkers at the Tarrow terminal walked out on Monday. Union leader Mireille Okonjo said the strike "
    "at Tarrow would last three days. The Tarrow Port Authority said {n} ships were waiting. Okonjo said "
    "the Brevik Shipping plan to automate two quays put jobs at risk."
)
ELECTION = (
    "Voters in Kellsmoor elected Anselm Drury as mayor on Sunday. Drury won {n} percent of the vote in "
    "Kellsmoor, ahead of Petra Vukovic. Vukovic conceded on Monday and said the Kellsmoor Civic League "
    "would stay in opposition to Drury."
)


def test_round_up_article_does_not_chain_two_stories() -> None:
    strike = [_article(f"s{i}.txt", STRIKE.format(n=30 + i) + f" Report {i}.", "2024-05-06") for i in range(4)]
    election = [_article(f"e{i}.txt", ELECTION.format(n=50 + i) + f" Report {i}.", "2024-05-06") for i in range(4)]
    roundup = _article("r.txt", STRIKE.format(n=33) + " " + ELECTION.format(n=52), "2024-05-06")
    stories = _partition(Analysis(articles=[*strike, *election, roundup]))
    strike_ids, election_ids = {a.id for a in strike}, {a.id for a in election}
    assert not any(strike_ids & s and election_ids & s for s in stories)
    assert any(strike_ids <= s for s in stories) and any(election_ids <= s for s in stories)


def test_empty_and_single() -> None:
    assert group_stories(Analysis(articles=[])) == []
    one = _article("x.txt", "Headline\n\nA single short article about Jorvik harbour.", None)
    stories = group_stories(Analysis(articles=[one]))
    assert [s.articles for s in stories] == [(one.id,)]
    assert stories[0].label == one.title


def test_facts_are_aligned_per_story_and_never_cross_stories() -> None:
    from tuireader.core.facts import align

    corpus = load_corpus(STORY_DIRS[:3])
    analysis = analyze(corpus.articles, facts=True)
    assert len(analysis.stories) == 3 and analysis.facts
    story_of = {a: s.id for s in analysis.stories for a in s.articles}
    for fact in analysis.facts:
        assert len({story_of[a] for a in fact.articles}) == 1
    # The same facts as aligning the whole corpus at once (which blocks by story itself).
    assert analysis.facts == align.align_facts(analysis)


# ---------------------------------------------------------------------------------------------
# Candidate pairs in arrays


@pytest.mark.parametrize("at_once", [1 << 16, 50, 7, 1])
def test_candidate_dots_are_the_dot_products_over_rare_shared_features(
    at_once: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Against a plain all-pairs computation: the same pairs, in the order first found feature by
    feature, and the same sums (added in the same order, so equal to the last bit), whether the
    pairs are generated at once or in blocks."""
    import numpy as np

    from tuireader.core import stories
    from tuireader.core.stories import _candidate_dots, index_cap

    monkeypatch.setattr(stories, "PAIRS_AT_ONCE", at_once)

    rng = random.Random(5)
    n = 60
    vectors = [{f"f{rng.randrange(90)}": rng.uniform(0.1, 3.0) for _ in range(rng.randint(0, 7))} for _ in range(n)]
    vectors[7] = {f"common{k}": 1.0 for k in range(3)} | vectors[7]
    for k in range(40):  # held by more articles than the cap: never indexed
        vectors[k]["common0"] = 1.0
    number: dict[str, int] = {}
    rows = [(i, number.setdefault(f, len(number)), w) for i, vec in enumerate(vectors) for f, w in vec.items()]
    owner = np.array([r[0] for r in rows], dtype=np.int64)
    feature = np.array([r[1] for r in rows], dtype=np.int64)
    weight = np.array([r[2] for r in rows])
    df = np.bincount(feature, minlength=len(number))
    pairs, dots = _candidate_dots(owner, feature, weight, df, n)

    counts = {f: int(df[k]) for f, k in number.items()}
    expected: dict[int, float] = {}
    for f in number:  # features in the order first seen, each one's articles in order
        if not 2 <= counts[f] <= index_cap(n):
            continue
        holders = [i for i, vec in enumerate(vectors) if f in vec]
        for x, i in enumerate(holders):
            for j in holders[x + 1 :]:
                expected[i * n + j] = expected.get(i * n + j, 0.0) + vectors[i][f] * vectors[j][f]
    assert counts["common0"] > index_cap(n) and expected
    assert pairs.tolist() == list(expected)
    assert dots.tolist() == list(expected.values())


def test_date_factors_fade_after_a_couple_of_days_and_ignore_missing_dates() -> None:
    import numpy as np

    from tuireader.core.stories import DATE_WINDOW, SAME_DAYS, _date_factors

    day = 738_000
    gaps = list(range(0, SAME_DAYS + DATE_WINDOW + 4))
    a = np.array([day] * len(gaps) + [0, day, 0], dtype=np.int64)
    b = np.array([day + g for g in gaps] + [day + 40, 0, 0], dtype=np.int64)
    factors = _date_factors(a, b).tolist()
    assert factors[: SAME_DAYS + 1] == [1.0] * (SAME_DAYS + 1)
    fading = factors[SAME_DAYS : SAME_DAYS + DATE_WINDOW + 1]
    assert fading == sorted(fading, reverse=True) and fading[-1] == 0.0 and 0 < fading[1] < 1
    assert factors[SAME_DAYS + DATE_WINDOW : len(gaps)] == [0.0] * (len(gaps) - SAME_DAYS - DATE_WINDOW)
    assert factors[-3:] == [1.0, 1.0, 1.0]  # an undated article is not penalised
    assert _date_factors(b[:3], a[:3]).tolist() == factors[:3]  # symmetric
