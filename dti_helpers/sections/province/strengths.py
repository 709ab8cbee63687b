"""Section 6 (strengths): pillars and indices ranked clearly better or worse than the overall rank.

>>> from dti_helpers.sections.province import setup
>>> html = strengths(setup("Bắc Giang", 2020, "en")).html()
>>> "10 places" in html and "Digital society" in html
True
"""
from __future__ import annotations

from dti_helpers.analysis import province as an
from dti_helpers.analysis.provenance import note_text
from dti_helpers.core.labels import fmt_rank, t
from dti_helpers.sections.parts import DoubtNotes, Section, Text
from dti_helpers.sections.province.common import STRENGTH_MARGIN, grid, metric_label


def strengths(rep) -> Section:
    """Section 6: pillars and indices ranked clearly better or worse than the overall rank; the rule stated.

    >>> from dti_helpers.sections.province import setup
    >>> strengths(setup("Hà Giang", None, "en")).id
    'strengths'
    """
    lang = rep.lang
    st = an.strengths(rep.data, rep.code, rep.year, margin=STRENGTH_MARGIN)
    margin = st.attrs.get("margin", STRENGTH_MARGIN)
    overall = st.attrs.get("overall_rank")
    parts = [Text(t("sw_rule", lang, margin=margin))]
    if overall is None:
        parts.append(Text(t("sw_no_overall", lang, year=rep.year)))
        return Section("strengths", rep.title("strengths"), tuple(parts))
    if st.empty:
        parts.append(Text(t("sw_nothing", lang, year=rep.year, rank=fmt_rank(overall, rep.data.n_units, lang))))
        return Section("strengths", rep.title("strengths"), tuple(parts))
    sc = an.scorecard(rep.data, rep.code, rep.year).set_index("metric")
    notes = DoubtNotes(lang)
    for verdict, key in (("strength", "sw_strengths"), ("weakness", "sw_weaknesses"), ("in_line", "sw_in_line")):
        sel = st[st.verdict == verdict]
        names = ", ".join(f"{metric_label(rep, r.metric)} ({int(r.rank)})" for r in sel.itertuples())
        parts.append(Text(t(key, lang, names=names or t("sw_none", lang))))
    rows = []
    for r in st.itertuples():
        doubtful = bool(sc.at[r.metric, "doubtful"]) if r.metric in sc.index else False
        rows.append([metric_label(rep, r.metric),
                     notes.mark(fmt_rank(r.rank, rep.data.n_units, lang), doubtful, note_text(sc.loc[r.metric], lang),
                                f"{metric_label(rep, r.metric)} {rep.year}"),
                     fmt_rank(r.overall_rank, rep.data.n_units, lang), f"{int(r.difference):+d}",
                     t(f"verdict_{r.verdict}", lang)])
    parts.append(grid([t("metric", lang), t("rank", lang), t("col_overall_rank", lang), t("col_difference", lang),
                       t("col_verdict", lang)], rows, numeric=[1, 2, 3],
                      row_classes=[r.verdict for r in st.itertuples()],
                      caption=t("sw_caption", lang, name=rep.name, year=rep.year)))
    parts.append(notes.box())
    return Section("strengths", rep.title("strengths"), tuple(parts))
