"""Precision of the disagreement flags on BASIL, against hand judgements of each flag.

    python -m eval.flags /path/to/BASIL [--gold eval/gold/basil-flags.yaml] [--show-tune]

Reruns the tool on every 2010-2017 triplet and prints, per kind and per split (tune: 2010-2014,
check: 2015-2017), the flags raised, those judged real, those judged false, and new ones (no
judgement matches them), with the judged flags no longer raised (``real lost`` / ``false gone``).
A raised flag takes the judgement of the gold flag of its triplet and kind that shares the most
values with it (at least two; a value matches when one text holds the other's words in a row, same
outlet). ``--show-tune`` prints the false and new flags, and the real flags lost, of the tune split
only: the check split's flags are never printed, so its figures stay a check of rules written on
the other years.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

GOLD = ROOT / "eval" / "gold" / "basil-flags.yaml"
TUNE_UNTIL = 2014  # triplets of 2010-2014 tune the rules; 2015-2017 check them
VERDICTS = ("real", "false")
COLUMNS = ("raised", "real", "false", "new", "real lost", "false gone")


class FlagsError(Exception):
    """A one-line reason to stop."""


@dataclass(frozen=True, slots=True)
class Flag:
    triplet: str
    year: int
    kind: str
    values: tuple[tuple[str, str], ...]  # (outlet, text)
    summary: str = ""


@dataclass(frozen=True, slots=True)
class Judged:
    flag: Flag
    verdict: str  # real | false
    reason: str


def split_of(year: int) -> str:
    return "tune" if year <= TUNE_UNTIL else "check"


_WORD_RE = re.compile(r"[^\W_]+(?:['.][^\W_]+)*")


def _words(text: str) -> tuple[str, ...]:
    folded = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').lower()
    return tuple(_WORD_RE.findall(folded))


def _holds(long_: Sequence[str], short: Sequence[str]) -> bool:
    n = len(short)
    return n > 0 and any(tuple(long_[k : k + n]) == tuple(short) for k in range(len(long_) - n + 1))


def same_value(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """One outlet's value: one text holds the other's words in a row ("Monday" / "on Monday")."""
    if a[0] != b[0]:
        return False
    wa, wb = _words(a[1]), _words(b[1])
    return _holds(wa, wb) or _holds(wb, wa)


def shared(a: Flag, b: Flag) -> int:
    """Values the two flags have in common (a long quotation may hold two short values: it counts once)."""
    of_b = sum(1 for x in b.values if any(same_value(x, y) for y in a.values))
    of_a = sum(1 for y in a.values if any(same_value(x, y) for x in b.values))
    return min(of_a, of_b)


def judge(flag: Flag, gold: Sequence[Judged]) -> Judged | None:
    """The judgement of the gold flag of the same triplet and kind sharing most values (two or more)."""
    best: tuple[int, int, Judged] | None = None
    for g in gold:
        if g.flag.triplet != flag.triplet or g.flag.kind != flag.kind:
            continue
        n = shared(flag, g.flag)
        if n < min(2, len(g.flag.values)):
            continue
        key = (n, -abs(len(g.flag.values) - len(flag.values)), g)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best is not None else None


def load_gold(path: Path) -> list[Judged]:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise FlagsError(f"{path}: cannot read gold ({type(exc).__name__})") from exc
    out: list[Judged] = []
    items = doc.get("flags") if isinstance(doc, dict) else None
    if not isinstance(items, list):
        raise FlagsError(f"{path}: no 'flags' list")
    for n, item in enumerate(items):
        try:
            values = tuple((str(v["source"]), str(v["text"])) for v in item["values"])
            flag = Flag(str(item["triplet"]), int(item["year"]), str(item["kind"]), values)
            verdict = str(item["verdict"])
        except (KeyError, TypeError, ValueError) as exc:
            raise FlagsError(f"{path}: flag {n} lacks triplet, year, kind, values or verdict") from exc
        if verdict not in VERDICTS:
            raise FlagsError(f"{path}: flag {n}: verdict must be real or false, not {verdict!r}")
        out.append(Judged(flag, verdict, str(item.get("reason", ""))))
    return out


def tally(raised: Iterable[Flag], gold: Sequence[Judged]) -> dict[tuple[str, str], Counter[str]]:
    """(split, kind) -> counts of COLUMNS."""
    table: dict[tuple[str, str], Counter[str]] = {}
    matched: set[int] = set()
    for flag in raised:
        row = table.setdefault((split_of(flag.year), flag.kind), Counter())
        row["raised"] += 1
        found = judge(flag, gold)
        if found is None:
            row["new"] += 1
            continue
        row[found.verdict] += 1
        matched.add(id(found))
    for g in gold:
        if id(g) not in matched:
            row = table.setdefault((split_of(g.flag.year), g.flag.kind), Counter())
            row["real lost" if g.verdict == "real" else "false gone"] += 1
    return table


def render(table: dict[tuple[str, str], Counter[str]]) -> str:
    kinds = sorted({k for _, k in table})
    lines = [f"{'split':<6} {'kind':<9} " + " ".join(f"{c:>10}" for c in COLUMNS) + f" {'precision':>10}"]
    for split in ("tune", "check"):
        rows = [(k, table[(split, k)]) for k in kinds if (split, k) in table]
        total: Counter[str] = Counter()
        for kind, row in rows:
            total.update(row)
            lines.append(_line(split, kind, row))
        lines.append(_line(split, "all", total))
    return "\n".join(lines)


def _line(split: str, kind: str, row: Counter[str]) -> str:
    judged = row["real"] + row["false"]
    precision = f"{row['real'] / judged:.2f}" if judged else "-"
    return f"{split:<6} {kind:<9} " + " ".join(f"{row[c]:>10}" for c in COLUMNS) + f" {precision:>10}"


def collect(root: Path) -> list[Flag]:
    """Every flag the tool raises on each 2010-2017 triplet."""
    from eval import basil, tool

    out: list[Flag] = []
    for trip in basil.triplets(root):
        raws = [
            tool.Raw(path=f"{a.source}_{a.uuid}.txt", text=a.text, title=a.title, source=a.source, published=a.date)
            for a in trip
        ]
        articles = tool.build(raws)
        analysis = tool.run(articles)
        outlet = {a.id: a.path.split("_", 1)[0] for a in articles}
        for fact in analysis.facts:
            for d in fact.disagreements:
                values = tuple((outlet[v.article], v.text) for v in d.values)
                out.append(Flag(trip[0].triplet, trip[0].year, d.kind.value, values, d.summary))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.flags", description=__doc__.split("\n\n")[0])
    parser.add_argument("basil", type=Path, help="BASIL checkout")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument(
        "--show-tune", action="store_true", help="print the tune split's false and new flags, and real ones lost"
    )
    args = parser.parse_args(argv)
    from eval.basil import BasilError
    from eval.tool import ToolError

    try:
        gold = load_gold(args.gold)
        raised = collect(args.basil)
    except (FlagsError, BasilError, ToolError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(render(tally(raised, gold)))
    if args.show_tune:
        for flag in raised:
            found = judge(flag, gold)
            if split_of(flag.year) == "tune" and (found is None or found.verdict == "false"):
                label = "new" if found is None else f"false ({found.reason})"
                print(f"\n{flag.triplet[:8]} {flag.kind} {label}: {flag.summary}")
        kept = {id(j) for j in (judge(f, gold) for f in raised) if j is not None}
        for g in gold:
            if split_of(g.flag.year) == "tune" and g.verdict == "real" and id(g) not in kept:
                shown = " vs ".join(f"{src}: {text}" for src, text in g.flag.values)
                print(f"\n{g.flag.triplet[:8]} {g.flag.kind} real lost ({g.reason}): {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
