"""How much of a data file is read: its size, rows and cells, checked before the file is read in full.

An official table is a few hundred rows; the defaults leave room for a hundred times that and
still refuse, in seconds and within a few hundred MB of memory, a file that is not a DTI table
(a 200 MB export, a workbook whose one cell sits at XFD1048576, a zip bomb). Each limit is
raised by its own flag of the commands that read data (``--max-file-mb``, ``--max-rows``,
``--max-cells``), named in the problem that refuses the file.

>>> Limits().max_bytes == 50 * MB, Limits.of(max_file_mb=200).max_bytes == 200 * MB
(True, True)
"""
from __future__ import annotations

from dataclasses import dataclass, replace

MB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """The limits of one read: file size in bytes, rows of a table, cells of a sheet.

    ``max_part_bytes`` bounds what one XML part of a workbook may unpack to: a defence against
    zip bombs, not a limit an analyst meets (a sheet of a million cells is far smaller).

    >>> Limits(max_rows=10).max_rows, Limits().max_cells
    (10, 1000000)
    """

    max_bytes: int = 50 * MB
    max_rows: int = 100_000
    max_cells: int = 1_000_000
    max_part_bytes: int = 512 * MB

    def __post_init__(self):
        for name in ("max_bytes", "max_rows", "max_cells", "max_part_bytes"):
            if not isinstance(getattr(self, name), int) or getattr(self, name) < 1:
                raise ValueError(f"{name} must be a whole number of at least 1, not {getattr(self, name)!r}")

    @classmethod
    def of(cls, max_file_mb: float | None = None, max_rows: int | None = None,
           max_cells: int | None = None) -> "Limits":
        """The limits a command's flags ask for; a flag left out keeps its default.

        >>> Limits.of(max_rows=500) == Limits(max_rows=500), Limits.of() == Limits()
        (True, True)
        """
        limits = cls()
        if max_file_mb is not None:
            limits = replace(limits, max_bytes=max(1, int(max_file_mb * MB)))
        if max_rows is not None:
            limits = replace(limits, max_rows=max_rows)
        if max_cells is not None:
            limits = replace(limits, max_cells=max_cells)
        return limits


def size_text(n_bytes: int) -> str:
    """A size as a problem quotes it: in MB, KB or bytes, with at most one decimal.

    >>> size_text(200 * MB), size_text(52_428_800), size_text(1_500_000), size_text(2_500), size_text(12)
    ('200 MB', '50 MB', '1.4 MB', '2.4 KB', '12 B')
    """
    for unit, size in (("MB", MB), ("KB", 1 << 10)):
        if n_bytes >= size:
            return f"{n_bytes / size:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n_bytes} B"


def grouped(n: int) -> str:
    """A count as a problem quotes it, digits grouped by spaces (read alike in Vietnamese and English,
    where a comma and a point are each the other's decimal mark).

    >>> grouped(1_000_000), grouped(512)
    ('1 000 000', '512')
    """
    return f"{n:,}".replace(",", " ")


DEFAULT_LIMITS = Limits()
