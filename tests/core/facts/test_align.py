"""Fact alignment, coverage, the side-by-side rows and word-level diff ops (made-up stories, not the seeds)."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader.core.facts import align
from tuireader.core.facts.diff import QUOTE_STYLE, word_diff
from tuireader.core.facts.similarity import LEAD_SENTENCES, SentenceRef, candidate_pairs, pair_score, weigh
from tuireader.core.pipeline import analyze
from tuireader.model import Analysis, Article, RowKind, Span, Story
from tuireader.sources.files import RawArticle, build_article

NORTH = """\
HAVENSTAD -- Floodwater breached the river embankment at Havenstad on Saturday night, \
forcing about 4,000 residents to leave their homes.

Mayor Ilse Brandt said the water level had risen faster than forecast. \
"We have never seen the river climb like this," she said.

Army engineers began building a temporary dam of sandbags on Sunday morning.

The regional rail line to the coast remains closed.
"""

SOUTH = """\
Around 4,000 people were evacuated from Havenstad after the river burst its embankment late on Saturday.

Army engineers started work on an emergency sandbag dam on Sunday.

Local schools will stay shut until Wednesday, the education office said.

Mayor Ilse Brandt said the river had risen more quickly than forecasters expected.
"""

EAST = """\
The river embankment at Havenstad gave way on Saturday night and roughly 4,000 residents had to flee.

Insurers expect claims to run into the tens of millions.
"""


def article(name: str, text: str, published: str | None = "2024-03-11") -> Article:
    built = build_article(RawArticle(path=f"{name}.md", text=text, title=name, source=name, published=published))
    assert built is not None
    return built


def one_story(articles: list[Article]) -> Analysis:
    """The pipeline's analysis with all articles in one story (story grouping is tested elsewhere)."""
    analysis = analyze(articles, facts=False)
    analysis.stories = [Story("story-test", "test", tuple(a.id for a in articles))]
    analysis.facts = align.align_facts(analysis)
    return analysis


def story() -> tuple[Analysis, Article, Article, Article]:
    north, south, east = article("north", NORTH), article("south", SOUTH), article("east", EAST)
    return one_story([north, south, east]), north, south, east


def sentence_of(a: Article, needle: str) -> int:
    return next(i for i in range(len(a.sentences)) if needle in a.sentence_text(i))


def test_paraphrases_of_one_fact_are_grouped_across_articles() -> None:
    analysis, north, south, east = story()
    members = {
        (north.id, sentence_of(north, "breached the river embankment")),
        (south.id, sentence_of(south, "burst its embankment")),
        (east.id, sentence_of(east, "gave way on Saturday")),
    }
    lead = analysis.facts[0]
    assert {(m.article, m.sentence) for m in lead.members} == members
    assert set(lead.articles) == {north.id, south.id, east.id}  # most-reported first
    dam = {(north.id, sentence_of(north, "temporary dam")), (south.id, sentence_of(south, "sandbag dam"))}
    assert any({(m.article, m.sentence) for m in f.members} == dam for f in analysis.facts)


def test_unrelated_sentences_stay_out_and_facts_hold_one_sentence_per_article() -> None:
    analysis, north, south, east = story()
    placed = {(m.article, m.sentence) for f in analysis.facts for m in f.members}
    assert (north.id, sentence_of(north, "rail line")) not in placed
    assert (south.id, sentence_of(south, "schools will stay shut")) not in placed
    assert (east.id, sentence_of(east, "Insurers")) not in placed
    for fact in analysis.facts:
        assert len(fact.articles) == len(fact.members) >= 2
        assert fact.id.startswith("fact-")
        assert 0 < len(fact.label) <= align.LABEL_LENGTH + 1
    counts = [len(f.articles) for f in analysis.facts]
    assert counts == sorted(counts, reverse=True)


def test_fact_ids_are_stable_across_runs() -> None:
    first, *_ = story()
    second, *_ = story()
    assert [f.id for f in first.facts] == [f.id for f in second.facts]


def test_compare_rows_cover_both_articles_once_in_reading_order() -> None:
    analysis, north, south, _ = story()
    rows = align.compare(analysis, north.id, south.id)
    lefts = [r.left for r in rows if r.left is not None]
    rights = [r.right for r in rows if r.right is not None]
    assert sorted(lefts) == list(range(len(north.sentences)))
    assert sorted(rights) == list(range(len(south.sentences)))
    assert lefts == sorted(lefts)  # the left article reads top to bottom
    matches = [r for r in rows if r.kind is RowKind.MATCH]
    assert len(matches) >= 3
    for row in rows:
        assert (row.left is None) == (row.kind is RowKind.RIGHT)
        assert (row.right is None) == (row.kind is RowKind.LEFT)
    for row in matches:
        assert row.fact is not None and row.left is not None and row.right is not None
        lspan, rspan = north.sentences[row.left], south.sentences[row.right]
        assert row.ops[0].left.start == lspan.start and row.ops[-1].left.end == lspan.end
        assert row.ops[0].right.start == rspan.start and row.ops[-1].right.end == rspan.end


def test_compare_carries_the_disagreements_of_the_matched_pair() -> None:
    a = article(
        "a", "Rescuers pulled 14 miners from the flooded shaft on Tuesday.\n\nThe mine had been closed before.\n"
    )
    b = article("b", "The pit was shut last year.\n\nRescuers pulled 41 miners from the flooded shaft on Tuesday.\n")
    analysis = one_story([a, b])
    rows = align.compare(analysis, a.id, b.id)
    (match,) = [r for r in rows if r.kind is RowKind.MATCH and r.left == 0]
    assert match.right == 1
    assert [d.summary for d in match.disagreements] == ["numbers differ (miners): 14 vs 41"]
    # The right article's first sentence comes before the match that anchors its second one.
    assert next((r.kind, r.left, r.right) for r in rows) == (RowKind.RIGHT, None, 0)


def test_a_crossing_match_is_shown_at_the_left_position() -> None:
    a = article(
        "a",
        "The city council approved the new tram line on Monday.\n\n"
        "Construction of the harbour bridge will begin in spring.\n",
    )
    b = article(
        "b",
        "Work on the harbour bridge is due to begin in the spring.\n\n"
        "On Monday the city council gave its approval to the new tram line.\n",
    )
    analysis = one_story([a, b])
    rows = align.compare(analysis, a.id, b.id)
    assert [(r.kind, r.left, r.right) for r in rows] == [(RowKind.MATCH, 0, 1), (RowKind.MATCH, 1, 0)]


def test_compare_works_before_facts_are_computed() -> None:
    north, south = article("north", NORTH), article("south", SOUTH)
    analysis = analyze([north, south], facts=False)
    assert analysis.facts == []
    assert any(r.kind is RowKind.MATCH for r in align.compare(analysis, north.id, south.id))


SPLIT = """\
The harbour authority of Pellmore closed the northern pier on Tuesday.

Engineers had found deep cracks in the concrete supports of the northern pier during an inspection.

Ferry services will use the southern terminal until further notice.
"""

JOINED = """\
Pellmore's harbour authority shut the northern pier on Tuesday after engineers inspecting it found \
deep cracks in its concrete supports.

A new café opened in the old customs house last month.
"""

SHORT = """\
The northern pier at Pellmore was closed by the harbour authority on Tuesday.

Local fishermen said they had warned about the pier for years.
"""


def pier_story() -> tuple[list[set[tuple[str, int]]], dict[str, tuple[str, int]]]:
    """Facts (as member sets) of a story one report tells in one sentence and another in two."""
    split, joined, short = article("split", SPLIT), article("joined", JOINED), article("short", SHORT)
    analysis = one_story([split, joined, short])
    facts = [{(m.article, m.sentence) for m in f.members} for f in analysis.facts]
    where = {
        "closed": (split.id, sentence_of(split, "closed the northern pier")),
        "cracks": (split.id, sentence_of(split, "deep cracks")),
        "ferry": (split.id, sentence_of(split, "Ferry services")),
        "joined": (joined.id, sentence_of(joined, "shut the northern pier")),
        "short": (short.id, sentence_of(short, "was closed by")),
    }
    return facts, where


def test_a_fact_told_in_two_sentences_of_one_report_holds_both() -> None:
    facts, where = pier_story()
    (fact,) = [f for f in facts if where["joined"] in f]
    # The report telling the closure and its cause in one sentence lines up with both sentences the
    # other report needs for them; the third report's closure joins too, the ferry sentence does not.
    assert {where["closed"], where["cracks"], where["short"]} <= fact
    assert where["ferry"] not in fact
    assert max(Counter(a for a, _ in fact).values()) <= align.ARTICLE_SENTENCES


def test_one_sentence_per_article_when_further_sentences_are_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(align, "ARTICLE_SENTENCES", 1)
    facts, where = pier_story()
    for fact in facts:
        assert len({a for a, _ in fact}) == len(fact)
    assert not any({where["closed"], where["cracks"]} <= f for f in facts)


def test_a_group_inside_another_is_dropped_and_equal_groups_kept_once() -> None:
    groups = [[1, 2], [4, 5], [1, 2, 3], [5, 4], [6, 7], [7, 8]]
    assert align._without_subsets(groups) == [[4, 5], [1, 2, 3], [6, 7], [7, 8]]


def test_opening_sentences_score_higher_than_the_same_words_further_down() -> None:
    def ref(index: int) -> SentenceRef:
        return SentenceRef(article=f"a{index}", index=index, order=index)

    words = {"pier": 1.0}
    lead = pair_score(ref(0), ref(LEAD_SENTENCES - 1), 0.2, words, words)
    later = pair_score(ref(0), ref(LEAD_SENTENCES), 0.2, words, words)
    assert later == pytest.approx((0.2 + 1.0) / 2)
    assert lead > later


def test_candidates_come_only_from_shared_features() -> None:
    bags = [{"flood": 1, "river": 1}, {"flood": 1, "dam": 1}, {"tram": 1}, {"tram": 1, "river": 1}]
    from collections import Counter

    vectors = weigh([Counter(b) for b in bags])
    pairs = candidate_pairs(vectors, groups=[0, 1, 2, 3], min_score=0.0)
    assert set(pairs) == {(0, 1), (0, 3), (2, 3)}
    same_article = candidate_pairs(vectors, groups=[0, 0, 1, 1], min_score=0.0)
    assert set(same_article) == {(0, 3)}


def _check_ops(left_text: str, left: Span, right_text: str, right: Span) -> None:
    ops = word_diff(left_text, left, right_text, right)
    assert ops
    assert ops[0].left.start == left.start and ops[-1].left.end == left.end
    assert ops[0].right.start == right.start and ops[-1].right.end == right.end
    for before, after in itertools.pairwise(ops):
        assert before.left.end == after.left.start
        assert before.right.end == after.right.start
    for op in ops:
        assert op.tag in {"equal", "replace", "delete", "insert"}
        if op.tag == "equal":
            same = [t.lower().translate(QUOTE_STYLE) for t in (left_text, right_text)]
            assert same[0][op.left.start : op.left.end].split() == same[1][op.right.start : op.right.end].split()
        if op.tag == "insert":
            assert not left_text[op.left.start : op.left.end].strip() or op is ops[0] or op is ops[-1]


def test_word_diff_marks_the_changed_words() -> None:
    a = "Police detained 40 people on Friday."
    b = "Police detained about 90 people on Friday!"
    ops = word_diff(a, Span(0, len(a)), b, Span(0, len(b)))
    changed = [
        (a[o.left.start : o.left.end].strip(), b[o.right.start : o.right.end].strip()) for o in ops if o.tag != "equal"
    ]
    assert changed == [("40", "about 90"), (".", "!")]


WORDS = st.sampled_from(["the", "river", "rose", "4,000", "people", ",", ".", "“", "Brandt’s", "dam", "é", "  ", "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=25), st.lists(WORDS, max_size=25), st.text(max_size=5), st.text(max_size=5))
def test_diff_ops_tile_both_sentences_in_order(a: list[str], b: list[str], pre_a: str, pre_b: str) -> None:
    left_text = pre_a + " ".join(a)
    right_text = pre_b + " ".join(b)
    _check_ops(left_text, Span(len(pre_a), len(left_text)), right_text, Span(len(pre_b), len(right_text)))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_diff_ops_on_arbitrary_unicode(a: str, b: str) -> None:
    _check_ops(a, Span(0, len(a)), b, Span(0, len(b)))
