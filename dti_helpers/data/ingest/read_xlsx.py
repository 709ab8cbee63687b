"""Reading an XLSX workbook without losing a published value: every sheet, every cell present, streamed.

The sheet XML is streamed (:mod:`~dti_helpers.data.ingest.xlsx_parts`), and only the cells it
holds are kept: its ``<dimension>`` tag is not trusted (a tag that understates the sheet lost
rows; one that says XFD1048576 would allocate a grid of seventeen billion cells), and the rows
and cells limits stop the read as soon as they are passed.

What would otherwise turn published figures into "not published" without a word is a problem
naming the cells: formulas saved without their values (a workbook written by a script and never
opened in Excel), merged cells in the data rows. Merged cells in the header are expanded, so a
two-row header (an index name merged over its sub-columns) reads as one row. A password-protected
workbook is said to be one, not "corrupt".

>>> import io
>>> out = Problems("x.xlsx"); read_xlsx(io.BytesIO(b"PK\\x03\\x04 cut short"), out), out.items[0].code
(None, 'bad_xlsx')
"""
from __future__ import annotations

import datetime
import zipfile
from typing import BinaryIO

from dti_helpers.data.ingest.limits import DEFAULT_LIMITS, Limits, grouped
from dti_helpers.data.ingest.problems import Problems
from dti_helpers.data.ingest.sheet import choose_sheet
from dti_helpers.data.ingest.table import Sheet
from dti_helpers.data.ingest.xlsx_parts import (Book, XlsxProblem, book_of, cell_ref, column_letters, from_serial,
                                                parse_part)

# How many cells a problem names before it says how many more there are.
NAMED_CELLS = 5
# The most rows a header spread over merged cells may take (an index name above its sub-columns).
HEADER_ROWS = 3
# The names of the streams that hold an encrypted workbook (MS-OFFCRYPTO), in a zip or a CFB file.
ENCRYPTED_STREAMS = ("EncryptedPackage", "EncryptionInfo")
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_xlsx(fh: BinaryIO, out: Problems, limits: Limits = DEFAULT_LIMITS, sheet: str | None = None) -> Sheet | None:
    """The rows of the workbook's table sheet (:func:`~dti_helpers.data.ingest.sheet.choose_sheet`).

    ``None`` after adding a problem.
    """
    try:
        with zipfile.ZipFile(fh) as zf:
            if any(i.filename.rpartition("/")[2] in ENCRYPTED_STREAMS or i.flag_bits & 1 for i in zf.infolist()):
                out.add("encrypted")
                return None
            book = book_of(zf, limits)
            if not book.sheets:
                out.add("bad_xlsx")
                return None
            return choose_sheet(list(book.sheets), lambda name: read_sheet(zf, book, name, limits, out),
                                sheet, out)
    except XlsxProblem as problem:
        out.add(problem.code, **problem.fields)
        return None
    except Exception:  # noqa: BLE001 - a damaged workbook raises zip, zlib, XML, key and value errors alike
        out.add("bad_xlsx")
        return None


def refuse_cfb(fh: BinaryIO, out: Problems, limits: Limits = DEFAULT_LIMITS, sheet: str | None = None) -> None:
    """A compound (OLE) file: a password-protected workbook, or an old binary ``.xls`` one; neither is read.

    Excel saves a workbook with a password as a compound file holding the streams
    "EncryptionInfo" and "EncryptedPackage"; their names sit in its directory in UTF-16.

    >>> import io
    >>> out = Problems("x.xls"); refuse_cfb(io.BytesIO(CFB_MAGIC), out), out.items[0].code
    (None, 'old_xls')
    """
    out.add("encrypted" if is_encrypted_cfb(fh) else "old_xls")
    return None


def is_encrypted_cfb(fh: BinaryIO) -> bool:
    """Whether a compound file's directory names an encrypted package (read in chunks).

    >>> import io
    >>> is_encrypted_cfb(io.BytesIO(CFB_MAGIC + "EncryptedPackage".encode("utf-16-le") + b"\\0\\0"))
    True
    """
    names = [name.encode("utf-16-le") + b"\0\0" for name in ENCRYPTED_STREAMS]
    overlap = max(len(n) for n in names)
    fh.seek(0)
    tail = b""
    for chunk in iter(lambda: fh.read(1 << 20), b""):
        window = tail + chunk
        if any(n in window for n in names):
            return True
        tail = window[-overlap:]
    return False


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


def number_text(text: str, style: int, book: Book) -> str:
    """A number cell's text: as a CSV holds it, or the date it shows when its style is a date.

    >>> book = Book({}, [], {1: "date"}, datetime.datetime(1899, 12, 30))
    >>> number_text("2021", 0, book), number_text("6.419E-1", 0, book), number_text("44562", 1, book)
    ('2021', '0.6419', '2022-01-01T00:00:00')
    """
    text = text.strip()
    number: int | float = float(text) if any(c in text for c in ".eE") or not text.lstrip("-+").isdigit() else int(text)
    kind = book.date_styles.get(style)
    if kind is None:
        return cell_text(number)
    try:
        return cell_text(from_serial(number, kind, book.epoch))
    except (OverflowError, ValueError):
        return "#VALUE!"  # as Excel shows a date out of its range


class _SheetCells:
    """Streams a sheet's rows: row number -> {column: text}, with formulas lacking values and merges."""

    def __init__(self, book: Book, limits: Limits):
        self.book, self.limits = book, limits
        self.rows: dict[int, dict[int, str]] = {}
        self.no_value: list[tuple[int, int]] = []  # the first few formulas without a value, and how many
        self.n_no_value = 0
        self.merges: list[tuple[int, int, int, int]] = []
        self.row, self.column, self.n_rows, self.n_cells = 0, 0, 0, 0
        self.cells: dict[int, str] = {}
        self.cell: dict | None = None
        self.buffer: list[str] | None = None
        self.phonetic = 0

    def start(self, tag, attrs):
        if tag == "row":
            self.row = int(attrs["r"]) if attrs.get("r", "").isdigit() else self.row + 1
            self.column, self.cells = 0, {}
        elif tag == "c":
            ref = attrs.get("r")
            where = cell_ref(ref) if ref else (self.row, self.column + 1)
            if where is None:
                raise XlsxProblem("bad_xlsx")
            self.column = where[1]
            self.cell = {"t": attrs.get("t", "n"), "s": attrs.get("s", "0"), "f": False, "v": None, "is": []}
        elif self.cell is not None:
            if tag == "f":
                self.cell["f"] = True
            elif tag == "v":
                self.buffer = []
            elif tag == "rPh":
                self.phonetic += 1
            elif tag == "t" and not self.phonetic:
                self.buffer = self.cell["is"]
        elif tag == "mergeCell":
            self._merge(attrs.get("ref", ""))

    def text(self, data):
        if self.buffer is not None:
            self.buffer.append(data)

    def end(self, tag):
        if tag == "v" and self.cell is not None:
            self.cell["v"], self.buffer = "".join(self.buffer or ()), None
        elif tag == "t":
            self.buffer = None
        elif tag == "rPh":
            self.phonetic -= 1
        elif tag == "c" and self.cell is not None:
            text = self._value(self.cell)
            if text:
                self.cells[self.column] = text
            self.cell = None
        elif tag == "row":
            self._keep_row()

    def _value(self, cell: dict) -> str:
        kind, value = cell["t"], cell["v"]
        if cell["f"] and (value is None or (value == "" and kind != "str")):
            self.n_no_value += 1
            if len(self.no_value) < NAMED_CELLS:
                self.no_value.append((self.row, self.column))
            return ""
        if kind == "inlineStr":
            return "".join(cell["is"])
        if not value:
            return ""
        if kind == "s":
            return self.book.strings[int(value)]
        if kind == "b":
            return cell_text(bool(int(value)))
        if kind == "d":
            return cell_text(datetime.datetime.fromisoformat(value.strip()))
        if kind in ("str", "e"):
            return value
        return number_text(value, int(cell["s"]) if cell["s"].isdigit() else 0, self.book)

    def _keep_row(self):
        if not self.cells:
            return
        self.n_rows += 1
        # What is kept is a list as wide as the row's last cell: that is what the limit counts.
        self.n_cells += max(self.cells)
        if self.n_rows > self.limits.max_rows:
            raise XlsxProblem("too_many_rows", row=self.row, limit=grouped(self.limits.max_rows))
        if self.n_cells > self.limits.max_cells:
            raise XlsxProblem("too_many_cells", row=self.row, limit=grouped(self.limits.max_cells))
        self.rows.setdefault(self.row, {}).update(self.cells)

    def _merge(self, ref: str):
        first, _, last = ref.partition(":")
        a, b = cell_ref(first), cell_ref(last or first)
        if a is None or b is None:
            raise XlsxProblem("bad_xlsx")
        if a != b:
            self.merges.append((min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])))


def read_sheet(zf: zipfile.ZipFile, book: Book, name: str, limits: Limits, out: Problems) -> Sheet | None:
    """One sheet's rows, merged header cells expanded; formulas without values and merged data cells
    become the sheet's problems (said only if it is the sheet read)."""
    cells = _SheetCells(book, limits)
    try:
        parse_part(zf, book.sheets[name], limits, cells)
    except XlsxProblem as problem:
        fields = dict(problem.fields)
        row = fields.pop("row", None)
        out.add(problem.code, row, **fields)
        return None
    rows = cells.rows
    try:
        problems = list(_expand_merges(rows, cells.merges, name, limits, cells.n_cells))
    except XlsxProblem as problem:
        out.add(problem.code, **problem.fields)
        return None
    if cells.no_value:
        named = ", ".join(f"{column_letters(c)}{r}" for r, c in cells.no_value)
        more = cells.n_no_value - len(cells.no_value)
        problems.insert(0, ("formula_no_value", cells.no_value[0][0], None, None,
                            {"cells": named + (", …" if more > 0 else ""), "n": cells.n_no_value,
                             "sheet": name}))
    dense = [(line, [row.get(c, "") for c in range(1, max(row) + 1)]) for line, row in sorted(rows.items())]
    return Sheet(name, dense, tuple(problems))


def _expand_merges(rows: dict[int, dict[int, str]], merges, sheet: str, limits: Limits, used: int):
    """Copy each merged header cell's value over its range; yield a problem for each merge in the data.

    The header is the first row with a value, with the rows merged cells starting there reach
    down to (a header of at most ``HEADER_ROWS`` rows, an index name over its sub-columns): its rows
    above the last one are dropped, so the last, expanded, is the header. A merge lower down hides
    values: the data rows need one value per cell. A merge keeps the value of its first cell
    only (Excel empties the others), so a merge whose first cell is empty loses nothing. The cells
    the expansion adds count, with the ``used`` ones, against the cells limit.
    """
    if not rows or not merges:
        return
    top = min(rows)
    bottom = max([r2 for r1, _, r2, _ in merges if r1 == top and r2 < top + HEADER_ROWS], default=top)
    for r1, c1, r2, c2 in sorted(merges):
        value = rows.get(r1, {}).get(c1, "")
        if not value:
            continue
        if top <= r1 and r2 <= bottom:
            used += (r2 - r1 + 1) * (c2 - c1 + 1)
            if used > limits.max_cells:
                raise XlsxProblem("too_many_cells", limit=grouped(limits.max_cells))
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    rows.setdefault(r, {})[c] = value
        else:
            ref = f"{column_letters(c1)}{r1}:{column_letters(c2)}{r2}"
            yield ("merged_cells", r1, None, None, {"cells": ref, "sheet": sheet})
    for r in range(top, bottom):
        rows.pop(r, None)
