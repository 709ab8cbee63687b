"""Validation of data files: each rule, the CLI, the malformed corpus and properties.

Files written here are SYNTHETIC (made to test the rules); they live only in tmp directories
and tests/malformed/.
"""
import csv
import importlib.util
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from dti_helpers import DataFileError, load_dti
from dti_helpers.core.errors import DataProblem, UnknownProvinceError
from dti_helpers.core.labels import LABELS
from dti_helpers.data.catalogue import load_catalogue
from dti_helpers.data.ingest import check_file, read_any

ROOT = Path(__file__).resolve().parent.parent
MALFORMED = ROOT / "tests" / "malformed"
CAT = load_catalogue()
TIDY = "year,province,metric,score,rank\n"
N_VALUES = 454  # values in data/dti.csv


def check(tmp_path, text, name="t.csv", **kwargs):
    """The problems of a file holding ``text`` (they name it ``name``)."""
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    found, _ = check_file(path, catalogue=CAT, name=name, **kwargs)
    return found


def problems(tmp_path, text, name="t.csv", **kwargs):
    """The problems as (code, row, column, value, fields): what tests compare, not their wording."""
    return [(p.code, p.row, p.column, p.value, dict(p.fields)) for p in check(tmp_path, text, name, **kwargs)]


def codes(tmp_path, text, **kwargs):
    return [p.code for p in check(tmp_path, text, **kwargs)]


# --- the embedded data -----------------------------------------------------------------------


def test_embedded_data_is_valid():
    assert check_file(ROOT / "data" / "dti.csv") == ([], N_VALUES)
    pd.testing.assert_frame_equal(read_any(ROOT / "data" / "dti.csv", CAT), load_dti().table)


def test_the_published_data_has_one_rank_contradiction_and_it_is_a_doubtful_row(tmp_path):
    """Honest record: without the doubtful flags, the published rows contradict each other once.

    Đắk Nông 2020 DTI 0.3026 (rank 54) stands above Sơn La's 0.2613 (rank 51). The raw README
    marks that Đắk Nông figure as suspect (it equals the national mean), so the dataset flags it
    doubtful and the rank-order check leaves it out; nothing else in the data contradicts.
    """
    text = (ROOT / "data" / "dti.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    dak_nong = next(i for i, line in enumerate(lines) if line.startswith("2020,63,67,Đắk Nông,dti,"))
    son_la = next(i for i, line in enumerate(lines) if line.startswith("2020,63,14,Sơn La,dti,"))
    assert lines[dak_nong].startswith("2020,63,67,Đắk Nông,dti,0.3026,54,true,")
    assert lines[son_la].startswith("2020,63,14,Sơn La,dti,0.2613,51,false,")
    doubtful = [i + 1 for i, line in enumerate(lines) if ",true," in line]
    found = problems(tmp_path, text.replace(",true,", ",false,"), name="dti.csv")
    assert ("rank_order", dak_nong + 1, "rank", "54", {"line": son_la + 1, "score": "0.2613", "rank": 51}) in found
    # Any other contradiction the flags hide rests on a doubtful (or weakly sourced) row too.
    assert all(p[1] in doubtful or p[4]["line"] in doubtful for p in found)


# --- file-level rules ------------------------------------------------------------------------


def test_missing_file_directory_and_unreadable(tmp_path):
    assert check_file(tmp_path / "nope.csv")[0] == [DataProblem("not_found", str(tmp_path / "nope.csv"))]
    assert check_file(tmp_path)[0] == [DataProblem("is_dir", str(tmp_path))]
    locked = tmp_path / "locked.csv"
    locked.write_text(TIDY + "2021,TP. Đà Nẵng,dti,0.6419,1\n")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):  # root reads anything: nothing to test
            return
        assert check_file(locked)[0] == [DataProblem("unreadable", str(locked), fields={"reason": "Permission denied"})]
    finally:
        locked.chmod(0o644)


def test_not_utf8_names_the_line(tmp_path):
    text = (TIDY + "2021,TP. Đà Nẵng,dti,0.6419,1\n").encode("utf-8") + "2021,Cà Mau,dti,0.4,30\n".encode("cp1252")
    assert problems(tmp_path, text) == [("not_utf8", 3, None, "0xE0", {})]


def test_bom_and_crlf_and_blank_lines_are_fine(tmp_path):
    text = "\ufeff" + TIDY.replace("\n", "\r\n") + "\r\n2021,TP. Đà Nẵng,dti,0.6419,1\r\n\r\n"
    assert problems(tmp_path, text) == []


def test_xlsx_renamed_csv_is_read_as_a_workbook(tmp_path):
    data = (ROOT / "tests" / "fixtures" / "official" / "dti_2021_tong_hop.xlsx").read_bytes()
    assert problems(tmp_path, data, name="dti_2021.csv") == []


def test_multiline_cells_keep_file_line_numbers(tmp_path):
    text = ("year,province,metric,score,rank,note\n"
            '2021,TP. Đà Nẵng,dti,0.6419,1,"two\nlines"\n'
            "2021,Bắc Ninh,dti,7,4,\n")
    assert problems(tmp_path, text) == [
        ("control", 2, "note", "two\\nlines", {"char": "U+000A"}),
        ("score_on_1000_scale", 4, "score", "7", {}),
    ]


def test_every_problem_is_reported_in_file_order(tmp_path):
    text = TIDY + "2021,Ha Noy,dti,0.4,30\n2019,TP. Đà Nẵng,pdti,1.2,0\n2021,Bắc Ninh,dti,0.5276,4\n"
    assert problems(tmp_path, text) == [
        ("unknown_province", 2, "province", "Ha Noy", {"matches": "TP. Hà Nội, Thanh Hóa, Khánh Hòa, Hà Nam"}),
        ("year_out_of_range", 3, "year", "2019", {}),
        ("unknown_metric", 3, "metric", "pdti", {"known": ", ".join(CAT.metrics.index)}),
        ("score_on_1000_scale", 3, "score", "1.2", {}),
        ("rank_out_of_range", 3, "rank", "0", {"n": 63}),
    ]


def test_read_any_raises_with_every_problem_and_load_dti_too(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(TIDY + "2021,Ha Noy,dti,0.4,30\n2021,Atlantis,dti,0.4,31\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        read_any(path, CAT)
    assert [p.code for p in err.value.problems] == ["unknown_province", "unknown_province_none"]
    assert "\n" not in str(err.value) and str(err.value).endswith("(and 1 more problem(s))")
    assert err.value.message("vi").endswith("(và 1 lỗi khác)")
    with pytest.raises(DataFileError):
        load_dti(path)


def test_messages_are_worded_at_the_edge_in_either_language(tmp_path):
    (problem,) = check(tmp_path, TIDY + "2021,TP. Đà Nẵng,dti,1500,1\n")
    assert problem.message("vi") == "t.csv:2: column 'score': value '1500': điểm ngoài khoảng 0..1"
    assert problem.message("en") == str(problem) == "t.csv:2: column 'score': value '1500': score outside 0..1"


# --- header rules ----------------------------------------------------------------------------


def test_header_tolerates_case_spaces_and_order(tmp_path):
    text = " Province ,METRIC,Score,Năm,Rank\nTP. Đà Nẵng,dti,0.6419,2021,1\n"
    assert problems(tmp_path, text) == []
    table = read_any(tmp_path / "t.csv", CAT)
    assert table[["province_code", "year", "score", "rank"]].values.tolist() == [["48", 2021, 0.6419, 1]]


def test_missing_and_unknown_columns_are_all_named(tmp_path):
    assert problems(tmp_path, "year,province,metric,scor\n2021,TP. Đà Nẵng,dti,0.6\n") == [
        ("unknown_column_close", 1, "scor", None, {"close": "score"}),
        ("missing_column", 1, "score", None, {}),
        ("missing_column", 1, "rank", None, {}),
    ]


def test_semicolon_and_tab_separated(tmp_path):
    assert problems(tmp_path, "year;province;metric;score;rank\n2021;TP. Đà Nẵng;dti;0,6419;1\n") == []
    assert problems(tmp_path, "year\tprovince\tmetric\tscore\trank\n2021\tTP. Đà Nẵng\tdti\t0.6419\t1\n") == []


# --- row rules -------------------------------------------------------------------------------


def test_scale_declared_by_argument_or_column(tmp_path):
    text = TIDY + "2022,Bến Tre,dti,507.72,51\n"
    assert problems(tmp_path, text, scale=1000) == []
    table = read_any(tmp_path / "t.csv", CAT, scale=1000)
    assert table.score.item() == 0.50772
    assert table.note.item() == "published on the 1000-point scale (507.72), converted to 0..1"
    mixed = ("year,province,metric,score,rank,scale\n2022,Bến Tre,dti,507.72,51,1000\n"
             "2022,TP. Đà Nẵng,dti,0.8002,1,\n")
    assert problems(tmp_path, mixed) == []
    assert read_any(tmp_path / "t.csv", CAT).set_index("province_code").score.to_dict() == {"48": 0.8002, "83": 0.50772}
    with pytest.raises(ValueError):
        check_file(tmp_path / "t.csv", scale=100)


def test_score_exactly_one_and_zero_are_valid(tmp_path):
    assert problems(tmp_path, TIDY + "2022,TP. Đà Nẵng,awareness,1.0000,\n2022,Bắc Kạn,awareness,0,\n") == []


def test_unit_set_34_names_and_ranks(tmp_path):
    head = "year,unit_set,province,metric,score,rank\n"
    assert problems(tmp_path, head + "2024,34,TP. Huế,dti,0.7951,2\n2024,34,Lào Cai,dti,0.7167,14\n") == []
    assert problems(tmp_path, head + "2024,34,Bắc Giang,dti,,3\n") == [
        ("merged_province", 2, "province", "Bắc Giang", {"successor": "Bắc Ninh"})]


def test_province_code_may_lose_its_leading_zero(tmp_path):
    """Excel turns "01" into 1."""
    text = "year,province_code,province,metric,score,rank\n2022,1,Hà Nội,dti,,24\n"
    assert problems(tmp_path, text) == []


def test_year_given_must_agree_with_the_rows(tmp_path):
    text = TIDY + "2021,TP. Đà Nẵng,dti,0.6419,1\n"
    assert problems(tmp_path, text, year=2021) == []
    # a tidy table holds many years: its year column wins, --year only dates a one-year official table
    assert problems(tmp_path, text, year=2022) == []
    assert problems(tmp_path, text, year=1999) == [("year_out_of_range", None, None, "1999", {})]


def test_markup_entities_and_tags(tmp_path):
    head = "year,province,metric,score,rank,sources\n"
    assert problems(tmp_path, head + "2021,TP. Đà Nẵng,dti,0.6419,1,https://x.invalid/?a=1&amp;b=2\n") == [
        ("markup", 2, "sources", "https://x.invalid/?a=1&amp;b=2", {"markup": "&amp;"})]
    assert problems(tmp_path, head + "2021,TP. Đà Nẵng,dti,0.6419,1,R&D < 5 > 3\n") == []


# --- cross-row rules -------------------------------------------------------------------------


def test_ties_share_a_rank_and_the_next_rank_skips(tmp_path):
    text = TIDY + "2021,Thanh Hóa,dti,0.4880,12\n2021,Vĩnh Phúc,dti,0.4880,12\n2021,Hải Dương,dti,0.4843,14\n"
    assert problems(tmp_path, text) == []


def test_rank_order_ignores_rows_without_both_values_and_other_groups(tmp_path):
    text = TIDY + ("2021,TP. Đà Nẵng,dti,0.6419,1\n"
                   "2021,Bắc Ninh,dti,,2\n"      # rank only
                   "2021,Lạng Sơn,dti,0.7,\n"    # score only
                   "2022,Bắc Ninh,dti,0.9,5\n"   # another year
                   "2021,Bắc Ninh,cqs,0.9,5\n")  # another metric
    assert problems(tmp_path, text) == []


def test_rank_order_skips_doubtful_rows(tmp_path):
    head = "year,province,metric,score,rank,doubtful\n"
    rows = "2020,Sơn La,dti,0.2613,51,false\n2020,Đắk Nông,dti,0.3026,54,{}\n"
    assert problems(tmp_path, head + rows.format("true")) == []
    assert problems(tmp_path, head + rows.format("false")) == [
        ("rank_order", 3, "rank", "54", {"line": 2, "score": "0.2613", "rank": 51})]


def test_one_bad_rank_is_one_line_not_one_per_row(tmp_path):
    rows = [f"2021,{name},dti,0.{90 - i:02d},{i + 1}" for i, name in enumerate(
        ["TP. Đà Nẵng", "Bắc Ninh", "Lạng Sơn", "Ninh Bình", "Quảng Ninh", "Thái Nguyên", "Bình Phước"])]
    rows[0] = "2021,TP. Đà Nẵng,dti,0.90,7"
    assert len(problems(tmp_path, TIDY + "\n".join(rows) + "\n")) == 1


def test_duplicates_in_an_official_table_are_one_line_per_row(tmp_path):
    text = ('Xếp hạng DTI,"Tỉnh, thành phố",Xếp hạng CQS,Xếp hạng KTS,Xếp hạng XHS\n'
            '"1 (0,6419)",TP. Đà Nẵng,"1 (0,6868)","1 (0,6312)","1 (0,6483)"\n'
            '"1 (0,6419)",Đà Nẵng,"1 (0,6868)","1 (0,6312)","1 (0,6483)"\n')
    assert problems(tmp_path, text, name="dti_2021.csv") == [
        ("duplicate_row", 3, "Tỉnh, thành phố", "Đà Nẵng", {"line": 2})]


def test_2020_total_tolerance_and_scope(tmp_path):
    def total(dti, year=2020, doubtful="false"):
        rows = [("dti", dti), ("cqs", "0.4455"), ("kts", "0.3019"), ("xhs", "0.3092")]
        body = "".join(f"{year},Bắc Giang,{m},{s},,{doubtful if m == 'dti' else 'false'}\n" for m, s in rows)
        return problems(tmp_path, "year,province,metric,score,rank,doubtful\n" + body)

    assert total("0.3615") == [] and total("0.3620") == [] and total("0.3611") == []  # 0.36153 +- 0.0005
    assert total("0.3610") != []  # 0.00053 away
    assert total("0.3621") == [("dti_2020", 2, "score", "0.3621",
                                {"expected": "0.3615", "lines": "3, 4, 5", "diff": "0.0006"})]
    assert total("0.5", year=2021) == []  # from 2021 DTI is not the pillars' weighted sum
    assert total("0.5", doubtful="true") == []
    partial = "year,province,metric,score,rank\n2020,Bắc Giang,dti,0.5,\n2020,Bắc Giang,cqs,0.4455,\n"
    assert problems(tmp_path, partial) == []  # only where all four scores exist


# --- the command line ------------------------------------------------------------------------


def run_cli(*args):
    return subprocess.run([sys.executable, "run_reports.py", *args], cwd=ROOT,
                          capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})


def test_cli_valid_files():
    done = run_cli("--check-data", "data/dti.csv")
    assert (done.returncode, done.stdout, done.stderr) == (0, f"data/dti.csv: OK ({N_VALUES} values)\n", "")
    done = run_cli("--check-data", "tests/fixtures/official/dti_2022_chi_tiet.xlsx")
    assert (done.returncode, done.stdout) == (0, "tests/fixtures/official/dti_2022_chi_tiet.xlsx: OK (45 values)\n")
    done = run_cli("--check-data", "tests/malformed/official_no_year.csv", "--year", "2021")
    assert (done.returncode, done.stdout) == (0, "tests/malformed/official_no_year.csv: OK (4 values)\n")


def test_cli_missing_file_and_directory():
    done = run_cli("--check-data", "no/such.csv")
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == "no/such.csv: file not found\nno/such.csv: 1 problem(s)\n"
    done = run_cli("--check-data", "tests")  # a folder stands for its tables: this one has none
    assert (done.returncode, done.stderr) == (2, "error: tests: the folder holds no .csv or .xlsx file\n")


def test_cli_several_problems(tmp_path):
    path = tmp_path / "two.csv"
    path.write_text(TIDY + "2021,Ha Noy,dti,0.4,30\n2021,TP. Đà Nẵng,dti,-1,1\n", encoding="utf-8")
    done = run_cli("--check-data", str(path))
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"{path}:2: column 'province': value 'Ha Noy': unknown province; closest matches: TP. Hà Nội, Thanh Hóa, "
        "Khánh Hòa, Hà Nam",
        f"{path}:3: column 'score': value '-1': score outside 0..1",
        f"{path}: 2 problem(s)",
    ]


def _expected_lines():
    lines = (MALFORMED / "expected.txt").read_text(encoding="utf-8").splitlines()
    return {line.split(":", 1)[0]: line for line in lines}


EXPECTED = _expected_lines()


def test_corpus_is_complete():
    files = {f"tests/malformed/{p.name}" for p in MALFORMED.iterdir()
             if p.is_file() and p.name not in ("README.md", "expected.txt") and p.suffix != ".py"}
    assert files == set(EXPECTED) and len(files) >= 20


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_corpus_file_gives_its_exact_line(path):
    """expected.txt is the English wording of each corpus file's one problem."""
    found, _ = check_file(ROOT / path, catalogue=CAT, name=path)
    assert [str(p) for p in found] == [EXPECTED[path]]
    assert [p.message("en") for p in found] == [EXPECTED[path]]


def test_corpus_through_the_command_line():
    path = "tests/malformed/rank_tie.csv"
    done = run_cli("--check-data", path)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == f"{EXPECTED[path]}\n{path}: 1 problem(s)\n"


# --- the wording of each code ----------------------------------------------------------------

WORDING = {  # code -> (fields, English, Vietnamese): the reason as the user reads it
    'not_found': ({},
        'file not found',
        'không tìm thấy tệp'),
    'is_dir': ({},
        'a directory, not a data file',
        'đây là thư mục, không phải tệp dữ liệu'),
    'unreadable': ({'reason': 'Permission denied'},
        'cannot read the file (Permission denied)',
        'không đọc được tệp (Permission denied)'),
    'empty_file': ({},
        'file is empty',
        'tệp rỗng'),
    'binary': ({},
        'binary file, not a CSV or XLSX table',
        'tệp nhị phân, không phải bảng CSV hay XLSX'),
    'not_utf8': ({},
        'not UTF-8 text; save the file as CSV UTF-8',
        'không phải văn bản UTF-8; hãy lưu tệp dạng CSV UTF-8'),
    'old_xls': ({},
        'old Excel .xls workbook; save it as .xlsx or CSV UTF-8',
        'tệp Excel .xls cũ; hãy lưu lại dạng .xlsx hoặc CSV UTF-8'),
    'bad_xlsx': ({},
        'not a readable .xlsx workbook (corrupt or another format)',
        'không đọc được tệp .xlsx (hỏng hoặc không phải .xlsx)'),
    'bad_csv_quote': ({},
        'malformed CSV: a quote is not closed or is followed by text',
        'CSV sai cấu trúc: dấu ngoặc kép không đóng hoặc có chữ ngay sau dấu ngoặc kép'),
    'no_rows': ({},
        'no data rows below the header',
        'không có dòng dữ liệu nào dưới dòng tiêu đề'),
    'extra_cells': ({'n': 6, 'm': 5},
        'row has 6 cells but the header has 5',
        'dòng có 6 ô nhưng tiêu đề chỉ có 5 cột'),
    'no_layout': ({'columns': 'year, province'},
        'no known columns; expected a tidy table (year, province) or an official dti.gov.vn table',
        'không có cột nào quen thuộc; cần bảng dạng dài (year, province) hoặc bảng chính thức của dti.gov.vn'),
    'not_official': ({'columns': 'year, province'},
        'not an official dti.gov.vn table (expected columns year, province)',
        'không phải bảng chính thức của dti.gov.vn (cần các cột year, province)'),
    'missing_column': ({},
        'missing column',
        'thiếu cột'),
    'unknown_column': ({'known': 'dti, cqs'},
        'unknown column; expected one of: dti, cqs',
        'cột không rõ; các cột hợp lệ: dti, cqs'),
    'unknown_column_close': ({'close': 'score'},
        "unknown column; did you mean 'score'?",
        "cột không rõ; có phải là 'score'?"),
    'duplicate_column': ({'other': 'year'},
        "same column as 'year'",
        "cột trùng với cột 'year'"),
    'no_year': ({},
        "no assessment year: pass --year YEAR, add a 'year' (Năm) column, or put the year in the file name",
        "không rõ năm đánh giá: dùng --year NĂM, thêm cột 'Năm' (year) hoặc ghi năm vào tên tệp"),
    'name_years': ({'years': '2021, 2022'},
        'the file name holds several years (2021, 2022); pass --year YEAR',
        'tên tệp có nhiều năm (2021, 2022); dùng --year NĂM'),
    'unsafe_url': ({},
        'a source must be an http or https address',
        'nguồn phải là địa chỉ http hoặc https'),
    'name_year_conflict': ({'year': 2023, 'years': '2021'},
        'the file name says 2021 but --year is 2023; correct one of them',
        'tên tệp ghi năm 2021 nhưng --year là 2023; hãy sửa một trong hai'),
    'year_out_of_range': ({},
        'year must be between 2020 and the current year',
        'năm phải từ 2020 đến năm hiện tại'),
    'year_conflict': ({'year': 2022},
        'differs from the year given (2022)',
        'khác với năm đã chỉ định (2022)'),
    'empty_value': ({},
        'empty value',
        'ô trống'),
    'not_integer': ({},
        'not a whole number',
        'không phải số nguyên'),
    'not_number': ({},
        'not a number',
        'không phải số'),
    'unit_set': ({},
        'unit set must be 63 or 34',
        'bộ đơn vị phải là 63 hoặc 34'),
    'unknown_province': ({'matches': 'TP. Hà Nội, Hà Nam'},
        'unknown province; closest matches: TP. Hà Nội, Hà Nam',
        'không rõ tỉnh; gần nhất: TP. Hà Nội, Hà Nam'),
    'unknown_province_none': ({},
        'unknown province; no close match',
        'không rõ tỉnh; không có tên nào gần giống'),
    'merged_province': ({'successor': 'Bắc Ninh'},
        'a former province, merged into Bắc Ninh in 2025; the 34-unit set has the new units',
        'tỉnh cũ, đã sáp nhập vào Bắc Ninh năm 2025; bộ 34 đơn vị dùng các đơn vị mới'),
    'former_province_year': ({'successor': 'Tuyên Quang', 'year': 2025},
        'a former province, merged into Tuyên Quang in 2025; the 2025 results are of the 34 new units',
        'tỉnh cũ, đã sáp nhập vào Tuyên Quang năm 2025; kết quả năm 2025 là của bộ 34 đơn vị mới'),
    'unit_set_year': ({'year': 2022, 'expected': '63'},
        'does not fit the year 2022: its results are of the 63-unit set (63 up to 2023, 34 from 2025)',
        'không khớp với năm 2022: kết quả năm này thuộc bộ 63 đơn vị (63 đến năm 2023, 34 từ năm 2025)'),
    'code_of_34_units': ({'province': 'Bắc Ninh', 'year': 2021, 'code': '27'},
        'the code of Bắc Ninh among the 34 units of the 2025 merger; the 2021 results are of the 63 provinces, '
        'where Bắc Ninh is 27',
        'đây là mã của Bắc Ninh trong bộ 34 đơn vị sau sáp nhập năm 2025; kết quả năm 2021 là của 63 tỉnh, '
        'thành phố, trong đó Bắc Ninh có mã 27'),
    'code_of_63_provinces': ({'province': 'Bắc Ninh', 'year': 2025, 'code': '24'},
        'the code of Bắc Ninh among the 63 provinces before the 2025 merger; the 2025 results are of the 34 units, '
        'where Bắc Ninh is 24',
        'đây là mã của Bắc Ninh trong bộ 63 tỉnh, thành phố trước sáp nhập năm 2025; kết quả năm 2025 là của bộ '
        '34 đơn vị, trong đó Bắc Ninh có mã 24'),
    'table_of_34_units': ({'year': 2022},
        'the table names exactly the 34 units of the 2025 merger (and none of the provinces merged away): '
        'a 34-unit table, but the 2022 results are of the 63 provinces',
        'bảng liệt kê đúng 34 đơn vị sau sáp nhập năm 2025 (và không có tỉnh nào đã sáp nhập): đây là bảng '
        '34 đơn vị, nhưng kết quả năm 2022 là của 63 tỉnh, thành phố'),
    'mixed_unit_sets': ({'year': 2024, 'name_63': 'Hà Giang', 'line_63': 2, 'name_34': 'Bắc Ninh (24)', 'line_34': 3},
        "the 2024 table mixes the two unit sets: 'Hà Giang' (line 2) is only among the 63 former provinces, "
        "'Bắc Ninh (24)' (line 3) only among the 34 new units; split the file or add a unit_set column (63 or 34)",
        "bảng năm 2024 trộn hai bộ đơn vị: 'Hà Giang' (dòng 2) chỉ có trong 63 tỉnh cũ, 'Bắc Ninh (24)' (dòng 3) "
        "chỉ có trong 34 đơn vị mới; hãy tách tệp hoặc thêm cột unit_set (63 hoặc 34)"),
    'ambiguous_province': ({'matches': 'TP. Hà Nội, Hà Nam'},
        'ambiguous province; could be: TP. Hà Nội, Hà Nam',
        'tên tỉnh không rõ ràng; có thể là: TP. Hà Nội, Hà Nam'),
    'national_row': ({},
        'a national mean, not a province; keep national means out of province tables',
        'đây là trung bình cả nước, không phải một tỉnh; để số liệu cả nước riêng'),
    'code_mismatch': ({'province': 'Bắc Ninh', 'code': '27'},
        "does not match the province 'Bắc Ninh' (code 27)",
        "mã tỉnh không khớp với tỉnh 'Bắc Ninh' (mã 27)"),
    'unknown_metric': ({'known': 'dti, cqs'},
        'unknown metric; expected one of: dti, cqs',
        'chỉ số không rõ; các chỉ số hợp lệ: dti, cqs'),
    'no_value': ({},
        'row has neither a score nor a rank',
        'dòng không có cả điểm lẫn xếp hạng'),
    'score_out_of_range': ({},
        'score outside 0..1',
        'điểm ngoài khoảng 0..1'),
    'score_on_1000_scale': ({},
        "score on the 1000-point scale; divide it by 1000, or declare the scale with a 'scale' column of 1000",
        "điểm theo thang 1000; hãy chia cho 1000, hoặc khai báo thang điểm bằng cột 'scale' = 1000"),
    'score_out_of_range_1000': ({},
        'score outside 0..1000 (declared 1000-point scale)',
        'điểm ngoài khoảng 0..1000 (đã khai báo thang 1000)'),
    'scale': ({},
        'scale must be 1 or 1000',
        'thang điểm phải là 1 hoặc 1000'),
    'rank_out_of_range': ({'n': 6},
        'rank outside 1..6',
        'xếp hạng ngoài khoảng 1..6'),
    'doubtful': ({},
        'doubtful must be true or false',
        'cột doubtful chỉ nhận true hoặc false'),
    'markup': ({'markup': '<b>'},
        'markup (<b>) in a text field',
        'có mã đánh dấu (<b>) trong ô chữ'),
    'control': ({'char': 'U+001B'},
        'control or invisible character U+001B in a text field',
        'có ký tự điều khiển hoặc ký tự ẩn U+001B trong ô chữ'),
    'duplicate_row': ({'line': 4},
        'duplicate of line 4: same province, year and metric',
        'trùng dòng 4: cùng tỉnh, năm và chỉ số'),
    'rank_order': ({'line': 4, 'score': '0.5242', 'rank': 2},
        'rank contradicts the scores: line 4 has a lower score (0.5242) but a better rank (2)',
        'xếp hạng mâu thuẫn với điểm: dòng 4 điểm thấp hơn (0.5242) nhưng hạng cao hơn (2)'),
    'rank_tie': ({'line': 4, 'rank': 2},
        'rank contradicts the scores: line 4 has the same score but rank 2; ties share a rank',
        'xếp hạng mâu thuẫn với điểm: dòng 4 cùng điểm nhưng hạng 2; cùng điểm thì cùng hạng'),
    'dti_2020': ({'expected': '0.3615', 'lines': '3, 4, 5', 'diff': '0.0100'},
        '2020 DTI should equal 0.4·CQS + 0.3·KTS + 0.3·XHS = 0.3615 (lines 3, 4, 5); off by 0.0100',
        'DTI 2020 phải bằng 0,4·CQS + 0,3·KTS + 0,3·XHS = 0.3615 (dòng 3, 4, 5); lệch 0.0100'),
    'rank_score_cell': ({},
        "expected 'rank (score)', e.g. '1 (0,6419)'",
        "cần dạng 'hạng (điểm)', ví dụ '1 (0,6419)'"),
    'invalid_value': ({},
        'invalid value',
        'giá trị không hợp lệ'),
    'doubtful_without_note': ({'entry': '2023/63/96/dti'},
        'a raw row flagged doubtful, but the value 2023/63/96/dti has no note in DOUBTFUL',
        'dòng gốc bị đánh dấu đáng ngờ nhưng giá trị 2023/63/96/dti chưa có ghi chú trong DOUBTFUL'),
    # provincial targets (data/targets.py)
    'target_unit_set': ({'unit_set': '63', 'year': 2025},
        'the 63-unit set does not fit the target year 2025: up to 2024 the 63 provinces are ranked, from 2025 the 34 units after the merger (2024 both)',
        'bộ 63 đơn vị không khớp với năm mục tiêu 2025: đến năm 2024 xếp hạng 63 tỉnh, thành phố, từ năm 2025 xếp hạng 34 đơn vị sau sắp xếp (năm 2024 có cả hai)'),
    'target_merged': ({'successor': 'Bắc Ninh', 'year': 2025, 'name': 'Bắc Giang'},
        "merged into Bắc Ninh on 1 July 2025: a 2025 target counts ranks of the 34 units; write province 'Bắc Ninh' and set_by 'Bắc Giang'",
        "đã sáp nhập vào Bắc Ninh ngày 1/7/2025: mục tiêu năm 2025 tính theo xếp hạng của 34 đơn vị; hãy ghi province là 'Bắc Ninh' và set_by là 'Bắc Giang'"),
    'target_set_by': ({'name': 'Bắc Ninh', 'members': 'Bắc Giang, Bắc Ninh'},
        'not a former province of Bắc Ninh (its former provinces: Bắc Giang, Bắc Ninh)',
        'không phải tỉnh trước sắp xếp của Bắc Ninh (gồm: Bắc Giang, Bắc Ninh)'),
    'target_score': ({},
        'a score target must be in 0..1, or points of the 1,000-point scale (e.g. 800)',
        'điểm mục tiêu phải trong khoảng 0..1, hoặc theo thang 1.000 điểm (ví dụ 800)'),
    'target_value_range': ({'n': 34},
        'must be a whole number from 1 to 34',
        'phải là số nguyên từ 1 đến 34'),
    'target_year_range': ({'first': 2020, 'last': 2040},
        'year must be between 2020 and 2040',
        'năm phải từ 2020 đến 2040'),
    'target_kind': ({'known': 'rank_at_most, score_at_least'},
        'unknown kind of target; expected one of: rank_at_most, score_at_least',
        'loại mục tiêu không rõ; các loại hợp lệ: rank_at_most, score_at_least'),
    'target_only_for': ({'kind': 'indices_in_top'},
        'only for targets of the kind indices_in_top; leave it empty',
        'chỉ dùng cho mục tiêu loại indices_in_top; để trống'),
    'target_from_year': ({'first': 2021, 'year': 2030},
        'the first year must be between 2021 and the target year 2030 (each year against the one before, in the same unit set)',
        'năm bắt đầu phải từ 2021 đến năm mục tiêu 2030 (mỗi năm so với năm trước, cùng bộ đơn vị)'),
    'target_duplicate': ({'line': 3},
        'the same target as line 3',
        'trùng mục tiêu ở dòng 3'),
    'target_not_table': ({},
        'each target must be a table (dict) of columns',
        'mỗi mục tiêu phải là một bảng (dict) các cột'),
    'short_row': ({'n': 4, 'm': 5},
        'row has only 4 fields but the header has 5; the missing cells would read as not published',
        'dòng chỉ có 4 ô nhưng tiêu đề có 5 cột; các ô thiếu sẽ bị đọc là chưa công bố'),
    'field_too_long': ({'limit': '131 072'},
        'a field starting on this line is longer than 131 072 characters: not a cell of a data table',
        'một ô bắt đầu ở dòng này dài hơn 131 072 ký tự: không phải một ô của bảng số liệu'),
    'formula_no_value': ({'n': 7, 'sheet': 'DTI', 'cells': 'B2, C2, D2, E2, F2, …'},
        '7 cell(s) of sheet “DTI” hold a formula without a saved value (B2, C2, D2, E2, F2, …); open the file in Excel or LibreOffice and save it, so the values are saved with the formulas',
        '7 ô của trang tính “DTI” chứa công thức nhưng chưa lưu giá trị (B2, C2, D2, E2, F2, …); hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại để giá trị được lưu cùng công thức'),
    'merged_cells': ({'cells': 'A5:A6', 'sheet': 'DTI'},
        'cells A5:A6 of sheet “DTI” are merged in the data rows; unmerge them and give each cell its value',
        'các ô A5:A6 của trang tính “DTI” bị gộp trong phần số liệu; hãy bỏ gộp ô và ghi giá trị vào từng ô'),
    'encrypted': ({},
        'the workbook is protected by a password; save a copy without the password (or as CSV UTF-8) and use that',
        'tệp Excel được bảo vệ bằng mật khẩu; hãy lưu một bản không có mật khẩu (hoặc dạng CSV UTF-8) rồi dùng bản đó'),
    'xlsx_part_too_large': ({'part': 'xl/worksheets/sheet1.xml', 'limit': '512 MB'},
        'the workbook part xl/worksheets/sheet1.xml unpacks to more than 512 MB: a damaged workbook, or not a real one',
        'phần xl/worksheets/sheet1.xml của tệp Excel khi giải nén lớn hơn 512 MB: tệp bị hỏng hoặc không phải tệp Excel thật'),
    'no_such_sheet': ({'sheets': '“DTI”, “README”'},
        "no sheet of that name; the workbook's sheets: “DTI”, “README”",
        'không có trang tính tên này; các trang tính của tệp: “DTI”, “README”'),
    'several_sheets': ({'tables': '“2021”, “2022”'},
        'several sheets hold a table (“2021”, “2022”); choose one with --sheet NAME',
        'nhiều trang tính có bảng số liệu (“2021”, “2022”); hãy chọn một bằng --sheet TÊN'),
    'no_table_sheet': ({'sheets': '“Notes”, “README”'},
        'no sheet holds a tidy or an official dti.gov.vn table (sheets: “Notes”, “README”); name the sheet to read with --sheet NAME',
        'không trang tính nào có bảng dạng dài hay bảng chính thức của dti.gov.vn (các trang tính: “Notes”, “README”); hãy chỉ định trang tính cần đọc bằng --sheet TÊN'),
    'is_fifo': ({},
        'a named pipe (FIFO), not a data file',
        'đây là ống dẫn có tên (FIFO), không phải tệp dữ liệu'),
    'is_device': ({},
        'a device, not a data file',
        'đây là một thiết bị, không phải tệp dữ liệu'),
    'not_regular': ({},
        'not a regular file (a socket or another special file)',
        'không phải tệp thông thường (socket hoặc một loại tệp đặc biệt khác)'),
    'symlink_loop': ({},
        'a symbolic link that loops back on itself',
        'liên kết tượng trưng (symlink) vòng lặp, trỏ lại chính nó'),
    'too_large': ({'size': '200 MB', 'limit': '50 MB'},
        'the file is 200 MB, over the limit of 50 MB; to read it anyway, raise the limit with --max-file-mb N',
        'tệp có dung lượng 200 MB, vượt giới hạn 50 MB; nếu vẫn cần đọc, hãy nâng giới hạn bằng --max-file-mb N'),
    'too_many_rows': ({'limit': '100 000'},
        'the table has more than 100 000 rows; reading stopped here (raise the limit with --max-rows N)',
        'bảng có hơn 100 000 dòng; dừng đọc tại đây (nâng giới hạn bằng --max-rows N)'),
    'too_many_cells': ({'limit': '1 000 000'},
        'the table has more than 1 000 000 cells (counting the blank ones before a filled cell); reading stopped here (raise the limit with --max-cells N)',
        'bảng có hơn 1 000 000 ô (kể cả các ô trống đứng trước một ô có giá trị); dừng đọc tại đây (nâng giới hạn bằng --max-cells N)'),
}


def test_every_code_has_its_wording_test():
    assert set(WORDING) == {key[len("val_"):] for key in LABELS if key.startswith("val_")}


@pytest.mark.parametrize("code", sorted(WORDING))
def test_wording_of_each_code_in_both_languages(code):
    fields, en, vi = WORDING[code]
    problem = DataProblem(code, "x.csv", 2, "c", "v", fields)
    assert (problem.reason("en"), problem.reason("vi")) == (en, vi)
    assert problem.message("vi") == f"x.csv:2: column 'c': value 'v': {vi}"
    assert str(problem) == problem.message("en") == f"x.csv:2: column 'c': value 'v': {en}"
    assert en != vi or code == "unreadable"


@pytest.mark.parametrize("problem,en", [
    (DataProblem("empty_file", "x.csv"), "x.csv: file is empty"),
    (DataProblem("no_rows", "x.csv", None, None, None), "x.csv: no data rows below the header"),
    (DataProblem("missing_column", "x.csv", 1, "rank"), "x.csv:1: column 'rank': missing column"),
    (DataProblem("not_utf8", "x.csv", 3, None, "0xE0"), "x.csv:3: value '0xE0': not UTF-8 text; save the file as CSV UTF-8"),
    (DataProblem("empty_value", "x.csv", 2, "note", "x" * 80), "x.csv:2: column 'note': value '" + "x" * 59 + "…': empty value"),
])
def test_message_leaves_out_what_a_problem_does_not_have(problem, en):
    assert str(problem) == en


def test_other_errors_carry_a_code_and_fields_too():
    err = UnknownProvinceError("Ha Noy", ["TP. Hà Nội"])
    assert (err.code, err.fields) == ("unknown_province", {"query": "Ha Noy", "matches": "TP. Hà Nội"})
    assert str(err) == err.message("en") == "unknown province 'Ha Noy'; closest matches: TP. Hà Nội"
    assert err.message("vi") == "không rõ tỉnh 'Ha Noy'; gần nhất: TP. Hà Nội"
    none = UnknownProvinceError("Atlantis", [])
    assert none.code == "unknown_province_none" and "--list" in none.message("vi")
    assert UnknownProvinceError("x", ["A", "B"], ambiguous=True).code == "ambiguous_province"
    problem = DataProblem.from_error(err, "x.csv", 2, "province", "Ha Noy")
    assert (problem.code, dict(problem.fields)) == ("unknown_province", {"matches": "TP. Hà Nội"})


def test_corpus_generator_gives_the_committed_bytes():
    spec = importlib.util.spec_from_file_location("make_corpus", MALFORMED / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, data in module.corpus().items():
        assert (MALFORMED / name).read_bytes() == data, name


# --- properties ------------------------------------------------------------------------------

CODES = list(CAT.provinces.index)
METRICS = list(CAT.metrics.index)
SPELLINGS = ["name", "short_name", "slug", "name_en", "code"]


@st.composite
def tables(draw):
    """A valid synthetic tidy table: rows of (year, province, metric, score, rank) as strings.

    Ranks are competition ranks of the scores (ties share the better rank), so they never
    contradict them; a row may drop its score or its rank but not both. 2020 DTI rows are left
    out so the 2020 formula never applies to random pillars.
    """
    groups = draw(st.lists(st.tuples(st.integers(2020, 2024), st.sampled_from(METRICS))
                           .filter(lambda g: g != (2020, "dti")), min_size=1, max_size=3, unique=True))
    rows = []
    for year, metric in groups:
        codes = draw(st.lists(st.sampled_from(CODES), min_size=1, max_size=10, unique=True))
        scores = draw(st.lists(st.integers(0, 10000), min_size=len(codes), max_size=len(codes)))
        for code, score in zip(codes, scores):
            rank = 1 + sum(other > score for other in scores)
            keep = draw(st.sampled_from(["both", "score", "rank"]))
            name = CAT.provinces.at[code, draw(st.sampled_from(SPELLINGS))]
            rows.append([str(year), name, metric, f"{score / 10000:.4f}" if keep != "rank" else "",
                         str(rank) if keep != "score" else ""])
    return rows


def verdict(rows, columns=("year", "province", "metric", "score", "rank")):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synthetic.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(columns)
            writer.writerows(rows)
        found, n = check_file(path, catalogue=CAT, name="synthetic.csv")
    return found, n


PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(tables())
def test_property_valid_tables_pass(rows):
    assert verdict(rows) == ([], len(rows))


@PROPERTY
@given(tables(), st.data())
def test_property_column_order_does_not_matter(rows, data):
    order = data.draw(st.permutations(range(5)))
    columns = [("year", "province", "metric", "score", "rank")[i] for i in order]
    assert verdict([[row[i] for i in order] for row in rows], columns) == ([], len(rows))


@PROPERTY
@given(tables(), st.data())
def test_property_a_score_out_of_range_is_reported_at_its_row_and_column(rows, data):
    with_score = [i for i, row in enumerate(rows) if row[3]]
    assume(with_score)
    i = data.draw(st.sampled_from(with_score))
    bad = data.draw(st.one_of(st.integers(-10**7, -1), st.integers(10001, 10**8)))
    rows[i][3] = f"{bad / 10000:.4f}"
    found, _ = verdict(rows)
    assert [(p.row, p.column, p.value) for p in found] == [(i + 2, "score", rows[i][3])]
    assert found[0].code in ("score_out_of_range", "score_on_1000_scale")


@PROPERTY
@given(tables(), st.data())
def test_property_swapping_two_ranks_is_caught(rows, data):
    ranked = [i for i, row in enumerate(rows) if row[3] and row[4]]
    pairs = [(i, j) for i in ranked for j in ranked if i < j and rows[i][:1] + rows[i][2:3] == rows[j][:1] + rows[j][2:3]
             and rows[i][3] != rows[j][3] and rows[i][4] != rows[j][4]]
    assume(pairs)
    i, j = data.draw(st.sampled_from(pairs))
    rows[i][4], rows[j][4] = rows[j][4], rows[i][4]
    found, _ = verdict(rows)
    assert found and all(p.code in ("rank_order", "rank_tie") for p in found)


@PROPERTY
@given(tables(), st.data(), st.booleans())
def test_property_shuffling_rows_keeps_the_verdict(rows, data, spoil):
    if spoil:  # one bad value somewhere, to shuffle an invalid table too
        i = data.draw(st.integers(0, len(rows) - 1))
        rows[i][4] = "64"
    before, _ = verdict(rows)
    shuffled = data.draw(st.permutations(rows))
    after, _ = verdict(shuffled)
    assert bool(before) == bool(after) == spoil
    assert sorted((p.code, p.column, p.value) for p in before) == sorted((p.code, p.column, p.value) for p in after)


@PROPERTY
@given(st.one_of(st.binary(max_size=300),
                 st.text(max_size=300).map(lambda s: (TIDY + s).encode("utf-8")),
                 st.lists(st.lists(st.text(max_size=12), max_size=7), max_size=6).map(
                     lambda rows: "\n".join(",".join(r) for r in [["year", "province", "metric", "score", "rank"], *rows])
                     .encode("utf-8"))),
       st.sampled_from(["x.csv", "x.xlsx", "dti_2021.csv"]))
def test_property_any_bytes_give_problems_not_exceptions(data, name):
    """Whatever a file holds, checking it returns problems, each one line; it never raises."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        found, _ = check_file(path, catalogue=CAT, name=name)
    assert all("\n" not in str(p) and "\r" not in str(p) and str(p).startswith(name) for p in found)


def test_problem_fields_may_not_shadow_the_label_parameters():
    with pytest.raises(ValueError):
        DataProblem("empty_value", "x.csv", fields={"key": "x"})


@pytest.mark.parametrize("url", ["javascript:alert(1)", "vbscript:msgbox", "data:text/html;base64;PHA+", "file:///etc/passwd"])
def test_a_source_that_is_not_a_web_address_is_refused(tmp_path, url):
    path = tmp_path / "sources.csv"
    path.write_text(f"year,province,metric,score,rank,sources\n2021,TP. Đà Nẵng,dti,0.6419,1,https://dti.gov.vn | {url}\n",
                    encoding="utf-8")
    found, _ = check_file(path)
    assert [(p.code, p.row, p.column, p.value) for p in found] == [("unsafe_url", 2, "sources", url)]


def test_a_scheme_hidden_by_a_tab_is_still_refused(tmp_path):
    # browsers drop tabs and newlines inside an address: "java<TAB>script:" is javascript:
    path = tmp_path / "sources.csv"
    path.write_text('year,province,metric,score,rank,sources\n2021,TP. Đà Nẵng,dti,0.6419,1,"java\tscript:alert(1)"\n',
                    encoding="utf-8")
    found, _ = check_file(path)
    assert [p.code for p in found] == ["control", "unsafe_url"]
    from dti_helpers.sections.parts import Link

    assert str(Link("java\tscript:alert(1)", "[1]")) == "[1]"  # and a report never makes it a link
