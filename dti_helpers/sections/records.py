"""The figures a report shows as plain records, one per figure: what its CSV and XLSX downloads hold.

A section records them in its output metadata (:data:`~dti_helpers.core.schema.FIGURES_KEY`);
:mod:`dti_helpers.render.download` writes them out. Each record has the columns of
:data:`~dti_helpers.core.schema.FIGURE_COLUMNS`, as JSON values (a notebook stores them). A figure
the report says is not published is a record with ``published`` false and no score or rank:
nothing is filled in.

>>> from dti_helpers import load_dti
>>> data = load_dti()
>>> rec = figure_records(data, [("63", 2020, "24", "dti"), ("63", 2020, "24", "kts")], "own", "en")
>>> [(r["metric"], r["score"], r["rank"], r["published"]) for r in rec]
[('dti', 0.3615, 10, True), ('kts', 0.3019, 14, True)]
"""
from __future__ import annotations

from dti_helpers.analysis.provenance import note_text
from dti_helpers.analysis.province import plain
from dti_helpers.core.labels import t
from dti_helpers.core.schema import FIGURE_COLUMNS, FIGURE_ROLES
from dti_helpers.data.origin import SEPARATOR, best_kind, parse_file_ref, source_kind, split_sources
from dti_helpers.sections.kit import source_row

KEY = ["unit_set", "year", "province_code", "metric"]


def sources_cell(sources, lang: str) -> str:
    """A figure's sources as the download writes them: web addresses as they are, a row of the
    analyst's file by name, digest, sheet and row (never its folder), joined by `` | ``.

    >>> sources_cell("https://a.vn | file-row:dti_2021.csv?sha256=abc&row=3", "en")
    'https://a.vn | dti_2021.csv (sha256 abc), row 3'
    """
    cells = []
    for entry in split_sources(sources):
        ref = parse_file_ref(entry)
        cells.append(entry if ref is None else source_row(ref._replace(name=f"{ref.name} (sha256 {ref.digest})"), lang))
    return SEPARATOR.join(cells)


def record(role: str, row, catalogue, lang: str) -> dict:
    """One figure as a record: ``row`` is a row of the tidy table (a dict, named tuple or Series) with
    ``year``, ``unit_set``, ``province_code``, ``metric``; without ``score`` and ``rank`` it is a figure
    the report says is not published.

    >>> from dti_helpers.data.catalogue import load_catalogue
    >>> r = record("own", {"year": 2022, "unit_set": "63", "province_code": "10", "metric": "cqs"}, load_catalogue(), "en")
    >>> r["province"], r["metric_name"], r["score"], r["rank"], r["published"], r["sources"]
    ('Lào Cai', 'Digital government', None, None, False, '')
    """
    if role not in FIGURE_ROLES:
        raise ValueError(f"unknown figure role '{role}'; use one of: {', '.join(FIGURE_ROLES)}")
    get = row.get if isinstance(row, dict) else lambda k, d=None: getattr(row, k, d)
    code, unit_set, metric = get("province_code"), str(get("unit_set")), get("metric")
    score, rank = plain(get("score")), plain(get("rank"))
    sources = get("sources") or ""
    published = score is not None or rank is not None
    kind = get("source_kind") or (best_kind(source_kind(u) for u in split_sources(sources)) if sources else "")
    return dict(zip(FIGURE_COLUMNS, (
        role, int(get("year")), unit_set, code or "", catalogue.name(code, unit_set) if code else t("national_mean", lang),
        metric, catalogue.metric_label(metric, lang, short=False),
        None if score is None else float(score), None if rank is None else int(rank), published,
        bool(get("doubtful", False)) and published, kind if published else "", sources_cell(sources, lang),
        note_text(row, lang) if published else "")))


def figure_records(data, keys, role: str, lang: str) -> list[dict]:
    """The records of the figures ``keys`` ((unit set, year, code, metric), in the order shown) of ``data``'s
    tidy table; a key the table does not hold is a figure the report says is not published.

    >>> from dti_helpers import load_dti
    >>> [r["published"] for r in figure_records(load_dti(), [("63", 2022, "10", "dti"), ("63", 2022, "10", "cqs")],
    ...                                           "own", "vi")]
    [True, False]
    """
    table = data.table
    found = {(str(r.unit_set), int(r.year), r.province_code, r.metric): r for r in table.itertuples(index=False)}
    out = []
    for unit_set, year, code, metric in keys:
        key = (str(unit_set), int(year), code, metric)
        row = found.get(key)
        out.append(record(role, row if row is not None else dict(zip(KEY, key)), data.catalogue, lang))
    return out


def national_records(rows, catalogue, lang: str) -> list[dict]:
    """The records of published national means (rows of the national table), role ``national``.

    >>> from dti_helpers import load_dti
    >>> from dti_helpers.analysis.province import national_sources
    >>> r = national_records(national_sources(load_dti(), 2020), load_dti().catalogue, "en")[0]
    >>> r["role"], r["province"], r["province_code"], r["score"], r["source_kind"]
    ('national', 'National mean', '', 0.3026, 'press')
    """
    return [record("national", {**row._asdict(), "province_code": ""}, catalogue, lang)
            for row in rows.itertuples(index=False)]
