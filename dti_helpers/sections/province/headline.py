"""The title block and section 1 (headline): score, rank, change, national mean and the 2025 merger.

>>> from dti_helpers.sections.province import setup
>>> html = headline(setup("Bắc Giang", 2020, "en")).html()
>>> "0.3615" in html and "10/63" in html
True
"""
from __future__ import annotations

from dti_helpers.analysis import dates, lineage, province as an
from dti_helpers.analysis.provenance import note_text
from dti_helpers.core.labels import fmt_list, fmt_rank, fmt_score, t
from dti_helpers.sections.dates import dates_line
from dti_helpers.sections.kit import downloads
from dti_helpers.sections.parts import DoubtNotes, Inline, Kpi, Kpis, Link, Section, Span, Text
from dti_helpers.sections.province.common import change_doubt, rank_cell, rank_move, rank_move_key, region_name, \
    score_cell, signed, unit_noun


def cover(rep) -> Section:
    """The report's title block (level-1 heading): subtitle, lede (naming the year's publisher) and the
    dates line (results published, data version and its date, build date); its metadata names the document.

    >>> from dti_helpers.sections.province import setup
    >>> sec = cover(setup("24", 2020, "en"))
    >>> sec.title, sec.parts[2].content.split(" · ")[0]
    ('Digital Transformation Index 2020: Bắc Giang', '2020 results published on 19 October 2021')

    A report built with its figures as CSV or XLSX (``params.downloads``) links them under the lede:

    >>> from dataclasses import replace
    >>> rep = setup("24", 2020, "en")
    >>> rep = replace(rep, params=replace(rep.params, downloads=(("csv", "../csv/bac-giang-2020-en.csv"),)))
    >>> cover(rep).html().endswith('Download the figures: <a href="../csv/bac-giang-2020-en.csv">CSV</a></p></section>')
    True
    """
    p, lang = rep.params, rep.lang
    title = t("report_title", lang, name=p.name, year=p.year)
    subtitle = "report_subtitle" if p.units == "63" else "report_subtitle_34"
    when = dates.report_dates(rep.data, p.year, p.build_epoch)
    parts = (Text(t(subtitle, lang, region=region_name(rep), year=p.year), "subtitle"),
             Text(t("report_lede", lang, publisher=t(when["published"]["publisher"], lang)), "lede"),
             Text(dates_line(when, lang), "lede dates"))
    if p.downloads:
        parts += (downloads(p.downloads, lang),)
    meta = {"dti_report": {"lang": lang, "title": title, "province": p.name, "code": p.code, "year": p.year,
                           "slug": p.slug, "header": t("running_header", lang, name=p.name, year=p.year)}}
    return Section("top", title, parts, level=1, meta=meta)


def merger_lines(rep, notes: DoubtNotes | None = None) -> list:
    """What became of the province in the July 2025 merger, and its successor's 34-unit figures
    (a doubtful figure marked, its note in ``notes``); for a unit of the 34, what it was formed from.

    >>> from dti_helpers.sections.province import setup
    >>> merger_lines(setup("da-nang", 2022))[0]
    'Ngày 1/7/2025, TP. Đà Nẵng hợp nhất với Quảng Nam, giữ tên TP. Đà Nẵng.'
    >>> merger_lines(setup("Quảng Nam", 2022, "en"))[0]
    'On 1 July 2025, Quảng Nam merged with TP. Đà Nẵng; the merged city is called TP. Đà Nẵng.'
    >>> merger_lines(setup("Cao Bằng", 2022, "en"))[0], merger_lines(setup("Huế", 2022, "en"))[0][-40:]
    ('Cao Bằng was not merged in the reorganisation of 1 July 2025.', 'it is now TP. Huế, a centrally-run city.')
    >>> merger_lines(setup("24", 2024, "en", units="34"))[0][:68]
    'Bắc Ninh was formed on 1 July 2025 by merging Bắc Giang and Bắc Ninh'
    """
    lang = rep.lang
    if rep.data.units == "34":
        members = lineage.predecessor_names(rep.data, rep.code)
        if len(members) > 1:
            return [t("hl_formed", lang, name=rep.name, members=fmt_list(members, lang), section=rep.title("former"))]
        key = "hl_kept" if members == [rep.name] else "hl_kept_renamed"
        return [t(key, lang, name=rep.name, former=members[0], section=rep.title("former"))]
    s = lineage.successor(rep.data, rep.code)
    notes = notes if notes is not None else DoubtNotes(lang)
    lines = [merger_sentence(rep, s)]
    for f in s["figures"]:
        if f["score"] is None and f["rank"] is None:
            lines.append(t("hl_successor_none", lang, year=f["year"], successor=s["name"]))
            continue
        lines.append(notes.mark_text(
            t("hl_successor_figure", lang, year=f["year"], successor=s["name"], score=fmt_score(f["score"], lang),
              rank=fmt_rank(f["rank"], s["n_units"], lang)),
            f["doubtful"], note_text(f, lang), f"{s['name']} {f['year']}"))
    if rep.params.successor_report:
        link = Link(rep.params.successor_report, t("hl_successor_link", lang, successor=s["name"], year=rep.year))
        lines.append(Inline((t("hl_successor_report", lang), link), sep=" "))
    return lines


def merger_sentence(rep, s: dict) -> str:
    """What the 1 July 2025 merger did to a province of the 63, said plainly: not merged; merged and kept
    its name; merged into a unit named after another; or not merged but renamed (Thừa Thiên - Huế).
    ``s`` is :func:`~dti_helpers.analysis.lineage.successor`'s answer.

    >>> from dti_helpers.sections.province import setup
    >>> rep = setup("Bình Thuận", 2022)
    >>> merger_sentence(rep, lineage.successor(rep.data, rep.code))
    'Ngày 1/7/2025, Bình Thuận hợp nhất với Đắk Nông và Lâm Đồng; tỉnh mới mang tên Lâm Đồng.'
    """
    lang, units_34 = rep.lang, rep.data.catalogue.units("34")
    kind = units_34.at[s["code"], "kind"]
    if not s["merged"]:
        if s["name"] == rep.name:
            return t("hl_not_merged", lang, name=rep.name)
        now_city = kind == "city" and rep.data.provinces.at[rep.code, "kind"] != "city"
        return t("hl_not_merged_now_city" if now_city else "hl_not_merged_renamed", lang, name=rep.name,
                 successor=s["name"])
    others = fmt_list([m for m in s["members"] if m != rep.name], lang)
    key = "hl_merged_kept" if s["name"] == rep.name else "hl_merged_into"
    return t(key, lang, name=rep.name, others=others, successor=s["name"], noun=t(f"noun_{kind}", lang))


def _change(rep, h: dict, year: int, lang: str, notes: DoubtNotes, lines: list):
    """The change card's value (a rank change only: a score change is never a headline figure), and the
    change sentences appended to ``lines`` (a score change only between years of the same method)."""
    if h["prev_year"] is None:
        lines.append(t("hl_no_prev" if h["n_units"] == 63 else "hl_no_prev_34", lang))
        return Span(t("no_prev", lang), "kpi-text")
    ch_doubt, ch_note = change_doubt(h, lang)
    ch_what = t("doubt_change", lang, prev_year=h["prev_year"], year=year, what="DTI")
    parts = []
    if h["rank_change"] is not None:
        parts.append(t(rank_move_key(h["rank_change"], "hl_rank"), lang, prev_year=h["prev_year"],
                       prev=fmt_rank(h["prev_rank"], h["n_units"], lang), k=abs(int(h["rank_change"])),
                       noun=unit_noun(rep)))
    if h["score_change"] is not None:
        parts.append(t("hl_score_change", lang, prev_year=h["prev_year"], prev=fmt_score(h["prev_score"], lang),
                       delta=signed(h["score_change"], lang)))
    if not parts:
        prev_bits = [fmt_score(h["prev_score"], lang) if h["prev_score"] is not None else None,
                     fmt_rank(h["prev_rank"], h["n_units"], lang) if h["prev_rank"] is not None else None]
        parts.append(t("hl_prev_not_comparable", lang, prev_year=h["prev_year"],
                       prev=", ".join(b for b in prev_bits if b)))
        ch_doubt = False  # no change is stated, so none to mark
    lines.extend(notes.mark_text(part, ch_doubt, ch_note, ch_what) for part in parts)
    if h["method_change"]:
        lines.append(t("hl_method_change", lang, prev_year=h["prev_year"], year=year))
    if h["rank_change"] is None:
        return Inline((Span(t("not_comparable", lang), "kpi-text"),
                       Span(t("since_year", lang, year=h["prev_year"]), "kpi-sub")))
    value = notes.mark(rank_move(h["rank_change"], lang), ch_doubt, ch_note, ch_what)
    return Inline((value, Span(t("since_year", lang, year=h["prev_year"]), "kpi-sub")))


def headline(rep) -> Section:
    """Section 1: DTI score and rank, change since the previous published year, national mean.

    The cards hold the province's own figures, its rank change and the ministry's national mean:
    no score change and no statistic over a partly published group.

    >>> from dti_helpers.sections.province import setup
    >>> html = headline(setup("Đà Nẵng", 2021, "vi")).html()
    >>> "0,6419" in html and "1/63" in html and "+0,1545" not in html
    True
    """
    lang, h = rep.lang, an.headline(rep.data, rep.code, rep.year)
    name, year = h["name"], h["year"]
    score, rank = h["score"], h["rank"]
    notes = DoubtNotes(lang)
    rank_txt = fmt_rank(rank, rep.data.n_units, lang) if rank is not None else None
    score_txt = fmt_score(score, lang) if score is not None else None
    if score is not None and rank is not None:
        lines = [t("hl_score_rank", lang, year=year, name=name, score=score_txt, rank=rank_txt)]
    elif rank is not None:
        lines = [t("hl_rank_only", lang, year=year, name=name, rank=rank_txt)]
    elif score is not None:
        lines = [t("hl_score_only", lang, year=year, name=name, score=score_txt)]
    else:
        lines = [t("hl_none", lang, year=year, name=name)]
    change_cell = _change(rep, h, year, lang, notes, lines)
    mean = h["national_mean"]
    lines.append(t("hl_mean", lang, year=year, mean=fmt_score(mean, lang)) if mean is not None
                 else t("hl_mean_np", lang, year=year))
    if h["doubtful"]:
        lines.append(t("hl_doubtful", lang, note=note_text(h, lang)))
    lines.extend(merger_lines(rep, notes))
    kpis = (
        # "not published" is never doubtful: only a figure that is shown carries the mark
        Kpi(t("kpi_score", lang), notes.mark(score_cell(score, lang), h["doubtful"] and score is not None,
                                             note_text(h, lang), "DTI")),
        Kpi(t("kpi_rank", lang), notes.mark(rank_cell(rank, lang, rep.data.n_units), h["doubtful"] and rank is not None,
                                            note_text(h, lang), "DTI")),
        Kpi(t("kpi_change", lang), change_cell),
        Kpi(t("national_mean", lang), score_cell(mean, lang)),
    )
    parts = (Kpis(kpis), *(Text(line) for line in lines), notes.box())
    return Section("headline", rep.title("headline"), parts)
