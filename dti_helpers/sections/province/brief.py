"""The short brief: the report of a province-year whose only published figure is its DTI rank.

Instead of pages of "not published" cells, a brief says why it is short, then gives the rank (of N),
the ranks of the other years (rank changes only within one unit set), the map of the country, the
successor's figures after the July 2025 merger (or a unit's former provinces), the province's
targets, a short source list, and the full data notes as an appendix.

The layout is decided once, by :class:`~dti_helpers.sections.province.params.Report` (``rep.is_brief``,
from the ``layout`` parameter and the data); each section call of the notebook then renders its brief
form, or nothing (:func:`by_layout`), so the notebook's cells are the same for both layouts.

>>> from dti_helpers.sections.province import setup
>>> html = headline(setup("Hà Nam", 2022, "en")).html()
>>> "only the DTI rank of Hà Nam has been published" in html and "34/63" in html
True
"""
from __future__ import annotations

from dataclasses import replace

from dti_helpers.analysis import lineage, province as an, thin
from dti_helpers.analysis.provenance import note_text
from dti_helpers.core.labels import fmt_rank, fmt_score, t
from dti_helpers.data.origin import parse_file_ref, split_sources
from dti_helpers.sections.kit import source_row
from dti_helpers.sections.parts import DoubtNotes, Inline, Kpi, Kpis, Link, References, Section, Span, Text
from dti_helpers.sections.province.common import change_doubt, grid, rank_cell, rank_move, rank_move_key, \
    score_cell, unit_noun
from dti_helpers.sections.province.country import doubt_notes, position, tile_map, with_tips
from dti_helpers.sections.province.former import former_provinces
from dti_helpers.sections.province.headline import merger_lines


def by_layout(full, brief=None):
    """One section call of the notebook: ``full(rep)`` in a full report, ``brief(rep)`` in a brief; a missing
    form shows nothing (``None``).

    >>> from dti_helpers.sections.province import setup
    >>> from dti_helpers.sections.province.scorecard import scorecard
    >>> call = by_layout(scorecard)
    >>> call(setup("Hà Nam", 2022)) is None, call(setup("Hà Nam", 2022, layout="full")).id
    (True, 'scorecard')
    """
    def call(rep):
        form = brief if rep.is_brief else full
        return form(rep) if form is not None else None

    named = full or brief
    call.__name__ = call.__qualname__ = named.__name__
    doc = (named.__doc__ or "").strip().splitlines()[0]
    shown = "its brief form" if brief is not None else "nothing"
    call.__doc__ = f"{doc}\n\nIn a brief (``rep.is_brief``) it shows {shown}." if full else \
        f"{doc}\n\nIn a full report it shows nothing."
    return call


def why(rep) -> Text:
    """Why the report is short, in words that say only what the data say.

    >>> from dti_helpers.sections.province import setup
    >>> str(why(setup("Hà Nam", 2022)))[21:-4]
    'Năm 2022, Hà Nam mới chỉ có thứ hạng DTI được công bố; điểm DTI và các chỉ số thành phần chưa có số liệu công bố. Vì vậy đây là bản tóm lược; nguồn và ghi chú đầy đủ về số liệu ở phụ lục.'
    >>> str(why(setup("Đà Nẵng", 2021, "en", layout="brief")))[21:70]
    'This is the short brief, as asked (parameter layo'
    """
    lang = rep.lang
    if rep.params.layout == "brief":
        return Text(t("brief_why_asked", lang), "brief-why")
    return Text(" ".join((t("brief_why_rank_only", lang, year=rep.year, name=rep.name), t("brief_holds", lang))),
                "brief-why")


def _this_year(rep) -> dict | None:
    return next((h for h in thin.rank_history(rep.data, rep.code) if h["year"] == rep.year), None)


def _change(h: dict | None, rep, notes: DoubtNotes, lines: list):
    """The change card's value and sentence: a rank change since the previous ranked year, never a score change.
    Without an earlier rank the card says so, and the rank history which years have none."""
    lang = rep.lang
    if h is None or h["prev_year"] is None:
        return Span(t("no_prev", lang), "kpi-text")
    doubt, note = change_doubt({**h, "year": h["year"]}, lang)
    what = t("doubt_change", lang, prev_year=h["prev_year"], year=h["year"], what="DTI")
    lines.append(notes.mark_text(t(rank_move_key(h["rank_change"], "hl_rank"), lang, prev_year=h["prev_year"],
                                   prev=fmt_rank(h["prev_rank"], h["n_units"], lang), k=abs(h["rank_change"]),
                                   noun=unit_noun(rep)), doubt, note, what))
    value = notes.mark(rank_move(h["rank_change"], lang), doubt, note, what)
    return Inline((value, Span(t("since_year", lang, year=h["prev_year"]), "kpi-sub")))


def _successor_kpi(rep, notes: DoubtNotes) -> Kpi | None:
    """The successor's latest 34-unit figure as a card (a report of the 63 only)."""
    if rep.data.units != "63":
        return None
    lang, s = rep.lang, lineage.successor(rep.data, rep.code)
    if not s["figures"]:
        return None
    f = s["figures"][-1]
    if f["rank"] is None:
        sub = t("kpi_successor_np", lang, year=f["year"])
    else:
        sub = notes.mark(t("kpi_successor_figure", lang, year=f["year"], rank=fmt_rank(f["rank"], s["n_units"], lang)),
                         f["doubtful"], note_text(f, lang), f"{s['name']} {f['year']}")
    return Kpi(t("kpi_successor", lang), Inline((s["name"], Span(sub, "kpi-sub"))))


def headline(rep) -> Section:
    """The brief's first section: why it is short, the DTI rank (of N), its change where comparable, the
    successor's figures after the July 2025 merger (or what a unit was formed from), and the map of the country.

    >>> from dti_helpers.sections.province import setup
    >>> html = headline(setup("Hà Nam", 2022)).html()
    >>> "34/63" in html and "Ninh Bình" in html and "Sau sắp xếp 7/2025" in html
    True
    """
    lang = rep.lang
    h = an.headline(rep.data, rep.code, rep.year)
    notes = DoubtNotes(lang)
    # the cards hold the rank (and a published score): the brief does not say it again in a sentence
    lines = [] if h["rank"] is not None else [t("country_focus_np", lang, name=rep.name, year=rep.year)]
    change = _change(_this_year(rep), rep, notes, lines)
    if h["national_mean"] is not None:  # the ministry's mean, when it published one
        lines.append(t("hl_mean", lang, year=rep.year, mean=fmt_score(h["national_mean"], lang)))
    if h["doubtful"]:
        lines.append(t("hl_doubtful", lang, note=note_text(h, lang)))
    lines.extend(merger_lines(rep, notes))
    doubtful = h["doubtful"]
    kpis = [Kpi(t("kpi_rank", lang), notes.mark(rank_cell(h["rank"], lang, rep.data.n_units),
                                                doubtful and h["rank"] is not None, note_text(h, lang), "DTI"))]
    if h["score"] is not None:
        kpis.append(Kpi(t("kpi_score", lang), notes.mark(score_cell(h["score"], lang), doubtful, note_text(h, lang),
                                                         "DTI")))
    kpis.append(Kpi(t("kpi_change", lang), change))
    successor = _successor_kpi(rep, notes)
    if successor is not None:
        kpis.append(successor)
    chart, *key = country_map(rep, notes) or [None]
    key = [replace(k, columns=3) for k in key]  # printed beside the map: half the page's width
    # the map right after why the report is short: on a wide page it stands at the right of the cards, the
    # sentences and its key (report.css, paged.css), so that page 1 holds the whole summary
    parts = (why(rep), *([chart] if chart else []), Kpis(tuple(kpis)), *(Text(line) for line in lines), notes.box(),
             *key)
    return Section("headline", rep.title("headline"), parts, cls="brief")


def country_map(rep, notes: DoubtNotes) -> list:
    """The tile map of the year's DTI ranks and its key, the other provinces' doubtful ranks noted in ``notes``;
    nothing when the year has no published rank.

    >>> from dti_helpers.sections.province import setup
    >>> [type(p).__name__ for p in country_map(setup("Hà Nam", 2022, "en"), DoubtNotes("en"))]
    ['Chart', 'TileKey']
    """
    co = with_tips(rep, an.country(rep.data, rep.year))
    if not co["rank"].notna().any():
        return []
    doubt = co[co.doubtful & co["rank"].notna()]
    doubt_notes(rep, doubt, notes)
    return tile_map(rep, co, [], doubt)


def cover(full_cover):
    """The brief form of the title block: the same, marked as a brief's (a PDF of three pages needs no
    table of contents: ``paged.css`` leaves it out; the page keeps it).

    >>> from dti_helpers.sections.province import setup
    >>> from dti_helpers.sections.province.headline import cover as title_block
    >>> cover(title_block)(setup("Hà Nam", 2022, "en")).cls
    'brief'
    """
    def brief_cover(rep) -> Section:
        return replace(full_cover(rep), cls="brief")

    brief_cover.__name__ = full_cover.__name__
    return brief_cover


def country(rep) -> Section:
    """The brief's rank in the country and over the years: the year's coverage, where the province stands
    (ties named) and its rank history; the map is in the brief's first section, beside its summary.

    >>> from dti_helpers.sections.province import setup
    >>> html = country(setup("Hà Nam", 2022, "en")).html()
    >>> "<svg" in html, "ranked 34/63 in 2022" in html, "No rank published for: 2020" in html
    (False, True, True)
    """
    lang = rep.lang
    co = an.country(rep.data, rep.year)
    notes = DoubtNotes(lang)
    parts = position(rep, co, notes)
    if not co["rank"].notna().any():
        parts.append(Text(t("country_no_chart", lang, year=rep.year)))
    parts.extend(ranks(rep, notes))
    parts.append(notes.box())
    return Section("country", rep.title("country"), tuple(parts), cls="brief")


def ranks(rep, notes: DoubtNotes) -> list:
    """The brief's rank history: the DTI rank of every year it was published, with the change since the
    previous ranked year (ranks of one unit set compare across the 2021 method change; scores do not).

    >>> from dti_helpers.sections.province import setup
    >>> from dti_helpers.sections.plain import plain_text
    >>> "".join(map(plain_text, ranks(setup("Hà Nam", 2022, "en"), DoubtNotes("en"))))
    'No rank published for: 2020, 2021, 2023, 2024.'
    >>> plain_text(ranks(setup("Bà Rịa - Vũng Tàu", 2023, "en", layout="brief"), DoubtNotes("en"))[0])
    'The DTI rank of Bà Rịa - Vũng Tàu is published for 2022 only: 28/63.'
    >>> html = "".join(map(str, ranks(setup("Thanh Hóa", 2022, "en"), DoubtNotes("en"))))
    >>> "down 3 places (since 2021)" in html
    True
    """
    lang, n = rep.lang, rep.data.n_units
    history = thin.rank_history(rep.data, rep.code)
    ranked = [h["year"] for h in history]
    missing = [y for y in rep.data.years() if y not in ranked]
    if not history:
        parts = [Text(t("rh_none", lang, name=rep.name))]
    elif len(history) == 1 and history[0]["year"] == rep.year:  # the sentence above states it: say what is missing
        parts = []
    elif len(history) == 1:
        h = history[0]
        parts = [Text(notes.mark_text(t("rh_one_year", lang, name=rep.name, year=h["year"],
                                        rank=fmt_rank(h["rank"], n, lang)),
                                      h["doubtful"], note_text(h, lang), f"DTI {h['year']}"))]
    else:
        rows = []
        for h in history:
            rank = notes.mark(fmt_rank(h["rank"], n, lang), h["doubtful"], note_text(h, lang), f"DTI {h['year']}")
            if h["prev_year"] is None:
                change = Span(t("no_prev", lang), "muted")
            else:
                doubt, note = change_doubt(h, lang)
                change = notes.mark(t("rh_change", lang, move=rank_move(h["rank_change"], lang), year=h["prev_year"]),
                                    doubt, note, t("doubt_change", lang, prev_year=h["prev_year"], year=h["year"],
                                                   what="DTI"))
            rows.append([str(h["year"]), rank, change])
        parts = [Text(t("rh_intro", lang, name=rep.name, n=n)),
                 grid([t("year", lang), t("kpi_rank", lang), t("rh_col_change", lang)], rows, numeric=[1],
                      caption=t("rh_caption", lang, name=rep.name),
                      row_classes=["current" if h["year"] == rep.year else "" for h in history])]
        if any(h["method_change"] for h in history):
            parts.append(Text(t("rh_method", lang)))
    if missing and history:
        parts.append(Text(t("trend_missing_years", lang, years=", ".join(map(str, missing)))))
    return parts


def former(rep) -> Section | None:
    """The brief's former provinces (a report of the 34): their DTI of each year, ranks of the 63.

    >>> from dti_helpers.sections.province import setup
    >>> sec = former(setup("Điện Biên", 2024, "en", units="34"))
    >>> sec.id, "Digital government" in sec.html()
    ('former', False)
    """
    sec = former_provinces(rep, metrics=("dti",))
    return None if sec is None else replace(sec, cls="brief")


def _links(sources, lang: str):
    """A source cell that shows each address (a short list has room for it), or names the analyst's file."""
    pieces = []
    for entry in (sources if isinstance(sources, list) else split_sources(sources)):
        ref = parse_file_ref(entry)
        pieces.append(Link(entry, entry) if ref is None else source_row(ref, lang))
    return Inline(tuple(pieces), sep=" · ") if pieces else t("no_source", lang)


def sources(rep) -> Section:
    """The brief's short source list: the sources of the province's own figures it states, of its successor's
    (or former provinces') figures and of the national mean; the rest are in the appendix.

    >>> from dti_helpers.sections.province import setup
    >>> html = sources(setup("Hà Nam", 2022, "en")).html()
    >>> "https://dti.gov.vn/xep-hang-2022" in html and "Ninh Bình" not in html  # its 2024 rank is not published
    True
    >>> "Lào Cai (After the July 2025 merger): DTI rank 2024" in sources(setup("Lào Cai", 2022, "en")).html()
    True
    """
    lang, n = rep.lang, rep.data.n_units
    rows = []
    for h in thin.rank_history(rep.data, rep.code):
        rows.append([f"{rep.name}: {t('kpi_rank', lang)} {h['year']}", fmt_rank(h["rank"], n, lang),
                     _links(h["sources"], lang)])
    hl = an.headline(rep.data, rep.code, rep.year)
    if hl["score"] is not None:
        rows.append([f"{rep.name}: {t('kpi_score', lang)} {rep.year}", fmt_score(hl["score"], lang),
                     _links(hl["sources"], lang)])
    nat = an.national_sources(rep.data, rep.year)
    for r in nat[nat.metric == "dti"].itertuples():
        rows.append([t("src_national_mean", lang, year=rep.year), fmt_score(r.score, lang), _links(r.sources, lang)])
    if rep.data.units == "63":
        s = lineage.successor(rep.data, rep.code)
        for f in s["figures"]:  # the sources of published figures: "not published" has none
            if f["rank"] is not None:
                rows.append([f"{s['name']} ({t('kpi_successor', lang)}): {t('kpi_rank', lang)} {f['year']}",
                             fmt_rank(f["rank"], s["n_units"], lang), _links(f["sources"], lang)])
    else:
        former_rows = lineage.former_provinces(rep.data, rep.code, ("dti",))
        for r in former_rows[former_rows["rank"].notna()].itertuples():
            rows.append([f"{r.name}: {t('kpi_rank', lang)} {r.year}", fmt_rank(r.rank, r.n_units, lang),
                         _links(r.sources, lang)])
    parts = [Text(t("src_intro", lang))]
    parts.append(grid([t("src_col_figure", lang), t("src_col_value", lang), t("col_sources", lang)], rows,
                      numeric=[1], caption=t("src_caption", lang), cls="data figure-sources") if rows
                 else Text(t("src_none", lang)))
    return Section("sources", rep.title("sources"), tuple(parts), cls="brief")


def appendix(data_notes):
    """The brief form of the data notes: the same full notes, as an appendix after the brief.

    >>> from dti_helpers.sections.province import setup
    >>> from dti_helpers.sections.province.notes import data_notes
    >>> sec = appendix(data_notes)(setup("Hà Nam", 2022, "en"))
    >>> sec.title, sec.cls
    ('Appendix: Data notes', 'appendix')
    """
    def notes(rep) -> Section:
        sec = data_notes(rep)
        # printed small in three columns (report.css): the list of sources is most of the appendix
        parts = tuple(replace(p, columns=3) if isinstance(p, References) else p for p in sec.parts)
        return replace(sec, parts=parts, cls="appendix")

    notes.__name__ = data_notes.__name__
    return notes
