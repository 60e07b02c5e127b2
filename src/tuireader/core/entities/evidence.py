"""Small tests of evidence the entity rules combine: is this word name-like, a demonym, a title,
an ordinary English word; does a speech verb or a dateline surround it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tuireader.core.entities import gazetteer as gz
from tuireader.core.entities.chunks import Token
from tuireader.core.entities.rules import (
    KNOWN_ACRONYMS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    ORG_HEADS,
    PLACE_ACRONYMS,
    SPEECH_VERBS,
    TITLE_CONNECTORS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    TITLE_TAILS,
    TITLES,
)
from tuireader.core.text.common_words import COMMON_WORDS

SPEECH_BRIDGE = frozenset(
    "has had have also later then previously earlier again reportedly repeatedly "
    "publicly privately once recently separately first".split()
)
COMMON_ZIPF = 4.5  # wordfreq Zipf: "red" 5.2, "cross" 4.6, unusual surnames < 3
INITIAL_ZIPF = 4.0  # a sentence-initial "Advocates said" is a common noun; "Okonjo said" is a name
RARE_ZIPF = 3.0
# "in nearby X", "to suburban X": a word between a place preposition and a place name
PLACE_ADJECTIVES = frozenset("nearby neighbouring neighboring suburban downtown rural".split())
INSIDE_PREPOSITIONS = frozenset("in near outside around across toward towards throughout".split())
PLACE_PREPOSITIONS = frozenset("in from to near outside across at into toward towards via around".split())


def word(tokens: Sequence[Token], index: int) -> str:
    return tokens[index].text if 0 <= index < len(tokens) else ""


def follows_speech(tokens: Sequence[Token], after: int) -> bool:
    nxt = word(tokens, after)
    if nxt in SPEECH_VERBS:
        return True
    return nxt in SPEECH_BRIDGE and word(tokens, after + 1) in SPEECH_VERBS


def precedes_speech(tokens: Sequence[Token], before: int, after: int) -> bool:
    """Whether the name ends a "said X." inversion or follows "according to"."""
    prev = word(tokens, before)
    if prev == "to" and word(tokens, before - 1).lower() == "according":
        return True
    closes = after >= len(tokens) or not tokens[after].word
    return closes and prev in {"said", "says", "added", "wrote", "asked", "stated", "insisted", "argued"}


# "OSLO —", "OSLO/BERGEN (Wire) —", "ASHFORD, N.H. —", "ASHFORD, Ore. --"
DATELINE = re.compile(
    r"(?:/[A-Z][A-Z ]+)?(?:,\s*[A-Z][A-Za-z.]{1,12}(?:\s[A-Z][A-Za-z.]{1,12})?)?"
    r"\s*(?:\([^)\n]{1,40}\)\s*)?(?:—|–|--|-|:)"
)


def paragraph_start(text: str, start: int) -> bool:
    return start == 0 or text[max(0, start - 2) : start].endswith("\n")


def dateline_follows(text: str, end: int) -> bool:
    return DATELINE.match(text, end) is not None


def looks_acronym(word: str) -> bool:
    bare = word.replace(".", "")
    return 2 <= len(bare) <= 6 and bare.isupper() and bare.isalpha() and not ROMAN.fullmatch(bare)


ROMAN = re.compile(r"[IVXLC]+")


def is_place(name: str, prev_word: str) -> bool:
    if gz.is_country(name) or gz.is_big_city(name) or name in PLACE_ACRONYMS:
        return True
    if prev_word in {"the", "The"} and gz.is_big_city("The " + name):
        return True
    return prev_word in PLACE_PREPOSITIONS and gz.is_city(name)


def capitalised(word: str) -> bool:
    """ "Roe", and particle-joined forms like "al-Jubeir", "d’Arc"."""
    if word[:1].isupper():
        return True
    cut = next((i for i, c in enumerate(word[:4]) if c in "'’-"), -1)
    return 0 < cut < len(word) - 1 and word[cut + 1].isupper()


def name_like(words: Sequence[str], lead_particle: bool = False) -> bool:
    """Every word could be part of a personal name (``lead_particle``: a surname like "von der Leyen")."""
    if not words:
        return False
    for i, w in enumerate(words):
        if w in NAME_PARTICLES and (i > 0 or lead_particle) and i < len(words) - 1:
            continue
        if w in NAME_SUFFIXES and i > 0:
            continue
        if not capitalised(w) or w in TITLES or w in ORG_HEADS:
            return False
        if w.lower() in COMMON_WORDS and not (i == 0 and len(words) > 1 and w in gz.any_given_names()):
            return False
        if w in gz.demonyms() or (len(w) > 2 and w.isupper() and "." not in w):
            return False
    return True


def ordinary_word(word: str) -> bool:
    """A common English word (or the plural of one): "Advocates", "Residents"."""
    if gz.english_frequency(word) >= INITIAL_ZIPF:
        return True
    return word.endswith("s") and gz.english_frequency(word[:-1]) >= INITIAL_ZIPF - 0.5


def demonym(name: str) -> bool:
    """ "Chilean", "Chileans", "Chilean’s"."""
    demonyms = gz.demonyms()
    return name in demonyms or (name.endswith("s") and name[:-1] in demonyms)


def title_end(words: Sequence[str]) -> int:
    """Index of the last word of a title before a name ("Minister of Infrastructure | Jan Roe"), or -1."""
    title_end = -1
    given = gz.given_names()
    started = False
    i = 0
    while i < len(words) - 1:
        word = words[i]
        if word in TITLE_HEADS:
            title_end = i
            started = True
        elif word in TITLE_CONNECTORS and title_end == i - 1 and title_end >= 0:
            # A portfolio: capitalised words up to the name, which keeps at least its last two words.
            j = i + 1
            while j < len(words) - 1 and words[j] not in given and (words[j] in TITLES or len(words) - j > 2):
                j += 1
            if j == i + 1:
                break
            title_end = j - 1
            i = j
            continue
        elif word in TITLE_TAILS and title_end == i - 1:
            title_end = i  # "Senate President Pro Tem | Jo Roe"
        elif word in TITLE_MODIFIERS:
            started = True
        elif started and any(w in TITLE_HEADS for w in words[i + 1 : min(i + 3, len(words) - 1)]):
            pass  # "Chief Fire Officer", "Deputy Regional Health Commissioner"
        elif started:
            break
        i += 1
    return title_end


def looks_person(words: Sequence[str]) -> bool:
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
