"""The embedded dataset: reproducible build, provenance, no invented values."""
import filecmp
import shutil
from pathlib import Path

import pandas as pd
import pytest

from dti_helpers import DataFileError, load_dti
from dti_helpers.data.build import build_all

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "dti-data" / "published"


def test_build_is_byte_identical(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    for _ in range(2):
        build_all(tmp_path / "data")
        for name in ("provinces.csv", "units_2025.csv", "dti.csv", "national.csv"):
            assert filecmp.cmp(tmp_path / "data" / name, ROOT / "data" / name, shallow=False), name


def test_raw_rows_are_the_published_rows():
    if not SHARED.exists():  # the project stands alone outside the workspace
        return
    for path in SHARED.glob("*.csv"):
        assert (ROOT / "data" / "raw" / path.name).read_bytes() == path.read_bytes()


def test_every_value_has_a_source():
    dti = load_dti()
    assert dti.table.sources.str.startswith("http").all()
    assert dti.national.sources.str.startswith("http").all()


def test_every_value_traces_to_a_raw_row():
    raw = pd.concat([pd.read_csv(p, dtype=str, keep_default_na=False) for p in (ROOT / "data" / "raw").glob("dti_*.csv")])
    raw = raw.fillna("")
    raw_scores = {float(s.replace(",", ".")) for s in raw.score if s}
    # A score printed as points out of N (the `scale` column, or Bến Tre's 1000) is divided by N, nothing else.
    converted = {round(float(s.replace(",", ".")) / int(n or 1000), 6) for s, n in zip(raw.score, raw.scale)
                 if s and float(s.replace(",", ".")) > 1}
    raw_ranks = {int(r) for r in raw["rank"] if r}
    table = load_dti().table
    for score, note in zip(table.score.dropna(), table.note[table.score.notna()]):
        assert score in raw_scores or (score in converted and "converted to 0..1" in note)
    assert set(table["rank"].dropna().astype(int)) <= raw_ranks


def test_coverage_matches_shared_readme():
    s = load_dti().summary()
    dti_rows = {y: tuple(s.loc[(y, "63", "dti")].iloc[:2]) for y in (2020, 2021, 2022, 2023)}
    # The shared README's table (rounds 1-2) plus what its round 3 section adds: 2020 ranks for Long An,
    # Vĩnh Phúc, Yên Bái, Phú Yên, Cao Bằng and scores for six provinces; 2021 ranks for Hà Nội,
    # Hưng Yên, Quảng Ngãi, Phú Yên, Ninh Thuận (with a score); 2022 scores for ranks 6-10, Hà Nội,
    # Hà Giang, Ninh Thuận and Kiên Giang; Hà Giang's 2023 rank.
    assert dti_rows == {2020: (25 + 5, 9 + 6), 2021: (31 + 5, 23 + 1), 2022: (63, 12 + 9), 2023: (10 + 1, 4)}


def test_readme_coverage_table_is_the_summary():
    """The README's coverage table is what load_dti().summary() says of the total DTI."""
    text = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    block = text.split("<!-- coverage:start -->")[1].split("<!-- coverage:end -->")[0]
    rows = [line.strip("|").split("|") for line in block.strip().splitlines()[2:]]
    readme = {(int(r[0]), r[1].strip()): [int(c) for c in r[2:]] for r in rows}
    s = load_dti().summary().xs("dti", level="metric")
    assert readme == {key: [int(v) for v in s.loc[key]] for key in s.index}


def test_round3_rows_are_in():
    """The round-3 decisions of the shared README: Kiên Giang 2022 scored, 2020 rank 9 (no tie rule)."""
    dti = load_dti()
    assert dti.value("91", 2022) == (0.5796, 32)
    assert dti.value("91", 2020)[1] == 9


def test_known_values():
    dti = load_dti()
    assert dti.value("24", 2020, "dti") == (0.3615, 10)
    assert dti.value("24", 2020, "cqs") == (0.4455, 7)
    assert dti.value("48", 2021, "dti") == (0.6419, 1)
    assert dti.value("38", 2022)[1] == dti.value("15", 2022)[1] == 15  # shared rank
    assert dti.value("83", 2022) == (0.50772, 51)  # 1000-point row converted
    assert dti.value("02", 2022) == (0.47899, 57)  # 478,99/1.000 (round 3 `scale` column)
    assert dti.value("02", 2022, "gov_activity") == (0.44045, None)  # 88,09/200
    assert dti.value("91", 2020) == (0.3631, 9)  # round 3 settles Kiên Giang 2020 at 9


def test_conflicts_and_doubts_are_noted():
    t = load_dti().table.set_index(["year", "unit_set", "province_code", "metric"])
    assert t.loc[(2022, "63", "72", "xhs"), "doubtful"]
    assert "1000-point" in t.loc[(2022, "63", "83", "dti"), "note"]
    assert "disagree" in t.loc[(2020, "63", "91", "dti"), "note"]
    national = load_dti().national
    assert "0.326" in national.query("year == 2020 and metric == 'dti'").note.item()


def test_unit_sets_never_mix():
    t = load_dti().table
    assert set(t.loc[t.unit_set == "34", "year"]) == {2024}
    assert not t.duplicated(["year", "unit_set", "province_code", "metric"]).any()


def test_dissenting_pages_are_in_the_note_not_the_sources():
    dti = load_dti()
    mean = dti.national.query("year == 2020 and metric == 'dti'").iloc[0]
    assert "soctrang" not in mean.sources and "soctrang" in mean.note
    kg = dti.table.query("year == 2020 and province_code == '91' and metric == 'dti'").iloc[0]
    assert "viet-jo" not in kg.sources and "viet-jo" in kg.note


def test_a_contradicting_page_is_named_never_chosen():
    """Round 3 rows flagged `contradicts` keep the held value (even against a single held page)."""
    dti = load_dti()
    assert dti.value("92", 2021) == (0.4794, 15)  # Cần Thơ: 0,794 and rank 7 on two pages
    assert dti.value("01", 2023) == (None, 6)  # Hà Nội: one page says 5
    hanoi = dti.table.query("year == 2023 and province_code == '01' and metric == 'dti'").iloc[0]
    assert "hanoitimes" in hanoi.note and "hanoitimes" not in hanoi.sources and not hanoi.doubtful


def test_weak_and_doubtful_round3_values_are_marked():
    t = load_dti().table.set_index(["year", "unit_set", "province_code", "metric"])
    weak = [(2024, "63", "49", "dti"), (2020, "63", "94", "cqs"), (2023, "63", "48", "econ_activity")]
    for key in weak:  # the only page is a demo host, a test host or a sports site republishing
        assert t.loc[key, "doubtful"] and "only source" in t.loc[key, "note"], key
        assert "nguồn yếu" in t.loc[key, "note_vi"]
    for key in [(2021, "63", "51", "dti"), (2021, "63", "54", "dti"), (2020, "63", "15", "dti"),
                (2024, "63", "79", "awareness")]:
        assert t.loc[key, "doubtful"] and t.loc[key, "note"] and t.loc[key, "note_vi"], key
    secondary = t.loc[(2020, "63", "46", "cqs")]
    # a figure resting on a third-party compilation alone is marked as a doubtful one is, with its own note
    assert secondary.doubtful and "third-party compiled table" in secondary.note and secondary.source_kind == "secondary"
    assert "do not name the assessment year" in t.loc[(2022, "63", "64", "awareness"), "note"]


def test_a_doubtful_raw_row_needs_a_note(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    with open(data / "raw" / "dti_round3.csv", "a", encoding="utf-8") as f:
        f.write("2023,Cà Mau,dti,,40,,https://example.org/synthetic,synthetic,doubtful,synthetic\n")
    with pytest.raises(DataFileError) as err:
        build_all(data)
    (problem,) = err.value.problems
    assert (problem.code, problem.file, problem.row, dict(problem.fields)) == (
        "doubtful_without_note", "data/raw/dti_round3.csv", 117, {"entry": "2023/63/96/dti"})


def test_two_decimal_scores_are_marked_doubtful():
    kon_tum = load_dti().table.query("province_code == '62' and score.notna()")
    assert len(kon_tum) == 3 and kon_tum.doubtful.all()
    assert kon_tum.note_vi.str.contains("hai chữ số thập phân").all()


def _raw_copy(tmp_path, line: str):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    with open(tmp_path / "data" / "raw" / "dti_2021.csv", "a", encoding="utf-8") as f:
        f.write(line + "\n")
    return tmp_path / "data"


@pytest.mark.parametrize("line,code,column,value,message", [
    ("2021,Hà Giang,dti,\"5,638\",,https://example.org/synthetic,synthetic", "score_out_of_range", "score", "5,638",
     "data/raw/dti_2021.csv:107: column 'score': value '5,638': score outside 0..1"),
    ("2021,Hà Giang,dtii,0.5,,https://example.org/synthetic,synthetic", "unknown_metric", "metric", "dtii",
     "data/raw/dti_2021.csv:107: column 'metric': value 'dtii': unknown metric; expected one of: dti, cqs, "),
    ("20x1,Hà Giang,dti,0.5,,https://example.org/synthetic,synthetic", "not_integer", "year", "20x1",
     "data/raw/dti_2021.csv:107: column 'year': value '20x1': not a whole number"),
])
def test_build_names_file_row_column_and_value(tmp_path, line, code, column, value, message):
    """Synthetic bad rows appended to a copy of the raw data."""
    with pytest.raises(DataFileError) as err:
        build_all(_raw_copy(tmp_path, line))
    (problem,) = err.value.problems
    assert (problem.code, problem.file, problem.row, problem.column, problem.value) == (
        code, "data/raw/dti_2021.csv", 107, column, value)
    assert str(err.value).startswith(message)


def test_a_checked_copy_is_read_only_while_its_source_is_unchanged(tmp_path):
    from dti_helpers.data.load import write_validated

    source = tmp_path / "dti_2022_chi_tiet.csv"
    shutil.copy(Path("tests/fixtures/official/dti_2022_chi_tiet.csv"), source)
    data = load_dti(source)
    copy = write_validated(data, tmp_path / "cache")
    assert copy.name == f"dti-validated-{data.version}.csv"
    assert write_validated(data, tmp_path / "cache") == copy  # digest-addressed: written once
    again = load_dti(source, validated=copy)
    pd.testing.assert_frame_equal(again.table, data.table)
    assert (again.path, again.version) == (data.path, data.version)
    # A source edited after it was checked is read and checked again, never taken from a stale copy.
    source.write_text(source.read_text(encoding="utf-8").replace("TP. Đà Nẵng", "Đà Nẵng Xyz"), encoding="utf-8")
    with pytest.raises(DataFileError, match="Đà Nẵng Xyz"):
        load_dti(source, validated=copy)
    assert write_validated(load_dti(), tmp_path / "cache") is None  # the embedded data needs no copy
