"""One entity per real-world thing across all articles.

People: full names ("Jane Q. Roe") are clustered first, most frequent spelling first, against the
clusters whose surname is close (looked up in a per-initial-letter block with rapidfuzz, so the
work grows with the number of distinct surnames, not with all pairs of mentions). A lone surname
then joins the full name it refers to: in its own article first (the nearest preceding full
mention when two people share it), else the most mentioned compatible person in the corpus.
Organisations and places merge on a normal form, and an acronym joins the name it abbreviates.
Dates and numbers get one entity per normalised value, for highlighting.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from tuireader.core.models import Article, ArticleAnalysis, Entity, Label, Mention, Quote
from tuireader.core.ner_names import SURNAME_SIMILARITY, PersonName, fold, parse, phonetic, same_person, slug
from tuireader.core.ner_numbers import WORD_VALUES

_NON_WORD = re.compile(r"[^\w]+")
_LEAD_THE = re.compile(r"^(?:the|The)\s+")
_ORG_STOP = frozenset({"of", "the", "and", "for", "de", "la", "du", "des"})


@dataclass(slots=True)
class _Cluster:
    label: Label
    name: PersonName | None = None  # the person's fullest parsed name
    surfaces: Counter[str] = field(default_factory=Counter)
    forms: dict[str, list[str]] = field(default_factory=dict)
    mentions: int = 0
    latest: str = ""  # latest publication date among its articles

    def add(self, article: Article, surface: str) -> None:
        self.surfaces[surface] += 1
        self.mentions += 1
        seen = self.forms.setdefault(article.id, [])
        if surface not in seen:
            seen.append(surface)
        if article.published and article.published > self.latest:
            self.latest = article.published


class _People:
    """Person clusters with a surname index blocked by first letter."""

    def __init__(self) -> None:
        self.clusters: list[_Cluster] = []
        self.by_surname: dict[str, list[int]] = defaultdict(list)
        self.blocks: dict[str, list[str]] = defaultdict(list)

    def candidates(self, key: str) -> list[tuple[float, int]]:
        """Clusters whose surname is close to ``key`` (score, cluster index), best first."""
        found: dict[int, float] = {}
        for index in self.by_surname.get(key, ()):
            found[index] = 1.0
        block = self.blocks.get(key[:1], [])
        if block:
            for other, score, _ in process.extract(
                key, block, scorer=JaroWinkler.normalized_similarity, score_cutoff=SURNAME_SIMILARITY, limit=8
            ):
                for index in self.by_surname[other]:
                    found.setdefault(index, score)
        pkey = phonetic(key)
        for index in self.by_surname.get("~" + pkey, ()):
            found.setdefault(index, 0.99)
        return sorted(((s, i) for i, s in found.items()), key=lambda item: (-item[0], item[1]))

    def new(self, name: PersonName) -> int:
        index = len(self.clusters)
        self.clusters.append(_Cluster(Label.PERSON, name))
        key = name.surname_key
        if key not in self.by_surname:
            self.blocks[key[:1]].append(key)
        self.by_surname[key].append(index)
        self.by_surname["~" + phonetic(key)].append(index)
        return index

    def match_full(self, name: PersonName) -> int | None:
        for _, index in self.candidates(name.surname_key):
            other = self.clusters[index].name
            if other is not None and other.full and same_person(name, other):
                return index
        return None

    def match_surname(self, name: PersonName, among: set[int] | None) -> list[int]:
        out = []
        for _, index in self.candidates(name.surname_key):
            other = self.clusters[index].name
            if other is None or other.suffix != name.suffix:
                continue
            if among is None or index in among:
                out.append(index)
        return out


def resolve(
    articles: Sequence[Article], analyses: Mapping[str, ArticleAnalysis]
) -> tuple[list[Entity], dict[str, ArticleAnalysis]]:
    by_id = {a.id: a for a in articles}
    ordered = [a for a in articles if a.id in analyses]
    people = _People()
    assigned: dict[tuple[str, int], int] = {}  # (article id, mention index) -> cluster index

    # 1. Full names, most frequent spelling first so it seeds its cluster.
    full_counts: Counter[str] = Counter()
    for article in ordered:
        for mention in analyses[article.id].mentions:
            if mention.label == Label.PERSON and parse(mention.text).full:
                full_counts[mention.text] += 1
    cluster_of_form: dict[str, int] = {}
    for surface, _ in sorted(full_counts.items(), key=lambda item: (-item[1], -len(item[0]), item[0])):
        name = parse(surface)
        index = people.match_full(name)
        if index is None:
            index = people.new(name)
        elif len(name.given) > len(people.clusters[index].name.given):  # type: ignore[union-attr]
            people.clusters[index].name = name
        cluster_of_form[surface] = index
    for article in ordered:
        for i, mention in enumerate(analyses[article.id].mentions):
            if mention.label == Label.PERSON and mention.text in cluster_of_form:
                assigned[(article.id, i)] = cluster_of_form[mention.text]
                people.clusters[cluster_of_form[mention.text]].add(article, mention.text)

    # 2. Lone surnames: same article first (nearest preceding full mention), then the corpus.
    lone_later: list[tuple[Article, int, Mention]] = []
    for article in ordered:
        mentions = analyses[article.id].mentions
        here = {assigned[(article.id, i)] for i in range(len(mentions)) if (article.id, i) in assigned}
        for i, mention in enumerate(mentions):
            if mention.label != Label.PERSON or (article.id, i) in assigned:
                continue
            options = people.match_surname(parse(mention.text), here)
            if len(options) > 1:
                options = [_nearest(mentions, i, set(options), article.id, assigned)]
            if options:
                assigned[(article.id, i)] = options[0]
                people.clusters[options[0]].add(article, mention.text)
            else:
                lone_later.append((article, i, mention))
    for article, i, mention in lone_later:
        name = parse(mention.text)
        options = people.match_surname(name, None)
        if options:
            best = max(options, key=lambda k: (people.clusters[k].mentions, people.clusters[k].latest, -k))
        else:
            best = people.new(name)
        assigned[(article.id, i)] = best
        people.clusters[best].add(article, mention.text)

    # 3. Organisations, places, dates, numbers.
    clusters = people.clusters
    keyed: dict[tuple[Label, str], int] = {}
    acronyms: dict[tuple[Label, str], int] = {}
    pending_acronyms: list[tuple[Article, int, Mention]] = []
    for article in ordered:
        for i, mention in enumerate(analyses[article.id].mentions):
            if mention.label == Label.PERSON:
                continue
            key: tuple[Label, str] = (mention.label, _value_key(mention))
            if mention.label in (Label.ORG, Label.PLACE) and _is_acronym(mention.text) and key not in keyed:
                pending_acronyms.append((article, i, mention))
                continue
            index = keyed.get(key)
            if index is None:
                index = keyed[key] = len(clusters)
                clusters.append(_Cluster(mention.label))
                initials = _initials(mention.text)
                if initials:
                    acronyms.setdefault((mention.label, initials), index)
            assigned[(article.id, i)] = index
            clusters[index].add(article, mention.text)
    for article, i, mention in pending_acronyms:
        key = (mention.label, _value_key(mention))
        index = keyed.get(key, acronyms.get((mention.label, key[1])))
        if index is None:
            index = keyed[key] = len(clusters)
            clusters.append(_Cluster(mention.label))
        assigned[(article.id, i)] = index
        clusters[index].add(article, mention.text)

    entities, ids = _entities(clusters)
    resolved: dict[str, ArticleAnalysis] = dict(analyses)
    names = {e.id: e.name for e in entities}
    for article_id, analysis in analyses.items():
        if article_id not in by_id:
            continue
        mentions = tuple(
            dataclasses.replace(m, entity=ids[assigned[(article_id, i)]]) if (article_id, i) in assigned else m
            for i, m in enumerate(analysis.mentions)
        )
        quotes = tuple(_speaker(q, mentions, names) for q in analysis.quotes)
        resolved[article_id] = dataclasses.replace(analysis, mentions=mentions, quotes=quotes)
    return entities, resolved


def _nearest(
    mentions: Sequence[Mention], index: int, options: set[int], article_id: str, assigned: Mapping[tuple[str, int], int]
) -> int:
    """The cluster of the closest full mention before ``index`` (else the first one after)."""
    for j in range(index - 1, -1, -1):
        cluster = assigned.get((article_id, j))
        if cluster in options and parse(mentions[j].text).full:
            return cluster
    for j in range(index + 1, len(mentions)):
        cluster = assigned.get((article_id, j))
        if cluster in options:
            return cluster
    return min(options)


def _is_acronym(text: str) -> bool:
    bare = text.replace(".", "")
    return 2 <= len(bare) <= 6 and bare.isupper()


def _initials(text: str) -> str:
    words = [w for w in _NON_WORD.split(_LEAD_THE.sub("", text)) if w and w.lower() not in _ORG_STOP]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return fold("".join(w[0] for w in words))


def _value_key(mention: Mention) -> str:
    text = _LEAD_THE.sub("", mention.text)
    if mention.label in (Label.DATE, Label.NUMBER):
        words = [str(WORD_VALUES.get(w, w)) for w in fold(text).replace(",", "").split()]
        return " ".join(words)
    return _NON_WORD.sub("", fold(text))


def _canonical(cluster: _Cluster) -> str:
    """The most complete spelling, then the one most articles use, then the most frequent."""
    by_articles: Counter[str] = Counter()
    for forms in cluster.forms.values():
        by_articles.update(forms)

    def rank(surface: str) -> tuple[int, int, int, int, str]:
        words = len(surface.split()) if cluster.label == Label.PERSON else len(surface)
        return (-words, -by_articles[surface], -cluster.surfaces[surface], -len(surface), surface)

    return min(cluster.surfaces, key=rank)


def _entities(clusters: Sequence[_Cluster]) -> tuple[list[Entity], dict[int, str]]:
    entities: list[Entity] = []
    ids: dict[int, str] = {}
    taken: Counter[str] = Counter()
    order = sorted(range(len(clusters)), key=lambda k: (-clusters[k].mentions, k))
    for k in order:
        cluster = clusters[k]
        if not cluster.surfaces:
            continue
        name = _canonical(cluster)
        base = f"{cluster.label.value}:{slug(name)}"
        taken[base] += 1
        entity_id = base if taken[base] == 1 else f"{base}-{taken[base]}"
        ids[k] = entity_id
        entities.append(
            Entity(
                id=entity_id,
                name=name,
                label=cluster.label,
                aliases=tuple(sorted(cluster.surfaces, key=lambda s: (-cluster.surfaces[s], s))),
                forms={a: tuple(f) for a, f in cluster.forms.items()},
            )
        )
    return entities, ids


def _speaker(quote: Quote, mentions: Sequence[Mention], names: Mapping[str, str]) -> Quote:
    """Fill the speaker's entity from the mention at, inside or around the quote's speaker span."""
    if quote.speaker_start is None or quote.speaker_end is None:
        return quote
    start, end = quote.speaker_start, quote.speaker_end
    best: Mention | None = None
    best_rank = (9, 0)
    for mention in mentions:
        if mention.label not in (Label.PERSON, Label.ORG) or not mention.entity:
            continue
        if mention.end <= start or mention.start >= end:
            continue
        exact = mention.start == start and mention.end == end
        rank = (0 if exact else 1 if mention.label == Label.PERSON else 2, mention.start)
        if rank < best_rank:
            best, best_rank = mention, rank
    if best is None:
        return quote
    return dataclasses.replace(quote, speaker=best.entity, speaker_name=names.get(best.entity, best.text))
