"""Start-up alone: the app's first frame on the bundled seeds against a bare Textual app, in one run.

    python benchmarks/startup.py [--repeat 9] [--tree old=/tmp/old/src ...] [--no-cache]

Each round runs the bare app (one label), then tuireader on the seeds from the installed package,
then from every ``--tree`` (a ``src`` folder put first on ``PYTHONPATH``, e.g. an older commit
from ``git archive``), so all of them see the same load on a shared machine. Prints the medians of
wall and CPU seconds and their ratios to the bare app. Each tree is byte-compiled first and
started once until its articles are loaded (so it keeps the list's first screen, as a second
start would find it); ``--no-cache`` measures a first start instead. The full runner (``run.py``) measures the
same thing for the seeds and adds the synthetic corpora.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from measure import BARE_APP, BARE_NEEDLE, compile_package, first_frame, median, run_command  # noqa: E402


def seed_titles() -> list[str]:
    """The start of each bundled seed's title: any of them on screen is the first frame."""
    from tuireader.sources.files import load_corpus

    return [a.title[:18] for a in load_corpus(None).articles]


def measure(
    work: Path, repeat: int, trees: dict[str, str], cache_env: dict[str, str]
) -> dict[str, tuple[float | None, float | None]]:
    """Medians (wall s, CPU s) per name: ``bare``, ``tuireader`` and each tree, alternating."""
    py = sys.executable
    bare_file = work / "bare_app.py"
    bare_file.write_text(BARE_APP)
    envs = {"tuireader": cache_env}
    for name, src in trees.items():
        # Its own cache: another tree may store other things in it.
        envs[name] = {**cache_env, "PYTHONPATH": src, "TUIREADER_CACHE_DIR": str(work / f"cache-{name}")}
    needles = seed_titles()
    for env in envs.values():
        compile_package(env)
        run_command([py, "-m", "tuireader", "analyze"], env)  # warm the cache (and the file system)
        # One start that runs until the articles are loaded, so the app keeps the list's first screen.
        first_frame([py, "-m", "tuireader"], needles, env, linger=3)
    wall: dict[str, list[float | None]] = {name: [] for name in ["bare", *envs]}
    cpu: dict[str, list[float]] = {name: [] for name in wall}
    for _ in range(repeat):
        wall["bare"].append(first_frame([py, str(bare_file)], [BARE_NEEDLE], cache_env, cpu=cpu["bare"]))
        for name, env in envs.items():
            wall[name].append(first_frame([py, "-m", "tuireader"], needles, env, cpu=cpu[name]))
    return {name: (median(wall[name]), median(cpu[name])) for name in wall}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=9, help="rounds (median); default 9")
    parser.add_argument("--tree", action="append", default=[], metavar="NAME=SRC", help="another source tree")
    parser.add_argument("--no-cache", action="store_true", help="start without the cache (a first start)")
    args = parser.parse_args(argv)
    trees = dict(t.split("=", 1) for t in args.tree)
    work = Path(tempfile.mkdtemp(prefix="tuireader-startup-"))
    env = dict(os.environ)
    env.pop("TUIREADER_NO_CACHE", None)
    env["TUIREADER_CACHE_DIR"] = str(work / "cache")
    env["TUIREADER_CONFIG_DIR"] = str(work / "config")
    env["TUIREADER_CACHE_VERSION"] = f"startup-{os.getpid()}-{int(time.time())}"
    if args.no_cache:
        env["TUIREADER_NO_CACHE"] = "1"
    load = os.getloadavg()[0]
    try:
        result = measure(work, args.repeat, trees, env)
    except (subprocess.CalledProcessError, OSError) as exc:
        print(f"startup: {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    bare_s, bare_c = result["bare"]
    print(f"{args.repeat} rounds, load average {load:.1f} -> {os.getloadavg()[0]:.1f}")
    for name, (s, c) in result.items():
        ratio = f"{s / bare_s:.2f}x" if s and bare_s else "-"
        cratio = f"{c / bare_c:.2f}x" if c and bare_c else "-"
        print(f"{name:>12}: first frame {s or 0:.3f} s ({ratio}), {c or 0:.3f} CPU s ({cratio})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
