"""Rows to a table: what a reader returns (:class:`Sheet`) and the header and data rows read from it.

A reader (:mod:`~dti_helpers.data.ingest.read_csv`, :mod:`~dti_helpers.data.ingest.read_xlsx`)
returns one :class:`Sheet`: the file's rows as ``(line, cells)`` with 1-based line numbers as
the file shows them (the sheet row in a workbook). :func:`table_of` drops blank rows, takes the
first row left as the header and checks each row's width against it.

>>> table_of(Sheet(None, [(1, ["year", "score"]), (2, ["2021", "0,5"])]), Problems("t.csv"))
Table(header=['year', 'score'], header_line=1, rows=[(2, ['2021', '0,5'])], sheet=None)
"""
from __future__ import annotations

from typing import NamedTuple

from dti_helpers.data.ingest.problems import Problems

Rows = list[tuple[int, list[str]]]


class Sheet(NamedTuple):
    """The rows one reader read: a CSV file (``name`` None) or one sheet of a workbook.

    ``problems`` are ``(code, row, column, value, fields)`` said only if this sheet is the one
    read (a formula without a value on a sheet left unread loses nothing). ``full_rows``: each
    row holds every field, as a CSV line does; a shorter row lost cells (a workbook leaves
    empty cells out, so its short rows are fine).

    >>> Sheet("DTI", [(1, ["year"])]).problems
    ()
    """

    name: str | None
    rows: Rows
    problems: tuple = ()
    full_rows: bool = False


class Table(NamedTuple):
    """A table's header (with its file line) and its data rows, blank rows dropped; ``sheet`` read.

    >>> Table(["year"], 1, [(2, ["2021"])]).header_line
    1
    """

    header: list[str]
    header_line: int
    rows: Rows
    sheet: str | None = None


def trimmed(cells: list[str]) -> list[str]:
    """A row without its trailing empty cells (Excel pads CSV rows to the widest one).

    >>> trimmed(["a", "", " "]), trimmed(["", ""])
    (['a'], [])
    """
    end = len(cells)
    while end and not cells[end - 1].strip():
        end -= 1
    return cells[:end]


def table_of(sheet: Sheet, out: Problems) -> Table | None:
    """Drop blank rows and trailing empty cells; the first row left is the header.

    A row with more cells than the header, or (in a CSV) fewer fields, is a problem and is not
    read: its values would land in the wrong columns, or its missing cells would read as "not
    published".

    >>> out = Problems("t.csv")
    >>> table_of(Sheet(None, [(1, ["year", "rank"]), (2, ["", ""]), (3, ["2021"])], full_rows=True), out).rows
    []
    >>> [(p.code, p.row, dict(p.fields)) for p in out.items]
    [('short_row', 3, {'n': 1, 'm': 2})]
    """
    for problem in sheet.problems:
        code, row, column, value, fields = problem
        out.add(code, row, column, value, **fields)
    if sheet.problems:
        return None
    kept = [(line, trimmed(cells), len(cells)) for line, cells in sheet.rows]
    kept = [row for row in kept if row[1]]
    if not kept:
        out.add("empty_file")
        return None
    (header_line, header, _), body = kept[0], kept[1:]
    if not body:
        out.add("no_rows")
        return None
    good = []
    for line, cells, fields in body:
        if len(cells) > len(header):
            extra = next(c for c in cells[len(header):] if c.strip())  # the value that is out of place
            out.add("extra_cells", line, None, extra, n=len(cells), m=len(header))
        elif sheet.full_rows and fields < len(header):
            out.add("short_row", line, None, None, n=fields, m=len(header))
        else:
            good.append((line, cells))
    return Table(header, header_line, good, sheet.name)
