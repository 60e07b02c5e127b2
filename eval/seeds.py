"""The real seed articles: plain-text files read the way ``tuireader`` reads them."""

from __future__ import annotations

from pathlib import Path


class SeedsError(Exception):
    """A one-line reason the seeds cannot be read."""


def seed_files(folder: Path) -> list[Path]:
    """The folder's .txt/.md files, sorted by name (read with tuireader's own file reader)."""
    if not folder.is_dir():
        raise SeedsError(f"{folder}: not a folder of seed articles")
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (".txt", ".md"))
    if not files:
        raise SeedsError(f"{folder}: no .txt or .md files")
    return files
