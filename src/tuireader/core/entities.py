"""Named entities: mentions in each article, and one identity per real-world thing across articles.

No trained model is available offline, so mentions come from rules over capitalised word
sequences ("chunks"), decided by evidence: a title before a name ("Prime Minister ..."), a
role noun ("spokesman ..."), a speech verb ("... said"), organisation and place head words
("... Ministry", "... Sea"), gazetteers (places from GeoNames, given names and surnames from
Faker's locales), and what the article itself says elsewhere (a lone surname after the full
name). A capitalised word with no evidence is not a name: sentence-initial words, headings and
emphasis ("an END to the War") would otherwise flood the view with junk.

Dates and counted numbers come from ``ner_numbers``; corpus-wide identity from ``ner_resolve``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tuireader.core import gazetteer as gz
from tuireader.core.models import Article, ArticleAnalysis, Entity, Label, Mention
from tuireader.core.ner_chunks import Chunk, Token, chunks, tokenize
from tuireader.core.ner_numbers import find_dates_and_numbers
from tuireader.core.ner_rules import (
    KNOWN_ACRONYMS,
    NAME_BLOCKERS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    ORG_HEADS,
    ORG_VERBS,
    PARTY_CODE_PREFIXES,
    PLACE_ACRONYMS,
    PLACE_HEADS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLE_CONNECTORS,
    TITLES,
)

_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")
_SPEECH_BRIDGE = frozenset(
    "has had have also later then previously earlier again reportedly repeatedly "
    "publicly privately once recently separately first".split()
)
_PLACE_PREPOSITIONS = frozenset("in from to near outside across at into toward towards via around".split())


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    label: Label
    strong: bool = True  # decided on its own evidence (not by matching another mention)


def extract_mentions(article: Article) -> tuple[Mention, ...]:
    """Mentions of people, organisations, places, dates and numbers; ``entity`` left empty."""
    text = article.text
    if not text:
        return ()
    common = gz.common_words()
    numeric = find_dates_and_numbers(text, common, gz.demonyms())
    tokens = tokenize(text, article.headings, blocked=[(s, e) for s, e, _ in numeric])
    lowercase_words = {m.group() for m in _LOWER_WORD.finditer(text)}
    found: list[_Found] = []
    pending: list[Chunk] = []
    for chunk in chunks(tokens):
        decided = _classify(chunk, tokens, text, lowercase_words)
        if decided:
            found.extend(decided)
        else:
            pending.append(chunk)
    found.extend(_second_pass(pending, found, text, lowercase_words))
    spans = [(f.start, f.end, f.label) for f in found] + numeric
    spans.sort()
    mentions: list[Mention] = []
    last_end = -1
    for start, end, label in spans:
        if start < last_end or end <= start:
            continue
        mentions.append(Mention(start, end, label, text[start:end]))
        last_end = end
    return tuple(mentions)


def _word(tokens: Sequence[Token], index: int) -> str:
    return tokens[index].text if 0 <= index < len(tokens) else ""


def _follows_speech(tokens: Sequence[Token], after: int) -> bool:
    nxt = _word(tokens, after)
    if nxt in SPEECH_VERBS:
        return True
    return nxt in _SPEECH_BRIDGE and _word(tokens, after + 1) in SPEECH_VERBS


def _precedes_speech(tokens: Sequence[Token], before: int) -> bool:
    """ "said X", "according to X", "told X"."""
    prev = _word(tokens, before)
    return prev in {"said", "says", "added", "wrote", "asked", "stated", "insisted"} or (
        prev == "to" and _word(tokens, before - 1).lower() == "according"
    )


def _looks_acronym(word: str) -> bool:
    bare = word.replace(".", "")
    return 2 <= len(bare) <= 6 and bare.isupper() and bare.isalpha() and not _ROMAN.fullmatch(bare)


_ROMAN = re.compile(r"[IVXLC]+")


def _is_place(name: str, prev_word: str) -> bool:
    if gz.is_country(name) or gz.is_big_city(name) or name in PLACE_ACRONYMS:
        return True
    return prev_word in _PLACE_PREPOSITIONS and gz.is_city(name)


def _name_like(words: Sequence[str]) -> bool:
    """Every word could be part of a personal name."""
    if not words:
        return False
    for i, w in enumerate(words):
        if w in NAME_PARTICLES and 0 < i < len(words) - 1:
            continue
        if w in NAME_SUFFIXES and i > 0:
            continue
        if not w[:1].isupper() or w in TITLES or w in ORG_HEADS or w.lower() in gz.common_words():
            return False
        if w in gz.demonyms() or (len(w) > 2 and w.isupper() and "." not in w):
            return False
    return True


def _classify(chunk: Chunk, tokens: Sequence[Token], text: str, lowercase: set[str]) -> list[_Found]:
    """Mentions decided by evidence inside or right around ``chunk``; empty if undecided."""
    first, last = chunk.first, chunk.last
    words = [tokens[i].name for i in range(first, last + 1)]
    starts = [tokens[i].start for i in range(first, last + 1)]
    ends = [tokens[i].name_end for i in range(first, last + 1)]
    initial = tokens[first].initial
    # Drop sentence-initial function words and openers ("The", "But", "Asked").
    lead_the = _word(tokens, first - 1).lower() == "the"
    while (
        words
        and (words[0].lower() in gz.common_words() or words[0] in NAME_BLOCKERS)
        and (initial or words[0].lower() in {"the", "a", "an"})
    ):
        lead_the = words[0].lower() == "the"
        words, starts, ends = words[1:], starts[1:], ends[1:]
        first += 1
        initial = False
    while words and (words[-1] in TITLE_CONNECTORS or words[-1] in NAME_PARTICLES):
        words, starts, ends = words[:-1], starts[:-1], ends[:-1]
        last -= 1
    if not words or (words[0].startswith(PARTY_CODE_PREFIXES) and "-" in words[0]):
        return []
    span_start, span_end = starts[0], ends[-1]
    name = text[span_start:span_end]
    prev_word = _word(tokens, first - 1)
    next_index = last + 1
    possessive = tokens[last].possessive
    heading = tokens[first].heading

    def found(label: Label, strong: bool = True) -> list[_Found]:
        return [_Found(span_start, span_end, label, strong)]

    # Organisation heads: "Ministry of Defence", "Acme Group", "State Department".
    org_head = words[-1] in ORG_HEADS or (words[0] in ORG_HEADS and words[1:2] in (["of"], ["for"]))
    if len(words) >= 2 and org_head and not (words[-1] in PLACE_HEADS and words[0] not in ORG_HEADS):
        return found(Label.ORG)
    # Titles: "Russian President Jane Roe", "Secretary of State John Doe", "Pope Leo XIV".
    title_end = -1
    for i, w in enumerate(words[:-1]):
        connector = title_end == i - 1 and w in TITLE_CONNECTORS and words[i + 1] in TITLES
        if w in TITLES or connector:
            title_end = i
    if title_end >= 0 and _name_like(words[title_end + 1 :]):
        out = [_Found(starts[title_end + 1], span_end, Label.PERSON)]
        title_start = title_end
        while title_start > 0 and (words[title_start - 1] in TITLES or words[title_start - 1] in TITLE_CONNECTORS):
            title_start -= 1
        if title_start > 0:
            prefix = " ".join(words[:title_start])
            prefix_end = ends[title_start - 1]
            if _is_place(prefix, ""):
                out.append(_Found(starts[0], prefix_end, Label.PLACE))
            elif prefix not in gz.demonyms() and not initial and prefix.lower() not in gz.common_words():
                out.append(_Found(starts[0], prefix_end, Label.ORG))
        return out
    if all(w in TITLES or w in TITLE_CONNECTORS for w in words):
        return []
    # Places: gazetteer, or a place head ("Black Sea", "Red Square").
    if _is_place(name, prev_word):
        return found(Label.PLACE)
    if len(words) >= 2 and words[-1] in PLACE_HEADS and not _looks_person(words):
        return found(Label.PLACE)
    next_word = _word(tokens, next_index)
    # "<X> spokesman", "<X> officials": X is an organisation (or a place, handled above).
    modifier = next_word in ROLE_NOUNS and next_word not in {"president", "minister", "leader"} and not possessive
    if modifier and not _demonym(name) and not _looks_person(words) and not (initial and len(words) == 1):
        return found(Label.ORG)
    # Acronyms.
    if len(words) == 1 and _looks_acronym(words[0]):
        if words[0] in KNOWN_ACRONYMS or lead_the or _follows_speech(tokens, next_index):
            return found(Label.ORG)
        return []
    if heading:
        return []
    # Role noun before: "spokesman Jane Roe", "aide John Doe".
    if prev_word in ROLE_NOUNS and _name_like(words):
        return found(Label.PERSON)
    # A given name, or initials, then a surname: "Jane Roe", "J.R. Doe", "JR Doe".
    if len(words) >= 2 and _looks_person(words) and _name_like(words[1:]):
        return found(Label.PERSON)
    speech = _follows_speech(tokens, next_index) or _precedes_speech(tokens, first - 1)
    common_noun = len(words) == 1 and words[0].lower() in lowercase
    if lead_the and not common_noun and not _demonym(name):
        # "the <Name> said", "the <Name>’s", and multi-word "the Holy See": institutions.
        if len(words) >= 2 or possessive or next_word in ORG_VERBS or speech:
            return found(Label.ORG)
        return []
    if speech and not common_noun and _name_like(words) and not _demonym(name):
        return found(Label.PERSON)
    return []


def _demonym(name: str) -> bool:
    """ "Russian", "Russians", "Russian’s"."""
    demonyms = gz.demonyms()
    return name in demonyms or (name.endswith("s") and name[:-1] in demonyms)


def _looks_person(words: Sequence[str]) -> bool:
    head = words[0]
    if head in gz.given_names() and len(words) >= 2:
        return True
    bare = head.replace(".", "")
    return (
        len(words) >= 2
        and 1 <= len(bare) <= 3
        and bare.isupper()
        and head not in PLACE_ACRONYMS
        and head not in KNOWN_ACRONYMS
        and (head.count(".") == len(bare) or len(bare) <= 2)
    )


def _second_pass(pending: Sequence[Chunk], found: Sequence[_Found], text: str, lowercase: set[str]) -> list[_Found]:
    """Chunks that only match what the article named elsewhere: "Doe" after "Jane Doe"."""
    known: dict[str, Label] = {}
    for f in found:
        surface = text[f.start : f.end]
        known.setdefault(surface, f.label)
        if f.label == Label.PERSON:
            parts = [p for p in surface.split() if p not in NAME_SUFFIXES]
            if len(parts) >= 2:
                known.setdefault(parts[-1], Label.PERSON)
    out: list[_Found] = []
    for chunk in pending:
        for start, end in chunk.subspans:
            surface = text[start:end]
            label = known.get(surface)
            if label is not None and not (label != Label.PERSON and surface.lower() in lowercase):
                out.append(_Found(start, end, label, strong=False))
                break
    return out


def resolve_entities(
    articles: Sequence[Article], analyses: Mapping[str, ArticleAnalysis]
) -> tuple[list[Entity], dict[str, ArticleAnalysis]]:
    """Merge mentions across all articles into entities.

    Returns the entities and the analyses with ``Mention.entity`` and ``Quote.speaker`` filled.
    """
    from tuireader.core.ner_resolve import resolve

    return resolve(articles, analyses)
