"""People, organisations, places and topics with mention and source counts; choosing one filters."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tuireader.model import Analysis, Label
from tuireader.ui.keys import LIST_KEYS
from tuireader.ui.messages import EntityChosen
from tuireader.ui.reader.render import entity_mention_counts
from tuireader.ui.text import plain, plural

# A large corpus has thousands of names; the panel is for the ones that matter.
MAX_PER_GROUP = 200
GROUPS = ((Label.PERSON, "People"), (Label.ORG, "Organisations"), (Label.PLACE, "Places"))


class EntitiesPanel(OptionList):
    BINDINGS = [  # noqa: RUF012
        *LIST_KEYS,
        Binding("i", "details", "Entity details"),
    ]

    # Sideways scrolling never happens here: the text wraps.
    HELP_HIDDEN = ("scroll_left", "scroll_right", "page_left", "page_right")

    def show(self, analysis: Analysis | None) -> None:
        self.clear_options()
        if analysis is None:
            self.add_option(Option(plain("Analysing…"), disabled=True))
            return
        counts = entity_mention_counts(analysis)
        options: list[Option | None] = []
        for label, title in GROUPS:
            found = [e for e in analysis.entities if e.label is label]
            found.sort(key=lambda e: (-counts.get(e.id, (0, 0))[1], -counts.get(e.id, (0, 0))[0], e.name))
            if not found:
                continue
            options.append(Option(plain(f"{title} ({len(found)})", "bold"), disabled=True))
            for entity in found[:MAX_PER_GROUP]:
                mentions, sources = counts.get(entity.id, (0, 0))
                options.append(Option(self._line(entity.name, mentions, sources), id=f"entity:{entity.id}"))
        topics = self._topics(analysis)
        if topics:
            options.append(Option(plain(f"Topics ({len(topics)})", "bold"), disabled=True))
            for topic, articles, sources in topics[:MAX_PER_GROUP]:
                options.append(Option(self._line(topic, articles, sources, "article"), id=f"topic:{topic}"))
        if not options:
            options.append(Option(plain("No people or topics found."), disabled=True))
        self.add_options([o for o in options if o is not None])

    @staticmethod
    def _line(name: str, count: int, sources: int, unit: str = "mention") -> Text:
        out = plain(name)
        out.append(f"  {plural(count, unit)} · {plural(sources, 'source')}", "dim")
        return out

    @staticmethod
    def _topics(analysis: Analysis) -> list[tuple[str, int, int]]:
        articles: dict[str, set[str]] = {}
        for article_id, result in analysis.by_article.items():
            for topic in result.topics:
                articles.setdefault(topic, set()).add(article_id)
        source = {a.id: a.source or a.id for a in analysis.articles}
        rows = [(t, len(ids), len({source.get(a, a) for a in ids})) for t, ids in articles.items()]
        rows.sort(key=lambda r: (-r[1], r[0]))
        return rows

    def _chosen(self) -> tuple[str, str] | None:
        if self.highlighted is None:
            return None
        option_id = self.get_option_at_index(self.highlighted).id or ""
        kind, _, value = option_id.partition(":")
        return (kind, value) if value else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = self._chosen()
        if chosen:
            self.post_message(EntityChosen(*chosen))

    def action_details(self) -> None:
        chosen = self._chosen()
        if chosen and chosen[0] == "entity":
            self.post_message(EntityChosen("details", chosen[1]))
