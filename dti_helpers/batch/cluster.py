"""Running a batch's jobs on a ``dask.distributed`` cluster (``--scheduler ADDRESS``, or ``local``).

Each Dask worker keeps one warm kernel (:class:`KernelPlugin`, a ``WorkerPlugin``) and builds a
report in a scratch folder of its own; it returns the bytes of every file it made (the outputs, the
executed notebook, the log) and deletes them. The client alone writes files into the output folder
and records them in the manifest, as the local pool does, so the folder's rules (atomic writes, the
run's temporary files, the manifest) are the same whichever runs the jobs. The workers need this
project (the same version, at the same path) and, with ``--data``, the data files at the same paths.
``local`` starts a ``LocalCluster`` of ``--jobs`` worker processes on this machine.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from dti_helpers.batch.cleanup import remove_run_files
from dti_helpers.batch.manifest import Manifest, new_run_id
from dti_helpers.batch.plan import Job
from dti_helpers.batch.pool import record_finished, result_line
from dti_helpers.batch.signals import Stopper, stop_signals
from dti_helpers.batch.worker import Kernels, Result, Settings, run_job
from dti_helpers.core.fsio import atomic_write
from dti_helpers.core.lifetime import is_running

PLUGIN = "dti-reports-kernels"
CONNECT_SECONDS = 10
END_SECONDS = 3  # at most, for a stopped local cluster's workers to end


class KernelPlugin(WorkerPlugin):
    """A Dask worker's warm kernel and scratch folder, for every report that worker builds.

    >>> plugin = KernelPlugin(Settings(Path("/tmp/reports")))
    >>> plugin.kernels is None
    True
    """

    name = PLUGIN

    def __init__(self, settings: Settings):
        self.settings = settings
        self.kernels: Kernels | None = None
        self.scratch: Path | None = None
        self.lock = None  # made on the worker (a lock cannot travel)
        self.hooked: dict = {}
        self.sigint = None  # the worker's own SIGINT handler, while the plugin ignores SIGINT

    def setup(self, worker=None) -> None:
        """Make the scratch folder and the (not yet started) kernel of this worker."""
        self.lock = threading.Lock()  # a worker with several threads still builds one report at a time
        if threading.current_thread() is threading.main_thread():
            # A Ctrl-C at the terminal reaches a local cluster's workers too (the process group): the
            # client alone stops the batch, so a worker restarted after the cluster started must not
            # print a KeyboardInterrupt traceback of its own.
            self.sigint = signal.signal(signal.SIGINT, signal.SIG_IGN)
        # inside the worker's own Dask folder: a local cluster's goes with the cluster, even when a stop ends
        # the worker while the report it was building still writes here
        self.scratch = Path(tempfile.mkdtemp(prefix=f"{self.settings.run_id or 'dti'}-dask-",
                                             dir=getattr(worker, "local_directory", None)))
        self.settings = replace(self.settings, out_dir=self.scratch, progress=False,
                                kernel_dir=Path(tempfile.gettempdir()))
        for sub in ("notebooks", "logs", "html", "pdf", "csv", "xlsx"):
            (self.scratch / sub).mkdir()
        wid = abs(hash(getattr(worker, "address", ""))) % 10_000
        self.kernels = Kernels(self.settings, self.scratch / "logs" / ".kernel.out", wid)

    def teardown(self, worker=None) -> None:
        """Stop the kernel and remove the scratch folder."""
        if self.kernels is not None:
            self.kernels.close()
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
        if self.sigint is not None and threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, self.sigint)  # a `dask worker` of the operator's again
            self.sigint = None

    def build(self, job: Job, given: dict[str, bytes]) -> tuple[Result, dict[str, bytes]]:
        """Build ``job`` here (``given``: files it reads, such as its current HTML); return the result and the
        bytes of each file made, by path relative to the output folder."""
        with self.lock:
            for rel, data in given.items():
                (self.scratch / rel).write_bytes(data)
            result = run_job(job, self.settings, self.kernels, self.hooked)
            made = {}
            for rel in [*result.outputs, result.notebook, result.log]:
                path = self.scratch / rel if rel else None
                if path is not None and path.is_file():
                    made[rel] = path.read_bytes()
            for rel in [*made, *given]:
                (self.scratch / rel).unlink(missing_ok=True)
            # papermill records where it wrote the notebook: the output folder's path, not this scratch folder's
            note = result.notebook
            if note in made:
                made[note] = made[note].replace(str(self.scratch).encode(), str(job_root(job)).encode())
            return result, made


def job_root(job: Job) -> str:
    """The client's output folder, as the job carries it (set by :func:`cluster_executor`'s run).

    >>> job_root(Job("a", "", Path("x"), {}, (), "", {}, {"out_dir": "/tmp/reports"}))
    '/tmp/reports'
    """
    return job.meta.get("out_dir", "")


def build_on_worker(job: Job, given: dict[str, bytes]):
    """The Dask task: build ``job`` with this worker's :class:`KernelPlugin`."""
    return get_worker().plugins[PLUGIN].build(job, given)


@contextlib.contextmanager
def sigint_ignored():
    """SIGINT ignored by this process for the block, so the worker processes it starts begin with it ignored.

    A Ctrl-C at the terminal goes to the whole process group; an ignored signal stays ignored across
    fork and exec, and Python then installs no KeyboardInterrupt of its own, so a local cluster's
    workers never print one. A Ctrl-C while the cluster starts (a second or two) is ignored with them.

    >>> with sigint_ignored():
    ...     signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    True
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def end_workers(cluster) -> None:
    """End a stopped local cluster's worker processes at once (their kernels go with them).

    Their plugin's teardown has stopped the kernels and removed the scratch folders; left to
    Dask, each worker would wait seconds for the report it was building before it is killed.
    """
    pids = []
    for nanny in list(getattr(cluster, "workers", {}).values()):
        with contextlib.suppress(Exception):
            nanny.auto_restart = False  # the nanny must not start a new worker in its place
            if nanny.pid:
                os.kill(nanny.pid, signal.SIGTERM)
                pids.append(nanny.pid)
    # gone before the cluster's folder is removed: a dying worker could still write into it
    deadline = time.monotonic() + END_SECONDS
    while time.monotonic() < deadline and any(is_running(pid) for pid in pids):
        time.sleep(0.05)


def open_client(address: str, workers: int):
    """A ``distributed.Client`` of the cluster at ``address``, or of a new ``LocalCluster`` (``local``), and the
    cluster it started (``None`` for an existing one)."""
    if address == "local":
        # the workers' own scratch space goes with the cluster (Dask would leave dask-scratch-space in /tmp)
        scratch = tempfile.mkdtemp(prefix="dti-dask-")
        with sigint_ignored():
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                                   silence_logs=50, local_directory=scratch)
        cluster.dti_scratch = scratch  # removed with the cluster
        return Client(cluster), cluster
    try:
        return Client(address, timeout=CONNECT_SECONDS), None
    except Exception as exc:  # noqa: BLE001 - a wrong or unreachable address is one line, exit 2
        from dti_helpers.batch.select import UsageError

        detail = (str(exc).splitlines() or [type(exc).__name__])[0][:120]
        raise UsageError("cli_scheduler_unreachable", address=address, detail=detail) from None


def cluster_executor(address: str):
    """An executor for :func:`~dti_helpers.batch.runner.build` that runs the jobs on the Dask cluster ``address``.

    >>> callable(cluster_executor("local"))
    True
    """
    def execute(jobs: list[Job], settings: Settings, manifest: Manifest, echo=None,
                stopper: Stopper | None = None) -> tuple[list[Result], int]:
        if not jobs:
            return [], 0
        settings = replace(settings, run_id=settings.run_id or new_run_id())
        with contextlib.ExitStack() as stack:
            stopper = stopper or stack.enter_context(stop_signals())
            try:
                return _run(address, jobs, settings, manifest, echo or _echo, stopper)
            finally:
                remove_run_files(settings.out_dir, [settings.run_id])

    return execute


def _echo(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _run(address, jobs, settings: Settings, manifest: Manifest, echo, stopper: Stopper):
    out = Path(settings.out_dir)
    client, cluster = open_client(address, settings.jobs)
    results: list[Result] = []
    stopped = 0
    try:
        client.register_plugin(KernelPlugin(settings), name=PLUGIN)
        futures = {}
        for job in jobs:
            given = {job.output("html"): (out / job.output("html")).read_bytes()} if job.html_current else {}
            task = replace(job, meta={**job.meta, "out_dir": str(out)})
            futures[client.submit(build_on_worker, task, given, pure=False, key=f"{settings.run_id}-{job.stem}")] = job
        started = time.monotonic()
        for future in as_completed(futures):
            stopper.check()
            job = futures[future]
            try:
                result, made = future.result()
            except Exception as exc:  # noqa: BLE001 - a worker died or the task failed: this report only
                result, made = Result(job.stem, job.label, "failed", time.monotonic() - started,
                                      error=f"dask: {type(exc).__name__}: {exc}".splitlines()[0], log=job.log), {}
            def write(made=made):  # only the client writes: workers return the bytes
                for rel, data in made.items():
                    atomic_write(out / rel, data, settings.run_id)
            result = record_finished(manifest, job, result, stopper, results, write)
            echo(result_line(job, result))
    except KeyboardInterrupt as exc:
        stopped = getattr(exc, "signum", signal.SIGINT)
        with contextlib.suppress(Exception):
            client.cancel(list(futures))
    finally:
        with contextlib.suppress(Exception):  # the workers stop their kernels and drop their scratch folders
            client.unregister_worker_plugin(PLUGIN)
        with contextlib.suppress(Exception):
            client.close()
        if cluster is not None and stopped:
            end_workers(cluster)
        if cluster is not None:
            with contextlib.suppress(Exception):
                cluster.close()
            shutil.rmtree(cluster.dti_scratch, ignore_errors=True)
    return results, stopped

