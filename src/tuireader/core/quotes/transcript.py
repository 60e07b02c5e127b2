"""Transcript turns: paragraphs that open with a speaker's name in capitals and a colon, with no
quotation marks (``OAKES: My opponent wants it.``, ``MODERATOR: Let's move on.``).

News prints debates, hearings and interviews this way. A paragraph is a turn only in a transcript:
at least two turns in the article, each naming someone the article names elsewhere (the surname
of a person mentioned, "OAKES" for "Jo Oakes") or a role of the exchange ("MODERATOR", "HOST").
Labels of other kinds ("UPDATE:", "CORRECTION:") name nobody the article mentions, so they are
never turns. An interview's ``Q:`` is the interviewer's, its ``A:`` the interviewee's: the person the
article names most before the first turn. The quotation covers the words after the colon, less
stage directions in capitals at the end ("(APPLAUSE)", "[CROSSTALK]").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tuireader.model import Label, Mention, Quote, Span

# "OAKES:", "SEN. OAKES:", "MS. VALE:", "MODERATOR:" opening a paragraph; then words, not a quotation mark
_TURN = re.compile(r"\s*((?:[A-Z][A-Z'’.-]*\s+){0,2}[A-Z][A-Z'’-]+|Q|A)\s*:\s+(?=[^\s\"“”‘’'«])")
_STAGE = re.compile(r"(?:\s*[(\[][A-Z][A-Z ]{2,30}[)\]])+\s*$")  # "(APPLAUSE)", "[CROSSTALK]"
_ROLES = frozenset("MODERATOR HOST ANCHOR INTERVIEWER QUESTIONER PANELIST REPORTER JUDGE CHAIRMAN CHAIRWOMAN".split())
_MIN_TURNS = 2


def transcript_quotes(text: str, blocks: Sequence[Span], mentions: Sequence[Mention]) -> list[Quote]:
    """The turns of a transcript in the article, as Quotes of the people they name."""
    by_surname: dict[str, Mention] = {}
    for m in mentions:
        if m.label is Label.PERSON and m.text.split():
            by_surname.setdefault(m.text.split()[-1].upper().strip(".,"), m)
    turns = [(b, t) for b in blocks if (t := _TURN.match(text, b.start, b.end)) is not None]
    labels = {t.group(1) for _, t in turns}
    if {"Q", "A"} <= labels:  # an interview: "A:" answers are the interviewee's, the person named most before
        first = min(b.start for b, t in turns if t.group(1) in ("Q", "A"))
        subject = _most_named([m for m in mentions if m.label is Label.PERSON and m.end <= first])
        if subject is not None:
            by_surname["A"] = subject
    out: list[Quote] = []
    for block, turn in turns:
        quote = _turn(text, block, turn, by_surname)
        if quote is not None:
            out.append(quote)
    return out if len(out) >= _MIN_TURNS else []


def _most_named(persons: Sequence[Mention]) -> Mention | None:
    """The person with the most mentions (by surname; the first on a tie), as first written in full."""
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for m in persons:
        key = m.text.split()[-1]
        counts[key] = counts.get(key, 0) + 1
        if key not in first or len(m.text) > len(first[key].text):
            first[key] = m
    if not counts:
        return None
    best = max(counts, key=lambda k: (counts[k], -first[k].start))
    return first[best]


def _turn(text: str, block: Span, turn: re.Match[str], by_surname: dict[str, Mention]) -> Quote | None:
    """One turn: ``NAME: words`` naming a mentioned person or a role of the exchange."""
    label = turn.group(1)
    if any(ch in text[turn.end() : block.end] for ch in '"“”'):
        return None  # words with quotation marks of their own: read by the attribution patterns
    end = block.end
    stage = _STAGE.search(text, turn.end(), end)
    if stage is not None:
        end = stage.start()
    while end > turn.end() and text[end - 1].isspace():
        end -= 1
    if end <= turn.end():
        return None
    surname = label.split()[-1].strip(".")
    person = by_surname.get(surname)
    if person is not None:
        return Quote(turn.end(), end, speaker_start=person.start, speaker_end=person.end, speaker_name=person.text)
    if surname in _ROLES:  # "MODERATOR:": the role, no entity claimed
        return Quote(turn.end(), end, speaker_name=f"the {surname.lower()}")
    if surname == "Q":  # the interviewer's question
        return Quote(turn.end(), end, speaker_name="the interviewer")
    return None
