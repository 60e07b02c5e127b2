"""The user's settings (the chosen theme), remembered in a JSON file in the config folder.

A missing or broken file never stops the app: it falls back to defaults and says why once.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

DEFAULT_THEME = "textual-dark"


@dataclass
class Config:
    theme: str = DEFAULT_THEME


def config_path(directory: Path | None = None) -> Path:
    """``config.json`` in ``directory`` (``Settings.config_dir``), else in the platform's user config folder."""
    if directory is not None:
        return directory / "config.json"
    from platformdirs import user_config_dir

    return Path(user_config_dir("tuireader", appauthor=False)) / "config.json"


def load_config(path: Path | None = None) -> tuple[Config, str | None]:
    """The saved config and, when the file could not be used, a one-line reason."""
    path = path or config_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config(), None
    except OSError as exc:
        return Config(), f"Could not read {path}: {exc.strerror or exc}; using defaults."
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return Config(), f"Settings file {path} is not valid JSON; using defaults."
    if not isinstance(data, dict):
        return Config(), f"Settings file {path} is not a JSON object; using defaults."
    theme = data.get("theme", DEFAULT_THEME)
    if not isinstance(theme, str) or not theme:
        return Config(), f"Settings file {path}: 'theme' is not a name; using defaults."
    return Config(theme=theme), None


def save_config(config: Config, path: Path | None = None) -> str | None:
    """Write the config atomically; returns a one-line reason on failure instead of raising."""
    path = path or config_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(asdict(config), indent=1) + "\n", encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        return f"Could not save settings to {path}: {exc.strerror or exc}"
    return None
