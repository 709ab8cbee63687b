"""Thin data: a province-year whose only published figure is its DTI rank, and the province's rank history.

Such a year gets a short brief instead of the full report (:mod:`dti_helpers.sections.province.brief`):
a table of "not published" cells tells a reader less than one sentence saying what is published.

>>> from dti_helpers import load_dti
>>> rank_only(load_dti(), "35", 2022), rank_only(load_dti(), "48", 2021)
(True, False)
"""
from __future__ import annotations

import pandas as pd

from dti_helpers.analysis.province import plain
from dti_helpers.core.schema import scores_comparable
from dti_helpers.data.load import DTIData
from dti_helpers.data.origin import split_sources


def _own(data: DTIData, code: str) -> pd.DataFrame:
    t = data.table
    return t[(t.unit_set == data.units) & (t.province_code == code)]


def rank_only(data: DTIData, code: str, year: int) -> bool:
    """Whether the province's DTI rank is its only published figure of ``year``: no DTI score, and no
    pillar or index figure (score or rank).

    >>> rank_only(load_dti(), "10", 2022), rank_only(load_dti(), "24", 2022)
    (True, False)
    """
    rows = _own(data, code)
    rows = rows[(rows.year == year) & (rows.score.notna() | rows["rank"].notna())]
    return (len(rows) == 1 and rows.metric.iloc[0] == "dti" and pd.isna(rows.score.iloc[0])
            and pd.notna(rows["rank"].iloc[0]))


def rank_history(data: DTIData, code: str) -> list[dict]:
    """The province's published DTI ranks, oldest first, each with its change since the previous published
    rank (positive = up). Ranks of one unit set stay comparable across the 2021 method change (a place in
    the same table); ``method_change`` says that the scores of the two years are not.

    >>> [(h["year"], h["rank"], h["rank_change"]) for h in rank_history(load_dti(), "24")]
    [(2020, 10, None), (2021, 10, 0), (2022, 9, 1)]
    >>> rank_history(load_dti(), "24")[1]["method_change"]
    True
    """
    rows = _own(data, code)
    rows = rows[(rows.metric == "dti") & rows["rank"].notna()].sort_values("year")
    out, prev = [], None
    for r in rows.itertuples():
        year, rank = int(r.year), int(r.rank)
        out.append({"year": year, "rank": rank, "n_units": data.n_units, "doubtful": bool(r.doubtful),
                    "note": r.note, "note_vi": r.note_vi, "sources": split_sources(plain(r.sources)),
                    "prev_year": prev["year"] if prev else None, "prev_rank": prev["rank"] if prev else None,
                    "prev_doubtful": prev["doubtful"] if prev else False,
                    "prev_note": prev["note"] if prev else "", "prev_note_vi": prev["note_vi"] if prev else "",
                    "rank_change": prev["rank"] - rank if prev else None,
                    "method_change": bool(prev) and not scores_comparable(prev["year"], year)})
        prev = out[-1]
    return out
