"""Write one BASIL triplet as three Markdown files that tuireader opens, for reading it in the app.

    python eval/basil_export.py BASIL_PATH TRIPLET_UUID OUTDIR
    tuireader OUTDIR

Each file has YAML front matter (title, source, published) and the body rebuilt as the harness
reads it (sentences joined with spaces, paragraphs separated by blank lines). Only triplets from
2010 to 2017; 2018 and 2019 are refused. The files hold copyrighted text: keep them local.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from eval.basil import BasilArticle, BasilError, find_triplet  # noqa: E402

OUTLETS = {"fox": "Fox News", "nyt": "The New York Times", "hpo": "HuffPost"}


def markdown(article: BasilArticle) -> str:
    import yaml

    meta: dict[str, str] = {"title": article.title, "source": OUTLETS.get(article.source, article.source)}
    if article.date:
        meta["published"] = article.date
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{article.text}\n"


def export(root: Path, uuid: str, outdir: Path) -> list[Path]:
    articles = find_triplet(root, uuid)
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for article in articles:
        path = outdir / f"{article.year}-{article.source}-{uuid[:8]}.md"
        path.write_text(markdown(article), encoding="utf-8")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 3:
        print("usage: python eval/basil_export.py BASIL_PATH TRIPLET_UUID OUTDIR", file=sys.stderr)
        return 2
    try:
        for path in export(Path(args[0]), args[1], Path(args[2])):
            print(path)
    except (BasilError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
