"""The national overview: all provinces together, for one assessment year and across years.

Two layers, as in the province report. Analysis functions take the data and
return tidy DataFrames (:func:`ranking`, :func:`pillar_scores`,
:func:`regions`, :func:`movers`, :func:`coverage`); section builders take an
:class:`Overview` and return :class:`~dti_helpers.report.Section` objects that
display in JupyterLab and export through :mod:`dti_helpers.render`.

Nothing is derived: a rank change is shown only where both years' ranks are
published, statistics rest on the published values only and say how many.

>>> from dti_helpers import load_dti
>>> int(ranking(load_dti(), 2022)["dti_rank"].notna().sum())
63
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dti_helpers.analysis import province as an
from dti_helpers.data.load import DTIData, load_dti
from dti_helpers.core.labels import LANGS, fmt_number, fmt_rank, fmt_score, t
from dti_helpers.batch.site import search_key
from dti_helpers.sections.province import ParameterError, Section, _note_text, _Notes, esc, figure, table

N_UNITS = 63
PILLARS = an.PILLARS
MOVERS_SHOWN = 5


# ---------------------------------------------------------------- analysis

def _published(data: DTIData) -> pd.DataFrame:
    tab = data.table
    return tab[tab.unit_set == "63"]


def ranking(data: DTIData, year: int) -> pd.DataFrame:
    """All 63 provinces in ``year``: DTI and pillar score, rank and doubtful flag, sorted by DTI rank (unpublished last).

    ``doubtful`` is the DTI row's flag (also ``dti_doubtful``); ``cqs_doubtful`` etc. the pillars'.

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


def pillar_scores(data: DTIData) -> pd.DataFrame:
    """Every published pillar score: year, metric, code, name, score (one row each).

    >>> p = pillar_scores(load_dti())
    >>> sorted(p.metric.unique()), int(p.score.isna().sum())
    (['cqs', 'kts', 'xhs'], 0)
    """
    tab = _published(data)
    rows = tab[tab.metric.isin(PILLARS) & tab.score.notna()]
    return (rows[["year", "metric", "province_code", "province", "score", "doubtful"]]
            .rename(columns={"province_code": "code", "province": "name"})
            .sort_values(["year", "metric", "score"]).reset_index(drop=True))


def pillar_summary(data: DTIData) -> pd.DataFrame:
    """Per year and pillar: how many scores are published, and their median, minimum and maximum.

    A doubtful score is left out of the statistics (``n`` counts the scores
    used); ``n_doubtful`` says how many were left out.

    >>> s = pillar_summary(load_dti()).set_index(["year", "metric"])
    >>> int(s.loc[(2020, "cqs"), "n"])
    4
    >>> bool(s.loc[(2022, "xhs"), "min"] > 0.1089), int(s.loc[(2022, "xhs"), "n_doubtful"])
    (True, 1)
    """
    p = pillar_scores(data)
    groups = p[["year", "metric"]].drop_duplicates()
    used = (p[~p.doubtful].groupby(["year", "metric"]).score
            .agg(n="count", median="median", min="min", max="max").reset_index())
    doubt = p[p.doubtful].groupby(["year", "metric"]).size().rename("n_doubtful").reset_index()
    out = groups.merge(used, how="left").merge(doubt, how="left")
    out["n"] = out["n"].fillna(0).astype(int)
    out["n_doubtful"] = out["n_doubtful"].fillna(0).astype(int)
    return out.sort_values(["year", "metric"]).reset_index(drop=True)


def regions(data: DTIData, year: int) -> pd.DataFrame:
    """Regions compared in ``year``: provinces, how many have a published DTI rank, the best, the median rank.

    ``n_rank`` counts every published rank; a doubtful DTI row is left out of
    the best, the medians and ``n_score`` (``n_doubtful`` counts them). The
    median score needs at least ``analysis.MIN_REGION_N`` published scores,
    else it is None.

    >>> r = regions(load_dti(), 2022).set_index("region")
    >>> int(r.loc["central_highlands", "n_provinces"]), int(r.loc["central_highlands", "n_rank"])
    (5, 5)
    >>> r20 = regions(load_dti(), 2020).set_index("region")
    >>> r20.at["central_highlands", "best_name"] != "Đắk Nông", int(r20.at["central_highlands", "n_doubtful"]) >= 1
    (True, True)
    """
    co = an.country(data, year, "dti")
    rows = []
    for region in data.catalogue.regions.index:
        part = co[co.region == region]
        if part.empty:
            continue
        sound = part[~part.doubtful]
        ranked = sound[sound["rank"].notna()].sort_values(["rank", "name"])
        best = ranked.iloc[0] if not ranked.empty else None
        n_score = int(sound.score.notna().sum())
        rows.append({"region": region, "n_provinces": len(part), "n_rank": int(part["rank"].notna().sum()),
                     "n_doubtful": int(part.doubtful.sum()),
                     "best_name": None if best is None else best["name"],
                     "best_rank": None if best is None else int(best["rank"]),
                     "median_rank": float(ranked["rank"].astype(float).median()) if not ranked.empty else None,
                     "n_score": n_score,
                     "median_score": float(sound.score.median()) if n_score >= an.MIN_REGION_N else None})
    return pd.DataFrame(rows)


def movers(data: DTIData, metric: str = "dti") -> pd.DataFrame:
    """Rank changes between consecutive assessed years, only where both ranks are published.

    ``change`` is positive when the province moved up (a smaller rank number);
    ``doubtful_from``/``doubtful_to`` flag a rank the data marks doubtful.

    >>> m = movers(load_dti())
    >>> m[(m.code == "24") & (m.year_to == 2021)][["rank_from", "rank_to", "change"]].values.tolist()
    [[10, 10, 0]]
    """
    tab = _published(data)
    ranks = tab[(tab.metric == metric) & tab["rank"].notna()]
    wide = ranks.pivot_table(index="province_code", columns="year", values="rank", aggfunc="first")
    doubt = {(r.province_code, r.year): bool(r.doubtful) for r in ranks.itertuples()}
    years = data.years("63")
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

    >>> c = coverage(load_dti()).set_index("year")
    >>> c.loc[2022, ["dti_rank", "dti_score"]].tolist()
    [63, 12]
    """
    tab = _published(data)
    nat = data.national
    rows = []
    for year in data.years("63"):
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


# ---------------------------------------------------------------- sections

@dataclass(frozen=True)
class Overview:
    """The data, the year and the language every overview section takes."""

    data: DTIData
    year: int
    lang: str
    data_path: str | None = None
    year_requested: int | None = None


def setup(year=None, lang: str = "vi", data_path=None) -> Overview:
    """Load the data and check the parameters: the first call of the overview notebook.

    ``year=None`` means the latest assessed year.

    >>> ov = setup(2022, "en")
    >>> ov.year, ov.lang
    (2022, 'en')
    >>> setup(2019)
    Traceback (most recent call last):
    ...
    dti_helpers.sections.province.ParameterError: no DTI data for 2019; years with data: 2020, 2021, 2022, 2023, 2024
    """
    if lang not in LANGS:
        raise ParameterError(f"unknown language '{lang}'; use one of: {', '.join(LANGS)}")
    data = load_dti(data_path)
    years = data.years("63")
    requested = None if year in (None, "") else int(year)
    if requested is not None and requested not in years:
        raise ParameterError(f"no DTI data for {requested}; years with data: {', '.join(map(str, years))}")
    return Overview(data, requested if requested is not None else years[-1], lang,
                    None if data_path in (None, "") else str(data_path), requested)


def _np(lang: str) -> str:
    """The short "not published" of the overview's dense tables (the intro sentences say it in full)."""
    return f'<span class="np">{esc(t("chart_np_short", lang))}</span>'


def _score_cell(value, lang: str) -> str:
    return _np(lang) if value is None or pd.isna(value) else esc(fmt_score(float(value), lang))


def _rank_cell(value, lang: str, of: int | None = N_UNITS) -> str:
    return _np(lang) if value is None or pd.isna(value) else esc(fmt_rank(int(value), of, lang))


def _p(text: str) -> str:
    return f"<p>{esc(text)}</p>"


def _row_note(ov: Overview, code: str, year: int, metric: str) -> str:
    """The data note of one row, in the overview's language ("" when none)."""
    tab = _published(ov.data)
    hit = tab[(tab.province_code == code) & (tab.year == year) & (tab.metric == metric)]
    return _note_text(hit.iloc[0], ov.lang) if not hit.empty else ""


def _mark(notes: _Notes, ov: Overview, cell: str, value, doubtful: bool, code: str, year: int, metric: str,
          left_out: bool = False) -> str:
    """``cell`` with a visible † and a footnote when its row is doubtful and the value is published.

    A "not published" cell never carries the mark: the doubt is about a figure the source printed.
    ``left_out`` adds that the figure is not in the statistics shown.
    """
    if not doubtful or value is None or pd.isna(value):
        return cell
    what = f"{ov.data.provinces.at[code, 'name']}, {_metric(ov, metric)} {year}"
    if left_out:
        what += f" ({t('ov_doubt_left_out', ov.lang)})"
    return notes.mark(cell, True, _row_note(ov, code, year, metric), what)


def _metric(ov: Overview, metric: str) -> str:
    return ov.data.catalogue.metric_label(metric, ov.lang)


def _region(ov: Overview, region: str) -> str:
    return ov.data.catalogue.region_name(region, ov.lang)


def cover(ov: Overview) -> Section:
    """The overview's title block; its metadata names the document for HTML and PDF.

    >>> cover(setup(2022, "en")).title
    'Digital Transformation Index 2022: national overview'
    """
    title = t("ov_title", ov.lang, year=ov.year)
    body = f'<p class="subtitle">{esc(t("ov_subtitle", ov.lang, year=ov.year))}</p>' \
           f'<p class="lede">{esc(t("ov_lede", ov.lang))}</p>'
    meta = {"dti_report": {"lang": ov.lang, "title": title, "year": ov.year, "kind": "overview",
                           "header": t("ov_header", ov.lang, year=ov.year)}}
    return Section("top", title, body, level=1, meta=meta)


def ranking_section(ov: Overview) -> Section:
    """Section 1: every province's DTI and pillar rank and score in the year.

    >>> html = ranking_section(setup(2022, "vi")).html()
    >>> html.count("<tr>") >= 63 and "15/63" in html
    True
    """
    lang, r = ov.lang, ranking(ov.data, ov.year)
    n_rank, n_score = int(r.dti_rank.notna().sum()), int(r.dti_score.notna().sum())
    full = [int(c.year) for c in coverage(ov.data).itertuples() if c.dti_rank == N_UNITS]
    parts = [_p(t("ov_rank_intro", lang, year=ov.year, n_rank=n_rank, n_score=n_score, n=N_UNITS))]
    if n_rank < N_UNITS and full:
        parts.append(_p(t("ov_rank_full_years", lang, years=", ".join(map(str, full)))))
    # A province with nothing published that year is named once in a sentence, not given a row of blanks.
    figures = [c for c in r.columns if c.endswith(("_score", "_rank"))]
    has_any = r[figures].notna().any(axis=1)
    rows, notes = [], _Notes(lang)
    for row in r[has_any].itertuples():
        def mark(cell, metric, kind, row=row):
            return _mark(notes, ov, cell, getattr(row, f"{metric}_{kind}"), getattr(row, f"{metric}_doubtful"),
                         row.code, ov.year, metric)
        rows.append([mark(_rank_cell(row.dti_rank, lang), "dti", "rank"), esc(row.name), esc(_region(ov, row.region)),
                     mark(_score_cell(row.dti_score, lang), "dti", "score")]
                    + [mark(_rank_cell(getattr(row, f"{m}_rank"), lang, None), m, "rank") for m in PILLARS])
    head = [t("kpi_rank", lang), t("province", lang), t("region", lang), t("kpi_score", lang)]
    head += [t("ov_pillar_rank", lang, pillar=_metric(ov, m)) for m in PILLARS]
    parts.append(table(head, rows, numeric=[0, 3, 4, 5, 6], caption=t("ov_rank_caption", lang, year=ov.year)))
    parts.append(notes.html())
    nothing = r[~has_any]
    if not nothing.empty:
        names = sorted(nothing.name, key=lambda n: search_key(n))
        parts.append(_p(t("ov_rank_nothing", lang, year=ov.year, n=len(names), names=", ".join(names))))
    return Section("ranking", t("ov_sec_ranking", lang), "".join(parts))


def pillars_section(ov: Overview) -> Section:
    """Section 2: the published pillar scores of every year, as dots, with their counts.

    >>> html = pillars_section(setup(2022, "en")).html()
    >>> "<img" in html and "Digital government" in html
    True
    """
    from dti_helpers.charts import theme as charts

    lang = ov.lang
    scores = pillar_scores(ov.data)
    summ = pillar_summary(ov.data)
    parts = [_p(t("ov_pillars_intro", lang, n=len(scores)))]
    if scores.empty:
        parts.append(_p(t("ov_pillars_none", lang)))
        return Section("pillars", t("ov_sec_pillars", lang), "".join(parts))
    names = {m: _metric(ov, m) for m in PILLARS}
    ax = charts.pillar_strip(scores, names=names, lang=lang)
    counts = "; ".join(f"{r.year} {names[r.metric]}: {r.n}" for r in summ.itertuples())
    parts.append(figure(ax, t("ov_alt_pillars", lang, counts=counts), t("ov_pillars_caption", lang)))
    rows, notes = [], _Notes(lang)
    for r in summ.itertuples():
        n_cell = str(r.n)
        left_out = scores[(scores.year == r.year) & (scores.metric == r.metric) & scores.doubtful]
        for d in left_out.itertuples():  # the count carries the mark: the doubtful score is not in it
            n_cell = _mark(notes, ov, str(r.n), d.score, True, d.code, r.year, r.metric, left_out=True)
        rows.append([str(r.year), esc(names[r.metric]), n_cell, _score_cell(r.median, lang),
                     _score_cell(r.min, lang), _score_cell(r.max, lang)])
    parts.append(table([t("year", lang), t("ov_pillar", lang), t("ov_n_published", lang), t("ov_median", lang),
                        t("ov_min", lang), t("ov_max", lang)], rows, numeric=[2, 3, 4, 5],
                       caption=t("ov_pillars_table_caption", lang)))
    parts.append(notes.html())
    return Section("pillars", t("ov_sec_pillars", lang), "".join(parts))


def regions_section(ov: Overview) -> Section:
    """Section 3: the six regions compared by their provinces' published DTI ranks in the year.

    >>> html = regions_section(setup(2022, "en")).html()
    >>> "Central Highlands" in html and "<img" in html
    True
    """
    from dti_helpers.charts import theme as charts

    lang = ov.lang
    reg = regions(ov.data, ov.year)
    co = an.country(ov.data, ov.year, "dti")
    parts = [_p(t("ov_regions_intro", lang, year=ov.year))]
    rows, notes = [], _Notes(lang)
    for r in reg.itertuples():
        best = (f"{esc(r.best_name)} ({esc(fmt_rank(int(r.best_rank), N_UNITS, lang))})" if pd.notna(r.best_name)
                else _np(lang))
        median = _np(lang) if pd.isna(r.median_rank) else esc(fmt_number(r.median_rank, lang, "0.#"))
        if r.n_score == 0:
            score = _np(lang)
        elif r.n_score < an.MIN_REGION_N:
            score = f'<span class="muted">{esc(t("too_few_published", lang, n=r.n_score))}</span>'
        else:
            score = _score_cell(r.median_score, lang) + f' <span class="muted">(n = {r.n_score})</span>'
        n_rank = str(r.n_rank)
        for d in co[(co.region == r.region) & co.doubtful].itertuples():
            value = d.rank if pd.notna(d.rank) else d.score
            n_rank = _mark(notes, ov, str(r.n_rank), value, True, d.code, ov.year, "dti", left_out=True)
        rows.append([esc(_region(ov, r.region)), str(r.n_provinces), n_rank, best, median, score])
    parts.append(table([t("region", lang), t("ov_n_provinces", lang), t("ov_n_rank", lang), t("ov_best", lang),
                        t("ov_median_rank", lang), t("ov_median_score", lang)], rows, numeric=[1, 2, 4, 5],
                       caption=t("ov_regions_caption", lang, year=ov.year)))
    parts.append(notes.html())
    if co["rank"].notna().any():
        names = {r: _region(ov, r) for r in reg.region}
        ax = charts.region_ranks(co, names=names, lang=lang)
        items = "; ".join(f"{names[r.region]}: {r.n_rank}" for r in reg.itertuples())
        parts.append(figure(ax, t("ov_alt_regions", lang, year=ov.year, items=items),
                            t("ov_regions_fig_caption", lang, year=ov.year)))
    return Section("regions", t("ov_sec_regions", lang), "".join(parts))


def map_section(ov: Overview) -> Section:
    """Section 4: a tile-grid map of the 63 provinces coloured by DTI rank in the year.

    >>> "<img" in map_section(setup(2022, "en")).html()
    True
    >>> "Doubtful figures (†): Điện Biên 24" in map_section(setup(2024, "en")).html()
    True
    """
    from dti_helpers.charts import theme as charts

    lang = ov.lang
    co = an.country(ov.data, ov.year, "dti")
    n_rank = int(co["rank"].notna().sum())
    parts = [_p(t("ov_map_intro", lang, year=ov.year, n_rank=n_rank, n=N_UNITS))]
    if n_rank:
        doubt = co[co.doubtful & co["rank"].notna()]
        ax = charts.national_tile_map(co, lang=lang, doubtful=set(doubt.code))
        alt = t("ov_alt_map", lang, year=ov.year, n_rank=n_rank)
        if not doubt.empty:
            alt += " " + t("alt_doubtful", lang, items=", ".join(f"{r.name} {int(r.rank)}" for r in doubt.itertuples()))
        parts.append(figure(ax, alt, t("ov_map_caption", lang, year=ov.year)))
    return Section("map", t("ov_sec_map", lang), "".join(parts))


def movers_section(ov: Overview) -> Section:
    """Section 5: the biggest rank changes between consecutive years, where both ranks are published.

    >>> html = movers_section(setup(2022, "en")).html()
    >>> "2021" in html and "<img" in html
    True
    >>> "Đắk Nông † +13" in movers_section(setup(2021, "en")).html()
    True
    """
    from dti_helpers.charts import theme as charts

    lang = ov.lang
    mv = movers(ov.data)
    mv = mv[mv.year_to <= ov.year]
    parts = [_p(t("ov_movers_intro", lang))]
    if mv.empty:
        parts.append(_p(t("ov_movers_none", lang, year=ov.year)))
        return Section("movers", t("ov_sec_movers", lang), "".join(parts))
    rows, notes = [], _Notes(lang)
    for (y0, y1), pair in mv.groupby(["year_from", "year_to"], sort=True):
        up = pair[pair.change > 0].head(MOVERS_SHOWN)
        down = pair[pair.change < 0].sort_values(["change", "name"]).head(MOVERS_SHOWN)
        for kind, part in (("ov_up", up), ("ov_down", down)):
            for r in part.itertuples():
                rows.append([f"{y0} → {y1}", esc(t(kind, lang)), esc(r.name),
                             _mark(notes, ov, str(r.rank_from), r.rank_from, r.doubtful_from, r.code, y0, "dti"),
                             _mark(notes, ov, str(r.rank_to), r.rank_to, r.doubtful_to, r.code, y1, "dti"),
                             esc(f"{r.change:+d}")])
        parts.append(_p(t("ov_movers_pair", lang, y0=y0, y1=y1, n=len(pair), up=int((pair.change > 0).sum()),
                          down=int((pair.change < 0).sum()), same=int((pair.change == 0).sum()))))
    parts.append(table([t("ov_years", lang), t("ov_direction", lang), t("province", lang), t("ov_rank_from", lang),
                        t("ov_rank_to", lang), t("ov_change", lang)], rows, numeric=[3, 4, 5],
                       caption=t("ov_movers_caption", lang, k=MOVERS_SHOWN)))
    parts.append(notes.html())
    last = mv[mv.year_to == mv.year_to.max()]
    # a change that rests on a doubtful rank keeps its † in the chart and its alt text too
    shaky = last.doubtful_from | last.doubtful_to
    last = last.assign(name=last.name.where(~shaky, last.name + " †"))
    y0, y1 = int(last.year_from.iloc[0]), int(last.year_to.iloc[0])
    ax = charts.movers_plot(last, lang=lang)
    items = "; ".join(f"{r.name} {r.change:+d}" for r in last.itertuples())
    parts.append(figure(ax, t("ov_alt_movers", lang, y0=y0, y1=y1, items=items),
                        t("ov_movers_fig_caption", lang, y0=y0, y1=y1, n=len(last))))
    return Section("movers", t("ov_sec_movers", lang), "".join(parts))


def coverage_section(ov: Overview) -> Section:
    """Section 6: how much of each year's assessment is published (and so in this report).

    >>> html = coverage_section(setup(2022, "en")).html()
    >>> "<img" in html and "63" in html
    True
    """
    from dti_helpers.charts import theme as charts

    lang = ov.lang
    cov = coverage(ov.data)
    cols = ("dti_rank", "dti_score", "pillar_rank", "pillar_score", "index_any")
    labels = {c: t(f"ov_cov_{c}", lang) for c in cols}
    rows = [[str(r.year)] + [str(getattr(r, c)) for c in cols]
            + [esc(t("ov_yes" if r.national_mean else "ov_no", lang))] for r in cov.itertuples()]
    parts = [_p(t("ov_cov_intro", lang, n=N_UNITS)),
             table([t("year", lang)] + [labels[c] for c in cols] + [t("national_mean", lang)], rows,
                   numeric=[1, 2, 3, 4, 5], caption=t("ov_cov_caption", lang, n=N_UNITS))]
    long = cov.melt(id_vars="year", value_vars=list(cols[:4]), var_name="measure", value_name="n")
    ax = charts.coverage_plot(long, labels=labels, lang=lang)
    items = "; ".join(f"{r.year}: {r.dti_rank}/{r.dti_score}" for r in cov.itertuples())
    parts.append(figure(ax, t("ov_alt_coverage", lang, items=items), t("ov_cov_fig_caption", lang)))
    return Section("coverage", t("ov_sec_coverage", lang), "".join(parts))


def notes_section(ov: Overview) -> Section:
    """Section 7: method, sources of the year's figures, data version and parameters.

    >>> html = notes_section(setup(2020, "en")).html()
    >>> "dti.gov.vn" in html or "http" in html
    True
    """
    from dti_helpers import __version__

    lang = ov.lang
    shown = cited_rows(ov.data, ov.year)
    urls = list(dict.fromkeys(u for s in shown.sources for u in str(s or "").split(" | ") if u))
    parts = [f"<h3>{esc(t('dn_method', lang))}</h3>"]
    parts += [_p(t(key, lang)) for key in ("ov_method_published", "ov_method_movers", "ov_method_stats")]
    parts.append(_p(t("ov_method_doubtful", lang, n=an.MIN_REGION_N)))
    parts.append(_p(t("method_honesty", lang)))
    parts.append(f"<h3>{esc(t('dn_reflist', lang))}</h3>")
    parts.append(_p(t("ov_sources_intro_all", lang, year=ov.year, n=len(urls))))
    lis = "".join(f'<li><a href="{esc(u)}">{esc(u)}</a></li>' for u in urls)
    parts.append(f'<ol class="refs">{lis}</ol>')
    parts.append(f"<h3>{esc(t('dn_params', lang))}</h3>")
    data_name = Path(ov.data_path).name if ov.data_path else t("embedded_data", lang)
    params = [(t("param_year", lang), str(ov.year) if ov.year_requested is not None
               else t("ov_param_year_latest", lang, year=ov.year)),
              (t("param_lang", lang), ov.lang), (t("param_data", lang), data_name),
              (t("param_version", lang), ov.data.version), (t("param_software", lang), f"dti-reports {__version__}")]
    parts.append(table([t("col_parameter", lang), t("col_value", lang)],
                       [[esc(k), f"<code>{esc(v)}</code>"] for k, v in params], cls="data params"))
    return Section("notes", t("ov_sec_notes", lang), "".join(parts))


def cited_rows(data: DTIData, year: int) -> pd.DataFrame:
    """The data rows behind every figure the overview of ``year`` shows, so each one's source is listed.

    The year's DTI and pillar rows (ranking, regions, map), every published
    pillar score of every year (pillars section) and both ranks of each rank
    change up to ``year`` (movers section).

    >>> rows = cited_rows(load_dti(), 2022)
    >>> sorted(map(int, rows[rows.metric == "dti"].year.unique())), bool(((rows.year == 2023) & (rows.metric == "xhs")).any())
    ([2020, 2021, 2022], True)
    """
    tab = _published(data)
    this_year = (tab.year == year) & tab.metric.isin(("dti", *PILLARS))
    pillars = tab.metric.isin(PILLARS) & tab.score.notna()
    mv = movers(data)
    mv = mv[mv.year_to <= year]
    ranks = set(zip(mv.code, mv.year_from)) | set(zip(mv.code, mv.year_to))
    moved = (tab.metric == "dti") & pd.Series([(c, y) in ranks for c, y in zip(tab.province_code, tab.year)],
                                              index=tab.index)
    return tab[this_year | pillars | moved].sort_values(["year", "metric", "province_code"]).reset_index(drop=True)


SECTIONS = (cover, ranking_section, pillars_section, regions_section, map_section, movers_section,
            coverage_section, notes_section)


def build(ov: Overview) -> list[Section]:
    """All overview sections in order (the notebook calls them one by one; this is for scripts).

    >>> [s.id for s in build(setup(2022))]
    ['top', 'ranking', 'pillars', 'regions', 'map', 'movers', 'coverage', 'notes']
    """
    return [section(ov) for section in SECTIONS]
