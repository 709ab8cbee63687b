"""Section 2 (scorecard): pillars and main indices with rank, change, national mean, region median, leader.

A region median follows the one group rule (at least half of the region published, "n of N");
a change across the 2021 method change is a rank change only.

>>> from dti_helpers.sections.province import setup
>>> html = scorecard(setup("Bắc Giang", 2020, "vi")).html()
>>> all(s in html for s in ("0,4455", "7/63", "0,3019", "14/63", "0,3092", "25/63", "quá ít số liệu công bố"))
True
"""
from __future__ import annotations

import pandas as pd

from dti_helpers.analysis import province as an
from dti_helpers.analysis.provenance import note_text
from dti_helpers.core.labels import fmt_score, t
from dti_helpers.sections.kit import not_published
from dti_helpers.sections.parts import DoubtNotes, Section, Text
from dti_helpers.sections.province.common import change_doubt, grid, isna, metric_label, muted, rank_cell, \
    rank_move, region_name, score_cell, signed, this_unit, unit_noun
from dti_helpers.sections.stats import stat_cell


def change_cell(row, lang: str, notes: DoubtNotes | None = None, year: int | None = None, label: str = ""):
    """The change column of the scorecard; marked when either end of the change is doubtful.

    >>> row = pd.Series({"prev_year": None})
    >>> change_cell(row, "en")
    'no earlier figure'
    """
    if pd.isna(row.prev_year):
        return t("no_prev", lang)
    parts = []
    if not pd.isna(row.rank_change):
        parts.append(rank_move(row.rank_change, lang))
    if not pd.isna(row.score_change):
        parts.append(signed(row.score_change, lang))
    cell = "; ".join(parts) if parts else t("not_comparable", lang)
    if parts and notes is not None:
        doubt, note = change_doubt({"prev_doubtful": row.prev_doubtful, "prev_note": row.prev_note,
                                    "prev_note_vi": row.prev_note_vi, "prev_year": row.prev_year,
                                    "doubtful": row.doubtful, "note": row.note, "note_vi": row.note_vi,
                                    "year": year}, lang)
        cell = notes.mark(cell, doubt, note, t("doubt_change", lang, prev_year=int(row.prev_year), year=year,
                                                what=label))
    return muted(f"({int(row.prev_year)})", before=cell)


def gap_cell(rep, r, label: str, notes: DoubtNotes):
    """Gap to the leader, marked when the province's own figure or a leader's is doubtful."""
    cell = score_cell(r.gap_to_leader, rep.lang)
    if isna(r.gap_to_leader):
        return cell
    bits = [note_text(r, rep.lang)] if r.doubtful else []
    leaders = [c for c in (r.leader_codes or []) if c != rep.code]
    tb = rep.data.table
    for c in leaders:
        hit = tb[(tb.unit_set == rep.data.units) & (tb.province_code == c) & (tb.year == rep.year) & (tb.metric == r.metric)]
        if not hit.empty and bool(hit.iloc[0].doubtful):
            bits.append(f"{hit.iloc[0].province}: {note_text(hit.iloc[0], rep.lang)}")
    return notes.mark(cell, bool(bits), "; ".join(b for b in bits if b),
                      t("doubt_gap", rep.lang, what=f"{label} {rep.year}"))


def _leader(rep, r):
    lang = rep.lang
    if r.leader_code is None or pd.isna(r.leader_code):
        return not_published(lang)
    if r.leader_code == rep.code:
        tied = len(r.leader_codes or []) > 1
        own = t("leader_tied_with_this", lang, noun=unit_noun(rep)) if tied else this_unit(rep)
        return muted(f"({own})", before=r.leader_name)
    if not pd.isna(r.leader_score):
        return muted(f"({fmt_score(r.leader_score, lang)})", before=r.leader_name)
    return r.leader_name


def _median(r, lang: str):
    return stat_cell(r.region_stat, lang, score_cell(r.region_median, lang))


def scorecard(rep) -> Section:
    """Section 2: pillars (and the eight main indices from 2021) with rank, change, means and the leader.

    Ranks are shown even where scores are not published; an index with
    nothing published is named in a sentence instead of a row of blanks.

    >>> from dti_helpers.sections.province import setup
    >>> "25/63" in scorecard(setup("Bắc Giang", 2020, "en")).html()
    True
    """
    lang, sc = rep.lang, an.scorecard(rep.data, rep.code, rep.year)
    notes = DoubtNotes(lang)
    has_value = sc.score.notna() | sc["rank"].notna()
    shown = sc[(sc.kind != "index") | has_value]
    hidden = sc[(sc.kind == "index") & ~has_value]
    rows, classes = [], []
    for r in shown.itertuples():
        label = metric_label(rep, r.metric)
        what = f"{label} {rep.year}"
        rows.append([
            label,
            notes.mark(score_cell(r.score, lang), r.doubtful, note_text(r, lang), what),
            notes.mark(rank_cell(r.rank, lang, rep.data.n_units), r.doubtful, note_text(r, lang), what),
            change_cell(r, lang, notes, rep.year, label),
            score_cell(r.national_mean, lang),
            _median(r, lang),
            _leader(rep, r),
            gap_cell(rep, r, label, notes),
        ])
        classes.append("total" if r.kind == "total" else r.kind)
    head = [t("metric", lang), t("score", lang), t("rank", lang), t("col_change", lang), t("national_mean", lang),
            t("col_region_median", lang), t("col_leader", lang), t("col_gap", lang)]
    parts = [Text(t("sc_intro", lang, year=rep.year, region=region_name(rep)))]
    parts.append(grid(head, rows, caption=t("sc_caption", lang, name=rep.name, year=rep.year),
                      numeric=[1, 2, 4, 5, 7], row_classes=classes))
    if not hidden.empty:
        names = ", ".join(metric_label(rep, m) for m in hidden.metric)
        parts.append(Text(t("sc_indices_np", lang, year=rep.year, names=names)))
    parts.append(Text(t("sc_median_rule", lang)))
    across = sorted({int(y) for y in shown.loc[shown.method_change, "prev_year"]})
    if across:
        parts.append(Text(t("sc_method_change", lang, prev_years=", ".join(map(str, across)))))
    if rep.year < 2021:
        parts.append(Text(t("sc_indices_from_2021", lang)))
    parts.append(notes.box())
    return Section("scorecard", rep.title("scorecard"), tuple(parts))
