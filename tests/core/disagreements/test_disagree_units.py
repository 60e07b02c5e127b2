"""No flagged disagreement compares values of different kinds, over a whole evaluation run.

Needs the corpus, which is never committed: set ``TUIREADER_BASIL`` to a local checkout of BASIL
(the 2010-2017 triplets are analysed, as the evaluation harness does) and/or ``TUIREADER_SEEDS``
to a folder of real articles (one story). Skipped when neither is given. Every number, date and
duration disagreement is re-read: each of its values must be a figure of one kind, counting one
kind of thing (the same counted noun or currency, or a generic noun for people standing for the
specific one its context names) and, for times, in one role.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tuireader.core.disagreements.measures import category, same_counted
from tuireader.core.facts import align
from tuireader.core.pipeline import analyze
from tuireader.core.text.dates import reference_day
from tuireader.core.text.quantities import Quantity, QuantityKind, extract
from tuireader.model import Analysis, Disagreement, DisagreementKind, DisagreementValue, Story
from tuireader.sources.files import load_corpus

ROOT = Path(__file__).resolve().parents[3]
BASIL = os.environ.get("TUIREADER_BASIL", "")
SEEDS = os.environ.get("TUIREADER_SEEDS", "")
FIGURES = {DisagreementKind.NUMBER, DisagreementKind.DATE, DisagreementKind.DURATION}


def _basil_runs() -> Iterator[tuple[str, Analysis]]:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from eval import basil, tool  # the harness's own reading of BASIL (2018/2019 refused)

    for trip in basil.triplets(Path(BASIL)):
        raws = [
            tool.Raw(path=f"{a.source}/{a.uuid}.json", text=a.text, title=a.title, source=a.source, published=a.date)
            for a in trip
        ]
        yield trip[0].triplet, tool.run(tool.build(raws))


def _seed_run() -> Iterator[tuple[str, Analysis]]:
    articles = load_corpus([SEEDS]).articles
    analysis = analyze(articles, facts=False)
    analysis.stories = [Story("seeds", "", tuple(a.id for a in articles))]
    analysis.facts = align.align_facts(analysis)
    yield "seeds", analysis


def _figure(analysis: Analysis, refs: dict[str, str | None], value: DisagreementValue) -> Quantity | None:
    article = analysis.article(value.article)
    k = article.sentence_at(value.start)
    if k is None:
        return None
    span = article.sentences[k]
    found = extract(article.text, span.start, span.end, reference_day(refs.get(article.id)))
    return next((q for q in found if q.start == value.start and q.end == value.end), None)


def _problems(name: str, analysis: Analysis) -> list[str]:
    refs = align.reference_days(analysis)
    out = []
    for fact in analysis.facts:
        for d in fact.disagreements:
            if d.kind not in FIGURES:
                continue
            figures = [_figure(analysis, refs, v) for v in d.values]
            if any(q is None for q in figures):
                out.append(f"{name}: a value is not a figure: {d.summary}")
                continue
            out.extend(f"{name}: {why}: {d.summary}" for why in _mismatch(d, [q for q in figures if q]))
    return out


def _mismatch(d: Disagreement, figures: list[Quantity]) -> list[str]:
    first = figures[0]
    why = []
    for q in figures[1:]:
        if (q.kind is QuantityKind.COUNT) != (first.kind is QuantityKind.COUNT):
            why.append(f"a count against a time ({first.text!r} / {q.text!r})")
        elif q.kind is QuantityKind.COUNT and not same_counted(first, q):
            why.append(f"different things counted ({first.unit!r} / {q.unit!r})")
        elif q.kind is not QuantityKind.COUNT and category(q) != category(first):
            why.append(f"different roles of time ({category(first)} / {category(q)})")
    return why


@pytest.mark.skipif(not BASIL and not SEEDS, reason="set TUIREADER_BASIL and/or TUIREADER_SEEDS to a local corpus")
def test_every_flagged_figure_disagreement_compares_like_with_like() -> None:
    runs: list[Iterator[tuple[str, Analysis]]] = []
    if BASIL:
        runs.append(_basil_runs())
    if SEEDS:
        runs.append(_seed_run())
    problems: list[str] = []
    checked = 0
    for run in runs:
        for name, analysis in run:
            checked += sum(d.kind in FIGURES for f in analysis.facts for d in f.disagreements)
            problems += _problems(name, analysis)
    print(f"\nfigure disagreements checked: {checked}; of different kinds: {len(problems)}")
    assert checked > 0
    assert not problems, "\n".join(problems)
