"""Worker processes for CPU-bound analysis, which end with the process that started them.

Workers come from a fork server, not forked from the caller, which may have threads (the app
analyses in a worker thread). When the caller dies without shutting the pool down (``kill -9``,
SIGTERM), nothing in ``multiprocessing`` ends the workers: each waits for work on a queue whose
writer is gone, and the fork server and resource tracker wait for the workers. So every worker
watches the process that started the pool and exits as soon as it is gone; the fork server and
the resource tracker then exit by themselves.
"""

from __future__ import annotations

import os
import select
import threading
import time
from concurrent.futures import ProcessPoolExecutor

POLL_SECONDS = 1.0  # where a process cannot be waited on directly (no pidfd)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, owned by someone else
        pass
    return True


def _watch(pid: int) -> None:
    try:
        fd = os.pidfd_open(pid)  # Linux 5.3+: readable when the process ends
    except (AttributeError, OSError):
        while _alive(pid):
            time.sleep(POLL_SECONDS)
    else:
        select.select([fd], [], [])
    os._exit(1)


def _die_with(owner: int) -> None:
    """Worker initializer: exit when ``owner`` (the process that made the pool) ends."""
    if not _alive(owner):
        os._exit(1)
    threading.Thread(target=_watch, args=(owner,), name="tuireader-owner-watch", daemon=True).start()


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, started by a fork server, that end with this process."""
    import multiprocessing

    context = multiprocessing.get_context("forkserver")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_die_with, initargs=(os.getpid(),))
