"""One row of a targets table: the :class:`Target` it holds, and the checks of its cells.

Every problem names the row, the column and its value; nothing here is worded
(:mod:`dti_helpers.core.labels.data` words the codes ``val_target_*``). The rules are those of
:mod:`dti_helpers.data.targets`.

>>> from dti_helpers.data.catalogue import load_catalogue
>>> out = Problems("t.csv")
>>> check_row(2, {"province": "Hà Nội", "target_year": "2030", "kind": "rank_at_most", "value": "3"}, out,
...           load_catalogue()).unit_set
'34'
"""
from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass

from dti_helpers.core.errors import DataFileError, UnknownProvinceError
from dti_helpers.core.schema import FIRST_YEAR, MERGER_YEAR, N_UNITS, UNIT_SETS
from dti_helpers.data.catalogue import Catalogue
from dti_helpers.data.ingest.problems import Problems, first_invisible
from dti_helpers.data.origin import is_web_link

TARGET_COLUMNS = ("unit_set", "province_code", "province", "set_by", "target_year", "kind", "value", "within",
                  "from_year", "source_url", "document", "note")
REQUIRED = ("target_year", "kind", "value")
KINDS = ("rank_at_most", "score_at_least", "indices_in_top", "improve_places_per_year")
N_INDICES = 8  # the main indices of the DTI from 2021 on
LAST_TARGET_YEAR = 2050
# Where a record of the analyst's came from (a row of their file), carried through a notebook parameter.
ORIGIN = "origin"
TEXT_COLUMNS = ("province", "set_by", "source_url", "document", "note")


@dataclass(frozen=True)
class Target:
    """One checked target: the unit whose figures assess it (``code`` in ``unit_set``) and what it asks.

    ``value`` is the rank, the 0..1 score, the number of indices or the places a year (by ``kind``);
    ``within`` the top M of ``indices_in_top``; ``from_year`` the first year of ``improve_places_per_year``.
    ``set_by`` is the former province (of the 63) that set a target now assessed on its successor.
    ``origin`` names the row of the analyst's file (a ``file-row:`` reference); ``user`` marks the
    analyst's targets (from ``--targets``, ``--params`` or the notebook parameter).
    """

    unit_set: str
    code: str
    name: str
    target_year: int
    kind: str
    value: float
    within: int | None = None
    from_year: int | None = None
    set_by_code: str | None = None
    set_by: str | None = None
    source_url: str = ""
    document: str = ""
    note: str = ""
    origin: str = ""
    user: bool = False

    @property
    def n_units(self) -> int:
        """The N of the ranks the target counts (63 or 34).

        >>> from dti_helpers.data.targets import load_targets
        >>> load_targets()[0].n_units
        34
        """
        return N_UNITS[self.unit_set]

    @property
    def key(self) -> tuple:
        """What makes two rows the same target (the analyst's row replaces a shipped one with the same key).

        >>> from dti_helpers.data.targets import load_targets
        >>> load_targets()[0].key
        ('34', '24', 'rank_at_most', 2025, 15, None, None)
        """
        return (self.unit_set, self.code, self.kind, self.target_year, self.value, self.within, self.from_year)

    def record(self) -> dict:
        """The target as plain values (a notebook parameter), read back by :func:`targets_from_records`.

        >>> from dataclasses import replace
        >>> from dti_helpers.data.targets import load_targets, targets_from_records
        >>> t = load_targets()[0]
        >>> targets_from_records([t.record()])[0] == replace(t, user=True)
        True
        """
        rec = {"unit_set": self.unit_set, "province_code": self.code, "province": self.name,
               "set_by": self.set_by or "", "target_year": self.target_year, "kind": self.kind, "value": self.value,
               "within": self.within, "from_year": self.from_year, "source_url": self.source_url,
               "document": self.document, "note": self.note}
        return {**rec, ORIGIN: self.origin} if self.origin else rec


def _int(text: str) -> int | None:
    text = text.strip()
    try:
        return int(text)
    except ValueError:
        pass
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


def _number(text: str) -> float | None:
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return None


class _Row:
    """One row's cells and the problems found in them (each names the row, the column and its value)."""

    def __init__(self, line: int, cells: Mapping[str, str], out: Problems):
        self.line, self.cells, self.out, self.ok = line, cells, out, True

    def text(self, column: str) -> str:
        return str(self.cells.get(column, "") or "").strip()

    def bad(self, column: str, code: str, /, **fields: object) -> None:
        self.ok = False
        self.out.add(code, self.line, column, self.text(column) or None, **fields)


def _unit(row: _Row, year: int | None, cat: Catalogue) -> tuple[str, str, str | None, str | None] | None:
    """(unit set, code, set_by code, set_by name) of a row, its problems recorded."""
    given = row.text("unit_set")
    unit = given or (None if year is None else "34" if year >= MERGER_YEAR else "63")
    if unit is None:
        return None
    if unit not in UNIT_SETS:
        row.bad("unit_set", "unit_set")
        return None
    if year is not None and (unit == "63" and year >= MERGER_YEAR or unit == "34" and year < MERGER_YEAR - 1):
        row.bad("unit_set" if given else "target_year", "target_unit_set", year=year, unit_set=unit)
        return None
    name, code_text = row.text("province"), row.text("province_code")
    if not name and not code_text:
        row.bad("province", "empty_value")
        return None
    try:
        code = cat.resolve(name or code_text, unit)
    except UnknownProvinceError as exc:
        column = "province" if name else "province_code"
        merged = _merged(cat, name or code_text) if unit == "34" else None
        if merged:
            row.bad(column, "target_merged", successor=merged[1], year=year, name=merged[0])
        elif exc.suggestions:
            row.bad(column, "ambiguous_province" if exc.ambiguous else "unknown_province",
                    matches=", ".join(exc.suggestions))
        else:
            row.bad(column, "unknown_province_none")
        return None
    if name and code_text and code_text.zfill(2) != code:
        row.bad("province_code", "code_mismatch", province=cat.name(code, unit), code=code)
        return None
    set_by = row.text("set_by")
    if not set_by:
        return unit, code, None, None
    # a target set before the merger by a province of the 63: one of the unit's former provinces
    members = cat.units_2025.at[code, "predecessors"].split() if unit == "34" else [code]
    try:
        by = cat.resolve(set_by, "63")
    except UnknownProvinceError:
        by = None
    if by not in members:
        row.bad("set_by", "target_set_by", name=cat.name(code, unit),
                members=", ".join(cat.name(m, "63") for m in members))
        return None
    return (unit, code, by, cat.name(by, "63")) if unit == "34" else (unit, code, None, None)


def _merged(cat: Catalogue, name: str) -> tuple[str, str] | None:
    """(its name, its successor's) for a former province merged with others on 1 July 2025; else None."""
    try:
        code = cat.resolve(name, "63")
    except UnknownProvinceError:
        return None
    new = cat.provinces.at[code, "successor_code"]
    if (cat.provinces.successor_code == new).sum() < 2:
        return None
    return cat.name(code, "63"), cat.name(new, "34")


def _value(row: _Row, kind: str, unit: str | None) -> float | None:
    text = row.text("value")
    if not text:
        row.bad("value", "empty_value")
        return None
    n = N_UNITS.get(unit or "63", 63)
    if kind == "score_at_least":
        number = _number(text)
        if number is None:
            row.bad("value", "not_number")
        elif 0 < number <= 1:
            return number
        elif 1 < number <= 1000:
            return round(number / 1000, 6)
        else:
            row.bad("value", "target_score")
        return None
    number = _int(text)
    limit = {"rank_at_most": n, "indices_in_top": N_INDICES, "improve_places_per_year": n - 1}[kind]
    if number is None:
        row.bad("value", "not_integer")
    elif not 1 <= number <= limit:
        row.bad("value", "target_value_range", n=limit)
    else:
        return number
    return None


def _year(row: _Row, column: str) -> int | None:
    text = row.text(column)
    if not text:
        row.bad(column, "empty_value")
        return None
    year = _int(text)
    if year is None:
        row.bad(column, "not_integer")
    elif not FIRST_YEAR <= year <= LAST_TARGET_YEAR:
        row.bad(column, "target_year_range", first=FIRST_YEAR, last=LAST_TARGET_YEAR)
    else:
        return year
    return None


def check_row(line: int, cells: Mapping[str, str], out: Problems, cat: Catalogue, *, require_source: bool = False,
              origin: str = "", user: bool = True) -> Target | None:
    """Check one row (column -> text); the target, or ``None`` with every problem of the row in ``out``.

    >>> from dti_helpers.data.catalogue import load_catalogue
    >>> out = Problems("t.csv")
    >>> check_row(2, {"province": "Kiên Giang", "target_year": "2023", "kind": "rank_at_most", "value": "20"},
    ...           out, load_catalogue()).code
    '91'
    >>> check_row(3, {"province": "Kiên Giang", "target_year": "2023", "kind": "rank", "value": "20"}, out,
    ...           load_catalogue()), [p.code for p in out.items]
    (None, ['target_kind'])
    """
    row = _Row(line, cells, out)
    for column in TEXT_COLUMNS:
        if hidden := first_invisible(row.text(column)):
            row.bad(column, "control", char=f"U+{ord(hidden):04X}")
    year = _year(row, "target_year")
    unit = _unit(row, year, cat)
    kind = row.text("kind")
    if kind not in KINDS:
        row.bad("kind", "empty_value" if not kind else "target_kind", known=", ".join(KINDS))
    value = _value(row, kind, unit[0] if unit else None) if kind in KINDS else None
    within = from_year = None
    if kind == "indices_in_top":
        within = _int(row.text("within")) if row.text("within") else None
        n = N_UNITS[unit[0]] if unit else 63
        if not row.text("within"):
            row.bad("within", "empty_value")
        elif within is None:
            row.bad("within", "not_integer")
        elif not 1 <= within <= n:
            row.bad("within", "target_value_range", n=n)
    elif row.text("within"):
        row.bad("within", "target_only_for", kind="indices_in_top")
    if kind == "improve_places_per_year":
        from_year = _year(row, "from_year")
        # each year is compared with the one before, in the same unit set: the 34's first pair is 2024→2025
        first = MERGER_YEAR if unit and unit[0] == "34" else FIRST_YEAR + 1
        if from_year is not None and year is not None and not first <= from_year <= year:
            row.bad("from_year", "target_from_year", first=first, year=year)
    elif row.text("from_year"):
        row.bad("from_year", "target_only_for", kind="improve_places_per_year")
    url = row.text("source_url")
    if url and not is_web_link(url):
        row.bad("source_url", "unsafe_url")
    elif not url and require_source:
        row.bad("source_url", "empty_value")
    if not row.ok or unit is None:
        return None
    return Target(unit[0], unit[1], cat.name(unit[1], unit[0]), year, kind, value, within, from_year, unit[2],
                  unit[3], url, row.text("document"), row.text("note"), origin, user)


def unknown_column(out: Problems, line: int, column: str) -> None:
    """Record a column that is not one of :data:`TARGET_COLUMNS`, naming the closest one when there is one.

    >>> out = Problems("t.csv"); unknown_column(out, 1, "target_yaer"); out.items[0].fields["close"]
    'target_year'
    """
    close = difflib.get_close_matches(column.strip().lower(), TARGET_COLUMNS, n=1)
    if close:
        out.add("unknown_column_close", line, column, None, close=close[0])
    else:
        out.add("unknown_column", line, column, None, known=", ".join(TARGET_COLUMNS))


def header_columns(header: list[str], line: int, out: Problems) -> list[str] | None:
    """The header's column names, every unknown or missing column recorded (None when one is missing).

    >>> out = Problems("t.csv"); header_columns(["province", "kind"], 1, out), [p.column for p in out.items]
    (None, ['target_year', 'value'])
    """
    names = [h.strip().lower() for h in header]
    before = len(out)
    for i, name in enumerate(names):
        if name not in TARGET_COLUMNS:
            unknown_column(out, line, header[i])
    for name in REQUIRED:
        if name not in names:
            out.add("missing_column", None, name)
    if "province" not in names and "province_code" not in names:
        out.add("missing_column", None, "province")
    missing = any(p.code == "missing_column" for p in out.items[before:])
    return None if missing else names


def accepted(targets: list[tuple[int, Target]], out: Problems) -> tuple[Target, ...]:
    """The targets of (line, target) pairs, each once, when ``out`` holds no problem; else the
    :class:`~dti_helpers.core.errors.DataFileError` of every problem, a repeated target's naming its first line.

    >>> accepted([], Problems("t.csv"))
    ()
    """
    seen: dict[tuple, int] = {}
    kept = []
    for line, target in targets:
        if target.key in seen:
            out.add("target_duplicate", line, None, None, line=seen[target.key])
            continue
        seen[target.key] = line
        kept.append(target)
    if len(out):
        raise DataFileError(out.sorted())
    return tuple(kept)


__all__ = ["KINDS", "LAST_TARGET_YEAR", "N_INDICES", "ORIGIN", "REQUIRED", "TARGET_COLUMNS", "Target", "check_row",
           "accepted", "header_columns", "unknown_column"]
