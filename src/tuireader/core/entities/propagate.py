"""Names found in one article, found again where another article gave no evidence.

An outlet may write "Acme Holdings" only after "the takeover of", where no rule fires, while
another outlet calls it "the company Acme Holdings". Once the corpus knows the name, every
capitalised occurrence of it is a mention. Lookup goes by first word, so the cost grows with the
number of capitalised words, not with the number of known names.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from tuireader.core.entities import gazetteer as gz
from tuireader.core.entities.rules import NAME_SUFFIXES
from tuireader.model import Article, Label, Mention

_CAPITALISED = re.compile(r"(?<![\w'’.-])[A-Z][\w'’.-]*")
_TRAILING = frozenset(".,'’s")
_NAMED = (Label.PERSON, Label.ORG, Label.PLACE)
_RARE_ZIPF = 3.0  # a single known word propagates only when it is not an ordinary English word


def propagate(
    articles: Sequence[Article], mentions_of: Mapping[str, Sequence[Mention]]
) -> dict[str, tuple[Mention, ...]]:
    """Each article's mentions plus unlabelled occurrences of names the corpus knows, sorted."""
    votes: dict[str, Counter[Label]] = defaultdict(Counter)
    org_firsts: set[str] = set()
    person_lasts: Counter[str] = Counter()
    person_firsts: Counter[str] = Counter()  # "Nell" alone after "Nell Roe": not a town of that name
    for article in articles:
        for mention in mentions_of[article.id]:
            if mention.label in _NAMED:
                votes[mention.text][mention.label] += 1
                words = mention.text.split()
                if len(words) >= 2 and mention.label == Label.ORG:
                    org_firsts.add(words[0])
                elif len(words) >= 2 and mention.label == Label.PERSON:
                    person_lasts[words[-2] if words[-1] in NAME_SUFFIXES else words[-1]] += 1
                    person_firsts[words[0]] += 1
    # "Acme said" made "Acme" look like a person; the corpus knows "Acme Holdings".
    relabel: dict[str, tuple[Label, Label]] = {
        w: (Label.PERSON, Label.ORG) for w in org_firsts - set(person_lasts) if votes.get(w, Counter())[Label.PERSON]
    }
    # "Roe" or "Quill" alone taken for a small town or a company: the corpus knows a person
    # of that surname (big cities and countries keep their label: "Washington").
    for word in person_lasts | person_firsts:
        counter = votes.get(word, Counter())
        for other in (Label.PLACE, Label.ORG):
            # A big city is a person only when that person is named about as often ("Washington" stays).
            known_place = gz.is_country(word) or (
                gz.is_big_city(word) and counter[other] > 2 * (person_lasts[word] + person_firsts[word])
            )
            weak = other is Label.PLACE or counter[other] <= counter[Label.PERSON] or word not in org_firsts
            if counter[other] and word not in relabel and not known_place and weak:
                relabel[word] = (other, Label.PERSON)
    # One word, one kind of thing: "LeakHub" an organisation more often than "Leakhub" a person, and no
    # person of the corpus has that name.
    by_fold: dict[str, list[str]] = defaultdict(list)
    for surface in votes:
        if " " not in surface:
            by_fold[surface.casefold()].append(surface)
    for group in by_fold.values():
        org = sum(votes[w][Label.ORG] for w in group)
        person = sum(votes[w][Label.PERSON] for w in group)
        if org > person > 0 and not any(w in person_lasts or w in person_firsts for w in group):
            for w in group:
                if votes[w][Label.PERSON] and w not in relabel:
                    relabel[w] = (Label.PERSON, Label.ORG)
    # One surface, one kind of thing: a name labelled person here and organisation there takes the majority.
    for surface, counter in votes.items():
        if surface in relabel or " " not in surface:
            continue
        person, org = counter[Label.PERSON], counter[Label.ORG]
        if person and org and person != org:
            relabel[surface] = (Label.ORG, Label.PERSON) if person > org else (Label.PERSON, Label.ORG)
    if relabel:
        mentions_of = {
            key: tuple(
                dataclasses.replace(m, label=relabel[m.text][1])
                if m.text in relabel and m.label == relabel[m.text][0]
                else m
                for m in mentions
            )
            for key, mentions in mentions_of.items()
        }
        for word, (old, new) in relabel.items():
            votes[word][new] += votes[word].pop(old)
    known: dict[str, list[tuple[str, Label]]] = defaultdict(list)
    for surface, counter in votes.items():
        words = surface.split()
        if not words or not surface[:1].isupper():
            continue
        if len(words) == 1 and (gz.english_frequency(surface) >= _RARE_ZIPF or len(surface) < 3):
            continue
        label = counter.most_common(1)[0][0]
        known[words[0]].append((surface, label))
    # "Nimbus" for "Nimbus Grid": the rare first word of an organisation's name, alone.
    for word in org_firsts - set(person_lasts):
        if word not in votes and len(word) >= 3 and word.isalpha() and gz.english_frequency(word) < _RARE_ZIPF:
            known[word].append((word, Label.ORG))
    for options in known.values():
        options.sort(key=lambda item: -len(item[0]))
    out: dict[str, tuple[Mention, ...]] = {}
    for article in articles:
        mentions = tuple(mentions_of[article.id])
        out[article.id] = mentions
        if not known:
            continue
        text = article.text
        taken = sorted((m.start, m.end) for m in mentions)
        added: list[Mention] = []
        hits = [
            m
            for m in _CAPITALISED.finditer(text)
            if m.group() in known or (m.group()[-1] in _TRAILING and _bare(m.group()) in known)
        ]
        for match in hits:
            start = match.start()
            candidates = known.get(match.group()) or known[_bare(match.group())]
            if _inside(taken, start):
                continue
            for surface, label in candidates:
                end = start + len(surface)
                if text.startswith(surface, start) and (end == len(text) or not (text[end].isalnum())):
                    if not _overlaps(taken, start, end):
                        added.append(Mention(start, end, label, surface))
                    break
        if added:
            out[article.id] = tuple(sorted((*mentions, *added), key=lambda m: (m.start, m.end)))
    return out


def _bare(word: str) -> str:
    """Without trailing punctuation or a possessive: "Acme’s," -> "Acme"."""
    word = word.rstrip(".,")
    return word[:-2] if word.endswith(("'s", "’s")) else word.rstrip("'’")


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` falls inside one of the sorted, disjoint ``spans``."""
    i = bisect.bisect_right(spans, (pos, len_max)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_left(spans, (end, 0)) - 1
    return i >= 0 and spans[i][1] > start


len_max = 1 << 62
