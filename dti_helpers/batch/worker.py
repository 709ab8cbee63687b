"""One worker process of a batch: a warm kernel, then one report after another.

Each worker keeps one warm kernel (:mod:`dti_helpers.render.engine`), executes the
notebook with papermill, keeps the executed notebook for audit, renders HTML and
PDF in-process and moves every file into place atomically. A report's failure is
returned as a :class:`Result`, never raised.

Test hooks (environment variables, for the test suite only):
``DTI_REPORTS_TEST_FAIL=slug[,slug]`` appends a failing cell to those
provinces' notebooks, ``DTI_REPORTS_TEST_HANG=slug[,slug]`` a cell that sleeps
past any time limit; ``DTI_REPORTS_TEST_KERNEL_START_FAILURES=N`` makes the
first N kernel starts of each worker die at start-up.
"""
from __future__ import annotations

import hashlib
import logging
import os
import signal
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from dti_helpers.batch.cleanup import connection_file
from dti_helpers.batch.plan import Job
from dti_helpers.batch.signals import end_on_sigterm
from dti_helpers.core.fsio import atomic_write, os_error_line
from dti_helpers.core.lifetime import die_with_parent, watch_parent
from dti_helpers.render.pdf import release_fonts

FAIL_HOOK = "DTI_REPORTS_TEST_FAIL"
HANG_HOOK = "DTI_REPORTS_TEST_HANG"
KERNEL_HOOK = "DTI_REPORTS_TEST_KERNEL_START_FAILURES"

@dataclass
class Result:
    """Outcome of one job: ``status`` is ``ok``, ``failed`` or ``unchanged``."""

    stem: str
    label: str
    status: str
    seconds: float = 0.0
    outputs: dict = field(default_factory=dict)
    error: str = ""
    notebook: str = ""
    log: str = ""



@dataclass(frozen=True)
class Settings:
    """How to run jobs: where outputs go, parallelism and limits.

    The report files are made by the output formats registered in
    :mod:`dti_helpers.render.formats`, as for a single report. ``run_id`` is carried by the run's
    temporary files and kernel connection files (in ``kernel_dir``, by default the temporary
    folder, where jupyter puts them too), so that the run can remove them, and only them, whatever ends it.
    """

    out_dir: Path
    jobs: int = 1
    timeout: float = 600.0
    kernel_name: str = "python3"
    # A kernel's memory stays flat across reports (about 146 MB after 1, 20 and 40 reports, December 2026)
    # and starting one costs ~2.7 s: replaced rarely, so a worker of a 63-report batch starts only one.
    kernel_reuse: int = 100
    progress: bool = True
    run_id: str | None = None
    kernel_dir: Path | None = None


class Kernels:
    """A worker's warm kernel: started for its first job with the notebook's imports run ahead, then reused
    for the next jobs, and replaced when a run broke it or it served ``kernel_reuse`` reports.

    ``on_start(kernel)`` is called as each kernel starts (the worker tells the parent its pid).

    >>> kernels = Kernels(Settings(Path("/tmp/reports")), Path("/tmp/reports/kernel.out"))
    >>> kernels.kernel is None
    True
    """

    def __init__(self, settings: Settings, log_path: Path, wid: int = 0, on_start=None):
        # The kernel process's own output (start-up warnings, a crash) goes to ``log_path``.
        self.settings = settings
        self.log_path = log_path
        self.wid = wid
        self.on_start = on_start
        self.started = 0
        self.kernel = None
        self.folder: Path | None = None
        self.warm_code: dict[Path, str] = {}
        self.bad_starts = int(os.environ.get(KERNEL_HOOK, "0") or 0)

    def get(self, notebook: Path, read_nb):
        """The warm kernel for ``notebook`` (``read_nb()`` gives its cells, read only for a new kernel)."""
        from dti_helpers.render import engine

        k = self.kernel
        # A kernel runs in its notebook's folder: an edited copy elsewhere (--notebook) gets its own.
        if k is not None and (k.broken or k.uses >= self.settings.kernel_reuse or not k.alive()
                              or self.folder != notebook.parent):
            self.close()
        if self.kernel is None:
            self.folder = notebook.parent
            if notebook not in self.warm_code:
                self.warm_code[notebook] = engine.warm_code_for(read_nb())
            code = self.warm_code[notebook]
            bad, self.bad_starts = self.bad_starts, 0
            self.started += 1
            where = None
            if self.settings.run_id and self.settings.kernel_dir:
                Path(self.settings.kernel_dir).mkdir(mode=0o700, parents=True, exist_ok=True)
                where = connection_file(self.settings.kernel_dir, self.settings.run_id, self.wid, self.started)
            self.kernel = engine.start_kernel(self.settings.kernel_name, code, cwd=notebook.parent,
                                              bad_first_starts=bad, output=self.log_path, connection_file=where)
            if self.on_start is not None:
                self.on_start(self.kernel)
        return self.kernel

    def kill(self) -> None:
        """Kill the kernel process at once, if any (from a signal handler: its report is abandoned).

        >>> Kernels(Settings(Path("/tmp/reports")), Path("/tmp/kernel.out")).kill()
        """
        if self.kernel is not None:
            self.kernel.kill()

    def release(self) -> None:
        """After a report: clear the kernel's variables for the next one."""
        if self.kernel is not None and not self.kernel.broken:
            self.kernel.reset()

    def close(self) -> None:
        """Stop the kernel, if any.

        >>> Kernels(Settings(Path("/tmp/reports")), Path("/tmp/kernel.out")).close()
        """
        if self.kernel is not None:
            self.kernel.shutdown()
            self.kernel = None


def _one_line(exc: BaseException) -> str:
    from dti_helpers.core.errors import DTIError

    if isinstance(exc, OSError) and exc.strerror:  # a full disk: the file and the reason
        return os_error_line(exc)
    text = (str(exc) if isinstance(exc, DTIError) else f"{type(exc).__name__}: {exc}").strip().splitlines()
    return text[0] if text else type(exc).__name__


# Test hooks: environment variable -> the cell appended to a listed province's notebook.
HOOK_CELLS = {
    FAIL_HOOK: "raise RuntimeError('test hook DTI_REPORTS_TEST_FAIL: this report fails on purpose')",
    HANG_HOOK: "import time\ntime.sleep(3600)  # test hook DTI_REPORTS_TEST_HANG: runs past any time limit",
}


def hooked_notebook(notebook: Path, slug: str, cache: dict) -> Path:
    """Test hooks: a copy of ``notebook`` ending with a failing (or hanging) cell when ``slug`` is listed.

    >>> hooked_notebook(Path("province_report.ipynb"), "no-such-slug", {})
    PosixPath('province_report.ipynb')
    """
    for var, code in HOOK_CELLS.items():
        if slug not in {s.strip() for s in os.environ.get(var, "").split(",") if s.strip()}:
            continue
        if (notebook, var) not in cache:
            import tempfile

            import nbformat

            nb = nbformat.read(notebook, as_version=4)
            nb.cells.append(nbformat.v4.new_code_cell(code))
            cache[notebook, var] = Path(tempfile.mkdtemp(prefix="dti-hook-")) / notebook.name
            nbformat.write(nb, cache[notebook, var])
        return cache[notebook, var]
    return notebook


def run_job(job: Job, settings: Settings, kernels: Kernels, hooked: dict) -> Result:
    """Build one job's outputs (runs inside a worker); never raises for a report problem.

    A failure is returned as a :class:`Result` with status ``failed`` and a one-line
    ``error``; the job's log (``logs/<stem>.log``) is written either way.

    >>> from dti_helpers import load_dti
    >>> from dti_helpers.batch.manifest import Manifest
    >>> from dti_helpers.batch.plan import plan
    >>> settings = Settings(Path("/tmp/reports"))
    >>> job = plan(load_dti(), ["24"], Manifest("/nonexistent"), year=2020).jobs[0]
    >>> run_job(job, settings, Kernels(settings, Path("/tmp/kernel.out")), {}).status  # doctest: +SKIP
    'ok'
    """
    import nbformat

    from papermill.log import logger as papermill_log

    from dti_helpers.render import engine
    from dti_helpers.render.formats import output_formats
    from dti_helpers.render.report import RenderError, execute_notebook

    out = Path(settings.out_dir)
    tag = settings.run_id
    started = time.monotonic()
    lines = [f"{time.strftime('%Y-%m-%d %H:%M:%S')} {job.label}", f"parameters: {job.parameters}",
             f"formats: {', '.join(job.todo)} ({job.why})", f"inputs: {job.digest}"]
    note = lambda msg: lines.append(f"{time.monotonic() - started:7.2f}s {msg}")  # noqa: E731
    result = Result(job.stem, job.label, "failed", log=job.log)
    try:
        if job.todo == ("pdf",) and job.html_current:
            nb, have = None, {"html": (out / job.output("html")).read_text(encoding="utf-8")}
            note("HTML is current: PDF rendered from it, notebook not re-run")
        else:
            notebook = hooked_notebook(job.notebook, job.meta.get("slug", ""), hooked)
            kernel = kernels.get(job.notebook, lambda: nbformat.read(notebook, as_version=4))
            note(f"kernel pid {kernel.pid}, use {kernel.uses + 1}"
                 + (f"; warm-up failed: {kernel.warm_error}" if kernel.warm_error else ""))
            stream = _LogStream(lines)
            handler = logging.StreamHandler(stream)  # papermill's and nbclient's messages go to the job's log
            papermill_log.addHandler(handler)
            try:
                nb = execute_notebook(job.parameters, out / job.executed_notebook, notebook=notebook, temp_tag=tag,
                                      engine_name=engine.ENGINE_NAME, kernel=kernel, cwd=job.notebook.parent,
                                      deadline=started + settings.timeout, request_save_on_cell_execute=False,
                                      stdout_file=stream, stderr_file=stream)
            except RenderError as exc:
                result.notebook = job.executed_notebook if exc.notebook_path else ""
                raise
            finally:
                papermill_log.removeHandler(handler)
                kernels.release()
            result.notebook = job.executed_notebook
            note("notebook executed")
            have = {}
        products = output_formats.convert(nb, job.todo, have)
        for fmt in job.todo:
            product = products[fmt]
            # encoded once: the bytes written are the bytes hashed
            data = product.encode("utf-8") if isinstance(product, str) else product
            atomic_write(out / job.output(fmt), data, tag)
            result.outputs[job.output(fmt)] = {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
            note(f"{fmt.upper()} written: {job.output(fmt)}")
        result.status = "ok"
    except Exception as exc:  # noqa: BLE001 - one report's failure must not stop the batch
        result.error = _one_line(exc)
        note(f"FAILED: {result.error}")
        lines.append(traceback.format_exc())
    except BaseException:  # the batch is stopping: the log says so, the parent records nothing of this report
        result.status = "interrupted"
        note("interrupted: the batch is stopping")
        raise
    finally:
        result.seconds = time.monotonic() - started
        lines.append(f"status: {result.status} in {result.seconds:.1f}s")
        try:
            atomic_write(out / job.log, "\n".join(lines) + "\n", tag)
        except OSError as exc:  # a full disk: the report's own outcome stands, the log's problem is named
            result.error = "; ".join(filter(None, [result.error, _one_line(exc)]))
    return result


class _LogStream:
    """File-like sink for the kernel's stdout/stderr during a report, appended to the job's log."""

    def __init__(self, lines: list[str]):
        self.lines = lines

    def write(self, text: str) -> int:
        self.lines.append(text.rstrip("\n"))
        return len(text)

    def flush(self) -> None:
        pass


ORPHAN_GRACE = 3.0  # seconds an orphaned worker may take to clean up before it ends itself outright


def worker_main(wid: int, settings: Settings, tasks, events, parent: int | None = None) -> None:
    """Worker process: warm a kernel, then build jobs until the sentinel ``None`` arrives.

    ``tasks`` holds :class:`~dti_helpers.batch.plan.Job` s; ``events`` receives
    ``(kind, wid, stem, payload)`` tuples: ``start``, ``done`` (payload: the :class:`Result`)
    and ``kernel`` (payload: the kernel's pid, sent as it starts, so the parent can stop it).
    ``parent`` is the runner's pid: the worker (and its kernel) end when the runner does, however it ends.

    >>> ctx = multiprocessing.get_context("fork")  # doctest: +SKIP
    >>> ctx.Process(target=worker_main, args=(0, Settings(Path("reports")), tasks, events)).start()  # doctest: +SKIP
    """
    out = Path(settings.out_dir)
    kernels = Kernels(settings, out / "logs" / f".kernel-worker-{wid}.out", wid,
                      on_start=lambda kernel: events.put(("kernel", wid, None, kernel.pid)))

    def before_exit():
        # Stopped by the runner, or orphaned: the kernel goes at once; the unwinding that follows
        # removes the temporary files and the kernel's connection file (Kernels.close).
        kernels.kill()
        events.cancel_join_thread()  # nobody may be reading any more: exit without flushing

    def orphaned():
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(ORPHAN_GRACE)  # still here: the clean exit is stuck somewhere
        kernels.kill()
        os._exit(143)

    # Ctrl-C and a hang-up reach the whole process group: only the parent decides, and stops
    # workers with SIGTERM.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    end_on_sigterm(before_exit)
    if parent is not None:
        die_with_parent(signal.SIGTERM, parent)  # Linux: the system signals us at once
        watch_parent(parent, orphaned)  # every system: a poll
    papermill_log = logging.getLogger("papermill")
    papermill_log.propagate = False  # each job routes it to its own log; outside a job, nowhere
    papermill_log.addHandler(logging.NullHandler())
    hooked: dict = {}
    try:
        job = tasks.get()
        while job is not None:
            events.put(("start", wid, job.stem, None))
            result = run_job(job, settings, kernels, hooked)
            events.put(("done", wid, job.stem, result))
            job = tasks.get()
    finally:
        kernels.close()
        release_fonts()  # the fonts' temporary folder: a forked worker leaves without running atexit

