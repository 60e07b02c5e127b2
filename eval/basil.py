"""BASIL: triplets of articles (Fox News, New York Times, HuffPost) on one event, 2010-2017 only.

BASIL (launchnlp/BASIL) stores each article as ``articles/YEAR/<triplet-uuid>_<n>.json`` with
``body-paragraphs`` (a list of paragraphs, each a list of sentences), ``source`` (fox / nyt /
hpo), ``title``, ``date``, ``uuid`` and ``triplet-uuid``. The years 2018 and 2019 are refused: they
are kept out of everything here so they can serve as held-out data.

The article text is rebuilt as a reader would get it: a paragraph's sentences joined with
spaces, paragraphs separated by a blank line. BASIL's own sentence split then gives gold
sentence starts (``gold_starts``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eval.scoring import map_span, offset_map

YEARS = tuple(range(2010, 2018))
REFUSED_YEARS = (2018, 2019)


class BasilError(Exception):
    """A one-line reason BASIL cannot be read."""


@dataclass(frozen=True, slots=True)
class BasilArticle:
    uuid: str
    triplet: str
    year: int
    source: str  # fox | nyt | hpo
    title: str
    date: str | None
    text: str
    starts: tuple[int, ...]  # raw-text offsets of BASIL's sentence starts
    paragraph_starts: frozenset[int]  # the starts that open a paragraph


def article_text(paragraphs: Sequence[Sequence[str]]) -> tuple[str, tuple[int, ...], frozenset[int]]:
    """The text, its sentence starts and the paragraph-opening starts, from BASIL paragraphs."""
    parts: list[str] = []
    starts: list[int] = []
    opening: set[int] = set()
    pos = 0
    for para in paragraphs:
        sentences = [" ".join(str(s).split()) for s in para if str(s).strip()]
        if not sentences:
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        opening.add(pos)
        for i, sentence in enumerate(sentences):
            if i:
                parts.append(" ")
                pos += 1
            starts.append(pos)
            parts.append(sentence)
            pos += len(sentence)
    return "".join(parts), tuple(starts), frozenset(opening)


def parse_article(obj: Any, year: int) -> BasilArticle:
    if not isinstance(obj, dict) or not isinstance(obj.get("body-paragraphs"), list):
        raise BasilError("not a BASIL article (no body-paragraphs)")
    paragraphs = [p if isinstance(p, list) else [p] for p in obj["body-paragraphs"]]
    text, starts, opening = article_text(paragraphs)
    date = obj.get("date")
    return BasilArticle(
        uuid=str(obj.get("uuid", "")),
        triplet=str(obj.get("triplet-uuid", "")),
        year=year,
        source=str(obj.get("source", "")).lower(),
        title=" ".join(str(obj.get("title") or "").split()),
        date=date if isinstance(date, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else None,
        text=text,
        starts=starts,
        paragraph_starts=opening,
    )


def check_year(year: int) -> None:
    if year in REFUSED_YEARS or year not in YEARS:
        raise BasilError(f"BASIL year {year} refused: only 2010-2017 are used (2018 and 2019 stay held out)")


def triplets(root: Path, limit: int | None = None, only: str | None = None) -> Iterator[list[BasilArticle]]:
    """Each 2010-2017 triplet (its articles sorted by source), in year and uuid order."""
    base = root / "articles"
    if not base.is_dir():
        raise BasilError(f"{root}: no articles/ folder (is this a BASIL checkout?)")
    count = 0
    for year in YEARS:
        folder = base / str(year)
        if not folder.is_dir():
            continue
        groups: dict[str, list[Path]] = {}
        for path in sorted(folder.glob("*.json")):
            groups.setdefault(path.stem.rsplit("_", 1)[0], []).append(path)
        for uuid, paths in sorted(groups.items()):
            if only is not None and uuid != only:
                continue
            arts = []
            for path in paths:
                try:
                    arts.append(parse_article(json.loads(path.read_text(encoding="utf-8")), year))
                except (json.JSONDecodeError, BasilError) as exc:
                    raise BasilError(f"{path}: {exc}") from exc
            yield sorted(arts, key=lambda a: a.source)
            count += 1
            if limit is not None and count >= limit:
                return


def find_triplet(root: Path, uuid: str) -> list[BasilArticle]:
    """One triplet by uuid; refuses 2018/2019 triplets by name."""
    for year in REFUSED_YEARS:
        if list((root / "articles" / str(year)).glob(f"{uuid}_*.json")):
            check_year(year)
    for found in triplets(root, only=uuid):
        return found
    raise BasilError(f"triplet {uuid} not found in {root}/articles/2010-2017")


def boundary_counts(article: BasilArticle, norm_text: str, tool_starts: Sequence[int]) -> dict[str, int]:
    """Sentence-start matches against BASIL's split, all starts and paragraph-internal ones only."""
    mapping = offset_map(article.text, norm_text)
    gold_all: set[int] = set()
    gold_inner: set[int] = set()
    for start in article.starts:
        end = next((s for s in article.starts if s > start), len(article.text))
        span = map_span(start, end, mapping)
        if span is None:
            continue
        gold_all.add(span[0])
        if start not in article.paragraph_starts:
            gold_inner.add(span[0])
    tool = set(tool_starts)
    para_starts = {span[0] for s in article.paragraph_starts if (span := map_span(s, s + 1, mapping))}
    tool_inner = tool - para_starts
    return {
        "all.tp": len(gold_all & tool),
        "all.pred": len(tool),
        "all.gold": len(gold_all),
        "inner.tp": len(gold_inner & tool_inner),
        "inner.pred": len(tool_inner),
        "inner.gold": len(gold_inner),
    }
