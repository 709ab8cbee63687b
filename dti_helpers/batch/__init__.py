"""The batch: many reports in one run, rebuilt only when their inputs changed.

Modules, each usable alone: :mod:`~dti_helpers.batch.select` (a request's regions, per-province
parameters, data file and edited notebook, checked up front), :mod:`~dti_helpers.batch.plan`
(jobs, their input digests from :mod:`~dti_helpers.batch.digests`, what is up to date),
:mod:`~dti_helpers.batch.pool` (worker processes, watchdog, the stop on Ctrl-C, SIGTERM or SIGHUP
of :mod:`~dti_helpers.batch.signals`) running :mod:`~dti_helpers.batch.worker` (one warm kernel,
one report after another), :mod:`~dti_helpers.batch.summary` (the final table),
:mod:`~dti_helpers.batch.manifest` (``manifest.db``, the runs, the run lock) with
:mod:`~dti_helpers.batch.records` (what a record may hold), :mod:`~dti_helpers.batch.cleanup`
(a run's own temporary files), :mod:`~dti_helpers.batch.outdir` (``--out``, ``--out-force``),
:mod:`~dti_helpers.batch.site` (the index pages) and :mod:`~dti_helpers.batch.runner`
(:func:`~dti_helpers.batch.runner.build`: all of it under the output folder's lock).
"""
