"""PolNeAR: direct quotations and their speakers, from brat attribution annotations.

PolNeAR (networkdynamics/PolNeAR) annotates attributions in US election news of 2016 as brat
``.ann`` files: ``T`` lines are text-bound Source, Cue, Content and Attribution spans (possibly
discontinuous, ``s e;s e``), and ``E`` lines join one attribution's parts. Only the ``train`` and
``dev`` splits are read; ``test`` is refused so nothing is ever tuned on it.

What is scored (see ``score_article``):

- a *direct quotation* is a Content whose text opens with a quote mark (" “ ‘ ' or ``);
- it is *found* when the tool's non-scare quotes cover at least half of its characters;
- for a found quotation whose gold Source is a name or a description, the speaker is *right*
  when the matching tool quote's speaker span overlaps the Source span, or the speaker entity
  has a mention overlapping it, or (names) the tool's speaker name has the Source's head name
  (surname), or (descriptions) the tool's speaker text holds the description's head noun (both
  read by one tokenizer), or the tool's speaker stands inside the gold Content outside every
  quotation (a nested attribution: the annotator's Content is "X said '...'", reported by an
  outer source, and the tool named X);
- a Source that is the cue word itself ("said", "According to") is a gold error: counted as its
  own kind (``cue``), not scored;
- pronoun Sources are scored apart, by an approximation: the speaker is right when it matches,
  by the same tests, the nearest *named* gold Source before the pronoun in the article (the
  antecedent a reader would most often pick). Pronouns with no named Source before them are
  counted as unscorable.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eval.scoring import (
    Frag,
    covered,
    description_head,
    head_name,
    length,
    map_span,
    offset_map,
    overlap,
    ratio,
    source_kind,
    tokens,
)

SPLITS = ("train", "dev")
QUOTE_OPENERS = ('"', "“", "‘", "'", "``", "„", "«")
FOUND_SHARE = 0.5  # a gold quotation is found when tool quotes cover this share of it


class PolnearError(Exception):
    """A one-line reason the corpus cannot be read."""


@dataclass(frozen=True, slots=True)
class Bound:
    """A brat text-bound annotation."""

    id: str
    label: str
    frags: tuple[Frag, ...]
    text: str


@dataclass(frozen=True, slots=True)
class Relation:
    source: Bound | None
    contents: tuple[Bound, ...]
    cue: Bound | None = None


@dataclass(frozen=True, slots=True)
class GoldQuote:
    frags: tuple[Frag, ...]  # raw-text offsets of the Content, quote marks included
    source: Bound | None
    kind: str  # name | description | pronoun | cue (the annotation marks the cue word) | none
    antecedent: Bound | None = None  # pronouns: the nearest named Source before it


@dataclass(slots=True)
class Outcome:
    """What happened to one gold direct quotation."""

    kind: str
    found: bool = False
    in_text: bool = True  # False: the quotation lies in the headline the tool keeps as title
    speaker_right: bool | None = None  # None: not scored (not found, no source, no antecedent)
    failure: str | None = None  # no speaker | wrong person | description expected
    tool_speaker: str | None = None
    gold_source: str = ""
    antecedent: str = ""
    excerpt: str = ""


# ---------------------------------------------------------------------------------------------
# Reading


def parse_ann(ann: str) -> list[Relation]:
    """The attribution relations of one brat file; malformed lines are skipped."""
    bounds: dict[str, Bound] = {}
    events: list[dict[str, list[str]]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            label, _, spans = parts[1].partition(" ")
            frags: list[Frag] = []
            for piece in spans.split(";"):
                m = re.fullmatch(r"\s*(\d+)\s+(\d+)\s*", piece)
                if m:
                    frags.append((int(m.group(1)), int(m.group(2))))
            if frags:
                bounds[parts[0]] = Bound(parts[0], label, tuple(frags), parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            roles: dict[str, list[str]] = {}
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                roles.setdefault(re.sub(r"\d+$", "", role), []).append(ref)
            events.append(roles)
    out: list[Relation] = []
    for roles in events:
        contents = tuple(bounds[r] for r in roles.get("Content", []) if r in bounds)
        if not contents:
            continue
        sources = [bounds[r] for r in roles.get("Source", []) if r in bounds]
        cues = [bounds[r] for r in roles.get("Cue", []) if r in bounds]
        out.append(Relation(sources[0] if sources else None, contents, cues[0] if cues else None))
    return out


def opens_with_quote(text: str) -> bool:
    return text.lstrip().startswith(QUOTE_OPENERS)


def gold_quotes(raw: str, relations: Sequence[Relation]) -> list[GoldQuote]:
    """The direct quotations among ``relations``, with their source kinds and pronoun antecedents."""
    named = sorted(
        (r.source for r in relations if r.source is not None and source_kind(r.source.text) == "name"),
        key=lambda b: b.frags[0][0],
    )
    out: list[GoldQuote] = []
    for rel in relations:
        kind = "none" if rel.source is None else source_kind(rel.source.text)
        antecedent = None
        if kind == "pronoun" and rel.source is not None:
            at = rel.source.frags[0][0]
            before = [b for b in named if b.frags[0][0] < at]
            antecedent = before[-1] if before else None
        for content in rel.contents:
            s, e = content.frags[0]
            if opens_with_quote(raw[s:e]):
                out.append(GoldQuote(content.frags, rel.source, kind, antecedent))
    return out


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    text: str
    ann: str
    annotator_file: str


def annotation_files(attr_dir: Path, name: str) -> list[Path]:
    """The annotators' files for article ``name`` (``NAME_XXXX.ann``), sorted by file name."""
    return sorted(p for p in attr_dir.glob(f"{name}_*.ann") if re.fullmatch(r"[0-9a-f]+", p.stem[len(name) + 1 :]))


def documents(root: Path, split: str, limit: int | None = None) -> Iterator[Document]:
    """Each article of ``split`` with one annotator's file: the first by name (deterministic)."""
    if split not in SPLITS:
        raise PolnearError(f"PolNeAR split {split!r} refused: only {', '.join(SPLITS)} are used (never test)")
    base = root / "data" / split if (root / "data").is_dir() else root / split
    text_dir, attr_dir = base / "text", base / "attributions"
    if not text_dir.is_dir() or not attr_dir.is_dir():
        raise PolnearError(f"{root}: no {split}/text and {split}/attributions folders (is this a PolNeAR checkout?)")
    count = 0
    for path in sorted(text_dir.glob("*.txt")):
        anns = annotation_files(attr_dir, path.stem)
        if not anns:
            continue
        yield Document(path.stem, path.read_text(encoding="utf-8"), anns[0].read_text(encoding="utf-8"), anns[0].name)
        count += 1
        if limit is not None and count >= limit:
            return


# ---------------------------------------------------------------------------------------------
# Scoring one article


@dataclass(frozen=True, slots=True)
class ToolQuote:
    """The parts of a tool quote the scorer reads (offsets into the tool's text)."""

    start: int
    end: int
    speaker: str | None  # entity id
    speaker_span: Frag | None
    speaker_name: str | None


@dataclass(slots=True)
class ToolView:
    """What the tool found in one article, in its normalised text."""

    text: str
    quotes: list[ToolQuote]
    mentions: dict[str, list[Frag]] = field(default_factory=dict)  # entity id -> mention spans
    names: dict[str, str] = field(default_factory=dict)  # entity id -> display name


def _matches(q: ToolQuote, view: ToolView, span: Frag | None, text: str, kind: str) -> bool:
    if span is not None:
        if q.speaker_span is not None and overlap(q.speaker_span, span):
            return True
        if q.speaker is not None and any(overlap(m, span) for m in view.mentions.get(q.speaker, [])):
            return True
    said = " ".join(x for x in (q.speaker_name, view.names.get(q.speaker or "")) if x)
    if q.speaker_span is not None:
        said += " " + view.text[q.speaker_span[0] : q.speaker_span[1]]
    if kind == "description":
        head = description_head(text)  # both sides read by one tokenizer ("the 46-year-old", "campaign's")
        return bool(head) and head in {w.casefold() for w in tokens(said)}
    gold_head = head_name(text)
    if not gold_head:
        return False
    return gold_head in {head_name(x) for x in (q.speaker_name, view.names.get(q.speaker or "")) if x} or (
        q.speaker_span is not None and head_name(view.text[q.speaker_span[0] : q.speaker_span[1]]) == gold_head
    )


def _nested(q: ToolQuote, view: ToolView, content: Sequence[Frag]) -> bool:
    """Whether the tool's speaker stands inside the gold Content but outside every quotation: the
    annotator took "X said '...'" as the Content of an outer source ("..., according to the Courier")
    and the tool named X, the speaker of the words within it."""
    span = q.speaker_span
    if span is None or not any(s <= span[0] and span[1] <= e for s, e in content):
        return False
    return not any(overlap(span, (t.start, t.end)) for t in view.quotes)


def _said(q: ToolQuote, view: ToolView) -> str | None:
    if q.speaker_name:
        return q.speaker_name
    if q.speaker:
        return view.names.get(q.speaker, q.speaker)
    if q.speaker_span is not None:
        return view.text[q.speaker_span[0] : q.speaker_span[1]]
    return None


def score_article(raw: str, gold: Sequence[GoldQuote], view: ToolView) -> list[Outcome]:
    """One outcome per gold direct quotation (see the module docstring for the rules)."""
    mapping = offset_map(raw, view.text)
    out: list[Outcome] = []
    tool = [(q.start, q.end) for q in view.quotes]
    for g in gold:
        result = Outcome(kind=g.kind, gold_source=g.source.text if g.source else "")
        mapped = [m for m in (map_span(s, e, mapping) for s, e in g.frags) if m is not None]
        result.excerpt = raw[g.frags[0][0] : g.frags[0][1]][:90]
        out.append(result)
        if not mapped:
            result.in_text = False
            continue
        total = length(mapped)
        result.found = total > 0 and covered(mapped, tool) >= FOUND_SHARE * total
        if not result.found or g.kind in ("none", "cue"):
            continue
        best = max(view.quotes, key=lambda q: sum(overlap((q.start, q.end), m) for m in mapped))
        result.tool_speaker = _said(best, view)
        target, kind = g.source, g.kind
        if g.kind == "pronoun":
            target, kind = g.antecedent, "name"
            result.antecedent = g.antecedent.text if g.antecedent else ""
            if target is None:
                continue
        assert target is not None
        span = map_span(target.frags[0][0], target.frags[-1][1], mapping)
        result.speaker_right = _matches(best, view, span, target.text, kind) or _nested(best, view, mapped)
        if not result.speaker_right:
            if best.speaker is None and best.speaker_span is None and not best.speaker_name:
                result.failure = "no speaker"
            elif kind == "description":
                result.failure = "description expected"
            else:
                result.failure = "wrong person"
    return out


# ---------------------------------------------------------------------------------------------
# Totals


def summarise(outcomes: Sequence[Outcome], articles: int, split: str, source_kinds: Counter[str]) -> dict[str, Any]:
    scored = [o for o in outcomes if o.in_text]
    found = [o for o in scored if o.found]

    def speaker(kinds: tuple[str, ...]) -> dict[str, Any]:
        rows = [o for o in found if o.kind in kinds and o.speaker_right is not None]
        right = sum(1 for o in rows if o.speaker_right)
        return {"n": len(rows), "right": right, "acc": ratio(right, len(rows))}

    pronoun = speaker(("pronoun",))
    pronoun["no_antecedent"] = sum(1 for o in found if o.kind == "pronoun" and o.speaker_right is None)
    failures = Counter(o.failure for o in found if o.failure and o.kind in ("name", "description"))
    return {
        "split": split,
        "articles": articles,
        "gold_direct": len(scored),
        "in_headline": len(outcomes) - len(scored),
        "found": len(found),
        "recall": ratio(len(found), len(scored)),
        "speaker": {
            "name_or_description": speaker(("name", "description")),
            "name": speaker(("name",)),
            "description": speaker(("description",)),
            "pronoun": pronoun,
        },
        "direct_sources": dict(sorted(Counter(o.kind for o in scored).items())),
        "all_sources": dict(sorted(source_kinds.items())),
        "failures": dict(sorted(failures.items())),
        "pronoun_failures": dict(
            sorted(Counter(o.failure for o in found if o.failure and o.kind == "pronoun").items())
        ),
    }
