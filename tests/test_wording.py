"""Wording, dates and small frictions (issue 11): a centrally-run city is never called "tỉnh", merger
sentences say what happened, rank changes read as English, the publisher and the dates of each report,
byte-identical rebuilds under one SOURCE_DATE_EPOCH, ``--overview-only``, ``--list`` and ``make lab``."""
from __future__ import annotations

import html as html_lib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dti_helpers import load_dti
from dti_helpers.cli import main
from dti_helpers.render import report as render
from dti_helpers.render.report import render_in_process

ROOT = Path(__file__).resolve().parent.parent
# 1 December 2025, 00:00 UTC: a build date no data row has, so the page can only have it from the variable
EPOCH = "1764547200"
EPOCH_DATE_VI, EPOCH_DATE_EN = "1/12/2025", "1 December 2025"
# the centrally-run cities, as the reports name them (the 63 have five; Huế became one on 1 January 2025)
CITY_NAMES = ("Hà Nội", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ", "Huế")
# how a report would call its own unit a province: "tỉnh này", "Tỉnh báo cáo", "(hạng 3/63), tỉnh tăng", "this province"
OWN_UNIT_AS_PROVINCE = re.compile(r"\btỉnh này\b|\bTỉnh báo cáo\b|\),\s*tỉnh\s|\bthis province\b", re.I)
CITY_AS_PROVINCE = re.compile(r"\btỉnh\s+(?:TP\.|thành phố\s|" + "|".join(CITY_NAMES) + r")", re.I)
# "X thuộc X", "X has been part of X": a unit said to belong to itself
SELF_MEMBER = re.compile(r"((?:TP\. )?[A-ZĐ][^\s.,;()]*(?: [^\s.,;()]+){0,3}) (?:thuộc|has been part of|is part of) \1\b")


def visible(page: str) -> str:
    """The words a reader meets: the text and every alt text, entities decoded, spaces collapsed."""
    alts = " ".join(re.findall(r'alt="([^"]*)"', page))
    body = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", body) + " " + alts))


def lede(page: str) -> str:
    return visible(re.search(r'<p class="lede">(.*?)</p>', page, re.S).group(1))


def dates_line(page: str) -> str:
    found = re.search(r'<p class="lede dates">(.*?)</p>', page, re.S)
    assert found, "the report has no dates line"
    return visible(found.group(1)).strip()


def assert_plain_wording(page: str, is_city: bool):
    text = visible(page)
    assert not CITY_AS_PROVINCE.search(text), CITY_AS_PROVINCE.search(text).group(0)
    assert not SELF_MEMBER.search(text), SELF_MEMBER.search(text).group(0)
    if is_city:
        hit = OWN_UNIT_AS_PROVINCE.search(text)
        assert hit is None, text[max(0, hit.start() - 80):hit.end() + 40]
    assert "moved same rank" not in text and "it moved" not in text


# ---------------------------------------------------------------- real papermill renders (slow)

RENDERS = {  # stem: (province, year, lang, units)
    "ha-noi-34-2024-vi": ("Hà Nội", 2024, "vi", "34"),
    "ha-noi-34-2024-en": ("Hà Nội", 2024, "en", "34"),
    "da-nang-2022-vi": ("Đà Nẵng", 2022, "vi", None),
    "cao-bang-34-2024-vi": ("Cao Bằng", 2024, "vi", "34"),
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """The four reports through papermill, HTML only, with one SOURCE_DATE_EPOCH; Hà Nội vi a second time."""
    out = tmp_path_factory.mktemp("wording")
    epoch = int(EPOCH)
    pages = {}
    for stem, (province, year, lang, units) in RENDERS.items():
        written = render.render_report(province, year, lang, ("html",), out, units=units, build_epoch=epoch)
        assert written["html"].name == f"{stem}.html"
        pages[stem] = written["html"].read_bytes()
    again = render.render_report("Hà Nội", 2024, "vi", ("html",), out / "again", units="34", build_epoch=epoch)
    pages["again"] = again["html"].read_bytes()
    return {stem: page for stem, page in pages.items()}


@pytest.mark.slow
@pytest.mark.parametrize("stem", list(RENDERS))
def test_rendered_reports_call_a_city_a_city_and_no_unit_part_of_itself(rendered, stem):
    page = rendered[stem].decode("utf-8")
    assert_plain_wording(page, is_city=not stem.startswith("cao-bang"))


@pytest.mark.slow
def test_rendered_merger_sentences_say_what_happened(rendered):
    da_nang = visible(rendered["da-nang-2022-vi"].decode("utf-8"))
    assert "Ngày 1/7/2025, TP. Đà Nẵng hợp nhất với Quảng Nam, giữ tên TP. Đà Nẵng." in da_nang
    assert "Cao Bằng không sáp nhập" in visible(rendered["cao-bang-34-2024-vi"].decode("utf-8"))
    assert "TP. Hà Nội was not merged" in visible(rendered["ha-noi-34-2024-en"].decode("utf-8"))


@pytest.mark.slow
def test_rendered_reports_name_the_year_s_publisher(rendered):
    assert "Bộ Khoa học và Công nghệ" in lede(rendered["ha-noi-34-2024-vi"].decode("utf-8"))
    assert "Ministry of Science and Technology" in lede(rendered["ha-noi-34-2024-en"].decode("utf-8"))
    da_nang = lede(rendered["da-nang-2022-vi"].decode("utf-8"))
    assert "Bộ Thông tin và Truyền thông" in da_nang and "Khoa học" not in da_nang


@pytest.mark.slow
def test_rendered_reports_show_their_dates_with_the_epoch_as_build_date(rendered):
    vi = dates_line(rendered["ha-noi-34-2024-vi"].decode("utf-8"))
    assert vi.startswith("Kết quả năm 2024 công bố ngày 21/10/2025 · Số liệu bản ")
    assert "cập nhật đến kết quả công bố ngày 21/10/2025" in vi and vi.endswith(f"Báo cáo lập ngày {EPOCH_DATE_VI}")
    en = dates_line(rendered["ha-noi-34-2024-en"].decode("utf-8"))
    assert en.startswith("2024 results published on 21 October 2025 · Data version ")
    assert en.endswith(f"Report built on {EPOCH_DATE_EN}")
    assert dates_line(rendered["da-nang-2022-vi"].decode("utf-8")).startswith("Kết quả năm 2022 công bố ngày 12/7/2023")
    notes = visible(rendered["ha-noi-34-2024-en"].decode("utf-8")).split("Dates, data version and parameters")[1]
    assert "Publication of the 2024 results" in notes and "from the SOURCE_DATE_EPOCH environment variable" in notes


@pytest.mark.slow
def test_two_builds_with_the_same_epoch_are_byte_identical(rendered):
    assert rendered["again"] == rendered["ha-noi-34-2024-vi"]


# ---------------------------------------------------------------- the same rules without a kernel (fast)

@pytest.fixture(scope="module")
def data():
    return load_dti()


@pytest.mark.parametrize("code, year, units", [("01", 2022, "63"), ("48", 2022, "63"), ("79", 2023, "63"),
                                               ("46", 2024, "34"), ("31", 2024, "34"), ("92", 2024, "34")])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_city_reports_never_call_the_city_a_province(data, code, year, units, lang):
    assert_plain_wording(render_in_process(code, year, lang, data=data, units=units), is_city=True)


@pytest.mark.parametrize("name, expected", [
    ("Tây Ninh", "Ngày 1/7/2025, Tây Ninh hợp nhất với Long An, giữ tên Tây Ninh."),
    ("Long An", "Ngày 1/7/2025, Long An hợp nhất với Tây Ninh; tỉnh mới mang tên Tây Ninh."),
    ("Quảng Nam", "Ngày 1/7/2025, Quảng Nam hợp nhất với TP. Đà Nẵng; thành phố mới mang tên TP. Đà Nẵng."),
    ("Cao Bằng", "Cao Bằng không sáp nhập với địa phương nào trong đợt sắp xếp ngày 1/7/2025."),
    ("Thừa Thiên - Huế", "nay là TP. Huế, thành phố trực thuộc Trung ương."),
])
def test_merger_sentences_follow_the_lineage(data, name, expected):
    page = render_in_process(name, 2022, "vi", data=data)
    assert expected in visible(page) and not SELF_MEMBER.search(visible(page))


def test_rank_changes_read_as_english(data):
    da_nang = visible(render_in_process("Đà Nẵng", 2022, "en", data=data))
    assert "Compared with 2021 (rank 1/63), its rank did not change." in da_nang and "rank unchanged" in da_nang
    bac_giang = visible(render_in_process("Bắc Giang", 2022, "en", data=data))
    assert re.search(r"it (rose|fell) \d+ places?\.", bac_giang) and "moved" not in bac_giang


def test_dates_follow_the_data_without_an_epoch_and_the_epoch_with_one(data):
    plain = render_in_process("Hà Giang", 2023, "vi", data=data)
    assert dates_line(plain).startswith("Kết quả năm 2023 công bố năm 2024 · ")  # only the year is recorded
    assert dates_line(plain).endswith("Báo cáo lập ngày 21/10/2025")  # the data's date: the newest results held
    assert "lấy theo ngày của số liệu" in visible(plain)
    dated = render_in_process("Hà Giang", 2023, "vi", data=data, build_epoch=int(EPOCH))
    assert dates_line(dated).endswith(f"Báo cáo lập ngày {EPOCH_DATE_VI}")
    assert render_in_process("Hà Giang", 2023, "vi", data=data) == plain  # no clock anywhere


def test_a_bad_source_date_epoch_is_one_line(monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "tomorrow")
    assert main(["24", "--year", "2020", "--dry-run", "--out", "/nonexistent"]) == 2
    err = capsys.readouterr().err
    assert err == "error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not 'tomorrow'\n"


def test_the_epoch_is_a_batch_input(monkeypatch, tmp_path, capsys):
    from dti_helpers.batch.manifest import Manifest
    from dti_helpers.batch.plan import plan

    data = load_dti()
    plain = plan(data, ["24"], Manifest(tmp_path), year=2020, formats=("html",), overview=True)
    dated = plan(data, ["24"], Manifest(tmp_path), year=2020, formats=("html",), overview=True, build_epoch=1)
    assert [j.stem for j in plain.jobs] == [j.stem for j in dated.jobs]
    assert all(a.digest != b.digest for a, b in zip(plain.jobs, dated.jobs))  # a new build date rebuilds
    assert dated.jobs[0].parameters["resolved"]["build_epoch"] == 1 and dated.jobs[-1].parameters["build_epoch"] == 1


# ---------------------------------------------------------------- small frictions

def test_list_names_regions_in_the_chosen_language(capsys):
    assert main(["--list", "--lang", "vi"]) == 0
    vi = capsys.readouterr().out
    assert "Đồng bằng sông Hồng" in vi and "Trung du và miền núi phía Bắc" in vi and "northern_midlands" not in vi
    assert main(["list", "--units", "34"]) == 0
    en = capsys.readouterr().out
    assert "Mekong River Delta" in en and "mekong_delta" not in en


def test_overview_only_plans_the_overviews_alone(capsys):
    assert main(["--overview-only", "--year", "2024", "--format", "html", "--lang", "en,vi", "--dry-run",
                 "--out", "/nonexistent"]) == 0
    builds = [line.split()[1] for line in capsys.readouterr().out.splitlines() if line.strip().startswith("build")]
    assert sorted(builds) == sorted(["national-overview-2024-vi", "national-overview-2024-en",
                                     "national-overview-34-2024-vi", "national-overview-34-2024-en"])
    assert main(["--overview-only", "--units", "63", "--dry-run", "--out", "/nonexistent"]) == 0
    builds = [line.split()[1] for line in capsys.readouterr().out.splitlines() if line.strip().startswith("build")]
    assert builds == [f"national-overview-{y}-vi" for y in (2024, 2023, 2022, 2021, 2020)]


@pytest.mark.parametrize("args, message", [
    (["24"], "--overview-only builds no province report: leave out the provinces and --region"),
    (["--region", "Tây Nguyên"], "--overview-only builds no province report: leave out the provinces and --region"),
    (["--no-overview"], "--overview-only contradicts --no-overview; leave one of them out"),
])
def test_overview_only_refuses_a_selection(args, message, capsys):
    assert main(["--overview-only", *args, "--dry-run", "--out", "/nonexistent"]) == 2
    assert capsys.readouterr().err == f"error: {message}\n"


@pytest.mark.slow
def test_overview_only_builds_the_overview_and_the_index(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "run_reports.py"), "--overview-only", "--year", "2023",
                           "--format", "html", "--jobs", "1", "--out", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=1200,
                          env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert sorted(p.name for p in (tmp_path / "html").iterdir()) == ["national-overview-2023-vi.html"]
    assert (tmp_path / "index.html").exists() and (tmp_path / "index-en.html").exists()
    page = (tmp_path / "html" / "national-overview-2023-vi.html").read_text("utf-8")
    assert dates_line(page) == (f"Kết quả năm 2023 công bố năm 2024 · Số liệu bản {load_dti().version}, cập nhật đến "
                                f"kết quả công bố ngày 21/10/2025 · Báo cáo lập ngày {EPOCH_DATE_VI}")


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_lab_allows_root_only_as_root():
    proc = subprocess.run(["make", "-n", "lab"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    lab = [line for line in proc.stdout.splitlines() if "jupyter lab" in line]
    assert lab, proc.stdout
    if os.geteuid() == 0:
        assert "--allow-root" in lab[-1] and "running as root" in proc.stdout
    else:
        assert "--allow-root" not in proc.stdout
