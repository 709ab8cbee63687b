"""What a run leaves behind and may remove: its own temporary files and kernel connection files, and no one else's.

Every temporary file of a run carries the run's id (:func:`~dti_helpers.core.fsio.temp_path`), as do
the connection files of its kernels; a run removes its own when it ends, and those of earlier runs
that were killed before they could (:meth:`~dti_helpers.batch.manifest.Manifest.begin_run` names them).
A file whose name carries no such id is never touched, whoever made it.

>>> import tempfile
>>> d = Path(tempfile.mkdtemp()); _ = (d / ".x.html.dti-0123456789abcdef.tmp.html").write_text("")
>>> _ = (d / ".x.html.123.tmp").write_text("")
>>> [p.name for p in remove_run_files(d, ["dti-0123456789abcdef"])], sorted(p.name for p in d.iterdir())
(['.x.html.dti-0123456789abcdef.tmp.html'], ['.x.html.123.tmp'])
"""
from __future__ import annotations

import contextlib
from pathlib import Path

from dti_helpers.batch.manifest import RUN_ID
from dti_helpers.core.fsio import temp_pattern

OUTPUT_DIRS = ("html", "pdf", "csv", "xlsx", "notebooks", "logs")
KERNEL_PREFIX = "kernel-"  # jupyter's own prefix: the files sit among those of other kernels


def connection_file(kernel_dir: Path, run_id: str, worker: int, n: int) -> Path:
    """Where the ``n``-th kernel of ``worker`` in run ``run_id`` keeps its connection file.

    >>> connection_file(Path("/run/user/0/jupyter"), "dti-0123456789abcdef", 1, 2).name
    'kernel-dti-0123456789abcdef-1-2.json'
    """
    return Path(kernel_dir) / f"{KERNEL_PREFIX}{run_id}-{worker}-{n}.json"


def remove_run_files(root: str | Path, run_ids, kernel_dir: Path | None = None) -> list[Path]:
    """Delete the temporary files of runs ``run_ids`` in an output folder (and its output sub-folders)
    and their kernels' connection files in ``kernel_dir``; return what was deleted.

    Call it only for runs that are over: a live run's files are in use.
    """
    root = Path(root)
    removed = []
    for run_id in run_ids:
        if not RUN_ID.fullmatch(run_id):  # an id is also a glob pattern: only ours, never '*'
            continue
        folders = (root, *(root / sub for sub in OUTPUT_DIRS))
        found = [path for folder in folders for path in folder.glob(temp_pattern(run_id))]
        if kernel_dir is not None:
            found += Path(kernel_dir).glob(f"{KERNEL_PREFIX}{run_id}-*.json")
        for path in found:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    return removed
