"""One way to stop a batch: Ctrl-C (SIGINT), SIGTERM and SIGHUP alike.

Within :func:`stop_signals`, each of these signals raises :class:`Stop` (a ``KeyboardInterrupt``)
in the runner, once: a repeat while the batch is stopping is ignored, so the stop completes (what
finished is recorded, the summary is printed). :meth:`Stopper.held` holds a signal back while a
finished report is being recorded; it is raised right after. A :class:`Stop` that lands where
Python cannot raise it (a weak-reference callback during garbage collection) is not printed as
"Exception ignored"; :meth:`Stopper.check` raises it at the batch loop's next turn. A signal the caller ignores on
purpose (``nohup`` ignores SIGHUP) stays ignored. The exit code is 128 + the signal's number:
130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP.

>>> with stop_signals() as stopper:
...     stopper.stopped is None
True
"""
from __future__ import annotations

import contextlib
import signal
import sys
import threading
from typing import Iterator

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
