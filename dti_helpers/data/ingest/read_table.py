"""A path to a table: what kind of file it is, whether it may be read, and which reader reads it.

The file is looked at before it is opened: a folder, a FIFO (opening one would wait for a
writer forever), a device, a symbolic link that loops, or a file over the size limit is one
problem each, and nothing is read. Then the file's first bytes choose the reader, whatever its
name: a workbook saved as ``.csv`` is still read as a workbook, and a compound (OLE) file is an
old ``.xls`` or a password-protected workbook, said as such.

Readers are kept in a registry in papermill's style (``iorw.py``): a reader is registered for a
file suffix at the bottom of this module and looked up with :meth:`TableReaders.get`. A reader
takes the open file, a :class:`~dti_helpers.data.ingest.problems.Problems` collector, the
:class:`~dti_helpers.data.ingest.limits.Limits` and the sheet asked for, and returns the
:class:`~dti_helpers.data.ingest.table.Sheet` read, or ``None`` after adding a problem.

>>> readers.get("x.CSV") is read_csv
True
>>> out = Problems("no.csv"); read_table(Path("no/such.csv"), out), out.items[0].code
(None, 'not_found')
"""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from dti_helpers.data.ingest.limits import DEFAULT_LIMITS, Limits, size_text
from dti_helpers.data.ingest.problems import Problems
from dti_helpers.data.ingest.read_csv import read_csv
from dti_helpers.data.ingest.read_xlsx import CFB_MAGIC, read_xlsx, refuse_cfb
from dti_helpers.data.ingest.table import Sheet, Table, table_of

Reader = Callable[[BinaryIO, Problems, Limits, "str | None"], "Sheet | None"]

# First bytes that say what a file is, whatever its name.
SIGNATURES = {b"PK\x03\x04": ".xlsx", CFB_MAGIC: ".xls"}
# Why a path that is not a regular file cannot be a table, by its file type.
ODD_FILES = ((stat.S_ISDIR, "is_dir"), (stat.S_ISFIFO, "is_fifo"), (stat.S_ISCHR, "is_device"),
             (stat.S_ISBLK, "is_device"))
# Why a path cannot be opened, by the error number of the system call; any other error is "unreadable".
PATH_ERRORS = {errno.ELOOP: "symlink_loop", errno.ENOENT: "not_found", errno.ENOTDIR: "not_found",
               errno.ENAMETOOLONG: "not_found"}


class TableReaders:
    """The registry of table readers, by file suffix (``.csv``, ``.xlsx``, ...).

    >>> r = TableReaders(); r.register(".tsv", read_csv); r.get("a.tsv") is read_csv
    True
    """

    def __init__(self, default: str = ".csv"):
        self._readers: dict[str, Reader] = {}
        self.default = default

    def register(self, suffix: str, reader: Reader) -> None:
        """Read files ending in ``suffix`` (any case) with ``reader``.

        >>> TableReaders().register(".csv", read_csv)
        """
        self._readers[suffix.lower()] = reader

    def suffixes(self) -> list[str]:
        """The registered suffixes, in registration order.

        >>> readers.suffixes()[:2]
        ['.csv', '.xlsx']
        """
        return list(self._readers)

    def get(self, path: str | Path, data: bytes = b"") -> Reader:
        """The reader of a file: by its first bytes, else by its suffix, else the default (CSV).

        >>> readers.get("dti.csv", b"PK\\x03\\x04...") is read_xlsx
        True
        >>> readers.get("notes.txt") is read_csv
        True
        """
        for magic, suffix in SIGNATURES.items():
            if data.startswith(magic) and suffix in self._readers:
                return self._readers[suffix]
        reader = self._readers.get(Path(path).suffix.lower()) or self._readers.get(self.default)
        if reader is None:
            raise KeyError(f"no table reader for '{Path(path).name}'; registered: {', '.join(self._readers)}")
        return reader


def odd_file(mode: int) -> str | None:
    """The problem code of a file type that is not a regular file (``None`` for a regular one).

    >>> odd_file(stat.S_IFIFO), odd_file(stat.S_IFSOCK), odd_file(stat.S_IFREG) is None
    ('is_fifo', 'not_regular', True)
    """
    if stat.S_ISREG(mode):
        return None
    return next((code for test, code in ODD_FILES if test(mode)), "not_regular")


def open_table(path: Path, out: Problems, limits: Limits = DEFAULT_LIMITS) -> BinaryIO | None:
    """The file opened for reading, once it is known to be a regular file within the size limit.

    It is looked at (``stat``) before it is opened, and opened without waiting (a FIFO swapped
    in meanwhile is not waited on), then looked at again through the open file.

    >>> out = Problems("/dev/null"); open_table(Path("/dev/null"), out), out.items[0].code
    (None, 'is_device')
    """
    try:
        mode = path.stat().st_mode
        if odd_file(mode) is None:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        code = PATH_ERRORS.get(exc.errno)
        if code is None:
            out.add("unreadable", reason=exc.strerror or type(exc).__name__)
        else:
            out.add(code)
        return None
    except ValueError:  # a NUL byte in the name: no such file can exist
        out.add("not_found")
        return None
    if odd_file(mode):
        out.add(odd_file(mode))
        return None
    fh = os.fdopen(fd, "rb")
    info = os.fstat(fh.fileno())
    problem = odd_file(info.st_mode) or ("too_large" if info.st_size > limits.max_bytes else
                                         "empty_file" if info.st_size == 0 else None)
    if problem is None:
        return fh
    fh.close()
    sizes = {"size": size_text(info.st_size), "limit": size_text(limits.max_bytes)} if problem == "too_large" else {}
    out.add(problem, **sizes)
    return None


def read_table(path: Path, out: Problems, limits: Limits = DEFAULT_LIMITS, sheet: str | None = None) -> Table | None:
    """Read a file into its header and rows; ``None`` after adding a problem.

    ``sheet`` names the workbook sheet to read (by default, the one in a known layout).

    >>> table = read_table(Path("tests/fixtures/official/dti_2021_tong_hop.xlsx"), Problems("x.xlsx"))
    >>> table.sheet, table.header[:2], len(table.rows)
    ('DTI', ['Xếp hạng DTI', 'Tỉnh, thành phố'], 18)
    """
    fh = open_table(path, out, limits)
    if fh is None:
        return None
    with fh:
        try:
            head = fh.read(len(CFB_MAGIC))
            fh.seek(0)
            found = readers.get(path, head)(fh, out, limits, sheet)
        except OSError as exc:  # a disk error while reading
            out.add("unreadable", reason=exc.strerror or type(exc).__name__)
            return None
    return None if found is None else table_of(found, out)


readers = TableReaders()
readers.register(".csv", read_csv)
readers.register(".xlsx", read_xlsx)
readers.register(".xlsm", read_xlsx)
readers.register(".xls", refuse_cfb)
