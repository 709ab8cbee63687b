"""Analysis of all provinces together: ranking, pillar scores, regions, movers, coverage.

Every function takes the loaded data (:class:`~dti_helpers.data.load.DTIData`)
and returns a tidy DataFrame (or a plain value). Nothing is derived: a rank
change exists only where both years' ranks are published; a statistic over
provinces follows the one group rule (:func:`~dti_helpers.analysis.groups.group_stat`:
at least half of the group published, with the count).

>>> from dti_helpers.data.load import load_dti
>>> int(ranking(load_dti(), 2022)["dti_rank"].notna().sum())
63
"""
from __future__ import annotations

import pandas as pd

from dti_helpers.analysis import province as an
from dti_helpers.analysis.groups import group_stat
from dti_helpers.core.names import search_key
from dti_helpers.core.schema import N_UNITS as UNITS, PILLARS
from dti_helpers.data.load import DTIData
from dti_helpers.data.origin import split_sources

N_UNITS = UNITS["63"]
MOVERS_SHOWN = 5


def published(data: DTIData) -> pd.DataFrame:
    """The rows of the view's unit set (``data.units``: the overview's units).

    >>> from dti_helpers.data.load import load_dti
    >>> sorted(published(load_dti()).unit_set.unique())
    ['63']
    """
    tab = data.table
    return tab[tab.unit_set == data.units]


def ranking(data: DTIData, year: int) -> pd.DataFrame:
    """Every unit of the set in ``year``: DTI and pillar score, rank and doubtful flag, by DTI rank (unpublished last).

    ``doubtful`` is the DTI row's flag (also ``dti_doubtful``); ``cqs_doubtful`` etc. the pillars'.

    >>> from dti_helpers.data.load import load_dti
    >>> r = ranking(load_dti(), 2020)
    >>> r.at[0, "name"], int(r.at[0, "dti_rank"])
    ('TP. Đà Nẵng', 1)
    """
    out = an.country(data, year, "dti").rename(columns={"score": "dti_score", "rank": "dti_rank"})
    out["dti_doubtful"] = out["doubtful"]
    for metric in PILLARS:
        part = an.country(data, year, metric).set_index("code")
        out[f"{metric}_score"] = out.code.map(part.score).astype(float)
        out[f"{metric}_rank"] = out.code.map(part["rank"]).astype("Int64")
        out[f"{metric}_doubtful"] = out.code.map(part.doubtful).fillna(False).astype(bool)
    return out.sort_values(["dti_rank", "name"], na_position="last").reset_index(drop=True)


def pillar_scores(data: DTIData, year: int | None = None) -> pd.DataFrame:
    """Every published pillar score (of ``year``; None: every year): year, metric, code, name, score.

    >>> from dti_helpers.data.load import load_dti
    >>> p = pillar_scores(load_dti())
    >>> sorted(p.metric.unique()), int(p.score.isna().sum()), pillar_scores(load_dti(), 2021).year.unique().tolist()
    (['cqs', 'kts', 'xhs'], 0, [2021])
    """
    tab = published(data)
    rows = tab[tab.metric.isin(PILLARS) & tab.score.notna() & ((tab.year == year) if year is not None else True)]
    return (rows[["year", "metric", "province_code", "province", "score", "doubtful"]]
            .rename(columns={"province_code": "code", "province": "name"})
            .sort_values(["year", "metric", "score"]).reset_index(drop=True))


def pillar_summary(data: DTIData, year: int | None = None) -> pd.DataFrame:
    """Per year (``year`` only, when given) and pillar: published scores and their median, lowest and highest.

    Each statistic is the group rule's (:func:`~dti_helpers.analysis.groups.group_stat`) over the
    set's units: ``median``, ``min`` and ``max`` are NaN when withheld, ``median_stat`` etc. hold
    the :class:`~dti_helpers.analysis.groups.GroupStat` with its reason. A doubtful score is left
    out (``n`` counts the scores used; ``n_doubtful`` those left out); ``of`` is the number of units.

    >>> from dti_helpers.data.load import load_dti
    >>> s = pillar_summary(load_dti()).set_index(["year", "metric"])
    >>> int(s.loc[(2020, "cqs"), "n"]), int(s.loc[(2020, "cqs"), "of"]), s.loc[(2020, "cqs"), "median_stat"].reason
    (3, 63, 'too_few')
    >>> int(s.loc[(2022, "xhs"), "n_doubtful"])
    1
    """
    p = pillar_scores(data, year)
    rows = []
    for (y, metric), part in p.groupby(["year", "metric"], sort=True):
        sound = part.score[~part.doubtful]
        odd = int(part.doubtful.sum())
        stats = {how: group_stat(sound, data.n_units, how, odd) for how in ("median", "min", "max")}
        rows.append({"year": y, "metric": metric, "n": len(sound), "of": data.n_units,
                     **{how: st.value for how, st in stats.items()},
                     **{f"{how}_stat": st for how, st in stats.items()},
                     "n_doubtful": int(part.doubtful.sum())})
    cols = ["year", "metric", "n", "of", "median", "min", "max", "median_stat", "min_stat", "max_stat", "n_doubtful"]
    out = pd.DataFrame(rows, columns=cols)
    for how in ("median", "min", "max"):
        out[how] = out[how].astype(float)
    return out


def regions(data: DTIData, year: int) -> pd.DataFrame:
    """Regions compared in ``year``: provinces, how many have a published DTI rank, the best, the medians.

    The best rank, the median rank and the median score follow the group rule
    over the region's provinces (:func:`~dti_helpers.analysis.groups.group_stat`):
    ``best_rank``, ``median_rank`` and ``median_score`` are None when withheld, and
    ``best_stat``, ``median_rank_stat``, ``median_score_stat`` say why; ``best_name``
    is every province holding the best rank. ``n_rank`` counts every published rank;
    a doubtful DTI row is left out of the statistics and of ``n_score`` (``n_doubtful`` counts them).

    >>> from dti_helpers.data.load import load_dti
    >>> r = regions(load_dti(), 2022).set_index("region")
    >>> int(r.loc["central_highlands", "n_provinces"]), int(r.loc["central_highlands", "n_rank"])
    (5, 5)
    >>> r20 = regions(load_dti(), 2020).set_index("region")
    >>> r20.at["central_highlands", "best_name"] != "Đắk Nông", int(r20.at["central_highlands", "n_doubtful"]) >= 1
    (True, True)
    >>> r20.at["southeast", "median_score_stat"].reason  # its one published score is doubtful
    'too_few'
    >>> regions(load_dti(), 2024).set_index("region").at["central_highlands", "median_score_stat"].reason
    'none'
    """
    co = an.country(data, year, "dti")
    rows = []
    for region in data.catalogue.regions.index:
        part = co[co.region == region]
        if part.empty:
            continue
        sound = part[~part.doubtful]
        ranks = sound["rank"].astype(float)
        odd = part[part.doubtful]
        n_odd_rank, n_odd_score = int(odd["rank"].notna().sum()), int(odd.score.notna().sum())
        best = group_stat(ranks, len(part), "min", n_odd_rank)
        median_rank = group_stat(ranks, len(part), "median", n_odd_rank)
        median_score = group_stat(sound.score, len(part), "median", n_odd_score)
        holders = sorted(sound.loc[ranks == best.value, "name"]) if best.shown else []
        rows.append({"region": region, "n_provinces": len(part), "n_rank": int(part["rank"].notna().sum()),
                     "n_doubtful": int(part.doubtful.sum()),
                     "best_name": ", ".join(holders) if holders else None,
                     "best_rank": int(best.value) if best.shown else None, "best_stat": best,
                     "median_rank": median_rank.value, "median_rank_stat": median_rank,
                     "n_score": median_score.n,
                     "median_score": median_score.value, "median_score_stat": median_score})
    return pd.DataFrame(rows)


def movers(data: DTIData, metric: str = "dti") -> pd.DataFrame:
    """Rank changes between consecutive assessed years, only where both ranks are published.

    ``change`` is positive when the province moved up (a smaller rank number);
    ``doubtful_from``/``doubtful_to`` flag a rank the data marks doubtful.

    >>> from dti_helpers.data.load import load_dti
    >>> m = movers(load_dti())
    >>> m[(m.code == "24") & (m.year_to == 2021)][["rank_from", "rank_to", "change"]].values.tolist()
    [[10, 10, 0]]
    """
    tab = published(data)
    ranks = tab[(tab.metric == metric) & tab["rank"].notna()]
    wide = ranks.pivot_table(index="province_code", columns="year", values="rank", aggfunc="first")
    doubt = {(r.province_code, r.year): bool(r.doubtful) for r in ranks.itertuples()}
    years = data.years()
    rows = []
    for y0, y1 in zip(years, years[1:]):
        if y0 not in wide or y1 not in wide:
            continue
        both = wide[[y0, y1]].dropna()
        for code, (r0, r1) in both.iterrows():
            rows.append({"year_from": y0, "year_to": y1, "code": code, "name": data.provinces.at[code, "name"],
                         "rank_from": int(r0), "rank_to": int(r1), "change": int(r0) - int(r1),
                         "doubtful_from": doubt[(code, y0)], "doubtful_to": doubt[(code, y1)]})
    cols = ["year_from", "year_to", "code", "name", "rank_from", "rank_to", "change", "doubtful_from", "doubtful_to"]
    return pd.DataFrame(rows, columns=cols).sort_values(["year_to", "change", "name"],
                                                         ascending=[True, False, True]).reset_index(drop=True)


def coverage(data: DTIData) -> pd.DataFrame:
    """Per assessed year: how many provinces have a published DTI rank, DTI score, pillar rank, pillar score,
    any main-index figure, and whether the national mean is published.

    >>> from dti_helpers.data.load import load_dti
    >>> c = coverage(load_dti()).set_index("year")
    >>> c.loc[2022, ["dti_rank", "dti_score"]].tolist()
    [63, 21]
    """
    tab = published(data)
    nat = data.national
    rows = []
    for year in data.years():
        y = tab[tab.year == year]
        pil = y[y.metric.isin(PILLARS)]
        idx = y[~y.metric.isin(("dti", *PILLARS))]
        dti = y[y.metric == "dti"]
        rows.append({"year": year,
                     "dti_rank": dti.loc[dti["rank"].notna(), "province_code"].nunique(),
                     "dti_score": dti.loc[dti.score.notna(), "province_code"].nunique(),
                     "pillar_rank": pil.loc[pil["rank"].notna(), "province_code"].nunique(),
                     "pillar_score": pil.loc[pil.score.notna(), "province_code"].nunique(),
                     "index_any": idx.loc[idx.score.notna() | idx["rank"].notna(), "province_code"].nunique(),
                     "national_mean": bool(((nat.year == year) & (nat.metric == "dti") & nat.score.notna()).any())})
    return pd.DataFrame(rows)


def cited_rows(data: DTIData, year: int) -> pd.DataFrame:
    """The data rows behind every figure the overview of ``year`` shows, so each one's source is listed.

    The year's DTI and pillar rows (ranking, pillar scores, regions, map) and
    both ranks of each rank change up to ``year`` (movers section).

    >>> from dti_helpers.data.load import load_dti
    >>> rows = cited_rows(load_dti(), 2022)
    >>> sorted(map(int, rows[rows.metric == "dti"].year.unique()))
    [2020, 2021, 2022]
    >>> bool(((rows.year == 2023) & (rows.metric == "xhs")).any())
    False
    """
    tab = published(data)
    this_year = (tab.year == year) & tab.metric.isin(("dti", *PILLARS))
    mv = movers(data)
    mv = mv[mv.year_to <= year]
    ranks = set(zip(mv.code, mv.year_from)) | set(zip(mv.code, mv.year_to))
    moved = (tab.metric == "dti") & pd.Series([(c, y) in ranks for c, y in zip(tab.province_code, tab.year)],
                                              index=tab.index)
    return tab[this_year | moved].sort_values(["year", "metric", "province_code"]).reset_index(drop=True)


def data_row(data: DTIData, code: str, year: int, metric: str) -> pd.Series | None:
    """The published row of one province, year and metric (its note, sources, doubt), or None.

    >>> from dti_helpers.data.load import load_dti
    >>> bool(data_row(load_dti(), "11", 2024, "dti").doubtful), data_row(load_dti(), "11", 2019, "dti")
    (True, None)
    """
    tab = published(data)
    hit = tab[(tab.province_code == code) & (tab.year == year) & (tab.metric == metric)]
    return hit.iloc[0] if not hit.empty else None


def nothing_published(rank: pd.DataFrame) -> tuple[pd.Series, list[str]]:
    """Which rows of :func:`ranking` have any figure, and the names of those with none (sorted as searched).

    A province with nothing published that year is named once in a sentence, not given a row of blanks.

    >>> from dti_helpers.data.load import load_dti
    >>> has_any, names = nothing_published(ranking(load_dti(), 2022))
    >>> int(has_any.sum()), names
    (63, [])
    """
    figures = [c for c in rank.columns if c.endswith(("_score", "_rank"))]
    has_any = rank[figures].notna().any(axis=1)
    return has_any, sorted(rank[~has_any].name, key=search_key)


def latest_movers(mv: pd.DataFrame, mark: str) -> pd.DataFrame:
    """The last year pair of :func:`movers`, names of changes resting on a doubtful rank suffixed with ``mark``.

    >>> from dti_helpers.data.load import load_dti
    >>> last = latest_movers(movers(load_dti()).query("year_to <= 2021"), "†")
    >>> sorted(set(last.year_to)), "Đắk Nông †" in set(last.name)
    ([2021], True)
    """
    last = mv[mv.year_to == mv.year_to.max()]
    shaky = last.doubtful_from | last.doubtful_to
    return last.assign(name=last.name.where(~shaky, last.name + " " + mark))


def source_urls(rows: pd.DataFrame) -> list[str]:
    """The distinct source addresses of ``rows`` (the ``sources`` column, `` | ``-separated), in order.

    >>> source_urls(pd.DataFrame({"sources": ["a | b", None, "b | c"]}))
    ['a', 'b', 'c']
    """
    return list(dict.fromkeys(u for s in rows.sources for u in split_sources(s)))
