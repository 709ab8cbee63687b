"""The index page of a report folder: per assessment year, every province's DTI score and rank, and links.

One static HTML5 file per language (``index.html`` in Vietnamese,
``index-en.html`` in English), self-contained (styles, fonts and a few lines of
script inline), so it works opened straight from ``file://``. Each table is one
year of one unit set (the 63, the 34): ranks of different years are never sorted
into one list. A selector of years per unit set is a list of in-page links, so
without script every table is on the page and the links jump to them; with
script one table shows at a time, sorts by any column, filters by region and
searches names with or without diacritics (``index.html?q=hue&region=…&year=2022&units=63``
opens it so).

Rows come from the data and the folder's manifest: one row per unit and assessed year,
with that year's score and rank ("not published" where the ministry's figure is not in
the data) and that year's reports; a province whose report is of another year (its
latest) links to that row, saying which year.

>>> from dti_helpers import load_dti
>>> rows = index_rows({}, load_dti())
>>> len(rows), rows[0]["year"], rows[0]["links"]
(315, 2020, {})
"""
from __future__ import annotations

import html as _html
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from dti_helpers.analysis.national import data_row, published
from dti_helpers.core.names import search_key
from dti_helpers.analysis.provenance import note_text
from dti_helpers.core.labels import LANGS, fmt_rank, fmt_score, t
from dti_helpers.batch.digests import inputs_digest, tree_digest
from dti_helpers.batch.manifest import Manifest
from dti_helpers.core.fsio import atomic_write

PAGES = {"vi": "index.html", "en": "index-en.html"}


def index_rows(entries: dict, data) -> list[dict]:
    """Rows of the index from manifest ``entries`` (output path → record) and the data: one per unit and year.

    The years are those the unit set was assessed in. Each row: code, name, short_name, slug,
    region, year, score, rank, doubtful (that year's DTI), ``links`` {lang: {format: relative
    path}} of that year's reports, and ``report_years``, every year the unit has a report of.

    >>> from dti_helpers import load_dti
    >>> e = {"html/bac-giang-2020-vi.html": {"kind": "province", "code": "24", "year": 2020, "lang": "vi",
    ...                                      "format": "html"}}
    >>> rows = [r for r in index_rows(e, load_dti()) if r["code"] == "24"]
    >>> [(r["year"], r["rank"], bool(r["links"])) for r in rows][:3], rows[0]["score"], rows[2]["report_years"]
    ([(2020, 10, True), (2021, 10, False), (2022, 9, False)], 0.3615, [2020])
    """
    reports: dict[tuple[str, int], dict] = {}
    for path, entry in sorted(entries.items()):
        if entry.get("kind") != "province" or entry.get("code") not in data.provinces.index:
            continue
        if entry_units(entry) != data.units:  # codes mean other units in the other set
            continue
        key = (entry["code"], int(entry["year"]))
        reports.setdefault(key, {}).setdefault(entry["lang"], {})[entry["format"]] = path
    years = sorted(set(data.years()) | {y for _, y in reports})
    figures = dti_figures(data)
    rows = []
    for year in years:
        for code, prov in data.provinces.iterrows():
            score, rank, doubtful = figures.get((code, year), (None, None, False))
            rows.append({"code": code, "name": prov["name"], "short_name": prov["short_name"], "slug": prov["slug"],
                         "region": prov["region"], "year": year, "score": score, "rank": rank,
                         "doubtful": doubtful,
                         "links": {lang: dict(sorted(f.items())) for lang, f in sorted(reports.get((code, year),
                                                                                                  {}).items())},
                         "report_years": sorted(y for c, y in reports if c == code)})
    return rows


def dti_figures(data) -> dict[tuple[str, int], tuple[float | None, int | None, bool]]:
    """Each published DTI figure of the view's unit set: (code, year) → (score, rank, doubtful), ``None`` where
    a score or rank is not published. One pass over the table: the index looks up hundreds of them.

    >>> from dti_helpers import load_dti
    >>> dti_figures(load_dti())[("24", 2020)], ("01", 2019) in dti_figures(load_dti())
    ((0.3615, 10, False), False)
    """
    tab = published(data)
    dti = tab[tab.metric == "dti"].drop_duplicates(["province_code", "year"])  # the first row, as value() reads it
    return {(code, int(year)): (None if pd.isna(score) else float(score), None if pd.isna(rank) else int(rank),
                                bool(doubtful))
            for code, year, score, rank, doubtful in zip(dti.province_code, dti.year, dti.score, dti["rank"],
                                                         dti.doubtful)}


def _doubt_note(data, code: str, year, lang: str) -> str:
    """The note of a doubtful DTI row in ``lang`` (the same text the province report footnotes)."""
    row = data_row(data, code, year, "dti") if year is not None else None
    return "" if row is None else note_text(row, lang)


def entry_units(entry: dict) -> str:
    """The unit set of a manifest entry (entries written before the 34 existed are of the 63).

    >>> entry_units({"kind": "province"}), entry_units({"units": "34"})
    ('63', '34')
    """
    return str(entry.get("units", "63"))


def has_units(entries: dict, units: str) -> bool:
    """Whether the manifest holds any report or overview of the unit set ``units``.

    >>> has_units({"html/x.html": {"kind": "province", "units": "34"}}, "34"), has_units({}, "34")
    (True, False)
    """
    return any(entry_units(e) == units and e.get("kind") in ("province", "overview")
               for e in entries.values() if isinstance(e, dict))


def overview_links(entries: dict, units: str = "63") -> dict:
    """National overview outputs of the unit set ``units`` in the manifest: {(year, lang): {format: path}}.

    >>> overview_links({"pdf/national-overview-2022-en.pdf": {"kind": "overview", "year": 2022, "lang": "en",
    ...                                                      "format": "pdf"}})
    {(2022, 'en'): {'pdf': 'pdf/national-overview-2022-en.pdf'}}
    """
    found: dict = {}
    for path, entry in sorted(entries.items()):
        if entry.get("kind") == "overview" and entry_units(entry) == units:
            found.setdefault((int(entry["year"]), entry["lang"]), {})[entry["format"]] = path
    return found


@lru_cache(maxsize=1)
def _template():
    env = Environment(loader=PackageLoader("dti_helpers.batch", "templates"), autoescape=True,
                      keep_trailing_newline=True, undefined=StrictUndefined)
    return env.get_template("index.html.j2")


def static_text(name: str) -> str:
    """A file of the page's ``static`` folder (its CSS and script), inlined so the page needs nothing else.

    >>> static_text("index.js").lstrip().startswith("(function")
    True
    """
    return files("dti_helpers.batch").joinpath("static", name).read_text(encoding="utf-8")


def _links(links: dict, lang: str) -> list[dict]:
    return [{"href": path, "lang": report_lang,
             "label": t("idx_link", lang, format=fmt.upper(), report_lang=report_lang)}
            for report_lang, formats in links.items() for fmt, path in formats.items()]


def table_id(unit_set: str, year: int) -> str:
    """The anchor of one year's table (the selector's links point at it).

    >>> table_id("63", 2022), row_id("34", 2024, "01")
    ('y63-2022', 'r34-2024-01')
    """
    return f"y{unit_set}-{year}"


def row_id(unit_set: str, year: int, code: str) -> str:
    """The anchor of one unit's row in one year's table."""
    return f"r{unit_set}-{year}-{code}"


def _row(r: dict, data, lang: str) -> dict:
    """One row of a year's table: the template's plain strings."""
    region = data.catalogue.region_name(r["region"], lang)
    # a report of another year is linked in its own year's table: this row says which year, and goes there
    other = [{"href": "#" + row_id(data.units, y, r["code"]), "label": t("idx_other_year", lang, year=y)}
             for y in reversed(r["report_years"]) if y != r["year"]] if not r["links"] else []
    return {"id": row_id(data.units, r["year"], r["code"]), "region": r["region"],
            "search": search_key(r["name"], r["slug"], r["code"]), "name": r["name"],
            "name_key": search_key(r["short_name"]), "region_name": region, "region_key": search_key(region),
            "score": None if r["score"] is None else fmt_score(r["score"], lang),
            "score_value": "" if r["score"] is None else r["score"],
            "rank": None if r["rank"] is None else fmt_rank(r["rank"], data.n_units, lang),
            "rank_value": "" if r["rank"] is None else r["rank"],
            "doubtful": bool(r["doubtful"]), "links": _links(r["links"], lang), "other": other}


def _tables(rows: list[dict], data, lang: str) -> list[dict]:
    """One table per year of one unit set (``data`` is that set's view), newest year first, each with
    its own notes of doubtful figures."""
    set_name = t(f"idx_set_{data.units}", lang)
    tables = []
    for year in sorted({r["year"] for r in rows}, reverse=True):
        mine = [r for r in rows if r["year"] == year]
        doubts = [t("idx_doubt_note", lang, name=r["name"], year=year, note=_doubt_note(data, r["code"], year, lang))
                  for r in mine if r["doubtful"]]  # the mark goes on the figure that is published (the one in doubt)
        tables.append({"id": table_id(data.units, year), "units": data.units, "year": year,
                       "heading": t("idx_table_heading", lang, year=year, set=set_name),
                       "caption": t("idx_table_caption", lang, year=year, set=set_name, n=data.n_units),
                       "rows": [_row(r, data, lang) for r in mine], "doubts": list(dict.fromkeys(doubts)),
                       "n_reports": sum(1 for r in mine if r["links"])})
    return tables


def default_table(tables: list[dict]) -> str:
    """The table the script shows first: the one with the most reports, the newest of equals (the 63's first).

    >>> default_table([{"id": "y63-2021", "year": 2021, "n_reports": 1}, {"id": "y63-2020", "year": 2020,
    ...                "n_reports": 1}, {"id": "y34-2024", "year": 2024, "n_reports": 0}])
    'y63-2021'
    """
    best = max(tables, key=lambda tb: (tb["n_reports"], tb["year"] if tb["n_reports"] else 0))
    return best["id"] if best["n_reports"] else tables[0]["id"]


def index_view(rows: list[dict], data, lang: str = "vi", overviews: dict | None = None,
               rows_34: list[dict] | None = None, overviews_34: dict | None = None) -> dict:
    """What the index page shows in ``lang``, as plain strings: the template's only input (besides styles).

    ``rows`` are the 63's (:func:`index_rows` of the 63's view); ``rows_34``, when given, the 34 units'.
    Each set gets one table per year and a line of the selector.

    >>> from dti_helpers import load_dti
    >>> v = index_view(index_rows({}, load_dti()), load_dti(), "en")
    >>> [tb["id"] for tb in v["tables"]], len(v["tables"][0]["rows"]), v["switch"][0]["lang"]
    (['y63-2024', 'y63-2023', 'y63-2022', 'y63-2021', 'y63-2020'], 63, 'vi')
    >>> v["selector"][0]["label"], [y["label"] for y in v["selector"][0]["years"]][:2]
    ('The 63 provinces before the merger', ['2024', '2023'])
    """
    cat = data.catalogue
    sets = [(data.for_units("63"), rows)] + ([(data.for_units("34"), rows_34)] if rows_34 is not None else [])
    present = {r["region"] for _, set_rows in sets for r in set_rows}
    tables = [table for view, set_rows in sets for table in _tables(set_rows, view, lang)]
    selector = [{"label": t(f"idx_set_{view.units}", lang),
                 "years": [{"href": "#" + tb["id"], "label": str(tb["year"]), "target": tb["id"]}
                           for tb in tables if tb["units"] == view.units]} for view, _ in sets]
    links = [(t(key, lang, year=year), ov_lang, formats)  # newest year first, per set
             for found, key in ((overviews, "idx_overview"), (overviews_34, "idx_overview_34"))
             for (year, ov_lang), formats in sorted((found or {}).items(), key=lambda kv: (-kv[0][0], kv[0][1]))]
    n_reports = sum(table["n_reports"] for table in tables)
    return {
        "lang": lang, "title": t("idx_title", lang), "lede": t("idx_lede", lang, n=n_reports),
        "switch": [{"href": PAGES[lg], "lang": lg, "label": t("idx_in_lang", lg)} for lg in LANGS if lg != lang],
        "overviews": [{"label": label, "links": _links({ov_lang: formats}, lang)} for label, ov_lang, formats in links],
        "selector_label": t("idx_selector", lang), "selector": selector, "default_table": default_table(tables),
        "search_label": t("idx_search", lang), "region_label": t("idx_filter_region", lang),
        "region_all": t("idx_region_all", lang), "count_template": t("idx_count", lang),
        "regions": [{"value": r, "label": cat.region_name(r, lang)} for r in cat.regions.index if r in present],
        "name_column": {"label": t("province", lang), "kind": "text"}, "reports_label": t("idx_reports", lang),
        "columns": [{"label": t(key, lang), "kind": kind} for key, kind in
                    (("kpi_score", "num"), ("kpi_rank", "num"), ("region", "text"))],
        "tables": tables, "not_published": t("not_published", lang), "doubtful": t("doubtful", lang),
        "no_report": t("idx_no_report", lang), "doubtful_intro": t("doubtful_intro", lang),
        "year_note": t("idx_year_note", lang)}


def index_html(rows: list[dict], data, lang: str = "vi", overviews: dict | None = None, css: str = "",
               rows_34: list[dict] | None = None, overviews_34: dict | None = None) -> str:
    """The index page in ``lang`` as one HTML5 string; ``css`` is the report stylesheet the page shares.

    >>> from dti_helpers import load_dti
    >>> page = index_html(index_rows({}, load_dti()), load_dti(), "en")
    >>> page.count("data-region=") == 5 * 63 and 'lang="en"' in page
    True
    """
    view = index_view(rows, data, lang, overviews, rows_34, overviews_34)
    # The styles and the script are ours, not user text: inlined as they are (escaping would break them).
    return _template().render(**view, css=Markup(css), page_css=Markup(static_text("index.css")),
                              script=Markup(static_text("index.js")))


def write_index(out_dir: str | Path, manifest: Manifest, data, *, css: str, tag: str | None = None) -> list[Path]:
    """Write ``index.html`` and ``index-en.html`` into ``out_dir`` when their content changed.

    ``css`` is the report stylesheet (the batch passes ``render.report.report_css()``),
    inlined so the page looks like the reports. The pages are recorded in
    ``manifest`` like any output (kind ``index``); their temporary files carry ``tag`` (the run's id).
    Returns the pages written.

    >>> import tempfile
    >>> from dti_helpers import load_dti
    >>> d = Path(tempfile.mkdtemp()); m = Manifest(d)
    >>> [p.name for p in write_index(d, m, load_dti(), css="")], [p.name for p in write_index(d, m, load_dti(), css="")]
    (['index.html', 'index-en.html'], [])
    """
    out = Path(out_dir)
    data = data.for_units("63")
    rows = index_rows(manifest.entries, data)
    overviews = overview_links(manifest.entries)
    # the 34 units get their table once the folder holds a report of theirs (a batch of the 63 alone has none)
    with_34 = has_units(manifest.entries, "34")
    rows_34 = index_rows(manifest.entries, data.for_units("34")) if with_34 else None
    overviews_34 = overview_links(manifest.entries, "34") if with_34 else None
    here = Path(__file__).parent
    digest = inputs_digest({"rows": rows, "overviews": {f"{y}-{lg}": f for (y, lg), f in overviews.items()},
                            "rows_34": rows_34, "overviews_34": {f"{y}-{lg}": f for (y, lg), f in
                                                                 (overviews_34 or {}).items()},
                            "source": tree_digest(here), "data": data.version, "css": css})
    written = []
    for lang, name in PAGES.items():
        if manifest.current(name, digest):
            continue
        atomic_write(out / name, index_html(rows, data, lang, overviews, css=css, rows_34=rows_34,
                                            overviews_34=overviews_34), tag)
        manifest.record(name, {"inputs": digest, "kind": "index", "lang": lang, "format": "html"})
        written.append(out / name)
    if written:
        manifest.save()
    return written


def links_in(page: str) -> list[str]:
    """Every ``href`` of a page (tests use it to check that each link resolves).

    >>> links_in('href="html/a.html" href="pdf/a.pdf"')
    ['html/a.html', 'pdf/a.pdf']
    """
    import re

    return [_html.unescape(h) for h in re.findall(r'href="([^"]*)"', page)]


__all__ = ["default_table", "dti_figures", "entry_units", "has_units", "index_html", "index_rows", "index_view",
           "links_in", "overview_links", "row_id", "search_key", "static_text", "table_id", "write_index"]
