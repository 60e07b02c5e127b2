"""Content words and their lemmas, the vocabulary fact alignment compares.

Two reports of one fact rarely share their wording ("talks" / "negotiations", "met" / "held a
meeting"), so sentences are compared on stems (Porter2, via ``snowballstemmer``) after folding
irregular verb forms and a small set of generic news paraphrases onto one key. Nothing here is
about any particular story: the synonym sets are everyday newswire vocabulary.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import snowballstemmer

from tuireader.core.text.tokens import HONORIFICS, WORD_RE

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are aren't as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having he
    her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor
    not of off on once only or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves s t don now
    one ones upon via per yet still even though although whether among amid within without across around
    said says say saying told tells tell stated added according asked reported reports wrote
    """.split()
) | frozenset(HONORIFICS)

# Irregular forms the stemmer leaves apart.
IRREGULAR = {
    "met": "meet",
    "held": "hold",
    "took": "take",
    "taken": "take",
    "gave": "give",
    "given": "give",
    "began": "begin",
    "begun": "begin",
    "spoke": "speak",
    "spoken": "speak",
    "made": "make",
    "went": "go",
    "gone": "go",
    "came": "come",
    "left": "leave",
    "led": "lead",
    "won": "win",
    "lost": "lose",
    "fell": "fall",
    "fallen": "fall",
    "rose": "rise",
    "risen": "rise",
    "sent": "send",
    "sought": "seek",
    "brought": "bring",
    "thought": "think",
    "kept": "keep",
    "paid": "pay",
    "sold": "sell",
    "bought": "buy",
    "built": "build",
    "wrote": "write",
    "broke": "break",
    "broken": "break",
    "written": "write",
    "chose": "choose",
    "chosen": "choose",
    "killed": "kill",
    "dead": "die",
    "died": "die",
    "deaths": "die",
    "death": "die",
    "children": "child",
    "people": "person",
    "men": "man",
    "women": "woman",
}

# Generic newswire paraphrases folded onto one key (the first word of each set).
SYNONYM_SETS = (
    "ceasefire truce armistice",
    "talks negotiations negotiating negotiate negotiated talk",
    "agreement deal accord pact agree agreed",
    "exchange swap",
    "meeting summit",
    "war conflict fighting hostilities",
    "president leader",
    "official officials spokesman spokeswoman spokesperson",
    "phone telephone call",
    "killed dead died deaths death",
    "wounded injured",
    "announce announced announcement",
    "attack strike assault",
    "lawmakers legislators",
    "begin start started began begun",
    "end ended ending finish",
    "rise increase increased rose",
    "fall drop decline decrease fell",
    "company firm",
    "review investigation inquiry probe",
    "acquisition takeover purchase buyout acquire",
    "resign resignation quit",
    "arrest arrested detained detain",
    "fire blaze",
    "storm hurricane",
    "vote ballot",
    "approve approved approval",
    "reject rejected refuse refused",
)

_STEMMER = snowballstemmer.stemmer("english")


def _build_synonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in SYNONYM_SETS:
        words = line.split()
        head = _STEMMER.stemWord(IRREGULAR.get(words[0], words[0]))
        for word in words:
            table[_STEMMER.stemWord(IRREGULAR.get(word, word))] = head
    return table


_SYNONYMS = _build_synonyms()
_BREAK = _STEMMER.stemWord("break")
_BEGIN = _SYNONYMS[_STEMMER.stemWord("begin")]


_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})


def plain(text: str, letters: bool = False) -> str:
    """Without accents ("Marín" is "Marin"); with ``letters`` also without letters foreign to English
    ("Sølberg" is "Solberg"): a fair match for similarity, but a spelling difference worth showing."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS) if letters else text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(word: str) -> str:
    """Lowercase, strip accents, straighten apostrophes, drop a possessive ending."""
    low = plain(word.lower()).replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    elif low.endswith("'"):
        low = low[:-1]
    return low


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The comparison key of one word: folded, irregulars resolved, stemmed, synonyms merged."""
    low = plain(fold(word), letters=True)
    if not low:
        return low
    if low[0].isdigit():
        return low.replace(",", "")
    low = IRREGULAR.get(low, low)
    stem: str = _STEMMER.stemWord(low)
    if stem.endswith("ment") and len(stem) > 7:  # "settlement" ~ "settle", "agreement" ~ "agree"
        stem = _STEMMER.stemWord(stem[:-4])
    return _SYNONYMS.get(stem, stem)


def is_content(word: str) -> bool:
    low = fold(word)
    return bool(low) and low not in STOPWORDS and (len(low) > 1 or low.isdigit())


@lru_cache(maxsize=200_000)
def _content(word: str) -> tuple[str, ...]:
    """The lemmas a word contributes: none for a stopword, its parts' for a hyphenated word."""
    if "-" in word and not word[0].isdigit():
        return tuple(lemma(p) for p in word.split("-") if p and is_content(p))
    return (lemma(word),) if is_content(word) else ()


def content_lemmas(text: str) -> list[str]:
    """Lemmas of the content words of ``text``, in order (hyphenated words also give their parts)."""
    out: list[str] = []
    for word in WORD_RE.findall(text):
        if out and out[-1] == _BREAK and word.lower() == "out":
            out[-1] = _BEGIN  # "broke out" is how fires, wars and fighting begin
            continue
        out.extend(_content(word))
    return out


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Words of ``text[start:end]`` as (start, end, word) with offsets into ``text``."""
    stop = len(text) if end is None else end
    return [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text, start, stop)]
