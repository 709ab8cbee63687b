"""Which files a data request names: the embedded table's place, folders expanded to their tables,
and path checks that never raise (a symlink loop, a FIFO or a device is simply not a table file).

>>> DEFAULT_PATH.name, TABLE_SUFFIXES
('dti.csv', ('.csv', '.xlsx'))
"""
from __future__ import annotations

import stat
from pathlib import Path

from dti_helpers.core.errors import DTIError

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DEFAULT_PATH = DATA_DIR / "dti.csv"
# What a folder given as data holds: the tables in it, not in its subfolders.
TABLE_SUFFIXES = (".csv", ".xlsx")


def data_files(paths, keep_default: bool = False) -> list[Path]:
    """The files a ``--data`` list names: a folder stands for its ``.csv`` and ``.xlsx`` files
    (sorted by name; not its subfolders); the embedded ``data/dti.csv`` is left out (it is
    merged in by default) unless ``keep_default``. A missing path is kept: reading it reports it.

    >>> [p.name for p in data_files(["tests/fixtures/official"])][:2]
    ['dti_2021_tong_hop.csv', 'dti_2021_tong_hop.xlsx']
    >>> data_files(None), data_files(DEFAULT_PATH)
    ([], [])
    """
    if paths is None:
        return []
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files: list[Path] = []
    for given in paths:
        path = Path(given).expanduser()
        if is_folder(path):
            found = sorted((p for p in path.iterdir() if p.suffix.lower() in TABLE_SUFFIXES and is_file(p)),
                           key=lambda p: p.name)
            if not found:
                raise DTIError(code="data_no_tables", folder=str(given))
            files += found
        elif keep_default or not same_file(path, DEFAULT_PATH):
            files.append(path)
    return list(dict.fromkeys(files))


def is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder (a symlink loop or an unreadable path is not).

    >>> is_folder(Path("tests")), is_folder(Path("no/such"))
    (True, False)
    """
    try:
        return stat.S_ISDIR(path.stat().st_mode)
    except (OSError, RuntimeError):
        return False


def is_file(path: Path) -> bool:
    """Whether ``path`` is a regular file (not a FIFO, a device, a folder or a loop).

    >>> is_file(DEFAULT_PATH), is_file(Path("/dev/null"))
    (True, False)
    """
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except (OSError, RuntimeError):
        return False


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one existing file (never raises: a loop is not the same file).

    >>> same_file(Path("data/dti.csv"), DEFAULT_PATH)
    True
    """
    try:
        return a.samefile(b)
    except (OSError, RuntimeError):
        return False
