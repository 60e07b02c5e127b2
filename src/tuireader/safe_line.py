"""Outside strings made safe for one line of a terminal.

File names, URLs, HTTP reason phrases, feed titles and exception texts come from outside and
may hold escape sequences (ESC[2J clears the screen, OSC 52 writes the clipboard), other
control characters, line breaks, bidi overrides, or bytes that are not UTF-8 (surrogate
escapes from ``os.fsdecode``). :func:`safe_line` turns any of them into one printable line;
every warning, error and listing shown on a terminal goes through it.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, line and paragraph separators, bidi embeddings/overrides/isolates,
# zero-width joiners that can hide text, and lone surrogates (undecodable bytes of a file name).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": " ", "\x1b": "\\e"}

MAX_LINE = 500  # a warning is a line, not a page


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode: show the byte
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def safe_line(value: object, limit: int = MAX_LINE) -> str:
    """``value`` as one line with every control, escape and bidi character shown as an escape.

    The result holds no C0 or C1 control character, no ESC and no line break, whatever the
    input; it is cut at ``limit`` characters with an ellipsis.
    """
    text = value if isinstance(value, str) else str(value)
    out = _UNSAFE.sub(_escape, text)
    if len(out) > limit:
        out = out[: limit - 1] + "…"
    return out


def readable_name(name: str) -> str:
    """A file name with the bytes the file system could not decode shown as ``\\xNN``.

    ``os.fsdecode`` keeps such bytes as lone surrogates, which cannot be encoded as UTF-8 (JSON
    output, the cache's keys, the terminal); everything else is kept as it is.
    """
    if not any("\udc80" <= char <= "\udcff" for char in name):
        return name
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
