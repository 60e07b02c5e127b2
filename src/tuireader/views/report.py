"""The shareable comparison report's sections, as plain data the Markdown and HTML reports render.

``views.formats.write_report(analysis, fmt)`` is the one entry point; the CLI's ``report`` command and
the app's export both call it. The sections are built once (``build_sections``) here, then each format
renders them, escaping every piece of article text: a ``|`` or ``*`` in a headline must not break a
Markdown table, and a ``<script>`` in an article must stay text in the HTML. Nothing here styles for a
terminal; the HTML carries its own CSS and needs no network and no JavaScript.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from tuireader import __version__
from tuireader.core.digest import spelled_differently
from tuireader.core.source_names import source_labels
from tuireader.model import Analysis, Article, Disagreement, DisagreementValue, Fact, Label

_LABEL_ORDER = {Label.PERSON: 0, Label.ORG: 1, Label.PLACE: 2, Label.DATE: 3, Label.NUMBER: 4}
_LABEL_NAMES = {Label.PERSON: "person", Label.ORG: "organisation", Label.PLACE: "place"}
NAMED_COLUMNS = 6  # coverage columns show source names up to this many articles, numbers beyond
CONTEXT = 160  # characters of context when a value lies outside any sentence


# ---------------------------------------------------------------------------------------------
# The sections, as data


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A passage with one span to emphasise: ``before`` + ``marked`` + ``after``."""

    before: str
    marked: str
    after: str


@dataclass(slots=True)
class EntityRow:
    name: str
    kind: str
    count: int  # articles mentioning it
    order: int  # kind's place: people, organisations, places, dates, numbers
    forms: list[tuple[str, list[str]]]  # (source, the forms that source uses)

    @property
    def varies(self) -> bool:
        """Two sources spell it differently: "Ruiz"/"Ruis", "J.R."/"JR", not "Ruiz"/"Ana Ruiz"."""
        # Over distinct forms, not pairs of sources: a name in 1,000 articles has few spellings
        # (pairs of sources made `report` quadratic in the number of articles).
        users: dict[str, set[int]] = {}
        for index, (_, forms) in enumerate(self.forms):
            for form in forms:
                users.setdefault(form, set()).add(index)
        distinct = list(users)
        for i, a in enumerate(distinct):
            for b in distinct[i + 1 :]:
                if len(users[a] | users[b]) > 1 and spelled_differently(a, b):
                    return True
        return False


@dataclass(slots=True)
class QuoteLine:
    text: str
    sources: list[str]
    cues: list[str]

    @property
    def attribution(self) -> str:
        """Who printed it, and the verbs that introduced it: "Daily Post, Harbour Times (said, told)"."""
        cue = f" ({', '.join(self.cues)})" if self.cues else ""
        return ", ".join(self.sources) + cue


class Notes:
    """What both formats say in words (each escapes and wraps it in its own markup)."""

    NO_ENTITIES = "No entities were found."
    NO_QUOTES = "No quotations were found."
    NO_FACTS = "No facts were aligned across the articles."
    NUMBERED_COLUMNS = "Columns are the article numbers in the table above."
    COVERAGE_KEY = "● reports the fact · does not; ⚠ the sources disagree on it."
    NO_DISAGREEMENTS = "No disagreements were found between the sources."

    @staticmethod
    def spelled_differently(count: int) -> str:
        return f"{count} spelled differently across sources (marked ⚠, listed first in each kind)."

    @staticmethod
    def scare_quotes(count: int) -> str:
        return f"{count} scare quote(s) (a word or two in quotation marks) left out."


@dataclass(slots=True)
class QuoteGroup:
    speaker: str
    quotes: list[QuoteLine] = field(default_factory=list)


@dataclass(slots=True)
class DisagreementItem:
    fact: str
    kind: str
    summary: str
    wordings: list[tuple[str, Excerpt]]  # (source, the sentence with the value marked)


@dataclass(slots=True)
class Sections:
    title: str
    generated: str
    articles: list[Article]
    names: dict[str, str]  # article id -> source label (``source_labels``: distinct, readable)
    entities: list[EntityRow]
    quotes: list[QuoteGroup]
    scare_quotes: int
    facts: list[tuple[str, list[bool], bool]]  # (label, present per article, has a disagreement)
    disagreements: list[DisagreementItem]
    topics: list[str]


def excerpt(article: Article, start: int, end: int) -> Excerpt:
    """The sentence(s) holding ``[start, end)``, the span marked; spaces and line breaks squashed."""
    text = article.text
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    first, last = article.sentence_at(start), article.sentence_at(max(start, end - 1))
    if first is not None and last is not None:
        lo, hi = article.sentences[first].start, article.sentences[last].end
        cut_lo = cut_hi = False
    else:
        lo, hi = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
        cut_lo, cut_hi = lo > 0, hi < len(text)
    lo, hi = min(lo, start), max(hi, end)
    marked = text[start:end]
    core = marked.strip()
    offset = marked.find(core) if core else len(marked)
    before = _squash(text[lo:start] + marked[:offset]).lstrip()
    after = _squash(marked[offset + len(core) :] + text[end:hi]).rstrip()
    return Excerpt(("…" if cut_lo else "") + before, _squash(core), after + ("…" if cut_hi else ""))


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _entities(analysis: Analysis, names: dict[str, str]) -> list[EntityRow]:
    order = {a.id: i for i, a in enumerate(analysis.articles)}
    rows = []
    for entity in analysis.entities:
        forms = [
            (names[aid], list(dict.fromkeys(entity.forms[aid])))
            for aid in sorted(entity.forms, key=lambda a: order.get(a, len(order)))
            if aid in names and entity.forms[aid]
        ]
        kind = _LABEL_NAMES.get(entity.label, str(entity.label))
        rows.append(EntityRow(entity.name, kind, len(forms), _LABEL_ORDER.get(entity.label, 9), forms))
    rows.sort(key=lambda r: (r.order, not r.varies, -r.count, r.name))
    return rows


def entity_groups(s: Sections) -> list[tuple[str, list[EntityRow]]]:
    """Names (people, organisations, places) apart from dates and numbers; empty groups left out."""
    names = [e for e in s.entities if e.order <= _LABEL_ORDER[Label.PLACE]]
    values = [e for e in s.entities if e.order > _LABEL_ORDER[Label.PLACE]]
    return [(title, rows) for title, rows in (("Names", names), ("Dates and numbers", values)) if rows]


def _quotes(analysis: Analysis, names: dict[str, str]) -> tuple[list[QuoteGroup], int]:
    groups: dict[str, QuoteGroup] = {}
    lines: dict[tuple[str, str], QuoteLine] = {}
    scare = 0
    for article in analysis.articles:
        found = analysis.by_article.get(article.id)
        for quote in found.quotes if found else ():
            if quote.scare:
                scare += 1
                continue
            entity = analysis.entity(quote.speaker) if quote.speaker else None
            speaker = entity.name if entity else (quote.speaker_name or "Unattributed")
            text = " ".join(article.text[quote.start : quote.end].split())
            group = groups.setdefault(speaker, QuoteGroup(speaker))
            key = (speaker, text.casefold().strip(" .,;:"))
            line = lines.get(key)
            if line is None:
                line = lines[key] = QuoteLine(text, [], [])
                group.quotes.append(line)
            if names[article.id] not in line.sources:
                line.sources.append(names[article.id])
            if quote.cue and quote.cue not in line.cues:
                line.cues.append(quote.cue)
    ordered = sorted(groups.values(), key=lambda g: (g.speaker == "Unattributed", -len(g.quotes), g.speaker))
    return ordered, scare


def _disagreement_item(analysis: Analysis, fact: Fact, d: Disagreement, names: dict[str, str]) -> DisagreementItem:
    wordings: list[tuple[str, Excerpt]] = []
    value: DisagreementValue
    for value in d.values:
        try:
            article = analysis.article(value.article)
        except KeyError:
            continue
        wordings.append((names[article.id], excerpt(article, value.start, value.end)))
    return DisagreementItem(fact.label, str(d.kind), d.summary, wordings)


def build_sections(analysis: Analysis, generated: str | None = None) -> Sections:
    names = source_labels(analysis.articles)
    quotes, scare = _quotes(analysis, names)
    ids = [a.id for a in analysis.articles]
    facts = [(f.label, [aid in f.articles for aid in ids], bool(f.disagreements)) for f in analysis.facts]
    disagreements = [
        _disagreement_item(analysis, fact, d, names) for fact in analysis.facts for d in fact.disagreements
    ]
    if len(analysis.stories) == 1:
        title = analysis.stories[0].label
    elif len(analysis.articles) == 1:
        title = analysis.articles[0].title
    else:
        title = f"{len(analysis.articles)} articles compared"
    stamp = generated or dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return Sections(
        title=title,
        generated=stamp,
        articles=list(analysis.articles),
        names=names,
        entities=_entities(analysis, names),
        quotes=quotes,
        scare_quotes=scare,
        facts=facts,
        disagreements=disagreements,
        topics=list(analysis.topics),
    )


def summary_line(s: Sections) -> str:
    counts = [
        (len(s.articles), "article", "articles"),
        (len(s.entities), "entity", "entities"),
        (sum(len(g.quotes) for g in s.quotes), "quote", "quotes"),
        (len(s.facts), "fact", "facts"),
        (len(s.disagreements), "disagreement", "disagreements"),
    ]
    return " · ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts)


def column_names(s: Sections) -> list[str]:
    """Coverage column headings: source names when few, article numbers when many."""
    if len(s.articles) <= NAMED_COLUMNS:
        return [s.names[a.id] for a in s.articles]
    return [str(i) for i in range(1, len(s.articles) + 1)]


VERSION_NOTE = f"tuireader {__version__}"
