"""Personal names: parts, normal forms and when two spellings can be one person.

Outlets spell the same person differently (transliteration: "-sky"/"-skyy"; initials: "J.D."/"JD";
a first name with C in one outlet and K in another). Two names are taken to be one person when
their surnames are close (Jaro-Winkler, or equal after a phonetic folding) AND their given names
are compatible (equal, an initial of the other, or a phonetic variant) AND their generational
suffixes agree ("Jr." is someone else).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler

from tuireader.core.entities.rules import NAME_PARTICLES, NAME_SUFFIXES, TITLES

SURNAME_SIMILARITY = 0.92  # Jaro-Winkler; "Mathews"/"Matthews" 0.97, "Johnson"/"Jackson" 0.74
GIVEN_SIMILARITY = 0.90

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_PHONETIC = (
    ("ph", "f"),
    ("ck", "k"),
    ("kh", "h"),
    ("w", "v"),
    ("y", "i"),
    ("j", "i"),
    ("q", "k"),
    ("x", "ks"),
)
_DOUBLE = re.compile(r"(.)\1+")


_LETTERS = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "ı": "i",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "ð": "d",
        "’": "'",
    }
)


def fold(text: str) -> str:
    """Lower-case ASCII-ish: accents dropped ("Erdoğan" -> "erdogan", "Sølberg" -> "solberg")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def slug(text: str) -> str:
    return _NON_ALNUM.sub("-", fold(text)).strip("-") or "x"


@lru_cache(maxsize=65536)
def phonetic(word: str) -> str:
    """A coarse spelling key for transliteration variants: "Tchaikovskyy" and "Tchaikovsky" share one."""
    key = _NON_ALNUM.sub("", fold(word))
    if key.startswith("c") and not key.startswith("ch"):
        key = "k" + key[1:]
    for old, new in _PHONETIC:
        key = key.replace(old, new)
    return _DOUBLE.sub(r"\1", key)


_JOINED_PARTICLES = frozenset("al el ad ash as at ar an az ud d l".split())


@dataclass(frozen=True, slots=True)
class PersonName:
    given: tuple[str, ...]  # normalised: "JD" for "J.D.", "Jane"
    surname: str  # as written, particles included: "von der Leyen"
    suffix: str  # "jr", "iii" or ""

    @property
    def full(self) -> bool:
        return bool(self.given)

    @property
    def surname_key(self) -> str:
        """The last word of the surname without a joined particle: "al-Jubeir" -> "jubeir"."""
        if not self.surname:
            return ""
        last = fold(self.surname.split()[-1])
        cut = next((i for i, c in enumerate(last[:4]) if c in "'-"), -1)
        if 0 < cut < len(last) - 1 and last[:cut] in _JOINED_PARTICLES:
            last = last[cut + 1 :]
        return last


@lru_cache(maxsize=65536)
def parse(surface: str) -> PersonName:
    """Split a person mention into given names, surname and suffix; titles are dropped."""
    words = [w for w in surface.replace(",", " ").split() if w]
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    suffix = ""
    while len(words) > 1 and (words[-1] in NAME_SUFFIXES or words[-1].rstrip(".") in NAME_SUFFIXES):
        suffix = fold(words[-1].rstrip("."))
        words = words[:-1]
    if not words:
        return PersonName((), surface, "")
    # Particles belong to the surname: "Ursula von der Leyen" -> surname "von der Leyen".
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in NAME_PARTICLES:
        cut -= 1
    given = tuple(_normal_given(part) for w in words[:cut] for part in _split_given(w))
    return PersonName(given, " ".join(words[cut:]), suffix)


def _split_given(word: str) -> list[str]:
    """ "Marie-Claire" -> ["Marie", "Claire"] so it meets "Marie Claire"; initials stay whole."""
    if "-" in word and "." not in word and all(p[:1].isupper() for p in word.split("-") if p):
        return [p for p in word.split("-") if p]
    return [word]


def _normal_given(word: str) -> str:
    bare = word.replace(".", "").replace("-", "")
    if word.count(".") >= 1 and len(bare) <= 3 and bare.isalpha():
        return bare.upper()
    if len(bare) <= 3 and bare.isupper():
        return bare
    return word


def _is_initials(word: str) -> bool:
    return len(word) <= 3 and word.isupper()


def given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return True
    x, y = a[0], b[0]
    if x == y:
        return True
    if _is_initials(x) or _is_initials(y):
        xi = x if _is_initials(x) else "".join(w[0] for w in a).upper()
        yi = y if _is_initials(y) else "".join(w[0] for w in b).upper()
        return xi[0] == yi[0] and (xi.startswith(yi) or yi.startswith(xi))
    px, py = phonetic(x), phonetic(y)
    if px == py or (px[:1] == py[:1] and JaroWinkler.normalized_similarity(px, py) >= GIVEN_SIMILARITY):
        return True
    return _nickname(fold(x), fold(y))


# Common English short forms that do not share a prefix with the full name. Generic, not story data.
_NICKNAMES = {
    "bob": "robert",
    "bobby": "robert",
    "bill": "william",
    "billy": "william",
    "will": "william",
    "liam": "william",
    "dick": "richard",
    "rick": "richard",
    "jim": "james",
    "jimmy": "james",
    "jack": "john",
    "johnny": "john",
    "ted": "edward",
    "ned": "edward",
    "chuck": "charles",
    "hank": "henry",
    "harry": "henry",
    "peggy": "margaret",
    "meg": "margaret",
    "maggie": "margaret",
    "betty": "elizabeth",
    "liz": "elizabeth",
    "beth": "elizabeth",
    "bess": "elizabeth",
    "tony": "anthony",
    "sandy": "alexandra",
    "sasha": "alexander",
    "misha": "mikhail",
    "dima": "dmitry",
    "kolya": "nikolai",
    "vova": "vladimir",
    "tom": "thomas",
    "jerry": "gerald",
    "larry": "lawrence",
    "mike": "michael",
    "steve": "stephen",
    "kate": "katherine",
    "kathy": "katherine",
    "cathy": "catherine",
    "sally": "sarah",
    "polly": "mary",
    "molly": "mary",
    "jenny": "jennifer",
    "joe": "joseph",
    "pat": "patrick",
    "ken": "kenneth",
}


def _nickname(x: str, y: str) -> bool:
    """ "Bob"/"Robert", "Dan"/"Daniel": a known short form, or a 3+ letter prefix of the other name."""
    short, full = (x, y) if len(x) <= len(y) else (y, x)
    if _NICKNAMES.get(short) == full or _NICKNAMES.get(short, "-")[:4] == full[:4]:
        return True
    return 3 <= len(short) <= 4 and full.startswith(short)


def surnames_match(a: str, b: str) -> float:
    """Similarity of two surname keys (0 when they should not merge)."""
    if a == b:
        return 1.0
    if phonetic(a) == phonetic(b):
        return 0.99
    score = JaroWinkler.normalized_similarity(a, b)
    return score if score >= SURNAME_SIMILARITY else 0.0


def same_person(a: PersonName, b: PersonName) -> bool:
    if a.suffix != b.suffix or not given_compatible(a.given, b.given):
        return False
    if surnames_match(a.surname_key, b.surname_key) > 0:
        return True
    # Two surnames, one dropped: "Rosa Quispe" and "Rosa Quispe Huamán".
    return any(surnames_match(x.surname_key, fold(y.given[-1])) > 0 for x, y in ((a, b), (b, a)) if len(y.given) > 1)


def second_surname_key(name: PersonName) -> str:
    """The middle word of a three-word name, which may be a first surname ("Quispe" in "Rosa Quispe Huamán")."""
    if len(name.given) > 1 and len(name.given[-1]) > 3 and not name.given[-1].isupper():
        return fold(name.given[-1])
    return ""
