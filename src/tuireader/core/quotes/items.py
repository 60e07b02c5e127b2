"""List articles and vox pops: a line naming a person heads (or closes) each item, and the item's
quotation has no verb of speech.

Once a web page is read as plain text, a list of people ("what voters told us", "the victims",
"how lawmakers reacted") becomes a run of short paragraphs: a line with a name and perhaps a title,
an age, a place or a job ("Sen. Jo Roe, D-Ohio", "Jo Roe, 34, Ashford"), or only a description
("Retired nurse, 60s"), sometimes an image credit or caption ("Courtesy of Jo Roe",
"Facebook/Jo Roe", "Photo: Al Lind/Courier"), then the person's words in quotation marks. Some
lists put the words first and the name line after them. The words are the item person's; the
credited photographer or account is nobody's voice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tuireader.core.entities.rules import AGE_AFTER_NAME
from tuireader.core.quotes.context import MASK, cues
from tuireader.core.quotes.references import ANONYMOUS, TITLE_CASE_WORDS, Speaker, person_noun
from tuireader.core.quotes.speakers import SpeakerFinder
from tuireader.model import Label, Span

_NAME_LINE_WORDS = 16  # "Jo Roe, 34, a retired teacher from Ashford, Ohio": a heading, not a sentence
_CREDIT_WORDS = 10
_CAPTION_WORDS = 40  # a photo caption ending in its credit: "Jo Roe at home. (Photo: Al Lind/Courier)"
_NAME_WORDS = 4  # "Maria de la Cruz", "Jo Ann Roe Smith": longer runs of capitals are headlines
_DESCRIPTION_WORDS = 6  # "A teacher in her 40s", "Retired police officer"
# "1. ", "No. 3: ", "(2) ", "• " before the name (a dash-led line is a credit: see _CREDIT_LEAD)
_ITEM_LEAD = re.compile(r"\s*(?:[•*]\s+|(?:No\.\s*)?\d{1,2}[.):]\s+|\(\d{1,2}\)\s+)?")
_CREDIT_LEAD = re.compile(r"\s*(?:(?:—|–|--|-)\s*|An?\s+(?:post|photo|video)\s+shared\s+by\s+)(?=[A-Z])")
# ", who asked not to be named because ...", ", who declined to give her name": why a voice has no name
_ANONYMITY = re.compile(
    r",\s*who\s+(?:asked|requested|spoke|declined|did\s+not\s+want)\b[^.]*"
    r"\b(?:named|anonymity|identified|name|names|surname)\b.*",
    re.DOTALL,
)
# The name (or description) ends at the first comma, bracket, colon or spaced dash
_SEGMENT_END = re.compile(r"\s*(?:[,(:;]|\s(?:—|–|--|-)\s)")
_TITLE_WORDS = re.compile(r"(?:[A-Z][a-z]*\.?\s+){0,3}")  # "Sen. ", "Pastor ", "State Rep. "
_VERB_IN_TAIL = re.compile(
    r"\b(?:is|was|are|were|has|have|had|will|would|can|could|did|does|do|says|said|told|tells|"
    r"who|which|that|wants|thinks|believes|feels|voted|votes|plans)\b",
    re.IGNORECASE,
)
# "..., executive director Jo Roe": a person named after a role closes an organisation's line
_PERSON_AFTER_ROLE = re.compile(r",\s*(?:[a-z][\w-]*\s+){1,4}((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*)\s*\.?\s*")
_DESCRIPTION_HEAD = re.compile(r"(?:an?\s+|the\s+)?((?:[\w'’-]+\s+){0,4}?[\w'’-]+?)(?:\s+(?:in|of|from|with|at)\s.*)?")
# Image credits and captions scraped as lines of their own
_IMAGE_CREDIT = re.compile(
    r"\s*(?:(?:Photo(?:graph)?|Image|Picture|Credit|Photo\s+credit|Source|Video)\s*(?::|by\b|courtesy\b)"
    r"|Courtesy\b|Supplied\b|(?:Courtesy|File|Handout|Submitted)\s+(?:photo|image)\b"
    r"|\(?(?:AP|Getty|Reuters|AFP|EPA|Shutterstock)\b)"
    r"|.*\b[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*\s*/\s*[A-Z@]"  # "Facebook/Jo Roe", "Instagram/@jo"
    r"|.*\b(?:Getty\s+Images|Associated\s+Press|Reuters|AFP)\.?\s*$"
    r"|\s*\([^()]*\bfor\s+The\s+[A-Z][^()]*\)\.?\s*$"  # "(Al Lind for The Courier)"
)
_CAPTION = re.compile(r".*\((?:Photo|Image|Credit|Courtesy)\b[^()]*\)\.?\s*")  # "Jo Roe at home. (Photo: ...)"
# Words a title-case headline has and a name does not: the ones pronoun resolution knows, and more
# a line of its own may hold ("Roe Puts The Board On Notice")
_HEADLINE_WORDS = frozenset(w.lower() for w in TITLE_CASE_WORDS) | frozenset(
    "the a an of be not says said puts put gets got makes made takes took".split()
)
_QUOTE_OPENERS = "\"“”‘'"


class ListItems:
    """The blocks of one article read as list items: the item's words, a name line, a credit line
    after words, an image credit, or anything else; and whether the article's lists put each name
    before its words or after them."""

    def __init__(self, masked: str, blocks: Sequence[Span], finder: SpeakerFinder) -> None:
        self.masked = masked
        self.blocks = blocks
        self.finder = finder
        self._kinds: dict[int, tuple[str, Speaker | None]] = {}
        self._words_first: bool | None = None

    def speaker(self, block: int) -> Speaker | None:
        """Who speaks in block ``block`` (a paragraph opening with a quotation) when it is an item of
        a list of people: the name line heading the item, or in a list whose items put the words
        first, the name line after them. None when the block is not in such a list."""
        if self.kind(block)[0] != "quote":
            return None  # an item's words stand alone in their paragraph
        before, after = self._past_words(block, -1), self._past_words(block, 1)
        if before[0] != "name" and after[0] not in ("name", "dash"):
            return None  # no name line beside these words: not a list of people
        if self.words_first():
            return after[1] if after[0] in ("name", "dash") else None
        return before[1] if before[0] == "name" else None

    def _past_words(self, block: int, step: int) -> tuple[str, Speaker | None]:
        """The first block from ``block`` in direction ``step`` that is neither more of the item's words
        nor an image credit."""
        index = block + step
        while 0 <= index < len(self.blocks):
            kind = self.kind(index)
            if kind[0] not in ("quote", "credit"):
                return kind
            index += step
        return "other", None

    def words_first(self) -> bool:
        """Whether the article's first name line (or a dash credit line) comes right after an item's words."""
        if self._words_first is None:
            self._words_first = False
            for index in range(len(self.blocks)):
                kind, _ = self.kind(index)
                if kind == "dash":
                    self._words_first = True
                    break
                if kind == "name":
                    self._words_first = self._beside(index, -1)
                    break
        return self._words_first

    def _beside(self, index: int, step: int) -> bool:
        """Whether the item's words stand next to block ``index`` (past image credits) on that side."""
        index += step
        while 0 <= index < len(self.blocks) and self.kind(index)[0] == "credit":
            index += step
        return 0 <= index < len(self.blocks) and self.kind(index)[0] == "quote"

    def kind(self, index: int) -> tuple[str, Speaker | None]:
        if index not in self._kinds:
            self._kinds[index] = self._kind(self.blocks[index])
        return self._kinds[index]

    def _kind(self, span: Span) -> tuple[str, Speaker | None]:
        masked = self.masked
        line = masked[span.start : span.end]
        stripped = line.strip()
        if not stripped:
            return "other", None
        if stripped[0] in _QUOTE_OPENERS and MASK in stripped[:3]:
            unquoted = stripped.replace(MASK, "")
            return ("quote", None) if not any(c.isalpha() for c in unquoted) else ("other", None)
        if MASK in line or any(c in line for c in '"“”'):
            return "other", None
        words = len(line.split())
        if (words <= _CREDIT_WORDS and _IMAGE_CREDIT.match(line)) or (
            words <= _CAPTION_WORDS and _CAPTION.fullmatch(line)
        ):
            return "credit", None
        dash = _CREDIT_LEAD.match(masked, span.start, span.end)
        if dash is not None:
            speaker = _name_line(masked, dash.end(), span.end, self.finder)
            return ("dash", speaker) if speaker is not None else ("other", None)
        lead = _ITEM_LEAD.match(masked, span.start, span.end)
        speaker = _name_line(masked, lead.end() if lead is not None else span.start, span.end, self.finder)
        return ("name", speaker) if speaker is not None else ("other", None)


def _name_line(masked: str, start: int, hi: int, finder: SpeakerFinder) -> Speaker | None:
    """The person (or organisation, or described person) a line of its own names, when the line is
    only that with a title, an age, a place, a job or a party code, and no verb."""
    words = len(masked[start:hi].split())
    if words > _NAME_LINE_WORDS and (words > _CAPTION_WORDS or not _ANONYMITY.search(masked, start, hi)):
        return None  # a sentence, unless a short line's length is an anonymity clause's
    cut = _SEGMENT_END.search(masked, start, hi)
    end = cut.start() if cut is not None else hi
    while end > start and masked[end - 1] in ". ":
        end -= 1
    tail = masked[end:hi]
    anonymity = _ANONYMITY.search(tail)
    if anonymity is not None:  # "Nurse, 31, who asked not to be named": the heading of an unnamed voice
        tail = tail[: anonymity.start()]
    if _VERB_IN_TAIL.search(tail) or cues(masked, end, end + len(tail)) or end <= start:
        return None
    named = finder.name_at(start, end)
    if named is not None and not _TITLE_WORDS.fullmatch(masked, start, named.start):
        return None  # a name closing a sentence ("... after her car failed its inspection at Roe Motors")
    if named is not None and named.label is Label.ORG:
        person = _PERSON_AFTER_ROLE.fullmatch(tail)
        if person is not None:  # "Harbour Users Association, executive director Jo Roe"
            at = end + person.start(1)
            found = finder.name_at(at, end + person.end(1))
            if found is not None and found.label in (Label.PERSON, None):
                return found
        return named if not tail.strip(" .:") else None
    if named is not None and named.label in (Label.PERSON, None):
        if not _person_name(named.name, named.label):
            return None  # "Senator Puts The Defensive Line First": a headline in title case
        if len(named.name.split()) >= 2 or AGE_AFTER_NAME.match(tail):  # "Marisol, 24, Ashford": a first name
            return named
        return None
    return _description(masked, start, end)


def _description(masked: str, start: int, end: int) -> Speaker | None:
    """'A teacher in her 40s', 'Retired police officer', 'Father of two': a person described, not named."""
    words = masked[start:end].split()
    if not words or len(words) > _DESCRIPTION_WORDS or not words[0][0].isupper():
        return None
    if any(w[0].isupper() for w in words[1:]):
        return None  # "Harbour Street", "Retired Officer Jo": a place or a name, not a description
    head = _DESCRIPTION_HEAD.fullmatch(masked[start:end].lower())
    if head is None or not person_noun(head.group(1).split()[-1]):
        return None
    return Speaker(start, end, masked[start:end], ANONYMOUS)


def _person_name(name: str, label: Label | None) -> bool:
    """Whether words found as a name can be a person's name on a line of its own: a few capitalised
    words, not a title-case headline ("Roe Puts Harbor On Notice") nor a label in capitals."""
    words = name.split()
    if label is Label.PERSON:
        return len(words) <= _NAME_WORDS
    return (
        len(words) <= _NAME_WORDS
        and not (len(words) > 1 and name.isupper())
        and not any(w.lower() in _HEADLINE_WORDS for w in words)
    )
