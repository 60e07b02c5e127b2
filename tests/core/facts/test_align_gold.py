"""Fact alignment and disagreements measured against hand-annotated gold sets.

Tuned on the held-out stories (tests/fixtures/stories/*); the seeds are scored separately and were
never used to choose a threshold. A plain TF-IDF cosine baseline, with its threshold chosen on the
same stories, runs beside the aligner so the gain is visible (``pytest -s`` prints the table).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import yaml

from tuireader.core.pipeline import analyze
from tuireader.model import Analysis, Article, DisagreementKind, Span
from tuireader.sources.files import load_corpus

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
STORIES = sorted(p for p in (FIXTURES / "stories").iterdir() if (p / "gold.yaml").exists())
# The stand-in story written here (the bundled seeds until the real articles replaced them).
SEEDS = FIXTURES / "stories" / "ceasefire-calls-written-here"
OWN = sorted(p for p in (FIXTURES / "align_gold").glob("*") if (p / "gold.yaml").exists())

Pair = tuple[tuple[str, int], tuple[str, int]]  # ((file, gold sentence number), ...), sorted


@dataclass
class Case:
    name: str
    analysis: Analysis
    files: dict[str, Article]  # file name -> article
    gold: dict


def _collapsed(text: str) -> tuple[str, list[int]]:
    """Text with whitespace runs collapsed to one space, and each collapsed char's original offset."""
    out: list[str] = []
    where: list[int] = []
    for m in re.finditer(r"\s+|\S+", text):
        if m.group().isspace():
            out.append(" ")
            where.append(m.start())
        else:
            out.append(m.group())
            where.extend(range(m.start(), m.end()))
    return "".join(out), where


def locate(article: Article, snippet: str) -> Span | None:
    flat, where = _collapsed(article.text)
    needle = " ".join(snippet.split())
    k = flat.find(needle)
    if k < 0:
        return None
    return Span(where[k], where[k + len(needle) - 1] + 1)


def sentences_of(article: Article, snippet: str) -> set[int]:
    span = locate(article, snippet)
    if span is None:
        raise AssertionError(f"gold sentence not in {article.path}: {snippet[:60]}")
    return {i for i, s in enumerate(article.sentences) if s.overlaps(span)}


@cache
def load_case(folder: Path, gold_path: Path) -> Case:
    corpus = load_corpus([folder])
    analysis = analyze(corpus.articles)
    files = {Path(a.path).name: a for a in analysis.articles}
    return Case(folder.name, analysis, files, yaml.safe_load(gold_path.read_text(encoding="utf-8")))


def story_cases() -> list[Case]:
    return [load_case(p, p / "gold.yaml") for p in STORIES + OWN]


def seed_case() -> Case:
    return load_case(SEEDS, SEEDS / "standins_gold.yaml")


def gold_index(case: Case) -> tuple[dict[tuple[str, int], tuple[str, int]], set[Pair]]:
    """Map (file, sentence index) -> gold sentence id, and the gold pairs between those ids."""
    owner: dict[tuple[str, int], tuple[str, int]] = {}
    pairs: set[Pair] = set()
    for f_no, fact in enumerate(case.gold.get("facts") or []):
        ids = []
        for m_no, member in enumerate(fact["members"]):
            gid = (member["file"], f_no * 100 + m_no)
            for index in sentences_of(case.files[member["file"]], member["sentence"]):
                owner[(member["file"], index)] = gid
            ids.append(gid)
        for x in ids:
            for y in ids:
                if x[0] < y[0]:
                    pairs.add((x, y))
    return owner, pairs


def score_pairs(case: Case, predicted: Iterable[tuple[tuple[str, int], tuple[str, int]]]) -> tuple[int, int, int]:
    """(true positives, predicted pairs, gold pairs) over distinct gold-sentence pairs."""
    owner, gold = gold_index(case)
    found: set[Pair] = set()
    n_pred = 0
    seen: set[tuple[tuple[str, int], tuple[str, int]]] = set()
    for a, b in predicted:
        key = (a, b) if a < b else (b, a)
        if key in seen:
            continue
        seen.add(key)
        n_pred += 1
        ga, gb = owner.get(a), owner.get(b)
        if ga and gb:
            g = (ga, gb) if ga[0] < gb[0] else (gb, ga)
            if g in gold:
                found.add(g)
    return len(found), n_pred, len(gold)


def aligner_pairs(case: Case) -> list[tuple[tuple[str, int], tuple[str, int]]]:
    name = {a.id: Path(a.path).name for a in case.analysis.articles}
    out = []
    for fact in case.analysis.facts:
        for x in fact.members:
            for y in fact.members:
                if name[x.article] < name[y.article]:
                    out.append(((name[x.article], x.sentence), (name[y.article], y.sentence)))
    return out


def baseline_scores(case: Case) -> list[tuple[float, tuple[str, int], tuple[str, int]]]:
    """Plain TF-IDF cosine over lowercased words, every cross-article sentence pair."""
    rows = [
        (Path(a.path).name, i, Counter(re.findall(r"\w+", a.sentence_text(i).lower())))
        for a in case.analysis.articles
        for i in range(len(a.sentences))
    ]
    df: Counter[str] = Counter()
    for *_, bag in rows:
        df.update(bag.keys())
    n = len(rows)
    vecs = []
    for *_, bag in rows:
        v = {w: (1 + math.log(c)) * math.log(1 + n / df[w]) for w, c in bag.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})
    out = []
    for i in range(n):
        for j in range(i + 1, n):
            if rows[i][0] != rows[j][0]:
                s = sum(w * vecs[j].get(t, 0.0) for t, w in vecs[i].items())
                out.append((s, (rows[i][0], rows[i][1]), (rows[j][0], rows[j][1])))
    return out


def prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def baseline_at(cases: list[Case], threshold: float) -> tuple[int, int, int]:
    totals = [0, 0, 0]
    for case in cases:
        pairs = [(a, b) for s, a, b in _baseline_cache(case.name, case) if s >= threshold]
        for k, v in enumerate(score_pairs(case, pairs)):
            totals[k] += v
    return totals[0], totals[1], totals[2]


_BASELINE: dict[str, list[tuple[float, tuple[str, int], tuple[str, int]]]] = {}


def _baseline_cache(name: str, case: Case) -> list[tuple[float, tuple[str, int], tuple[str, int]]]:
    if name not in _BASELINE:
        _BASELINE[name] = baseline_scores(case)
    return _BASELINE[name]


def tuned_baseline(cases: list[Case]) -> tuple[float, tuple[float, float, float]]:
    best = (0.0, (0.0, 0.0, 0.0))
    for step in range(5, 80):
        t = step / 100
        result = prf(*baseline_at(cases, t))
        if result[2] > best[1][2]:
            best = (t, result)
    return best


def aligner_totals(cases: list[Case]) -> tuple[float, float, float]:
    totals = [0, 0, 0]
    for case in cases:
        for k, v in enumerate(score_pairs(case, aligner_pairs(case))):
            totals[k] += v
    return prf(totals[0], totals[1], totals[2])


SAME_KIND = {
    DisagreementKind.DATE: {"date", "duration"},
    DisagreementKind.DURATION: {"date", "duration"},
}


def _value_spans(case: Case, values: list[dict]) -> list[tuple[str, Span]]:
    out = []
    for v in values:
        article = case.files[v["file"]]
        span = locate(article, v["text"])
        assert span is not None, f"gold value not found: {v}"
        out.append((article.id, span))
    return out


def flagged(case: Case, entry: dict, among_themselves: bool = False) -> bool:
    """Is some predicted disagreement of the entry's kind covering its values in two articles?

    ``among_themselves``: only count disagreements made of these values alone (for agreements: the
    agreeing versions may rightly appear together in a disagreement with a third, conflicting one).
    """
    spans = _value_spans(case, entry["values"])
    for fact in case.analysis.facts:
        for d in fact.disagreements:
            if entry["kind"] not in SAME_KIND.get(d.kind, {str(d.kind)}):
                continue
            inside = [
                v
                for v in d.values
                if any(v.article == article and span.overlaps(Span(v.start, v.end)) for article, span in spans)
            ]
            if among_themselves and len(inside) < len(d.values):
                continue
            if len({v.article for v in inside}) >= 2:
                return True
    return False


def disagreement_recall(cases: list[Case]) -> tuple[int, int, list[str]]:
    found, total, missed = 0, 0, []
    for case in cases:
        for entry in case.gold.get("disagreements") or []:
            total += 1
            if flagged(case, entry):
                found += 1
            else:
                missed.append(f"{case.name}: {entry['kind']} {entry.get('label', '')}")
    return found, total, missed


def false_flags(cases: list[Case]) -> list[str]:
    return [
        f"{case.name}: {entry.get('label', '')}"
        for case in cases
        for entry in case.gold.get("agreements") or []
        if entry["kind"] in {"number", "date", "duration", "name"} and flagged(case, entry, among_themselves=True)
    ]


@pytest.mark.skipif(not STORIES, reason="held-out stories not present")
def test_alignment_beats_tfidf_baseline_on_held_out_stories() -> None:
    cases = story_cases()
    mine = aligner_totals(cases)
    threshold, base = tuned_baseline(cases)
    print(f"\nheld-out stories ({len(cases)}): aligner P={mine[0]:.2f} R={mine[1]:.2f} F1={mine[2]:.2f}")
    print(f"  TF-IDF baseline (threshold {threshold:.2f}): P={base[0]:.2f} R={base[1]:.2f} F1={base[2]:.2f}")
    # Measured at P=0.62 R=0.76 F1=0.68 vs baseline F1=0.64 (gold facts use each sentence once, so
    # some "false" pairs are true second readings; precision is a lower bound).
    assert mine[0] >= 0.57, "alignment precision dropped"
    assert mine[1] >= 0.72, "alignment recall dropped"
    assert mine[2] >= base[2] + 0.03, "the aligner no longer beats a tuned TF-IDF baseline"


@pytest.mark.skipif(not STORIES, reason="held-out stories not present")
def test_disagreements_on_held_out_stories() -> None:
    cases = story_cases()
    found, total, missed = disagreement_recall(cases)
    wrong = false_flags(cases)
    print(f"\nheld-out disagreements: recall {found}/{total}; missed: {missed}; agreements flagged: {wrong}")
    assert found / total >= 0.85, missed  # measured 21/21
    assert not wrong, wrong


def test_seeds_reported_separately() -> None:
    case = seed_case()
    mine = prf(*score_pairs(case, aligner_pairs(case)))
    cases = story_cases()
    threshold, _ = tuned_baseline(cases) if cases else (0.3, None)
    base = prf(*baseline_at([case], threshold))
    found, total, missed = disagreement_recall([case])
    wrong = false_flags([case])
    print(
        f"\nseeds: aligner P={mine[0]:.2f} R={mine[1]:.2f} F1={mine[2]:.2f}; "
        f"baseline@{threshold:.2f} P={base[0]:.2f} R={base[1]:.2f} F1={base[2]:.2f}"
    )
    print(f"seeds disagreements: {found}/{total}; missed: {missed}; agreements flagged: {wrong}")
    assert found == total, missed
    assert not wrong, wrong
    assert mine[2] >= base[2]
