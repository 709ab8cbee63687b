"""A whole batch in one call: plan, execute and refresh the index pages, under the output folder's lock.

A run is three steps, each usable alone: :func:`~dti_helpers.batch.plan.plan`
(what to build and why), :func:`~dti_helpers.batch.pool.execute` (the worker
processes) and :func:`~dti_helpers.batch.summary.summary` (the final table).
:func:`build` does the first two under the lock, updating ``manifest.json`` as
each report finishes, then writes the index pages.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from dti_helpers.batch.manifest import Manifest, remove_stale_temps, run_lock
from dti_helpers.batch.plan import plan
from dti_helpers.batch.pool import Settings, execute
from dti_helpers.batch.summary import Outcome


def build(data, codes: list[str], settings: Settings, *, wait: bool = True, index: bool = True, notify=None,
          waiting: str | None = None, **selection) -> Outcome:
    """Plan and run a batch under the output folder's lock, then refresh the index pages.

    ``selection`` is passed to :func:`~dti_helpers.batch.plan.plan` (year, langs, formats,
    peers, overrides, overview, force, province_notebook). A second run on the same folder
    waits for the first, saying ``waiting`` through ``notify`` (or, with ``wait=False``, raises
    :class:`~dti_helpers.batch.manifest.OutputFolderBusy`).

    >>> build(load_dti(), ["24"], Settings(Path("reports")), year=2020)  # doctest: +SKIP
    """
    started = time.monotonic()
    notify = notify or (lambda line: print(line, file=sys.stderr, flush=True))
    out = Path(settings.out_dir)
    with run_lock(out, wait=wait, notify=notify, waiting=waiting):
        manifest = Manifest(out)
        if manifest.problem:
            notify(manifest.problem)
        remove_stale_temps(out)
        p = plan(data, codes, manifest, **selection)
        if p.jobs:
            # the kernels read this checked copy instead of parsing and validating the data file again
            from dti_helpers.data.load import CACHE_DIR, write_validated

            write_validated(data, out / CACHE_DIR)
        results, interrupted = execute(p.jobs, settings, manifest)
        pages = []
        if index and not interrupted:
            from dti_helpers.batch.site import write_index
            from dti_helpers.render.pdf import report_css

            pages = write_index(out, manifest, data, css=report_css())
    return Outcome(p, results, interrupted, time.monotonic() - started, pages)
