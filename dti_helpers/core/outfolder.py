"""The folders dti-reports may write its outputs into, and the marker that makes a folder its own.

Refused whatever the options: an empty ``--out``, the root of the file system, the home folder
and the folders above it, the system's folders (``/etc``, ``/usr``, ``/proc``... and everything
below them; ``/var``, ``/opt``, ``/tmp``... themselves), and the project's own folders (its root
and the folders above it, and ``notebooks/``, ``data/``, ``dti_helpers/``, ``tests/``,
``benchmarks/``, ``.git/`` and everything below them; ``reports/`` is fine).

A folder is dti-reports' own when it holds the marker file :data:`MARKER`, written when
dti-reports made the folder or was told to adopt it (``--out-force``); a folder that an older
dti-reports made (a ``manifest.json`` of its own, no marker yet) counts as its own too. An empty
folder is adopted silently; any other folder is refused.

>>> import tempfile
>>> folder = claim_out_folder(Path(tempfile.mkdtemp()) / "reports")
>>> (folder / MARKER).is_file(), check_out_folder(folder) == folder
(True, True)
"""
from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Iterator

from dti_helpers.core.errors import DTIError
from dti_helpers.core.fsio import atomic_write

MARKER = ".dti-reports"
MARKER_TEXT = ("This folder holds reports written by dti-reports (run_reports.py).\n"
               "dti-reports writes here only its own outputs (html/, pdf/, notebooks/, logs/, index*.html,\n"
               "manifest.db) and deletes only the temporary files of its own runs.\n")
ROOT = Path(__file__).resolve().parents[2]
PACKAGE_DIR = Path(__file__).resolve().parents[1]
SOURCE_DIRS = ("notebooks", "data", "dti_helpers", "tests", "benchmarks", ".git")
# Refused with everything below them: nothing of a user's belongs there.
SYSTEM_TREES = ("/etc", "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/boot", "/proc", "/sys",
                "/dev")
# Refused themselves; a folder of one's own below them is fine (/var/www/reports, /tmp/reports).
SYSTEM_DIRS = ("/var", "/var/lib", "/var/tmp", "/opt", "/srv", "/run", "/tmp", "/home", "/mnt", "/media", "/root",
               "/snap", "/usr/local")
# What a folder may hold and still count as empty: the lock file a run makes before anything else.
IGNORED = frozenset({".run.lock"})


class OutFolderError(DTIError):
    """An output folder dti-reports must not write into; ``code`` says why, ``fields["path"]`` which one.

    >>> OutFolderError(code="out_system", path="/etc").message("en")
    '--out /etc: a system folder; choose a folder of your own, e.g. --out reports'
    """


def _is_within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def refusal(path: str | Path, *, root: Path = ROOT, home: Path | None = None) -> str | None:
    """Why ``path`` may never hold outputs (an error code), or ``None`` when it may.

    >>> refusal(""), refusal("/"), refusal("/etc/x"), refusal("/var"), refusal("/var/www/reports")
    ('out_empty', 'out_root', 'out_system', 'out_system', None)
    >>> refusal(ROOT), refusal(ROOT / "data" / "x"), refusal(ROOT / "reports"), refusal(Path.home())
    ('out_source', 'out_source', None, 'out_home')
    """
    if not str(path).strip():
        return "out_empty"
    where = Path(path).expanduser().resolve()
    home = (home or Path.home()).resolve()
    root = root.resolve()
    if where == Path(where.anchor):
        return "out_root"
    if where == home or where in home.parents:
        return "out_home"
    if any(_is_within(where, Path(tree)) for tree in SYSTEM_TREES) or where in map(Path, SYSTEM_DIRS):
        return "out_system"
    sources = [root / name for name in SOURCE_DIRS] + [PACKAGE_DIR.resolve()]
    if where == root or where in root.parents or any(_is_within(where, folder) for folder in sources):
        return "out_source"
    return None


def made_by_older_version(folder: Path) -> bool:
    """Whether ``folder`` holds the ``manifest.json`` an older dti-reports kept there (before the marker).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); _ = (d / "manifest.json").write_text('{"schema": 1, "outputs": {}}')
    >>> made_by_older_version(d), made_by_older_version(d.parent)
    (True, False)
    """
    try:
        doc = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return False
    return isinstance(doc, dict) and doc.get("schema") == 1 and isinstance(doc.get("outputs"), dict)


def is_own(folder: Path) -> bool:
    """Whether ``folder`` may be written without asking: it holds the marker, is empty or was made by dti-reports.

    >>> import tempfile
    >>> is_own(Path(tempfile.mkdtemp())), is_own(Path(__file__).parent)
    (True, False)
    """
    if (folder / MARKER).is_file() or made_by_older_version(folder):
        return True
    # the marker on its way in (another shard of the batch creating the folder this very moment) counts as it
    return all(entry.name in IGNORED or (entry.name.startswith(f".{MARKER}.") and entry.name.endswith(".tmp"))
               for entry in folder.iterdir())


def check_out_folder(path: str | Path, *, force: bool = False, root: Path = ROOT, home: Path | None = None) -> Path:
    """``path`` as a folder outputs may go to, or an :class:`OutFolderError` saying why not (nothing is written).

    A folder that is not dti-reports' own (see :func:`is_own`) is refused unless ``force``.

    >>> check_out_folder("/nonexistent/reports")
    PosixPath('/nonexistent/reports')
    >>> try:
    ...     check_out_folder(Path(__file__).parent)
    ... except OutFolderError as exc:
    ...     exc.code
    'out_source'
    """
    code = refusal(path, root=root, home=home)
    if code:
        raise OutFolderError(code=code, path=str(path))
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise OutFolderError(code="out_not_folder", path=str(path))
    if folder.is_dir() and not force and not is_own(folder):
        raise OutFolderError(code="out_foreign", path=str(path))
    return folder


def mark_out_folder(folder: str | Path) -> Path:
    """Write the marker into ``folder`` (an existing folder already checked) unless it is there.

    >>> import tempfile
    >>> (mark_out_folder(tempfile.mkdtemp()) / MARKER).is_file()
    True
    """
    folder = Path(folder)
    if not (folder / MARKER).is_file():
        atomic_write(folder / MARKER, MARKER_TEXT)
    return folder


def claim_out_folder(path: str | Path, *, force: bool = False, root: Path = ROOT, home: Path | None = None) -> Path:
    """Check ``path`` (:func:`check_out_folder`), create it if need be and mark it as dti-reports' own.

    >>> import tempfile
    >>> sorted(p.name for p in claim_out_folder(Path(tempfile.mkdtemp()) / "r").iterdir())
    ['.dti-reports']
    """
    folder = check_out_folder(path, force=force, root=root, home=home)
    folder.mkdir(parents=True, exist_ok=True)
    return mark_out_folder(folder)


@contextlib.contextmanager
def writing_into(path: str | Path, *, force: bool = False) -> Iterator[Path]:
    """Check ``path`` for a command that creates it only as it writes (one report): once the block is
    over, the folder, if something was written into it, is marked as dti-reports' own; a request
    refused before any write leaves nothing behind.

    >>> import tempfile
    >>> with writing_into(Path(tempfile.mkdtemp()) / "r") as folder:
    ...     (folder / "html").mkdir(parents=True)
    >>> (folder / MARKER).is_file()
    True
    """
    folder = check_out_folder(path, force=force)
    try:
        yield folder
    finally:
        if folder.is_dir() and any(folder.iterdir()):
            mark_out_folder(folder)
