"""Rendering one province's report: check the request, execute the notebook, write HTML and PDF.

The steps live in their own modules so a batch can reuse and recombine them cheaply
(papermill's split of execution from I/O):

* :func:`check_params` — validate parameters in the calling process, before any kernel starts;
* :mod:`~dti_helpers.render.execute` — run the report notebook (or an edited copy) with papermill;
* :mod:`~dti_helpers.render.html` — executed notebook → one self-contained HTML page;
* :mod:`~dti_helpers.render.pdf` — HTML → A4 PDF with WeasyPrint, in process;
* :mod:`~dti_helpers.render.formats` — the registry of output formats those steps make;
* :func:`render_report` — all of it for one province, writing files atomically;
* :func:`render_in_process` — the same page built without a kernel (previews, the batch's floor).

The same inputs give byte-identical HTML and PDF: charts are deterministic SVG, WeasyPrint
writes no date, and the one date the page states as its build date is ``SOURCE_DATE_EPOCH``'s,
read here once and passed down as a parameter (without it, the data's own date).
"""
from __future__ import annotations

import contextlib
from dataclasses import replace
from pathlib import Path

from dti_helpers.core.fsio import atomic_write
from dti_helpers.data.load import CACHE_DIR
from dti_helpers.render.execute import NOTEBOOK, NotebookError, RenderError, execute_notebook, read_notebook
from dti_helpers.render.formats import FORMATS, download_links, output_formats


# Re-exported for callers of the former one-module render (batch, benchmarks); new code imports the step modules.
__all__ = ["CACHE_DIR", "FORMATS", "NOTEBOOK", "NotebookError", "RenderError", "check_params", "execute_notebook",
           "html_to_pdf", "notebook_to_html", "output_paths", "read_notebook", "render_in_process",
           "render_report", "report_css", "sections_to_notebook"]

# The page and PDF steps import nbconvert and WeasyPrint (seconds): loaded when first used, so a
# bad request is refused before they are (PEP 562).
_LAZY = {"notebook_to_html": "html", "sections_to_notebook": "html", "html_to_pdf": "pdf", "report_css": "pdf"}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f"dti_helpers.render.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def check_params(province, year=None, lang: str = "vi", peers: str = "region", data_path=None, cache_dir=None,
                 units=None, *, embedded: bool = True, data_year: int | None = None, sheet: str | None = None,
                 limits=None, targets=(), build_epoch: int | None = None, layout="auto"):
    """Validate report parameters without starting a kernel; return the resolved ``ReportParams``.

    Raises a one-line :class:`~dti_helpers.core.errors.DTIError` for an unknown
    province, a year without data, a bad language or peer strategy, or a bad
    data file. ``data_path`` is one file or folder or a list of them, merged with the embedded
    data unless ``embedded=False``; ``data_year`` is the year of a single official table that
    names it nowhere (:func:`~dti_helpers.data.load.load_dti`). With ``cache_dir``, the checked
    table is written there (:func:`~dti_helpers.data.load.write_validated`) for the kernel to read.
    ``targets`` are the analyst's checked targets (:mod:`dti_helpers.data.targets`): the report's own
    become its ``targets`` parameter.
    ``build_epoch`` is the build time to state (``SOURCE_DATE_EPOCH``), ``None`` for the data's date.
    ``layout`` is "auto", "full" or "brief" (a wrong one is refused here).

    >>> check_params("Bắc Giang", 2020).stem
    'bac-giang-2020-vi'
    >>> check_params("Atlantis")
    Traceback (most recent call last):
    ...
    dti_helpers.core.errors.UnknownProvinceError: unknown province 'Atlantis'; see `run_reports.py --list` for all names
    """
    from dti_helpers.core.labels import check_lang
    from dti_helpers.data.load import load_dti, write_validated
    from dti_helpers.data.targets import report_rows
    from dti_helpers.sections.province import ParameterError, resolve_params
    from dti_helpers.sections.province.checks import data_paths

    try:
        check_lang(lang)
    except ValueError as exc:
        raise ParameterError(str(exc)) from None
    data = load_dti(data_paths(data_path), data_year, embedded=embedded, sheet=sheet, limits=limits)
    params = resolve_params(data, province, year, lang, peers, units, layout)
    params = replace(params, targets=report_rows(targets, data.catalogue, params.units, params.code))
    copy = write_validated(data, cache_dir) if cache_dir is not None else None
    return replace(params, data_cache=str(copy) if copy else None, build_epoch=build_epoch)


def render_in_process(province, year=None, lang: str = "vi", peers: str = "region", data=None, units=None,
                      build_epoch: int | None = None, layout="auto") -> str:
    """The report's HTML built in this process, without papermill or a kernel.

    ``data`` (a loaded :class:`~dti_helpers.data.DTIData`) is reused when
    given, so a loop over provinces loads the data once.

    >>> html = render_in_process("Bắc Giang", 2020)
    >>> "0,3615" in html and html.startswith("<!DOCTYPE html>")
    True
    """
    from dti_helpers.data.load import load_dti
    from dti_helpers.sections import province as report

    data = data if data is not None else load_dti()
    params = replace(report.resolve_params(data, province, year, lang, peers, units=units, layout=layout),
                     build_epoch=build_epoch)
    rep = report.Report(data.for_units(params.units), params)
    from dti_helpers.render.html import notebook_to_html, sections_to_notebook

    return notebook_to_html(sections_to_notebook(report.build(rep)))


def output_paths(out_dir: str | Path, stem: str) -> dict[str, Path]:
    """Where one report's files go: the executed notebook and one file per registered format.

    >>> {k: str(v) for k, v in output_paths("reports", "bac-giang-2020-vi").items()}  # doctest: +NORMALIZE_WHITESPACE
    {'notebook': 'reports/notebooks/bac-giang-2020-vi.ipynb', 'html': 'reports/html/bac-giang-2020-vi.html',
     'pdf': 'reports/pdf/bac-giang-2020-vi.pdf', 'csv': 'reports/csv/bac-giang-2020-vi.csv',
     'xlsx': 'reports/xlsx/bac-giang-2020-vi.xlsx'}
    """
    paths = {"notebook": Path(out_dir) / "notebooks" / f"{stem}.ipynb"}
    paths.update({name: output_formats.get(name).path(out_dir, stem) for name in output_formats.names()})
    return paths


def render_report(province, year=None, lang: str = "vi", formats=FORMATS, out_dir: str | Path = "reports",
                  data_path=None, peers: str = "region", *, units=None, notebook: str | Path = NOTEBOOK,
                  embedded: bool = True, data_year: int | None = None, sheet: str | None = None, limits=None,
                  targets=(), kernel_name: str | None = None, engine_name: str | None = None, timeout: int | None = 600,
                  build_epoch: int | None = None, isolated: bool = False, layout="auto",
                  **engine_kwargs) -> dict[str, Path]:
    """Execute the report notebook for one province and write its notebook and the requested formats.

    Parameters and ``notebook`` (the shipped one, or an analyst's edited copy) are checked
    first, in this process: a bad one raises a one-line :class:`~dti_helpers.core.errors.DTIError`
    before any kernel starts and nothing is written. The data options are those of
    :func:`check_params`, ``targets`` (the analyst's checked targets) and ``layout`` ("auto": a short
    brief where the year's only published figure is the DTI rank; "full"; "brief"); ``build_epoch`` is
    the build time the report states (the caller reads ``SOURCE_DATE_EPOCH`` once,
    :func:`~dti_helpers.analysis.dates.epoch_from`), ``None`` for the data's own date. Files are
    ``<out_dir>/notebooks|html|pdf|csv|xlsx/<slug>-<year>-<lang>.*``, each
    written atomically; the HTML links the CSV and XLSX built with it. Returns ``{"notebook": path,
    "html": path, "pdf": path}`` (and ``"csv"``, ``"xlsx"`` when asked for) for the files written. With
    ``isolated`` (the command line) the notebook runs in a kernel of this call's own
    (:func:`~dti_helpers.render.engine.own_kernel`): it dies with this process, Ctrl-C kills it at
    once, and its own output stays off the terminal.

    >>> render_report("Bắc Giang", 2020, "en", out_dir="/tmp/reports")  # doctest: +SKIP
    {'notebook': PosixPath('/tmp/reports/notebooks/bac-giang-2020-en.ipynb'), ...}
    >>> render_report("24", 2020, notebook="/nonexistent.ipynb")
    Traceback (most recent call last):
    ...
    dti_helpers.render.execute.NotebookError: notebook not found: /nonexistent.ipynb
    >>> render_report("Hà Nam", 2022, layout="short", out_dir="/nonexistent")
    Traceback (most recent call last):
    ...
    dti_helpers.sections.province.ParameterError: unknown layout 'short'; use one of: auto, full, brief
    """
    formats = tuple(formats)
    for name in formats:
        output_formats.get(name)  # an unknown format fails before any work
    read_notebook(notebook)
    params = check_params(province, year, lang, peers, data_path, cache_dir=Path(out_dir) / CACHE_DIR, units=units,
                          embedded=embedded, data_year=data_year, sheet=sheet, limits=limits, targets=targets,
                          build_epoch=build_epoch, layout=layout)
    params = replace(params, downloads=download_links(formats, params.stem))
    paths = output_paths(out_dir, params.stem)
    parameters = params.notebook_parameters()
    own, start_errors = contextlib.nullcontext(), ()
    if isolated:
        from dti_helpers.render import engine

        engine_name, start_errors = engine.ENGINE_NAME, (engine.KernelStartError,)
        own = engine.own_kernel(kernel_name or "python3", cwd=Path(notebook).parent)
    try:
        with own as kernel:
            extra = {} if kernel is None else {"kernel": kernel}
            nb = execute_notebook(parameters, paths["notebook"], notebook=notebook, kernel_name=kernel_name,
                                  engine_name=engine_name, timeout=timeout, **extra, **engine_kwargs)
    except start_errors as exc:  # the kernel did not start: one line, as any failure
        raise RenderError(str(exc)) from None
    written = {"notebook": paths["notebook"]}
    # Every product is made before anything is written: if WeasyPrint fails, the previous files stay
    # as a matching set. Then the files after the first go before the first is replaced, so a new
    # HTML never sits beside a PDF of other inputs even if writing stops half-way.
    products = output_formats.convert(nb, formats)
    for name in formats[1:]:
        paths[name].unlink(missing_ok=True)
    for name, product in products.items():
        written[name] = atomic_write(paths[name], product)
    return written
