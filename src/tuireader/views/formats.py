"""The report in the format asked for: Markdown, HTML or the analysis JSON; the one entry point."""

from __future__ import annotations

from pathlib import Path

from tuireader.model import Analysis

FORMATS = ("md", "html", "json")
_SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json"}


def format_for_path(path: str | Path) -> str | None:
    """The report format a file name asks for, from its suffix."""
    return _SUFFIXES.get(Path(path).suffix.lower())


def write_report(analysis: Analysis, fmt: str = "md", *, generated: str | None = None) -> str:
    """The report as text in ``fmt`` ("md", "html" or "json"); ``generated`` overrides the timestamp."""
    if fmt == "json":
        from tuireader.views.analysis_json import dumps

        return dumps(analysis)
    from tuireader.views.report import build_sections

    sections = build_sections(analysis, generated)
    if fmt == "md":
        from tuireader.views.markdown import render_markdown

        return render_markdown(sections)
    if fmt == "html":
        from tuireader.views.html import render_html

        return render_html(sections)
    raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
