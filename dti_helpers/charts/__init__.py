"""Charts, in seaborn's shape: data and ``ax`` in, ``ax`` out; the caller passes every word.

``from dti_helpers import charts`` gives every chart and the theme's helpers;
charts import only :mod:`dti_helpers.core`. The theme's context manager is
``charts.theme.theme``: the name ``charts.theme`` stays the module.

Each name loads its module (and matplotlib) when first used, not with the package: the section
kit imports ``charts``, and a batch that only plans, or a kernel that only checks its parameters,
never draws.

>>> from dti_helpers import charts
>>> charts.to_svg(charts.new_axes(2, 1).figure).startswith("<?xml")
True
"""
from importlib import import_module

_MODULE_OF = {
    "compare_plot": "compare",
    **dict.fromkeys(["coverage_plot", "movers_plot", "pillar_strip", "region_ranks"], "distributions"),
    **dict.fromkeys(["peers_plot", "rank_ladder", "trend_plot"], "ranks"),
    **dict.fromkeys(["DOUBT_MARK", "FOCUS_COLOR", "INK", "METRIC_STYLE", "MUTED", "OKABE_ITO", "THEME",
                     "font_dir", "new_axes", "rank_axis", "to_svg"], "theme"),
    "TILES_34": "tiles34",
    **dict.fromkeys(["TILE_GRID", "TILES", "national_tile_map", "tile_map"], "tilemap"),
}
_SUBMODULES = {"compare", "distributions", "ranks", "svg", "theme", "tiles34", "tilemap"}

__all__ = sorted(_MODULE_OF)


def __getattr__(name: str):
    if name in _SUBMODULES:
        return import_module(f"{__name__}.{name}")
    if name in _MODULE_OF:
        return getattr(import_module(f"{__name__}.{_MODULE_OF[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, *_SUBMODULES})
