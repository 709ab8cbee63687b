"""Running a batch's jobs in parallel worker processes, with a watchdog and a clean stop.

:func:`execute` runs the jobs in ``jobs`` worker processes (:mod:`dti_helpers.batch.worker`).
A failing, hanging or crashing report is recorded and the others go on; each finished
report is recorded in the manifest at once, so an interrupted run keeps what it built.
Workers and their kernels live only as long as the runner: stopped with it on Ctrl-C, SIGTERM
or SIGHUP, and signalled by the system when it is killed outright.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
import sys
import tempfile
import time
from collections import deque
from dataclasses import replace
from pathlib import Path

from dti_helpers.batch.cleanup import remove_run_files
from dti_helpers.batch.manifest import Manifest, new_run_id
from dti_helpers.batch.plan import Job
from dti_helpers.batch.signals import Stopper, stop_signals
from dti_helpers.batch.worker import Result, Settings, worker_main
from dti_helpers.core.fsio import atomic_write, os_error_line

__all__ = ["Result", "STOP_GRACE", "Settings", "WATCHDOG_GRACE", "default_jobs", "execute"]

WATCHDOG_GRACE = 60  # seconds a worker may overrun the report timeout (rendering) before it is killed
STOP_GRACE = 1.0  # seconds a stopped worker has to clean up (kill its kernel, drop its temporary files)


def default_jobs() -> int:
    """Worker count when none is given: the CPUs this process may use.

    >>> default_jobs() >= 1
    True
    """
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1



def _progress(total: int, settings: Settings):
    from tqdm import tqdm

    return tqdm(total=total, unit="report", file=sys.stderr, dynamic_ncols=True, smoothing=0.05,
                disable=not (settings.progress and sys.stderr.isatty()))


def record_result(manifest: Manifest, job: Job, result: Result) -> None:
    """Record ``job``'s finished ``result`` in ``manifest`` and save it; an output the job did not make is forgotten
    and its old file removed (it came from other inputs).

    >>> record_result(Manifest("/nonexistent"), Job("a-2022-vi", "A", Path("x"), {}, ("html",), "d", {}, {}),
    ...               Result("a-2022-vi", "A", "failed"))
    """
    out = manifest.root
    # Outputs written before a later step failed (the HTML when the PDF failed) are complete and current.
    for rel, info in result.outputs.items():
        manifest.record(rel, {"inputs": job.digest, "parts": job.parts, **info, **job.meta,
                              "format": rel.split("/")[0], "notebook": job.executed_notebook,
                              "seconds": round(result.seconds, 2)})
    for fmt in job.todo:
        if job.output(fmt) not in result.outputs:
            # The old file came from other inputs: keeping it would show figures the inputs no longer give.
            manifest.forget(job.output(fmt))
            with contextlib.suppress(FileNotFoundError):
                (out / job.output(fmt)).unlink()
    manifest.save()


def record_finished(manifest: Manifest, job: Job, result: Result, stopper: Stopper, results: list,
                    write=None) -> Result:
    """Record a finished report whole, the stop signals held: ``write()`` (the files, when the caller has
    them as bytes) then :func:`record_result`, and the result appended to ``results``. A full disk
    makes it failed, naming the file (not recorded, so the next run builds it again). Returns the result kept.

    >>> from dti_helpers.batch.signals import Stopper
    >>> kept = []
    >>> record_finished(Manifest("/nonexistent"), Job("a-2022-vi", "A", Path("x"), {}, ("html",), "d", {}, {}),
    ...                 Result("a-2022-vi", "A", "failed"), Stopper(), kept).status, len(kept)
    ('failed', 1)
    """
    with stopper.held():  # a stop that comes meanwhile is raised once the report is in the manifest
        try:
            if write is not None:
                write()
            record_result(manifest, job, result)
        except OSError as exc:
            result = replace(result, status="failed", error=os_error_line(exc))
        results.append(result)
    return result


def result_line(job: Job, result: Result) -> str:
    """The progress line of a finished report: status, name, seconds and the error, if any.

    >>> result_line(Job("a-2022-vi", "A", Path("x"), {}, ("html",), "d", {}, {}), Result("a-2022-vi", "A", "ok", 1.25))
    'ok      a-2022-vi                               1.2s'
    """
    line = f"{result.status:<7} {job.stem:<36} {result.seconds:6.1f}s"
    return line + (f"  {result.error}" if result.error else "")


def execute(jobs: list[Job], settings: Settings, manifest: Manifest, echo=None,
            stopper: Stopper | None = None) -> tuple[list[Result], int]:
    """Run ``jobs`` in worker processes; record each finished one in ``manifest``.

    Returns the results and the signal that stopped the run (0 when it ran to the end): Ctrl-C,
    SIGTERM and SIGHUP (:mod:`~dti_helpers.batch.signals`, through ``stopper`` when the caller
    holds them) stop the workers and their kernels within :data:`STOP_GRACE` seconds; the reports
    that finished are kept. Each worker runs one job at a time under the report ``timeout``; a
    worker that overruns it, or dies, is replaced and its job reported failed. A report that
    cannot be recorded (a full disk) is reported failed, naming the file.

    >>> execute([], Settings(Path("/tmp/reports")), Manifest("/tmp/reports"))
    ([], 0)
    >>> from dti_helpers import load_dti
    >>> from dti_helpers.batch.plan import plan
    >>> manifest = Manifest("/tmp/reports")
    >>> p = plan(load_dti(), ["24"], manifest, year=2020, force=True)
    >>> results, stopped = execute(p.jobs, Settings(manifest.root, jobs=2), manifest)  # doctest: +SKIP
    >>> [r.status for r in results], stopped  # doctest: +SKIP
    (['ok'], 0)
    """
    if not jobs:
        return [], 0
    # Imported before forking so that workers share these pages instead of importing them again.
    import nbconvert  # noqa: F401
    import nbformat  # noqa: F401
    import papermill  # noqa: F401

    from dti_helpers.render import engine, html  # noqa: F401

    if any("pdf" in job.todo for job in jobs):
        import weasyprint  # noqa: F401

    settings = replace(settings, run_id=settings.run_id or new_run_id(),
                       kernel_dir=Path(settings.kernel_dir or tempfile.gettempdir()))
    with contextlib.ExitStack() as stack:
        stopper = stopper or stack.enter_context(stop_signals())
        try:
            return _run(jobs, settings, manifest, echo or (lambda line: print(line, file=sys.stderr, flush=True)),
                        stopper)
        finally:
            remove_run_files(settings.out_dir, [settings.run_id], settings.kernel_dir)


def _run(jobs: list[Job], settings: Settings, manifest: Manifest, echo, stopper: Stopper) -> tuple[list[Result], int]:
    out = Path(settings.out_dir)
    for sub in ("notebooks", "logs", "html", "pdf"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    ctx = multiprocessing.get_context("fork")
    tasks, events = ctx.Queue(), ctx.Queue()
    by_stem = {job.stem: job for job in jobs}
    pending = deque(jobs)
    n_workers = max(1, min(settings.jobs, len(jobs)))
    workers: dict[int, multiprocessing.Process] = {}
    running: dict[int, tuple[str, float]] = {}
    kernel_pids: dict[int, int] = {}
    results: list[Result] = []
    next_wid, queued = 0, 0

    def spawn():
        nonlocal next_wid
        wid, next_wid = next_wid, next_wid + 1
        p = ctx.Process(target=worker_main, args=(wid, settings, tasks, events, os.getpid()),
                        name=f"dti-worker-{wid}", daemon=True)
        p.start()
        workers[wid] = p

    def feed():
        # One job waiting per worker, no more: after a stop, nothing new is left to start.
        nonlocal queued
        while pending and queued < n_workers:
            tasks.put(pending.popleft())
            queued += 1

    def finish(job: Job, result: Result):
        result = record_finished(manifest, job, result, stopper, results)
        bar.update(1)
        line = result_line(job, result)
        (bar.write(line, file=sys.stderr) if not bar.disable else echo(line))

    feed()
    for _ in range(n_workers):
        spawn()
    bar = _progress(len(jobs), settings)
    stopped = 0
    idle_deaths = 0
    try:
        while len(results) < len(jobs):
            stopper.check()
            try:
                kind, wid, stem, payload = events.get(timeout=1.0)
            except queue.Empty:
                kind = None
            if kind == "start":
                running[wid] = (stem, time.monotonic())
                queued -= 1
                feed()
            elif kind == "kernel":
                kernel_pids[wid] = payload
            elif kind == "done":
                running.pop(wid, None)
                finish(by_stem[stem], payload)
            idle_deaths += _watchdog(workers, running, kernel_pids, settings, by_stem, finish, spawn)
            if idle_deaths > 2 * n_workers:  # workers cannot even start: fail what is left, loudly
                done = {r.stem for r in results}
                for job in jobs:
                    if job.stem not in done:
                        finish(job, Result(job.stem, job.label, "failed", error="worker processes keep dying at "
                                           "start-up; see logs/.kernel-worker-*.out", log=job.log))
                break
        for _ in workers:
            tasks.put(None)
    except KeyboardInterrupt as exc:
        stopped = getattr(exc, "signum", signal.SIGINT)
        tasks.cancel_join_thread()  # the jobs still queued are dropped, not waited for at exit
        _halt(workers, kernel_pids, STOP_GRACE)
        # Reports that finished while we were stopping are complete files: keep and record them.
        with contextlib.suppress(Exception):
            while True:
                kind, wid, stem, payload = events.get(timeout=0.2)
                if kind == "done" and all(r.stem != stem for r in results):
                    finish(by_stem[stem], payload)
    finally:
        bar.close()
        for p in workers.values():
            p.join(timeout=30)
            if p.is_alive():
                p.kill()
    return results, stopped


def _watchdog(workers, running, kernel_pids, settings, by_stem, finish, spawn) -> int:
    """Fail and replace a worker that died or overran the report timeout.

    Returns how many workers died while holding no job (a worker that cannot
    even start); the caller gives up when that keeps happening.
    """
    now = time.monotonic()
    idle_deaths = 0
    for wid, p in list(workers.items()):
        stem, since = running.get(wid, (None, now))
        overran = stem is not None and now - since > settings.timeout + WATCHDOG_GRACE
        if p.is_alive() and not overran:
            continue
        _halt({wid: p}, kernel_pids, 10)  # also stops the kernel a crashed worker left behind
        del workers[wid]
        if stem is not None:
            running.pop(wid, None)
            job = by_stem[stem]
            why = (f"timed out after {settings.timeout:.0f}s" if overran
                   else f"worker process died (exit code {p.exitcode})")
            # The worker could not write the job's log itself: say here what happened.
            with contextlib.suppress(OSError):  # a full disk: the summary says it all the same
                atomic_write(Path(settings.out_dir) / job.log, f"{time.strftime('%Y-%m-%d %H:%M:%S')} {job.label}\n"
                             f"parameters: {job.parameters}\nFAILED: {why}\n", settings.run_id)
            finish(job, Result(stem, job.label, "failed", now - since, error=why, log=job.log))
        elif p.exitcode not in (0, None):
            idle_deaths += 1
        spawn()
    return idle_deaths


def _halt(workers: dict, kernel_pids: dict, grace: float) -> None:
    """Stop ``workers``: SIGTERM (each kills its kernel and cleans up), then SIGKILL for any still there
    after ``grace`` seconds, and their kernels with them."""
    for p in workers.values():
        if p.is_alive():
            p.terminate()
    deadline = time.monotonic() + grace
    for wid, p in workers.items():
        p.join(timeout=max(0.0, deadline - time.monotonic()))
        if p.is_alive():
            p.kill()
            p.join(timeout=5)
        pid = kernel_pids.get(wid)
        if pid and (p.exitcode is None or p.exitcode < 0):  # killed before it could stop its kernel (own session)
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
