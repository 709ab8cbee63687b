"""Which sheet of a workbook is the table: every sheet is looked at, the one in a known layout is read.

An analyst's workbook often holds more than the table: a README, notes, a chart's data, a copy
of last year's table. Reading the active sheet alone turned a table kept on another sheet into
"not published" without a word; here each sheet's header is matched against the known layouts
(:func:`~dti_helpers.data.ingest.layout.best_layout`). One sheet in a known layout is read;
several, or none among several sheets, is a problem listing them, and ``--sheet NAME`` picks one.

>>> rows = {"README": [(1, ["Made by hand"])], "DTI": [(1, ["year", "province", "metric", "score", "rank"])]}
>>> choose_sheet(list(rows), lambda name: Sheet(name, rows[name]), None, Problems("x.xlsx")).name
'DTI'
"""
from __future__ import annotations

from collections.abc import Callable

from dti_helpers.data.ingest.layout import best_layout
from dti_helpers.data.ingest.problems import Problems
from dti_helpers.data.ingest.table import Rows, Sheet, trimmed

# Columns of one layout a header must name to count as a table (a note sheet may name one).
KNOWN_COLUMNS = 2


def layout_of(rows: Rows) -> str | None:
    """The known layout of a sheet's header (its first non-blank row); ``None`` if it has none.

    >>> layout_of([(1, ["", ""]), (2, ["Xếp hạng DTI", "Tỉnh, thành phố", "Xếp hạng CQS"])])
    'overall'
    >>> layout_of([(1, ["Bảng xếp hạng DTI 2022"])]) is None
    True
    """
    header = next((cells for cells in (trimmed(c) for _, c in rows) if cells), None)
    if header is None:
        return None
    layout, score = best_layout(header)
    return layout if score >= KNOWN_COLUMNS else None


def named(names: list[str]) -> str:
    """Sheet names as a problem lists them.

    >>> named(["DTI", "README"])
    '“DTI”, “README”'
    """
    return ", ".join(f"“{name}”" for name in names)


def find_sheet(names: list[str], wanted: str) -> str | None:
    """The sheet ``wanted`` names: exactly, else ignoring case and outer spaces (as Excel does).

    >>> find_sheet(["DTI 2022", "README"], " dti 2022"), find_sheet(["DTI"], "Data")
    ('DTI 2022', None)
    """
    if wanted in names:
        return wanted
    folded = [name for name in names if name.strip().casefold() == wanted.strip().casefold()]
    return folded[0] if len(folded) == 1 else None


def choose_sheet(names: list[str], read: Callable[[str], Sheet | None], wanted: str | None,
                 out: Problems) -> Sheet | None:
    """The sheet to read: ``wanted`` if given, else the one sheet in a known layout.

    ``read(name)`` reads one sheet (``None`` after adding a problem). A workbook of one sheet
    is read whatever its header says, so its header problems are named as a CSV's are.

    >>> out = Problems("x.xlsx")
    >>> choose_sheet(["A", "B"], lambda name: Sheet(name, []), "C", out), out.items[0].fields["sheets"]
    (None, '“A”, “B”')
    """
    if wanted is not None:
        name = find_sheet(names, wanted)
        if name is None:
            out.add("no_such_sheet", None, None, wanted, sheets=named(names))
            return None
        return read(name)
    if len(names) == 1:
        return read(names[0])
    chosen, tables = None, []
    for name in names:
        sheet = read(name)
        if sheet is None:
            return None
        if layout_of(sheet.rows) is not None:
            tables.append(name)
            chosen = chosen or sheet  # the rows of one sheet are kept, not of every sheet
    if len(tables) > 1:
        out.add("several_sheets", None, None, None, tables=named(tables))
        return None
    if chosen is None:
        out.add("no_table_sheet", None, None, None, sheets=named(names))
    return chosen
