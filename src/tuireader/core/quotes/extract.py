"""Quotations and their speakers.

Four steps, each in its own module: ``marks`` pairs quotation marks into passages (telling
apostrophes from quotes, following quotations across paragraphs); ``context`` masks the
quoted words and finds clause-sized sentences around them; ``speakers`` reads the subject of
a cue; ``references`` resolves pronouns and descriptions. Here the attribution patterns are
tried in the order a reader would use them:

1. after the quotation: ``"...," X said`` / ``"...," said X`` / ``"...," according to X``;
2. before it in the same sentence: ``X said: "..."``, ``He remarked, '...'``, ``X said the plan was
   "dead"``, or a paragraph ending with ``X said:`` before a quotation paragraph;
3. a whole-sentence quotation with no attribution of its own continues the previous quotation's
   speaker (``"...," he said. "..."``), in the same paragraph or the one before, unless narration
   naming someone else comes in between.

Around these, the conventions of real outlets: a closing verb of any kind in the attribution slot
(``"...," Roe fumed.``, ``"...!" beamed Roe``), a colon or a dash instead of a verb (``Roe: "..."``,
a headline digest ``HEADLINE - Roe: "..."``, ``"..." — Roe``), a participle or infinitive taking
its clause's subject (``Roe lobbied for it, saying "..."``, ``Roe interjected to say: "..."``),
``X said ... and added, "..."`` the subject of the first verb, a quotation that runs on before
``said X``, a sentence ending in a verb before a quotation (``Roe agreed. "..."``), honorifics,
party codes and places in apposition (``Sen. Jo Roe (D-Ohio)``, ``Roe, 30, of Ashford, Vt.,``),
and the marks of ``quote_marks`` (doubled apostrophes included). A pull quote (a paragraph of
nothing but a quotation the body prints again with its attribution) takes the body's speaker. Credits after a quotation
(``"..." — Rep. Jo Roe (R-Ohio), asked about it``, ``"..." That's Jo Roe, speaking ...``), a text's
signer (``The letter, signed by Roe, read:``), someone a video shows (``shows Roe saying``) speak; a
new subject before a quotation (``A source offered more:``, ``Her challenger went further.``) ends
the continuation; titles of works (``the podcast "Small Towns"``) and signs are nobody's words.
Transcript turns without marks (``ROE: ...``) are read in ``transcript``.

What a Quote holds (the choices, for readers of the JSON and the UI):

- ``start``/``end``: everything between the marks, trailing comma or full stop included. A quotation
  continued over paragraphs (no closing mark, next paragraph reopens) is one Quote per paragraph,
  all with the same speaker.
- ``cue``: the cue word as written, lower-cased ("said", "wrote", "according to"), not a lemma, so
  the reader sees the article's own word; ``None`` when nothing attributes the quotation.
- ``speaker_start``/``speaker_end``: the name the speaker is found under: the subject's name, a
  pronoun's or definite description's antecedent ("he", "the ministry"), or for "a spokesperson for
  X" the name X (``speaker_name`` then reads "spokesperson for X"). A definite description keeps its
  words as ``speaker_name`` ("the governor") while the span names whom it refers to. An anonymous
  source ("one senior official", "a person close to the Roes") has no span, so no entity is claimed,
  but ``speaker_name`` keeps the description.
- ``scare``: one or two words with no speech cue, or up to four in the article's secondary mark
  (single quotes beside double-quoted speech). A naming verb gives a scare quote a speaker only when
  its subject names the caller ("Smith called it a 'bloodbath'"), not in a relative clause
  ("Smith, who has called it a 'bloodbath', said"). In the article's main mark a naming verb with a
  named subject makes a partial quotation, not a scare quote ("X described it as "very useful"").
  Up to six words after "so-called" or in "what X calls its '...'" are scare quotes too.
- ``speaker``: the entity id, filled later by corpus resolution.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace

from tuireader.core.quotes.context import (
    MASK,
    NAMING_CUES,
    SPEECH_CUES,
    SUBJECT_AFTER,
    Cue,
    Sentences,
    cues,
    mask_quotes,
    quoted_ends,
    speaker_mentions,
)
from tuireader.core.quotes.items import ListItems
from tuireader.core.quotes.references import ANONYMOUS, PERSON_NOUNS, ROLE_HEADS, UNRESOLVED, Speaker, person_noun
from tuireader.core.quotes.speakers import SpeakerFinder
from tuireader.core.quotes.transcript import transcript_quotes
from tuireader.core.text.quote_marks import Kind, QuotedPassage, find_quoted, text_blocks
from tuireader.core.text.segment import clause_spans
from tuireader.core.text.tokens import is_abbreviation
from tuireader.model import Article, Label, Mention, Quote, Span

_SO_CALLED = re.compile(r"\bso-called\s*$", re.IGNORECASE)
_READ_AFTER = re.compile(r"\b(?:read|reads)\b")
_OBJECT_AFTER = frozenset({"told", "tells", "asked", "asks", "urged", "warned", "accused", "praised", "blamed"})
# "Roe agreed with Tam that '...'": the quotation is the view of the one agreed with, not of the subject.
_AGREE_WITH = re.compile(
    r"\bagree(?:s|d|ing)?\s+with\s+((?:[^,;:.!?\n]|(?:(?<=\bMr)|(?<=\bMs)|(?<=\bMrs)|(?<=\bDr)|(?<=\bSen)|(?<=\bRep)|(?<=\bGov)|(?<=\bGen))\.){1,60}?)\s+that\s*$"
)
# "the part of the code that says: '...'", "a clause which reads '...'": a text speaks through a relative
# clause; its noun phrase (a determiner, a few words, one "of" phrase) is the source.
_TEXT_THAT_SAYS = re.compile(
    r"\b((?:the|a|an|its|his|her|their)\s+(?:[\w.'’-]+\s+){0,3}?[\w.'’-]+"
    r"(?:\s+of\s+(?:(?:the|a|an|this|that)\s+)?(?:[\w.'’-]+\s+){0,3}?[\w.'’-]+)?)"
    r"\s+(?:that|which)\s+(?:says|said|states|stated|reads|read|declares|declared)\s*[:,]?\s*$"
)
# ... unless a verb of writing or saying governs it: "Roe added the caption which reads '...'" is Roe's.
_AUTHORED = re.compile(r"\b([a-z]+)\s+$")
_AUTHORING = frozenset("issued released published sent shared signed drafted penned put".split())
# Texts that relay a speech given by the sentence's subject: "according to excerpts", "prepared remarks".
_RELAYED_TEXT = re.compile(
    r"\s+(?:(?:the|an?)\s+)?(?:excerpts?|(?:prepared|advance)\s+(?:remarks|text|copy)|transcripts?"
    r"|remarks\s+as\s+prepared)\b"
)
# A request reported inside another's statement: "Roe asked Lind to explore '...', the office said".
_REQUEST_CUES = frozenset("asked urged told pressed begged".split())
_REQUEST_TO = re.compile(
    r"\s+(?:[^,;:.!?\"“”‘’]|(?<=\b[A-Z][a-z])\.|(?<=\bMrs)\.|(?<=\b[A-Z])\.){1,80}?"  # "Mr." in the object
    r"\bto\s+(?:[a-z]+\s+(?:\w+\s+){0,4})?"
)
# "The sign read:", "The letter reads, in part:", "One slide reads, in capital letters:": "read" at a clause end
_READ_CUE = re.compile(
    r"\b(?:read|reads|reading)(?=(?:,?\s+in\s+part|\s+as\s+follows)?\s*[:,]?\s*$)"
    r"|\b(?:read|reads)(?=\s*,\s*in\s+[^,:;.!?\n]{1,30}[:,]\s*$)"
)
# "The letter, signed by Gov. Jo Roe, read:": the text speaks for whoever signed or wrote it
_SIGNED_BY = re.compile(r"\b(?:signed|written|penned|authored|co-signed)\s+by\s+")
_CAPITALISED = re.compile(r"(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]*(?<!['’]s)")  # "Gov. Jo Roe"
_POST_WINDOW = 220  # characters read after a closing mark for "X said"
_PRE_WINDOW = 500  # characters read before an opening mark for "X said:"
_MAX_SUBJECT_WORDS = 10
_INTRO_WORDS = 25  # "Roe resisted:", "In a statement, Roe wrote the following:": a clause before a colon
_DASH_CREDIT = re.compile(r"\s*(?:-|—|–|--)\s*([A-Z][^.;:!?\n]{0,60}?)\.?\s*")
# '"..." — Rep. Jo Roe (R-Ohio), asked about the ad.': a credit line whose name has an apposition after it
_DASH_LEAD = re.compile(r"\s*(?:-|—|–|--)\s*(?=[A-Z])")
_CREDIT_TITLE = re.compile(r"(?:[\w.'’-]+\s+){0,4}")  # "Rep. ", "state party chair ": the words before the name
_CREDIT_TAIL = re.compile(r"\s*(?:\([^()\n]{1,30}\))?\s*(?:[.,]|$)")
_ASIDE_WORDS = 6  # "X, who has called it a 'farce'": an aside only when this short
# 'Roe reposted the clip with the comment: "..."': the words that go with a post are its poster's
_WITH_COMMENT = re.compile(
    r"\b(?:with|under|alongside|adding)\s+(?:the|a|an|this|his|her|their|its)\s+(?:[\w-]+\s+)?"
    r"(?:comment|caption|message|note|words|remark|line|tweet|post|hashtag)\s*[:,]?\s*$"
)
_AND_THAT = re.compile(r"[^.;:!?\"“”]{0,60}?,?\s+(?:and|but|or)\s+that\s+[^.;:!?\"“”]{0,80}")  # "... and that X"
# " spokeswoman Jo Roe": role words, then a name
_HELD_ROLE = re.compile(r"\s+((?:[a-z][\w-]*\s+){1,3})((?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]*)\b")
# "Here is a taste:", "Here's what she said:", "This was his answer:": words presented, their speaker named before
_PRESENTING = re.compile(r"\s*(?:Here(?:['’]s|\s+is|\s+are|\s+was)|This\s+(?:is|was)|These\s+(?:are|were))\b")
_WHAT_CALLS = re.compile(r"\bwhat\s+(?:[\w'’-]+\s+){1,4}?(?:calls?|called|dubs?|dubbed|terms?|termed)\s*$")
# After the last cue of a sentence before a quotation: nothing, or a short adverbial ("in a statement").
_AFTER_LAST_CUE = re.compile(
    r"(?:\s+(?:so|too|again|then|later|back|in|on|at|to|during|via|through|with|from|after|before)\b[^,;:.!?]{0,50})?"
    r"\s*[.:]\s*"
)
_SHORT_PHRASE = (
    r"(?:\s+(?:on|in|at|during|after|before|from|to|with|as|while|recently|later|earlier)\b[^.,;:!?]{0,40})?"
)
_VERB_SLOT = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)\s+([a-z]{3,})(?=" + _SHORT_PHRASE + r"\s*(?:[.,;]|$))"
)
# '"...," an angry Roe retaliated.': a determiner and one adjective before the name
_DESCRIBED_SLOT = re.compile(r"(?:an?|the)\s+[a-z][\w-]*\s+(?=[A-Z])")
# '"...," beamed Jo Roe, a delegate': an -ed verb, then the name (the inversion of "Jo Roe beamed")
_INVERTED_SLOT = re.compile(
    r"([a-z]{3,}ed)\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)(?=(?:\s+of\s+[A-Z][^.,;]{0,30})?\s*(?:[.,;]|$))"
)
# 'Roe fumed, "..."', 'Roe proclaimed at a press conference, "..."': an -ed verb ends the clause before a quotation
# ... or, in present-tense narration of a video or a scene, an -s verb ('Seconds later Roe shouts, "..."')
# Words opening a clause or phrase after a quotation: a cue after them is not the quotation's own
_CLAUSE_OPENERS = frozenset(
    "and but or as while which that who with to in for so after before when because since until although"
    " though unless once whereas".split()
)
# "faulted Jo Roe for saying", "at Roe for promising": the person before "for" does the -ing
_FOR_DOING = re.compile(r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)\s+for\s+$")
# "..., where Al Lind works", "... who Lind hired": a relative clause, whose verb is not the lead-in's
_IN_RELATIVE_CLAUSE = re.compile(r",\s*(?:where|who|whom|whose|which)\s+[^,;:]{0,40}$")
_VERB_BEFORE = re.compile(r"\b([a-z]{3,}ed|[a-z]{2,}[a-rt-z]s)" + _SHORT_PHRASE + r"\s*[,:]\s*$")
_HEADLINE_DASH = re.compile(r"\s(?:-|—|–|--)\s")
_BY_AGENT = re.compile(r"\s+by\s+")
_SAYING_NOUNS = (
    r"(?:words?|question|promise|dictum|message|view|statement|response|reply|answer|remarks?|comments?|slogan"
    r"|motto|warning|claim|argument|line|vow|pledge|tweet|post|mantra|refrain|advice|verdict|assessment)"
)
# "Roe's dictum to his interns was, '...'", "in Roe's view, '...'", "Roe's '...'"
_POSSESSOR = re.compile(
    r"((?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w-]*)['’]s?\s+(?:(?:[a-z-]+\s+){0,2}"
    + _SAYING_NOUNS
    + r"\b[^,:;.!?]{0,60}?(?:\s+(?:was|is|were|are|reads?))?\s*[,:]?\s*$|$"
    # "Roe's stirring rejection of '...'", "Roe's insistence on '...'": a noun of a speech act, then its object
    + r"|(?:[a-z-]+\s+){0,2}[a-z]+(?:ion|al|ment|ance|ence)\s+(?:of|on|that)\s*$)"
)
# 'Asked by an aide, "...?" Roe replied': the question opens the sentence, its asker named before it
_ASKED_BY = re.compile(r"\s*(?:When\s+)?[Aa]sked\s+by\s+[^,;:!?\n]{1,80},\s*[\"“‘']")
# "was announced by Roe" keeps the cue; "the deal announced by Roe" (no auxiliary) is a participle
_AUXILIARY_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be|get|gets|got)\s+(?:\w+ly\s+)?$")
# '"...!" the seven-term congressman demands.': a definite role, then one closing verb of any kind
_ROLE_SLOT = re.compile(
    r"((?:the|The)\s+(?:[\w-]+\s+){0,2}?(?:" + "|".join(sorted(ROLE_HEADS)) + r"))"
    r"\s+([a-z]{3,}(?:s|ed))(?=\s*[.,;]|\s*$)"
)
# ", and Jo Roe ...": a second clause with its own named subject
_AND_CLAUSE = re.compile(r",\s+(?:and|but)\s+(?=(?:[A-Z]\.\s+)?[A-Z][a-z])")
_AND_AFTER_QUOTE = re.compile(MASK + r"[\"”’']\s+(?:and|but)\s+(?=(?:[A-Z]\.\s+)?[A-Z][a-z])")
# "by asking", "after saying": a participle governed by a preposition
_PREPOSITION_BEFORE = re.compile(r"\b(?:by|after|before|without|upon|while|when|since)\s+$")
_WITH_SUBJECT = re.compile(r"\bwith\s+((?:[\w'’-]+\s+){0,5}?[\w'’-]+)\s+$")
_GOVERNED = re.compile(r"\b[a-z]{3,}\s+to\s+$")  # "interjected to say", "took the stage to say"
# '"...," Jo Bloggs, who has chaired the committee since 2014 and ..., said': a long appositive is fine
_NAME_THEN_APPOSITIVE = re.compile(r"\s*(?:[\w'’.-]+\s+){0,5}[A-Z][\w'’.-]*,[^;:!?]*,\s*$")
# '"...," a harbour worker, who asked not to be named, told X': a description and its relative clause
_DESCRIPTION_THEN_RELATIVE = re.compile(
    r"\s*(?:an?|the|one)\s+(?:[\w'’.-]+\s+){0,4}[\w'’.-]+,\s*(?:who|whom)\b[^;:!?]*,\s*$"
)
_ENDS_CLAUSE = tuple(",!?…—–-:;")
# A newsletter digest: a paragraph opening with a headline in capitals, then quoted lines from the piece.
_DIGEST_HEADLINE = re.compile(r"\s*((?:[A-Z0-9][A-Z0-9'’:,.&$%-]*\s+){2,}?[A-Z0-9][A-Z0-9'’:,.&$%-]*)\s*[\"“‘']?")
_FROM_SOURCE = re.compile(
    r"(?:^|[.:]\s+|\s[-—–]+\s*)(?:From|More\s+from|(?:Overheard|Heard)\s+(?:from|by))\s+((?:[\w'’.-]+\s+){0,6}[\w'’.-]+)\s*:$"
)  # "From the report:", a digest's "... -More from Roe and Lind:", "Overheard from one guest:"
_BULLET = re.compile(r"\s*(?:[-–—•*]|\d{1,2}[.)])\s+")  # a list item's mark: "- ", "• ", "2. "
# "... does not surprise harbour analyst Jo Roe:": a role and a name close the clause before the colon
_ROLE_NAME_BEFORE_COLON = re.compile(r"\b([a-z][\w-]*)\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)\s*:$")
_NOT_ROLES = frozenset(
    """a an the of in on at for from to with by about against and or but as than like via into onto over under
    told asked said says wrote urged warned thanked called named met""".split()
)
# '"...," state party chairman Jo Roe and ... said': role words in lower case, then a name
_ROLE_LED = re.compile(
    r"\s*([a-z][\w-]*\s+(?:[\w-]+\s+){0,3}?)((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)(?=\s+and\s|\s*,|\s+of\s|\s*$)"
)
_CLAUSE_NOT_ROLE = frozenset("is was were are has had have will would not so that which who this these".split())
# "roused the crowd to chants of '...'", "the crowd broke into shouts of '...'": the crowd's words
# '"..." That quote from Jo Roe appeared ...': the next sentence credits a quotation
_CREDITED_NEXT = re.compile(
    r"\s*(?:That|This|The)\s+(?:quote|quotation|remark|line|comment|words|phrase|statement)\s+(?:from|by|of)\s+"
    # '"..." That's state Sen. Jo Roe, speaking ...', '"..." — that was Jo Roe's answer': the speaker presented
    r"|\s*(?:(?:-|—|–|--)\s*)?(?:[Tt]hat|[Tt]his|[Tt]hose)(?:['’]s|\s+(?:is|was|were|are))\s+(?=[A-Za-z])"
)
# A live blog's time stamp or a dateline before a dash: "10:03 a.m. — ", "ASHFORD, Vt. — "
_STAMP = re.compile(r"\s*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|[A-Z][A-Z'’ ]+(?:,\s*[A-Z][\w.]*)?)\s*(?:-|—|–|--)\s*")
# "Ashford harbour master Jo Roe": a place or body, role words, then the name
_CREDITED_NAME = re.compile(
    r"(?:[A-Z][\w'’.-]*\s+)?(?:[a-z][\w-]*\s+){0,3}(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*(?=\s+[a-z]|\s*[,.;])"
)
_CHANTS_OF = re.compile(r"\b(?:chants?|shouts?|cries|cheers|roars?|chorus(?:es)?)\s+of\s*$")
_CROWD = re.compile(
    r"\b(?:(?:the|a|an|some|many|about|nearly|dozens\s+of|hundreds\s+of|thousands\s+of|\d[\d,]*)\s+)*"
    r"(?:[a-z-]+\s+)?(?:crowds?|audiences?|protesters|demonstrators|supporters|marchers|fans|delegates|spectators"
    r"|onlookers|attendees|rallygoers|hecklers)\b"
)
# '"...," came shouts from the crowd': the crowd after "came ... from"
_CAME_FROM = re.compile(
    r"(?:came|rang\s+out|went\s+up)\s+(?:(?:a|the)\s+)?(?:[a-z-]+\s+)?(?:shouts?|chants?|cries|calls?|cheers|yells?"
    r"|voices?)\s+from\s+((?:the|a|an|some|many)\s+(?:[\w-]+\s+){0,3}?[a-z]+)\b"
)
_STATEMENT = re.compile(
    r"\b(?:issued|released|put\s+out|posted|sent|gave)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:statement|letter|memo|message)\b"
)
_SUBORDINATE = re.compile(r"(?:,|\s)\s*(?:when|where|as|while|after|before|because|since|until)\s+(?=[A-Za-z])")
_QUESTION_LEAD = re.compile(rf"\s*(?:And\s+)?[A-Z][^!?\n\"“”‘’{MASK}]{{0,80}}\?\s*")
_READING = re.compile(r"\b(?:read|reads|reading)\b")
# Between two quotations of one list or of one subject's verbs: 'called it "a sham" and "..."',
# 'supports "...," opposes "..."'
_JOINED = re.compile(r"['’”\"»]?\s*(?:,\s*)?(?:(?:and|or)\s+)?(?:[a-z]+\s+){0,2}")  # after a closing mark
# A law quoted as the sentence's subject ("Federal law bars anyone who '...'") or its frame ("Under state law,")
_LAW = re.compile(
    r"\s*(?:Under\s+|By\s+)?((?:[Tt]he\s+)?(?:(?:[Ff]ederal|[Ss]tate|[Ll]ocal|[Cc]ity|[Cc]urrent|[Ee]xisting"
    r"|[Ii]nternational|[Cc]riminal|[Ee]lection)\s+)?(?:law|statute|criminal\s+code|regulations))\b(?=\s+[a-z]|,)"
)
_TITLED = re.compile(r"\b(?:titled|entitled|headlined)[\s,:]*$")
# "the fans in the upper deck began chanting", "the residents packed into the back rows shouted": a
# plural description (with a place or participle phrase) as the subject of a chant: the crowd's words
_CHANT_WORD = re.compile(r"(?:chant|shout|yell|scream|roar|cheer|jeer|holler|boo|sang|sing)\w*")
_CROWD_SUBJECT = re.compile(
    r"\s*((?:[Tt]he|[Ss]ome|[Mm]any|[Ss]everal|[Dd]ozens\s+of|[Hh]undreds\s+of|[Tt]housands\s+of|\d[\d,]*)\s+"
    r"(?:[a-z-]+\s+)?[a-z-]+[a-rt-z]s)\b"
    r"(?:\s+(?:in|at|on|from|near|outside|inside|behind|along|packed|gathered|crowded|seated|standing|lining)\b"
    r"[^,;:.!?\n]{0,50}?)?\s+(?:(?:began|started|broke\s+into|kept|continued|then|again)\s+(?:to\s+)?)?"
)
# "From Jo Roe's piece in the Ledger:": the writer of the piece, not the outlet it ran in
_WRITERS_WORK = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)['’]s\s+(?:[a-z-]+\s+){0,2}(?:piece|article|story|column|report"
    r"|reporting|post|op-ed|essay|newsletter|review|analysis|dispatch|write-up|thread|blog|book|letter|memo)\b"
)
# "..., in a post by editor Jo Roe:", "from a column by Jo Roe:": a written piece and its author close the clause
_WORK_BY = re.compile(
    r"\b(?:in|from|via|per)\s+(?:an?|the|this|that|his|her|their|its)\s+(?:[\w-]+\s+){0,2}(?:post|piece|column"
    r"|article|story|op-ed|essay|newsletter|editorial|letter|report|thread|dispatch|write-up|blog\s+post)"
    r"\s+(?:by|from)\s+([^,;:.!?\n]{1,60}?)\s*[:,]?\s*$"
)
# "read a text from a listener:", "got an email from Jo Roe:": a message and its sender before the quotation
_MESSAGE_FROM = re.compile(
    r"\b(?:an?|the|one|another)\s+(?:[\w-]+\s+)?(?:text|texts|message|email|e-mail|note|voicemail|comment"
    r"|question|letter)\s+from\s+([^,;:.!?\n]{1,50}?)\s*[:,]?\s*$"
)
# '"...," Rep. Jo Roe clapped back at X, who ...': a name, then a phrasal verb of manner closing the slot
_PHRASAL_SLOT = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)\s+([a-z]{3,}ed)\s+(?:back|off|out|up|down)\b"
    r"(?=(?:\s+(?:at|to|on|against|with|in)\b[^.;!?]{0,80}?)?\s*(?:[.,;]|$))"
)
_OUTLETS_WRITER = re.compile(
    r"\s*(?:The\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*['’]s\s+((?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]*)\s+[a-z]"
)
# "The Courier's Jo Roe has the story. The key bit:": an excerpt from the piece of the one named before
_EXCERPT_LEAD = re.compile(
    r"\s*(?:(?:[Tt]he|[Hh]ere['’]s\s+the|[Aa]nd\s+the)\s+)?(?:(?:key|money|relevant|crucial|important|telling"
    r"|damning|central|best)\s+)?(?:bit|part|passage|line|graf|paragraph|excerpt|quote|section)s?\s*:"
)
# "Ex-Sheriff TORCHES Successor:", "Jo Roe SLAMS Rival:": a headline's subject, then a verb in capitals
_EMPHATIC_HEADLINE = re.compile(
    r"\s*((?:[A-Z][\w'’.-]*\s+){0,3}?[A-Z][\w'’-]*)\s+[A-Z]{3,}(?:ED|ES|S|ING)\b[^:\n]{0,80}:\s*$"
)
# "a video posted by the group X", "the clip, which was shared by X": a recording's publisher, not its speaker
_RECORDING_BEFORE = re.compile(
    r"\b(?:video|videos|clip|clips|footage|recording|recordings|audio|tape|tapes|livestream|broadcast)"
    r"(?:\s*,\s*(?:which|that)\s+(?:was|were|had\s+been|has\s+been)|\s+(?:that|which)\s+(?:was|were))?\s+$"
)
# 'the podcast "Small Town Money"', 'The new ad, titled "Two Faces,"': a work named by its title, nobody's words
_WORK_BEFORE = re.compile(
    r"(?:\b(?:podcasts?|shows?|programs?|programmes?|books?|films?|movies?|documentar(?:y|ies)|series|albums?|songs?"
    r"|columns?|ads?|adverts?|advertisements?|commercials?|newsletters?|novels?|memoirs?|plays?|segments?|episodes?"
    r"|musicals?|exhibitions?|headlines?)|,\s*(?:titled|entitled|headlined|called|dubbed)|\bheadlined"
    # 'told listeners of "The Jo Roe Hour"', 'the author of "Small Towns"': a work its people are named by
    r"|\b(?:listeners|viewers|readers|subscribers|audiences?|hosts?|anchors?|producers?|authors?|creators?|stars?)"
    r"\s+of)\s*,?\s*$"
)
_MAX_TITLE_WORDS = 10
# What "read" has as subject when a sign is read: "Another", "One banner", "the hand-lettered placards"
_DISPLAY = re.compile(
    r"(?:[Aa]nother|[Oo]ne|[Tt]he\s+other|[Oo]thers|[Ss]ome|[Mm]any|[Ss]everal|[Ee]ach|[Oo]ne\s+of\s+them"
    r"|(?:[\w-]+\s+){0,4}(?:signs?|banners?|placards?|posters?|t-shirts?|shirts?|buttons?|hats?|caps?|stickers?"
    r"|billboards?|plaques?|signboards?|graffiti|murals?))"
)
# 'Sen. Jo Roe can be heard telling a donor ...': whom a recording lets us hear speaks
_HEARD = re.compile(
    r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*)\s+(?:(?:can|could)\s+be|is|was|are|were)\s+(?:heard|seen|caught)"
    r"(?:\s+[^\s,;:.!?]+){0,3}?\s+$"
)
# '... an aide asked, before Jo Roe leans in: "..."': a later clause with its own subject
_LATER_CLAUSE = re.compile(r"(?:,\s*|\s)(?:before|until|as|when|while|then|and\s+then)\s+(?=[A-Z])")
# 'The ad shows Jo Roe at a town hall saying ...', 'a clip of him telling donors ...': who is shown speaks
_SHOWN = re.compile(
    r"\b(?:shows?|showed|shown|showing|features?|featured|featuring|depicts?|depicted|captures?|captured|catches"
    r"|caught|(?:clip|video|footage|recording|tape|audio)\s+of)\s+((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*|him|her|them)"
    r"(?:\s+[^\s,;:.!?]+){0,8}?\s+$"
)
_RELATION = re.compile(r"(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w-]+\s+){0,2}[a-z][\w-]*$")  # "Her challenger", "his wife"
_DIGEST_OUTLET = re.compile(r"\[([A-Z][^\[\]\n]{1,40}?)\.?\]\s*$")


def extract_quotes(article: Article, mentions: Sequence[Mention]) -> tuple[Quote, ...]:
    """Quotes with speaker spans; ``Quote.speaker`` (an entity id) is filled by resolution."""
    text = article.text
    blocks = text_blocks(text, article.paragraphs, article.headings)
    passages = [
        p
        for p in find_quoted(text, article.paragraphs, article.headings)
        if any(ch.isalnum() for ch in text[p.start : p.end])
    ]
    turns = transcript_quotes(text, blocks, mentions)  # "ROE: ..." paragraphs of a transcript, no marks
    if not passages:
        return tuple(turns)
    masked = mask_quotes(text, passages)
    sentences = Sentences(clause_spans(masked, blocks, quoted_ends(text, masked, passages)))
    reader = _Attribution(
        text,
        masked,
        blocks,
        sentences,
        SpeakerFinder(
            masked, blocks, sentences, speaker_mentions(mentions, masked), [Span(m.start, m.end) for m in mentions]
        ),
    )
    reader.index(passages)
    reader.headings = {h.start for h in article.headings}
    style = _speech_style(text, passages)
    out: list[Quote] = []
    previous: tuple[QuotedPassage, Quote] | None = None
    for passage in passages:
        quote = reader.quote(passage, previous, passages, style)
        out.extend(_per_paragraph(text, passage, quote, blocks, reader.block_starts))
        if not quote.scare:
            previous = (passage, quote)
    out = _pull_quotes(text, out, blocks)
    return tuple(sorted(out + turns, key=lambda q: q.start)) if turns else tuple(out)


def _alone(text: str, q: Quote, blocks: Sequence[Span], starts: list[int]) -> bool:
    """Whether the quotation is its paragraph's only words."""
    block = blocks[max(0, bisect_right(starts, q.start) - 1)]
    return text[block.start : block.end].strip(_MARKS_AND_SPACE) == text[q.start : q.end].strip(_MARKS_AND_SPACE)


_MARKS_AND_SPACE = " \"“”‘’'«»"
_PULL_MIN_WORDS = 6  # shorter repeated words ("We will win") are a refrain, not a pull quote
_SHINGLE = 4
_PULL_PREFIX = 10  # the words compared: ten in a row are no coincidence
_WORD = re.compile(r"[^\W_]+")


def _pull_quotes(text: str, quotes: list[Quote], blocks: Sequence[Span]) -> list[Quote]:
    """A pull quote (a paragraph of nothing but a quotation, repeated from the body, as web pages
    print them) is the words of whoever the body attributes them to: '"I worry about the debt."'
    set apart, then '"I worry about the debt," said Jo Roe, an economist.'"""
    starts = [b.start for b in blocks]
    candidates = [i for i, q in enumerate(quotes) if q.cue is None and not q.scare and _alone(text, q, blocks, starts)]
    if not candidates:
        return quotes
    words = [[w.casefold() for w in _WORD.findall(text[q.start : q.end])] for q in quotes]
    by_shingle: dict[tuple[str, ...], list[int]] = {}
    for i, (q, ws) in enumerate(zip(quotes, words, strict=True)):
        if q.cue is not None and q.speaker_start is not None and not q.scare:
            for k in range(len(ws) - _SHINGLE + 1):
                by_shingle.setdefault(tuple(ws[k : k + _SHINGLE]), []).append(i)
    out = list(quotes)
    for i in candidates:
        q, ws = quotes[i], words[i]
        if len(ws) < _PULL_MIN_WORDS:
            continue
        needle = " " + " ".join(ws[:_PULL_PREFIX]) + " "  # a pull quote may end in its own credit line
        for j in by_shingle.get(tuple(ws[:_SHINGLE]), ()):
            if j != i and needle in " " + " ".join(words[j]) + " ":
                source = quotes[j]
                out[i] = replace(
                    q,
                    speaker=source.speaker,
                    cue=source.cue,
                    speaker_start=source.speaker_start,
                    speaker_end=source.speaker_end,
                    speaker_name=source.speaker_name,
                )
                break
    return out


_WORD_WITH_LETTERS = re.compile(r"[^\W_]+(?:\S*)")


def _words(text: str) -> int:
    """Words with at least one letter or digit ("—" and "…" do not count)."""
    return len(_WORD_WITH_LETTERS.findall(text))


def _speech_style(text: str, passages: list[QuotedPassage]) -> Kind:
    """The mark an article uses for speech: the kind of most of its longer quotations."""
    long = [p.kind for p in passages if _words(text[p.start : p.end]) >= 4]
    return Kind.SINGLE if long.count(Kind.SINGLE) > long.count(Kind.DOUBLE) else Kind.DOUBLE


def _per_paragraph(
    text: str, passage: QuotedPassage, quote: Quote, blocks: list[Span], block_starts: list[int]
) -> list[Quote]:
    """A quotation continued over paragraphs becomes one Quote per paragraph, all with the same speaker."""
    if passage.paragraphs <= 1:
        return [quote]
    out: list[Quote] = []
    first = max(0, bisect_right(block_starts, quote.start) - 1)
    for block in blocks[first : first + passage.paragraphs]:
        lo, hi = max(block.start, quote.start), min(block.end, quote.end)
        if lo >= hi:
            continue
        while lo < hi and lo < block.start + 2 and text[lo] in "\"“„‟«'‘‚‛‹’`":
            lo += 1  # the reopening mark (two characters in ''doubled'' house style)
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if lo < hi:
            out.append(replace(quote, start=lo, end=hi))
    return out or [quote]


class _Attribution:
    def __init__(self, text: str, masked: str, blocks: list[Span], sentences: Sentences, finder: SpeakerFinder) -> None:
        self.text = text
        self.masked = masked
        self.blocks = blocks
        self.sentences = sentences
        self.finder = finder
        self.block_starts = [b.start for b in blocks]
        self.opens: list[int] = []
        self.headings: set[int] = set()  # start offsets of heading blocks
        self.closes: list[int] = []
        self._close_at: list[int] = []  # the closing mark of each passage, in the order of ``opens``
        self.items: ListItems | None = None  # the article's blocks read as list items, when first needed

    def index(self, passages: list[QuotedPassage]) -> None:
        self.opens = [p.open for p in passages]
        self._close_at = [p.close for p in passages]
        # a work's title inside a clause ("X, who hosts the podcast "...," said") does not end the clause
        self.closes = sorted(p.close for p in passages if not self._titled_work(p.open, p.close))

    def _block(self, offset: int) -> int:
        return max(0, bisect_right(self.block_starts, offset) - 1)

    def quote(
        self, q: QuotedPassage, previous: tuple[QuotedPassage, Quote] | None, passages: list[QuotedPassage], style: Kind
    ) -> Quote:
        content = self.text[q.start : q.end]
        if self._titled_work(q.open, q.close):
            return Quote(q.start, q.end, scare=True)  # 'the podcast "Small Town Money"': a title, nobody's words
        found = self._after(q, content, passages) or self._before(q, passages) or self._introduced(q)
        cue: str | None = None
        speaker: Speaker | None = None
        if found is not None:
            cue, speaker, position = found
            cue = cue or None  # introduced by a colon or credited after a dash: no cue word
            if cue == "reading" and speaker is not None and speaker.via == ANONYMOUS:
                speaker = None  # "protesters carried banners reading '...'": a sign, not a speaker
            elif cue in ("read", "reads", "says") and speaker is not None and _DISPLAY.fullmatch(speaker.name):
                speaker = None  # "One sign read '...'. Another read '...'": signs, nobody speaking
            if speaker is not None and speaker.via != UNRESOLVED and not (cue in NAMING_CUES and speaker.relative):
                self.finder.remember(position, speaker)
        words = _words(content)
        # Short words in the article's second kind of mark ('...' beside "..." speech) are scare quotes
        # even when a naming verb is near: "described the fire as a 'megafire'".
        short = words <= 2 or (q.kind is not style and words <= 4)
        naming = cue in NAMING_CUES
        # A long quotation is the named person's words even in "what Roe called '...'" (not an aside).
        aside = naming and speaker is not None and speaker.relative and words <= _ASIDE_WORDS
        what = _WHAT_CALLS.search(self.masked, max(0, q.open - 80), q.open)
        if aside and words > 2 and self._ends_sentence(q) and what is None:
            aside = False  # "..., alongside Sen. Roe, who called him 'a fighter for the forgotten.'": reported speech
        if aside:
            speaker = None  # "X, who has called it a 'farce'": the narrator's aside, not X speaking here
        scare = short and (cue is None or (naming and (q.kind is not style or speaker is None)))
        # "the so-called 'war on drugs'", "what the company calls its 'terminal of the future'"
        if words <= 6 and (aside or _SO_CALLED.search(self.masked, max(0, q.open - 12), q.open)):
            scare = True
        if found is None and previous is not None and not short and self._joined_clause(q, previous[0]):
            return replace(previous[1], start=q.start, end=q.end)  # 'found that X was "..." and that Y "..."'
        if (
            found is None
            and previous is not None
            and (not short or self._answer(q, previous[0]))
            and self._standalone(q, previous[0])
            and not self._described_between(q, previous[1])
        ):
            return replace(previous[1], start=q.start, end=q.end)
        if found is None and not short:
            found = self._clause_subject(q) or self._subject_before(q)
            if found is not None:
                cue, speaker, position = found
                cue = cue or None
                if speaker is not None and speaker.via not in (UNRESOLVED, ANONYMOUS):
                    self.finder.remember(position, speaker)
        if speaker is not None and speaker.via in (UNRESOLVED, ANONYMOUS):
            # Named only by a description or an unresolved pronoun: keep the words, claim no entity.
            return Quote(
                q.start, q.end, cue=cue, scare=scare, speaker_name=speaker.name if speaker.via == ANONYMOUS else None
            )
        if scare and cue is None:
            speaker = None
        return Quote(
            q.start,
            q.end,
            cue=cue,
            scare=scare,
            speaker_start=speaker.start if speaker else None,
            speaker_end=speaker.end if speaker else None,
            speaker_name=(speaker.written or speaker.name) if speaker else None,
        )

    def _after(
        self, q: QuotedPassage, content: str, passages: list[QuotedPassage]
    ) -> tuple[str, Speaker | None, int] | None:
        """``"...," X said`` and its inversions, read after the closing mark."""
        masked = self.masked
        sentence = self.sentences.at(q.close)
        limit = min(sentence.end, q.close + _POST_WINDOW)
        i = bisect_right(self.opens, q.close)
        while i < len(self.opens) and self._title_in_attribution(i):
            i += 1  # '"...," delegate Bo Roe, wearing "Vote Vela" pins, said': a title inside the attribution
        later = self.opens[i] if i < len(self.opens) else None
        if later is not None:
            limit = min(limit, later)
        tail = masked[q.close + 1 : limit]
        if q.close + 1 > limit:
            return None
        opens_sentence = _blank(masked, self.sentences.at(q.open).start, q.open)
        if _ASKED_BY.fullmatch(masked, self.sentences.at(q.open).start, q.open + 1):
            return None  # 'Asked by an aide, "...?" Roe replied': the asker's question, read before it
        lead = re.match(r"\s*,?\s*", tail)
        lead_end = lead.end() if lead else 0
        if not (content.endswith(_ENDS_CLAUSE) or tail.lstrip().startswith(",") or opens_sentence):
            return self._sentence_final(q, sentence, limit)
        introduced_by = masked[self.sentences.at(q.open).start : q.open].rstrip()[-1:]
        if (
            not opens_sentence
            and content.rstrip().endswith((".", "?", "!"))
            and (introduced_by == ":" or (introduced_by == "," and tail.lstrip()[:1].isupper()))
        ):
            # 'Roe replied: "Why now?" Her critics ...', 'Roe answers Lind with, "Why now?" Lind then writes':
            # the quotation was introduced before it and ends its sentence; what follows is a new one
            return None
        base = q.close + 1
        came = _CAME_FROM.match(masked, base + lead_end, limit)
        if came is not None and opens_sentence:  # '"...," came shouts from the crowd'
            return "", Speaker(came.start(1), came.end(1), masked[came.start(1) : came.end(1)], ANONYMOUS), came.start()
        found = cues(masked, base + lead_end, limit)
        reads = _READ_AFTER.search(masked, base + lead_end, limit)  # '"...," read the email' / 'the sign reads'
        if reads is not None and (not found or reads.start() < found[0].start):
            found.insert(0, Cue(reads.start(), reads.end(), reads.group()))
        described = _DESCRIBED_SLOT.match(masked, base + lead_end, limit)
        slot_at = described.end() if described is not None else base + lead_end
        slot = _VERB_SLOT.match(masked, slot_at, limit)
        verb = slot.group(2) if slot is not None else ""
        if slot is not None and (verb.endswith(("ed", "s")) or cues(masked, slot.start(2), slot.end(2))):
            # '"...," Corrow notes.', '"...," Long said.': a name and one verb closing the sentence
            named = self.finder.name_at(slot.start(1), slot.end(1))
            if named is not None and (described is None or self.finder.plausible_subject(named)):
                return slot.group(2).lower(), named, slot.start(2)
        phrasal = _PHRASAL_SLOT.match(masked, slot_at, limit) if opens_sentence else None
        named = self.finder.name_at(phrasal.start(1), phrasal.end(1)) if phrasal is not None else None
        if phrasal is not None and named is not None and named.via == "name":  # '"...," Roe clapped back at X'
            return phrasal.group(2), named, phrasal.start(2)
        role_slot = _ROLE_SLOT.match(masked, base + lead_end, limit) if opens_sentence else None
        if role_slot is not None and not found:  # '"Who are you!" the seven-term congressman demands.'
            role = self.finder.classify(role_slot.start(1), role_slot.end(1))
            if role is not None and role.via not in (UNRESOLVED, ANONYMOUS):
                return role_slot.group(2), role, role_slot.start(2)
        inverted_slot = _INVERTED_SLOT.match(masked, base + lead_end, limit)
        if inverted_slot is not None and opens_sentence and (not found or found[0].start >= inverted_slot.end(1)):
            named = self.finder.name_at(inverted_slot.start(2), inverted_slot.end(2))
            if named is not None:
                return inverted_slot.group(1), named, inverted_slot.start(1)
        if not found:
            return None
        cue = found[0]
        region = masked[base + lead_end : cue.start]
        word = _cue_word(cue.word)
        crowd = self._crowd(base + lead_end, cue)
        if crowd is not None:  # '"...!" the residents packed into the back rows shouted'
            return word, crowd, cue.start
        if word in ("read", "reads") and region.strip().lower() == "it":
            # '"...," it read': a document's words (the transcript, the sign), not a person's named nearby
            start = base + lead_end + region.index(region.strip())
            document = self.finder.refs.document(start, start + 2)
            if document is not None:
                return word, document, cue.start
        role_led = _ROLE_LED.match(region) if opens_sentence and word not in SUBJECT_AFTER else None
        if (
            role_led is not None
            and not any(w in _NOT_ROLES or w in _CLAUSE_NOT_ROLE for w in role_led.group(1).split())
            and len(region.split()) <= 30
            and not _sentence_break(region)
        ):
            # '"...," harbour engineers Jo Roe and Al Lind of the Marine Institute wrote': lower-case role
            # words, then the name (not the quotation's words running on)
            named = self.finder.name_at(base + lead_end + role_led.start(2), base + lead_end + role_led.end(2))
            if named is not None and (named.label is Label.PERSON or " " in named.name.strip()):
                return word, named, cue.start
        if opens_sentence and region.strip()[:1].islower() and "," in region and not _sentence_break(region):
            # '"..." that would meet requests from X, Justice Department counsel Jo Roe wrote': after the comma
            tail_start = base + lead_end + region.rfind(",") + 1
            named = self.finder.before(tail_start, cue.start)
            if named is not None and named.via == "name" and len(masked[tail_start : cue.start].split()) <= 10:
                return word, named, cue.start
        if (
            opens_sentence
            and region.strip()[:1].islower()
            and region.rstrip().endswith(",")
            and word not in _OBJECT_AFTER
            and not _sentence_break(region)
        ):
            # '"..." since so many cases were close, said Roe': the quotation's words run on, then "said X"
            inverted = self.finder.after(cue.end, limit)
            if inverted is not None and inverted.via in ("name", "role", ANONYMOUS):
                return word, inverted, cue.start  # '"..." for the audit, said one clerk'
        long_ok = (
            _NAME_THEN_APPOSITIVE.match(region) is not None or _DESCRIPTION_THEN_RELATIVE.match(region) is not None
        ) and len(region.split()) <= 30
        if (len(region.split()) > _MAX_SUBJECT_WORDS and not long_ok) or _sentence_break(region):
            return None
        if not region.strip() or word in SUBJECT_AFTER:
            # "said X" inverts only after a quotation that opens its clause, not after "described it as 'x', said"
            if not opens_sentence and cues(masked, max(self.sentences.at(q.open).start, q.open - _PRE_WINDOW), q.open):
                return None
            if word == "according to" and _RELAYED_TEXT.match(masked, cue.end, limit):
                # 'Roe will vow to "...," according to excerpts': the excerpts relay the subject's words
                subject = self.finder.leading(self.sentences.at(q.open), q.open)
                if subject is not None and subject.via in ("name", "pronoun", "role"):
                    return word, subject, cue.start
            speaker = self.finder.after(cue.end, limit)
            return (word, speaker, cue.start) if speaker is not None else None
        run_on = region.strip()[:1].islower()
        if opens_sentence and run_on and region.rstrip().endswith(",") and word not in _OBJECT_AFTER:
            # '"..." about the decision, said Roe': the quotation's words run on, then an inverted cue
            # (not 'the spokesman, Jo Bloggs, told Radio X': a subject stands before the cue there)
            speaker = self.finder.before(base + lead_end, cue.start)
            if speaker is not None:
                return word, speaker, cue.start
            speaker = self.finder.after(cue.end, limit)
            if speaker is not None and speaker.via == "name":
                return word, speaker, cue.start
        first = region.split()[0].lower().strip(",")
        if first in _CLAUSE_OPENERS:
            # '"... worked so hard" for the victory, Roe said': the subject after the last comma; '"...,"
            # after Lind expressed support': a cue inside a subordinate clause is not this quotation's
            comma = region.rfind(",")
            sentence_start = self.sentences.at(q.open).start
            if comma < 0 or not (opens_sentence or not cues(masked, sentence_start, q.open)):
                return None  # 'Its main finding is that "..." in a flood, Roe said': no other cue before
            speaker = self.finder.before(base + lead_end + comma + 1, cue.start)
            if speaker is None or speaker.via != "name":
                return None
            return word, speaker, cue.start
        speaker = self.finder.before(base + lead_end, cue.start)
        if speaker is None and _NAME_THEN_APPOSITIVE.match(region):
            # '"...," Jo Roe, 51, who worked there for years, said': the name before the first comma
            head = _CAPITALISED.fullmatch(region.strip(), 0, region.strip().find(","))
            if head is not None:
                at = base + lead_end + region.index(region.strip())
                speaker = self.finder.name_at(at + head.start(), at + head.end())
        if speaker is None:
            return None
        return word, speaker, cue.start

    def _sentence_final(self, q: QuotedPassage, sentence: Span, limit: int) -> tuple[str, Speaker | None, int] | None:
        """'Roe "never wanted the job" in the first place, Lind said.': a partial quotation inside a
        sentence that ends in ", X said" (and has no cue of its own before the quotation)."""
        masked = self.masked
        comma = masked.rfind(",", q.close + 1, limit)
        if comma < 0 or MASK in masked[q.close + 1 : limit] or _sentence_break(masked[q.close + 1 : comma]):
            return None
        if _title_case(self.text[q.start : q.end]):
            return None  # 'Roe is on "Live with Jo Lind" at 8 p.m., Asked ..., Roe said': a title, no words said
        found = cues(masked, comma + 1, limit)
        if not found or len(masked[comma + 1 : found[0].start].split()) > 6:
            return None
        cue = found[0]
        closing = _AFTER_LAST_CUE.match(masked, cue.end)
        if closing is None or closing.end() < limit:  # the cue ends the sentence: "..., Lind said on Monday."
            return None
        before = cues(masked, sentence.start, q.open)
        if before and not (before[-1].word in _REQUEST_CUES and _REQUEST_TO.fullmatch(masked, before[-1].end, q.open)):
            return None  # ("Roe asked Lind to explore '...', the office said": a request reported, not a speech)
        speaker = self.finder.before(comma + 1, cue.start)
        if speaker is None or speaker.via not in ("name", "pronoun", "role"):
            return None
        return _cue_word(cue.word), speaker, cue.start

    def _ends_sentence(self, q: QuotedPassage) -> bool:
        """Whether nothing but closing punctuation follows the quotation in its sentence."""
        end = self.sentences.at(q.close).end
        return not self.masked[q.close + 1 : end].strip(" .,;!?…\"”’'")

    def _title_in_attribution(self, i: int) -> bool:
        """Whether the ``i``-th quotation is a short name in capitals ("Vote Vela") inside narration."""
        start, close = self.opens[i] + 1, self._close_at[i]
        words = self.text[start:close]
        if self._titled_work(self.opens[i], close):
            return True
        return _words(words) <= 4 and _title_case(words) and self.masked[close + 1 : close + 3].strip()[:1].isalpha()

    def _titled_work(self, open_at: int, close: int) -> bool:
        """A title in capitals right after the noun of a work or an appositive "titled" ("the podcast
        'Small Town Money'", "The ad, titled 'Two Faces,'")."""
        if _WORK_BEFORE.search(self.masked, max(0, open_at - 40), open_at) is None:
            return False  # the cheap test first: it is asked of every quotation, several times
        words = self.text[open_at + 1 : close]
        return _words(words) <= _MAX_TITLE_WORDS and _title_case(words) and words.rstrip()[-1:] not in ("?", "!")

    def _before(self, q: QuotedPassage, passages: list[QuotedPassage]) -> tuple[str, Speaker | None, int] | None:
        """``X said: "..."``, ``He remarked, '...'``, ``X said the plan was "dead"``."""
        masked = self.masked
        sentence = self.sentences.at(q.open)
        lo, hi = max(sentence.start, q.open - _PRE_WINDOW), q.open
        if not masked[lo:hi].strip():
            block = self._block(q.open)
            if (
                block > 0
                and q.open == self.blocks[block].start
                and masked[self.blocks[block - 1].start : self.blocks[block - 1].end].rstrip().endswith(":")
            ):
                prev_end = self.blocks[block - 1].end
                lo, hi = self.sentences.at(prev_end - 1).start, prev_end
                sentence = self.sentences.at(prev_end - 1)
        comment = _WITH_COMMENT.search(masked, max(lo, hi - 60), hi)
        if comment is not None:
            poster = self.finder.leading(sentence, comment.start())
            if poster is not None and poster.via != UNRESOLVED and self.finder.plausible_subject(poster):
                return "", poster, poster.start
        agree = _AGREE_WITH.search(masked, max(lo, hi - 90), hi)
        if agree is not None:
            held = self.finder.classify(agree.start(1), agree.end(1))
            if held is not None and held.via in ("name", "role", "pronoun", "description"):
                return "agreed", held, agree.start()
        says = _TEXT_THAT_SAYS.search(masked, max(lo, hi - 90), hi)
        verb = _AUTHORED.search(masked, max(lo, says.start() - 20), says.start()) if says is not None else None
        if says is not None and not (verb and (verb.group(1) in SPEECH_CUES or verb.group(1) in _AUTHORING)):
            text = Speaker(says.start(1), says.end(1), self.text[says.start(1) : says.end(1)], ANONYMOUS)
            return "says", text, says.start()
        work = self._work_by(lo, hi)
        if work is not None:
            return work
        found = cues(masked, lo, hi)
        # "The statement read: '...'" / "a sign reading '...'": "read" cues only right before the quotation
        reads = _READ_CUE.search(masked, lo, hi)
        if reads is not None:
            found.append(Cue(reads.start(), reads.end(), reads.group()))
        owner = _POSSESSOR.search(masked, max(lo, hi - 120), hi) if not found else None
        if owner is not None:  # "Roe's dictum was, '...'", "the pull of Roe's '...' promise"
            named = self.finder.name_at(owner.start(1), owner.end(1))
            if named is not None:
                return "", named, owner.start(1)
        if not found:
            verb = _VERB_BEFORE.search(masked, lo, hi)
            if verb is None or _IN_RELATIVE_CLAUSE.search(masked, lo, verb.start(1)):
                return None  # "Jo Roe, the owner of the inn where Al Lind works: '...'": Lind only works there
            found = [Cue(verb.start(1), verb.end(1), verb.group(1))]
            subject = self.finder.before(lo, verb.start(1))
            if subject is None or subject.via not in ("name", "pronoun"):
                return None
            return verb.group(1), subject, verb.start(1)
        while (
            len(found) > 1
            and _BY_AGENT.match(masked, found[-1].end, hi)
            and not masked[found[-1].start].isupper()
            and not _AUXILIARY_BEFORE.search(masked, max(lo, found[-1].start - 16), found[-1].start)
        ):
            found.pop()  # "told reporters that the deal announced by Roe '...'": a participle after a noun, no cue
        cue = found[-1]
        word = _cue_word(cue.word)
        signer = self._signer(sentence, cue)
        if signer is not None:
            return word, signer, cue.start
        later = self._later_clause(cue, hi)
        if later is not None:
            return "", later, later.start
        comma = masked.rfind(",", lo, cue.start)
        chanting = self._crowd(max(lo, comma + 1), cue)
        if chanting is not None:  # "As Roe appeared, the fans in the upper deck began chanting, '...'"
            return word, chanting, cue.start
        by = _BY_AGENT.match(masked, cue.end, hi)
        if by is not None and masked[cue.start].isupper():  # 'Asked by one of her aides, "...?"': the asker
            agent = self.finder.after(by.end(), hi)
            if agent is not None and agent.via in ("name", "role", ANONYMOUS):
                return word, agent, cue.start
        if word in SUBJECT_AFTER or masked[cue.start].isupper():  # "according to X", "Said X, who ...: '...'"
            speaker = self.finder.after(cue.end, hi)
            if speaker is None and word.endswith("ing") and not masked[cue.end : hi].strip(" ,:\xa0"):
                # 'Roe said ... . Adding, "..."': the last speaker (of the sentence before, or of this one
                # when the quotation before it closed the sentence)
                speaker = self._previous_subject(sentence) or self.finder.refs.sentence_subject(sentence, cue.start)
            return word, speaker, cue.start
        by = _BY_AGENT.match(masked, cue.end, hi)
        recording = _RECORDING_BEFORE.search(masked, max(lo, cue.start - 40), cue.start) if by is not None else None
        if recording is not None:
            # "Here's Roe at a town hall, in a video posted by the group X: '...'": the one recorded
            recorded = self.finder.leading(sentence, cue.start)
            if recorded is not None and recorded.via in ("name", "pronoun") and recorded.end <= recording.start():
                return word, recorded, cue.start
        if by is not None:  # "Roe was asked by host Jo Bloggs, '...'": the agent speaks
            agent = self.finder.after(by.end(), hi)
            if agent is not None and agent.via == "name":
                return word, agent, cue.start
        # not "began the interview with Roe by asking": the participle is governed by a preposition
        governed = _PREPOSITION_BEFORE.search(masked, max(lo, cue.start - 12), cue.start) is not None
        crowd = (
            _WITH_SUBJECT.search(masked, max(lo, cue.start - 60), cue.start)
            if word.endswith("ing") and not governed
            else None
        )
        if crowd is not None:  # "with many marchers chanting '...'": the crowd after "with"
            subject = self.finder.classify(crowd.start(1), crowd.end(1))
            if subject is not None and subject.via != UNRESOLVED:
                return word, subject, cue.start
        blamed = _FOR_DOING.search(masked, max(lo, cue.start - 60), cue.start) if word.endswith("ing") else None
        if blamed is not None:  # "critics faulted Roe for saying '...'", "thanked Roe for calling it '...'"
            named = self.finder.name_at(blamed.start(1), blamed.end(1))
            if named is not None and named.via == "name" and named.label is not Label.ORG:
                return word, named, cue.start
        shown = self._shown(lo, cue) if word.endswith("ing") else None
        if shown is not None:
            return word, shown, cue.start
        if _GOVERNED.search(masked, max(lo, cue.start - 40), cue.start) or word.endswith("ing"):
            # "Roe lobbied for the ban, saying, '...'", "Roe interjected to say: '...'": the clause's subject
            speaker = (
                self._earlier_cue_subject(found, lo, cue)
                or self._clause_before_participle(sentence, cue)
                or self.finder.leading(sentence, cue.start)
            )
            if speaker is not None:
                return word, speaker, cue.start
        i = bisect_left(self.closes, cue.start) - 1  # the last quotation closed before the cue
        start = self.closes[i] + 1 if i >= 0 and self.closes[i] >= lo else lo
        speaker = self.finder.before(start, cue.start)
        if speaker is None and start > lo and not masked[start : cue.start].strip(" ,;—–-"):
            # '"...," said Roe, explaining ...: "..."': the cue of the quotation before, inverted
            speaker = self.finder.after(cue.end, hi)
        if speaker is None and masked[start : cue.start].rstrip().endswith(","):
            # "Her comments, said Roe, the press secretary, are '...'": an inverted cue set off by commas
            speaker = self.finder.after(cue.end, hi)
            if speaker is not None and speaker.via != "name":
                speaker = None
        if speaker is None:
            between = masked[cue.end : hi]
            if word not in _OBJECT_AFTER and re.fullmatch(r"\s+[^,;]{1,60}?[:,]\s*", between):
                speaker = self.finder.after(cue.end, hi)
                if speaker is not None and speaker.via in ("description", ANONYMOUS):
                    speaker = None  # "recalled the freeze on pay: '...'": the object, not the speaker
        if speaker is None and start > lo:
            # '"...!" Roe paused, smiled, and said, "..."': a new named subject after the quotation before
            speaker = self._new_subject(start, cue.start)
        if speaker is None:  # "Varga said he welcomed it and added, '...'": the subject of "said"
            speaker = self._earlier_cue_subject(found, lo, cue)
        if speaker is None:
            speaker = self.finder.leading(sentence, cue.start)
        return word, self._role_holder(speaker, cue.start), cue.start

    def _role_holder(self, speaker: Speaker | None, hi: int) -> Speaker | None:
        """``Vela spokeswoman Jo Roe, asked ...``: an organisation's name before a role and a person's
        name is a modifier; the person holding the role speaks."""
        if speaker is None or speaker.via != "name" or speaker.label is Label.PERSON:
            return speaker
        held = _HELD_ROLE.match(self.masked, speaker.end, hi)
        if held is None or not any(w in PERSON_NOUNS for w in held.group(1).split()):
            return speaker
        named = self.finder.name_at(held.start(2), held.end(2))
        return named if named is not None else speaker

    def _shown(self, lo: int, cue: Cue) -> Speaker | None:
        """``The ad shows Jo Roe at a rally saying "..."``: whom a video or photo shows speaks, not the video."""
        shown = _SHOWN.search(self.masked, max(lo, cue.start - 120), cue.start)
        if shown is None:
            heard = _HEARD.search(self.masked, max(lo, cue.start - 100), cue.start)
            return self.finder.name_at(heard.start(1), heard.end(1)) if heard is not None else None
        start, end = shown.start(1), shown.end(1)
        if self.masked[start].islower():  # "a clip of him telling donors"
            found = self.finder.refs.pronoun(start, end)
            return found if found.via != UNRESOLVED else None
        return self.finder.name_at(start, end)

    def _new_subject(self, start: int, hi: int) -> Speaker | None:
        """The name opening the words after a closing mark, heading verbs of its own
        (``Roe paused, smiled, and said``)."""
        speaker = self.finder.leading(Span(start, hi), hi)
        if speaker is None or speaker.via != "name" or not _blank(self.masked, start, speaker.start):
            return None
        return speaker

    def _later_clause(self, cue: Cue, hi: int) -> Speaker | None:
        """``... an aide asked, before Jo Roe leans in: "..."``: a clause after the last cue, with a named
        subject of its own and ending in a colon, introduces the quotation."""
        if not self.masked[cue.end : hi].rstrip().endswith(":"):
            return None
        joins = list(_LATER_CLAUSE.finditer(self.masked, cue.end, hi))
        if not joins or MASK in self.masked[joins[-1].end() : hi]:
            return None
        speaker = self.finder.leading(Span(joins[-1].end(), hi), hi)
        if speaker is None or speaker.via != "name":
            return None
        return speaker if _CREDIT_TITLE.fullmatch(self.masked, joins[-1].end(), speaker.start) else None

    def _signer(self, sentence: Span, cue: Cue) -> Speaker | None:
        """``The letter, signed by Gov. Jo Roe, read: "..."``: a text whose subject names its signer or author."""
        if cue.word.lower() not in ("read", "reads", "says", "said", "states", "stated", "declares", "declared"):
            return None
        signed = _SIGNED_BY.search(self.masked, sentence.start, cue.start)
        if signed is None:
            return None
        named = _CAPITALISED.match(self.masked, signed.end(), cue.start)
        return self.finder.name_at(named.start(), named.end()) if named is not None else None

    def _crowd(self, lo: int, cue: Cue) -> Speaker | None:
        """The crowd that chants: a plural description right before a chant verb at ``cue``."""
        if not _CHANT_WORD.fullmatch(cue.word.lower()):
            return None
        crowd = _CROWD_SUBJECT.fullmatch(self.masked, lo, cue.start)
        if crowd is None:
            return None
        return Speaker(crowd.start(1), crowd.end(1), self.text[crowd.start(1) : crowd.end(1)], ANONYMOUS)

    def _work_by(self, lo: int, hi: int) -> tuple[str, Speaker | None, int] | None:
        """'..., in a post by editor Jo Roe: "..."', 'read a text from a listener: "..."': the author of the piece
        or message named right before the quotation."""
        work = _WORK_BY.search(self.masked, max(lo, hi - 160), hi)
        message = _MESSAGE_FROM.search(self.masked, max(lo, hi - 120), hi) if work is None else None
        work = work or message
        if work is None:
            return None
        author = self.finder.after(work.start(1), work.end(1))
        if author is None or author.via not in ("name", "role", *((ANONYMOUS,) if message else ())):
            return None
        return "", author, work.start()

    def _previous_subject(self, sentence: Span) -> Speaker | None:
        """The subject of the speech verb of the sentence before ``sentence``, in the same paragraph."""
        index = self.sentences.index(sentence.start)
        if index == 0:
            return None
        prev = self.sentences.spans[index - 1]
        if self._block(prev.start) != self._block(sentence.start):
            return None
        return self.finder.refs.sentence_subject(prev, sentence.start)

    def _earlier_cue_subject(self, found: list[Cue], lo: int, cue: Cue) -> Speaker | None:
        """The named subject of the first finite cue before ``cue`` in the same sentence."""
        for earlier in found:
            if earlier.start >= cue.start:
                break
            if _AND_CLAUSE.search(self.masked, earlier.end, cue.start):
                return None  # "X urged her to ..., and Jo Roe sent a letter citing": another clause, another subject
            if earlier.word.endswith("ing") or earlier.word in SUBJECT_AFTER or earlier.word in NAMING_CUES:
                continue  # not "amid the union calls for a strike, Roe said": a noun more often than not
            if _BY_AGENT.match(self.masked, earlier.end, cue.start):
                continue  # "In the clip, which was shared by X, Roe is heard telling": a passive, not the speaker
            i = bisect_left(self.closes, earlier.start) - 1
            start = self.closes[i] + 1 if i >= 0 and self.closes[i] >= lo else lo
            subject = self.finder.before(start, earlier.start)
            if subject is not None and subject.via in ("name", "pronoun", "role", ANONYMOUS):
                return subject  # "even one dock worker said ..., adding": a description too
            return None
        return None

    def _clause_before_participle(self, sentence: Span, cue: Cue) -> Speaker | None:
        """ "..., when fans ran onto the pitch, chanting '...'": the subject of the clause the
        participle follows, when a subordinate clause comes right before it."""
        if not cue.word.endswith("ing"):
            return None
        joined = list(_AND_CLAUSE.finditer(self.masked, sentence.start, cue.start))
        # 'X credited "...," and Mayor Jo Roe returned it, calling': the clause's comma inside the quotation
        quoted = _AND_AFTER_QUOTE.finditer(self.masked, sentence.start, cue.start)
        joined = sorted(joined + [m for m in quoted if self.text[m.start()] == ","], key=lambda m: m.end())
        if joined:  # "X called her, and Jo Roe, the chief, sent a letter citing '...'": the second clause's subject
            speaker = self.finder.leading(Span(joined[-1].end(), cue.start), cue.start)
            if speaker is not None and speaker.via == "name" and speaker.label is Label.PERSON:
                return speaker
        clauses = list(_SUBORDINATE.finditer(self.masked, sentence.start, cue.start))
        if not clauses:
            return None
        start = clauses[-1].end()
        clause = self.masked[start : cue.start].rstrip()
        if MASK in clause or not clause.endswith(","):
            return None
        if "," in clause[:-1]:
            return None  # "In remarks after meeting X, Roe disputed it, saying": the main clause came after it
        speaker = self.finder.leading(Span(start, cue.start), cue.start)
        if speaker is None or speaker.via == UNRESOLVED or not self.finder.plausible_subject(speaker):
            return None
        return speaker

    def _introduced(self, q: QuotedPassage) -> tuple[str, Speaker | None, int] | None:
        """No cue verb: ``Roe: "..."``, ``Roe resisted: "..."``, a paragraph ``Transcript as follows:``
        before a quotation paragraph, or a credit after it (``"..." — Roe`` or a paragraph ``- Roe.``)."""
        masked = self.masked
        sentence = self.sentences.at(q.open)
        lo, hi = sentence.start, q.open
        if not masked[lo:hi].strip():
            block = self._block(q.open)
            if block > 0 and q.open == self.blocks[block].start:
                prev = self.blocks[block - 1]
                lo, hi = self.sentences.at(prev.end - 1).start, prev.end
        clause = masked[lo:hi].rstrip()
        excerpt = self._excerpt_of(lo, hi)
        if excerpt is not None:
            return "", excerpt, excerpt.start
        headline = self._headline_subject(lo, hi)
        if headline is not None:
            return "", headline, headline.start
        credit = self._credit(q)
        if credit is not None:  # a credit line after the quotation names it, whatever heads the paragraph
            return "", credit, credit.start
        block = self._block(q.open)
        if _blank(masked, self.blocks[block].start, q.open):  # a list item: "Jo Roe, 34, Ashford" heads it
            if self.items is None:
                self.items = ListItems(masked, self.blocks, self.finder)
            item = self.items.speaker(block)
            if item is not None:
                return "", item, item.start
        source = _FROM_SOURCE.search(clause)
        if source is not None:  # 'From the report: "..."', 'From Roe's post: "..."'
            writer = _WRITERS_WORK.match(clause, source.start(1))
            if writer is not None:  # "From Jo Roe's piece in the Ledger:": the writer
                named = self.finder.name_at(lo + writer.start(1), lo + writer.end(1))
                if named is not None:
                    return "", named, named.start
            found = self.finder.classify(lo + source.start(1), lo + source.end(1))
            if found is not None and found.via != UNRESOLVED:
                return "", found, found.start
        presenter = self._presenter(lo, clause)
        if presenter is not None:
            return "", presenter, presenter.start
        if clause.endswith(":") and 0 < len(clause[:-1].split()) <= _INTRO_WORDS and MASK not in clause:
            colon = lo + len(clause) - 1
            dash = list(_HEADLINE_DASH.finditer(masked, lo, colon))
            if dash:  # "A HEADLINE - Jo Bloggs: '...'" (a digest of other outlets' pieces)
                lo = dash[-1].end()
            bullet = _BULLET.match(masked, lo, colon)
            if bullet is not None:  # "- A senior aide, granted anonymity: '...'": a list of reactions
                lo = bullet.end()
            speaker = self.finder.leading(Span(lo, hi), colon)
            if speaker is not None and speaker.via in ("name", "pronoun"):
                return "", speaker, lo
            if speaker is not None and self._heads_clause(speaker, lo):
                return "", speaker, lo
            role = _ROLE_NAME_BEFORE_COLON.search(masked, lo, colon + 1)
            if role is not None and role.group(1) not in _NOT_ROLES and not role.group(1).endswith("ed"):
                named = self.finder.name_at(role.start(2), role.end(2))
                if named is not None and (named.label is Label.PERSON or " " in named.name.strip()):
                    return "", named, named.start
        return self._after_verb_sentence(q) or self._named_next(q)

    def _headline_subject(self, lo: int, hi: int) -> Speaker | None:
        """'Ex-Sheriff TORCHES Successor: "..."': the subject before a verb in capitals; a title alone
        ("Ex-Sheriff") is the person the next paragraph names with it ("Former Sheriff Jo Roe")."""
        match = _EMPHATIC_HEADLINE.fullmatch(self.masked, lo, hi)
        if match is None or match.group(1).isupper() or _HEADLINE_DASH.search(self.masked, lo, hi):
            return None  # a digest's headline all in capitals ("POLLS WERE RIGHT - Jo Roe:") is another form
        named = self.finder.name_at(match.start(1), match.end(1))
        block = self._block(lo) + 1
        if " " in match.group(1) or block >= len(self.blocks):
            return named if named is not None and named.via == "name" else None
        title = re.escape(match.group(1).split("-")[-1])
        nxt = self.blocks[block]
        pattern = rf"\b(?i:{title})\s+((?:[A-Z][\w'’.-]*\s+){{0,2}}[A-Z][\w'’-]*)"
        later = re.search(pattern, self.masked[nxt.start : nxt.end])
        if later is None:
            return named if named is not None and named.via == "name" else None
        return self.finder.name_at(nxt.start + later.start(1), nxt.start + later.end(1))

    def _excerpt_of(self, lo: int, hi: int) -> Speaker | None:
        """'The Courier's Jo Roe has the story. The key bit: "..."': the writer named in the sentence before
        a lead that only announces an excerpt."""
        if not _EXCERPT_LEAD.fullmatch(self.masked, lo, hi):
            return None
        index = self.sentences.index(lo)
        if index == 0:
            return None
        prev = self.sentences.spans[index - 1]
        if MASK in self.masked[prev.start : prev.end] or self._block(prev.start) != self._block(lo):
            return None
        staff = _OUTLETS_WRITER.match(self.masked, prev.start, prev.end)  # "The Courier's Jo Roe has ..."
        writer = self.finder.name_at(staff.start(1), staff.end(1)) if staff else self.finder.leading(prev, prev.end)
        if writer is None or writer.via != "name" or writer.label is Label.PLACE:
            return None
        return writer

    def _presenter(self, lo: int, clause: str) -> Speaker | None:
        """``Roe devoted a segment to it. Here is a taste: "..."``: a colon clause presenting words names
        no one; the subject of the sentence before it in the paragraph does."""
        if not clause.endswith(":") or not _PRESENTING.match(clause):
            return None
        if self.finder.refs.names_between(lo, lo + len(clause)):
            return None  # "Here's Roe in 1992:": the clause names its speaker
        index = self.sentences.index(lo)
        if index == 0:
            return None
        prev = self.sentences.spans[index - 1]
        if self._block(prev.start) != self._block(lo) or MASK in self.masked[prev.start : prev.end]:
            return None
        speaker = self.finder.leading(prev, prev.end)
        if speaker is None or speaker.via not in ("name", "pronoun", "role", "description"):
            return None
        return speaker if speaker.label is not Label.PLACE and self.finder.plausible_subject(speaker) else None

    def _heads_clause(self, speaker: Speaker, lo: int) -> bool:
        """Whether a description opens the clause at ``lo`` as its subject: "A source close to the campaign
        offered more:", "One guest, leaving early:" (not a name inside it)."""
        if speaker.via not in (ANONYMOUS, "role", "description") or not self.finder.plausible_subject(speaker):
            return False
        if speaker.via == ANONYMOUS and not any(person_noun(w) for w in speaker.name.lower().split()):
            return False  # "The rise in fares does not surprise ...:": a thing heads the clause
        start = speaker.start if speaker.via == ANONYMOUS else self.masked.find(speaker.written or "\0", lo)
        return start >= 0 and _blank(self.masked, lo, start)

    def _named_next(self, q: QuotedPassage) -> tuple[str, Speaker | None, int] | None:
        """'"..." That quote from harbour master Jo Roe appeared in 1980.': a whole-sentence quotation
        credited by the next sentence of its paragraph."""
        masked = self.masked
        start = self.sentences.at(q.open).start
        if not _blank(masked, start, q.open) and not _STAMP.fullmatch(masked, start, q.open):
            return None
        block = self.blocks[self._block(q.close)]
        credit = _CREDITED_NEXT.match(masked, q.close + 1, block.end)
        if credit is None:
            return None
        named = _CREDITED_NAME.match(masked, credit.end(), min(block.end, credit.end() + 120))
        if named is not None and any(w in _NOT_ROLES for w in named.group().split()):
            return None  # "That is the mood in Port Ashford": no role words before a name
        end = named.end() if named is not None else 0
        if named is not None and masked[end - 2 : end - 1] in ("'", "’") and masked[end - 1] == "s":
            end -= 2  # "that was Jo Roe's answer": the possessor
        speaker = self.finder.classify(named.start(), end) if named is not None else None
        if speaker is None or speaker.via not in ("name", "role"):
            return None
        return "", speaker, speaker.start

    def _after_verb_sentence(self, q: QuotedPassage) -> tuple[str, Speaker | None, int] | None:
        """``Roe agreed. "..."``: a sentence ending in a speech verb, then a quotation opening the next one."""
        masked = self.masked
        sentence = self.sentences.at(q.open)
        if not _blank(masked, sentence.start, q.open):
            return None
        index = self.sentences.index(q.open)
        if index == 0:
            return None
        prev = self.sentences.spans[index - 1]
        block = self._block(q.open)
        opens_paragraph = _blank(masked, self.blocks[block].start, q.open)
        if not (self._block(prev.start) == block or opens_paragraph) or MASK in masked[prev.start : prev.end]:
            return None
        found = cues(masked, prev.start, prev.end)
        if found and _AFTER_LAST_CUE.fullmatch(masked, found[-1].end, prev.end):
            speaker = self.finder.before(prev.start, found[-1].start)
            if speaker is not None and speaker.via in ("name", "pronoun", "description", "role"):
                return found[-1].word, speaker, found[-1].start
        # 'Roe said the plan was late. "..."', 'The council issued a statement on Monday.' then a quotation:
        # the words of whoever the sentence before says spoke
        statement = _STATEMENT.search(masked, prev.start, prev.end)
        if statement is not None:
            speaker = self.finder.leading(prev, statement.start())
            if speaker is not None and speaker.via != UNRESOLVED and self.finder.plausible_subject(speaker):
                return "", speaker, speaker.start
        for cue in found:
            if cue.word.endswith("ing") or cue.word in SUBJECT_AFTER or cue.word in NAMING_CUES:
                continue
            # "Roe frowned and mentioned that ...": the subject of the coordinated verbs
            speaker = self.finder.before(prev.start, cue.start) or self.finder.leading(prev, cue.start)
            if speaker is not None and speaker.via in ("name", "pronoun", "role"):
                return cue.word, speaker, cue.start
            break
        return None

    def _credit(self, q: QuotedPassage) -> Speaker | None:
        """``"..." — Roe`` ending the paragraph, or a paragraph of its own ``- Roe.`` after a quotation paragraph."""
        masked = self.masked
        block = self.blocks[self._block(q.close)]
        rest = masked[q.close + 1 : block.end]
        if not rest.strip():
            index = self._block(q.close) + 1
            if index >= len(self.blocks) or masked[block.start : q.open].strip():
                return None
            nxt = self.blocks[index]
            rest, base = masked[nxt.start : nxt.end], nxt.start
        else:
            base = q.close + 1
        dash = _DASH_CREDIT.fullmatch(rest)
        if dash is None:
            return self._credit_line(base, base + len(rest))
        speaker = self.finder.after(base + dash.start(1), base + dash.end(1))
        return speaker if speaker is not None and speaker.via == "name" else None

    def _credit_line(self, lo: int, hi: int) -> Speaker | None:
        """``"..." — Sen. Jo Roe (D-Ohio), asked about the ad.``: a dash, a name, then only its party code
        and an apposition or participle clause to the end of the paragraph."""
        lead = _DASH_LEAD.match(self.masked, lo, hi)
        if lead is None or MASK in self.masked[lo:hi]:
            return None
        speaker = self.finder.after(lead.end(), hi)
        if speaker is None or speaker.via != "name":
            return None
        if not _CREDIT_TITLE.fullmatch(self.masked, lead.end(), speaker.start):
            return None
        return speaker if _CREDIT_TAIL.match(self.masked, speaker.end, hi) else None

    def _clause_subject(self, q: QuotedPassage) -> tuple[str, Speaker | None, int] | None:
        """No cue: a quotation inside a sentence is the words of that sentence's subject, whatever the
        verb (``Roe thanked them for "..."``, ``Roe released a memo titled "..."``, ``the report found
        "..."``); or a digest's headline in capitals before it (``A HEADLINE "..." [Outlet.]``)."""
        masked = self.masked
        sentence = self.sentences.at(q.open)
        if _blank(masked, sentence.start, q.open):
            return None
        block = self.blocks[self._block(q.open)]
        headline = _DIGEST_HEADLINE.fullmatch(masked, block.start, q.open)
        if headline is not None:
            lo, hi = headline.start(1), headline.end(1)
            outlet = _DIGEST_OUTLET.search(masked, q.close, block.end)
            name = masked[lo:hi] + (f" ({outlet.group(1)})" if outlet is not None else "")
            return "", Speaker(lo, hi, name, ANONYMOUS), lo
        if _CHANTS_OF.search(masked, max(sentence.start, q.open - 30), q.open):
            crowds = list(_CROWD.finditer(masked, sentence.start, q.open))
            if crowds:  # "roused the crowd to chants of '...'": the crowd's words, not the speaker's
                c = crowds[-1]
                return "", Speaker(c.start(), c.end(), masked[c.start() : c.end()], ANONYMOUS), c.start()
        if _strict_title(self.text[q.start : q.end]) and not _TITLED.search(masked, max(0, q.open - 12), q.open):
            return None  # 'Roe appeared on "Late Night Live"': the name of a show or book, not words said
        law = _LAW.match(masked, sentence.start, q.open)
        if law is not None:  # "Federal law makes it a crime for anyone '...'": the words of the law
            return "", Speaker(law.start(1), law.end(1), law.group(1), ANONYMOUS), law.start(1)
        before = masked.rfind(MASK, sentence.start, q.open)
        joined = before >= 0 and _JOINED.fullmatch(masked, before + 2, q.open) is not None
        if before >= 0 and (
            not joined or cues(masked, sentence.start, q.open) or _READING.search(masked, sentence.start, q.open)
        ):
            # another quotation before it in the sentence: only 'called it "a sham" and "..."' (no cue
            # before: 'banners reading "..." and "..."' are the banners', not the marchers')
            return None
        speaker = self.finder.leading(sentence, q.open)
        if speaker is None or speaker.via == UNRESOLVED or speaker.start >= q.open:
            return None
        if not self.finder.plausible_subject(speaker):
            return None
        return "", speaker, speaker.start

    def _subject_before(self, q: QuotedPassage) -> tuple[str, Speaker | None, int] | None:
        """'Roe was in no mood to compromise. "..."': a whole-sentence quotation with no attribution of
        its own, right after a sentence about someone in the same paragraph, is that someone's words."""
        masked = self.masked
        sentence = self.sentences.at(q.open)
        if not _blank(masked, sentence.start, q.open):
            return None
        index = self.sentences.index(q.open)
        if index == 0:
            return None
        prev = self.sentences.spans[index - 1]
        block = self._block(q.open)
        opens = _blank(masked, self.blocks[block].start, q.open) and self._block(prev.start) == block - 1
        if (self._block(prev.start) != block and not opens) or MASK in masked[prev.start : prev.end]:
            return None
        if opens and self.blocks[block - 1].start in self.headings:
            return None
        # the sentence's subject, or the person a sentence about a thing concerns ("For Jo Roe, the verdict ...")
        speaker = self.finder.leading(prev, prev.end)
        if speaker is not None and speaker.via == ANONYMOUS and _RELATION.match(speaker.name):
            return "", speaker, speaker.start  # "Her challenger went further. '...'": kept as written
        if speaker is None or speaker.via not in ("name", "pronoun", "role", "description"):
            return None  # ("The senator ... took a swipe at Lind. '...'": a description resolved to a name)
        if speaker.label is Label.PLACE or not self.finder.plausible_subject(speaker):
            return None
        return "", speaker, speaker.start

    def _joined_clause(self, q: QuotedPassage, prev: QuotedPassage) -> bool:
        """'The audit found that the books were "a mess" and that $4 million "was lost."': a second
        that-clause joined to the first in the same sentence reports the same source."""
        if self.sentences.at(q.open).start != self.sentences.at(prev.close).start:
            return False
        between = self.masked[prev.close + 1 : q.open]
        return _AND_THAT.fullmatch(between) is not None and not cues(self.masked, prev.close + 1, q.open)

    def _described_between(self, q: QuotedPassage, prev: Quote) -> bool:
        """'"...," the mayor said. Her challenger went further. "..."': the sentence before a whole-sentence
        quotation has a described subject who is not the last quotation's speaker; it breaks the chain."""
        masked = self.masked
        index = self.sentences.index(q.open)
        if index == 0 or not _blank(masked, self.sentences.at(q.open).start, q.open):
            return False
        before = self.sentences.spans[index - 1]
        if before.start <= prev.end or MASK in masked[before.start : before.end]:
            return False
        subject = self.finder.leading(before, before.end)
        if subject is None or not (subject.via in ("description", "role") or _RELATION.match(subject.name)):
            return False
        if subject.via == ANONYMOUS:  # "Her challenger went further.": a person by relation, unresolved
            return prev.speaker_name is None or subject.name.lower() != prev.speaker_name.lower()
        said = self.text[prev.speaker_start : prev.speaker_end] if prev.speaker_start is not None else None
        return self.text[subject.start : subject.end] != said

    def _answer(self, q: QuotedPassage, prev: QuotedPassage) -> bool:
        """An interview digest's answer, however short: 'Judge Lind? "A patriot."' after '"Strong," he said.'"""
        block, prev_block = self._block(q.open), self._block(prev.close)
        lead = _QUESTION_LEAD.fullmatch(self.masked, self.blocks[block].start, q.open)
        return prev_block in (block, block - 1) and lead is not None

    def _standalone(self, q: QuotedPassage, prev: QuotedPassage) -> bool:
        """A whole-sentence quotation right after another one (same or previous paragraph), or a
        quotation inside narration of the same paragraph that names nobody else (``"...," Roe said.
        Now, "..."``)."""
        masked = self.masked
        block, prev_block = self._block(q.open), self._block(prev.close)
        if prev_block in (block, block - 1) and _QUESTION_LEAD.fullmatch(masked, self.blocks[block].start, q.open):
            return True  # an interview digest: 'Mayor Roe? "A good man."' after '"...," she said.'
        if not _blank(masked, self.sentences.at(q.open).start, q.open):
            after_attribution = self.sentences.at(prev.close).end
            if block != prev_block or after_attribution > q.open or cues(masked, after_attribution, q.open):
                return False
            return not self.finder.refs.names_between(after_attribution, q.open)
        if {self.blocks[block].start, self.blocks[prev_block].start} & self.headings:
            return False  # a quoted subheading is nobody's continuation
        if not (prev_block == block or (prev_block == block - 1 and q.open == self.blocks[block].start)):
            return False
        # Narration naming or describing someone else between the two ("Jones shook his head.", "Her
        # challenger went further.") breaks the chain.
        after_attribution = self.sentences.at(prev.close).end
        refs = self.finder.refs
        return not refs.names_between(after_attribution, q.open) and not refs.described_between(
            after_attribution, q.open
        )


_TITLE_PREPOSITIONS = frozenset(
    "with from into onto over upon about after under among until within without through across toward towards"
    " against between during before behind beyond".split()
)  # prepositions a title leaves in lower case ("Capitol Week with Jo Roe")


def _title_case(words: str) -> bool:
    """Whether every longer word is capitalised: the name of a work ("The Art of the Deal", "Live with Jo Roe")."""
    long = [w for w in re.findall(r"[^\W\d_][\w'’-]*", words) if len(w) > 3 and w not in _TITLE_PREPOSITIONS]
    return bool(long) and all(w[0].isupper() for w in long)


_TITLE_FUNCTION_WORDS = frozenset("a an the of in on at to for and or but nor by with as from up off via vs".split())


def _strict_title(words: str) -> bool:
    """A title in capitals keeps its short content words capitalised too: "Gun! He's got a gun!" is speech."""
    small = (w for w in re.findall(r"[^\W\d_][\w'’-]*", words) if w[0].islower())
    return _title_case(words) and all(w in _TITLE_FUNCTION_WORDS for w in small)


def _blank(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` is all whitespace (scanning back from ``hi``: cheap in long sentences)."""
    i = hi - 1
    while i >= lo and text[i].isspace():
        i -= 1
    return i < lo


_BREAK = re.compile(r"(?:([\w.'’-]+)\.|[;:!?])\s")


def _sentence_break(region: str) -> bool:
    """A full stop or other break inside a subject, not an abbreviation ("Ms. Alvarez", "Sen. J. Roe")."""
    for match in _BREAK.finditer(region):
        token = match.group(1)
        if token is None:
            return True
        token = token.lower().rstrip(".")
        if not (is_abbreviation(token) or len(token) == 1):
            return True
    return False


def _cue_word(raw: str) -> str:
    return " ".join(raw.lower().split())
