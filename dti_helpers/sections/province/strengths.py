"""Section 6 (strengths): pillars and indices in the top or bottom tenth, or clearly off the overall rank.

>>> from dti_helpers.sections.province import setup
>>> html = strengths(setup("Bắc Giang", 2020, "en")).html()
>>> "10 places" in html and "Digital society" in html and "rank 1 to 6 of 63" in html
True
"""
from __future__ import annotations

from dti_helpers.analysis import province as an, strengths as sw
from dti_helpers.analysis.provenance import note_text
from dti_helpers.core.labels import fmt_rank, t
from dti_helpers.sections.parts import DoubtNotes, Section, Text
from dti_helpers.sections.kit import not_published
from dti_helpers.sections.province.common import grid, metric_label, rank_cell


def rule(rep) -> str:
    """The strengths rule in one sentence, with the report's unit set (6 of 63, 3 of 34).

    >>> from dti_helpers.sections.province import setup
    >>> "rank 1 to 3 of 34" in rule(setup("24", 2024, "en", units="34"))
    True
    """
    n = rep.data.n_units
    top = sw.tenth(n)
    return t("sw_rule", rep.lang, margin=sw.STRENGTH_MARGIN, top=top, bottom=n - top + 1, n=n)


def places(difference: int) -> str:
    """A difference in places with its sign (a true minus sign; no sign for 0).

    >>> places(5), places(-15), places(0)
    ('+5', '−15', '0')
    """
    return f"{difference:+d}".replace("-", "\u2212") if difference else "0"


def _verdict(lang: str, verdict: str, why: str) -> str:
    word = t(f"verdict_{verdict}", lang)
    return t("verdict_why", lang, verdict=word, why=t(f"why_{why}", lang, margin=sw.STRENGTH_MARGIN)) if why else word


def strengths(rep) -> Section:
    """Section 6: strengths and weaknesses by the stated rule, from published ranks only.

    >>> from dti_helpers.sections.province import setup
    >>> strengths(setup("Hà Giang", None, "en")).id
    'strengths'
    >>> "Strengths: Digital government (1)" in strengths(setup("Đà Nẵng", 2021, "en")).html()
    True
    """
    lang, n = rep.lang, rep.data.n_units
    st = sw.strengths(rep.data, rep.code, rep.year)
    overall = st.attrs.get("overall_rank")
    parts = [Text(rule(rep))]
    if st.empty:
        key = "sw_no_overall" if overall is None else "sw_nothing"
        parts.append(Text(t(key, lang, year=rep.year, rank=fmt_rank(overall, n, lang))))
        return Section("strengths", rep.title("strengths"), tuple(parts))
    if overall is None:
        parts.append(Text(t("sw_no_overall_tenth", lang, year=rep.year)))
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
                     notes.mark(fmt_rank(r.rank, n, lang), doubtful, note_text(sc.loc[r.metric], lang),
                                f"{metric_label(rep, r.metric)} {rep.year}"),
                     rank_cell(r.overall_rank, lang, n),
                     not_published(lang) if overall is None else places(int(r.difference)),
                     _verdict(lang, r.verdict, r.why)])
    parts.append(grid([t("metric", lang), t("rank", lang), t("col_overall_rank", lang), t("col_difference", lang),
                       t("col_verdict", lang)], rows, numeric=[1, 2, 3],
                      row_classes=[r.verdict for r in st.itertuples()],
                      caption=t("sw_caption", lang, name=rep.name, year=rep.year)))
    parts.append(notes.box())
    return Section("strengths", rep.title("strengths"), tuple(parts))
