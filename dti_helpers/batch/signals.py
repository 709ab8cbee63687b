"""One way to stop a batch: Ctrl-C (SIGINT), SIGTERM and SIGHUP alike.

Within :func:`stop_signals`, each of these signals raises :class:`Stop` (a ``KeyboardInterrupt``)
in the runner, once: a repeat while the batch is stopping is ignored, so the stop completes (what
finished is recorded, the summary is printed). :meth:`Stopper.held` holds a signal back while a
finished report is being recorded; it is raised right after. A :class:`Stop` that lands where
Python cannot raise it (a weak-reference callback during garbage collection) is not printed as
"Exception ignored"; :meth:`Stopper.check` raises it at the batch loop's next turn. A signal the caller ignores on
purpose (``nohup`` ignores SIGHUP) stays ignored. The exit code is 128 + the signal's number:
130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP. A batch worker ends on the runner's SIGTERM through
:func:`end_on_sigterm`, which survives the same dropped-exception trap.

>>> with stop_signals() as stopper:
...     stopper.stopped is None
True
"""
from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from typing import Callable, Iterator

STOP_SIGNALS = tuple(s for s in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)) if s is not None)


class Stop(KeyboardInterrupt):
    """A batch stopped by signal ``signum``.

    >>> Stop(signal.SIGTERM).exit_code
    143
    """

    def __init__(self, signum: int = signal.SIGINT):
        super().__init__(signum)
        self.signum = int(signum)

    @property
    def exit_code(self) -> int:
        """128 + the signal's number, as a shell reports a process that a signal ended."""
        return 128 + self.signum


def exit_code(exc: BaseException) -> int:
    """The exit code of an interrupted command: a :class:`Stop`'s own, 130 for a plain Ctrl-C.

    >>> exit_code(KeyboardInterrupt()), exit_code(Stop(signal.SIGHUP))
    (130, 129)
    """
    return exc.exit_code if isinstance(exc, Stop) else 128 + signal.SIGINT


class Stopper:
    """The handler of the stop signals and its state: which signal stopped the batch, one held back."""

    def __init__(self):
        self.stopped: int | None = None
        self.pending: int | None = None
        self.holding = 0
        self.lost = False

    def handle(self, signum, frame) -> None:
        """The signal handler: raise :class:`Stop` the first time, unless held back."""
        if self.stopped is not None:
            return  # already stopping: let the stop finish
        if self.holding:
            self.pending = signum
            return
        self.stopped = signum
        raise Stop(signum)

    def check(self) -> None:
        """Raise the :class:`Stop` that Python had to drop (see the module); nothing otherwise.

        >>> s = Stopper(); s.stopped, s.lost = signal.SIGINT, True
        >>> try:
        ...     s.check()
        ... except Stop as stop:
        ...     stop.signum
        2
        """
        if self.lost:
            self.lost = False
            raise Stop(self.stopped)

    def unraisable(self, previous):
        """A ``sys.unraisablehook`` that keeps a dropped :class:`Stop` for :meth:`check`, silently."""
        def hook(info):
            if isinstance(info.exc_value, Stop):
                self.lost = True
                return
            previous(info)
        return hook

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Hold the stop signals back for the block; one that came meanwhile raises :class:`Stop` after it.

        >>> s = Stopper()
        >>> try:
        ...     with s.held():
        ...         s.handle(signal.SIGTERM, None)
        ... except Stop as stop:  # raised as the block ends, not within it
        ...     stop.signum
        15
        """
        self.holding += 1
        try:
            yield
        finally:
            self.holding -= 1
        if not self.holding and self.pending is not None and self.stopped is None:
            self.stopped, self.pending = self.pending, None
            raise Stop(self.stopped)


@contextlib.contextmanager
def stop_signals() -> Iterator[Stopper]:
    """Within the block, SIGINT, SIGTERM and SIGHUP raise :class:`Stop` (see the module); the old handlers after.

    Outside the main thread (where Python cannot set handlers) the block runs unchanged.
    """
    stopper = Stopper()
    if threading.current_thread() is not threading.main_thread():
        yield stopper
        return
    old = {}
    for sig in STOP_SIGNALS:
        current = signal.getsignal(sig)
        if current in (signal.SIG_IGN, None):  # ignored on purpose (nohup, a background job), or not Python's
            continue
        old[sig] = current
        signal.signal(sig, stopper.handle)
    previous_hook = sys.unraisablehook
    sys.unraisablehook = stopper.unraisable(previous_hook)
    try:
        yield stopper
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)
        sys.unraisablehook = previous_hook


class WorkerExit(SystemExit):
    """A worker process told to end (SIGTERM): exit code 143."""


RETRY_SECONDS = 0.01  # a dropped WorkerExit is signalled again this soon, from outside the callback


def end_on_sigterm(before: Callable[[], None]) -> None:
    """Make SIGTERM end this worker process cleanly: ``before()`` at once, then :class:`WorkerExit` unwinds.

    Unwinding (rather than ``os._exit``) runs the ``finally`` blocks that remove temporary files.
    Python drops an exception raised while a weak-reference callback or ``__del__`` runs, and
    prints it as "Exception ignored": a dropped :class:`WorkerExit` is signalled again a moment
    later instead, silently, so the exit happens where it can. Repeats of SIGTERM during the exit
    are ignored. Call from the main thread of a worker process.

    >>> import subprocess
    >>> code = ("import os, signal; from dti_helpers.batch.signals import end_on_sigterm; "
    ...         "end_on_sigterm(lambda: print('before')); os.kill(os.getpid(), signal.SIGTERM)")
    >>> done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    >>> done.returncode, done.stdout, done.stderr
    (143, 'before\\n', '')
    """
    def handle(signum, frame):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        before()
        raise WorkerExit(128 + signal.SIGTERM)

    def again(signum, frame):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise WorkerExit(128 + signal.SIGTERM)

    previous = sys.unraisablehook

    def hook(info):
        if not isinstance(info.exc_value, WorkerExit):
            previous(info)
            return
        signal.signal(signal.SIGTERM, again)
        threading.Timer(RETRY_SECONDS, os.kill, (os.getpid(), signal.SIGTERM)).start()

    sys.unraisablehook = hook
    signal.signal(signal.SIGTERM, handle)
