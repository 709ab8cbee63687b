"""Sections of the province report: one call per section, each returning a :class:`Section`.

A section is a heading, a short narrative written from :mod:`dti_helpers.labels`,
and its tables and figures. It displays inline in JupyterLab (``_repr_html_``)
and carries its id and title as output metadata, from which the exported HTML
builds its table of contents (:mod:`dti_helpers.render`).

Every section adapts to what the data hold: a figure that is not published is
said to be so in words, a chart is drawn only when it has something to show,
and a doubtful figure is marked with its note. Nothing is filled in.

>>> rep = setup("Bắc Giang", 2020, "en")
>>> sec = headline(rep)
>>> "0.3615" in sec.html() and "10/63" in sec.html()
True
"""
from __future__ import annotations

import base64
import html as _html
import math
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dti_helpers.analysis import province as an
from dti_helpers.charts import theme as charts
from dti_helpers.data.load import DTIData, load_dti
from dti_helpers.core.errors import DTIError
from dti_helpers.core.labels import LANGS, check_lang, fmt_rank, fmt_score, t

PEER_STRATEGIES = an.PEER_STRATEGIES
PILLARS = an.PILLARS
N_UNITS = 63
STRENGTH_MARGIN = 10
DOUBT_MARK = "†"


class ParameterError(DTIError):
    """A report parameter is not valid (language, peer strategy, year); one-line message.

    >>> str(ParameterError("unknown language 'fr'; use one of: vi, en"))
    "unknown language 'fr'; use one of: vi, en"
    """


# ---------------------------------------------------------------- parameters

@dataclass(frozen=True)
class ReportParams:
    """The resolved parameters of one report (what the data notes print)."""

    province: str
    code: str
    name: str
    slug: str
    year: int
    year_requested: int | None
    lang: str
    peers: str
    data_path: str | None

    @property
    def stem(self) -> str:
        """File name stem of the report's outputs.

        >>> resolve_params(load_dti(), "24", 2020).stem
        'bac-giang-2020-vi'
        """
        return f"{self.slug}-{self.year}-{self.lang}"


def _coerce_year(year) -> int | None:
    if year is None or (isinstance(year, str) and year.strip().lower() in ("", "none", "latest")):
        return None
    if isinstance(year, float) and math.isnan(year):
        return None
    try:
        value = int(str(year).strip())
    except ValueError:
        raise ParameterError(f"year '{year}' is not a year; give e.g. 2022, or None for the latest") from None
    return value


def resolve_params(data: DTIData, province, year=None, lang: str = "vi", peers: str = "region",
                   data_path=None) -> ReportParams:
    """Check and resolve the report parameters; raise a one-line :class:`DTIError` on a bad one.

    ``year=None`` means the latest year with a published figure for the province.

    >>> p = resolve_params(load_dti(), "Ha Giang")
    >>> p.code, p.year
    ('02', 2022)
    >>> resolve_params(load_dti(), "Hà Giang", 2020)
    Traceback (most recent call last):
    ...
    dti_helpers.sections.province.ParameterError: no published DTI figure for Hà Giang in 2020; years with data: 2022
    >>> resolve_params(load_dti(), "24", lang="fr")
    Traceback (most recent call last):
    ...
    dti_helpers.sections.province.ParameterError: unknown language 'fr'; use one of: vi, en
    """
    if lang not in LANGS:
        raise ParameterError(f"unknown language '{lang}'; use one of: {', '.join(LANGS)}")
    if peers not in PEER_STRATEGIES:
        raise ParameterError(f"unknown peer strategy '{peers}'; use one of: {', '.join(PEER_STRATEGIES)}")
    if province is None or str(province).strip() == "":
        raise ParameterError("no province given; give a name, slug or GSO code, e.g. 'Bắc Giang'")
    code = data.catalogue.resolve(province)
    prov = data.provinces.loc[code]
    years = an.years_with_data(data, code)
    requested = _coerce_year(year)
    if not years:
        raise ParameterError(f"no published DTI figure for {prov['name']} in any year")
    if requested is None:
        chosen = years[-1]
    elif requested not in years:
        raise ParameterError(f"no published DTI figure for {prov['name']} in {requested}; "
                             f"years with data: {', '.join(map(str, years))}")
    else:
        chosen = requested
    return ReportParams(str(province), code, prov["name"], prov["slug"], int(chosen), requested, lang, peers,
                        None if data_path in (None, "") else str(data_path))


@dataclass(frozen=True)
class Report:
    """The data and resolved parameters every section builder takes."""

    data: DTIData
    params: ReportParams

    @property
    def code(self) -> str:
        return self.params.code

    @property
    def year(self) -> int:
        return self.params.year

    @property
    def lang(self) -> str:
        return self.params.lang

    @property
    def name(self) -> str:
        return self.params.name

    def _repr_html_(self) -> str:
        return cover(self).html()


def setup(province="Quảng Ninh", year=None, lang: str = "vi", peers: str = "region", data_path=None) -> Report:
    """Load the data and resolve the parameters: the first call of the report notebook.

    >>> rep = setup("da-nang", 2021, "en")
    >>> rep.code, rep.year, rep.lang
    ('48', 2021, 'en')
    """
    if lang not in LANGS:  # before loading anything: the cheapest error first
        raise ParameterError(f"unknown language '{lang}'; use one of: {', '.join(LANGS)}")
    data = load_dti(data_path)
    return Report(data, resolve_params(data, province, year, lang, peers, data_path))


# ---------------------------------------------------------------- HTML pieces

def esc(text) -> str:
    """HTML-escape any value as text.

    >>> esc("a < b")
    'a &lt; b'
    """
    return _html.escape(str(text), quote=True)


@dataclass
class Section:
    """One report section: displays inline in Jupyter and exports with its TOC entry.

    >>> s = Section("x", "Title", "<p>Body</p>")
    >>> s.html()
    '<section id="x" class="report-section"><h2>Title</h2><p>Body</p></section>'
    """

    id: str
    title: str
    body: str
    level: int = 2
    meta: dict = field(default_factory=dict)

    def html(self) -> str:
        return (f'<section id="{esc(self.id)}" class="report-section">'
                f"<h{self.level}>{esc(self.title)}</h{self.level}>{self.body}</section>")

    def _repr_html_(self) -> str:
        return self.html()

    def _repr_mimebundle_(self, include=None, exclude=None):
        meta = {"dti_section": {"id": self.id, "title": self.title, "level": self.level}, **self.meta}
        return {"text/html": self.html(), "text/plain": self.title}, meta


def _np(lang: str) -> str:
    return f'<span class="np">{esc(t("not_published", lang))}</span>'


def _isna(value) -> bool:
    return value is None or bool(pd.isna(value))


def _score(value, lang: str) -> str:
    return _np(lang) if _isna(value) else esc(fmt_score(float(value), lang))


def _rank(value, lang: str, of: int | None = N_UNITS) -> str:
    return _np(lang) if _isna(value) else esc(fmt_rank(int(value), of, lang))


def _signed(value: float, lang: str) -> str:
    sign = "+" if value > 0 else "\u2212" if value < 0 else "±"
    return sign + fmt_score(abs(value), lang)


def _rank_move(change, lang: str) -> str:
    change = int(change)
    if change > 0:
        return t("rank_up", lang, k=change)
    if change < 0:
        return t("rank_down", lang, k=-change)
    return t("rank_same", lang)


def _change_doubt(row, lang: str) -> tuple[bool, str]:
    """Whether a change rests on a doubtful figure at either end, and the notes of those ends.

    ``row`` has doubtful, note(_vi), prev_doubtful, prev_note(_vi), prev_year and (for a
    headline dict) year.
    """
    get = row.get if isinstance(row, dict) else lambda k, d=None: getattr(row, k, d)
    notes = []
    if get("prev_doubtful", False):
        prev_note = _note_text({"note": get("prev_note", ""), "note_vi": get("prev_note_vi", "")}, lang)
        notes.append(f"{int(get('prev_year'))}: {prev_note}" if prev_note else str(int(get("prev_year"))))
    if get("doubtful", False):
        note = _note_text(row, lang)
        year = get("year", None)
        notes.append(f"{int(year)}: {note}" if year is not None and note else note)
    return bool(notes), "; ".join(n for n in notes if n)


def _note_text(row, lang: str) -> str:
    """The data note of a row (dict, named tuple or Series) in the report's language."""
    get = row.get if isinstance(row, dict) else lambda k, d="": getattr(row, k, d)
    vi = get("note_vi", "")
    text = vi if lang == "vi" and isinstance(vi, str) and vi else get("note", "")
    return text if isinstance(text, str) else ""


class _Notes:
    """Footnotes for doubtful figures within one section."""

    def __init__(self, lang: str):
        self.lang = lang
        self.items: list[str] = []

    def mark(self, cell_html: str, doubtful: bool, note: str | None, what: str) -> str:
        if not doubtful:
            return cell_html
        self.items.append(f"{what}: {note}" if note else what)
        return f'<span class="doubtful">{cell_html}<sup>{DOUBT_MARK}</sup></span>'

    def mark_text(self, text: str, doubtful: bool, note: str | None, what: str) -> str:
        """Plain text, escaped and marked when doubtful (as HTML that :func:`_p` keeps)."""
        return _Raw(self.mark(esc(text), doubtful, note, what))

    def html(self) -> str:
        if not self.items:
            return ""
        lis = "".join(f"<li>{esc(item)}</li>" for item in dict.fromkeys(self.items))
        return (f'<div class="doubt-notes"><p>{DOUBT_MARK} {esc(t("doubtful_intro", self.lang))}</p>'
                f"<ul>{lis}</ul></div>")


def table(head: list[str], rows: list[list[str]], *, caption: str | None = None, numeric=(),
          row_classes: list[str] | None = None, cls: str = "data") -> str:
    """A plain HTML5 table (no presentational attributes) inside a scrollable wrapper.

    Cells are HTML already escaped by the caller; ``numeric`` are the column
    positions to right-align.

    >>> table(["a", "b"], [["1", "2"]], numeric=[1])
    '<div class="table-wrap"><table class="data"><thead><tr><th scope="col">a</th><th scope="col" class="num">b</th></tr></thead><tbody><tr><td>1</td><td class="num">2</td></tr></tbody></table></div>'
    """
    num = [' class="num"' if i in set(numeric) else "" for i in range(len(head))]
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    ths = "".join(f'<th scope="col"{num[i]}>{esc(h)}</th>' for i, h in enumerate(head))
    body = []
    for r, row in enumerate(rows):
        rc = row_classes[r] if row_classes else ""
        tds = "".join(f"<td{num[i]}>{c}</td>" for i, c in enumerate(row))
        body.append(f'<tr class="{rc}">{tds}</tr>' if rc else f"<tr>{tds}</tr>")
    return (f'<div class="table-wrap"><table class="{cls}">{cap}<thead><tr>{ths}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>')


def figure(ax, alt: str, caption: str | None = None) -> str:
    """An inline SVG figure (base64 ``<img>`` with alt text) from a chart's axes.

    >>> html = figure(charts.new_axes(2, 1), "an empty test chart")
    >>> html.startswith('<figure class="chart"><img src="data:image/svg+xml;base64,') and 'alt="an empty' in html
    True
    """
    fig = ax.figure
    svg = charts.to_svg(fig)
    w, h = (round(v * 96) for v in fig.get_size_inches())  # CSS px; the SVG itself is in pt
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    cap = f"<figcaption>{esc(caption)}</figcaption>" if caption else ""
    return (f'<figure class="chart"><img src="data:image/svg+xml;base64,{data}" alt="{esc(alt)}" '
            f'width="{w}" height="{h}">{cap}</figure>')


class _Raw(str):
    """Text that is HTML already (a sentence carrying a doubt mark): :func:`_p` does not escape it."""


def _p(text: str) -> str:
    return f"<p>{text}</p>" if isinstance(text, _Raw) else f"<p>{esc(text)}</p>"


def _metric(rep: Report, metric: str, short: bool = True) -> str:
    return rep.data.catalogue.metric_label(metric, rep.lang, short=short)


def _region(rep: Report, code: str | None = None) -> str:
    region = rep.data.provinces.at[code or rep.code, "region"]
    return rep.data.catalogue.region_name(region, rep.lang)


# ---------------------------------------------------------------- sections

def cover(rep: Report) -> Section:
    """The report's title block (level-1 heading); its metadata names the document.

    >>> cover(setup("24", 2020, "en")).title
    'Digital Transformation Index 2020: Bắc Giang'
    """
    p, lang = rep.params, rep.lang
    title = t("report_title", lang, name=p.name, year=p.year)
    body = (f'<p class="subtitle">{esc(t("report_subtitle", lang, region=_region(rep), year=p.year))}</p>'
            f'<p class="lede">{esc(t("report_lede", lang))}</p>')
    meta = {"dti_report": {"lang": lang, "title": title, "province": p.name, "code": p.code, "year": p.year,
                           "slug": p.slug, "header": t("running_header", lang, name=p.name, year=p.year)}}
    return Section("top", title, body, level=1, meta=meta)


def _merger_lines(rep: Report, notes: "_Notes | None" = None) -> list[str]:
    """What became of the province in the July 2025 merger, and its successor's 34-unit figures
    (a doubtful figure marked, its note in ``notes``)."""
    lang, s = rep.lang, an.successor(rep.data, rep.code)
    notes = notes if notes is not None else _Notes(lang)
    if not s["merged"]:
        lines = [t("hl_not_merged", lang, name=rep.name)]
    else:
        lines = [t("hl_merged", lang, name=rep.name, successor=s["name"], members=", ".join(s["members"]))]
    for f in s["figures"]:
        lines.append(notes.mark_text(
            t("hl_successor_figure", lang, year=f["year"], successor=s["name"], score=fmt_score(f["score"], lang),
              rank=fmt_rank(f["rank"], s["n_units"], lang)),
            f["doubtful"], _note_text(f, lang), f"{s['name']} {f['year']}"))
    return lines


def headline(rep: Report) -> Section:
    """Section 1: DTI score and rank, change since the previous published year, national mean.

    >>> html = headline(setup("Đà Nẵng", 2021, "vi")).html()
    >>> "0,6419" in html and "1/63" in html
    True
    """
    lang, h = rep.lang, an.headline(rep.data, rep.code, rep.year)
    name, year = h["name"], h["year"]
    score, rank = h["score"], h["rank"]
    notes = _Notes(lang)
    rank_txt = fmt_rank(rank, N_UNITS, lang) if rank is not None else None
    score_txt = fmt_score(score, lang) if score is not None else None
    if score is not None and rank is not None:
        lines = [t("hl_score_rank", lang, year=year, name=name, score=score_txt, rank=rank_txt)]
    elif rank is not None:
        lines = [t("hl_rank_only", lang, year=year, name=name, rank=rank_txt)]
    elif score is not None:
        lines = [t("hl_score_only", lang, year=year, name=name, score=score_txt)]
    else:
        lines = [t("hl_none", lang, year=year, name=name)]
    if h["prev_year"] is None:
        lines.append(t("hl_no_prev", lang))
        change_cell = f'<span class="kpi-text">{esc(t("no_prev", lang))}</span>'
    else:
        ch_doubt, ch_note = _change_doubt(h, lang)
        ch_what = t("doubt_change", lang, prev_year=h["prev_year"], year=year, what="DTI")
        parts = []
        if h["rank_change"] is not None:
            parts.append(t("hl_rank_change", lang, prev_year=h["prev_year"],
                           prev=fmt_rank(h["prev_rank"], N_UNITS, lang), move=_rank_move(h["rank_change"], lang)))
        if h["score_change"] is not None:
            parts.append(t("hl_score_change", lang, prev_year=h["prev_year"], prev=fmt_score(h["prev_score"], lang),
                           delta=_signed(h["score_change"], lang)))
        if not parts:
            prev_bits = [fmt_score(h["prev_score"], lang) if h["prev_score"] is not None else None,
                         fmt_rank(h["prev_rank"], N_UNITS, lang) if h["prev_rank"] is not None else None]
            parts.append(t("hl_prev_not_comparable", lang, prev_year=h["prev_year"],
                           prev=", ".join(b for b in prev_bits if b)))
            ch_doubt = False  # no change is stated, so none to mark
        lines.extend(notes.mark_text(part, ch_doubt, ch_note, ch_what) for part in parts)
        cell = []
        if h["rank_change"] is not None:
            cell.append(_rank_move(h["rank_change"], lang))
        if h["score_change"] is not None:
            cell.append(_signed(h["score_change"], lang))
        change_cell = (notes.mark(esc("; ".join(cell)), ch_doubt, ch_note, ch_what) if cell
                       else f'<span class="kpi-text">{esc(t("not_comparable", lang))}</span>')
        change_cell += f'<span class="kpi-sub">{esc(t("since_year", lang, year=h["prev_year"]))}</span>'
    mean = h["national_mean"]
    lines.append(t("hl_mean", lang, year=year, mean=fmt_score(mean, lang)) if mean is not None
                 else t("hl_mean_np", lang, year=year))
    if h["doubtful"]:
        lines.append(t("hl_doubtful", lang, note=_note_text(h, lang)))
    lines.extend(_merger_lines(rep, notes))
    kpis = [
        # "not published" is never doubtful: only a figure that is shown carries the mark
        (t("kpi_score", lang), notes.mark(_score(score, lang), h["doubtful"] and score is not None,
                                          _note_text(h, lang), "DTI")),
        (t("kpi_rank", lang), notes.mark(_rank(rank, lang), h["doubtful"] and rank is not None,
                                         _note_text(h, lang), "DTI")),
        (t("kpi_change", lang), change_cell),
        (t("national_mean", lang), _score(mean, lang)),
    ]
    dl = "".join(f'<div class="kpi"><dt>{esc(k)}</dt><dd>{v}</dd></div>' for k, v in kpis)
    body = f'<dl class="kpis">{dl}</dl>' + "".join(_p(line) for line in lines) + notes.html()
    return Section("headline", t("sec_headline", lang), body)


def _change_cell(row, lang: str, notes: "_Notes | None" = None, year: int | None = None,
                 label: str = "") -> str:
    """The change column of the scorecard; marked when either end of the change is doubtful."""
    if pd.isna(row.prev_year):
        return esc(t("no_prev", lang))
    parts = []
    if not pd.isna(row.rank_change):
        parts.append(_rank_move(row.rank_change, lang))
    if not pd.isna(row.score_change):
        parts.append(_signed(row.score_change, lang))
    text = "; ".join(parts) if parts else t("not_comparable", lang)
    cell = esc(text)
    if parts and notes is not None:
        doubt, note = _change_doubt({"prev_doubtful": row.prev_doubtful, "prev_note": row.prev_note,
                                     "prev_note_vi": row.prev_note_vi, "prev_year": row.prev_year,
                                     "doubtful": row.doubtful, "note": row.note, "note_vi": row.note_vi,
                                     "year": year}, lang)
        cell = notes.mark(cell, doubt, note, t("doubt_change", lang, prev_year=int(row.prev_year), year=year,
                                                         what=label))
    return f'{cell} <span class="muted">({int(row.prev_year)})</span>'


def _gap_cell(rep: Report, r, label: str, notes: "_Notes") -> str:
    """Gap to the leader, marked when the province's own figure or a leader's is doubtful."""
    cell = _score(r.gap_to_leader, rep.lang)
    if _isna(r.gap_to_leader):
        return cell
    bits = [_note_text(r, rep.lang)] if r.doubtful else []
    leaders = [c for c in (r.leader_codes or []) if c != rep.code]
    tb = rep.data.table
    for c in leaders:
        hit = tb[(tb.unit_set == "63") & (tb.province_code == c) & (tb.year == rep.year) & (tb.metric == r.metric)]
        if not hit.empty and bool(hit.iloc[0].doubtful):
            bits.append(f"{hit.iloc[0].province}: {_note_text(hit.iloc[0], rep.lang)}")
    return notes.mark(cell, bool(bits), "; ".join(b for b in bits if b),
                      t("doubt_gap", rep.lang, what=f"{label} {rep.year}"))


def scorecard(rep: Report) -> Section:
    """Section 2: pillars (and the eight main indices from 2021) with rank, change, means and the leader.

    Ranks are shown even where scores are not published; an index with
    nothing published is named in a sentence instead of a row of blanks.

    >>> html = scorecard(setup("Bắc Giang", 2020, "vi")).html()
    >>> all(s in html for s in ("0,4455", "7/63", "0,3019", "14/63", "0,3092", "25/63"))
    True
    """
    lang, sc = rep.lang, an.scorecard(rep.data, rep.code, rep.year)
    notes = _Notes(lang)
    has_value = sc.score.notna() | sc["rank"].notna()
    shown = sc[(sc.kind != "index") | has_value]
    hidden = sc[(sc.kind == "index") & ~has_value]
    rows, classes = [], []
    for r in shown.itertuples():
        label = _metric(rep, r.metric)
        what = f"{label} {rep.year}"
        if r.leader_code is None or pd.isna(r.leader_code):
            leader = _np(lang)
        else:
            leader = esc(r.leader_name)
            if r.leader_code == rep.code:
                leader += f' <span class="muted">({esc(t("this_province", lang))})</span>'
            elif not pd.isna(r.leader_score):
                leader += f' <span class="muted">({esc(fmt_score(r.leader_score, lang))})</span>'
        median = _score(r.region_median, lang)
        if not pd.isna(r.region_median):
            median += f' <span class="muted">(n={int(r.region_n)})</span>'
        elif r.region_n:
            median = f'<span class="muted">{esc(t("too_few_published", lang, n=int(r.region_n)))}</span>'
        rows.append([
            esc(label),
            notes.mark(_score(r.score, lang), r.doubtful, _note_text(r, lang), what),
            notes.mark(_rank(r.rank, lang), r.doubtful, _note_text(r, lang), what),
            _change_cell(r, lang, notes, rep.year, label),
            _score(r.national_mean, lang),
            median,
            leader,
            _gap_cell(rep, r, label, notes),
        ])
        classes.append("total" if r.kind == "total" else r.kind)
    head = [t("metric", lang), t("score", lang), t("rank", lang), t("col_change", lang), t("national_mean", lang),
            t("col_region_median", lang), t("col_leader", lang), t("col_gap", lang)]
    parts = [_p(t("sc_intro", lang, year=rep.year, region=_region(rep)))]
    parts.append(table(head, rows, caption=t("sc_caption", lang, name=rep.name, year=rep.year),
                       numeric=[1, 2, 4, 5, 7], row_classes=classes))
    if not hidden.empty:
        names = ", ".join(_metric(rep, m) for m in hidden.metric)
        parts.append(_p(t("sc_indices_np", lang, year=rep.year, names=names)))
    if rep.year < 2021:
        parts.append(_p(t("sc_indices_from_2021", lang)))
    parts.append(notes.html())
    return Section("scorecard", t("sec_scorecard", lang), "".join(parts))


def _peer_cell(score, rank, lang: str) -> str:
    if _isna(score) and _isna(rank):
        return _np(lang)
    if _isna(score):
        return esc(t("rank_n", lang, rank=int(rank)))
    if _isna(rank):
        return esc(fmt_score(score, lang))
    return f'{esc(fmt_score(score, lang))} <span class="muted">({int(rank)})</span>'


def _peer_rule(rep: Report, pe: pd.DataFrame) -> str:
    strategy = pe.attrs.get("strategy", rep.params.peers)
    rule = t(pe.attrs.get("rule") or f"peers_rule_{strategy}", rep.lang, region=_region(rep), k=pe.attrs.get("k", 5))
    if pe.attrs.get("note"):
        rule += " " + t(pe.attrs["note"], rep.lang)
    return rule


def peers(rep: Report) -> Section:
    """Section 3: the province beside its peers, chosen by the stated strategy; table and dot plot.

    >>> html = peers(setup("Bắc Giang", 2022, "en", peers="rank")).html()
    >>> "±5" in html and "<img" in html
    True
    """
    lang = rep.lang
    pe = an.peers(rep.data, rep.code, rep.year, rep.params.peers)
    metrics = ("dti", *PILLARS)
    names = {m: _metric(rep, m) for m in metrics}
    parts = [_p(_peer_rule(rep, pe))]
    value_cols = [f"{m}_{k}" for m in metrics for k in ("score", "rank")]
    listed = pe[pe[value_cols].notna().any(axis=1) | pe.is_focus]
    nothing = pe[~pe.index.isin(listed.index)]
    rows, classes = [], []
    notes = _Notes(lang)
    for r in listed.itertuples():
        name = esc(r.name)
        rows.append([f"<strong>{name}</strong>" if r.is_focus else name]
                    + [notes.mark(_peer_cell(getattr(r, f"{m}_score"), getattr(r, f"{m}_rank"), lang),
                                  bool(getattr(r, f"{m}_doubtful")), _note(rep, rep.year, m, r.code),
                                  f"{r.name}: {names[m]} {rep.year}") for m in metrics])
        classes.append("focus" if r.is_focus else "")
    head = [t("province", lang)] + [names[m] for m in metrics]
    parts.append(table(head, rows, caption=t("peers_caption", lang, year=rep.year, n=len(pe) - 1),
                       numeric=[1, 2, 3, 4], row_classes=classes))
    parts.append(_p(t("peers_cell_help", lang)))
    if not nothing.empty:
        parts.append(_p(t("peers_nothing", lang, year=rep.year, names=", ".join(nothing.name))))
    rank_cols = [f"{m}_rank" for m in metrics]
    with_rank = pe[pe[rank_cols].notna().any(axis=1)]
    without = listed[~listed.index.isin(with_rank.index)]
    if len(with_rank) >= 1:
        ax = charts.peers_plot(pe, lang=lang, metrics=metrics, names=names)
        items = []
        for r in with_rank.itertuples():
            vals = [f"{names[m]} {int(getattr(r, f'{m}_rank'))}" for m in metrics
                    if not _isna(getattr(r, f"{m}_rank"))]
            items.append(f"{r.name}: {', '.join(vals)}")
        alt = t("alt_peers", lang, year=rep.year, name=rep.name, items="; ".join(items))
        parts.append(figure(ax, alt, t("peers_fig_caption", lang, year=rep.year)))
    else:
        parts.append(_p(t("peers_no_chart", lang, year=rep.year)))
    if not without.empty and len(with_rank) >= 1:
        parts.append(_p(t("peers_without_rank", lang, year=rep.year, names=", ".join(without.name))))
    parts.append(notes.html())
    return Section("peers", t("sec_peers", lang), "".join(parts))


def country(rep: Report) -> Section:
    """Section 4: every province's DTI rank with this province and its peers highlighted, and a tile map.

    >>> html = country(setup("Thanh Hóa", 2022, "en")).html()
    >>> html.count("<img") == 2 and "15/63" in html
    True
    """
    lang = rep.lang
    co = an.country(rep.data, rep.year)
    pe = an.peers(rep.data, rep.code, rep.year, rep.params.peers)
    peer_codes = [c for c in pe.code if c != rep.code]
    n_rank = int(co["rank"].notna().sum())
    n_score = int(co.score.notna().sum())
    me = co[co.code == rep.code].iloc[0]
    parts = [_p(t("country_coverage", lang, year=rep.year, n_rank=n_rank, n_score=n_score, n=N_UNITS))]
    notes = _Notes(lang)
    doubt = co[co.doubtful & co["rank"].notna()]
    doubt_codes = set(doubt.code)
    doubt_alt = (" " + t("alt_doubtful", lang, items=", ".join(f"{r.name} {int(r.rank)}" for r in doubt.itertuples()))
                 if not doubt.empty else "")
    if _isna(me["rank"]):
        parts.append(_p(t("country_focus_np", lang, name=rep.name, year=rep.year)))
    else:
        tied = co[(co["rank"] == me["rank"]) & (co.code != rep.code)]
        text = t("country_focus", lang, name=rep.name, rank=fmt_rank(int(me["rank"]), N_UNITS, lang),
                 year=rep.year)
        if not tied.empty:
            text += " " + t("country_tied", lang, names=", ".join(tied.name))
        parts.append(_p(notes.mark_text(text, bool(me.doubtful), _note(rep, rep.year, "dti"),
                                        f"DTI {rep.year}")))
    if n_rank == 0:
        parts.append(_p(t("country_no_chart", lang, year=rep.year)))
        parts.append(notes.html())
        return Section("country", t("sec_country", lang), "".join(parts))
    ranked = co[co["rank"].notna()]
    ax = charts.rank_ladder(co, rep.code, peer_codes, lang=lang, doubtful=doubt_codes)
    top = ", ".join(f"{r.name} {int(r.rank)}" for r in ranked.head(3).itertuples())
    alt = t("alt_ladder", lang, year=rep.year, n=n_rank, name=rep.name,
            rank=fmt_rank(me["rank"], N_UNITS, lang), top=top,
            peers=", ".join(f"{r.name} {fmt_rank(r.dti_rank, None, lang)}"
                            for r in pe.itertuples() if r.code != rep.code) or "—") + doubt_alt
    parts.append(figure(ax, alt, t("ladder_caption", lang, year=rep.year)))
    ax = charts.tile_map(co, rep.code, peer_codes, lang=lang, doubtful=doubt_codes)
    alt = t("alt_map", lang, year=rep.year, name=rep.name, n=n_rank, rank=fmt_rank(me["rank"], N_UNITS, lang)) + doubt_alt
    parts.append(figure(ax, alt, t("map_caption", lang, year=rep.year)))
    for r in doubt[doubt.code != rep.code].itertuples():
        notes.mark("", True, _note(rep, rep.year, "dti", r.code), f"{r.name}: DTI {rep.year}")
    parts.append(notes.html())
    return Section("country", t("sec_country", lang), "".join(parts))


def trend(rep: Report) -> Section:
    """Section 5: DTI and pillar ranks per year (rank 1 on top), with gaps where nothing is published.

    >>> html = trend(setup("Hà Giang", None, "en")).html()
    >>> "<img" in html, "not published" in html
    (False, True)
    """
    lang = rep.lang
    metrics = ("dti", *PILLARS)
    names = {m: _metric(rep, m) for m in metrics}
    tr = an.trend(rep.data, rep.code, metrics)
    years = sorted(tr.year.unique())
    ranked_years = sorted(tr.loc[tr["rank"].notna(), "year"].unique())
    missing_years = [y for y in years if y not in ranked_years]
    parts = [_p(t("trend_intro", lang))]
    notes = _Notes(lang)
    if len(ranked_years) >= 2:
        tr_doubt = tr[tr.doubtful & tr["rank"].notna()]
        ax = charts.trend_plot(tr, lang=lang, metrics=metrics, names=names,
                               doubtful={(r.metric, int(r.year)) for r in tr_doubt.itertuples()})
        series = []
        for m in metrics:
            part = tr[(tr.metric == m) & tr["rank"].notna()]
            if not part.empty:
                series.append(f"{names[m]}: " + ", ".join(f"{int(r.year)} {int(r.rank)}" for r in part.itertuples()))
        alt = t("alt_trend", lang, name=rep.name, first=years[0], last=years[-1], series="; ".join(series))
        if not tr_doubt.empty:
            alt += " " + t("alt_doubtful", lang, items=", ".join(f"{names[r.metric]} {int(r.year)}"
                                                                  for r in tr_doubt.itertuples()))
        parts.append(figure(ax, alt, t("trend_caption", lang)))
    elif len(ranked_years) == 1:
        parts.append(_p(t("trend_one_year", lang, year=ranked_years[0])))
    else:
        parts.append(_p(t("trend_no_rank", lang)))
    if missing_years:
        parts.append(_p(t("trend_missing_years", lang, years=", ".join(map(str, missing_years)))))
    rows = []
    for year in years:
        cells = [str(year)]
        for m in metrics:
            r = tr[(tr.year == year) & (tr.metric == m)].iloc[0]
            cell = _peer_cell(r.score, r["rank"], lang)
            cells.append(notes.mark(cell, bool(r.doubtful), _note(rep, year, m), f"{names[m]} {year}"))
        rows.append(cells)
    parts.append(table([t("year", lang)] + [names[m] for m in metrics], rows,
                       caption=t("trend_table_caption", lang, name=rep.name), numeric=[1, 2, 3, 4],
                       row_classes=["current" if y == rep.year else "" for y in years]))
    parts.append(_p(t("peers_cell_help", lang)))
    parts.append(notes.html())
    return Section("trend", t("sec_trend", lang), "".join(parts))


def _note(rep: Report, year: int, metric: str, code: str | None = None) -> str:
    tb = rep.data.table
    hit = tb[(tb.unit_set == "63") & (tb.province_code == (code or rep.code)) & (tb.year == year) & (tb.metric == metric)]
    return "" if hit.empty else _note_text(hit.iloc[0], rep.lang)


def strengths(rep: Report) -> Section:
    """Section 6: pillars and indices ranked clearly better or worse than the overall rank; the rule stated.

    >>> html = strengths(setup("Bắc Giang", 2020, "en")).html()
    >>> "10 places" in html and "Digital society" in html
    True
    """
    lang = rep.lang
    st = an.strengths(rep.data, rep.code, rep.year, margin=STRENGTH_MARGIN)
    margin = st.attrs.get("margin", STRENGTH_MARGIN)
    overall = st.attrs.get("overall_rank")
    parts = [_p(t("sw_rule", lang, margin=margin))]
    if overall is None:
        parts.append(_p(t("sw_no_overall", lang, year=rep.year)))
        return Section("strengths", t("sec_strengths", lang), "".join(parts))
    if st.empty:
        parts.append(_p(t("sw_nothing", lang, year=rep.year, rank=fmt_rank(overall, N_UNITS, lang))))
        return Section("strengths", t("sec_strengths", lang), "".join(parts))
    sc = an.scorecard(rep.data, rep.code, rep.year).set_index("metric")
    notes = _Notes(lang)
    for verdict, key in (("strength", "sw_strengths"), ("weakness", "sw_weaknesses"), ("in_line", "sw_in_line")):
        sel = st[st.verdict == verdict]
        names = ", ".join(f"{_metric(rep, r.metric)} ({int(r.rank)})" for r in sel.itertuples())
        parts.append(_p(t(key, lang, names=names or t("sw_none", lang))))
    rows = []
    for r in st.itertuples():
        doubtful = bool(sc.at[r.metric, "doubtful"]) if r.metric in sc.index else False
        rows.append([esc(_metric(rep, r.metric)),
                     notes.mark(esc(fmt_rank(r.rank, N_UNITS, lang)), doubtful, _note_text(sc.loc[r.metric], lang),
                                f"{_metric(rep, r.metric)} {rep.year}"),
                     esc(fmt_rank(r.overall_rank, N_UNITS, lang)), esc(f"{int(r.difference):+d}"),
                     esc(t(f"verdict_{r.verdict}", lang))])
    parts.append(table([t("metric", lang), t("rank", lang), t("col_overall_rank", lang), t("col_difference", lang),
                        t("col_verdict", lang)], rows, numeric=[1, 2, 3],
                       row_classes=[r.verdict for r in st.itertuples()],
                       caption=t("sw_caption", lang, name=rep.name, year=rep.year)))
    parts.append(notes.html())
    return Section("strengths", t("sec_strengths", lang), "".join(parts))


def _figure_rows(rep: Report) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The rows behind every figure the report shows: (this province's, other provinces')."""
    data, code, year = rep.data, rep.code, rep.year
    own = an.sources(data, code)
    pe = an.peers(data, code, year, rep.params.peers)
    sc = an.scorecard(data, code, year)
    others = [c for c in pe.code if c != code]
    tb = data.table
    region_codes = data.provinces.index[data.provinces.region == data.provinces.at[code, "region"]]
    shown = tb[(tb.unit_set == "63") & (tb.year == year) & (tb.province_code != code) & (
        (tb.province_code.isin(others) & tb.metric.isin(("dti", *PILLARS)))
        | (tb.metric == "dti")  # the country chart and map
        | (tb.metric.isin(sc.metric) & (tb["rank"] == 1))  # leaders
        # the scores behind the region medians and the "too few published (n=…)" counts
        | (tb.metric.isin(sc.metric[sc.region_n > 0]) & tb.province_code.isin(region_codes)
           & tb.score.notna() & ~tb.doubtful)
    )]
    return own, shown


def data_notes(rep: Report) -> Section:
    """Section 7: a source for every figure, what is missing, the method, data version and parameters.

    >>> html = data_notes(setup("Bắc Giang", 2020, "en")).html()
    >>> "0.4 × digital government" in html and "baobacgiang.com.vn" in html
    True
    """
    lang, p = rep.lang, rep.params
    own, others = _figure_rows(rep)
    nat = an.national_sources(rep.data, rep.year)
    refs: dict[str, int] = {}

    def cite(sources: str) -> str:
        links = []
        for url in [s for s in str(sources or "").split(" | ") if s]:
            n = refs.setdefault(url, len(refs) + 1)
            links.append(f'<a href="#src-{n}">[{n}]</a>')
        return " ".join(links) if links else esc(t("no_source", lang))

    notes = _Notes(lang)
    rows = []
    for r in own.itertuples():
        what = f"{_metric(rep, r.metric)} {r.year}"
        note = _note_text(r, lang)
        rows.append([str(r.year), esc(_metric(rep, r.metric)),
                     notes.mark(_score(r.score, lang), r.doubtful, note, what),
                     notes.mark(_rank(r.rank, lang), r.doubtful, note, what), cite(r.sources),
                     esc(note) if note and not r.doubtful else ""])
    parts = [f"<h3>{esc(t('dn_sources', lang))}</h3>", _p(t("dn_sources_intro", lang, name=rep.name))]
    parts.append(table([t("year", lang), t("metric", lang), t("score", lang), t("rank", lang), t("col_sources", lang),
                        t("col_note", lang)],
                       rows, numeric=[2, 3], caption=t("dn_own_caption", lang, name=rep.name)))
    if not nat.empty:
        nrows = [[str(r.year), esc(_metric(rep, r.metric)), _score(r.score, lang), cite(r.sources),
                  esc(_note_text(r, lang))] for r in nat.itertuples()]
        parts.append(table([t("year", lang), t("metric", lang), t("national_mean", lang), t("col_sources", lang),
                            t("col_note", lang)],
                           nrows, numeric=[2], caption=t("dn_national_caption", lang, year=rep.year)))
    succ = an.successor(rep.data, rep.code)
    srows = [[str(f["year"]), esc(succ["name"]),
              notes.mark(_score(f["score"], lang), f["doubtful"], _note_text(f, lang), f"{succ['name']} {f['year']}"),
              notes.mark(esc(fmt_rank(f["rank"], succ["n_units"], lang)), f["doubtful"], _note_text(f, lang),
                         f"{succ['name']} {f['year']}"), cite(" | ".join(f["sources"]))]
             for f in succ["figures"]]
    if srows:
        parts.append(table([t("year", lang), t("province", lang), t("score", lang), t("rank", lang),
                            t("col_sources", lang)], srows, numeric=[2, 3],
                           caption=t("dn_successor_caption", lang, successor=succ["name"])))
    if not others.empty:
        kinds: dict[tuple[int, int, str], dict] = {}
        order = rep.data.metrics["order"]
        for r in others.itertuples():
            entry = kinds.setdefault((r.year, int(order[r.metric]), r.metric), {"codes": set(), "links": []})
            entry["codes"].add(r.province_code)
            entry["links"].append(r.sources)
            if r.doubtful:
                notes.mark("", True, _note_text(r, lang), f"{r.province}: {_metric(rep, r.metric)} {r.year}")
        orows = []
        for (yr, _, metric), entry in sorted(kinds.items()):
            urls = list(dict.fromkeys(u for s_ in entry["links"] for u in str(s_ or "").split(" | ") if u))
            orows.append([esc(f"{_metric(rep, metric)} {yr}"), str(len(entry["codes"])), cite(" | ".join(urls))])
        parts.append(_p(t("dn_others_intro", lang)))
        parts.append(table([t("metric", lang), t("col_n_provinces", lang), t("col_sources", lang)], orows,
                           numeric=[1], caption=t("dn_others_caption", lang, year=rep.year)))
    lis = "".join(f'<li id="src-{n}"><a href="{esc(url)}">{esc(url)}</a></li>' for url, n in refs.items())
    parts.append(f'<h3>{esc(t("dn_reflist", lang))}</h3><ol class="refs">{lis}</ol>')
    parts.append(notes.html())
    parts.append(_missing_html(rep))
    parts.append(f"<h3>{esc(t('dn_method', lang))}</h3>")
    for key in ("method_source", "method_2020", "method_2021", "method_ranks", "method_stats", "method_peers",
                "method_honesty"):
        parts.append(_p(t(key, lang, margin=STRENGTH_MARGIN)))
    parts.append(f"<h3>{esc(t('dn_params', lang))}</h3>")
    from dti_helpers import __version__
    data_name = Path(p.data_path).name if p.data_path else t("embedded_data", lang)
    params = [
        (t("param_province", lang), f"{p.province} → {p.name} ({p.code})"),
        (t("param_year", lang), str(p.year) if p.year_requested is not None
         else t("param_year_latest", lang, year=p.year)),
        (t("param_lang", lang), p.lang),
        (t("param_peers", lang), f"{p.peers} ({t('peers_name_' + p.peers, lang)})"),
        (t("param_data", lang), data_name),
        (t("param_version", lang), rep.data.version),
        (t("param_software", lang), f"dti-reports {__version__}"),
    ]
    parts.append(table([t("col_parameter", lang), t("col_value", lang)],
                       [[esc(k), f"<code>{esc(v)}</code>"] for k, v in params], cls="data params"))
    return Section("notes", t("sec_notes", lang), "".join(parts))


def _missing_html(rep: Report) -> str:
    lang = rep.lang
    mi = an.missing(rep.data, rep.code)
    years = sorted(mi.year.unique())
    metrics = [m for m in rep.data.metrics.index if m in set(mi.metric)]
    state = {(r.year, r.metric): (r.has_score, r.has_rank) for r in mi.itertuples()}
    rows = []
    n_missing = 0
    for m in metrics:
        cells = [esc(_metric(rep, m))]
        for y in years:
            if (y, m) not in state:
                cells.append(f'<span class="muted">{esc(t("miss_not_assessed", lang))}</span>')
                continue
            has_score, has_rank = state[(y, m)]
            key = ("miss_both" if has_score and has_rank else "miss_rank_only" if has_rank
                   else "miss_score_only" if has_score else None)
            if key is None:
                n_missing += 1
                cells.append(_np(lang))
            else:
                cells.append(esc(t(key, lang)))
        rows.append(cells)
    intro = t("dn_missing_intro", lang, name=rep.name, n=n_missing)
    return (f"<h3>{esc(t('dn_missing', lang))}</h3>{_p(intro)}"
            + table([t("metric", lang)] + [str(y) for y in years], rows, cls="data missing",
                    caption=t("dn_missing_caption", lang, name=rep.name)))


SECTIONS = (cover, headline, scorecard, peers, country, trend, strengths, data_notes)


def build(rep: Report) -> list[Section]:
    """All sections in report order (the notebook calls them one by one; this is for scripts).

    >>> [s.id for s in build(setup("24", 2020))]
    ['top', 'headline', 'scorecard', 'peers', 'country', 'trend', 'strengths', 'notes']
    """
    return [section(rep) for section in SECTIONS]


__all__ = ["ParameterError", "Report", "ReportParams", "Section", "build", "country", "cover", "data_notes",
           "figure", "headline", "peers", "resolve_params", "scorecard", "setup", "strengths", "table", "trend",
           "check_lang", "esc"]
