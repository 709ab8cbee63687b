"""Strengths and weaknesses of a province: the pillars and indices it ranks clearly well or badly in.

The rule, stated in the report in one sentence: a pillar or index is a strength when it ranks in the
top tenth of the units (rank 6 or better of 63, 3 or better of 34) or at least ``STRENGTH_MARGIN``
places better than the overall DTI rank; a weakness is the mirror (bottom tenth, or that many places
worse). The tenth lets a leading province have strengths: ranked 1st, it cannot rank 10 places better.

>>> from dti_helpers import load_dti
>>> strengths(load_dti(), "48", 2021).query("verdict == 'strength'").metric.tolist()
['cqs', 'kts', 'xhs', 'institutions']
"""
from __future__ import annotations

import pandas as pd

from dti_helpers.analysis.province import metrics_for_year, plain
from dti_helpers.data.load import DTIData

STRENGTH_MARGIN = 10


def tenth(n_units: int) -> int:
    """How many places make the top (or bottom) tenth of ``n_units`` units: 6 of 63, 3 of 34.

    >>> tenth(63), tenth(34)
    (6, 3)
    """
    return n_units // 10


def verdict(rank: int, overall_rank: int | None, n_units: int, margin: int = STRENGTH_MARGIN) -> tuple[str, str]:
    """(verdict, why) of one pillar or index rank: a strength when in the top tenth of the units or at
    least ``margin`` places better than the overall DTI rank, a weakness the mirror, else in line.

    ``why`` is ``top_tenth``, ``above_overall``, ``bottom_tenth``, ``below_overall`` or "" (the tenth
    is named first: a leading province has no room to rank 10 places better than itself).

    >>> verdict(1, 1, 63), verdict(16, 1, 63), verdict(7, 2, 63), verdict(60, None, 63)
    (('strength', 'top_tenth'), ('weakness', 'below_overall'), ('in_line', ''), ('weakness', 'bottom_tenth'))
    """
    top = tenth(n_units)
    diff = None if overall_rank is None else overall_rank - rank  # positive = better than overall
    if rank <= top:
        return "strength", "top_tenth"
    if rank > n_units - top:
        return "weakness", "bottom_tenth"
    if diff is not None and diff >= margin:
        return "strength", "above_overall"
    if diff is not None and diff <= -margin:
        return "weakness", "below_overall"
    return "in_line", ""


def strengths(data: DTIData, code: str, year: int, margin: int = STRENGTH_MARGIN) -> pd.DataFrame:
    """Pillars and indices that are strengths or weaknesses (:func:`verdict`), from published ranks only.

    ``difference`` is the overall DTI rank minus the rank (positive = better),
    NA when the DTI rank is not published; the top and bottom tenth still apply then.

    >>> s = strengths(load_dti(), "24", 2020).set_index("metric")
    >>> s.loc["xhs", "verdict"], int(s.loc["xhs", "difference"])
    ('weakness', -15)
    >>> d = strengths(load_dti(), "48", 2021).set_index("metric")
    >>> d.loc["cqs", ["verdict", "why"]].tolist(), d.loc["awareness", ["verdict", "why"]].tolist()
    (['strength', 'top_tenth'], ['weakness', 'below_overall'])
    """
    t = data.table
    own = t[(t.unit_set == data.units) & (t.province_code == code) & (t.year == year)].set_index("metric")["rank"]
    overall_rank = plain(own.get("dti"))
    records = []
    for metric in metrics_for_year(data, year)[1:]:
        rank = plain(own.get(metric))
        if rank is None:
            continue
        judged, why = verdict(rank, overall_rank, data.n_units, margin)
        records.append({"metric": metric, "kind": data.metrics.at[metric, "kind"], "rank": rank,
                        "overall_rank": overall_rank,
                        "difference": None if overall_rank is None else overall_rank - rank,
                        "verdict": judged, "why": why})
    out = pd.DataFrame.from_records(records, columns=["metric", "kind", "rank", "overall_rank", "difference",
                                                      "verdict", "why"])
    for column in ("overall_rank", "difference"):
        out[column] = out[column].astype("Int64")
    out.attrs.update({"margin": margin, "overall_rank": overall_rank, "tenth": tenth(data.n_units),
                      "n_units": data.n_units})
    return out


__all__ = ["STRENGTH_MARGIN", "strengths", "tenth", "verdict"]
