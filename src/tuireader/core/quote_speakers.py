"""Who is speaking: the subject of a cue verb, a pronoun's antecedent, or the person a spokesperson speaks for.

Works on the masked text (see ``quote_context``), with the article's PERSON/ORG mentions when the
entity extractor found them and capitalised names otherwise. A speaker is reported as a span of the
text: the name itself, the antecedent's name for a pronoun or a definite description ("the ministry"
-> the earlier "Ministry of Health"), the represented person for "a spokesperson for X" (the display
name then reads "spokesperson for X"), or the description itself for anonymous speakers ("one senior
diplomat", "officials").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tuireader.core.models import Label, Span
from tuireader.core.quote_context import (
    ABBREVIATIONS,
    MASK,
    OF_HEADS,
    PRONOUNS,
    TITLE_WORDS,
    Candidate,
    Sentences,
    cues,
    names_in,
)

_SKIP_BEFORE_CUE = frozenset(
    """also later earlier then has had have would will once previously repeatedly reportedly again further
    separately only just recently first quickly simply now subsequently publicly privately flatly himself
    herself themselves itself all both too did does do is was were are not never often always already
    however""".split()
)
_BOUNDARY = re.compile(
    r"[,;:()\[\]—–\"“”«»]|(?<!\w)['‘’]|['‘’](?!\w)|\s--\s|\b(?:and|but|that|while|as|when|after|before|because|although|though|since"
    r"|whereas|who|which|where|if|so|then|what|whom|whose|than|until|unless|or|nor)\b",
    re.IGNORECASE,
)
_NOT_SUBJECT_START = frozenset(
    """and but or as while which that who with to in on at for from after before because so then is was were
    are has had have will would could can may might should not by into during via adding""".split()
)
_AFTER_CUE_STOP = re.compile(
    r"[,;:!?()\[\]—–\"“”‘’«»]|\.(?=\s|$)|\s--\s|\b(?:on|in|at|during|after|before|when|while|as|via|through|with"
    r"|adding|who|which|that|last|this|earlier|later|told|to)\b",
)
_APPOSITIVE_START = re.compile(r"(?:who|which|whose|\d|[RDI]-[A-Z]|[a-z])")
_REPRESENTATIVE = re.compile(
    r"\b(spokes(?:person|man|woman)|representatives?|press\s+secretary|office|lawyers?|attorneys?|aides?"
    r"|advisers?|advisors?|campaign|government|team|family|press\s+office)\s+(?:for|of|to)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_POSSESSIVE_ROLE = re.compile(
    r"['’]s\s+(spokes(?:person|man|woman)|representatives?|press\s+secretary|office|lawyers?|attorneys?|aides?"
    r"|advisers?|advisors?|campaign|government|team|family|press\s+office)\s*$",
    re.IGNORECASE,
)
_ORG_HEADS = frozenset(
    """ministry department agency government office company firm council committee commission court police
    army military party union group board bank embassy administration campaign team club league university
    hospital school authority regulator service parliament assembly senate congress cabinet kremlin
    palace federation association institute foundation organisation organization""".split()
)
_ROLE_HEADS = frozenset(
    """spokesperson spokesman spokeswoman president minister mayor governor senator chancellor secretary
    leader chief commissioner ambassador judge coach ceo premier aide adviser advisor prosecutor
    director chairman chairwoman chair official""".split()
)


_MALE_BEFORE = re.compile(
    r"\b(?:son|husband|brother|father|boyfriend|grandson|nephew|uncle|mr\.?|sir|king|prince|man)\b[\s,]*$"
)
_FEMALE_BEFORE = re.compile(
    r"\b(?:daughter|wife|sister|mother|girlfriend|granddaughter|niece|aunt|mrs\.?|ms\.?|miss|dame|lady|queen"
    r"|princess|woman)\b[\s,]*$"
)
_AGE_DESCRIPTION = re.compile(r"the\s+\d+-year-old(?:\s+\w+)?", re.IGNORECASE)

UNRESOLVED = "unresolved"  # a pronoun with no antecedent: the quote is attributed, the speaker unknown
ANONYMOUS = "anonymous"  # "one senior official": shown as the speaker's name, but names no entity


@dataclass(frozen=True, slots=True)
class Speaker:
    start: int
    end: int
    name: str
    via: str  # "name", "pronoun", "role", "description" (resolved to a mention), ANONYMOUS or UNRESOLVED
    label: Label | None = None
    relative: bool = False  # found through "who"/"what": "X, who has called it a 'farce'"


class SpeakerFinder:
    """Subject finding for one article; remembers resolved speakers for later pronouns."""

    def __init__(
        self,
        masked: str,
        blocks: Sequence[Span],
        sentences: Sentences,
        mentions: Sequence[Candidate],
        occupied: Sequence[Span] = (),
    ) -> None:
        self.masked = masked
        self.blocks = list(blocks)
        self.block_starts = [b.start for b in blocks]
        self.sentences = sentences
        self.mentions = list(mentions)
        # Capitalised names the entity extractor did not claim (as anything) stand in as antecedents too.
        taken = sorted([(m.start, m.end) for m in self.mentions] + [(o.start, o.end) for o in occupied])
        self.antecedents = sorted(
            self.mentions + [n for n in names_in(masked, 0, len(masked)) if not _overlaps(taken, n.start, n.end)],
            key=lambda c: c.start,
        )
        self.genders: dict[str, str] = {}  # name as written -> "he"/"she", learned from resolved pronouns
        self.resolved: list[tuple[int, Speaker]] = []  # (position of the subject words, speaker)
        self._resolving = False

    # ---- subjects -------------------------------------------------------------------------------

    def before(self, lo: int, hi: int) -> Speaker | None:
        """The subject of a cue verb starting at ``hi``, looking back no further than ``lo``."""
        text = self.masked
        end = hi
        while True:
            seg = text[lo:end].rstrip()
            word = re.search(r"(\w+)$", seg)
            if word and (
                word.group(1).lower() in _SKIP_BEFORE_CUE or (word.group(1).endswith("ly") and seg[-1:].islower())
            ):
                end = lo + word.start()
                continue
            break
        seg_end = lo + len(text[lo:end].rstrip())
        rel = re.search(r",?\s*\b(?:who|which|that)$", text[lo:seg_end], re.IGNORECASE)
        if rel:
            found = self._relative_antecedent(lo, lo + rel.start())
            return replace(found, relative=True) if found is not None else None
        if text[lo:seg_end].endswith(","):
            return self._before_appositive(lo, seg_end - 1)
        start = lo
        last: re.Match[str] | None = None
        for match in _BOUNDARY.finditer(text, lo, seg_end):
            start, last = match.end(), match
        inner = cues(text, start, seg_end)
        if inner:  # "Vogt said the chancellor had promised ...": the subject of the nearer verb
            start, last = inner[-1].end(), None
        found = self._classify(start, seg_end)
        if found is not None and last is not None and last.group().lower() == "what":
            found = replace(found, relative=True)  # "what it calls": the narrator's phrase, not a speech act
        return found

    def _relative_antecedent(self, lo: int, hi: int) -> Speaker | None:
        """The noun before "who"/"which": "Roig, the chief fire officer, who said" -> Roig."""
        text = self.masked
        commas = [lo + m.start() for m in re.finditer(",", text[lo:hi])]
        part_lo = commas[-1] + 1 if commas else lo
        start = part_lo
        for match in _BOUNDARY.finditer(text, part_lo, hi):
            start = match.end()
        found = self._classify(start, hi)
        if (found is None or found.via in ("description", ANONYMOUS)) and commas:
            prev_lo = commas[-2] + 1 if len(commas) > 1 else lo
            named = self._name_in(prev_lo, commas[-1], at_end=True)
            if named is not None:
                return named
        return found

    def _before_appositive(self, lo: int, hi: int) -> Speaker | None:
        """ "X, the mayor, said" / "X, who ..., said": the subject is the part before the appositives."""
        text = self.masked
        commas = [m.start() for m in re.finditer(",", text[lo:hi])]
        bounds = [lo] + [lo + c + 1 for c in commas] + [hi + 1]
        parts = [(bounds[i], bounds[i + 1] - 1) for i in range(len(bounds) - 1)]
        for i in range(len(parts) - 2, -1, -1):
            p_lo, p_hi = parts[i]
            words = text[p_lo:p_hi].strip()
            if not words:
                continue
            if i < len(parts) - 2 and _APPOSITIVE_START.match(words) and not words.startswith(("the ", "a ", "an ")):
                continue
            start = p_lo
            for match in _BOUNDARY.finditer(text, p_lo, p_hi):
                start = match.end()
            found = self._classify(start, p_hi)
            if found is not None and found.via in (ANONYMOUS, "role") and i + 1 < len(parts):
                # "the coach, Jo Bloggs, said" / "X's lawyer, Jo Bloggs, said": the name in the appositive
                a_lo, a_hi = parts[i + 1]
                named = self._name_in(a_lo, a_hi, at_end=True)
                lead = text[a_lo : named.start].split() if named is not None else []
                if named is not None and all(w.lower().rstrip(".") in TITLE_WORDS for w in lead):
                    return named
            return found
        return None

    def after(self, lo: int, hi: int) -> Speaker | None:
        """The subject after an inverted cue: "said X", "according to X, the role"."""
        text = self.masked
        stop = None
        for match in _AFTER_CUE_STOP.finditer(text, lo, hi):
            word = re.search(r"([\w.]+)$", text[lo : match.start()])
            if match.group() == "." and word and (word.group(1).lower() in ABBREVIATIONS or len(word.group(1)) == 1):
                continue  # "said Dr. Jo Bloggs", "said J. Bloggs"
            stop = match
            break
        end = stop.start() if stop else hi
        found = self._classify(lo, end)
        if found is not None and found.via == ANONYMOUS and stop and text[stop.start()] == ",":
            named = re.match(r"\s*([^,;:]+?)(?:[,;:]|\.?$)", text[stop.end() : hi])
            tail = self._name_in(stop.end(), stop.end() + named.end(1), at_end=True) if named else None
            if tail is not None and len(named.group(1).split()) <= 5 if named else False:
                return tail
        return found

    def leading(self, sentence: Span, hi: int) -> Speaker | None:
        """The subject at the head of a sentence, for "..., and said" / "..., saying"."""
        text = self.masked
        lo = sentence.start
        first = re.match(r"\s*(\w+)", text[lo:hi])
        if first and first.group(1).lower() in PRONOUNS:
            return self._pronoun(lo + first.start(1), lo + first.end(1))
        intro = re.match(r"[^,]{0,60}?,\s*", text[lo:hi]) if first and first.group(1)[:1].isupper() else None
        head = lo + intro.end() if intro and text[lo + intro.end() : lo + intro.end() + 1].isupper() else lo
        window_end = min(hi, head + 80)
        for cand in self._mentions_between(head, window_end):
            return Speaker(cand.start, cand.end, cand.name, "name", cand.label)
        names = names_in(text, head, window_end)
        if names:
            n = names[0]
            return Speaker(n.start, n.end, n.name, "name")
        return None

    def _mentions_between(self, lo: int, hi: int) -> list[Candidate]:
        return [c for c in self.mentions if lo <= c.start and c.end <= hi]

    def _classify(self, lo: int, hi: int) -> Speaker | None:
        text = self.masked
        while lo < hi and not text[lo].isalnum():
            lo += 1
        while hi > lo and not (text[hi - 1].isalnum() or text[hi - 1] == "."):
            hi -= 1
        if lo >= hi or MASK in text[lo:hi]:
            return None
        words = text[lo:hi].split()
        last = re.search(r"(\w+)\.?$", text[lo:hi])
        if last and last.group(1).lower() in PRONOUNS and (len(words) == 1 or last.group(1).lower() != "i"):
            return self._pronoun(lo + last.start(1), lo + last.end(1))
        if len(words) > 12 or words[0].lower() in _NOT_SUBJECT_START:
            return None
        rep = _REPRESENTATIVE.search(text, lo, hi)
        if rep:
            who = self._name_in(rep.end(), hi, at_end=False)
            if who is not None:
                role = " ".join(rep.group(1).lower().split())
                joiner = "for" if role.startswith(("spokes", "represent", "press secretary")) else "of"
                return Speaker(who.start, who.end, f"{role} {joiner} {who.name}", "role", who.label)
        poss = _POSSESSIVE_ROLE.search(text, lo, hi)
        if poss:
            who = self._name_in(lo, poss.start(), at_end=True)
            if who is not None:
                role = " ".join(poss.group(1).lower().split())
                return Speaker(who.start, who.end, f"{who.name}'s {role}", "role", who.label)
        if words[0].lower() in ("a", "an", "one", "another", "some", "several", "two", "three"):
            return Speaker(lo, hi, text[lo:hi], ANONYMOUS)  # "a Democrat", "one EU diplomat": nobody named
        of = re.search(r"([A-Z][\w'’.-]*)\s+of\s+", text[lo:hi])
        if of and of.group(1).lower() not in OF_HEADS and names_in(text, lo, lo + of.end(1)):
            hi = lo + of.end(1)  # "Jo Bloggs of the charity Harvest Hope": the person, not the charity
        named = self._name_in(lo, hi, at_end=True)
        if named is not None:
            return named
        if last and last.group(1).islower() and len(words) <= 8 and not any(w[:1].isupper() for w in words[-1:]):
            return self._description(lo, hi)
        return self._name_in(lo, hi, at_end=False)

    def _name_in(self, lo: int, hi: int, *, at_end: bool) -> Speaker | None:
        """The named person or organisation heading ``[lo, hi)`` (the last one, ending at ``hi`` if ``at_end``)."""
        tail = self.masked[lo:hi].rstrip(" .,")
        real_end = lo + len(tail)
        cands = self._mentions_between(lo, hi)
        if at_end:
            cands = [c for c in cands if c.end >= real_end - 1]
        if cands:
            c = max(cands, key=lambda c: (c.end, c.label is Label.PERSON))
            return Speaker(c.start, c.end, c.name, "name", c.label)
        names = names_in(self.masked, lo, hi)
        if at_end:
            names = [n for n in names if n.end >= real_end - 1]
        if names:
            n = names[-1]
            inside = [c for c in self.mentions if n.start <= c.start and c.end <= n.end]
            if inside:  # the entity extractor's reading of the same words
                c = inside[-1]
                return Speaker(c.start, c.end, c.name, "name", c.label)
            return Speaker(n.start, n.end, n.name, "name")
        return None

    # ---- references -----------------------------------------------------------------------------

    def _description(self, lo: int, hi: int) -> Speaker:
        """ "the ministry" -> an earlier ORG naming a ministry; "the spokesman" -> an earlier titled person."""
        phrase = self.masked[lo:hi]
        if _AGE_DESCRIPTION.fullmatch(phrase):  # "the 27-year-old said": the person just named
            found = self._antecedent(lo, hi, as_pronoun="he/she")
            if found is not None:
                return replace(found, via="description")
        words = phrase.lower().split()
        head = words[-1]
        if words[0] == "the" and len(words) <= 3:
            wanted = Label.ORG if head in _ORG_HEADS else Label.PERSON if head in _ROLE_HEADS else None
            if wanted is not None:
                floor = self.blocks[max(0, _bisect(self.block_starts, lo) - 1)].start if self.blocks else 0
                extra = [(c.start, c) for c in names_in(self.masked, floor, lo)] if self.mentions else []
                for _pos, cand in reversed(sorted(self._antecedents(lo) + extra, key=lambda item: item[0])):
                    around = self.masked[max(0, cand.start - 40) : cand.end + 40].lower()
                    if wanted is Label.ORG and cand.label in (Label.ORG, None) and re.search(rf"\b{head}\b", around):
                        return Speaker(cand.start, cand.end, cand.name, "description", cand.label)
                    if wanted is Label.PERSON and cand.label in (Label.PERSON, None):
                        before = self.masked[max(0, cand.start - 40) : cand.start].lower()
                        if re.search(rf"\b{re.escape(head)}\b", before) and all(w in before for w in words[1:-1]):
                            return Speaker(cand.start, cand.end, cand.name, "description", cand.label)
        return Speaker(lo, hi, phrase, ANONYMOUS)

    def _antecedents(self, before: int) -> list[tuple[int, Candidate]]:
        """Mentions and earlier resolved speakers before ``before``, in text order, by position."""
        out = [(c.start, c) for c in self.antecedents if c.end <= before]
        for pos, sp in self.resolved:
            if pos < before and sp.via not in (ANONYMOUS, UNRESOLVED):
                out.append((pos, Candidate(sp.start, sp.end, sp.name, sp.label)))
        out.sort(key=lambda item: item[0])
        return out

    def _pronoun(self, start: int, end: int) -> Speaker:
        """Most recent fitting antecedent, preferring the same or previous paragraph."""
        found = self._antecedent(start, end)
        return found if found is not None else Speaker(start, end, self.masked[start:end], UNRESOLVED)

    def _antecedent(self, start: int, end: int, as_pronoun: str | None = None) -> Speaker | None:
        pronoun = as_pronoun or self.masked[start:end].lower()
        if pronoun in ("we", "i"):
            return None
        labels: tuple[Label | None, ...]
        if pronoun in ("he", "she", "he/she"):
            labels = (Label.PERSON, None)
        elif pronoun == "it":
            labels = (Label.ORG,)
        else:
            labels = (Label.ORG, Label.PERSON, None)
        cands = [(pos, c) for pos, c in self._antecedents(start) if c.label in labels]
        block = max(0, _bisect(self.block_starts, start))
        near = block - 1 if pronoun != "it" else block
        floor = self.blocks[near].start if self.blocks and near >= 0 else 0
        # Walk back sentence by sentence: the latest one that attributes speech or names someone wins.
        index = self.sentences.index(start) if self.sentences.spans else -1
        while index >= 0:
            span = self.sentences.spans[index]
            if span.end <= floor:
                break
            subject = self._cue_subject(span, start)
            if subject is not None and subject.label in labels and self._gender(subject) in (None, pronoun):
                return self._learn(replace(subject, via="pronoun"), pronoun)
            in_sentence = [
                c for pos, c in cands if span.start <= pos < min(span.end, start) and self._fits(c, pronoun, span)
            ]
            if in_sentence:
                return self._learn(self._pick(in_sentence, pronoun), pronoun)
            index -= 1
        earlier = [c for pos, c in cands if pos < floor and self._gender(c) in (None, pronoun)]
        if pronoun == "it" or not earlier:
            return None
        last_sentence = self.sentences.at(earlier[-1].start)
        return self._pick([c for c in earlier if c.start >= last_sentence.start], pronoun)

    def _fits(self, cand: Candidate, pronoun: str, sentence: Span) -> bool:
        """Whether ``cand`` can be what ``pronoun`` refers to (gender hints; stray capitalised words)."""
        if pronoun not in ("he", "she"):
            return True
        if self._gender(cand) not in (None, pronoun):
            return False
        if cand.label is None and len(cand.name.split()) == 1:
            # A lone capitalised word is a person only as a sentence's subject or a known speaker.
            known = any(sp.name == cand.name for _, sp in self.resolved)
            return known or not self.masked[sentence.start : cand.start].strip(" \"“‘'")
        return True

    def _gender(self, cand: Candidate | Speaker) -> str | None:
        learned = self.genders.get(cand.name)
        if learned:
            return learned
        before = self.masked[max(0, cand.start - 24) : cand.start].lower()
        if _MALE_BEFORE.search(before):
            return "he"
        if _FEMALE_BEFORE.search(before):
            return "she"
        return None

    def _learn(self, speaker: Speaker, pronoun: str) -> Speaker:
        if pronoun in ("he", "she"):
            self.genders.setdefault(speaker.name, pronoun)
        return speaker

    def _pick(self, in_sentence: list[Candidate], pronoun: str) -> Speaker:
        """In one sentence: a resolved speaker, else a person, else a full name, else the first (the subject)."""
        speakers = {(sp.start, sp.end) for _, sp in self.resolved}
        chosen = next((c for c in in_sentence if (c.start, c.end) in speakers), None)
        if chosen is None:
            if pronoun == "they":
                orgs = [c for c in in_sentence if c.label is Label.ORG]
                in_sentence = orgs or in_sentence
            persons = [c for c in in_sentence if c.label is Label.PERSON and pronoun != "they"]
            full = [c for c in in_sentence if len(c.name.split()) > 1]
            chosen = (persons or full or in_sentence)[0]
        return Speaker(chosen.start, chosen.end, chosen.name, "pronoun", chosen.label)

    def _cue_subject(self, sentence: Span, before: int) -> Speaker | None:
        """The subject of the first speech verb in an earlier sentence ("X, the manager, said ...")."""
        if self._resolving:
            return None
        self._resolving = True
        try:
            for cue in cues(self.masked, sentence.start, min(sentence.end, before)):
                found = self.before(sentence.start, cue.start())
                return found if found is not None and found.via not in (ANONYMOUS, UNRESOLVED) else None
            return None
        finally:
            self._resolving = False

    def remember(self, position: int, speaker: Speaker) -> None:
        self.resolved.append((position, speaker))


def _bisect(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)
