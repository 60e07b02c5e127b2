"""Large-corpus paths of the pipeline: worker processes give the same analysis as one process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tuireader.core import pipeline
from tuireader.core.pipeline import analyze, worker_count
from tuireader.model import Article
from tuireader.settings import Settings
from tuireader.sources import files as corpus_mod
from tuireader.sources.files import RawArticle, build_article

SMALL = 12  # the tests lower the thresholds so the worker paths run on a small corpus


@pytest.fixture(autouse=True)
def _small_thresholds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "PARALLEL_MIN", SMALL)
    monkeypatch.setattr(corpus_mod, "PARALLEL_MIN", SMALL)


TOWNS = ["Varnholt", "Kellsmoor", "Tarrow", "Eastfield", "Brevik", "Quellen", "Sumber", "Ostrand"]
PEOPLE = ["Idris Pallenberg", "Mireille Okonjo", "Anselm Drury", "Petra Vukovic", "Lena Marsh", "Jonas Rell"]


def _articles(n: int) -> list[Article]:
    out = []
    for i in range(n):
        town, person = TOWNS[i % len(TOWNS)], PEOPLE[i % len(PEOPLE)]
        text = (
            f"Council vote in {town}\n\n{person}, the mayor of {town}, said on Monday that {100 + i} homes "
            f"would be built. \u201cThis is a good day for {town},\u201d {person.split()[-1]} said. "
            f"The plan costs {i + 2} million euros, according to the {town} Housing Office."
        )
        article = build_article(RawArticle(path=f"{i}.txt", text=text, published="2024-03-04"))
        assert article is not None
        out.append(article)
    return out


def test_worker_count() -> None:
    assert worker_count(SMALL - 1) == 1
    assert worker_count(SMALL - 1, 3) == 1
    assert worker_count(SMALL, 3) == 3
    assert worker_count(10_000, 1) == 1
    assert worker_count(SMALL, Settings.from_env({"TUIREADER_WORKERS": "3"}).workers) == 3


def test_worker_processes_give_the_same_analysis() -> None:
    articles = _articles(SMALL + 6)
    alone = analyze(articles, facts=False, workers=1)
    progress: list[tuple[str, int, int]] = []
    pooled = analyze(articles, facts=False, workers=2, progress=lambda *p: progress.append(p))
    assert pooled.by_article == alone.by_article
    assert any(m for a in pooled.by_article.values() for m in a.mentions)
    assert [s.articles for s in pooled.stories] == [s.articles for s in alone.stories]
    done = [d for stage, d, _ in progress if stage == "entities and quotes"]
    assert done == sorted(done) and done[-1] == len(articles)


def test_loading_in_worker_processes_gives_the_same_corpus(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for article in _articles(SMALL + 6):
        (folder / f"{article.path}.md").write_text(f"---\ntitle: T{article.path}\n---\n\n{article.text}", "utf-8")
    (folder / "dup.txt").write_text(_articles(1)[0].text, "utf-8")  # same text as 0.txt.md
    (folder / "empty.txt").write_text("  \n", "utf-8")
    (folder / "zz.jsonl").write_text('{"text": "One line article about Tarrow."}\nnot json\n', "utf-8")
    alone = corpus_mod.load_corpus([folder], workers=1)
    pooled = corpus_mod.load_corpus([folder], workers=2)
    assert pooled.articles == alone.articles
    assert pooled.warnings == alone.warnings
    assert len(alone.warnings) == 3 and len(alone.articles) == SMALL + 7


def test_corpus_wide_steps_run_with_the_cycle_collector_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Resolution and stories make many long-lived objects: collections they set off would scan the
    whole corpus each time. The collector is paused for them and left as it was found, also on error."""
    import gc

    from tuireader.core import stories
    from tuireader.core.entities import recognise

    seen: list[tuple[str, bool]] = []
    real_resolve, real_group = recognise.resolve_entities, stories.group_stories

    def resolve(*args: Any) -> Any:
        seen.append(("resolve", gc.isenabled()))
        return real_resolve(*args)

    def group(*args: Any) -> Any:
        seen.append(("stories", gc.isenabled()))
        return real_group(*args)

    monkeypatch.setattr(recognise, "resolve_entities", resolve)
    monkeypatch.setattr(stories, "group_stories", group)
    articles = _articles(4)
    assert gc.isenabled()
    analysis = analyze(articles, facts=False, workers=1)
    assert seen == [("resolve", False), ("stories", False)] and gc.isenabled()
    assert [len(s.articles) for s in analysis.stories]

    gc.disable()
    try:
        analyze(articles, facts=False, workers=1)
        assert not gc.isenabled()  # off before, off after
    finally:
        gc.enable()

    def broken(*args: Any) -> Any:
        raise RuntimeError("stories failed")

    monkeypatch.setattr(stories, "group_stories", broken)
    with pytest.raises(RuntimeError):
        analyze(articles, facts=False, workers=1)
    assert gc.isenabled()
