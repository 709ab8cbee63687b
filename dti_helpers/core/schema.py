"""The shape of the DTI data: unit sets, pillars, columns and the years that change the rules.

Plain constants, imported by every layer; nothing here reads a file.
"""
from __future__ import annotations

UNIT_SETS = ("63", "34")
# Units in each set: the 63 provinces until 30 June 2025, the 34 after the 1 July 2025 merger.
N_UNITS = {"63": 63, "34": 34}
NATIONAL_NAMES = ("Cả nước (trung bình)", "Cả nước")
PILLARS = ("cqs", "kts", "xhs")
FIRST_YEAR = 2020
MERGER_YEAR = 2025  # first assessment year of the 34 units only
# The tidy table's columns, in order (data/dti.csv).
TIDY_COLUMNS = ["year", "unit_set", "province_code", "province", "metric", "score", "rank",
                "doubtful", "sources", "source_kind", "note", "note_vi"]
NATIONAL_COLUMNS = ["year", "unit_set", "metric", "score", "sources", "note", "note_vi"]


def unit_sets_of_year(year: int | None) -> tuple[str, ...]:
    """The unit sets assessed in ``year``: up to 2023 the 63, from 2025 the 34, 2024 both; ``None``
    (each unit's latest year) both.

    >>> unit_sets_of_year(2022), unit_sets_of_year(2024), unit_sets_of_year(2025), unit_sets_of_year(None)
    (('63',), ('63', '34'), ('34',), ('63', '34'))
    """
    if year is None or year == MERGER_YEAR - 1:
        return UNIT_SETS
    return ("63",) if year < MERGER_YEAR else ("34",)

