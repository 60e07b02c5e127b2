"""Scale under hostile input (issue #16): one 4 MB article, and `report` over 20,000 tiny files.

    python benchmarks/hostile.py                 # both, with the targets
    python benchmarks/hostile.py --mb 1 --files 2000   # smaller, for a quick look

Each size is also run at a quarter of it in the same run, so the report shows how the cost
grows (linear work gives about 4x) besides the wall and CPU seconds against the targets:
a 4 MB article analysed in at most 30 s, `report` of 20,000 tiny files in at most 60 s.
The texts are made here from a few invented sentences; nothing is downloaded.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import run_command

NAMES = ["Ana Ruiz", "Tomas Berg", "the Harbour Council", "Mayor Lena Marsh", "Eastfield", "Dr. Owen Pike"]
VERBS = ["said", "told reporters", "added", "wrote"]


def paragraph(rng: random.Random) -> str:
    who, other = rng.choice(NAMES), rng.choice(NAMES)
    return (
        f"{who} said on Monday that {rng.randint(2, 900)} workers would return to the yard by "
        f"{rng.choice(['March', 'June', 'October'])} {rng.randint(1, 28)}. "
        f'"We are ready to talk about the {rng.choice(["deal", "wages", "schedule"])}," {other} '
        f"{rng.choice(VERBS)}, adding that the repairs cost ${rng.randint(1, 9)}.{rng.randint(1, 9)} million."
    )


def long_article(path: Path, megabytes: float, seed: int = 1) -> None:
    rng = random.Random(seed)
    parts = ["Harbour Yard Talks Go On\n"]
    size = 0
    while size < megabytes * 1_000_000:
        text = paragraph(rng)
        parts.append(text)
        size += len(text) + 2
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")


def tiny_files(folder: Path, count: int, seed: int = 2) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"{n:06}.txt").write_text(f"Yard update {n}\n\n{paragraph(rng)}\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=4.0, help="size of the long article in MB (default 4)")
    parser.add_argument("--files", type=int, default=20_000, help="number of tiny files for report (default 20,000)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    env = {**os.environ, "TUIREADER_NO_CACHE": "1"}
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="tuireader-hostile-") as tmp:
        base = Path(tmp)
        for label, size in (("quarter", args.mb / 4), ("full", args.mb)):
            article = base / f"long-{label}.txt"
            long_article(article, size)
            run = run_command([sys.executable, "-m", "tuireader", "analyze", "--json", str(article)], env)
            results[f"long article {size:g} MB"] = {"wall_s": run.seconds, "cpu_s": run.cpu_s, "peak_mb": run.peak_mb}
        for label, count in (("quarter", args.files // 4), ("full", args.files)):
            folder = base / f"tiny-{label}"
            tiny_files(folder, count)
            out = base / f"report-{label}.md"
            run = run_command([sys.executable, "-m", "tuireader", "report", str(folder), "-o", str(out)], env)
            figures = {"wall_s": run.seconds, "cpu_s": run.cpu_s, "peak_mb": run.peak_mb}
            results[f"report of {count:,} tiny files"] = figures
    keys = list(results)
    print(f"{'case':<34} {'wall s':>8} {'cpu s':>8} {'peak MB':>8}")
    for key in keys:
        r = results[key]
        print(f"{key:<34} {r['wall_s']:>8.1f} {r['cpu_s']:>8.1f} {r['peak_mb']:>8.0f}")
    long_ratio = results[keys[1]]["cpu_s"] / max(results[keys[0]]["cpu_s"], 1e-9)
    report_ratio = results[keys[3]]["cpu_s"] / max(results[keys[2]]["cpu_s"], 1e-9)
    print(f"growth for 4x the input (linear ~4): long article {long_ratio:.1f}x, report {report_ratio:.1f}x")
    print(
        f"targets: {args.mb:g} MB article <= 30 s: {results[keys[1]]['wall_s']:.1f} s; "
        f"report of {args.files:,} files <= 60 s: {results[keys[3]]['wall_s']:.1f} s"
    )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
