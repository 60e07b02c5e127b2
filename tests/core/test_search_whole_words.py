"""The whole-word test by word look-up gives what the word-boundary regex over every string gave.

``reference_match`` is the matching as it was written before the look-up (a regex per string);
the index must agree with it on every mode, for invented strings with apostrophes, hyphens,
underscores, digits and accented letters, and for words that are not plain word characters.
"""

from __future__ import annotations

import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from tuireader.core.search import WHOLE_WORD_BONUS, SearchIndex, _cutoff, _FieldIndex, parse_query
from tuireader.model import Article

STRINGS = [
    "Brenna Tolvaj",
    "Tolvaj's harbour plan",
    "O'Mara-Tolvaj wins vote",
    "new_york desk",
    "Port of Saint-Évrard",
    "évrard bridge reopens after 3 days",
    "A 3-day strike at Kessel Yards",
    "Kessel yards, kessel docks",
    "U.S. envoy visits Kessel",
    "the strike",
    "strikes and strikers",
    "Yardley Kess",
    "e",
    "",
]
WORDS = [
    "e",
    "a",
    "3",
    "de",
    "u.s",
    "u.s.",
    "o'",
    "'s",
    "kessel",
    "kesel",
    "yards",
    "yard",
    "strike",
    "tolvaj",
    "évrard",
    "evrard",
    "saint-évrard",
    "new",
    "york",
    "new_york",
    "kessel yards",
    "x",
    "harbour plan",
]


def _whole(word: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)")


def reference_match(index: _FieldIndex, word: str, mode: str) -> tuple[list[int], list[float]]:
    """The matching as it was: the word-boundary regex run on each string (the bigram prefilter
    of fuzzy matching is unchanged, and used here as it was)."""
    keys = index.keys
    whole = _whole(word)
    if mode == "exact":
        hits = [i for i, k in enumerate(keys) if k == word]
        return hits, [100.0 + WHOLE_WORD_BONUS] * len(hits)
    if mode == "words":
        hits = [i for i, k in enumerate(keys) if word in k and whole.search(k)]
        return hits, [100.0 + WHOLE_WORD_BONUS] * len(hits)
    cutoff = _cutoff(word)
    if cutoff >= 100.0:
        hits = [i for i, k in enumerate(keys) if word in k]
        return hits, [100.0 + (WHOLE_WORD_BONUS if whole.search(keys[i]) else 0.0) for i in hits]
    idx = index.candidates(word, cutoff)
    among = list(range(len(keys))) if idx is None else idx.tolist()
    choices = [keys[i] for i in among]
    scores = process.cdist([word], choices, scorer=fuzz.partial_ratio, score_cutoff=cutoff, dtype=np.float32)[0]
    hits = [(i, float(sc)) for i, sc in zip(among, scores.tolist(), strict=True) if sc >= cutoff]
    return [i for i, _ in hits], [
        sc + (WHOLE_WORD_BONUS if sc >= 100.0 and whole.search(keys[i]) else 0.0) for i, sc in hits
    ]


def _check(strings: list[str], word: str) -> None:
    index = _FieldIndex({s: {i} for i, s in enumerate(strings)})
    for mode in ("exact", "words", "fuzzy"):
        found, scores = index.match(word, mode=mode)
        want, want_scores = reference_match(index, word, mode)
        assert found.tolist() == want and scores.tolist() == want_scores, (word, mode)


def test_every_mode_agrees_with_the_regex_on_invented_strings() -> None:
    for word in WORDS:
        _check(STRINGS, word)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet="abké_'-. 3", max_size=14), min_size=1, max_size=8),
    st.text(alphabet="abké_'-. 3", min_size=1, max_size=6),
)
def test_every_mode_agrees_with_the_regex_on_any_strings(strings: list[str], word: str) -> None:
    word = " ".join(word.split())
    if word:
        _check(list(dict.fromkeys(strings)), word)


def test_search_ranks_whole_words_first() -> None:
    articles = [Article(id=f"a{i}", path=f"a{i}.txt", source="", title=t, text=t) for i, t in enumerate(STRINGS[:12])]
    index = SearchIndex(articles)
    results = index.search(parse_query("Kessel")[0].word)
    # The whole word in three headlines (105, corpus order), then the fuzzy "Kess" (below 100).
    assert [r.article for r in results][:3] == ["a6", "a7", "a8"]
    assert [r.score for r in results][:3] == [100.0 + WHOLE_WORD_BONUS] * 3
    assert all(r.score < 100.0 for r in results[3:])


def test_kept_word_matches_give_the_same_results_as_a_fresh_index() -> None:
    articles = [Article(id=f"a{i}", path=f"a{i}.txt", source="", title=t, text=t) for i, t in enumerate(STRINGS)]
    typed, fresh = SearchIndex(articles), SearchIndex
    queries = ["k", "ke", "kessel", "kessel y", "kessel yards", "yards kessel", "kessel yards x", "strike 3"]
    queries += ["h:kessel", "s:kessel"]
    for query in queries:  # one index, typed into word by word
        typed.search(query)
    for query in reversed(queries):
        got, want = typed.search(query), fresh(articles).search(query)
        assert [(r.article, r.score, r.matches) for r in got] == [(r.article, r.score, r.matches) for r in want]
