"""Attribution probes: short invented news passages, one attribution form each, with the speaker
every quotation should get. They are written from how English news attributes speech (style
guides, wire copy, live blogs, transcripts, social posts), never copied from a corpus, so they can
be committed; they find *kinds* of failure, and the corpora give the figures.

    python eval/probes.py eval/probes/*.yaml [--show-failures]

A probe file is YAML: ``form`` (what is probed) and ``cases``, each with ``text`` (paragraphs
separated by blank lines) and ``quotes``, each with ``anchor`` (words inside the quotation) and
``speaker``: a name (right when the tool's speaker has the same last name), a description such as
"a spokeswoman" (right when its head noun is among the words of the tool's speaker) or null (the
quotation has no speaker; right when the tool names none).

``eval/probes/check/`` is a held-out set written apart, by a writer who never saw the tool's answers
on it: the runner gives its figures and refuses to show its failures, so the rules written on the
other probes are checked on forms nobody tuned on.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from eval.scoring import description_head, head_name, tokens
from eval.tool import build, run
from tuireader.sources.files import RawArticle

DESCRIPTION_STARTS = ("a ", "an ", "the ", "one ", "two ", "three ", "several ", "some ")


@dataclass(frozen=True, slots=True)
class Result:
    file: str
    case: int
    anchor: str
    expected: str | None
    said: str | None
    right: bool
    found: bool


def _said(quote: Any, names: dict[str, str], text: str) -> str | None:
    parts = [quote.speaker_name, names.get(quote.speaker or "")]
    if quote.speaker_start is not None and quote.speaker_end is not None:
        parts.append(text[quote.speaker_start : quote.speaker_end])
    said = " | ".join(p for p in parts if p)
    return said or None


def _right(expected: str | None, quote: Any, names: dict[str, str], text: str) -> bool:
    said = _said(quote, names, text)
    if expected is None:
        return said is None
    if said is None:
        return False
    if expected.casefold().startswith(DESCRIPTION_STARTS):
        head = description_head(expected)
        return bool(head) and head in {w.casefold() for w in tokens(said)}
    return head_name(expected) in {head_name(p.strip()) for p in said.split("|")}


def run_file(path: Path) -> list[Result]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: list[Result] = []
    for n, case in enumerate(data["cases"]):
        raw = RawArticle(path=f"{path.name}#{n}", text=case["text"], title="Probe")
        (article,) = build([raw])
        analysis = run([article], facts=False)
        names = {e.id: e.name for e in analysis.entities}
        found = analysis.by_article[article.id].quotes
        for q in case["quotes"]:
            anchor = " ".join(q["anchor"].split())
            at = article.text.find(anchor)
            hit = [t for t in found if not t.scare and at >= 0 and t.start <= at < t.end]
            if not hit and q["speaker"] is None and any(t.scare and t.start <= at < t.end for t in found):
                out.append(Result(path.name, n, anchor, None, None, True, True))  # a title or term: nobody's words
                continue
            if not hit:
                out.append(Result(path.name, n, anchor, q["speaker"], None, False, False))
                continue
            t = hit[0]
            out.append(
                Result(
                    path.name,
                    n,
                    anchor,
                    q["speaker"],
                    _said(t, names, article.text),
                    _right(q["speaker"], t, names, article.text),
                    True,
                )
            )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--show-failures", action="store_true")
    args = parser.parse_args(argv)
    if args.show_failures and any(p.parent.name == "check" for p in args.files):
        parser.error("the held-out probes (check/) are never shown failure by failure")
    total = right = found = 0
    for path in args.files:
        results = run_file(path)
        r = sum(x.right for x in results)
        total, right, found = total + len(results), right + r, found + sum(x.found for x in results)
        print(f"{path.name:40} {r}/{len(results)}")
        if args.show_failures:
            for x in results:
                if not x.right:
                    what = "quote not found" if not x.found else f"got {x.said!r}"
                    print(f"    case {x.case}: {x.anchor[:50]!r}: want {x.expected!r}, {what}")
    print(f"{'all':40} {right}/{total} right, {found}/{total} quotes found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
