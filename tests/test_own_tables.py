"""The analyst's own official tables through the whole tool: run_reports.py, papermill, nbconvert.

The fixtures are the dti.gov.vn 2021 overall and 2022 detail tables (tests/fixtures/official). The
one SYNTHETIC table made here (a made-up Đà Nẵng 2020 score, to cause a disagreement) is written
under the test's temporary folder and named synthetic.
"""
import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "official"
TABLES = [FIXTURES / "dti_2021_tong_hop.xlsx", FIXTURES / "dti_2022_chi_tiet.xlsx"]
REPORT = Path("html") / "da-nang-2022-vi.html"


def _run(out: Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "run_reports.py", "Đà Nẵng", "--year", "2022", "--format", "html", "--no-overview",
           "--jobs", "1", "--out", str(out), *args]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _data(paths) -> list[str]:
    return [arg for path in paths for arg in ("--data", str(path))]


@pytest.fixture(scope="module")
def both_tables(tmp_path_factory):
    """The issue's command: Đà Nẵng with the 2021 and the 2022 workbook, merged with the embedded data."""
    out = tmp_path_factory.mktemp("own")
    run = _run(out, *_data(TABLES))
    assert run.returncode == 0, run.stderr
    return (out / REPORT).read_text("utf-8")


def test_trend_shows_both_tables_and_the_embedded_2020(both_tables):
    text = _text(both_tables)
    for figure in ("0,6419", "0,8002", "0,4874"):
        assert figure in text
    for table in TABLES:
        digest = hashlib.sha256(table.read_bytes()).hexdigest()
        assert table.name in text and digest[:12] in both_tables  # cited by name and digest


def test_report_never_names_the_folder_of_a_table(both_tables):
    assert str(FIXTURES) not in both_tables and "file-row:" not in _text(both_tables)


@pytest.mark.slow
def test_files_alone_have_no_embedded_figures(tmp_path):
    run = _run(tmp_path, *_data(TABLES), "--no-embedded")
    assert run.returncode == 0, run.stderr
    text = _text((tmp_path / REPORT).read_text("utf-8"))
    assert "0,8002" in text and "0,6419" in text and "0,4874" not in text


@pytest.mark.slow
def test_the_same_table_in_two_folders_gives_byte_identical_reports(tmp_path):
    pages = []
    for folder in ("a", "b/deeper"):
        where = tmp_path / folder
        where.mkdir(parents=True)
        copies = [shutil.copy(table, where / table.name) for table in TABLES]
        run = _run(tmp_path / f"out-{folder.replace('/', '-')}", *_data(copies))
        assert run.returncode == 0, run.stderr
        pages.append((tmp_path / f"out-{folder.replace('/', '-')}" / REPORT).read_bytes())
    assert pages[0] == pages[1]


@pytest.mark.slow
def test_a_disagreement_is_in_the_data_notes_and_a_check_data_warning(tmp_path):
    synthetic = tmp_path / "SYNTHETIC_da_nang_2020.csv"
    synthetic.write_text("year,province,metric,score,rank,sources\n"
                         "2020,Đà Nẵng,dti,0.4999,1,https://example.org/SYNTHETIC-test-only\n", encoding="utf-8")
    check = subprocess.run([sys.executable, "run_reports.py", "--check-data", str(synthetic)], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0 and "0.4874" in check.stdout and "0.4999" in check.stdout, check
    run = _run(tmp_path / "out", "--data", str(synthetic))
    assert run.returncode == 0, run.stderr
    text = _text((tmp_path / "out" / REPORT).read_text("utf-8"))
    assert "0,4999" in text  # the analyst's file comes first
    assert re.search(r"nguồn khác ghi điểm là 0,4874 \(baomoi.net.vn, [^)]+ \+4\)", text), "the embedded figure is noted on the kept one"
