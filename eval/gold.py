"""Scoring tuireader's analysis of one story against a gold file (format: eval/gold/README.md).

Used for BASIL triplets and for the real seeds. Everything is located in the tool's normalised
text by anchors (``scoring.Folded``); an anchor that cannot be found is a *gold error*, listed and
left out, never a crash. Counts are returned so that many stories can be summed before ratios
are taken (``finish``).

Rules, in the order of the README's figures:

- sentences (seeds): a gold sentence start is the located start of its first-words anchor, each
  looked for after the previous one; P/R/F1 of the tool's sentence starts against them;
- headings (seeds): the tool's heading lines against the gold lines, compared folded;
- entities: every occurrence of each gold form in its article (whole words, case as written; a
  longer form wins over a form inside it) is a gold mention; it is *found* when a tool person/org/
  place mention overlaps it. A gold entity is *merged exactly right* when all its found mentions
  resolve to one tool entity that holds no found mention of another gold entity (an entity none
  of whose mentions is found is not right). *Persons merged with another person* counts gold
  persons whose tool entity also holds a mention of another gold person;
- quotes: a gold quote is found when a non-scare tool quote in its article covers at least half
  of the anchor. Its speaker is right when the tool's speaker entity holds a form of the gold
  entity (any article's forms, its name or aliases), or the tool's speaker span overlaps a gold
  mention of that entity; for descriptions, when the tool's speaker text or span holds the
  description's head noun ("a spokeswoman for the mayor" -> "spokeswoman");
- facts: gold pairs are pairs of tool sentences (located by the anchors) of different articles in
  one gold fact; tool pairs come from ``Analysis.facts`` the same way; P/R/F1 over pairs. Gold
  facts list main claims only, so precision is a lower bound;
- disagreements: a gold disagreement is found when one tool disagreement's values overlap the gold
  values in at least two articles (for name spellings, a value written elsewhere in the article
  counts when its text is part of the gold value); a tool disagreement matching no gold one is a
  false flag.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from eval.scoring import (
    AnchorError,
    Folded,
    Frag,
    covered,
    description_head,
    fold,
    head_name,
    overlap,
    prf,
    ratio,
    source_kind,
)
from tuireader.model import Analysis, Article, Disagreement, Label, Quote

NAMED = (Label.PERSON, Label.ORG, Label.PLACE)


@dataclass(slots=True)
class StoryScore:
    counts: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)  # gold errors (missing anchors...)
    notes: list[str] = field(default_factory=list)  # terminal lines (unit check, failures): corpus text
    by_kind: Counter[str] = field(default_factory=Counter)  # quote speaker results by speaker_kind


def _key_fold(text: str) -> str:
    return fold(text)[0].casefold()


class Located:
    """Anchor look-ups in one story's articles, collecting gold errors."""

    def __init__(self, articles: Mapping[str, Article], errors: list[str]) -> None:
        self.articles = articles
        self.folded = {k: Folded.of(a.text) for k, a in articles.items()}
        self.errors = errors

    def find(self, key: str, anchor: Any, nth: Any = None, what: str = "anchor") -> Frag | None:
        if key not in self.folded:
            self.errors.append(f"{what}: unknown article {key!r}")
            return None
        if not isinstance(anchor, str):
            self.errors.append(f"{what}: not a string in {key}: {anchor!r}")
            return None
        try:
            return self.folded[key].find(anchor, nth if isinstance(nth, int) else None)
        except AnchorError as exc:
            self.errors.append(f"{what} in {key}: {exc}")
            return None

    def all_of(self, key: str, form: str) -> list[Frag]:
        """Every whole-word, case-sensitive occurrence of ``form`` in article ``key``; when there is
        none, every occurrence inside words (a source's missing space: "the Daily Postreported")."""
        f = self.folded[key]
        needle = fold(form)[0]
        whole: list[Frag] = []
        inside: list[Frag] = []
        for at in _all(f.folded, needle):
            end = at + len(needle)
            before = f.folded[at - 1] if at > 0 else " "
            after = f.folded[end] if end < len(f.folded) else " "
            span = (f.where[at], f.where[end - 1] + 1)
            if not (before.isalnum() and needle[0].isalnum()) and not (after.isalnum() and needle[-1].isalnum()):
                whole.append(span)
            else:
                inside.append(span)
        return whole or inside

    def sentences_of(self, key: str, span: Frag) -> list[int]:
        article = self.articles[key]
        return [i for i, s in enumerate(article.sentences) if overlap((s.start, s.end), span)]


# ---------------------------------------------------------------------------------------------


def score_story(gold: Mapping[str, Any], articles: Mapping[str, Article], analysis: Analysis) -> StoryScore:
    """Score one story. ``articles`` maps the gold's article keys to the tool's articles."""
    out = StoryScore()
    loc = Located(articles, out.errors)
    if isinstance(gold.get("sentences"), Mapping):
        _sentences(gold["sentences"], loc, out)
    if isinstance(gold.get("headings"), Mapping):
        _headings(gold["headings"], loc, out)
    ents = [e for e in gold.get("entities") or [] if isinstance(e, Mapping) and isinstance(e.get("name"), str)]
    occurrences = _gold_mentions(ents, loc)
    found = _entities(ents, occurrences, articles, analysis, out)
    _quotes(gold.get("quotes") or [], ents, occurrences, found, loc, analysis, out)
    _facts(gold.get("facts") or [], loc, analysis, out)
    _disagreements(gold.get("disagreements") or [], loc, analysis, out)
    return out


def _per_article(gold: Mapping[str, Any], loc: Located, out: StoryScore, what: str) -> Iterator[tuple[str, list[Any]]]:
    """(article key, its list) for each article the gold names, with an error for an unknown one."""
    for key, items in gold.items():
        if key not in loc.articles or not isinstance(items, list):
            out.errors.append(f"{what}: unknown article {key!r}")
            continue
        yield key, items


def _count_found(out: StoryScore, what: str, tp: int, pred: int, gold: int) -> None:
    """Matches, the tool's items and the gold's, summed into precision and recall by ``finish``."""
    out.counts[f"{what}.tp"] += tp
    out.counts[f"{what}.pred"] += pred
    out.counts[f"{what}.gold"] += gold


def _sentences(gold: Mapping[str, Any], loc: Located, out: StoryScore) -> None:
    for key, anchors in _per_article(gold, loc, out, "sentences"):
        f = loc.folded[key]
        starts: set[int] = set()
        pos = 0
        for anchor in anchors:
            needle = fold(str(anchor))[0]
            at = f.folded.find(needle, pos)
            if not needle or at < 0:
                out.errors.append(f"sentence start in {key}: not found after the previous one: {anchor!r}")
                continue
            starts.add(f.where[at])
            pos = at + 1
        tool = {s.start for s in loc.articles[key].sentences}
        _count_found(out, "sentences", len(starts & tool), len(tool), len(starts))


def _headings(gold: Mapping[str, Any], loc: Located, out: StoryScore) -> None:
    for key, lines in _per_article(gold, loc, out, "headings"):
        article = loc.articles[key]
        tool = Counter(fold(h.slice(article.text))[0] for h in article.headings)
        wanted = Counter(fold(str(x))[0] for x in lines)
        _count_found(out, "headings", sum((tool & wanted).values()), sum(tool.values()), sum(wanted.values()))


def _gold_mentions(ents: Sequence[Mapping[str, Any]], loc: Located) -> list[tuple[int, str, Frag]]:
    """(gold entity index, article key, span) for every occurrence of every form; longest wins."""
    candidates: list[tuple[int, str, Frag]] = []
    for index, ent in enumerate(ents):
        forms = ent.get("forms") or {}
        if not isinstance(forms, Mapping):
            loc.errors.append(f"entity {ent['name']}: forms is not a mapping")
            continue
        for key, listed in forms.items():
            if key not in loc.articles:
                loc.errors.append(f"entity {ent['name']}: unknown article {key!r}")
                continue
            for form in listed or []:
                spans = loc.all_of(key, str(form))
                if not spans:
                    loc.errors.append(f"entity {ent['name']}: form not in {key}: {form!r}")
                candidates.extend((index, key, s) for s in spans)
    candidates.sort(key=lambda c: -(c[2][1] - c[2][0]))
    kept: list[tuple[int, str, Frag]] = []
    for cand in candidates:
        if not any(k == cand[1] and overlap(s, cand[2]) for _, k, s in kept):
            kept.append(cand)
    return kept


def _entities(
    ents: Sequence[Mapping[str, Any]],
    occurrences: Sequence[tuple[int, str, Frag]],
    articles: Mapping[str, Article],
    analysis: Analysis,
    out: StoryScore,
) -> dict[int, Counter[str]]:
    """For each gold entity, the tool entities its found mentions resolve to (with counts)."""
    found: dict[int, Counter[str]] = {i: Counter() for i in range(len(ents))}
    for index, key, span in occurrences:
        result = analysis.by_article.get(articles[key].id)
        mentions = [m for m in (result.mentions if result else ()) if m.label in NAMED and m.entity]
        best = max(mentions, key=lambda m: overlap((m.start, m.end), span), default=None)
        out.counts["mentions.gold"] += 1
        if best is not None and overlap((best.start, best.end), span):
            out.counts["mentions.found"] += 1
            found[index][best.entity] += 1
    holders: dict[str, set[int]] = {}
    for index, tools in found.items():
        for tool_id in tools:
            holders.setdefault(tool_id, set()).add(index)
    for index, ent in enumerate(ents):
        label = str(ent.get("label", ""))
        tools = found[index]
        out.counts["entities.gold"] += 1
        out.counts[f"entities.{label}.gold"] += 1
        right = len(tools) == 1 and holders[next(iter(tools))] == {index}
        if right:
            out.counts["entities.right"] += 1
            out.counts[f"entities.{label}.right"] += 1
        elif not tools:
            out.counts["entities.not_found"] += 1
            out.notes.append(f"entity not found: {ent['name']} ({label})")
        else:
            if len(tools) > 1:
                out.counts["entities.split"] += 1
            others = sorted({str(ents[o]["name"]) for t in tools for o in holders[t] if o != index})
            out.notes.append(
                f"entity {ent['name']} ({label}): tool entities {', '.join(sorted(tools))}"
                + (f"; shared with {', '.join(others)}" if others else "")
            )
        if label == "person":
            merged = {
                other
                for tool_id in tools
                for other in holders[tool_id]
                if other != index and str(ents[other].get("label")) == "person"
            }
            if merged:
                out.counts["entities.person_merged_with_person"] += 1
    return found


def _entity_forms(ent: Mapping[str, Any]) -> set[str]:
    forms = ent.get("forms") or {}
    out = {_key_fold(str(ent["name"]))}
    if isinstance(forms, Mapping):
        out.update(_key_fold(str(f)) for listed in forms.values() for f in listed or [])
    return out


def _quotes(
    quotes: Sequence[Any],
    ents: Sequence[Mapping[str, Any]],
    occurrences: Sequence[tuple[int, str, Frag]],
    found_entities: dict[int, Counter[str]],
    loc: Located,
    analysis: Analysis,
    out: StoryScore,
) -> None:
    by_name = {str(e["name"]): i for i, e in enumerate(ents)}
    tool_forms: dict[str, set[str]] = {}
    for e in analysis.entities:
        forms = {_key_fold(e.name), *(_key_fold(a) for a in e.aliases)}
        forms.update(_key_fold(f) for fs in e.forms.values() for f in fs)
        tool_forms[e.id] = forms
    for item in quotes:
        if not isinstance(item, Mapping):
            continue
        key = str(item.get("article"))
        span = loc.find(key, item.get("anchor"), item.get("nth"), "quote")
        if span is None:
            continue
        kind = str(item.get("speaker_kind") or "name")
        out.counts["quotes.gold"] += 1
        result = analysis.by_article.get(loc.articles[key].id)
        tool = [q for q in (result.quotes if result else ()) if not q.scare]
        if covered([span], [(q.start, q.end) for q in tool]) * 2 < span[1] - span[0]:
            out.notes.append(f"quote not found [{key}]: {item.get('anchor')!r}")
            continue
        out.counts["quotes.found"] += 1
        speaker = item.get("speaker")
        if not speaker:
            continue
        q = max(tool, key=lambda q: overlap((q.start, q.end), span))
        text = loc.articles[key].text
        said = " ".join(
            x
            for x in (
                q.speaker_name,
                analysis.entity(q.speaker).name if q.speaker and analysis.entity(q.speaker) else None,
                text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None,
            )
            if x
        )
        # A speaker the gold gives as a description ("a senior official", kind none: a follow-on
        # quotation) is matched as a description whatever the kind of its attribution.
        described = kind == "description" or (
            str(speaker) not in by_name and source_kind(str(speaker)) == "description"
        )
        if not described:
            # Joint speakers ("Ana Ruiz and Tom Vela" said it together): naming either is right.
            names = [str(speaker)] if str(speaker) in by_name else _JOINT.split(str(speaker))
            right = any(
                _named_right(n.strip(), q, said, key, ents, by_name.get(n.strip()), tool_forms, occurrences)
                for n in names
                if n.strip()
            )
        else:
            head = description_head(str(item.get("speaker_text") or speaker))
            words = {w.casefold().strip(".,'’\"") for w in said.split()}
            right = bool(head) and head in words
        out.counts["quotes.speaker_scored"] += 1
        out.by_kind[f"{kind}.n"] += 1
        if right:
            out.counts["quotes.speaker_right"] += 1
            out.by_kind[f"{kind}.right"] += 1
        else:
            out.notes.append(f"speaker wrong [{key}]: {item.get('anchor')!r}: gold {speaker}, tool {said or '-'}")


def _named_right(
    name: str,
    q: Quote,
    said: str,
    key: str,
    ents: Sequence[Mapping[str, Any]],
    index: int | None,
    tool_forms: Mapping[str, set[str]],
    occurrences: Sequence[tuple[int, str, Frag]],
) -> bool:
    """Whether the tool's speaker of ``q`` is the gold speaker ``name`` (entity ``index``, if listed)."""
    if index is None:  # a speaker named in the gold but not listed among its entities
        return head_name(name) in {head_name(q.speaker_name), head_name(said)} - {None}
    if q.speaker and tool_forms.get(q.speaker, set()) & _entity_forms(ents[index]):
        return True
    if q.speaker_start is None or q.speaker_end is None:
        return False
    sp = (q.speaker_start, q.speaker_end)
    return any(i == index and k == key and overlap(s, sp) for i, k, s in occurrences)


_JOINT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _pairs(members: Sequence[tuple[str, int]]) -> set[tuple[tuple[str, int], tuple[str, int]]]:
    uniq = sorted(set(members))
    return {(a, b) for i, a in enumerate(uniq) for b in uniq[i + 1 :] if a[0] != b[0]}


def _facts(facts: Sequence[Any], loc: Located, analysis: Analysis, out: StoryScore) -> None:
    gold_pairs: set[tuple[tuple[str, int], tuple[str, int]]] = set()
    per_fact: list[set[tuple[tuple[str, int], tuple[str, int]]]] = []
    for fact in facts:
        if not isinstance(fact, Mapping) or not isinstance(fact.get("members"), Mapping):
            continue
        members: list[tuple[str, int]] = []
        for key, anchors in fact["members"].items():
            for anchor in anchors if isinstance(anchors, list) else [anchors]:
                span = loc.find(str(key), anchor, None, f"fact {fact.get('id')}")
                if span is not None:
                    members.extend((str(key), i) for i in loc.sentences_of(str(key), span))
        pairs = _pairs(members)
        per_fact.append(pairs)
        gold_pairs |= pairs
    key_of = {a.id: k for k, a in loc.articles.items()}
    tool_pairs: set[tuple[tuple[str, int], tuple[str, int]]] = set()
    for tfact in analysis.facts:
        tool_pairs |= _pairs([(key_of[m.article], m.sentence) for m in tfact.members if m.article in key_of])
    out.counts["facts.pairs.tp"] += len(gold_pairs & tool_pairs)
    out.counts["facts.pairs.pred"] += len(tool_pairs)
    out.counts["facts.pairs.gold"] += len(gold_pairs)
    out.counts["facts.gold"] += len(per_fact)
    out.counts["facts.found"] += sum(1 for p in per_fact if p & tool_pairs)


def _disagreements(items: Sequence[Any], loc: Located, analysis: Analysis, out: StoryScore) -> None:
    gold: list[dict[str, Frag]] = []
    described: list[Mapping[str, Any]] = []
    for item in items:
        if not isinstance(item, Mapping) or not isinstance(item.get("values"), Mapping):
            continue
        described.append(item)
        spans: dict[str, Frag] = {}
        for key, val in item["values"].items():
            span = _value_span(str(key), val, loc, f"disagreement {item.get('id')}")
            if span is not None:
                spans[str(key)] = span
        gold.append(spans)
    key_of = {a.id: k for k, a in loc.articles.items()}
    tool: dict[tuple[tuple[str, int, int], ...], Any] = {}
    for fact in analysis.facts:
        for d in fact.disagreements:
            sig = tuple(sorted((v.article, v.start, v.end) for v in d.values))
            tool.setdefault(sig, d)

    def same(v: Any, key: str, span: Frag, by_name: bool) -> bool:
        if overlap((v.start, v.end), span):
            return True
        # a spelling is the same disagreement wherever the article writes it
        wanted = _key_fold(loc.articles[key].text[span[0] : span[1]])
        return by_name and bool(_key_fold(v.text)) and _key_fold(v.text) in wanted

    def hits(d: Any, spans: Mapping[str, Frag]) -> int:
        by_name = str(d.kind) == "name"
        return len(
            {
                key_of[v.article]
                for v in d.values
                if v.article in key_of
                and key_of[v.article] in spans
                and same(v, key_of[v.article], spans[key_of[v.article]], by_name)
            }
        )

    out.counts["disagreements.gold"] += len(gold)
    for item, g in zip(described, gold, strict=True):
        kind = str(item.get("kind", "other"))
        found = any(hits(d, g) >= 2 for d in tool.values())
        out.counts[f"disagreements.kind.{kind}.gold"] += 1
        out.counts["disagreements.found"] += found
        out.counts[f"disagreements.kind.{kind}.found"] += found
        if not found:
            out.notes.append(f"disagreement not found: {item.get('id')} ({kind}) {item.get('what', '')}")
    out.counts["disagreements.tool"] += len(tool)
    false = [d for d in tool.values() if not any(hits(d, g) >= 2 for g in gold)]
    out.counts["disagreements.false_flags"] += len(false)
    out.notes.extend(f"false flag ({d.kind}): {d.summary}" for d in false if str(d.kind) != "number")
    for d in tool.values():
        if str(d.kind) == "number":
            out.counts["disagreements.tool_number"] += 1
            out.notes.append(unit_check(d, loc.articles, "false flag" if d in false else "matches gold"))


def number_disagreements(analysis: Analysis) -> list[Disagreement]:
    """The tool's number disagreements, each once."""
    seen: dict[tuple[tuple[str, int, int], ...], Disagreement] = {}
    for fact in analysis.facts:
        for d in fact.disagreements:
            if str(d.kind) == "number":
                seen.setdefault(tuple(sorted((v.article, v.start, v.end) for v in d.values)), d)
    return list(seen.values())


def unit_check(d: Disagreement, articles: Mapping[str, Article], verdict: str = "") -> str:
    """A flagged disagreement's values in context, so a reader can see whether they measure the
    same thing (terminal only: it quotes the articles)."""
    key_of = {a.id: k for k, a in articles.items()}
    lines = [f"unit check{f' ({verdict})' if verdict else ''}: {d.summary}"]
    for v in d.values:
        key = key_of.get(v.article, v.article)
        text = articles[key].text if key in articles else ""
        lines.append(f"    [{key}] {v.text!r} in: …{_window(text, v.start, v.end)}…")
    return "\n".join(lines)


def _window(text: str, start: int, end: int, width: int = 60) -> str:
    return re.sub(r"\s+", " ", text[max(0, start - width) : end + width])


def _value_span(key: str, val: Any, loc: Located, what: str) -> Frag | None:
    if isinstance(val, str):
        return loc.find(key, val, None, what)
    if not isinstance(val, Mapping) or not isinstance(val.get("value"), str):
        loc.errors.append(f"{what}: bad value in {key}: {val!r}")
        return None
    context = val.get("context")
    if not isinstance(context, str):
        return loc.find(key, val["value"], val.get("nth"), what)
    around = loc.find(key, context, None, what + " context")
    if around is None:
        return None
    sents = loc.sentences_of(key, around)
    article = loc.articles[key]
    lo = article.sentences[sents[0]].start if sents else around[0]
    hi = article.sentences[sents[-1]].end if sents else around[1]
    f = loc.folded[key]
    needle = fold(val["value"])[0]
    for at in _all(f.folded, needle):
        if lo <= f.where[at] < hi:
            return (f.where[at], f.where[at + len(needle) - 1] + 1)
    loc.errors.append(f"{what} in {key}: value {val['value']!r} not in the sentence of {context!r}")
    return None


def _all(hay: str, needle: str) -> list[int]:
    out: list[int] = []
    at = hay.find(needle) if needle else -1
    while at >= 0:
        out.append(at)
        at = hay.find(needle, at + 1)
    return out


# ---------------------------------------------------------------------------------------------


def finish(counts: Counter[str], by_kind: Counter[str]) -> dict[str, Any]:
    """Ratios from summed counts."""
    c = counts
    out: dict[str, Any] = {}
    if c["sentences.gold"]:
        out["sentences"] = prf(c["sentences.tp"], c["sentences.pred"], c["sentences.gold"])
    if c["headings.gold"] or c["headings.pred"]:
        out["headings"] = prf(c["headings.tp"], c["headings.pred"], c["headings.gold"])
    labels = sorted(
        {k.split(".")[1] for k in c if k.startswith("entities.") and k.endswith(".gold") and k.count(".") == 2}
    )
    out["entities"] = {
        "gold": c["entities.gold"],
        "merged_right": c["entities.right"],
        "merged_right_share": ratio(c["entities.right"], c["entities.gold"]),
        "not_found": c["entities.not_found"],
        "split_over_tool_entities": c["entities.split"],
        "persons_merged_with_another_person": c["entities.person_merged_with_person"],
        "mention_recall": ratio(c["mentions.found"], c["mentions.gold"]),
        "mentions_gold": c["mentions.gold"],
        "by_label": {lab: {"gold": c[f"entities.{lab}.gold"], "right": c[f"entities.{lab}.right"]} for lab in labels},
    }
    kinds = sorted({k.split(".")[0] for k in by_kind})
    out["quotes"] = {
        "gold": c["quotes.gold"],
        "found": c["quotes.found"],
        "recall": ratio(c["quotes.found"], c["quotes.gold"]),
        "speaker_scored": c["quotes.speaker_scored"],
        "speaker_right": c["quotes.speaker_right"],
        "speaker_accuracy": ratio(c["quotes.speaker_right"], c["quotes.speaker_scored"]),
        "by_speaker_kind": {k: {"n": by_kind[f"{k}.n"], "right": by_kind[f"{k}.right"]} for k in kinds},
    }
    out["facts"] = {
        "pairs": prf(c["facts.pairs.tp"], c["facts.pairs.pred"], c["facts.pairs.gold"]),
        "gold_facts": c["facts.gold"],
        "gold_facts_with_a_pair_found": c["facts.found"],
    }
    out["disagreements"] = {
        "gold": c["disagreements.gold"],
        "found": c["disagreements.found"],
        "recall": ratio(c["disagreements.found"], c["disagreements.gold"]),
        "tool": c["disagreements.tool"],
        "false_flags": c["disagreements.false_flags"],
        "tool_number": c["disagreements.tool_number"],
        "by_kind": {
            kind: {"gold": c[f"disagreements.kind.{kind}.gold"], "found": c[f"disagreements.kind.{kind}.found"]}
            for kind in sorted({k.split(".")[2] for k in c if k.startswith("disagreements.kind.")})
        },
    }
    return out
