"""Choose an article (for "Compare with…"): a filterable list, dismissed with the article id."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tuireader.model import Article
from tuireader.ui.text import article_meta, plain


class ArticlePicker(ModalScreen[str | None]):
    BINDINGS = [Binding("escape,q", "cancel", "Cancel")]  # noqa: RUF012

    def __init__(self, prompt: str, articles: Sequence[Article], names: Mapping[str, str]) -> None:
        """``names``: each article's source label, from the whole corpus (``source_labels``)."""
        super().__init__()
        self.prompt = prompt
        self.articles = list(articles)
        self.names = names

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-dialog"):
            yield Static(plain(self.prompt, "bold"), markup=False)
            options = []
            for a in self.articles:
                line = plain(a.title)
                line.append(f"\n{article_meta(a, self.names[a.id])}", "dim")
                options.append(Option(line, id=a.id))
            yield OptionList(*options, id="picker-list")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
