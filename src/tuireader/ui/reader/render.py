"""The one bridge from core spans to styled text.

Article text is always wrapped in ``rich.text.Text(...)`` and styled with ``stylize`` over
character spans; it is never pasted into markup, so "[bold]" in an article shows as written.
Styles come from the widgets' component classes (theme variables in ``app.tcss``), passed in
as a name -> ``rich.style.Style`` mapping, so every theme and NO_COLOR work.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from tuireader.core.source_names import source_labels
from tuireader.model import Analysis, Article, ArticleAnalysis, Entity, Label, Quote, Span
from tuireader.ui.text import plain, plural

Styles = Mapping[str, Style]

LABEL_NAMES = {
    Label.PERSON: "person",
    Label.ORG: "organisation",
    Label.PLACE: "place",
    Label.DATE: "date",
    Label.NUMBER: "number",
}
MARK_META = "mark"  # style meta: the start offset of the highlight under the mouse
MAX_QUOTES = 12  # quotations listed in the entity popup
_QUOTE_CLOSERS = "\"'”’»›"


# --------------------------------------------------------------------------------------------
# The reading pane


@dataclass(frozen=True, slots=True)
class Mark:
    """A styled span of the article (absolute offsets) and the component class that styles it."""

    start: int
    end: int
    style: str


def speaker_name(quote: Quote, analysis: Analysis | None) -> str | None:
    if quote.speaker_name:
        return quote.speaker_name
    if quote.speaker and analysis is not None:
        entity = analysis.entity(quote.speaker)
        if entity is not None:
            return entity.name
    return None


def article_marks(result: ArticleAnalysis | None, disagreements: Sequence[Span]) -> list[Mark]:
    """Entity mentions by type, quotations (scare quotes apart) and disagreeing values, in order."""
    marks: list[Mark] = []
    if result is not None:
        for q in result.quotes:
            marks.append(Mark(q.start, q.end, "reading-pane--scare" if q.scare else "reading-pane--quote"))
        for m in result.mentions:
            marks.append(Mark(m.start, m.end, f"reading-pane--{m.label.value}"))
    for span in disagreements:
        marks.append(Mark(span.start, span.end, "reading-pane--disagreement"))
    # Quotes first so that mentions inside them layer on top.
    marks.sort(key=lambda mk: (mk.start, -mk.end))
    return marks


def speaker_labels(
    result: ArticleAnalysis | None, article: Article, analysis: Analysis | None
) -> list[tuple[int, str]]:
    """Where to show "— Speaker" and what it says: at the end of the sentence the quotation ends
    in, so the label follows the attribution clause ("…,” he said. — Ana Ruiz") and never splits
    a sentence. Quotations by one speaker ending in one sentence share one label."""
    names: dict[int, list[str]] = {}
    if result is None:
        return []
    for q in result.quotes:
        if q.scare:
            continue
        name = speaker_name(q, analysis) or "unattributed"
        if _named_beside(q, article, name):
            continue
        names.setdefault(_sentence_end(article, q.start, q.end), []).append(name)
    return sorted((pos, " — " + ", ".join(dict.fromkeys(found))) for pos, found in names.items())


def _sentence_end(article: Article, start: int, end: int) -> int:
    """The end of the sentence holding the quotation's last character, past any closing marks,
    and never beyond its paragraph."""
    text = article.text
    pos = end
    while pos < len(text) and pos - end < 2 and text[pos] in _QUOTE_CLOSERS + ",.!?":
        pos += 1
    last = max(start, end - 1)
    index = article.sentence_at(last)
    if index is not None:
        pos = max(pos, article.sentences[index].end)
    paragraph = next((p for p in article.paragraphs if p.start <= last < p.end), None)
    if paragraph is not None:
        pos = min(pos, paragraph.end)
    while pos > end and text[pos - 1].isspace():
        pos -= 1
    return pos


def _named_beside(quote: Quote, article: Article, name: str) -> bool:
    """The attribution in the quote's own sentence already names the speaker ("…," Ruiz said).

    A pronoun or a role ("he said", "the spokesman said") does not, so those quotes get a label.
    """
    if quote.speaker_start is None or quote.speaker_end is None:
        return False
    written = article.text[quote.speaker_start : quote.speaker_end].strip().lower()
    if not written or written not in name.lower():
        return False
    where = article.sentence_at(quote.speaker_start)
    if where is None:
        return abs(quote.speaker_start - quote.end) < 30 or abs(quote.start - quote.speaker_end) < 30
    return where in (article.sentence_at(quote.start), article.sentence_at(max(quote.start, quote.end - 1)))


def render_block(
    text: str,
    span: Span,
    marks: Sequence[Mark],
    labels: Sequence[tuple[int, str]],
    styles: Styles,
    *,
    base: str = "",
    current: Span | None = None,
) -> Text:
    """One paragraph or heading: article text stylised by span, with speaker labels inserted.

    Each mark carries its start offset as ``MARK_META`` style meta, so a click can find it. Not
    Textual's ``@click`` meta: Textual draws those as links, in the link colour, over the theme
    colour of the highlight (the entity colours never reached the text).
    """
    out = plain(span.slice(text), styles.get(base, ""))
    for mark in marks:
        if mark.end <= span.start or mark.start >= span.end:
            continue
        style = styles.get(mark.style)
        if style is None:
            continue
        style = style + Style.from_meta({MARK_META: mark.start})
        out.stylize(style, max(mark.start, span.start) - span.start, min(mark.end, span.end) - span.start)
    if current is not None and current.overlaps(span):
        out.stylize(
            styles.get("reading-pane--current", Style(reverse=True)),
            max(current.start, span.start) - span.start,
            min(current.end, span.end) - span.start,
        )
    inside = [(p - span.start, label) for p, label in labels if span.start < p <= span.end]
    if not inside:
        return out
    pieces = out.divide(p for p, _ in inside)
    result = Text(end="")
    speaker_style = styles.get("reading-pane--speaker", Style(dim=True))
    for i, piece in enumerate(pieces):
        result.append_text(piece)
        if i < len(inside):
            result.append(inside[i][1], speaker_style)
    return result


LEGEND = (
    ("person", "reading-pane--person"),
    ("organisation", "reading-pane--org"),
    ("place", "reading-pane--place"),
    ("date", "reading-pane--date"),
    ("number", "reading-pane--number"),
    ("“quote” — speaker", "reading-pane--quote"),
    ("disagreement", "reading-pane--disagreement"),
)


def legend(styles: Styles) -> Text:
    out = Text(end="")
    for i, (name, cls) in enumerate(LEGEND):
        if i:
            out.append("  ")
        out.append(name, styles.get(cls, ""))
    return out


# --------------------------------------------------------------------------------------------
# Entities


def spellings(entity: Entity, analysis: Analysis) -> str:
    """ "spelled Ruiz in A and C, Ruis in B": how each source writes the name in full.

    Each article counts with its longest form: a later bare surname is a short reference, not a
    different spelling.
    """
    by_form: dict[str, list[str]] = {}
    names = source_labels(analysis.articles)
    for article_id, forms in entity.forms.items():
        source = names.get(article_id)
        if source is None:
            continue
        form = max(forms or (entity.name,), key=len)
        sources = by_form.setdefault(form, [])
        if source not in sources:
            sources.append(source)
    parts = [f"{form} in {_join(sources)}" for form, sources in sorted(by_form.items(), key=lambda kv: -len(kv[1]))]
    return "spelled " + ", ".join(parts) if parts else ""


def _join(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def entity_mention_counts(analysis: Analysis) -> dict[str, tuple[int, int]]:
    """Entity id -> (mentions, distinct sources)."""
    mentions: dict[str, int] = {}
    sources: dict[str, set[str]] = {}
    source_of = {a.id: a.source or a.id for a in analysis.articles}
    for article_id, result in analysis.by_article.items():
        for m in result.mentions:
            if m.entity:
                mentions[m.entity] = mentions.get(m.entity, 0) + 1
                sources.setdefault(m.entity, set()).add(source_of.get(article_id, article_id))
    for entity in analysis.entities:
        known = sources.setdefault(entity.id, set())
        known.update(source_of[a] for a in entity.forms if a in source_of)
    return {e: (mentions.get(e, 0), len(s)) for e, s in sources.items()}


def entity_card(entity: Entity, analysis: Analysis, styles: Styles) -> Text:
    """What the entity popup says: type, aliases, who mentions it and how each source spells it."""
    counts = entity_mention_counts(analysis).get(entity.id, (0, 0))
    out = Text(end="")
    out.append(entity.name, styles.get(f"reading-pane--{entity.label.value}", Style(bold=True)))
    out.append(f"  ({LABEL_NAMES[entity.label]})\n\n", styles.get("reading-pane--speaker", ""))
    aliases = [a for a in entity.aliases if a != entity.name]
    out.append("Also written: ", Style(bold=True))
    out.append(", ".join(aliases) if aliases else "no other forms")
    out.append("\n")
    out.append(f"Mentioned {plural(counts[0], 'time')} in {plural(counts[1], 'source')}\n", "")
    line = spellings(entity, analysis)
    forms = {f for fs in entity.forms.values() for f in fs}
    if len(forms) == 1 and counts[1] > 1:
        out.append(f"Written {next(iter(forms))} in every source.\n")
    elif line:
        out.append(line[0].upper() + line[1:] + ".\n")
    out.append("\nSources:\n", Style(bold=True))
    names = source_labels(analysis.articles)
    for article_id, written in entity.forms.items():
        try:
            article = analysis.article(article_id)
        except KeyError:
            continue
        out.append(f"  {names[article.id]}", Style(bold=True))
        out.append(f": {', '.join(written) or entity.name}  ")
        out.append(f"({article.title})\n", styles.get("reading-pane--speaker", ""))
    quoted = [
        (article_id, q)
        for article_id, r in analysis.by_article.items()
        for q in r.quotes
        if q.speaker == entity.id and not q.scare
    ]
    if quoted:
        out.append(f"\nQuoted {plural(len(quoted), 'time')}:\n", Style(bold=True))
        for article_id, q in quoted[:MAX_QUOTES]:
            try:
                article = analysis.article(article_id)
            except KeyError:
                continue
            words = " ".join(article.text[q.start : q.end].split())
            gist = words if len(words) <= 90 else words[:89] + "…"
            out.append(f"  {names[article.id]}: ", Style(bold=True))
            out.append(f"“{gist}”\n", styles.get("reading-pane--quote", ""))
        if len(quoted) > MAX_QUOTES:
            out.append(f"  … and {len(quoted) - MAX_QUOTES} more\n")
    return out
