"""The "former provinces" section of a 34-unit report: each predecessor's published figures, side by side.

Ranks there are ranks of the 63 and are labelled so; they are never drawn on an axis with ranks of
the 34, and the predecessors are never averaged into the unit's own figure.

>>> from dti_helpers.sections.province import setup
>>> html = former_provinces(setup("Bắc Ninh", 2024, "en", units="34")).html()
>>> "Bắc Giang" in html and "0.3615" in html and "(10)" in html
True
>>> former_provinces(setup("Bắc Giang", 2020)) is None
True
"""
from __future__ import annotations

from dti_helpers.analysis import lineage
from dti_helpers.analysis.provenance import note_text
from dti_helpers.core.labels import fmt_list, t
from dti_helpers.sections.parts import DoubtNotes, Section, Text
from dti_helpers.sections.province.common import PILLARS, grid, metric_label
from dti_helpers.sections.province.peers import peer_cell


def former_provinces(rep, metrics=("dti", *PILLARS)) -> Section | None:
    """The unit's former provinces, 2020–2024, one column each; ``None`` for a report of the 63.

    ``None`` shows nothing in a notebook, so the shipped notebook calls this for every report.
    ``metrics`` are the rows shown of each year (the brief: the DTI alone).

    >>> from dti_helpers.sections.province import setup
    >>> former_provinces(setup("Lâm Đồng", 2024, "en", units="34")).title
    '6. Former provinces and cities'
    """
    if rep.data.units != "34":
        return None
    lang = rep.lang
    former = lineage.former_provinces(rep.data, rep.code, metrics)
    codes = list(dict.fromkeys(former.code))
    names = {c: former.loc[former.code == c, "name"].iloc[0] for c in codes}
    if len(codes) > 1:
        intro = t("former_intro_merged", lang, name=rep.name, n=len(codes), members=fmt_list(names.values(), lang))
    else:
        former_name = next(iter(names.values()), rep.name)
        intro = t("former_intro_kept" if former_name == rep.name else "former_intro_renamed", lang, name=rep.name,
                  former=former_name)
    parts = [Text(intro), Text(t("former_caution", lang, name=rep.name))]
    if former.empty:  # data of the 34 alone (an official table of a later year): nothing of the 63 to show
        parts.append(Text(t("former_none", lang)))
        return Section("former", rep.title("former"), tuple(parts))
    notes = DoubtNotes(lang)
    rows, years = [], []
    for (year, metric), group in former.groupby(["year", "metric"], sort=False):
        cells = [str(year), metric_label(rep, metric)]
        by_code = group.set_index("code")
        for code in codes:
            r = by_code.loc[code]
            what = f"{names[code]}, {metric_label(rep, metric)} {year}"
            cells.append(notes.mark(peer_cell(r.score, r["rank"], lang), bool(r.doubtful), note_text(r, lang), what))
        rows.append(cells)
        years.append(year)
    parts.append(grid([t("year", lang), t("metric", lang), *names.values()], rows,
                      caption=t("former_caption", lang, name=rep.name), numeric=range(2, 2 + len(codes)),
                      row_classes=["current" if y == rep.year else "" for y in years]))
    parts.append(Text(t("former_cell_help", lang)))
    parts.append(notes.box())
    return Section("former", rep.title("former"), tuple(parts))
