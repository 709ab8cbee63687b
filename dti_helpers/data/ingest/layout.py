"""Recognising a table's layout by its header, and turning its rows into records (field -> cell).

Three layouts are known: the tidy one of ``data/dti.csv`` and the two
official dti.gov.vn tables (:mod:`~dti_helpers.data.ingest.official`). The
layout is the one whose columns the header names most; then every header
cell must belong to it (a near miss is named: "did you mean 'note'?"), none
may be given twice, and the required columns must all be there.

>>> table = Table(["year", "province", "metric", "score", "rank"], 1, [(2, ["2021", "Huế", "dti", "0.5", "2"])])
>>> layout, columns = match_header(table, Problems("t.csv"))
>>> layout, [header for _, _, header in columns][:2]
('tidy', ['year', 'province'])
"""
from __future__ import annotations

import difflib

from dti_helpers.data.ingest.official import LAYOUTS, OPTIONAL, SCALE, YEAR, Cell, header_key, layout_keys, official_records
from dti_helpers.data.ingest.problems import Problems
from dti_helpers.data.ingest.table import Table

# Tidy layout: header -> field; the header is matched by ``header_key``.
TIDY_HEADERS = {"year": "year", "Năm": "year", "unit_set": "unit_set", "province_code": "province_code",
                "province": "province", "metric": "metric", "score": "score", "rank": "rank",
                "doubtful": "doubtful", "sources": "sources",
                # written by dti-reports in its own tables; a row of the analyst's file is of kind "file"
                "source_kind": "source_kind", "note": "note", "note_vi": "note_vi",
                "scale": "scale", "Thang điểm": "scale"}
TIDY_REQUIRED = ("year", "province", "metric", "score", "rank")
OFFICIAL = tuple(LAYOUTS)

Columns = list[tuple[int, str, str]]  # (cell index, header key, header as written)


def layouts(only: tuple[str, ...] | None = None) -> dict[str, dict[str, object]]:
    """Layout -> header key -> what the column holds (a tidy field, or an official (metric, part)).

    >>> layouts(("tidy",))["tidy"]["unit set"]
    'unit_set'
    """
    tidy = {header_key(h): f for h, f in TIDY_HEADERS.items()}
    every = {"tidy": tidy, **{name: layout_keys(name) for name in LAYOUTS}}
    return {name: keys for name, keys in every.items() if only is None or name in only}


def is_optional(target: object) -> bool:
    """Whether a column target (tidy field or official (metric, part)) is a year or scale column.

    >>> is_optional("year"), is_optional(("dti", "rank"))
    (True, False)
    """
    part = target[1] if isinstance(target, tuple) else target
    return part in (YEAR, SCALE)


def printed(layout: str) -> dict[str, str]:
    """Header key -> the header as the layout prints it.

    >>> printed("overall")["xep hang cqs"]
    'Xếp hạng CQS'
    """
    headers = TIDY_HEADERS if layout == "tidy" else {**LAYOUTS[layout], **OPTIONAL}
    return {header_key(h): h for h in headers}


def has_year_column(layout: str, columns: Columns) -> bool:
    """Whether the matched columns include a year (``year``/``Năm``) column.

    >>> has_year_column("overall", [(0, "nam", "Năm")])
    True
    """
    if layout == "tidy":
        return any(layouts(("tidy",))["tidy"][key] == "year" for _, key, _ in columns)
    keys = layout_keys(layout)
    return any(keys[key][1] == YEAR for _, key, _ in columns)


def best_layout(header: list[str], only: tuple[str, ...] | None = None) -> tuple[str, int]:
    """The layout whose columns a header names most, and how many it names.

    Year and scale columns fit every layout, so they do not count.

    >>> best_layout(["Năm", "Xếp hạng DTI", "Tỉnh, thành phố"]), best_layout(["STT"])[1]
    (('overall', 2), 0)
    """
    keys = [header_key(h) for h in header]
    known_layouts = layouts(only)

    def distinctive(name: str) -> int:
        return sum(1 for k in keys if k in known_layouts[name] and not is_optional(known_layouts[name][k]))

    layout = max(known_layouts, key=distinctive)
    return layout, distinctive(layout)


def match_header(table: Table, out: Problems, only: tuple[str, ...] | None = None) -> tuple[str, Columns] | None:
    """Recognise the layout by the header; report missing, unknown and repeated columns.

    ``only`` limits the layouts tried (``OFFICIAL`` for :func:`read_official`).
    Returns ``(layout, columns)``, or ``None`` after adding the problems.

    >>> out = Problems("t.csv")
    >>> match_header(Table(["STT"], 1, []), out), out.items[0].code
    (None, 'no_layout')
    """
    keys = [header_key(h) for h in table.header]
    known_layouts = layouts(only)
    layout, score = best_layout(table.header, only)
    line = table.header_line
    if score == 0:
        expected = ", ".join(TIDY_REQUIRED) if only is None else " | ".join(LAYOUTS["overall"])
        out.add("no_layout" if only is None else "not_official", line, columns=expected)
        return None
    known, names = known_layouts[layout], printed(layout)
    columns, seen, before = [], {}, len(out)
    out.column_order = {h.strip(): i for i, h in reversed(list(enumerate(table.header)))}
    for index, (header, key) in enumerate(zip(table.header, keys)):
        header = header.strip()
        if key not in known:
            close = difflib.get_close_matches(key, list(names), n=1, cutoff=0.75)
            if close:
                out.add("unknown_column_close", line, header, close=names[close[0]])
            else:
                # Official headers hold commas, so they are listed as dti.gov.vn's tables separate them.
                sep = ", " if layout == "tidy" else " | "
                out.add("unknown_column", line, header, known=sep.join(dict.fromkeys(names.values())))
        elif known[key] in seen:
            out.add("duplicate_column", line, header, other=seen[known[key]])
        else:
            seen[known[key]] = header
            columns.append((index, key, header))
    required = TIDY_REQUIRED if layout == "tidy" else [header_key(h) for h in LAYOUTS[layout]]
    present = set(seen) if layout == "tidy" else {k for _, k, _ in columns}
    for field in required:
        if field not in present:
            out.add("missing_column", line, field if layout == "tidy" else names[field])
    return None if len(out) > before else (layout, columns)


def records(layout: str, columns: Columns, table: Table, year: Cell | None, out: Problems) -> list[dict[str, Cell]]:
    """The table's rows as records (field -> cell): one per row (tidy) or per row and metric (official).

    ``year`` is the assessment year of an official table without a year column.

    >>> table = Table(["year", "province"], 1, [(2, ["2021", "Huế"])])
    >>> records("tidy", [(0, "year", "year"), (1, "province", "province")], table, None, Problems("t"))[0]["year"].text
    '2021'
    """
    if layout == "tidy":
        field = layouts(("tidy",))["tidy"]
        return [{field[key]: Cell(cells[i] if i < len(cells) else "", header, line) for i, key, header in columns}
                for line, cells in table.rows]
    return official_records(layout, columns, table.rows, year, out)
