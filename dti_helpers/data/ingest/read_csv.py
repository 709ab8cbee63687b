"""Reading a CSV table as the analyst saved it: UTF-8, ``,`` ``;`` or tab separated, streamed.

The file is read line by line, so the rows limit stops a huge file early and memory follows the
rows kept, not the file (its size was checked before it was opened). Each line names its own
problem: the first byte that is not UTF-8, a quote left open, a field longer than the csv
module reads (said as such: it is not a quote problem).

>>> import io
>>> read_csv(io.BytesIO("year;score\\n2021;0,5\\n".encode()), Problems("t.csv")).rows
[(1, ['year', 'score']), (2, ['2021', '0,5'])]
"""
from __future__ import annotations

import csv
import io
import itertools
import re
from typing import BinaryIO

from dti_helpers.data.ingest.limits import DEFAULT_LIMITS, Limits, grouped
from dti_helpers.data.ingest.problems import Problems
from dti_helpers.data.ingest.table import Sheet

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
UTF8_BOM = b"\xef\xbb\xbf"
DELIMITERS = (",", ";", "\t")
CHUNK = 1 << 20
# A byte that is not UTF-8, as the "surrogateescape" error handler keeps it (U+DC80..U+DCFF).
_UNDECODABLE = re.compile("[\udc80-\udcff]")
# The csv module's words for a field over its size limit (the only csv.Error that is not about quotes).
FIELD_LIMIT_ERROR = "field larger than field limit"
# The longest field read: the csv module's default limit, checked here too, because that limit is
# process-wide and other libraries raise it (frictionless does on import).
MAX_FIELD = 131_072


def read_csv(fh: BinaryIO, out: Problems, limits: Limits = DEFAULT_LIMITS, sheet: str | None = None) -> Sheet | None:
    """The rows of a CSV file (``sheet`` is for workbooks and is ignored); ``None`` after a problem.

    >>> import io
    >>> out = Problems("t.csv"); read_csv(io.BytesIO(b'year\\n"2021\\n'), out), out.items[0].code
    (None, 'bad_csv_quote')
    """
    head = fh.read(4)
    fh.seek(0)
    if head.startswith(UTF16_BOMS):  # UTF-16, as Excel's "Unicode Text" saves
        out.add("not_utf8", 1, None, f"0x{head[0]:02X}")
        return None
    kind = scan(fh)
    if kind is not None:
        out.add(kind)
        return None
    text = io.TextIOWrapper(fh, encoding="utf-8-sig", errors="surrogateescape", newline="")
    try:
        return _rows(fh, text, out, limits)
    finally:
        text.detach()  # the caller closes the file


def scan(fh: BinaryIO) -> str | None:
    """``"binary"`` if the file holds a NUL byte, ``"empty_file"`` if only blanks; read in chunks.

    >>> import io
    >>> scan(io.BytesIO(b"\\xef\\xbb\\xbf \\n")), scan(io.BytesIO(b"a\\x00")), scan(io.BytesIO(b"a,b"))
    ('empty_file', 'binary', None)
    """
    content = False
    for i, chunk in enumerate(iter(lambda: fh.read(CHUNK), b"")):
        chunk = chunk.removeprefix(UTF8_BOM) if i == 0 else chunk
        if b"\0" in chunk:
            return "binary"
        content = content or bool(chunk.strip())
    fh.seek(0)
    return None if content else "empty_file"


class _Lines:
    """The decoded lines of a file, stopping at the first one holding a byte that is not UTF-8, or
    where the separators seen pass the cells limit (before the csv module splits a line of a
    million commas into a million cells)."""

    def __init__(self, text, max_cells: int):
        self.lines = enumerate(text, 1)
        self.bad: tuple[int, str] | None = None
        self.crowded: int | None = None
        self.max_cells = max_cells
        self.separator = ","

    def __iter__(self):
        seen = 0
        for number, line in self.lines:
            found = _UNDECODABLE.search(line)
            if found:
                self.bad = (number, f"0x{ord(found.group()) - 0xDC00:02X}")
                return
            seen += line.count(self.separator)
            if seen > self.max_cells:
                self.crowded = number
                return
            yield line


def delimiter_of(line: str) -> str:
    """The separator that splits the header most (Excel in a decimal-comma locale saves ``;``).

    >>> delimiter_of("year;score;rank"), delimiter_of("year,score"), delimiter_of("")
    (';', ',', ',')
    """
    def width(d: str) -> int:
        try:
            return len(next(csv.reader([line], delimiter=d), []))
        except csv.Error:
            return 0

    return max(DELIMITERS, key=width)


def _rows(fh: BinaryIO, text, out: Problems, limits: Limits) -> Sheet | None:
    lines = _Lines(text, limits.max_cells)
    stream = iter(lines)
    before = []  # the lines up to the first non-blank one, which sets the separator; read again below
    for line in stream:
        before.append(line)
        if line.strip():
            break
    delimiter = lines.separator = delimiter_of(before[-1] if before else "")
    reader = csv.reader(itertools.chain(before, stream), delimiter=delimiter, strict=True)
    rows, n_rows, n_cells = [], 0, 0
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            if lines.bad is not None or lines.crowded is not None:
                break
            code = "bad_csv_quote"
            if FIELD_LIMIT_ERROR in str(exc) and not _quote_left_open(fh, start):
                code = "field_too_long"
            out.add(code, start, **({"limit": grouped(MAX_FIELD)} if code == "field_too_long" else {}))
            return None
        if not cells:
            continue
        if max(map(len, cells)) > MAX_FIELD:
            out.add("field_too_long", start, limit=grouped(MAX_FIELD))
            return None
        n_rows, n_cells = n_rows + 1, n_cells + len(cells)
        if n_rows > limits.max_rows:
            out.add("too_many_rows", start, limit=grouped(limits.max_rows))
            return None
        if n_cells > limits.max_cells:
            out.add("too_many_cells", start, limit=grouped(limits.max_cells))
            return None
        rows.append((start, cells))
    if lines.bad is not None:
        out.add("not_utf8", lines.bad[0], None, lines.bad[1])
        return None
    if lines.crowded is not None:
        out.add("too_many_cells", lines.crowded, limit=grouped(limits.max_cells))
        return None
    return Sheet(None, rows, full_rows=True)


def _quote_left_open(fh: BinaryIO, start: int) -> bool:
    """Whether a quote opened in the record from line ``start`` is never closed.

    A field over the csv module's limit is either that long or runs to the end of the file
    because its quote is never closed. Every well-formed record holds an even number of quote
    characters (a doubled quote inside a field is two), so an odd count from ``start`` to the
    end of the file is a quote left open.
    """
    fh.seek(0)
    text = io.TextIOWrapper(fh, encoding="utf-8-sig", errors="surrogateescape", newline="")
    try:
        return sum(line.count('"') for number, line in enumerate(text, 1) if number >= start) % 2 == 1
    finally:
        text.detach()
