"""Section 7 (data notes): a source for every figure, what is missing, the method, data version, parameters.

>>> from dti_helpers.sections.province import setup
>>> html = data_notes(setup("Bắc Giang", 2020, "en")).html()
>>> "0.4 × digital government" in html and "baobacgiang.com.vn" in html
True
"""
from __future__ import annotations

import pandas as pd

import dti_helpers
from dti_helpers.analysis import dates, lineage, province as an
from dti_helpers.analysis.provenance import note_text
from dti_helpers.core.labels import fmt_rank, t
from dti_helpers.core.schema import FIGURES_KEY
from dti_helpers.data.origin import parse_file_ref, split_sources
from dti_helpers.sections import kit
from dti_helpers.sections.dates import date_rows, publishers_text
from dti_helpers.sections.kit import not_published
from dti_helpers.sections.parts import Cite, Code, DoubtNotes, Group, Heading, Inline, References, Section, Span, \
    Text
from dti_helpers.sections.province.common import grid, metric_label, rank_cell, score_cell
from dti_helpers.sections.province.shown import figure_rows, shown_figures
from dti_helpers.sections.province.strengths import rule as strength_rule


class Citations:
    """Numbers each source URL once, in order of first citation, for the report's source list.

    >>> c = Citations("en")
    >>> [x.n for x in c.cite("https://a.vn | https://b.vn").pieces], c.cite("https://a.vn").pieces[0].n
    ([1, 2], 1)
    >>> c.cite("")
    'no source'
    """

    def __init__(self, lang: str):
        self.lang = lang
        self.refs: dict[str, int] = {}

    def cite(self, sources, rows: bool = True):
        pieces = []
        for entry in split_sources(sources):
            ref = parse_file_ref(entry)
            # A file is one reference however many of its rows are cited; the cell names the row.
            n = self.refs.setdefault(kit.source_text(entry, self.lang), len(self.refs) + 1)
            pieces.append(Cite(n) if ref is None or ref.row is None or not rows
                          else Inline((Cite(n), t("ref_row", self.lang, row=ref.row)), sep=" "))
        return Inline(tuple(pieces), sep=" ") if pieces else t("no_source", self.lang)

    def references(self) -> References:
        return References(tuple((n, url) for url, n in self.refs.items()))


def _others_table(rep, others: pd.DataFrame, cites: Citations, notes: DoubtNotes):
    lang = rep.lang
    kinds: dict[tuple[int, int, str], dict] = {}
    order = rep.data.metrics["order"]
    for r in others.itertuples():
        entry = kinds.setdefault((r.year, int(order[r.metric]), r.metric), {"codes": set(), "links": []})
        entry["codes"].add(r.province_code)
        entry["links"].append(r.sources)
        if r.doubtful:
            notes.mark("", True, note_text(r, lang), f"{r.province}: {metric_label(rep, r.metric)} {r.year}")
    orows = []
    for (yr, _, metric), entry in sorted(kinds.items()):
        urls = list(dict.fromkeys(u for s_ in entry["links"] for u in str(s_ or "").split(" | ") if u))
        orows.append([f"{metric_label(rep, metric)} {yr}", str(len(entry["codes"])),
                      cites.cite(" | ".join(urls), rows=False)])
    return grid([t("metric", lang), t("col_n_provinces", lang), t("col_sources", lang)], orows,
                numeric=[1], caption=t("dn_others_caption", lang, year=rep.year))


def published_key(has_score: bool, has_rank: bool) -> str | None:
    """The label of what is published of one figure (score and rank, rank only, score only), None for nothing.

    >>> published_key(False, True), published_key(False, False)
    ('miss_rank_only', None)
    """
    if has_score and has_rank:
        return "miss_both"
    return "miss_rank_only" if has_rank else "miss_score_only" if has_score else None


def missing_part(rep) -> Group:
    """What is missing, per metric and year: heading, count sentence and table.

    >>> from dti_helpers.sections.province import setup
    >>> "not published" in missing_part(setup("Hà Giang", None, "en")).__html__()
    True
    """
    lang = rep.lang
    mi = an.missing(rep.data, rep.code)
    years = sorted(mi.year.unique())
    metrics = [m for m in rep.data.metrics.index if m in set(mi.metric)]
    state = {(r.year, r.metric): (r.has_score, r.has_rank) for r in mi.itertuples()}
    rows = []
    n_missing = 0
    for m in metrics:
        cells = [metric_label(rep, m)]
        for y in years:
            if (y, m) not in state:
                cells.append(Span(t("miss_not_assessed", lang), "muted"))
                continue
            key = published_key(*state[(y, m)])
            if key is None:
                n_missing += 1
                cells.append(not_published(lang))
            else:
                cells.append(t(key, lang))
        rows.append(cells)
    intro = t("dn_missing_intro", lang, name=rep.name, n=n_missing)
    return Group((Heading(t("dn_missing", lang)), Text(intro),
                  grid([t("metric", lang)] + [str(y) for y in years], rows, cls="data missing",
                       caption=t("dn_missing_caption", lang, name=rep.name))))


def missing_summary(rep) -> Group:
    """What is published, per year, in words (the brief's appendix): a table of "not published" cells
    would say the same at length. Everything not listed is not published.

    >>> from dti_helpers.sections.province import setup
    >>> html = missing_summary(setup("Hà Nam", 2022, "en")).__html__()
    >>> "2022: DTI (rank only)" in html and "2020, 2021, 2023, 2024: nothing published" in html
    True
    """
    lang = rep.lang
    mi = an.missing(rep.data, rep.code)
    lines, empty = [], []
    for year, rows in mi.groupby("year"):
        items = [f"{metric_label(rep, r.metric)} ({t(published_key(r.has_score, r.has_rank), lang)})"
                 for r in rows.itertuples() if r.has_score or r.has_rank]
        if items:
            lines.append(Text(t("dn_missing_brief_year", lang, year=year, items=", ".join(items))))
        else:
            empty.append(str(year))
    if empty:
        lines.append(Text(t("dn_missing_brief_none", lang, years=", ".join(empty))))
    n = int((~mi.has_score).sum() + (~mi.has_rank).sum())
    return Group((Heading(t("dn_missing", lang)), Text(t("dn_missing_brief_intro", lang, name=rep.name, n=n)),
                  *lines))


def _params_table(rep, cites: Citations):
    """Dates (results published, the data's date, the build), then the parameters and the data version."""
    lang, p = rep.lang, rep.params
    data_name = kit.data_label(rep.data, lang)
    when = date_rows(dates.report_dates(rep.data, p.year, p.build_epoch), lang, cites.cite)
    params = [
        (t("param_province", lang), t("param_province_value", lang, name=p.name, code=p.code) if p.province == p.name
         else t("param_province_asked", lang, name=p.name, code=p.code, asked=p.province)),
        (t("param_year", lang), t("param_year_latest", lang, year=p.year) if p.latest else str(p.year)),
        *([(t("param_units", lang), t("param_units_34", lang))] if p.units == "34" else []),
        (t("param_lang", lang), p.lang),
        (t("param_peers", lang), f"{p.peers} ({t('peers_name_' + p.peers, lang)})" if not p.chosen_peers else
         f"{', '.join(rep.data.provinces.at[c, 'name'] for c in p.peers)} ({t('peers_name_list', lang)})"),
        (t("param_layout", lang), t(f"layout_{rep.layout}{'_auto' if p.layout == 'auto' else ''}", lang)),
        (t("param_data", lang), data_name),
        (t("param_version", lang), rep.data.version),
        (t("param_software", lang), f"dti-reports {dti_helpers.__version__}"),
    ]
    return grid([t("col_parameter", lang), t("col_value", lang)],
                [[k, v] for k, v in when] + [[k, Code(v)] for k, v in params], cls="data params")


def data_notes(rep) -> Section:
    """The last section: a source for every figure, what is missing, the method, data version and parameters.

    >>> from dti_helpers.sections.province import setup
    >>> data_notes(setup("Bắc Giang", 2020, "en")).id
    'notes'
    """
    lang = rep.lang
    rows_shown = figure_rows(rep)
    own, others = rows_shown
    nat = an.national_sources(rep.data, rep.year)
    cites = Citations(lang)
    notes = DoubtNotes(lang)
    rows = []
    for r in own.itertuples():
        what = f"{metric_label(rep, r.metric)} {r.year}"
        note = note_text(r, lang)
        rows.append([str(r.year), metric_label(rep, r.metric),
                     notes.mark(score_cell(r.score, lang), r.doubtful, note, what),
                     notes.mark(rank_cell(r.rank, lang, rep.data.n_units), r.doubtful, note, what), cites.cite(r.sources),
                     note if note and not r.doubtful else ""])
    parts = [Heading(t("dn_sources", lang)), Text(t("dn_sources_intro", lang, name=rep.name))]
    parts.append(grid([t("year", lang), t("metric", lang), t("score", lang), t("rank", lang), t("col_sources", lang),
                       t("col_note", lang)], rows, numeric=[2, 3], caption=t("dn_own_caption", lang, name=rep.name)))
    if not nat.empty:
        nrows = [[str(r.year), metric_label(rep, r.metric), score_cell(r.score, lang), cites.cite(r.sources),
                  note_text(r, lang)] for r in nat.itertuples()]
        parts.append(grid([t("year", lang), t("metric", lang), t("national_mean", lang), t("col_sources", lang),
                           t("col_note", lang)], nrows, numeric=[2],
                          caption=t("dn_national_caption", lang, year=rep.year)))
    if rep.data.units == "63":
        parts.extend(_successor_tables(rep, cites, notes))
    else:
        parts.extend(_former_tables(rep, cites, notes))
    if not others.empty:
        table = _others_table(rep, others, cites, notes)
        parts.extend((Text(t("dn_others_intro_brief" if rep.is_brief else "dn_others_intro", lang)), table))
    params = _params_table(rep, cites)  # before the list: the page giving the publication date is a source too
    missing = missing_summary(rep) if rep.is_brief else missing_part(rep)
    parts.extend((Heading(t("dn_reflist", lang)), cites.references(), notes.box(), missing,
                  Heading(t("dn_method", lang))))
    keys = ["method_source", "method_2020", "method_2021", "method_ranks", "method_changes", "method_stats",
            "method_honesty"]
    if rep.data.units == "34":
        keys.insert(6, "method_region_34")
    if rep.is_brief:  # a brief shows no score change, group statistic, peer or region median
        keys = [k for k in keys if k not in ("method_changes", "method_stats", "method_region_34")]
    publishers = publishers_text(dates.publishers(rep.data), lang)
    for key in keys:
        parts.append(Text(t(key, lang, n=rep.data.n_units, publishers=publishers)))
    if not rep.is_brief:  # a brief shows no strengths, so states no rule for them
        parts.insert(len(parts) - 1, Text(strength_rule(rep)))  # before the honesty paragraph
    parts.extend((Heading(t("dn_params", lang)), params))
    # the figures cited here, recorded for the report's downloads (render/download.py)
    return Section("notes", rep.title("notes"), tuple(parts),
                   meta={FIGURES_KEY: shown_figures(rep, rows_shown)})


def _successor_tables(rep, cites, notes) -> list:
    """A former province's successor and its published 34-unit figures (empty when none are published)."""
    lang, succ = rep.lang, lineage.successor(rep.data, rep.code)
    srows = [[str(f["year"]), succ["name"],
              notes.mark(score_cell(f["score"], lang), f["doubtful"], note_text(f, lang), f"{succ['name']} {f['year']}"),
              notes.mark(fmt_rank(f["rank"], succ["n_units"], lang), f["doubtful"], note_text(f, lang),
                         f"{succ['name']} {f['year']}"), cites.cite(" | ".join(f["sources"]))]
             for f in succ["figures"] if f["score"] is not None or f["rank"] is not None]
    if not srows:
        return []
    return [grid([t("year", lang), t("province", lang), t("score", lang), t("rank", lang), t("col_sources", lang)],
                 srows, numeric=[2, 3], caption=t("dn_successor_caption", lang, successor=succ["name"]))]


def _former_tables(rep, cites, notes) -> list:
    """Every published figure of a unit's former provinces, ranks of 63, each with its sources."""
    lang = rep.lang
    former = lineage.former_provinces(rep.data, rep.code)
    shown = former[former.score.notna() | former["rank"].notna()]
    rows = []
    for r in shown.itertuples():
        what, note = f"{r.name}, {metric_label(rep, r.metric)} {r.year}", note_text(r, lang)
        rows.append([str(r.year), r.name, metric_label(rep, r.metric),
                     notes.mark(score_cell(r.score, lang), r.doubtful, note, what),
                     notes.mark(rank_cell(r.rank, lang, r.n_units), r.doubtful, note, what), cites.cite(r.sources)])
    if not rows:
        return []
    return [grid([t("year", lang), t("province", lang), t("metric", lang), t("score", lang), t("rank", lang),
                  t("col_sources", lang)], rows, numeric=[3, 4], caption=t("dn_former_caption", lang, name=rep.name))]

