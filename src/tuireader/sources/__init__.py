"""Everything that reads the outside world: files and folders, web pages, feeds, loading in batches."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def bundled_seeds() -> Path:
    """The five seed articles shipped inside the package (here, not in ``files``: the app's first
    frame needs the folder's name, not the loaders)."""
    return Path(str(resources.files("tuireader") / "seeds"))
