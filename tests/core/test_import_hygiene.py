"""The core is a pure library: importing it must not pull in textual or rich."""

from __future__ import annotations

import subprocess
import sys


def test_core_does_not_import_textual_or_rich() -> None:
    code = (
        "import sys, pkgutil, importlib, tuireader.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'tuireader.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_package_import_is_light() -> None:
    heavy = "('textual', 'rich', 'pysbd', 'trafilatura')"
    code = f"import sys, tuireader.cli; print(','.join(sorted(n for n in sys.modules if n.startswith({heavy}))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
