"""From the published rows of ``data/raw/`` to one value per year, unit set, province and metric.

Every raw row is what one page printed. This module picks one value where
pages disagree (and says so in the note), marks doubtful and weakly sourced
values, and converts scores printed as points out of N. Nothing is filled,
interpolated or averaged: a value is in the output only if a published row
states it.

The flags of ``dti_round3.csv`` (see ``data/raw/README.md``) are honoured:
``contradicts`` rows are named in the note but never chosen; a value whose
only pages are ``doubtful`` needs an entry in :data:`DOUBTFUL`; a value whose
only pages are weak (a test or demo host, an unrelated republisher) is marked
doubtful with a note naming them; ``secondary`` and ``year-inferred`` sources
are said in the note.

>>> note_text(("bn_scale_points", {"value": "29.48", "n": 100}), "en")
'published as 29.48 points out of 100, converted to 0..1'
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd

from dti_helpers.core.errors import DataFileError, DataProblem, DTIError
from dti_helpers.core.labels import t
from dti_helpers.core.schema import NATIONAL_COLUMNS, NATIONAL_NAMES, TIDY_COLUMNS
from dti_helpers.data.catalogue import load_catalogue
from dti_helpers.data.origin import CAUTION_KINDS, best_kind, least_trusted, source_kind

# Columns the later harvests add; older raw files lack them (read as empty).
EXTRA_COLUMNS = ("scale", "flags", "note")

# Notes are (label key, fields) pairs, written out in English (`note`) and Vietnamese
# (`note_vi`) from the one table of labels.

# Rows the raw-data README marks as suspect: (year, unit set, province code, metric) -> note.
DOUBTFUL = {
    (2022, "63", "72", "xhs"): ("bn_doubt_typo", {}),
    (2023, "63", "08", "xhs"): ("bn_doubt_low", {}),
    (2020, "63", "67", "dti"): ("bn_doubt_mean", {}),
    (2024, "63", "11", "dti"): ("bn_doubt_year", {}),
    # dti_round3.csv rows flagged `doubtful`, where no other page gives the value.
    (2024, "63", "79", "awareness"): ("bn_doubt_unit_set", {}),
    (2024, "63", "79", "institutions"): ("bn_doubt_unit_set", {}),
    (2021, "63", "51", "dti"): ("bn_doubt_step", {}),
    (2021, "63", "54", "dti"): ("bn_doubt_shared_rank", {}),
    (2020, "63", "15", "dti"): ("bn_doubt_inconsistent", {}),
}
# Kon Tum's scores are printed with two decimals only (0.24): the README lists them among the
# suspect rows, so every published Kon Tum score is marked doubtful with this note.
DOUBTFUL_SCORES = {"62": ("bn_two_decimals", {})}
# Not doubtful, but worth a note wherever the value is shown.
NOTES = {
    (2022, "63", "44", "dti"): ("bn_score_1000_only", {}),
}
# The rows of the older files whose page prints the score on the 1000-point scale (the later
# files say it in their `scale` column); any other score above 1 is an error (a "5,638" read as
# 5.638 must not quietly become 0.005638).
SCALE_1000 = {("data/raw/dti_2022.csv", "Bến Tre", "dti", "507.72")}

# Disagreements settled by reading the evidence, where the count of pages cannot.
# Kiên Giang 2020: the raw README's round 3 settles it at 9 (two pages, the compiled table's
# scores); the one page printing 8 does not say it is a tie.
SETTLED = {
    (2020, "63", "91", "dti", "rank"): (9, ("bn_settled_rank_9", {})),
}


def read_raw_rows(raw_dir: Path) -> pd.DataFrame:
    """All published rows with their file, line and unit set (``_34.csv`` files are the 34 set).

    >>> rows = read_raw_rows(Path("data/raw"))
    >>> sorted(rows.unit_set.unique())
    ['34', '63']
    """
    frames = []
    for path in sorted(raw_dir.glob("dti_*.csv")):
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        for column in EXTRA_COLUMNS:
            if column not in df:
                df[column] = ""
        df["file"] = f"data/raw/{path.name}"
        df["line"] = range(2, len(df) + 2)
        df["unit_set"] = "34" if path.stem.endswith("_34") else "63"
        frames.append(df)
    return pd.concat(frames, ignore_index=True)


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


def _parse_score(text: str, where: tuple[str, int], scale: int | None) -> tuple[float | None, tuple | None]:
    if text == "":
        return None, None
    value = float(text.replace(",", "."))
    if scale is not None and 0 <= value <= scale:
        note = ("bn_scale", {"value": text}) if scale == 1000 else ("bn_scale_points", {"value": text, "n": scale})
        return round(value / scale, 6), note
    if not 0 <= value <= 1:
        raise DataFileError([DataProblem("score_out_of_range", where[0], where[1], "score", text)])
    return value, None


def _scale(r) -> int | None:
    if r.scale:
        return int(r.scale)
    return 1000 if (r.file, r.province, r.metric, r.score) in SCALE_1000 else None


def _pick(values: list[tuple[object, str, bool, str]], field: str,
          settled: tuple | None = None) -> tuple[object, tuple | None]:
    """Choose one value among the pages that state one; return it and a conflict note.

    ``values`` holds (value, source_url, contradicts, kind) tuples. Agreeing pages give that
    value; otherwise the most trusted kind of source that states a value decides
    (:data:`~dti_helpers.data.origin.SOURCE_KINDS`: dti.gov.vn and the ministry, then portals and
    the press, then secondary compilations, then weak hosts), and among pages of that kind the
    value most of them give. A tie there leaves the value empty rather than guess. A page flagged
    as contradicting the held value is named, never chosen.
    """
    distinct = Counter(v for v, _, _, _ in values)
    if len(distinct) <= 1:
        return (next(iter(distinct)) if distinct else None), None
    described = [("bn_pages_1" if n == 1 else "bn_pages_n",
                  {"value": v, "n": n, "urls": ", ".join(sorted({u for x, u, _, _ in values if x == v}))})
                 for v, n in sorted(distinct.items(), key=lambda kv: (-kv[1], str(kv[0])))]
    held = [(v, kind) for v, _, contra, kind in values if not contra]
    top_kind = best_kind(kind for _, kind in held)
    counted = Counter(v for v, kind in held if kind == top_kind)
    if settled is not None:
        chosen, why = settled
    elif len(counted) == 1:
        chosen = next(iter(counted))
        outvoted = len({v for v, _ in held}) > 1  # less trusted pages gave another value
        why = ("bn_kept_" + top_kind, {}) if outvoted or top_kind == "official" else ("bn_kept_held", {})
    else:
        (top, n_top), (_, n_next) = counted.most_common(2)
        chosen, why = (None, ("bn_no_majority", {})) if n_top == n_next else (top, ("bn_kept_majority", {}))
    return chosen, ("bn_conflict", {"field": ("bn_field_" + field, {}), "described": described, "why": why})


def _only_sources(support: dict[str, list]) -> list[tuple]:
    """Notes for a value whose every supporting page is weak, secondary or undated.

    ``support`` maps "score"/"rank" to the (url, flags) of the pages giving the kept value.
    """
    notes = []
    for key, test in (("bn_weak_only", lambda u, f: source_kind(u, f) == "weak"),
                      ("bn_secondary_only", lambda u, f: source_kind(u, f) == "secondary"),
                      ("bn_year_inferred", lambda u, f: "year-inferred" in f)):
        fields = [f for f, pages in support.items() if pages and all(test(u, fl) for u, fl in pages)]
        if fields:
            urls = sorted({u for f in fields for u, _ in support[f]})
            field = ("bn_field_both", {}) if len(fields) == 2 else ("bn_field_" + fields[0], {})
            notes.append((key, {"field": field, "urls": ", ".join(urls)}))
    return notes


def _records(rows: pd.DataFrame, cat) -> list[dict]:
    problems: list[DataProblem] = []
    records = []
    for r in rows.itertuples():
        national = r.province in NATIONAL_NAMES
        if r.metric not in cat.metrics.index:
            problems.append(DataProblem("unknown_metric", r.file, r.line, "metric", r.metric,
                                        {"known": ", ".join(cat.metrics.index)}))
            continue
        try:
            year = int(r.year)
        except ValueError:
            problems.append(DataProblem("not_integer", r.file, r.line, "year", r.year))
            continue
        try:
            code = "" if national else cat.resolve(r.province, r.unit_set)
            score, scale_note = _parse_score(r.score, (r.file, r.line), _scale(r))
            rank = int(r.rank) if r.rank != "" else None
        except DataFileError as exc:  # before DTIError: it is one
            problems.extend(exc.problems)
            continue
        except DTIError as exc:
            problems.append(DataProblem.from_error(exc, r.file, r.line, "province", r.province))
            continue
        except ValueError:
            problems.append(DataProblem("not_number", r.file, r.line, "score/rank", f"{r.score}/{r.rank}"))
            continue
        flags = frozenset(f.strip() for f in r.flags.split(";") if f.strip())
        records.append({"year": year, "unit_set": r.unit_set, "code": code, "national": national,
                        "metric": r.metric, "score": score, "rank": rank, "url": r.source_url,
                        "scale_note": scale_note, "flags": flags, "file": r.file, "line": r.line})
    if problems:
        raise DataFileError(problems)
    return records


def build_dataset(raw_dir: Path, catalogue=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Collapse the published rows into the tidy table and the national means.

    >>> tidy, national = build_dataset(Path("data/raw"))
    >>> tidy.query("year == 2020 and province_code == '24' and metric == 'dti'").score.item()
    '0.3615'
    """
    cat = catalogue or load_catalogue(raw_dir.parent)
    df = pd.DataFrame(_records(read_raw_rows(raw_dir), cat))
    tidy, national, problems = [], [], []
    for (year, unit_set, code, metric, is_nat), g in df.groupby(
            ["year", "unit_set", "code", "metric", "national"], sort=True):
        key = (year, unit_set, code, metric)
        pages = list(g.itertuples())
        score, score_note = _pick([(p.score, p.url, "contradicts" in p.flags, source_kind(p.url, p.flags))
                                   for p in pages if pd.notna(p.score)],
                                  "score", SETTLED.get((*key, "score")))
        rank, rank_note = _pick([(int(p.rank), p.url, "contradicts" in p.flags, source_kind(p.url, p.flags))
                                 for p in pages if pd.notna(p.rank)],
                                "rank", SETTLED.get((*key, "rank")))
        support = {"score": [(p.url, p.flags) for p in pages if pd.notna(p.score) and p.score == score],
                   "rank": [(p.url, p.flags) for p in pages if pd.notna(p.rank) and int(p.rank) == rank]}
        notes = [n for n in g.scale_note if n] + [n for n in (score_note, rank_note) if n]
        notes = list({note_text(n, "en"): n for n in notes}.values())  # the same note once
        if key in NOTES:
            notes.append(NOTES[key])
        only = _only_sources(support)
        notes += only
        doubt = DOUBTFUL.get(key) or (DOUBTFUL_SCORES.get(code) if score is not None else None)
        flagged = [f for f, ps in support.items() if ps and all("doubtful" in fl for _, fl in ps)]
        if flagged and key not in DOUBTFUL:
            first = pages[0]
            problems.append(DataProblem("doubtful_without_note", first.file, first.line, "flags", "doubtful",
                                        {"entry": "/".join(map(str, key))}))
        if doubt:
            notes.insert(0, doubt)
        # A page that gave a value other than the one kept is named in the note, not cited as a source.
        kept = {u for u, _ in support["score"] + support["rank"]}
        kept |= {p.url for p in pages if pd.isna(p.score) and pd.isna(p.rank)}
        sources = " | ".join(sorted(kept or set(g.url)))
        base = {"year": year, "unit_set": unit_set, "metric": metric, "score": _fmt_score(score),
                "sources": sources, "note": note_text(notes, "en"), "note_vi": note_text(notes, "vi")}
        if is_nat:
            national.append(base)
        else:
            kind = _value_kind(support)
            tidy.append({**base, "province_code": code, "province": cat.name(code, unit_set),
                         "rank": "" if rank is None else str(rank), "source_kind": kind,
                         "doubtful": "true" if doubt or kind in CAUTION_KINDS else "false"})
    if problems:
        raise DataFileError(problems)
    metric_order = cat.metrics["order"].to_dict()
    sort = lambda d: d.sort_values(  # noqa: E731
        ["year", "unit_set", *(["province_code"] if "province_code" in d else []), "metric"],
        key=lambda s: s.map(metric_order) if s.name == "metric" else s)
    return sort(pd.DataFrame(tidy))[TIDY_COLUMNS], sort(pd.DataFrame(national))[NATIONAL_COLUMNS]


def _value_kind(support: dict[str, list]) -> str:
    """The kind of a value: of each of its figures (score, rank) the most trusted page giving it,
    and of those the less trusted, so that a rank resting on a weak page alone is said to."""
    return least_trusted(best_kind(source_kind(u, f) for u, f in pages) for pages in support.values() if pages)


def _fmt_score(value: float | None) -> str:
    return "" if value is None else format(value, ".10g")
