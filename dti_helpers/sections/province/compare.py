"""``report.compare``: the report's province beside provinces the analyst chose, as a table and a chart.

The kit function of chosen comparisons, and what the built-in peers section shows when the
``peers`` parameter is a list. Figures are as published: a missing one reads "not published",
a doubtful one is marked † with its note below, and each province's row links its sources.

>>> from dti_helpers.sections.province import setup
>>> html = compare(setup("Bắc Giang", 2020, "en"), ["Bắc Ninh", "Thái Nguyên"]).html()
>>> "Bắc Ninh" in html and "Thái Nguyên" in html and "not published" in html and "<svg " in html
True
"""
from __future__ import annotations

from dti_helpers import charts
from dti_helpers.analysis import province as an
from dti_helpers.core.labels import fmt_score, t
from dti_helpers.sections.kit import chart, not_published, source_links
from dti_helpers.sections.parts import DoubtNotes, Section, Strong, Text
from dti_helpers.sections.province.common import PILLARS, figure_note, grid, isna, metric_label, muted
from dti_helpers.sections.province.peer_choice import resolve_peers


def peer_cell(score, rank, lang: str):
    """A score with its rank in grey, or whichever of the two is published, or "not published".

    >>> str(peer_cell(0.5, 3, "en")).startswith("0.5000 "), peer_cell(None, 3, "en")
    (True, 'rank 3')
    """
    if isna(score) and isna(rank):
        return not_published(lang)
    if isna(score):
        return t("rank_n", lang, rank=int(rank))
    if isna(rank):
        return fmt_score(score, lang)
    return muted(f"({int(rank)})", before=fmt_score(score, lang))


def _figures(rep, codes, metrics) -> dict:
    """The published rows of ``codes`` × ``metrics`` in the report's year and unit set, by (code, metric)."""
    tb = rep.data.table
    tb = tb[(tb.unit_set == rep.data.units) & (tb.year == rep.year) & tb.province_code.isin(list(codes))
            & tb.metric.isin(list(metrics))]
    return {(r.province_code, r.metric): r for r in tb.itertuples()}


def _sources(found: dict, code: str, metrics):
    entries = [s.strip() for m in metrics if (code, m) in found
               for s in str(found[(code, m)].sources or "").split(" | ") if s.strip()]
    return source_links(" | ".join(dict.fromkeys(entries)))


def compare(rep, provinces, *, metrics=("dti", *PILLARS), title: str | None = None, id: str = "compare",
            intro: str | None = None) -> Section:
    """A section comparing the report's province with ``provinces`` in the report's year: a table and a chart.

    ``provinces`` are names, slugs or codes of the report's unit set (a list, or one string
    "Bắc Ninh,Thái Nguyên"); a peer strategy ("region", "rank", "profile") compares with those
    peers instead. ``metrics`` are metric ids (default: DTI and the three pillars). Each cell is
    the score with its rank, or "not published"; ``title``, ``id`` and ``intro`` replace the
    default heading, anchor and first sentence.

    >>> from dti_helpers.sections.province import setup
    >>> sec = compare(setup("Bắc Giang", 2020, "vi"), "Bắc Ninh,Thái Nguyên")
    >>> sec.title, "0,4096" in sec.html(), "chưa có số liệu công bố" in sec.html()
    ('So sánh Bắc Giang với Bắc Ninh, Thái Nguyên', True, True)
    """
    lang, n_units = rep.lang, rep.data.n_units
    chosen = resolve_peers(rep.data.catalogue, provinces, rep.data.units, focus=rep.code, option="compare")
    pe = an.peers(rep.data, rep.code, rep.year, chosen)
    metrics = [m for m in metrics if m in rep.data.metrics.index]
    others = [r.name for r in pe.itertuples() if not r.is_focus]
    names = {m: metric_label(rep, m) for m in metrics}
    joined = ", ".join(others)
    parts = [Text(intro or t("compare_intro", lang, name=rep.name, names=joined, year=rep.year))]
    if not others:
        parts.append(Text(t("compare_none", lang)))
    found = _figures(rep, pe.code, metrics)
    notes = DoubtNotes(lang)
    rows, classes = [], []
    for r in pe.itertuples():
        cells = [Strong(r.name) if r.is_focus else r.name]
        for m in metrics:
            fig = found.get((r.code, m))
            score, rank = (None, None) if fig is None else (fig.score, fig.rank)
            doubtful = fig is not None and bool(fig.doubtful)
            cells.append(notes.mark(peer_cell(score, rank, lang), doubtful, figure_note(rep, rep.year, m, r.code),
                                    f"{r.name}: {names[m]} {rep.year}"))
        rows.append(cells + [_sources(found, r.code, metrics)])
        classes.append("focus" if r.is_focus else "")
    head = [t("province", lang)] + [names[m] for m in metrics] + [t("col_sources", lang)]
    parts.append(grid(head, rows, caption=t("compare_caption", lang, name=rep.name, n=len(others), year=rep.year),
                      numeric=list(range(1, len(metrics) + 1)), row_classes=classes, cls="data compare"))
    parts.append(Text(t("peers_cell_help", lang, n=n_units)))
    nothing = [r.name for r in pe.itertuples() if not any((r.code, m) in found for m in metrics)]
    if nothing:
        parts.append(Text(t("peers_nothing", lang, year=rep.year, names=", ".join(nothing))))
    parts.append(_chart(rep, pe, found, metrics, names))
    parts.append(notes.box())
    return Section(id, title or t("compare_title", lang, name=rep.name, names=joined), tuple(parts))


def _chart(rep, pe, found: dict, metrics, names: dict):
    """The rank chart, or the sentence saying there is none (no rank published for these provinces)."""
    lang, n_units = rep.lang, rep.data.n_units
    frame = pe[["code", "name", "is_focus"]].copy()
    for m in metrics:
        frame[f"{m}_rank"] = [None if (c, m) not in found or isna(found[(c, m)].rank) else int(found[(c, m)].rank)
                              for c in frame.code]
        frame[f"{m}_doubtful"] = [bool((c, m) in found and found[(c, m)].doubtful) for c in frame.code]
    ranked = [m for m in metrics if frame[f"{m}_rank"].notna().any()]
    if not ranked:
        return Text(t("peers_no_chart", lang, year=rep.year))
    ax = charts.compare_plot(frame, metrics=ranked, n=n_units, labels={
        "metrics": names, "rank_axis": t("chart_rank_axis_better_left", lang, n=n_units),
        "not_published": t("compare_no_rank", lang)})
    items = []
    for r in frame.itertuples():
        vals = [f"{names[m]} {int(getattr(r, f'{m}_rank'))}" for m in ranked if not isna(getattr(r, f"{m}_rank"))]
        items.append(f"{r.name}: {', '.join(vals) or t('not_published', lang)}")
    return chart(ax, alt=t("alt_compare", lang, year=rep.year, items="; ".join(items)),
                 caption=t("compare_fig_caption", lang, year=rep.year))


__all__ = ["compare", "peer_cell"]
