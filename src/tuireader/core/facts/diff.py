"""Word-level differences between two sentences, as spans into each article's text.

Tokens are words and punctuation; the spans of consecutive operations tile each sentence exactly
(the space after a token belongs to it), so a renderer can paint a sentence from its ops alone.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from tuireader.core.text.tokens import DIFF_TOKEN_RE
from tuireader.model import DiffOp, Span

# Quote and apostrophe style is house style, not a difference between reports.
QUOTE_STYLE = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})


def _tokens(text: str, span: Span) -> tuple[list[str], list[int]]:
    """Folded tokens of a sentence and the boundaries between them (len(tokens) + 1 offsets)."""
    words: list[str] = []
    bounds: list[int] = [span.start]
    for m in DIFF_TOKEN_RE.finditer(text, span.start, span.end):
        if words:
            bounds.append(m.start())
        words.append(m.group().lower().translate(QUOTE_STYLE))
    bounds.append(span.end)
    if not words:
        bounds = [span.start, span.end]
    return words, bounds


def word_diff(left_text: str, left: Span, right_text: str, right: Span) -> tuple[DiffOp, ...]:
    """Edit operations turning the left sentence into the right one, case and quote style ignored.

    difflib's matching blocks (longest common runs) read better than a minimal edit script: a
    paraphrase shows as a few replaced phrases rather than a scatter of one-word substitutions.
    """
    a, a_bounds = _tokens(left_text, left)
    b, b_bounds = _tokens(right_text, right)
    if not a and not b:
        return (DiffOp("equal", left, right),)
    if not a or not b:
        return (DiffOp("insert" if not a else "delete", left, right),)
    ops: list[DiffOp] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    codes = matcher.get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(codes):
        # The first op starts at the sentence start and the last ends at its end, whatever the tokens.
        ls = left.start if index == 0 else a_bounds[i1]
        rs = right.start if index == 0 else b_bounds[j1]
        le = left.end if index == len(codes) - 1 else a_bounds[i2]
        re_ = right.end if index == len(codes) - 1 else b_bounds[j2]
        ops.append(DiffOp(tag, Span(ls, le), Span(rs, re_)))
    return tuple(ops)
