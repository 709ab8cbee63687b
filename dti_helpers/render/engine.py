"""A papermill engine that executes notebooks in warm kernels: started ahead of need, imports done once.

Starting a kernel and importing pandas, matplotlib and seaborn costs more than
running a province report. A :class:`WarmKernel` is started once per batch
worker, runs the notebook's imports before the first report arrives, and then
serves report after report; between two reports its namespace is reset and
its figures closed, so no report sees another's variables. A kernel that
timed out, died or served its quota is replaced.

The engine is registered with papermill as ``"dti-warm"`` (papermill splits
engines from notebook I/O; this module is only the engine)::

    kernel = start_kernel(warm_code="import pandas")
    papermill.execute_notebook("in.ipynb", "out.ipynb", engine_name="dti-warm", kernel=kernel)

Without ``kernel=`` it behaves exactly like papermill's default engine.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import signal
import time
from pathlib import Path
from typing import Iterator

import nbformat
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines
from papermill.log import logger
from papermill.utils import merge_kwargs, remove_args

from dti_helpers.core.lifetime import pdeathsig_hook
from dti_helpers.render.execute import KERNEL_ARGUMENTS

ENGINE_NAME = "dti-warm"

# Between two reports: forget the previous report's variables and figures but keep
# imported modules (the point of a warm kernel).
# Counting restarts at 1 so that the executed notebook reads as if it ran in a fresh kernel.
RESET_CODE = ("%reset -f\nimport matplotlib.pyplot as _plt\n_plt.close('all')\ndel _plt\n"
              "get_ipython().execution_count = 1\n")

# Top-level, single-line imports only (an indented or continued import is left to the notebook).
_IMPORT = re.compile(r"^(import\s+[\w., ]+|from\s+[\w.]+\s+import\s+[\w., ]+|%matplotlib\s+\w+)\s*(#.*)?$")

log = logging.getLogger(__name__)


class KernelStartError(RuntimeError):
    """A kernel did not start, even when retried."""


def warm_code_for(notebook: nbformat.NotebookNode) -> str:
    """The top-level import lines of a notebook's code cells: what a kernel can run ahead of need.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import pandas as pd\\nx = 1")])
    >>> warm_code_for(nb)
    'import pandas as pd'
    """
    lines: list[str] = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        for line in cell.source.splitlines():
            if _IMPORT.match(line) and line not in lines:
                lines.append(line)
    return "\n".join(lines)


class WarmKernel:
    """One running kernel with an open client, reused for several notebooks.

    ``output`` is a file that receives the kernel process's own output (default: discarded);
    ``connection_file`` is where its connection file goes (default: a temporary file), removed
    by :meth:`shutdown`. The kernel process dies with the process that started it (Linux; elsewhere
    ipykernel polls for its parent).
    ``uses`` counts the notebooks it ran; ``broken`` is set when a run left it
    in an unknown state (timeout, death), after which it must be replaced.

    >>> k = WarmKernel("python3")  # doctest: +SKIP
    >>> k.start(); k.run("x = 1"); k.shutdown()  # doctest: +SKIP
    """

    def __init__(self, kernel_name: str = "python3", warm_code: str = "", cwd: str | Path | None = None,
                 startup_timeout: float = 60, extra_arguments: tuple[str, ...] = (),
                 output: str | Path | None = None, connection_file: str | Path | None = None):
        self.kernel_name = kernel_name
        self.output = output
        self.connection_file = connection_file
        self.warm_code = warm_code
        self.cwd = str(cwd) if cwd else None
        self.startup_timeout = startup_timeout
        self.extra_arguments = list(extra_arguments)
        self.km: AsyncKernelManager | None = None
        self.kc = None
        self.uses = 0
        self.broken = False
        self.warm_error: str | None = None

    @property
    def pid(self) -> int | None:
        """Process id of the kernel (for logs)."""
        provisioner = getattr(self.km, "provisioner", None)
        process = getattr(provisioner, "process", None)
        return getattr(process, "pid", None)

    def start(self) -> "WarmKernel":
        """Start the kernel, wait until it answers, then run the warm-up imports."""
        where = {"connection_file": str(self.connection_file)} if self.connection_file else {}
        self.km = AsyncKernelManager(kernel_name=self.kernel_name, **where)
        arguments = [*KERNEL_ARGUMENTS, *self.extra_arguments]
        kwargs = {"cwd": self.cwd} if self.cwd else {}
        hook = pdeathsig_hook()
        if hook is not None:  # handed to Popen by jupyter_client's launcher
            kwargs["preexec_fn"] = hook
        # The kernel process's own stdout/stderr (start-up warnings, crashes) go to a log, not the terminal.
        with open(self.output or os.devnull, "ab") as sink:
            run_sync(self.km.start_kernel)(extra_arguments=arguments, stdout=sink, stderr=sink, **kwargs)
        self.kc = self.km.client()
        self.kc.start_channels()
        run_sync(self.kc.wait_for_ready)(timeout=self.startup_timeout)
        self.kc.allow_stdin = False
        if self.warm_code:
            # A failing warm-up import is not fatal: the notebook will run it again and fail visibly.
            self.warm_error = self.run(self.warm_code, timeout=self.startup_timeout)
        return self

    def run(self, code: str, timeout: float = 60) -> str | None:
        """Execute ``code`` silently; return the error as one line, or None.

        >>> WarmKernel().start().run("1/0")  # doctest: +SKIP
        'ZeroDivisionError: division by zero'
        """
        reply = run_sync(self.kc.execute_interactive)(code, silent=True, store_history=False, timeout=timeout,
                                                      output_hook=lambda msg: None)
        content = reply["content"]
        if content.get("status") == "ok":
            return None
        return f"{content.get('ename', 'Error')}: {content.get('evalue', '')}"

    def reset(self, timeout: float = 30) -> None:
        """Forget the last notebook's variables and figures; mark the kernel broken if that fails."""
        try:
            if self.run(RESET_CODE, timeout=timeout) is not None:
                self.broken = True
        except Exception:  # noqa: BLE001 - a kernel that cannot reset is replaced, whatever the cause
            self.broken = True

    def alive(self) -> bool:
        """Whether the kernel process still runs."""
        return bool(self.km) and run_sync(self.km.is_alive)()

    def kill(self) -> None:
        """Kill the kernel process at once (its report is abandoned); :meth:`shutdown` still cleans up after it.

        Safe from a signal handler: it only sends a signal.
        """
        self.broken = True  # nothing more is asked of it (a reset would wait for a reply that never comes)
        pid = self.pid
        if pid:
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass

    def shutdown(self) -> None:
        """Stop the kernel, close the client and remove the connection file; safe to call twice."""
        _cancel_pending()
        kc, km, self.kc, self.km = self.kc, self.km, None, None
        if kc is not None:
            try:
                kc.stop_channels()
            except Exception:  # noqa: BLE001 - shutting down anyway
                pass
        if km is not None:
            try:
                if run_sync(km.is_alive)():
                    run_sync(km.shutdown_kernel)(now=True)
            except Exception:  # noqa: BLE001
                pass
            try:
                run_sync(km.cleanup_resources)()
            except Exception:  # noqa: BLE001
                pass


def _cancel_pending(timeout: float = 2.0) -> None:
    """Cancel what an interrupt left running in this thread's event loop (a cell being executed) and let it
    end, its outcome collected, so that nothing is reported at exit ("Task exception was never retrieved")."""
    from jupyter_core.utils import ensure_event_loop

    loop = ensure_event_loop()
    if loop.is_running():  # called from within the loop: its tasks are the caller's own
        return
    tasks = asyncio.all_tasks(loop)
    if not tasks:
        return
    for task in tasks:
        task.cancel()
    done, _ = loop.run_until_complete(asyncio.wait(tasks, timeout=timeout))
    for task in done:
        if not task.cancelled():
            task.exception()  # nbclient turns its cancellation into DeadKernelError: expected, and collected


def start_kernel(kernel_name: str = "python3", warm_code: str = "", cwd: str | Path | None = None,
                 startup_timeout: float = 60, retries: int = 1, bad_first_starts: int = 0,
                 output: str | Path | None = None, connection_file: str | Path | None = None) -> WarmKernel:
    """Start a :class:`WarmKernel`, retrying ``retries`` times if the kernel fails to start.

    ``bad_first_starts`` makes the first attempts start a real kernel with a
    rejected command-line flag, so that it dies at start-up: a test hook for the
    retry path.

    >>> k = start_kernel(warm_code="import math")  # doctest: +SKIP
    """
    errors = []
    for attempt in range(retries + 1):
        extra = ("--dti-test-hook-bad-flag",) if attempt < bad_first_starts else ()
        kernel = WarmKernel(kernel_name, warm_code, cwd, startup_timeout, extra, output, connection_file)
        try:
            return kernel.start()
        except Exception as exc:  # noqa: BLE001 - any start failure earns one retry
            kernel.shutdown()
            errors.append(f"{type(exc).__name__}: {exc}".strip())
            log.warning("kernel failed to start (attempt %d): %s", attempt + 1, errors[-1])
    raise KernelStartError(f"kernel '{kernel_name}' failed to start {len(errors)} times: {errors[-1]}")


@contextlib.contextmanager
def own_kernel(kernel_name: str = "python3", cwd: str | Path | None = None,
               output: str | Path | None = None) -> Iterator[WarmKernel]:
    """A kernel for one notebook, gone when the block ends, however it ends.

    An interrupt (Ctrl-C) kills it at once rather than asking it to stop: asked mid-cell, a
    kernel prints tracebacks of its own. Its output goes to ``output`` (default: discarded) and its
    connection file is removed.

    >>> with own_kernel() as kernel:  # doctest: +SKIP
    ...     papermill.execute_notebook("in.ipynb", "out.ipynb", engine_name=ENGINE_NAME, kernel=kernel)
    """
    kernel = start_kernel(kernel_name, cwd=cwd, output=output)
    try:
        yield kernel
    except BaseException:
        kernel.kill()
        raise
    finally:
        kernel.shutdown()


def _mark_interrupted_cell(nb: nbformat.NotebookNode, ename: str, evalue: str) -> None:
    """Attach an error output to the cell that was running, so papermill names it like any failure."""
    started = [c for c in nb.cells if c.get("metadata", {}).get("papermill", {}).get("start_time")]
    if not started:
        return
    cell = started[-1]
    if cell.cell_type != "code":
        return
    cell.outputs.append(nbformat.v4.new_output("error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"]))
    cell.metadata.papermill["exception"] = True
    cell.metadata.papermill["status"] = "failed"


class WarmKernelEngine(NBClientEngine):
    """Papermill engine running a notebook in a given :class:`WarmKernel` (engine name ``"dti-warm"``).

    Extra keyword arguments of ``papermill.execute_notebook``: ``kernel`` (the
    warm kernel; without it papermill's stock behaviour) and ``deadline`` (a
    ``time.monotonic()`` instant by which the whole notebook must finish: each
    cell gets the time that remains). A cell that runs out of time or kills the
    kernel becomes an ordinary failed cell in the executed notebook.
    """

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None, stderr_file=None,
                                 start_timeout=60, execution_timeout=None, kernel: WarmKernel | None = None,
                                 deadline: float | None = None, **kwargs):
        if kernel is None:
            return super().execute_managed_notebook(nb_man, kernel_name, log_output=log_output,
                                                    stdout_file=stdout_file, stderr_file=stderr_file,
                                                    start_timeout=start_timeout,
                                                    execution_timeout=execution_timeout, **kwargs)
        kwargs = remove_args(["input_path", "timeout", "startup_timeout"], **kwargs)
        if deadline is not None:
            kwargs["timeout_func"] = lambda cell: max(1, int(deadline - time.monotonic()) + 1)
        final_kwargs = merge_kwargs(kwargs, timeout=execution_timeout, startup_timeout=start_timeout,
                                    kernel_name=kernel_name, log=logger, log_output=log_output,
                                    stdout_file=stdout_file, stderr_file=stderr_file)
        client = PapermillNotebookClient(nb_man, km=kernel.km, **final_kwargs)
        client.kc = kernel.kc
        kernel.uses += 1
        try:
            return client.execute()
        except CellTimeoutError:
            kernel.broken = True
            limit = "" if deadline is None else " (the report's time limit ran out)"
            _mark_interrupted_cell(nb_man.nb, "CellTimeoutError", f"cell did not finish in time{limit}")
        except DeadKernelError as exc:
            kernel.broken = True
            _mark_interrupted_cell(nb_man.nb, "DeadKernelError", str(exc) or "the kernel died")
        return nb_man.nb


papermill_engines.register(ENGINE_NAME, WarmKernelEngine)
