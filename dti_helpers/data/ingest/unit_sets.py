"""Which unit set a record belongs to: the 63 provinces or the 34 units of the July 2025 merger.

The year decides first: results of 2020..2023 are of the 63, results from
2025 on of the 34. The 2024 results were published for both, so a 2024 table
without a ``unit_set`` column is told by its rows: a row fits one set only
when its name resolves in that set alone ("Hà Giang" is only among the 63)
or its ``province_code`` is that name's code in that set alone ("Bắc Ninh"
with 24 is the new Bắc Ninh; with 27 the former one). Almost every name of
the 34 is also a name of the 63, so a whole table is a third sign: one that
names each of the 34 units and nothing else is the 34-unit ranking.

A 2024 table with rows of only one set is of that set, else of the 63; rows
of only the 63 mixed with rows of only the 34 are one problem. A table of
the 34 in a year of the 63 is one problem too. Records that carry their own
``unit_set`` are left to :func:`~dti_helpers.data.ingest.checks.check_record`.

>>> year_unit_set(2023), year_unit_set(2024), year_unit_set(2025)
('63', None, '34')
"""
from __future__ import annotations

from collections import defaultdict

from dti_helpers.core.errors import UnknownProvinceError
from dti_helpers.core.schema import MERGER_YEAR, UNIT_SETS
from dti_helpers.data.catalogue import Catalogue
from dti_helpers.data.ingest.official import Cell
from dti_helpers.data.ingest.problems import Problems

# The one assessment year published for both unit sets (dti.gov.vn, October 2025).
BOTH_SETS_YEAR = MERGER_YEAR - 1


def year_unit_set(year: int) -> str | None:
    """The unit set of assessment ``year``'s results; ``None`` for 2024, published for both.

    >>> year_unit_set(2020), year_unit_set(2030)
    ('63', '34')
    """
    if year == BOTH_SETS_YEAR:
        return None
    return "34" if year >= MERGER_YEAR else "63"


def fitting_sets(cat: Catalogue, name: str, code: str = "") -> tuple[str, ...]:
    """The unit sets in which ``name`` is one unit (whose code is ``code``, when one is given).

    >>> from dti_helpers.data.catalogue import load_catalogue
    >>> cat = load_catalogue()
    >>> fitting_sets(cat, "Bắc Ninh"), fitting_sets(cat, "Bắc Ninh", "24"), fitting_sets(cat, "Hà Giang")
    (('63', '34'), ('34',), ('63',))
    """
    found = []
    for unit_set in UNIT_SETS:
        try:
            resolved = cat.resolve(name, unit_set)
        except UnknownProvinceError:
            continue
        if not code.strip() or code.strip().zfill(2) == resolved:
            found.append(unit_set)
    return tuple(found)


def other_set_code(cat: Catalogue, name: str, code: str, unit_set: str) -> str | None:
    """The code ``name`` has in ``unit_set`` when ``code`` is its code in the other set only.

    A code that means another unit in the other set as well is a plain mismatch (``None``).

    >>> from dti_helpers.data.catalogue import load_catalogue
    >>> cat = load_catalogue()
    >>> other_set_code(cat, "Bắc Ninh", "24", "63"), other_set_code(cat, "Bắc Ninh", "26", "63")
    ('27', None)
    """
    if fitting_sets(cat, name, code) != tuple(s for s in UNIT_SETS if s != unit_set):
        return None
    try:
        return cat.resolve(name, unit_set)
    except UnknownProvinceError:
        return None


def assign_unit_sets(recs: list[dict[str, Cell]], cat: Catalogue, out: Problems) -> list[dict[str, Cell]]:
    """Give each record without a ``unit_set`` the set of its year (2024: of its table's rows).

    Returns the records to check: a 2024 table that mixes the sets is reported
    once and its rows are not checked further (each would fail in either set).

    >>> from dti_helpers.data.catalogue import load_catalogue
    >>> rec = {"year": Cell("2025", None, None), "province": Cell("Bắc Ninh", "province", 2),
    ...        "metric": Cell("dti", None, 2)}
    >>> assign_unit_sets([rec], load_catalogue(), Problems("t.csv"))[0]["unit_set"].text
    '34'
    """
    by_year: dict[int, list[dict[str, Cell]]] = defaultdict(list)
    for rec in recs:
        year = _year(rec)
        if year is not None and not rec.get("unit_set", Cell("", None, None)).text.strip():
            by_year[year].append(rec)
    dropped: set[int] = set()
    for year, group in by_year.items():
        unit_set = _table_unit_set(year, group, cat, out)
        if unit_set is None:
            dropped.update(id(rec) for rec in group)
            continue
        for rec in group:
            rec["unit_set"] = Cell(unit_set, None, rec["metric"].line)
    return [rec for rec in recs if id(rec) not in dropped]


def _year(rec: dict[str, Cell]) -> int | None:
    text = rec.get("year", Cell("", None, None)).text.strip()
    return int(text) if text.isascii() and text.isdigit() else None  # a bad year is check_record's to report


def _table_unit_set(year: int, group: list[dict[str, Cell]], cat: Catalogue, out: Problems) -> str | None:
    """The set of one year's records, or ``None`` after reporting a mix of the two sets."""
    rows = _rows(group)
    fits = {line: fitting_sets(cat, cell.text, code) for line, (cell, code) in rows.items()}
    whole_34 = _names_the_34(fits, rows, cat)
    expected = year_unit_set(year)
    if expected == "63" and whole_34:
        cell = rows[min(rows)][0]
        out.add("table_of_34_units", cell.line, cell.column, cell.shown, year=year)
    if expected is not None:
        return expected
    only_63 = [line for line in sorted(fits) if fits[line] == ("63",)]
    only_34 = [line for line in sorted(fits) if fits[line] == ("34",)]
    if only_63 and only_34:
        first, second = sorted((only_63[0], only_34[0]))
        cell = rows[second][0]
        out.add("mixed_unit_sets", cell.line, cell.column, cell.shown, year=year,
                name_63=_shown(rows[only_63[0]], cat), line_63=only_63[0],
                name_34=_shown(rows[only_34[0]], cat), line_34=only_34[0])
        return None
    return "34" if only_34 or whole_34 else "63"


def _rows(group: list[dict[str, Cell]]) -> dict[int, tuple[Cell, str]]:
    """File line -> (province cell, code text): an official row makes one record per metric."""
    rows = {}
    for rec in group:
        cell = rec.get("province")
        if cell is not None and cell.text.strip() and cell.line is not None:
            rows.setdefault(cell.line, (cell, rec.get("province_code", Cell("", None, None)).text))
    return rows


def _names_the_34(fits: dict[int, tuple[str, ...]], rows: dict[int, tuple[Cell, str]], cat: Catalogue) -> bool:
    """Whether the rows name every one of the 34 units, once each, and nothing outside them."""
    units = cat.units("34").index
    if len(rows) != len(units) or not all("34" in f for f in fits.values()):
        return False
    return {cat.resolve(cell.text, "34") for cell, _ in rows.values()} == set(units)


def _shown(row: tuple[Cell, str], cat: Catalogue) -> str:
    """The row's name, and its code when the code is what tells the set ("Bắc Ninh (24)")."""
    cell, code = row
    told_by_code = code.strip() and len(fitting_sets(cat, cell.text)) > 1
    return f"{cell.shown} ({code.strip()})" if told_by_code else cell.shown
