"""Official dti.gov.vn layouts: the fixtures made from the real published rows come out exactly."""
import csv
import importlib.util
import math
from pathlib import Path

import pandas as pd
import pytest
from unidecode import unidecode

from dti_helpers import DataFileError, load_dti
from dti_helpers.data.catalogue import load_catalogue
from dti_helpers.data.ingest import read_any, read_official
from dti_helpers.data.ingest.official import header_key, parse_decimal, split_rank_score, year_from_name

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "official"
RAW = ROOT / "data" / "raw"
CAT = load_catalogue()
DETAIL_2022 = ["dti_2022_chi_tiet.csv", "dti_2022_chi_tiet.xlsx"]
OVERALL_2021 = ["dti_2021_tong_hop.csv", "dti_2021_tong_hop.xlsx"]


def published(name, source, provinces=None):
    """(code, metric) -> (score, rank) of the published rows read off ``source``.

    A page may state a province's rank in one place and its score in another (dti.gov.vn/xep-hang-2022
    lists all 63 ranks, then the top five with their scores): the two rows make one value.
    """
    with open(RAW / name, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["source_url"] == source]
    out = {}
    for r in rows:
        code = CAT.resolve(r["province"])
        if provinces is not None and code not in provinces:
            continue
        score, rank = out.get((code, r["metric"]), (None, None))
        new_score = float(r["score"]) if r["score"] else None
        new_rank = int(r["rank"]) if r["rank"] else None
        assert None in (score, new_score) or score == new_score
        assert None in (rank, new_rank) or rank == new_rank
        out[(code, r["metric"])] = (score if new_score is None else new_score, rank if new_rank is None else new_rank)
    return out


def as_published(table):
    return {(r.province_code, r.metric): (None if math.isnan(r.score) else r.score,
                                          None if pd.isna(r.rank) else int(r.rank))
            for r in table.itertuples()}


TOP5_2022 = {"48", "79", "22", "46", "92"}  # the five rows of the detail table on dti.gov.vn/xep-hang-2022
EXPECTED = {
    "dti_2022_chi_tiet": published("dti_2022.csv", "https://dti.gov.vn/xep-hang-2022", TOP5_2022),
    "dti_2021_tong_hop": published("dti_2021_dtigovvn.csv", "https://dti.gov.vn/"),
}


def test_expected_rows_are_the_published_ones():
    assert len(EXPECTED["dti_2022_chi_tiet"]) == 45  # 5 provinces x (8 indices + PDTI)
    assert len(EXPECTED["dti_2021_tong_hop"]) == 71  # 18 x 4, less Phú Thọ's missing XHS
    assert EXPECTED["dti_2021_tong_hop"][("48", "dti")] == (0.6419, 1)


@pytest.mark.parametrize("name", DETAIL_2022 + OVERALL_2021)
def test_fixture_values_equal_the_published_rows(name):
    table = read_official(FIXTURES / name, CAT)
    assert as_published(table) == EXPECTED[Path(name).stem]
    year = 2022 if "2022" in name else 2021
    assert (table.year == year).all() and (table.unit_set == "63").all()
    assert (table.sources == str(FIXTURES / name)).all()
    assert (table.note == "").all() and not table.doubtful.any()
    assert set(table.province) <= set(CAT.provinces.name)  # canonical names


@pytest.mark.parametrize("name", DETAIL_2022 + OVERALL_2021)
def test_fixture_has_the_tidy_columns_and_dtypes(name):
    table = read_any(FIXTURES / name, CAT)
    embedded = load_dti().table
    assert list(table.columns) == list(embedded.columns)
    assert table.dtypes.to_dict() == embedded.dtypes.to_dict()


def test_cut_off_cells_stay_missing():
    """Phú Thọ's 2021 row is cut off on dti.gov.vn: KTS has a rank only, XHS nothing."""
    t = read_official(FIXTURES / "dti_2021_tong_hop.csv").set_index(["province_code", "metric"])
    assert math.isnan(t.loc[("25", "kts"), "score"]) and t.loc[("25", "kts"), "rank"] == 17
    assert ("25", "xhs") not in t.index
    assert t.loc[("38", "dti"), "rank"] == t.loc[("26", "dti"), "rank"] == 12  # a shared rank


@pytest.mark.parametrize("name", DETAIL_2022 + OVERALL_2021)
def test_load_dti_reads_the_fixture(name):
    dti = load_dti(FIXTURES / name, embedded=False)
    summary = dti.summary()
    year = 2022 if "2022" in name else 2021
    assert summary.index.get_level_values("year").unique().tolist() == [year]
    assert dti.value("48", year) == ((0.8002, 1) if year == 2022 else (0.6419, 1))


def _generator():
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_fixtures_match_the_generator(tmp_path):
    gen = _generator()
    gen.write_csv(tmp_path / "d.csv", gen.detail_2022(), bom=False)
    gen.write_csv(tmp_path / "o.csv", gen.overall_2021(), bom=True)
    assert (tmp_path / "d.csv").read_bytes() == (FIXTURES / "dti_2022_chi_tiet.csv").read_bytes()
    assert (tmp_path / "o.csv").read_bytes() == (FIXTURES / "dti_2021_tong_hop.csv").read_bytes()
    assert (FIXTURES / "dti_2021_tong_hop.csv").read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("stem", ["dti_2022_chi_tiet", "dti_2021_tong_hop"])
def test_xlsx_and_csv_fixtures_agree(stem):
    a = read_official(FIXTURES / f"{stem}.csv").drop(columns="sources")
    b = read_official(FIXTURES / f"{stem}.xlsx").drop(columns="sources")
    pd.testing.assert_frame_equal(a, b)


# --- header tolerance, delimiters, years -----------------------------------------------------


def _rewrite(src, dst, header=None, delimiter=",", bom=False, extra=None):
    with open(src, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    if header:
        rows[0] = [header(h) for h in rows[0]]
    if extra:
        rows = [row + [extra[0] if i == 0 else extra[1]] for i, row in enumerate(rows)]
    with open(dst, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)
    return dst


@pytest.mark.parametrize("transform", [
    str.lower, str.upper, unidecode, lambda h: f"  {h}  ".replace(" ", "   "), lambda h: unidecode(h).upper(),
])
def test_headers_match_regardless_of_case_spacing_and_diacritics(tmp_path, transform):
    for stem in ("dti_2022_chi_tiet", "dti_2021_tong_hop"):
        path = _rewrite(FIXTURES / f"{stem}.csv", tmp_path / f"{stem}.csv", header=transform)
        assert as_published(read_official(path)) == EXPECTED[stem]


def test_semicolon_separated_csv_with_bom(tmp_path):
    """What Excel in a decimal-comma locale saves."""
    path = _rewrite(FIXTURES / "dti_2021_tong_hop.csv", tmp_path / "dti_2021.csv", delimiter=";", bom=True)
    assert as_published(read_official(path)) == EXPECTED["dti_2021_tong_hop"]


def test_unknown_column_is_an_error(tmp_path):
    path = _rewrite(FIXTURES / "dti_2021_tong_hop.csv", tmp_path / "dti_2021.csv", extra=("Ghi chú", "x"))
    with pytest.raises(DataFileError) as err:
        read_official(path)
    assert [str(p) for p in err.value.problems][0].startswith(
        f"{path}:1: column 'Ghi chú': unknown column; expected one of: Xếp hạng DTI | Tỉnh, thành phố |")


def test_year_from_argument_column_or_name(tmp_path):
    src = FIXTURES / "dti_2021_tong_hop.csv"
    nameless = _rewrite(src, tmp_path / "tong_hop.csv")
    with pytest.raises(DataFileError, match="no assessment year: pass --year YEAR"):
        read_official(nameless)
    assert set(read_official(nameless, year=2021).year) == {2021}
    with_column = _rewrite(src, tmp_path / "bang.csv", extra=("Năm", "2021"))
    assert as_published(read_official(with_column)) == EXPECTED["dti_2021_tong_hop"]
    with pytest.raises(DataFileError) as err:
        read_official(with_column, year=2022)
    assert str(err.value.problems[0]) == f"{with_column}:2: column 'Năm': value '2021': differs from the year given (2022)"
    # the argument wins over the file name (2020 would break that year's DTI formula: see test_validation)
    with pytest.raises(DataFileError, match="the file name says 2021 but --year is 2023"):
        read_official(src, year=2023)  # the name and --year disagree: no silent choice


def test_a_tidy_file_is_not_an_official_table():
    with pytest.raises(DataFileError, match="not an official dti.gov.vn table"):
        read_official(ROOT / "data" / "dti.csv")


def test_overall_cells_malformed_are_reported_with_their_column(tmp_path):
    path = tmp_path / "dti_2021.csv"
    path.write_text('Xếp hạng DTI,"Tỉnh, thành phố",Xếp hạng CQS,Xếp hạng KTS,Xếp hạng XHS\n'
                    '"1 (0,6419)",TP. Đà Nẵng,"1 (0,6868)","x (0,6312)","1 0,6483"\n', encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        read_official(path)
    assert [str(p) for p in err.value.problems] == [
        f"{path}:2: column 'Xếp hạng KTS': value 'x (0,6312)': not a whole number",
        f"{path}:2: column 'Xếp hạng XHS': value '1 0,6483': expected 'rank (score)', e.g. '1 (0,6419)'",
    ]


# --- small parsers ---------------------------------------------------------------------------


@pytest.mark.parametrize("text,value", [("0,6419", 0.6419), ("0.6419", 0.6419), ("1", 1.0), (",5", 0.5),
                                        ("nan", None), ("inf", None), ("1.000,5", None), ("", None), ("0,6.4", None)])
def test_parse_decimal(text, value):
    assert parse_decimal(text) == value


@pytest.mark.parametrize("text,parts", [("1 (0,6419)", ("1", "0,6419")), ("12(0,4880)", ("12", "0,4880")),
                                        (" 17 ", ("17", None)), ("", ("", None)), ("1 (0,6419", None),
                                        ("(1) (2)", None), ("1 2", None)])
def test_split_rank_score(text, parts):
    assert split_rank_score(text) == parts


def test_year_from_name_and_header_key():
    assert year_from_name("/tmp/2019/dti-2022.xlsx") == [2022]  # only the file name counts
    assert year_from_name("bang_20221.csv") == [] and year_from_name("dti_2031.csv") == []
    assert header_key("Xếp  hạng\tDTI") == header_key("xep hang dti") == "xep hang dti"


def test_tables_from_2025_on_use_the_34_units(tmp_path):
    """After the July 2025 merger only the 34 units are ranked: names resolve among them."""
    from dti_helpers.data.ingest import check_file, read_any

    path = tmp_path / "dti_2025_tong_hop.csv"  # synthetic
    header = 'Xếp hạng DTI,"Tỉnh, thành phố",Xếp hạng CQS,Xếp hạng KTS,Xếp hạng XHS\n'
    path.write_text(header + '"1 (0,8)",TP. Huế,"1 (0,9)","2 (0,7)","3 (0,6)"\n', encoding="utf-8")
    table = read_any(path)
    assert set(table.unit_set) == {"34"} and set(table.province_code) == {"46"}
    path.write_text(header + '"2 (0,7)",Bắc Giang,"2 (0,8)","1 (0,8)","1 (0,7)"\n', encoding="utf-8")
    problems, _ = check_file(path)
    assert [str(p).split(": ", 1)[1] for p in problems] == [
        "column 'Tỉnh, thành phố': value 'Bắc Giang': a former province, merged into Bắc Ninh in 2025; "
        "the 2025 results are of the 34 new units"]
