"""Check a BASIL gold file's anchors against the corpus without running tuireader.

    python eval/check_gold.py BASIL_PATH eval/gold/basil-speakers/<uuid>.yaml [...]
    python eval/check_gold.py BASIL_PATH --text TRIPLET_UUID     # print the three texts to annotate

Annotators use it to write gold blind: the texts are printed as the harness rebuilds them, and
every anchor (quotes, entity forms, facts, disagreement values) is located as the harness would
locate it, so a gold error shows up before the tool is ever run on the triplet. Exit status 1
when some anchor is missing or ambiguous, 2 for unusable input.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from eval.basil import BasilError, find_triplet  # noqa: E402
from eval.gold import Located  # noqa: E402


def problems(root: Path, doc: dict[str, Any]) -> list[str]:
    """Every anchor of ``doc`` that cannot be located once in its article."""
    uuid = str(doc.get("triplet") or "")
    articles = {a.source: SimpleNamespace(text=a.text, id=a.uuid) for a in find_triplet(root, uuid)}
    errors: list[str] = []
    loc = Located(articles, errors)  # type: ignore[arg-type]  # only .text is read here
    for item in doc.get("quotes") or []:
        loc.find(str(item.get("article")), item.get("anchor"), item.get("nth"), "quote")
    for ent in doc.get("entities") or []:
        for key, forms in (ent.get("forms") or {}).items():
            if key not in articles:
                errors.append(f"entity {ent.get('name')!r}: unknown article {key!r}")
                continue
            for form in forms:
                if not loc.all_of(key, str(form)):
                    errors.append(f"entity {ent.get('name')!r}: form {form!r} not in {key}")
    for fact in doc.get("facts") or []:
        for key, anchors in (fact.get("members") or {}).items():
            for anchor in anchors:
                loc.find(str(key), anchor, None, f"fact {fact.get('id')}")
    return errors


def main(argv: Sequence[str] | None = None) -> int:
    import yaml

    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    root = Path(args[0])
    try:
        if args[1] == "--text" and len(args) == 3:
            for a in find_triplet(root, args[2]):
                print(f"===== {a.source} ({a.date}) {a.title}\n\n{a.text}\n")
            return 0
        bad = 0
        for name in args[1:]:
            doc = yaml.safe_load(Path(name).read_text(encoding="utf-8"))
            if not isinstance(doc, dict):
                print(f"error: {name}: not a YAML mapping", file=sys.stderr)
                return 2
            found = problems(root, doc)
            bad += len(found)
            for line in found:
                print(f"{name}: {line}")
            quotes = len(doc.get("quotes") or [])
            print(f"{name}: {quotes} quotes, {len(found)} anchor problems")
        return 1 if bad else 0
    except (BasilError, OSError, yaml.YAMLError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
