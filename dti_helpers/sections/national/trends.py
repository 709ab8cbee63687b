"""Overview sections with the years around the overview's: pillar scores, biggest movers, coverage of published data.

Their tables may list earlier years for context; their charts show the overview's year only.
"""
from __future__ import annotations

from dti_helpers.analysis.national import (MOVERS_SHOWN, PILLARS, coverage, latest_movers, movers,
                                           pillar_scores, pillar_summary)
from dti_helpers.charts import distributions as charts
from dti_helpers.core.labels import t
from dti_helpers.sections import kit
from dti_helpers.sections.national.context import Overview, mark, metric_name, score_cell, setup
from dti_helpers.sections.national.year import grid
from dti_helpers.sections.parts import DOUBT_MARK, DoubtNotes, Section
from dti_helpers.sections.stats import stat_cell


def pillars_section(ov: Overview) -> Section:
    """Section 2: the published pillar scores of the overview's year, as dots, with their counts and statistics.

    The median, lowest and highest follow the one group rule over the year's units.

    >>> html = pillars_section(setup(2021, "en")).html()
    >>> "<svg width=" in html and "Digital government" in html and "too few published (19 of 63)" in html
    True
    >>> "2021" in pillars_section(setup(2022, "en")).html()
    False
    """
    lang = ov.lang
    scores = pillar_scores(ov.data, ov.year)
    summ = pillar_summary(ov.data, ov.year)
    if scores.empty:
        parts = [kit.text(t("ov_pillars_none", lang, year=ov.year))]
        return Section("pillars", t("ov_sec_pillars", lang), tuple(parts))
    parts = [kit.text(t("ov_pillars_intro", lang, year=ov.year, n=len(scores)))]
    names = {m: metric_name(ov, m) for m in PILLARS}
    medians = {(r.year, r.metric): r.median for r in summ.itertuples() if r.median_stat.shown}
    ax = charts.pillar_strip(scores, medians=medians,
                             labels={"metrics": names, "score_axis": t("ov_chart_score_axis", lang),
                                     "doubtful": t("ov_chart_doubtful", lang)})
    counts = "; ".join(f"{names[r.metric]}: {t('ov_pillar_count', lang, n=r.n, of=r.of)}" for r in summ.itertuples())
    parts.append(kit.chart(ax, alt=t("ov_alt_pillars", lang, year=ov.year, counts=counts),
                           caption=t("ov_pillars_caption", lang, year=ov.year)))
    rows, notes = [], DoubtNotes(lang)
    for r in summ.itertuples():
        n_cell = t("ov_pillar_count", lang, n=r.n, of=r.of)
        left_out = scores[(scores.metric == r.metric) & scores.doubtful]
        for d in left_out.itertuples():  # the count carries the mark: the doubtful score is not in it
            n_cell = mark(notes, ov, n_cell, d.score, True, d.code, r.year, r.metric, left_out=True)
        rows.append([names[r.metric], n_cell, stat_cell(r.median_stat, lang, score_cell(r.median, lang)),
                     stat_cell(r.min_stat, lang, score_cell(r.min, lang), extreme="lowest"),
                     stat_cell(r.max_stat, lang, score_cell(r.max, lang), extreme="highest")])
    head = [t("ov_pillar", lang), t("ov_n_published", lang), t("ov_median", lang), t("ov_min", lang),
            t("ov_max", lang)]
    parts.append(grid(head, rows, [1, 2, 3, 4], t("ov_pillars_table_caption", lang, year=ov.year), notes))
    return Section("pillars", t("ov_sec_pillars", lang), tuple(parts))


def movers_section(ov: Overview) -> Section:
    """Section 5: the biggest rank changes between consecutive years, where both ranks are published.

    >>> html = movers_section(setup(2022, "en")).html()
    >>> "2021" in html and "<svg width=" in html
    True
    >>> "Đắk Nông † +13" in movers_section(setup(2021, "en")).html()
    True
    """
    lang = ov.lang
    mv = movers(ov.data)
    mv = mv[mv.year_to <= ov.year]
    parts = [kit.text(t("ov_movers_intro", lang))]
    if mv.empty:
        parts.append(kit.text(t("ov_movers_none", lang, year=ov.year)))
        return Section("movers", t("ov_sec_movers", lang), tuple(parts))
    rows, notes = [], DoubtNotes(lang)
    for (y0, y1), pair in mv.groupby(["year_from", "year_to"], sort=True):
        up = pair[pair.change > 0].head(MOVERS_SHOWN)
        down = pair[pair.change < 0].sort_values(["change", "name"]).head(MOVERS_SHOWN)
        for kind, part in (("ov_up", up), ("ov_down", down)):
            for r in part.itertuples():
                rows.append([f"{y0} → {y1}", t(kind, lang), r.name,
                             mark(notes, ov, str(r.rank_from), r.rank_from, r.doubtful_from, r.code, y0, "dti"),
                             mark(notes, ov, str(r.rank_to), r.rank_to, r.doubtful_to, r.code, y1, "dti"),
                             f"{r.change:+d}"])
        parts.append(kit.text(t("ov_movers_pair", lang, y0=y0, y1=y1, n=len(pair), up=int((pair.change > 0).sum()),
                                down=int((pair.change < 0).sum()), same=int((pair.change == 0).sum()))))
    head = [t("ov_years", lang), t("ov_direction", lang), t("province", lang), t("ov_rank_from", lang),
            t("ov_rank_to", lang), t("ov_change", lang)]
    parts.append(grid(head, rows, [3, 4, 5], t("ov_movers_caption", lang, k=MOVERS_SHOWN), notes))
    # the chart is the overview's year's changes only; a change that rests on a doubtful rank keeps its †
    # in the chart and its alt text too
    this_year = mv[mv.year_to == ov.year]
    if this_year.empty:
        parts.append(kit.text(t("ov_movers_no_chart", lang, year=ov.year)))
        return Section("movers", t("ov_sec_movers", lang), tuple(parts))
    last = latest_movers(this_year, DOUBT_MARK)
    y0, y1 = int(last.year_from.iloc[0]), int(last.year_to.iloc[0])
    ax = charts.movers_plot(last, labels={"change_axis": t("ov_chart_change_axis", lang)})
    items = "; ".join(f"{r.name} {r.change:+d}" for r in last.itertuples())
    parts.append(kit.chart(ax, alt=t("ov_alt_movers", lang, y0=y0, y1=y1, items=items),
                           caption=t("ov_movers_fig_caption", lang, y0=y0, y1=y1, n=len(last))))
    return Section("movers", t("ov_sec_movers", lang), tuple(parts))


def coverage_section(ov: Overview) -> Section:
    """Section 6: how much of each year's assessment is published (and so in this report).

    >>> html = coverage_section(setup(2022, "en")).html()
    >>> "<svg width=" in html and "63" in html
    True
    """
    lang = ov.lang
    cov = coverage(ov.data)
    cols = ("dti_rank", "dti_score", "pillar_rank", "pillar_score", "index_any")
    labels = {c: t(f"ov_cov_{c}", lang) for c in cols}
    rows = [[str(r.year)] + [str(getattr(r, c)) for c in cols] + [t("ov_yes" if r.national_mean else "ov_no", lang)]
            for r in cov.itertuples()]
    parts = [kit.text(t("ov_cov_intro", lang, n=ov.n)),
             grid([t("year", lang)] + [labels[c] for c in cols] + [t("national_mean", lang)], rows, [1, 2, 3, 4, 5],
                  t("ov_cov_caption", lang, n=ov.n))]
    # the table has every year for context; the chart is the overview's year only
    year = cov[cov.year == ov.year]
    long = year.melt(id_vars="year", value_vars=list(cols[:4]), var_name="measure", value_name="n")
    words = {"measures": labels, "count_axis": t("ov_chart_n_provinces", lang, n=ov.n)}
    ax = charts.coverage_plot(long, n=ov.n, labels=words)
    items = "; ".join(f"{labels[r.measure]} {r.n}/{ov.n}" for r in long.itertuples())
    parts.append(kit.chart(ax, alt=t("ov_alt_coverage", lang, year=ov.year, items=items),
                           caption=t("ov_cov_fig_caption", lang, year=ov.year)))
    return Section("coverage", t("ov_sec_coverage", lang), tuple(parts))
