"""Provincial DTI targets: the goals the provinces' plans set, read and checked like data files.

A province's plan says, for example, "top 15 by 2025" (Bắc Giang, Resolution 111-NQ/TU). One row of
``data/targets.csv`` (or of the analyst's file given with ``--targets``, or one dict of the notebook
parameter ``targets``) holds one target:

``unit_set, province_code, province, set_by, target_year, kind, value, within, from_year, source_url,
document, note``

* ``kind`` is ``rank_at_most`` (DTI rank ``value`` or better), ``score_at_least`` (DTI score of at
  least ``value``), ``indices_in_top`` (at least ``value`` of the 8 main indices ranked ``within`` or
  better) or ``improve_places_per_year`` (up at least ``value`` places every year from ``from_year``
  to ``target_year``, each year against the one before).
* A score is on the 0..1 scale; a value above 1 and up to 1000 is read as points of the ministry's
  1,000-point scale and divided by 1000 (800 is 0.8).
* A target belongs to a unit set: ranks of the 63 provinces up to 2024, ranks of the 34 units from
  2025 (2024 was published for both). An empty ``unit_set`` takes the set of the target year. A
  target for 2025 or later of a province merged on 1 July 2025 is assessed on its successor: the row
  names the 34-unit successor in ``province`` and the former province in ``set_by``.
* ``source_url`` is an http(s) address (required in the shipped table); ``note`` quotes the plan's
  words and ``document`` names the plan.

Every problem is one line naming file, row, column and value (:class:`~dti_helpers.core.errors.DataProblem`).

>>> shipped = load_targets()
>>> [(t.name, t.target_year, t.kind, t.value) for t in for_unit(shipped, "63", "24")]
[('Bắc Ninh', 2025, 'rank_at_most', 15), ('Bắc Ninh', 2030, 'rank_at_most', 10)]
>>> bad = [{"province": "Bắc Giang", "target_year": 2025, "kind": "rank_at_most", "value": 15}]
>>> targets_from_records(bad)
Traceback (most recent call last):
...
dti_helpers.core.errors.DataFileError: targets:1: column 'province': value 'Bắc Giang': merged into Bắc Ninh on 1 July 2025: a 2025 target counts ranks of the 34 units; write province 'Bắc Ninh' and set_by 'Bắc Giang'
"""
from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from dti_helpers.core.errors import DataFileError
from dti_helpers.data.catalogue import Catalogue, load_catalogue
from dti_helpers.data.ingest.problems import Problems
from dti_helpers.data.ingest.read_table import read_table
from dti_helpers.data.ingest.read_xlsx import cell_text
from dti_helpers.data.files import DATA_DIR
from dti_helpers.data.load import file_version
from dti_helpers.data.origin import FILE_REF, file_ref
from dti_helpers.data.target_rows import (KINDS, N_INDICES, ORIGIN, TARGET_COLUMNS, Target, accepted,
                                          check_row, header_columns, unknown_column)

TARGETS_PATH = DATA_DIR / "targets.csv"


def read_targets(path: str | Path, catalogue: Catalogue | None = None, *, name: str | None = None,
                 require_source: bool = False, user: bool = True) -> tuple[Target, ...]:
    """The targets of a CSV or XLSX file; one :class:`DataFileError` with every problem of the file.

    Each target of the analyst's file cites its row (file name and digest, never its folder).

    >>> [t.name for t in read_targets(TARGETS_PATH, require_source=True, user=False)][:3]
    ['Bắc Ninh', 'Bắc Ninh', 'Kiên Giang']
    >>> read_targets("/nonexistent/targets.csv")
    Traceback (most recent call last):
    ...
    dti_helpers.core.errors.DataFileError: /nonexistent/targets.csv: file not found
    """
    cat = catalogue or load_catalogue(DATA_DIR)
    path = Path(path)
    out = Problems(name or str(path))
    table = read_table(path, out)
    columns = None if table is None else header_columns(table.header, table.header_line, out)
    if columns is None:
        raise DataFileError(out.sorted())
    digest = file_version(path)
    found = []
    for line, cells in table.rows:
        origin = file_ref(path.name, digest, line) if user else ""
        target = check_row(line, dict(zip(columns, cells)), out, cat, require_source=require_source, origin=origin,
                           user=user)
        if target is not None:
            found.append((line, target))
    return accepted(found, out)


def targets_from_records(records, catalogue: Catalogue | None = None, *, label: str = "targets",
                         province: str | None = None, origin: str = "") -> tuple[Target, ...]:
    """The analyst's targets from a notebook parameter or a ``--params`` table: a list of dicts, one
    dict, or the path of a targets file. ``province`` fills the rows that name none (a ``--params``
    table's); ``origin`` (a ``file-row:`` reference) names where rows without their own came from.

    >>> t = targets_from_records({"province": "Khánh Hòa", "unit_set": 34, "target_year": 2025,
    ...                           "kind": "score_at_least", "value": 800})[0]
    >>> t.value, t.user
    (0.8, True)
    >>> targets_from_records([{"province": "Khánh Hòa", "target_year": 2025, "kind": "rank_at_most", "value": 40}])
    Traceback (most recent call last):
    ...
    dti_helpers.core.errors.DataFileError: targets:1: column 'value': value '40': must be a whole number from 1 to 34
    """
    if records is None:
        return ()
    if isinstance(records, (str, Path)):
        return read_targets(records, catalogue)
    cat = catalogue or load_catalogue(DATA_DIR)
    items = [records] if isinstance(records, Mapping) else list(records)
    out = Problems(label)
    found = []
    for i, item in enumerate(items, start=1):
        if not isinstance(item, Mapping):
            out.add("target_not_table", i, None, cell_text(item))
            continue
        cells, row_origin = {}, origin
        for key, value in item.items():
            column = str(key).strip().lower()
            if column == ORIGIN and isinstance(value, str) and value.startswith(FILE_REF):
                row_origin = value
            elif column not in TARGET_COLUMNS:
                unknown_column(out, i, str(key))
            elif isinstance(value, (list, dict, tuple)):
                out.add("invalid_value", i, column, cell_text(value))
            else:
                cells[column] = cell_text(value)
        if province and not cells.get("province") and not cells.get("province_code"):
            cells["province"] = province
        target = check_row(i, cells, out, cat, origin=row_origin)
        if target is not None:
            found.append((i, target))
    return accepted(found, out)


@lru_cache(maxsize=4)
def _shipped(path: str, mtime_ns: int) -> tuple[Target, ...]:
    return read_targets(path, require_source=True, user=False)


def load_targets(path: str | Path = TARGETS_PATH) -> tuple[Target, ...]:
    """The shipped targets (``data/targets.csv``): each with its source address and the plan's words.

    >>> len(load_targets()) >= 8 and all(t.source_url.startswith("http") for t in load_targets())
    True
    """
    path = Path(path)
    return _shipped(str(path), path.stat().st_mtime_ns)


def combine(user, shipped) -> tuple[Target, ...]:
    """The analyst's targets first, then the shipped ones they do not restate.

    >>> mine = targets_from_records([load_targets()[0].record()])
    >>> len(combine(mine, load_targets())) == len(load_targets()), combine(mine, load_targets())[0].user
    (True, True)
    """
    user = tuple(user or ())
    keys = {t.key for t in user}
    return user + tuple(t for t in shipped if t.key not in keys)


def for_unit(targets, unit_set: str, code: str, kept_as: str | None = None) -> tuple[Target, ...]:
    """The targets a report shows: the unit's own and, in a report of the 63, those assessed on its
    34-unit successor that the province set (``set_by``) or, for a province kept whole in the merger
    (``kept_as``: its code among the 34), all of its successor's.

    >>> [t.kind for t in for_unit(load_targets(), "34", "56")][:2]
    ['rank_at_most', 'improve_places_per_year']
    >>> for_unit(load_targets(), "63", "56")
    ()
    """
    return tuple(t for t in targets if (t.unit_set == unit_set and t.code == code)
                 or (unit_set == "63" and t.unit_set == "34" and (t.set_by_code == code or t.code == kept_as)))


def kept_whole(cat: Catalogue, code: str) -> str | None:
    """The 34-unit code of a province of the 63 that the merger kept whole (no other province joined it).

    >>> kept_whole(load_catalogue(), "01"), kept_whole(load_catalogue(), "24")
    ('01', None)
    """
    new = cat.provinces.at[code, "successor_code"]
    return new if (cat.provinces.successor_code == new).sum() == 1 else None


def report_rows(targets, catalogue: Catalogue, unit_set: str, code: str) -> list[dict] | None:
    """The analyst's targets a report of ``code`` shows, as the rows its notebook parameter ``targets`` takes.

    Only these rows enter the report's parameters, so a target of another province rebuilds nothing here.

    >>> rows = report_rows(targets_from_records(load_targets()[0].record()), load_catalogue(), "63", "24")
    >>> [r["target_year"] for r in rows], report_rows((), load_catalogue(), "63", "24")
    ([2025], None)
    """
    kept = kept_whole(catalogue, code) if unit_set == "63" else None
    return [t.record() for t in for_unit(targets, unit_set, code, kept)] or None


def report_targets(param, catalogue: Catalogue | None = None) -> tuple[Target, ...]:
    """Every target a report may show: the analyst's (the ``targets`` parameter), then the shipped ones.

    >>> len(report_targets(None)) == len(load_targets())
    True
    """
    return combine(targets_from_records(param, catalogue), load_targets())


__all__ = ["KINDS", "N_INDICES", "TARGETS_PATH", "TARGET_COLUMNS", "Target", "check_row", "combine", "for_unit",
           "kept_whole", "load_targets", "read_targets", "report_rows", "report_targets", "targets_from_records"]
