"""What the user chose, read once: command-line arguments and environment variables.

The CLI builds one ``Settings`` and passes what each part needs (the store, the number of worker
processes, download options) explicitly; nothing below the CLI reads the environment for these.

Environment variables: ``TUIREADER_NO_CACHE`` (any value: do not read or write the cache),
``TUIREADER_CACHE_DIR`` (where the cache lives), ``TUIREADER_CACHE_VERSION`` (pins the cache
version, so benchmarks can edit the source mid-run), ``TUIREADER_WORKERS`` (processes for a large
corpus; 1 turns them off), ``TUIREADER_FETCH_TIMEOUT`` (seconds, for slow links and tests),
``TUIREADER_CONFIG_DIR`` (where the app remembers the chosen theme).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Settings:
    no_cache: bool = False
    cache_dir: Path | None = None  # None: the platform's user cache folder
    cache_version: str | None = None  # None: computed from the analysis code
    workers: int | None = None  # None: one per CPU, at most 4, for a corpus large enough
    fetch_timeout: float | None = None  # None: the fetcher's default
    config_dir: Path | None = None  # None: the platform's user config folder

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, *, no_cache: bool = False) -> Settings:
        """The settings from ``environ`` (default ``os.environ``) and the ``--no-cache`` flag."""
        env = os.environ if environ is None else environ
        workers = env.get("TUIREADER_WORKERS", "")
        try:
            timeout: float | None = float(env.get("TUIREADER_FETCH_TIMEOUT", ""))
        except ValueError:
            timeout = None
        cache_dir = env.get("TUIREADER_CACHE_DIR")
        config_dir = env.get("TUIREADER_CONFIG_DIR")
        return cls(
            no_cache=no_cache or bool(env.get("TUIREADER_NO_CACHE")),
            cache_dir=Path(cache_dir).expanduser() if cache_dir else None,
            cache_version=env.get("TUIREADER_CACHE_VERSION") or None,
            workers=max(1, int(workers)) if workers.isdigit() else None,
            fetch_timeout=timeout if timeout is not None and timeout > 0 else None,
            config_dir=Path(config_dir) if config_dir else None,
        )
