"""Normalisation, paragraphs, headings and sentences.

The normalised text is what every offset in tuireader indexes, so normalisation happens once,
here, and everything downstream works on its result.

Sentence boundaries come from pysbd (a port of the Golden Rules segmenter, which handles
abbreviations, initials and quotations), with one repair it lacks: it splits after "a.m."/"p.m."
even when the sentence goes on ("5 p.m. Moscow time (10:00 a.m. Eastern Time)").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from tuireader.model import Span

if TYPE_CHECKING:
    import pysbd

# C0 and C1 controls other than newline become their visible Unicode "control picture" (or the
# replacement character), so an escape sequence in an article can never reach the terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+")
_SENTENCE_END = tuple(".!?:;,\"'”’)]…")
_SENTENCE_CLOSE = tuple(".!?\"'”’)…")
_SMALL_WORDS = frozenset(
    [
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "over", "the",
        "to", "up", "with", "vs", "via", "nor", "per",
    ]
)


def _control_picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x7F:
        return "\u2421"
    if code < 0x20:
        return chr(0x2400 + code)
    return "\ufffd"


def neutralise(text: str) -> str:
    """Replace control and bidi-override characters with visible stand-ins (same length)."""
    text = text.replace("\t", " ")
    return _CONTROL.sub(_control_picture, text)


@dataclass(frozen=True, slots=True)
class Layout:
    """The normalised text with its block structure."""

    text: str
    paragraphs: tuple[Span, ...]
    headings: tuple[Span, ...]


def _is_heading_line(line: str, next_line: str | None) -> bool:
    """A short title-case line without closing punctuation, standing before body text."""
    stripped = line.strip()
    if not stripped or len(stripped) > 90 or stripped.endswith(_SENTENCE_END):
        return False
    words = stripped.split()
    if len(words) > 12 or not (stripped[0].isupper() or stripped[0].isdigit()):
        return False
    capitalised = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    # Title case: every content word capitalised (one exception allowed in longer lines).
    if not content or len(capitalised) < len(content) - (1 if len(content) >= 4 else 0):
        return False
    if next_line is None:
        return True
    # A hard-wrapped paragraph's first line runs to the wrap width; a heading is shorter.
    return len(stripped) < 0.75 * len(next_line.strip())


def layout(raw: str) -> Layout:
    """Normalise ``raw`` and find its paragraphs and headings.

    Unicode NFC; CRLF/CR to LF; controls neutralised; lines inside a paragraph joined with a
    space (undoing hard wraps); paragraphs separated by one blank line; a standalone short
    title-case line, or a Markdown ``#`` line, becomes a heading.
    """
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = neutralise(text.lstrip("\ufeff"))
    blocks: list[tuple[str, bool]] = []  # (text, is_heading)
    for block in _BLANK_LINE.split(text):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        body: list[str] = []
        for i, line in enumerate(lines):
            md = _MD_HEADING.match(line)
            following = lines[i + 1] if i + 1 < len(lines) else None
            # A heading starts a block or follows a line that ended its sentence.
            at_boundary = not body or body[-1].endswith(_SENTENCE_CLOSE)
            if md or (at_boundary and _is_heading_line(line, following)):
                if body:
                    blocks.append((" ".join(" ".join(body).split()), False))
                    body = []
                blocks.append((" ".join((line[md.end() :] if md else line).split()), True))
            else:
                body.append(line)
        if body:
            blocks.append((" ".join(" ".join(body).split()), False))
    out: list[str] = []
    paragraphs: list[Span] = []
    headings: list[Span] = []
    pos = 0
    for i, (block_text, is_heading) in enumerate(blocks):
        if not block_text:
            continue
        if out:
            out.append("\n\n")
            pos += 2
        span = Span(pos, pos + len(block_text))
        # A "heading" with no body after it is just a short paragraph.
        has_body_after = any(not h for _, h in blocks[i + 1 :])
        (headings if is_heading and has_body_after else paragraphs).append(span)
        out.append(block_text)
        pos = span.end
    return Layout("".join(out), tuple(paragraphs), tuple(headings))


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    import pysbd
    from pysbd.utils import TextSpan

    class Segmenter(pysbd.Segmenter):  # type: ignore[misc]
        r"""pysbd's segmenter, finding each sentence's offsets with ``str.find``.

        pysbd (0.3.4) locates every sentence with ``re.finditer(re.escape(sentence) + r"\s*", text)``:
        one new pattern per distinct sentence, so Python's regex cache (512 entries) kept evicting
        pysbd's own few hundred rule patterns, which were then recompiled for every paragraph (a
        third of sentence splitting). Same matches: the first occurrence, followed by its whitespace,
        that ends after the previous sentence's span.
        """

        def sentences_with_char_spans(self, sentences: list[str]) -> list[TextSpan]:
            text: str = self.original_text
            spans: list[TextSpan] = []
            prior_end = 0
            for sent in sentences:
                if not sent:  # not expected; matched as pysbd would
                    found = next((m for m in re.finditer(r"\s*", text) if m.end() > prior_end), None)
                    if found:
                        spans.append(TextSpan(found.group(), found.start(), found.end()))
                        prior_end = found.end()
                    continue
                start = text.find(sent)
                while start >= 0:
                    end = start + len(sent)
                    while end < len(text) and text[end].isspace():
                        end += 1
                    if end > prior_end:
                        spans.append(TextSpan(text[start:end], start, end))
                        prior_end = end
                        break
                    start = text.find(sent, end)
            return spans

    return Segmenter(language="en", clean=False, char_span=True)


_TIME_ABBREV_END = re.compile(r"\b[ap]\.m\.\s*$", re.IGNORECASE)
_CONTINUES_AFTER_TIME = re.compile(
    r"""^\s*(?:
        [a-z(\[\d,;]                                   # lowercase, bracket, digit, punctuation
      | [A-Z]{2,4}\b                                   # time zone: ET, GMT, UTC, MSK
      | (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b
      | (?:January|February|March|April|May|June|July|August|September|October|November|December)\b
      | [A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+time\b      # "Moscow time", "Eastern Standard time"
    )""",
    re.VERBOSE,
)


_QUOTE_END_EXCLAIM = re.compile(r"[!?][\"'”’]+\s*$")
_ATTRIBUTION_START = re.compile(
    r"^(?:(?:he|she|they|we|it|I)|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+"
    r"(?:said|says|wrote|writes|added|asked|stated|told|posted|tweeted|declared|exclaimed|shouted|replied|"
    r"insisted|warned|cried|demanded)\b"
)
_NO_WORDS = re.compile(r"^[^\w]*$")


def _continues(previous: str, current: str) -> bool:
    """Repairs for splits pysbd makes inside a sentence."""
    if _NO_WORDS.match(current):  # a stray closing quote or bracket
        return True
    if _TIME_ABBREV_END.search(previous) and _CONTINUES_AFTER_TIME.match(current):
        return True
    # “Let it begin!” Smith wrote. — the attribution belongs to the quote.
    return bool(_QUOTE_END_EXCLAIM.search(previous) and _ATTRIBUTION_START.match(current))


def _segment_block(text: str, start: int, end: int) -> list[Span]:
    block = text[start:end]
    spans: list[Span] = []
    for seg in _segmenter().segment(block):
        s, e = seg.start, seg.end
        # pysbd's spans include trailing whitespace; trim both ends.
        while s < e and block[s].isspace():
            s += 1
        while e > s and block[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        if spans and _continues(text[spans[-1].start : spans[-1].end], block[s:e]):
            spans[-1] = Span(spans[-1].start, start + e)
            continue
        spans.append(Span(start + s, start + e))
    return spans


def sentences(text: str, paragraphs: tuple[Span, ...]) -> tuple[Span, ...]:
    """Sentence spans, in order, never crossing a paragraph boundary."""
    out: list[Span] = []
    for para in paragraphs:
        out.extend(_segment_block(text, para.start, para.end))
    return tuple(out)
