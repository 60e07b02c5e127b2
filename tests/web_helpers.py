"""Shared by the fetch and feed tests: the local web server's module, an in-memory store, a stand-in app."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

WEB = Path(__file__).parent / "fixtures" / "web"


def webserver() -> ModuleType:
    """``tests/fixtures/web/webserver.py``, loaded once (the fixtures folder is not a package)."""
    name = "tuireader_test_webserver"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, WEB / "webserver.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


class FakeStore:
    """A ``tuireader.storage.Store`` that keeps only values (downloaded pages), in memory."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], bytes] = {}

    def get_many(self, article_ids: Any) -> dict[str, Any]:
        return {}

    def put_many(self, analyses: Any) -> None:
        pass

    def get_sentences(self, key: str) -> None:
        return None

    def put_sentences(self, key: str, spans: Any) -> None:
        pass

    def get_file(self, key: str) -> None:
        return None

    def put_file(self, key: str, articles: Any) -> None:
        pass

    def get_facts(self, key: str) -> None:
        return None

    def put_facts(self, key: str, facts: Any) -> None:
        pass

    def get_corpus(self, key: str) -> None:
        return None

    def put_corpus(self, key: str, analysis: Any) -> None:
        pass

    def get_value(self, namespace: str, key: str) -> bytes | None:
        return self.values.get((namespace, key))

    def put_value(self, namespace: str, key: str, value: bytes) -> None:
        self.values[(namespace, key)] = value


def capture_app(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Replace the app the CLI opens with one that records the articles it was given and exits."""
    opened: list[Any] = []

    class FakeApp:
        return_code = 0

        def run(self) -> None:
            pass

    def make_app(source: Any, *args: Any, **options: Any) -> FakeApp:
        opened.extend(source.articles)
        return FakeApp()

    monkeypatch.setattr("tuireader.ui.app.make_app", make_app)
    return opened
