"""Which figures a province report shows: its own in every year, its successor's or former provinces',
the national means and the other provinces' figures behind its comparisons.

The data notes cite the sources of exactly these rows, and record them (:func:`shown_figures`) for the
report's CSV and XLSX downloads (:mod:`dti_helpers.render.download`).

>>> from dti_helpers.sections.province import setup
>>> rows = shown_figures(setup("Bắc Giang", 2020, "en"))
>>> own = [r for r in rows if r["role"] == "own" and r["year"] == 2020 and r["metric"] == "dti"]
>>> own[0]["score"], own[0]["rank"], own[0]["published"]
(0.3615, 10, True)
"""
from __future__ import annotations

import pandas as pd

from dti_helpers.analysis import lineage, province as an
from dti_helpers.sections.province.common import PILLARS
from dti_helpers.sections.records import figure_records, national_records


def figure_rows(rep) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The rows behind every figure the report shows: (this province's, other provinces').

    >>> from dti_helpers.sections.province import setup
    >>> own, others = figure_rows(setup("24", 2020))
    >>> set(own.province_code) == {"24"} and "24" not in set(others.province_code)
    True
    >>> own, others = figure_rows(setup("Hà Nam", 2022))
    >>> own.metric.tolist(), sorted(set(others.metric)), len(others)
    (['dti'], ['dti'], 62)
    """
    data, code, year = rep.data, rep.code, rep.year
    own = an.sources(data, code)
    tb = data.table
    if rep.is_brief:  # the brief shows the province's DTI ranks and the year's map: no peers, leaders or medians
        others = tb[(tb.unit_set == data.units) & (tb.year == year) & (tb.province_code != code) & (tb.metric == "dti")]
        return own[own.metric == "dti"], others
    pe = an.peers(data, code, year, rep.params.peers)
    sc = an.scorecard(data, code, year)
    others = [c for c in pe.code if c != code]
    region_codes = data.provinces.index[data.provinces.region == data.provinces.at[code, "region"]]
    shown = tb[(tb.unit_set == rep.data.units) & (tb.year == year) & (tb.province_code != code) & (
        (tb.province_code.isin(others) & tb.metric.isin(("dti", *PILLARS)))
        | (tb.metric == "dti")  # the country chart and map
        | (tb.metric.isin(sc.metric) & (tb["rank"] == 1))  # leaders
        # the scores behind the region medians and the "too few published (n of N)" counts
        | (tb.metric.isin(sc.metric[sc.region_n > 0]) & tb.province_code.isin(region_codes)
           & tb.score.notna() & ~tb.doubtful)
    )]
    return own, shown


def own_keys(rep, own: pd.DataFrame) -> list[tuple]:
    """(unit set, year, code, metric) of the province's own figures the report shows, published (``own``,
    the first of :func:`figure_rows`) or not (the data notes list what is missing), in year and metric order.

    >>> from dti_helpers.sections.province import setup
    >>> rep = setup("Lào Cai", 2022)
    >>> own_keys(rep, figure_rows(rep)[0])[:2]
    [('63', 2020, '10', 'dti'), ('63', 2020, '10', 'cqs')]
    """
    data, code = rep.data, rep.code
    missing = an.missing(data, code)
    pairs = set(zip(own.year, own.metric)) | set(zip(missing.year, missing.metric))
    order = data.metrics["order"]
    return [(data.units, int(y), code, m) for y, m in sorted(pairs, key=lambda p: (p[0], order[p[1]]))]


def lineage_keys(rep) -> tuple[str, list[tuple]]:
    """The role and keys of the figures of the other unit set the report shows: a province's successor
    after the July 2025 merger (its 34-unit DTI in every year of the 34), or a unit's former provinces.

    >>> from dti_helpers.sections.province import setup
    >>> lineage_keys(setup("24", 2020))
    ('successor', [('34', 2024, '24', 'dti')])
    """
    if rep.data.units == "63":
        s = lineage.successor(rep.data, rep.code)
        return "successor", [("34", f["year"], s["code"], "dti") for f in s["figures"]]
    former = lineage.former_provinces(rep.data, rep.code)
    return "former", [("63", int(r.year), r.code, r.metric) for r in former.itertuples()]


def shown_figures(rep, rows: tuple[pd.DataFrame, pd.DataFrame] | None = None) -> list[dict]:
    """Every figure the report shows, one record each (:mod:`dti_helpers.sections.records`), in the order
    of the data notes: own, successor or former provinces, national means, other provinces. ``rows`` is
    :func:`figure_rows` when the caller has it already.

    >>> from dti_helpers.sections.province import setup
    >>> rows = shown_figures(setup("Lào Cai", 2022, "en"))
    >>> [(r["metric"], r["score"], r["rank"], r["published"]) for r in rows if r["role"] == "own" and r["year"] == 2022][:2]
    [('dti', None, 38, True), ('cqs', None, None, False)]
    """
    data, lang = rep.data, rep.lang
    own, others = rows if rows is not None else figure_rows(rep)
    role, keys = lineage_keys(rep)
    order = data.metrics["order"]
    others = others.assign(_o=others.metric.map(order)).sort_values(["year", "_o", "province_code"])
    return [*figure_records(data, own_keys(rep, own), "own", lang), *figure_records(data, keys, role, lang),
            *national_records(an.national_sources(data, rep.year), data.catalogue, lang),
            *figure_records(data, list(zip(others.unit_set, others.year, others.province_code, others.metric)),
                            "other", lang)]
