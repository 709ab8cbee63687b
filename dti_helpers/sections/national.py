"""The national overview's sections: all provinces together, for one assessment year and across years.

The figures come from :mod:`dti_helpers.analysis.national` (tidy DataFrames);
the builders here take an :class:`Overview` and return sections that display
in JupyterLab and export through :mod:`dti_helpers.render`.

>>> [s.id for s in build(setup(2022))][:3]
['top', 'ranking', 'pillars']
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dti_helpers.analysis import province as an
from dti_helpers.analysis.national import (MOVERS_SHOWN, N_UNITS, PILLARS, cited_rows, coverage, data_row,  # noqa: F401
                                           latest_movers, movers, nothing_published, pillar_scores, pillar_summary,
                                           published, ranking, regions, source_urls)
from dti_helpers.data.load import DTIData, load_dti
from dti_helpers.core.labels import LANGS, fmt_number, fmt_rank, fmt_score, t
from dti_helpers.sections.province import ParameterError, Section, _note_text, _Notes, esc, figure, table


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
    row = data_row(ov.data, code, year, metric)
    return "" if row is None else _note_text(row, ov.lang)


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
    has_any, nothing = nothing_published(r)
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
    if nothing:
        parts.append(_p(t("ov_rank_nothing", lang, year=ov.year, n=len(nothing), names=", ".join(nothing))))
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
    # a change that rests on a doubtful rank keeps its † in the chart and its alt text too
    last = latest_movers(mv, "†")
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
    urls = source_urls(shown)
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


SECTIONS = (cover, ranking_section, pillars_section, regions_section, map_section, movers_section,
            coverage_section, notes_section)


def build(ov: Overview) -> list[Section]:
    """All overview sections in order (the notebook calls them one by one; this is for scripts).

    >>> [s.id for s in build(setup(2022))]
    ['top', 'ranking', 'pillars', 'regions', 'map', 'movers', 'coverage', 'notes']
    """
    return [section(ov) for section in SECTIONS]
