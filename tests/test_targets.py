"""Provincial DTI targets: the table and its checks, the status rules on the real data and on SYNTHETIC
data made here, the report section, ``--targets`` and ``--params``, and real papermill renders."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from dti_helpers import load_catalogue, load_dti
from dti_helpers.analysis.targets import assess
from dti_helpers.batch.manifest import Manifest
from dti_helpers.batch.plan import plan
from dti_helpers.batch.select import read_params
from dti_helpers.cli import main
from dti_helpers.core.errors import DataFileError
from dti_helpers.data.targets import (TARGET_COLUMNS, TARGETS_PATH, load_targets, read_targets,
                                      targets_from_records)
from dti_helpers.sections.province import setup, targets as targets_section
from tests.synthetic import LABEL, values

ROOT = Path(__file__).resolve().parent.parent
INDICES = ["awareness", "institutions", "infrastructure", "human_resources", "cybersecurity", "gov_activity",
           "econ_activity", "society_activity"]


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#39;", "'")


def write_csv(path: Path, rows: list[dict]) -> Path:
    columns = list(dict.fromkeys(k for r in rows for k in r))
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, columns)
        w.writeheader()
        w.writerows(rows)
    return path


def target(**cells) -> dict:
    return {"province": "Bắc Giang", "target_year": "2022", "kind": "rank_at_most", "value": "10", **cells}


def one(records) -> object:
    found = targets_from_records(records)
    assert len(found) == 1
    return found[0]


# ---------------------------------------------------------------- the shipped table

def test_shipped_targets_each_have_a_web_source_and_the_plans_words():
    rows = list(csv.DictReader(open(TARGETS_PATH, encoding="utf-8")))
    assert list(rows[0]) == list(TARGET_COLUMNS)
    shipped = load_targets()
    assert len(shipped) == len(rows) == 8
    for t in shipped:
        assert t.source_url.startswith(("http://", "https://")) and t.note and t.document, t
        assert not t.user and t.origin == ""
    bac_giang = [t for t in shipped if t.set_by == "Bắc Giang"]
    # both Resolution 111 targets are of the 34: assessed on the successor Bắc Ninh
    assert [(t.unit_set, t.name, t.target_year, t.value) for t in bac_giang] == [
        ("34", "Bắc Ninh", 2025, 15), ("34", "Bắc Ninh", 2030, 10)]
    assert all("nhóm 15" in t.note and "nhóm 10" in t.note for t in bac_giang)
    khanh_hoa = {(t.kind, t.target_year): t for t in shipped if t.code == "56"}
    assert khanh_hoa[("score_at_least", 2025)].value == 0.8
    assert (khanh_hoa[("indices_in_top", 2025)].value, khanh_hoa[("indices_in_top", 2025)].within) == (4, 10)
    assert khanh_hoa[("improve_places_per_year", 2030)].from_year == 2025


# ---------------------------------------------------------------- validation: every bad input, one line

@pytest.mark.parametrize("cells, code, column, words", [
    ({"unit_set": "63", "target_year": "2025"}, "target_unit_set", "unit_set", "does not fit the target year 2025"),
    ({"unit_set": "34", "target_year": "2022", "province": "Bắc Ninh"}, "target_unit_set", "unit_set", "2022"),
    ({"target_year": "2025", "value": "15"}, "target_merged", "province", "write province 'Bắc Ninh' and set_by"),
    ({"province": "Bắc Ninh", "set_by": "Hà Nội", "target_year": "2025"}, "target_set_by", "set_by",
     "former provinces: Bắc Giang, Bắc Ninh"),
    ({"province": "Bac Giag"}, "unknown_province", "province", "closest matches: Bắc Giang"),
    ({"province": "Bắc Giang", "province_code": "27"}, "code_mismatch", "province_code", "code 24"),
    ({"kind": "top"}, "target_kind", "kind", "rank_at_most, score_at_least"),
    ({"value": "64"}, "target_value_range", "value", "from 1 to 63"),
    ({"value": "ten"}, "not_integer", "value", "not a whole number"),
    ({"kind": "score_at_least", "value": "1500"}, "target_score", "value", "1,000-point scale"),
    ({"kind": "indices_in_top", "value": "9", "within": "10"}, "target_value_range", "value", "from 1 to 8"),
    ({"kind": "indices_in_top", "value": "4"}, "empty_value", "within", "empty value"),
    ({"within": "10"}, "target_only_for", "within", "indices_in_top"),
    ({"kind": "improve_places_per_year", "value": "1", "target_year": "2022"}, "empty_value", "from_year",
     "empty value"),
    ({"kind": "improve_places_per_year", "value": "1", "target_year": "2030", "province": "Hà Nội",
      "from_year": "2024"}, "target_from_year", "from_year", "between 2025 and the target year 2030"),
    ({"from_year": "2021"}, "target_only_for", "from_year", "improve_places_per_year"),
    ({"target_year": "2019"}, "target_year_range", "target_year", "between 2020 and 2050"),
    ({"source_url": "javascript:alert(1)"}, "unsafe_url", "source_url", "http or https"),
    ({"source_url": "file:///etc/passwd"}, "unsafe_url", "source_url", "http or https"),
    ({"note": "top\u200b10"}, "control", "note", "U+200B"),
])
def test_each_bad_row_is_one_line_naming_file_row_column_and_value(cells, code, column, words, tmp_path):
    path = write_csv(tmp_path / "my_targets.csv", [target(**cells)])
    with pytest.raises(DataFileError) as err:
        read_targets(path)
    problems = err.value.problems
    assert [(p.code, p.row, p.column) for p in problems] == [(code, 2, column)], problems
    line = problems[0].message("en")
    assert line.startswith(f"{path}:2: column '{column}'") and words in line, line
    assert "\n" not in line and problems[0].message("vi") != line  # worded in both languages


def test_header_problems_and_a_repeated_target(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("province,target_yaer,kind\nBắc Giang,2022,rank_at_most\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        read_targets(path)
    assert [(p.code, p.column) for p in err.value.problems] == [
        ("missing_column", "target_year"), ("missing_column", "value"), ("unknown_column_close", "target_yaer")]
    assert "did you mean 'target_year'" in err.value.problems[2].message("en")
    twice = write_csv(tmp_path / "twice.csv", [target(), target()])
    with pytest.raises(DataFileError) as err:
        read_targets(twice)
    assert [str(p) for p in err.value.problems] == [f"{twice}:3: the same target as line 2"]


def test_every_problem_of_a_file_is_reported_not_only_the_first(tmp_path):
    path = write_csv(tmp_path / "t.csv", [target(kind="top"), target(value="99"), target(province="Atlantis")])
    with pytest.raises(DataFileError) as err:
        read_targets(path)
    assert [p.row for p in err.value.problems] == [2, 3, 4]


def test_a_score_target_on_the_1000_point_scale_is_divided_by_1000():
    assert one(target(kind="score_at_least", value="800")).value == 0.8
    assert one(target(kind="score_at_least", value="0,65")).value == 0.65
    assert one(target(kind="score_at_least", value=1)).value == 1  # a 0..1 score of exactly 1


def test_unit_set_follows_the_target_year_and_a_successor_may_carry_the_former_provinces_target():
    assert one(target(province="Hà Nội", target_year=2030)).unit_set == "34"
    assert one(target(target_year=2024)).unit_set == "63"
    t = one(target(province="Bắc Ninh", set_by="Bắc Giang", target_year=2025, value=15))
    assert (t.unit_set, t.code, t.set_by_code, t.n_units) == ("34", "24", "24", 34)


def test_notebook_parameter_records_one_dict_a_list_or_a_file(tmp_path):
    assert one({"province": "Kiên Giang", "target_year": 2023, "kind": "rank_at_most", "value": 20}).code == "91"
    path = write_csv(tmp_path / "t.csv", [target()])
    from_file = targets_from_records(str(path))
    assert from_file[0].origin.startswith("file-row:t.csv?sha256=") and from_file[0].origin.endswith("&row=2")
    with pytest.raises(DataFileError) as err:
        targets_from_records(["top 15", {**target(), "colour": "red"}])
    assert [(p.code, p.row) for p in err.value.problems] == [("target_not_table", 1), ("unknown_column", 2)]
    assert str(err.value.problems[0]).startswith("targets:1: value 'top 15'")


# ---------------------------------------------------------------- status from the real, embedded data

def test_real_targets_are_not_yet_assessed_and_say_why():
    data = load_dti()
    by = {(t.code, t.kind, t.target_year): t for t in load_targets()}
    a = assess(data, by[("24", "rank_at_most", 2025)])
    assert (a["status"], a["reason"], a["latest"]) == ("not_assessed", "year", None)  # no 2025 results yet
    # what it takes reads the latest published year of the 34, labelled so: rank 15 of 2024 is Đồng Nai's
    assert (a["takes_year"], a["takes_latest"]) == (2024, True)
    assert [(h["name"], h["score"]) for h in a["takes"][0]["holders"]] == [("Đồng Nai", 0.7164)]
    assert a["takes"][0]["own"] is None and a["takes"][0]["gap"] is None
    a = assess(data, by[("91", "rank_at_most", 2023)])
    assert (a["status"], a["reason"]) == ("not_assessed", "figure")  # 2023 is out, Kiên Giang's rank is not held
    assert (a["latest"]["year"], a["latest"]["rank"], a["latest"]["n"]) == (2022, 32, 63)
    a = assess(data, by[("56", "improve_places_per_year", 2030)])
    assert (a["status"], a["missing"]) == ("not_assessed", [2025, 2026, 2027, 2028, 2029, 2030])
    assert a["steps"][0]["prev"]["rank"] == 16  # 2024 of the 34, the year before the first step
    a = assess(data, by[("56", "score_at_least", 2025)])
    assert a["takes"][0]["own"]["score"] == 0.7071 and a["takes"][0]["gap"] == pytest.approx(0.0929)


@pytest.mark.parametrize("cells, status", [
    ({"value": 10}, "met"),                                      # 2022: 9/63
    ({"value": 8}, "not_met"),
    ({"target_year": 2021, "value": 9}, "not_met"),              # 2021: 10/63
    ({"kind": "score_at_least", "value": 0.6}, "met"),           # 2022: 0.6440
    ({"kind": "score_at_least", "value": 700}, "not_met"),
    ({"kind": "improve_places_per_year", "value": 1, "from_year": 2022}, "met"),      # 10 → 9
    ({"kind": "improve_places_per_year", "value": 1, "from_year": 2021}, "not_met"),  # 2020→2021: 10 → 10
    ({"kind": "improve_places_per_year", "value": 1, "from_year": 2022, "target_year": 2024}, "not_assessed"),
    ({"kind": "indices_in_top", "value": 1, "within": 20}, "not_assessed"),  # 2022 index ranks not published
])
def test_status_of_targets_on_bac_giangs_published_figures(cells, status):
    assert assess(load_dti(), one(target(**cells)))["status"] == status


def test_a_rank_target_rests_on_the_years_published_figure_with_its_source_kind():
    a = assess(load_dti(), one(target(value=10)))
    fig = a["figures"][0]
    assert (fig["year"], fig["rank"], fig["n"], fig["score"], fig["source_kind"]) == (2022, 9, 63, 0.644, "press")
    assert a["takes"] == []  # met: nothing more to say


# ---------------------------------------------------------------- status on SYNTHETIC data made here

@pytest.fixture(scope="module")
def synthetic_2025(tmp_path_factory) -> Path:
    """A SYNTHETIC tidy 2025 table of the 34 (tests/synthetic.values: rank r scores 0.92 - 0.02·r)."""
    folder = tmp_path_factory.mktemp("synthetic")
    cat = load_catalogue()
    table = values(["dti", "cqs", "kts", "xhs", *INDICES])
    rows = [{"year": 2025, "unit_set": "34", "province_code": code, "province": cat.name(code, "34"),
             "metric": metric, "score": f"{score:.4f}", "rank": rank, "note": LABEL}
            for code, got in table.items() for metric, (rank, score) in got.items()]
    return write_csv(folder / "dti_2025_synthetic.csv", rows)


def test_synthetic_2025_results_assess_the_2025_targets(synthetic_2025):
    data = load_dti(synthetic_2025)
    by = {(t.code, t.kind, t.target_year): t for t in load_targets()}
    # SYNTHETIC: Bắc Ninh is 11th of 34 (0.7000), Khánh Hòa 24th (0.4400)
    a = assess(data, by[("24", "rank_at_most", 2025)])
    assert (a["status"], a["figures"][0]["rank"], a["figures"][0]["n"]) == ("met", 11, 34)
    a = assess(data, by[("24", "rank_at_most", 2030)])  # 2030 not out: the bar of the latest year, 2025
    assert (a["status"], a["reason"], a["takes_year"], a["takes_latest"]) == ("not_assessed", "year", 2025, True)
    dti = a["takes"][0]
    assert (dti["bar"], dti["own"]["score"], dti["gap"]) == (0.72, 0.7, pytest.approx(0.02))
    assert len(a["takes"]) == 12  # every pillar and index has a published bar: per metric, the gap
    assert assess(data, by[("56", "rank_at_most", 2025)])["status"] == "not_met"
    assert assess(data, by[("56", "score_at_least", 2025)])["status"] == "not_met"
    a = assess(data, by[("56", "indices_in_top", 2025)])
    assert (a["status"], a["in_top"], a["missing"]) == ("not_met", ["human_resources"], [])
    a = assess(data, by[("56", "improve_places_per_year", 2030)])  # 2024: 16 (published) → 2025: 24 (SYNTHETIC)
    assert (a["status"], a["steps"][0]["state"], a["steps"][0]["change"]) == ("not_met", "short", -8)


def test_indices_target_cannot_tell_while_too_few_index_ranks_are_published():
    # Kiên Giang 2022 has three index ranks published (16, 16, 27): two in the top 20, five unknown
    t = one(target(province="Kiên Giang", kind="indices_in_top", value=4, within=20))
    a = assess(load_dti(), t)
    assert (a["status"], a["reason"], sorted(a["in_top"]), len(a["missing"])) == (
        "not_assessed", "indices", ["cybersecurity", "infrastructure"], 5)
    assert assess(load_dti(), one(target(province="Kiên Giang", kind="indices_in_top", value=2, within=20)))[
        "status"] == "met"


# ---------------------------------------------------------------- the section, in process

def test_section_shows_each_target_with_status_source_and_quote():
    html = targets_section(setup("Bắc Giang", 2022, "vi")).html()
    words = text_of(html)
    assert "Đến năm 2025: DTI thuộc nhóm 15 tỉnh, thành phố dẫn đầu cả nước (top 15, hạng 1–15/34)" in words
    assert "Đến năm 2030: DTI thuộc nhóm 10 tỉnh, thành phố dẫn đầu cả nước (top 10, hạng 1–10/34)" in words
    assert words.count("Chưa đánh giá được") >= 2 and "Bắc Giang là một phần của Bắc Ninh" in words
    assert 'href="http://thutuchanhchinh.vn/' in html and "Nghị quyết số 111-NQ/TU" in words
    assert "không phải dự báo" in words and "0,7164 (Đồng Nai)" in words


def test_section_with_the_notebook_parameter_and_none_without_targets():
    rep = setup("Bắc Giang", 2022, "en", targets=[target(value=10), target(kind="score_at_least", value=700)])
    words = text_of(targets_section(rep).html())
    assert "By 2022: DTI in the national top 10 (rank 1–10 of 63) Met" in words
    assert "Rests on: Bắc Giang ranked 9/63 in 2022, score 0.6440" in words
    assert "By 2022: a DTI score of at least 0.7000 (700/1,000 points) Not met" in words
    assert "gap to the target: −0.0560" in words and "given by the user" in words
    assert targets_section(setup("Lào Cai", 2022)) is None
    assert [s for s in setup("Lào Cai", 2022, layout="full").section_ids][-2:] == ["strengths", "notes"]
    assert "targets" not in setup("Lào Cai", 2022).section_ids  # its brief, too


def test_a_bad_notebook_parameter_stops_the_report_with_every_problem():
    with pytest.raises(DataFileError) as err:
        setup("Bắc Giang", 2022, targets=[target(value=99), target(kind="top")])
    assert [str(p) for p in err.value.problems] == [
        "targets:1: column 'value': value '99': must be a whole number from 1 to 63",
        "targets:2: column 'kind': value 'top': unknown kind of target; expected one of: rank_at_most, "
        "score_at_least, indices_in_top, improve_places_per_year"]


# ---------------------------------------------------------------- --targets, --params and the digest

def test_targets_are_inputs_of_their_provinces_reports_only(tmp_path):
    from dti_helpers.batch.inputs import user_targets

    mine = user_targets(str(write_csv(tmp_path / "t.csv", [target(value=10)])))
    manifest = Manifest(tmp_path / "out")
    base = {j.stem: j for j in plan(load_dti(), ["24", "10"], manifest, year=2022, formats=("html",)).jobs}
    with_t = {j.stem: j for j in plan(load_dti(), ["24", "10"], manifest, year=2022, formats=("html",),
                                      targets=mine).jobs}
    assert with_t["bac-giang-2022-vi"].digest != base["bac-giang-2022-vi"].digest
    assert with_t["lao-cai-2022-vi"].digest == base["lao-cai-2022-vi"].digest
    rows = with_t["bac-giang-2022-vi"].parameters["targets"]
    assert [r["value"] for r in rows] == [10] and rows[0]["origin"].startswith("file-row:t.csv?")


def test_params_file_takes_targets_as_an_array_of_tables_or_one_table(tmp_path):
    path = tmp_path / "params.toml"
    path.write_text('[bac-giang]\npeers = "rank"\n[[bac-giang.targets]]\ntarget_year = 2022\nkind = "rank_at_most"\n'
                    'value = 10\n\n["Kiên Giang".targets]\ntarget_year = 2023\nkind = "rank_at_most"\nvalue = 20\n',
                    encoding="utf-8")
    over = read_params(str(path), load_catalogue(), ("63",))
    assert over.of("63", "24")["peers"] == "rank"
    assert [(t.name, t.value) for t in over.of("63", "24")["targets"]] == [("Bắc Giang", 10)]
    assert [(t.name, t.value) for t in over.of("63", "91")["targets"]] == [("Kiên Giang", 20)]
    assert over.of("63", "24")["targets"][0].origin.startswith("file-row:params.toml?sha256=")
    path.write_text('[bac-giang]\n[[bac-giang.targets]]\ntarget_year = 2025\nkind = "rank_at_most"\nvalue = 15\n',
                    encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        read_params(str(path), load_catalogue(), ("63",))
    assert str(err.value.problems[0]).startswith(f"{path} [bac-giang] targets:1: column 'province': "
                                                 "value 'bac-giang': merged into Bắc Ninh")


def test_bad_targets_file_is_one_line_per_problem_and_exit_2(tmp_path, capsys):
    path = write_csv(tmp_path / "t.csv", [target(kind="top"), target(value="99")])
    code = main(["Bắc Giang", "--year", "2022", "--targets", str(path), "--out", str(tmp_path / "out")],
                front_door=True)
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 2 and all(str(path) in line for line in err), err
    assert not (tmp_path / "out" / "html").exists()


# ---------------------------------------------------------------- real papermill renders

def _targets_text(html_path: Path) -> str:
    html = html_path.read_text("utf-8")
    return text_of(html.split('<section id="targets"')[1].split("</section>")[0])


def test_bac_giang_2022_report_shows_its_two_targets_with_source_and_status(tmp_path, capsys):
    assert main(["Bắc Giang", "--year", "2022", "--format", "html", "--out", str(tmp_path)], front_door=True) == 0
    words = _targets_text(tmp_path / "html" / "bac-giang-2022-vi.html")
    for year, n in ((2025, 15), (2030, 10)):
        assert (f"Đến năm {year}: DTI thuộc nhóm {n} tỉnh, thành phố dẫn đầu cả nước (top {n}, hạng 1–{n}/34) "
                "Chưa đánh giá được") in words
        assert f"Kết quả DTI năm {year} (34 tỉnh, thành phố sau sắp xếp) chưa được công bố" in words
    assert words.count("Nguồn mục tiêu: Nghị quyết số 111-NQ/TU") == 2 and words.count("thutuchanhchinh.vn") == 2


def test_report_with_a_user_targets_file_shows_their_status_lines(tmp_path, capsys):
    path = write_csv(tmp_path / "my_targets.csv", [
        target(value=10, note="top 10 năm 2022"), target(kind="score_at_least", value=700),
        target(kind="improve_places_per_year", value=1, from_year=2021, source_url="https://example.org/plan")])
    out = tmp_path / "out"
    assert main(["render", "Bắc Giang", "--year", "2022", "--lang", "en", "--format", "html", "--out", str(out),
                 "--targets", str(path)]) == 0
    words = _targets_text(out / "html" / "bac-giang-2022-en.html")
    assert "By 2022: DTI in the national top 10 (rank 1–10 of 63) Met Rests on: Bắc Giang ranked 9/63 in 2022" in words
    assert "By 2022: a DTI score of at least 0.7000 (700/1,000 points) Not met" in words
    assert "From 2021 to 2022: up at least one place every year on the year before Not met" in words
    assert "given by the user: my_targets.csv, row 2" in words and "example.org" in words
    assert "By 2025: DTI in the national top 15" in words  # the shipped targets stay
