"""Charts, in seaborn's shape: data and ``ax`` in, ``ax`` out; the caller passes every word.

``from dti_helpers import charts`` gives every chart and the theme's helpers;
charts import only :mod:`dti_helpers.core`. The theme's context manager is
``charts.theme.theme``: the name ``charts.theme`` stays the module.

>>> from dti_helpers import charts
>>> charts.to_svg(charts.new_axes(2, 1).figure).startswith("<?xml")
True
"""
from dti_helpers.charts.compare import compare_plot
from dti_helpers.charts.distributions import coverage_plot, movers_plot, pillar_strip, region_ranks
from dti_helpers.charts.ranks import peers_plot, rank_ladder, trend_plot
from dti_helpers.charts.theme import (DOUBT_MARK, FOCUS_COLOR, FONT_DIR, INK, METRIC_STYLE, MUTED, OKABE_ITO, THEME,
                                      new_axes, rank_axis, to_svg)
from dti_helpers.charts.tiles34 import TILES_34
from dti_helpers.charts.tilemap import TILE_GRID, TILES, national_tile_map, tile_map

__all__ = ["DOUBT_MARK", "FOCUS_COLOR", "FONT_DIR", "INK", "METRIC_STYLE", "MUTED", "OKABE_ITO", "THEME", "TILES",
           "TILES_34", "TILE_GRID", "compare_plot", "coverage_plot", "movers_plot", "national_tile_map", "new_axes", "peers_plot",
           "pillar_strip", "rank_axis", "rank_ladder", "region_ranks", "tile_map", "to_svg", "trend_plot"]
