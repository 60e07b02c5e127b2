from __future__ import annotations

import os

import pytest


# Never touch the user's real cache or config during tests.
@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("TUIREADER_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("TUIREADER_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "xdg-config"))
    os.environ.pop("NO_COLOR", None)
