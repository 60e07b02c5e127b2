"""Normalisation, paragraphs, headings and sentences.

The normalised text is what every offset in tuireader indexes, so normalisation happens once,
here, and everything downstream works on its result.

Sentence boundaries come from pysbd (a port of the Golden Rules segmenter, which handles
abbreviations, initials and quotations), with one repair it lacks: it splits after "a.m."/"p.m."
even when the sentence goes on ("5 p.m. Moscow time (10:00 a.m. Eastern Time)"). These are the
sentences every view and the fact alignment use (``sentences``).

Attribution reads clause-sized windows of a text whose quoted words are masked out, within a
budget of a few milliseconds per article: ``clause_spans`` is that second, much simpler splitter
(a full stop, "!", "?" or "…" before a capital, an abbreviation's stop excepted). Both live here,
with the abbreviations they share (``tokens.ABBREVIATIONS``).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from tuireader.core.text.dates import MONTH_PATTERN, WEEKDAY_PATTERN
from tuireader.core.text.quote_marks import open_quotation, opens_quotation
from tuireader.core.text.tokens import is_abbreviation
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
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "over",
        "the",
        "to",
        "up",
        "with",
        "vs",
        "via",
        "nor",
        "per",
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


# A line that ends its sentence: final punctuation, then any closing quotes or brackets. A colon
# ends a line that introduces a quotation or a list.
_LINE_ENDS_SENTENCE = re.compile(r"[.!?…:][\"'”’»)\]]*$")
# An opening adverbial phrase with its comma ("On Monday,", "In the capital,", "Last week,") begins a
# sentence; headings are noun phrases and do not open like this.
_INTRODUCTORY = re.compile(
    r"^(?:on|in|at|after|before|during|since|following|last|earlier|later|early|late|yesterday|today|"
    r"meanwhile|however|overnight|separately|also|still|instead|now|then|this|that)\b[^,]{0,30},",
    re.IGNORECASE,
)
# A byline standing on its own line: "By Ana Ruiz", "By Ana Ruiz and Tom Hale, Harbour News".
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|da|van|von|der|la|le|bin|al))*"
_BYLINE = re.compile(rf"^By\s+{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*$")
_QUOTE_LOOKAHEAD = 4  # lines a quotation left open at a line end may run on to close


def _ends_sentence(line: str) -> bool:
    return bool(_LINE_ENDS_SENTENCE.search(line.rstrip()))


def _starts_lowercase(line: str) -> bool:
    first = line.lstrip("\"'“”‘’«»([ ")
    return bool(first) and first[0].islower()


def _is_heading_line(line: str, next_line: str | None) -> bool:
    """A short title-case line without closing punctuation, standing before body text."""
    stripped = line.strip()
    if not stripped or len(stripped) > 90 or stripped.endswith(_SENTENCE_END):
        return False
    words = stripped.split()
    if len(words) > 12 or not (stripped[0].isupper() or stripped[0].isdigit()):
        return False
    # A line that stops on "the", "of", "and" or opens with "On Monday," is a sentence cut by a line break.
    if words[-1].lower() in _SMALL_WORDS or _INTRODUCTORY.match(stripped):
        return False
    capitalised = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    # Title case: every content word capitalised (one exception allowed in longer lines).
    if not content or len(capitalised) < len(content) - (1 if len(content) >= 4 else 0):
        return False
    if next_line is None:
        return True
    if _starts_lowercase(next_line):
        return False
    # A hard-wrapped paragraph's first line runs to the wrap width; a heading is shorter.
    return len(stripped) < 0.75 * len(next_line.strip())


_WRAP_WIDTH_MAX = 200  # hard-wrapped text breaks its lines at 60-100 characters, e-mail at 72-78
_WRAP_SLACK = 0.8  # a line this much shorter than the widest, with room for the next word, was not wrapped
# A line that ends in a quotation's credit: '"..." — Jo Roe, 24'
_CREDITED_LINE = re.compile(r"[\"”’'»]\s*[—–―‒-]{1,2}\s*[A-Z][^\"“”]{0,80}$")
_LIST_ITEM = re.compile(r"(?:[-*+•]|\d{1,3}[.)])\s+\S")  # a Markdown or plain-text list item's line
_RAGGED = 0.5  # a wrapped paragraph's lines (its last aside) are all longer than this share of its longest


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def lines_are_paragraphs(blocks: list[list[str]]) -> bool:
    """Whether single line breaks separate paragraphs (one paragraph a line) rather than wrap them.

    ``blocks`` are the lines of each blank-line-separated block. A text that already separates its
    paragraphs with blank lines (two blocks or more that end a sentence, a one-line first block
    such as a headline not counted) keeps its single line breaks as wraps. Otherwise the evidence
    is where a line is followed by another line of the same block: does it end its sentence?
    Hard-wrapped text breaks lines wherever the width runs out, so few of its lines end a
    sentence; text with one paragraph a line ends nearly every line with a full stop, a question
    mark, a closing quote or a colon.
    """
    paragraph_blocks = sum(
        1
        for index, lines in enumerate(blocks)
        if (len(lines) > 1 or (index and lines)) and any(_ends_sentence(line) for line in lines)
    )
    if paragraph_blocks >= 2:
        return False
    inner = [line for lines in blocks for line in lines[:-1]]
    return bool(inner) and 2 * sum(_ends_sentence(line) for line in inner) >= len(inner)


def _quote_runs_on(body: list[str], lines: list[str], i: int) -> int:
    """How many following lines belong to a quotation that ``body`` leaves open at line ``i``.

    One paragraph a line, a quotation of several sentences may still run over several lines with no
    mark at their starts (the convention for a continued quote reopens each paragraph with a
    mark): the lines up to the one that closes it are one paragraph. 0 when the quotation does not
    close within a few lines, or the next line reopens with a mark of its own.
    """
    joined = " ".join(body)
    kind = open_quotation(joined)
    if kind is None or i + 1 >= len(lines) or opens_quotation(lines[i + 1]) is kind:
        return 0
    for extra in range(1, _QUOTE_LOOKAHEAD + 1):
        if i + extra >= len(lines):
            break
        joined += " " + lines[i + extra]
        if open_quotation(joined) is None:
            return extra
    return 0


def _unforced_quote_break(body: list[str], following: str, width: int, ragged: bool) -> bool:
    """Whether the line break before ``following`` (which opens a quotation) starts a new paragraph.

    A hard wrap puts a word on the next line only when it does not fit on this one: a line with
    room for the next line's first word (judged against the widest line of the text) was ended by
    its writer, as in a list of quotations each on its own line ('"..." — Jo Roe' then '"..."'); so
    was every line of a block whose lines are too unequal to be wrapped at one width (``ragged``).
    """
    if opens_quotation(following) is None or open_quotation(" ".join(body)) is not None:
        return False
    if not (_ends_sentence(body[-1]) or _CREDITED_LINE.search(body[-1])):
        return False  # "... and then she" / "“promised” a bridge": a sentence runs on over the break
    first_word = following.split()[0]
    return ragged or len(body[-1]) + 1 + len(first_word) <= width * _WRAP_SLACK


def _item_boundary(body: list[str]) -> bool:
    """Whether a list item may start after the paragraph ``body``: its last line ends its sentence,
    introduces the list ("Reactions:") or ends in a credit, or the paragraph is an item itself. A
    wrapped sentence can put a dash or a number at a line start ("the plan\n- which few read -"),
    never after a full stop."""
    return _ends_sentence(body[-1]) or bool(_CREDITED_LINE.search(body[-1]) or _LIST_ITEM.match(body[0]))


def _paragraph(lines: list[str]) -> str:
    """Lines joined into one paragraph, runs of white space as one space."""
    return " ".join(" ".join(lines).split())


def _ragged(lines: list[str]) -> bool:
    """Whether a block's lines (the last aside) are too unequal to be one paragraph wrapped at one width."""
    inner = [len(line) for line in lines[:-1]]
    return len(inner) >= 2 and min(inner) < _RAGGED * max(inner)


def layout(raw: str) -> Layout:
    """Normalise ``raw`` and find its paragraphs and headings.

    Unicode NFC; CRLF/CR to LF; controls neutralised; paragraphs separated by one blank line in
    the result. Paragraphs and headings are read from the evidence in the text:

    - blank lines always separate paragraphs;
    - inside a block, when most lines end their sentence the text has one paragraph a line
      (``lines_are_paragraphs``), and so does a line longer than any wrap width; a line break
      still joins when it is a hard wrap: the line ends mid-sentence (no final punctuation) or
      the next line goes on in lower case, or a quotation left open closes a few lines on;
      otherwise lines are joined with a space (undoing hard wraps);
    - a list item ("- ", "* ", "2. ") starts a paragraph after a sentence's end, a credit or another
      item; so does a line opening a quotation after a line ending its sentence or a credit, when
      no hard wrap forced the break (``_unforced_quote_break``: a list of quotations, one a line);
    - a Markdown ``#`` line, or a short title-case line with no final stop that follows the end
      of a sentence in body text and stands before more text, is a heading.
    """
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = neutralise(text.lstrip("\ufeff"))
    split = [_lines(block) for block in _BLANK_LINE.split(text)]
    per_line = lines_are_paragraphs(split)
    width = max((len(line) for lines in split for line in lines), default=0)  # the widest line: any wrap is narrower
    blocks: list[tuple[str, bool]] = []  # (text, is_heading)
    seen_body = False  # a plain-text subheading comes after body text, never before it
    for lines in split:
        body: list[str] = []
        joins = 0  # lines still to join into this paragraph (a quotation running on)
        ragged = _ragged(lines)
        for i, line in enumerate(lines):
            md = _MD_HEADING.match(line)
            following = lines[i + 1] if i + 1 < len(lines) else None
            # A heading starts a block or follows a line that ended its sentence.
            at_boundary = not body or body[-1].endswith(_SENTENCE_CLOSE)
            if md or (seen_body and at_boundary and not joins and _is_heading_line(line, following)):
                if body:
                    blocks.append((_paragraph(body), False))
                    body = []
                blocks.append((" ".join((line[md.end() :] if md else line).split()), True))
                continue
            if body and not joins and _LIST_ITEM.match(line) and _item_boundary(body):
                blocks.append((_paragraph(body), False))  # "- item", "2. item": its own paragraph
                body = []
            body.append(line)
            seen_body = True
            if following is not None and not joins and _unforced_quote_break(body, following, width, ragged):
                blocks.append((_paragraph(body), False))
                body = []
                continue
            # Nobody hard-wraps at this width: a long line ends its paragraph when the next line does
            # not go on in lower case, even in a text whose other paragraphs are separated by blank lines.
            if following is None or not (per_line or len(line) > _WRAP_WIDTH_MAX):
                continue
            if body == [line] and _BYLINE.match(line) and not _starts_lowercase(following):
                blocks.append((" ".join(line.split()), False))  # a byline: a paragraph of its own
                body = []
                continue
            if joins:
                joins -= 1
                if joins:
                    continue
            long_line = len(line) > _WRAP_WIDTH_MAX  # ends its paragraph even after a credit ("... [Outlet]")
            if (not long_line and not _ends_sentence(line)) or _starts_lowercase(following):
                continue  # a hard wrap inside a sentence
            joins = _quote_runs_on(body, lines, i)
            if joins:
                continue
            blocks.append((_paragraph(body), False))
            body = []
        if body:
            blocks.append((_paragraph(body), False))
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


_FIRST_LINE = re.compile(r"\A\s*?([^\n]*\S)[ \t]*\n([ \t]*\n)?")
_HEADLINE_WORDS = 25
_HEADLINE_SENTENCE_WORDS = 20  # a headline written as a sentence, with its full stop


def split_headline(raw: str) -> tuple[str | None, str]:
    """The headline (first line) of a plain-text article and the text after it, or (None, raw).

    The first line is the headline when it reads as one:

    - followed by a blank line: up to 25 words, not ending like a sentence (".", ",", ";");
    - followed directly by the body (one paragraph a line, no blank line): not a hard wrap (the
      next line does not go on in lower case, the line does not end mid-phrase), and either up to
      25 words with no final punctuation and clearly shorter than the next line, or one sentence
      of up to 20 words, with its full stop, shorter than the paragraph after it (a lede paragraph
      is longer, or more than one sentence).
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    match = _FIRST_LINE.match(text)
    if not match or not text[match.end() :].strip():
        return None, raw
    line = match.group(1).strip()
    rest = text[match.end() :]
    words = line.split()
    if len(line) > 200 or len(words) > _HEADLINE_WORDS or not any(ch.isalpha() for ch in line):
        return None, raw
    if match.group(2) is not None:  # a blank line after it
        return (None, raw) if line.endswith((".", ",", ";")) else (line, rest)
    following = rest.lstrip().split("\n", 1)[0].strip()
    if _starts_lowercase(following) or line.endswith((",", ";", ":", "-", "–", "—")):
        return None, raw
    if line.startswith("#") or words[-1].lower() in _SMALL_WORDS or _INTRODUCTORY.match(line):
        return None, raw
    if not _ends_sentence(line):
        # Not the first line of a hard-wrapped paragraph: clearly shorter than the line after it,
        # or the text goes on one paragraph a line (a byline or a short first paragraph may follow).
        if len(line) < 0.75 * len(following) or lines_are_paragraphs([_lines(b) for b in _BLANK_LINE.split(rest)]):
            return line, rest
        return None, raw
    if len(words) > _HEADLINE_SENTENCE_WORDS or len(_segment_block(line, 0, len(line))) != 1:
        return None, raw
    body = layout(rest)
    first = body.paragraphs[0] if body.paragraphs else None
    return (line, rest) if first is not None and len(line) < len(first) else (None, raw)


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    import pysbd
    from pysbd.utils import TextSpan

    class Segmenter(pysbd.Segmenter):  # type: ignore[misc]
        r"""pysbd's segmenter, finding each sentence's offsets with ``str.find``.

        pysbd (0.3.4) locates every sentence with ``re.finditer(re.escape(sentence) + r"\s*", text)``:
        one new pattern per distinct sentence, so Python's regex cache (512 entries) kept evicting
        pysbd's own few hundred rule patterns, which were then recompiled for every paragraph (a
        third of sentence splitting). Same matches, but looked for from the previous sentence's end
        first: the first occurrence there, followed by its whitespace.
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
                # From the previous sentence's end: pysbd's own rule (the first occurrence that ends
                # after it) found "' he said. '" again at 0 in "' he said. ' he said. '".
                start = text.find(sent, prior_end)
                if start < 0:
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
    rf"""^\s*(?:
        [a-z(\[\d,;]                                   # lowercase, bracket, digit, punctuation
      | [A-Z]{{2,4}}\b                                   # time zone: ET, GMT, UTC, MSK
      | {WEEKDAY_PATTERN}\b
      | {MONTH_PATTERN}\b
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


_TERMINATOR = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s)")
_NEXT_WORD = re.compile(r"\s+([^\W\d_])")


def clause_spans(masked: str, blocks: Sequence[Span], quoted: Sequence[int] = ()) -> list[Span]:
    """Clause-sized sentence spans for attribution, never crossing a block (paragraph): a fast scan
    for a full stop (not an abbreviation's), "!", "?" or "…" followed by a capital. ``masked`` is the
    text with quoted words masked out (``quotes.context.mask_quotes``), so a quotation of several
    sentences stays one unit with its attribution; ``quoted``: ends of sentences that close with a
    quotation (``quotes.context.quoted_ends``)."""
    out: list[Span] = []
    extra = sorted(quoted)
    for block in blocks:
        start = block.start
        lo, hi = bisect_left(extra, block.start), bisect_left(extra, block.end)
        ends = [(m.start(), m.end()) for m in _TERMINATOR.finditer(masked, block.start, block.end)]
        ends += [(e, e) for e in extra[lo:hi]]
        ends.sort()
        for m_start, m_end in ends:
            if m_end <= start:
                continue
            if m_start < m_end:
                word = re.search(r"([\w.'’-]+)[.!?…]*$", masked[max(start, m_start - 20) : m_start + 1])
                token = word.group(1).rstrip(".").lower() if word else ""
                if masked[m_start] == "." and is_abbreviation(token):
                    continue
                after = _NEXT_WORD.match(masked, m_end, block.end)
                if after is not None and after.group(1).islower():
                    continue  # "Sen. Jo Bloggs (R-Fla.) said": a sentence starts with a capital
            end = m_end
            if end > start:
                out.append(Span(start, end))
            start = end
            while start < block.end and masked[start].isspace():
                start += 1
        if start < block.end:
            out.append(Span(start, block.end))
    return out
