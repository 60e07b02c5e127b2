"""List articles and vox pops: a line naming a person heads each item, and the item's quotation has
no verb of speech.

Once a web page is read as plain text, a list of people ("what voters told us", "the victims",
"how lawmakers reacted") becomes a run of short paragraphs: a line with a name and perhaps an age,
a place or a job ("Jo Roe, 34, Ashford"), sometimes an image credit ("Courtesy of Jo Roe",
"Facebook/Jo Roe", "Photo: Al Lind/Courier"), then the person's words in quotation marks. The
words are the heading person's; the credited photographer or account is nobody's voice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tuireader.core.quotes.context import MASK, cues
from tuireader.core.quotes.references import Speaker
from tuireader.core.quotes.speakers import SpeakerFinder
from tuireader.model import Label, Span

_NAME_LINE_WORDS = 16  # "Jo Roe, 34, a retired teacher from Ashford, Ohio": a heading, not a sentence
_CREDIT_WORDS = 10
_CREDITS_SKIPPED = 2  # an image credit and its caption may stand between the heading and the words
# "1. ", "- ", "No. 3: " before the name
_ITEM_LEAD = re.compile(r"\s*(?:[-–—•*]\s+|(?:No\.\s*)?\d{1,2}[.):]\s+|\(\d{1,2}\)\s+)?")
# What may follow the name on its line: an age, a place, a job, a party code; never a verb
_NAME_TAIL = re.compile(r"(?:\s*(?:[,(—–-]|--)[^\"“”‘’]*|\s*)[.:]?\s*")
_VERB_IN_TAIL = re.compile(
    r"\b(?:is|was|are|were|has|have|had|will|would|can|could|did|does|do|says|said|told|tells|"
    r"who|which|that|wants|thinks|believes|feels|voted|votes|plans)\b",
    re.IGNORECASE,
)
# Image credits scraped as lines of their own
_IMAGE_CREDIT = re.compile(
    r"\s*(?:(?:Photo(?:graph)?|Image|Picture|Credit|Photo\s+credit|Source|Video)\s*(?::|by\b)"
    r"|Courtesy\b|\(?(?:AP|Getty|Reuters|AFP|EPA|Shutterstock)\b)"
    r"|.*\b[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*\s*/\s*[A-Z]"  # "Facebook/Jo Roe", "Al Lind/The Courier"
    r"|.*\b(?:Getty\s+Images|Associated\s+Press|Reuters|AFP)\.?\s*$"
    r"|\s*\([^()]*\bfor\s+The\s+[A-Z][^()]*\)\.?\s*$"  # "(Al Lind for The Courier)"
)


def item_speaker(masked: str, blocks: Sequence[Span], block: int, finder: SpeakerFinder) -> Speaker | None:
    """The person whose name line heads the list item that block ``block`` (opening with a
    quotation) belongs to: the nearest block before it, past at most two image credits, when that
    block is a name line."""
    skipped = 0
    for index in range(block - 1, -1, -1):
        lo, hi = blocks[index].start, blocks[index].end
        if MASK in masked[lo:hi] or any(c in masked[lo:hi] for c in '"“”'):
            return None
        line = masked[lo:hi]
        if skipped < _CREDITS_SKIPPED and len(line.split()) <= _CREDIT_WORDS and _IMAGE_CREDIT.match(line):
            skipped += 1
            continue
        return _name_line(masked, lo, hi, finder)
    return None


def _name_line(masked: str, lo: int, hi: int, finder: SpeakerFinder) -> Speaker | None:
    """The person a line of its own names, when the line is only a name with an age, place or job."""
    if len(masked[lo:hi].split()) > _NAME_LINE_WORDS:
        return None
    lead = _ITEM_LEAD.match(masked, lo, hi)
    start = lead.end() if lead is not None else lo
    speaker = finder.leading(Span(start, hi), hi)
    if speaker is None or speaker.via != "name" or speaker.start != start:
        return None
    if speaker.label not in (Label.PERSON, None) or len(speaker.name.split()) < 2:
        return None  # "Ashford, Ohio" or a one-word name: not a person's heading
    tail = masked[speaker.end : hi]
    if not _NAME_TAIL.fullmatch(tail) or _VERB_IN_TAIL.search(tail) or cues(masked, speaker.end, hi):
        return None
    return speaker
