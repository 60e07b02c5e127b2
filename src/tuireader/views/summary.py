"""The readable summary that ``tuireader analyze`` prints without ``--json``."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tuireader.core import digest
from tuireader.core.source_names import source_labels
from tuireader.model import Analysis, Label

# A summary is for reading: past these, it says how many more there are (``--json`` has them all).
MAX_ARTICLES = 40
MAX_PEOPLE = 30
MAX_DISAGREEMENTS = 40
SOURCE_COLUMN = 20  # cells of the table's source column: the titles need the room more


def print_summary(analysis: Analysis, console: Console | None = None) -> None:
    console = console or Console()
    sources = source_labels(analysis.articles)
    short = source_labels(analysis.articles, width=SOURCE_COLUMN)
    table = Table(title=f"{len(analysis.articles)} articles", title_justify="left", expand=True)
    table.add_column("source", no_wrap=True, max_width=SOURCE_COLUMN)
    table.add_column("date", no_wrap=True, min_width=10)
    table.add_column("title", overflow="ellipsis", no_wrap=True, ratio=1)
    for name in ("sentences", "mentions", "quotes"):
        table.add_column(name, justify="right", no_wrap=True, min_width=len(name))
    counts = digest.article_counts(analysis)  # quotations as every view counts them: scare quotes are not
    for article in analysis.articles[:MAX_ARTICLES]:
        found = analysis.by_article.get(article.id)
        table.add_row(
            Text(short[article.id]),
            Text(article.published or "—"),
            Text(article.title),
            str(len(article.sentences)),
            str(len(found.mentions) if found else 0),
            str(counts[article.id].quotes),
        )
    console.print(table)
    _more(console, len(analysis.articles) - MAX_ARTICLES, "articles")

    people = sorted((e for e in analysis.entities if e.label == Label.PERSON), key=lambda e: len(e.forms), reverse=True)
    if people:
        console.print(Text(f"\n{len(people)} people", style="bold"))
        for person in people[:MAX_PEOPLE]:
            line = Text("  ") + Text(person.name, style="bold")
            line.append(f"  in {len(person.forms)} of {len(analysis.articles)} sources", style="dim")
            spellings: dict[str, list[str]] = {}
            for article_id, forms in person.forms.items():
                for form in forms:
                    spellings.setdefault(form, []).append(sources.get(article_id, article_id))
            spellings = {form: spellings[form] for form in digest.spellings(spellings)}
            if len(spellings) > 1:
                line.append("  spelled ")
                line.append("; ".join(f"{form} ({', '.join(where)})" for form, where in spellings.items()))
            console.print(line)
        _more(console, len(people) - MAX_PEOPLE, "people")

    disagreements = [(fact, d) for fact in analysis.facts for d in fact.disagreements]
    console.print(Text(f"\n{len(analysis.facts)} facts, {len(disagreements)} disagreements", style="bold"))
    for _fact, disagreement in disagreements[:MAX_DISAGREEMENTS]:
        console.print(Text("  ! ", style="bold red") + Text(disagreement.summary))
        for value in disagreement.values:
            console.print(Text(f"      {sources.get(value.article, value.article)}: ", style="dim") + Text(value.text))
    _more(console, len(disagreements) - MAX_DISAGREEMENTS, "disagreements")


def _more(console: Console, hidden: int, what: str) -> None:
    if hidden > 0:
        console.print(Text(f"  … and {hidden} more {what} (tuireader analyze --json lists them all)", style="dim"))
