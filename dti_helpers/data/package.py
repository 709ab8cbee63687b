"""``data/datapackage.json``: a Frictionless Data Package describing the embedded tables ``data/*.csv``.

Every column has its type, its meaning and its constraints (required, enum, range, pattern); each
table its primary key and, where a column names a row of another table, the foreign key. The
enumerations are read from the data's own catalogues (metrics, regions) and from the code's
constants (unit sets, source kinds), so the package says what the code reads. Written by
``python -m dti_helpers build-data`` after the tables (:func:`dti_helpers.data.build.build_all`);
the same tables give the same bytes. An empty cell is a value that was not published (never a zero).

>>> package = build_package(Path("data"))
>>> [r["name"] for r in package["resources"]]
['dti', 'national', 'provinces', 'units_2025', 'metrics', 'assessments', 'targets']
>>> package["resources"][0]["schema"]["primaryKey"]
['year', 'unit_set', 'province_code', 'metric']
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from dti_helpers.core.fsio import atomic_write
from dti_helpers.core.schema import FIRST_YEAR, N_UNITS, PILLARS, UNIT_SETS
from dti_helpers.data.origin import SOURCE_KINDS
from dti_helpers.data.target_rows import KINDS as TARGET_KINDS

PACKAGE_FILE = "datapackage.json"
CODE = {"type": "string", "constraints": {"pattern": "^[0-9]{2}$"}}  # a GSO code: two digits, kept as text ("01")
BOOLEAN = {"type": "boolean", "trueValues": ["true"], "falseValues": ["false"]}
TEXT = {"type": "string"}


def _field(name: str, description: str, spec: dict | None = None, **constraints) -> dict:
    spec = {**TEXT, **(spec or {})}
    out = {"name": name, **{k: v for k, v in spec.items() if k != "constraints"}, "description": description}
    merged = {**spec.get("constraints", {}), **constraints}
    if merged:
        out["constraints"] = merged
    return out


def _year(description: str) -> dict:
    return _field("year", description, {"type": "integer"}, required=True, minimum=FIRST_YEAR)


def _metric(metrics: list[str], description: str = "metric code (see metrics.csv)") -> dict:
    return _field("metric", description, required=True, enum=metrics)


def _unit_set() -> dict:
    return _field("unit_set", "unit set: 63 (the provinces until 30 June 2025) or 34 (the units after the "
                              "1 July 2025 merger); codes and ranks mean that set's units",
                  required=True, enum=list(UNIT_SETS))


def _score(description: str) -> dict:
    return _field("score", description, {"type": "number"}, minimum=0, maximum=1)


def _notes() -> list[dict]:
    return [_field("note", "what a reader should know about the value (disagreeing sources, a scale, a doubt), "
                           "in English; empty when nothing"),
            _field("note_vi", "the same note in Vietnamese")]


def _sources() -> dict:
    return _field("sources", "addresses of the pages that publish the value, most trusted first, joined by ' | '",
                  required=True)


def _units_fields(regions: list[str] | None) -> list[dict]:
    """The columns the two unit catalogues share, with the 63's region columns when ``regions`` is given."""
    fields = [
        _field("code", "GSO code of the unit", CODE, required=True, unique=True),
        _field("name", "name as dti.gov.vn writes it (TP. for the centrally-run cities)", required=True),
        _field("short_name", "name without TP. or Tỉnh", required=True),
        _field("kind", "city (centrally-run) or province", required=True, enum=["city", "province"]),
        _field("name_en", "name without diacritics", required=True),
        _field("slug", "the name in file names and on the command line", required=True, unique=True,
               pattern="^[a-z0-9]+(-[a-z0-9]+)*$"),
    ]
    if regions is not None:
        fields += [_field("region", "socio-economic region (GSO)", required=True, enum=regions),
                   _field("region_vi", "the region's name in Vietnamese", required=True),
                   _field("region_en", "the region's name in English", required=True),
                   _field("successor_code", "code of the unit of the 34 the province became part of on 1 July 2025",
                          CODE, required=True),
                   _field("successor_name", "that unit's name", required=True)]
    else:
        fields.append(_field("predecessors", "codes of the provinces of the 63 the unit was formed from, "
                                             "separated by spaces", required=True, pattern="^[0-9]{2}( [0-9]{2})*$"))
    fields += [_field("aliases", "other names users type, separated by '|'"),
               _field("lat", "latitude of the unit's seat, degrees", {"type": "number"}, required=True,
                      minimum=-90, maximum=90),
               _field("lon", "longitude of the unit's seat, degrees", {"type": "number"}, required=True,
                      minimum=-180, maximum=180)]
    return fields


def _resource(name: str, title: str, description: str, fields: list[dict], key: list[str],
              foreign: list[dict] | None = None) -> dict:
    schema = {"fields": fields, "missingValues": [""], "primaryKey": key}
    if foreign:
        schema["foreignKeys"] = foreign
    return {"name": name, "type": "table", "path": f"{name}.csv", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "title": title, "description": description,
            "schema": schema}


def _metric_key() -> dict:
    return {"fields": ["metric"], "reference": {"resource": "metrics", "fields": ["metric"]}}


def build_package(data_dir: Path) -> dict:
    """The Data Package descriptor of the tables in ``data_dir`` (enumerations read from its catalogues).

    >>> fields = {f["name"]: f for f in build_package(Path("data"))["resources"][0]["schema"]["fields"]}
    >>> fields["source_kind"]["constraints"]["enum"], fields["rank"]["type"]
    (['file', 'official', 'press', 'secondary', 'weak'], 'integer')
    """
    data_dir = Path(data_dir)
    metrics = pd.read_csv(data_dir / "metrics.csv", dtype=str, keep_default_na=False)
    regions = pd.read_csv(data_dir / "raw" / "regions.csv", dtype=str, keep_default_na=False)
    codes = metrics.metric.tolist()
    tidy = [_year("assessment year (the year assessed, not the year of publication)"), _unit_set(),
            _field("province_code", "GSO code of the unit, in its unit set (provinces.csv or units_2025.csv)", CODE,
                   required=True),
            _field("province", "the unit's name as dti.gov.vn writes it", required=True), _metric(codes),
            _score("score on 0..1 as published; empty: not published"),
            _field("rank", f"rank 1..{N_UNITS['63']} (1..{N_UNITS['34']} in the unit set 34); ties share a rank; "
                           "empty: not published", {"type": "integer"}, minimum=1, maximum=max(N_UNITS.values())),
            _field("doubtful", "true when the value is in doubt (a suspect source, disagreeing pages, or only "
                               "secondary or weak sources): reports mark it †", BOOLEAN, required=True),
            _sources(),
            _field("source_kind", "the least trusted kind among the best sources of the score and the rank: "
                                  "official (dti.gov.vn, the ministry), press (portals, newspapers), secondary "
                                  "(third-party compilations), weak (test or demo copies, unrelated republishers); "
                                  "file for a row of the user's own table", required=True, enum=list(SOURCE_KINDS)),
            *_notes()]
    national = [_year("assessment year"), _unit_set(), _metric(codes),
                _score("national mean published by the ministry, on 0..1"), _sources(), *_notes()]
    metric_fields = [
        _field("metric", "metric code", required=True, unique=True),
        _field("kind", "total (DTI), pillar, or index", required=True, enum=["total", "pillar", "index"]),
        _field("pillar", "the pillar an activity index or a pillar belongs to; empty for the others",
               enum=list(PILLARS)),
        _field("order", "position in the report's tables", {"type": "integer"}, required=True, minimum=0),
        _field("label_vi", "full name in Vietnamese", required=True),
        _field("label_en", "full name in English", required=True),
        _field("short_vi", "short name in Vietnamese (tables, charts)", required=True),
        _field("short_en", "short name in English", required=True),
        _field("first_year", "first assessment year that publishes the metric", {"type": "integer"}, required=True,
               minimum=FIRST_YEAR)]
    url = _field("source_url", "address of the page that publishes it (http or https)", required=True,
                 pattern="https?://.+")
    assessment_fields = [
        _year("assessment year"),
        _field("publisher", "the ministry that published the year's results: mic (Bộ Thông tin và Truyền "
                            "thông) or most (Bộ Khoa học và Công nghệ)", required=True, enum=["mic", "most"]),
        _field("published", "publication date (YYYY-MM-DD, or the year alone where only that is known); empty: "
                            "not yet published", pattern="^[0-9]{4}(-[0-9]{2}-[0-9]{2})?$"),
        _field("source_url", "address of a page that reports the publication (http or https); empty when none",
               pattern="https?://.+"),
        _field("note", "where the date comes from")]
    target_fields = [
        _unit_set(),
        _field("province_code", "GSO code of the unit holding the target, in its unit set", CODE, required=True),
        _field("province", "the unit's name", required=True),
        _field("set_by", "the former province that set the target, when it was set before the 2025 merger"),
        _field("target_year", "the assessment year the target is for", {"type": "integer"}, required=True,
               minimum=FIRST_YEAR),
        _field("kind", "rank_at_most (DTI rank value or better), score_at_least (DTI score at least value), "
                       "indices_in_top (at least value of the main indices ranked within or better), "
                       "improve_places_per_year (at least value places better every year from from_year)",
               required=True, enum=list(TARGET_KINDS)),
        _field("value", "the target's number: a rank, a 0..1 score, a count of indices or of places",
               {"type": "number"}, required=True, minimum=0),
        _field("within", "for indices_in_top: the rank the indices must reach", {"type": "integer"}, minimum=1),
        _field("from_year", "for improve_places_per_year: the first year compared", {"type": "integer"},
               minimum=FIRST_YEAR),
        url,
        _field("document", "the plan or resolution that sets the target"),
        _field("note", "the plan's own words")]
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "dti-reports-data", "title": "Vietnam's provincial Digital Transformation Index (DTI), as published",
        "description": "Every DTI figure the embedded data holds, one value per year, unit set, unit and metric, "
                       "with the addresses of the pages that publish it; national means; the catalogues of the 63 "
                       "provinces, of the 34 units after the 1 July 2025 merger, and of the metrics; who published "
                       "each assessment and when; the provinces' published DTI targets. Built from data/raw/ by "
                       "`python -m dti_helpers build-data`. Nothing is computed, interpolated or filled: "
                       "an empty score or rank was not published.",
        "resources": [
            _resource("dti", "DTI figures", "the tidy table: one published value per row", tidy,
                      ["year", "unit_set", "province_code", "metric"], [_metric_key()]),
            _resource("national", "National means", "the national means the ministry published", national,
                      ["year", "unit_set", "metric"], [_metric_key()]),
            _resource("provinces", "The 63 provinces", "units of the set 63 (until 30 June 2025)",
                      _units_fields(regions.region.tolist()), ["code"],
                      [{"fields": ["successor_code"], "reference": {"resource": "units_2025", "fields": ["code"]}}]),
            _resource("units_2025", "The 34 units", "units of the set 34 (from 1 July 2025)", _units_fields(None),
                      ["code"]),
            _resource("metrics", "Metrics", "the DTI, its three pillars and the main indices", metric_fields,
                      ["metric"]),
            _resource("assessments", "Assessments", "who published each assessment year's results, and when",
                      assessment_fields, ["year"]),
            _resource("targets", "Provincial targets", "DTI targets set in provincial plans, each with its source",
                      target_fields, ["unit_set", "province_code", "target_year", "kind"]),
        ],
    }


def package_text(package: dict) -> str:
    """The descriptor as the file holds it: JSON, two-space indent, UTF-8 as it is, one final newline.

    >>> package_text({"name": "x"})
    '{\\n  "name": "x"\\n}\\n'
    """
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"


def write_package(data_dir: Path) -> Path:
    """Write ``data_dir/datapackage.json`` atomically; return its path.

    >>> write_package(Path("data"))  # doctest: +SKIP
    PosixPath('data/datapackage.json')
    """
    return atomic_write(Path(data_dir) / PACKAGE_FILE, package_text(build_package(data_dir)))
