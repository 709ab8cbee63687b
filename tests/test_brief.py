"""The short brief of a province-year whose only published figure is its DTI rank (issue 10, item 10):
a real papermill render of Hà Nam 2022 (HTML and PDF, at most 3 pages), what it states, the layout
parameter that forces either form, and a wrong layout refused before any kernel starts."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dti_helpers import report
from dti_helpers.render import report as render
from validators import nu_check

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def _text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _sections(html):
    return re.findall(r'<section id="([a-z]+)" class="report-section([^"]*)"', html)


@pytest.fixture(scope="module")
def ha_nam(tmp_path_factory):
    """Hà Nam 2022 in Vietnamese (its DTI rank 34/63 is its only published figure that year)."""
    out = tmp_path_factory.mktemp("brief")
    paths = render.render_report("Hà Nam", 2022, "vi", out_dir=out)
    return {k: Path(v) for k, v in paths.items()}


def test_the_pdf_has_at_most_three_pages(ha_nam):
    info = subprocess.run(["pdfinfo", str(ha_nam["pdf"])], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert pages <= 3, pages


def test_the_brief_says_why_it_is_short_and_holds_rank_map_successor(ha_nam):
    html = ha_nam["html"].read_text("utf-8")
    text = _text(html)
    assert "Năm 2022, Hà Nam mới chỉ có thứ hạng DTI được công bố; điểm DTI và các chỉ số thành phần chưa có " \
           "số liệu công bố." in text
    assert "34/63" in text  # the rank, of 63
    assert "Chưa có số liệu thứ hạng công bố cho các năm: 2020, 2021, 2023, 2024." in text  # its rank history
    # the map of the country, with its key, in the summary (and no rank ladder, peers table or scorecard)
    assert html.count('<figure class="chart">') == 1 and "Bản đồ ô 63 tỉnh" in text
    assert html.index('class="tile-key"') < html.index('<section id="country"')
    # its successor after the merger: Ninh Bình among the 34, whose 2024 figures are not published
    assert "Hà Nam hợp nhất với Nam Định và Ninh Bình; tỉnh mới mang tên Ninh Bình" in text
    assert "Sau sắp xếp 7/2025 Ninh Bình 2024: chưa có số liệu công bố" in text
    assert "Trong bảng xếp hạng năm 2024 của 34 tỉnh, thành phố mới, điểm và thứ hạng DTI của Ninh Bình" in text
    assert [s for s, _ in _sections(html)] == ["top", "headline", "country", "sources", "notes"]


def test_the_full_data_notes_follow_as_an_appendix(ha_nam):
    html = ha_nam["html"].read_text("utf-8")
    classes = dict(_sections(html))
    assert classes["notes"].strip() == "appendix"
    notes = _text(html.split('<section id="notes"', 1)[1])
    assert notes.startswith(' class="report-section appendix"> Phụ lục: Ghi chú về số liệu')
    for heading in ("Nguồn của từng số liệu", "Danh sách nguồn", "Số liệu chưa công bố", "Phương pháp",
                    "phiên bản số liệu và tham số"):
        assert heading in notes, heading
    assert 'href="https://dti.gov.vn/xep-hang-2022"' in html.split('<section id="notes"', 1)[1]
    assert "brief (tự chọn" in notes
    # the short list before it: the source of the one figure of Hà Nam's own the brief states
    sources = _text(html.split('<section id="sources"', 1)[1].split("</section>", 1)[0])
    assert "Hà Nam: Xếp hạng DTI 2022 34/63 https://dti.gov.vn/xep-hang-2022" in sources


def test_the_printed_source_list_numbers_on_across_its_columns(ha_nam):
    # the appendix prints its sources as one list per column; WeasyPrint ignores <ol start>, so the
    # numbering rests on the CSS counter's scope: each number once, none restarting at 1
    html = ha_nam["html"].read_text("utf-8").split('<section id="notes"', 1)[1]
    n = len(re.findall(r'<li id="src-\d+">', html.split('class="refs-cols', 1)[1].split("</div>", 1)[0]))
    text = subprocess.run(["pdftotext", str(ha_nam["pdf"]), "-"], capture_output=True, text=True, check=True).stdout
    numbers = [int(m) for m in re.findall(r"^(\d+)\. \S+\.\S", text, re.M)]  # "14. news.laodong.vn/…"
    assert n > 20 and sorted(numbers) == list(range(1, n + 1)), numbers


def test_the_brief_page_passes_the_w3c_checker(ha_nam):
    nu_check(ha_nam["html"])


def test_no_printed_page_ends_on_a_heading_and_the_last_is_not_near_empty(ha_nam):
    html = ha_nam["html"].read_text("utf-8")
    headings = {re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", html)}
    text = subprocess.run(["pdftotext", "-layout", str(ha_nam["pdf"]), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = text.split("\f")[:-1]
    for number, page in enumerate(pages, 1):
        body = [line.strip() for line in page.splitlines() if line.strip()][:-1]  # the last line: the page number
        assert body and body[-1] not in headings, (number, body[-1:])
    assert len([line for line in pages[-1].splitlines() if line.strip()]) > 12


def test_on_a_phone_nothing_scrolls_sideways_the_map_reads_and_axe_finds_nothing_serious(ha_nam):
    from browser import Browser, chromium
    from test_device import AXE, MEASURE, MIN_TEXT_PX, PHONE

    binary = chromium()
    if not binary:
        pytest.fail("chromium is missing: install it (make test-deps)")
    browser = Browser(binary)
    try:
        browser.open(ha_nam["html"], width=PHONE)
        seen = browser.evaluate(MEASURE)
        assert seen["scroll"] <= seen["inner"] == PHONE and seen["small"] == [], (seen["scroll"], seen["small"][:5])
        for width in (1280, PHONE):  # at 1280 px the map stands beside the summary, narrower than the page
            browser.open(ha_nam["html"], width=width)
            assert browser.evaluate(MEASURE)["small"] == [], (width, MIN_TEXT_PX)
            browser.evaluate(AXE.read_text(encoding="utf-8") + ";0")
            found = browser.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map("
                                     "v => ({id: v.id, impact: v.impact})))")
            assert [v for v in found if v["impact"] in ("serious", "critical")] == [], width
    finally:
        browser.close()


def test_a_province_with_full_data_is_not_a_brief():
    rep = report.setup("Đà Nẵng", 2021, "vi")
    assert not rep.is_brief and rep.layout == "full"
    assert [s.id for s in report.build(rep)] == ["top", "headline", "scorecard", "peers", "country", "trend",
                                                 "strengths", "notes"]
    assert report.sources(rep) is None


def test_the_brief_in_english_and_a_brief_asked_for():
    rep = report.setup("Hà Nam", 2022, "en")
    text = _text("".join(s.html() for s in report.build(rep)))
    assert "For 2022, only the DTI rank of Hà Nam has been published; its DTI score and its pillar and index " \
           "figures have not." in text
    assert "Appendix: Data notes" in text and "Rank in the country and over the years" in text
    # forced on a province with full data, the brief says it was asked for, not that data are missing
    rep = report.setup("Đà Nẵng", 2021, "en", layout="brief")
    text = _text(report.headline(rep).html())
    assert rep.is_brief and "as asked" in text and "only the DTI rank" not in text and "0.6419" in text


def test_a_rank_history_with_changes_only_within_one_unit_set():
    rep = report.setup("Thanh Hóa", 2022, "en")  # a brief: 2022 has only its rank
    assert rep.is_brief
    html = report.country(rep).html()
    assert "up 3 places (since 2020)" in _text(html) and "down 3 places (since 2021)" in _text(html)
    assert "The method changed in 2021: ranks before and after it still compare" in _text(html)
    assert not re.search(r"\b0\.\d{4}\b", _text(html))  # no score, so no score change


def test_layout_full_gives_the_full_report(tmp_path):
    html = render.render_report("Hà Nam", 2022, "vi", formats=("html",), out_dir=tmp_path,
                                layout="full")["html"].read_text("utf-8")
    assert [s for s, _ in _sections(html)] == ["top", "headline", "scorecard", "peers", "country", "trend",
                                               "strengths", "notes"]
    assert "mới chỉ có thứ hạng DTI được công bố" not in html and "full (theo yêu cầu)" in _text(html)


@pytest.mark.parametrize("command", [
    [PY, "-m", "dti_helpers.render", "Hà Nam", "--year", "2022", "--layout", "short"],
    [PY, "-m", "dti_helpers", "render", "Hà Nam", "--year", "2022", "--layout", "short"],
    [PY, str(ROOT / "run_reports.py"), "Hà Nam", "--year", "2022", "--layout", "short"],
])
def test_a_wrong_layout_is_one_line_exit_2_and_no_kernel(command, tmp_path):
    run = subprocess.run([*command, "--out", str(tmp_path / "out")], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "short" in lines[0] and "auto, full, brief" in lines[0], run.stderr
    assert "Traceback" not in run.stderr and not (tmp_path / "out" / "notebooks").exists()


def test_layout_is_a_notebook_parameter_and_part_of_the_job_digest():
    from dti_helpers.batch.plan import province_jobs
    from dti_helpers.data.load import load_dti

    params = render.check_params("Hà Nam", 2022, layout="full")
    assert params.notebook_parameters()["layout"] == "full"
    data = load_dti()
    digests = {layout: province_jobs(data, ["35"], year=2022, langs=("vi",), formats=("html",),
                                     layout=layout)[0][0].digest for layout in ("auto", "full")}
    assert digests["auto"] != digests["full"]
    with pytest.raises(report.ParameterError, match="unknown layout 'x'; use one of: auto, full, brief"):
        report.setup("Hà Nam", 2022, layout="x")
