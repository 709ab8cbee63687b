"""A whole batch in one call: plan, execute and refresh the index pages, under the output folder's lock.

A run is three steps, each usable alone: :func:`~dti_helpers.batch.plan.plan`
(what to build and why), :func:`~dti_helpers.batch.pool.execute` (the worker
processes) and :func:`~dti_helpers.batch.summary.summary` (the final table).
:func:`build` does the first two under the lock, recording each report in
``manifest.db`` as it finishes, then writes the index pages. Whatever stops it
(Ctrl-C, SIGTERM, SIGHUP, a full disk), it returns what was done, for the summary.
"""
from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from dti_helpers.batch.cleanup import remove_run_files
from dti_helpers.batch.locks import index_lock, run_lock
from dti_helpers.batch.manifest import Manifest, new_run_id
from dti_helpers.batch.plan import Plan, plan
from dti_helpers.batch.pool import Settings, execute
from dti_helpers.batch.signals import Stop, stop_signals
from dti_helpers.batch.summary import Outcome
from dti_helpers.core.fsio import os_error_line
from dti_helpers.core.labels import t
from dti_helpers.core.outfolder import claim_out_folder


def build(data, codes: list[str], settings: Settings, *, wait: bool = True, index: bool = True, notify=None,
          waiting: str | None = None, lang: str = "en", shard=None, index_only: bool = False, executor=execute,
          **selection) -> Outcome:
    """Plan and run a batch under the output folder's lock, then refresh the index pages.

    ``selection`` is passed to :func:`~dti_helpers.batch.plan.plan` (year, langs, formats,
    peers, overrides, overview, force, province_notebook). A second run on the same folder
    waits for the first, saying ``waiting`` through ``notify`` (or, with ``wait=False``, raises
    :class:`~dti_helpers.batch.locks.OutputFolderBusy`). The output folder must be one
    dti-reports may write into (:func:`~dti_helpers.core.outfolder.claim_out_folder`); a warning
    about the manifest goes to ``notify`` in ``lang``. A full disk before the reports run, or while
    the index pages are written, is one line in the outcome's ``problems``.

    ``shard`` (:class:`~dti_helpers.batch.shards.Shard`) builds its part of the batch only, beside the
    other shards (a shared lock, :mod:`~dti_helpers.batch.locks`), then rewrites the index pages from
    every report recorded so far. ``index_only`` builds nothing: the plan says what is up to date
    and what is not built yet (its ``jobs``), and the index pages are rewritten from the manifest.
    ``executor`` runs the jobs (:func:`~dti_helpers.batch.pool.execute`, or another with its signature).

    >>> build(load_dti(), ["24"], Settings(Path("reports")), year=2020)  # doctest: +SKIP
    """
    started = time.monotonic()
    notify = notify or (lambda line: print(line, file=sys.stderr, flush=True))
    out = claim_out_folder(settings.out_dir)
    settings = replace(settings, run_id=settings.run_id or new_run_id(),
                       kernel_dir=Path(settings.kernel_dir or tempfile.gettempdir()))
    p, results, problems, pages, stopped = Plan([], [], []), [], [], [], 0
    with stop_signals() as stopper:
        try:
            with run_lock(out, wait=wait, notify=notify, waiting=waiting, shard=shard and shard.name):
                manifest = Manifest(out)
                if manifest.problem:
                    notify(t("cli_warning", lang, text=manifest.problem_in(lang)))
                try:
                    p = plan(data, codes, manifest, shard=shard, **selection)
                    if index_only:
                        pages = _index(out, manifest, data, settings.run_id, problems)
                    else:
                        results, stopped, pages = _run(p, data, settings, manifest, stopper, index, problems,
                                                       executor, shared=shard is not None)
                finally:
                    manifest.close()
        except Stop as exc:  # before or after the reports ran (planning, waiting for the lock, the index)
            stopped = stopped or exc.signum
    return Outcome(p, results, bool(stopped), time.monotonic() - started, pages, signal=stopped, problems=problems)


def _run(p: Plan, data, settings: Settings, manifest: Manifest, stopper, index: bool, problems: list[str],
         executor=execute, shared: bool = False):
    """Execute plan ``p``, then write the index pages: (results, the signal that stopped it, pages written).

    A file-system failure before the reports run (a full disk) is a line of ``problems`` and nothing runs.
    With ``shared`` (a shard), other runs record into the folder meanwhile: the index pages are written
    from the manifest as it is then, read afresh, one shard at a time.
    """
    out = manifest.root
    try:
        remove_run_files(out, manifest.begin_run(settings.run_id), settings.kernel_dir)
        manifest.save()  # what planning learnt: records dropped, outputs found current by their hash
        if p.jobs:
            # the kernels read this checked copy instead of parsing and validating the data file again
            from dti_helpers.data.load import CACHE_DIR, write_validated

            write_validated(data, out / CACHE_DIR)
    except OSError as exc:
        problems.append(os_error_line(exc))
        return [], 0, []
    results, stopped = executor(p.jobs, settings, manifest, stopper=stopper)
    pages = []
    try:
        if index and not stopped and shared:
            with index_lock(out):
                seen = Manifest(out)
                try:
                    pages = _index(out, seen, data, settings.run_id, problems)
                finally:
                    seen.close()
        elif index and not stopped:
            pages = _index(out, manifest, data, settings.run_id, problems)
    except Stop as exc:  # the reports stand; the pages are written by the next run
        stopped = exc.signum
    try:
        manifest.end_run(settings.run_id)
    except OSError as exc:
        problems.append(os_error_line(exc))
    return results, stopped, pages


def _index(out: Path, manifest: Manifest, data, run_id: str, problems: list[str]) -> list[Path]:
    from dti_helpers.batch.site import write_index
    from dti_helpers.render.pdf import report_css

    try:
        return write_index(out, manifest, data, css=report_css(), tag=run_id)
    except OSError as exc:  # a full disk: the reports stand, the index is named as not written
        problems.append(os_error_line(exc))
        return []
