"""Reproducible build of the embedded data from ``data/raw/``.

``python -m dti_helpers.data.build`` writes:

* ``data/provinces.csv`` and ``data/units_2025.csv``: codes, names and the
  2025 merger, derived from the field library *vietnamadminunits* (only the
  GSO regions in ``data/raw/regions.csv`` and the dti.gov.vn spellings below
  are typed here);
* ``data/dti.csv``: the tidy table, one value per year, unit set, province and
  metric, with every source URL;
* ``data/national.csv``: the published national means, kept apart;
* ``data/datapackage.json``: the Frictionless Data Package describing every ``data/*.csv``
  (:mod:`dti_helpers.data.package`).

Running it twice gives byte-identical files. Nothing is filled, interpolated
or derived: a value is in the output only if a published row states it
(:mod:`dti_helpers.data.published` collapses the rows).
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

import pandas as pd

from dti_helpers.core.errors import DataFileError
from dti_helpers.core.names import slugify
from dti_helpers.data.catalogue import load_catalogue
from dti_helpers.data.package import write_package
# The published rows -> tidy table step lives in its own module; its names stay importable from here.
from dti_helpers.data.published import build_dataset, note_text, read_raw_rows  # noqa: F401

# dti.gov.vn writes the five centrally-run cities as "TP. X"; until 2025 Huế was
# the province "Thừa Thiên - Huế" (the library already uses its 2025 name).
LEGACY_OVERRIDES = {"46": {"name": "Thừa Thiên - Huế", "short_name": "Thừa Thiên Huế", "kind": "province"}}


def _library_units(table: str) -> pd.DataFrame:
    """Province rows of the vietnamadminunits database (``admin_units`` or ``_legacy``)."""
    import vietnamadminunits

    db = Path(vietnamadminunits.__file__).parent / "data" / "dataset.db"
    with sqlite3.connect(db) as conn:
        return pd.read_sql(
            f"SELECT DISTINCT province, provinceShort, provinceCode, provinceKey, provinceAlias, "
            f"provinceLat, provinceLon FROM [{table}] ORDER BY provinceCode", conn)


def _merger_map() -> dict[str, str]:
    """Old province key -> new province key, from the library's 2025 converter."""
    import vietnamadminunits

    path = Path(vietnamadminunits.__file__).parent / "data" / "converter_2025.json"
    data = json.loads(path.read_text(encoding="utf-8"))["DICT_PROVINCE"]
    return {old: new for new, olds in data.items() for old in olds}


def _dti_name(full: str, short: str) -> tuple[str, str]:
    if full.startswith("Thành phố"):
        return f"TP. {short}", "city"
    return short, "province"


def build_catalogue(raw_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Derive the 63-province and 34-unit tables from the field library.

    >>> provinces, units = build_catalogue(Path("data/raw"))
    >>> len(provinces), len(units)
    (63, 34)
    """
    regions = pd.read_csv(raw_dir / "regions.csv", dtype=str)
    region_of = {code: r.region for r in regions.itertuples() for code in r.province_codes.split()}
    new = _library_units("admin_units")
    new_by_key = {r.provinceKey: r for r in new.itertuples()}
    merger = _merger_map()

    rows = []
    for r in _library_units("admin_units_legacy").itertuples():
        name, kind = _dti_name(r.province, r.provinceShort)
        row = {"code": r.provinceCode, "name": name, "short_name": r.provinceShort, "kind": kind}
        row.update(LEGACY_OVERRIDES.get(r.provinceCode, {}))
        successor = new_by_key[merger[r.provinceKey]]
        reg = regions.set_index("region").loc[region_of[r.provinceCode]]
        row.update({
            "name_en": _ascii(row["short_name"]), "slug": slugify(row["short_name"]),
            "region": region_of[r.provinceCode], "region_vi": reg.name_vi, "region_en": reg.name_en,
            "successor_code": successor.provinceCode,
            "successor_name": _dti_name(successor.province, successor.provinceShort)[0],
            "aliases": _aliases(r.provinceAlias),
            "lat": f"{r.provinceLat:.4f}", "lon": f"{r.provinceLon:.4f}",
        })
        rows.append(row)
    provinces = pd.DataFrame(rows)

    units = []
    for r in new.itertuples():
        name, kind = _dti_name(r.province, r.provinceShort)
        predecessors = provinces.loc[provinces.successor_code == r.provinceCode, "code"]
        units.append({
            "code": r.provinceCode, "name": name, "short_name": r.provinceShort, "kind": kind,
            "name_en": _ascii(r.provinceShort), "slug": slugify(r.provinceShort),
            "predecessors": " ".join(predecessors),
            "aliases": _aliases(r.provinceAlias),
            "lat": f"{r.provinceLat:.4f}", "lon": f"{r.provinceLon:.4f}",
        })
    return provinces, pd.DataFrame(units)


def _aliases(value: object) -> str:
    return "|".join(json.loads(value)) if isinstance(value, str) and value else ""


def _ascii(text: str) -> str:
    from unidecode import unidecode

    return unidecode(text)


def write_csv(df: pd.DataFrame, path: Path) -> None:
    """Write ``df`` atomically with fixed formatting (UTF-8, LF, no index).

    >>> import tempfile; p = Path(tempfile.mkdtemp()) / "x.csv"
    >>> write_csv(pd.DataFrame({"a": ["1"]}), p); p.read_text()
    'a\\n1\\n'
    """
    tmp = path.with_suffix(path.suffix + ".tmp")
    df.to_csv(tmp, index=False, lineterminator="\n", encoding="utf-8")
    tmp.replace(path)


def build_all(data_dir: Path) -> list[Path]:
    """Rebuild every derived table in ``data_dir`` from ``data_dir/raw``; return the paths written.

    >>> build_all(Path("data"))  # doctest: +SKIP
    """
    raw = data_dir / "raw"
    provinces, units = build_catalogue(raw)
    write_csv(provinces, data_dir / "provinces.csv")
    write_csv(units, data_dir / "units_2025.csv")
    tidy, national = build_dataset(raw, load_catalogue(data_dir))
    write_csv(tidy, data_dir / "dti.csv")
    write_csv(national, data_dir / "national.csv")
    return [*(data_dir / n for n in ("provinces.csv", "units_2025.csv", "dti.csv", "national.csv")),
            write_package(data_dir)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Rebuild data/*.csv and data/datapackage.json from data/raw/ "
                                                 "(reproducible).")
    parser.add_argument("--data-dir", type=Path, default=Path(__file__).resolve().parents[2] / "data")
    args = parser.parse_args(argv)
    try:
        for path in build_all(args.data_dir):
            print(f"wrote {path}")
    except DataFileError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
