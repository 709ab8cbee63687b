"""Analysis of one province's DTI figures: headline, scorecard, peers, trend (strengths: :mod:`.strengths`).

Every function takes the loaded data (:class:`~dti_helpers.data.DTIData`) and
returns plain values or tidy DataFrames. Nothing here fills a gap: a figure
that was not published stays missing (NaN / NA / ``None``); a statistic over
several provinces (a region median) follows the one group rule
(:func:`~dti_helpers.analysis.groups.group_stat`); a score change is given only
between years of the same method (:func:`~dti_helpers.core.schema.scores_comparable`).

>>> from dti_helpers import load_dti
>>> h = headline(load_dti(), "24", 2020)
>>> h["score"], h["rank"], h["n_units"]
(0.3615, 10, 63)
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from dti_helpers.analysis.groups import group_stat
from dti_helpers.core.errors import DTIError
from dti_helpers.core.schema import scores_comparable
from dti_helpers.data.load import DTIData
from dti_helpers.data.origin import split_sources

PILLARS = ("cqs", "kts", "xhs")
PEER_STRATEGIES = ("region", "rank", "profile")


def _rows(data: DTIData) -> pd.DataFrame:
    """The figures of the view's unit set (``data.units``): codes mean that set's units."""
    return data.table[data.table.unit_set == data.units]


def plain(value):
    """NaN/NA → None, numpy scalars → Python numbers (so results print and compare simply).

    >>> plain(np.int64(7)), plain(float("nan"))
    (7, None)
    """
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return float(value)
    return value


def metrics_for_year(data: DTIData, year: int) -> list[str]:
    """Metrics assessed in ``year`` (DTI, the pillars, then the indices), in display order.

    >>> metrics_for_year(load_dti(), 2021)[:5]
    ['dti', 'cqs', 'kts', 'xhs', 'awareness']
    """
    m = data.metrics.sort_values("order")
    return m.index[m.first_year <= year].tolist()


def latest_year(data: DTIData, code: str) -> int | None:
    """Latest year with any published value for the province, or ``None``.

    >>> latest_year(load_dti(), "10")
    2022
    """
    years = data.years_by_unit.get(code)
    return years[-1] if years else None


def years_with_data(data: DTIData, code: str) -> list[int]:
    """Years with at least one published value for the province.

    >>> years_with_data(load_dti(), "24")
    [2020, 2021, 2022]
    """
    return list(data.years_by_unit.get(code, []))


def _value(t: pd.DataFrame, code: str, year: int, metric: str) -> pd.Series | None:
    """The row of ``t`` (the view's figures, or any part of them holding the province's) for one figure."""
    hit = t[(t.province_code == code) & (t.year == year) & (t.metric == metric)]
    return None if hit.empty else hit.iloc[0]


def _previous(t: pd.DataFrame, code: str, year: int, metric: str) -> pd.Series | None:
    """The latest row of ``t`` before ``year`` with a published score or rank for this metric."""
    hit = t[(t.province_code == code) & (t.year < year) & (t.metric == metric)
            & (t.score.notna() | t["rank"].notna())]
    return None if hit.empty else hit.sort_values("year").iloc[-1]


def national_mean(data: DTIData, year: int, metric: str = "dti", unit_set: str | None = None) -> float | None:
    """The published national mean, or ``None`` when the ministry's figure is not in the data.

    >>> national_mean(load_dti(), 2020)
    0.3026
    """
    n = data.national
    hit = n[(n.year == year) & (n.metric == metric) & (n.unit_set == (unit_set or data.units))]
    return None if hit.empty else plain(hit.score.iloc[0])


def _changes(current: pd.Series | None, prev: pd.Series | None, year: int) -> dict:
    score = plain(current.score) if current is not None else None
    rank = plain(current["rank"]) if current is not None else None
    p_score = plain(prev.score) if prev is not None else None
    p_rank = plain(prev["rank"]) if prev is not None else None
    # scores on either side of the 2021 method change measure different things: ranks only then
    comparable = prev is None or scores_comparable(int(prev.year), year)
    if not comparable:
        score = None
    return {
        "prev_year": int(prev.year) if prev is not None else None,
        "prev_score": p_score, "prev_rank": p_rank,
        "method_change": not comparable,
        # a change built on a doubtful earlier figure is itself doubtful: the report marks it
        "prev_doubtful": bool(prev.doubtful) if prev is not None else False,
        "prev_note": prev.note if prev is not None else "",
        "prev_note_vi": prev.note_vi if prev is not None else "",
        "score_change": round(score - p_score, 6) if score is not None and p_score is not None else None,
        # positive = moved up the table (a smaller rank number)
        "rank_change": p_rank - rank if rank is not None and p_rank is not None else None,
    }


def headline(data: DTIData, code: str, year: int) -> dict:
    """The headline figures: DTI score and rank, change since the previous published year.

    ``rank_change`` is positive when the province moved up. ``score_change`` is
    given only between years of the same method (``method_change`` is True when
    the previous year is on the other side of the 2021 change). Values not
    published are ``None``.

    >>> h = headline(load_dti(), "24", 2022)
    >>> h["prev_year"], h["prev_rank"], h["rank"], h["rank_change"]
    (2021, 10, 9, 1)
    >>> h = headline(load_dti(), "48", 2021)
    >>> h["prev_year"], h["rank_change"], h["score_change"], h["method_change"]
    (2020, 0, None, True)
    """
    prov = data.provinces.loc[code]
    t = _rows(data)
    row = _value(t, code, year, "dti")
    prev = _previous(t, code, year, "dti")
    return {
        "code": code, "name": prov["name"], "region": prov["region"], "year": year, "n_units": data.n_units,
        "score": plain(row.score) if row is not None else None,
        "rank": plain(row["rank"]) if row is not None else None,
        "doubtful": bool(row.doubtful) if row is not None else False,
        "note": row.note if row is not None else "",
        "note_vi": row.note_vi if row is not None else "",
        **_changes(row, prev, year),
        "national_mean": national_mean(data, year),
        "sources": split_sources(row.sources if row is not None else None),
    }


def scorecard(data: DTIData, code: str, year: int) -> pd.DataFrame:
    """One row per metric assessed in ``year``: the province's score and rank, change,
    national mean, region median and the leader.

    The region median follows the group rule: ``region_stat`` is its
    :class:`~dti_helpers.analysis.groups.GroupStat` (``region_n`` published
    scores of the region's ``region_of`` provinces); ``region_median`` is NaN when
    it is withheld.

    >>> sc = scorecard(load_dti(), "24", 2020).set_index("metric")
    >>> sc.loc["cqs", "score"], sc.loc["cqs", "rank"]
    (np.float64(0.4455), np.int64(7))
    """
    t = _rows(data)
    year_rows = t[t.year == year]
    mine = t[t.province_code == code]  # each metric's own and previous row are looked up among these only
    region_codes = data.provinces.index[data.provinces.region == data.provinces.at[code, "region"]]
    records = []
    for metric in metrics_for_year(data, year):
        m = data.metrics.loc[metric]
        row = _value(mine, code, year, metric)
        mrows = year_rows[year_rows.metric == metric]
        in_region = mrows[mrows.province_code.isin(region_codes) & mrows.score.notna()]
        regional = group_stat(in_region.score[~in_region.doubtful], len(region_codes), "median",
                              int(in_region.doubtful.sum()))
        # rank 1 can be shared: every leader is kept, and a leader score (and gap) is given
        # only when all the leaders' published scores agree
        leaders = mrows[mrows["rank"] == 1].sort_values("province_code")
        score = plain(row.score) if row is not None else None
        lead_scores = {plain(s) for s in leaders.score}
        leader_score = lead_scores.pop() if len(lead_scores) == 1 else None
        is_leader = code in set(leaders.province_code)
        records.append({
            "metric": metric, "label_vi": m.short_vi, "label_en": m.short_en, "kind": m.kind,
            "score": score, "rank": plain(row["rank"]) if row is not None else None,
            **_changes(row, _previous(mine, code, year, metric), year),
            "national_mean": national_mean(data, year, metric),
            "region_median": regional.value, "region_n": regional.n, "region_of": regional.of,
            "region_stat": regional,
            "leader_code": (code if is_leader else leaders.province_code.iloc[0]) if not leaders.empty else None,
            "leader_name": ", ".join(leaders.province) if not leaders.empty else None,
            "leader_codes": list(leaders.province_code),
            "leader_doubtful": bool(leaders.doubtful.any()),
            "leader_score": leader_score,
            "gap_to_leader": round(leader_score - score, 6)
            if leader_score is not None and score is not None else None,
            "doubtful": bool(row.doubtful) if row is not None else False,
            "note": row.note if row is not None else "",
            "note_vi": row.note_vi if row is not None else "",
            "sources": row.sources if row is not None else "",
        })
    df = pd.DataFrame.from_records(records)
    for col in ("rank", "prev_rank", "rank_change", "prev_year"):
        df[col] = df[col].astype("Int64")
    for col in ("score", "prev_score", "score_change", "national_mean", "region_median", "leader_score",
                "gap_to_leader"):
        df[col] = df[col].astype(float)
    return df


def country(data: DTIData, year: int, metric: str = "dti") -> pd.DataFrame:
    """Every unit of the set with its score and rank for ``metric`` in ``year`` (NA where not published).

    >>> c = country(load_dti(), 2022)
    >>> len(c), int(c["rank"].notna().sum())
    (63, 63)
    """
    p = data.provinces[["code", "name", "slug", "region"]].reset_index(drop=True)
    t = _rows(data)
    vals = t[(t.year == year) & (t.metric == metric)][["province_code", "score", "rank", "doubtful"]]
    out = p.merge(vals, left_on="code", right_on="province_code", how="left").drop(columns="province_code")
    out["doubtful"] = out["doubtful"].fillna(False).astype(bool)
    out["rank"] = out["rank"].astype("Int64")
    return out.sort_values(["rank", "code"], na_position="last").reset_index(drop=True)


def _wide(data: DTIData, year: int) -> pd.DataFrame:
    """DTI and pillar score/rank per province in ``year``, one row per province (NA where missing)."""
    base = data.provinces[["code", "name", "region"]].reset_index(drop=True)
    t = _rows(data)
    y = t[(t.year == year) & t.metric.isin(("dti", *PILLARS))]
    for metric in ("dti", *PILLARS):
        part = y[y.metric == metric].set_index("province_code")
        base[f"{metric}_score"] = base.code.map(part.score).astype(float)
        base[f"{metric}_rank"] = base.code.map(part["rank"]).astype("Int64")
        base[f"{metric}_doubtful"] = base.code.isin(part.index[part.doubtful.astype(bool)])
    return base


def peers(data: DTIData, code: str, year: int, strategy: str = "region", k: int = 5) -> pd.DataFrame:
    """The province and its peers under a stated ``strategy``.

    * ``region``: the other provinces of its socio-economic region (default);
    * ``rank``: provinces within ±``k`` places of its DTI rank;
    * ``profile``: the ``k`` nearest provinces in pillar-score space (only
      provinces whose three pillar scores are all published).

    When a strategy cannot apply (no rank, no pillar scores) it falls back to
    ``region`` and says why in ``.attrs["note"]`` (a label key). ``strategy`` may
    also be the codes of provinces the analyst chose (a tuple or list): those, in
    rank order like any peers, whether or not they have figures that year.

    >>> p = peers(load_dti(), "24", 2022, "rank", k=2)
    >>> p.attrs["strategy"], p.dti_rank.tolist()
    ('rank', [7, 8, 9, 10, 11])
    >>> p = peers(load_dti(), "24", 2020, ("19", "27"))
    >>> p.attrs["strategy"], p.name.tolist(), p.dti_rank.tolist()
    ('list', ['Bắc Ninh', 'Bắc Giang', 'Thái Nguyên'], [3, 10, 12])
    """
    if not isinstance(strategy, str):
        w = _wide(data, year)
        sel = w[w.code.isin([code, *strategy])]
        out = sel.assign(is_focus=sel.code == code).sort_values(["dti_rank", "code"], na_position="last")
        out = out.reset_index(drop=True)
        out.attrs.update({"strategy": "list", "requested": tuple(strategy), "k": len(strategy),
                          "rule": "peers_rule_list", "note": None})
        return out
    if strategy not in PEER_STRATEGIES:
        raise DTIError(f"unknown peer strategy '{strategy}'; use one of: {', '.join(PEER_STRATEGIES)}")
    w = _wide(data, year)
    focus = w[w.code == code].iloc[0]
    note = None
    chosen = strategy
    if strategy == "rank":
        if pd.isna(focus.dti_rank):
            chosen, note = "region", "peers_fallback_no_rank"
        else:
            sel = w[(w.dti_rank - int(focus.dti_rank)).abs() <= k]
    if strategy == "profile":
        cols = [f"{p}_score" for p in PILLARS]
        complete = w.dropna(subset=cols)
        if focus[cols].isna().any() or len(complete) < 2:
            chosen, note = "region", "peers_fallback_no_scores"
        else:
            dist = ((complete[cols] - focus[cols].astype(float)) ** 2).sum(axis=1) ** 0.5
            order = complete.assign(_d=dist).sort_values(["_d", "code"])
            sel = order[order.code != code].head(k)
            sel = pd.concat([w[w.code == code], sel.drop(columns="_d")])
    if chosen == "region":
        sel = w[w.region == focus.region]
    out = sel.assign(is_focus=sel.code == code)
    out = out.sort_values(["dti_rank", "code"], na_position="last").reset_index(drop=True)
    out.attrs.update({"strategy": chosen, "requested": strategy, "k": k, "rule": f"peers_rule_{chosen}",
                      "note": note})
    return out


def trend(data: DTIData, code: str, metrics=("dti", *PILLARS)) -> pd.DataFrame:
    """Score and rank per assessed year and metric; years not published stay as NA rows.

    >>> tr = trend(load_dti(), "24", ["dti"])
    >>> tr["rank"].tolist()
    [10, 10, 9, <NA>, <NA>]
    """
    years = data.years()
    grid = pd.MultiIndex.from_product([years, list(metrics)], names=["year", "metric"]).to_frame(index=False)
    t = _rows(data)
    own = t[(t.province_code == code) & t.metric.isin(metrics)][["year", "metric", "score", "rank", "doubtful"]]
    out = grid.merge(own, on=["year", "metric"], how="left")
    out["doubtful"] = out["doubtful"].fillna(False).astype(bool)
    out["rank"] = out["rank"].astype("Int64")
    return out


def missing(data: DTIData, code: str) -> pd.DataFrame:
    """Year × metric of what is published for the province (False = not published).

    >>> m = missing(load_dti(), "10")
    >>> m.loc[(m.year == 2022) & (m.metric == "dti"), ["has_score", "has_rank"]].values.tolist()
    [[False, True]]
    """
    records = []
    t = _rows(data)
    own = t[t.province_code == code].set_index(["year", "metric"])
    for year in data.years():
        for metric in metrics_for_year(data, year):
            row = own.loc[(year, metric)] if (year, metric) in own.index else None
            records.append({"year": year, "metric": metric,
                            "has_score": row is not None and pd.notna(row.score),
                            "has_rank": row is not None and pd.notna(row["rank"])})
    return pd.DataFrame.from_records(records)


def sources(data: DTIData, code: str | list[str], year: int | None = None) -> pd.DataFrame:
    """The rows behind every figure shown for the province(s): value, sources and notes.

    ``year`` limits to that year; ``None`` gives every year (the trend shows them all).

    >>> s = sources(load_dti(), "24", 2020)
    >>> s.loc[s.metric == "dti", "sources"].item().startswith("http")
    True
    """
    codes = [code] if isinstance(code, str) else list(code)
    t = _rows(data)
    out = t[t.province_code.isin(codes)]
    if year is not None:
        out = out[out.year == year]
    order = data.metrics["order"]
    out = out.assign(_o=out.metric.map(order)).sort_values(["province_code", "year", "_o"]).drop(columns="_o")
    return out[["province_code", "province", "year", "metric", "score", "rank", "doubtful", "sources", "note",
                "note_vi"]] \
        .reset_index(drop=True)


def national_sources(data: DTIData, year: int, unit_set: str | None = None) -> pd.DataFrame:
    """National means published for ``year`` with their sources.

    >>> national_sources(load_dti(), 2020).metric.tolist()
    ['dti']
    """
    n = data.national
    return n[(n.year == year) & (n.unit_set == (unit_set or data.units))].reset_index(drop=True)
