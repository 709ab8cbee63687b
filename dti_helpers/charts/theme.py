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

SVG output is deterministic (fixed ``svg.hashsalt``, no date), so the same
data give the same bytes.

>>> ax = new_axes(3, 2)
>>> _ = ax.plot([1, 2], [2, 1])
>>> to_svg(ax.figure) == to_svg(ax.figure)
True
"""
from __future__ import annotations

import io
from contextlib import contextmanager
from pathlib import Path

import matplotlib as mpl
from matplotlib.figure import Figure

DOUBT_MARK = "†"  # the report's mark for a doubtful figure, beside a value in a chart too

FONT_DIR = Path(mpl.get_data_path()) / "fonts" / "ttf"
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

THEME = {
    "font.family": "sans-serif",
    "font.sans-serif": [FONT_FAMILY],
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
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
    "legend.fontsize": 8,
    "figure.dpi": 100,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "svg.fonttype": "path",  # glyphs as paths: diacritics render in any viewer, no font needed
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
    with mpl.rc_context(THEME):
        yield


def new_axes(width: float = 7.0, height: float = 3.0):
    """A fresh axes on its own figure (not registered with pyplot).

    >>> ax = new_axes(4, 2)
    >>> tuple(ax.figure.get_size_inches())
    (np.float64(4.0), np.float64(2.0))
    """
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


__all__ = ["DOUBT_MARK", "FOCUS_COLOR", "FONT_DIR", "FONT_FAMILY", "INK", "METRIC_STYLE", "MUTED", "OKABE_ITO",
           "RANK_CMAP", "THEME", "new_axes", "rank_axis", "theme", "to_svg"]
