"""Outside strings on the terminal: one line, no control character, no escape sequence."""

from __future__ import annotations

import os
import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from tuireader.safe_line import safe_line

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


@given(st.text())
def test_any_text_becomes_one_printable_line(value: str) -> None:
    line = safe_line(value)
    assert not _CONTROL.search(line)
    assert "\x1b" not in line
    assert len(line.splitlines()) <= 1
    assert not any(unicodedata.category(c) in {"Cs", "Zl", "Zp"} for c in line)
    line.encode("utf-8")  # printable on any UTF-8 terminal: no lone surrogates


@given(st.binary())
def test_undecodable_file_names_are_shown_byte_by_byte(raw: bytes) -> None:
    name = os.fsdecode(raw) if os.name == "posix" else raw.decode("latin-1")
    line = safe_line(name)
    line.encode("utf-8")
    assert "\x1b" not in line and "\n" not in line


def test_escape_sequences_are_shown_not_obeyed() -> None:
    assert safe_line("a\x1b[2Jb") == "a\\e[2Jb"
    assert safe_line("x\x1b]52;c;aGk=\x07y") == "x\\e]52;c;aGk=\\x07y"
    assert safe_line("two\nlines\r") == "two\\nlines\\r"
    assert safe_line(os.fsdecode(b"caf\xe9.txt")) == "caf\\xe9.txt"
    assert safe_line("abc\u202eevil") == "abc\\u202eevil"


def test_plain_text_is_unchanged_and_long_text_is_cut() -> None:
    assert safe_line("Plain words, “quotes” and café.") == "Plain words, “quotes” and café."
    cut = safe_line("x" * 1000, limit=20)
    assert len(cut) == 20 and cut.endswith("…")
    assert safe_line(ValueError("bad\nvalue")) == "bad\\nvalue"
