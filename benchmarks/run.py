"""tuireader benchmarks: analysis stages, cache, start-up and filtering on synthetic corpora.

    python benchmarks/run.py [--sizes 100,1000,10000] [--json out.json] [--check baseline.json]

For each size N a corpus of N articles (many stories of 3-8 articles) is generated from the text
in ``benchmarks/corpus_text``. Then, each in a fresh process: a cold analysis with every stage
timed (``stages.py``), ``tuireader analyze`` cold and again with a warm cache, the app's time to
first frame with a warm cache (in a pseudo-terminal, until an article title is drawn), and filter
keystroke latency (``filter_latency.py``). The bundled seeds and a bare Textual app showing one
label are measured in the same run, so start-up is reported as a ratio to the bare app.

Every figure is printed beside a baseline measured in the same run (start-up over the bare app,
cached over cold, CPU seconds over a fixed calibration loop, time(N)/time(100) per stage), and
checked against the targets of issue 15. ``--check`` compares these ratios with a baseline JSON
from an earlier run and exits 1 if any got worse by more than ``--tolerance``; it lives here, not in
the test suite, because timings on a shared machine are no test of behaviour.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402
from measure import BARE_APP, BARE_NEEDLE, compile_package, first_frame, median, run_command  # noqa: E402

# The cache version for this run: the source tree may be edited while a benchmark runs.
RUN_VERSION = f"bench-{os.getpid()}-{int(time.time())}"

STAGES = ("load", "sentences", "entities", "quotes", "topics", "resolve", "stories", "alignment")

# Targets from issue 15, checked on every run (absolute, for the reference 2-core machine).
TARGETS: dict[str, tuple[str, int | None, float]] = {
    "seeds first frame / bare app": ("seeds_first_frame_ratio", None, 1.2),
    "seeds first frame CPU / bare app": ("seeds_first_frame_cpu_ratio", None, 1.2),
    "1,000: cold analysis, one process (CPU s)": ("cold_cpu_s", 1000, 15.0),
    "1,000: cached analyze (s)": ("analyze_cached_s", 1000, 2.0),
    "10,000: cached first frame (s)": ("first_frame_s", 10000, 5.0),
    "10,000: peak memory (MB)": ("peak_mb", 10000, 400.0),
    **{f"{stage} time(1,000)/time(100)": (f"scaling.{stage}", 1000, 11.0) for stage in STAGES},
}


def calibrate() -> float:
    """Seconds for a fixed pure-Python workload: the unit that makes stage times comparable across machines."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        table: dict[str, int] = {}
        for i in range(300_000):
            key = f"w{i % 5000}"
            table[key] = table.get(key, 0) + len(key)
        sorted(table.items(), key=lambda kv: kv[1])
        best = min(best, time.process_time() - start)
    return best


def _env(cache_dir: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("TUIREADER_NO_CACHE", None)
    env["TUIREADER_CACHE_VERSION"] = RUN_VERSION
    if cache_dir is not None:
        env["TUIREADER_CACHE_DIR"] = str(cache_dir)
    env["TUIREADER_CONFIG_DIR"] = str(cache_dir.parent / "config") if cache_dir else env.get("TUIREADER_CONFIG_DIR", "")
    return env


def _titles(folder: Path | None) -> list[str]:
    from tuireader.sources.files import load_corpus

    corpus = load_corpus([folder] if folder else None)
    return [a.title[:18] for a in corpus.articles]


def measure_size(n: int, work: Path, repeat: int, app: bool, cli_cold_max: int) -> dict[str, Any]:
    folder = work / f"corpus-{n}"
    if not folder.exists():
        write_corpus(folder, n)
    py = sys.executable
    cache = work / f"cache-{n}"
    shutil.rmtree(cache, ignore_errors=True)
    env = _env(cache)
    print(f"[{n}] stages (cold, one process, fills the cache)...", file=sys.stderr, flush=True)
    out = subprocess.run(
        [py, str(HERE / "stages.py"), str(folder)], capture_output=True, text=True, check=True, env=env
    )
    result: dict[str, Any] = json.loads(out.stdout)
    if n <= cli_cold_max:
        print(f"[{n}] tuireader analyze cold (worker processes)...", file=sys.stderr, flush=True)
        cold_cache = work / f"cache-{n}-cold"
        shutil.rmtree(cold_cache, ignore_errors=True)
        cold = run_command([py, "-m", "tuireader", "analyze", str(folder)], _env(cold_cache))
        if cold.returncode == 0:
            result["analyze_cold_s"] = round(cold.seconds, 3)
            result["analyze_cold_cpu_s"] = round(cold.cpu_s, 3)  # the main process only, not its workers
            result["peak_mb"] = max(result["peak_mb"], cold.peak_mb)
    print(f"[{n}] tuireader analyze, warm cache...", file=sys.stderr, flush=True)
    warm = [run_command([py, "-m", "tuireader", "analyze", str(folder)], env) for _ in range(repeat)]
    if any(w.returncode for w in warm):
        result["analyze_error"] = "tuireader analyze failed (see stderr above)"
    else:
        result["analyze_cached_s"] = _round(median([w.seconds for w in warm]))
        result["analyze_cached_cpu_s"] = _round(median([w.cpu_s for w in warm]))
        result["analyze_cached_peak_mb"] = round(max(w.peak_mb for w in warm), 1)
        result["peak_mb"] = max(result["peak_mb"], *(w.peak_mb for w in warm))
    if app:
        print(f"[{n}] app first frame (warm cache)...", file=sys.stderr, flush=True)
        needles = _titles(folder)
        # One start that runs until every article is loaded, so the app keeps the list's first screen.
        first_frame([py, "-m", "tuireader", str(folder)], needles, env, linger=3 + n / 1000)
        cpu: list[float] = []
        frames = [first_frame([py, "-m", "tuireader", str(folder)], needles, env, cpu=cpu) for _ in range(repeat)]
        result["first_frame_s"] = _round(median(frames))
        result["first_frame_cpu_s"] = _round(median(cpu))
        print(f"[{n}] filter keystroke latency...", file=sys.stderr, flush=True)
        out = subprocess.run(
            [py, str(HERE / "filter_latency.py"), str(folder)], capture_output=True, text=True, env=env
        )
        if out.returncode == 0 and out.stdout.strip():
            result.update(json.loads(out.stdout))
        else:
            result["filter_error"] = out.stderr.strip().splitlines()[-1:] or ["failed"]
    return result


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def measure_startup(work: Path, repeat: int) -> dict[str, Any]:
    py = sys.executable
    bare_file = work / "bare_app.py"
    bare_file.write_text(BARE_APP)
    env = _env(work / "cache-seeds")
    print("[seeds] bare Textual app and tuireader on the seeds...", file=sys.stderr, flush=True)
    compile_package(env)  # as installed: byte-code for our modules as for Textual's
    run_command([py, "-m", "tuireader", "analyze"], env)  # warm the cache
    needles = _titles(None)
    first_frame([py, "-m", "tuireader"], needles, env, linger=3)  # until the app keeps its first screen
    bare: list[float | None] = []
    seeds: list[float | None] = []
    bare_cpu: list[float] = []
    seeds_cpu: list[float] = []
    for _ in range(repeat):  # alternating, so both see the same load on a shared machine
        bare.append(first_frame([py, str(bare_file)], [BARE_NEEDLE], env, cpu=bare_cpu))
        seeds.append(first_frame([py, "-m", "tuireader"], needles, env, cpu=seeds_cpu))
    bare_s, seeds_s = median(bare), median(seeds)
    bare_c, seeds_c = median(bare_cpu), median(seeds_cpu)
    return {
        "bare_app_s": _round(bare_s),
        "bare_app_cpu_s": _round(bare_c),
        "seeds_first_frame_s": _round(seeds_s),
        "seeds_first_frame_cpu_s": _round(seeds_c),
        "seeds_first_frame_ratio": _round(seeds_s / bare_s) if bare_s and seeds_s else None,
        "seeds_first_frame_cpu_ratio": _round(seeds_c / bare_c) if bare_c and seeds_c else None,
    }


def figures(report: dict[str, Any]) -> list[tuple[str, float, str, float]]:
    """Every figure beside the baseline it is compared with, both measured in this run:
    (figure, value, baseline name, baseline value). Their ratios are what ``--check`` compares."""
    out: list[tuple[str, float, str, float]] = []
    unit = report["calibration_s"]
    bare = report.get("bare_app_s")
    if report.get("seeds_first_frame_s") and bare:
        out.append(("seeds: first frame s", report["seeds_first_frame_s"], "bare Textual app s", bare))
    bare_cpu = report.get("bare_app_cpu_s")
    if report.get("seeds_first_frame_cpu_s") and bare_cpu:
        out.append(("seeds: first frame cpu s", report["seeds_first_frame_cpu_s"], "bare app cpu s", bare_cpu))
    sizes = report["sizes"]
    base = sizes.get("100")
    for n, r in sizes.items():
        if r.get("first_frame_s") and bare:
            out.append((f"{n}: first frame s", r["first_frame_s"], "bare Textual app s", bare))
        if r.get("first_frame_cpu_s") and bare_cpu:
            out.append((f"{n}: first frame cpu s", r["first_frame_cpu_s"], "bare app cpu s", bare_cpu))
        cold = r.get("analyze_cold_s") or r.get("cold_total_s")
        if cold and r.get("analyze_cached_s"):
            out.append((f"{n}: cached analyze s", r["analyze_cached_s"], "cold analyze s", cold))
        if r.get("analyze_cached_cpu_s"):
            out.append((f"{n}: cached analyze cpu s", r["analyze_cached_cpu_s"], "calibration s", unit))
        if r.get("cold_cpu_s"):
            out.append((f"{n}: cold analysis cpu s", r["cold_cpu_s"], "calibration s", unit))
        for stage, seconds in r.get("stages_cpu", {}).items():
            out.append((f"{n}: {stage} cpu s", seconds, "calibration s", unit))
            if base and n != "100" and base["stages_cpu"].get(stage):
                before = max(base["stages_cpu"][stage], 1e-3)
                out.append((f"{n}: {stage} scaling", seconds, "the same at 100 s", before))
    return out


def _ratio_key(figure: str, baseline: str) -> str:
    """The name a ratio has in the report (and in older baselines)."""
    n, _, what = figure.partition(": ")
    if figure == "seeds: first frame s":
        return "seeds first frame / bare app"
    if figure == "seeds: first frame cpu s":
        return "seeds first frame cpu / bare app"
    if what == "first frame s":
        return f"{n}: first frame / bare app"
    if what == "first frame cpu s":
        return f"{n}: first frame cpu / bare app"
    if what == "cached analyze s":
        return f"{n}: cached / cold analyze"
    if what.endswith(" scaling"):
        return f"{n}: {what.removesuffix(' scaling')} scaling vs 100"
    return f"{n}: {what.removesuffix(' s')} / calibration"


def ratios(report: dict[str, Any]) -> dict[str, float]:
    """The machine-independent numbers ``--check`` compares: each figure over its same-run baseline."""
    return {_ratio_key(f, b): value / base for f, value, b, base in figures(report) if base}


def check(report: dict[str, Any], baseline: dict[str, Any], tolerance: float) -> list[str]:
    now, before = ratios(report), ratios(baseline)
    worse = []
    for key, old in before.items():
        new = now.get(key)
        if new is not None and old > 0 and new > old * (1 + tolerance) and new - old > 0.05:
            worse.append(f"{key}: {old:.3g} -> {new:.3g} ({new / old:.2f}x)")
    return worse


def _target_value(report: dict[str, Any], key: str, n: int | None) -> float | None:
    if n is None:
        value = report.get(key)
        return float(value) if value is not None else None
    sizes = report["sizes"]
    if key.startswith("scaling."):
        stage = key.split(".", 1)[1]
        if str(n) in sizes and "100" in sizes and stage in sizes["100"].get("stages_cpu", {}):
            a, b = sizes[str(n)]["stages_cpu"][stage], sizes["100"]["stages_cpu"][stage]
            return float(a) / max(float(b), 1e-3)
        return None
    value = sizes.get(str(n), {}).get(key)
    return float(value) if value is not None else None


def print_tables(report: dict[str, Any]) -> None:
    sizes = report["sizes"]
    cols = list(sizes)
    stages = list(next(iter(sizes.values()))["stages"]) if sizes else []
    rows: list[tuple[str, list[str]]] = [("articles", [str(sizes[c]["articles"]) for c in cols])]
    for stage in stages:
        cells = [f"{sizes[c]['stages'][stage]:.2f} ({sizes[c]['stages_cpu'][stage]:.2f})" for c in cols]
        rows.append((f"{stage} s (cpu)", cells))
    for key, label in [
        ("cold_total_s", "cold load+analyse s (1 proc)"),
        ("cold_cpu_s", "  cpu s"),
        ("analyze_cold_s", "tuireader analyze cold s"),
        ("analyze_cached_s", "tuireader analyze cached s"),
        ("analyze_cached_cpu_s", "  cpu s"),
        ("first_frame_s", "app first frame (cached) s"),
        ("first_frame_cpu_s", "  cpu s"),
        ("filter_p95_ms", "filter keystroke p95 ms"),
        ("filter_median_ms", "filter keystroke median ms"),
        ("peak_mb", "peak memory MB"),
        ("stories", "stories found"),
    ]:
        rows.append((label, [_fmt(sizes[c].get(key)) for c in cols]))
    rows.append(("grouping P/R/exact", [_grouping(sizes[c].get("grouping")) for c in cols]))
    width = max(len(r[0]) for r in rows)
    print(f"\n{'N':<{width}}  " + "  ".join(f"{c:>16}" for c in cols))
    for label, values in rows:
        print(f"{label:<{width}}  " + "  ".join(f"{v:>16}" for v in values))
    print(f"\nload average (1, 5, 15 min) at start {report['machine']['load_average_at_start']}, ", end="")
    print(f"at end {report['machine'].get('load_average_at_end')} on {report['machine']['cpus']} CPUs")
    print(
        f"bare Textual app first frame {_fmt(report.get('bare_app_s'))} s "
        f"({_fmt(report.get('bare_app_cpu_s'))} CPU s); seeds {_fmt(report.get('seeds_first_frame_s'))} s "
        f"({_fmt(report.get('seeds_first_frame_cpu_s'))} CPU s), ratio {_fmt(report.get('seeds_first_frame_ratio'))} "
        f"({_fmt(report.get('seeds_first_frame_cpu_ratio'))} in CPU); "
        f"calibration unit {report['calibration_s']:.3f} s"
    )
    print("\nratios to a baseline measured in this run:")
    for figure, value, baseline, base in figures(report):
        print(f"  {figure:<34} {value:>9.3f}  / {baseline:<20} {base:>8.3f}  = {value / base:>7.3f}")
    print("\ntargets (issue 15):")
    for label, (key, n, limit) in TARGETS.items():
        target = _target_value(report, key, n)
        verdict = "not run" if target is None else ("ok" if target <= limit else "MISSED")
        print(f"  {label:<42} {_fmt(target):>10}  (<= {limit:g})  {verdict}")


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3g}" if value < 100 else f"{value:.0f}"
    return str(value)


def _grouping(g: dict[str, float] | None) -> str:
    return "-" if not g else f"{g['precision']:.2f}/{g['recall']:.2f}/{g['exact_stories']:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000", help="corpus sizes, comma-separated (default 100,1000)")
    parser.add_argument("--json", type=Path, help="write the report here")
    parser.add_argument("--check", type=Path, help="baseline report: exit 1 if a ratio regressed")
    parser.add_argument("--tolerance", type=float, default=0.5, help="allowed worsening for --check (0.5 = 50%%)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per start-up measurement (median)")
    parser.add_argument("--no-app", action="store_true", help="skip the app (first frame, filter latency)")
    parser.add_argument(
        "--cli-cold-max", type=int, default=1000, help="largest N for a separate cold `tuireader analyze` run"
    )
    parser.add_argument("--workdir", type=Path, help="keep corpora and caches here (default: a temp folder)")
    args = parser.parse_args(argv)
    sizes = [int(s.replace(",", "").replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    work = args.workdir or Path(tempfile.mkdtemp(prefix="tuireader-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    report: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        },
        "calibration_s": round(calibrate(), 4),
        "sizes": {},
    }
    try:
        if not args.no_app:
            report.update(measure_startup(work, args.repeat))
        for n in sizes:
            try:
                report["sizes"][str(n)] = measure_size(n, work, args.repeat, not args.no_app, args.cli_cold_max)
            except (subprocess.CalledProcessError, OSError, ValueError) as exc:
                detail = getattr(exc, "stderr", "") or ""
                print(f"[{n}] failed: {exc}\n{detail[-1500:]}", file=sys.stderr)
                continue
            if args.json:  # keep what is done if a later size fails or is interrupted
                args.json.write_text(json.dumps(report, indent=1) + "\n")
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    report["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    report["ratios"] = {k: round(v, 4) for k, v in ratios(report).items()}
    print_tables(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n")
    if args.check:
        worse = check(report, json.loads(args.check.read_text()), args.tolerance)
        if worse:
            print("\nregressions against " + str(args.check) + ":\n  " + "\n  ".join(worse))
            return 1
        print(f"\nno regression against {args.check} (tolerance {args.tolerance:.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
