"""The text around quotations, prepared for finding who said them.

Attribution is read from the words outside quotation marks, so the quoted words are masked out
(same length, so offsets still index ``Article.text``): a name or a "said" inside a quotation can
then never be taken for the speaker or the cue. Sentences are found on the masked text too, which
keeps a multi-sentence quotation and its attribution in one unit. The sentence finder is a small
abbreviation-aware scan rather than pysbd (``text.segment.clause_spans``): attribution only needs
clause-sized windows, and it must stay within the time budget of a few milliseconds per article.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from tuireader.core.text.dates import MONTH_NAMES, RELATIVE_DAYS, WEEKDAY_NAMES
from tuireader.core.text.quote_marks import QuotedPassage
from tuireader.core.text.tokens import HONORIFICS
from tuireader.model import Label, Mention, Span

MASK = "\u2592"  # stands in for quoted words; not a letter, not punctuation

# Speech verbs: the speaker is their subject ("X said", "said X"). Each verb is used in every
# tense a report writes it in (past, "-s", "-ing"), so a verb the list knows in one form is known
# in all: "pledges" and "tweets" as well as "pledged" and "tweeted".
_SPEECH_LEMMAS = """accuse acknowledge add admit affirm agree allege announce answer argue ask assert assure
    bark blame blast boast boom brag caution chant charge chide cite claim comment complain concede conclude
    condemn confirm contend continue convey counter crack criticise criticize declare demand demur disagree echo
    emphasise emphasize exclaim exhort explain express fume growl gush hail holler insist interject interrupt intone
    joke lament laugh lecture maintain marvel mention message mock murmur muse note observe opine plead pledge post
    praise predict proclaim promise quip react recall recommend recount reiterate remark remember repeat reply
    report respond retort riff scoff scold scream shout sigh snap sneer state stress suggest tease testify text
    thunder tweet urge voice vow warn whisper wonder yell""".split()
# Final consonants doubled before -ed and -ing ("bragged", "admitted"); not "murmured", "answered".
_DOUBLED = frozenset("admit brag demur quip riff snap".split())
# Nouns first: their "-s" form is more often a plural than a verb ("her tweets", "the remarks").
_NOUN_FIRST = frozenset(
    """answer charge comment counter crack demand joke laugh lament message post pledge promise remark shout
    sigh text tweet vow boast chant echo voice""".split()
)
_IRREGULAR_SPEECH = "said says say saying told tells telling wrote written write writes writing sang sings".split()


def _inflections(lemma: str) -> set[str]:
    """The "-s", past and "-ing" forms of a regular English verb."""
    consonant_y = lemma.endswith("y") and lemma[-2:-1] not in tuple("aeiou")
    stem = lemma + lemma[-1] if lemma in _DOUBLED and not lemma.endswith("ff") else lemma
    if consonant_y:
        third, past = lemma[:-1] + "ies", lemma[:-1] + "ied"
    else:
        third = lemma + ("es" if lemma.endswith(("s", "x", "z", "ch", "sh", "o")) else "s")
        past = lemma + "d" if lemma.endswith("e") else stem + "ed"
    ing = lemma[:-1] + "ing" if lemma.endswith("e") and not lemma.endswith("ee") else stem + "ing"
    forms = {past, ing}
    if lemma not in _NOUN_FIRST:
        forms.add(third)
    return forms


SPEECH_CUES = frozenset(
    {form for lemma in _SPEECH_LEMMAS for form in _inflections(lemma)}
    | {*_IRREGULAR_SPEECH, "quip", "quips", "claims", "reports", "notes", "states", "booms"}
)
# Naming verbs: "Smith called it a 'bloodbath'". They attribute a word, not a statement.
NAMING_CUES = frozenset(
    """called calls calling described describes describing dubbed dubs termed labelled labeled labeling labelling
    branded characterised characterized characterises characterizes""".split()
)
_WORD = re.compile(r"(?<![-\w])[A-Za-z]+\b")
# Multi-word cues, keyed by their first word, with the rest that must follow it.
_PHRASES = {
    "according": ("according to", re.compile(r"\s+to\b")),
    "According": ("according to", re.compile(r"\s+to\b")),
    "in": ("in the words of", re.compile(r"\s+the\s+words\s+of\b")),
    "In": ("in the words of", re.compile(r"\s+the\s+words\s+of\b")),
    "put": ("put it", re.compile(r"\s+it\b")),
    "puts": ("puts it", re.compile(r"\s+it\b")),
    "shot": ("shot back", re.compile(r"\s+back\b")),
    "fired": ("fired back", re.compile(r"\s+back\b")),
    "hit": ("hit back", re.compile(r"\s+back\b")),
    "went": ("went on", re.compile(r"\s+on\b(?!\s+(?:to|a|an|the)\b)")),
    "pointed": ("pointed out", re.compile(r"\s+out\b")),
    "points": ("points out", re.compile(r"\s+out\b")),
}
_CUE_WORDS = SPEECH_CUES | NAMING_CUES
# The plain form of a speech verb is a cue only after a quotation and a plural subject: '"...," the
# ministers state in the paper', '"...," critics argue'. Elsewhere it is an infinitive or a noun ("to
# state", "the state").
_PLAIN_SPEECH = frozenset(_SPEECH_LEMMAS) - {"say", "post", "text", "tweet", "message", "comment"}
_PLURAL_AFTER_QUOTE = re.compile(
    MASK + r"[\"”’'»]\s*,?\s*(?:(?:the|some|many|most|both|all|other)\s+)?(?:[A-Za-z][-\w]*\s+)?"
    r"(?:[A-Za-z][-\w]*[a-rt-z]s|they|we)\s+$"
)
# Cues whose speaker comes after them: "according to X", "in the words of X".
SUBJECT_AFTER = frozenset({"according to", "in the words of"})
# A cue word after one of these is a noun ("the call", "his remarks", "member states").
_NOUN_BEFORE = re.compile(
    r"\b(?:a|an|the|his|her|their|its|our|my|your|these|those|such|new|phone|any|no|of|whose|two|several|more)\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue word or phrase used as a verb: ``word`` is lower-cased ("said", "according to")."""

    start: int
    end: int
    word: str


def cues(masked: str, lo: int, hi: int) -> list[Cue]:
    """Cue words between ``lo`` and ``hi`` that are used as verbs (a word scan and a set lookup: fast)."""
    out: list[Cue] = []
    for m in _WORD.finditer(masked, lo, hi):
        word = m.group()
        if word in _CUE_WORDS:
            cue = Cue(m.start(), m.end(), word)
        elif word[:1].isupper() and word.lower() in SPEECH_CUES and _clause_start(masked, m.start()):
            cue = Cue(m.start(), m.end(), word.lower())  # "Added Roe: '...'", "Continued the senator: '...'"
        elif word in _PLAIN_SPEECH and _PLURAL_AFTER_QUOTE.search(masked, max(0, m.start() - 60), m.start()):
            cue = Cue(m.start(), m.end(), word)
        elif word in _PHRASES:
            name, rest = _PHRASES[word]
            tail = rest.match(masked, m.end(), hi)
            if tail is None:
                continue
            cue = Cue(m.start(), tail.end(), name)
        else:
            continue
        if not _NOUN_BEFORE.search(masked, max(0, cue.start - 12), cue.start):
            out.append(cue)
    return out


def _clause_start(masked: str, pos: int) -> bool:
    """Whether only spaces, and before them a sentence end, a paragraph break or nothing, precede ``pos``."""
    i = pos - 1
    while i >= 0 and masked[i] in " \t":
        i -= 1
    if i > 0 and masked[i] in "\"”’'»" and masked[i - 1] == MASK:
        return True  # '"... was not good." Adding, "..."': a quotation ends the sentence before
    return i < 0 or masked[i] in ".!?\n"


PRONOUNS = frozenset("he she they it we i".split())
# Words that are not themselves names when capitalised at the start of a clause.
NOT_NAMES = frozenset(
    """the a an in on at for from by with as of to and but or if when while after before since during
    this that these those it its he she they we i his her their our my your speaking asked according
    however meanwhile also still yet then there here what who which where why how
    critics officials analysts residents experts witnesses police protesters fans opponents supporters
    observers investors economists diplomats sources authorities officers doctors nurses teachers workers
    employees lawmakers legislators voters parents students scientists researchers activists locals
    villagers neighbours neighbors prosecutors aides advisers executives leaders ministers members
    scholars historians campaigners unions shareholders customers passengers riders drivers farmers
    among despite although though because unlike like until through across inside outside near behind
    within without along amid following under over about above below between beyond toward towards
    against alongside since during except instead once unless whether both either neither each every all many most
    several some such other another asked speaking hundreds thousands dozens millions scores few
    now so thus instead indeed first finally
    again perhaps maybe yes well oh besides otherwise overall similarly likewise nonetheless nevertheless
    regardless hence therefore eventually ultimately recently currently later earlier separately even just only
    almost nearly shortly soon once back""".split()
) | frozenset((*HONORIFICS, *WEEKDAY_NAMES, *RELATIVE_DAYS, *(m for m in MONTH_NAMES if m not in ("may", "august"))))
# Words that stand before a name and are not part of it ("Finnish President Alexander Stubb").
TITLE_WORDS = frozenset(
    """president vice prime minister secretary chancellor senator sen sen. rep rep. representative
    gov gov. governor mayor king queen prince princess pope general gen gen. lt lt. col col. capt capt.
    prof prof. judge justice chief executive officer director chairman
    chairwoman chair commissioner ambassador deputy acting former spokesman spokeswoman spokesperson
    leader speaker lord lady sir dame bishop cardinal rabbi imam coach captain sergeant attorney state
    adviser advisor aide ceo minister premier envoy foreign defence defense interior finance health
    treasury press senior councillor councilor councilman councilwoman alderman inspector detective
    superintendent constable officer manager professor sheriff marshal commander colonel
    lieutenant admiral archbishop reverend father sister brother dean principal
    striker goalkeeper defender midfielder forward nurse doctor economist farmer engineer lawyer analyst
    author novelist poet artist singer actor actress player driver pilot teacher scientist researcher
    historian activist businessman businesswoman billionaire entrepreneur investor journalist reporter
    photographer designer chef architect boxer runner swimmer rapper comedian filmmaker producer
    composer midwife paramedic firefighter administrator promoter astronaut cosmonaut surgeon physician pastor
    priest resident
    witness""".split()
) | frozenset(h + stop for h in HONORIFICS for stop in ("", "."))
OF_HEADS = frozenset(
    """ministry department bank university office court council institute college school museum church
    republic kingdom house chamber secretary minister board union federation association society academy
    port city commission committee agency bureau division party league embassy government director
    president chancellor governor mayor head friends centre center speaker""".split()
)
# Title words that also begin names of things ("General Motors", "State Street", "Press Association").
# Titles joined by "of" that stand before a name: "Chief of Staff Jo Roe", "Secretary of State Jo Roe"
OF_TITLES = frozenset("Chief Secretary Minister Director Head Commissioner Chancellor".split())
_TITLE_OF = re.compile(
    r"(?:[A-Z][\w.&'’-]*\s+){0,3}?(?:Deputy\s+|Assistant\s+|Under\s+)?"
    rf"(?:{'|'.join(sorted(OF_TITLES))})\s+of\s+(?:the\s+)?[A-Z][\w'’-]*\s+(?=[A-Z])"
)
_WEAK_TITLES = frozenset(
    """general state chief executive foreign defence defense interior finance health treasury press senior
    acting former deputy father sister brother dean principal officer director leader speaker justice
    marshal chair manager major""".split()
)
_NON_SPACE = re.compile(r"\S+")
_DATELINE_AFTER = re.compile(r"[\s,]*(?:—|–|--|\(|/)")  # "LAS VEGAS —", "WASHINGTON/MOSCOW (Wire)"
_PARTICLES = r"(?:von|van|der|den|de|del|della|la|le|da|di|du|dos|bin|ibn|al|el|ter|ten)"
_NAME_RE = re.compile(
    rf"\b[A-Z][\w’'.-]*(?:\s+(?:{_PARTICLES}\s+|(?:of|for)\s+(?:the\s+)?)*[A-Z][\w’'.-]*)*",
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible speaker: a span of the text naming a person or organisation."""

    start: int
    end: int
    name: str
    label: Label | None  # None: a capitalised name found without entity information


# The quotation dash of some house styles ("―" horizontal bar), the figure dash and the two- and
# three-em dashes credit a quotation as the em dash does ('"..." ― Jo Roe'): read as one, same length.
_DASHES = re.compile("[\u2015\u2012\u2e3a\u2e3b]")


def mask_quotes(text: str, passages: Sequence[QuotedPassage]) -> str:
    """``text`` with every quoted passage's words replaced by ``MASK`` (marks kept) and every dash
    that can credit a quotation written as an em dash."""
    parts: list[str] = []
    pos = 0
    for q in passages:
        parts.append(text[pos : q.open + 1])
        parts.append(MASK * (q.close - q.open - 1))
        pos = q.close
    parts.append(text[pos:])
    return _DASHES.sub("\u2014", "".join(parts))


_UNTIL_STOP = re.compile(r"[^.!?\n\"“”]*[.!?]")
_OPENING = frozenset("\"“„‟«'‘‚‛‹`")


def quoted_ends(text: str, masked: str, passages: Sequence[QuotedPassage]) -> list[int]:
    """Where a quotation ends a sentence: its words end with a full stop (or ? !) inside the marks and
    another quotation, or (after a full stop) a capitalised word, follows: ``"... data." "I mean"``.
    Not ``"Why now?" she asked``: the attribution still belongs to that sentence."""
    out: list[int] = []
    for q in passages:
        last = text[q.end - 1] if q.end > q.start else ""
        if last not in ".!?…":
            continue
        j = q.close + 1
        while j < len(masked) and masked[j] in " \t":
            j += 1
        if j >= len(masked) or masked[j] == "\n":
            continue
        if masked[j] in _OPENING:
            out.append(q.close + 1)
        elif last == "." and masked[j].isupper():
            # '"... missing." Roe said.' (a full stop for a comma) still belongs to its attribution
            rest = _UNTIL_STOP.match(masked, j)
            short = rest is not None and len(rest.group().split()) <= 6 and cues(masked, j, rest.end())
            if not short:
                out.append(q.close + 1)
        elif last in "!?" and masked[j].isupper() and _new_clause_after(masked, j):
            out.append(q.close + 1)  # '"Down from what?" Roe, for his part, stayed calm: "..."'
    return out


_CLAUSE_AHEAD = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*,\s+[^,;:.!?\n]{1,60},(\s+[a-z]+\b[^,;:.!?\n]*)")


def _new_clause_after(masked: str, j: int) -> bool:
    """After a quotation ending in "?" or "!", a name set off by an aside ("Roe, for her part, stayed")
    opens a new sentence, not the attribution of the quotation ("Roe asked", "Roe, the mayor, said")."""
    ahead = _CLAUSE_AHEAD.match(masked, j)
    return ahead is not None and not cues(masked, ahead.start(1), ahead.end(1))


class Sentences:
    """Find the sentence holding an offset (binary search over start positions)."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self._starts = [s.start for s in spans]

    def index(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    def at(self, offset: int) -> Span:
        if not self.spans:
            return Span(0, offset)
        return self.spans[self.index(offset)]


def names_in(masked: str, lo: int, hi: int) -> list[Candidate]:
    """Capitalised names between ``lo`` and ``hi``, titles stripped ("U.S. President Jo Bloggs" -> "Jo Bloggs")."""
    out: list[Candidate] = []
    for match in _NAME_RE.finditer(masked, lo, hi):
        chain = match.group()
        if " " not in chain and "\n" not in chain:
            words = [(match.start(), chain)]
        else:
            words = [(m.start() + match.start(), m.group()) for m in _NON_SPACE.finditer(chain)]
        # A title with "of" before the name ("Chief of Staff Jo Roe", "Secretary of State Jo Roe"): the
        # name follows the title
        titled = _TITLE_OF.match(" ".join(w for _, w in words)) if len(words) > 3 else None
        if titled is not None:
            words = words[len(titled.group().split()) :]
        # "of"/"for" joins only after an institution word ("Bank of England"), not "Jo Bloggs of Leeds".
        for i in range(len(words) - 1, 0, -1):
            if words[i][1] in ("of", "for") and words[i - 1][1].lower() not in OF_HEADS:
                words = words[:i]
        while words and (  # "Wednesday's" as "Wednesday"; a party tag ("D-Va.") is nobody's name
            re.sub(r"(?:['’]s)?\.*$", "", words[0][1].lower()) in NOT_NAMES or re.match(r"[RDI]-[A-Z]", words[0][1])
        ):
            words = words[1:]
        last_title = -1
        for i, (_, word) in enumerate(words):
            if word.lower() in TITLE_WORDS or word.lower().rstrip(".") in TITLE_WORDS:
                last_title = i
        if 0 <= last_title < len(words) - 1:
            title = words[last_title][1].lower().rstrip(".")
            if len(words) - last_title > 2 or title not in _WEAK_TITLES:
                words = words[last_title + 1 :]
        if not words:
            continue
        start = words[0][0]
        end = words[-1][0] + len(words[-1][1])
        while end > start and masked[end - 1] in ".,'’-":
            end -= 1
        if masked[end - 2 : end] in ("'s", "’s"):
            end -= 2
        if end > start and not (masked[start:end].isupper() and _DATELINE_AFTER.match(masked, end)):
            out.append(Candidate(start, end, masked[start:end], None))
    return out


def speaker_mentions(mentions: Sequence[Mention], masked: str) -> list[Candidate]:
    """PERSON and ORG mentions outside quotations, in text order."""
    out = [
        Candidate(m.start, m.end, m.text, m.label)
        for m in mentions
        if m.label in (Label.PERSON, Label.ORG)
        and 0 <= m.start < m.end <= len(masked)
        and MASK not in masked[m.start : m.end]
    ]
    out.sort(key=lambda c: (c.start, -c.end))
    return out
