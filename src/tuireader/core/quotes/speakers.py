"""Who is speaking: the subject of a cue verb, before it ("X said") or after it ("said X").

Works on the masked text (see ``context``), with the article's PERSON/ORG mentions when the
entity extractor found them and capitalised names otherwise. Appositives and relative clauses are
stepped over ("X, the mayor, said", "X, who ..., said"); titles are not names ("Finnish President
Jo Bloggs"); "a spokesperson for X" and "X's office" give X (the display name keeps the role);
"Jo Bloggs of the charity Y" gives Jo Bloggs. Pronouns and definite descriptions ("he", "the
ministry") go to ``references``; an anonymous description ("one senior diplomat",
"officials") is kept as a description that names no entity.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from tuireader.core.entities import gazetteer as gz
from tuireader.core.quotes.context import (
    MASK,
    NOT_NAMES,
    OF_HEADS,
    OF_TITLES,
    PRONOUNS,
    Candidate,
    Sentences,
    cues,
    names_in,
)
from tuireader.core.quotes.references import ANONYMOUS, ROLE_HEADS, References, Speaker
from tuireader.core.text.tokens import is_abbreviation
from tuireader.model import Label, Span

_SKIP_BEFORE_CUE = frozenset(
    """also later earlier then has had have would will once previously repeatedly reportedly again further
    separately only just recently first quickly simply now subsequently publicly privately flatly himself
    herself themselves itself all both too did does do is was were are not never often always already
    however even still""".split()
)
_DESCRIPTION_TAIL = re.compile(
    r"(?:close\s+)?(?:to|of|for|in|at|from|with)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s*){1,5}(?<!\s)"
)
# "the boy's family wrote", "a close ally said", "the elderly": a noun ending in -ly, not an adverb
_LY_NOUN = re.compile(
    r"(?:\b(?:family|ally|assembly|bully|monopoly|weekly|daily|monthly|quarterly)"
    r"|(?:['’]s|\b(?i:the|an?|his|her|its|their|our|my|your|this|that))\s+[a-z]+ly)$"
)
_OFFICE_NAME = re.compile(r"['’]s\s+(?:Press\s+)?Office\b")
# A list item or a live blog's time stamp opening a line: "- Jo Roe:", "8:17 p.m. — Jo Roe said"
_ITEM_MARK = re.compile(r"\s*(?:[-*•–—]|\d{1,2}:\d\d\s*(?:[ap]\.m\.|[AP]M)?\s*(?:—|–|--|-))\s+(?=\S)")
# "Overheard from one guest:", "Heard by a reader at the rally:": a participle, then who spoke
_AGENT_OPENER = re.compile(
    r"\s*(?:[A-Z][a-z]+ed|(?:Over)?[Hh]eard|Seen|Told|Written|Sent|Spoken|Caught)"
    r"(?:\s+(?:at|in|on|during|outside)\s+[^,:;]{1,40}?)?\s+(?:from|by)\s+"  # "Heard at the meeting from X:"
    r"(?=(?i:an?|one|the|some|two|three|several|[A-Z]))"
)
_PLACE_AFTER_AGENT = re.compile(r"\s(?:near|outside|inside|behind|beside|by|around|among|across|along|between)\s")
# "For Jo Roe, the verdict brought no relief": the person a sentence about a thing concerns
_FOR_PERSON = re.compile(r"\s*(?:For|To)\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*),\s")
# "Acme spokeswoman Jo Roe", "Ashford council chief executive Jo Roe": role words (nouns), then a name
_ROLE_NOUNS = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}([a-z][\w-]*)\s+(?=[A-Z])")
_NOT_ROLE_WORDS = frozenset("nor over under never either neither rather together later ever other another per".split())
_AGENT_SUFFIX = re.compile(r"(?:man|woman|person|ist|er|or|ian|ant|ent)$")
_OPENING_QUOTE = re.compile(rf"\W?{MASK}+\W*\s*")
_LEADING_DESCRIPTION = re.compile(
    r"(?:(?i:the|a|an|one|another|some|many|several|hundreds|thousands|dozens|his|her|their|its|this|that|these"
    r"|those)\s+(?:of\s+)?"
    r"|(?i:(?:about|nearly|almost|some|more\s+than|at\s+least)\s+)?\d[\d,]*\s+"  # "about 200 protesters"
    r"|(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['’]s\s+)"  # "Roe's right-hand woman"
    r"((?:[A-Za-z][\w'’-]*\s+){0,5}[a-z][\w'’-]*)"
)
_VERB_NEXT = re.compile(rf"\s+(?:(?:a|an|the|his|her|its|their|that|this)\s|{MASK}|[\"“‘'])")
_QUOTED_AS = re.compile(r"\s+(?:was|is|were|are|has\s+been|had\s+been|have\s+been)\s+(?:\w+ly\s+)?quoted\s+as$")
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]+,(?:[^()—–\n]{0,30})?\s*(?:\([^()]{1,30}\))?\s*(?:—|–|--)\s*")
_NAME_AFTER_ROLE = re.compile(r"\s+((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*)(?=[\s,.;:])")
_DETERMINER_START = r"(?:the|a|an|about|some|many|several|dozens|hundreds|thousands|more|most|few|\d[\d,]*)\s"
_SECOND_INTRO = re.compile(
    r"(?:after|before|when|while|as|since|although|though|if|because|despite|during|once|until|in|on|at)\s[^,]{0,120}?,\s*"
)
# "Several hours earlier,", "A day after the vote,", "The next morning,": a time phrase opens the sentence
_TIME_OPENER = re.compile(
    r"\s*(?i:the|a|an|one|two|three|several|a\s+few|some|many|that|this|last|next|each|every|\d+)\s+"
    r"(?:[a-z]+\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|mornings?|afternoons?"
    rf"|evenings?|nights?|weekends?|moments?|while)(?![\w'’-])(?=[^,]{{0,150}}[,{MASK}])"
)
_TIME_NOUNS = frozenset(
    """second seconds minute minutes hour hours day days week weeks month months year years decade decades morning
    mornings afternoon afternoons evening evenings night nights weekend weekends moment moments time while""".split()
)
# "The senior vice president for policy at X", "the chief of staff to Rep. X": a role of a body or person
_ROLE_OF_BODY = re.compile(r"(?i:the|an?)\s+(?:[a-z][\w'’-]*\s+){0,4}[a-z][\w'’-]*\s+(?:for|of|at|to|with|in)\s")
_THE_NAME = re.compile(r"\s*the\s+(?:[A-Z][\w'’.&-]*\s+){1,5}[A-Z][\w'’-]*\s*")  # ", the Ashford Teachers Union,"
# "one of them" after "Two battalion chiefs, speaking on condition of anonymity, disputed that."
_OF_THEM = re.compile(r"\bof\s+(?:them|those|these)\s*$", re.IGNORECASE)
_PLURAL_GROUP = re.compile(
    r"(?:^|(?<=[.!?\n\"”’]\s)|(?<=\n))\s*(?:Two|Three|Four|Five|Six|Several|Some|Many|A\s+few|A\s+handful\s+of|Dozens\s+of)\s+"
    r"((?:[a-z-]+\s+){0,2}[a-z-]+[a-rt-z]s)\b",
    re.MULTILINE,
)
_GROUP_REACH = 400  # characters searched back for the group "one of them" is one of
# "who identified himself only as Jo from Ashford": the name a caller or source gives, not the town
_SELF_NAMED = re.compile(
    r"\b(?:identified|introduced|described|gave)\s+(?:(?:himself|herself|themselves|his\s+name|her\s+name)\s+)?"
    r"(?:only\s+)?as\s+((?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]*)"
)
# "Jo from Ashford", "Linda in Eastwick": a caller or letter writer by given name, with their town
_NAME_FROM_PLACE = re.compile(r"([A-Z][a-z]+(?:\s+[A-Z]\.)?)\s+(?:from|in|of)\s+(?:[A-Z][\w'’.-]*\s*){1,3}")
# "Asked whether she would back her deputy, Jo Roe, she smiled": the name closes the opening phrase
_NAME_CLOSING_INTRO = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*,\s*(?=(?:he|she|they|we|I)\s+[a-z])")
# ", Jo Roe." closing an inverted attribution after a description of a role at a body
_NAME_CLOSING = re.compile(r"[^,;:.!?]{0,60},\s*((?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]*)\s*(?:[.;]|$)")
# "Afterward she offered", "Later, they wrote": an adverb opening the sentence, then a subject pronoun
_ADVERB_THEN_PRONOUN = re.compile(r"\s*([A-Z][a-z]+),?\s+(he|she|they|we)\s+(?=[a-z])")
# "In the clip, which was shared by X, Roe ...": a relative clause on the opening phrase, then the subject
_RELATIVE_INTRO = re.compile(r"(?:which|where|when)\s[^,]{0,120}?,\s*(?=[A-Z])")
_INTRO_PAST_CUE = re.compile(rf"[^,;:.!?]{{0,150}}?(?:,|{MASK}[\"”’']\s*,?)\s+(?=[A-Z])")
_SUBORDINATE_AFTER_ADVERB = re.compile(r"\s*[A-Z][a-z]+\s+(?:since|after|before|when|as|though|if|while|until)\s")
_EVENT_PREPOSITIONS = frozenset("In During At After Before Throughout".split())
_EVENT_OPENER = re.compile(
    r"\w+\s+(?:(?:[\w-]+['’]s|the|a|an|his|her|their|its|this|that)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:speech|interview|remarks|statement|address|letter|debate|hearing|testimony|column|op-ed|video|ad"
    r"|appearance|rally|news\s+conference|press\s+conference|briefing)\s+(?=(?:the|a|an|his|her|their)\s|[A-Z])"
)
_NP_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_IRREGULAR_PAST = frozenset(
    """sent said told gave made took went came got put ran wrote spoke met left kept held brought thought felt found
    won lost began became saw knew stood led paid heard built set cut hit let shot sat rose fell drew struck sought
    taught bought caught fought spent lent meant""".split()
)
_ED_NOUNS = frozenset("red bed need seed speed feed creed breed steed hundred".split())
_PLACE_PART = re.compile(r"\s*(?:of|from|in)\s+[A-Z]")
_PARENTHESIS_END = re.compile(r"\s*\([^()]{1,40}\),?$")  # "Jo Roe (R-Fla.), said": the comma is stray
_BOUNDARY = re.compile(
    r"[,;:()\[\]—–\"“”«»]|(?<!\w)['‘’]|['‘’](?!\w)|\s--\s|\b(?:and|but|that|while|as|when|after|before|because|although|though|since"
    r"|whereas|who|which|where|if|so|then|what|whom|whose|than|until|unless|or|nor)\b",
    re.IGNORECASE,
)
_NOT_SUBJECT_START = frozenset(
    """and but or as while which that who with to in on at for from after before because so then is was were
    are has had have will would could can may might should not by into during via adding including""".split()
)
_AFTER_CUE_STOP = re.compile(
    r"[,;:!?()\[\]—–\"“”‘«»]|’(?!s\s+[a-z])|\.(?=\s|$)|\s--\s|\b(?:on|in|at|during|after|before|when|while|as|via|through|with"
    r"|adding|who|which|that|last|this|earlier|later|told|to)\b",
)
# Words that make an appositive a description rather than a name ("a nurse from Leeds").
_LINKING = frozenset("a an the from of in at for to with by on near".split())
_DOCUMENT_FROM = re.compile(
    r"(?:an?|the)\s+(?:\w+\s+)?(?:statement|post|letter|tweet|message|report|release|filing|video|interview"
    r"|email|ruling|notice)\s+(?:from|by|of|issued\s+by|released\s+by)\s+",
    re.IGNORECASE,
)
# Words said, not sayers: "Her comments, said Roe, are '...'" (a document, "the statement", does speak)
_SPEECH_NOUNS = frozenset(
    """comment comments remark remarks words quote quotes quotation quotations charge charges accusation
    accusations allegation allegations claim claims criticism""".split()
)
_POSSESSIVE_DETERMINERS = frozenset("the his her their its these those this that such".split())
# "the founder of Sea Watch": a description whose head is a common noun, a name only inside it
_LOWER_HEAD = re.compile(r"(?:the|an?)\s+(?:[a-z][\w'’-]*\s+){0,3}[a-z][\w'’-]*\s+(?:of|for|at|in|with)\s")
# "The committee's ranking Democrat", "a veteran Republican": a capitalised word heading a description
_ROLE_BEFORE_NAME = re.compile(
    r"(?:(?i:the|an?|one|another|his|her|its|their|our)\s+|[A-Z][\w.-]*['’]s\s+)(?:[\w'’-]+\s+)*?[a-z][\w'’-]*\s+$"
)
_NAME_OF_BODY = re.compile(r"\s*((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*)\s+(?:of|from|at)\s+(?:the\s+)?[A-Z]")
# A description's last words, then a name in apposition: "[The board's] only Independent, Jo Roe, said"
_HEAD_APPOSITIVE = re.compile(r"[^,;:()]{0,40}?,([^,;:()]{1,60})(?:,|\s*$)")
_PARTY_WORDS = frozenset("Democrat Republican Independent Libertarian Conservative Liberal Tory Socialist".split())
# "Officials at the Water Board", "Residents of Ashford": a bare plural of people, then where they are
_PEOPLE_AT = re.compile(r"([A-Za-z][a-z]+s)\s+(?:at|of|from|in|for|with|near|close\s+to)\s+(?:the\s+)?[A-Z]")
_APPOSITIVE_START = re.compile(r"(?:who|which|whose|\d|[RDI]-[A-Z]|[a-z])")
_REPRESENTATIVE = re.compile(
    r"\b(spokes(?:person|man|woman)|representatives?|press\s+secretary|office|lawyers?|attorneys?|aides?"
    r"|advisers?|advisors?|campaign|government|team|family|press\s+office)\s+(?:for|of|to)\s+(?:the\s+)?",
    re.IGNORECASE,
)
# "Roe's letter", "Roe's Facebook post": a document stands for its author
_POSSESSIVE_DOCUMENT = re.compile(
    r"['’]s\s+(?:[A-Za-z][\w-]*\s+){0,2}(statement|post|letter|tweet|website|memo|report|book|speech|column"
    r"|release|message|remarks|op-ed|essay|ad)\s*$",
    re.IGNORECASE,
)
_POSSESSIVE_ROLE = re.compile(
    r"['’]s\s+(spokes(?:person|man|woman)|representatives?|press\s+secretary|office|lawyers?|attorneys?|aides?"
    r"|advisers?|advisors?|campaign|government|team|family|press\s+office|editorial\s+board|editors)\s*$",
    re.IGNORECASE,
)


_NAMED_DOCUMENT = re.compile(
    r"(?<=[A-Za-z.])\s+(?:report|statement|memo|editorial|study|analysis|investigation|release|letter|filing"
    r"|audit|review|survey|poll)\s*$"
)
_PARTITIVE = re.compile(r"(?i:one|some|several|two|three|many|a\s+few|few|any|none)\s+of\s")
# A description that gives the name: "a retired pilot named Jo Roe", "the officer known as Roe"
_KNOWN_AS = re.compile(
    r"(?:an?|the)\s+(?:[\w'’-]+\s+){0,5}?(?:named|called|known\s+as)\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)"
)
# "a caller named Dot from Weyburn": the name given, then where the caller is from
_KNOWN_AS_FROM = re.compile(
    r"(?i:an?|the)\s+(?:[\w'’-]+\s+){0,5}?(?:named|called|known\s+as)\s+([A-Z][\w'’-]*)"
    r"\s+(?:from|of|in)\s+(?:[A-Z][\w'’.-]*\s*){1,3}"
)
_COMMON_ZIPF = 4.5  # an English word this common opening a sentence is not taken for a name on its own
_CLAUSE_WORDS = PRONOUNS | frozenset(
    "me him her us them my our your is was were are has had have will would could can may might should not".split()
)


def _affiliation(name: str) -> bool:
    """Whether a capitalised word is a party member or a nationality, a role rather than a name
    ("Democrat", "Republican", "Chilean")."""
    return " " not in name.strip() and (name.strip() in _PARTY_WORDS or name.strip() in gz.demonyms())


def _noun_phrase(words: Sequence[str]) -> bool:
    """Whether words can be a description ("the campaign", "Democratic officials"), not a clause
    ("he returned he began by") or a stray fragment ending in a preposition."""
    lowered = [w.lower().strip(",.") for w in words]
    if lowered[0] in ("the", "a", "an", "one", "another", "some", "his", "her", "their", "its", "our", "this", "that"):
        # not a clause: "the candidate could be", "the city embodied the"
        rest = lowered[1:]
        return (
            not any(w in _CLAUSE_WORDS or w in ("be", "been", "being", "the", "a", "an") for w in rest)
            and lowered[-1] not in _NOT_SUBJECT_START
        )
    return not any(w in _CLAUSE_WORDS for w in lowered) and lowered[-1] not in _NOT_SUBJECT_START


class SpeakerFinder:
    """Subject finding for one article; remembers resolved speakers for later pronouns."""

    def __init__(
        self,
        masked: str,
        blocks: Sequence[Span],
        sentences: Sentences,
        mentions: Sequence[Candidate],
        occupied: Sequence[Span] = (),
    ) -> None:
        self.masked = masked
        self.mentions = list(mentions)
        # Mentions come in text order; a binary search keeps a long article's attribution linear
        # (a scan of every mention for every quotation was most of a 4 MB article's time).
        self._starts = [c.start for c in self.mentions]
        self._sorted = all(a <= b for a, b in itertools.pairwise(self._starts))
        self.refs = References(masked, blocks, sentences, mentions, occupied, self.before)

    # ---- subjects -------------------------------------------------------------------------------

    def before(self, lo: int, hi: int) -> Speaker | None:
        """The subject of a cue verb starting at ``hi``, looking back no further than ``lo``."""
        text = self.masked
        end = hi
        while True:
            seg = text[lo:end].rstrip()
            word = re.search(r"(\w+)$", seg)
            if word and (
                word.group(1).lower() in _SKIP_BEFORE_CUE
                or (word.group(1).endswith("ly") and seg[-1:].islower() and not _LY_NOUN.search(seg))
            ):
                end = lo + word.start()
                continue
            break
        seg_end = lo + len(text[lo:end].rstrip())
        quoted_as = _QUOTED_AS.search(text, lo, seg_end)
        if quoted_as is not None:  # '"...," Roe was quoted as saying'
            seg_end = quoted_as.start()
        paren = _PARENTHESIS_END.search(text, lo, seg_end)
        described = paren is not None and re.search(r",\s+(?:the|an?)\s[^,]*$", text[lo : paren.start()])
        if paren is not None and paren.start() > lo and not (paren.group().endswith(",") and described):
            seg_end = paren.start()  # "Sen. Jo Bloggs (R-Fla.) said", "..., Gov. Jo Bloggs (R-Fla.), said"
        rel = re.search(r",?\s*\b(?:who|which|that)$", text[lo:seg_end], re.IGNORECASE)
        if rel:
            found = self._relative_antecedent(lo, lo + rel.start())
            return replace(found, relative=True) if found is not None else None
        if text[lo:seg_end].endswith(","):
            return self._before_appositive(lo, seg_end - 1)
        start = lo
        last: re.Match[str] | None = None
        for match in _BOUNDARY.finditer(text, lo, seg_end):
            start, last = match.end(), match
        inner = cues(text, start, seg_end)
        if inner:  # "Vogt said the chancellor had promised ...": the subject of the nearer verb
            start, last = inner[-1].end, None
        with_ = re.match(r"\s*with\s+", text[start:seg_end])
        if with_ is not None:  # "with Roe reportedly yelling: '...'"
            start += with_.end()
        if (
            last is not None
            and last.group().lower() == "who"
            and len(text[start:seg_end].split()) >= (2 if "," in text[lo : last.start()] else 3)
            and text[lo : last.start()].strip()
        ):
            # "a port official who asked not to be named said": the who-clause is done,
            # the subject is the noun before it
            found = self._relative_antecedent(lo, last.start())
            if found is not None:
                return found
        found = self._classify(start, seg_end)
        if found is not None and last is not None and last.group().lower() == "what":
            found = replace(found, relative=True)  # "what it calls": the narrator's phrase, not a speech act
        return found

    def _relative_antecedent(self, lo: int, hi: int) -> Speaker | None:
        """The noun before "who"/"which": "Roig, the chief fire officer, who said" -> Roig."""
        text = self.masked
        commas = [lo + m.start() for m in re.finditer(",", text[lo:hi])]
        part_lo = commas[-1] + 1 if commas else lo
        start = part_lo
        for match in _BOUNDARY.finditer(text, part_lo, hi):
            start = match.end()
        found = self._classify(start, hi)
        if (found is None or found.via in ("description", ANONYMOUS)) and commas:
            prev_lo = commas[-2] + 1 if len(commas) > 1 else lo
            named = self._name_in(prev_lo, commas[-1], at_end=True)
            if named is not None:
                return named
        return found

    def _before_appositive(self, lo: int, hi: int) -> Speaker | None:
        """ "X, the mayor, said" / "X, who ..., said": the subject is the part before the appositives."""
        text = self.masked
        commas = [m.start() for m in re.finditer(",", text[lo:hi])]
        bounds = [lo] + [lo + c + 1 for c in commas] + [hi + 1]
        parts = [(bounds[i], bounds[i + 1] - 1) for i in range(len(bounds) - 1)]
        if len(parts) == 1:  # "Rev. Jo Roe of Saint Anne's, told X": a stray comma after a person and an "of"
            person = next(iter(self._mentions_between(lo, hi)), None)
            lead = text[lo : person.start].split() if person is not None else []
            if (
                person is not None
                and person.label is Label.PERSON
                and all(re.fullmatch(r"[A-Z][a-z]{1,4}\.", w) for w in lead)  # a title: "Rev.", "Sen."
                and re.match(r"\s+(?:of|from)\s+[A-Z]", text[person.end : hi])
            ):
                return Speaker(person.start, person.end, person.name, "name", person.label)
            return None
        if len(parts) >= 3 and all(
            re.match(r"\s*(?:an?|the|who|whose|in|of|from|at|for|with|\d+)\b", text[a:b]) for a, b in parts[1:]
        ):
            # "Jo Roe, a Whig trying to unseat Rep. Al Lind, a Tory, in the Third District, said", "Jo Roe,
            # 51, who worked there, said": a name, then appositives only (an age among them): the name
            named = self._name_in(parts[0][0], parts[0][1], at_end=True)
            if named is not None and not text[parts[0][0] : named.start].strip() and named.label is Label.PERSON:
                return named
        for i in range(len(parts) - 2, -1, -1):
            p_lo, p_hi = parts[i]
            words = text[p_lo:p_hi].strip()
            if not words:
                continue
            if (
                (i < len(parts) - 2 or words[1:2] == "-")  # a party tag ("D-Va.") even last: not the subject
                and _APPOSITIVE_START.match(words)
                and not words.startswith(("the ", "a ", "an "))
            ):
                continue
            if i > 0 and (re.match(r"(?:who|which|whose)\b", words) or re.fullmatch(r"[a-z]+(?:ed|ing|ly)", words)):
                continue  # "a clerk, who asked not to be named, told X": the noun before the clause
            if i > 0 and re.fullmatch(r"\d{1,3}", words):
                continue  # "Jo Roe, 37, a mother of three, said": an age, after the name
            if i > 0 and _PLACE_PART.match(text, parts[i - 1][0], parts[i - 1][1]):
                continue  # "Jo Bloggs, 30, of Ashford, Vt., said": the rest of a place
            if i > 0 and _PLACE_PART.match(text, p_lo, p_hi):
                continue  # "Jo Bloggs, 30, of Ashford, said": where the person is from
            aside = _PARENTHESIS_END.search(text, p_lo, p_hi)
            if aside is not None and aside.start() > p_lo:
                p_hi = aside.start()  # "Jo Bloggs (pictured), a welder, said"
            start = p_lo
            for match in _BOUNDARY.finditer(text, p_lo, p_hi):
                start = match.end()
            found = self._classify(start, p_hi)
            renamed = self._renamed(words, found, parts[i + 1]) if i + 1 < len(parts) else None
            if renamed is not None:
                return renamed
            if found is None and i > 0 and words[:1].islower():
                continue  # "Jo Bloggs, who, at 51, had worked there, said": a clause cut by its commas
            described = found is not None and (
                found.via in (ANONYMOUS, "role")
                or (found.via == "name" and _ROLE_BEFORE_NAME.match(text, start, found.start) is not None)
            )
            if described and i + 1 < len(parts):
                # "the coach, Jo Bloggs, said" / "X's lawyer, Jo Bloggs, said" / "the party's ranking
                # Democrat, Rep. Jo Bloggs, said": the name in the appositive
                a_lo, a_hi = parts[i + 1]
                affiliated = _NAME_OF_BODY.match(text, a_lo, a_hi)  # "another pollster, Jo Roe of Acme College,"
                named = self._name_in(a_lo, affiliated.end(1) if affiliated else a_hi, at_end=True)
                lead = text[a_lo : named.start].split() if named is not None else []
                verb = re.match(r"\s*([a-z]+)\b", text[a_lo:a_hi])  # "X, sent under Roe's name, warned"
                participle = verb is not None and (
                    verb.group(1) in _IRREGULAR_PAST or verb.group(1).endswith(("ed", "ing"))
                )
                if named is not None and not participle and not any(w.lower() in _LINKING for w in lead):
                    return named
            if found is not None and i > 0 and words.startswith(("the ", "a ", "an ")):
                # "Jo Roe, the former governor, who has ..., called", "Jo Roe, the founder of Sea
                # Watch, a charity, said": the name the appositive describes, not a name inside it
                b_lo, b_hi = parts[i - 1]
                named = self._name_in(b_lo, b_hi, at_end=True)
                whole = named is not None and not text[b_lo : named.start].strip()
                if whole and (found.via == ANONYMOUS or (found.start > p_lo and _LOWER_HEAD.match(words))):
                    return named
            return found
        return None

    def after(self, lo: int, hi: int) -> Speaker | None:
        """The subject after an inverted cue: "said X", "according to X, the role"."""
        text = self.masked
        stop = None
        for match in _AFTER_CUE_STOP.finditer(text, lo, hi):
            word = re.search(r"([\w.]+)$", text[lo : match.start()])
            if match.group() == "." and word and (is_abbreviation(word.group(1)) or len(word.group(1)) == 1):
                continue  # "said Dr. Jo Bloggs", "said J. Bloggs"
            if match.group() == "as" and text[lo : match.start()].rstrip().endswith(" known"):
                continue  # "said the harbour master known as Captain Roe": the name it gives
            stop = match
            break
        end = stop.start() if stop else hi
        if (stop is not None and stop.group() in '"“”‘’«»') or MASK in text[end : end + 2]:
            title_of = re.search(r"\s+(?:of|for|behind)(?:\s+(?:the|a|an))?\s*$", text[lo:end])
            if title_of is not None:  # "wrote the authors of the 'Harbour Plan'": the authors
                end = lo + title_of.start()
        found = self._classify(lo, end)
        if found is not None and found.via == ANONYMOUS and stop is not None:
            # "said a person close to the Roes", "reads an editorial in The Daily Courier": keep it whole
            more = _DESCRIPTION_TAIL.match(text, stop.start(), hi)
            if more is not None:
                tail_end = more.end()
                while text[tail_end - 1] in ".,":
                    tail_end -= 1
                named = _NAME_CLOSING.match(text, tail_end, hi)  # "said the director at X, Jo Roe."
                person = self._name_in(named.start(1), named.end(1), at_end=True) if named is not None else None
                full = person is not None and (person.label is Label.PERSON or " " in person.name)
                if person is not None and full and person.label in (Label.PERSON, None):
                    return person
                return Speaker(found.start, tail_end, text[found.start : tail_end], ANONYMOUS)
        if found is not None and found.via == ANONYMOUS and stop and text[stop.start()] == ",":
            named = re.match(r"\s*([^,;:]+?)(?:[,;:]|\.?$)", text[stop.end() : hi])
            tail = self._name_in(stop.end(), stop.end() + named.end(1), at_end=True) if named else None
            first = named.group(1).split()[:1] if named is not None else []
            relative = bool(first) and first[0].lower() in ("which", "who", "that", "whose")
            if tail is not None and not relative and len(named.group(1).split()) <= 5 if named else False:
                return tail  # "said a spokesman, Jo Roe" (not "read the statement, which was sent by Jo Roe")
        return found

    def leading(self, sentence: Span, hi: int) -> Speaker | None:
        """The subject at the head of a sentence, for "..., and said" / "..., saying"; for a sentence about
        a thing opened by the person it concerns, that person ("For Jo Roe, the verdict brought no relief.")."""
        found = self._leading(sentence, hi)
        if found is not None and (found.via != ANONYMOUS or found.name.split()[-1].lower() in ROLE_HEADS):
            return found
        concerns = _FOR_PERSON.match(self.masked, sentence.start, hi)
        if concerns is None:
            return found
        named = self._name_in(concerns.start(1), concerns.end(1), at_end=True)
        person = named is not None and (
            named.label is Label.PERSON or (named.label is None and named.name.split()[0] in gz.given_names())
        )
        if named is not None and person and named.start == concerns.start(1):  # not "For Ashford, ..."
            return named
        return found

    def _leading(self, sentence: Span, hi: int) -> Speaker | None:
        text = self.masked
        lo = sentence.start
        opening = _OPENING_QUOTE.match(text, lo, hi)
        if opening is not None:  # '"...," Roe said, adding: "..."': the subject follows the first quotation
            lo = opening.end()
        dateline = _DATELINE.match(text, lo, hi) or _ITEM_MARK.match(text, lo, hi)
        if dateline is not None:  # "ASHFORD, July 25 (Wire) — The council said", "- Jo Roe:", "8:17 p.m. — "
            lo = dateline.end()
        colon = max(re.finditer(r":\s+(?=[A-Z][a-z])", text[lo:hi]), key=lambda m: m.end(), default=None)
        if colon is not None:  # "The evening began as ever: Marchers walked ... and chanted '...'": a new clause
            lo += colon.end()
        conjunction = re.match(r"\s*(?:And|But|So|Yet|Or)\s+(?=[a-z])", text[lo:hi])
        if conjunction is not None:  # "And they praised '...'"
            lo += conjunction.end()
        first = re.match(r"\s*(\w+)", text[lo:hi])
        if first and first.group(1).lower() in PRONOUNS:
            return self.refs.pronoun(lo + first.start(1), lo + first.end(1))
        adverb = _ADVERB_THEN_PRONOUN.match(text, lo, hi)
        if adverb is not None and adverb.group(1) not in gz.given_names():  # "Afterward she offered a correction:"
            return self.refs.pronoun(adverb.start(2), adverb.end(2))
        opener = first.group(1) if first else ""
        agent = _AGENT_OPENER.match(text, lo, hi)
        if agent is not None and "," not in text[agent.end() : hi]:  # not "Asked by Lind about it, Roe said"
            place = _PLACE_AFTER_AGENT.search(text, agent.end(), hi)  # "one donor near the door": the donor
            return self.after(agent.end(), place.start() if place is not None else hi)  # "Overheard from one guest:"
        # "Here in Ashford, Roe ...", "Appearing before supporters, Roe ...": an opening phrase, then the subject
        adverbial = (opener.lower() in NOT_NAMES or opener.endswith(("ing", "ed", "ly"))) and opener.lower() not in (
            "the a an this that these those his her their its our another each every some many several both either"
            " neither all most few one"
        ).split()
        # "Ever since ...,", "Long before ...,", "Even as ...,": an adverb, then a subordinate clause
        adverbial = adverbial or _SUBORDINATE_AFTER_ADVERB.match(text, lo, hi) is not None
        adverbial = adverbial or _TIME_OPENER.match(text, lo, max(hi, sentence.end)) is not None
        # "In his speech the senator also ...": an opening phrase on a speech event, with no comma after it
        intro = _EVENT_OPENER.match(text[lo:hi]) if opener in _EVENT_PREPOSITIONS else None
        if intro is None:
            intro = re.match(r"[^,]{0,150}?,\s*", text[lo:hi]) if opener[:1].isupper() and adverbial else None
        if intro is None and opener[:1].isupper() and adverbial and sentence.end > hi:
            # "A day after telling reporters '...', Roe broke his silence": a participle in the opening
            # phrase has the main clause's subject, after the phrase
            intro = _INTRO_PAST_CUE.match(text, lo, sentence.end)
            if intro is not None:
                intro, hi = re.match(r".*", text[lo : intro.end()], re.DOTALL), sentence.end
        subject_at = lo + intro.end() if intro else lo
        while intro is not None:  # "In June, after Roe fell ill, Vela wrote ...": a second opening clause
            more = (
                _SECOND_INTRO.match(text, subject_at, hi)
                or _RELATIVE_INTRO.match(text, subject_at, hi)
                or _NAME_CLOSING_INTRO.match(text, subject_at, hi)
            )
            if more is None:
                break
            subject_at = more.end()
        # "As Roe spoke, the council was ...": the subject after the opening clause, not a name in it
        article = re.match(_DETERMINER_START, text[subject_at : subject_at + 12], re.IGNORECASE) is not None
        head = subject_at if intro and (text[subject_at : subject_at + 1].isupper() or article) else lo
        after_intro = re.match(r"(\w+)\b", text[subject_at:hi]) if subject_at > lo else None
        if after_intro is not None and after_intro.group(1).lower() in PRONOUNS:
            return self.refs.pronoun(subject_at, subject_at + after_intro.end(1))  # "Even before the vote, she said"
        np = _LEADING_DESCRIPTION.match(text, subject_at, hi)
        if np is not None:  # "The ad claims ...", "Hundreds of demonstrators marched ..., chanting '...'"
            end = np.start(1)
            for word in _NP_WORD.finditer(text, np.start(1), np.end()):
                w = word.group()
                if (
                    w in _SKIP_BEFORE_CUE
                    or w in _NOT_SUBJECT_START
                    or w in _IRREGULAR_PAST
                    or cues(text, word.start(), word.end())
                    or (w.endswith("ed") and w not in _ED_NOUNS)
                ):
                    break
                if w.endswith("s") and _VERB_NEXT.match(text, word.end(), hi):
                    break  # "Roe's letter makes a case": a verb before its object
                if w[:1].islower():  # "The former Republican presidential candidate": ends on a noun
                    end = word.end()
                    if w in _SPEECH_NOUNS:
                        break  # "The comments signal ...": the noun, then its verb
            if text[np.start(1) : end].split()[-1:] and text[np.start(1) : end].split()[-1] in _TIME_NOUNS:
                end = np.start(1)  # "This year the council ...": a time, not the subject
            appositive = _HEAD_APPOSITIVE.match(text[end:hi])  # "The board's only Independent, Jo Roe:"
            a_lo = end + appositive.start(1) if appositive else end
            caller = self._self_named(a_lo, end + appositive.end(1)) if appositive else None
            if caller is not None:  # "One caller, who identified himself as Jo from Ashford,": Jo
                return caller
            named = self._name_in(a_lo, end + appositive.end(1), at_end=True) if appositive else None
            lead = text[a_lo : named.start].split() if named is not None else []
            full = named is not None and (named.label is Label.PERSON or " " in named.name.strip())
            if full and not any(w[:1].islower() for w in lead):  # a full name, not "..., led by Jo Roe,"
                return named  # "The judge, Carla Mendes, rejected it and said"
            following = _NAME_AFTER_ROLE.match(text, end, hi) if end > np.start(1) else None
            named = self._name_in(following.start(1), following.end(1), at_end=True) if following else None
            if named is not None:  # "The Courier sports columnist Jo Roe wrote"
                return named
            if end > np.start(1):
                found = self._classify(subject_at, end)
                more = _DESCRIPTION_TAIL.match(text, end + 1, hi) if text[end : end + 1] == " " else None
                if found is not None and found.via == ANONYMOUS and more is not None:
                    # "A spokeswoman for the House Committee emailed ...": the description whole
                    tail_end = more.end()
                    while text[tail_end - 1] in ".,":
                        tail_end -= 1
                    whole = self._classify(subject_at, tail_end)  # "spokeswoman for X": X's role
                    if whole is not None and whole.via == "role":
                        return whole
                    return Speaker(found.start, tail_end, text[found.start : tail_end], ANONYMOUS)
                if found is not None:
                    return found
                if text[np.start(1) : end].split()[-1] in _SPEECH_NOUNS:
                    return None  # "The comments signal ...": words said, and nobody saying them here
        window_end = min(hi, head + 80)
        for cand in self._mentions_between(head, window_end):
            return self._role_then_name(cand.end, window_end) or Speaker(
                cand.start, cand.end, cand.name, "name", cand.label
            )
        names = [n for n in names_in(text, head, window_end) if not self._sentence_opener(n, head)]
        if names:
            n = names[0]
            return Speaker(n.start, n.end, n.name, "name")
        return None

    def _group_member(self, lo: int, hi: int) -> Speaker | None:
        """ "Two battalion chiefs ... disputed that. '...,' one of them said": one of the group named before."""
        if not _OF_THEM.search(self.masked, lo, hi):
            return None
        groups = list(_PLURAL_GROUP.finditer(self.masked, max(0, lo - _GROUP_REACH), lo))
        if not groups:
            return None
        plural = groups[-1].group(1)
        if plural.endswith("ies"):
            one = plural[:-3] + "y"
        else:
            one = plural[:-2] if plural.endswith(("sses", "xes", "ches", "shes")) else plural[:-1]
        return Speaker(lo, hi, f"one {one}", ANONYMOUS)

    def _renamed(self, words: str, found: Speaker | None, appositive: tuple[int, int]) -> Speaker | None:
        """The name in the appositive after a description: "The vice president for policy at the Acme
        Association, Jo Roe, said" (a role of a body: the person), "The state's largest union, the Ashford
        Teachers Association, said" (a description, then the body's name)."""
        a_lo, a_hi = appositive
        if _ROLE_OF_BODY.match(words) or (found is not None and found.via == "description"):
            # "the whistleblower's attorney, Jo Roe, said": the name the appositive gives the described person
            named = self._name_in(a_lo, a_hi, at_end=True)
            whole = named is not None and not self.masked[a_lo : named.start].strip()
            if named is not None and whole and named.label in (Label.PERSON, None):
                return named
        described = (found is not None and found.via in ("description", ANONYMOUS)) or _ROLE_OF_BODY.match(words)
        if described and _THE_NAME.fullmatch(self.masked, a_lo, a_hi):
            return self._name_in(a_lo, a_hi, at_end=True)
        return None

    def _self_named(self, lo: int, hi: int) -> Speaker | None:
        """The name a caller or source gives in an appositive: "who identified himself as Jo from Ashford",
        "Marge from Tillbury" (None for any other appositive)."""
        own = _SELF_NAMED.search(self.masked, lo, hi)
        if own is not None:
            return self._name_in(own.start(1), own.end(1), at_end=True)
        part = self.masked[lo:hi]
        start, end = lo + len(part) - len(part.lstrip()), lo + len(part.rstrip())
        caller = _NAME_FROM_PLACE.fullmatch(self.masked, start, end)
        if caller is not None and caller.group(1).split()[0] in gz.given_names():  # ", Marge from Tillbury,"
            return self._name_in(caller.start(1), caller.end(1), at_end=True)
        return None

    @staticmethod
    def _people(word: str) -> bool:
        """Whether a plural is a common noun for people ("Officials", "residents"), not a surname ("Williams")."""
        if word[:1].isupper() and (word in gz.surnames() or word in gz.given_names()):
            return False
        return gz.english_frequency(word.lower()) >= _COMMON_ZIPF - 1

    def _role_then_name(self, lo: int, hi: int) -> Speaker | None:
        """The person after a body and a role noun: "Acme spokeswoman Jo Roe", "Democratic strategist Jo Roe"
        (the role, a noun, not a verb: not "Acme hired Jo Roe")."""
        role = _ROLE_NOUNS.match(self.masked, lo, hi)
        if role is None or not (role.group(1) in ROLE_HEADS or _AGENT_SUFFIX.search(role.group(1))):
            return None
        if role.group(1) in _IRREGULAR_PAST or cues(self.masked, role.start(1), role.end(1)):
            return None  # "Roe sent Lind", "Roe told Lind": a verb
        if any(w in _NOT_ROLE_WORDS or w in _NOT_SUBJECT_START or _BOUNDARY.fullmatch(w) for w in role.group().split()):
            return None  # "Jo Roe or Al Lind", "Jo Roe after Al Lind": not a role
        named = self._name_in(role.end(), hi, at_end=False)
        return named if named is not None and named.start == role.end() else None

    def plausible_subject(self, speaker: Speaker) -> bool:
        """Whether a subject read without a speech verb can be someone: not a stray capitalised word
        ("Wait, it gets better:"), not an abbreviation ("N.H."), not a clause taken for a description
        ("the size of the crowd doesn't please")."""
        if speaker.via == ANONYMOUS:
            words = speaker.name.split()
            return len(words) <= 5 and _noun_phrase(words) and not any(w.endswith(("n't", "n’t")) for w in words)
        if speaker.label is not None or speaker.via != "name" or " " in speaker.name.strip():
            return True
        word = speaker.name.strip(" .")
        if "." in word and len(word.replace(".", "")) <= 4:
            return False
        return gz.english_frequency(word.lower()) < _COMMON_ZIPF or word in gz.given_names() or word in gz.surnames()

    def _sentence_opener(self, name: Candidate, head: int) -> bool:
        """ "Weeks later", "Buying a gun": a common word capitalised only because it opens the sentence."""
        if name.start != head or " " in name.name:
            return False
        word = name.name
        if gz.english_frequency(word.lower()) < _COMMON_ZIPF or word in gz.given_names():
            return False
        following = re.match(r"\s+(\w)", self.masked[name.end : name.end + 3])
        return following is not None and following.group(1).islower()

    def name_at(self, lo: int, hi: int) -> Speaker | None:
        """A name written in capitals at ``[lo, hi)`` taken as a name even when it is an English word
        ("From", "Will"): the slot before a closing speech verb is a subject's."""
        words = self.masked[lo:hi].split()
        if not words or words[0].lower() in PRONOUNS or words[0].lower() in ("the", "a", "an", "this", "that"):
            return None
        cands = [c for c in self._mentions_between(lo, hi) if c.end == hi]
        if cands:
            c = max(cands, key=lambda c: c.end - c.start)
            return Speaker(c.start, c.end, c.name, "name", c.label)
        names = [n for n in names_in(self.masked, lo, hi) if n.end == hi]
        if names:  # titles dropped: "Mayor Jo Roe" -> "Jo Roe"
            return Speaker(names[-1].start, hi, names[-1].name, "name")
        return Speaker(lo, hi, self.masked[lo:hi], "name") if len(words) == 1 else None

    def classify(self, lo: int, hi: int) -> Speaker | None:
        """Who the words ``[lo, hi)`` name: a name, a pronoun's antecedent or a description."""
        return self._classify(lo, hi)

    def _mentions_between(self, lo: int, hi: int) -> list[Candidate]:
        """The mentions inside ``[lo, hi)``, in text order."""
        if not self._sorted:
            return [c for c in self.mentions if lo <= c.start and c.end <= hi]
        first, last = bisect.bisect_left(self._starts, lo), bisect.bisect_left(self._starts, hi)
        return [c for c in self.mentions[first:last] if c.end <= hi]

    def _classify(self, lo: int, hi: int) -> Speaker | None:
        text = self.masked
        while lo < hi and not text[lo].isalnum():
            lo += 1
        while hi > lo and not (text[hi - 1].isalnum() or text[hi - 1] == "."):
            hi -= 1
        if lo >= hi or MASK in text[lo:hi]:
            return None
        adverb = re.match(r"(?:even|also|only|just|then)\s+(?=\w)", text[lo:hi], re.IGNORECASE)
        if adverb is not None:  # "even one dock worker said"
            lo += adverb.end()
        source = _DOCUMENT_FROM.match(text, lo, hi)
        if source and re.search(r"\b[A-Z]", text[source.end() : hi]):
            lo = source.end()  # "a statement from the Acme Corporation" -> the Acme Corporation
        # (not "the statement released by each office": a description whole)
        words = text[lo:hi].split()
        if not words:
            return None
        if words[-1].lower().rstrip(".") in _SPEECH_NOUNS and words[0].lower() in _POSSESSIVE_DETERMINERS:
            return None  # "Her comments, said Roe, are '...'": words said are not who says them
        contracted = re.fullmatch(r"(\w+)['’](?:s|ve|d|ll|re|m)", text[lo:hi])
        if contracted is not None and contracted.group(1).lower() in PRONOUNS:  # "he's maintained that"
            hi = lo + contracted.end(1)
            words = [contracted.group(1)]
        last = re.search(r"(\w+)\.?$", text[lo:hi])
        if last and last.group(1).lower() in PRONOUNS and (len(words) == 1 or last.group(1).lower() != "i"):
            return self.refs.pronoun(lo + last.start(1), lo + last.end(1))
        named_start = len(words) > 1 and words[0][:1].isupper() and words[1][:1].isupper()  # "Will Doyle"
        # "That cable warned": a demonstrative opening the sentence, not the conjunction "that"
        demonstrative = words[0] in ("This", "That") and len(words) > 1 and words[1][:1].islower()
        if len(words) > 12 or (words[0].lower() in _NOT_SUBJECT_START and not named_start and not demonstrative):
            return None
        if _PARTITIVE.match(text, lo, hi):  # "one of Roe's aides": someone unnamed, not Roe
            return self._group_member(lo, hi) or Speaker(lo, hi, text[lo:hi], ANONYMOUS)
        rep = _REPRESENTATIVE.search(text, lo, hi)
        if rep:
            who = self._name_in(rep.end(), hi, at_end=False)
            if who is not None:
                role = " ".join(rep.group(1).lower().split())
                joiner = "for" if role.startswith(("spokes", "represent", "press secretary")) else "of"
                return Speaker(who.start, who.end, f"{role} {joiner} {who.name}", "role", who.label)
        poss = _POSSESSIVE_ROLE.search(text, lo, hi)
        if poss:
            who = self._name_in(lo, poss.start(), at_end=True)
            if who is not None and who.end > poss.start():  # "the County Sheriff's Office": a body's own name
                return who
            if who is not None:
                role = " ".join(poss.group(1).lower().split())
                return Speaker(who.start, who.end, f"{who.name}'s {role}", "role", who.label)
        document = _POSSESSIVE_DOCUMENT.search(text, lo, hi)
        if document:
            who = self._name_in(lo, document.start(), at_end=True)
            if who is not None:
                written = " ".join(text[who.start : hi].split())
                return Speaker(who.start, who.end, written, "role", who.label)
        authored = _NAMED_DOCUMENT.search(text, lo, hi)
        if authored and re.fullmatch(r"(?i:the)\s+", text[lo : lo + 4]):
            # "the Daily Courier report said", "the Acme Corporation statement": the author, its document kept
            who = self._name_in(lo, authored.start(), at_end=True)
            if who is not None and not text[lo + 4 : who.start].strip():
                return Speaker(who.start, who.end, " ".join(text[lo:hi].split()), "role", who.label)
        caller = _KNOWN_AS_FROM.fullmatch(text, lo, hi)
        if caller is not None:  # "a caller named Dot from Weyburn": Dot
            return self._name_in(caller.start(1), caller.end(1), at_end=True)
        known = _KNOWN_AS.fullmatch(text, lo, hi)
        if known is not None:  # "a retired pilot named Jo Roe", "the base chief known as Roe": the name
            named = self._name_in(known.start(1), hi, at_end=True)
            if named is not None:
                return named
        if words[0].lower() in ("a", "an", "one", "another", "some", "several", "two", "three"):
            return Speaker(lo, hi, text[lo:hi], ANONYMOUS)  # "a Democrat", "one EU diplomat": nobody named
        caller = _NAME_FROM_PLACE.fullmatch(text, lo, hi)
        if caller is not None and caller.group(1).split()[0] in gz.given_names():  # the caller, not the town
            hi = caller.end(1)
        people = _PEOPLE_AT.match(text, lo, hi)
        if people is not None and self._people(people.group(1)):
            return Speaker(lo, hi, text[lo:hi], ANONYMOUS)  # "Officials at the X Board": people there, unnamed
        of = re.search(r"([A-Z][\w'’.-]*)\s+of\s+", text[lo:hi])
        titled = of is not None and of.group(1) in OF_TITLES  # "Chief of Staff Jo Roe": a title, then the name
        if of and not titled and of.group(1).lower() not in OF_HEADS and names_in(text, lo, lo + of.end(1)):
            hi = lo + of.end(1)  # "Jo Bloggs of the charity Harvest Hope": the person, not the charity
        named = self._name_in(lo, hi, at_end=True)
        if named is not None and _affiliation(named.name) and _ROLE_BEFORE_NAME.match(text, lo, named.start):
            return self.refs.description(lo, hi)  # "the panel's top Democrat": a description, not a name
        if named is not None:
            return named
        if len(words) == 2 and words[0].lower() == "the" and re.fullmatch(r"[A-Z][a-z]+s", words[1]):
            return Speaker(lo, hi, text[lo:hi], ANONYMOUS)  # "the Vardians", "the Democrats": a people, a party
        if (
            last
            and last.group(1).islower()
            and len(words) <= 7
            and not any(w[:1].isupper() for w in words[-1:])
            and _noun_phrase(words)
        ):
            return self.refs.description(lo, hi)
        return self._name_in(lo, hi, at_end=False)

    def _name_in(self, lo: int, hi: int, *, at_end: bool) -> Speaker | None:
        """The named person or organisation heading ``[lo, hi)`` (the last one, ending at ``hi`` if ``at_end``)."""
        tail = self.masked[lo:hi].rstrip(" .,")
        real_end = lo + len(tail)
        cands = self._mentions_between(lo, hi)
        if at_end:
            cands = [c for c in cands if c.end >= real_end - 1]
        if cands:
            c = max(cands, key=lambda c: (c.end, c.label is Label.PERSON))
            return self._office(Speaker(c.start, c.end, c.name, "name", c.label))
        names = names_in(self.masked, lo, hi)
        if at_end:
            names = [n for n in names if n.end >= real_end - 1]
        if names:
            n = names[-1]
            inside = self._mentions_between(n.start, n.end)
            if inside:  # the entity extractor's reading of the same words
                c = inside[-1]
                return self._office(Speaker(c.start, c.end, c.name, "name", c.label))
            return self._office(Speaker(n.start, n.end, n.name, "name"))
        return None

    def _office(self, named: Speaker) -> Speaker:
        """ "the County Sheriff's Office", "the Prime Minister's Office": a body named after an office
        holder, capitals and all, is the body (not "Roe's office", which is Roe's)."""
        office = _OFFICE_NAME.match(self.masked, named.end)
        if office is None or named.label is Label.PERSON:
            return named
        name = self.masked[named.start : office.end()]
        return Speaker(named.start, office.end(), name, "name", Label.ORG)

    def remember(self, position: int, speaker: Speaker) -> None:
        self.refs.remember(position, speaker)
