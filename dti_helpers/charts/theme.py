"""Charts of the province report, in seaborn's manner: data and an ``ax`` in, the ``ax`` out.

One theme (:data:`THEME`), one font with full Vietnamese coverage (matplotlib's
bundled DejaVu Sans, so charts need no system font), and the Okabe–Ito
colour-blind-safe palette. No function touches pyplot's global state: figures
are plain :class:`~matplotlib.figure.Figure` objects and styles are applied
with ``rc_context``, so a chart never leaks into a notebook on its own.

SVG output is deterministic (fixed ``svg.hashsalt``, no date), so the same
data give the same bytes.

>>> import pandas as pd
>>> tr = pd.DataFrame({"year": [2020, 2021, 2022], "metric": "dti", "rank": [10, 10, 9]})
>>> ax = trend_plot(tr, lang="en")
>>> svg = to_svg(ax.figure)
>>> svg == to_svg(trend_plot(tr, lang="en").figure)
True
"""
from __future__ import annotations

import io
from contextlib import contextmanager
from pathlib import Path

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from dti_helpers.core.labels import t

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


def _rank_axis(ax, axis: str = "y", n: int = N_UNITS, pad: float = 1.5) -> None:
    """Rank 1 at the top (or left): better is up."""
    lim = (n + pad, 1 - pad) if axis == "y" else (1 - pad, n + pad)
    (ax.set_ylim if axis == "y" else ax.set_xlim)(*lim)
    ticks = [1, 10, 20, 30, 40, 50, n]
    (ax.set_yticks if axis == "y" else ax.set_xticks)(ticks)


def trend_plot(trend: pd.DataFrame, *, lang: str = "vi", metrics=None, names=None, ax=None, n: int = N_UNITS,
               doubtful=()):
    """Ranks per year, one line per metric, rank 1 at the top.

    ``trend`` is long: year, metric, rank (NA where not published). A missing
    year breaks the line and is shaded, so a gap is never bridged. ``names``
    maps metric ids to legend labels (default: the ids). ``doubtful`` holds
    ``(metric, year)`` pairs whose rank is doubtful: they get a "†" beside them.

    >>> tr = pd.DataFrame({"year": [2020, 2021, 2022], "metric": "dti", "rank": [10, pd.NA, 9]})
    >>> ax = trend_plot(tr, lang="en")
    >>> bool(ax.get_ylim()[0] > ax.get_ylim()[1])
    True
    """
    ax = ax if ax is not None else new_axes(7, 3.2)
    metrics = list(metrics) if metrics is not None else list(dict.fromkeys(trend.metric))
    years = sorted(trend.year.unique())
    doubt = {(m, int(y)) for m, y in doubtful}
    with theme():
        ranked = trend.assign(rank=pd.to_numeric(trend["rank"], errors="coerce").astype(float))
        any_rank = ranked.groupby("year")["rank"].apply(lambda s: s.notna().any())
        for year in years:
            if not any_rank.get(year, False):
                ax.axvspan(year - 0.4, year + 0.4, color="#f1f1f1", zorder=0, lw=0)
                ax.text(year, n - 2, t("chart_np_short", lang), ha="center", va="bottom", fontsize=7,
                        color="#777777", rotation=90)
        for metric in metrics:
            part = ranked[ranked.metric == metric].set_index("year").reindex(years)
            style = METRIC_STYLE.get(metric, {"color": INK, "marker": "o"})
            label = (names or {}).get(metric, metric)
            lw = 2.4 if metric == "dti" else 1.5
            # NaN breaks the line: an unpublished year stays a visible gap
            ax.plot(years, part["rank"].to_numpy(), color=style["color"], marker=style["marker"], lw=lw,
                    ms=6 if metric == "dti" else 5, label=label, zorder=3 if metric == "dti" else 2)
            for year, rank in part["rank"].items():
                mark = DOUBT_MARK if (metric, year) in doubt else ""
                if metric == "dti" and not np.isnan(rank):
                    ax.annotate(f"{int(rank)}{mark}", (year, rank), textcoords="offset points", xytext=(0, 7),
                                ha="center", fontsize=8, color=style["color"], fontweight="bold")
                elif mark and not np.isnan(rank):
                    ax.annotate(mark, (year, rank), textcoords="offset points", xytext=(5, 3), ha="left",
                                fontsize=8, color=style["color"], fontweight="bold")
        _rank_axis(ax, "y", n)
        ax.set_xticks(years)
        ax.set_xticklabels([str(y) for y in years])
        ax.set_xlim(min(years) - 0.5, max(years) + 0.5)
        ax.set_ylabel(t("chart_rank_axis", lang))
        ax.grid(axis="x", visible=False)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=len(metrics))
    return ax


def peers_plot(peers: pd.DataFrame, *, lang: str = "vi", metrics=("dti", "cqs", "kts", "xhs"), names=None,
               ax=None, n: int = N_UNITS):
    """Dot plot of peers × metrics by rank; the focus province's row is highlighted.

    ``peers`` has columns name, is_focus and ``<metric>_rank``. Rows without
    any rank are left out (the caller says so in words). ``names`` maps metric
    ids to legend labels.

    >>> p = pd.DataFrame({"name": ["A", "B"], "is_focus": [True, False], "dti_rank": [3, 7]})
    >>> ax = peers_plot(p, metrics=["dti"], lang="en")
    >>> [tl.get_text() for tl in ax.get_yticklabels()]
    ['A', 'B']
    """
    metrics = [m for m in metrics if f"{m}_rank" in peers]
    rows = peers
    has_any = np.zeros(len(rows), dtype=bool)
    for m in metrics:
        has_any |= rows[f"{m}_rank"].notna().to_numpy()
    rows = rows[has_any].reset_index(drop=True)
    ax = ax if ax is not None else new_axes(7, 0.45 * len(rows) + 1.1)
    with theme():
        ypos = np.arange(len(rows))
        for i, focus in enumerate(rows.is_focus):
            if focus:
                ax.axhspan(i - 0.45, i + 0.45, color=FOCUS_COLOR, alpha=0.12, lw=0, zorder=0)
        offsets = np.linspace(-0.18, 0.18, len(metrics)) if len(metrics) > 1 else [0.0]
        for off, m in zip(offsets, metrics):
            ranks = pd.to_numeric(rows[f"{m}_rank"], errors="coerce").astype(float).to_numpy()
            if np.isnan(ranks).all():
                continue
            style = METRIC_STYLE.get(m, {"color": INK, "marker": "o"})
            ax.scatter(ranks, ypos + off, color=style["color"], marker=style["marker"],
                       s=42 if m == "dti" else 30, label=(names or {}).get(m, m), zorder=3,
                       edgecolor="white", linewidth=0.5)
        ax.set_yticks(ypos)
        ax.set_yticklabels(rows.name.tolist())
        for tick, focus in zip(ax.get_yticklabels(), rows.is_focus):
            if focus:
                tick.set_fontweight("bold")
                tick.set_color(FOCUS_COLOR)
        ax.set_ylim(len(rows) - 0.5, -0.5)
        _rank_axis(ax, "x", n)
        ax.set_xlabel(t("chart_rank_axis_better_left", lang))
        ax.grid(axis="y", visible=False)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, 1.0), ncol=len(metrics),
                  borderaxespad=-2.2 if len(rows) > 1 else -1.8)
    return ax


def rank_ladder(country: pd.DataFrame, focus: str, peers=(), *, lang: str = "vi", ax=None, n: int = N_UNITS,
                doubtful=()):
    """Every province's rank on one axis; the focus and its peers named and coloured.

    ``country`` has columns code, name, rank (NA = not published); tied
    provinces stack. Provinces in ``doubtful`` (codes) get a "†" beside their dot or name.

    >>> c = pd.DataFrame({"code": ["01", "02", "03"], "name": ["A", "B", "C"], "rank": [1, 1, 3]})
    >>> ax = rank_ladder(c, "02", lang="en")
    >>> len(ax.collections) >= 1
    True
    """
    ranked = country[country["rank"].notna()].copy()
    ranked["rank"] = ranked["rank"].astype(int)
    ranked = ranked.sort_values(["rank", "code"])
    ranked["stack"] = ranked.groupby("rank").cumcount()
    ax = ax if ax is not None else new_axes(7.2, 2.2)
    peers = set(peers) - {focus}
    with theme():
        kind = ranked.code.map(lambda c: "focus" if c == focus else "peer" if c in peers else "other")
        colors = {"focus": FOCUS_COLOR, "peer": OKABE_ITO["blue"], "other": "#c4c4c4"}
        sizes = {"focus": 80, "peer": 38, "other": 22}
        for k in ("other", "peer", "focus"):
            part = ranked[kind == k]
            if part.empty:
                continue
            label = {"focus": None, "peer": t("chart_peers", lang), "other": t("chart_other_provinces", lang)}[k]
            ax.scatter(part["rank"], part["stack"], s=sizes[k], color=colors[k], zorder=3 if k != "other" else 2,
                       edgecolor="white", linewidth=0.5, label=label)
        last_below = -10
        for _, row in ranked[kind != "other"].sort_values(["rank", "stack"]).iterrows():
            is_focus = row.code == focus
            # a name next to another one goes to the side, so rotated labels never overlap
            crowded = row["rank"] - last_below < 2
            if not crowded:
                last_below = row["rank"]
            ax.annotate(row["name"] + (f" {DOUBT_MARK}" if row.code in doubtful else ""),
                        (row["rank"], row["stack"]), textcoords="offset points",
                        xytext=(7, 4) if crowded else (0, -9), rotation=0 if crowded else 90,
                        ha="left" if crowded else "center", va="bottom" if crowded else "top",
                        fontsize=8 if is_focus else 6.5, fontweight="bold" if is_focus else "normal",
                        color=FOCUS_COLOR if is_focus else OKABE_ITO["blue"])
        for _, row in ranked[(kind == "other") & ranked.code.isin(set(doubtful))].iterrows():
            ax.annotate(DOUBT_MARK, (row["rank"], row["stack"]), textcoords="offset points", xytext=(0, 4),
                        ha="center", va="bottom", fontsize=7, color=INK)
        _rank_axis(ax, "x", n)
        top = max(int(ranked["stack"].max()) if not ranked.empty else 0, 1)
        ax.set_ylim(-5.2, top + 1.0)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.grid(axis="y", visible=False)
        ax.set_xlabel(t("chart_rank_axis_better_left", lang))
        ax.legend(loc="upper right", ncol=2)
    return ax


# A hand-made tile grid of the 63 provinces: (row, column, abbreviation), north at the top.
# Checked by eye against a map: neighbours stay neighbours where a grid allows.
TILE_GRID: dict[str, tuple[int, int, str]] = {
    "11": (0, 0, "ĐB"), "12": (0, 1, "LCh"), "10": (0, 2, "LC"), "02": (0, 3, "HàG"), "04": (0, 4, "CB"),
    "14": (1, 1, "SL"), "15": (1, 2, "YB"), "08": (1, 3, "TQ"), "06": (1, 4, "BK"), "20": (1, 5, "LS"),
    "25": (2, 2, "PT"), "19": (2, 3, "TN"), "24": (2, 4, "BG"), "22": (2, 5, "QNi"),
    "17": (3, 1, "HB"), "26": (3, 2, "VP"), "01": (3, 3, "HN"), "27": (3, 4, "BN"), "30": (3, 5, "HD"),
    "31": (3, 6, "HP"),
    "35": (4, 3, "HNa"), "33": (4, 4, "HY"), "34": (4, 5, "TB"),
    "38": (5, 2, "TH"), "37": (5, 3, "NB"), "36": (5, 4, "NĐ"),
    "40": (6, 2, "NA"),
    "42": (7, 3, "HT"),
    "44": (8, 3, "QB"),
    "45": (9, 3, "QT"),
    "46": (10, 4, "TTH"), "48": (10, 5, "ĐN"),
    "49": (11, 4, "QNa"), "51": (11, 5, "QNg"),
    "62": (12, 4, "KT"), "52": (12, 5, "BĐ"),
    "64": (13, 4, "GL"), "54": (13, 5, "PY"),
    "66": (14, 4, "ĐL"), "56": (14, 5, "KH"),
    "67": (15, 3, "ĐNo"), "68": (15, 4, "LĐ"), "58": (15, 5, "NT"),
    "72": (16, 1, "TNi"), "70": (16, 2, "BP"), "74": (16, 3, "BD"), "75": (16, 4, "ĐNa"), "60": (16, 5, "BTh"),
    "89": (17, 0, "AG"), "87": (17, 1, "ĐT"), "80": (17, 2, "LA"), "79": (17, 3, "HCM"), "77": (17, 4, "BR"),
    "91": (18, 0, "KG"), "92": (18, 1, "CT"), "86": (18, 2, "VL"), "82": (18, 3, "TG"), "83": (18, 4, "BT"),
    "93": (19, 1, "HậG"), "94": (19, 2, "ST"), "84": (19, 3, "TV"),
    "96": (20, 0, "CM"), "95": (20, 1, "BL"),
}


def tile_map(country: pd.DataFrame, focus: str | None, peers=(), *, lang: str = "vi", ax=None, n: int = N_UNITS,
             doubtful=()):
    """A tile-grid map of the 63 provinces coloured by rank; the focus outlined, peers dashed.

    ``country`` has columns code and rank (NA = not published, drawn hatched grey);
    a rank of a province in ``doubtful`` (codes) is printed with a "†".
    ``focus=None`` outlines no province (the whole country's map).

    >>> c = pd.DataFrame({"code": list(TILE_GRID), "rank": range(1, 64)})
    >>> ax = tile_map(c, "24", lang="en")
    >>> len(ax.patches) >= 63
    True
    """
    ranks = country.set_index("code")["rank"]
    ax = ax if ax is not None else new_axes(4.6, 8.2)
    cmap = mpl.colormaps[RANK_CMAP]
    norm = mpl.colors.Normalize(vmin=1, vmax=n)
    peers = set(peers) - {focus}
    with theme():
        for code, (row, col, abbr) in TILE_GRID.items():
            rank = ranks.get(code, pd.NA)
            published = not pd.isna(rank)
            face = cmap(norm(int(rank))) if published else "#eeeeee"
            ax.add_patch(Rectangle((col, -row), 0.92, -0.92, facecolor=face, edgecolor="white",
                                   hatch=None if published else "////", lw=0.6, zorder=1))
            if published:
                r, g, b, _ = face
                text_color = "white" if (0.299 * r + 0.587 * g + 0.114 * b) < 0.55 else INK
            else:
                text_color = "#666666"
            ax.text(col + 0.46, -row - 0.33, abbr, ha="center", va="center", fontsize=7.5, color=text_color,
                    fontweight="bold" if code == focus else "normal", zorder=3)
            ax.text(col + 0.46, -row - 0.66, (str(int(rank)) + (DOUBT_MARK if code in doubtful else "")) if published else "–", ha="center", va="center",
                    fontsize=6.5, color=text_color, zorder=3)
        for code in [*sorted(peers), *([focus] if focus else [])]:
            if code not in TILE_GRID:
                continue
            row, col, _ = TILE_GRID[code]
            is_focus = code == focus
            ax.add_patch(Rectangle((col - 0.02, -row + 0.02), 0.96, -0.96, fill=False,
                                   edgecolor=FOCUS_COLOR if is_focus else INK, lw=2.6 if is_focus else 1.1,
                                   ls="-" if is_focus else (0, (2, 1.5)), zorder=4))
        ax.set_xlim(-0.2, 7.1)
        ax.set_ylim(-21.2, 0.2)
        ax.set_aspect("equal")
        ax.axis("off")
        sm = mpl.cm.ScalarMappable(norm=norm, cmap=cmap)
        # legend and colour bar sit in the empty west of the central coast (rows 7-14, columns 0-2)
        cax = ax.inset_axes([0.04, 0.47, 0.045, 0.17])
        cbar = ax.figure.colorbar(sm, cax=cax, ticks=[1, 20, 40, n])
        cbar.ax.invert_yaxis()
        cbar.ax.tick_params(labelsize=7)
        cbar.set_label(t("chart_dti_rank", lang), fontsize=7.5)
        handles = [Rectangle((0, 0), 1, 1, facecolor="#eeeeee", hatch="////", edgecolor="#bbbbbb",
                             label=t("not_published", lang))]
        if focus:
            handles.append(Rectangle((0, 0), 1, 1, fill=False, edgecolor=FOCUS_COLOR, lw=2.2,
                                     label=t("chart_focus", lang)))
        if peers:
            handles.append(Rectangle((0, 0), 1, 1, fill=False, edgecolor=INK, lw=1.0, ls=(0, (2, 1.5)),
                                     label=t("chart_peers", lang)))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, 0.44), fontsize=7.5,
                  handlelength=1.2, handleheight=1.2)
    return ax


# ---- national overview charts (overview.py): owned by the "batch" session; appended, the rest is the report's ----

def national_tile_map(country: pd.DataFrame, *, lang: str = "vi", ax=None, n: int = N_UNITS, doubtful=()):
    """:func:`tile_map` of the whole country: no province outlined, so no "this province" legend entry;
    ``doubtful`` codes get the † mark.

    >>> c = pd.DataFrame({"code": list(TILE_GRID), "rank": range(1, 64)})
    >>> leg = national_tile_map(c, lang="en").get_legend()
    >>> [x.get_text() for x in leg.get_texts()]
    ['not published']
    """
    return tile_map(country, None, lang=lang, ax=ax, n=n, doubtful=doubtful)


def pillar_strip(scores: pd.DataFrame, *, names=None, lang: str = "vi", ax=None):
    """Every published pillar score as a dot, per year and pillar; a bar marks each group's median.

    ``scores`` is long: year, metric (cqs/kts/xhs), score, and optionally
    doubtful: a doubtful score is drawn hollow and left out of the median.
    Years and pillars without a published score simply have no dots.

    >>> s = pd.DataFrame({"year": [2020, 2020, 2021], "metric": ["cqs", "kts", "cqs"], "score": [0.4, 0.3, 0.5]})
    >>> len(pillar_strip(s, lang="en").collections)  # one dot series per pillar present
    2
    """
    ax = ax if ax is not None else new_axes(7, 3.4)
    years = sorted(scores.year.unique())
    metrics = [m for m in ("cqs", "kts", "xhs") if m in set(scores.metric)]
    offsets = {m: (i - (len(metrics) - 1) / 2) * 0.25 for i, m in enumerate(metrics)}
    with theme():
        for metric in metrics:
            style = METRIC_STYLE[metric]
            part = scores[scores.metric == metric]
            doubt = part.doubtful.astype(bool) if "doubtful" in part else pd.Series(False, index=part.index)
            sound = part[~doubt]
            x = sound.year.map(lambda y: years.index(y)).to_numpy() + offsets[metric]
            ax.scatter(x, sound.score, s=18, color=style["color"], marker=style["marker"], alpha=0.8,
                       edgecolor="white", linewidth=0.4, label=(names or {}).get(metric, metric), zorder=3)
            if doubt.any():
                odd = part[doubt]
                ax.scatter(odd.year.map(lambda y: years.index(y)).to_numpy() + offsets[metric], odd.score, s=30,
                           facecolor="none", edgecolor=style["color"], marker=style["marker"], linewidth=1.0,
                           zorder=3)
            for year, group in sound.groupby("year"):
                cx = years.index(year) + offsets[metric]
                ax.plot([cx - 0.1, cx + 0.1], [group.score.median()] * 2, color=INK, lw=1.6, zorder=4)
        ax.set_xticks(range(len(years)))
        ax.set_xticklabels([str(y) for y in years])
        ax.set_xlim(-0.6, len(years) - 0.4)
        ax.set_ylabel(t("ov_chart_score_axis", lang))
        ax.grid(axis="x", visible=False)
        if "doubtful" in scores and scores.doubtful.astype(bool).any():
            ax.scatter([], [], s=30, facecolor="none", edgecolor=INK, label=t("ov_chart_doubtful", lang))
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=len(metrics) + 1)
    return ax


def region_ranks(country: pd.DataFrame, *, names=None, lang: str = "vi", ax=None, n: int = N_UNITS):
    """Each region's provinces as dots on the rank axis (1 on the left); a bar marks the median.

    ``country`` has columns region and rank (NA = not published: not drawn,
    counted in the label), and optionally doubtful: a doubtful rank is drawn
    hollow and left out of the median. ``names`` maps region ids to labels, in display order.

    >>> c = pd.DataFrame({"region": ["a", "a", "b"], "rank": [1, 5, pd.NA]})
    >>> [x.get_text() for x in region_ranks(c, names={"a": "A", "b": "B"}, lang="en").get_yticklabels()]
    ['A (2/2)', 'B (0/1)']
    """
    regions = list(names) if names else list(dict.fromkeys(country.region))
    ax = ax if ax is not None else new_axes(7, 0.45 * len(regions) + 1.0)
    with theme():
        labels = []
        for i, region in enumerate(regions):
            part = country[country.region == region]
            ranks = pd.to_numeric(part["rank"], errors="coerce")
            doubt = part.doubtful.astype(bool) if "doubtful" in part else pd.Series(False, index=part.index)
            sound, odd = ranks[~doubt].dropna(), ranks[doubt].dropna()
            labels.append(f"{(names or {}).get(region, region)} ({len(sound) + len(odd)}/{len(part)})")
            ax.scatter(sound, [i] * len(sound), s=26, color=OKABE_ITO["blue"], edgecolor="white", linewidth=0.5,
                       zorder=3)
            if len(odd):
                ax.scatter(odd, [i] * len(odd), s=30, facecolor="none", edgecolor=OKABE_ITO["blue"], linewidth=1.0,
                           zorder=3, label=t("ov_chart_doubtful", lang))
            if len(sound):
                ax.plot([sound.median()] * 2, [i - 0.3, i + 0.3], color=INK, lw=1.6, zorder=4)
        ax.set_yticks(range(len(regions)))
        ax.set_yticklabels(labels)
        ax.set_ylim(len(regions) - 0.5, -0.5)
        _rank_axis(ax, "x", n)
        ax.set_xlabel(t("chart_rank_axis_better_left", lang))
        ax.grid(axis="y", visible=False)
        handles, texts = ax.get_legend_handles_labels()
        if handles:  # one entry for the hollow doubtful dots, however many regions have one
            ax.legend(handles[:1], texts[:1], loc="upper center", bbox_to_anchor=(0.5, -0.18), frameon=False)
    return ax


def movers_plot(movers: pd.DataFrame, *, lang: str = "vi", ax=None):
    """Rank change per province between two years as horizontal bars (right = moved up).

    ``movers`` has columns name and change (positive = up). Only provinces
    with both ranks published belong in it.

    >>> m = pd.DataFrame({"name": ["A", "B", "C"], "change": [3, 0, -2]})
    >>> len(movers_plot(m, lang="en").patches)
    3
    """
    rows = movers.sort_values(["change", "name"], ascending=[True, False])
    ax = ax if ax is not None else new_axes(7, 0.22 * len(rows) + 1.0)
    with theme():
        colors = [OKABE_ITO["blue"] if c > 0 else FOCUS_COLOR if c < 0 else MUTED for c in rows.change]
        y = np.arange(len(rows))
        ax.barh(y, rows.change, color=colors, height=0.7, zorder=3)
        for yi, change in zip(y, rows.change):
            ax.annotate(f"{change:+d}", (change, yi), textcoords="offset points",
                        xytext=(4 if change >= 0 else -4, 0), ha="left" if change >= 0 else "right",
                        va="center", fontsize=7, color=INK)
        ax.set_yticks(y)
        ax.set_yticklabels(rows.name, fontsize=7.5)
        ax.axvline(0, color=INK, lw=0.8)
        span = max(1, int(rows.change.abs().max())) if len(rows) else 1
        ax.set_xlim(-span * 1.25, span * 1.25)
        ax.set_xlabel(t("ov_chart_change_axis", lang))
        ax.grid(axis="y", visible=False)
    return ax


def coverage_plot(coverage: pd.DataFrame, *, labels=None, lang: str = "vi", ax=None, n: int = N_UNITS):
    """How many provinces have each kind of published figure, per year (grouped bars, out of ``n``).

    ``coverage`` is long: year, measure, n.

    >>> c = pd.DataFrame({"year": [2020, 2020], "measure": ["dti_rank", "dti_score"], "n": [25, 9]})
    >>> len(coverage_plot(c, lang="en").patches)
    2
    """
    ax = ax if ax is not None else new_axes(7, 3.2)
    years = sorted(coverage.year.unique())
    measures = list(dict.fromkeys(coverage.measure))
    palette = [OKABE_ITO[c] for c in ("blue", "sky", "orange", "yellow", "green", "purple")]
    hatches = ["", "///", "", "///", "", "///"]  # score bars hatched: readable without colour
    width = 0.8 / max(1, len(measures))
    with theme():
        for i, measure in enumerate(measures):
            part = coverage[coverage.measure == measure].set_index("year").reindex(years)
            x = np.arange(len(years)) - 0.4 + width * (i + 0.5)
            values = part["n"].fillna(0).to_numpy()
            ax.bar(x, values, width=width * 0.92, color=palette[i % 6], hatch=hatches[i % 6], edgecolor="white",
                   label=(labels or {}).get(measure, measure), zorder=3)
            for xi, v in zip(x, values):
                ax.annotate(str(int(v)), (xi, v), textcoords="offset points", xytext=(0, 2), ha="center",
                            fontsize=6.5, color=INK)
        ax.axhline(n, color=MUTED, lw=0.8, ls="--")
        ax.set_ylim(0, n * 1.12)
        ax.set_xticks(range(len(years)))
        ax.set_xticklabels([str(y) for y in years])
        ax.set_ylabel(t("ov_chart_n_provinces", lang, n=n))
        ax.grid(axis="x", visible=False)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=min(4, len(measures)))
    return ax
# ---- end of national overview charts ----
