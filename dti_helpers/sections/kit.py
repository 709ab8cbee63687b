"""The section kit an analyst calls from the notebook, and the built-in sections use too.

``text``, ``table``, ``chart``, ``note`` and ``section`` each return a part
(:mod:`dti_helpers.sections.parts`) that displays in JupyterLab and is exported
as the same HTML. :func:`install_display` (called by ``report.setup``) makes a
plain pandas DataFrame show as a kit table and a matplotlib figure as a kit
chart, so what the notebook shows is what is exported.

>>> import pandas as pd
>>> df = pd.DataFrame({"province": ["Bắc Ninh", "Thái Nguyên"], "dti_score": [0.42, None], "dti_rank": [8, 12]})
>>> sec = section("Two provinces", text("Compared on DTI."), table(df, lang="en"))
>>> html = sec.html()
>>> "0.4200" in html and "not published" in html and "12/63" in html
True
>>> sec._repr_mimebundle_()[1]["dti_section"]
{'id': 'two-provinces', 'title': 'Two provinces', 'level': 2}
"""
from __future__ import annotations

import numbers
from collections.abc import Mapping

import pandas as pd
from markupsafe import Markup

from dti_helpers.analysis.provenance import note_text
from dti_helpers.charts import theme as chart_theme
from dti_helpers.charts.svg import inline_svg
from dti_helpers.core.labels import check_lang, fmt_number, fmt_rank, fmt_score, t
from dti_helpers.core.names import slugify
from dti_helpers.core.schema import N_UNITS as UNITS_BY_SET
from dti_helpers.data.origin import FileRef, parse_file_ref, split_sources
from dti_helpers.sections.parts import (DEFAULTS, Chart, Doubt, DoubtBox, DoubtNotes, Inline, Link, Note, Part,
                                        Section, Span, Table, Text, render_html)

# Columns that say something about a row rather than being shown in it.
HELPER_COLUMNS = ("doubtful", "note", "note_vi")


def _lang(lang: str | None) -> str:
    return check_lang(lang or DEFAULTS["lang"])


def not_published(lang: str | None = None) -> Span:
    """The "not published" wording of a missing figure (never a number, never a blank).

    >>> from dti_helpers.sections.plain import plain_text
    >>> plain_text(not_published("en"))
    'not published'
    """
    return Span(t("not_published", _lang(lang)), "np")


def text(s, *, doubt: str | None = None, cls: str | None = None, lang: str | None = None) -> Text:
    """A paragraph; ``doubt`` (the note of a doubtful statement) marks it † with its note below.

    >>> from dti_helpers.sections.plain import plain_text
    >>> plain_text(text("Rank 7 <of 63>"))
    'Rank 7 <of 63>'
    >>> words = plain_text(text("Rank 7", doubt="an estimate", lang="en"))
    >>> words.startswith("Rank 7†"), words.endswith("an estimate")
    (True, True)
    """
    if doubt is None:
        return Text(s, cls)
    return Text(Doubt(s), cls, DoubtBox((doubt,), t("doubtful_intro", _lang(lang))))


def _missing(value) -> bool:
    return value is None or bool(pd.api.types.is_scalar(value) and pd.isna(value))


def _kind(column: str, scores, ranks) -> str:
    name = str(column).lower()
    if scores is not None or ranks is not None:
        return "score" if column in (scores or ()) else "rank" if column in (ranks or ()) else "plain"
    if name == "rank" or name.endswith("_rank"):
        return "rank"
    if name in ("score", "mean", "median") or name.endswith(("_score", "_mean", "_median")):
        return "score"
    return "plain"


def _cell(value, kind: str, lang: str, of: int | None):
    if _missing(value):
        return not_published(lang)
    if kind == "score":
        return fmt_score(float(value), lang)
    if kind == "rank":
        return fmt_rank(int(value), of, lang)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        return fmt_number(float(value), lang)
    return value if isinstance(value, Part) else str(value)


def source_links(sources, lang: str | None = None) -> Inline | str:
    """A cell of links to the sources of a figure (``"url | url"``, as the data file holds them).

    A row of the analyst's own file is named (file and row), never linked.

    >>> from dti_helpers.sections.plain import plain_text
    >>> plain_text(source_links("https://a.vn | https://b.vn"))  # two links, numbered
    '[1] [2]'
    >>> str(source_links("file-row:dti_2021.csv?sha256=abc&row=3", "en"))
    'dti_2021.csv, row 3'
    """
    entries = [] if _missing(sources) else split_sources(sources)
    pieces = []
    for i, entry in enumerate(entries, 1):
        ref = parse_file_ref(entry)
        pieces.append(Link(entry, f"[{i}]") if ref is None else source_row(ref, _lang(lang)))
    return Inline(tuple(pieces), sep=" ") if pieces else ""


def source_text(entry: str, lang: str | None = None) -> str:
    """How a source list names one source: a page by its address; the analyst's file by name and digest.

    >>> source_text("https://dti.gov.vn/x"), source_text("file-row:dti_2021.csv?sha256=abc&row=3", "en")
    ('https://dti.gov.vn/x', 'Data file given by the user: dti_2021.csv (sha256 abc)')
    """
    ref = parse_file_ref(entry)
    return entry if ref is None else t("ref_file", _lang(lang), name=ref.name, digest=ref.digest)


def data_label(data, lang: str | None = None) -> str:
    """The data a report rests on, as its notes name it: each file by name and digest, never its folder.

    >>> from dti_helpers.data.load import load_dti
    >>> data_label(load_dti(), "en")
    'embedded data (data/dti.csv)'
    >>> data_label(load_dti("tests/fixtures/official/dti_2021_tong_hop.csv"), "en").endswith("merged with the embedded data")
    True
    """
    lang = _lang(lang)
    files = "; ".join(t("data_file", lang, name=i.name, digest=i.digest) for i in data.inputs)
    if not files:
        return t("embedded_data", lang)
    return t("data_and_embedded", lang, files=files) if data.embedded else files


def source_row(ref: FileRef, lang: str | None = None) -> str:
    """Where in the analyst's file a figure is: file, sheet and row.

    >>> source_row(FileRef("a.xlsx", "d", 5, "DTI"), "vi")
    'a.xlsx, trang tính “DTI”, dòng 5'
    """
    lang = _lang(lang)
    where = [ref.name] + ([t("ref_sheet", lang, sheet=ref.sheet)] if ref.sheet else [])
    where += [t("ref_row", lang, row=ref.row)] if ref.row is not None else []
    return ", ".join(where)


def _frame(data, columns) -> pd.DataFrame:
    if isinstance(data, pd.DataFrame):
        return data
    rows = list(data)
    if rows and isinstance(rows[0], Mapping):
        return pd.DataFrame(rows)
    names = list(columns) if columns is not None else None
    return pd.DataFrame(rows, columns=names)


def table(data, *, columns=None, caption: str | None = None, numeric=None, lang: str | None = None, scores=None,
          ranks=None, of: int | None = UNITS_BY_SET["63"], sources: str | None = None, row_classes=(), cls: str = "data",
          what: str | None = None, formatted: bool = False) -> Table:
    """A table in the report's style from a DataFrame or from rows (dicts or sequences).

    ``columns`` picks and orders the columns shown (a list, or a mapping
    column -> header). Scores (columns ``score``/``*_score``/``*_mean``/``*_median``,
    or those in ``scores``) print with the report's 4 decimals, ranks
    (``rank``/``*_rank`` or ``ranks``) as "7/63" (``of=None``: "7"); a missing
    value reads "not published". A row whose ``doubtful`` column is true has its
    figures marked † and its ``note``/``note_vi`` listed under the table.
    ``sources`` names a column of ``"url | url"`` shown as links.
    ``formatted=True`` takes rows whose cells are already text or parts (the
    built-in sections' way): they are shown as they are, under ``columns``.

    >>> rows = [{"province": "Bắc Ninh", "score": 0.5, "rank": 3, "doubtful": True, "note": "estimate"},
    ...         {"province": "Thái Nguyên", "score": None, "rank": None, "doubtful": False, "note": ""}]
    >>> from dti_helpers.sections.plain import plain_text
    >>> words = plain_text(table(rows, lang="en"))
    >>> "0.5000†" in words, "Bắc Ninh: estimate" in words, words.count("not published")
    (True, True, 2)
    >>> plain_text(table([["a", Span("(1)")]], columns=["x", "n"], numeric=[1], formatted=True))
    'xna(1)'
    """
    if formatted:
        return Table(tuple(columns or ()), tuple(tuple(r) for r in data), caption, frozenset(numeric or ()),
                     tuple(row_classes or ()), cls)
    lang = _lang(lang)
    df = _frame(data, columns)
    if isinstance(columns, Mapping):
        shown, head = list(columns), [str(columns[c]) for c in columns]
    else:
        shown = list(columns) if columns is not None else [c for c in df.columns if c not in HELPER_COLUMNS]
        head = [str(c) for c in shown]
    if sources is not None and sources not in shown:
        shown, head = shown + [sources], head + [t("col_sources", lang)]
    kinds = {c: _kind(c, scores, ranks) for c in shown}
    if numeric is None:
        numeric = [i for i, c in enumerate(shown) if kinds[c] != "plain"
                   or (c != sources and pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c]))]
    notes = DoubtNotes(lang)
    rows = []
    for _, rec in df.iterrows():
        doubtful = "doubtful" in df.columns and not _missing(rec["doubtful"]) and bool(rec["doubtful"])
        label = what or (str(rec[shown[0]]) if shown else "")
        cells = []
        for c in shown:
            if c == sources:
                cells.append(source_links(rec[c]))
                continue
            cell = _cell(rec[c], kinds[c], lang, of)
            # only a figure that is shown carries the mark: "not published" is never doubtful
            marked = doubtful and kinds[c] != "plain" and not _missing(rec[c])
            cells.append(notes.mark(cell, marked, note_text(rec.to_dict(), lang), label))
        rows.append(tuple(cells))
    box = notes.box()
    return Table(tuple(head), tuple(rows), caption, frozenset(numeric), tuple(row_classes), cls,
                 box if box.items else None)


def _figure(fig_or_ax):
    from matplotlib.figure import Figure

    if isinstance(fig_or_ax, Figure):
        return fig_or_ax
    fig = getattr(fig_or_ax, "figure", None)  # an Axes, or a seaborn grid
    if fig is None:
        raise TypeError(f"chart() takes a matplotlib Figure or Axes, not {type(fig_or_ax).__name__}")
    return fig


def chart(fig_or_ax, *, alt: str, caption: str | None = None) -> Chart:
    """A chart as deterministic inline SVG (named by its alt text, a tooltip on every titled mark).

    >>> c = chart(chart_theme.new_axes(2, 1), alt="an empty test chart")
    >>> (c.width, c.height), c.svg.startswith('<svg width="192" height="96"')
    ((192, 96), True)
    >>> c == chart(chart_theme.new_axes(2, 1), alt="an empty test chart")
    True
    """
    fig = _figure(fig_or_ax)
    w, h = (round(v * 96) for v in fig.get_size_inches())  # CSS px; the SVG itself is in pt
    return Chart(Markup(inline_svg(fig, alt)), alt, w, h, caption)


def note(*paragraphs, title: str | None = None) -> Note:
    """A commentary box for the leadership briefing (the analyst's reading, set apart from the figures).

    >>> from dti_helpers.sections.plain import plain_text
    >>> plain_text(note("Keep the lead in e-government.", title="For the leadership"))
    'For the leadershipKeep the lead in e-government.'
    """
    return Note(tuple(paragraphs), title)


def _part(obj, lang: str, title: str):
    if isinstance(obj, (Part, Doubt)):
        return obj
    if isinstance(obj, pd.DataFrame):
        return table(obj, lang=lang)
    if isinstance(obj, str):
        return Text(obj)
    if hasattr(obj, "figure") or type(obj).__name__ == "Figure":
        return chart(obj, alt=_alt(_figure(obj), lang, title))
    return Text(str(obj))


def _alt(fig, lang: str, fallback: str = "") -> str:
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    sup = getattr(fig, "_suptitle", None)
    words = ([sup.get_text()] if sup is not None and sup.get_text() else []) + titles
    return "; ".join(words) or fallback or t("kit_chart_alt", lang)


def section(title: str, *parts, id: str | None = None, level: int = 2, meta: dict | None = None,
            lang: str | None = None) -> Section:
    """A report section: a heading and its parts (kit parts, strings, DataFrames or figures), with its TOC entry.

    >>> sec = section("Bắc Ninh vs Thái Nguyên", "Two peers.")
    >>> from dti_helpers.sections.plain import plain_text
    >>> sec.id, plain_text(sec)
    ('bac-ninh-vs-thai-nguyen', 'Bắc Ninh vs Thái NguyênTwo peers.')
    """
    lang = _lang(lang)
    return Section(id or slugify(title) or "section", title, tuple(_part(p, lang, title) for p in parts), level,
                   dict(meta or {}))


def downloads(links, lang: str | None = None) -> Text:
    """The line linking a report's figures as data: ``links`` are (format, address relative to the page).

    The PDF hides it (``p.downloads`` in ``paged.css``): a PDF travels alone, and the files stay beside the page.

    >>> from dti_helpers.sections.plain import plain_text
    >>> plain_text(downloads((("csv", "../csv/a.csv"), ("xlsx", "../xlsx/a.xlsx")), "vi"))
    'Tải số liệu: CSV · XLSX'
    """
    files = Inline(tuple(Link(href, name.upper()) for name, href in links), sep=" · ")
    return Text(Inline((f"{t('download_figures', _lang(lang))}:", files), sep=" "), "downloads")


def _html_only(part: Part):
    data, meta = part._repr_mimebundle_()
    return {"text/html": data["text/html"]}, meta


def install_display(lang: str | None = None) -> bool:
    """Show plain DataFrames as kit tables and matplotlib figures as kit charts in IPython; sets the kit language.

    Returns whether formatters were installed (not outside IPython).

    >>> install_display("vi")
    False
    """
    # The kernel's one report language becomes the kit's default, as seaborn's set_theme sets a
    # session style: an analyst's report.table(rows) then needs no lang= in every call.
    lang = DEFAULTS["lang"] = _lang(lang)
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None:
        return False
    from matplotlib.figure import Figure

    # the mime-bundle formatter (not the text/html one) so the metadata sits at the top level, as a part's does;
    # the other formatters still add text/plain (and image/png for a figure) beside it
    bundle = shell.display_formatter.mimebundle_formatter
    bundle.for_type(pd.DataFrame, lambda df, include=None, exclude=None: _html_only(table(df, lang=lang)))
    bundle.for_type(Figure, lambda fig, include=None, exclude=None: _html_only(chart(fig, alt=_alt(fig, lang))))
    return True


__all__ = ["Chart", "DoubtNotes", "Note", "Section", "Table", "Text", "chart", "install_display", "not_published",
           "note", "render_html", "section", "source_links", "table", "text"]
