"""The 34 units after the 1 July 2025 merger: resolution by set, the 34-unit report through papermill,
its former provinces, the overview of the 34, and a SYNTHETIC official 2025 table end to end."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from dti_helpers import load_catalogue, load_dti
from dti_helpers.batch.select import resolve_units, sets_in_scope
from dti_helpers.cli import main
from dti_helpers.core.errors import DTIError
from dti_helpers.sections import province as report
from dti_helpers.sections.province.params import unit_sets_for
from tests.synthetic import official_34
from validators import nu_check

ROOT = Path(__file__).resolve().parent.parent
RUN = [sys.executable, str(ROOT / "run_reports.py")]
SECTIONS_34 = ["top", "headline", "scorecard", "peers", "country", "trend", "former", "strengths", "notes"]


def run(*args, check=0):
    proc = subprocess.run([*RUN, *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert proc.returncode == check, proc.stdout + proc.stderr
    return proc


def text_of(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


# ---------------------------------------------------------------- which set a request means

@pytest.mark.parametrize("name, year, units, expected", [
    ("Kon Tum", 2024, None, ("63",)),        # a former province only
    ("Bắc Ninh", 2024, None, ("63", "34")),  # a name in both sets: a report in each
    ("Lâm Đồng", None, None, ("63", "34")),
    ("Hà Nội", 2022, None, ("63",)),         # up to 2023: the 63
    ("Hà Nội", 2025, None, ("34",)),         # from 2025: the 34
    ("Hà Nội", 2024, "34", ("34",)),
])
def test_unit_sets_of_a_request(name, year, units, expected):
    assert unit_sets_for(load_catalogue(), name, year, units) == expected


def test_codes_resolve_inside_the_chosen_set():
    cat = load_catalogue()
    assert resolve_units(cat, ["24", "80", "91"], units="34") == {"34": {"24": "24", "80": "80", "91": "91"}}
    assert [cat.name(c, "34") for c in ("24", "80", "91")] == ["Bắc Ninh", "Tây Ninh", "An Giang"]
    assert [cat.name(c, "63") for c in ("24", "80", "91")] == ["Bắc Giang", "Long An", "Kiên Giang"]
    for typed in ("TP. Huế", "Huế", "Thừa Thiên Huế"):
        assert report.resolve_params(load_dti(), typed, 2024, units="34").name == "TP. Huế", typed
    assert sets_in_scope(2022) == ("63",) and sets_in_scope(2025) == ("34",) and sets_in_scope(2024) == ("63", "34")


def test_no_34_unit_year_is_one_line_before_any_kernel(tmp_path, capsys):
    out = tmp_path / "r"
    assert main(["--units", "34", "--year", "2022", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == "error: no DTI data of the 34 units for --year 2022; years with 34-unit data: 2024\n"
    assert not out.exists()
    with pytest.raises(DTIError, match="no DTI figures of the 34 units in 2022"):
        report.resolve_params(load_dti(), "Hà Nội", 2022, units="34")


def test_list_of_the_34_names_their_former_provinces(capsys):
    assert main(["--list", "--units", "34"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 + 34
    lam_dong = next(line for line in lines if line.startswith("68 "))
    assert lam_dong.endswith("Bình Thuận, Đắk Nông, Lâm Đồng")


def test_a_name_of_both_sets_plans_a_report_in_each(tmp_path, capsys):
    assert main(["Bắc Ninh", "--year", "2024", "--dry-run", "--out", str(tmp_path / "r")]) == 0
    out = capsys.readouterr().out
    assert "build    bac-ninh-34-2024-vi" in out
    # the former Bắc Ninh has no published 2024 figure among the 63: skipped with the reason, never invented
    assert "skip     Bắc Ninh 2024 (vi): no published DTI figure for Bắc Ninh in 2024" in out


# ---------------------------------------------------------------- the 34-unit report, through papermill

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Hà Nội and Bắc Ninh among the 34 in 2024, HTML and PDF, through run_reports.py."""
    out = tmp_path_factory.mktemp("u34") / "reports"
    run("Hà Nội", "Bắc Ninh", "--units", "34", "--year", "2024", "--out", out)
    return out


def test_ha_noi_leads_with_its_34_unit_figures(built):
    page = (built / "html" / "ha-noi-34-2024-vi.html").read_text("utf-8")
    headline = text_of(page.split('id="headline"')[1].split('id="scorecard"')[0])
    assert "0,8241" in headline and "1/34" in headline and "/63" not in headline
    assert "34 tỉnh, thành phố sau sắp xếp" in text_of(page.split("</h1>")[1][:400])
    assert "Bộ Khoa học và Công nghệ" in page  # the 2024 results' publisher


def test_bac_ninh_renders_every_section_and_its_former_provinces(built):
    page = (built / "html" / "bac-ninh-34-2024-vi.html").read_text("utf-8")
    ids = re.findall(r'<section id="([a-z]+)"', page)
    assert [i for i in ids if i in SECTIONS_34] == SECTIONS_34
    assert "chưa có số liệu công bố" in text_of(page.split('id="headline"')[1].split('id="scorecard"')[0])
    former = text_of(page.split('id="former"')[1].split('id="strengths"')[0])
    assert "6. Các tỉnh, thành phố trước sắp xếp" in former and "không so sánh được với thứ hạng trên 34" in former
    assert "0,3615 (10)" in former and "0,4096 (3)" in former  # Bắc Giang and Bắc Ninh 2020, ranks of 63
    assert "<svg" not in page.split('id="former"')[1].split('id="strengths"')[0]  # no chart mixes 63 and 34
    notes = text_of(page.split('id="notes"')[1])
    assert "10/63" in notes and "Bắc Giang" in notes  # the former figures' sources are in the data notes
    assert "vùng kinh tế - xã hội của tỉnh cũ mà đơn vị mới giữ mã số" in notes  # the region rule, stated
    pdf = subprocess.run(["pdftotext", "-layout", str(built / "pdf" / "bac-ninh-34-2024-vi.pdf"), "-"],
                         capture_output=True, text=True, check=True).stdout
    assert "Các tỉnh, thành phố trước sắp xếp" in pdf and "0,3615" in pdf and "0,4096" in pdf


def test_34_unit_page_passes_the_w3c_validator(built):
    nu_check(built / "html" / "bac-ninh-34-2024-vi.html")


def test_index_names_the_34_unit_table(built):
    page = (built / "index.html").read_text("utf-8")
    assert 'id="y34-2024"' in page and "html/bac-ninh-34-2024-vi.html" in page.split('id="y34-2024"')[1]


# ---------------------------------------------------------------- a SYNTHETIC official 2025 table of the 34

@pytest.mark.slow
def test_synthetic_official_2025_table_gives_34_reports_and_an_overview(tmp_path):
    table = official_34(tmp_path)  # SYNTHETIC values, labelled so in the file name and content
    assert "synthetic" in table.name
    out = tmp_path / "reports"
    run("--data", table, "--year", "2025", "--format", "html", "--out", out, "--jobs", "2")
    html = sorted(p.name for p in (out / "html").glob("*.html"))
    units = [n for n in html if not n.startswith("national-overview")]
    assert len(units) == 34 and all("-34-2025-vi" in n for n in units)
    assert "national-overview-34-2025-vi.html" in html
    page = (out / "html" / "bac-ninh-34-2025-vi.html").read_text("utf-8")
    assert "/34" in text_of(page.split('id="headline"')[1].split('id="scorecard"')[0])
    assert table.name in page  # the data notes name the file the figures came from


def test_a_former_provinces_report_links_to_its_successors_when_both_are_built(tmp_path):
    out = tmp_path / "reports"
    run("Đà Nẵng", "--year", "2024", "--format", "html", "--out", out)
    former = (out / "html" / "da-nang-2024-vi.html").read_text("utf-8")
    assert 'href="../html/da-nang-34-2024-vi.html"' in former
    assert (out / "html" / "../html/da-nang-34-2024-vi.html").resolve().is_file()
    assert "/63" in text_of(former.split('id="headline"')[1].split('id="scorecard"')[0])
    unit = (out / "html" / "da-nang-34-2024-vi.html").read_text("utf-8")
    assert "17/34" in text_of(unit.split('id="headline"')[1].split('id="scorecard"')[0])


def test_units_34_plans_the_34_reports_and_their_overview(tmp_path, capsys):
    assert main(["--units", "34", "--dry-run", "--out", str(tmp_path / "r")]) == 0
    builds = [line.split()[1] for line in capsys.readouterr().out.splitlines() if line.strip().startswith("build")]
    assert len(builds) == 35 and all("-34-2024-vi" in b for b in builds)
    assert "national-overview-34-2024-vi" in builds
