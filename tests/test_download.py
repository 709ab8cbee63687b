"""The figures a report shows, as CSV and XLSX beside it: rendered through the real papermill path.

One report (Bắc Giang 2020, Vietnamese) is rendered once with ``--format html,pdf,csv,xlsx`` by the
command line and shared across the assertions; the rows are checked against the page and the data.
"""
import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from bs4 import BeautifulSoup

from dti_helpers import load_dti
from dti_helpers.core.labels import fmt_rank, fmt_score
from dti_helpers.core.schema import FIGURE_COLUMNS, FIGURE_ROLES
from dti_helpers.render import report as render

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
STEM = "bac-giang-2020-vi"


def _render(out: Path, formats: str = "html,pdf,csv,xlsx", *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([PY, "-m", "dti_helpers", "render", "Bắc Giang", "--year", "2020", "--format", formats,
                           "--out", str(out), *extra], capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    run = _render(out)
    assert run.returncode == 0, run.stderr
    return out


@pytest.fixture(scope="module")
def rows(built):
    text = (built / "csv" / f"{STEM}.csv").read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture(scope="module")
def page(built):
    return BeautifulSoup((built / "html" / f"{STEM}.html").read_text("utf-8"), "html.parser")


def test_every_output_is_written_beside_the_report(built):
    for folder, suffix in (("html", ".html"), ("pdf", ".pdf"), ("csv", ".csv"), ("xlsx", ".xlsx")):
        assert (built / folder / f"{STEM}{suffix}").stat().st_size > 0
    assert not [p for p in built.rglob(".*") if p.is_file() and p.name != ".dti-reports"]  # no temporary file left


def test_csv_is_utf8_with_bom_lf_and_one_english_header(built, rows):
    data = (built / "csv" / f"{STEM}.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r" not in data
    assert data[3:].split(b"\n", 1)[0].decode() == ",".join(FIGURE_COLUMNS)
    assert "Bắc Giang" in data.decode("utf-8-sig")
    assert {r["role"] for r in rows} <= set(FIGURE_ROLES) and {r["role"] for r in rows} >= {"own", "other"}


def test_published_rows_are_the_data_as_it_is_and_nothing_is_filled(rows):
    table = load_dti().table
    found = {(r.unit_set, int(r.year), r.province_code, r.metric): r for r in table.itertuples()}
    for row in rows:
        if row["role"] == "national":
            continue
        hit = found.get((row["unit_set"], int(row["year"]), row["province_code"], row["metric"]))
        if row["published"] == "false":
            assert hit is None and row["score"] == row["rank"] == row["sources"] == "", row
            continue
        assert hit is not None, row
        assert row["score"] == ("" if pd.isna(hit.score) else repr(float(hit.score))), row
        assert row["rank"] == ("" if pd.isna(hit.rank) else str(int(hit.rank))), row
        assert row["doubtful"] == str(bool(hit.doubtful)).lower() and row["source_kind"] == hit.source_kind, row
        assert row["sources"].split(" | ")[0] == hit.sources.split(" | ")[0]


def _cells(tr):
    return [td.get_text(" ", strip=True).replace("†", "").strip() for td in tr.find_all("td")]


def _table(page, caption: str):
    cap = page.find("caption", string=lambda s: s and s.startswith(caption))
    assert cap is not None, caption
    return cap.find_parent("table")


def test_csv_rows_are_the_figures_the_data_notes_show(rows, page):
    labels = load_dti().catalogue
    own = _table(page, "Số liệu đã công bố của Bắc Giang")
    shown = {tuple(_cells(tr)[:4]) for tr in own.find("tbody").find_all("tr")}
    listed = {(r["year"], labels.metric_label(r["metric"], "vi"), fmt_score(float(r["score"])) if r["score"] else
               "chưa có số liệu công bố", fmt_rank(int(r["rank"])) if r["rank"] else "chưa có số liệu công bố")
              for r in rows if r["role"] == "own" and r["published"] == "true"}
    assert listed == shown and ("2020", "DTI", "0,3615", "10/63") in shown
    # each figure the notes say is not published is a row with published=false, never a number
    missing = _table(page, "Mức độ công bố số liệu của Bắc Giang")
    n_missing = len(missing.find("tbody").select("span.np"))
    assert n_missing == sum(r["role"] == "own" and r["published"] == "false" for r in rows) > 0
    national = _table(page, "Trung bình cả nước năm 2020")
    means = [_cells(tr)[2] for tr in national.find("tbody").find_all("tr")]
    assert means == [fmt_score(float(r["score"])) for r in rows if r["role"] == "national"]


def test_xlsx_opens_and_holds_the_same_rows(built, rows):
    book = openpyxl.load_workbook(built / "xlsx" / f"{STEM}.xlsx")
    sheet = book.active
    assert sheet.title == "số liệu" and book.properties.creator == "dti-reports"
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == FIGURE_COLUMNS and len(values) == len(rows) + 1

    def text(v):
        return "" if v is None else str(v).lower() if isinstance(v, bool) else repr(v) if isinstance(v, float) else str(v)

    assert [[text(v) for v in row] for row in values[1:]] == [[r[c] for c in FIGURE_COLUMNS] for r in rows]
    assert sheet.cell(2, FIGURE_COLUMNS.index("score") + 1).number_format == "0.0000"


def test_the_page_links_both_files_by_relative_addresses(built, page):
    line = page.select_one("section#top p.downloads")
    assert line is not None and line.get_text(" ", strip=True).startswith("Tải số liệu:")
    links = {a.get_text(): a["href"] for a in line.find_all("a")}
    assert links == {"CSV": f"../csv/{STEM}.csv", "XLSX": f"../xlsx/{STEM}.xlsx"}
    for href in links.values():
        assert (built / "html" / href).resolve().is_file()


def test_the_pdf_leaves_the_download_line_out(built):
    text = subprocess.run(["pdftotext", str(built / "pdf" / f"{STEM}.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "0,3615" in text and "Tải số liệu" not in text


def test_a_report_without_downloads_links_none():
    assert 'class="downloads"' not in render.render_in_process("Bắc Giang", 2020, "vi")


def test_a_rebuild_is_byte_identical(built, tmp_path):
    before = {p.name: p.read_bytes() for p in (built / "csv" / f"{STEM}.csv", built / "xlsx" / f"{STEM}.xlsx",
                                               built / "html" / f"{STEM}.html")}
    again = tmp_path / "again"
    shutil.copytree(built, again)
    run = _render(again, "html,csv,xlsx")
    assert run.returncode == 0, run.stderr
    after = {p.name: p.read_bytes() for p in (again / "csv" / f"{STEM}.csv", again / "xlsx" / f"{STEM}.xlsx",
                                              again / "html" / f"{STEM}.html")}
    assert after == before


@pytest.mark.parametrize("command", [
    ["-m", "dti_helpers", "render", "24", "--year", "2020"],
    ["-m", "dti_helpers.render", "24", "--year", "2020"],
    ["run_reports.py", "24", "--year", "2020"],
])
def test_an_unknown_format_is_one_line_and_exit_2(command, tmp_path):
    run = subprocess.run([PY, *command, "--format", "html,docx", "--out", str(tmp_path / "out")], capture_output=True,
                         text=True, cwd=ROOT)
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [run.stderr.strip()]
    assert "unknown format 'docx'" in run.stderr and "html, pdf, csv, xlsx" in run.stderr
    assert not (tmp_path / "out").exists()


def test_an_unknown_format_is_worded_in_vietnamese_too(tmp_path):
    run = subprocess.run([PY, "-m", "dti_helpers", "render", "24", "--year", "2020", "--format", "docx", "--lang",
                          "vi", "--out", str(tmp_path / "out")], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 2 and "\n" not in run.stderr.strip()
    assert "không rõ định dạng 'docx'; hãy dùng một trong: html, pdf, csv, xlsx" in run.stderr


@pytest.mark.slow
def test_a_notebook_without_its_data_notes_cannot_make_the_csv(tmp_path):
    import nbformat

    nb = nbformat.read(render.NOTEBOOK, as_version=4)
    nb.cells = [c for c in nb.cells if "data_notes" not in c.source]
    copy = tmp_path / "no_notes.ipynb"
    nbformat.write(nb, copy)
    run = _render(tmp_path / "out", "html,csv", "--notebook", str(copy))
    assert run.returncode == 2
    # (the kernel's own start-up warning may come first)
    assert run.stderr.strip().splitlines()[-1] == ("error: the notebook records no figures for the CSV file: its data notes section "
                                  "was removed or did not run")
    assert not (tmp_path / "out" / "html").exists() and not (tmp_path / "out" / "csv").exists()


@pytest.mark.slow
def test_a_batch_builds_links_and_keeps_the_downloads_up_to_date(tmp_path):
    def batch(*args):
        return subprocess.run([PY, "run_reports.py", "24", "--year", "2020", "--out", str(tmp_path), *args],
                              capture_output=True, text=True, cwd=ROOT)

    first = batch("--format", "html,csv,xlsx", "--jobs", "1")
    assert first.returncode == 0, first.stderr
    page = (tmp_path / "html" / f"{STEM}.html").read_text("utf-8")
    assert f'href="../csv/{STEM}.csv"' in page and f'href="../xlsx/{STEM}.xlsx"' in page
    assert (tmp_path / "csv" / f"{STEM}.csv").is_file() and (tmp_path / "xlsx" / f"{STEM}.xlsx").is_file()
    again = batch("--format", "html,csv,xlsx", "--dry-run")
    assert "would build 0 report(s); 1 up to date" in again.stdout
    (tmp_path / "csv" / f"{STEM}.csv").unlink()
    missing = batch("--format", "html,csv,xlsx", "--dry-run")
    assert "csv" in missing.stdout and "output missing or altered" in missing.stdout


@pytest.mark.slow
def test_the_national_overview_links_and_writes_its_figures(tmp_path):
    import nbformat
    import papermill

    from dti_helpers.batch.plan import OVERVIEW_NOTEBOOK, overview_jobs
    from dti_helpers.render.formats import output_formats

    (job,) = overview_jobs(load_dti(), year=2022, langs=("en",), formats=("html", "csv"))
    assert job.parameters["downloads"] == [["csv", "../csv/national-overview-2022-en.csv"]]
    nb = papermill.execute_notebook(str(OVERVIEW_NOTEBOOK), str(tmp_path / "ov.ipynb"), parameters=job.parameters,
                                    progress_bar=False, cwd=str(OVERVIEW_NOTEBOOK.parent))
    made = output_formats.convert(nbformat.from_dict(nb), ("html", "csv"))
    assert 'Download the figures: <a href="../csv/national-overview-2022-en.csv">CSV</a>' in made["html"]
    rows = list(csv.DictReader(io.StringIO(made["csv"].decode("utf-8-sig"))))
    thanh_hoa = [r for r in rows if r["province"] == "Thanh Hóa" and r["metric"] == "dti" and r["year"] == "2022"]
    assert [(r["role"], r["rank"]) for r in thanh_hoa] == [("other", "15")]
