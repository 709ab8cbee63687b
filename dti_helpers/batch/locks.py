"""The output folder's run lock: one whole run at a time, or several shards of one batch together.

A whole run holds ``<out>/.run.lock`` exclusively. A shard (``--shard i/n``) holds it shared, so the
shards of one batch run side by side (on one machine or on several sharing the folder) while no whole
run can start; it also holds ``.run-shard-<i>-of-<n>.lock`` exclusively, so one shard never runs
twice at once. Shards write the index pages one at a time, under ``.index.lock``. The locks are
``flock`` locks on files that are never deleted (the system releases them when a process dies,
however it dies); where ``fcntl`` is missing (Windows) every lock is exclusive.
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Iterator

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None

LOCK_NAME = ".run.lock"
INDEX_LOCK = ".index.lock"


class OutputFolderBusy(RuntimeError):
    """Another run holds the output folder's lock and waiting was not wanted; ``root`` is the folder.

    >>> OutputFolderBusy(Path("reports")).root
    PosixPath('reports')
    """

    def __init__(self, root: Path):
        self.root = root
        super().__init__(f"another run_reports.py is writing to {root}; try again when it ends")


@contextlib.contextmanager
def _flock(path: Path, shared: bool, on_wait) -> Iterator[None]:
    """Hold ``path`` locked (shared or exclusive); ``on_wait()`` is called when it must wait (it may raise)."""
    if fcntl is None:
        from filelock import FileLock, Timeout

        lock = FileLock(str(path))
        try:
            lock.acquire(timeout=0)
        except Timeout:
            on_wait()
            lock.acquire()
        try:
            yield
        finally:
            lock.release()
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait()
            fcntl.flock(fd, mode)
        yield
    finally:
        os.close(fd)  # releases the lock


@contextlib.contextmanager
def run_lock(root: str | Path, wait: bool = True, notify=print, waiting: str | None = None,
             shard: str | None = None) -> Iterator[None]:
    """Hold the output folder's run lock: exclusive for a whole run, shared for shard ``shard`` (e.g. ``2-of-4``).

    With ``wait`` a run that must wait says so (``waiting``, or an English line, goes to ``notify``)
    and proceeds when the other ends; without, it raises :class:`OutputFolderBusy` at once.

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> with run_lock(folder, shard="0-of-2"), run_lock(folder, shard="1-of-2", wait=False):
    ...     pass
    """
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)

    def on_wait():
        if not wait:
            raise OutputFolderBusy(root)
        notify(waiting or f"another run_reports.py is writing to {root}; waiting for it to finish...")

    with contextlib.ExitStack() as stack:
        stack.enter_context(_flock(root / LOCK_NAME, shard is not None, on_wait))
        if shard is not None:
            stack.enter_context(_flock(root / f".run-shard-{shard}.lock", False, on_wait))
        yield


def index_lock(root: str | Path) -> contextlib.AbstractContextManager:
    """Hold ``<root>/.index.lock``, waiting for it: one shard at a time reads the manifest and writes the index.

    >>> import tempfile
    >>> with index_lock(tempfile.mkdtemp()):
    ...     pass
    """
    return _flock(Path(root) / INDEX_LOCK, False, lambda: None)
