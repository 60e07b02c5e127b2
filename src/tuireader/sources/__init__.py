"""Everything that reads the outside world: files and folders, web pages, feeds, loading in batches."""

from __future__ import annotations

from pathlib import Path


def bundled_seeds() -> Path:
    """The five seed articles shipped inside the package (here, not in ``files``: the app's first
    frame needs the folder's name, not the loaders). The package is installed as files (the
    seeds are read with ``open``), so this is the folder beside the package's modules; not
    ``importlib.resources``, whose import costs more than the rest of the function's callers."""
    return Path(__file__).resolve().parent.parent / "seeds"
