"""The unit set follows the year: the 63 provinces up to 2023, the 34 units from 2025, 2024 by its rows.

Every table here is SYNTHETIC (tests/synthetic.py, or a few typed rows) and lives in a tmp folder.
"""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dti_helpers import load_dti
from dti_helpers.data.catalogue import load_catalogue
from dti_helpers.data.ingest import check_file, read_any
from synthetic import LABEL, official_34

ROOT = Path(__file__).resolve().parent.parent
CAT = load_catalogue()
OVERALL = 'Xếp hạng DTI,"Tỉnh, thành phố",Xếp hạng CQS,Xếp hạng KTS,Xếp hạng XHS\n'
CODED = "year,province_code,province,metric,score,rank\n"


def run_cli(*args):
    return subprocess.run([sys.executable, "run_reports.py", *args], cwd=ROOT,
                          capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})


def one_line(path, *args):
    """The CLI's one problem line for ``path`` (asserting it is one, with exit 1)."""
    done = run_cli("--check-data", str(path), *args)
    lines = done.stderr.splitlines()
    assert (done.returncode, done.stdout, len(lines)) == (1, "", 2), done.stderr
    assert lines[1] == f"{path}: 1 problem(s)"
    return lines[0]


# --- the synthetic 2025 table ----------------------------------------------------------------


def test_the_synthetic_table_says_it_is_synthetic(tmp_path):
    import openpyxl

    path = official_34(tmp_path)
    assert "synthetic" in path.name
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["SYNTHETIC", "README"] and book.active.title == "SYNTHETIC"
    assert book["README"]["A1"].value == LABEL and book["SYNTHETIC"]["A1"].comment.text == LABEL
    assert "SYNTHETIC" in book.properties.title and "dữ liệu giả lập" in LABEL
    with pytest.raises(ValueError, match="never go under data/"):
        official_34(ROOT / "data")


@pytest.mark.parametrize("layout,n_metrics", [("overall", 4), ("detail", 9)])
def test_synthetic_2025_table_loads_as_the_34_units(tmp_path, layout, n_metrics):
    path = official_34(tmp_path, layout=layout)
    table = load_dti(path, embedded=False).table
    assert len(table) == 34 * n_metrics
    assert table.groupby("metric").size().eq(34).all() and table.metric.nunique() == n_metrics
    assert set(table.unit_set) == {"34"} and set(table.year) == {2025}
    assert set(table.province_code) == set(CAT.units("34").index)
    codes = table.drop_duplicates("province").set_index("province").province_code
    assert (codes["Bắc Ninh"], codes["Tây Ninh"], codes["An Giang"], codes["TP. Huế"]) == ("24", "80", "91", "46")
    # canonical names of the 34, ranks 1..34 and 0..1 scores
    assert set(table.province) == set(CAT.units("34").name)
    assert table["rank"].between(1, 34).all() and table.score.between(0, 1).all()


def test_synthetic_2025_table_without_the_year_in_its_name(tmp_path):
    path = official_34(tmp_path, year_in_name=False)
    assert check_file(path)[0][0].code == "no_year"
    table = load_dti(path, year=2025, embedded=False).table
    assert len(table) == 34 * 4 and set(table.unit_set) == {"34"} and set(table.year) == {2025}
    assert table.query("province == 'Bắc Ninh'").province_code.unique().tolist() == ["24"]


def test_check_data_on_the_synthetic_2025_table(tmp_path):
    path = official_34(tmp_path)
    done = run_cli("--check-data", str(path))
    assert (done.returncode, done.stdout, done.stderr) == (0, f"{path}: OK (136 values)\n", "")
    nameless = official_34(tmp_path, year_in_name=False)
    done = run_cli("--check-data", str(nameless), "--year", "2025")
    assert (done.returncode, done.stdout) == (0, f"{nameless}: OK (136 values)\n")


# --- 2024: told by the names -----------------------------------------------------------------


def test_2024_table_of_the_34_units_is_read_as_the_34(tmp_path):
    table = read_any(official_34(tmp_path, 2024), CAT)
    assert set(table.unit_set) == {"34"}
    assert table.query("province == 'Tây Ninh'").province_code.unique().tolist() == ["80"]


def test_2024_table_with_names_in_both_sets_is_of_the_63(tmp_path):
    path = tmp_path / "dti_2024.csv"
    path.write_text(OVERALL + '"1 (0,9)",Bắc Ninh,"1 (0,9)","1 (0,9)","1 (0,9)"\n'
                              '"2 (0,8)",Tây Ninh,"2 (0,8)","2 (0,8)","2 (0,8)"\n', encoding="utf-8")
    table = read_any(path, CAT)
    assert set(table.unit_set) == {"63"} and set(table.province_code) == {"27", "72"}
    path.write_text(CODED + "2024,24,Bắc Ninh,dti,,3\n2024,,Tây Ninh,dti,,4\n", encoding="utf-8")
    table = read_any(path, CAT)  # one row only among the 34: the whole table is of the 34
    assert set(table.unit_set) == {"34"} and set(table.province_code) == {"24", "80"}
    path.write_text(CODED + "2024,,Hà Giang,dti,,5\n2024,,Bắc Ninh,dti,,3\n", encoding="utf-8")
    assert set(read_any(path, CAT).province_code) == {"02", "27"}


def test_2024_table_mixing_the_sets_is_one_line(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text(CODED + "2024,02,Hà Giang,dti,,5\n2024,,Lâm Đồng,dti,,9\n2024,24,Bắc Ninh,dti,,3\n"
                            "2024,10,Lào Cai,dti,,7\n", encoding="utf-8")
    assert one_line(path) == (
        f"{path}:4: column 'province': value 'Bắc Ninh': the 2024 table mixes the two unit sets: 'Hà Giang' (line 2) "
        "is only among the 63 former provinces, 'Bắc Ninh (24)' (line 4) only among the 34 new units; split the "
        "file or add a unit_set column (63 or 34)")
    done = run_cli("--check-data", str(path), "--lang", "vi")
    assert done.stderr.splitlines()[0].endswith(
        "bảng năm 2024 trộn hai bộ đơn vị: 'Hà Giang' (dòng 2) chỉ có trong 63 tỉnh cũ, 'Bắc Ninh (24)' (dòng 4) "
        "chỉ có trong 34 đơn vị mới; hãy tách tệp hoặc thêm cột unit_set (63 hoặc 34)")


def test_a_unit_set_column_decides_2024(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("year,unit_set,province,metric,score,rank\n2024,63,Hà Giang,dti,,5\n"
                    "2024,34,Bắc Ninh,dti,,3\n", encoding="utf-8")
    table = read_any(path, CAT)
    assert table[["unit_set", "province_code"]].values.tolist() == [["34", "24"], ["63", "02"]]


# --- a set that does not fit the year --------------------------------------------------------


def test_table_of_the_34_units_in_2022_is_one_line(tmp_path):
    path = official_34(tmp_path, 2022)
    assert one_line(path) == (
        f"{path}:2: column 'Tỉnh, thành phố': value 'TP. Hà Nội': the table names exactly the 34 units of the "
        "2025 merger (and none of the provinces merged away): a 34-unit table, but the 2022 results are of the "
        "63 provinces")
    # a part of a 63-province table naming only provinces that kept their name is fine
    part = official_34(tmp_path, 2022, layout="detail")
    import openpyxl

    book = openpyxl.load_workbook(part)
    book.active.delete_rows(35)  # the last unit: 33 of the 34 are no longer "exactly the 34"
    book.save(part)
    assert check_file(part)[0] == []


@pytest.mark.parametrize("name,successor", [("Hà Giang", "Tuyên Quang"), ("Bắc Giang", "Bắc Ninh"),
                                            ("Kon Tum", "Quảng Ngãi")])
def test_a_former_province_in_the_2025_table_is_one_line(tmp_path, name, successor):
    path = official_34(tmp_path, names={successor: name})
    line = one_line(path)
    assert line.endswith(f"column 'Tỉnh, thành phố': value '{name}': a former province, merged into {successor} "
                         "in 2025; the 2025 results are of the 34 new units")
    assert line.startswith(f"{path}:")


@pytest.mark.parametrize("row,column,value,why", [
    ("2021,24,Bắc Ninh,dti,,4", "province_code", "24",
     "the code of Bắc Ninh among the 34 units of the 2025 merger; the 2021 results are of the 63 provinces, "
     "where Bắc Ninh is 27"),
    ("2022,80,Tây Ninh,dti,,4", "province_code", "80",
     "the code of Tây Ninh among the 34 units of the 2025 merger; the 2022 results are of the 63 provinces, "
     "where Tây Ninh is 72"),
    ("2023,91,An Giang,dti,,4", "province_code", "91",
     "the code of An Giang among the 34 units of the 2025 merger; the 2023 results are of the 63 provinces, "
     "where An Giang is 89"),
    ("2025,27,Bắc Ninh,dti,,4", "province_code", "27",
     "the code of Bắc Ninh among the 63 provinces before the 2025 merger; the 2025 results are of the 34 units, "
     "where Bắc Ninh is 24"),
    ("2025,80,Long An,dti,,4", "province", "Long An",
     "a former province, merged into Tây Ninh in 2025; the 2025 results are of the 34 new units"),
])
def test_a_code_of_the_other_set_is_one_line(tmp_path, row, column, value, why):
    path = tmp_path / "coded.csv"
    path.write_text(CODED + row + "\n", encoding="utf-8")
    assert one_line(path) == f"{path}:2: column '{column}': value '{value}': {why}"


def test_a_code_of_neither_set_is_a_plain_mismatch(tmp_path):
    path = tmp_path / "coded.csv"
    path.write_text(CODED + "2021,26,Bắc Ninh,dti,,4\n", encoding="utf-8")
    assert one_line(path).endswith("value '26': does not match the province 'Bắc Ninh' (code 27)")


@pytest.mark.parametrize("row,expected", [("2022,34,Bắc Ninh", "63"), ("2025,63,Hà Giang", "34"),
                                          ("2023,34,TP. Huế", "63")])
def test_a_unit_set_column_that_does_not_fit_the_year_is_one_line(tmp_path, row, expected):
    path = tmp_path / "sets.csv"
    path.write_text("year,unit_set,province,metric,score,rank\n" + row + ",dti,,3\n", encoding="utf-8")
    year, unit_set = row.split(",")[:2]
    assert one_line(path) == (f"{path}:2: column 'unit_set': value '{unit_set}': does not fit the year {year}: "
                              f"its results are of the {expected}-unit set (63 up to 2023, 34 from 2025)")
