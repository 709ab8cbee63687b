"""The tile grid of the 34 units that replaced the 63 provinces on 1 July 2025, for
:func:`~dti_helpers.charts.tile_map`.

>>> len(TILES_34), TILES_34["01"]
(34, (2, 2, 'HN'))
"""
from __future__ import annotations

# A hand-made tile grid of the 34 units: code -> (row, column, abbreviation), north at the top, placed
# from the units' centroids and a map of the 34. Most neighbours share an edge; where the coast bends
# (Nghệ An to Quảng Ngãi) they can only touch at a corner. Sơn La sits beside Thái Nguyên without a
# border between them: Phú Thọ goes west of Hà Nội, where it is, rather than above it. A unit that
# kept its name keeps the 63 map's abbreviation, so the two maps read alike.
# tile_map(country, tiles=TILES_34, n=34, focus="24") draws it.
TILES_34: dict[str, tuple[int, int, str]] = {
    "12": (0, 0, "LCh"), "15": (0, 1, "LC"), "08": (0, 2, "TQ"), "04": (0, 3, "CB"),
    "11": (1, 0, "ĐB"), "14": (1, 1, "SL"), "19": (1, 2, "TN"), "20": (1, 3, "LS"),
    "25": (2, 1, "PT"), "01": (2, 2, "HN"), "24": (2, 3, "BN"), "22": (2, 4, "QNi"),
    "38": (3, 1, "TH"), "37": (3, 2, "NB"), "33": (3, 3, "HY"), "31": (3, 4, "HP"),
    "40": (4, 1, "NA"),
    "42": (5, 2, "HT"),
    "44": (6, 2, "QT"),
    "46": (7, 3, "Huế"),
    "48": (8, 3, "ĐN"),
    "51": (9, 4, "QNg"),
    "52": (10, 4, "GL"),
    "66": (11, 4, "ĐL"),
    "68": (12, 3, "LĐ"), "56": (12, 4, "KH"),
    "75": (13, 3, "ĐNa"),
    "80": (14, 2, "TNi"), "79": (14, 3, "HCM"),
    "91": (15, 1, "AG"), "82": (15, 2, "ĐT"), "86": (15, 3, "VL"),
    "96": (16, 1, "CM"), "92": (16, 2, "CT"),
}

# Where the 34 map's key goes, in axes fractions of its frame (x -0.2..5.1, rows 0..17.2): colour bar
# (x, y, width, height) and the legend's upper-left corner. The empty west of the central coast, as on
# the 63 map: the bar spans rows 5.3-8.6, the legend starts at row 9.3 where columns 0-3 are free. Both
# start 0.7 of a column left of the frame: the Vietnamese "not published" is as wide as those 4 columns.
# E.g. TILES_34_KEY["legend"] == (-0.13, 0.455).
TILES_34_KEY = {"colorbar": (-0.075, 0.494, 0.062, 0.19), "legend": (-0.13, 0.455)}

__all__ = ["TILES_34", "TILES_34_KEY"]
