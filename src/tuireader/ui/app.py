"""STUB: replaced by the app work (issue 5)."""

from __future__ import annotations

from collections.abc import Sequence


def run_app(paths: Sequence[str], *, no_cache: bool = False) -> int:
    from textual.app import App
    from textual.widgets import Label

    from tuireader.cli import load

    corpus = load(paths)

    class Stub(App[None]):
        def compose(self):  # type: ignore[no-untyped-def]
            for article in corpus.articles:
                yield Label(article.title, markup=False)

    Stub().run()
    return 0
