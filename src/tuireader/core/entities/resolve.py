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

import bisect
import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from tuireader.core.entities import gazetteer as gz
from tuireader.core.entities import keys as nk
from tuireader.core.entities.names import (
    SURNAME_SIMILARITY,
    PersonName,
    parse,
    phonetic,
    same_person,
    second_surname_key,
    slug,
)
from tuireader.core.entities.propagate import propagate
from tuireader.core.entities.rules import TITLES
from tuireader.model import Article, ArticleAnalysis, Entity, Label, Mention, Quote


@dataclass(slots=True)
class _Cluster:
    label: Label
    name: PersonName | None = None  # the person's fullest parsed name
    surfaces: Counter[str] = field(default_factory=Counter)
    # article -> surfaces, in order; tuples, which become the entity's own (a dict per article and
    # cluster was a tenth of the memory of resolving 10,000 articles)
    forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    mentions: int = 0
    latest: str = ""  # latest publication date among its articles

    def add(self, article: Article, surface: str) -> None:
        self.surfaces[surface] += 1
        self.mentions += 1
        seen = self.forms.get(article.id, ())
        if surface not in seen:
            self.forms[article.id] = (*seen, surface)
        published = article.published
        if published and published > self.latest:
            self.latest = published


def _surname_key(name: PersonName) -> str:
    """``name.surname_key``, which folds the surname again at each call (thousands of calls at 1,000
    articles), kept per surname."""
    return _surname_key_of(name.surname)


@lru_cache(maxsize=65536)
def _surname_key_of(surname: str) -> str:
    return PersonName((), surname, "").surname_key


class _People:
    """Person clusters with a surname index blocked by first letter."""

    def __init__(self) -> None:
        self.clusters: list[_Cluster] = []
        self.by_surname: dict[str, list[int]] = defaultdict(list)
        # Blocks by first letter and length: Jaro-Winkler >= 0.92 needs similar lengths.
        self.blocks: dict[tuple[str, int], list[str]] = defaultdict(list)
        self._cache: dict[str, list[tuple[float, int]]] = {}
        self.titles: dict[int, set[str]] = defaultdict(set)  # cluster -> titles written before its full name
        self.relatives: set[int] = set()  # clusters introduced as someone's relative ("his wife, Jo Roe")
        self.genders: dict[int, str] = {}  # cluster -> "he"/"she" as the text describes it ("his daughter Ann Roe")

    def candidates(self, key: str) -> list[tuple[float, int]]:
        """Clusters whose surname is close to ``key`` (score, cluster index), best first."""
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        found: dict[int, float] = {}
        for index in self.by_surname.get(key, ()):
            found[index] = 1.0
        for length in range(max(1, len(key) - 3), len(key) + 4):
            block = self.blocks.get((key[:1], length))
            if not block:
                continue
            for other, score, _ in process.extract(
                key, block, scorer=JaroWinkler.normalized_similarity, score_cutoff=SURNAME_SIMILARITY, limit=8
            ):
                for index in self.by_surname[other]:
                    found.setdefault(index, score)
        pkey = phonetic(key)
        for index in self.by_surname.get("~" + pkey, ()):
            found.setdefault(index, 0.99)
        result = sorted(((s, i) for i, s in found.items()), key=lambda item: (-item[0], item[1]))
        self._cache[key] = result
        return result

    def new(self, name: PersonName) -> int:
        index = len(self.clusters)
        self.clusters.append(_Cluster(Label.PERSON, name))
        key = _surname_key(name)
        self._cache.clear()
        if key not in self.by_surname:
            self.blocks[(key[:1], len(key))].append(key)
        self.by_surname[key].append(index)
        self.by_surname["~" + phonetic(key)].append(index)
        middle = second_surname_key(name)
        if middle and index not in self.by_surname[middle]:
            if middle not in self.by_surname:
                self.blocks[(middle[:1], len(middle))].append(middle)
            self.by_surname[middle].append(index)
        return index

    def match_full(self, name: PersonName) -> int | None:
        middle = second_surname_key(name)
        options = self.candidates(_surname_key(name)) + (self.candidates(middle) if middle else [])
        for _, index in options:
            other = self.clusters[index].name
            if other is not None and other.full and same_person(name, other):
                return index
        return None

    def match_surname(self, name: PersonName, among: set[int] | None) -> list[int]:
        out = []
        for _, index in self.candidates(_surname_key(name)):
            other = self.clusters[index].name
            if other is None:
                continue
            if among is None or index in among:
                out.append(index)
        return out


def resolve(
    articles: Sequence[Article], analyses: Mapping[str, ArticleAnalysis]
) -> tuple[list[Entity], dict[str, ArticleAnalysis]]:
    by_id = {a.id: a for a in articles}
    ordered = [a for a in articles if a.id in analyses]
    mentions_of = propagate(ordered, {a.id: analyses[a.id].mentions for a in ordered})
    # article id -> the cluster index of each of its mentions (-1: none yet); a list per article, not
    # a dict keyed by (article, mention index) tuples: 25,000 of those at 1,000 articles, each made
    # for every lookup, were a growing share of the time (their dict outgrew the processor's caches)
    assigned: dict[str, list[int]] = {a.id: [-1] * len(mentions_of[a.id]) for a in ordered}
    people = _resolve_people(ordered, mentions_of, assigned)
    clusters = _resolve_things(ordered, mentions_of, assigned, people.clusters)

    entities, ids = _entities(clusters)
    del people, clusters  # their indexes and counts are done with: the mentions made below can use that memory
    resolved: dict[str, ArticleAnalysis] = dict(analyses)
    names = {e.id: e.name for e in entities}
    for article_id, analysis in analyses.items():
        if article_id not in by_id:
            continue
        slots = assigned.get(article_id)
        found = mentions_of.get(article_id, analysis.mentions)
        mentions = (
            tuple(
                Mention(m.start, m.end, m.label, m.text, ids[k]) if k >= 0 else m
                for m, k in zip(found, slots, strict=True)
            )
            if slots is not None
            else tuple(found)
        )
        by_start = _ByStart(mentions)
        quotes = tuple(_speaker(q, by_start, names) for q in analysis.quotes)
        resolved[article_id] = dataclasses.replace(analysis, mentions=mentions, quotes=quotes)
    return entities, resolved


def _resolve_people(
    ordered: Sequence[Article], mentions_of: Mapping[str, Sequence[Mention]], assigned: Mapping[str, list[int]]
) -> _People:
    people = _People()
    # 1. Full names, most frequent spelling first so it seeds its cluster.
    full_counts: Counter[str] = Counter()
    form_articles: dict[str, set[str]] = defaultdict(set)
    # Each article's person mentions with their parsed names, gathered once: the passes below walk
    # these, not all the mentions of the corpus again.
    persons: list[tuple[Article, list[tuple[int, Mention, PersonName]]]] = []
    for article in ordered:
        found = [(i, m, parse(m.text)) for i, m in enumerate(mentions_of[article.id]) if m.label == Label.PERSON]
        persons.append((article, found))
        for _, mention, name in found:
            if name.full:
                full_counts[mention.text] += 1
                form_articles[mention.text].add(article.id)
    cluster_of_form: dict[str, int] = {}
    for surface, _ in sorted(full_counts.items(), key=lambda item: (-item[1], -len(item[0]), item[0])):
        name = parse(surface)
        index = people.match_full(name)
        if index is None:
            index = people.new(name)
        elif len(name.given) > len(people.clusters[index].name.given):  # type: ignore[union-attr]
            people.clusters[index].name = name
        cluster_of_form[surface] = index
    _merge_dropped_suffixes(people, cluster_of_form, full_counts, form_articles)
    for article, found in persons:
        slots = assigned[article.id]
        for i, mention, _ in found:
            index = cluster_of_form.get(mention.text, -1)
            if index >= 0:
                slots[i] = index
                people.clusters[index].add(article, mention.text)
                people.titles[index].update(_title_run(article.text, mention.start))
                said = _described_gender(article.text, mention.start)
                if said is not None:
                    people.genders.setdefault(index, said)
                if _RELATIVE_BEFORE.search(article.text, max(0, mention.start - 16), mention.start):
                    people.relatives.add(index)

    # 2. Lone surnames: same article first (nearest preceding full mention), then the corpus.
    _titles_of_lone_surnames(people, persons, assigned)
    lone_later: list[tuple[Article, int, Mention, str]] = []
    for article, found in persons:
        mentions = mentions_of[article.id]
        slots = assigned[article.id]
        here = {k for k in slots if k >= 0}
        # Surnames this article writes with a suffix and no given name ("Roe Jr."): it keeps the suffix
        # to tell the son from his father, so the bare surname here is the father.
        short_junior = {_surname_key(name) for _, _, name in found if _junior(name.suffix) and not name.full}
        for i, mention, name in found:
            if slots[i] >= 0:
                continue
            generation = name.suffix or _generation_cue(article.text, mention.start)
            if not generation and _surname_key(name) in short_junior:
                generation = "sr"
            options = _of_generation(people, people.match_surname(name, here), generation)
            gender = _honorific_gender(article.text, mention.start)
            if len(options) > 1:  # "Mrs. Roe" beside "President Bill Roe": not him
                options = _of_gender(people, options, gender)
            if len(options) > 1 and not gender and _far_from_full_names(mentions, i, set(options), slots):
                # "President Al Roe and first lady Jo Roe ... (paragraphs later) Roe said": a bare surname
                # long after both were named is not the one introduced as someone's relative
                options = [k for k in options if k not in people.relatives] or options
            title = _titled(article.text, mention.start)
            if options and not name.full and _someone_else(people, options, name, gender, title):
                options = []  # "Mr. Roe", "President Roe" beside only "Ann Roe", his daughter: looked up in the corpus
            if len(options) > 1:
                by_title = _same_title(article.text, mentions, i, set(options), slots)
                if not by_title and title:  # "Secretary Roe" beside "her husband, President Al Roe"
                    by_title = {k for k in options if title in people.titles[k]}
                options = [_nearest(mentions, i, by_title or set(options), slots)]
            if not options and not name.full:
                options = _by_given_name(people, name.surname, here)  # "his brother Ned" after "Ned Roe"
            if not options and not name.full:
                options = _relative_of(people, article.text, mention, here)  # "Roe's wife, Jo": Jo Roe
            if options:
                slots[i] = options[0]
                people.clusters[options[0]].add(article, mention.text)
            else:
                lone_later.append((article, i, mention, generation))
    for article, i, mention, generation in lone_later:
        name = parse(mention.text)
        options = _of_generation(people, people.match_surname(name, None), generation)
        gender = _honorific_gender(article.text, mention.start)
        if gender is not None:  # never a relative of the other gender ("Mr. Roe" is not "Ann Roe")
            options = [k for k in options if _given_gender(people, k) in (None, gender)]
        title = _titled(article.text, mention.start)
        if title and any(title in people.titles[k] for k in options):  # "President Roe": the Roe called so elsewhere
            options = [k for k in options if title in people.titles[k]]
        if not options and not name.full and gender is None and not title:
            options = _by_given_name(people, name.surname, set(range(len(people.clusters))))  # "Ann" for "Ann Roe"
        if options:
            best = max(options, key=lambda k: (people.clusters[k].mentions, people.clusters[k].latest, -k))
        else:
            best = people.new(name)
        assigned[article.id][i] = best
        people.clusters[best].add(article, mention.text)
    return people


def _titles_of_lone_surnames(
    people: _People,
    persons: Sequence[tuple[Article, Sequence[tuple[int, Mention, PersonName]]]],
    assigned: Mapping[str, list[int]],
) -> None:
    """ "Secretary Roe" where the article names one Roe in full: that Roe's title too, to tell her
    from a relative in another article ("Secretary Roe" beside "her husband, President Al Roe")."""
    learned: list[tuple[int, str]] = []
    for article, found in persons:
        here = {k for k in assigned[article.id] if k >= 0}
        for _, mention, name in found:
            title = _titled(article.text, mention.start) if not name.full else ""
            options = people.match_surname(name, here) if title else []
            # not when another Roe has the title written before a full name ("President Roe" by his daughter)
            if len(options) == 1 and not any(title in people.titles[k] for k in people.match_surname(name, None)):
                learned.append((options[0], title))
    for index, title in learned:
        people.titles[index].add(title)


def _given_gender(people: _People, index: int) -> str | None:
    said = people.genders.get(index)
    if said is not None:
        return said
    name = people.clusters[index].name
    return gz.given_gender(name.given[0]) if name is not None and name.given else None


# Words for relatives, by the gender they give the name after them ("his daughter Ann Roe").
_KIN_SHE = ("daughter", "wife", "sister", "mother", "widow", "niece", "aunt", "granddaughter", "first lady")
_KIN_HE = ("son", "husband", "brother", "father", "widower", "nephew", "uncle", "grandson")
_SHE_BEFORE = re.compile(rf"\b(?:{'|'.join((*_KIN_SHE, 'Mrs', 'Ms', 'Miss'))})\.?,?\s+$", re.IGNORECASE)
_HE_BEFORE = re.compile(rf"\b(?:{'|'.join((*_KIN_HE, 'Mr'))})\.?,?\s+$", re.IGNORECASE)
# "Roe's wife, ", "Roe's two sons, Al and ": the family name before a relative written by given name only
_KIN_OF = re.compile(
    rf"\b([A-Z][\w'’-]+)['’]s\s+(?:[a-z-]+\s+)?(?:{'|'.join((*_KIN_SHE, *_KIN_HE, 'cousin'))})s?,?\s+"
    r"(?:[A-Z][\w'’-]+,?\s+(?:and\s+)?)?$"
)
_RELATIVE_BEFORE = re.compile(rf"\b(?:{'|'.join((*_KIN_SHE, *_KIN_HE, 'cousin'))})s?,?\s+$", re.IGNORECASE)


def _described_gender(text: str, start: int) -> str | None:
    """ "the president's daughter Ann Roe", "her husband, Al Roe": the gender the text gives a full name."""
    before = text[max(0, start - 16) : start]
    return "she" if _SHE_BEFORE.search(before) else "he" if _HE_BEFORE.search(before) else None


def _someone_else(people: _People, options: Sequence[int], name: PersonName, gender: str | None, title: str) -> bool:
    """Whether a lone surname cannot be the people of its article who share it: an honorific of the
    other gender ("Mr. Roe" beside only "Ann Roe"), or a title none of them has and another person of
    that surname has elsewhere ("President Roe" beside his daughter "Ann Roe")."""
    if gender is not None and all(_given_gender(people, k) not in (None, gender) for k in options):
        return True
    if not title or any(title in people.titles[k] for k in options):
        return False
    return any(title in people.titles[k] for k in people.match_surname(name, None) if k not in options)


_HONORIFIC = re.compile(r"\b(Mrs|Ms|Miss|Mr)\.?\s+$")


def _honorific_gender(text: str, start: int) -> str | None:
    found = _HONORIFIC.search(text, max(0, start - 6), start)
    return None if found is None else "he" if found.group(1) == "Mr" else "she"


def _of_gender(people: _People, options: list[int], gender: str | None) -> list[int]:
    """Options whose given name does not say the other gender (all of them if none fits)."""
    if gender is None:
        return options
    fitting = []
    for k in options:
        name = people.clusters[k].name
        said = gz.given_gender(name.given[0]) if name is not None and name.given else None
        if said in (None, gender):
            fitting.append(k)
    return fitting or options


def _by_given_name(people: _People, word: str, here: set[int]) -> list[int]:
    """The one person of this article whose first given name is ``word`` (none if two share it)."""
    fits = [
        k
        for k in here
        if (name := people.clusters[k].name) is not None and name.given[:1] == (word,) and name.surname != word
    ]
    return fits if len(fits) == 1 else []


def _relative_of(people: _People, text: str, mention: Mention, here: set[int]) -> list[int]:
    """A lone given name introduced as the relative of someone of this article named by surname ("Roe's wife,
    Jo", "the Roe twins, Jo and Al"): that person's family name completes it, one new person "Jo Roe"."""
    word = mention.text
    if " " in word or word not in gz.given_names():
        return []
    kin = _KIN_OF.search(text, max(0, mention.start - 60), mention.start)
    if kin is None:
        return []
    family = parse(kin.group(1))
    if not people.match_surname(family, here):
        return []
    full = f"{word} {kin.group(1)}"
    index = people.match_full(parse(full))
    if index is None:
        index = people.new(parse(full))
    people.clusters[index].surfaces.setdefault(full, 0)  # named in full, though the text never writes it so
    return [index]


def _junior(suffix: str) -> bool:
    return suffix not in ("", "sr")


def _of_generation(people: _People, options: list[int], generation: str) -> list[int]:
    """Options fitting a generational hint: "jr" (a suffix, "the younger Roe") keeps the juniors,
    "sr" ("the elder Roe", or a bare surname beside "Roe Jr.") everyone else; "" keeps all. When
    none fits, none is returned: the mention is looked up in the corpus, or starts a person of its own."""
    if not generation or len(options) == 0:
        return options
    wanted = _junior(generation)
    return [k for k in options if _junior(people.clusters[k].name.suffix) == wanted]  # type: ignore[union-attr]


def _merge_dropped_suffixes(
    people: _People,
    cluster_of_form: dict[str, int],
    counts: Mapping[str, int],
    form_articles: Mapping[str, set[str]],
) -> None:
    """ "Jane Roe" joins "Jane Roe Jr." when an outlet just dropped the suffix: never both in one
    article, and the plain name is not far more prominent (then it is the parent, a person of its own)."""
    forms_of: dict[int, list[str]] = defaultdict(list)
    for form, index in cluster_of_form.items():
        forms_of[index].append(form)

    def stats(index: int) -> tuple[int, set[str]]:
        forms = forms_of[index]
        return sum(counts[f] for f in forms), set().union(*(form_articles[f] for f in forms))

    for index, cluster in enumerate(people.clusters):
        name = cluster.name
        if name is None or name.suffix or index not in forms_of:
            continue
        plain: tuple[int, set[str]] | None = None  # counted when a suffixed namesake is found (rare)
        best: tuple[int, int] | None = None
        for _, other in people.candidates(_surname_key(name)):
            other_name = people.clusters[other].name
            if other == index or other_name is None or not other_name.suffix or other not in forms_of:
                continue
            if not same_person(name, dataclasses.replace(other_name, suffix="")):
                continue
            plain_count, plain_articles = plain = plain or stats(index)
            count, seen_in = stats(other)
            if seen_in & plain_articles or plain_count > 3 * count:
                continue
            if best is None or count > best[0]:
                best = (count, other)
        if best is not None:
            for form in forms_of.pop(index):
                cluster_of_form[form] = best[1]
                forms_of[best[1]].append(form)


_YOUNGER = re.compile(r"\b(?:younger|junior)\s+$", re.IGNORECASE)
_ELDER = re.compile(r"\b(?:elder|older|senior)\s+$", re.IGNORECASE)


def _generation_cue(text: str, start: int) -> str:
    """ "the younger Roe" -> "jr", "the elder Roe" -> "sr"."""
    before = text[max(0, start - 12) : start]
    if _YOUNGER.search(before):
        return "jr"
    if _ELDER.search(before):
        return "sr"
    return ""


def _resolve_things(
    ordered: Sequence[Article],
    mentions_of: Mapping[str, Sequence[Mention]],
    assigned: Mapping[str, list[int]],
    clusters: list[_Cluster],
) -> list[_Cluster]:
    """Organisations and places by normal form (acronyms and short names join their long name);
    dates and numbers by value."""
    keys: Counter[tuple[Label, str]] = Counter()
    surfaces: set[str] = set()
    # Each article's other mentions with their keys, made once for the two passes below.
    keyed: list[tuple[Article, list[tuple[int, Mention, tuple[Label, str]]]]] = []
    for article in ordered:
        things: list[tuple[int, Mention, tuple[Label, str]]] = [
            (i, m, (m.label, nk.value_key(m))) for i, m in enumerate(mentions_of[article.id]) if m.label != Label.PERSON
        ]
        keyed.append((article, things))
        keys.update(key for _, _, key in things)
        surfaces.update(m.text for _, m, _ in things)
    target = nk.thing_targets(keys, surfaces)
    index_of: dict[tuple[Label, str], int] = {}
    for article, things in keyed:
        slots = assigned[article.id]
        for i, mention, own in things:
            key = target.get(own, own)
            index = index_of.get(key)
            if index is None:
                index = index_of[key] = len(clusters)
                clusters.append(_Cluster(mention.label))
            slots[i] = index
            clusters[index].add(article, mention.text)
    return clusters


_TITLE_BEFORE = re.compile(r"\b([A-Z][a-z]+\.?)\s+$")
_PLAIN_HONORIFICS = frozenset({"Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms", "Miss", "Mx."})


def _title_before(text: str, start: int) -> str:
    """The capitalised title word right before a name ("Senator", "Gov."), not a plain honorific."""
    found = _TITLE_BEFORE.search(text, max(0, start - 20), start)
    word = found.group(1) if found else ""
    return word if word and word not in _PLAIN_HONORIFICS else ""


_TITLE_RUN = re.compile(r"(?:\b[A-Z][\w.-]*\s+(?:(?:of|for)\s+(?:the\s+)?)?){1,6}$")


def _title_run(text: str, start: int) -> set[str]:
    """The title words before a full name: "Former Secretary of State Ann Roe" -> Former, Secretary, State."""
    found = _TITLE_RUN.search(text, max(0, start - 80), start)
    words = found.group().split() if found else []
    out: set[str] = set()
    for word in reversed(words):
        if word in ("of", "for", "the"):
            continue
        if word not in TITLES:
            break
        out.add(word)
    return out


def _titled(text: str, start: int) -> str:
    """The title right before a name ("President", "Sen."), or ""."""
    title = _title_before(text, start)
    return title if title in TITLES else ""


def _same_title(
    text: str,
    mentions: Sequence[Mention],
    index: int,
    options: set[int],
    slots: Sequence[int],
) -> set[int]:
    """ "Senator Vantor" among two Vantors: the one this article already called "Senator"."""
    title = _title_before(text, mentions[index].start)
    if not title:
        return set()
    return {
        slots[j]
        for j in range(len(mentions))
        if j != index and slots[j] in options and _title_before(text, mentions[j].start) == title
    }


_STALE = 1000  # characters after which the last full name no longer decides which namesake is meant


def _far_from_full_names(mentions: Sequence[Mention], index: int, options: set[int], slots: Sequence[int]) -> bool:
    """Whether no full name of ``options`` comes within ``_STALE`` characters before mention ``index``."""
    start = mentions[index].start
    for j in range(index - 1, -1, -1):
        if start - mentions[j].end > _STALE:
            return True
        if slots[j] in options and parse(mentions[j].text).full:
            return False
    return True


def _nearest(mentions: Sequence[Mention], index: int, options: set[int], slots: Sequence[int]) -> int:
    """The cluster of the closest full mention before ``index`` (else the first one after)."""
    for j in range(index - 1, -1, -1):
        cluster = slots[j]
        if cluster in options and parse(mentions[j].text).full:
            return cluster
    for j in range(index + 1, len(mentions)):
        cluster = slots[j]
        if cluster in options:
            return cluster
    return min(options)


def _canonical(cluster: _Cluster) -> str:
    """The most complete spelling, then the one most articles use, then the most frequent."""
    if len(cluster.surfaces) == 1:  # most clusters: nothing to rank, so no counts over its articles
        (best,) = cluster.surfaces
    else:
        by_articles: Counter[str] = Counter()
        for forms in cluster.forms.values():
            by_articles.update(forms)

        def rank(surface: str) -> tuple[bool, int, int, int, int, str]:
            words = len(surface.split()) if cluster.label == Label.PERSON else len(surface)
            shouted = _shouted(surface, cluster.label)
            return (shouted, -words, -by_articles[surface], -cluster.surfaces[surface], -len(surface), surface)

        best = min(cluster.surfaces, key=rank)
    return best.title() if _shouted(best, cluster.label) and cluster.label == Label.PLACE else best


def _shouted(surface: str, label: Label) -> bool:
    """A dateline in capitals ("OSLO", "WASHINGTON"), not an acronym ("UK", "NATO")."""
    letters = surface.replace(".", "").replace(" ", "")
    return surface.isupper() and len(letters) > (3 if label == Label.PLACE else 5)


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
                forms=dict(cluster.forms),
            )
        )
    return entities, ids


class _ByStart:
    """An article's mentions by start offset, to find those overlapping a span without a scan."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.items = sorted(mentions, key=lambda m: m.start)  # stable: ties keep their order
        self.starts = [m.start for m in self.items]
        self.longest = max((m.end - m.start for m in self.items), default=0)

    def overlapping(self, start: int, end: int) -> list[Mention]:
        first = bisect.bisect_left(self.starts, start - self.longest)
        last = bisect.bisect_left(self.starts, end)
        return [m for m in self.items[first:last] if m.end > start]


def _speaker(quote: Quote, mentions: _ByStart, names: Mapping[str, str]) -> Quote:
    """Fill the speaker's entity from the mention at, inside or around the quote's speaker span."""
    if quote.speaker_start is None or quote.speaker_end is None:
        return quote
    start, end = quote.speaker_start, quote.speaker_end
    best: Mention | None = None
    best_rank = (9, 0)
    inside = {m.entity for m in mentions.overlapping(start, end) if m.label == Label.PERSON and m.entity}
    if len(inside) > 1 and " and " in (quote.speaker_name or ""):
        return quote  # "Jo Roe and Al Tam": a pair speaks, no one entity; the name kept as written
    for mention in mentions.overlapping(start, end):
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
    canonical = names.get(best.entity, best.text)
    role = quote.speaker_name
    possessive = role is not None and role.startswith((f"{best.text}'s ", f"{best.text}’s "))
    if role and (role[:1].islower() or possessive or re.match(r"The\s+[a-z]", role)):
        # "spokesperson for Ana Ruiz", "Ruiz's campaign": keep the role, with the canonical spelling of the
        # name (the campaign speaks, not Ruiz); "the governor", "The governor" opening a sentence: a
        # description kept as the article writes it.
        return dataclasses.replace(quote, speaker=best.entity, speaker_name=role.replace(best.text, canonical))
    return dataclasses.replace(quote, speaker=best.entity, speaker_name=canonical)
