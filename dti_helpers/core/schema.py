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
# The figures a report shows, as its CSV and XLSX downloads list them (one row per figure, in this order).
FIGURE_COLUMNS = ["role", "year", "unit_set", "province_code", "province", "metric", "metric_name", "score", "rank",
                  "published", "doubtful", "source_kind", "sources", "note"]
# Whose figure a row is: the report's own unit, its successor after the 2025 merger (a report of the 63),
# its former provinces (a report of the 34), another unit (peers, leaders, the country chart; every unit
# in the national overview), the national mean.
FIGURE_ROLES = ("own", "successor", "former", "other", "national")
# The output metadata key under which a section records the figures it shows (render/download.py reads it).
FIGURES_KEY = "dti_figures"
# The method changed in 2021: 2020's DTI was 0.4·CQS + 0.3·KTS + 0.3·XHS; from 2021 it is built from
# nine main indices. Scores on either side of the change measure different things.
METHOD_CHANGE_YEAR = 2021
# A province report's layouts: "auto" is the short brief where the year's only published figure is the
# DTI rank, else the full report; "full" and "brief" force one.
LAYOUTS = ("auto", "full", "brief")



def scores_comparable(earlier: int, later: int) -> bool:
    """Whether scores of two assessment years (of one unit set) are comparable: both under the same method.

    Ranks stay comparable across the 2021 method change (a place in the same table of units); scores do not.

    >>> scores_comparable(2020, 2021), scores_comparable(2021, 2024), scores_comparable(2020, 2020)
    (False, True, True)
    """
    return (earlier >= METHOD_CHANGE_YEAR) == (later >= METHOD_CHANGE_YEAR)


def unit_sets_of_year(year: int | None) -> tuple[str, ...]:
    """The unit sets assessed in ``year``: up to 2023 the 63, from 2025 the 34, 2024 both; ``None``
    (each unit's latest year) both.

    >>> unit_sets_of_year(2022), unit_sets_of_year(2024), unit_sets_of_year(2025), unit_sets_of_year(None)
    (('63',), ('63', '34'), ('34',), ('63', '34'))
    """
    if year is None or year == MERGER_YEAR - 1:
        return UNIT_SETS
    return ("63",) if year < MERGER_YEAR else ("34",)

