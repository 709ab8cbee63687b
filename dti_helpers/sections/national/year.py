"""Overview sections about one assessment year: the cover, the ranking, the regions and the map."""
from __future__ import annotations

import pandas as pd

from dti_helpers.analysis import dates, province as an
from dti_helpers.analysis.national import PILLARS, coverage, nothing_published, ranking, regions
from dti_helpers.charts import TILES, TILES_34, distributions, tile_map
from dti_helpers.core.labels import fmt_number, fmt_rank, t
from dti_helpers.sections import kit
from dti_helpers.sections.dates import dates_line
from dti_helpers.sections.keys import rank_tips, tile_key
from dti_helpers.sections.national.context import (Overview, mark, metric_name, rank_cell, region_name,
                                                   score_cell, setup)
from dti_helpers.sections.parts import DoubtNotes, Section, Table, Text
from dti_helpers.sections.stats import stat_cell


def grid(head, rows, numeric, caption=None, notes: DoubtNotes | None = None, cls: str = "data") -> Table:
    """A table of ready cells (text or parts); ``notes`` are the † footnotes that follow it.

    >>> grid(["a"], [["1"]], [0]).numeric
    frozenset({0})
    """
    box = notes.box() if notes is not None and notes.items else None
    return Table(tuple(head), tuple(map(tuple, rows)), caption, frozenset(numeric), (), cls, box)


def cover(ov: Overview) -> Section:
    """The overview's title block (subtitle, lede, dates line); its metadata names the document for HTML and PDF.

    >>> sec = cover(setup(2022, "en"))
    >>> sec.title, sec.parts[2].content.split(" · ")[0]
    ('Digital Transformation Index 2022: national overview', '2022 results published on 12 July 2023')
    """
    title = t("ov_title" if ov.n == 63 else "ov_title_34", ov.lang, year=ov.year)
    meta = {"dti_report": {"lang": ov.lang, "title": title, "year": ov.year, "kind": "overview",
                           "header": t("ov_header", ov.lang, year=ov.year)}}
    subtitle = t("ov_subtitle" if ov.n == 63 else "ov_subtitle_34", ov.lang, year=ov.year)
    when = dates.report_dates(ov.data, ov.year, ov.build_epoch)
    lede = t("ov_lede", ov.lang, publisher=t(when["published"]["publisher"], ov.lang))
    links = (kit.downloads(ov.downloads, ov.lang),) if ov.downloads else ()
    return Section("top", title, (Text(subtitle, "subtitle"), Text(lede, "lede"),
                                  Text(dates_line(when, ov.lang), "lede dates"), *links), level=1, meta=meta)


def ranking_section(ov: Overview) -> Section:
    """Section 1: every province's DTI and pillar rank and score in the year.

    >>> html = ranking_section(setup(2022, "vi")).html()
    >>> "15/63" in html and "Thanh Hóa" in html
    True
    """
    lang, r = ov.lang, ranking(ov.data, ov.year)
    n_rank, n_score = int(r.dti_rank.notna().sum()), int(r.dti_score.notna().sum())
    full = [int(c.year) for c in coverage(ov.data).itertuples() if c.dti_rank == ov.n]
    parts = [kit.text(t("ov_rank_intro", lang, year=ov.year, n_rank=n_rank, n_score=n_score, n=ov.n))]
    if n_rank < ov.n and full:
        parts.append(kit.text(t("ov_rank_full_years", lang, years=", ".join(map(str, full)), n=ov.n)))
    has_any, nothing = nothing_published(r)
    rows, notes = [], DoubtNotes(lang)
    for row in r[has_any].itertuples():
        def cell(text, metric, kind, row=row):
            return mark(notes, ov, text, getattr(row, f"{metric}_{kind}"), getattr(row, f"{metric}_doubtful"),
                        row.code, ov.year, metric)
        rows.append([cell(rank_cell(row.dti_rank, lang, ov.n), "dti", "rank"), row.name, region_name(ov, row.region),
                     cell(score_cell(row.dti_score, lang), "dti", "score")]
                    + [cell(rank_cell(getattr(row, f"{m}_rank"), lang, None), m, "rank") for m in PILLARS])
    head = [t("kpi_rank", lang), t("province", lang), t("region", lang), t("kpi_score", lang)]
    head += [t("ov_pillar_rank", lang, pillar=metric_name(ov, m)) for m in PILLARS]
    parts.append(grid(head, rows, [0, 3, 4, 5, 6], t("ov_rank_caption", lang, year=ov.year, n=ov.n), notes))
    if nothing:
        parts.append(kit.text(t("ov_rank_nothing", lang, year=ov.year, n=len(nothing), names=", ".join(nothing))))
    return Section("ranking", t("ov_sec_ranking", lang), tuple(parts))


def regions_section(ov: Overview) -> Section:
    """Section 3: the six regions compared by their provinces' published DTI ranks in the year.

    The best, the median rank and the median score follow the one group rule ("n of N", or too few published).

    >>> html = regions_section(setup(2022, "en")).html()
    >>> "Central Highlands" in html and "<svg width=" in html
    True
    >>> "too few published (6 of 14)" in regions_section(setup(2020, "en")).html()
    True
    """
    lang = ov.lang
    reg = regions(ov.data, ov.year)
    co = an.country(ov.data, ov.year, "dti")
    parts = [kit.text(t("ov_regions_intro", lang, year=ov.year))]
    rows, notes = [], DoubtNotes(lang)
    for r in reg.itertuples():
        best = stat_cell(r.best_stat, lang, f"{r.best_name} ({fmt_rank(r.best_rank, ov.n, lang)})"
                         if r.best_stat.shown else "", extreme="highest")
        median = stat_cell(r.median_rank_stat, lang, fmt_number(r.median_rank, lang, "0.#")
                           if r.median_rank_stat.shown else "")
        median_score = stat_cell(r.median_score_stat, lang, score_cell(r.median_score, lang))
        n_rank = str(r.n_rank)
        for d in co[(co.region == r.region) & co.doubtful].itertuples():
            value = d.rank if pd.notna(d.rank) else d.score
            n_rank = mark(notes, ov, str(r.n_rank), value, True, d.code, ov.year, "dti", left_out=True)
        rows.append([region_name(ov, r.region), str(r.n_provinces), n_rank, best, median, median_score])
    head = [t("region", lang), t("ov_n_provinces", lang), t("ov_n_rank", lang), t("ov_best", lang),
            t("ov_median_rank", lang), t("ov_median_score", lang)]
    parts.append(grid(head, rows, [1, 2, 4, 5], t("ov_regions_caption", lang, year=ov.year), notes))
    if co["rank"].notna().any():
        names = {r: region_name(ov, r) for r in reg.region}
        words = {"regions": names, "rank_axis": t("chart_rank_axis_better_left", lang, n=ov.n),
                 "doubtful": t("ov_chart_doubtful", lang)}
        medians = {r.region: r.median_rank for r in reg.itertuples() if r.median_rank_stat.shown}
        ax = distributions.region_ranks(co, order=list(names), n=ov.n, medians=medians, labels=words)
        items = "; ".join(f"{names[r.region]}: {r.n_rank}" for r in reg.itertuples())
        parts.append(kit.chart(ax, alt=t("ov_alt_regions", lang, year=ov.year, items=items),
                               caption=t("ov_regions_fig_caption", lang, year=ov.year)))
    return Section("regions", t("ov_sec_regions", lang), tuple(parts))


def map_section(ov: Overview) -> Section:
    """Section 4: a tile-grid map of the 63 provinces coloured by DTI rank in the year.

    >>> "<svg width=" in map_section(setup(2022, "en")).html()
    True
    >>> "Điện Biên 24" in map_section(setup(2024, "en")).html().split("Doubtful figures (†): ")[1]
    True
    """
    lang = ov.lang
    co = an.country(ov.data, ov.year, "dti")
    n_rank = int(co["rank"].notna().sum())
    parts = [kit.text(t("ov_map_intro", lang, year=ov.year, n_rank=n_rank, n=ov.n))]
    if n_rank:
        doubt = co[co.doubtful & co["rank"].notna()]
        words = {"not_published": t("not_published", lang), "colorbar": t("chart_dti_rank", lang)}
        tiles = TILES_34 if ov.n == 34 else TILES
        co = co.assign(tip=rank_tips(co, ov.year, ov.n, lang))
        ax = tile_map(co, code="code", rank="rank", focus=None, doubtful=set(doubt.code), tiles=tiles, labels=words)
        alt = t("ov_alt_map", lang, year=ov.year, n_rank=n_rank, n=ov.n)
        if not doubt.empty:
            alt += " " + t("alt_doubtful", lang, items=", ".join(f"{r.name} {int(r.rank)}" for r in doubt.itertuples()))
        parts.append(kit.chart(ax, alt=alt, caption=t("ov_map_caption", lang, year=ov.year)))
        parts.append(tile_key(tiles, dict(zip(co.code, co.name)), lang))
    return Section("map", t("ov_sec_map", lang), tuple(parts))
