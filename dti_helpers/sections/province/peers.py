"""Section 3 (peers): the province beside its peers, chosen by the stated strategy; table and dot plot.

>>> from dti_helpers.sections.province import setup
>>> html = peers(setup("Bắc Giang", 2022, "en", peers="rank")).html()
>>> "±5" in html and "<svg width=" in html
True
"""
from __future__ import annotations

import pandas as pd

from dti_helpers import charts
from dti_helpers.analysis import province as an
from dti_helpers.core.labels import t
from dti_helpers.sections.kit import chart
from dti_helpers.sections.parts import DoubtNotes, Section, Strong, Text
from dti_helpers.sections.province.common import PILLARS, figure_note, grid, isna, metric_label, region_name
from dti_helpers.sections.province.compare import compare, peer_cell


def peer_rule(rep, pe: pd.DataFrame) -> str:
    """The sentence stating how the peers were chosen.

    >>> from dti_helpers.sections.province import setup
    >>> rep = setup("Bắc Giang", 2022, "en", peers="rank")
    >>> "±5" in peer_rule(rep, an.peers(rep.data, rep.code, rep.year, "rank"))
    True
    """
    strategy = pe.attrs.get("strategy", rep.params.peers)
    chosen = ", ".join(pe.name[~pe.is_focus])
    rule = t(pe.attrs.get("rule") or f"peers_rule_{strategy}", rep.lang, region=region_name(rep),
            k=pe.attrs.get("k", 5), name=rep.name, names=chosen)
    if pe.attrs.get("note"):
        rule += " " + t(pe.attrs["note"], rep.lang, name=rep.name)
    return rule


def peers(rep) -> Section:
    """Section 3: the province beside its peers, chosen by the stated strategy; table and dot plot.

    >>> from dti_helpers.sections.province import setup
    >>> peers(setup("Bắc Giang", 2020, "en")).id
    'peers'
    >>> "Thái Nguyên" in peers(setup("Bắc Giang", 2020, "en", peers="Bắc Ninh,Thái Nguyên")).html()
    True
    """
    lang = rep.lang
    pe = an.peers(rep.data, rep.code, rep.year, rep.params.peers)
    if rep.params.chosen_peers:  # the analyst's list: the kit's comparison, as report.compare gives it
        return compare(rep, rep.params.peers, id="peers", title=rep.title("peers"), intro=peer_rule(rep, pe))
    metrics = ("dti", *PILLARS)
    names = {m: metric_label(rep, m) for m in metrics}
    parts = [Text(peer_rule(rep, pe))]
    value_cols = [f"{m}_{k}" for m in metrics for k in ("score", "rank")]
    listed = pe[pe[value_cols].notna().any(axis=1) | pe.is_focus]
    nothing = pe[~pe.index.isin(listed.index)]
    rows, classes = [], []
    notes = DoubtNotes(lang)
    for r in listed.itertuples():
        rows.append([Strong(r.name) if r.is_focus else r.name]
                    + [notes.mark(peer_cell(getattr(r, f"{m}_score"), getattr(r, f"{m}_rank"), lang),
                                  bool(getattr(r, f"{m}_doubtful")), figure_note(rep, rep.year, m, r.code),
                                  f"{r.name}: {names[m]} {rep.year}") for m in metrics])
        classes.append("focus" if r.is_focus else "")
    head = [t("province", lang)] + [names[m] for m in metrics]
    parts.append(grid(head, rows, caption=t("peers_caption", lang, name=rep.name, year=rep.year, n=len(pe) - 1),
                      numeric=[1, 2, 3, 4], row_classes=classes))
    parts.append(Text(t("peers_cell_help", lang, n=rep.data.n_units)))
    if not nothing.empty:
        parts.append(Text(t("peers_nothing", lang, year=rep.year, names=", ".join(nothing.name))))
    rank_cols = [f"{m}_rank" for m in metrics]
    with_rank = pe[pe[rank_cols].notna().any(axis=1)]
    without = listed[~listed.index.isin(with_rank.index)]
    if len(with_rank) >= 1:
        ax = charts.peers_plot(pe, metrics=metrics, n=rep.data.n_units, year=rep.year, labels={
            "metrics": names, "rank_axis": t("chart_rank_axis_better_left", lang, n=rep.data.n_units)})
        items = []
        for r in with_rank.itertuples():
            vals = [f"{names[m]} {int(getattr(r, f'{m}_rank'))}" for m in metrics
                    if not isna(getattr(r, f"{m}_rank"))]
            items.append(f"{r.name}: {', '.join(vals)}")
        alt = t("alt_peers", lang, year=rep.year, name=rep.name, items="; ".join(items))
        parts.append(chart(ax, alt=alt, caption=t("peers_fig_caption", lang, name=rep.name, year=rep.year)))
    else:
        parts.append(Text(t("peers_no_chart", lang, year=rep.year)))
    if not without.empty and len(with_rank) >= 1:
        parts.append(Text(t("peers_without_rank", lang, year=rep.year, names=", ".join(without.name))))
    parts.append(notes.box())
    return Section("peers", rep.title("peers"), tuple(parts))
