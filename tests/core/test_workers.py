"""Worker processes end with the process that started them, whatever ends it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SCRIPT = """
import os, signal, sys, time
from tuireader.core.workers import worker_pool

def pid(_):
    time.sleep(0.2)
    return os.getpid()

if __name__ == "__main__":
    pool = worker_pool(2)
    pids = sorted(set(pool.map(pid, range(8))))
    from multiprocessing import forkserver, resource_tracker
    helpers = [forkserver._forkserver._forkserver_pid, resource_tracker._resource_tracker._pid]
    with open(sys.argv[1], "w") as out:
        out.write(" ".join(map(str, pids + helpers)))
    os.kill(os.getpid(), getattr(signal, sys.argv[2]))
"""


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except OSError:
        return False
    return state not in {"Z", "X"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM"])
def test_workers_fork_server_and_tracker_end_with_the_parent(tmp_path: Path, how: str) -> None:
    script = tmp_path / "pool.py"
    script.write_text(SCRIPT, encoding="utf-8")
    pids_file = tmp_path / "pids"
    done = subprocess.run(
        [sys.executable, str(script), str(pids_file), how],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=120,
    )
    assert done.returncode == -getattr(signal, how)
    pids = [int(p) for p in pids_file.read_text().split()]
    assert len(pids) >= 3
    deadline = time.monotonic() + 20
    while any(_running(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [p for p in pids if _running(p)]
    for pid in left:  # do not leave them behind even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert left == []
