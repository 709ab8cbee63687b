"""Reading and checking a DTI data file: the tidy layout of ``data/dti.csv`` or an official table.

:func:`read_any` returns the tidy table or raises
:class:`~dti_helpers.errors.DataFileError` listing every problem;
:func:`check_file` returns the problems (for ``run_reports.py --check-data``).
Each problem is one :class:`~dti_helpers.errors.DataProblem` naming the file,
the 1-based file line (the header is line 1; sheet row in an XLSX), the
column as written in the file, and the value.

What is checked:

* the file: missing, a directory, unreadable, empty, binary, not UTF-8,
  an old ``.xls`` or a corrupt ``.xlsx``, malformed CSV quoting, no data rows,
  a row with more cells than the header;
* the header: a layout must be recognised (tidy, official detail, official
  overall); missing and unknown columns, a column given twice;
* each row: year a whole number in 2020..the current year (and equal to
  ``year`` when the caller gives one), unit set ``63`` or ``34``, a known
  province (closest matches named; national means do not belong here),
  ``province_code`` agreeing with the province, a known metric, a score or a
  rank or both, scores in 0..1, ranks whole numbers in 1..N (63 or 34),
  ``doubtful`` true/false, no markup (``<b>``, ``&amp;``) and no control or
  invisible characters in text fields;
* across rows (only rows without problems of their own, so one typo is
  reported once): a province-year-metric given twice (both lines named);
  within a year and metric, a higher score with a worse rank, or equal scores
  with different ranks (ties share a rank); a 2020 DTI that is not
  0.4·CQS + 0.3·KTS + 0.3·XHS within 0.0005 (where all four scores exist).

The 1000-point scale: dti.gov.vn sometimes prints scores out of 1000
(Bến Tre 2022: 507.72). A score above 1 is an error unless the scale is
declared, because 0.6419 and 641.9 cannot both be meant: declare it per row
with a ``scale`` column (``1`` or ``1000``) or for the whole file with
``scale=1000``. A declared 1000-point score must lie in 0..1000; it is divided
by 1000 and the note says so. Exactly 1 is a valid 0..1 score (a perfect index).

Doubtful rows (``doubtful`` true) are kept on purpose: the published data has
them marked because they are suspect. They are left out of the rank-order and
2020-total checks, and only there. In the embedded data this matters once:
Đắk Nông 2020 (doubtful DTI 0.3026, rank 54) would contradict Sơn La 2020
(0.2613, rank 51).

>>> problems, n = check_file("data/dti.csv")
>>> problems, n
([], 388)
"""
from __future__ import annotations

import csv
import datetime
import difflib
import io
import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from dti_helpers.core.names import normalize_name
from dti_helpers.core.schema import NATIONAL_NAMES, TIDY_COLUMNS, UNIT_SETS
from dti_helpers.data.catalogue import Catalogue, load_catalogue
from dti_helpers.core.errors import DataFileError, DataProblem, UnknownProvinceError
from dti_helpers.core.labels import check_lang, t
from dti_helpers.data.ingest.official import (LAYOUTS, OPTIONAL, SCALE, YEAR, Cell, header_key, layout_keys, official_records,
                       parse_decimal, year_from_name)

FIRST_YEAR = 2020
RANK_LIMIT = {"63": 63, "34": 34}
MERGER_YEAR = 2025  # first assessment year after the 1 July 2025 merger
# DTI 2020 = 0.4·CQS + 0.3·KTS + 0.3·XHS (the 1000-point scale split 400/300/300).
WEIGHTS_2020 = {"cqs": 0.4, "kts": 0.3, "xhs": 0.3}
TOLERANCE_2020 = 0.0005

# Tidy layout: header -> field; the header is matched by ``header_key``.
TIDY_HEADERS = {"year": "year", "Năm": "year", "unit_set": "unit_set", "province_code": "province_code",
                "province": "province", "metric": "metric", "score": "score", "rank": "rank",
                "doubtful": "doubtful", "sources": "sources", "note": "note", "note_vi": "note_vi",
                "scale": "scale", "Thang điểm": "scale"}
TIDY_REQUIRED = ("year", "province", "metric", "score", "rank")
TEXT_FIELDS = ("province", "province_code", "metric", "sources", "note", "note_vi")

_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?][^<>]*>|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")
_INTEGER = re.compile(r"[+-]?\d+")
_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_INVISIBLE = ("Cc", "Cf")


class _Table(NamedTuple):
    header: list[str]
    header_line: int
    rows: list[tuple[int, list[str]]]


@dataclass
class _Value:
    """One checked value, with the cells it came from (for cross-row messages)."""

    line: int
    year: int
    unit_set: str
    code: str
    province: str
    metric: str
    score: float
    rank: int | None
    doubtful: bool
    sources: str
    note: str
    note_vi: str
    cells: dict[str, Cell]


class _Problems:
    """Collects problems for one file, their messages from ``labels.LABELS`` in ``lang``."""

    def __init__(self, file: str, lang: str):
        self.file, self.lang, self.items = file, check_lang(lang), []
        self.column_order: dict[str, int] = {}  # header -> position, so a line's problems read left to right

    def add(self, row: int | None, column: str | None, value: object, key: str, **fields: object) -> None:
        shown = None if value is None else _visible(str(value))
        self.items.append(DataProblem(self.file, row, column, shown, t(key, self.lang, **fields)))

    def sorted(self) -> list[DataProblem]:
        # An official row yields one record per metric; a bad province cell must be said once.
        return sorted(dict.fromkeys(self.items), key=lambda p: (p.row is not None, p.row or 0,
                                                 self.column_order.get(p.column, len(self.column_order))))


def _visible(text: str) -> str:
    """Escape control and invisible characters so a problem stays one readable line."""
    return "".join(c.encode("unicode_escape").decode("ascii") if unicodedata.category(c) in _INVISIBLE else c
                   for c in text)


# --- public API ------------------------------------------------------------------------------


def read_any(path: str | Path, catalogue: Catalogue | None = None, year: int | None = None, *,
             scale: int | None = None, name: str | None = None, lang: str = "en") -> pd.DataFrame:
    """Read a tidy or official-layout file (CSV or XLSX) into the checked tidy table.

    The layout is recognised from the header. ``year`` is the assessment year
    of an official table that has no ``year``/``Năm`` column (else it is taken
    from the file name); for a file that has years it must agree with them.
    ``scale=1000`` declares 1000-point scores. ``name`` is how messages call
    the file (default: the path as given). Raises
    :class:`~dti_helpers.errors.DataFileError` listing every problem.

    >>> t = read_any("tests/fixtures/official/dti_2022_chi_tiet.csv")
    >>> len(t), t.metric.nunique(), t.province.iloc[0]
    (45, 9, 'Quảng Ninh')
    """
    return _read_checked(path, catalogue, year, scale=scale, name=name, lang=lang)


def check_file(path: str | Path, year: int | None = None, *, scale: int | None = None,
               catalogue: Catalogue | None = None, name: str | None = None,
               lang: str = "en") -> tuple[list[DataProblem], int]:
    """Check a data file; return its problems (empty when valid) and the number of values read.

    Never raises for a data problem: a missing file, a directory, a binary or
    corrupt file are problems too. Arguments as in :func:`read_any`.

    >>> problems, n = check_file("no/such/file.csv")
    >>> [str(p) for p in problems], n
    (['no/such/file.csv: file not found'], 0)
    """
    problems, _, n = _validate(path, catalogue, year, scale, name, lang)
    return problems, n


# --- the pipeline ----------------------------------------------------------------------------


def _read_checked(path, catalogue, year, *, scale=None, name=None, lang="en", layouts=None) -> pd.DataFrame:
    cat = catalogue or load_catalogue()
    problems, values, _ = _validate(path, cat, year, scale, name, lang, layouts)
    if problems:
        raise DataFileError(problems)
    return _frame(values, cat)


def _validate(path, catalogue, year, scale, name, lang, layouts=None) -> tuple[list[DataProblem], list[_Value], int]:
    if scale not in (None, 1, 1000):
        raise ValueError(f"scale must be None, 1 or 1000, not {scale!r}")
    path = Path(path)
    out = _Problems(str(path) if name is None else name, lang)
    records = _records(path, year, out, layouts)
    if records is None:
        return out.sorted(), [], 0
    cat = catalogue or load_catalogue()
    source = str(path) if name is None else name
    values = [v for v in (_parse_record(r, out, cat, scale, year, source) for r in records) if v is not None]
    _check_duplicates(values, out)
    _check_rank_order(values, out)
    _check_2020_totals(values, out)
    return out.sorted(), values, len(records)


def _records(path: Path, year: int | None, out: _Problems, layouts) -> list[dict[str, Cell]] | None:
    """Read the file and turn its rows into records (field -> cell); ``None`` when nothing can be checked
    (a file, header or year problem)."""
    if year is not None and not _year_ok(year):
        out.add(None, None, year, "val_year_range")
        return None
    table = _read_table(path, out)
    if table is None:
        return None
    matched = _match_header(table, out, layouts)
    if matched is None:
        return None
    layout, columns = matched
    if layout == "tidy":
        field = _layouts(("tidy",))["tidy"]
        return [{field[key]: Cell(cells[i] if i < len(cells) else "", header, line) for i, key, header in columns}
                for line, cells in table.rows]
    keys = layout_keys(layout)
    year_cell = None
    if not any(keys[k][1] == YEAR for _, k, _ in columns):
        year_cell = _year_of_table(path, year, out)
        if year_cell is None:
            return None
    return official_records(layout, columns, table.rows, year_cell, out)


def _year_ok(year: int) -> bool:
    return FIRST_YEAR <= year <= datetime.date.today().year


def _year_of_table(path: Path, year: int | None, out: _Problems) -> Cell | None:
    """The year of an official table without a year column: the caller's, else the file name's."""
    if year is not None:
        return Cell(str(year), None, None)
    years = year_from_name(path)
    if len(years) > 1:
        out.add(None, None, path.name, "val_name_years", years=", ".join(map(str, years)))
    elif not years:
        out.add(None, None, None, "val_no_year")
    elif not _year_ok(years[0]):
        out.add(None, None, years[0], "val_year_range")
    else:
        return Cell(str(years[0]), None, None)
    return None


# --- reading the file ------------------------------------------------------------------------


def _read_table(path: Path, out: _Problems) -> _Table | None:
    try:
        if path.is_dir():
            out.add(None, None, None, "val_is_dir")
            return None
        if not path.exists():
            out.add(None, None, None, "val_not_found")
            return None
        data = path.read_bytes()
    except OSError as exc:
        out.add(None, None, None, "val_unreadable", reason=exc.strerror or type(exc).__name__)
        return None
    suffix = path.suffix.lower()
    if not data.removeprefix(b"\xef\xbb\xbf").strip():
        out.add(None, None, None, "val_empty_file")
        return None
    if data.startswith(_ZIP) or suffix in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(data, out)
    elif data.startswith(_OLE) or suffix == ".xls":
        out.add(None, None, None, "val_old_xls")
        return None
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16, as Excel's "Unicode Text" saves
        out.add(1, None, f"0x{data[0]:02X}", "val_not_utf8")
        return None
    elif b"\0" in data:
        out.add(None, None, None, "val_binary")
        return None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            out.add(data[:exc.start].count(b"\n") + 1, None, f"0x{data[exc.start]:02X}", "val_not_utf8")
            return None
        rows = _csv_rows(text, out)
    return None if rows is None else _table(rows, out)


def _csv_rows(text: str, out: _Problems) -> list[tuple[int, list[str]]] | None:
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
            out.add(start, None, None, "val_bad_csv")
            return None
        rows.append((start, cells))


def _xlsx_rows(data: bytes, out: _Problems) -> list[tuple[int, list[str]]] | None:
    import openpyxl

    try:
        # From bytes, not the path: openpyxl refuses a workbook whose name does not end in .xlsx.
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # a corrupt workbook raises zipfile, XML, key and value errors alike
        out.add(None, None, None, "val_bad_xlsx")
        return None
    try:
        sheet = book.active or book.worksheets[0]
        return [(line, [_cell_text(v) for v in values])
                for line, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
    except Exception:  # damage inside a sheet only shows while reading it
        out.add(None, None, None, "val_bad_xlsx")
        return None
    finally:
        book.close()


def _cell_text(value: object) -> str:
    """A workbook cell as the text a CSV would hold (whole numbers without ".0")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def _table(rows: list[tuple[int, list[str]]], out: _Problems) -> _Table | None:
    """Drop blank rows and trailing empty cells; the first row left is the header."""
    kept = []
    for line, cells in rows:
        while cells and not cells[-1].strip():
            cells = cells[:-1]
        if cells:
            kept.append((line, cells))
    if not kept:
        out.add(None, None, None, "val_empty_file")
        return None
    (header_line, header), body = kept[0], kept[1:]
    if not body:
        out.add(None, None, None, "val_no_rows")
        return None
    good = []
    for line, cells in body:
        if len(cells) > len(header):
            out.add(line, None, cells[len(header)], "val_extra_cells", n=len(cells), m=len(header))
        else:
            good.append((line, cells))
    return _Table(header, header_line, good)


# --- the header ------------------------------------------------------------------------------


def _layouts(only) -> dict[str, dict[str, object]]:
    """Layout -> header key -> what the column holds; header key -> header as printed."""
    tidy = {header_key(h): f for h, f in TIDY_HEADERS.items()}
    every = {"tidy": tidy, **{name: layout_keys(name) for name in LAYOUTS}}
    return {name: keys for name, keys in every.items() if only is None or name in only}


def _optional(target: object) -> bool:
    """Whether a column target (tidy field or official (metric, part)) is a year or scale column."""
    part = target[1] if isinstance(target, tuple) else target
    return part in (YEAR, SCALE)


def _printed(layout: str) -> dict[str, str]:
    headers = TIDY_HEADERS if layout == "tidy" else {**LAYOUTS[layout], **OPTIONAL}
    return {header_key(h): h for h in headers}


def _match_header(table: _Table, out: _Problems, only) -> tuple[str, list[tuple[int, str, str]]] | None:
    """Recognise the layout by the header; report missing, unknown and repeated columns."""
    keys = [header_key(h) for h in table.header]
    layouts = _layouts(only)

    def distinctive(name: str) -> int:  # year and scale columns fit every layout, so they do not count
        return sum(1 for k in keys if k in layouts[name] and not _optional(layouts[name][k]))

    layout = max(layouts, key=distinctive)
    line = table.header_line
    if distinctive(layout) == 0:
        expected = ", ".join(TIDY_REQUIRED) if only is None else " | ".join(LAYOUTS["overall"])
        out.add(line, None, None, "val_no_layout" if only is None else "val_not_official", columns=expected)
        return None
    known, printed = layouts[layout], _printed(layout)
    columns, seen, before = [], {}, len(out.items)
    out.column_order = {h.strip(): i for i, h in reversed(list(enumerate(table.header)))}
    for index, (header, key) in enumerate(zip(table.header, keys)):
        header = header.strip()
        if key not in known:
            close = difflib.get_close_matches(key, list(printed), n=1, cutoff=0.75)
            if close:
                out.add(line, header, None, "val_unknown_column_close", close=printed[close[0]])
            else:
                # Official headers hold commas, so they are listed as dti.gov.vn's tables separate them.
                sep = ", " if layout == "tidy" else " | "
                out.add(line, header, None, "val_unknown_column", known=sep.join(dict.fromkeys(printed.values())))
        elif known[key] in seen:
            out.add(line, header, None, "val_duplicate_column", other=seen[known[key]])
        else:
            seen[known[key]] = header
            columns.append((index, key, header))
    required = TIDY_REQUIRED if layout == "tidy" else [header_key(h) for h in LAYOUTS[layout]]
    present = set(seen) if layout == "tidy" else {k for _, k, _ in columns}
    for field in required:
        if field not in present:
            out.add(line, field if layout == "tidy" else printed[field], None, "val_missing_column")
    return None if len(out.items) > before else (layout, columns)


# --- one row ---------------------------------------------------------------------------------


def _parse_record(rec: dict[str, Cell], out: _Problems, cat: Catalogue, scale_arg: int | None,
                  year_arg: int | None, source: str) -> _Value | None:
    """Check one record's cells; return the value, or ``None`` when the row has a problem."""
    before = len(out.items)
    line = rec["metric"].line
    empty = Cell("", None, line)
    get = rec.get

    def bad(cell: Cell, key: str, **fields: object) -> None:
        out.add(cell.line, cell.column, cell.shown if cell.shown.strip() else None, key, **fields)

    for field in TEXT_FIELDS:
        cell = get(field)
        if cell is not None:
            if markup := _MARKUP.search(cell.text):
                bad(cell, "val_markup", markup=_visible(markup.group(0)[:20]))
            if hidden := next((c for c in cell.text if unicodedata.category(c) in _INVISIBLE), None):
                bad(cell, "val_control", char=f"U+{ord(hidden):04X}")

    year_cell = get("year", empty)
    year = _integer(year_cell.text)
    if not year_cell.text.strip():
        bad(year_cell, "val_empty_value")
    elif year is None:
        bad(year_cell, "val_not_integer")
    elif not _year_ok(year):
        bad(year_cell, "val_year_range")
    elif year_arg is not None and year != year_arg:
        bad(year_cell, "val_year_conflict", year=year_arg)

    unit_cell = get("unit_set", empty)
    # From the 2025 assessment on, only the 34 merged units are ranked.
    unit = unit_cell.text.strip() or ("34" if year is not None and year >= MERGER_YEAR else "63")
    if unit not in UNIT_SETS:
        bad(unit_cell, "val_unit_set")
        unit = None

    code = _province_code(get("province", empty), unit, cat, bad)
    code_cell = get("province_code")
    if code and code_cell is not None and code_cell.text.strip() and code_cell.text.strip().zfill(2) != code:
        bad(code_cell, "val_code_mismatch", province=cat.name(code, unit), code=code)

    metric_cell = get("metric", empty)
    metric = metric_cell.text.strip().lower()
    if not metric:
        bad(metric_cell, "val_empty_value")
    elif metric not in cat.metrics.index:
        bad(metric_cell, "val_unknown_metric", known=", ".join(cat.metrics.index))

    scale_cell = get("scale", empty)
    scale = scale_arg or 1
    if scale_cell.text.strip():
        scale = _integer(scale_cell.text)
        if scale not in (1, 1000):
            bad(scale_cell, "val_scale")
            scale = None

    score_cell, rank_cell = get("score", empty), get("rank", empty)
    score, note = _score(score_cell, scale, bad)
    rank = _integer(rank_cell.text)
    if rank_cell.text.strip():
        if rank is None:
            bad(rank_cell, "val_not_integer")
        elif unit and not 1 <= rank <= RANK_LIMIT[unit]:
            bad(rank_cell, "val_rank_range", n=RANK_LIMIT[unit])
    if not score_cell.text.strip() and not rank_cell.text.strip():
        out.add(line, None, None, "val_no_value")

    doubtful_cell = get("doubtful", empty)
    doubtful = doubtful_cell.text.strip().lower()
    if doubtful not in ("", "true", "false"):
        bad(doubtful_cell, "val_doubtful")

    if len(out.items) > before:
        return None
    notes = [n for n in (get("note", empty).text.strip(), note and t(note[0], "en", **note[1])) if n]
    notes_vi = [n for n in (get("note_vi", empty).text.strip(), note and t(note[0], "vi", **note[1])) if n]
    return _Value(line, year, unit, code, cat.name(code, unit), metric, score, rank, doubtful == "true",
                  get("sources", empty).text.strip() or source, "; ".join(notes), "; ".join(notes_vi), rec)


def _integer(text: str) -> int | None:
    text = text.strip()
    return int(text) if _INTEGER.fullmatch(text) else None


def _province_code(cell: Cell, unit: str | None, cat: Catalogue, bad) -> str | None:
    name = cell.text.strip()
    if not name:
        bad(cell, "val_empty_value")
        return None
    if normalize_name(name) in {normalize_name(n) for n in NATIONAL_NAMES}:
        bad(cell, "val_national_row")
        return None
    if unit is None:
        return None
    try:
        return cat.resolve(name, unit)
    except UnknownProvinceError as exc:
        matches = ", ".join(exc.suggestions)
        former = _former_province(name, unit, cat)
        if former:
            bad(cell, "val_merged_province", successor=former)
        # The error's own text says which of the two it is.
        elif str(exc).startswith("ambiguous"):
            bad(cell, "val_ambiguous_province", matches=matches)
        elif matches:
            bad(cell, "val_unknown_province", matches=matches)
        else:
            bad(cell, "val_unknown_province_none")
        return None


def _former_province(name: str, unit: str, cat: Catalogue) -> str | None:
    """The 2025 successor's name when ``name`` is one of the 63 former provinces looked up among the 34."""
    if unit != "34":
        return None
    try:
        return cat.provinces.at[cat.resolve(name, "63"), "successor_name"]
    except UnknownProvinceError:
        return None


def _score(cell: Cell, scale: int | None, bad) -> tuple[float, tuple | str]:
    """The 0..1 score of a cell (NaN when empty) and a note (label key, fields) when it was converted
    from 1000 points."""
    if not cell.text.strip():
        return math.nan, ""
    value = parse_decimal(cell.text)
    if value is None:
        bad(cell, "val_not_number")
    elif scale == 1000:
        if 0 <= value <= 1000:
            return round(value / 1000, 6), ("val_note_1000", {"value": cell.text.strip()})
        bad(cell, "val_score_range_1000")
    elif scale == 1:
        if 0 <= value <= 1:
            return value, ""
        bad(cell, "val_score_1000" if 1 < value <= 1000 else "val_score_range")
    return math.nan, ""


# --- across rows -----------------------------------------------------------------------------


def _check_duplicates(values: list[_Value], out: _Problems) -> None:
    first: dict[tuple, _Value] = {}
    reported = set()
    for v in values:
        key = (v.year, v.unit_set, v.code, v.metric)
        if key not in first:
            first[key] = v
        elif (v.line, first[key].line) not in reported:  # an official row repeats for each metric
            reported.add((v.line, first[key].line))
            cell = v.cells["province"]
            out.add(v.line, cell.column, cell.shown, "val_duplicate_row", line=first[key].line)


def _check_rank_order(values: list[_Value], out: _Problems) -> None:
    """Sorted by score, ranks must not go down; equal scores must share a rank.

    Comparing neighbours finds every contradiction in a group (any inverted
    pair implies an inverted neighbour pair) and names the two rows involved,
    without one bad rank producing a line for every other row.
    """
    groups: dict[tuple, list[_Value]] = defaultdict(list)
    for v in values:
        if not math.isnan(v.score) and v.rank is not None and not v.doubtful:
            groups[(v.year, v.unit_set, v.metric)].append(v)
    for group in groups.values():
        group.sort(key=lambda v: (-v.score, v.rank, v.line))
        for a, b in zip(group, group[1:]):
            if a.score == b.score and a.rank != b.rank:
                cell = b.cells["rank"]
                out.add(b.line, cell.column, cell.shown, "val_rank_tie", line=a.line, rank=a.rank)
            elif a.rank > b.rank:
                cell = a.cells["rank"]
                out.add(a.line, cell.column, cell.shown, "val_rank_order", line=b.line,
                        score=b.cells["score"].text.strip(), rank=b.rank)


def _check_2020_totals(values: list[_Value], out: _Problems) -> None:
    by_unit: dict[tuple, dict[str, _Value]] = defaultdict(dict)
    for v in values:
        if v.year == 2020 and (v.metric == "dti" or v.metric in WEIGHTS_2020):
            by_unit[(v.unit_set, v.code)][v.metric] = v
    for parts in by_unit.values():
        if len(parts) < 4 or any(math.isnan(p.score) or p.doubtful for p in parts.values()):
            continue
        expected = sum(w * parts[m].score for m, w in WEIGHTS_2020.items())
        total = parts["dti"]
        diff = abs(total.score - expected)
        if diff > TOLERANCE_2020 + 1e-9:  # 1e-9: float noise, not a published digit
            cell = total.cells["score"]
            out.add(total.line, cell.column, cell.shown, "val_dti_2020", expected=f"{expected:.4f}",
                    lines=", ".join(str(parts[m].line) for m in WEIGHTS_2020), diff=f"{diff:.4f}")


# --- output ----------------------------------------------------------------------------------


def _frame(values: list[_Value], cat: Catalogue) -> pd.DataFrame:
    """The tidy table with the columns, dtypes and order of ``data/dti.csv``."""
    df = pd.DataFrame([{"year": v.year, "unit_set": v.unit_set, "province_code": v.code, "province": v.province,
                        "metric": v.metric, "score": v.score, "rank": v.rank, "doubtful": v.doubtful,
                        "sources": v.sources, "note": v.note, "note_vi": v.note_vi} for v in values],
                      columns=TIDY_COLUMNS)
    df = df.astype({"year": "int64", "score": "float64", "rank": "Int64", "doubtful": "bool"})
    order = cat.metrics["order"].to_dict()
    df = df.sort_values(["year", "unit_set", "province_code", "metric"], kind="stable",
                        key=lambda s: s.map(order) if s.name == "metric" else s)
    return df.reset_index(drop=True)
