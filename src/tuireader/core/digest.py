"""What the reader, the story overview, the report and the summary all need to know about an analysis,
each with one rule: counts per article, which articles a fact's disagreements involve, the same
quotation carried by several sources (grouped by speaker), and when two forms of a name are
spelled differently rather than one being a shorter reference to the other.

Pure data from an ``Analysis``; how it is drawn is up to each view.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tuireader.model import Analysis, Fact, Quote, Span

# ---------------------------------------------------------------------------------------------
# Per article


@dataclass(frozen=True, slots=True)
class ArticleCounts:
    facts: int = 0
    quotes: int = 0
    disagreements: int = 0


def article_counts(analysis: Analysis) -> dict[str, ArticleCounts]:
    """Per article: facts it shares with other articles, its quotations, and disagreements it is part of."""
    facts: dict[str, int] = {}
    disagreements: dict[str, int] = {}
    for fact in analysis.facts:
        for article in fact.articles:
            facts[article] = facts.get(article, 0) + 1
        for d in fact.disagreements:
            for article in {v.article for v in d.values}:
                disagreements[article] = disagreements.get(article, 0) + 1
    out: dict[str, ArticleCounts] = {}
    for item in analysis.articles:
        result = analysis.by_article.get(item.id)
        quotes = sum(1 for q in result.quotes if not q.scare) if result else 0
        out[item.id] = ArticleCounts(facts.get(item.id, 0), quotes, disagreements.get(item.id, 0))
    return out


# ---------------------------------------------------------------------------------------------
# Facts


def disputed_articles(fact: Fact) -> set[str]:
    """Articles whose sentence holds one of the values a fact's disagreements are about."""
    return {value.article for d in fact.disagreements for value in d.values}


# ---------------------------------------------------------------------------------------------
# Names


def spelled_differently(a: str, b: str) -> bool:
    """Different spellings, not one form a shorter reference to the other (a surname alone, a title)."""
    words_a, words_b = set(a.casefold().split()), set(b.casefold().split())
    return not (words_a <= words_b or words_b <= words_a)


def _shorter_reference(a: str, b: str) -> bool:
    """``a`` refers to what ``b`` names in fewer words: "Ruiz" beside "Ana Ruiz"."""
    words_a, words_b = set(a.casefold().split()), set(b.casefold().split())
    return words_a < words_b


def spellings(forms: Iterable[str]) -> list[str]:
    """The forms worth listing as spellings: none that is a shorter reference to another, in order."""
    forms = list(dict.fromkeys(forms))
    return [f for f in forms if not any(_shorter_reference(f, other) for other in forms)]


# ---------------------------------------------------------------------------------------------
# The quote ledger: every quotation, grouped by speaker, the same words across sources together


@dataclass(frozen=True, slots=True)
class LedgerQuote:
    article: str
    quote: Quote
    disputed: bool  # the quoted words hold a value some fact's disagreement is about


@dataclass(frozen=True, slots=True)
class Speaker:
    key: str
    name: str
    clusters: tuple[tuple[LedgerQuote, ...], ...]  # the same quotation as carried by each source

    @property
    def quotes(self) -> tuple[LedgerQuote, ...]:
        return tuple(q for cluster in self.clusters for q in cluster)

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(q.article for q in self.quotes))

    def cluster_of(self, item: LedgerQuote) -> tuple[LedgerQuote, ...]:
        return next((cluster for cluster in self.clusters if item in cluster), (item,))


SAME_QUOTE = 85  # rapidfuzz similarity at which two quotations are the same words (or one a fragment)
_PUNCTUATION = str.maketrans({c: " " for c in "\"'“”‘’«»„‚.,;:!?()[]—–-…"})


def _comparable(text: str) -> str:
    return " ".join(text.lower().translate(_PUNCTUATION).split())


def same_quote(a: str, b: str) -> bool:
    """Two quotations carry the same words: near-identical, or one outlet quoting a fragment of the other.

    A fragment has to be a few words long, or every short phrase would join every long quotation.
    """
    from rapidfuzz import fuzz  # here, not at the top: the article list imports this module before the first frame

    a, b = _comparable(a), _comparable(b)
    if not a or not b:
        return False
    shorter = min(a, b, key=len)
    if len(shorter.split()) < 4:
        return fuzz.ratio(a, b) >= SAME_QUOTE
    return fuzz.partial_ratio(a, b) >= SAME_QUOTE


def cluster_quotes(quotes: list[LedgerQuote], text: dict[str, str]) -> list[tuple[LedgerQuote, ...]]:
    """The same quotation across sources, together; the most widely carried first, then reading order."""
    clusters: list[list[LedgerQuote]] = []
    words = {id(q): text[q.article][q.quote.start : q.quote.end] for q in quotes}
    for quote in quotes:
        home = next((c for c in clusters if any(same_quote(words[id(quote)], words[id(o)]) for o in c)), None)
        if home is None:
            clusters.append([quote])
        else:
            home.append(quote)
    ordered = sorted(enumerate(clusters), key=lambda ic: (-len({q.article for q in ic[1]}), ic[0]))
    return [tuple(cluster) for _, cluster in ordered]


def group_quotes(analysis: Analysis) -> list[Speaker]:
    """Speakers ordered by how many sources quote them, then how often; the unattributed last."""
    disputed: dict[str, list[Span]] = {}
    for fact in analysis.facts:
        for disagreement in fact.disagreements:
            for value in disagreement.values:
                disputed.setdefault(value.article, []).append(Span(value.start, value.end))
    order = {article.id: i for i, article in enumerate(analysis.articles)}
    text = {article.id: article.text for article in analysis.articles}
    entities = {entity.id: entity for entity in analysis.entities}
    groups: dict[str, list[LedgerQuote]] = {}
    names: dict[str, str] = {}
    for article in analysis.articles:
        found = analysis.by_article.get(article.id)
        for quote in found.quotes if found else ():
            if quote.scare or quote.end <= quote.start:
                continue
            key = quote.speaker or (quote.speaker_name or "").strip().lower() or ""
            if key not in names:
                entity = entities.get(quote.speaker) if quote.speaker else None
                names[key] = entity.name if entity else (quote.speaker_name or "Unattributed")
            span = Span(quote.start, quote.end)
            involved = any(span.overlaps(other) for other in disputed.get(article.id, ()))
            groups.setdefault(key, []).append(LedgerQuote(article.id, quote, involved))
    speakers = [
        Speaker(
            key,
            names[key],
            tuple(cluster_quotes(sorted(quotes, key=lambda q: (order[q.article], q.quote.start)), text)),
        )
        for key, quotes in groups.items()
    ]
    speakers.sort(key=lambda s: (s.key == "", -len(s.articles), -len(s.quotes), s.name.lower()))
    return speakers
