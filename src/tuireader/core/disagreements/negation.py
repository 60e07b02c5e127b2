"""One report says a thing happened, another that it did not ("reached an agreement" / "failed to reach one").

A negation cue opens a short scope (up to a few words, closed by punctuation or a contrasting
conjunction). A conflict needs two content words of that scope to appear close together and
un-negated in the other sentence: sharing the single word "agreement" is not enough, since "an
agreement on wages but no agreement on hours" negates a different agreement. The two must say the
same thing apart from the negation: every content word of the negated phrase (the verb and its
object, up to a preposition) is found in the other sentence.

What is not a negation the outlet reports: a claim told in indirect speech ("Ruiz said he did not
sign it", "insisting that the city never paid") is the speaker's, as a quotation is; "deny access"
or "refuse entry" is an act, not a negation (only "refused to", "denied that", "denied taking" are);
"as Ruiz did not a year ago" negates a verb left out. "Has yet to sign" does negate.
"""

from __future__ import annotations

import re

from tuireader.core.disagreements.memo import SentenceMemo
from tuireader.core.text import lexicon
from tuireader.core.text.numbers import Token, tokenize
from tuireader.model import Article, Span

Pair = tuple[tuple[int, int], tuple[int, int]]

CUES = {"not", "no", "never", "without", "neither", "nor", "none", "cannot", "nothing"}
# Stems: "failed to", "refused to", "denied" ("rejected the veto" is an act, not a negation).
CUE_VERBS = ("fail", "refus", "declin", "deni")
CUE_PREFIXES = {"fail", "refu", "decl", "deni", "deny"}
CUE_RE = re.compile(
    r"\b(?:" + "|".join(sorted(CUES)) + r"|\w+n[’']t|fail|refus|declin|deni|deny|yet\s+to)", re.IGNORECASE
)
# After a verb cue, what makes it a negation: "refused to", "denied that", "denied taking", "denied any".
VERB_CUE_NEXT = {"to", "that", "any", "ever"}
YET_AFTER = {"has", "have", "had", "is", "are", "was", "were"}  # "has yet to sign": has not signed
DETERMINERS = {"a", "an", "the", "this", "that", "last"}
# Verbs of saying and thinking, as written (not "state", "report" or "note", which are nouns too):
# a clause after one is someone's claim ("said he did not", "insisting that the city never paid").
REPORTING = frozenset(
    f"{stem}{end}"
    for stem, ends in {
        "say": ("", "s", "ing"), "said": ("",), "told": ("",), "tell": ("", "s", "ing"), "insist": ("s", "ed", "ing"),
        "claim": ("s", "ed", "ing"), "argu": ("es", "ed", "ing"), "announc": ("es", "ed", "ing"),
        "warn": ("s", "ed", "ing"), "believ": ("e", "es", "ed"), "think": ("", "s"), "thought": ("",),
        "contend": ("s", "ed"), "maintain": ("s", "ed"), "assert": ("s", "ed"), "acknowledg": ("es", "ed"),
        "admit": ("s", "ted"), "confirm": ("s", "ed"), "wrote": ("",), "tweet": ("ed",), "add": ("ed",),
        "suggest": ("s", "ed"), "testif": ("ied", "ies"), "alleg": ("es", "ed", "ing"), "predict": ("s", "ed"),
        "expect": ("s", "ed"), "hop": ("es", "ed"), "fear": ("s", "ed"), "according": ("",), "den": ("ied", "ies"),
        "explain": ("s", "ed"), "stress": ("ed",),
    }.items()
    for end in ends
)  # fmt: skip
SCOPE_END = {"but", "while", "although", "though", "whereas", "yet", "and", "or", "which", "who", "that", "because"}
PREPOSITIONS = {"on", "in", "at", "for", "with", "after", "before", "during", "since", "by", "from", "over", "under"}
AUXILIARIES = {
    "be",
    "been",
    "being",
    "is",
    "are",
    "was",
    "were",
    "have",
    "has",
    "had",
    "do",
    "does",
    "did",
    "to",
    "a",
    "an",
    "the",
    "yet",
    "even",
    "ever",
    "also",
    "always",
    "only",
    "just",
    "any",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "so",
    "far",
    "longer",
    "more",
}
SCOPE_WORDS = 6
OPEN = {"whether", "if"}  # what follows is asked or supposed, not stated
CUE_REACH = 8  # words after a negation cue that never count as stated
WINDOW = 6  # how close the matching words must sit in the other sentence


def _is_cue(tokens: list[Token], i: int) -> bool:
    token = tokens[i]
    low = token.low
    after = tokens[i + 1].low if i + 1 < len(tokens) else ""
    if low == "yet":
        return after == "to" and i > 0 and tokens[i - 1].low in YET_AFTER
    if low in CUES or low.endswith("n't"):
        # "as Ruiz did not a year ago": the verb negated is left out
        do_not = (low == "not" and i > 0 and tokens[i - 1].low in {"do", "does", "did"}) or low.startswith("d")
        return not (do_not and after in DETERMINERS)
    if low[:4] in CUE_PREFIXES and lexicon.lemma(low).startswith(CUE_VERBS):
        return after in VERB_CUE_NEXT or (after.endswith("ing") and len(after) > 4)
    return False


def _reported(tokens: list[Token], i: int) -> bool:
    """Is token ``i`` in a clause told as someone's words ("Ruiz said he did not ...")?"""
    return any(t.low in REPORTING for t in tokens[:i])


def _scopes(tokens: list[Token]) -> list[tuple[int, int, list[int]]]:
    """(cue index, last scope index, [head word index, then content words]) for each negation.

    The head is the first word after the cue that is not an auxiliary ("not say whether ...":
    "say"; "failed to reach": "reach"); it is what is negated.
    """
    out = []
    for i, tok in enumerate(tokens):
        if not tok.word or not _is_cue(tokens, i) or _reported(tokens, i):
            continue
        scope: list[int] = []
        last = i
        for k in range(i + 1, min(len(tokens), i + 1 + SCOPE_WORDS)):
            t = tokens[k]
            if t.text == "." and k > 0 and tokens[k - 1].text[:1].isupper():
                continue  # "Mr.", "Gen.": an abbreviation's dot, not the end of the clause
            if not t.word or (t.low in SCOPE_END and t.low != "yet") or _is_cue(tokens, k):
                break
            last = k
            if (not scope and t.low not in AUXILIARIES) or (scope and lexicon.is_content(t.text)):
                scope.append(k)
        if len(scope) >= 2:
            out.append((i, last, scope))
    return out


def _display_end(tokens: list[Token], scope: list[int], matched: set[str]) -> int:
    """Where the shown negated phrase ends: "failed to reach an agreement", not "... on Monday evening"."""
    hits = [k for k in scope if lexicon.lemma(tokens[k].text) in matched]
    prep = next((k for k in range(scope[0], scope[-1] + 1) if tokens[k].low in PREPOSITIONS), None)
    before = [k for k in hits if prep is None or k < prep]
    return max(before) if len(before) >= 2 else max(hits)


def _negated(tokens: list[Token]) -> tuple[set[int], list[tuple[int, int, list[int]]]]:
    if not any(_is_cue(tokens, k) for k, t in enumerate(tokens) if t.word):
        return set(), []
    scopes = _scopes(tokens)
    inside = {k for cue, last, _ in scopes for k in range(cue, last + 1)}
    return inside, scopes


def _one_way(art_a: Article, ta: list[Token], art_b: Article, tb: list[Token]) -> list[Pair]:
    _, scopes_a = _negated(ta)
    if not scopes_a:
        return []
    inside_b, scopes_b = _negated(tb)
    negated_b = {lexicon.lemma(tb[k].text) for _, _, content in scopes_b for k in content}
    # Words just after a negation cue are not stated, even past a comma ("you don't do, is engage in"),
    # nor are words in an open question ("announces whether he will seek a second term").
    near_cue = {
        k for j, t in enumerate(tb) if t.word and (_is_cue(tb, j) or t.low in OPEN) for k in range(j, j + 1 + CUE_REACH)
    }
    positive_b = [
        (k, lexicon.lemma(t.text)) for k, t in enumerate(tb) if t.word and k not in inside_b and k not in near_cue
    ]
    out: list[Pair] = []
    for cue, _last, scope in scopes_a:
        head = lexicon.lemma(ta[scope[0]].text)
        wanted = {lexicon.lemma(ta[k].text) for k in scope} - negated_b
        if head not in wanted:
            continue
        core = _core(ta, scope) & wanted
        hits = [(k, lem) for k, lem in positive_b if lem in wanted]
        for k, lem in hits:
            if lem != head:
                continue
            near = [(j, other) for j, other in hits if abs(j - k) <= WINDOW]
            matched = {other for _, other in near}
            if len(matched) >= 2 and core <= matched:
                ks = [j for j, _ in near]
                end = _display_end(ta, scope, matched)
                out.append(((ta[cue].start, ta[end].end), (tb[min(ks)].start, tb[max(ks)].end)))
                break
        else:
            found = _none_against_done(ta, cue, scope, tb, positive_b)
            if found is not None:
                out.append(found)
    return out


def _core(tokens: list[Token], scope: list[int]) -> set[str]:
    """The negated phrase's own words: the verb and its object, up to a preposition ("reach an
    agreement" of "failed to reach an agreement on Monday"): all must be said in the other report."""
    prep = next((k for k in range(scope[0], scope[-1] + 1) if tokens[k].low in PREPOSITIONS), None)
    return {lexicon.lemma(tokens[k].text) for k in scope if prep is None or k < prep}


def _clause(tokens: list[Token], k: int) -> range:
    """Token indices of the clause around ``k`` (between commas, semicolons or colons)."""
    start, end = k, k
    while start > 0 and tokens[start - 1].text not in ",;:":
        start -= 1
    while end + 1 < len(tokens) and tokens[end + 1].text not in ",;:":
        end += 1
    return range(start, end + 1)


def _none_against_done(
    ta: list[Token], cue: int, scope: list[int], tb: list[Token], positive_b: list[tuple[int, str]]
) -> Pair | None:
    """ "No charges have been filed against Ruiz" / "Ruiz was charged with three offences": none of
    a thing against the thing done (the noun's verb, in the past), said of the same person or thing."""
    head = ta[scope[0]]
    if ta[cue].low != "no" or not head.low.endswith("s"):
        return None
    lemma = lexicon.lemma(head.text)
    around_a = {lexicon.lemma(t.text) for t in ta if t.word and lexicon.is_content(t.text)} - {lemma}
    for k, lem in positive_b:
        if lem != lemma or not tb[k].low.endswith("ed"):
            continue
        clause = _clause(tb, k)
        shared = [j for j, other in positive_b if j in clause and abs(j - k) <= WINDOW and other in around_a]
        if len({positive_b_lemma for j, positive_b_lemma in positive_b if j in shared}) >= 2:
            ks = [k, *shared]
            return (ta[cue].start, head.end), (tb[min(ks)].start, tb[max(ks)].end)
    return None


def _has_cue(article: Article, span: Span, memo: SentenceMemo) -> bool:
    def read() -> bool:
        return CUE_RE.search(article.text, span.start, span.end) is not None

    return memo.once("negation cue", article, span, read)


def sentence_tokens(article: Article, span: Span, memo: SentenceMemo) -> list[Token]:
    return memo.once("tokens", article, span, lambda: tokenize(article.text, span.start, span.end))


def negation_conflicts(
    art_a: Article, sa: Span, art_b: Article, sb: Span, memo: SentenceMemo | None = None
) -> list[Pair]:
    """Spans (A, B) where one sentence negates what the other states."""
    memo = memo or SentenceMemo()
    cue_a = _has_cue(art_a, sa, memo)
    cue_b = _has_cue(art_b, sb, memo)
    if not cue_a and not cue_b:
        return []  # most sentences negate nothing: skip the word-by-word reading
    ta = sentence_tokens(art_a, sa, memo)
    tb = sentence_tokens(art_b, sb, memo)
    out = _one_way(art_a, ta, art_b, tb) if cue_a else []
    if cue_b:
        out.extend((a, b) for b, a in _one_way(art_b, tb, art_a, ta))
    return out
