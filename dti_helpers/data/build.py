"""Reproducible build of the embedded data from ``data/raw/``.

``python -m dti_helpers.build`` writes:

* ``data/provinces.csv`` and ``data/units_2025.csv``: codes, names and the
  2025 merger, derived from the field library *vietnamadminunits* (only the
  GSO regions in ``data/raw/regions.csv`` and the dti.gov.vn spellings below
  are typed here);
* ``data/dti.csv``: the tidy table, one value per year, unit set, province and
  metric, with every source URL;
* ``data/national.csv``: the published national means, kept apart.

Running it twice gives byte-identical files. Nothing is filled, interpolated
or derived: a value is in the output only if a published row states it.
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

from dti_helpers.core.names import slugify
from dti_helpers.core.schema import NATIONAL_COLUMNS, NATIONAL_NAMES, TIDY_COLUMNS
from dti_helpers.data.catalogue import load_catalogue
from dti_helpers.core.errors import DataFileError, DataProblem, DTIError
from dti_helpers.core.labels import t

DTI_GOV = "dti.gov.vn"

# dti.gov.vn writes the five centrally-run cities as "TP. X"; until 2025 Huế was
# the province "Thừa Thiên - Huế" (the library already uses its 2025 name).
LEGACY_OVERRIDES = {"46": {"name": "Thừa Thiên - Huế", "short_name": "Thừa Thiên Huế", "kind": "province"}}

# Notes are (label key, fields) pairs, written out in English (`note`) and Vietnamese
# (`note_vi`) from the one table of labels.

# Rows the raw-data README marks as suspect: (year, unit set, province code, metric) -> note.
DOUBTFUL = {
    (2022, "63", "72", "xhs"): ("bn_doubt_typo", {}),
    (2023, "63", "08", "xhs"): ("bn_doubt_low", {}),
    (2020, "63", "67", "dti"): ("bn_doubt_mean", {}),
    (2024, "63", "11", "dti"): ("bn_doubt_year", {}),
}
# Kon Tum's scores are printed with two decimals only (0.24): the README lists them among the
# suspect rows, so every published Kon Tum score is marked doubtful with this note.
DOUBTFUL_SCORES = {"62": ("bn_two_decimals", {})}
# Not doubtful, but worth a note wherever the value is shown.
NOTES = {
    (2022, "63", "44", "dti"): ("bn_score_1000_only", {}),
}
# The rows whose page prints the score on the 1000-point scale; any other score above 1 is an error
# (a "5,638" read as 5.638 must not quietly become 0.005638).
SCALE_1000 = {("data/raw/dti_2022.csv", "Bến Tre", "dti", "507.72")}

# Disagreements settled by reading the evidence, where the count of pages cannot.
# Kiên Giang 2020: one page says rank 8 in a tie, another "09/63"; ties share the
# better rank in the DTI tables, so a page counting positions would say 9 for a tie at 8.
SETTLED = {
    (2020, "63", "91", "dti", "rank"): (8, ("bn_settled_tie", {})),
}



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


def read_raw_rows(raw_dir: Path) -> pd.DataFrame:
    """All published rows with their file, line and unit set (``_34.csv`` files are the 34 set).

    >>> rows = read_raw_rows(Path("data/raw"))
    >>> sorted(rows.unit_set.unique())
    ['34', '63']
    """
    frames = []
    for path in sorted(raw_dir.glob("dti_*.csv")):
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        df["file"] = f"data/raw/{path.name}"
        df["line"] = range(2, len(df) + 2)
        df["unit_set"] = "34" if path.stem.endswith("_34") else "63"
        frames.append(df)
    return pd.concat(frames, ignore_index=True)


def _parse_score(text: str, where: DataProblem, scale_1000: bool = False) -> tuple[float | None, tuple | None]:
    if text == "":
        return None, None
    value = float(text.replace(",", "."))
    if scale_1000 and 0 <= value <= 1000:
        return round(value / 1000, 6), ("bn_scale", {"value": text})
    if not 0 <= value <= 1:
        raise DataFileError([DataProblem(where.file, where.row, "score", text, "score outside 0..1")])
    return value, None


def _pick(values: list[tuple[object, str]], field: str, settled: tuple | None = None) -> tuple[object, tuple | None]:
    """Choose one value among the pages that state one; return it and a conflict note.

    ``values`` holds (value, source_url) pairs. Agreeing pages give that value;
    otherwise dti.gov.vn wins, then the value most pages give. A tie with no
    official page leaves the value empty rather than guess.
    """
    distinct = Counter(v for v, _ in values)
    if len(distinct) <= 1:
        return (next(iter(distinct)) if distinct else None), None
    described = [("bn_pages_1" if n == 1 else "bn_pages_n",
                  {"value": v, "n": n, "urls": ", ".join(sorted({u for x, u in values if x == v}))})
                 for v, n in sorted(distinct.items(), key=lambda kv: (-kv[1], str(kv[0])))]
    official = {v for v, u in values if DTI_GOV in u}
    if settled is not None:
        chosen, why = settled
    elif len(official) == 1:
        chosen, why = next(iter(official)), ("bn_kept_official", {})
    else:
        (top, n_top), (_, n_next) = distinct.most_common(2)
        chosen, why = (None, ("bn_no_majority", {})) if n_top == n_next else (top, ("bn_kept_majority", {}))
    return chosen, ("bn_conflict", {"field": ("bn_field_" + field, {}), "described": described, "why": why})


def note_text(note, lang: str) -> str:
    """Write a note (label key and fields, fields may nest notes or lists of them) in ``lang``.

    >>> note_text(("bn_scale", {"value": "507.72"}), "vi")
    'công bố theo thang 1000 điểm (507.72), đã quy đổi về thang 0..1'
    """
    if isinstance(note, list):
        return "; ".join(note_text(n, lang) for n in note)
    key, fields = note
    return t(key, lang, **{k: note_text(v, lang) if isinstance(v, (tuple, list)) else v
                           for k, v in fields.items()})


def _fmt_score(value: float | None) -> str:
    return "" if value is None else format(value, ".10g")


def build_dataset(raw_dir: Path, catalogue=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Collapse the published rows into the tidy table and the national means.

    >>> tidy, national = build_dataset(Path("data/raw"))
    >>> tidy.query("year == 2020 and province_code == '24' and metric == 'dti'").score.item()
    '0.3615'
    """
    cat = catalogue or load_catalogue(raw_dir.parent)
    rows = read_raw_rows(raw_dir)
    problems: list[DataProblem] = []
    records = []
    for r in rows.itertuples():
        where = DataProblem(r.file, r.line, None, None, "")
        national = r.province in NATIONAL_NAMES
        if r.metric not in cat.metrics.index:
            problems.append(DataProblem(r.file, r.line, "metric", r.metric, "unknown metric"))
            continue
        try:
            year = int(r.year)
        except ValueError:
            problems.append(DataProblem(r.file, r.line, "year", r.year, "not a whole number"))
            continue
        try:
            code = "" if national else cat.resolve(r.province, r.unit_set)
            score, scale_note = _parse_score(r.score, where, (r.file, r.province, r.metric, r.score) in SCALE_1000)
            rank = int(r.rank) if r.rank != "" else None
        except DataFileError as exc:  # before DTIError: it is one
            problems.extend(exc.problems)
            continue
        except DTIError as exc:
            problems.append(DataProblem(r.file, r.line, "province", r.province, str(exc)))
            continue
        except ValueError:
            problems.append(DataProblem(r.file, r.line, "score/rank", f"{r.score}/{r.rank}", "not a number"))
            continue
        records.append({"year": year, "unit_set": r.unit_set, "code": code, "national": national,
                        "metric": r.metric, "score": score, "rank": rank, "url": r.source_url,
                        "scale_note": scale_note})
    if problems:
        raise DataFileError(problems)

    df = pd.DataFrame(records)
    tidy, national = [], []
    for (year, unit_set, code, metric, is_nat), g in df.groupby(
            ["year", "unit_set", "code", "metric", "national"], sort=True):
        key = (year, unit_set, code, metric)
        score, score_note = _pick([(s, u) for s, u in zip(g.score, g.url) if pd.notna(s)], "score",
                                  SETTLED.get((*key, "score")))
        rank, rank_note = _pick([(int(k), u) for k, u in zip(g["rank"], g.url) if pd.notna(k)], "rank",
                                SETTLED.get((*key, "rank")))
        notes = [n for n in g.scale_note if n] + [n for n in (score_note, rank_note) if n]
        notes = list({note_text(n, "en"): n for n in notes}.values())  # the same note once
        if key in NOTES:
            notes.append(NOTES[key])
        doubt = DOUBTFUL.get(key) or (DOUBTFUL_SCORES.get(code) if score is not None else None)
        if doubt:
            notes.insert(0, doubt)
        # A page that gave a value other than the one kept is named in the note, not cited as a source.
        kept = {u for s, u in zip(g.score, g.url) if pd.notna(s) and s == score}
        kept |= {u for k, u in zip(g["rank"], g.url) if pd.notna(k) and int(k) == rank}
        kept |= {u for s, k, u in zip(g.score, g["rank"], g.url) if pd.isna(s) and pd.isna(k)}
        sources = " | ".join(sorted(kept or set(g.url)))
        base = {"year": year, "unit_set": unit_set, "metric": metric, "score": _fmt_score(score),
                "sources": sources, "note": note_text(notes, "en"), "note_vi": note_text(notes, "vi")}
        if is_nat:
            national.append(base)
        else:
            tidy.append({**base, "province_code": code, "province": cat.name(code, unit_set),
                         "rank": "" if rank is None else str(rank),
                         "doubtful": "true" if doubt else "false"})
    metric_order = cat.metrics["order"].to_dict()
    sort = lambda d: d.sort_values(  # noqa: E731
        ["year", "unit_set", *(["province_code"] if "province_code" in d else []), "metric"],
        key=lambda s: s.map(metric_order) if s.name == "metric" else s)
    return sort(pd.DataFrame(tidy))[TIDY_COLUMNS], sort(pd.DataFrame(national))[NATIONAL_COLUMNS]


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
    return [data_dir / n for n in ("provinces.csv", "units_2025.csv", "dti.csv", "national.csv")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Rebuild data/*.csv from data/raw/ (reproducible).")
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
