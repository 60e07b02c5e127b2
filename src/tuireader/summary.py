"""The readable summary that ``tuireader analyze`` prints without ``--json``."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tuireader.core.models import Analysis


def print_summary(analysis: Analysis, console: Console | None = None) -> None:
    console = console or Console()
    table = Table(title=f"{len(analysis.articles)} articles", title_justify="left", expand=False)
    table.add_column("source")
    table.add_column("title", overflow="fold")
    table.add_column("date")
    table.add_column("sentences", justify="right")
    table.add_column("mentions", justify="right")
    table.add_column("quotes", justify="right")
    for article in analysis.articles:
        found = analysis.by_article.get(article.id)
        table.add_row(
            Text(article.source),
            Text(article.title),
            Text(article.published or "—"),
            str(len(article.sentences)),
            str(len(found.mentions) if found else 0),
            str(len(found.quotes) if found else 0),
        )
    console.print(table)
    people = [e for e in analysis.entities if e.label == "person"]
    if people:
        console.print(Text(f"{len(people)} people: ", style="bold") + Text(", ".join(e.name for e in people[:20])))
    disagreements = sum(len(f.disagreements) for f in analysis.facts)
    console.print(Text(f"{len(analysis.facts)} facts, {disagreements} disagreements", style="bold"))
    for fact in analysis.facts:
        for d in fact.disagreements:
            console.print(Text("  ! ", style="bold red") + Text(d.summary))
