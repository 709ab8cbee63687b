"""The charts' theme: one look for every chart, and deterministic SVG.

Charts follow seaborn's shape (data and an ``ax`` in, the ``ax`` out, column
names as parameters, every word passed in by the caller); see
:mod:`~dti_helpers.charts.ranks`, :mod:`~dti_helpers.charts.tilemap` and
:mod:`~dti_helpers.charts.distributions`.

One theme (:data:`THEME`), one font with full Vietnamese coverage (matplotlib's
bundled DejaVu Sans, so charts need no system font), and the Okabe–Ito
colour-blind-safe palette. No function touches pyplot's global state: figures
are plain :class:`~matplotlib.figure.Figure` objects and styles are applied
with ``rc_context``, so a chart never leaks into a notebook on its own.

SVG output is deterministic (fixed ``svg.hashsalt``, no date, the layout done
once), so the same data give the same bytes.

>>> ax = new_axes(3, 2)
>>> _ = ax.plot([1, 2], [2, 1])
>>> to_svg(ax.figure) == to_svg(ax.figure)
True
"""
from __future__ import annotations

import io
import math
from contextlib import contextmanager
from pathlib import Path
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

DOUBT_MARK = "†"  # the report's mark for a doubtful figure, beside a value in a chart too

FONT_FAMILY = "DejaVu Sans"

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
OKABE_ITO = {
    "orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7", "black": "#000000",
}
# Colour AND marker per metric, so a series reads without colour too.
METRIC_STYLE = {
    "dti": {"color": OKABE_ITO["blue"], "marker": "o"},
    "cqs": {"color": OKABE_ITO["orange"], "marker": "s"},
    "kts": {"color": OKABE_ITO["green"], "marker": "^"},
    "xhs": {"color": OKABE_ITO["purple"], "marker": "D"},
}
FOCUS_COLOR = OKABE_ITO["vermillion"]
MUTED = "#9a9a9a"
INK = "#222222"
RANK_CMAP = "viridis"  # perceptually uniform and colour-blind safe; dark = better rank
N_UNITS = 63

# Charts are drawn for a phone. A chart is shown at most at its own size (96 CSS px per inch) and
# shrinks to a narrower column; its smallest text must still be MIN_TEXT_PX there. PHONE_COLUMN_PX is
# the narrowest column a report gives a chart (a 375 px phone less the page's margins).
PHONE_COLUMN_PX = 350
MIN_TEXT_PX = 10
WIDTH = 5.0  # inches: the report's charts (480 CSS px at most, 127 mm of the A4 page's 178)


def min_font(width: float) -> float:
    """The smallest font size (pt) a chart ``width`` inches wide may use: MIN_TEXT_PX on a phone, rounded up.

    2 % to spare, so a browser's rounding of the chart's width never takes its text below the line.

    >>> min_font(WIDTH), min_font(4.6), min_font(3.0)
    (10.5, 10.0, 8.0)
    """
    scale = max(1.0, width * 96 / PHONE_COLUMN_PX)
    return math.ceil(MIN_TEXT_PX * 0.75 * scale * 1.02 * 2) / 2


FONT = min_font(WIDTH)  # every word of a WIDTH-wide chart

THEME = {
    "font.family": "sans-serif",
    "font.sans-serif": [FONT_FAMILY],
    "font.size": FONT,
    "axes.titlesize": FONT + 1,
    "axes.labelsize": FONT,
    "xtick.labelsize": FONT,
    "ytick.labelsize": FONT,
    "axes.edgecolor": "#555555",
    "axes.labelcolor": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#e3e3e3",
    "grid.linewidth": 0.6,
    "xtick.color": "#444444",
    "ytick.color": "#444444",
    "legend.frameon": False,
    "legend.fontsize": FONT,
    "figure.dpi": 100,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    # Text stays text: a report inlines its charts and embeds the same DejaVu glyphs as a web font
    # (charts/svg.py names it), so chart words are searchable, sized by the page and tagged in the PDF.
    "svg.fonttype": "none",
    "svg.hashsalt": "dti-reports",  # fixed ids -> byte-identical SVG
    "svg.image_inline": True,
}


@contextmanager
def theme():
    """Apply the report theme for the duration of a ``with`` block.

    >>> with theme():
    ...     import matplotlib as mpl
    ...     mpl.rcParams["svg.hashsalt"]
    'dti-reports'
    """
    # matplotlib itself loads with the first chart too: the section kit imports this theme, and a
    # batch that only plans (a no-op rerun) never draws
    import matplotlib as mpl

    with mpl.rc_context(THEME):
        yield


def new_axes(width: float = WIDTH, height: float = 3.0):
    """A fresh axes on its own figure (not registered with pyplot).

    >>> ax = new_axes(4, 2)
    >>> tuple(ax.figure.get_size_inches())
    (np.float64(4.0), np.float64(2.0))
    """
    from matplotlib.figure import Figure

    with theme():
        fig = Figure(figsize=(width, height), layout="constrained")
        return fig.add_subplot()


def to_svg(fig: Figure) -> str:
    """The figure as a deterministic SVG string (no date, fixed ids).

    >>> to_svg(new_axes(2, 1).figure).startswith("<?xml")
    True
    """
    buf = io.StringIO()
    with theme():
        if fig.get_layout_engine() is not None and fig.get_layout_engine().adjust_compatible is False:
            # constrained layout moves a label by a fraction of a point at each draw: lay out once and
            # keep that, so saving the figure again gives the same bytes
            # (the layout alone, not a whole draw as well: savefig draws it next)
            fig.get_layout_engine().execute(fig)
            fig.set_layout_engine("none")
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    return buf.getvalue()


def rank_axis(ax, axis: str = "y", n: int = N_UNITS, pad: float = 1.5) -> None:
    """A rank axis from 1 to ``n`` with rank 1 at the top (or left): better is up.

    >>> ax = new_axes()
    >>> rank_axis(ax, "y", 63)
    >>> ax.get_ylim()
    (np.float64(64.5), np.float64(-0.5))
    >>> rank_axis(ax, "x", 34); [int(x) for x in ax.get_xticks()]
    [1, 10, 20, 30, 34]
    """
    lim = (n + pad, 1 - pad) if axis == "y" else (1 - pad, n + pad)
    (ax.set_ylim if axis == "y" else ax.set_xlim)(*lim)
    # round ticks below n only: a tick past the last rank would widen the axis beyond the set
    ticks = [1, *(k for k in (10, 20, 30, 40, 50) if k < n - 3), n]
    (ax.set_yticks if axis == "y" else ax.set_xticks)(ticks)


@lru_cache(maxsize=1)
def font_dir() -> Path:
    """The folder of matplotlib's bundled fonts: the DejaVu files that the PDF embeds for chart text.

    >>> (font_dir() / "DejaVuSans.ttf").is_file()
    True
    """
    import matplotlib as mpl

    return Path(mpl.get_data_path()) / "fonts" / "ttf"


__all__ = ["DOUBT_MARK", "FOCUS_COLOR", "FONT", "FONT_FAMILY", "INK", "METRIC_STYLE", "MIN_TEXT_PX", "MUTED",
           "OKABE_ITO", "PHONE_COLUMN_PX", "RANK_CMAP", "THEME", "WIDTH", "font_dir", "min_font", "new_axes", "rank_axis", "theme",
           "to_svg"]
