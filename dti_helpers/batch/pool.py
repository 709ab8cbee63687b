"""Running a batch's jobs in parallel worker processes, with a watchdog and a clean Ctrl-C.

:func:`execute` runs the jobs in ``jobs`` worker processes (:mod:`dti_helpers.batch.worker`).
A failing, hanging or crashing report is recorded and the others go on; each finished
report is recorded in the manifest at once, so an interrupted run keeps what it built.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
import sys
import time
from pathlib import Path

from dti_helpers.batch.manifest import Manifest, remove_stale_temps
from dti_helpers.batch.plan import Job
from dti_helpers.batch.worker import Result, Settings, worker_main
from dti_helpers.core.fsio import atomic_write

__all__ = ["Result", "Settings", "WATCHDOG_GRACE", "default_jobs", "execute"]

WATCHDOG_GRACE = 60  # seconds a worker may overrun the report timeout (rendering) before it is killed


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


def _record(manifest: Manifest, job: Job, result: Result) -> None:
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


def execute(jobs: list[Job], settings: Settings, manifest: Manifest, echo=None) -> tuple[list[Result], bool]:
    """Run ``jobs`` in worker processes; record each finished one in ``manifest``.

    Returns the results and whether the run was interrupted (Ctrl-C). Each
    worker runs one job at a time under the report ``timeout``; a worker that
    overruns it, or dies, is replaced and its job reported failed.

    >>> execute([], Settings(Path("/tmp/reports")), Manifest("/tmp/reports"))
    ([], False)
    >>> from dti_helpers import load_dti
    >>> from dti_helpers.batch.plan import plan
    >>> manifest = Manifest("/tmp/reports")
    >>> p = plan(load_dti(), ["24"], manifest, year=2020, force=True)
    >>> results, interrupted = execute(p.jobs, Settings(manifest.root, jobs=2), manifest)  # doctest: +SKIP
    >>> [r.status for r in results], interrupted  # doctest: +SKIP
    (['ok'], False)
    """
    if not jobs:
        return [], False
    # Imported before forking so that workers share these pages instead of importing them again.
    import nbconvert  # noqa: F401
    import nbformat  # noqa: F401
    import papermill  # noqa: F401

    from dti_helpers.render import engine, html  # noqa: F401

    if any("pdf" in job.todo for job in jobs):
        import weasyprint  # noqa: F401

    echo = echo or (lambda line: print(line, file=sys.stderr, flush=True))
    out = Path(settings.out_dir)
    for sub in ("notebooks", "logs", "html", "pdf"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    ctx = multiprocessing.get_context("fork")
    tasks, events = ctx.Queue(), ctx.Queue()
    by_stem = {job.stem: job for job in jobs}
    pending = list(jobs)
    n_workers = max(1, min(settings.jobs, len(jobs)))
    workers: dict[int, multiprocessing.Process] = {}
    running: dict[int, tuple[str, float]] = {}
    kernel_pids: dict[int, int] = {}
    results: list[Result] = []
    next_wid = 0

    def spawn():
        nonlocal next_wid
        wid, next_wid = next_wid, next_wid + 1
        p = ctx.Process(target=worker_main, args=(wid, settings, tasks, events), name=f"dti-worker-{wid}", daemon=True)
        p.start()
        workers[wid] = p

    def finish(job: Job, result: Result):
        with _sigint_deferred():  # a report is recorded whole: files in place and manifest saved
            results.append(result)
            _record(manifest, job, result)
        bar.update(1)
        line = f"{result.status:<7} {job.stem:<36} {result.seconds:6.1f}s"
        if result.error:
            line += f"  {result.error}"
        (bar.write(line, file=sys.stderr) if not bar.disable else echo(line))

    for job in pending:
        tasks.put(job)
    for _ in range(n_workers):
        spawn()
    bar = _progress(len(jobs), settings)
    interrupted = False
    idle_deaths = 0
    try:
        while len(results) < len(jobs):
            try:
                kind, wid, stem, payload = events.get(timeout=1.0)
            except queue.Empty:
                kind = None
            if kind == "start":
                running[wid] = (stem, time.monotonic())
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
    except KeyboardInterrupt:
        interrupted = True
        _stop_workers(workers, kernel_pids)
        # Reports that finished while we were stopping are complete files: keep and record them.
        with contextlib.suppress(Exception):
            while True:
                kind, wid, stem, payload = events.get(timeout=0.2)
                if kind == "done" and all(r.stem != stem for r in results):
                    finish(by_stem[stem], payload)
        remove_stale_temps(out)
    finally:
        bar.close()
        for p in workers.values():
            p.join(timeout=30)
            if p.is_alive():
                p.kill()
    return results, interrupted


@contextlib.contextmanager
def _sigint_deferred():
    """Hold Ctrl-C back for the duration of the block (it is delivered right after)."""
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


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
        _stop_workers({wid: p}, kernel_pids)  # also stops the kernel a crashed worker left behind
        del workers[wid]
        if stem is not None:
            running.pop(wid, None)
            job = by_stem[stem]
            why = (f"timed out after {settings.timeout:.0f}s" if overran
                   else f"worker process died (exit code {p.exitcode})")
            # The worker could not write the job's log itself: say here what happened.
            atomic_write(Path(settings.out_dir) / job.log, f"{time.strftime('%Y-%m-%d %H:%M:%S')} {job.label}\n"
                         f"parameters: {job.parameters}\nFAILED: {why}\n")
            finish(job, Result(stem, job.label, "failed", now - since, error=why, log=job.log))
        elif p.exitcode not in (0, None):
            idle_deaths += 1
        spawn()
    return idle_deaths


def _stop_workers(workers: dict, kernel_pids: dict) -> None:
    for p in workers.values():
        if p.is_alive():
            p.terminate()
    for wid, p in workers.items():
        p.join(timeout=10)
        if p.is_alive():
            p.kill()
            p.join(timeout=10)
        pid = kernel_pids.get(wid)
        if pid and (p.exitcode is None or p.exitcode < 0):  # killed by a signal: its kernel (own session) lives on
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
