"""Named entities: mentions in each article, and one identity per real-world thing across articles.

No trained model is available offline, so mentions come from rules over capitalised word
sequences ("chunks"), decided by evidence: a title before a name ("Prime Minister ..."), a
role noun ("spokesman ..."), a speech verb ("... said"), organisation and place head words
("... Ministry", "... Sea"), gazetteers (places from GeoNames, given names and surnames from
Faker's locales), and what the article itself says elsewhere (a lone surname after the full
name). A capitalised word with no evidence is not a name: sentence-initial words, headings and
emphasis ("an END to the War") would otherwise flood the view with junk.

Module map: ``chunks`` (tokens, chunks), ``rules`` (cue words), ``evidence`` (small
predicates), ``numbers`` (dates, durations, counts), ``gazetteer`` (word lists, loaded lazily);
corpus-wide identity in ``resolve`` with ``names`` (name variants), ``keys`` (normal
forms, acronyms) and ``propagate`` (names known elsewhere in the corpus).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tuireader.core.entities import evidence as ev
from tuireader.core.entities import gazetteer as gz
from tuireader.core.entities.chunks import Chunk, Token, chunks, tokenize
from tuireader.core.entities.numbers import find_dates_and_numbers
from tuireader.core.entities.rules import (
    AGE_AFTER_NAME,
    KNOWN_ACRONYMS,
    LEADING_PLACE_HEADS,
    NAME_BLOCKERS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    ORG_HEADS,
    ORG_NOUNS,
    ORG_VERBS,
    PARTY_CODE_PREFIXES,
    PLACE_HEADS,
    PLACE_NOUNS,
    ROLE_NOUNS,
    TITLE_CONNECTORS,
    TITLE_HEADS,
    TITLES,
)
from tuireader.core.text.common_words import COMMON_WORDS
from tuireader.model import Article, ArticleAnalysis, Entity, Label, Mention

_PERSON_ROLES = frozenset({"president", "minister", "leader"})  # "Kenya president X": not an org modifier
_OUTLET_NOUNS = frozenset("platform app website site account channel network newspaper broadcaster".split())
_RARE_ZIPF = 3.0  # wordfreq Zipf below which a word is not ordinary English
_AFFILIATIONS = frozenset(
    "Republican Democrat Democratic Independent Libertarian Conservative Labour Liberal Green".split()
)  # party words before a person's name ("Republican Jan Roe")
_PARTY_ADJECTIVES = frozenset("Democratic Republican".split())  # "the Senate Democratic leader"
_PARTY_MEMBERS = frozenset("Democrat Democrats Republican Republicans".split())  # "a Texas Democrat"
_PUBLISHING_VERBS = frozenset("posted posts wrote writes tweeted shared published commented".split())
_PARTIES_BY_MEMBERS = frozenset("Democrats Republicans Tories".split())  # a plural of members names the party
_ORG_TAIL_ZIPF = 4.0  # a plural whose singular is this common, and no surname: a company's noun ("Motors")
_ROLE_ZIPF = 3.3  # a sentence-opening word this common, before a name, is a role ("Administrator")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    label: Label
    strong: bool = True  # decided on its own evidence (not by matching another mention)


def extract_mentions(article: Article) -> tuple[Mention, ...]:
    """Mentions of people, organisations, places, dates and numbers; ``entity`` left empty."""
    text = article.text
    if not text:
        return ()
    common = COMMON_WORDS
    numeric = find_dates_and_numbers(text, common, gz.demonyms())
    tokens = tokenize(text, article.headings, blocked=[(s, e) for s, e, _ in numeric])
    lowercase_words = {m.group() for m in _LOWER_WORD.finditer(text)}
    found: list[_Found] = []
    pending: list[Chunk] = []
    all_chunks = chunks(tokens)
    defined = _acronym_definitions(all_chunks, tokens)
    for chunk in all_chunks:
        if chunk.first in defined:
            found.append(_Found(tokens[chunk.first].start, tokens[chunk.last].name_end, Label.ORG))
            continue
        decided = _classify(chunk, tokens, text, lowercase_words)
        if decided:
            found.extend(decided)
        else:
            pending.append(chunk)
    found.extend(_second_pass(pending, found, tokens, text, lowercase_words))
    found = _without_families(found, text)
    _short_org_names(found, text)
    _named_bodies(found, text)
    _whole_org_names(found, pending, tokens, text)
    numeric = _dated_names(found, numeric, text)
    spans = [(f.start, f.end, f.label) for f in found] + numeric
    spans.sort()
    mentions: list[Mention] = []
    last_end = -1
    for start, end, label in spans:
        if start < last_end or end <= start:
            continue
        mentions.append(Mention(start, end, label, text[start:end]))
        last_end = end
    return tuple(mentions)


def _classify(chunk: Chunk, tokens: Sequence[Token], text: str, lowercase: set[str]) -> list[_Found]:
    """Mentions decided by evidence inside or right around ``chunk``; empty if undecided."""
    first, last = chunk.first, chunk.last
    words = [tokens[i].name for i in range(first, last + 1)]
    starts = [tokens[i].start for i in range(first, last + 1)]
    ends = [tokens[i].name_end for i in range(first, last + 1)]
    initial = tokens[first].initial
    # Drop sentence-initial function words and openers ("The", "But", "Asked").
    lead_the = ev.word(tokens, first - 1).lower() == "the"
    while (
        words
        and (words[0].lower() in COMMON_WORDS or words[0] in NAME_BLOCKERS or _role_opener(words, initial))
        and (initial or words[0].lower() in {"the", "a", "an"})
        and not (words[0] == "The" and len(words) >= 2 and gz.is_city(" ".join(words)))  # "The Hague"
        and not (len(words) >= 2 and ev.is_place(" ".join(words).title(), ""))  # "New Delhi", "NEW DELHI --" opening
    ):
        lead_the = words[0].lower() == "the"
        words, starts, ends = words[1:], starts[1:], ends[1:]
        first += 1
        initial = False
    if (
        len(words) >= 3
        and words[0].lower() in ROLE_NOUNS
        and words[0] not in TITLES
        and words[0] not in gz.any_given_names()
    ):
        words, starts, ends = words[1:], starts[1:], ends[1:]  # "Administrator Ann Roe": a role used as a title
        first += 1
        initial = False
    if (
        len(words) >= 3
        and (words[0] in _AFFILIATIONS or ev.demonym(words[0]) or words[0].endswith(("an", "ian")))
        and words[1] in gz.given_names()
        and words[0] not in gz.any_given_names()
    ):
        # "Republican Jan Roe", "fellow Ruritanian Jan Roe": an affiliation before a given name and a surname
        words, starts, ends = words[1:], starts[1:], ends[1:]
        first += 1
        initial = False
    while words and (words[-1] in TITLE_CONNECTORS or words[-1] in NAME_PARTICLES):
        words, starts, ends = words[:-1], starts[:-1], ends[:-1]
        last -= 1
    if len(words) >= 2 and words[-1] in _PARTY_ADJECTIVES and _LOWER_WORD.fullmatch(ev.word(tokens, last + 1)):
        # "the Senate Democratic leader", "House Republican aides": the body, then a party adjective on a noun
        words, starts, ends = words[:-1], starts[:-1], ends[:-1]
        last -= 1
    if not words or (words[0].startswith(PARTY_CODE_PREFIXES) and "-" in words[0]):
        return []
    if len(words) >= 2 and words[-1] in _PARTY_MEMBERS and ev.is_place(" ".join(words[:-1]), ""):
        # "a Nevada Democrat", "two Ohio Republicans": a description of someone, never a name; the place is one
        return [_Found(starts[0], ends[-2], Label.PLACE)]
    if len(words) == 1 and words[0].lower() in COMMON_WORDS:  # "My", "If", "We" inside a quote
        return []
    if len(words) == 1 and words[0] in _PARTIES_BY_MEMBERS and not tokens[first].possessive:
        return [_Found(starts[0], ends[0], Label.ORG)]  # "Republicans said": the party, as news writes it
    span_start, span_end = starts[0], ends[-1]
    name = text[span_start:span_end]
    prev_word = ev.word(tokens, first - 1)
    next_index = last + 1
    possessive = tokens[last].possessive
    heading = tokens[first].heading

    def found(label: Label, strong: bool = True) -> list[_Found]:
        return [_Found(span_start, span_end, label, strong)]

    # "Roe Jr.", "Jan Roe III": a generational suffix ends a person's name.
    if len(words) >= 2 and words[-1] in NAME_SUFFIXES and ev.name_like(words[:-1]) and not heading:
        return found(Label.PERSON)
    # "the Acme Communications Director (of ...)": a title with no name after it; the organisation before it.
    k = len(words)
    while k > 0 and words[k - 1] in TITLES:
        k -= 1
    titled_body = words[-1] in TITLE_HEADS and words[-1] not in ORG_HEADS
    if 0 < k < len(words) and titled_body and words[k - 1] not in TITLE_CONNECTORS:  # not "Department of | Justice"
        prefix = " ".join(words[:k])
        label = Label.PLACE if ev.is_place(prefix, "") else Label.ORG
        if label is Label.PLACE or ev.looks_acronym(prefix) or (k >= 2 and not ev.looks_person(words[:k])):
            return [_Found(starts[0], ends[k - 1], label)]
    # Organisation heads: "Ministry of Defence", "Acme Group", "State Department".
    org_head = words[-1] in ORG_HEADS or (words[0] in ORG_HEADS and words[1:2] in (["of"], ["for"]))
    if len(words) >= 2 and org_head and not (words[-1] in PLACE_HEADS and words[0] not in ORG_HEADS):
        return found(Label.ORG)
    # Titles: "Russian President Jane Roe", "Secretary of State John Doe", "Pope Leo XIV".
    title_end = ev.title_end(words)
    if title_end >= 0 and ev.name_like(words[title_end + 1 :]):
        out = [_Found(starts[title_end + 1], span_end, Label.PERSON)]
        title_start = title_end
        while title_start > 0 and (
            (words[title_start - 1] in TITLES and words[title_start - 1] not in ORG_HEADS)
            or words[title_start - 1] in TITLE_CONNECTORS
        ):
            title_start -= 1
        if title_start > 0:
            prefix = " ".join(words[:title_start])
            prefix_end = ends[title_start - 1]
            if ev.is_place(prefix, ""):
                out.append(_Found(starts[0], prefix_end, Label.PLACE))
            elif (
                not ev.demonym(prefix)
                and not initial
                and (title_start > 1 or gz.english_frequency(prefix) < ev.COMMON_ZIPF)
            ):
                # "Elysee aide", "White House Press Secretary"; not "Business Minister" (a portfolio).
                out.append(_Found(starts[0], prefix_end, Label.ORG))
        return out
    if all(w in TITLES or w in TITLE_CONNECTORS for w in words):
        return []
    # Places: gazetteer, or a place head ("Black Sea", "Red Square").
    according = prev_word == "to" and ev.word(tokens, first - 2).lower() == "according"
    place_prev = ev.word(tokens, first - 2).lower() if prev_word in ev.PLACE_ADJECTIVES else prev_word  # "in nearby X"
    if ev.is_place(name, "" if according else place_prev):
        return found(Label.PLACE)
    if len(words) >= 2 and (words[-1] in PLACE_HEADS or words[0] in LEADING_PLACE_HEADS) and not ev.looks_person(words):
        return found(Label.PLACE)
    # "the village of X", "the province X", "near X" with X a known city; "the union X", "the company X".
    noun = (prev_word if prev_word not in {"of", "in", "called", "named"} else ev.word(tokens, first - 2)).lower()
    if (noun in PLACE_NOUNS or noun[:-1] in PLACE_NOUNS) and not initial and not ev.demonym(name):
        return found(Label.PLACE)
    # "analysts at Goldman Sachs", "a professor at Makerere": where people work.
    worker = ev.word(tokens, first - 2).lower()
    at_work = prev_word == "at" and (worker in ROLE_NOUNS or worker[:-1] in ROLE_NOUNS)
    if at_work and not initial and not ev.demonym(name):
        return found(Label.ORG)
    # "posted on Telegram", "wrote on Substack": where words are published is a platform or outlet
    published_on = prev_word == "on" and worker in _PUBLISHING_VERBS
    if published_on and not initial and not ev.demonym(name) and not ev.looks_person(words):
        return found(Label.ORG)
    if (noun in ORG_NOUNS or noun[:-1] in ORG_NOUNS) and not initial and not ev.demonym(name):
        return found(Label.ORG)
    # "Transport Canada", "Air Chile": ordinary words before a country name make an institution.
    if len(words) >= 2 and gz.is_country(words[-1]) and all(ev.ordinary_word(w) for w in words[:-1]):
        return found(Label.ORG)
    # A dateline: "ROTTERDAM --", "NEW DELHI (Agency) —" at the start of a paragraph.
    if (
        ev.paragraph_start(text, span_start)
        and all(w.isupper() and len(w) > 2 for w in words)
        and (ev.dateline_follows(text, span_end))
    ):
        return found(Label.PLACE)
    next_word = ev.word(tokens, next_index)
    # "<X> spokesman", "<X> officials": X is an organisation (or a place, handled above).
    modifier = (next_word in ROLE_NOUNS or next_word in _OUTLET_NOUNS) and next_word not in _PERSON_ROLES
    lone_opener = initial and len(words) == 1
    if modifier and not possessive and not lone_opener and not ev.demonym(name) and not ev.looks_person(words):
        return found(Label.ORG)
    # A wire credit in a dateline: "OSLO (Nordic Wire) —".
    credit = prev_word == "(" and ev.word(tokens, next_index) == ")" and first >= 2 and tokens[first - 2].text.isupper()
    if credit and ev.dateline_follows(text, tokens[next_index].end) and not ev.demonym(name):
        return found(Label.ORG)
    # Acronyms: in running (mixed-case) text, three to six capitals are an organisation ("CBS", "MSNBC").
    if len(words) == 1 and ev.looks_acronym(words[0]):
        bare = words[0].replace(".", "")
        running = not heading and _mixed_case_around(tokens, first)
        if (
            words[0] in KNOWN_ACRONYMS
            or lead_the
            or ev.follows_speech(tokens, next_index)
            or (
                running
                and 3 <= len(bare) <= 6
                and bare.isalpha()
                and bare not in _NOT_ORG_ACRONYMS
                and gz.english_frequency(bare.lower()) < ev.COMMON_ZIPF  # not "an END to the war"
            )
        ):
            return found(Label.ORG)
        return []
    if heading:
        # A list's name line: "Jo Roe, 34, Ashford", "Jo (34)": a person, age after the name
        given = len(words) >= 2 or words[0] in gz.given_names()  # "Marisol, 24, Ashford": a first name
        aged = AGE_AFTER_NAME.match(text, span_end) is not None and given and ev.name_like(words)
        return found(Label.PERSON) if aged and ev.paragraph_start(text, span_start) else []
    # "FlowTube", "NewsHub": a capital inside a word (not "McAdoo", "DeLuca") makes a brand.
    if len(words) == 1 and _CAMEL.fullmatch(words[0]) and not words[0].startswith(_NAME_PREFIXES):
        return found(Label.ORG)
    # "Congress", "Parliament" alone, mid-sentence: the legislature.
    if len(words) == 1 and words[0] in _LEGISLATURES and not initial:
        return found(Label.ORG)
    # Role noun or title before: "spokesman Jane Roe", "its chief executive, Jane Roe,".
    role = prev_word
    if prev_word == "," and not initial:
        role = ev.word(tokens, first - 2)
        role = role if role in TITLE_HEADS or role in ROLE_NOUNS or role in ORG_NOUNS else ""
        if len(words) == 1 and role in ROLE_NOUNS and words[0] not in gz.given_names():
            role = ""  # "its chief executive, Jo Roe,", "her husband, Tomas,"; not "a retired teacher, Ashford"
    if (role in ROLE_NOUNS or (role in TITLE_HEADS and role != prev_word)) and ev.name_like(words):
        return found(Label.PERSON)
    if role in ORG_NOUNS and prev_word == "," and not ev.demonym(name):  # "the regulator, Ofcomm, said"
        return found(Label.ORG)
    # Apposition after: "Acme, the industry group", "Roe, a retired judge".
    after = _apposition_noun(tokens, next_index)
    if after in ORG_NOUNS and not ev.looks_person(words) and not ev.demonym(name):
        return found(Label.ORG)
    if after in ROLE_NOUNS and ev.name_like(words) and not (initial and len(words) == 1 and ev.ordinary_word(name)):
        return found(Label.PERSON)
    # "the Red Cross", "the Holy See": people rarely take an article.
    if lead_the and len(words) >= 2 and not initial and not ev.demonym(words[0]):
        return found(Label.ORG)
    # A given name, or initials, then a surname: "Jane Roe", "J.R. Doe", "JR Doe".
    if len(words) >= 2 and ev.looks_person(words) and ev.name_like(words[1:], lead_particle=True):
        return found(Label.PERSON)
    # An unfamiliar first name before a known surname: "Teodoro Reyes".
    rare_first = all(gz.english_frequency(w) < _RARE_ZIPF for w in words[:-1])
    if 2 <= len(words) <= 3 and words[-1] in gz.surnames() and rare_first and ev.name_like(words):
        return found(Label.PERSON)
    speech = ev.follows_speech(tokens, next_index) or ev.precedes_speech(tokens, first - 1, next_index)
    common_noun = len(words) == 1 and words[0].lower() in lowercase
    if lead_the and not common_noun and not ev.demonym(name):
        # "the <Name> said", "the <Name>’s", and multi-word "the Holy See": institutions.
        if len(words) >= 2 or possessive or next_word in ORG_VERBS or speech:
            return found(Label.ORG)
        return []
    ordinary = initial and len(words) == 1 and ev.ordinary_word(words[0])
    if speech and not common_noun and not ordinary and ev.name_like(words) and not ev.demonym(name):
        # "Red Cross said": a multi-word subject made of ordinary English words is an institution.
        if len(words) >= 2 and gz.english_frequency(words[0]) >= ev.COMMON_ZIPF and words[0] not in gz.given_names():
            return found(Label.ORG)
        # "Wexford Dynamics said": a plural common noun where a surname would be, after no given name.
        if len(words) >= 2 and words[0] not in gz.any_given_names() and _plural_noun(words[-1]):
            return found(Label.ORG)
        return found(Label.PERSON)
    # "near Alda", "in Berrin": an unusual word after a place preposition, used nowhere in lower case.
    if (
        prev_word in ev.INSIDE_PREPOSITIONS
        and len(words) <= 3
        and not possessive
        and not common_noun
        and all(gz.english_frequency(w) < ev.RARE_ZIPF for w in words)
        and ev.name_like(words)
        and not ev.looks_person(words)
    ):
        return found(Label.PLACE)
    return []


_INITIALS_SKIP = frozenset({"of", "and", "the", "for", "de", "del", "la", "le", "des", "du", "&"})


def _acronym_definitions(all_chunks: Sequence[Chunk], tokens: Sequence[Token]) -> set[int]:
    """First tokens of "Long Name (LN)" pairs: both the name and its acronym are organisations."""
    out: set[int] = set()
    for chunk in all_chunks:
        j = chunk.last + 1
        if j + 2 >= len(tokens) or tokens[j].text != "(" or tokens[j + 2].text != ")":
            continue
        acronym = tokens[j + 1].text.replace(".", "")
        if not (2 <= len(acronym) <= 8 and acronym.isupper() and acronym.isalpha()):
            continue
        words = [tokens[k].name for k in range(chunk.first, chunk.last + 1)]
        initials = "".join(w[0].upper() for w in words if w.lower() not in _INITIALS_SKIP)
        for start in range(len(initials)):  # "the Port of Acme Authority (PAA)": drop leading words
            tail = initials[start:]
            if tail == acronym or (len(tail) == len(acronym) >= 3 and sorted(tail) == sorted(acronym)):
                out.add(chunk.first)
                out.add(j + 1)
                break
    return out


def _apposition_noun(tokens: Sequence[Token], index: int) -> str:
    """The head noun of ", the/a/Estonia's [adjective...] noun" right after a name, lower-case, or ""."""
    if ev.word(tokens, index) != "," or index + 1 >= len(tokens):
        return ""
    determiner = tokens[index + 1]
    if determiner.text.lower() not in {"the", "a", "an", "its", "their"} and not (
        determiner.possessive and determiner.text[:1].isupper()
    ):
        return ""
    for k in range(index + 2, min(index + 6, len(tokens))):
        word = tokens[k].text.lower()
        if word in ORG_NOUNS or word in ROLE_NOUNS:
            return word
        if not tokens[k].word or tokens[k].text[:1].isupper():
            return ""
    return ""


def _second_pass(
    pending: Sequence[Chunk], found: Sequence[_Found], tokens: Sequence[Token], text: str, lowercase: set[str]
) -> list[_Found]:
    """Chunks that only match what the article named elsewhere ("Doe" after "Jane Doe"), or that are
    listed with a name of known kind ("in Alda and Berrin")."""
    known: dict[str, Label] = {}
    ends = {f.end: f.label for f in found}
    people_at = {f.start: text[f.start : f.end] for f in found if f.label == Label.PERSON}
    for f in found:
        surface = text[f.start : f.end]
        known.setdefault(surface, f.label)
        if f.label == Label.PERSON:
            parts = [p for p in surface.split() if p not in NAME_SUFFIXES]
            if len(parts) >= 2:
                known.setdefault(parts[-1], Label.PERSON)
    out: list[_Found] = []
    for chunk in pending:
        for start, end in chunk.subspans:
            surface = text[start:end]
            label = known.get(surface)
            if label is not None and not (label != Label.PERSON and surface.lower() in lowercase):
                head = tokens[chunk.first]
                words = [tokens[i].name for i in range(chunk.first, chunk.last + 1)]
                # "Ana Roe" where "Roe" is known: someone else of that family, named in full.
                tail = label == Label.PERSON and start > head.start and end == tokens[chunk.last].name_end
                if (
                    tail
                    and len(words) <= 4
                    and ev.name_like(words)
                    and not (head.initial and ev.ordinary_word(words[0]))
                ):
                    start = head.start
                out.append(_Found(start, end, label, strong=False))
                break
        else:
            first = tokens[chunk.first]
            if _first_of_siblings(chunk, tokens, people_at):
                out.append(_Found(first.start, first.name_end, Label.PERSON, strong=False))
                continue
            if ev.word(tokens, chunk.first - 1) in {"and", "or"} and chunk.first >= 2 and not first.initial:
                label = ends.get(tokens[chunk.first - 2].name_end)
                words = [tokens[i].name for i in range(chunk.first, chunk.last + 1)]
                if label in (Label.PLACE, Label.ORG) and not ev.demonym(" ".join(words)) and ev.name_like(words):
                    out.append(_Found(first.start, tokens[chunk.last].name_end, label, strong=False))
    return out


def _first_of_siblings(chunk: Chunk, tokens: Sequence[Token], people_at: Mapping[int, str]) -> bool:
    """ "Ana and Mira Roe": a lone given name joined by "and" to a given name and surname shares the surname."""
    if chunk.first != chunk.last or tokens[chunk.first].name not in gz.given_names():
        return False
    if ev.word(tokens, chunk.first + 1) != "and" or chunk.first + 2 >= len(tokens):
        return False
    other = people_at.get(tokens[chunk.first + 2].start, "").split()
    return len(other) == 2 and other[0] in gz.given_names()


_NOT_ORG_ACRONYMS = frozenset(
    """CEO CFO COO CTO GDP AIDS HIV DNA EST EDT PST PDT GMT UTC PHD MBA LGBT LGBTQ USD EUR VAT UFO SUV ATM FAQ
    III VII VIII XII XIV XVI XIX XXI RIP LOL OMG DIY""".split()
)
_CAMEL = re.compile(r"[A-Z][a-z]+[A-Z][a-z]+[A-Za-z]*")
_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "St", "Fitz", "Ben", "Al", "El")
_LEGISLATURES = frozenset("Congress Parliament Senate Duma Knesset Bundestag Bundesrat Storting Riksdag Sejm".split())


def _mixed_case_around(tokens: Sequence[Token], index: int) -> bool:
    """Whether a word near ``index`` has lower-case letters (not a shouted headline or banner)."""
    for k in (*range(index - 3, index), *range(index + 1, index + 4)):
        if 0 <= k < len(tokens) and tokens[k].word and any(c.islower() for c in tokens[k].text):
            return True
    return False


def _plural_noun(word: str) -> bool:
    """ "Dynamics", "Motors", "Industries": a plural of a common English noun that is not a surname."""
    if len(word) < 4 or not word.endswith("s") or word.endswith("ss") or word in gz.surnames():
        return False
    lower = word.lower()
    singulars = [lower[:-1]] + ([lower[:-3] + "y"] if lower.endswith("ies") else [])
    return any(gz.english_frequency(w) >= _ORG_TAIL_ZIPF for w in singulars)


def _role_opener(words: Sequence[str], initial: bool) -> bool:
    """A capitalised role noun opening a sentence before a name: "Promoter Lou Roe", "Astronaut Ann Roe"."""
    head = words[0]
    if not initial or len(words) < 3 or head in TITLES or head in gz.any_given_names():
        return False
    return head.lower() in ROLE_NOUNS or gz.english_frequency(head) >= _ROLE_ZIPF


def _without_families(found: list[_Found], text: str) -> list[_Found]:
    """ "The Roes also met the nurses": a plural of a surname the article gives a person is that
    family, not an organisation (no single entity stands for it, so it is not marked)."""
    surnames = {text[f.start : f.end].split()[-1] for f in found if f.label == Label.PERSON}
    return [f for f in found if not (f.label == Label.ORG and _family(text[f.start : f.end], surnames))]


def _family(surface: str, surnames: set[str]) -> bool:
    if " " in surface or not surface.endswith("s"):
        return False
    return surface[:-1] in surnames or (surface.endswith("es") and surface[:-2] in surnames)


def _short_org_names(found: list[_Found], text: str) -> None:
    """A single word that starts an organisation's name here ("Acme" after "Acme Holdings") is that
    organisation, even where a speech verb made it look like a person ("Acme said"); a single word
    that is a person's surname here is that person, even if a city has the name ("Kiel")."""
    firsts: set[str] = set()
    surnames: set[str] = set()
    for f in found:
        words = text[f.start : f.end].split()
        if f.label == Label.ORG and len(words) >= 2:
            firsts.add(words[0])
        elif f.label == Label.PERSON and len(words) >= 2:
            surnames.add(words[-2] if words[-1] in NAME_SUFFIXES else words[-1])  # "Jan Roe Jr." -> "Roe"
    for f in found:
        surface = text[f.start : f.end]
        if f.label == Label.PERSON and surface in firsts and surface not in surnames:
            f.label = Label.ORG
        elif f.label == Label.PLACE and surface in surnames and not gz.is_country(surface):
            f.label = Label.PERSON


_ORG_INNER = frozenset({"to", "for", "against"})


def _whole_org_names(found: list[_Found], pending: Sequence[Chunk], tokens: Sequence[Token], text: str) -> None:
    """ "the founder of Freedom to Farm, a rights group": an organisation found by its last words
    (the apposition) keeps the capitalised words joined to it by "to", "for" or "against"."""
    ends = {tokens[c.last].name_end: c for c in pending if not tokens[c.first].initial}
    for f in found:
        if f.label != Label.ORG:
            continue
        inner = re.search(r"(?<=\S) (\w+) $", text[max(0, f.start - 12) : f.start])
        if inner is None or inner.group(1) not in _ORG_INNER:
            continue
        chunk = ends.get(f.start - len(inner.group()))
        if chunk is not None and not tokens[chunk.last].possessive:
            f.start = tokens[chunk.first].start


_DATE_NAME_BEFORE = re.compile(r"\b[Tt]he\s+$")


def _dated_names(found: list[_Found], numeric: list[tuple[int, int, Label]], text: str) -> list[tuple[int, int, Label]]:
    """ "the 3 March Brigade", "the June 9 Movement": a date that begins an organisation's name is part of it."""
    by_end = {end: (start, end, label) for start, end, label in numeric}
    used: set[tuple[int, int, Label]] = set()
    for f in found:
        if f.label != Label.ORG or text[f.start : f.end].split()[-1] not in ORG_HEADS:
            continue
        date = by_end.get(f.start - 1)
        if date is not None and text[f.start - 1] == " " and _DATE_NAME_BEFORE.search(text, 0, date[0]):
            f.start = date[0]
            used.add(date)
    return [n for n in numeric if n not in used]


_BODY_AFTER_NAME = re.compile(r"\s+(?:administration|campaign)\b")  # not "Roe's campaign": the person's


def _named_bodies(found: list[_Found], text: str) -> None:
    """ "the Roe administration", "the Roe campaign": an organisation named after a person, not the person."""
    for f in found:
        if f.label != Label.PERSON:
            continue
        after = _BODY_AFTER_NAME.match(text, f.end)
        if after is not None:
            f.end = after.end()
            f.label = Label.ORG


def resolve_entities(
    articles: Sequence[Article], analyses: Mapping[str, ArticleAnalysis]
) -> tuple[list[Entity], dict[str, ArticleAnalysis]]:
    """Merge mentions across all articles into entities.

    Returns the entities and the analyses with ``Mention.entity`` and ``Quote.speaker`` filled.
    """
    from tuireader.core.entities.resolve import resolve

    return resolve(articles, analyses)
