"""Time each stage of one cold analysis, in a process of its own (so peak memory is this run's).

Run by ``benchmarks/run.py`` as ``python benchmarks/stages.py CORPUS_DIR``; prints one JSON object.
The pipeline itself is run (``pipeline.analyze``), with the stage functions wrapped by timers, so
what is measured is what the app and the CLI do, not a copy of it; in one process, so the per-article
stages are timed too (the CLI run in ``run.py`` measures the worker processes).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from itertools import combinations
from pathlib import Path
from typing import Any

TIMED: dict[str, list[tuple[str, str]]] = {
    "sentences": [("tuireader.sources.files", "sentences")],
    "entities": [("tuireader.core.entities.recognise", "extract_mentions")],
    "quotes": [("tuireader.core.quotes.extract", "extract_quotes")],
    "topics": [("tuireader.core.topics", "extract_topics"), ("tuireader.core.topics", "corpus_topics")],
    "resolve": [("tuireader.core.entities.recognise", "resolve_entities")],
    "stories": [("tuireader.core.stories", "group_stories")],
    "alignment": [("tuireader.core.facts.align", "align_facts")],
}


# Corpus-wide steps, called once per analysis and pure: when one call is short, a single timing is
# mostly noise (the stories of 100 articles take about 10 ms), so such a call is repeated and the
# best of REPEAT timings is the stage's time. The repeats are not counted in the cold totals.
REPEATED = frozenset({"resolve", "stories"})
REPEAT = 7
REPEAT_UNDER = 0.5  # seconds of CPU: longer calls are timed once (and their copies would raise the peak memory)


def _wrap(totals: dict[str, float], stage: str, func: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        start, cpu = time.perf_counter(), time.process_time()
        result = func(*args, **kwargs)
        wall, used = time.perf_counter() - start, time.process_time() - cpu
        if stage in REPEATED and used < REPEAT_UNDER:
            repeats_start, repeats_cpu = time.perf_counter(), time.process_time()
            for _ in range(REPEAT - 1):
                start, cpu = time.perf_counter(), time.process_time()
                func(*args, **kwargs)
                wall, used = min(wall, time.perf_counter() - start), min(used, time.process_time() - cpu)
            totals["repeats"] += time.perf_counter() - repeats_start
            totals["repeats/cpu"] += time.process_time() - repeats_cpu
        totals[stage] += wall
        totals[stage + "/cpu"] += used
        return result

    return timed


def grouping_scores(stories: list[tuple[str, ...]], truth: dict[str, int]) -> dict[str, float]:
    """Pairwise precision and recall of the story grouping against the generator's stories."""
    found = {frozenset(p) for s in stories for p in combinations(sorted(s), 2)}
    by_story: dict[int, list[str]] = defaultdict(list)
    for article, story in truth.items():
        by_story[story].append(article)
    wanted = {frozenset(p) for members in by_story.values() for p in combinations(sorted(members), 2)}
    hits = len(found & wanted)
    precision = hits / len(found) if found else 1.0
    recall = hits / len(wanted) if wanted else 1.0
    exact = len({frozenset(s) for s in stories} & {frozenset(m) for m in by_story.values()})
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "exact_stories": round(exact / max(1, len(by_story)), 4),
    }


def main(folder: Path) -> dict[str, Any]:
    import importlib
    import os

    totals: dict[str, float] = defaultdict(float)
    for stage, targets in TIMED.items():
        for module_name, attr in targets:
            module = importlib.import_module(module_name)
            setattr(module, attr, _wrap(totals, stage, getattr(module, attr)))

    from tuireader.cli import open_store
    from tuireader.core.pipeline import analyze
    from tuireader.settings import Settings

    # With $TUIREADER_CACHE_DIR set (run.py sets an empty one) the cold run also fills the cache,
    # as a first `tuireader analyze` would, so the warm measurements need no second cold run.
    store = open_store(Settings.from_env(no_cache=not os.environ.get("TUIREADER_CACHE_DIR")))
    # One process (workers=1), so every stage runs under the timers (``tuireader analyze`` uses workers).
    from tuireader.sources.files import load_corpus

    start, cpu = time.perf_counter(), time.process_time()
    corpus = load_corpus([folder], store, workers=1)
    loaded, loaded_cpu = time.perf_counter() - start, time.process_time() - cpu
    start = time.perf_counter()
    analysis = analyze(corpus.articles, store=store, workers=1)
    analysed = time.perf_counter() - start - totals["repeats"]
    cold_cpu = time.process_time() - cpu - totals["repeats/cpu"]

    stages = {"load": loaded - totals["sentences"], **{s: totals[s] for s in TIMED}}
    stages_cpu = {"load": loaded_cpu - totals["sentences/cpu"], **{s: totals[s + "/cpu"] for s in TIMED}}
    result: dict[str, Any] = {
        "articles": len(corpus.articles),
        "sentences": sum(len(a.sentences) for a in corpus.articles),
        "words": sum(len(a.text.split()) for a in corpus.articles),
        "stages": {k: round(v, 4) for k, v in stages.items()},
        "stages_cpu": {k: round(v, 4) for k, v in stages_cpu.items()},
        "analyze_s": round(analysed, 4),
        "cold_total_s": round(loaded + analysed, 4),
        "cold_cpu_s": round(cold_cpu, 4),  # loading and analysing, in one process
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "stories": len(analysis.stories),
        "facts": len(analysis.facts),
        "disagreements": sum(len(f.disagreements) for f in analysis.facts),
    }
    truth_file = folder.parent / f"{folder.name}.truth.json"
    if truth_file.exists():
        by_file: dict[str, int] = json.loads(truth_file.read_text())
        truth = {a.id: by_file[Path(a.path).name] for a in corpus.articles if Path(a.path).name in by_file}
        result["grouping"] = grouping_scores([s.articles for s in analysis.stories], truth)
    return result


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
