"""Section "Targets": each DTI target of the province's plans, its status from published figures, what it
rests on, what it takes, and the plan's own words with their source.

Shown only when the province has a target (the shipped ``data/targets.csv``, ``--targets FILE`` or the
notebook parameter ``targets``); a report without one has no such section, as a report of the 63 has no
"former provinces".

>>> from dti_helpers.sections.province import setup
>>> html = targets(setup("Bắc Giang", 2022, "en")).html()
>>> "By 2025: DTI in the national top 15" in html and "Not yet assessed" in html
True
>>> targets(setup("Lào Cai", 2022)) is None
True
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from dti_helpers.analysis.province import metrics_for_year
from dti_helpers.analysis.provenance import note_text
from dti_helpers.analysis.targets import assess
from dti_helpers.core.labels import fmt_number, fmt_rank, fmt_score, t
from dti_helpers.data.origin import SOURCE_KINDS, host, parse_file_ref
from dti_helpers.data.targets import KINDS, Target
from dti_helpers.sections.kit import not_published, source_links, source_row
from dti_helpers.sections.parts import DoubtNotes, Inline, Link, Part, Section, Span, Strong, Text, environment
from dti_helpers.sections.province.common import grid, metric_label, score_cell, signed
from dti_helpers.sections.province.peers import peer_cell

TEMPLATE = "targets.html.j2"


@dataclass(frozen=True)
class TargetCard:
    """The view data of one target's card: statement, status, body parts, source and quote."""

    statement: str
    status: str
    status_text: str
    body: tuple
    source: Any
    quote: str = ""
    quote_intro: str = ""


@dataclass(frozen=True)
class TargetCards(Part):
    """The cards of the targets section, rendered by ``templates/targets.html.j2``.

    >>> card = TargetCard("By 2025: top 15", "not_assessed", "Not yet assessed", (Text("a < b"),), "src")
    >>> html = str(TargetCards((card,)))
    >>> 'class="target status-not_assessed"' in html and "a &lt; b" in html
    True
    """

    cards: tuple
    kind: ClassVar[str] = "targets"

    def __html__(self) -> str:
        return str(environment().get_template(TEMPLATE).module.targets(self))


def _set_name(unit_set: str, lang: str) -> str:
    return t(f"tg_set_{unit_set}", lang)


def statement(target: Target, lang: str) -> str:
    """What the target asks, in the report's language.

    >>> from dti_helpers.data.targets import load_targets
    >>> statement(load_targets()[0], "vi")
    'Đến năm 2025: DTI thuộc nhóm 15 tỉnh, thành phố dẫn đầu cả nước (top 15, hạng 1–15/34)'
    >>> statement(load_targets()[6], "en")
    'By 2025: a DTI score of at least 0.8000 (800/1,000 points)'
    """
    value = target.value
    fields = {"year": target.target_year, "of": target.n_units}
    if target.kind == "rank_at_most":
        fields["n"] = int(value)
    elif target.kind == "score_at_least":
        fields.update(score=fmt_score(value, lang), points=fmt_number(value * 1000, lang))
    elif target.kind == "indices_in_top":
        fields.update(k=int(value), n=8, m=target.within)
    else:
        fields.update(first=target.from_year, p=int(value))
        if value == 1:
            return t("tg_stmt_improve_one_place", lang, **fields)
    return t(f"tg_stmt_{target.kind}", lang, **fields)


def figure_text(fig: dict, lang: str, notes: DoubtNotes) -> Inline:
    """One published figure in words (year, unit, rank of N, score), marked † when doubtful, with its sources.

    >>> from dti_helpers.analysis.targets import figure
    >>> str(figure_text(figure(load_dti(), "34", "56", 2024), "en", DoubtNotes("en")))[:44]
    'Khánh Hòa ranked 16/34 in 2024, score 0.7071'
    """
    rank = fmt_rank(fig["rank"], fig["n"], lang) if fig["rank"] is not None else None
    score = fmt_score(fig["score"], lang) if fig["score"] is not None else None
    key = "tg_fig" if rank and score else "tg_fig_rank" if rank else "tg_fig_score"
    words = t(key, lang, year=fig["year"], name=fig["name"], rank=rank, score=score)
    marked = notes.mark(words, fig["doubtful"], note_text(fig, lang), f"{fig['name']} {fig['year']}")
    kind = fig.get("source_kind")
    said = t("tg_sources_kind", lang, kind=t(f"tg_kind_{kind}", lang)) if kind in SOURCE_KINDS else ""
    links = source_links(fig["sources"], lang)
    source = Span(Inline(("(", Inline(tuple(x for x in (said, links) if x), sep=" "), ")")), "muted")
    return Inline((marked, source), sep=" ")


def _names(rep, metrics) -> str:
    return ", ".join(metric_label(rep, m) for m in metrics) or t("tg_none", rep.lang)


def _basis(rep, target: Target, a: dict, notes: DoubtNotes) -> list:
    """The lines saying what the status rests on, or why the target cannot be assessed yet."""
    lang, year = rep.lang, target.target_year
    lines = []
    if a["reason"] == "year":
        last = max(rep.data.years(target.unit_set))
        lines.append(Text(t("tg_why_year", lang, year=year, set=_set_name(target.unit_set, lang), last=last)))
    elif a["reason"] == "figure":
        key = "tg_why_score" if target.kind == "score_at_least" else "tg_why_rank"
        lines.append(Text(t(key, lang, year=year, name=target.name)))
    if target.kind == "indices_in_top" and a["reason"] == "indices":
        lines.append(Text(t("tg_why_indices", lang, in_top=len(a["in_top"]), k=int(target.value), m=target.within,
                            names=_names(rep, a["in_top"]), missing=_names(rep, a["missing"]))))
    elif target.kind == "indices_in_top" and a["reason"] != "year":
        lines.append(Text(t("tg_indices_count", lang, m=target.within, year=year, in_top=len(a["in_top"]),
                            n=a["n_indices"], names=_names(rep, a["in_top"]))))
    elif target.kind == "improve_places_per_year":
        lines.extend(_steps(rep, target, a, notes))
    elif a["status"] != "not_assessed":
        lines.append(Text(Inline((t("tg_rests", lang), figure_text(a["figures"][0], lang, notes)), sep=" ")))
    if a["status"] == "not_assessed" and target.kind in ("rank_at_most", "score_at_least"):
        latest = a["latest"]
        lines.append(Text(Inline((t("tg_latest", lang), figure_text(latest, lang, notes)), sep=" ")) if latest
                     else Text(t("tg_latest_none", lang, name=target.name, set=_set_name(target.unit_set, lang))))
    return lines


def _steps(rep, target: Target, a: dict, notes: DoubtNotes) -> list:
    """A yearly target's compared years (a table of the published ones) and the years still missing."""
    lang, n = rep.lang, target.n_units
    lines, rows = [], []
    for s in a["steps"]:
        if s["state"] not in ("ok", "short"):
            continue
        cells = []
        for fig in (s["prev"], s["now"]):
            what = f"{fig['name']} {fig['year']}"
            cells.append(notes.mark(fmt_rank(fig["rank"], n, lang), fig["doubtful"], note_text(fig, lang), what))
        rows.append([str(s["year"]), *cells, f"{s['change']:+d}", t(f"tg_step_{s['state']}", lang)])
    if rows:
        lines.append(grid([t("year", lang), t("tg_col_prev", lang), t("tg_col_now", lang), t("col_difference", lang),
                           t("col_verdict", lang)], rows, numeric=[1, 2, 3]))
    for state, key in (("missing", "tg_steps_missing"), ("pending", "tg_steps_pending")):
        years = [str(s["year"]) for s in a["steps"] if s["state"] == state]
        if years:
            lines.append(Text(t(key, lang, years=", ".join(years))))
    latest = a["latest"]
    if latest and a["status"] == "not_assessed":
        lines.append(Text(Inline((t("tg_latest", lang), figure_text(latest, lang, notes)), sep=" ")))
    return lines


def _takes(rep, target: Target, a: dict, notes: DoubtNotes) -> list:
    """What it takes: the bar in the target year (or, labelled so, the latest published year)."""
    lang = rep.lang
    if a["status"] == "met":
        return []
    if target.kind == "improve_places_per_year":
        step = next((s for s in a["steps"] if s["state"] == "pending" and s["prev"] and s["prev"]["rank"]), None)
        if step is None:
            return []
        needed = step["prev"]["rank"] - int(target.value)
        return [Text(Strong(t("tg_takes", lang))),
                Text(t("tg_takes_step", lang, year=step["year"], needed=needed, of=target.n_units,
                       prev=step["prev"]["year"], rank=fmt_rank(step["prev"]["rank"], target.n_units, lang)))]
    if a["takes_year"] is None:
        return []
    ref, set_name = a["takes_year"], _set_name(target.unit_set, lang)
    intro = (t("tg_takes_latest", lang, year=target.target_year, ref=ref, set=set_name) if a["takes_latest"]
             else t("tg_takes_year", lang, year=ref, set=set_name))
    lines = [Text(Strong(t("tg_takes", lang))), Text(intro)]
    if target.kind == "score_at_least":
        own = a["takes"][0]["own"]
        if own is None or own["score"] is None:
            lines.append(Text(t("tg_takes_score_np", lang, year=ref, name=target.name)))
        else:
            lines.append(Text(t("tg_takes_score", lang, year=ref, name=target.name, score=fmt_score(own["score"], lang),
                                gap=signed(own["score"] - target.value, lang))))
        return lines
    rank = int(target.value) if target.kind == "rank_at_most" else target.within
    what = t("tg_what_indices" if target.kind == "indices_in_top" else "tg_what_all", lang)
    published = [r for r in a["takes"] if r["bar"] is not None or (r["own"] or {}).get("score") is not None]
    if not published:  # a table of "not published" cells says less than one sentence
        lines.append(Text(t("tg_takes_none", lang, year=ref, n=rank, name=target.name, what=what)))
        return lines
    lines.append(_takes_table(rep, target, a["takes"], ref, rank, notes))
    if len(a["takes"]) < len(_assessed(rep, target, ref)):
        lines.append(Text(t("tg_takes_rest", lang, n=rank, name=target.name)))
    return lines


def _takes_table(rep, target: Target, takes: list[dict], year: int, rank: int, notes: DoubtNotes):
    """Per metric: the score of the unit at the target rank, the unit's own score (rank), and the gap."""
    lang = rep.lang
    rows = []
    for r in takes:
        what = f"{metric_label(rep, r['metric'])} {year}"
        held = r["holders"]
        doubtful = any(h["doubtful"] for h in held) and r["bar"] is not None
        bar = notes.mark(score_cell(r["bar"], lang), doubtful, "; ".join(note_text(h, lang) for h in held), what)
        if held:
            bar = Inline((bar, Span(f"({', '.join(h['name'] for h in held)})", "muted")), sep=" ")
        own = r["own"] or {}
        own_cell = notes.mark(peer_cell(own.get("score"), own.get("rank"), lang), bool(own.get("doubtful")),
                              note_text(own, lang) if own else "", f"{target.name}, {what}")
        gap = signed(-r["gap"], lang) if r["gap"] is not None else not_published(lang)
        rows.append([metric_label(rep, r["metric"]), bar, own_cell, gap])
    return grid([t("metric", lang), t("tg_col_bar", lang, n=rank), t("tg_col_own", lang, name=target.name),
                 t("tg_col_gap", lang, n=rank)], rows, numeric=[1, 2, 3])


def _assessed(rep, target: Target, year: int) -> list[str]:
    metrics = metrics_for_year(rep.data, year)
    if target.kind == "indices_in_top":
        return [m for m in metrics if rep.data.metrics.at[m, "kind"] == "index"]
    return metrics


def _source(target: Target, lang: str):
    """Where the target is written: the plan's name and a link to the page, or the analyst's file and row."""
    bits = [t("tg_source", lang)]
    if target.document:
        bits.append(target.document)
    if target.source_url:
        bits.append(Link(target.source_url, host(target.source_url) or target.source_url))
    ref = parse_file_ref(target.origin) if target.origin else None
    if target.user:
        bits.append(Span(f"({t('tg_user', lang)}{': ' + source_row(ref, lang) if ref else ''})", "muted"))
    return Inline(tuple(bits), sep=" ")


def card(rep, target: Target, notes: DoubtNotes) -> TargetCard:
    """One target's card.

    >>> from dti_helpers.sections.province import setup
    >>> rep = setup("Bắc Giang", 2022, "en")
    >>> c = card(rep, rep.shown_targets[0], DoubtNotes("en"))
    >>> c.status, c.status_text
    ('not_assessed', 'Not yet assessed')
    """
    lang = rep.lang
    a = assess(rep.data, target)
    body = []
    if target.set_by and target.set_by != target.name:
        body.append(Text(t("tg_set_by", lang, former=target.set_by, unit=target.name, year=target.target_year)))
    body += _basis(rep, target, a, notes)
    body += _takes(rep, target, a, notes)
    return TargetCard(statement(target, lang), a["status"], t(f"tg_status_{a['status']}", lang), tuple(body),
                      _source(target, lang), target.note, t("tg_quote", lang) if target.note else "")


def targets(rep) -> Section | None:
    """The targets section; ``None`` (nothing shown) when the province has no target.

    >>> from dti_helpers.sections.province import setup
    >>> targets(setup("Bắc Giang", 2022, "en")).title
    '7. Targets'
    """
    shown = rep.shown_targets
    if not shown:
        return None
    lang = rep.lang
    notes = DoubtNotes(lang)
    ordered = sorted(shown, key=lambda x: (x.target_year, KINDS.index(x.kind)))
    parts = [Text(t("tg_intro", lang))]
    if any(x.unit_set == "34" for x in shown):
        parts.append(Text(t("tg_rule_sets", lang)))
    if any(x.kind == "improve_places_per_year" for x in shown):
        parts.append(Text(t("tg_rule_yearly", lang)))
    parts.append(TargetCards(tuple(card(rep, x, notes) for x in ordered)))
    parts.append(notes.box())
    return Section("targets", rep.title("targets"), tuple(parts))
