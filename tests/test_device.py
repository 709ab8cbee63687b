"""Reports a leader can read anywhere (issue 11): a phone's screen, a dark screen, a screen reader, paper.

Real pages (nbconvert's export of the report's sections, WeasyPrint's PDF, the batch's index page)
opened in headless Chromium through the DevTools protocol (tests/browser.py): at 390 px nothing
scrolls sideways and no chart text is under 10 CSS px; axe-core finds no serious or critical
violation; the Nu checker finds no error; the PDF is tagged, embeds its fonts and is the same
bytes twice.
"""
from __future__ import annotations

import io
import re
import subprocess
from html import unescape
from pathlib import Path

import matplotlib.image as mpimg
import pytest

from dti_helpers import load_dti
from dti_helpers.batch.manifest import Manifest
from dti_helpers.batch.site import write_index
from dti_helpers.render.html import notebook_to_html, sections_to_notebook
from dti_helpers.render.pdf import html_to_pdf, report_css
from dti_helpers.render.report import render_in_process
from dti_helpers.sections import national
from browser import Browser, chromium
from validators import ROOT, nu_check

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = 390
MIN_TEXT_PX = 10


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    """A province report (63 and 34 units), an overview and the index page, as files."""
    out = tmp_path_factory.mktemp("device")
    data = load_dti()
    html = {"province": render_in_process("Bắc Giang", 2020, "vi", data=data),
            "province34": render_in_process("Hà Nội", 2024, "en", data=data, units="34"),
            "overview": notebook_to_html(sections_to_notebook(national.build(national.setup(2022, "vi"))))}
    paths = {}
    for name, text in html.items():
        paths[name] = out / f"{name}.html"
        paths[name].write_text(text, encoding="utf-8")
    manifest = Manifest(out)
    manifest.record("province.html", {"kind": "province", "code": "24", "year": 2020, "lang": "vi", "format": "html",
                                      "inputs": "x", "bytes": 0})
    manifest.record("overview.html", {"kind": "overview", "year": 2022, "lang": "vi", "format": "html", "inputs": "x",
                                      "bytes": 0})
    write_index(out, manifest, data, css=report_css())
    paths["index"] = out / "index.html"
    return paths


@pytest.fixture(scope="module")
def browser():
    binary = chromium()
    if not binary:
        pytest.fail("chromium is missing: install it (make test-deps)")
    b = Browser(binary)
    yield b
    b.close()


# What the page measures of itself: sideways overflow, and each chart word's size on screen (its font
# size in the SVG's user units times the SVG's scale from its viewBox to the pixels it takes).
MEASURE = """(() => {
  const small = [];
  let texts = 0;
  for (const svg of document.querySelectorAll('svg')) {
    const box = svg.getBoundingClientRect(), view = svg.viewBox.baseVal;
    const scale = view && view.width ? box.width / view.width : 1;
    for (const t of svg.querySelectorAll('text')) {
      texts += 1;
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (px < %(min)s) small.push(t.textContent + ' ' + px.toFixed(2) + 'px');
    }
  }
  return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth, texts, small};
})()""" % {"min": MIN_TEXT_PX}


@pytest.mark.parametrize("page", ["province", "province34", "overview", "index"])
def test_at_390_px_nothing_scrolls_sideways_and_chart_text_is_at_least_10_px(pages, browser, page):
    browser.open(pages[page], width=PHONE)
    seen = browser.evaluate(MEASURE)
    assert seen["scroll"] <= seen["inner"] == PHONE, seen
    assert seen["small"] == [], seen["small"][:10]
    if page != "index":
        assert seen["texts"] > 50  # the charts' words are text, measured here


@pytest.mark.parametrize("page", ["province", "province34", "overview", "index"])
def test_axe_finds_no_serious_or_critical_violation(pages, browser, page):
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `make test-deps` (npm ci)")
    for width, dark in ((1280, False), (PHONE, True)):
        browser.open(pages[page], width=width, dark=dark)
        browser.evaluate(AXE.read_text(encoding="utf-8") + ";0")
        found = browser.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map("
                                 "v => ({id: v.id, impact: v.impact, n: v.nodes.length, "
                                 "first: v.nodes[0].html.slice(0, 160)})))")
        bad = [v for v in found if v["impact"] in ("serious", "critical")]
        assert bad == [], (width, dark, bad)


def test_nu_checker_finds_no_error(pages):
    nu_check(*pages.values())


def test_every_chart_mark_has_a_tooltip(pages):
    html = pages["province"].read_text(encoding="utf-8")
    charts = re.findall(r"<svg .*?</svg>", html)
    assert len(charts) == 4  # peers, rank ladder, tile map, trend
    for svg in charts:
        assert '<g class="mark"><title>' in svg, svg[:200]
    ladder, tile_map = charts[1], charts[2]
    tips = re.findall(r"<title>([^<]*)</title>", tile_map)
    assert len(tips) == 63 and "Bắc Giang, 2020: hạng 10/63, điểm 0,3615" in tips
    assert any(tip.endswith(": chưa có số liệu công bố") for tip in tips)  # an unranked tile says so
    assert "Bắc Giang, 2020: hạng 10/63, điểm 0,3615" in re.findall(r"<title>([^<]*)</title>", ladder)
    # no two charts of a page share an id
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_tile_map_has_a_key_and_the_marked_points_are_named(pages):
    html = pages["province"].read_text(encoding="utf-8")
    key = html.split('class="tile-key"')[1].split("</div></dl></div></div>")[0]
    assert "<dt>HNa</dt><dd>Hà Nam</dd>" in key and "<dt>HậG</dt><dd>Hậu Giang</dd>" in key
    assert key.count("<dt>") == 63
    assert "Dấu † trên biểu đồ" in html and "Thừa Thiên - Huế (2/63)" in html


def test_source_links_read_as_host_and_page(pages):
    refs = pages["province"].read_text(encoding="utf-8").split('<ol class="refs">')[1].split("</ol>")[0]
    texts = re.findall(r'<a href="([^"]+)">([^<]+)</a>', refs)
    assert texts
    for href, text in texts:
        text = unescape(text)
        assert not text.startswith("http") and len(text) <= 72, text
        assert href.startswith("http")


def test_dark_scheme_darkens_the_page_and_keeps_charts_on_a_light_panel(pages, browser):
    browser.open(pages["province"], width=PHONE, dark=True)
    assert browser.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(22, 25, 29)"
    png = mpimg.imread(io.BytesIO(browser.screenshot()))[..., :3]
    assert png.mean() < 0.45  # mostly dark
    box = browser.evaluate("(() => { const r = document.querySelector('figure.chart svg').getBoundingClientRect();"
                           " return [r.left, r.top + window.scrollY, r.width, r.height].map(Math.round); })()")
    x, y, w, h = box
    chart = png[y:y + h, x:x + w]
    assert chart.size and chart.mean() > 0.8  # the chart reads on its white panel
    browser.open(pages["province"], width=PHONE, dark=False)
    assert browser.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"


@pytest.fixture(scope="module")
def pdf(pages, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("device-pdf") / "province.pdf"
    html_to_pdf(pages["province"].read_text(encoding="utf-8"), path)
    return path


def test_pdf_is_tagged(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M), info
    tree = subprocess.run(["pdfinfo", "-struct", str(pdf)], capture_output=True, text=True, check=True).stdout
    for role in ("H1", "H2", "P", "Table", "TH", "TD", "L", "LI", "Link"):
        assert re.search(rf"^\s*{role}\b", tree, re.M), role


def test_pdf_fonts_are_embedded(pdf):
    rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    fonts = rows.splitlines()[2:]
    assert fonts
    for line in fonts:
        assert re.search(r"\byes\s+yes\s+yes\b", line) and "DejaVu-Sans-Report" in line, line


@pytest.mark.slow
def test_pdf_is_the_same_bytes_twice(pages, pdf):
    again = html_to_pdf(pages["province"].read_text(encoding="utf-8"))
    assert again == pdf.read_bytes()


def _page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1]


def test_no_page_ends_on_a_heading_and_the_last_page_is_not_near_empty(pages, pdf):
    html = pages["province"].read_text(encoding="utf-8")
    headings = {re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", html)}
    texts = _page_texts(pdf)
    for number, page in enumerate(texts, 1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        body = lines[:-1]  # the last line is the page number
        assert body and body[-1] not in headings, (number, body[-1:])
    last = [line for line in texts[-1].splitlines() if line.strip()]
    assert len(last) > 12, last


def test_index_on_a_phone_puts_report_links_before_the_figures_and_hides_filtered_rows(pages, browser):
    browser.open(pages["index"].as_uri() + "?q=bac%20giang", width=PHONE)
    seen = browser.evaluate("""(() => {
      // the year table on show (the others are hidden by the year selector)
      const table = [...document.querySelectorAll('table.reports')].find(t => t.getBoundingClientRect().height > 0);
      const heads = [...table.querySelectorAll('thead th')].map(th => th.getBoundingClientRect().left);
      const rows = [...table.querySelectorAll('tbody tr')];
      // the province is the row header (sticky, first); its reports come next, before any figure
      return {links_left: heads[1], name_left: heads[0], figures_left: Math.min(...heads.slice(2)),
              links_right: table.querySelector('thead th:nth-child(2)').getBoundingClientRect().right,
              shown: rows.filter(r => r.getBoundingClientRect().height > 0).length,
              wrap_scrolls: table.parentElement.scrollWidth > table.parentElement.clientWidth,
              page: document.documentElement.scrollWidth};
    })()""")
    assert seen["name_left"] < seen["links_left"] < seen["figures_left"]  # the reports before the figures
    assert seen["links_right"] <= PHONE  # a phone shows the links without scrolling
    assert seen["shown"] == 1 and seen["wrap_scrolls"] and seen["page"] <= PHONE
