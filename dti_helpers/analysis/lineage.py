"""Lineage across the 1 July 2025 merger: a former province's successor, a new unit's predecessors.

Ranks of the 63 and ranks of the 34 are different scales: these functions return each with
its own set (``unit_set``, ``n_units``) and never combine them; nothing here averages
predecessors into a unit's figure (only the ministry's published 34-unit values are the unit's own).

>>> from dti_helpers import load_dti
>>> former_provinces(load_dti(), "24").name.unique().tolist()
['Bắc Giang', 'Bắc Ninh']
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from dti_helpers.analysis.province import PILLARS, metrics_for_year, plain
from dti_helpers.data.origin import split_sources
from dti_helpers.core.names import normalize_name
from dti_helpers.core.schema import N_UNITS
from dti_helpers.data.load import DTIData


def predecessors(data: DTIData, code: str) -> list[str]:
    """GSO codes (among the 63) of the former provinces that make up the 34-unit ``code``.

    >>> predecessors(load_dti(), "68")
    ['60', '67', '68']
    """
    return str(data.catalogue.units_2025.at[code, "predecessors"]).split()


def predecessor_names(data: DTIData, code: str) -> list[str]:
    """Names (as the 63's catalogue writes them) of the former provinces of the 34-unit ``code``.

    >>> predecessor_names(load_dti(), "24")
    ['Bắc Giang', 'Bắc Ninh']
    """
    old = data.catalogue.provinces
    return [old.at[c, "name"] for c in predecessors(data, code)]


def former_provinces(data: DTIData, code: str, metrics=("dti", *PILLARS)) -> pd.DataFrame:
    """Each predecessor's published figures in every 63-unit year, one row per province, year and metric.

    ``code`` is a unit of the 34. Ranks are ranks of the 63 (``n_units`` says so); a figure that
    was not published stays NA, and the frame keeps a row for it so the gap shows.

    >>> f = former_provinces(load_dti(), "24")
    >>> f[(f.name == "Bắc Giang") & (f.year == 2020) & (f.metric == "dti")][["score", "rank"]].values.tolist()
    [[0.3615, 10]]
    """
    old = data.for_units("63")
    codes = predecessors(data, code)
    years = old.years()
    t = old.table[(old.table.unit_set == "63") & old.table.province_code.isin(codes)
                  & old.table.metric.isin(list(metrics))]
    grid = pd.MultiIndex.from_product([codes, years, list(metrics)], names=["code", "year", "metric"])
    grid = grid.to_frame(index=False)
    assessed = {y: set(metrics_for_year(old, y)) for y in years}
    # a boolean array, not a list: an empty list would select no columns instead of no rows
    grid = grid[np.array([m in assessed[y] for y, m in zip(grid.year, grid.metric)], dtype=bool)]
    out = grid.merge(t.rename(columns={"province_code": "code"})[
        ["code", "year", "metric", "score", "rank", "doubtful", "sources", "note", "note_vi"]],
        on=["code", "year", "metric"], how="left")
    out.insert(1, "name", out.code.map(old.provinces["name"]))
    out["doubtful"] = out["doubtful"].fillna(False).astype(bool)
    out["rank"] = out["rank"].astype("Int64")
    for column in ("sources", "note", "note_vi"):
        out[column] = out[column].fillna("")
    out["n_units"] = N_UNITS["63"]
    return out.reset_index(drop=True)


def successor(data: DTIData, code: str) -> dict:
    """The unit that took over the province in the 1 July 2025 merger, and its published
    figures in the 34-unit ranking (``None`` where not published).

    >>> s = successor(load_dti(), "24")
    >>> s["name"], s["members"], s["figures"][0]["year"]
    ('Bắc Ninh', ['Bắc Giang', 'Bắc Ninh'], 2024)
    >>> successor(load_dti(), "01")["merged"]
    False
    """
    p = data.catalogue.provinces
    new_code = p.at[code, "successor_code"]
    members = p.index[p.successor_code == new_code]
    t = data.table
    own = t[(t.unit_set == "34") & (t.province_code == new_code) & (t.metric == "dti")].sort_values("year")
    years = sorted(int(y) for y in t.loc[t.unit_set == "34", "year"].unique())
    figures = []
    for year in years:
        hit = own[own.year == year]
        row = hit.iloc[0] if not hit.empty else None
        figures.append({"year": year, "score": plain(row.score) if row is not None else None,
                        "rank": plain(row["rank"]) if row is not None else None,
                        "doubtful": bool(row.doubtful) if row is not None else False,
                        "note": row.note if row is not None else "",
                        "note_vi": row.note_vi if row is not None else "",
                        "sources": split_sources(row.sources if row is not None else None)})
    return {"code": new_code, "name": data.catalogue.name(new_code, "34"), "merged": len(members) > 1,
            "members": sorted(p.loc[members, "name"], key=lambda n: normalize_name(n.replace("TP. ", ""))),
            "n_units": 34,
            "figures": figures}
