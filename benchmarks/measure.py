"""Timing other processes: wall time and peak memory of a command, and time to first frame in a terminal.

The first frame is measured the way a user sees it: the command runs in a pseudo-terminal, and the
clock stops when a given text (an article title) has been drawn, escape sequences stripped.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass

ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|P[^\x1b]*\x1b\\|[@-Z\\-_])")
BARE_APP = """\
from textual.app import App
from textual.widgets import Label

class Bare(App[None]):
    def compose(self):
        yield Label("bare textual app ready")

Bare().run()
"""
BARE_NEEDLE = "bare textual app ready"


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    returncode: int
    cpu_s: float = 0.0  # user + system time of the command itself (robust on a busy machine)


def run_command(argv: Sequence[str], env: dict[str, str], timeout: float = 3600) -> Run:
    """Wall time and peak resident memory (``ru_maxrss`` of this child alone) of a command."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.01)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0 and proc.stderr is not None:
        sys.stderr.write(proc.stderr.read().decode(errors="replace")[-2000:])
    return Run(seconds, usage.ru_maxrss / 1024, proc.returncode, usage.ru_utime + usage.ru_stime)


def first_frame(
    argv: Sequence[str],
    needles: Sequence[str],
    env: dict[str, str],
    *,
    size: tuple[int, int] = (160, 48),
    timeout: float = 120,
    cpu: list[float] | None = None,
    linger: float = 0.0,
) -> float | None:
    """Seconds from exec until any of ``needles`` is on screen; None if it never appears.

    With ``cpu``, the command's own CPU seconds (user + system, until it is stopped just after the
    needle shows) are appended to it: steadier than wall time on a shared machine. ``linger``:
    seconds the command may run on after that (a warm-up start that must finish loading, so the
    app keeps its first screen for the next start).
    """
    pattern = re.compile("|".join(re.escape(n) for n in needles if n))
    master, slave = os.openpty()
    cols, rows = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    env = {**env, "TERM": "xterm-256color", "COLORTERM": "truecolor", "COLUMNS": str(cols), "LINES": str(rows)}
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True, close_fds=True
    )
    os.close(slave)
    raw = bytearray()
    found: float | None = None
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([master], [], [], 0.02)
            if not ready:
                if proc.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:
                break
            if not chunk:
                break
            if found is not None:
                continue  # lingering: the output is no longer looked at
            raw += chunk
            screen = ANSI.sub("", raw.decode("utf-8", errors="replace"))
            if pattern.search(screen):
                found = time.perf_counter() - start
                if not linger:
                    break
                timeout = found + linger
    finally:
        used = _stop(proc)
        os.close(master)
    if cpu is not None and found is not None and used is not None:
        cpu.append(used)
    return found


def compile_package(env: dict[str, str]) -> None:
    """Byte-compile the tuireader that ``env`` imports, as ``pip install`` does.

    An editable install has no byte-code until Python writes it on a first import, and with
    ``PYTHONDONTWRITEBYTECODE`` set (as on the machine these figures come from) it never does:
    every start would compile our modules from source (about 12 ms) while Textual, installed
    from a wheel, comes compiled. Python reads existing byte-code even with that variable set.
    """
    where = subprocess.run(
        [sys.executable, "-c", "import os, tuireader; print(os.path.dirname(tuireader.__file__))"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", where], env=env, check=True, capture_output=True)


def _stop(proc: subprocess.Popen[bytes]) -> float | None:
    """End the child we started (and its process group, which it leads) by id; its CPU seconds."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        deadline = time.perf_counter() + 3
        while time.perf_counter() < deadline:
            try:
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            except ChildProcessError:
                return None  # already reaped
            if pid:
                proc.returncode = os.waitstatus_to_exitcode(status)
                return float(usage.ru_utime + usage.ru_stime)
            time.sleep(0.005)
    return None


def median(values: Sequence[float | None]) -> float | None:
    clean = sorted(v for v in values if v is not None)
    return clean[len(clean) // 2] if clean else None
