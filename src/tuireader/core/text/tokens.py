"""Words as the whole core reads them: the word patterns, and the small closed classes of words
(honorifics, abbreviations with a full stop) that several subsystems must agree on.

Each pattern is defined once, here, and named by what it keeps; the core's readers differ only in
which one they need:

- ``WORD_RE``: words and numbers with inner apostrophes, hyphens, dots and commas ("Lisbon's",
  "30-day", "U.S", "1,000"): content words for alignment, spelling, quotations.
- ``DIFF_TOKEN_RE``: words (inner apostrophes only) and single punctuation marks: a word-level diff.
- ``LETTERS_RE``: runs of letters and digits, nothing joined: plain phrasing.
- ``WORD_CHARS_RE`` / ``NON_WORD_RE``: runs of word characters and what lies between them, as a
  search phrase and a name's key split text.

The tokenizer that reads numbers and dates (``numbers.tokenize``), the one that reads names
(``entities.chunks.tokenize``) and the sentence splitter (``segment.sentences``) keep their own
patterns beside their code; month and weekday names live in ``dates``; English function words in
``common_words``.
"""

from __future__ import annotations

import re

from tuireader.core.text.dates import MONTH_ABBREVIATIONS

WORD_RE = re.compile(r"[^\W_]+(?:['’.,\-][^\W_]+)*")
DIFF_TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[^\w\s]|_+")
LETTERS_RE = re.compile(r"[^\W_]+")
WORD_CHARS_RE = re.compile(r"\w+")
NON_WORD_RE = re.compile(r"[^\w]+")

# The titles news writes before a surname alone ("Mr. Roe"), lower case and without the full stop.
HONORIFICS = ("mr", "mrs", "ms", "dr")

# Words written with a full stop that does not end a sentence ("Sen. Roe", "Sept. 11", "Acme Inc. said"),
# lower case, without the stop.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen lt col capt sgt maj adm st jr sr rev hon no vs etc inc ltd co
    corp dept est fig mt ft pres supt cmdr approx sens reps govs gens drs messrs mmes atty""".split()
) | frozenset(MONTH_ABBREVIATIONS)


def is_abbreviation(word: str) -> bool:
    """Whether a full stop after ``word`` (given without it) is an abbreviation's, not a sentence end:
    a listed abbreviation ("Dr"), an initial ("J") or a word with inner dots ("U.S")."""
    return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or "." in word


def phrase_words(phrase: str) -> list[str]:
    """The lower-case words of a search phrase, as the full-text index and the highlighter split it."""
    return WORD_CHARS_RE.findall(phrase.lower())
