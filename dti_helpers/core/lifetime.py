"""Child processes that live only as long as their parent, whatever ends it.

On Linux the kernel itself signals a child when its parent dies (``prctl(PR_SET_PDEATHSIG)``):
:func:`die_with_parent` asks for it in a child already running (a batch worker),
:func:`pdeathsig_hook` gives the ``preexec_fn`` that asks for it in a process about to be started
(a worker's kernel). Elsewhere, :func:`watch_parent` polls for the parent's end. Both cover the
case where the parent was killed outright (SIGKILL, the OOM killer), when it cannot clean up.

>>> watch_parent(os.getppid(), lambda: None).daemon
True
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from functools import lru_cache
from typing import Callable

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


@lru_cache(maxsize=1)
def _prctl():
    """libc's ``prctl`` (Linux), or ``None``; looked up once, before any fork that needs it."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def die_with_parent(sig: int = signal.SIGTERM, parent: int | None = None) -> bool:
    """Have this process receive ``sig`` when its parent ends (Linux); True when the kernel agreed.

    ``parent`` is the pid the parent had: if it has already ended (before this call could be made),
    ``sig`` is sent at once, as the kernel would have.

    >>> import subprocess
    >>> code = "from dti_helpers.core.lifetime import die_with_parent; print(die_with_parent())"
    >>> subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == str(
    ...     sys.platform.startswith("linux"))
    True
    """
    prctl = _prctl()
    ok = prctl is not None and prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    if parent is not None and os.getppid() != parent:
        os.kill(os.getpid(), sig)
    return ok


def pdeathsig_hook(sig: int = signal.SIGKILL) -> Callable[[], None] | None:
    """A ``preexec_fn`` for :class:`subprocess.Popen`: the child gets ``sig`` when the calling process ends.

    ``None`` where the system has no such thing (the child's own parent check must do).
    The hook only calls into libc: nothing in it allocates or imports after the fork.

    >>> import subprocess
    >>> subprocess.run(["true"], preexec_fn=pdeathsig_hook()).returncode
    0
    """
    prctl = _prctl()
    if prctl is None:
        return None
    parent = os.getpid()

    def hook() -> None:
        prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
        if os.getppid() != parent:  # the caller ended between fork and here
            os._exit(1)

    return hook


def watch_parent(parent: int, on_gone: Callable[[], None], interval: float = 0.5) -> threading.Thread:
    """Start a daemon thread that calls ``on_gone()`` once this process's parent is no longer ``parent``.

    It works on every system (an orphan is adopted by another process, so its parent id changes).

    >>> seen = []
    >>> _ = watch_parent(-1, lambda: seen.append(True), interval=0.01).join(timeout=5)
    >>> seen
    [True]
    """

    def poll() -> None:
        if hasattr(signal, "pthread_sigmask"):  # signals to the process go to its main thread, not this one
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
        while os.getppid() == parent:
            time.sleep(interval)
        on_gone()

    thread = threading.Thread(target=poll, name="dti-parent-watch", daemon=True)
    thread.start()
    return thread


def is_running(pid: int) -> bool:
    """Whether process ``pid`` still runs: a zombie not yet reaped has ended; without /proc, so has every one.

    >>> is_running(os.getpid()), is_running(2 ** 22 + 1)  # this process; a pid above Linux's limit
    (True, False)
    """
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False
