"""Tokens and capitalised chunks: the candidates the entity rules decide on.

One regex pass gives word and punctuation tokens with offsets; each word knows whether it starts
a sentence (capitalisation there is no evidence of a name), whether it sits in a heading, and
where its possessive ends ("Doe’s" names "Doe"). A chunk is a run of capitalised words joined
only by spaces, with name particles ("von der") and, inside organisation names and titles, "of".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from tuireader.core.entities import gazetteer as gz
from tuireader.core.entities.rules import (
    LEADING_PLACE_HEADS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    ORG_HEADS,
    PLACE_HEADS,
    TITLE_HEADS,
    TITLES,
)
from tuireader.model import Span

_TOKEN = re.compile(
    r"(?P<init>(?:[^\W\d_]\.){2,})"
    r"|(?P<word>[^\W_][\w]*(?:['’\-][\w]+)*)"
    r"|(?P<para>\n[ \t]*\n)"
    r"|(?P<punct>[^\w\s])"
)
_ABBREVIATIONS = frozenset(
    w for w in TITLES | NAME_SUFFIXES | ORG_HEADS | {"St.", "Mt.", "Ave.", "Ft."} if w.endswith(".")
)
_BOUNDARY = frozenset(".!?…:;")
_TRANSPARENT = frozenset("“\"‘'(—–-[«»„*_")
_POSSESSIVE = ("'s", "’s", "'S", "’S")
_JOINERS = frozenset({"of", "for", "and", "on"})
_ON_HEADS = frozenset("Council Committee Commission Conference Panel Subcommittee Forum Institute Center".split())
# After initials with a full stop ("the U.S. In a statement"), one of these starts a new sentence.
_SENTENCE_OPENERS = frozenset(
    """in on at the a an but and or it its this that these those there they he she we i as after before when
    while if for by with from to of so yet however meanwhile also still then now since until though although
    because despite during under over among""".split()
)
_COMPOUND_TAILS = frozenset(
    "based led backed born owned run controlled bound style made funded friendly speaking held occupied "
    "registered listed era wide allied aligned linked sponsored brokered headquartered".split()
)


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    word: bool
    initial: bool = False  # first word of a sentence or paragraph
    heading: bool = False
    blocked: bool = False  # inside a date or number mention
    possessive: bool = False
    name_end: int = 0  # end without a possessive "’s"

    @property
    def name(self) -> str:
        return self.text[: self.name_end - self.start]

    @property
    def capitalised(self) -> bool:
        """ "Doe", and also "d’Arc", "O'Neil"-style elided particles before a capital."""
        text = self.text
        if text[:1].isupper():
            return self.word
        # "d’Arc", "al-Jubeir", "el-Sisi": a lower-case particle joined to a capitalised name.
        cut = next((i for i, c in enumerate(text[:4]) if c in "'’-"), -1)
        return self.word and 0 < cut < len(text) - 1 and text[cut + 1].isupper()


@dataclass(slots=True)
class Chunk:
    first: int  # token indices, inclusive
    last: int
    subspans: list[tuple[int, int]] = field(default_factory=list)


def tokenize(text: str, headings: Sequence[Span], blocked: Sequence[tuple[int, int]]) -> list[Token]:
    tokens: list[Token] = []
    boundary = True
    blocks = sorted(blocked)
    b = 0
    heads = sorted((h.start, h.end) for h in headings)
    h = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        start, end = match.span()
        if kind == "para":
            boundary = True
            tokens.append(Token("\n", start, end, word=False, name_end=end))
            continue
        if tokens and start < tokens[-1].end:
            continue  # the period of an abbreviation already taken ("St.")
        if kind == "punct":
            char = match.group()
            opens = char in "“‘«„" or (
                char in "\"'" and (start == 0 or text[start - 1].isspace()) and end < len(text) and text[end].isalnum()
            )
            if char in _BOUNDARY or opens:  # a quotation starts a sentence of its own
                boundary = True
            elif char not in _TRANSPARENT and char not in "”’)]":
                boundary = False
            tokens.append(Token(char, start, end, word=False, name_end=end))
            continue
        word = match.group()
        if (
            end < len(text)
            and text[end] == "."
            and (word + "." in _ABBREVIATIONS or (len(word) == 1 and word.isupper()))
        ):
            end += 1
            word += "."
        if kind == "word" and tokens and tokens[-1].text.count(".") >= 2 and word.lower() in _SENTENCE_OPENERS:
            boundary = boundary or (word[:1].isupper() and tokens[-1].word and tokens[-1].end == start - 1)
        token = Token(word, start, end, word=True, initial=boundary, name_end=end)
        boundary = False
        if word.endswith(_POSSESSIVE) and len(word) > 2:
            token.possessive = True
            token.name_end = end - 2
        elif "-" in word and word.rsplit("-", 1)[1] in _COMPOUND_TAILS:
            token.possessive = True  # "Oslo-based": the name ends at the hyphen, and so does the chunk
            token.name_end = start + word.rindex("-")
        while b < len(blocks) and blocks[b][1] <= start:
            b += 1
        token.blocked = b < len(blocks) and blocks[b][0] < end
        while h < len(heads) and heads[h][1] <= start:
            h += 1
        token.heading = h < len(heads) and heads[h][0] <= start
        tokens.append(token)
    return tokens


_EMPHATIC_ZIPF = 2.5  # an English word at least this common, written in capitals as a verb


def _is_name_token(token: Token) -> bool:
    return token.capitalised and not token.blocked


def _emphatic(tokens: Sequence[Token], k: int) -> bool:
    """A verb in capitals after a name in ordinary case, as online headlines write them ("Jo Roe SHREDS
    Rival", "Ex-Mayor TORCHES Successor"): an inflected English word, not an acronym."""
    word = tokens[k].text
    if len(word) < 5 or not (word.isupper() and word.isalpha()) or k == 0:
        return False
    prev = tokens[k - 1]
    if not (prev.word and prev.text[:1].isupper() and not prev.text.isupper()):
        return False
    lower = word.lower()
    return lower.endswith(("ed", "es", "s", "ing")) and gz.english_frequency(lower) >= _EMPHATIC_ZIPF


def chunks(tokens: Sequence[Token]) -> list[Chunk]:
    out: list[Chunk] = []
    i, n = 0, len(tokens)
    while i < n:
        if not _is_name_token(tokens[i]) or _emphatic(tokens, i):
            i += 1
            continue
        first = j = i
        while not tokens[j].possessive and j + 1 < n:
            nxt = tokens[j + 1]
            if _is_name_token(nxt) and _adjacent(tokens[j], nxt) and not nxt.initial and not _emphatic(tokens, j + 1):
                j += 1
                continue
            k = j + 1
            while k < n and k - j <= 3 and tokens[k].text in NAME_PARTICLES and _adjacent(tokens[k - 1], tokens[k]):
                k += 1
            if k > j + 1 and k < n and _is_name_token(tokens[k]) and _adjacent(tokens[k - 1], tokens[k]):
                j = k  # "Ursula von der Leyen"
                continue
            if (
                nxt.text == "of"
                and j + 3 < n
                and tokens[j + 2].text == "the"
                and _is_name_token(tokens[j + 3])
                and not tokens[j + 3].initial
                and (tokens[j].text in TITLE_HEADS or tokens[j].text in ORG_HEADS)
                and _adjacent(tokens[j], nxt)
                and _adjacent(nxt, tokens[j + 2])
                and _adjacent(tokens[j + 2], tokens[j + 3])
                and _joins(tokens, first, j, "of", tokens[j + 3].text)
            ):
                j += 3  # "Speaker of the House", "Ministry of the Interior": a title or a body with its portfolio
                continue
            if (
                nxt.word
                and j + 2 < n
                and _is_name_token(tokens[j + 2])
                and _adjacent(tokens[j], nxt)
                and (_adjacent(nxt, tokens[j + 2]) and _joins(tokens, first, j, nxt.text, tokens[j + 2].text))
            ):
                j += 2
                continue
            break
        out.append(Chunk(first, j, _subspans(tokens, first, j)))
        i = j + 1
    return out


def _adjacent(a: Token, b: Token) -> bool:
    """Only spaces (or one wrapped line) between two tokens."""
    gap = b.start - a.end
    return 1 <= gap <= 2


def _joins(tokens: Sequence[Token], first: int, last: int, connector: str, following: str) -> bool:
    if connector not in _JOINERS:
        return False
    current = tokens[last].text
    if connector == "on":  # "Council on Coastal Affairs", "Committee on Roads and Rails" (not "Senate on Ruritania")
        return current in _ON_HEADS
    if connector == "and":
        # "Hale and Dorr Group", not two bodies "Senate Harbour Affairs and Senate Fisheries"
        words = {tokens[k].text for k in range(first, last + 1)}
        # nor a person's title and name and the next one ("Senate President Jo Roe and House Speaker Al Poe")
        return (
            any(w in ORG_HEADS for w in words)
            and not any(w in TITLE_HEADS for w in words)
            and following not in words
            and following not in ORG_HEADS
        )
    if current in ORG_HEADS or current in LEADING_PLACE_HEADS or current in PLACE_HEADS:
        return True  # "Ministry of Health", "Gulf of Aden", "Port of Antwerp"
    # "Secretary of State", "Minister for Digital Affairs"; not "President of Chile" (a place).
    return current in TITLE_HEADS and not gz.is_country(following) and not gz.is_big_city(following)


def _subspans(tokens: Sequence[Token], first: int, last: int) -> list[tuple[int, int]]:
    """Candidate spans for matching known names: the chunk, its tails, its heads, then single words."""
    spans = [(tokens[k].start, tokens[last].name_end) for k in range(first, last + 1) if tokens[k].capitalised]
    # Heads, longest first: "Jan Roe Jr." in a headline "Jan Roe Jr. Wins The Vote".
    spans.extend((tokens[first].start, tokens[k].name_end) for k in range(last - 1, first, -1) if tokens[k].capitalised)
    spans.extend((tokens[k].start, tokens[k].name_end) for k in range(first, last) if tokens[k].capitalised)
    return spans
