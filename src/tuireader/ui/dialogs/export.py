"""Ask where to save the comparison report; the file suffix picks the format (.md, .html, .json)."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tuireader.ui.text import plain

SUFFIXES = (".md", ".markdown", ".html", ".htm", ".json")


class ExportScreen(ModalScreen[Path | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]  # noqa: RUF012

    def __init__(self, default: Path) -> None:
        super().__init__()
        self.default = default
        self._replace: Path | None = None  # a file the user has agreed to replace

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Static(plain("Export the comparison report", "bold"), markup=False)
            yield Static(plain("Save to (.md, .html or .json):"), markup=False)
            yield Input(str(self.default), id="export-path", select_on_focus=False)
            yield Static(id="export-error", markup=False)
            yield Static(plain("enter save · escape cancel"), id="export-keys", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path = Path(event.value.strip()).expanduser()
        if not event.value.strip():
            self.query_one("#export-error", Static).update(plain("Type a file name."))
            return
        if path.suffix.lower() not in SUFFIXES:
            self.query_one("#export-error", Static).update(plain("End the name in .md, .html or .json."))
            return
        if path.is_dir():
            self.query_one("#export-error", Static).update(plain("That is a folder; type a file name."))
            return
        if path.exists() and self._replace != path:
            # Never lose a file silently: a second Enter on the same name confirms.
            self._replace = path
            self.query_one("#export-error", Static).update(
                plain(f"{path.name} exists: press Enter again to replace it, or change the name.")
            )
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
