"""The index page of a report folder: every province, its report year, DTI score and rank, and links.

One static HTML5 file per language (``index.html`` in Vietnamese,
``index-en.html`` in English), self-contained (styles, fonts and a few lines of
script inline), so it works opened straight from ``file://``. Without script
it is a plain table; with script it sorts by any column, filters by region
and searches names with or without diacritics (``index.html?q=hue&region=…``
opens it already filtered).

Rows come from the folder's manifest: one row per province and report year
that has a report, and one row for each province without any report (its
latest published year, marked "no report yet"). Scores and ranks come from
the data, "not published" where the ministry's figure is not in it.

>>> from dti_helpers import load_dti
>>> rows = index_rows({}, load_dti())
>>> len(rows), rows[0]["links"]
(63, {})
"""
from __future__ import annotations

import html as _html
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from dti_helpers.analysis.national import data_row
from dti_helpers.core.names import search_key
from dti_helpers.analysis.provenance import note_text
from dti_helpers.core.labels import LANGS, fmt_rank, fmt_score, t
from dti_helpers.batch.digests import inputs_digest, tree_digest
from dti_helpers.batch.manifest import Manifest
from dti_helpers.core.fsio import atomic_write

PAGES = {"vi": "index.html", "en": "index-en.html"}


def index_rows(entries: dict, data) -> list[dict]:
    """Rows of the index from manifest ``entries`` (output path → record) and the data.

    Each row: code, name, slug, region, year, score, rank, doubtful, and
    ``links`` {lang: {format: relative path}} (empty for a province without report).

    >>> from dti_helpers import load_dti
    >>> e = {"html/bac-giang-2020-vi.html": {"kind": "province", "code": "24", "year": 2020, "lang": "vi",
    ...                                      "format": "html"}}
    >>> r = [r for r in index_rows(e, load_dti()) if r["code"] == "24"][0]
    >>> r["year"], r["score"], r["rank"], r["links"]
    (2020, 0.3615, 10, {'vi': {'html': 'html/bac-giang-2020-vi.html'}})
    """
    from dti_helpers.analysis.province import latest_year

    reports: dict[tuple[str, int], dict] = {}
    for path, entry in sorted(entries.items()):
        if entry.get("kind") != "province" or entry.get("code") not in data.provinces.index:
            continue
        if entry_units(entry) != data.units:  # codes mean other units in the other set
            continue
        key = (entry["code"], int(entry["year"]))
        reports.setdefault(key, {}).setdefault(entry["lang"], {})[entry["format"]] = path
    rows = []
    for code, prov in data.provinces.iterrows():
        years = sorted(y for c, y in reports if c == code) or [latest_year(data, code)]
        for year in years:
            score, rank = data.value(code, year, "dti") if year is not None else (None, None)
            rows.append({"code": code, "name": prov["name"], "short_name": prov["short_name"], "slug": prov["slug"],
                         "region": prov["region"], "year": year, "score": score, "rank": rank,
                         "doubtful": _doubtful(data, code, year),
                         "links": {lang: dict(sorted(f.items())) for lang, f in sorted(reports.get((code, year),
                                                                                                  {}).items())}})
    return rows


def _doubtful(data, code: str, year) -> bool:
    row = data_row(data, code, year, "dti") if year is not None else None
    return bool(row is not None and row.doubtful)


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


def _body(rows: list[dict], data, lang: str, doubts: list) -> list[dict]:
    """The template's rows of one unit set (``data`` is that set's view); doubt notes go to ``doubts``."""
    cat = data.catalogue
    body = []
    for r in rows:
        if r["doubtful"]:  # the mark goes on the figure that is published (the one in doubt)
            doubts.append(t("idx_doubt_note", lang, name=r["name"], year=r["year"],
                            note=_doubt_note(data, r["code"], r["year"], lang)))
        region = cat.region_name(r["region"], lang)
        body.append({"region": r["region"], "search": search_key(r["name"], r["slug"], r["code"]),
                     "name": r["name"], "name_key": search_key(r["short_name"]),
                     "region_name": region, "region_key": search_key(region), "year": r["year"] or "",
                     "score": None if r["score"] is None else fmt_score(r["score"], lang),
                     "score_value": "" if r["score"] is None else r["score"],
                     "rank": None if r["rank"] is None else fmt_rank(r["rank"], data.n_units, lang),
                     "rank_value": "" if r["rank"] is None else r["rank"],
                     "doubtful": bool(r["doubtful"]), "links": _links(r["links"], lang)})
    return body


def index_view(rows: list[dict], data, lang: str = "vi", overviews: dict | None = None,
               rows_34: list[dict] | None = None, overviews_34: dict | None = None) -> dict:
    """What the index page shows in ``lang``, as plain strings: the template's only input (besides styles).

    ``rows`` are the 63's (:func:`index_rows` of the 63's view); ``rows_34``, when given, the 34 units'
    second table, named as such.

    >>> from dti_helpers import load_dti
    >>> v = index_view(index_rows({}, load_dti()), load_dti(), "en")
    >>> len(v["tables"][0]["rows"]), v["switch"], v["tables"][0]["rows"][0]["links"]
    (63, [{'href': 'index.html', 'lang': 'vi', 'label': 'Tiếng Việt'}], [])
    """
    cat = data.catalogue
    sets = [(data.for_units("63"), rows, "reports", "idx_caption" if rows_34 is None else "idx_caption_63")]
    if rows_34 is not None:
        sets.append((data.for_units("34"), rows_34, "reports-34", "idx_caption_34"))
    present = set(data.provinces.region) | (set(data.for_units("34").provinces.region) if rows_34 is not None else set())
    doubts: list[str] = []
    tables = [{"id": table_id, "caption": t(caption, lang), "rows": _body(set_rows, view, lang, doubts)}
              for view, set_rows, table_id, caption in sets]
    links = [(t(key, lang, year=year), ov_lang, formats)  # newest year first, per set
             for found, key in ((overviews, "idx_overview"), (overviews_34, "idx_overview_34"))
             for (year, ov_lang), formats in sorted((found or {}).items(), key=lambda kv: (-kv[0][0], kv[0][1]))]
    n_reports = sum(1 for table in tables for r in table["rows"] if r["links"])
    return {
        "lang": lang, "title": t("idx_title", lang), "lede": t("idx_lede", lang, n=n_reports),
        "switch": [{"href": PAGES[lg], "lang": lg, "label": t("idx_in_lang", lg)} for lg in LANGS if lg != lang],
        "overviews": [{"label": label, "links": _links({ov_lang: formats}, lang)} for label, ov_lang, formats in links],
        "search_label": t("idx_search", lang), "region_label": t("idx_filter_region", lang),
        "region_all": t("idx_region_all", lang), "count_template": t("idx_count", lang),
        "regions": [{"value": r, "label": cat.region_name(r, lang)} for r in cat.regions.index if r in present],
        "reports_label": t("idx_reports", lang),
        "columns": [{"label": t(key, lang), "kind": kind} for key, kind in
                    (("province", "text"), ("region", "text"), ("year", "num"), ("kpi_score", "num"),
                     ("kpi_rank", "num"))],
        "tables": tables, "not_published": t("not_published", lang), "doubtful": t("doubtful", lang),
        "no_report": t("idx_no_report", lang), "doubts": list(dict.fromkeys(doubts)),
        "doubtful_intro": t("doubtful_intro", lang), "year_note": t("idx_year_note", lang)}


def index_html(rows: list[dict], data, lang: str = "vi", overviews: dict | None = None, css: str = "",
               rows_34: list[dict] | None = None, overviews_34: dict | None = None) -> str:
    """The index page in ``lang`` as one HTML5 string; ``css`` is the report stylesheet the page shares.

    >>> from dti_helpers import load_dti
    >>> page = index_html(index_rows({}, load_dti()), load_dti(), "en")
    >>> page.count("data-region=") == 63 and 'lang="en"' in page
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


__all__ = ["entry_units", "has_units", "index_html", "index_rows", "index_view", "links_in", "overview_links", "search_key", "static_text",
           "write_index"]
