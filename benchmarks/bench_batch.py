#!/usr/bin/env python3
"""How fast is the batch? Three ways to make the same reports, timed in one run on one machine.

(a) naive: a shell loop that, per province, runs the papermill CLI, then the
    nbconvert CLI, then the WeasyPrint CLI, one after the other;
(b) ``run_reports.py`` on the same provinces and formats (fresh output folder);
(c) the in-process floor: the same analysis, charts, HTML and PDF rendering
    called directly in one Python process, without any kernel;
(d) the same floor in as many processes as ``--jobs`` (the provinces dealt out among them),
    which is what (b) is compared with: like with like.

It also times three no-op reruns of (b) (printing their median: one start of Python is at the mercy
of the machine's noise) and measures the peak memory of (b)'s whole
process tree (proportional set size, polled from /proc, so shared pages count
once). It prints those, the four times, then exactly two lines (the floor is (d))::

    naive/run_reports: 3.4x
    run_reports/floor: 2.1x

``--plan-only --synthetic N`` renders nothing: it times planning N synthetic jobs (labelled
synthetic, in a temporary folder, never data/ or reports/), recording each one in the manifest
as the batch does after every report, and planning them again once all are up to date.

Usage: ``python benchmarks/bench_batch.py [--provinces N] [--jobs N] [--format html,pdf]``
(default: all 63 provinces, HTML and PDF, --jobs = CPU count), or
``python benchmarks/bench_batch.py --plan-only --synthetic 10000``. Targets for 63 provinces on a
2-core machine (issue 12): naive/run_reports >= 7, run_reports/floor <= 1.25 against the floor with
as many processes as --jobs, no-op rerun < 0.5 s, peak memory < 1 GB at --jobs 2; planning and
recording 10,000 synthetic jobs < 5 s.
"""
from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
BIN = Path(PY).parent
NOTEBOOK = ROOT / "notebooks" / "province_report.ipynb"


def selection(n: int) -> list[tuple[str, str, int]]:
    """(code, slug, year) of the first ``n`` provinces by code, each with its latest year with data."""
    from dti_helpers import load_dti
    from dti_helpers.analysis.province import latest_year

    data = load_dti()
    return [(code, row["slug"], latest_year(data, code)) for code, row in data.provinces.head(n).iterrows()]


def naive(provinces, formats, work: Path) -> float:
    """(a) One shell loop: papermill CLI → nbconvert CLI → WeasyPrint CLI, per province."""
    lines = ["set -e"]
    for code, slug, year in provinces:
        nb = work / "notebooks" / f"{slug}-{year}-vi.ipynb"
        html = work / "html" / f"{slug}-{year}-vi.html"
        lines.append(f"{BIN / 'papermill'} --no-progress-bar --log-level ERROR {NOTEBOOK} {nb} "
                     f"-p province {code} -p year {year} -p lang vi")
        lines.append(f"{BIN / 'jupyter'} nbconvert --log-level ERROR --to html --no-input {nb} "
                     f"--output-dir {html.parent}")
        if "pdf" in formats:
            lines.append(f"{BIN / 'weasyprint'} {html} {work / 'pdf' / html.with_suffix('.pdf').name}")
    for sub in ("notebooks", "html", "pdf"):
        (work / sub).mkdir(parents=True, exist_ok=True)
    script = work / "naive.sh"
    script.write_text("\n".join(lines) + "\n")
    started = time.monotonic()
    subprocess.run(["bash", str(script)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.monotonic() - started


def _tree(pid: int) -> list[int]:
    """``pid`` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(children.get(p, []))
    return found


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_reports(provinces, formats, jobs: int, out: Path, force: bool = True) -> tuple[float, int]:
    """(b) run_reports.py on the provinces; returns (seconds, peak PSS of its process tree in KiB)."""
    # --units 63: the codes name provinces of the 63, as the naive loop's do (not also the 34 units)
    cmd = [PY, str(ROOT / "run_reports.py"), *[code for code, _, _ in provinces], "--out", str(out),
           "--jobs", str(jobs), "--format", ",".join(formats), "--lang", "vi", "--units", "63"]
    cmd += ["--force"] if force else []
    peak = 0
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done = threading.Event()

    def poll():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, sum(_pss_kib(p) for p in _tree(proc.pid)))
            done.wait(0.1)

    watcher = threading.Thread(target=poll, daemon=True)
    watcher.start()
    code = proc.wait()
    seconds = time.monotonic() - started
    done.set()
    watcher.join()
    if code != 0:
        raise SystemExit(f"run_reports.py failed (exit {code}): {shlex.join(cmd)}")
    return seconds, peak


def floor(provinces, formats, out: Path, processes: int = 1) -> float:
    """(c) The same work in ``processes`` fresh Python processes at once, no kernel, the provinces dealt out
    among them (one process: (c); as many as --jobs: (d)); timed from the first start to the last end."""
    parts = [provinces[k::processes] for k in range(max(1, min(processes, len(provinces))))]
    started = time.monotonic()
    procs = [subprocess.Popen([PY, __file__, "--floor-worker", ";".join(f"{code}:{year}" for code, _, year in part),
                               "--format", ",".join(formats), "--out", str(out)], cwd=ROOT) for part in parts]
    codes = [p.wait() for p in procs]
    if any(codes):
        raise SystemExit(f"the floor failed (exit codes {codes})")
    return time.monotonic() - started


def plan_only(n: int) -> None:
    """``--plan-only --synthetic N``: time planning and manifest recording for ``n`` synthetic jobs, no rendering.

    The jobs are made as the planner makes a province's (their inputs digested: notebook, source, data,
    parameters), named ``synthetic-<k>-2022-vi`` and labelled synthetic; their "outputs" are a line of
    text each, written in a temporary folder beforehand (not timed).
    """
    import hashlib

    from dti_helpers.batch.manifest import Manifest
    from dti_helpers.batch.plan import PROVINCE_NOTEBOOK, common_parts, finalize, make_job
    from dti_helpers.batch.pool import record_result
    from dti_helpers.batch.worker import Result

    with tempfile.TemporaryDirectory(prefix="dti-bench-synthetic-") as tmp:
        out = Path(tmp)
        (out / "html").mkdir()
        started = time.monotonic()
        manifest = Manifest(out)
        common = common_parts(PROVINCE_NOTEBOOK, "synthetic")  # as the planner shares them among a plan's jobs
        jobs = [make_job(f"synthetic-{k:06d}-2022-vi", f"Synthetic unit {k} 2022 (vi) [synthetic]", PROVINCE_NOTEBOOK,
                         "synthetic", {"province": f"synthetic-{k}", "year": 2022, "lang": "vi"}, ("html",),
                         # recorded as a province's report is (the manifest knows no other kind), named synthetic
                         {"kind": "province", "code": f"synthetic-{k}", "slug": f"synthetic-{k}", "year": 2022,
                          "lang": "vi", "units": "63", "synthetic": True}, common)
                 for k in range(n)]
        todo, _ = finalize(jobs, manifest)
        t_plan = time.monotonic() - started
        results = []
        for job in todo:
            text = f"synthetic output of {job.stem} (no DTI figure)\n".encode()
            (out / job.output("html")).write_bytes(text)
            results.append(Result(job.stem, job.label, "ok", 0.0, {job.output("html"): {
                "sha256": hashlib.sha256(text).hexdigest(), "bytes": len(text)}}, log=job.log))
        started = time.monotonic()
        for job, result in zip(todo, results):
            record_result(manifest, job, result)  # one transaction per report, as the batch records them
        manifest.close()
        t_record = time.monotonic() - started
        started = time.monotonic()
        again = Manifest(out)
        rerun, unchanged = finalize(jobs, again)
        again.close()
        t_replan = time.monotonic() - started
    assert not rerun and len(unchanged) == n, "synthetic jobs not found up to date"
    print(f"DTI planning benchmark: {n} synthetic jobs (no rendering), {os.cpu_count()} CPUs")
    print(f"plan {n} synthetic jobs: {t_plan:.2f} s")
    print(f"record {n} synthetic reports in the manifest, one transaction each: {t_record:.2f} s")
    print(f"plan them again, all up to date: {t_replan:.2f} s")
    print(f"planning and recording: {t_plan + t_record:.2f} s")


def floor_worker(spec: str, formats: tuple[str, ...], out: Path) -> None:
    """Body of (c): the report's sections built in-process, exported with the report's own renderer."""
    import nbformat

    from dti_helpers import report
    from dti_helpers.render.report import html_to_pdf, notebook_to_html

    out.mkdir(parents=True, exist_ok=True)
    for item in spec.split(";"):
        code, year = item.split(":")
        rep = report.setup(code, int(year), "vi")
        cells = []
        for section in report.build(rep):
            data, meta = section._repr_mimebundle_()
            cells.append(nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output("display_data", data=data,
                                                                                  metadata=meta)]))
        html = notebook_to_html(nbformat.v4.new_notebook(cells=cells))
        stem = rep.params.stem
        (out / f"{stem}.html").write_text(html, encoding="utf-8")
        if "pdf" in formats:
            html_to_pdf(html, out / f"{stem}.pdf")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--provinces", type=int, default=63, help="how many provinces (default: all 63)")
    parser.add_argument("--jobs", type=int, default=None, help="run_reports.py --jobs (default: the CPU count)")
    parser.add_argument("--format", default="html,pdf", help="formats (default: html,pdf)")
    parser.add_argument("--plan-only", action="store_true", help="time planning and recording only (with --synthetic)")
    parser.add_argument("--synthetic", type=int, default=10_000, metavar="N",
                        help="--plan-only: how many synthetic jobs (default: 10000)")
    parser.add_argument("--floor-worker", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    formats = tuple(f for f in args.format.split(",") if f)
    if args.floor_worker:
        floor_worker(args.floor_worker, formats, Path(args.out))
        return 0
    if args.plan_only:
        plan_only(max(1, args.synthetic))
        return 0
    from dti_helpers.batch.pool import default_jobs

    jobs = args.jobs or default_jobs()
    provinces = selection(max(1, min(63, args.provinces)))
    with tempfile.TemporaryDirectory(prefix="dti-bench-") as tmp:
        work = Path(tmp)
        print(f"DTI batch benchmark: {len(provinces)} provinces, {','.join(formats)}, lang vi, --jobs {jobs}, "
              f"{os.cpu_count()} CPUs", flush=True)
        t_naive = naive(provinces, formats, work / "naive")
        t_batch, peak = run_reports(provinces, formats, jobs, work / "run_reports")
        noops = []
        for _ in range(3):
            started = time.monotonic()
            run_reports(provinces, formats, jobs, work / "run_reports", force=False)
            noops.append(time.monotonic() - started)
        t_noop = sorted(noops)[1]
        t_floor1 = floor(provinces, formats, work / "floor")
        t_floor = floor(provinces, formats, work / "floor-jobs", jobs)
    print(f"no-op rerun of run_reports.py: {t_noop:.2f} s (median of {', '.join(f'{t:.2f}' for t in noops)})")
    print(f"peak memory of the batch (PSS of its process tree) at --jobs {jobs}: {peak / 1024 ** 2:.2f} GB")
    print(f"(a) naive loop (papermill, nbconvert, weasyprint CLIs per province): {t_naive:.1f} s")
    print(f"(b) run_reports.py: {t_batch:.1f} s")
    print(f"(c) in-process floor (one process, no kernel): {t_floor1:.1f} s")
    print(f"(d) in-process floor in {jobs} processes (as --jobs, no kernel): {t_floor:.1f} s")
    print(f"naive/run_reports: {t_naive / t_batch:.1f}x")
    print(f"run_reports/floor: {t_batch / t_floor:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
