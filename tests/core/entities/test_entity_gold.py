"""Entity accuracy on annotated stories: mention precision/recall and merge/non-merge accuracy.

Gold sets: our own (tests/fixtures/entity_gold/), the held-out multi-source stories
(tests/fixtures/stories/*/gold.yaml) and the stand-in story written here that the bundled seeds were
until the real seed articles replaced them (tests/fixtures/stories/ceasefire-calls-written-here/). Each gold
entity lists every surface form used in the article bodies; gold mentions are their occurrences
(longest first). A predicted person/org/place mention counts as correct when it overlaps a gold
mention of the same label ("President Doe" in the gold, "Doe" predicted). Thresholds sit a little
below the measured figures, so a regression fails. Run with ``pytest -s`` to see the figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import pytest
import yaml

from tally import Tally, share
from tuireader.core.entities import recognise as entities
from tuireader.model import Article, ArticleAnalysis, Label
from tuireader.sources.files import load_corpus

FIXTURES = Path(__file__).parents[2] / "fixtures"
# The stand-in story written here (the bundled seeds before the real articles), with its own gold.
STANDINS = FIXTURES / "stories" / "ceasefire-calls-written-here"
STANDINS_GOLD = STANDINS / "standins_gold.yaml"
NAMED = (Label.PERSON, Label.ORG, Label.PLACE)


@dataclass
class Score(Tally):
    tp_pred: int = 0
    predicted: int = 0
    tp_gold: int = 0
    gold: int = 0
    merge_ok: int = 0
    merge_total: int = 0
    split_ok: int = 0
    split_total: int = 0
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    bad_merges: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return share(self.tp_pred, self.predicted)

    @property
    def recall(self) -> float:
        return share(self.tp_gold, self.gold)

    @property
    def merge(self) -> float:
        return share(self.merge_ok, self.merge_total)

    @property
    def split(self) -> float:
        return share(self.split_ok, self.split_total)

    def line(self, name: str) -> str:
        return (
            f"{name:28} mentions P={self.precision:.2f} R={self.recall:.2f} ({self.tp_gold}/{self.gold} gold, "
            f"{self.predicted} predicted)  merges {self.merge_ok}/{self.merge_total}  "
            f"non-merges {self.split_ok}/{self.split_total}"
        )


def _gold_spans(article: Article, gold: dict) -> list[tuple[int, int, Label, str]]:
    """Occurrences of every alias in the article, longest alias first, non-overlapping."""
    aliases = sorted(
        ((alias, Label(e["label"]), e["name"]) for e in gold["entities"] for alias in e["aliases"]),
        key=lambda item: -len(item[0]),
    )
    taken: list[tuple[int, int, Label, str]] = []
    for alias, label, name in aliases:
        for match in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", article.text):
            s, e = match.span()
            if all(e <= ts or s >= te for ts, te, _, _ in taken):
                taken.append((s, e, label, name))
    return sorted(taken)


def evaluate(articles: list[Article], gold: dict) -> Score:
    analyses = {a.id: ArticleAnalysis(a.id, entities.extract_mentions(a)) for a in articles}
    _, resolved = entities.resolve_entities(articles, analyses)
    score = Score()
    ids_of: dict[str, dict[str, set[str]]] = {}  # gold entity -> surface -> predicted ids
    for article in articles:
        spans = _gold_spans(article, gold)
        mentions = [m for m in resolved[article.id].mentions if m.label in NAMED]
        score.gold += len(spans)
        score.predicted += len(mentions)
        for s, e, label, name in spans:
            hits = [m for m in mentions if m.start < e and s < m.end and m.label == label]
            if hits:
                score.tp_gold += 1
                for m in hits:
                    ids_of.setdefault(name, {}).setdefault(article.text[s:e], set()).add(m.entity)
            else:
                score.misses.append(f"{label.value}:{article.text[s:e]}")
        for m in mentions:
            if any(m.start < e and s < m.end and m.label == label for s, e, label, _ in spans):
                score.tp_pred += 1
            else:
                score.spurious.append(f"{m.label.value}:{m.text}")
    for name, by_surface in ids_of.items():
        for (sa, a), (sb, b) in combinations(by_surface.items(), 2):
            score.merge_total += 1
            if a == b and len(a) == 1:
                score.merge_ok += 1
            else:
                score.bad_merges.append(f"{name}: {sa!r} vs {sb!r}")
    for left, right in gold.get("non_merges", []):
        a = set().union(*ids_of.get(left, {}).values()) if left in ids_of else set()
        b = set().union(*ids_of.get(right, {}).values()) if right in ids_of else set()
        if a and b:
            score.split_total += 1
            if not a & b:
                score.split_ok += 1
            else:
                score.bad_merges.append(f"merged {left} + {right}")
    return score


def _load(folder: Path, files: list[str] | None = None) -> list[Article]:
    paths = [folder / f for f in files] if files else sorted(p for p in folder.iterdir() if p.suffix in {".md", ".txt"})
    return list(load_corpus(paths).articles)


def gold_sets() -> Iterator[tuple[str, list[Article], dict]]:
    for path in sorted((FIXTURES / "entity_gold").glob("*/gold.yaml")):
        yield f"own/{path.parent.name}", _load(path.parent), yaml.safe_load(path.read_text(encoding="utf-8"))
    for path in sorted((FIXTURES / "stories").glob("*/gold.yaml")):
        yield f"stories/{path.parent.name}", _load(path.parent), yaml.safe_load(path.read_text(encoding="utf-8"))
    if STANDINS_GOLD.exists():
        yield "standins", _load(STANDINS), yaml.safe_load(STANDINS_GOLD.read_text(encoding="utf-8"))


_TOTALS: dict[str, Score] = {}


def _scores() -> dict[str, Score]:
    if not _TOTALS:
        for name, articles, gold in gold_sets():
            _TOTALS[name] = evaluate(articles, gold)
    return _TOTALS


def _group(prefix: str) -> Score:
    total = Score()
    for name, score in _scores().items():
        if name.startswith(prefix):
            total.add(score)
    return total


def test_report_figures() -> None:
    scores = _scores()
    assert scores, "no gold sets found"
    print()
    for name, score in scores.items():
        print(score.line(name))
        if score.misses:
            print("   missed:", ", ".join(sorted(set(score.misses))[:25]))
        if score.spurious:
            print("   spurious:", ", ".join(sorted(set(score.spurious))[:25]))
        if score.bad_merges:
            print("   merge errors:", "; ".join(score.bad_merges[:10]))
    for prefix in ("own/", "stories/", "standins"):
        print(_group(prefix).line(f"TOTAL {prefix}"))


# Thresholds: a little below the measured figures (see the report printed above).
@pytest.mark.parametrize(
    ("prefix", "precision", "recall", "merge", "split"),
    [
        # measured: own P=1.00 R=0.98 merges 34/34 non-merges 10/10 (two of the four stories were written after
        # the rules were frozen; first runs there: P=1.00 R=0.98 merges 7/9 and P=1.00 R=0.88 merges 7/8)
        ("own/", 0.95, 0.95, 0.95, 1.0),
        # measured: stories P=0.97 R=0.91 merges 41/41 non-merges 12/12
        ("stories/", 0.93, 0.86, 0.92, 0.9),
        # measured: stand-ins (the former seeds) P=0.98 R=0.97 merges 29/29 non-merges 6/6
        ("standins", 0.95, 0.92, 0.95, 1.0),
    ],
)
def test_accuracy_thresholds(prefix: str, precision: float, recall: float, merge: float, split: float) -> None:
    score = _group(prefix)
    if score.gold == 0:
        pytest.skip(f"no gold set under {prefix}")
    assert score.precision >= precision, score.line(prefix)
    assert score.recall >= recall, score.line(prefix)
    assert score.merge >= merge, score.line(prefix)
    assert score.split >= split, score.line(prefix)


def test_quote_speakers_are_found_as_mentions() -> None:
    """Another gold set (tests/fixtures/quote_gold, written for the quote extractor on varied invented
    news): every named speaker should be a person/org mention, so speakers can be linked to entities."""
    from tuireader.sources.files import RawArticle, build_article

    files = sorted((FIXTURES / "quote_gold").glob("*.yaml"))
    if not files:
        pytest.skip("no quote gold")
    total = hits = 0
    misses: list[str] = []
    for path in files:
        for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("articles", []):
            article = build_article(RawArticle(path=f"{item['id']}.txt", text=item["text"], title="Title"))
            assert article is not None
            named = [m for m in entities.extract_mentions(article) if m.label in (Label.PERSON, Label.ORG)]
            for speaker in {q["speaker"] for q in item.get("quotes", []) if q.get("speaker")}:
                total += 1
                at = article.text.find(speaker)
                last = speaker.split()[-1]
                if at >= 0:
                    ok = any(m.start < at + len(speaker) and at < m.end for m in named)
                else:  # written differently in the text: accept a mention ending with the surname
                    ok = any(m.text == last or m.text.endswith(" " + last) for m in named)
                hits += ok
                if not ok:
                    misses.append(speaker)
    print(f"\nquote_gold speakers found as person/org mentions: {hits}/{total}; missed: {misses}")
    assert total and hits / total >= 0.9  # measured 65/66
