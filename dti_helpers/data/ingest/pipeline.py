"""Reading and checking a DTI data file: the tidy layout of ``data/dti.csv`` or an official table.

One linear run of small steps: read the table
(:mod:`~dti_helpers.data.ingest.read_table`), recognise its layout and turn
the rows into records (:mod:`~dti_helpers.data.ingest.layout`), check each
record and then the records together (:mod:`~dti_helpers.data.ingest.checks`),
and build the tidy table. Every problem is collected
(:mod:`~dti_helpers.data.ingest.problems`) as a coded
:class:`~dti_helpers.core.errors.DataProblem` naming the file, the 1-based
file line (the header is line 1; sheet row in an XLSX), the column as written
in the file, and the value; the caller words them (``problem.message(lang)``).

:func:`read_any` returns the tidy table or raises
:class:`~dti_helpers.core.errors.DataFileError` listing every problem;
:func:`check_file` returns the problems (for ``check-data``);
:func:`read_official` accepts only the official layouts.

>>> problems, n = check_file("data/dti.csv")
>>> problems, n > 400
([], True)
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd

from dti_helpers.core.errors import DataFileError, DataProblem
from dti_helpers.core.schema import TIDY_COLUMNS
from dti_helpers.data.catalogue import Catalogue, load_catalogue
from dti_helpers.data.origin import SOURCE_KINDS
from dti_helpers.data.ingest.checks import (Value, check_2020_totals, check_duplicates, check_rank_order,
                                            check_record, year_ok)
from dti_helpers.data.ingest.layout import OFFICIAL, has_year_column, match_header, records
from dti_helpers.data.ingest.limits import DEFAULT_LIMITS, Limits
from dti_helpers.data.ingest.official import Cell, year_from_name
from dti_helpers.data.ingest.problems import Problems
from dti_helpers.data.ingest.read_table import read_table
from dti_helpers.data.ingest.unit_sets import assign_unit_sets


def read_any(path: str | Path, catalogue: Catalogue | None = None, year: int | None = None, *,
             scale: int | None = None, name: str | None = None, sheet: str | None = None,
             limits: Limits = DEFAULT_LIMITS) -> pd.DataFrame:
    """Read a tidy or official-layout file (CSV or XLSX) into the checked tidy table.

    The layout is recognised from the header. ``year`` is the assessment year
    of an official table that has no ``year``/``Năm`` column (else it is taken
    from the file name); for a file that has years it must agree with them.
    ``scale=1000`` declares 1000-point scores. ``name`` is how problems call
    the file (default: the path as given). ``sheet`` names the workbook sheet to read (by
    default the one in a known layout); ``limits`` bound what is read. Raises
    :class:`~dti_helpers.core.errors.DataFileError` listing every problem.

    >>> t = read_any("tests/fixtures/official/dti_2022_chi_tiet.csv")
    >>> len(t), t.metric.nunique(), t.province.iloc[0]
    (45, 9, 'Quảng Ninh')
    """
    return _read_checked(path, catalogue, year, scale, name, None, sheet, limits)


def read_official(path: str | Path, catalogue: Catalogue | None = None, year: int | None = None, *,
                  scale: int | None = None, sheet: str | None = None, limits: Limits = DEFAULT_LIMITS) -> pd.DataFrame:
    """Read and validate an official dti.gov.vn table (CSV or XLSX) into the tidy table.

    The result has the columns and dtypes of ``data/dti.csv`` (``unit_set``
    of the year: "63" up to 2023, "34" from 2025, for 2024 as the names say;
    canonical names of that set, ``sources`` = the file path). Raises
    :class:`~dti_helpers.core.errors.DataFileError` listing every problem, also
    when the file is in another layout (use :func:`read_any` for any layout).

    >>> t = read_official("tests/fixtures/official/dti_2021_tong_hop.csv")
    >>> t.query("province_code == '48' and metric == 'dti'")[["score", "rank"]].values.tolist()
    [[0.6419, 1]]
    """
    return _read_checked(path, catalogue, year, scale, None, OFFICIAL, sheet, limits)


def check_file(path: str | Path, year: int | None = None, *, scale: int | None = None,
               catalogue: Catalogue | None = None, name: str | None = None, sheet: str | None = None,
               limits: Limits = DEFAULT_LIMITS) -> tuple[list[DataProblem], int]:
    """Check a data file; return its problems (empty when valid) and the number of values read.

    Never raises for a data problem: a missing file, a directory, a binary or
    corrupt file are problems too. Arguments as in :func:`read_any`.

    >>> problems, n = check_file("no/such/file.csv")
    >>> [(p.code, p.file) for p in problems], n
    ([('not_found', 'no/such/file.csv')], 0)
    >>> problems[0].message("vi")
    'no/such/file.csv: không tìm thấy tệp'
    """
    problems, _, n = validate(path, catalogue, year, scale, name, sheet=sheet, limits=limits)
    return problems, n


def validate(path: str | Path, catalogue: Catalogue | None = None, year: int | None = None,
             scale: int | None = None, name: str | None = None,
             layouts: tuple[str, ...] | None = None, *, sheet: str | None = None,
             limits: Limits = DEFAULT_LIMITS) -> tuple[list[DataProblem], list[Value], int]:
    """The whole run: (problems, checked values, number of records read).

    ``layouts`` limits the layouts recognised (``None``: all); ``sheet`` and ``limits`` are the
    reader's (:func:`~dti_helpers.data.ingest.read_table.read_table`). Each value read from a
    workbook names its sheet.

    >>> problems, values, n = validate("tests/fixtures/official/dti_2021_tong_hop.csv")
    >>> problems, len(values) == n
    ([], True)
    """
    if scale not in (None, 1, 1000):
        raise ValueError(f"scale must be None, 1 or 1000, not {scale!r}")
    path = Path(path)
    source = str(path) if name is None else name
    out = Problems(source)
    recs, layout, sheet_read = _records(path, year, out, layouts, sheet, limits)
    if recs is None:
        return out.sorted(), [], 0
    cat = catalogue or load_catalogue()
    recs = assign_unit_sets(recs, cat, out)
    # A tidy table holds many years: the caller's year dates one-year tables only (an official table
    # whose own year column says otherwise is a problem).
    year_arg = None if layout == "tidy" else year
    values = [replace(v, sheet=sheet_read) for v in (check_record(r, out, cat, scale, year_arg, source) for r in recs)
              if v is not None]
    check_duplicates(values, out)
    check_rank_order(values, out)
    check_2020_totals(values, out)
    return out.sorted(), values, len(recs)


def tidy_frame(values: list[Value], cat: Catalogue) -> pd.DataFrame:
    """The tidy table of checked values, with the columns, dtypes and order of ``data/dti.csv``.

    >>> tidy_frame([], load_catalogue()).columns.tolist() == TIDY_COLUMNS
    True
    """
    df = pd.DataFrame([{"year": v.year, "unit_set": v.unit_set, "province_code": v.code, "province": v.province,
                        "metric": v.metric, "score": v.score, "rank": v.rank, "doubtful": v.doubtful,
                        "sources": v.sources, "source_kind": _kind(v), "note": v.note, "note_vi": v.note_vi} for v in values],
                      columns=TIDY_COLUMNS)
    df = df.astype({"year": "int64", "score": "float64", "rank": "Int64", "doubtful": "bool"})
    order = cat.metrics["order"].to_dict()
    df = df.sort_values(["year", "unit_set", "province_code", "metric"], kind="stable",
                        key=lambda s: s.map(order) if s.name == "metric" else s)
    return df.reset_index(drop=True)


def _kind(value: Value) -> str:
    # A table dti-reports wrote keeps the kinds it gave; any other row is the analyst's file.
    cell = value.cells.get("source_kind")
    text = cell.text.strip() if cell is not None else ""
    return text if text in SOURCE_KINDS else "file"


def _read_checked(path, catalogue, year, scale, name, layouts, sheet, limits) -> pd.DataFrame:
    cat = catalogue or load_catalogue()
    problems, values, _ = validate(path, cat, year, scale, name, layouts, sheet=sheet, limits=limits)
    if problems:
        raise DataFileError(problems)
    return tidy_frame(values, cat)


def _records(path: Path, year: int | None, out: Problems, layouts, sheet, limits):
    """Read the file and turn its rows into records: (records, layout, sheet read); ``None`` records
    when nothing can be checked (a file, header or year problem)."""
    if year is not None and not year_ok(year):
        out.add("year_out_of_range", None, None, year)
        return None, "", None
    table = read_table(path, out, limits, sheet)
    if table is None:
        return None, "", None
    matched = match_header(table, out, layouts)
    if matched is None:
        return None, "", table.sheet
    layout, columns = matched
    year_cell = None
    if layout != "tidy" and not has_year_column(layout, columns):
        year_cell = _year_of_table(path, year, out)
        if year_cell is None:
            return None, "", table.sheet
    return records(layout, columns, table, year_cell, out), layout, table.sheet


def _year_of_table(path: Path, year: int | None, out: Problems) -> Cell | None:
    """The year of an official table without a year column: the caller's, else the file name's.

    A caller's year that the file name contradicts is a problem: a table named 2022 read as 2021
    would put every figure in the wrong year.
    """
    years = year_from_name(path)
    if year is not None:
        if years and year not in years:
            out.add("name_year_conflict", None, None, path.name, year=year, years=", ".join(map(str, years)))
            return None
        return Cell(str(year), None, None)
    if len(years) > 1:
        out.add("name_years", None, None, path.name, years=", ".join(map(str, years)))
    elif not years:
        out.add("no_year")
    elif not year_ok(years[0]):
        out.add("year_out_of_range", None, None, years[0])
    else:
        return Cell(str(years[0]), None, None)
    return None
