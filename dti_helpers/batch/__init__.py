"""The batch: many reports in one run, rebuilt only when their inputs changed.

Modules, each usable alone: :mod:`~dti_helpers.batch.select` (a request's regions, per-province
parameters, data file and edited notebook, checked up front), :mod:`~dti_helpers.batch.plan`
(jobs, their input digests, what is up to date), :mod:`~dti_helpers.batch.pool` (worker
processes, watchdog, Ctrl-C) running :mod:`~dti_helpers.batch.worker` (one warm kernel, one
report after another), :mod:`~dti_helpers.batch.summary` (the final table),
:mod:`~dti_helpers.batch.manifest` (digests, ``manifest.json``, the run lock),
:mod:`~dti_helpers.batch.site` (the index pages) and :mod:`~dti_helpers.batch.runner`
(:func:`~dti_helpers.batch.runner.build`: all of it under the output folder's lock).
"""
