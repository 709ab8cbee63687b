"""The batch runner: plan which reports to (re)build, run them in parallel workers, summarise.

A run is three steps, each usable alone:

* :func:`plan` turns a selection (provinces, years, languages, formats) into
  :class:`Job` s, each with the digest of its inputs; outputs whose recorded
  digest matches are *unchanged*, provinces without data for a requested
  year are *skipped* with the reason. Planning loads no heavy library, so a
  no-op rerun takes about a second.
* :func:`execute` runs the jobs in ``jobs`` worker processes. Each worker
  keeps one warm kernel (:mod:`dti_helpers.engine`), executes the notebook
  with papermill, keeps the executed notebook for audit, renders HTML and
  PDF in-process and moves every file into place atomically. A failing,
  hanging or crashing report is recorded and the others go on.
* :func:`summary` formats the outcome as a table.

:func:`build` does all three under the output folder's lock and updates
``manifest.json`` as each report finishes.

Test hooks (environment variables, for the test suite only):
``DTI_REPORTS_TEST_FAIL=slug[,slug]`` appends a failing cell to those
provinces' notebooks, ``DTI_REPORTS_TEST_HANG=slug[,slug]`` a cell that sleeps
past any time limit; ``DTI_REPORTS_TEST_KERNEL_START_FAILURES=N`` makes the
first N kernel starts of each worker die at start-up.
"""
from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import queue
import signal
import sys
import time
import traceback
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable

from dti_helpers.batch.manifest import Manifest, inputs_digest, package_versions, remove_stale_temps, run_lock, \
    tree_digest
from dti_helpers.core.fsio import atomic_path, atomic_write, file_digest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE_DIR = Path(__file__).resolve().parents[1]
PROVINCE_NOTEBOOK = ROOT / "notebooks" / "province_report.ipynb"
OVERVIEW_NOTEBOOK = ROOT / "notebooks" / "national_overview.ipynb"
FORMATS = ("html", "pdf")
FAIL_HOOK = "DTI_REPORTS_TEST_FAIL"
HANG_HOOK = "DTI_REPORTS_TEST_HANG"
KERNEL_HOOK = "DTI_REPORTS_TEST_KERNEL_START_FAILURES"
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


@dataclass(frozen=True)
class Job:
    """One notebook execution and the outputs made from it.

    ``stem`` names every file of the job (``ha-noi-2022-vi`` →
    ``html/ha-noi-2022-vi.html``, ``pdf/…``, ``notebooks/….ipynb``,
    ``logs/….log``); ``todo`` lists the formats to (re)build and ``why`` says why.
    """

    stem: str
    label: str
    notebook: Path
    parameters: dict
    formats: tuple[str, ...]
    digest: str
    parts: dict
    meta: dict
    todo: tuple[str, ...] = ()
    why: str = ""
    html_current: bool = False

    def output(self, fmt: str) -> str:
        """Path of one output, relative to the output folder.

        >>> Job("a-2022-vi", "", Path("x"), {}, ("html",), "", {}, {}).output("pdf")
        'pdf/a-2022-vi.pdf'
        """
        return f"{fmt}/{self.stem}.{fmt}"

    @property
    def executed_notebook(self) -> str:
        """Path of the executed notebook kept for audit, relative to the output folder."""
        return f"notebooks/{self.stem}.ipynb"

    @property
    def log(self) -> str:
        """Path of the job's log, relative to the output folder."""
        return f"logs/{self.stem}.log"


@dataclass(frozen=True)
class Skipped:
    """A requested report that will not be built, and why (e.g. no published data that year)."""

    label: str
    reason: str


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


@dataclass
class Plan:
    """Jobs to run, jobs already up to date, and requests skipped with a reason."""

    jobs: list[Job]
    unchanged: list[Job]
    skipped: list[Skipped]


@dataclass(frozen=True)
class Settings:
    """How to run jobs: where outputs go, parallelism, limits and the renderers.

    ``to_html(nb, lang=...) -> str`` and ``to_pdf(html, path)`` turn an executed
    notebook into the report files (default: :mod:`dti_helpers.render`).
    """

    out_dir: Path
    jobs: int = 1
    timeout: float = 600.0
    kernel_name: str = "python3"
    kernel_reuse: int = 25
    to_html: Callable | None = None
    to_pdf: Callable | None = None
    progress: bool = True


# ---------------------------------------------------------------- planning

@lru_cache(maxsize=1)
def _packages_digest() -> str:
    # Installed versions are read once per process: a library upgraded under a running session
    # shows in the next process (reading ~20 package metadata per job would slow planning).
    return inputs_digest(package_versions())


def input_parts(notebook: Path, data_file: Path, parameters: dict) -> dict:
    """The inputs a report depends on, as digests.

    The package source is digested on every call, so an edit made in a long-lived session
    (a notebook kernel, a test run) counts; each file is re-read only when its path, size or
    modification time changed (:func:`~dti_helpers.manifest.file_digest`).

    >>> parts = input_parts(PACKAGE_DIR / "__init__.py", PACKAGE_DIR / "__init__.py", {"lang": "vi"})
    >>> sorted(parts)
    ['data', 'notebook', 'packages', 'parameters', 'source']
    """
    return {"notebook": file_digest(notebook), "source": tree_digest(PACKAGE_DIR), "data": file_digest(data_file),
            "parameters": parameters, "packages": _packages_digest()}


def _why(manifest: Manifest, job: Job, fmt: str, force: bool) -> str:
    """Why an output must be built (empty when it is current)."""
    out = job.output(fmt)
    if force:
        return "forced"
    if manifest.current(out, job.digest):
        return ""
    entry = manifest.entries.get(out)
    if not entry:
        return "new"
    if entry.get("inputs") == job.digest:
        return "output missing or altered"
    old = entry.get("parts", {})
    changed = [k for k, v in job.parts.items() if old.get(k) != v]
    return "changed: " + ", ".join(changed or ["inputs"])


def finalize(jobs: list[Job], manifest: Manifest, force: bool = False) -> tuple[list[Job], list[Job]]:
    """Split jobs into those with something to build (``todo`` set) and those up to date.

    >>> finalize([], Manifest("/nonexistent"))
    ([], [])
    """
    todo, unchanged = [], []
    for job in jobs:
        reasons = {fmt: _why(manifest, job, fmt, force) for fmt in job.formats}
        need = tuple(fmt for fmt in job.formats if reasons[fmt])
        if need:
            why = "; ".join(sorted(set(reasons[f] for f in need)))
            html_current = not force and manifest.current(job.output("html"), job.digest)
            todo.append(replace(job, todo=need, why=why, html_current=html_current))
        else:
            unchanged.append(job)
    return todo, unchanged


def make_job(stem: str, label: str, notebook: Path, data_file: Path, parameters: dict, formats: tuple[str, ...],
             meta: dict) -> Job:
    """A :class:`Job` with the digest of its inputs.

    >>> j = make_job("x-2022-vi", "X", PACKAGE_DIR / "__init__.py", PACKAGE_DIR / "__init__.py", {"a": 1}, ("html",), {})
    >>> len(j.digest)
    64
    """
    parts = input_parts(notebook, data_file, parameters)
    return Job(stem, label, notebook, parameters, tuple(formats), inputs_digest(parts), parts, meta)


def province_jobs(data, codes: list[str], *, year: int | None, langs: tuple[str, ...], formats: tuple[str, ...],
                  peers: str = "region", data_path: str | None = None, overrides: dict | None = None,
                  notebook: Path = PROVINCE_NOTEBOOK) -> tuple[list[Job], list[Skipped]]:
    """One job per province and language; the year each report covers is decided here.

    Without ``year``, each province gets its own latest year with any published
    value (so every province has a report). With ``year``, a province with no
    published value that year is skipped with the reason, not failed.
    ``overrides`` maps a code to parameters (``year``, ``peers``) for that
    province only.

    >>> from dti_helpers import load_dti
    >>> jobs, skipped = province_jobs(load_dti(), ["02", "24"], year=2020, langs=("vi",), formats=("html",))
    >>> [j.stem for j in jobs], [s.reason for s in skipped]
    (['bac-giang-2020-vi'], ['no published DTI figure for Hà Giang in 2020 (years with data: 2022)'])
    """
    from dti_helpers.analysis.province import years_with_data

    jobs, skipped = [], []
    for code in codes:
        row = data.provinces.loc[code]
        opts = {"year": year, "peers": peers, **(overrides or {}).get(code, {})}
        available = years_with_data(data, code)
        y = opts["year"] if opts["year"] is not None else (available[-1] if available else None)
        for lang in langs:
            if y is None or y not in available:
                have = ", ".join(map(str, available)) or "none"
                skipped.append(Skipped(f"{row['name']} {y} ({lang})",
                                       f"no published DTI figure for {row['name']} in {y} (years with data: {have})"))
                continue
            # The same parameters render.render_report passes, so both paths give the same report.
            params = {"province": code, "year": int(y), "lang": lang, "peers": opts["peers"],
                      "data_path": data_path}
            meta = {"kind": "province", "code": code, "slug": row["slug"], "year": int(y), "lang": lang}
            jobs.append(make_job(f"{row['slug']}-{y}-{lang}", f"{row['name']} {y} ({lang})", notebook, data.path,
                                 params, formats, meta))
    return jobs, skipped


def overview_jobs(data, *, year: int | None, langs: tuple[str, ...], formats: tuple[str, ...],
                  data_path: str | None = None, notebook: Path = OVERVIEW_NOTEBOOK) -> list[Job]:
    """The national overview's jobs: one per language for ``year``, or for every assessed year.

    Every year gets its own overview by default: coverage differs so much between years (2022 has
    every rank, 2024 a handful) that the latest year alone would hide most of what is published.

    >>> from dti_helpers import load_dti
    >>> [j.stem for j in overview_jobs(load_dti(), year=2022, langs=("vi", "en"), formats=("html",),
    ...                                 notebook=PACKAGE_DIR / "__init__.py")]
    ['national-overview-2022-vi', 'national-overview-2022-en']
    >>> len(overview_jobs(load_dti(), year=None, langs=("vi",), formats=("html",), notebook=PACKAGE_DIR / "__init__.py"))
    5
    """
    years = [int(year)] if year is not None else [int(y) for y in data.years("63")]
    return [make_job(f"national-overview-{y}-{lang}", f"national overview {y} ({lang})", notebook, data.path,
                     {"year": y, "lang": lang, "data_path": data_path}, formats,
                     {"kind": "overview", "year": y, "lang": lang})
            for y in reversed(years) for lang in langs]


def plan(data, codes: list[str], manifest: Manifest, *, year: int | None = None, langs=("vi",), formats=FORMATS,
         peers: str = "region", overrides: dict | None = None, overview: bool = False, force: bool = False,
         province_notebook: Path = PROVINCE_NOTEBOOK, overview_notebook: Path = OVERVIEW_NOTEBOOK) -> Plan:
    """Everything a run would do, without doing it (``--dry-run`` prints this).

    >>> from dti_helpers import load_dti
    >>> p = plan(load_dti(), ["24"], Manifest("/nonexistent"), year=2020, formats=("html",))
    >>> [(j.stem, j.todo, j.why) for j in p.jobs]
    [('bac-giang-2020-vi', ('html',), 'new')]
    """
    from dti_helpers.data.load import DEFAULT_PATH

    data_path = None if Path(data.path).resolve() == DEFAULT_PATH else str(Path(data.path).resolve())
    jobs, skipped = province_jobs(data, codes, year=year, langs=tuple(langs), formats=tuple(formats), peers=peers,
                                  data_path=data_path, overrides=overrides, notebook=province_notebook)
    if overview:
        jobs += overview_jobs(data, year=year, langs=tuple(langs), formats=tuple(formats), data_path=data_path,
                              notebook=overview_notebook)
    todo, unchanged = finalize(jobs, manifest, force)
    return Plan(todo, unchanged, skipped)


# ---------------------------------------------------------------- workers

class _Kernels:
    """A worker's warm kernel: started for its first job with the notebook's imports run ahead, then reused
    for the next jobs, and replaced when a run broke it or it served ``kernel_reuse`` reports."""

    def __init__(self, settings: Settings, log_path: Path):
        # The kernel process's own output (start-up warnings, a crash) goes to ``log_path``.
        self.settings = settings
        self.log_path = log_path
        self.kernel = None
        self.warm_code: dict[Path, str] = {}
        self.bad_starts = int(os.environ.get(KERNEL_HOOK, "0") or 0)

    def get(self, notebook: Path, read_nb):
        from dti_helpers.render import engine

        k = self.kernel
        if k is not None and (k.broken or k.uses >= self.settings.kernel_reuse or not k.alive()):
            self.close()
        if self.kernel is None:
            if notebook not in self.warm_code:
                self.warm_code[notebook] = engine.warm_code_for(read_nb())
            code = self.warm_code[notebook]
            bad, self.bad_starts = self.bad_starts, 0
            self.kernel = engine.start_kernel(self.settings.kernel_name, code, cwd=notebook.parent,
                                              bad_first_starts=bad, output=self.log_path)
        return self.kernel

    def release(self) -> None:
        if self.kernel is not None and not self.kernel.broken:
            self.kernel.reset()

    def close(self) -> None:
        if self.kernel is not None:
            self.kernel.shutdown()
            self.kernel = None


def _one_line(exc: BaseException) -> str:
    from dti_helpers.core.errors import DTIError

    text = (str(exc) if isinstance(exc, DTIError) else f"{type(exc).__name__}: {exc}").strip().splitlines()
    return text[0] if text else type(exc).__name__


# Test hooks: environment variable -> the cell appended to a listed province's notebook.
HOOK_CELLS = {
    FAIL_HOOK: "raise RuntimeError('test hook DTI_REPORTS_TEST_FAIL: this report fails on purpose')",
    HANG_HOOK: "import time\ntime.sleep(3600)  # test hook DTI_REPORTS_TEST_HANG: runs past any time limit",
}


def _hooked(notebook: Path, slug: str, cache: dict) -> Path:
    """Test hooks: a copy of ``notebook`` ending with a failing (or hanging) cell when ``slug`` is listed."""
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


def run_job(job: Job, settings: Settings, kernels: _Kernels, hooked: dict) -> Result:
    """Build one job's outputs (runs inside a worker); never raises for a report problem.

    A failure is returned as a :class:`Result` with status ``failed`` and a one-line
    ``error``; the job's log (``logs/<stem>.log``) is written either way.

    >>> from dti_helpers import load_dti
    >>> from dti_helpers.render import report as render
    >>> settings = Settings(Path("/tmp/reports"), to_html=render.notebook_to_html, to_pdf=render.html_to_pdf)
    >>> job = plan(load_dti(), ["24"], Manifest("/nonexistent"), year=2020).jobs[0]
    >>> run_job(job, settings, _Kernels(settings, Path("/tmp/kernel.out")), {}).status  # doctest: +SKIP
    'ok'
    """
    import nbformat

    from papermill.log import logger as papermill_log

    from dti_helpers.render import engine
    from dti_helpers.render.report import RenderError, execute_notebook

    out = Path(settings.out_dir)
    started = time.monotonic()
    lines = [f"{time.strftime('%Y-%m-%d %H:%M:%S')} {job.label}", f"parameters: {job.parameters}",
             f"formats: {', '.join(job.todo)} ({job.why})", f"inputs: {job.digest}"]
    note = lambda msg: lines.append(f"{time.monotonic() - started:7.2f}s {msg}")  # noqa: E731
    result = Result(job.stem, job.label, "failed", log=job.log)
    try:
        if job.todo == ("pdf",) and job.html_current:
            html = (out / job.output("html")).read_text(encoding="utf-8")
            note("HTML is current: PDF rendered from it, notebook not re-run")
        else:
            notebook = _hooked(job.notebook, job.meta.get("slug", ""), hooked)
            kernel = kernels.get(job.notebook, lambda: nbformat.read(notebook, as_version=4))
            note(f"kernel pid {kernel.pid}, use {kernel.uses + 1}"
                 + (f"; warm-up failed: {kernel.warm_error}" if kernel.warm_error else ""))
            stream = _LogStream(lines)
            handler = logging.StreamHandler(stream)  # papermill's and nbclient's messages go to the job's log
            papermill_log.addHandler(handler)
            try:
                nb = execute_notebook(job.parameters, out / job.executed_notebook, notebook=notebook,
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
            html = settings.to_html(nb)
            note("HTML rendered")
        for fmt in job.todo:
            target = out / job.output(fmt)
            with atomic_path(target) as tmp_out:
                if fmt == "html":
                    tmp_out.write_text(html, encoding="utf-8")
                else:
                    settings.to_pdf(html, tmp_out)
            result.outputs[job.output(fmt)] = {"sha256": file_digest(target), "bytes": target.stat().st_size}
            note(f"{fmt.upper()} written: {job.output(fmt)}")
        result.status = "ok"
    except Exception as exc:  # noqa: BLE001 - one report's failure must not stop the batch
        result.error = _one_line(exc)
        note(f"FAILED: {result.error}")
        lines.append(traceback.format_exc())
    finally:
        result.seconds = time.monotonic() - started
        lines.append(f"status: {result.status} in {result.seconds:.1f}s")
        atomic_write(out / job.log, "\n".join(lines) + "\n")
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


def _terminate(signum, frame):
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise SystemExit(143)


def _worker(wid: int, settings: Settings, tasks, events) -> None:
    """Worker process: warm a kernel, then build jobs until the sentinel ``None`` arrives."""
    # Ctrl-C reaches the whole process group: only the parent decides; it stops workers with SIGTERM,
    # which raises SystemExit here so that kernels stop and temporary files go.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _terminate)
    logging.getLogger("papermill").propagate = False  # each job routes it to its own log
    out = Path(settings.out_dir)
    kernels = _Kernels(settings, out / "logs" / f".kernel-worker-{wid}.out")
    hooked: dict = {}
    try:
        job = tasks.get()
        while job is not None:
            events.put(("start", wid, job.stem, None))
            result = run_job(job, settings, kernels, hooked)
            events.put(("done", wid, job.stem, result))
            if kernels.kernel is not None:
                events.put(("kernel", wid, job.stem, kernels.kernel.pid))
            job = tasks.get()
    finally:
        kernels.close()


# ---------------------------------------------------------------- execution

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
    >>> manifest = Manifest("/tmp/reports")
    >>> p = plan(load_dti(), ["24"], manifest, year=2020, force=True)
    >>> results, interrupted = execute(p.jobs, Settings(manifest.root, jobs=2), manifest)  # doctest: +SKIP
    >>> [r.status for r in results], interrupted  # doctest: +SKIP
    (['ok'], False)
    """
    if not jobs:
        return [], False
    if settings.to_html is None or settings.to_pdf is None:
        from dti_helpers.render import report as render

        settings = replace(settings, to_html=settings.to_html or render.notebook_to_html,
                           to_pdf=settings.to_pdf or render.html_to_pdf)
    # Imported before forking so that workers share these pages instead of importing them again.
    import nbconvert  # noqa: F401
    import nbformat  # noqa: F401
    import papermill  # noqa: F401

    from dti_helpers.render import engine  # noqa: F401

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
        p = ctx.Process(target=_worker, args=(wid, settings, tasks, events), name=f"dti-worker-{wid}", daemon=True)
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


@dataclass
class Outcome:
    """What :func:`build` did."""

    plan: Plan
    results: list[Result]
    interrupted: bool
    seconds: float
    pages: list[Path]

    @property
    def failed(self) -> list[Result]:
        """Reports that failed."""
        return [r for r in self.results if r.status == "failed"]

    @property
    def exit_code(self) -> int:
        """130 when interrupted, 1 when any report failed, else 0.

        >>> Outcome(Plan([], [], []), [], False, 0.0, []).exit_code
        0
        """
        return 130 if self.interrupted else 1 if self.failed else 0


def build(data, codes: list[str], settings: Settings, *, wait: bool = True, index: bool = True, notify=None,
          **selection) -> Outcome:
    """Plan and run a batch under the output folder's lock, then refresh the index pages.

    ``selection`` is passed to :func:`plan` (year, langs, formats, peers,
    overrides, overview, force). A second run on the same folder waits for the
    first (or, with ``wait=False``, raises :class:`~dti_helpers.manifest.OutputFolderBusy`).

    >>> build(load_dti(), ["24"], Settings(Path("reports")), year=2020)  # doctest: +SKIP
    """
    started = time.monotonic()
    notify = notify or (lambda line: print(line, file=sys.stderr, flush=True))
    out = Path(settings.out_dir)
    with run_lock(out, wait=wait, notify=notify):
        manifest = Manifest(out)
        if manifest.problem:
            notify(manifest.problem)
        remove_stale_temps(out)
        p = plan(data, codes, manifest, **selection)
        results, interrupted = execute(p.jobs, settings, manifest)
        pages = []
        if index and not interrupted:
            from dti_helpers.batch.site import write_index

            pages = write_index(out, manifest, data)
    return Outcome(p, results, interrupted, time.monotonic() - started, pages)


# ---------------------------------------------------------------- summary

def _fmt_seconds(s: float) -> str:
    """Seconds as ``1m 05s`` or ``4.2s``.

    >>> _fmt_seconds(65.2), _fmt_seconds(4.24)
    ('1m 05s', '4.2s')
    """
    return f"{int(s // 60)}m {int(s % 60):02d}s" if s >= 60 else f"{s:.1f}s"


def summary(results: list[Result], unchanged: list[Job], skipped: list[Skipped], wall: float,
            out_dir: Path | None = None, interrupted: bool = False) -> str:
    """The final table: how many reports were built, skipped or failed, and the time.

    Failed reports are named with their error, executed notebook and log.

    >>> print(summary([Result("a-2022-vi", "A 2022 (vi)", "ok", 2.0)], [], [Skipped("B 2020 (vi)", "no data")], 3.0))
    status               reports   time
    built (ok)                 1   2.0s
    skipped, up to date        0
    skipped, no data           1
    failed                     0
    total                      2   3.0s wall clock
    <BLANKLINE>
    skipped:
      B 2020 (vi): no data
    """
    ok = [r for r in results if r.status == "ok"]
    failed = [r for r in results if r.status == "failed"]
    rows = [("built (ok)", len(ok), _fmt_seconds(sum(r.seconds for r in ok))),
            ("skipped, up to date", len(unchanged), ""), ("skipped, no data", len(skipped), ""),
            ("failed", len(failed), _fmt_seconds(sum(r.seconds for r in failed)) if failed else ""),
            ("total", len(ok) + len(unchanged) + len(skipped) + len(failed), _fmt_seconds(wall) + " wall clock")]
    lines = [f"{'status':<20} {'reports':>7}   time"]
    lines += [f"{name:<20} {n:>7}   {t}".rstrip() for name, n, t in rows]
    where = (lambda rel: str(Path(out_dir) / rel)) if out_dir else (lambda rel: rel)
    if failed:
        lines += ["", "failed:"]
        for r in failed:
            lines.append(f"  {r.stem}: {r.error}")
            if r.notebook:
                lines.append(f"    executed notebook: {where(r.notebook)}")
            lines.append(f"    log: {where(r.log)}")
    if skipped:
        lines += ["", "skipped:"] + [f"  {s.label}: {s.reason}" for s in skipped]
    if interrupted:
        lines += ["", "interrupted: finished reports were kept; run again to complete the rest"]
    return "\n".join(lines)
