"""The article list as the last load of the same paths left it, for the app's first frame.

Loading even cached articles means importing the model, the loaders and the store's codec and
decoding every article: most of the app's start-up. The list's first screen needs only each
article's id, headline and byline, so after a clean load these are kept in the store (kind
``titles``) under the paths they came from, with the size, modification and change times of
every file and folder they were read from. The next start shows them at once if nothing has
changed, then loads the articles as before, which replace them. Standard library only: this runs
before the first frame.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from tuireader import __version__
from tuireader.storage import Store

KIND = "titles"
FORMAT = 1

# (article id, headline, byline as the list shows it)
TitleRow = tuple[str, str, str]


def titles_key(paths: Sequence[str | Path]) -> str:
    """The paths as given, made absolute (the same folder opened from elsewhere is the same list)."""
    names = [os.path.abspath(os.path.expanduser(os.fspath(p))) for p in paths]
    return json.dumps([__version__, FORMAT, names], ensure_ascii=True)


def _stamp(path: str) -> list[int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return [info.st_mtime_ns, info.st_ctime_ns, info.st_size]


def _folders(paths: Iterable[Path]) -> list[str]:
    """Every folder (not hidden) under the given ones: a file added or removed anywhere in them
    changes a folder's modification time."""
    out: list[str] = []
    for path in paths:
        if not path.is_dir():
            continue
        for folder, subfolders, _files in os.walk(path):
            subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
            out.append(folder)
    return out


def keep_titles(store: Store, paths: Sequence[Path], files: Iterable[Path], rows: Sequence[TitleRow]) -> None:
    """Keep ``rows`` (the list's first screen) for the next start on the same ``paths``.

    ``files``: every file the articles were read from. Call only after a load without warnings:
    a skipped file could become readable without any stamp here changing.
    """
    stamps: dict[str, list[int]] = {}
    for name in [*(os.fspath(f) for f in files), *_folders(paths)]:
        stamp = _stamp(name)
        if stamp is None:
            return  # gone already: nothing worth keeping
        stamps[name] = stamp
    data = json.dumps({"stamps": stamps, "rows": [list(r) for r in rows]}, ensure_ascii=False)
    store.put_value(KIND, titles_key(paths), data.encode("utf-8", "surrogatepass"))


def read_titles(store: Store, paths: Sequence[Path]) -> list[TitleRow] | None:
    """The rows kept for ``paths`` if no file or folder they came from has changed, else None."""
    data = store.get_value(KIND, titles_key(paths))
    if data is None:
        return None
    try:
        kept = json.loads(data.decode("utf-8", "surrogatepass"))
        stamps, rows = kept["stamps"], kept["rows"]
        if any(_stamp(name) != stamp for name, stamp in stamps.items()):
            return None
        out = [(str(a), str(t), str(b)) for a, t, b in rows]
    except (ValueError, TypeError, KeyError, AttributeError, UnicodeDecodeError):
        return None  # not ours, or from another format: the articles load as usual
    return out or None
