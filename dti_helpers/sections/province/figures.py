"""Published figures of chosen provinces as plain rows, for an analyst's own table (no pandas needed).

>>> from dti_helpers.sections.province import setup
>>> from dti_helpers.sections.kit import table
>>> rep = setup("Bắc Giang", 2022, "en")
>>> rows = figures(rep, ["Bắc Ninh", "Thái Nguyên"], metrics=["dti"])
>>> [(r["province"], r["rank"]) for r in rows]
[('Bắc Ninh', 7), ('Thái Nguyên', 8)]
>>> "7/63" in table(rows, columns=figure_columns(rep), sources="sources", lang="en").__html__()
True
"""
from __future__ import annotations

from dti_helpers.core.labels import t
from dti_helpers.sections.province.common import PILLARS, isna, metric_label


def figures(rep, provinces, metrics=("dti", *PILLARS), year: int | None = None) -> list[dict]:
    """One row per province and metric in ``year`` (default: the report's year), in the order asked.

    Each row has province, metric (its name in the report's language), score,
    rank (None where not published), doubtful, note, note_vi and sources, ready
    for :func:`~dti_helpers.sections.kit.table`, which marks doubtful figures
    and says "not published". Provinces may be given as names, slugs or codes.

    >>> from dti_helpers.sections.province import setup
    >>> row = figures(setup("24", 2020, "en"), ["24"], metrics=["dti"])[0]
    >>> row["province"], row["score"], row["rank"]
    ('Bắc Giang', 0.3615, 10)
    """
    year = rep.year if year is None else int(year)
    codes = [rep.data.catalogue.resolve(p) for p in provinces]
    tb = rep.data.table
    tb = tb[(tb.unit_set == rep.data.units) & (tb.year == year) & tb.province_code.isin(codes) & tb.metric.isin(list(metrics))]
    found = {(r.province_code, r.metric): r for r in tb.itertuples()}
    rows = []
    for code in codes:
        for metric in metrics:
            r = found.get((code, metric))
            rows.append({
                "province": rep.data.provinces.at[code, "name"],
                "metric": metric_label(rep, metric),
                "score": None if r is None or isna(r.score) else float(r.score),
                "rank": None if r is None or isna(r.rank) else int(r.rank),
                "doubtful": bool(r.doubtful) if r is not None else False,
                "note": r.note if r is not None else "",
                "note_vi": r.note_vi if r is not None else "",
                "sources": r.sources if r is not None else "",
            })
    return rows


def figure_columns(rep) -> dict:
    """Headers for a table of :func:`figures` rows, in the report's language.

    >>> from dti_helpers.sections.province import setup
    >>> figure_columns(setup("24", 2020, "en"))["rank"]
    'Rank'
    """
    lang = rep.lang
    return {"province": t("province", lang), "metric": t("metric", lang), "score": t("score", lang),
            "rank": t("rank", lang)}
