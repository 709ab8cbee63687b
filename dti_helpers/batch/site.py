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
from pathlib import Path

from dti_helpers.analysis.national import search_key
from dti_helpers.core.labels import LANGS, fmt_rank, fmt_score, t
from dti_helpers.batch.manifest import Manifest, inputs_digest, tree_digest
from dti_helpers.core.fsio import atomic_write

PAGES = {"vi": "index.html", "en": "index-en.html"}
N_UNITS = 63


def _esc(text) -> str:
    return _html.escape(str(text), quote=True)


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
    tab = data.table
    hit = tab[(tab.unit_set == "63") & (tab.province_code == code) & (tab.year == year) & (tab.metric == "dti")]
    return bool(hit.doubtful.any()) if not hit.empty else False


def _doubt_note(data, code: str, year, lang: str) -> str:
    """The note of a doubtful DTI row in ``lang`` (the same text the province report footnotes)."""
    from dti_helpers.sections.province import _note_text

    tab = data.table
    hit = tab[(tab.unit_set == "63") & (tab.province_code == code) & (tab.year == year) & (tab.metric == "dti")]
    return _note_text(hit.iloc[0], lang) if not hit.empty else ""


def _doubt_html(items: list[str], lang: str) -> str:
    """The visible legend of the † marks: each doubtful figure with its note, so the reason shows in print too."""
    if not items:
        return ""
    lis = "".join(f"<li>{_esc(i)}</li>" for i in dict.fromkeys(items))
    return (f'<div class="doubt-notes"><p>† {_esc(t("doubtful_intro", lang))}</p><ul>{lis}</ul></div>\n')


def overview_links(entries: dict) -> dict:
    """National overview outputs in the manifest: {(year, lang): {format: path}}.

    >>> overview_links({"pdf/national-overview-2022-en.pdf": {"kind": "overview", "year": 2022, "lang": "en",
    ...                                                      "format": "pdf"}})
    {(2022, 'en'): {'pdf': 'pdf/national-overview-2022-en.pdf'}}
    """
    found: dict = {}
    for path, entry in sorted(entries.items()):
        if entry.get("kind") == "overview":
            found.setdefault((int(entry["year"]), entry["lang"]), {})[entry["format"]] = path
    return found


_SCRIPT = """
(function () {
  var table = document.getElementById("reports"), body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var search = document.getElementById("q"), region = document.getElementById("region");
  var count = document.getElementById("count"), controls = document.getElementById("controls");
  function fold(s) {
    return s.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").replace(/[đĐ]/g, "d")
            .toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }
  function apply() {
    var q = fold(search.value), r = region.value, n = 0;
    rows.forEach(function (row) {
      var show = (!r || row.dataset.region === r) && (!q || row.dataset.search.indexOf(q) !== -1);
      row.hidden = !show;
      if (show) { n += 1; }
    });
    count.textContent = count.dataset.template.replace("{n}", n).replace("{total}", rows.length);
  }
  function sortBy(col, button) {
    var dir = button.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    Array.prototype.forEach.call(table.tHead.querySelectorAll("th"), function (th) {
      th.removeAttribute("aria-sort");
    });
    button.parentNode.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    button.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    var numeric = button.dataset.type === "num";
    rows.sort(function (a, b) {
      var x = a.cells[col].dataset.v, y = b.cells[col].dataset.v;
      if (x === "" && y === "") { return 0; }
      if (x === "") { return 1; }   /* not published: always last */
      if (y === "") { return -1; }
      var c = numeric ? Number(x) - Number(y) : x.localeCompare(y, document.documentElement.lang);
      return c * dir;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  Array.prototype.forEach.call(table.tHead.querySelectorAll("button"), function (button, i) {
    button.addEventListener("click", function () { sortBy(i, button); });
  });
  search.addEventListener("input", apply);
  region.addEventListener("change", apply);
  /* index.html?q=hue&region=central_highlands opens already filtered (a link can share a view) */
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { search.value = params.get("q"); }
  if (params.get("region")) { region.value = params.get("region"); }
  controls.hidden = false;
  apply();
})();
"""

_CSS = """
.controls { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; align-items: end; margin: 1rem 0 0.5rem; }
.controls label { display: block; font-size: 0.8125rem; color: var(--muted); }
.controls input, .controls select { font: inherit; padding: 0.3rem 0.45rem; min-width: 16rem; }
th button { font: inherit; font-weight: bold; background: none; border: 0; padding: 0; cursor: pointer;
            color: inherit; text-align: inherit; }
th button::after { content: " \\2195"; color: var(--muted); font-weight: normal; }
th[aria-sort="ascending"] button::after { content: " \\2191"; }
th[aria-sort="descending"] button::after { content: " \\2193"; }
td.links a { margin-right: 0.5rem; white-space: nowrap; }
.count { font-size: 0.8125rem; color: var(--muted); }
.overview { background: var(--band); border: 1px solid var(--line); border-radius: 4px; padding: 0.6rem 1rem; }
"""


def _links_html(links: dict, lang: str) -> str:
    if not links:
        return f'<span class="np">{_esc(t("idx_no_report", lang))}</span>'
    parts = []
    for report_lang, files in links.items():
        for fmt, path in files.items():
            label = t("idx_link", lang, format=fmt.upper(), report_lang=report_lang)
            parts.append(f'<a href="{_esc(path)}" hreflang="{_esc(report_lang)}">{_esc(label)}</a>')
    return "".join(parts)


def index_html(rows: list[dict], data, lang: str = "vi", overviews: dict | None = None, css: str = "") -> str:
    """The index page in ``lang`` as one HTML5 string.

    >>> from dti_helpers import load_dti
    >>> page = index_html(index_rows({}, load_dti()), load_dti(), "en")
    >>> page.startswith("<!DOCTYPE html>") and page.count("<tr ") == 63
    True
    """
    cat = data.catalogue
    regions = [r for r in cat.regions.index if r in set(data.provinces.region)]
    head = [("province", "text"), ("region", "text"), ("year", "num"), ("kpi_score", "num"), ("kpi_rank", "num")]
    ths = "".join(f'<th scope="col"><button type="button" data-type="{kind}">{_esc(t(key, lang))}</button></th>'
                  for key, kind in head) + f'<th scope="col">{_esc(t("idx_reports", lang))}</th>'
    body, doubts = [], []
    for r in rows:
        score = (f'<span class="np">{_esc(t("not_published", lang))}</span>' if r["score"] is None
                 else _esc(fmt_score(r["score"], lang)))
        rank = (f'<span class="np">{_esc(t("not_published", lang))}</span>' if r["rank"] is None
                else _esc(fmt_rank(r["rank"], N_UNITS, lang)))
        if r["doubtful"]:  # the mark goes on the figure that is published (the one in doubt)
            mark = lambda cell: f'<span class="doubtful" title="{_esc(t("doubtful", lang))}">{cell}<sup>†</sup></span>'  # noqa: E731
            score = mark(score) if r["score"] is not None else score
            rank = mark(rank) if r["rank"] is not None else rank
            doubts.append(t("idx_doubt_note", lang, name=r["name"], year=r["year"],
                            note=_doubt_note(data, r["code"], r["year"], lang)))
        region = cat.region_name(r["region"], lang)
        body.append(
            f'<tr data-region="{_esc(r["region"])}" data-search="{_esc(search_key(r["name"], r["slug"], r["code"]))}">'
            f'<td data-v="{_esc(search_key(r["short_name"]))}">{_esc(r["name"])}</td>'
            f'<td data-v="{_esc(search_key(region))}">{_esc(region)}</td>'
            f'<td class="num" data-v="{r["year"] or ""}">{r["year"] or ""}</td>'
            f'<td class="num" data-v="{"" if r["score"] is None else r["score"]}">{score}</td>'
            f'<td class="num" data-v="{"" if r["rank"] is None else r["rank"]}">{rank}</td>'
            f'<td class="links">{_links_html(r["links"], lang)}</td></tr>')
    options = "".join(f'<option value="{_esc(r)}">{_esc(cat.region_name(r, lang))}</option>' for r in regions)
    other = [(lg, PAGES[lg]) for lg in LANGS if lg != lang]
    switch = " · ".join(f'<a href="{p}" hreflang="{lg}">{_esc(t("idx_in_lang", lg))}</a>' for lg, p in other)
    ov = ""
    if overviews:
        items = []
        for (year, ov_lang), files in sorted(overviews.items(), key=lambda kv: (-kv[0][0], kv[0][1])):
            links = " ".join(f'<a href="{_esc(p)}" hreflang="{ov_lang}">{_esc(t("idx_link", lang, format=f.upper(), report_lang=ov_lang))}</a>'
                             for f, p in files.items())
            items.append(f"<li>{_esc(t('idx_overview', lang, year=year))}: {links}</li>")
        ov = f'<section class="overview"><ul>{"".join(items)}</ul></section>'
    n_reports = sum(1 for r in rows if r["links"])
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<title>{_esc(t("idx_title", lang))}</title>\n<style>\n{css}\n{_CSS}</style>\n</head>\n<body>\n<main>\n'
        f'<p class="subtitle">{switch}</p>\n<h1>{_esc(t("idx_title", lang))}</h1>\n'
        f'<p class="lede">{_esc(t("idx_lede", lang, n=n_reports))}</p>\n{ov}\n'
        f'<div class="controls" id="controls" hidden>'
        f'<div><label for="q">{_esc(t("idx_search", lang))}</label><input type="search" id="q" autocomplete="off"></div>'
        f'<div><label for="region">{_esc(t("idx_filter_region", lang))}</label><select id="region">'
        f'<option value="">{_esc(t("idx_region_all", lang))}</option>{options}</select></div>'
        f'<p class="count" id="count" aria-live="polite" data-template="{_esc(t("idx_count", lang))}"></p></div>\n'
        f'<div class="table-wrap"><table class="data" id="reports"><caption>{_esc(t("idx_caption", lang))}</caption>'
        f'<thead><tr>{ths}</tr></thead>\n<tbody>\n' + "\n".join(body) + "\n</tbody></table></div>\n"
        f'{_doubt_html(doubts, lang)}'
        f'<p class="muted">{_esc(t("idx_year_note", lang))}</p>\n'
        f"</main>\n<script>{_SCRIPT}</script>\n</body>\n</html>\n")


def write_index(out_dir: str | Path, manifest: Manifest, data) -> list[Path]:
    """Write ``index.html`` and ``index-en.html`` into ``out_dir`` when their content changed.

    The pages are recorded in ``manifest`` like any output (kind ``index``).
    Returns the pages written.

    >>> import tempfile
    >>> from dti_helpers import load_dti
    >>> d = Path(tempfile.mkdtemp()); m = Manifest(d)
    >>> [p.name for p in write_index(d, m, load_dti())], [p.name for p in write_index(d, m, load_dti())]
    (['index.html', 'index-en.html'], [])
    """
    from dti_helpers.render.report import report_css

    out = Path(out_dir)
    rows = index_rows(manifest.entries, data)
    overviews = overview_links(manifest.entries)
    here = Path(__file__).parent
    digest = inputs_digest({"rows": rows, "overviews": {f"{y}-{lg}": f for (y, lg), f in overviews.items()},
                            "source": tree_digest(here), "data": data.version})
    written = []
    for lang, name in PAGES.items():
        if manifest.current(name, digest):
            continue
        atomic_write(out / name, index_html(rows, data, lang, overviews, css=report_css()))
        manifest.record(name, {"inputs": digest, "kind": "index", "lang": lang, "format": "html",
                               "bytes": (out / name).stat().st_size})
        written.append(out / name)
    if written:
        manifest.save()
    return written


def links_in(page: str) -> list[str]:
    """Every ``href`` of a page (tests use it to check that each link resolves).

    >>> links_in('<a href="html/a.html">a</a> <a href="pdf/a.pdf">b</a>')
    ['html/a.html', 'pdf/a.pdf']
    """
    import re

    return [_html.unescape(h) for h in re.findall(r'href="([^"]*)"', page)]


__all__ = ["index_html", "index_rows", "links_in", "overview_links", "search_key", "write_index"]
