"""Run scripts/tmux_check.sh: the installed command in a real terminal, at 120x40 and 80x24.

On the default corpus (the real seed articles) and on the stand-in story written here (a
hard-wrapped file and Markdown with front matter and subheadings).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "tmux_check.sh"
STANDINS = Path(__file__).resolve().parents[1] / "fixtures" / "stories" / "ceasefire-calls-written-here"


def _command() -> str | None:
    beside = Path(sys.executable).parent / "tuireader"
    return str(beside) if beside.exists() else shutil.which("tuireader")


@pytest.mark.tmux
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.parametrize("paths", [[], [str(STANDINS)]], ids=["real-seeds", "stand-ins"])
def test_tmux_flows(tmp_path: Path, paths: list[str]) -> None:
    command = _command()
    if command is None:
        pytest.skip("the tuireader command is not installed")
    env = {**os.environ, "TUIREADER": command, "TMUX": "", "HOME": str(tmp_path)}
    done = subprocess.run(["bash", str(SCRIPT), *paths], env=env, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok (120x40)" in done.stdout and "ok (80x24)" in done.stdout
