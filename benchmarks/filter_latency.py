"""Filter keystroke latency in the app, driven by Textual's Pilot on an analysed corpus.

Run by ``benchmarks/run.py`` as ``python benchmarks/filter_latency.py CORPUS_DIR`` (a warm cache
makes the set-up quick); prints JSON. For each typed key the clock runs from the key event until
the article list holds the results for the box's new text and the screen has been redrawn.

The search covers the articles' full text (the app's FTS5 index) besides titles, names and
topics; the queries include words that occur only in the text. The same run measures a
baseline: the same keys typed into a bare Textual app whose one label echoes the box (the
floor of key to redraw on this machine at this moment), and reports the ratio to it, which a
busy shared machine changes less than the milliseconds. The analysis runs without facts (the
search does not use them), so 10,000 articles set up in minutes.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from textual import events
from textual.widgets import Input

DEBUG = bool(os.environ.get("BENCH_DEBUG"))


def _queries(analysis: Any) -> list[str]:
    """A person's surname, a place and two everyday words: what a reader types."""
    from tuireader.model import Label

    people = [e.name.split()[-1] for e in analysis.entities if e.label == Label.PERSON and len(e.forms) > 1]
    places = [e.name for e in analysis.entities if e.label == Label.PLACE and len(e.forms) > 1]
    return [*(people[:1] or ["mayor"]), *(places[:1] or ["river"]), "council", "strike", "residents", "evacuated"]


async def measure(folder: Path) -> dict[str, Any]:
    from tuireader.cli import open_store
    from tuireader.core.pipeline import analyze
    from tuireader.settings import Settings
    from tuireader.sources.files import load_corpus
    from tuireader.ui.app import make_app

    settings = Settings.from_env()
    store = open_store(settings)
    corpus = load_corpus([folder], store, workers=settings.workers)
    analysis = analyze(corpus.articles, store=store, workers=settings.workers, facts=False)
    app = make_app(analysis, store, settings=settings, theme="textual-dark", remember_theme=False)
    result = await _type_into(app, _queries(analysis))
    index = app.main.index
    result["full_text"] = index is not None and index.text is not None
    result["articles"] = len(analysis.articles)
    base = await _type_into(_bare_app(), _queries(analysis))
    result["baseline_p95_ms"] = base["filter_p95_ms"]
    result["baseline_median_ms"] = base["filter_median_ms"]
    result["filter_p95_ratio"] = round(result["filter_p95_ms"] / max(base["filter_p95_ms"], 0.01), 2)
    result["filter_median_ratio"] = round(result["filter_median_ms"] / max(base["filter_median_ms"], 0.01), 2)
    return result


def _bare_app() -> Any:
    """The baseline: a filter box whose value one label echoes, with the app's recording hooks."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Echo:
        def __init__(self, app: Any) -> None:
            self.app = app
            self.query_text = ""
            self.index = True

        def set_results(self, _results: Any) -> None:
            pass

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Input(id="filter")
            yield Static(id="echo")

        def on_mount(self) -> None:
            self.main = Echo(self)
            self.main.article_list = self.main
            self.main.query_one = self.query_one

        def on_input_changed(self, event: Input.Changed) -> None:
            self.main.query_text = event.value.strip()
            self.query_one("#echo", Static).update(event.value)
            self.main.article_list.set_results(None)

    return Bare()


async def _type_into(app: Any, queries: list[str]) -> dict[str, Any]:
    latencies: list[float] = []
    searched: list[float] = []  # key to results applied to the list (the search, in a worker thread)
    drawn: list[float] = []  # results applied to the screen redrawn
    async with app.run_test(size=(160, 48)) as pilot:
        screen = app.main
        for _ in range(600):  # the search index is built in a worker after the first frame
            await pilot.pause(0.05)
            if getattr(screen, "index", None) is not None and not app.workers._workers:
                break
        article_list = screen.article_list
        applied: list[tuple[str, float]] = []
        painted: list[float] = []
        set_results, display = article_list.set_results, app._display

        def recording_results(results: Any) -> None:
            set_results(results)
            applied.append((screen.query_text, time.perf_counter()))

        def recording_display(*args: Any) -> None:
            display(*args)
            painted.append(time.perf_counter())

        # (The ignores matter when mypy follows the imports into src/, and are unused otherwise.)
        article_list.set_results = recording_results  # type: ignore[method-assign, unused-ignore]
        app._display = recording_display  # type: ignore[method-assign, assignment, unused-ignore]
        await pilot.press("slash")
        box = screen.query_one("#filter", Input)
        driver = app._driver
        assert driver is not None
        for query in queries:
            box.value = ""
            await pilot.pause()
            for char in query.lower():
                wanted = (box.value + char).strip()
                start = time.perf_counter()
                # The key goes in the way the terminal driver delivers it; Pilot.press would also
                # wait for the app to go idle, which is not what the user waits for.
                driver.send_message(events.Key(char, char))
                done: float | None = None
                hit: float | None = None
                while done is None and time.perf_counter() < start + 10:
                    await asyncio.sleep(0.0005)
                    hit = next((t for q, t in reversed(applied) if q == wanted and t >= start), None)
                    if hit is not None:
                        done = next((t for t in painted if t >= hit), None)
                latencies.append((done or time.perf_counter()) - start)
                if hit is not None and done is not None:
                    searched.append(hit - start)
                    drawn.append(done - hit)
                if DEBUG:
                    shown = [round(1000 * (t - start)) if t else None for t in (hit, done)]
                    print(f"{char!r}: results after {shown[0]} ms, drawn after {shown[1]} ms", file=sys.stderr)
                await pilot.pause()
    latencies.sort()
    return {
        "filter_keys": len(latencies),
        "filter_median_ms": round(1000 * statistics.median(latencies), 2),
        "filter_p95_ms": round(1000 * latencies[max(0, int(0.95 * len(latencies)) - 1)], 2),
        "filter_max_ms": round(1000 * latencies[-1], 2),
        # The split of the median: waiting for the search's results, then for the redraw.
        "filter_results_median_ms": round(1000 * statistics.median(searched), 2) if searched else None,
        "filter_draw_median_ms": round(1000 * statistics.median(drawn), 2) if drawn else None,
    }


if __name__ == "__main__":
    print(json.dumps(asyncio.run(measure(Path(sys.argv[1])))))
