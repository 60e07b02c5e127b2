"""Measure tuireader on public corpora and the real seed articles: one table, one JSON file.

    python eval/run.py --polnear /path/to/PolNeAR --split dev --basil /path/to/BASIL --seeds seeds \
        --json out.json [--compare previous.json] [--only polnear|basil|seeds] [--limit N]

Each corpus is optional. Corpus texts are read from the local checkouts and never written out;
the JSON holds figures only (``--show-failures`` prints excerpts to the terminal, for local use).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from eval import basil, polnear, seeds  # noqa: E402
from eval.scoring import source_kind  # noqa: E402


class HarnessError(Exception):
    """A one-line reason to stop."""


def _progress(label: str) -> Callable[[int, int], None]:
    last = [0.0]

    def report(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] > 2 or done == total:
            last[0] = now
            print(f"{label}: {done}/{total}", file=sys.stderr, flush=True)

    return report


# ---------------------------------------------------------------------------------------------
# PolNeAR


_WORST_ARTICLES = 5


def run_polnear(root: Path, split: str, limit: int | None, show: int) -> dict[str, Any]:
    from eval import tool

    docs = list(polnear.documents(root, split, limit))
    if not docs:
        raise HarnessError(f"{root}: no annotated articles in the {split} split")
    outcomes: list[polnear.Outcome] = []
    where: list[str] = []
    kinds: Counter[str] = Counter()
    groups: defaultdict[str, list[polnear.Outcome]] = defaultdict(list)
    by_article: defaultdict[str, list[polnear.Outcome]] = defaultdict(list)
    errors: list[str] = []
    report = _progress(f"PolNeAR {split}")
    for n, doc in enumerate(docs, 1):
        relations = polnear.parse_ann(doc.ann)
        kinds.update(source_kind(r.source.text) if r.source else "none" for r in relations)
        gold = polnear.gold_quotes(doc.text, relations)
        try:
            articles = tool.build([tool.Raw(path=f"{doc.name}.txt", text=doc.text)])
            analysis = tool.run(articles, facts=False)
        except tool.ToolError as exc:
            errors.append(str(exc))
            report(n, len(docs))
            continue
        found = polnear.score_article(doc.text, gold, tool.view(articles[0], analysis))
        outcomes.extend(found)
        where.extend(doc.name for _ in found)
        annotator = Path(doc.annotator_file).stem[len(doc.name) + 1 :]
        for o in found:
            groups[f"annotator {annotator}"].append(o)
            groups[f"outlet {doc.name.split('_')[0]}"].append(o)
            by_article[doc.name].append(o)
        report(n, len(docs))
    result = polnear.summarise(outcomes, len(docs), split, kinds)
    # Figures only, by who annotated and by outlet: conventions differ between annotators.
    result["speaker_by_group"] = {
        key: polnear.summarise(rows, 0, split, Counter())["speaker"]["name_or_description"]
        for key, rows in sorted(groups.items())
    }
    # Figures only: the articles holding the most misses (a form of text the rules do not know often
    # fills one article: a list of quotations, an unusual dash), by file name and counts
    misses = []
    for name, rows in by_article.items():
        figure = polnear.summarise(rows, 0, split, Counter())["speaker"]["name_or_description"]
        if figure["n"] - figure["right"] > 0:
            misses.append((figure["n"] - figure["right"], name, figure["n"]))
    result["speaker_most_missed_articles"] = {
        name: {"missed": missed, "n": n} for missed, name, n in sorted(misses, reverse=True)[:_WORST_ARTICLES]
    }
    result["annotation"] = "first annotator file by name"
    result["tool_errors"] = len(errors)
    for line in errors:
        print(f"error: {line}", file=sys.stderr)
    if show:
        _show_polnear_failures(outcomes, where, show)
    return result


def _show_polnear_failures(outcomes: Sequence[polnear.Outcome], where: Sequence[str], show: int) -> None:
    """Examples of each failure kind (corpus excerpts: for the terminal only, never saved)."""
    groups: dict[str, list[tuple[str, polnear.Outcome]]] = {}
    for name, o in zip(where, outcomes, strict=True):
        if not o.in_text:
            continue
        if not o.found:
            groups.setdefault("not found", []).append((name, o))
        elif o.failure:
            groups.setdefault(f"{o.failure} ({o.kind} source)", []).append((name, o))
    for kind, rows in sorted(groups.items()):
        print(f"\n== {kind}: {len(rows)}")
        for name, o in rows[:show]:
            gold = o.gold_source + (f" (antecedent: {o.antecedent})" if o.antecedent else "")
            print(f"  {name}\n    quote: {o.excerpt}")
            print(f"    gold source: {gold or '-'}\n    tool: {o.tool_speaker or '-'}")


# ---------------------------------------------------------------------------------------------
# Gold files (BASIL triplets, seeds)


def load_yaml(path: Path) -> dict[str, Any]:
    import yaml

    try:
        value = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise HarnessError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from exc
    if not isinstance(value, dict):
        raise HarnessError(f"{path}: not a gold document (a mapping)")
    return value


def _print_notes(title: str, notes: Sequence[str], show: int) -> None:
    units = [n for n in notes if n.startswith("unit check")]
    other = [n for n in notes if not n.startswith("unit check")]
    for line in units:
        print(f"{title}: {line}")
    for line in other[:show]:
        print(f"{title}: {line}")


# ---------------------------------------------------------------------------------------------
# BASIL


GOLD_SETS = {  # gold folder -> key in the results
    "basil": "gold",
    "basil-speakers": "speaker_set",
    "basil-speakers-check": "speaker_check",
    "basil-speakers-check2": "speaker_check2",
}
# Sets whose failures are never printed: they check rules written on other text, so nobody reads them.
UNREAD_SETS = frozenset({"speaker_check", "speaker_check2"})


def run_basil(root: Path, gold_root: Path, limit: int | None, show: int) -> dict[str, Any]:
    """BASIL's sentence split over every 2010-2017 triplet, and each gold set scored apart: the full
    gold (``eval/gold/basil``), the blind speaker set (``eval/gold/basil-speakers``: quotations,
    speakers and speaker entities only, written before the tool was run on those triplets) and the
    speaker check sets (``eval/gold/basil-speakers-check`` and ``-check2``, the same, whose failures
    are never shown)."""
    from eval import basil, gold, tool
    from eval.scoring import prf

    golds: dict[str, list[tuple[str, Path, dict[str, Any]]]] = {}
    for folder, key in GOLD_SETS.items():
        gold_dir = gold_root / folder
        for path in sorted(gold_dir.glob("*.yaml")) if gold_dir.is_dir() else ():
            doc = load_yaml(path)
            year = doc.get("year")
            if isinstance(year, int):
                basil.check_year(year)
            golds.setdefault(str(doc.get("triplet") or path.stem), []).append((key, path, doc))
    sentence_counts: Counter[str] = Counter()
    counts: dict[str, Counter[str]] = {key: Counter() for key in GOLD_SETS.values()}
    by_kind: dict[str, Counter[str]] = {key: Counter() for key in GOLD_SETS.values()}
    scored: Counter[str] = Counter()
    gold_errors: Counter[str] = Counter()
    errors: list[str] = []
    n_triplets = 0
    triplets = list(basil.triplets(root, limit))
    report = _progress("BASIL")
    for n, trip in enumerate(triplets, 1):
        n_triplets += 1
        raws = [
            tool.Raw(path=f"{a.source}/{a.uuid}.json", text=a.text, title=a.title, source=a.source, published=a.date)
            for a in trip
        ]
        try:
            articles = tool.build(raws)
            analysis = tool.run(articles)
        except tool.ToolError as exc:
            errors.append(str(exc))
            report(n, len(triplets))
            continue
        for art, built in zip(trip, articles, strict=True):
            sentence_counts.update(basil.boundary_counts(art, built.text, [s.start for s in built.sentences]))
        uuid = trip[0].triplet
        numbers = gold.number_disagreements(analysis)
        sentence_counts["number_disagreements"] += len(numbers)
        if uuid not in golds and show:
            keyed_all = {a.source: built for a, built in zip(trip, articles, strict=True)}
            for d in numbers:
                print(f"basil {uuid[:8]} (no gold): {gold.unit_check(d, keyed_all)}")
        for key, path, doc in golds.get(uuid, ()):
            keyed = {a.source: built for a, built in zip(trip, articles, strict=True)}
            wanted = doc.get("articles") or {}
            mismatch = [
                k for k, v in wanted.items() if k not in keyed or v != next(a.uuid for a in trip if a.source == k)
            ]
            result = gold.score_story(doc, keyed, analysis)
            result.errors.extend(f"article {k}: uuid does not match the triplet's {k} article" for k in mismatch)
            counts[key].update(result.counts)
            by_kind[key].update(result.by_kind)
            gold_errors[key] += len(result.errors)
            scored[key] += 1
            for line in result.errors:
                print(f"gold error {path.parent.name}/{path.name}: {line}", file=sys.stderr)
            if key == "gold":
                _print_notes(f"basil {uuid[:8]}", result.notes, show)
            elif key not in UNREAD_SETS:  # speakers only: no disagreement gold, so no unit checks
                _print_notes(f"basil {uuid[:8]}", [n for n in result.notes if not n.startswith("unit check")], show)
        report(n, len(triplets))
    for line in errors:
        print(f"error: {line}", file=sys.stderr)
    c = sentence_counts
    out: dict[str, Any] = {
        "years": "2010-2017",
        "triplets": n_triplets,
        "sentences": {
            "all_starts": prf(c["all.tp"], c["all.pred"], c["all.gold"]),
            "inside_paragraphs": prf(c["inner.tp"], c["inner.pred"], c["inner.gold"]),
        },
        "number_disagreements_flagged": c["number_disagreements"],
        "tool_errors": len(errors),
    }
    ran = {t[0].triplet for t in triplets}
    for key in GOLD_SETS.values():
        missing = [u for u, sets in golds.items() if u not in ran and any(k == key for k, _, _ in sets)]
        if not scored[key] and key != "gold":
            continue
        block: dict[str, Any] = {
            "triplets": scored[key],
            "gold_errors": gold_errors[key],
            "gold_files_not_run": len(missing),
        }
        if scored[key]:
            figures = gold.finish(counts[key], by_kind[key])
            block.update(figures if key == "gold" else {k: figures[k] for k in ("entities", "quotes")})
        out[key] = block
    return out


# ---------------------------------------------------------------------------------------------
# Seeds


def run_seeds(folder: Path, gold_path: Path, show: int) -> dict[str, Any]:
    from eval import gold, seeds, tool
    from tuireader.sources.files import read_file

    if not gold_path.is_file():
        raise HarnessError(f"{gold_path}: no seed gold file")
    doc = load_yaml(gold_path)
    warnings: list[str] = []
    raws = []
    for path in seeds.seed_files(folder):
        for raw in read_file(path, warnings.append):
            raws.append(
                tool.Raw(path=path.name, text=raw.text, title=raw.title, source=raw.source, published=raw.published)
            )
    for line in warnings:
        print(f"warning: {line}", file=sys.stderr)
    articles = tool.build(raws)
    analysis = tool.run(articles)
    keyed = {a.path: a for a in articles}
    wanted = doc.get("articles") or {}
    result = gold.score_story(doc, keyed, analysis)
    result.errors.extend(f"article {k}: no such seed file in {folder}" for k in wanted if k not in keyed)
    for line in result.errors:
        print(f"gold error {gold_path.name}: {line}", file=sys.stderr)
    _print_notes("seeds", result.notes, show)
    out: dict[str, Any] = {"articles": len(articles), "gold_errors": len(result.errors)}
    out.update(gold.finish(result.counts, result.by_kind))
    return out


# ---------------------------------------------------------------------------------------------
# Table, JSON, comparison


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(flatten(item, f"{prefix}.{key}" if prefix else str(key)))
        return out
    return {prefix: value}


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    if value is None:
        return "-"
    return str(value)


def table(results: dict[str, Any], previous: dict[str, Any] | None) -> str:
    rows = {k: v for k, v in flatten({k: v for k, v in results.items() if k != "meta"}).items()}
    before = flatten({k: v for k, v in (previous or {}).items() if k != "meta"}) if previous else {}
    width = max((len(k) for k in rows), default=10)
    lines = [f"{'metric':<{width}}  {'value':>9}" + ("  {:>9}  {:>8}".format("previous", "delta") if previous else "")]
    for key, value in rows.items():
        if isinstance(value, list):
            continue
        line = f"{key:<{width}}  {_fmt(value):>9}"
        if previous is not None:
            old = before.get(key)
            delta = ""
            if isinstance(value, int | float) and isinstance(old, int | float) and not isinstance(value, bool):
                diff = value - old
                delta = f"{diff:+.3f}" if isinstance(diff, float) else f"{diff:+d}"
            line += f"  {_fmt(old):>9}  {delta:>8}"
        lines.append(line)
    return "\n".join(lines)


def _commit() -> str:
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "src"], capture_output=True, text=True)
        return out.stdout.strip() + ("+dirty-src" if dirty.stdout.strip() else "")
    except OSError:
        return "unknown"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--polnear", type=Path, help="local checkout of networkdynamics/PolNeAR")
    parser.add_argument("--split", default="dev", help="PolNeAR split(s): dev, train or dev,train (never test)")
    parser.add_argument("--basil", type=Path, help="local checkout of launchnlp/BASIL (2010-2017 only)")
    parser.add_argument("--gold", type=Path, default=ROOT / "eval" / "gold", help="gold folder (default eval/gold)")
    parser.add_argument("--seeds", type=Path, help="folder of the real seed articles (seeds/)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--compare", type=Path, help="an earlier JSON to show deltas against")
    parser.add_argument("--only", choices=("polnear", "basil", "seeds"), help="run one corpus only")
    parser.add_argument("--limit", type=int, help="at most N articles (PolNeAR) or triplets (BASIL)")
    parser.add_argument("--show-failures", type=int, default=0, metavar="N", help="print N examples per failure kind")
    args = parser.parse_args(argv)
    try:
        return _main(args)
    except (HarnessError, polnear.PolnearError, basil.BasilError, seeds.SeedsError, OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _main(args: argparse.Namespace) -> int:
    previous = None
    if args.compare:
        try:
            previous = json.loads(args.compare.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise HarnessError(f"{args.compare}: cannot read ({exc})") from exc
    wanted = {args.only} if args.only else {"polnear", "basil", "seeds"}
    results: dict[str, Any] = {
        "meta": {
            "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "commit": _commit(),
            "limit": args.limit,
        }
    }
    ran = False
    if "polnear" in wanted and args.polnear:
        splits = [s.strip() for s in args.split.split(",") if s.strip()]
        results["polnear"] = {s: run_polnear(args.polnear, s, args.limit, args.show_failures) for s in splits}
        ran = True
    if "basil" in wanted and args.basil:
        results["basil"] = run_basil(args.basil, args.gold, args.limit, args.show_failures)
        ran = True
    if "seeds" in wanted and args.seeds:
        results["seeds"] = run_seeds(args.seeds, args.gold / "seeds.yaml", args.show_failures)
        ran = True
    if not ran:
        raise HarnessError("nothing to run: give --polnear, --basil and/or --seeds (matching --only)")
    print(table(results, previous))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
