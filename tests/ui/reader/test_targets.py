"""The reader's jump stops: every disagreement reachable with d / D, each once, "k of n" right."""

from __future__ import annotations

import pytest
from pilot_helpers import settle
from reader_fakes import port_strike

from tuireader.core import pipeline
from tuireader.model import Analysis, Disagreement, DisagreementKind, DisagreementValue, Fact, FactMember
from tuireader.sources.files import load_corpus
from tuireader.ui.app import make_app
from tuireader.ui.reader.reading_pane import ReadingPane
from tuireader.ui.reader.targets import Target, disagreement_targets, next_index


def _flagged_twice() -> Analysis:
    """port_strike with the north article's "1,200" flagged by two more facts, one of them twice."""
    analysis = port_strike()
    north, harbour, _ = analysis.articles
    n0 = north.text.index("1,200")
    h0 = harbour.text.index("1,500")
    t0 = north.text.index("Tuesday")
    h1 = harbour.text.index("Tuesday")

    def dis(summary: str, a: tuple[int, int, str], b: tuple[int, int, str]) -> Disagreement:
        return Disagreement(
            DisagreementKind.NUMBER, summary, (DisagreementValue(north.id, *a), DisagreementValue(harbour.id, *b))
        )

    same = dis("numbers differ: 1,200 vs 1,500", (n0, n0 + 5, "1,200"), (h0, h0 + 5, "1,500"))
    wider = dis("numbers differ: 1,200 dockworkers vs 1,500", (n0, n0 + 17, "1,200 dockworkers"), (h0, h0 + 5, "1,500"))
    day = Disagreement(
        DisagreementKind.DATE,
        "dates differ: Tuesday vs Tuesday",
        (DisagreementValue(north.id, t0, t0 + 7, "Tuesday"), DisagreementValue(harbour.id, h1, h1 + 7, "Tuesday")),
    )
    members = (FactMember(north.id, 0), FactMember(harbour.id, 0))
    analysis.facts = [
        Fact("f9", "later fact", members, (day, same)),  # listed before f1, positions after it
        *analysis.facts,
        Fact("f8", "wider", members, (wider,)),
    ]
    return analysis


def test_a_value_flagged_by_several_facts_is_one_stop_in_order_of_position() -> None:
    analysis = _flagged_twice()
    north = analysis.articles[0]
    stops = disagreement_targets(north, analysis)
    assert [north.text[t.start : t.end] for t in stops] == ["1,200 dockworkers", "Tuesday"]
    assert stops[0].label.count("Harbour Times: 1,500") == 1  # who says otherwise, once
    assert stops[0].other == analysis.articles[1].id


def test_next_index_wraps_and_starts_from_another_kind_at_the_same_place() -> None:
    stops = [Target("disagreement", a, b, "x") for a, b in ((5, 9), (20, 25), (40, 41))]
    assert next_index(stops, None, "disagreement", 1) == 0
    assert next_index(stops, None, "disagreement", -1) == 2
    assert next_index(stops, stops[2], "disagreement", 1) == 0
    assert next_index(stops, stops[0], "disagreement", -1) == 2
    mention = Target("mention", 20, 25, "m")
    assert next_index(stops, mention, "disagreement", 1) == 1
    assert next_index(stops, mention, "disagreement", -1) == 1
    assert next_index(stops, Target("mention", 30, 32, "m"), "disagreement", 1) == 2
    assert next_index(stops, Target("mention", 30, 32, "m"), "disagreement", -1) == 1


async def _walk(app, pilot, key: str, times: int) -> list[tuple[int, int, int]]:  # type: ignore[no-untyped-def]
    pane = app.main.query_one(ReadingPane)
    seen = []
    for _ in range(times):
        await pilot.press(key)
        n, total = pane.position()
        seen.append((pane.current.start, n, total))
    return seen


async def test_d_and_D_visit_every_disagreement_once_with_the_right_count() -> None:
    analysis = _flagged_twice()
    app = make_app(analysis, theme="textual-dark")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        forward = await _walk(app, pilot, "d", 3)
        assert [(n, total) for _, n, total in forward] == [(1, 2), (2, 2), (1, 2)]
        assert forward[0][0] < forward[1][0]
        await pilot.press("escape")
        backward = await _walk(app, pilot, "D", 3)
        assert [(n, total) for _, n, total in backward] == [(2, 2), (1, 2), (2, 2)]


@pytest.fixture(scope="module")
def seeds() -> Analysis:
    return pipeline.analyze(load_corpus().articles)


async def test_on_the_seeds_d_reaches_every_flagged_place_in_order(seeds: Analysis) -> None:
    app = make_app(seeds, theme="textual-dark")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pane = app.main.query_one(ReadingPane)
        checked = 0
        for article in seeds.articles:
            pane.show(article, seeds)
            pane.focus()
            await pilot.pause()
            places = {
                (v.start, v.end)
                for f in seeds.facts
                for d in f.disagreements
                for v in d.values
                if v.article == article.id
            }
            total = len(pane.targets["disagreement"])
            assert app.main.article_list.counts[article.id].disagreements == total  # the list's "Dis" column
            if not places:
                continue
            checked += 1
            walk = await _walk(app, pilot, "d", total + 1)
            starts = [s for s, _, _ in walk]
            assert [n for _, n, _ in walk] == [*range(1, total + 1), 1]
            assert starts[:total] == sorted(set(starts[:total]))  # in order, each once
            assert {t for t in walk[0][2:]} == {total}
            # every flagged value lies inside a stop
            stops = [t.span for t in pane.targets["disagreement"]]
            assert all(any(s.start <= a and b <= s.end for s in stops) for a, b in places)
            status = str(app.main.query_one("#status").content)
            assert f"disagreement 1 of {total}:" in status
            pane.clear_current()
        assert checked >= 3
