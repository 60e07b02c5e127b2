from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from tuireader.model import Analysis
from web_helpers import webserver


# Never touch the user's real cache or config during tests.
@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("TUIREADER_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("TUIREADER_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "xdg-config"))
    os.environ.pop("NO_COLOR", None)


@pytest.fixture
def server() -> Iterator[Any]:
    """The local fixture web server (127.0.0.1, port 0) for the fetch and feed tests."""
    web = webserver().WebServer()
    yield web
    web.stop()


@pytest.fixture
def bare_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """An analysis that only lists the articles: for CLI tests about loading, not analysis."""
    monkeypatch.setattr("tuireader.core.pipeline.analyze", lambda articles, **_: Analysis(articles=list(articles)))
