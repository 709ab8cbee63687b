"""Executing a report notebook with papermill: one linear run of small steps (papermill's ``execute.py``).

:func:`read_notebook` checks the notebook file in the calling process (a bad
path is a one-line error before any kernel starts); :func:`execute_notebook`
runs it with the given parameters and keeps the executed notebook for audit,
also when a cell fails.

Kernels are started with :data:`KERNEL_ARGUMENTS`: a matplotlib figure an
analyst draws in the notebook is captured by the inline backend as SVG with
fixed ids and no date, so it exports byte-identically run after run.
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

from dti_helpers.core.errors import DTIError
from dti_helpers.core.fsio import atomic_path

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "notebooks" / "province_report.ipynb"

# IPython configuration given on the kernel's command line, so it holds before the notebook's first
# cell without adding a cell to it: the inline backend renders figures as SVG (vector, deterministic
# with a fixed hash salt and no date) instead of PNG. Used by papermill's engine and the warm kernels.
# No command history: a report needs none, the user's ~/.ipython history database is left alone, and
# a warm kernel (its execution count reset between reports) cannot collide with its own earlier lines
# there, which IPython reports on stdout ("Session/line number was not unique") and the export would show.
KERNEL_ARGUMENTS = (
    "--HistoryManager.enabled=False",
    "--InlineBackend.figure_formats={'svg'}",
    "--InlineBackend.print_figure_kwargs={'bbox_inches': 'tight', 'metadata': {'Date': None, 'Creator': None}}",
    "--InlineBackend.rc={'svg.hashsalt': 'dti-reports', 'svg.fonttype': 'path'}",
)


class RenderError(DTIError):
    """A report failed to execute or render; one line, naming the failing cell.

    ``notebook_path`` is the executed notebook kept for audit (or ``None``).

    >>> str(RenderError("ValueError: boom (cell 3)"))
    'ValueError: boom (cell 3)'
    """

    def __init__(self, message: str, notebook_path: Path | None = None):
        super().__init__(message)
        self.notebook_path = notebook_path


class NotebookError(DTIError):
    """The notebook to run is missing or is not a Jupyter notebook; one line naming the file.

    >>> str(NotebookError("notebook not found: /tmp/x.ipynb"))
    'notebook not found: /tmp/x.ipynb'
    """


def read_notebook(path: str | Path):
    """Read and validate a notebook file; a bad one raises a one-line :class:`NotebookError`.

    >>> len(read_notebook(NOTEBOOK).cells) > 3
    True
    >>> read_notebook("/nonexistent.ipynb")
    Traceback (most recent call last):
    ...
    dti_helpers.render.execute.NotebookError: notebook not found: /nonexistent.ipynb
    """
    import nbformat

    path = Path(path)
    if not path.is_file():
        raise NotebookError(f"notebook not found: {path}")
    try:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
    except (OSError, UnicodeDecodeError) as exc:
        raise NotebookError(f"cannot read notebook {path}: {exc.__class__.__name__}") from None
    except Exception as exc:  # noqa: BLE001 - nbformat raises JSON, schema and key errors alike
        reason = (str(exc).strip().splitlines() or [exc.__class__.__name__])[0][:120]
        raise NotebookError(f"not a Jupyter notebook: {path} ({reason})") from None
    if not any(cell.cell_type == "code" for cell in nb.cells):
        raise NotebookError(f"not a report notebook: {path} (it has no code cell)")
    return nb


def execute_notebook(parameters: dict, output_path: str | Path | None = None, *, notebook: str | Path = NOTEBOOK,
                     kernel_name: str | None = None, engine_name: str | None = None, timeout: int | None = None,
                     cwd: str | Path | None = None, temp_tag: str | None = None, **engine_kwargs):
    """Execute the report notebook with papermill and return the executed notebook node.

    ``output_path`` (optional) receives the executed notebook atomically (through a temporary file
    carrying ``temp_tag``, :func:`~dti_helpers.core.fsio.temp_path`), and
    also when a cell fails, so the failing cell can be audited. A failure
    raises :class:`RenderError` with one line naming the error and the cell.
    ``engine_name`` and ``engine_kwargs`` go to papermill (a warm-kernel
    engine can be plugged in there). A fresh kernel gets :data:`KERNEL_ARGUMENTS`.

    >>> nb = execute_notebook({"province": "24", "year": 2020, "lang": "en"})  # doctest: +SKIP
    """
    import nbformat
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    read_notebook(notebook)
    engine_kwargs["extra_arguments"] = [*KERNEL_ARGUMENTS, *engine_kwargs.get("extra_arguments", ())]
    with contextlib.nullcontext(None) if output_path is None else atomic_path(output_path, temp_tag) as tmp:
        try:
            nb = pm.execute_notebook(
                str(notebook), None if tmp is None else str(tmp), parameters=dict(parameters),
                kernel_name=kernel_name, engine_name=engine_name, progress_bar=False, log_output=False,
                execution_timeout=timeout, cwd=str(cwd or Path(notebook).parent), **engine_kwargs)
        except PapermillExecutionError as exc:
            kept = keep_failed(tmp, Path(output_path)) if tmp is not None else None
            evalue = str(exc.evalue).splitlines()[0] if exc.evalue else ""
            raise RenderError(f"{exc.ename}: {evalue} (notebook cell {exc.exec_count})", kept) from None
    return nbformat.from_dict(nb)


def keep_failed(tmp: Path, output_path: Path) -> Path | None:
    """Move the notebook papermill wrote before failing into place, for audit (``atomic_path`` drops the rest).

    >>> keep_failed(Path("/nonexistent.tmp"), Path("/tmp/x.ipynb")) is None
    True
    """
    if not tmp.exists() or tmp.stat().st_size == 0:
        return None
    os.replace(tmp, output_path)
    return output_path
