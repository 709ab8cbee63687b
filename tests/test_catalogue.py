"""The province catalogue: counts, regions, merger mapping and name matching."""
import json
import sqlite3
from pathlib import Path

import pytest
import vietnamadminunits
from hypothesis import given, strategies as st
from unidecode import unidecode

from dti_helpers.data.catalogue import load_catalogue
from dti_helpers.core.errors import UnknownProvinceError

CAT = load_catalogue()
REGION_COUNTS = {"northern_midlands": 14, "red_river_delta": 11, "north_central_coast": 14,
                 "central_highlands": 5, "southeast": 6, "mekong_delta": 13}


def test_63_provinces_and_34_units():
    assert len(CAT.provinces) == 63 and CAT.provinces.code.is_unique
    assert len(CAT.units_2025) == 34
    assert CAT.provinces.code.iloc[0] == "01" and CAT.provinces.code.iloc[-1] == "96"
    assert (CAT.provinces.kind == "city").sum() == 5


def test_region_counts():
    assert CAT.provinces.region.value_counts().to_dict() == REGION_COUNTS


def test_dti_gov_vn_spellings():
    assert CAT.name("79") == "TP. Hồ Chí Minh"
    assert CAT.name("46") == "Thừa Thiên - Huế"
    assert CAT.name("77") == "Bà Rịa - Vũng Tàu"
    assert CAT.provinces.at["77", "slug"] == "ba-ria-vung-tau"


def test_merger_matches_library():
    """Every old province's successor is the unit the library's 2025 converter names."""
    lib = Path(vietnamadminunits.__file__).parent / "data"
    data = json.loads((lib / "converter_2025.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
    with sqlite3.connect(lib / "dataset.db") as conn:
        old_code = dict(conn.execute("SELECT DISTINCT provinceKey, provinceCode FROM admin_units_legacy"))
        new_code = dict(conn.execute("SELECT DISTINCT provinceKey, provinceCode FROM admin_units"))
    expected = {old_code[old]: new_code[new] for new, olds in data.items() for old in olds}
    assert len(expected) == 63
    assert CAT.provinces.successor_code.to_dict() == expected
    # spot checks of the 2025 merger
    assert CAT.provinces.at["24", "successor_name"] == "Bắc Ninh"       # Bắc Giang -> Bắc Ninh
    assert CAT.provinces.at["74", "successor_name"] == "TP. Hồ Chí Minh"  # Bình Dương -> TP.HCM
    assert CAT.provinces.at["46", "successor_name"] == "TP. Huế"
    assert CAT.provinces.successor_code.nunique() == 34


@pytest.mark.parametrize("text,code", [
    ("TP. Hồ Chí Minh", "79"), ("TP.HCM", "79"), ("Hồ Chí Minh", "79"), ("Thành phố Hồ Chí Minh", "79"),
    ("ho chi minh", "79"), ("Thừa Thiên Huế", "46"), ("Huế", "46"), ("Thua Thien - Hue", "46"),
    ("Tỉnh Bắc Giang", "24"), ("bac-giang", "24"), ("24", "24"), ("1", "01"), ("01", "01"),
    ("Bà Rịa-Vũng Tàu", "77"), ("Dak Lak", "66"), ("Đắk Lắk", "66"), ("ĐẮK NÔNG", "67"),
])
def test_resolve_accepts_what_analysts_type(text, code):
    assert CAT.resolve(text) == code


def test_resolve_unknown_lists_closest():
    with pytest.raises(UnknownProvinceError, match="unknown province 'Bac Gang'; closest matches: Bắc Giang"):
        CAT.resolve("Bac Gang")
    with pytest.raises(UnknownProvinceError, match="unknown province 'Atlantis'"):
        CAT.resolve("Atlantis")


def test_resolve_34_set():
    assert CAT.resolve("TP. Huế", "34") == "46"
    with pytest.raises(UnknownProvinceError):
        CAT.resolve("Bắc Giang", "34")  # merged into Bắc Ninh


@given(st.sampled_from(list(CAT.provinces.code)), st.sampled_from(["name", "short_name", "slug", "name_en", "code"]),
       st.sampled_from([str, str.upper, str.lower, unidecode, lambda s: f"Tỉnh {s}", lambda s: f"  {s} "]))
def test_property_every_spelling_resolves_back(code, column, transform):
    text = transform(CAT.provinces.at[code, column])
    assert CAT.resolve(text) == code


@given(st.text(min_size=1, max_size=30))
def test_property_resolve_returns_code_or_clear_error(text):
    try:
        code = CAT.resolve(text)
    except UnknownProvinceError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(("unknown province", "ambiguous province"))
    else:
        assert code in CAT.provinces.index
