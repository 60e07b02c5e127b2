"""References back to someone already named: pronouns, "the ministry", "the 27-year-old".

A pronoun takes the latest earlier sentence that either attributes speech (its speaker) or names a
fitting person or organisation, preferring the same or previous paragraph. In that sentence it takes
the main clause's subject (centering): the name after any opening phrases, the antecedent of a subject
pronoun carried on ("He said Roe was ..."), or the person a description such as "the governor" stands
for; failing that a quotation's speaker found there, else a name not in the background (an opening
phrase, a possessive, after a preposition), a person first. Gender is used only where the text
gives it ("her husband, Tom", "Mrs", or an earlier "he"/"she" for the same name); "it" wants an
organisation in the same paragraph, "they" prefers one. A definite description ("the ministry",
"the spokesman") takes the latest organisation or titled person it fits.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from tuireader.core.entities import gazetteer as gz
from tuireader.core.entities.rules import ORG_HEADS, PLACE_HEADS
from tuireader.core.quotes.context import MASK, Candidate, Sentences, cues, names_in
from tuireader.model import Label, Span

_ORG_HEADS = frozenset(
    """ministry department agency government office company firm council committee commission court police
    army military party union group board bank embassy administration campaign team club league university
    hospital school authority regulator service parliament assembly senate congress cabinet
    palace federation association institute foundation organisation organization""".split()
)
ROLE_HEADS = frozenset(
    """spokesperson spokesman spokeswoman president minister mayor governor senator chancellor secretary
    leader chief commissioner ambassador judge coach ceo premier aide adviser advisor prosecutor
    director chairman chairwoman chair official congressman congresswoman representative candidate nominee
    lawmaker treasurer sheriff comptroller auditor superintendent councilman councilwoman councilmember councilor
    councillor assemblyman assemblywoman envoy negotiator""".split()
)


_OPENER_ZIPF = 3.0  # an English word this common, capitalised only at sentence starts, is not a name
_COMMON_ZIPF = 4.5  # a lone capitalised word this common in English is not taken for a person
_FUNCTION_ZIPF = 5.5  # "More", "Will", "Long": this common, a word is a name only where written so mid-sentence
_THING_HEADS = PLACE_HEADS | ORG_HEADS | frozenset({"Garden", "Gardens", "Hall", "Center", "Centre"})
# "the governor" for "Gov. Jo Roe": the abbreviated titles news writes before a name.
_ROLE_ABBREVIATIONS = {
    "governor": ("gov.",),
    "senator": ("sen.",),
    "representative": ("rep.",),
    "congressman": ("rep.", "representative"),
    "congresswoman": ("rep.", "representative"),
    "president": ("pres.",),
    "general": ("gen.",),
    "professor": ("prof.",),
    "lawmaker": ("rep.", "representative", "sen.", "senator"),
}
# Words before a name that give its gender: kin, honorifics, and titles ending in -woman (or a few in -man).
_MALE_BEFORE = re.compile(
    r"\b(?:son|husband|brother|father|boyfriend|grandson|nephew|uncle|mr\.?|sir|king|prince|man|widower"
    r"|(?:congress|council|assembly|alder)man)(?:\b|(?<=\.))[\s,]*$"
)
_FEMALE_BEFORE = re.compile(
    r"\b(?:daughter|wife|sister|mother|girlfriend|granddaughter|niece|aunt|mrs\.?|ms\.?|miss|dame|lady|queen"
    r"|princess|widow|[a-z]*woman)(?:\b|(?<=\.))[\s,]*$"  # "Ms. Roe": the full stop ends the honorific
)
# Gendered role nouns: "the congresswoman" is never the man named beside her.
_ROLE_GENDER = {
    # "chairman", "spokesman" are written of women too; "congressman" hardly
    **dict.fromkeys("congressman councilman assemblyman alderman".split(), "he"),
    **dict.fromkeys("congresswoman chairwoman councilwoman spokeswoman assemblywoman businesswoman".split(), "she"),
}
# Kin, neighbours, rivals, as a possessive description names them ("her husband said"), with their gender.
_RELATION_HEADS: dict[str, str | None] = {
    **dict.fromkeys("wife mother daughter sister widow aunt niece granddaughter grandmother".split(), "she"),
    **dict.fromkeys("husband father son brother widower uncle nephew grandson grandfather".split(), "he"),
    **dict.fromkeys(
        "neighbor neighbour friend partner lawyer attorney cousin colleague challenger rival opponent".split()
    ),
}
# Between a title and the name it is given: more of the title or the name, a comma ("Secretary of State
# Jo Roe", "the governor, Jo Roe"), never another clause.
_TITLE_GAP = re.compile(r"(?:[\s,]|\b(?:of|for|the)\b|[A-Z][\w.'’&-]*+)*+")
# "Jo Roe, the state treasurer,": a role in apposition after the name (its head word last)
_APPOSITION_ROLE = re.compile(
    r",\s+(?:the|his|her|their|its|a|an)\s+([a-z][\w'’ -]{0,40}?)(?=\s+(?:of|for|in|at|from)\s|[,.;(])"
)
# "The Roe twins, ": a group described before the names that follow it, its surname kept
_GROUP_LEAD = re.compile(
    r"[Tt]he\s+(?:(?P<family>[A-Z][\w'’-]+)\s+)?(?:[a-z-]+\s+){0,2}?(?:twins|brothers|sisters|siblings|couple"
    r"|family|pair|duo|partners|founders|owners|parents|candidates|organizers|organisers),\s+"
)
_GROUP_TITLES = re.compile(r"(?:[A-Z][\w.'’-]*\s+){0,3}")  # "Organizers Jo Roe and ...", "Mayor Jo Roe"
_GROUP_LINK = re.compile(r",\s+|,?\s+and\s+(?:[A-Za-z][\w.'’-]*\s+){0,3}?")  # ", " / " and Police Chief "
_LESSER_RANKS = frozenset("deputy assistant under vice associate press executive".split())
_LESSER_BEFORE = "".join(rf"(?<!{w}\s)(?<!{w}-)" for w in sorted(_LESSER_RANKS))
_AGE_DESCRIPTION = re.compile(r"the\s+\d+-year-old(?:\s+\w+)?", re.IGNORECASE)

# What "it said" may stand for when no organisation is named: a document quoted before.
_DOCUMENTS = frozenset(
    """report study memo letter statement document paper survey poll analysis ad video release filing complaint
    lawsuit ruling order email message note post tweet website book platform proposal plan bill resolution
    review audit assessment guidance policy cable transcript editorial article indictment memorandum affidavit
    dossier summary draft opinion advertisement bulletin""".split()
)
# Documents a person writes: "the memo" quoted after "X wrote in a memo" is X's
_AUTHORED_DOCUMENTS = frozenset("memo memorandum letter email note post column op-ed essay message".split())
# "one caller from Leeds" -> "one caller": an indefinite singular description up to its first preposition
_HEAD_PHRASE = re.compile(
    r"(?i:an?|one|another)\s+((?:[\w'’-]+\s+){0,3}?[\w'’-]+)(?:\s+(?:from|of|in|at|with|near|on|for|who)\b|$)"
)
# The person a role stands for: "spokeswoman for Acme", "Roe's lawyer" (not "Roe's office", "Roe's campaign")
_PERSON_ROLE = re.compile(
    r"^(spokes(?:person|man|woman)|representative|press secretary)\b|['’]s (lawyer|attorney|aide|adviser)$"
)
_SPOKESPERSON_GENDER = {"spokesman": "he", "spokeswoman": "she"}  # of the one speaking for X, as written
_ASKING = frozenset("asked asks ask questioned pressed quizzed".split())  # "A reporter asked Roe ... He replied"
_THING_PHRASE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+"
    r"(?:(?!(?i:the|an?|and|or|of|to|in|on|at|by|for|who|which|that|was|is|were|are|has|had|have)\b)[\w-]+\s+){0,4}?(?i:"
    + "|".join(sorted(_DOCUMENTS | _ORG_HEADS))
    + r")\b(?!['’])"
)
_NAME_QUESTION = re.compile(r"\s*(?:And\s+)?(?:[A-Z][\w'’.-]*\s+){0,5}(?:of\s+[A-Z][\w'’.-]*\s*)?[A-Z][\w'’-]*\?\s*")
# A sentence opening with the question put to its subject: "Asked about Roe's plan, Lind said"
_ASKED_OPENER = re.compile(r"\s*[\"“‘']?\s*(?:When\s+)?(?:Asked|Pressed|Questioned|Challenged)\b[^,;:.!?]{0,200},")
_PARTICIPLE_OPENER = re.compile(
    r"[A-Z][a-z]{2,}(?:ing|ed)\s+(?:the|a|an|his|her|their|its|our|this|that|these|those|some|more|up|out)\s"
)
_ROLE_SUBJECT = re.compile(
    r"\s*[\"“‘']?\s*((?:The|the)\s+(?:" + "|".join(sorted(ROLE_HEADS)) + r"))\s+(?:[a-z]+\s+)?[a-z]+(?:ed|s)\b"
)
_OPENING_PHRASES = re.compile(
    r"\s*(?:(?i:on|in|at|after|before|during|despite|following|for|with|since|amid|under|without|as|while|when"
    r"|although|though|if|because)\b[^,;:\"“”]{0,120},\s*)+"
)
_SUBORDINATE_OPEN = re.compile(r"\s*(?i:after|when|before|while|once|until|since|because|although|though|if)\b")
# Words opening a phrase before a clause's subject ("In questioning by Roe, Tam said", "On Monday, in
# anticipation of Roe's speech, Tam laid out"): names inside are less salient than the subject.
_OPENING_WORDS = frozenset(
    """in on at for from by with without as of to after before since during until while when whenever if unless
    although though because once amid among despite following under over through throughout upon within across
    against like beyond besides unlike asked pressed questioned later earlier meanwhile still now then instead
    also however yesterday today tonight separately previously recently afterward afterwards""".split()
)
# "Weeks before the vote,", "Two days later,", "Last week,": a time phrase opening the sentence
_TIME_OPENER = re.compile(
    r"(?:[\w-]+\s+)?(?i:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|moments?|shortly|soon|long)"
    r"\s+(?:before|after|later|earlier|ago)\b"
    r"|(?:Last|This|Next|Each|Every|Earlier|Later)\s+(?:week|month|year|weekend|night|morning|spring|summer|fall|autumn"
    r"|winter|[A-Z][a-z]+day)\b"
)
_PHRASE_END = re.compile(rf",|(?<={MASK})[\"”’']\s+(?=[A-Z])")
_PREPOSITIONS = frozenset(
    """to of by with for from about against on at in into toward towards under over between among behind
    like than""".split()
)
# "Roe's plan", "the Jameses' house"; not "Roe's been arguing", "Roe's not ready" (has, is)
_POSSESSIVE_AFTER = re.compile(
    r"['’]s\b(?!\s+(?:been|not|never|got|gotten|going|done|also|already|always|still|just)\b)|(?<=s)['’](?=\s)"
)
_PREPOSITION_BEFORE = re.compile(r"\b([a-z]+)\s+(?:(?:the|a|an)\s+)?(?:(?:[A-Z][\w.'’-]*|of)\s+)*$")
_INDEFINITE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+$")
_DETERMINER_RUN = re.compile(r"(?:The|A|An|One|Another|This|That)\s")
# "The congressman also expressed ...", "the governor said": a role noun as the subject, before its verb
_LEADING_ROLE = re.compile(
    r"[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}?([a-z]+)\s+(?=(?:also|later|then|still|again|never|had|has|have|was|is|did"
    r"|does|would|will|could|can|may|might|must|should|said|says|told|tells|made|went|took|gave|spoke|wrote|put|met"
    r"|[a-z]+ed|[a-z]+s)\b)"
)
# "When he took the stage, ...": a sentence opening with a clause whose subject is a pronoun
_CLAUSE_PRONOUN = re.compile(
    r"[\s\"“‘']*(?:(?:And|But)\s+)?(?:When|As|After|Before|While|Once|Since|Although|Though|If|Because|Until)"
    r"\s+([Hh]e|[Ss]he)\b"
)
# "the senator", "her challenger": a description of a person, as the subject of narration
_DESCRIBED = re.compile(
    r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:" + "|".join(sorted(ROLE_HEADS | set(_RELATION_HEADS))) + r")\b(?!['’])"
)
_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")
# "his Senate bid", "across the Atlantic": a capitalised phrase a determiner opens names a thing, not a person
_DETERMINER_BEFORE = re.compile(r"(?<![\w.])(?:[Tt]he|an?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Yy]our)\s+$")
# "As for Roe, he ...": a phrase naming the topic the subject pronoun then stands for
_TOPIC_OPENER = re.compile(r"[\s\"“‘'(]*(?:(?:And|But)\s+)?(?:As\s+for|As\s+to|Regarding|As\s+far\s+as)\b")
# "Roe said he would ...", "Roe told the paper she": a speaker reporting on himself or herself
_SAYS_OF_SELF = re.compile(
    r"\s+(?:(?:also|later|then|has|had)\s+)?(?:said|says|told\s+[^,.;]{1,40}?|added|insisted|argued|claimed|wrote)"
    r"\s+(?:that\s+)?([Hh]e|[Ss]he)\b"
)
# A name an inverted speech verb credits: "..., said Gov. Jo Roe", "..., according to Jo Roe"
_CREDITED = re.compile(
    r"\b(?:said|says|added|adds|wrote|writes|explained|noted|according\s+to)\s+(?:[A-Z][\w.'’-]*\s+){0,3}$"
)
# Sentence adverbs news writes before a subject with no comma ("Meanwhile Roe, who ..., said")
_BARE_OPENERS = frozenset("meanwhile later earlier instead now then separately previously recently".split())
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:and|but|or|while|whereas|as)\b")  # "she spoke, and Roe nodded"
_POSSESSIVES = frozenset("his her their its our my your".split())
# Words a headline capitalises that no person's name holds ("Crowd Gasps At Rally", "Mayor Has Plan")
TITLE_CASE_WORDS = frozenset("At In On To For With From By Into Over And Or But Has Have Had Is Was Are Were".split())
_MAX_CHAIN = 4  # subject pronouns followed back to their antecedent ("He said ... He added ... he told")
_MAX_WALK = 12  # sentences walked back for an antecedent; beyond that the reference is a guess
_SENTENCE_WINDOW = 600  # characters of one (run-on) sentence examined
_MAX_EARLIER = 40  # sentences searched before the walked stretch
_DESCRIPTION_WINDOW = 3000  # characters searched back for unclaimed capitalised names
_DESCRIPTION_REACH = 12000  # characters searched back for "the ministry"'s antecedent (about 2,000 words)

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
    written: str | None = None  # a description as the article writes it ("the governor"), when resolved


class References:
    """Antecedents for one article; remembers resolved speakers and genders as it goes."""

    def __init__(
        self,
        masked: str,
        blocks: Sequence[Span],
        sentences: Sentences,
        mentions: Sequence[Candidate],
        occupied: Sequence[Span],
        subject_of: Callable[[int, int], Speaker | None],
    ) -> None:
        self.masked = masked
        self.blocks = list(blocks)
        self.block_starts = [b.start for b in blocks]
        self.sentences = sentences
        self.mentions = list(mentions)
        self.subject_of = subject_of  # the subject of a cue verb: SpeakerFinder.before
        self.mention_starts = [c.start for c in self.mentions]
        self._taken = sorted([(m.start, m.end) for m in self.mentions] + [(o.start, o.end) for o in occupied])
        self._taken_starts = [t[0] for t in self._taken]
        self._names: dict[int, list[Candidate]] = {}  # sentence index -> unclaimed capitalised names in it
        self.genders: dict[str, str] = {}  # name as written -> "he"/"she", learned from resolved pronouns
        self._full: dict[str, list[Candidate]] = {}  # surname -> full names of people ending in it, in text order
        # surname -> the gender its honorifics give ("Mrs. Roe"), None when both are written ("Mr. Roe" too)
        self._honorific: dict[str, str | None] = {}
        for c in self.mentions:
            if c.label is Label.PERSON and len(c.name.split()) >= 2:
                self._full.setdefault(c.name.split()[-1], []).append(c)
            honorific = _HONORIFIC_BEFORE.search(masked, max(0, c.start - 6), c.start)
            if honorific is not None and c.label is Label.PERSON and " " not in c.name:
                said = "he" if honorific.group(1) == "Mr" else "she"
                self._honorific[c.name] = said if self._honorific.get(c.name, said) == said else None
        # Resolved speakers by the position of their subject words, kept sorted for range lookups.
        self.resolved_at: list[int] = []
        self.resolved: list[Speaker] = []
        self.speaker_spans: set[tuple[int, int]] = set()
        self.speaker_names: set[str] = set()
        self._resolving = False
        self._chain = 0  # subject pronouns being followed back ("She said ... She added ...")
        self._document: tuple[int, Speaker] | None = None  # the last document quoted ("the report"), for "it"
        self._subjects: dict[int, Speaker | None] = {}  # sentence start -> its speech verb's subject
        self._things: dict[int, Speaker] = {}  # sentence start -> a document that is its speech verb's subject
        self._someone: dict[int, Speaker] = {}  # sentence start -> "one caller from X", its unnamed speaker
        self._openers: dict[str, bool] = {}  # lone capitalised word -> only ever a sentence's first word

    def description(self, lo: int, hi: int) -> Speaker:
        """ "the ministry" -> an earlier ORG naming a ministry; "the spokesman" -> an earlier titled person."""
        phrase = self.masked[lo:hi]
        if _AGE_DESCRIPTION.fullmatch(phrase):  # "the 27-year-old said": the person just named
            found = self._antecedent(lo, hi, as_pronoun="he/she")
            if found is not None:
                return replace(found, via="description", written=phrase)
        words = phrase.lower().split()
        head = words[-1]
        possessive = words[0] in ("his", "her", "their")  # "his neighbor said": the neighbour he named
        if (words[0] == "the" or possessive) and len(words) <= 3:
            wanted = (
                Label.PERSON
                if head in ROLE_HEADS or head in _RELATION_HEADS
                else Label.ORG
                if head in _ORG_HEADS and not possessive
                else Label.PERSON  # "the epidemiologist": the person just introduced as one
                if person_noun(head)
                else None
            )
            # An occupation that is no title reaches back only to the last person named, not past them
            nearest_only = wanted is Label.PERSON and head not in ROLE_HEADS and head not in _RELATION_HEADS
            if wanted is not None:
                for _pos, cand in reversed(self._between(max(0, lo - _DESCRIPTION_REACH), lo)):
                    if nearest_only and cand.label is Label.PERSON:
                        if self._titled(cand, words):
                            return Speaker(cand.start, cand.end, cand.name, "description", cand.label, written=phrase)
                        break
                    around = self.masked[max(0, cand.start - 40) : cand.end + 40].lower()
                    if wanted is Label.ORG and cand.label in (Label.ORG, None) and re.search(rf"\b{head}\b", around):
                        return Speaker(cand.start, cand.end, cand.name, "description", cand.label, written=phrase)
                    if wanted is Label.PERSON and self._titled(cand, words):
                        return Speaker(cand.start, cand.end, cand.name, "description", cand.label, written=phrase)
        if words[0] == "the" and head in _AUTHORED_DOCUMENTS:
            author = self._author(lo, head)
            if author is not None:  # "X wrote in a memo ... The memo went on: '...'": the memo's writer
                return replace(author, via="description", written=phrase)
        return Speaker(lo, hi, phrase, ANONYMOUS)

    def _author(self, lo: int, head: str) -> Speaker | None:
        """Who wrote the document "the <head>" refers to: the speaker or subject of the sentence that introduced
        it ("wrote in a <head>", "sent a <head>"; not "a <head> from X") in this paragraph or the one before."""
        block = _bisect(self.block_starts, lo)
        floor = self.blocks[max(0, block - 1)].start if self.blocks else 0
        pattern = re.compile(
            rf"\b(?:in|wrote|sent|circulated|issued)\s+(?:a|an|his|her|their|its)\s+(?:[\w-]+\s+){{0,2}}"
            rf"{re.escape(head)}\b(?!\s+(?:from|by)\s)",
            re.IGNORECASE,
        )
        found = pattern.finditer(self.masked, max(floor, lo - _DESCRIPTION_WINDOW), lo)
        introduced = max(found, key=_start, default=None)
        if introduced is None:
            return None
        sentence = self.sentences.at(introduced.start())
        a, b = bisect_left(self.resolved_at, sentence.start), bisect_left(self.resolved_at, sentence.end)
        if b > a:
            return self.resolved[b - 1]
        # "Jo Roe sent a letter to the board.": the subject of the verb of writing, no quotation in between
        verb = introduced.group().split()[0].lower()
        writer = self.subject_of(sentence.start, introduced.start()) if verb != "in" else None
        writer = writer or self._cue_subject(sentence, sentence.end)
        return writer if writer is not None and writer.via == "name" else None

    def _titled(self, cand: Candidate, words: list[str]) -> bool:
        """Whether a person is given the role ``words`` ends in: "the governor" for "Gov. Jo Roe" or "the
        governor, Jo Roe", "the treasurer" for "Jo Roe, the state treasurer", "his neighbor" for "his
        neighbor, Jo Roe"; never across another name or clause ("Rep. Jo Roe and her Republican rival"),
        nor a person of the other gender ("the congresswoman")."""
        if cand.label not in (Label.PERSON, None) or _INDEFINITE_BEFORE.search(
            self.masked, max(0, cand.start - 8), cand.start
        ):  # "The governor, a Republican, said": a description, not the governor's name
            return False
        head = words[-1]
        gender = _ROLE_GENDER.get(head) or _RELATION_HEADS.get(head)
        if gender is not None and self._gender(cand) not in (None, gender):
            return False
        forms = "|".join(re.escape(f) for f in (head, *_ROLE_ABBREVIATIONS.get(head, ())))
        # not "deputy assistant secretary X" for "the secretary", "vice president X" for "the president"
        lesser = "" if set(words) & _LESSER_RANKS else _LESSER_BEFORE
        lo = max(0, cand.start - 60)  # the rank may start well before the name ("Deputy Secretary of ...")
        wider = self.masked[lo : cand.end].lower()
        for m in re.finditer(rf"{lesser}\b(?:{forms})(?!\w)", wider):
            gap = self.masked[lo + m.end() : cand.start]
            if lo + m.start() >= cand.start - 40 and _TITLE_GAP.fullmatch(gap):
                # "the seven-term congressman": a compound describing the person, not part of the title
                before = wider[max(0, cand.start - 40 - lo) :]
                return all(w in before or "-" in w for w in words[1:-1])
        after = _APPOSITION_ROLE.match(self.masked, cand.end, min(len(self.masked), cand.end + 60))
        return after is not None and re.search(rf"\b(?:{forms})$", after.group(1).lower()) is not None

    def _sentence_names(self, index: int) -> list[Candidate]:
        """Capitalised names the entity extractor did not claim (as anything) in one sentence, cached."""
        found = self._names.get(index)
        if found is None:
            span = self.sentences.spans[index]
            found = [
                n
                for n in names_in(self.masked, span.start, span.end)
                if not _overlaps(self._taken, self._taken_starts, n.start, n.end)
            ]
            self._names[index] = found
        return found

    def _candidates(self, lo: int, hi: int) -> list[Candidate]:
        """Mentions and unclaimed names starting in ``[lo, hi)`` and ending by ``hi``, in text order."""
        i, j = bisect_left(self.mention_starts, lo), bisect_left(self.mention_starts, hi)
        out = [c for c in self.mentions[i:j] if c.end <= hi]
        if self.sentences.spans and lo < hi:
            for index in range(self.sentences.index(lo), self.sentences.index(hi - 1) + 1):
                out += [n for n in self._sentence_names(index) if lo <= n.start and n.end <= hi]
        out.sort(key=lambda c: c.start)
        return out

    def _between(self, lo: int, hi: int) -> list[tuple[int, Candidate]]:
        """Mentions, names and resolved speakers positioned in ``[lo, hi)``, in text order."""
        out = [(c.start, c) for c in self._candidates(lo, hi)]
        a, b = bisect_left(self.resolved_at, lo), bisect_left(self.resolved_at, hi)
        out += [
            (pos, Candidate(sp.start, sp.end, sp.name, sp.label))
            for pos, sp in zip(self.resolved_at[a:b], self.resolved[a:b], strict=True)
        ]
        out.sort(key=lambda item: item[0])
        return out

    def names_between(self, lo: int, hi: int) -> bool:
        """Whether anyone is named in ``[lo, hi)``."""
        return bool(self._candidates(lo, hi))

    def described_between(self, lo: int, hi: int) -> bool:
        """Whether someone is described in ``[lo, hi)`` whom a description resolves to ("Her challenger
        went further.", "The senator shook his head."): narration about another person."""
        for match in _DESCRIBED.finditer(self.masked, lo, hi):
            if self.description(match.start(), match.end()).via == "description":
                return True
        return False

    def pronoun(self, start: int, end: int) -> Speaker:
        """Most recent fitting antecedent, preferring the same or previous paragraph."""
        found = self._antecedent(start, end)
        if found is None and self.masked[start:end].lower() == "it":
            found = self._thing(start, end)
        return found if found is not None else Speaker(start, end, self.masked[start:end], UNRESOLVED)

    def document(self, start: int, end: int) -> Speaker | None:
        """What "it" stands for as the subject of "read" ('"...," it read'): a document, never a person
        or a body named nearby (the last document described in this paragraph or the one before)."""
        return self._thing(start, end)

    def _thing(self, start: int, end: int) -> Speaker | None:
        """What "it said" stands for when no organisation is named nearby: the last document or body
        written as a description in this paragraph or the one before ("The email includes ...",
        "putting out a statement", "the report said"), kept as the article writes it."""
        block = _bisect(self.block_starts, start)
        floor = self.blocks[max(0, block - 1)].start if self.blocks else 0
        best: tuple[int, Speaker] | None = None
        if self._document is not None and floor <= self._document[0] < start:
            best = self._document
        for match in _THING_PHRASE.finditer(self.masked, max(floor, start - _DESCRIPTION_WINDOW), start):
            if best is None or match.start() > best[0]:
                best = (match.start(), Speaker(start, end, " ".join(match.group().split()), ANONYMOUS))
        return replace(best[1], start=start, end=end) if best is not None else None

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
        if pronoun in ("he", "she") and self.sentences.spans and self._chain < _MAX_CHAIN:
            here = self.sentences.spans[self.sentences.index(start)]
            clause = _CLAUSE_PRONOUN.match(self.masked, here.start, start)
            if clause is not None and clause.group(1).lower() == pronoun and clause.end(1) < start:
                # "When he took the stage after Roe's introduction, he said": the opening clause's "he"
                self._chain += 1
                try:
                    return self._antecedent(clause.start(1), clause.end(1))
                finally:
                    self._chain -= 1
        block = max(0, _bisect(self.block_starts, start))
        near = block - 1
        floor = self.blocks[near].start if self.blocks and near >= 0 else 0
        # Walk back sentence by sentence: the latest one that attributes speech or names someone wins.
        index = self.sentences.index(start) if self.sentences.spans else -1
        limit = start
        for _ in range(_MAX_WALK):
            if index < 0:
                break
            span = self.sentences.spans[index]
            if span.end <= floor:
                break
            if span.end <= start and _NAME_QUESTION.fullmatch(self.masked, span.start, span.end):
                index -= 1  # 'Mayor Roe? "Strong," he said.': the one asked about is not the speaker
                continue
            group = self._group(span, min(span.end, start)) if pronoun == "they" else None
            if group is not None:  # "Jo Roe and Al Tam opened ... they said": the pair, not one of them
                return group
            subject = self._cue_subject(span, start)
            if subject is not None and subject.relative and pronoun in ("he", "she"):
                # "Roe refused to fault allies, like Tam, who had condemned it. '...,' he said": the main
                # clause's subject goes on, not the one a relative clause quotes
                main = self._main_subject(span, min(span.end, start), pronoun)
                if main is not None and main.label in (Label.PERSON, None) and self._fits(main, pronoun, span):
                    return self._learn(replace(main, via="pronoun"), pronoun)
            thing = self._things.get(span.start) if pronoun == "it" and span.end <= start else None
            if subject is None and thing is not None:  # "The memo warned ... It said": the memo
                return replace(thing, start=start, end=end)
            someone = self._someone.get(span.start) if pronoun in ("he", "she") and span.end <= start else None
            if someone is not None and any(  # "One farmer said ... Jo Roe agreed.": the person named since
                c.label is Label.PERSON for _, c in self._between(someone.end, min(span.end, start))
            ):
                someone = None
            if subject is None and someone is not None:  # not a place named inside the description
                return replace(someone, start=start, end=end)
            if subject is not None and pronoun in ("he", "she") and self._spokesperson(subject, pronoun):
                return replace(subject, via="pronoun")  # "A spokeswoman for Acme said ... she said": not Acme
            if (
                subject is not None
                and (subject.label in labels or self._says_of_self(subject, pronoun))
                and self._gender(subject) in (None, pronoun)
                and (pronoun not in ("he", "she") or _person_like(subject))
            ):
                return self._learn(replace(subject, via="pronoun"), pronoun)
            hi = min(span.end, start)
            main = self._main_subject(span, hi, pronoun)
            if main is not None and main.label in labels and self._fits(main, pronoun, span):
                return self._learn(replace(main, via="pronoun"), pronoun)
            if main is None and pronoun in ("he", "she") and self._pronoun_subject(span, hi, pronoun):
                # "She appeared to imply that Roe ... than Tam": whoever she is, not a name after her
                limit = span.start
                index -= 1
                continue
            if main is not None and main.via == ANONYMOUS and pronoun == "it":
                if self._document is not None and main.start < self._document[0] < start:
                    main = self._document[1]  # a document quoted since ("..., the report said. ... it added")
                return replace(main, start=start, end=end)  # "The cable also warned ... It said": the cable
            role = _ROLE_SUBJECT.match(self.masked, span.start, hi) if pronoun in ("he", "she") else None
            if role is not None:  # "The congressman also expressed concern ... '...,' he said": the congressman
                described = self.description(role.start(1), role.end(1))
                person = described.label is Label.PERSON or (_person_like(described) and " " in described.name)
                if described.via == "description" and person and self._gender(described) in (None, pronoun):
                    return self._learn(replace(described, via="pronoun", written=None), pronoun)
            asked = _ASKED_OPENER.match(self.masked, span.start, hi)
            # "Asked about Roe, she said": whoever is named in the question is not the one answering
            floor_at = asked.end() if asked is not None else max(span.start, hi - _SENTENCE_WINDOW)
            unnamed = self._someone.get(span.start)  # "one farmer near Ashford": not Ashford
            in_sentence = [
                c
                for _, c in self._between(floor_at, hi)
                if c.label in labels
                and self._fits(c, pronoun, span)
                and not (unnamed is not None and _inside_tail(unnamed, c.start))
                and not self._bound_away(c, pronoun, span)
            ]
            intro = _OPENING_PHRASES.match(self.masked, span.start, hi)
            if intro is not None and any(c.start >= intro.end() for c in in_sentence):
                # "On Wednesday, ahead of Roe's speech, Lind set out ..., as he said": the main clause's
                # subject, not a name in the phrases before it
                in_sentence = [c for c in in_sentence if c.start >= intro.end()]
            if (pronoun == "it" and all(self._backgrounded(c, span) for c in in_sentence)) or (
                self._described_subject(span, hi) and all(self._backgrounded(c, span, False) for c in in_sentence)
            ):
                # "In naming X, a section of the cable ... \"...,\" it said": not X; "The candidate also
                # refuted a story about his offer from West Point": not West Point, the candidate before
                in_sentence = []
            if (
                pronoun in ("he", "she")
                and span.start <= start < span.end
                and self._pronoun_subject(span, end, pronoun)
                and not _TOPIC_OPENER.match(self.masked, span.start, start)  # "As for Roe, he said": Roe
            ):
                # "Dismayed by Roe's record, he is backing Tam": the pronoun is this sentence's subject, so
                # names in its opening phrases, possessives and objects are others; look further back
                in_sentence = [c for c in in_sentence if not self._backgrounded(c, span)]
            if in_sentence:
                return self._learn(self._pick(in_sentence, pronoun, span), pronoun)
            limit = span.start
            index -= 1
        if pronoun == "it":
            return None
        # Nothing nearby: the latest fitting name before the walked stretch, and its sentence's subject.
        index = self.sentences.index(limit - 1) if self.sentences.spans and limit > 0 else -1
        for _ in range(_MAX_EARLIER):
            if index < 0:
                break
            span = self.sentences.spans[index]
            hi = min(span.end, limit)
            fits = [
                c
                for c in self._candidates(span.start, hi)
                if c.label in labels
                and (pronoun not in ("he", "she") or (_person_like(c) and not self._determined(c)))
                and self._gender(c) in (None, pronoun)  # never the other gender ("Ann Roe and Al Tam ... he")
            ]
            if fits:
                return self._pick(fits, pronoun)
            index -= 1
        return None

    @staticmethod
    def _spokesperson(subject: Speaker, pronoun: str) -> bool:
        """Whether a role speaker is a person "he" or "she" can stand for ("spokeswoman for Acme", "Roe's
        lawyer"; not "Roe's office"), of the pronoun's gender where the role gives one."""
        role = _PERSON_ROLE.search(subject.name) if subject.via == "role" else None
        return role is not None and _SPOKESPERSON_GENDER.get(role.group(1)) in (None, pronoun)

    def _fits(self, cand: Candidate | Speaker, pronoun: str, sentence: Span) -> bool:
        """Whether ``cand`` can be what ``pronoun`` refers to (gender hints; stray capitalised words)."""
        if pronoun not in ("he", "she"):
            return True
        if self._gender(cand) not in (None, pronoun):
            return False
        if not _person_like(cand) or self._determined(cand):
            return False
        if cand.label is None and len(cand.name.split()) == 1:
            # A lone capitalised word is a person only as a sentence's subject or a known speaker; never a
            # common word capitalised only where it opens sentences, though a quotation was credited to it
            if self._opener_only(cand.name):
                return False
            if cand.name in self.speaker_names:
                return True
            if _PARTICIPLE_OPENER.match(self.masked, cand.start):
                return False  # "Amplifying the campaign's message, he said": a participle, not a name
            before = self.masked[sentence.start : cand.start].strip(" \"“‘'(")
            return (not before or before.lower() in _BARE_OPENERS) and not self._opener_only(cand.name)
        return True

    def _bound_away(self, cand: Candidate, pronoun: str, sentence: Span) -> bool:
        """Whether the same "he"/"she" stands before ``cand`` in its clause ("she was a booster of Jo Roe",
        "he will not stand in Roe's way"): that pronoun is not Roe (it would say "herself"), so a later
        "she" goes on with whoever that "she" is, not with Roe."""
        if pronoun not in ("he", "she"):
            return False
        before = self.masked[sentence.start : cand.start]
        same = [m.end() for m in re.finditer(rf"\b{pronoun}\b", before, re.IGNORECASE)]
        return bool(same) and _CLAUSE_BREAK.search(before, same[-1]) is None

    def _says_of_self(self, subject: Speaker, pronoun: str) -> bool:
        """Whether a name the entity extractor took for a body reports on itself as "he"/"she" ("Roe said she
        would run"): a person of that gender, whatever its label."""
        if pronoun not in ("he", "she"):
            return False
        said = _SAYS_OF_SELF.match(self.masked, subject.end, min(len(self.masked), subject.end + 80))
        return said is not None and said.group(1).lower() == pronoun

    def _credited(self, cand: Candidate) -> bool:
        """Whether an inverted speech verb stands just before ``cand`` ("..., said Gov. Jo Roe")."""
        return _CREDITED.search(self.masked, max(0, cand.start - 40), cand.start) is not None

    def _determined(self, cand: Candidate | Speaker) -> bool:
        """Whether a capitalised phrase follows a determiner ("his Silver Star bid", "the Atlantic"): the name
        of a thing; a person's name takes its title or description before the determiner."""
        before = _DETERMINER_BEFORE.search(self.masked, max(0, cand.start - 8), cand.start)
        if before is None:
            return False
        # a person's name after a possessive is a modifier too ("his Roe connections"); "the" may open a title
        return cand.label is None or (cand.label is Label.PERSON and before.group().split()[0].lower() in _POSSESSIVES)

    def _known_name(self, word: str) -> bool:
        """Whether a lone capitalised word is known as a name: a speaker already, a given name or surname,
        or written in capitals in mid-sentence elsewhere."""
        return (
            word in self.speaker_names
            or word in gz.given_names()
            or word in gz.surnames()
            or re.search(rf"[a-z,]\s+{re.escape(word)}\b", self.masked) is not None
        )

    def _opener_only(self, word: str) -> bool:
        """Whether a lone capitalised word is an English word written in capitals only where it opens a
        sentence ("Footage of the rally shows ...", "Audiences can expect", "More troubling was ..."): never a
        name in mid-sentence. A name list's word counts as a name unless it is among the commonest words."""
        if word in self._openers:
            return self._openers[word]
        frequency = gz.english_frequency(word.lower())
        listed = word in gz.given_names() or word in gz.surnames()  # "More" is a surname too
        only = (
            frequency >= _OPENER_ZIPF
            and (not listed or frequency >= _FUNCTION_ZIPF)
            and re.search(rf"[a-z,]\s+{re.escape(word)}\b", self.masked) is None
        )
        self._openers[word] = only
        return only

    def _gender(self, cand: Candidate | Speaker) -> str | None:
        learned = self.genders.get(cand.name)
        if learned:
            return learned
        before = self.masked[max(0, cand.start - 24) : cand.start].lower()
        if _MALE_BEFORE.search(before):
            return "he"
        if _FEMALE_BEFORE.search(before):
            return "she"
        words = cand.name.split()
        if not words:
            return None
        if len(words) >= 2:  # "Tim Tarvel": a given name English lists give one gender only
            given = gz.given_gender(words[0])
            if given is not None or len({c.name for c in self._full.get(words[-1], ())}) > 1:
                return given
            # "Tarvel ... she said", "Mrs. Tarvel": what the text says of the one Tarvel named in full
            return self.genders.get(words[-1]) or self._honorific.get(words[-1])
        if len({c.name for c in self._full.get(cand.name, ())}) > 1:
            return self._surname_gender(cand)
        return self._surname_gender(cand) or self._honorific.get(cand.name)

    def _surname_gender(self, cand: Candidate | Speaker) -> str | None:
        """ "Tarvel" after "Tim Tarvel": the gender of the full names it repeats, None when people of both
        genders share it ("Al Roe" and "Ann Roe")."""
        full = self._full.get(cand.name)
        if not full:
            return None
        genders = {self._gender(c) for c in full}  # one unknown "Hil Roe" beside "Al Roe": either may be meant
        if len(genders) == 1:
            return genders.pop()
        return None

    def _learn(self, speaker: Speaker, pronoun: str) -> Speaker:
        if pronoun in ("he", "she"):
            self.genders.setdefault(speaker.name, pronoun)
        return speaker

    def _main_subject(self, sentence: Span, hi: int, pronoun: str) -> Speaker | None:
        """The subject of a sentence's main clause when it names someone before ``hi``: the name after any
        opening phrases ("In questioning by Roe, Mr. Tam offered" -> Tam), the antecedent of a subject
        pronoun ("He said Roe was ..." -> whoever "he" is), or the person a definite description stands for
        ("the governor said" -> the governor named earlier). None: a quotation, a thing or nobody named."""
        at = self._subject_at(sentence.start, hi)
        if at is None:
            return None
        text = self.masked
        word = re.match(r"(\w+)\b", text[at:hi])
        if word is None:
            return None
        if word.group(1).lower() == pronoun and at + word.end() < hi:
            if self._chain >= _MAX_CHAIN:
                return None
            self._chain += 1  # "He said Roe was ...": the subject pronoun's own antecedent, a few steps back
            try:
                return self._antecedent(at, at + word.end())
            finally:
                self._chain -= 1
        role = _LEADING_ROLE.match(text, at, hi)
        if role is not None and role.group(1) in ROLE_HEADS and pronoun in ("he", "she"):
            found = self.description(at, role.end())
            return found if found.via == "description" else None
        thing = _THING_PHRASE.match(text, at, hi) if pronoun == "it" else None
        if thing is not None:  # "The cable also warned that ...", "The ministry later said": what "it" is
            head = thing.group().split()[-1].lower()
            if head in _ORG_HEADS:
                found = self.description(at, thing.end())
                if found.via == "description" and found.label in (Label.ORG, None):
                    return found
            return Speaker(at, thing.end(), " ".join(thing.group().split()), ANONYMOUS)
        run = re.match(r"(?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]*", text[at:hi])
        if run is None:
            return None
        if _DETERMINER_RUN.match(text, at):  # "One Democrat, Representative Jo Tam of X, raised": the name
            apposition = re.match(r",\s+((?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]*)", text[at + run.end() : hi])
            if apposition is None:
                return None
            at, run = at + run.end() + apposition.start(1), apposition
            names = [c for _, c in self._between(at, at + len(run.group(1))) if c.end <= at + len(run.group(1))]
        else:
            names = [c for _, c in self._between(at, at + run.end()) if c.end <= at + run.end()]
        if not names:
            return None
        chosen = max(names, key=lambda c: (c.end, c.label is Label.PERSON))
        if (
            chosen.label is None
            and " " not in chosen.name
            and (not self._known_name(chosen.name) or self._opener_only(chosen.name))
        ):
            return None  # "Eyebrows raised, he asked", "More troubling was ...": a capitalised word, no one named
        if _POSSESSIVE_AFTER.match(text, chosen.end):
            return None  # "Roe's plan alienated Tam": the subject is the plan
        return Speaker(chosen.start, chosen.end, chosen.name, "pronoun", chosen.label)

    def _group(self, sentence: Span, hi: int) -> Speaker | None:
        """People joined by "and" as a sentence's subject, what "they" stands for after them: "Jo Roe and Al
        Tam", "The Roe twins, Jo and Al," (named "Jo and Al Roe": a family noun gives the surname)."""
        at = self._subject_at(sentence.start, hi)
        if at is None:
            return None
        text = self.masked
        lead = _GROUP_LEAD.match(text, at, hi)
        first = lead.end() if lead is not None else at
        people = [
            c for c in self._candidates(first, min(hi, first + 200)) if c.label is Label.PERSON or _person_like(c)
        ]
        chain: list[Candidate] = []
        joined = False
        for c in people:
            gap = text[chain[-1].end if chain else first : c.start]
            link = _GROUP_LINK.fullmatch(gap) if chain else _GROUP_TITLES.fullmatch(gap)
            if link is None:
                break
            joined = joined or (bool(chain) and "and" in gap.split())
            chain.append(c)
            if joined:
                break
        if len(chain) < 2 or not joined or _POSSESSIVE_AFTER.match(text, chain[-1].end):
            return None
        name = " ".join(text[chain[0].start : chain[-1].end].split())
        family = lead.group("family") if lead is not None else None
        if family and all(" " not in c.name for c in chain):
            name = f"{name} {family}"
        return Speaker(chain[0].start, chain[-1].end, name, "pronoun", Label.PERSON)

    def _pronoun_subject(self, sentence: Span, hi: int, pronoun: str) -> bool:
        """Whether ``pronoun`` is the subject of the sentence's main clause ("She said Roe was ...")."""
        at = self._subject_at(sentence.start, hi)
        word = re.match(r"(\w+)\b", self.masked[at:hi]) if at is not None else None
        return word is not None and word.group(1).lower() == pronoun

    def _described_subject(self, sentence: Span, hi: int) -> bool:
        """Whether the sentence's subject is someone described, not named ("The candidate also ...")."""
        at = self._subject_at(sentence.start, hi)
        return at is not None and _LEADING_ROLE.match(self.masked, at, hi) is not None

    def _subject_at(self, lo: int, hi: int) -> int | None:
        """Where a sentence's main-clause subject starts, after its opening phrases ("On Monday, in
        anticipation of Roe's speech, Tam ...", "In questioning by Roe, a Harbour Democrat, Tam ...");
        None when the sentence opens with a quotation or an opening phrase has no comma to end it."""
        text = self.masked
        lead = re.match(r"[\s\"“‘'(]*(?:(?:And|But|So|Yet)\s+)?", text[lo:hi])
        pos = lo + (lead.end() if lead else 0)
        if MASK in text[pos : pos + 2]:
            return None
        first, after_name = True, False
        for _ in range(4):
            word = re.match(r"([A-Za-z][\w'’-]*)(\s+\S)?", text[pos:hi])
            if word is None:
                return None
            w = word.group(1)
            lw = w.lower()
            next_capital = bool(word.group(2)) and word.group(2)[-1:].isupper()
            if first and lw in _BARE_OPENERS and next_capital:
                pos += word.end() - 1  # "Meanwhile Roe, who ..., spoke": the adverb alone, no comma after it
                first = False
                continue
            if first:
                opening = (
                    lw in _OPENING_WORDS
                    or (lw.endswith(("ing", "ed", "ly")) and not next_capital)
                    or _TIME_OPENER.match(text, pos, hi) is not None
                )
            else:  # a further phrase ("in anticipation of ...") or an apposition to the name before
                opening = w[0].islower() and (lw in _OPENING_WORDS or (after_name and lw in ("a", "an")))
                opening = opening or (after_name and self._place_part(pos, hi))
            if not opening:
                return pos
            # the phrase ends at a comma, or where a quoted title holding its comma closes ('On "▒▒," Roe said')
            end = _PHRASE_END.search(text, pos, min(hi, pos + 200))
            if end is None:
                return None if first else pos
            comma = end.start()
            phrase = text[pos:comma].split()
            after_name = bool(phrase) and phrase[-1][:1].isupper()
            pos = comma + 1
            while pos < hi and text[pos].isspace():
                pos += 1
            first = False
        return pos

    def _place_part(self, lo: int, hi: int) -> bool:
        """Whether ``lo`` starts the rest of a place ending the phrase before ("in Salem, New Hampshire,
        Roe said"): a few capitalised words up to a comma, recognised as an entity but not a speaker."""
        part = re.match(r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*(?=,)", self.masked[lo:hi])
        if part is None:
            return False
        end = lo + part.end()
        return not self._candidates(lo, end) and _overlaps(self._taken, self._taken_starts, lo, end)

    def _backgrounded(self, cand: Candidate, sentence: Span, opening: bool = True) -> bool:
        """Whether a name sits where news puts what is not the topic: inside an opening phrase (unless
        not ``opening``), as a possessive ("Roe's plan"), or after a preposition ("an aide to Jo Vale")."""
        text = self.masked
        if _POSSESSIVE_AFTER.match(text, cand.end):
            return True
        at = self._subject_at(sentence.start, sentence.end) if opening else None
        if at is not None and cand.start < at:
            return True
        before = _PREPOSITION_BEFORE.search(text, max(sentence.start, cand.start - 80), cand.start)
        return (
            before is not None
            and before.group(1) in _PREPOSITIONS
            and not text[max(sentence.start, before.start() - 10) : before.start()].rstrip().endswith("according")
        )

    def _pick(self, in_sentence: list[Candidate], pronoun: str, sentence: Span | None = None) -> Speaker:
        """In one sentence: a resolved speaker, else a person, else a full name, else the first (the subject);
        names in the foreground of the sentence first."""
        chosen = next((c for c in in_sentence if (c.start, c.end) in self.speaker_spans), None)
        if chosen is None and pronoun != "they":  # "Whether Roe or Tam wins is open, said Jo Lind": the speaker
            chosen = next((c for c in in_sentence if self._credited(c)), None)
        if chosen is None and sentence is not None:
            foreground = [c for c in in_sentence if not self._backgrounded(c, sentence)]
            in_sentence = foreground or in_sentence
        if chosen is None:
            if pronoun == "they":
                orgs = [c for c in in_sentence if c.label is Label.ORG]
                in_sentence = orgs or in_sentence
            persons = [c for c in in_sentence if c.label is Label.PERSON and pronoun != "they"]
            full = [c for c in in_sentence if len(c.name.split()) > 1]
            chosen = (persons or full or in_sentence)[0]
        return Speaker(chosen.start, chosen.end, chosen.name, "pronoun", chosen.label)

    def sentence_subject(self, sentence: Span, before: int) -> Speaker | None:
        """The subject of the first speech verb of ``sentence`` before ``before`` (None: none, or nobody named)."""
        return self._cue_subject(sentence, before)

    def _cue_subject(self, sentence: Span, before: int) -> Speaker | None:
        """The subject of the first speech verb in an earlier sentence ("X, the manager, said ...")."""
        if self._resolving:
            return None
        whole = sentence.end <= before  # a finished sentence: its subject never changes, so keep it
        if whole and sentence.start in self._subjects:
            return self._subjects[sentence.start]
        self._resolving = True
        try:
            lo = max(sentence.start, before - _SENTENCE_WINDOW)
            found = None
            for cue in cues(self.masked, lo, min(sentence.end, before)):
                if cue.word.endswith("ing"):
                    continue  # "..., claiming": its subject is the clause's, found by the next cue or the names
                if _ASKED_OPENER.match(self.masked, lo) and not self.masked[lo : cue.start].strip(" \"“‘'"):
                    continue  # "Asked about Roe, Lind said": the one asked speaks through the next verb
                clause = self.masked.rfind(",", lo, cue.start) + 1 or lo
                if _SUBORDINATE_OPEN.match(self.masked, max(clause, lo), cue.start):
                    continue  # "after the interview concluded, Roe stated": the main clause's verb
                found = self.subject_of(lo, cue.start)
                if found is not None and found.via == ANONYMOUS and _is_document(found.name):
                    self._things[sentence.start] = found  # "The cable warned ... It said": the cable
                elif found is not None and found.via == ANONYMOUS and _someone(found.name) and cue.word not in _ASKING:
                    self._someone[sentence.start] = found  # "One caller from X said ... she said": the caller
                if found is not None and found.via in (ANONYMOUS, UNRESOLVED):
                    found = None
                break
        finally:
            self._resolving = False
        if whole:
            self._subjects[sentence.start] = found
        return found

    def remember(self, position: int, speaker: Speaker) -> None:
        if speaker.via == ANONYMOUS:
            words = speaker.name.lower().split()
            head = words[-1]
            thing = head in _DOCUMENTS or head in _ORG_HEADS
            if len(words) <= 6 and words[0] in ("the", "a", "an", "this", "that") and thing:
                self._document = (position, speaker)
            elif _someone(speaker.name) and self.sentences.spans:  # '"...," said a farmer from X': for "he"
                self._someone.setdefault(self.sentences.at(position).start, speaker)
            return
        if speaker.via == UNRESOLVED:
            return
        at = bisect_right(self.resolved_at, position)
        self.resolved_at.insert(at, position)
        self.resolved.insert(at, speaker)
        self.speaker_spans.add((speaker.start, speaker.end))
        self.speaker_names.add(speaker.name)


def _start(match: re.Match[str]) -> int:
    return match.start()


def _someone(description: str) -> bool:
    """Whether an anonymous speaker is one unnamed person ("one caller from Leeds", "a nurse at X"), whom a
    later "he" or "she" can stand for: an indefinite singular description, not a document or a body."""
    words = _HEAD_PHRASE.match(description)
    if words is None or words.group(1).startswith("of "):  # "one of the claims": a part of something
        return False
    head = words.group(1).split()[-1]
    if head[:1].isupper():  # "a terse Roe": a name, described
        return False
    return not head.endswith("s") and head not in _DOCUMENTS and head not in _ORG_HEADS


def _inside_tail(description: Speaker, offset: int) -> bool:
    """Whether ``offset`` falls after the head of an unnamed person's description ("one farmer near
    Ashford": Ashford), where a place or a body is named, not the person."""
    head = _HEAD_PHRASE.match(description.name)
    return head is not None and description.start + head.end(1) <= offset < description.end


def _is_document(description: str) -> bool:
    """Whether a description names a document ("the cable", "a leaked memo"), whose words it quotes."""
    words = description.lower().split()
    return 1 < len(words) <= 5 and words[0] in ("the", "a", "an", "this", "that") and words[-1] in _DOCUMENTS


def _person_like(cand: Candidate | Speaker) -> bool:
    """Whether an unlabelled capitalised name can be a person: not a place or body ("Madison Square
    Garden", a country or state), not an abbreviation ("N.H"), not a common word capitalised at a sentence
    start ("Sometimes"), not a headline's words ("Crowd Gasps At Rally")."""
    if cand.label is not None:
        return True
    words = cand.name.split()
    if not words or words[-1] in _THING_HEADS:
        return False
    if len(words) > 1 and (cand.name.isupper() or any(w in TITLE_CASE_WORDS for w in words)):
        return False  # a headline or a line in capitals ("FULL TEXT", "Crowd Gasps At Rally")
    if "." in cand.name and len(cand.name.replace(".", "")) <= 4:
        return False
    if len(words) == 1:
        word = words[0]
        if gz.is_country(word) and word not in gz.surnames():
            return False  # "Florida is one of the swing states, and Roe ... she said": a state, not a woman
        return gz.english_frequency(word.lower()) < _COMMON_ZIPF or word in gz.given_names() or word in gz.surnames()
    return True


def _bisect(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of ``spans`` (sorted by start, nearly disjoint)."""
    i = bisect_left(starts, end)
    return any(s < end and start < e for s, e in spans[max(0, i - 3) : i])


# Nouns news uses for unnamed people ("a source close to", "one guest", "a board member")
PERSON_NOUNS = ROLE_HEADS | frozenset(
    """source sources aide aides insider insiders person people guest guests member members staffer staffers
    official officials resident residents voter voters witness witnesses attendee attendees man woman men women
    participant participants neighbour neighbor friend friends relative relatives colleague colleagues
    nurse nurses parent parents student students mom mum dad retiree retirees veteran veterans citizen citizens
    immigrant immigrants refugee refugees husband wife son daughter sister uncle aunt cousin widow nun priest
    pastor chef clerk mechanic surgeon nanny boy girl child teen youth grandparent""".split()
)
_PERSON_SUFFIX = re.compile(r"[a-z]{3,}(?:er|or|ist|ian)s?")  # "organiser", "operator", "activist", "librarian"
_THING_SUFFIXED = frozenset("water paper number letter border matter order other power corner factor".split())


def person_noun(word: str) -> bool:
    """Whether a lower-case word names a kind of person ("aide", "organiser"), roughly."""
    word = word.strip(",.;:")
    if word in PERSON_NOUNS:
        return True
    return _PERSON_SUFFIX.fullmatch(word) is not None and word.rstrip("s") not in _THING_SUFFIXED
