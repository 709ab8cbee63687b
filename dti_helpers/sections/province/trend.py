"""Section 5 (trend): DTI and pillar ranks per year, rank 1 on top, gaps where nothing is published.

>>> from dti_helpers.sections.province import setup
>>> html = trend(setup("Lào Cai", None, "en")).html()
>>> "<svg width=" in html, "not published" in html
(False, True)
"""
from __future__ import annotations

from dti_helpers import charts
from dti_helpers.analysis import province as an
from dti_helpers.core.labels import t
from dti_helpers.sections.kit import chart
from dti_helpers.sections.parts import DoubtNotes, Section, Text
from dti_helpers.sections.province.common import PILLARS, figure_note, grid, metric_label
from dti_helpers.sections.province.peers import peer_cell


def trend(rep) -> Section:
    """Section 5: DTI and pillar ranks per year (rank 1 on top), with gaps where nothing is published.

    >>> from dti_helpers.sections.province import setup
    >>> "<svg width=" in trend(setup("Bắc Giang", 2020, "en")).html()
    True
    """
    lang = rep.lang
    metrics = ("dti", *PILLARS)
    names = {m: metric_label(rep, m) for m in metrics}
    tr = an.trend(rep.data, rep.code, metrics)
    years = sorted(tr.year.unique())
    ranked_years = sorted(tr.loc[tr["rank"].notna(), "year"].unique())
    missing_years = [y for y in years if y not in ranked_years]
    parts = [Text(t("trend_intro", lang))]
    notes = DoubtNotes(lang)
    if len(ranked_years) >= 2:
        tr_doubt = tr[tr.doubtful & tr["rank"].notna()]
        ax = charts.trend_plot(tr, order=metrics, n=rep.data.n_units,
                               doubtful={(r.metric, int(r.year)) for r in tr_doubt.itertuples()},
                               labels={"metrics": names, "rank_axis": t("chart_rank_axis", lang),
                                       "not_published": t("chart_np_short", lang)})
        series = []
        for m in metrics:
            part = tr[(tr.metric == m) & tr["rank"].notna()]
            if not part.empty:
                series.append(f"{names[m]}: " + ", ".join(f"{int(r.year)} {int(r.rank)}" for r in part.itertuples()))
        alt = t("alt_trend", lang, name=rep.name, first=years[0], last=years[-1], series="; ".join(series))
        if not tr_doubt.empty:
            alt += " " + t("alt_doubtful", lang, items=", ".join(f"{names[r.metric]} {int(r.year)}"
                                                                  for r in tr_doubt.itertuples()))
        parts.append(chart(ax, alt=alt, caption=t("trend_caption", lang)))
    elif len(ranked_years) == 1:
        parts.append(Text(t("trend_one_year", lang, year=ranked_years[0])))
    else:
        parts.append(Text(t("trend_no_rank", lang)))
    if missing_years:
        parts.append(Text(t("trend_missing_years", lang, years=", ".join(map(str, missing_years)))))
    rows = []
    for year in years:
        cells = [str(year)]
        for m in metrics:
            r = tr[(tr.year == year) & (tr.metric == m)].iloc[0]
            cell = peer_cell(r.score, r["rank"], lang)
            cells.append(notes.mark(cell, bool(r.doubtful), figure_note(rep, year, m), f"{names[m]} {year}"))
        rows.append(cells)
    parts.append(grid([t("year", lang)] + [names[m] for m in metrics], rows,
                      caption=t("trend_table_caption", lang, name=rep.name), numeric=[1, 2, 3, 4],
                      row_classes=["current" if y == rep.year else "" for y in years]))
    parts.append(Text(t("peers_cell_help", lang, n=rep.data.n_units)))
    parts.append(notes.box())
    return Section("trend", rep.title("trend"), tuple(parts))
