"""The index page on its own: written from a small manifest (no batch), checked in a real browser and the validator.

The full-batch tests in test_batch.py check the same page over 63 real reports;
these run in seconds, so a change to the template, its CSS or its script is
caught without building every province.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from dti_helpers import load_dti
from dti_helpers.batch.manifest import Manifest
from dti_helpers.batch.site import PAGES, index_html, index_rows, links_in, static_text, write_index
from dti_helpers.render.report import report_css
from validators import nu_check

REPORTS = {  # output path -> manifest record, as the batch writes them
    "html/bac-giang-2020-vi.html": {"kind": "province", "code": "24", "year": 2020, "lang": "vi", "format": "html"},
    "pdf/bac-giang-2020-vi.pdf": {"kind": "province", "code": "24", "year": 2020, "lang": "vi", "format": "pdf"},
    "html/da-nang-2021-en.html": {"kind": "province", "code": "48", "year": 2021, "lang": "en", "format": "html"},
    "html/national-overview-2022-vi.html": {"kind": "overview", "year": 2022, "lang": "vi", "format": "html"},
    "pdf/national-overview-2022-en.pdf": {"kind": "overview", "year": 2022, "lang": "en", "format": "pdf"},
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A report folder holding a few (empty) reports, their manifest and the index pages."""
    out = tmp_path_factory.mktemp("site")
    manifest = Manifest(out)
    for rel, entry in REPORTS.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text("", encoding="utf-8")
        manifest.record(rel, {**entry, "inputs": "x", "bytes": 0})
    assert [p.name for p in write_index(out, manifest, load_dti(), css=report_css())] == list(PAGES.values())
    return out


def test_links_resolve_and_every_province_has_a_row(folder):
    for page in PAGES.values():
        text = (folder / page).read_text(encoding="utf-8")
        for link in links_in(text):
            if link.startswith("#"):  # the year selector and the rows' "report for <year>": anchors of this page
                assert f'id="{link[1:]}"' in text, f"{page}: no anchor {link}"
            else:
                assert (folder / link).is_file(), f"{page}: broken link {link}"
        assert sorted(link for link in links_in(text) if "/" in link) == sorted(REPORTS)
        assert text.count("<tr ") == 5 * 63  # one table per assessed year, every province in each
    vi = (folder / "index.html").read_text(encoding="utf-8")
    assert "0,3615" in vi and "10/63" in vi  # Bắc Giang's 2020 report row: its score and rank
    assert "chưa có báo cáo" in vi and 'href="index-en.html"' in vi


def year_tables(page: str) -> dict[str, str]:
    """Each year's table of a page (or DOM) by its id: the HTML from its section to the next."""
    parts = re.split(r'(?=<section class="year-table")', page)
    return {re.search(r'id="([^"]+)"', p).group(1): p for p in parts[1:]}


def test_each_table_is_one_year_and_a_report_of_another_year_says_which(folder):
    vi = (folder / "index.html").read_text(encoding="utf-8")
    tables = year_tables(vi)
    assert list(tables) == ["y63-2024", "y63-2023", "y63-2022", "y63-2021", "y63-2020"]
    for table_id, html in tables.items():
        year = table_id.split("-")[1]
        assert f"Năm {year} · 63 tỉnh, thành phố trước sắp xếp" in html
        assert set(re.findall(r'<tr id="r63-(\d+)-', html)) == {year}  # the ranks of one year only
    # Bắc Giang's report is of 2020: the other years' rows say so and lead to it
    assert 'href="html/bac-giang-2020-vi.html"' in tables["y63-2020"]
    assert '<a class="other-year" href="#r63-2020-24">báo cáo năm 2020</a>' in tables["y63-2022"]
    assert '<a class="other-year" href="#r63-2021-48">báo cáo năm 2021</a>' in tables["y63-2020"]  # Đà Nẵng (en)
    # the 2022 ranks are the 2022 figures: Bắc Giang 9/63, not its 2020 rank
    row = re.search(r'<tr id="r63-2022-24".*?</tr>', tables["y63-2022"], re.S).group(0)
    assert "9/63" in row and "10/63" not in row
    # without script nothing is hidden: every table is on the page and the selector links jump to them
    assert 'class="year-table"' in vi and "hidden" not in "".join(re.findall(r'<section class="year-table"[^>]*>', vi))
    nav = vi[vi.index('<nav class="years"'):vi.index("</nav>")]
    assert re.findall(r'href="#(y63-\d+)"', nav) == list(tables)
def test_page_is_self_contained(folder):
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"<(link|script)[^>]+(href|src)=", page)  # nothing to fetch: works from file://
    assert static_text("index.js").strip() in page and static_text("index.css").strip() in page
    assert report_css().strip()[:200] in page


def test_page_text_is_escaped():
    data = load_dti()
    rows = index_rows({}, data)
    rows[0] = dict(rows[0], name="A <b> & \"c\"")
    page = index_html(rows, data, "en")
    assert "A &lt;b&gt; &amp; &#34;c&#34;" in page and "A <b>" not in page


def test_a_new_stylesheet_rewrites_the_pages(folder):
    manifest = Manifest(folder)
    assert write_index(folder, manifest, load_dti(), css=report_css()) == []
    changed = write_index(folder, manifest, load_dti(), css=report_css() + "\n/* new */")
    assert [p.name for p in changed] == list(PAGES.values())
    assert "/* new */" in (folder / "index.html").read_text(encoding="utf-8")
    write_index(folder, manifest, load_dti(), css=report_css())


def test_pages_pass_the_w3c_validator(folder):
    nu_check(*(folder / p for p in PAGES.values()))


def browser_dom(page: Path, query: str) -> str:
    """The page's DOM after its script ran in headless Chromium, opened as ``page?query``."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        pytest.skip("no chromium to run the index page's script")
    profile = tempfile.mkdtemp()
    return subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           f"--user-data-dir={profile}", "--dump-dom", f"{page.as_uri()}?{query}"],
                          capture_output=True, text=True, timeout=120).stdout


def shown_table(dom: str) -> tuple[str, str]:
    """The one year table the script left visible: (its id, its HTML)."""
    shown = [(tid, html) for tid, html in year_tables(dom).items()
             if "hidden" not in re.match(r"<section[^>]*>", html).group(0)]
    assert len(shown) == 1, [tid for tid, _ in shown]
    return shown[0]


def visible_rows(page: Path, query: str) -> list[str]:
    """Names in the rows of the table a real browser shows for ``?query``."""
    _, html = shown_table(browser_dom(page, query))
    rows = re.findall(r"<tr ([^>]*)>\s*<th[^>]*>([^<]*)</th>", html)
    assert len(rows) == 63, html[:500]
    return [name for attrs, name in rows if "hidden" not in attrs]


def test_search_ignores_diacritics_and_filters_by_region(folder):
    page = folder / "index.html"
    assert visible_rows(page, "q=thua%20thien%20hue") == ["Thừa Thiên - Huế"]
    assert visible_rows(page, "q=%C4%91%C3%A0%20n%E1%BA%B5ng") == visible_rows(page, "q=da%20nang") == ["TP. Đà Nẵng"]
    assert len(visible_rows(page, "region=central_highlands")) == 5
    assert visible_rows(page, "q=gia&region=central_highlands") == ["Gia Lai"]
    dom = browser_dom(folder / "index-en.html", "q=gia&region=central_highlands")
    assert "Showing 1 of 63 rows" in dom and 'id="controls" hidden' not in dom  # the script showed the controls


def test_year_selector_shows_one_year_at_a_time(folder):
    page = folder / "index.html"
    # first the table with the most reports, the newest of equals: 2020 and 2021 have one each
    dom = browser_dom(page, "")
    assert shown_table(dom)[0] == "y63-2021"
    assert re.search(r'<a href="#y63-2021" data-table="y63-2021" aria-current="true">', dom)
    nav = dom[dom.index('<nav class="years"'):dom.index("</nav>")]
    assert len(re.findall(r'aria-current="true"', nav)) == 1
    assert shown_table(browser_dom(page, "year=2020&units=63"))[0] == "y63-2020"
    assert shown_table(browser_dom(page, "year=1999"))[0] == "y63-2021"  # a year without a table: the first one
    # an address naming a row opens that row's year (the "report for 2020" links of the other years)
    dom = browser_dom(page, "q=bac%20giang#r63-2020-24")
    table_id, html = shown_table(dom)
    assert table_id == "y63-2020" and 'href="html/bac-giang-2020-vi.html"' in html
    assert "Đang hiển thị 1/63 dòng" in dom


def test_the_34_units_get_their_own_named_table_and_overview_link(tmp_path):
    out = tmp_path / "site34"
    manifest = Manifest(out)
    entries = {**REPORTS,
               "html/bac-ninh-34-2024-vi.html": {"kind": "province", "code": "24", "year": 2024, "lang": "vi",
                                                 "format": "html", "units": "34"},
               "html/national-overview-34-2024-vi.html": {"kind": "overview", "year": 2024, "lang": "vi",
                                                          "format": "html", "units": "34"}}
    for rel, entry in entries.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text("", encoding="utf-8")
        manifest.record(rel, {**entry, "inputs": "x", "bytes": 0})
    write_index(out, manifest, load_dti(), css="")
    vi = (out / "index.html").read_text(encoding="utf-8")
    tables = year_tables(vi)
    assert vi.count("<tr ") == 5 * 63 + 34 and list(tables)[-1] == "y34-2024"
    assert "63 tỉnh, thành phố trước sắp xếp" in vi and "34 tỉnh, thành phố sau sắp xếp ngày 1/7/2025" in vi
    assert "Tổng quan 34 tỉnh, thành phố sau sắp xếp 2024" in vi
    nav = vi[vi.index('<nav class="years"'):vi.index("</nav>")]
    assert nav.index("63 tỉnh") < nav.index('href="#y63-2020"') < nav.index("34 tỉnh") < nav.index('href="#y34-2024"')
    # code 24 is Bắc Giang among the 63 and Bắc Ninh among the 34: each link lands in its own set's table
    assert "html/bac-giang-2020-vi.html" in tables["y63-2020"] and "html/bac-ninh-34-2024-vi.html" in tables["y34-2024"]
    assert "html/bac-ninh-34-2024-vi.html" not in tables["y63-2024"]
    assert "1/34" in tables["y34-2024"] and "0,8241" in tables["y34-2024"]  # Hà Nội's published 34-unit figures
    for link in links_in(vi):
        assert link.startswith("#") or (out / link).is_file(), link
    if shutil.which("chromium") or shutil.which("chromium-browser"):
        table_id, html = shown_table(browser_dom(out / "index.html", "q=bac%20ninh&year=2024&units=34"))
        shown = [name for attrs, name in re.findall(r"<tr ([^>]*)>\s*<th[^>]*>([^<]*)</th>", html)
                 if "hidden" not in attrs]
        assert table_id == "y34-2024" and shown == ["Bắc Ninh"]  # the new unit, in the 34's table
