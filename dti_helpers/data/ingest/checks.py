"""Checking the values of a data file, one record at a time and across records.

A record is one row (tidy layout) or one row and metric (official layout),
as field -> :class:`~dti_helpers.data.ingest.official.Cell`. Each check adds
coded problems to a :class:`~dti_helpers.data.ingest.problems.Problems`
collector; nothing here is worded.

What is checked, per record: year a whole number in 2020..the current year
(and equal to ``year`` when the caller gives one), unit set ``63`` or ``34``
and the one of its year (63 up to 2023, 34 from 2025; see
:mod:`~dti_helpers.data.ingest.unit_sets`), a known province (closest
matches named; national means do not belong here), ``province_code``
agreeing with the province (a code of the other set's numbering is named as
such), a known metric, a score or a rank or both, scores in 0..1, ranks whole numbers in 1..N (63 or 34),
``doubtful`` true/false, no markup (``<b>``, ``&amp;``) and no control or
invisible characters in text fields.

Across records (only records without problems of their own, so one typo is
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

>>> year_ok(2021), year_ok(2019)
(True, False)
"""
from __future__ import annotations

import datetime
import math
import re
from collections import defaultdict
from dataclasses import dataclass

from dti_helpers.core.errors import UnknownProvinceError
from dti_helpers.core.labels import t
from dti_helpers.core.names import normalize_name
from dti_helpers.core.schema import FIRST_YEAR, MERGER_YEAR, N_UNITS, NATIONAL_NAMES, PILLARS, UNIT_SETS
from dti_helpers.data.catalogue import Catalogue
from dti_helpers.data.origin import split_sources, unsafe_scheme
from dti_helpers.data.ingest.official import Cell, parse_decimal
from dti_helpers.data.ingest.problems import Problems, first_invisible, visible
from dti_helpers.data.ingest.unit_sets import other_set_code, year_unit_set

# DTI 2020 = 0.4·CQS + 0.3·KTS + 0.3·XHS (the 1000-point scale split 400/300/300).
WEIGHTS_2020 = dict(zip(PILLARS, (0.4, 0.3, 0.3)))
TOLERANCE_2020 = 0.0005
TEXT_FIELDS = ("province", "province_code", "metric", "sources", "note", "note_vi")

_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?][^<>]*>|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")
_INTEGER = re.compile(r"[+-]?\d+")


@dataclass
class Value:
    """One checked value, with the cells it came from (for cross-row problems)."""

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
    sheet: str | None = None  # the workbook sheet it was read from


def year_ok(year: int) -> bool:
    """Whether ``year`` is an assessment year: 2020 up to the current year.

    >>> year_ok(2020), year_ok(2999)
    (True, False)
    """
    return FIRST_YEAR <= year <= datetime.date.today().year


def integer(text: str) -> int | None:
    """The whole number written in ``text``, or ``None``.

    >>> integer(" 12 "), integer("1.5")
    (12, None)
    """
    text = text.strip()
    return int(text) if _INTEGER.fullmatch(text) else None


def check_record(rec: dict[str, Cell], out: Problems, cat: Catalogue, scale_arg: int | None,
                 year_arg: int | None, source: str) -> Value | None:
    """Check one record's cells; return the value, or ``None`` when the row has a problem.

    ``scale_arg`` is the file's declared scale (``1000`` or ``None``), ``year_arg`` the year the
    caller gave, ``source`` what the ``sources`` column defaults to.

    >>> from dti_helpers.data.catalogue import load_catalogue
    >>> rec = {f: Cell(v, f, 2) for f, v in dict(year="2021", province="Huế", metric="dti", score="0,5", rank="2").items()}
    >>> v = check_record(rec, Problems("t.csv"), load_catalogue(), None, None, "t.csv")
    >>> v.code, v.score, v.rank
    ('46', 0.5, 2)
    """
    before = len(out)
    line = rec["metric"].line
    empty = Cell("", None, line)
    get = rec.get

    def bad(cell: Cell, code: str, /, **fields: object) -> None:
        out.add(code, cell.line, cell.column, cell.shown if cell.shown.strip() else None, **fields)

    for field in TEXT_FIELDS:
        cell = get(field)
        if cell is not None:
            if markup := _MARKUP.search(cell.text):
                bad(cell, "markup", markup=visible(markup.group(0)[:20]))
            if hidden := first_invisible(cell.text):
                bad(cell, "control", char=f"U+{ord(hidden):04X}")

    year_cell = get("year", empty)
    year = integer(year_cell.text)
    if not year_cell.text.strip():
        bad(year_cell, "empty_value")
    elif year is None:
        bad(year_cell, "not_integer")
    elif not year_ok(year):
        bad(year_cell, "year_out_of_range")
    elif year_arg is not None and year != year_arg:
        bad(year_cell, "year_conflict", year=year_arg)

    unit_cell = get("unit_set", empty)
    # From the 2025 assessment on, only the 34 merged units are ranked (assign_unit_sets fills 2024).
    unit = unit_cell.text.strip() or ("34" if year is not None and year >= MERGER_YEAR else "63")
    expected = year_unit_set(year) if year is not None and year_ok(year) else None
    if unit not in UNIT_SETS:
        bad(unit_cell, "unit_set")
        unit = None
    elif expected is not None and unit != expected:
        bad(unit_cell, "unit_set_year", year=year, expected=expected)
        unit = None  # names and ranks of the wrong set would only repeat the one problem

    province_cell = get("province", empty)
    code = _province_code(province_cell, unit, cat, bad, year if expected == "34" else None)
    code_cell = get("province_code")
    if code and code_cell is not None and code_cell.text.strip() and code_cell.text.strip().zfill(2) != code:
        # 24 beside Bắc Ninh in a 2021 table is the 34-unit numbering, not a typo: say so.
        if expected == unit and other_set_code(cat, province_cell.text, code_cell.text, unit):
            bad(code_cell, "code_of_34_units" if unit == "63" else "code_of_63_provinces",
                province=cat.name(code, unit), year=year, code=code)
        else:
            bad(code_cell, "code_mismatch", province=cat.name(code, unit), code=code)

    metric_cell = get("metric", empty)
    metric = metric_cell.text.strip().lower()
    if not metric:
        bad(metric_cell, "empty_value")
    elif metric not in cat.metrics.index:
        bad(metric_cell, "unknown_metric", known=", ".join(cat.metrics.index))

    scale_cell = get("scale", empty)
    scale = scale_arg or 1
    if scale_cell.text.strip():
        scale = integer(scale_cell.text)
        if scale not in (1, 1000):
            bad(scale_cell, "scale")
            scale = None

    score_cell, rank_cell = get("score", empty), get("rank", empty)
    score, note = _score(score_cell, scale, bad)
    rank = integer(rank_cell.text)
    if rank_cell.text.strip():
        if rank is None:
            bad(rank_cell, "not_integer")
        elif unit and not 1 <= rank <= N_UNITS[unit]:
            bad(rank_cell, "rank_out_of_range", n=N_UNITS[unit])
    if not score_cell.text.strip() and not rank_cell.text.strip():
        out.add("no_value", line)

    sources_cell = get("sources", empty)
    for entry in split_sources(sources_cell.text):
        # A source becomes a link in reports that are e-mailed: only a web address may be one.
        if unsafe_scheme(entry):
            bad(Cell(entry, sources_cell.column, sources_cell.line), "unsafe_url")

    doubtful_cell = get("doubtful", empty)
    doubtful = doubtful_cell.text.strip().lower()
    if doubtful not in ("", "true", "false"):
        bad(doubtful_cell, "doubtful")

    if len(out) > before:
        return None
    # The conversion note is data written into the table (both languages), not a message.
    notes = [n for n in (get("note", empty).text.strip(), note and t(note[0], "en", **note[1])) if n]
    notes_vi = [n for n in (get("note_vi", empty).text.strip(), note and t(note[0], "vi", **note[1])) if n]
    return Value(line, year, unit, code, cat.name(code, unit), metric, score, rank, doubtful == "true",
                 get("sources", empty).text.strip() or source, "; ".join(notes), "; ".join(notes_vi), rec)


def _province_code(cell: Cell, unit: str | None, cat: Catalogue, bad, merged_year: int | None) -> str | None:
    """The code of the cell's unit in ``unit``; ``merged_year`` is the year when it says the set (2025 on)."""
    name = cell.text.strip()
    if not name:
        bad(cell, "empty_value")
        return None
    if normalize_name(name) in {normalize_name(n) for n in NATIONAL_NAMES}:
        bad(cell, "national_row")
        return None
    if unit is None:
        return None
    try:
        return cat.resolve(name, unit)
    except UnknownProvinceError as exc:
        matches = ", ".join(exc.suggestions)
        former = _former_province(name, unit, cat)
        if former and merged_year is not None:
            bad(cell, "former_province_year", successor=former, year=merged_year)
        elif former:
            bad(cell, "merged_province", successor=former)
        elif exc.ambiguous:
            bad(cell, "ambiguous_province", matches=matches)
        elif matches:
            bad(cell, "unknown_province", matches=matches)
        else:
            bad(cell, "unknown_province_none")
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
        bad(cell, "not_number")
    elif scale == 1000:
        if 0 <= value <= 1000:
            return round(value / 1000, 6), ("note_scale_1000", {"value": cell.text.strip()})
        bad(cell, "score_out_of_range_1000")
    elif scale == 1:
        if 0 <= value <= 1:
            return value, ""
        bad(cell, "score_on_1000_scale" if 1 < value <= 1000 else "score_out_of_range")
    return math.nan, ""


def check_duplicates(values: list[Value], out: Problems) -> None:
    """A province-year-metric given twice: the later line is reported, naming the first.

    >>> out = Problems("t.csv"); check_duplicates([], out); len(out)
    0
    """
    first: dict[tuple, Value] = {}
    reported = set()
    for v in values:
        key = (v.year, v.unit_set, v.code, v.metric)
        if key not in first:
            first[key] = v
        elif (v.line, first[key].line) not in reported:  # an official row repeats for each metric
            reported.add((v.line, first[key].line))
            cell = v.cells["province"]
            out.add("duplicate_row", v.line, cell.column, cell.shown, line=first[key].line)


def check_rank_order(values: list[Value], out: Problems) -> None:
    """Sorted by score, ranks must not go down; equal scores must share a rank (doubtful values aside).

    >>> out = Problems("t.csv"); check_rank_order([], out); len(out)
    0

    Comparing neighbours finds every contradiction in a group (any inverted
    pair implies an inverted neighbour pair) and names the two rows involved,
    without one bad rank producing a line for every other row.
    """
    groups: dict[tuple, list[Value]] = defaultdict(list)
    for v in values:
        if not math.isnan(v.score) and v.rank is not None and not v.doubtful:
            groups[(v.year, v.unit_set, v.metric)].append(v)
    for group in groups.values():
        group.sort(key=lambda v: (-v.score, v.rank, v.line))
        for a, b in zip(group, group[1:]):
            if a.score == b.score and a.rank != b.rank:
                cell = b.cells["rank"]
                out.add("rank_tie", b.line, cell.column, cell.shown, line=a.line, rank=a.rank)
            elif a.rank > b.rank:
                cell = a.cells["rank"]
                out.add("rank_order", a.line, cell.column, cell.shown, line=b.line,
                        score=b.cells["score"].text.strip(), rank=b.rank)


def check_2020_totals(values: list[Value], out: Problems) -> None:
    """A 2020 DTI must equal 0.4·CQS + 0.3·KTS + 0.3·XHS within 0.0005 where all four are given.

    >>> out = Problems("t.csv"); check_2020_totals([], out); len(out)
    0
    """
    by_unit: dict[tuple, dict[str, Value]] = defaultdict(dict)
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
            out.add("dti_2020", total.line, cell.column, cell.shown, expected=f"{expected:.4f}",
                    lines=", ".join(str(parts[m].line) for m in WEIGHTS_2020), diff=f"{diff:.4f}")


