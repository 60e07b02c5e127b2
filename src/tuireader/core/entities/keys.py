"""Normal forms of organisation, place, date and number mentions, and which short form joins which
long one ("EU" -> "European Union", "Acme" -> "Acme Holdings")."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from functools import lru_cache

from tuireader.core.entities.names import fold
from tuireader.core.entities.numbers import WORD_VALUES
from tuireader.core.text.tokens import NON_WORD_RE
from tuireader.model import Label, Mention

_LEAD_THE = re.compile(r"^(?:the|The)\s+")
_ORG_STOP = frozenset({"of", "the", "and", "for", "de", "la", "du", "des"})
# Countries English news names in several ways (normal forms, as ``value_key_of`` makes them).
_PLACE_SYNONYMS = {
    "us": "unitedstates",
    "usa": "unitedstates",
    "america": "unitedstates",
    "unitedstatesofamerica": "unitedstates",
    "uk": "unitedkingdom",
    "britain": "unitedkingdom",
    "greatbritain": "unitedkingdom",
}

# Parties English news names by their members or a nickname ("the GOP", "Democrats said"): one party.
_PARTY_SYNONYMS = {
    "gop": "republicanparty",
    "republicans": "republicanparty",
    "democrats": "democraticparty",
    "tories": "conservativeparty",
}


def thing_targets(
    keys: Mapping[tuple[Label, str], int], surfaces: set[str]
) -> dict[tuple[Label, str], tuple[Label, str]]:
    """Which key each short form merges into: "EU" -> "European Union", "Acme" -> "Acme Holdings",
    "Common Council" -> "Springfield Common Council" (only when exactly one long form fits)."""
    by_initials: dict[tuple[Label, str], list[tuple[Label, str]]] = defaultdict(list)
    words_of: dict[tuple[Label, str], tuple[str, ...]] = {}
    for surface in sorted(surfaces):  # a set: its order changes with the hash seed, the result must not
        words = tuple(w for w in (NON_WORD_RE.sub("", fold(p)) for p in _LEAD_THE.sub("", surface).split()) if w)
        for label in (Label.ORG, Label.PLACE):
            key = (label, "".join(words))
            if key in keys:
                if len(words) > len(
                    words_of.get(key, ())
                ):  # "Acme Rail" over "AcmeRail": the spelling that shows its words
                    words_of[key] = words
                initials = initials_of(surface) if len(words) >= 2 else ""
                if initials and key not in by_initials[(label, initials)]:
                    by_initials[(label, initials)].append(key)
    # Candidates are looked up, not scanned for: scanning every long form for every short key was
    # quadratic (44% of reopening 10,000 articles). Lists keep the order of the scans they replace.
    by_letters: dict[tuple[Label, str], list[tuple[Label, str]]] = defaultdict(list)
    for (label, initials), ks in by_initials.items():
        by_letters[(label, "".join(sorted(initials)))].extend(ks)
    order: dict[tuple[Label, str], int] = {}
    by_first: dict[str, list[tuple[Label, str]]] = defaultdict(list)
    by_last: dict[str, list[tuple[Label, str]]] = defaultdict(list)
    for k, w in words_of.items():
        if len(w) >= 2 and k[0] == Label.ORG:
            order[k] = len(order)
            by_first[w[0]].append(k)
            by_last[w[-1]].append(k)
    target: dict[tuple[Label, str], tuple[Label, str]] = {}
    camel: dict[str, list[str]] | None = None  # built on first need, once: not a scan per key
    for key, words in words_of.items():
        label, flat = key
        longs = by_initials.get((label, flat), []) if len(words) == 1 else []
        if not longs and len(words) == 1 and len(flat) >= 3:  # initials in another language's order
            longs = by_letters.get((label, "".join(sorted(flat))), [])
        if len(longs) != 1 and label == Label.ORG:
            # Prefix matches share the first word ("of" for an empty key, as the scan did), suffix ones the last
            # (also for one word: "the Times" and "The Daily Times", when only one long name ends so).
            candidates = by_first.get((*words, "of")[0], [])
            if len(words) >= 2 or len(by_last.get(words[-1] if words else "", [])) == 1:
                candidates = [*candidates, *by_last.get(words[-1] if words else "", [])]
            longs = [
                k
                for k in sorted(set(candidates), key=order.__getitem__)
                if k != key
                and len(words_of[k]) > len(words)
                and (
                    (words_of[k][:1] == words or words_of[k][-1:] == words)
                    if len(words) == 1
                    else words_of[k][-len(words) :] == words
                    or words_of[k][: len(words) + 1] == (*words, "of")  # "Central Bank" / "Central Bank of Kenya"
                    or _one_word_dropped(words, words_of[k])
                )
            ]
        if not longs and label == Label.ORG and len(words) == 1:
            if camel is None:
                camel = _camel_parts(surfaces)
            longs = _camel_longs(words[0], camel.get(words[0], []), words_of)
        if len(longs) == 1 and longs[0] != key:
            target[key] = longs[0]
    return target


_CAMEL_PART = re.compile(r"[A-Z][a-z]+")


def _camel_parts(surfaces: set[str]) -> dict[str, list[str]]:
    """Each one-word brand written in capitalised parts ("HarbCour"), by its folded form: its parts."""
    out: dict[str, list[str]] = {}
    for w in sorted(surfaces):
        parts = _CAMEL_PART.findall(w)
        if len(parts) >= 2:
            out.setdefault(NON_WORD_RE.sub("", fold(w)), [fold(p) for p in parts])
    return out


def _camel_longs(
    flat: str, parts: list[str], words_of: Mapping[tuple[Label, str], tuple[str, ...]]
) -> list[tuple[Label, str]]:
    """ "HarbCour" for "Harbour Courier", "FedRail" for "Federal Railways": a one-word brand whose capitalised
    parts begin the words of one longer organisation name."""
    if not parts or "".join(parts) != flat:
        return []
    return [
        k
        for k, w in words_of.items()
        if k[0] == Label.ORG
        and len(w) == len(parts)
        and k[1] != flat
        and all(word.startswith(part) for word, part in zip(w, parts, strict=True))
    ]


def _one_word_dropped(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """ "Harbour Affairs Committee" without "Committee", "Ashford State Police" without "State": the same
    body named with one word less, keeping its first word (two words at least)."""
    if len(short) < 2 or len(long) != len(short) + 1 or long[0] != short[0]:
        return False
    return any(long[:i] + long[i + 1 :] == short for i in range(1, len(long)))


def initials_of(text: str) -> str:
    words = [w for w in NON_WORD_RE.split(_LEAD_THE.sub("", text)) if w and w.lower() not in _ORG_STOP]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return fold("".join(w[0] for w in words))


def value_key(mention: Mention) -> str:
    return value_key_of(mention.label, mention.text)


@lru_cache(maxsize=65536)
def value_key_of(label: Label, text: str) -> str:
    text = _LEAD_THE.sub("", text)
    if label in (Label.DATE, Label.NUMBER):
        words = [str(WORD_VALUES.get(w, w)) for w in fold(text).replace(",", "").split()]
        return " ".join(words)
    key = NON_WORD_RE.sub("", fold(text))
    if label == Label.ORG:
        return _PARTY_SYNONYMS.get(key, key)
    return _PLACE_SYNONYMS.get(key, key) if label == Label.PLACE else key
