"""Bytes to rows: reading a CSV or XLSX table as the analyst saved it.

Readers are kept in a registry in papermill's style (``iorw.py``): a reader
is registered for a file suffix at the bottom of this module and looked up
with :meth:`TableReaders.get`. The file's first bytes win over its name, so
a workbook saved as ``.csv`` is still read as a workbook, and an old binary
``.xls`` is refused with a clear problem whatever it is called.

A reader takes the file's bytes and a
:class:`~dti_helpers.data.ingest.problems.Problems` collector and returns
``[(line, cells)]`` (1-based line numbers as the file shows them) or ``None``
after adding a problem.

>>> readers.get("x.CSV") is read_csv
True
>>> out = Problems("t.csv")
>>> read_csv("year,province\\n2021,Hà Nội\\n".encode(), out)
[(1, ['year', 'province']), (2, ['2021', 'Hà Nội'])]
"""
from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from dti_helpers.data.ingest.problems import Problems

Rows = list[tuple[int, list[str]]]
Reader = Callable[[bytes, Problems], "Rows | None"]

# First bytes that say what a file is, whatever its name.
SIGNATURES = {b"PK\x03\x04": ".xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": ".xls"}
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class Table(NamedTuple):
    """A table's header (with its file line) and its data rows, blank rows dropped.

    >>> Table(["year"], 1, [(2, ["2021"])]).header_line
    1
    """

    header: list[str]
    header_line: int
    rows: Rows


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


def read_csv(data: bytes, out: Problems) -> Rows | None:
    """Rows of a UTF-8 CSV (``,``, ``;`` or tab separated, as Excel saves it in any locale).

    >>> read_csv("year;score\\n2021;0,5\\n".encode(), Problems("t.csv"))
    [(1, ['year', 'score']), (2, ['2021', '0,5'])]
    """
    if data.startswith(UTF16_BOMS):  # UTF-16, as Excel's "Unicode Text" saves
        out.add("not_utf8", 1, None, f"0x{data[0]:02X}")
        return None
    if b"\0" in data:
        out.add("binary")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        out.add("not_utf8", data[:exc.start].count(b"\n") + 1, None, f"0x{data[exc.start]:02X}")
        return None
    first = next((line for line in text.splitlines() if line.strip()), "")
    # Excel in a decimal-comma locale saves ";"-separated CSV; take the separator that splits the header most.
    delimiter = max((",", ";", "\t"), key=lambda d: len(next(csv.reader([first], delimiter=d), [])))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows = []
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return rows
        except csv.Error:
            out.add("bad_csv_quote", start)
            return None
        rows.append((start, cells))


def read_xlsx(data: bytes, out: Problems) -> Rows | None:
    """Rows of the active sheet of an XLSX workbook, cells as a CSV would hold them.

    >>> out = Problems("x.xlsx"); read_xlsx(b"PK\\x03\\x04 cut short", out), out.items[0].code
    (None, 'bad_xlsx')
    """
    import openpyxl

    try:
        # From bytes, not the path: openpyxl refuses a workbook whose name does not end in .xlsx.
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # a corrupt workbook raises zipfile, XML, key and value errors alike
        out.add("bad_xlsx")
        return None
    try:
        sheet = book.active or book.worksheets[0]
        return [(line, [cell_text(v) for v in values])
                for line, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
    except Exception:  # damage inside a sheet only shows while reading it
        out.add("bad_xlsx")
        return None
    finally:
        book.close()


def refuse_xls(data: bytes, out: Problems) -> None:
    """An old binary ``.xls`` workbook is not read: the problem asks for ``.xlsx`` or CSV.

    >>> out = Problems("x.xls"); refuse_xls(b"", out), out.items[0].code
    (None, 'old_xls')
    """
    out.add("old_xls")
    return None


def cell_text(value: object) -> str:
    """A workbook cell as the text a CSV would hold (whole numbers without ".0").

    >>> cell_text(2021.0), cell_text(0.6419), cell_text(None), cell_text(True)
    ('2021', '0.6419', '', 'true')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def read_table(path: Path, out: Problems) -> Table | None:
    """Read a file into its header and rows; ``None`` after adding a problem.

    >>> out = Problems("no.csv"); read_table(Path("no/such.csv"), out), out.items[0].code
    (None, 'not_found')
    """
    try:
        if path.is_dir():
            out.add("is_dir")
            return None
        if not path.exists():
            out.add("not_found")
            return None
        data = path.read_bytes()
    except OSError as exc:
        out.add("unreadable", reason=exc.strerror or type(exc).__name__)
        return None
    if not data.removeprefix(b"\xef\xbb\xbf").strip():
        out.add("empty_file")
        return None
    rows = readers.get(path, data)(data, out)
    return None if rows is None else table_of(rows, out)


def table_of(rows: Rows, out: Problems) -> Table | None:
    """Drop blank rows and trailing empty cells; the first row left is the header.

    >>> table_of([(1, ["year", ""]), (2, ["", ""]), (3, ["2021"])], Problems("t.csv"))
    Table(header=['year'], header_line=1, rows=[(3, ['2021'])])
    """
    kept = []
    for line, cells in rows:
        while cells and not cells[-1].strip():
            cells = cells[:-1]
        if cells:
            kept.append((line, cells))
    if not kept:
        out.add("empty_file")
        return None
    (header_line, header), body = kept[0], kept[1:]
    if not body:
        out.add("no_rows")
        return None
    good = []
    for line, cells in body:
        if len(cells) > len(header):
            out.add("extra_cells", line, None, cells[len(header)], n=len(cells), m=len(header))
        else:
            good.append((line, cells))
    return Table(header, header_line, good)


readers = TableReaders()
readers.register(".csv", read_csv)
readers.register(".xlsx", read_xlsx)
readers.register(".xlsm", read_xlsx)
readers.register(".xls", refuse_xls)
