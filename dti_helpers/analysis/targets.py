"""A province against its targets, from published figures only: met, not met, or not yet assessed.

The rules (the report states them):

* A rank or score target for year Y is assessed on year Y's published figure, in the target's unit
  set (ranks of the 63 up to 2024, of the 34 from 2025). The year not published for that set, or the
  figure itself not published: not yet assessed.
* "At least K of the 8 indices in the top M": the published index ranks are counted; met when K are
  in, not met when even the unpublished ones could not make K, otherwise not yet assessed (the
  missing indices are named).
* "Up at least P places a year": each year from ``from_year`` to the target year against the year
  before, both ranks published and of the same unit set (never across the 63→34 change). One year
  short: not met; every year published and up enough: met; otherwise not yet assessed.
* What it takes: where the year's scores are published, the score of the unit holding the target
  rank and the gap to it, overall and per pillar and index. Where the target year is not published,
  the same is given for the latest published year of the set, labelled so. Nothing is projected.

>>> from dti_helpers import load_dti
>>> from dti_helpers.data.targets import load_targets
>>> kien_giang = [t for t in load_targets() if t.code == "91"][0]
>>> a = assess(load_dti(), kien_giang)
>>> a["status"], a["reason"]
('not_assessed', 'figure')
"""
from __future__ import annotations

from dti_helpers.analysis.province import metrics_for_year, plain
from dti_helpers.data.load import DTIData
from dti_helpers.data.targets import Target

STATUSES = ("met", "not_met", "not_assessed")
# Why a target is not yet assessed: its year not published for the set; the figure not published;
# too few index ranks published to tell; some years of a yearly target not (yet) published.
REASONS = ("year", "figure", "indices", "steps")


def _rows(data: DTIData, unit_set: str):
    return data.table[data.table.unit_set == unit_set]


def _figure(row, n: int) -> dict:
    return {"year": int(row.year), "metric": row.metric, "code": row.province_code, "name": row.province,
            "score": plain(row.score), "rank": plain(row["rank"]), "n": n, "doubtful": bool(row.doubtful),
            "note": row.note or "", "note_vi": row.note_vi or "", "sources": row.sources or "",
            "source_kind": getattr(row, "source_kind", "") or ""}


def figure(data: DTIData, unit_set: str, code: str, year: int, metric: str = "dti") -> dict | None:
    """The published figure of one unit, year and metric (score, rank of N, doubt, sources), or ``None``.

    >>> figure(load_dti(), "34", "56", 2024)["rank"], figure(load_dti(), "34", "56", 2023)
    (16, None)
    """
    t = _rows(data, unit_set)
    hit = t[(t.province_code == code) & (t.year == year) & (t.metric == metric)]
    return None if hit.empty else _figure(hit.iloc[0], data.for_units(unit_set).n_units)


def holders(data: DTIData, unit_set: str, year: int, metric: str, rank: int) -> list[dict]:
    """The units published at exactly ``rank`` (several on a tie), with their figures.

    >>> [h["name"] for h in holders(load_dti(), "34", 2024, "dti", 15)]
    ['Đồng Nai']
    """
    t = _rows(data, unit_set)
    hit = t[(t.year == year) & (t.metric == metric) & (t["rank"] == rank)].sort_values("province_code")
    n = data.for_units(unit_set).n_units
    return [_figure(r, n) for _, r in hit.iterrows()]


def latest_figure(data: DTIData, unit_set: str, code: str, metric: str = "dti") -> dict | None:
    """The unit's latest published figure of ``metric`` in the set (a rank or a score), or ``None``.

    >>> latest_figure(load_dti(), "34", "56")["year"]
    2024
    """
    t = _rows(data, unit_set)
    hit = t[(t.province_code == code) & (t.metric == metric) & (t.score.notna() | t["rank"].notna())]
    return None if hit.empty else _figure(hit.sort_values("year").iloc[-1], data.for_units(unit_set).n_units)


def _takes(data: DTIData, target: Target, year: int, rank: int, metrics) -> list[dict]:
    """Per metric: the unit(s) at ``rank`` in ``year``, the target unit's own figure, the score gap."""
    rows = []
    for metric in metrics:
        held = holders(data, target.unit_set, year, metric, rank)
        own = figure(data, target.unit_set, target.code, year, metric)
        scores = {h["score"] for h in held if h["score"] is not None}
        bar = scores.pop() if len(scores) == 1 else None  # tied holders with different scores give no one bar
        own_score = own["score"] if own else None
        if metric != "dti" and bar is None and own_score is None:
            continue  # nothing published to compare: said once, not in a row per index
        gap = round(bar - own_score, 6) if bar is not None and own_score is not None else None
        rows.append({"metric": metric, "rank": rank, "holders": held, "bar": bar, "own": own, "gap": gap})
    return rows


def _reference_year(data: DTIData, target: Target) -> tuple[int | None, bool]:
    """The year "what it takes" reads: the target year when published for the set, else the latest one."""
    years = [y for y in data.years(target.unit_set)]
    if target.target_year in years:
        return target.target_year, False
    earlier = [y for y in years if y < target.target_year]
    return (earlier[-1], True) if earlier else (None, True)


def _indices(data: DTIData, year: int) -> list[str]:
    return [m for m in metrics_for_year(data, year) if data.metrics.at[m, "kind"] == "index"]


def _figure_target(data: DTIData, target: Target, out: dict) -> None:
    """A rank or a score target: the target year's published DTI figure, in the target's unit set."""
    year = target.target_year
    own = figure(data, target.unit_set, target.code, year)
    field = "rank" if target.kind == "rank_at_most" else "score"
    if year not in data.years(target.unit_set):
        out["reason"] = "year"
    elif own is None or own[field] is None:
        out["reason"] = "figure"
    else:
        out["figures"] = [own]
        met = own["rank"] <= target.value if field == "rank" else own["score"] >= target.value
        out["status"] = "met" if met else "not_met"


def _indices_target(data: DTIData, target: Target, out: dict) -> None:
    year = target.target_year
    if year not in data.years(target.unit_set):
        out["reason"] = "year"
        return
    indices = _indices(data, year)
    found = {m: figure(data, target.unit_set, target.code, year, m) for m in indices}
    ranked = {m: f for m, f in found.items() if f is not None and f["rank"] is not None}
    out["figures"] = list(ranked.values())
    out["in_top"] = [m for m, f in ranked.items() if f["rank"] <= target.within]
    out["missing"] = [m for m in indices if m not in ranked]
    out["n_indices"] = len(indices)
    if len(out["in_top"]) >= target.value:
        out["status"] = "met"
    elif len(out["in_top"]) + len(out["missing"]) < target.value:
        out["status"] = "not_met"
    else:
        out["reason"] = "indices"


def _improve_target(data: DTIData, target: Target, out: dict) -> None:
    published = set(data.years(target.unit_set))
    steps = []
    for year in range(target.from_year, target.target_year + 1):
        before = figure(data, target.unit_set, target.code, year - 1) if year - 1 in published else None
        now = figure(data, target.unit_set, target.code, year) if year in published else None
        prev_rank, rank = (before or {}).get("rank"), (now or {}).get("rank")
        if year not in published:
            state = "pending"
        elif prev_rank is None or rank is None:
            state = "missing"
        else:
            state = "ok" if prev_rank - rank >= target.value else "short"
        steps.append({"year": year, "prev": before, "now": now, "change": None if state in ("pending", "missing")
                      else prev_rank - rank, "state": state})
    out["steps"] = steps
    out["figures"] = [f for s in steps for f in (s["prev"], s["now"]) if f is not None]
    if any(s["state"] == "short" for s in steps):
        out["status"] = "not_met"
    elif all(s["state"] == "ok" for s in steps):
        out["status"] = "met"
    else:
        out["reason"] = "steps"
        out["missing"] = [s["year"] for s in steps if s["state"] in ("pending", "missing")]


ASSESSORS = {"rank_at_most": _figure_target, "score_at_least": _figure_target, "indices_in_top": _indices_target,
             "improve_places_per_year": _improve_target}


def assess(data: DTIData, target: Target) -> dict:
    """The status of one target and what it rests on.

    Keys: ``status`` (met, not_met, not_assessed), ``reason`` (why not assessed: year, figure,
    indices, steps), ``figures`` (the published figures it rests on), ``latest`` (the unit's latest
    published DTI figure of the set), ``missing`` (indices or years not published), ``in_top``,
    ``steps`` (a yearly target's years), ``takes`` (what it takes; see the module) and ``takes_year``
    with ``takes_latest`` (the year it reads, and whether it is the latest published rather than
    the target year).

    >>> from dti_helpers.data.targets import load_targets
    >>> bac_giang_2025 = load_targets()[0]
    >>> a = assess(load_dti(), bac_giang_2025)
    >>> a["status"], a["reason"], a["takes_year"], a["takes"][0]["holders"][0]["name"]
    ('not_assessed', 'year', 2024, 'Đồng Nai')
    """
    out = {"status": "not_assessed", "reason": "", "figures": [], "missing": [], "in_top": [], "steps": [],
           "takes": [], "takes_year": None, "takes_latest": False,
           "latest": latest_figure(data, target.unit_set, target.code)}
    ASSESSORS[target.kind](data, target, out)
    if out["status"] == "met":
        return out
    year, latest = _reference_year(data, target)
    if year is None:
        return out
    view = data.for_units(target.unit_set)
    if target.kind == "rank_at_most":
        out["takes"] = _takes(data, target, year, int(target.value), metrics_for_year(view, year))
    elif target.kind == "indices_in_top":
        reached = out["in_top"] if not latest else []
        out["takes"] = _takes(data, target, year, target.within, [m for m in _indices(view, year) if m not in reached])
    elif target.kind == "score_at_least":
        own = figure(data, target.unit_set, target.code, year)
        own_score = own["score"] if own else None
        out["takes"] = [{"metric": "dti", "rank": None, "holders": [], "bar": target.value, "own": own,
                         "gap": round(target.value - own_score, 6) if own_score is not None else None}]
    out["takes_year"], out["takes_latest"] = year, latest
    return out


__all__ = ["ASSESSORS", "REASONS", "STATUSES", "assess", "figure", "holders", "latest_figure"]
