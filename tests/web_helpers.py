"""Shared by the fetch and feed tests: the local web server's module and an in-memory page store."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

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
    """The cache's key-value interface, in memory."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], bytes] = {}

    def get_value(self, namespace: str, key: str) -> bytes | None:
        return self.values.get((namespace, key))

    def put_value(self, namespace: str, key: str, value: bytes) -> None:
        self.values[(namespace, key)] = value
