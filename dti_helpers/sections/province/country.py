"""Section 4 (country): every province's DTI rank, this province and its peers highlighted, and a tile map.

>>> from dti_helpers.sections.province import setup
>>> html = country(setup("Thanh Hóa", 2022, "en")).html()
>>> html.count("svg width=") == 2 and "15/63" in html and 'class="tile-key"' in html
True
"""
from __future__ import annotations

from dti_helpers import charts
from dti_helpers.analysis import province as an
from dti_helpers.core.labels import fmt_rank, t
from dti_helpers.sections.keys import rank_tips, tile_key
from dti_helpers.sections.kit import chart
from dti_helpers.sections.parts import DoubtNotes, Section, Text
from dti_helpers.sections.province.common import figure_note, isna


def chart_labels(lang: str, n: int = 63, kind: str = "province") -> dict:
    """The words of the country charts (ladder and tile map) for a set of ``n`` units, in the report's language;
    the report's own unit is named by its ``kind`` ("city" or "province").

    >>> chart_labels("en")["not_published"], chart_labels("vi", kind="city")["focus"]
    ('not published', 'Thành phố báo cáo')
    """
    focus = "chart_focus_city" if kind == "city" else "chart_focus"
    return {"peers": t("chart_peers", lang), "others": t("chart_other_provinces", lang),
            "rank_axis": t("chart_rank_axis_better_left", lang, n=n), "focus": t(focus, lang),
            "colorbar": t("chart_dti_rank", lang), "not_published": t("not_published", lang)}


def marked_names(doubt, n: int, lang: str) -> Text:
    """The line under the rank ladder naming every unit marked † on it (a mark alone names no one).

    >>> import pandas as pd
    >>> from dti_helpers.sections.plain import plain_text
    >>> plain_text(marked_names(pd.DataFrame({"name": ["A"], "rank": [7]}), 63, "en")).endswith("care): A (7/63).")
    True
    """
    items = ", ".join(f"{r.name} ({fmt_rank(int(r.rank), n, lang)})" for r in doubt.sort_values("rank").itertuples())
    return Text(t("ladder_marked", lang, items=items), "chart-note")


def position(rep, co, notes: DoubtNotes) -> list[Text]:
    """The coverage of the year's ranking and where the province stands in it (ties named), its doubt marked.

    ``co`` is :func:`~dti_helpers.analysis.province.country` of the report's year.

    >>> from dti_helpers.sections.province import setup
    >>> rep = setup("Thanh Hóa", 2022, "en")
    >>> from dti_helpers.sections.plain import plain_text
    >>> plain_text(position(rep, an.country(rep.data, 2022), DoubtNotes("en"))[1])
    'Thanh Hóa ranked 15/63 in 2022. Tied with: Yên Bái.'
    """
    lang = rep.lang
    n_rank = int(co["rank"].notna().sum())
    n_score = int(co.score.notna().sum())
    me = co[co.code == rep.code].iloc[0]
    parts = [Text(t("country_coverage", lang, year=rep.year, n_rank=n_rank, n_score=n_score, n=rep.data.n_units))]
    if isna(me["rank"]):
        parts.append(Text(t("country_focus_np", lang, name=rep.name, year=rep.year)))
        return parts
    tied = co[(co["rank"] == me["rank"]) & (co.code != rep.code)]
    text = t("country_focus", lang, name=rep.name, rank=fmt_rank(int(me["rank"]), rep.data.n_units, lang),
             year=rep.year)
    if not tied.empty:
        text += " " + t("country_tied", lang, names=", ".join(tied.name))
    parts.append(Text(notes.mark_text(text, bool(me.doubtful), figure_note(rep, rep.year, "dti"), f"DTI {rep.year}")))
    return parts


def with_tips(rep, co):
    """The year's ranks with the tooltip of each unit's mark (:func:`~dti_helpers.sections.keys.rank_tips`).

    >>> from dti_helpers.sections.province import setup
    >>> rep = setup("Thanh Hóa", 2022, "en")
    >>> "tip" in with_tips(rep, an.country(rep.data, 2022))
    True
    """
    return co.assign(tip=rank_tips(co, rep.year, rep.data.n_units, rep.lang))


def tile_map(rep, co, peer_codes, doubt) -> list:
    """The tile map of the year's DTI ranks, this province outlined (and its peers, when given), and its key.

    ``co`` carries the tooltips (:func:`with_tips`).

    >>> from dti_helpers.sections.province import setup
    >>> rep = setup("Thanh Hóa", 2022, "en")
    >>> co = with_tips(rep, an.country(rep.data, 2022))
    >>> [type(p).__name__ for p in tile_map(rep, co, [], co[co.doubtful])][0]
    'Chart'
    """
    lang = rep.lang
    me = co[co.code == rep.code].iloc[0]
    tiles = charts.TILES_34 if rep.data.units == "34" else charts.TILES
    words = chart_labels(lang, rep.data.n_units, rep.data.provinces.at[rep.code, "kind"])
    ax = charts.tile_map(co, tiles=tiles, focus=rep.code, peers=peer_codes, doubtful=set(doubt.code), labels=words)
    alt = t("alt_map", lang, year=rep.year, name=rep.name, n=int(co["rank"].notna().sum()),
            rank=fmt_rank(me["rank"], rep.data.n_units, lang)) + doubt_alt(doubt, lang)
    return [chart(ax, alt=alt, caption=t("map_caption", lang, year=rep.year, n=rep.data.n_units)),
            tile_key(tiles, dict(zip(co.code, co.name)), lang)]


def doubt_alt(doubt, lang: str) -> str:
    """The words a chart's alt text adds for the doubtful ranks it marks ("" when none).

    >>> import pandas as pd
    >>> doubt_alt(pd.DataFrame({"name": ["A"], "rank": [7]}), "en")[:10]
    ' Doubtful '
    """
    return (" " + t("alt_doubtful", lang, items=", ".join(f"{r.name} {int(r.rank)}" for r in doubt.itertuples()))
            if not doubt.empty else "")


def doubt_notes(rep, doubt, notes: DoubtNotes) -> None:
    """Adds the notes of the other provinces' doubtful ranks (the charts mark them) to ``notes``.

    >>> from dti_helpers.sections.province import setup
    >>> rep, notes = setup("Thanh Hóa", 2022, "en"), DoubtNotes("en")
    >>> co = an.country(rep.data, 2022)
    >>> doubt_notes(rep, co[co.doubtful & co["rank"].notna()], notes); notes.items[0][:13]
    'Kon Tum: DTI '
    """
    for r in doubt[doubt.code != rep.code].itertuples():
        notes.mark("", True, figure_note(rep, rep.year, "dti", r.code), f"{r.name}: DTI {rep.year}")


def country(rep) -> Section:
    """Section 4: every province's DTI rank with this province and its peers highlighted, and a tile map.

    >>> from dti_helpers.sections.province import setup
    >>> country(setup("Bắc Giang", 2020, "en")).id
    'country'
    """
    lang = rep.lang
    co = an.country(rep.data, rep.year)
    pe = an.peers(rep.data, rep.code, rep.year, rep.params.peers)
    peer_codes = [c for c in pe.code if c != rep.code]
    n_rank = int(co["rank"].notna().sum())
    me = co[co.code == rep.code].iloc[0]
    notes = DoubtNotes(lang)
    parts = position(rep, co, notes)
    doubt = co[co.doubtful & co["rank"].notna()]
    if n_rank == 0:
        parts.append(Text(t("country_no_chart", lang, year=rep.year)))
        parts.append(notes.box())
        return Section("country", rep.title("country"), tuple(parts))
    ranked = co[co["rank"].notna()]
    words = chart_labels(lang, rep.data.n_units, rep.data.provinces.at[rep.code, "kind"])
    co = with_tips(rep, co)
    ax = charts.rank_ladder(co, focus=rep.code, peers=peer_codes, doubtful=set(doubt.code), n=rep.data.n_units,
                            labels=words)
    top = ", ".join(f"{r.name} {int(r.rank)}" for r in ranked.head(3).itertuples())
    alt = t("alt_ladder", lang, year=rep.year, n=n_rank, name=rep.name,
            rank=fmt_rank(me["rank"], rep.data.n_units, lang), top=top,
            peers=", ".join(f"{r.name} {fmt_rank(r.dti_rank, None, lang)}"
                            for r in pe.itertuples() if r.code != rep.code) or "—") + doubt_alt(doubt, lang)
    parts.append(chart(ax, alt=alt, caption=t("ladder_caption", lang, year=rep.year)))
    if not doubt.empty:
        parts.append(marked_names(doubt, rep.data.n_units, lang))
    parts.extend(tile_map(rep, co, peer_codes, doubt))
    doubt_notes(rep, doubt, notes)
    parts.append(notes.box())
    return Section("country", rep.title("country"), tuple(parts))
