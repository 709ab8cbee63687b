"""Charts of the national overview, in seaborn's shape: data and ``ax`` in, ``ax`` out.

Column names are parameters; every word on a chart (legend entries, axis
titles, tick names) comes from the caller in ``labels``; an empty input
returns the axes untouched (a fresh one when ``ax`` is None), so callers need
not ask whether there is anything to chart.

>>> import pandas as pd
>>> m = pd.DataFrame({"name": ["A", "B"], "change": [3, -2]})
>>> movers_plot(m, labels={"change_axis": "Places moved"}).get_xlabel()
'Places moved'
>>> empty = new_axes()
>>> movers_plot(m.iloc[:0], ax=empty) is empty and not empty.patches
True
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

import textwrap

from dti_helpers.charts.svg import row_tips, set_titles
from dti_helpers.charts.theme import FOCUS_COLOR, FONT, INK, METRIC_STYLE, MUTED, N_UNITS, OKABE_ITO, WIDTH, new_axes, \
    rank_axis, theme

PILLAR_ORDER = ("cqs", "kts", "xhs")


def _flags(data: pd.DataFrame, column: str | None) -> pd.Series:
    """The boolean ``column`` of ``data`` (all False when there is none)."""
    if column is None or column not in data:
        return pd.Series(False, index=data.index)
    return data[column].fillna(False).astype(bool)


def pillar_strip(data: pd.DataFrame, *, x: str = "year", y: str = "score", hue: str = "metric",
                 doubtful: str | None = "doubtful", order=PILLAR_ORDER, medians: Mapping | None = None,
                 labels: Mapping | None = None, tip: str = "tip", ax=None):
    """Every published pillar score as a dot, per ``x`` (year) and ``hue`` (pillar); a bar marks a group's median.

    ``data`` is long: ``x``, ``hue``, ``y``, and optionally the flag column
    ``doubtful``: a doubtful score is drawn hollow. ``medians`` maps
    ``(x, hue)`` to the median bar to draw; the caller decides which groups have
    one (the group rule), so a group without an entry has dots only.
    ``order`` lists the pillars in drawing order (those absent from ``data`` are
    skipped); years and pillars without a published score simply have no dots.
    ``labels``: ``metrics`` (id -> legend entry), ``score_axis``, ``doubtful`` (legend entry of a hollow dot).
    A dot's tooltip is its row's ``tip`` column, else "name, pillar, year: score" (``name`` when present).

    >>> s = pd.DataFrame({"year": [2020, 2020, 2021], "metric": ["cqs", "kts", "cqs"], "score": [0.4, 0.3, 0.5]})
    >>> ax = pillar_strip(s, medians={(2020, "cqs"): 0.4}, labels={"metrics": {"cqs": "Gov"}, "score_axis": "Score"})
    >>> len(ax.collections), len(ax.lines), [t.get_text() for t in ax.get_legend().get_texts()], ax.get_ylabel()
    (2, 1, ['Gov', 'kts'], 'Score')
    """
    ax = ax if ax is not None else new_axes(WIDTH, 3.6)
    if data.empty:
        return ax
    words = labels or {}
    names = words.get("metrics", {})
    years = sorted(data[x].unique())

    def tips(part):
        return row_tips(part, tip, lambda r: ", ".join(
            ([str(r["name"])] if "name" in r else []) + [names.get(r[hue], r[hue]), str(r[x])]) + f": {r[y]:.4f}")

    metrics = [m for m in order if m in set(data[hue])]
    offsets = {m: (i - (len(metrics) - 1) / 2) * 0.25 for i, m in enumerate(metrics)}
    with theme():
        for metric in metrics:
            style = METRIC_STYLE.get(metric, {"color": INK, "marker": "o"})
            part = data[data[hue] == metric]
            doubt = _flags(part, doubtful)
            sound = part[~doubt]
            pos = sound[x].map(lambda v: years.index(v)).to_numpy() + offsets[metric]
            dots = ax.scatter(pos, sound[y], s=18, color=style["color"], marker=style["marker"], alpha=0.8,
                              edgecolor="white", linewidth=0.4, label=names.get(metric, metric), zorder=3)
            set_titles(dots, tips(sound))
            if doubt.any():
                odd = part[doubt]
                hollow = ax.scatter(odd[x].map(lambda v: years.index(v)).to_numpy() + offsets[metric], odd[y], s=30,
                                    facecolor="none", edgecolor=style["color"], marker=style["marker"],
                                    linewidth=1.0, zorder=3)
                set_titles(hollow, tips(odd))
            for year in years:
                if (year, metric) in (medians or {}):
                    cx = years.index(year) + offsets[metric]
                    ax.plot([cx - 0.1, cx + 0.1], [medians[(year, metric)]] * 2, color=INK, lw=1.6, zorder=4)
        ax.set_xticks(range(len(years)))
        ax.set_xticklabels([str(v) for v in years])
        ax.set_xlim(-0.6, len(years) - 0.4)
        ax.set_ylabel(words.get("score_axis", ""))
        ax.grid(axis="x", visible=False)
        if _flags(data, doubtful).any():
            ax.scatter([], [], s=30, facecolor="none", edgecolor=INK, label=words.get("doubtful", ""))
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2)
    return ax


def region_ranks(data: pd.DataFrame, *, x: str = "rank", y: str = "region", doubtful: str | None = "doubtful",
                 order=None, n: int = N_UNITS, medians: Mapping | None = None, labels: Mapping | None = None,
                 tip: str = "tip", ax=None):
    """Each ``y`` group's (region's) provinces as dots on the rank axis ``x`` (1 on the left); a bar marks a median.

    A rank that is NA (not published) is not drawn but counted in the tick
    label "Name (ranked/provinces)"; a row flagged ``doubtful`` is drawn hollow.
    ``medians`` maps a region to the median bar to draw; the caller decides
    which regions have one (the group rule). ``order`` lists the regions top to
    bottom (default: as they come). ``labels``: ``regions`` (id -> tick name, wrapped to fit a phone),
    ``rank_axis``, ``doubtful`` (legend entry of a hollow dot). A dot's tooltip is its row's
    ``tip`` column, else "name: rank/n" (``name`` when present).

    >>> c = pd.DataFrame({"region": ["a", "a", "b"], "rank": [1, 5, pd.NA]})
    >>> ax = region_ranks(c, order=["a", "b"], medians={"a": 3}, labels={"regions": {"a": "A", "b": "B"}})
    >>> [x.get_text() for x in ax.get_yticklabels()], len(ax.lines), ax.collections[0].dti_titles
    (['A (2/2)', 'B (0/1)'], 1, ('1/63', '5/63'))
    """
    regions = list(order) if order is not None else list(dict.fromkeys(data[y]))
    ax = ax if ax is not None else new_axes(WIDTH, 0.6 * len(regions) + 1.1)
    if data.empty:
        return ax
    words = labels or {}
    names = words.get("regions", {})
    with theme():
        ticks = []
        for i, region in enumerate(regions):
            part = data[data[y] == region]
            ranks = pd.to_numeric(part[x], errors="coerce")
            doubt = _flags(part, doubtful).to_numpy()
            sound, odd = ranks[~doubt].dropna(), ranks[doubt].dropna()
            label = f"{names.get(region, region)} ({len(sound) + len(odd)}/{len(part)})"
            ticks.append(textwrap.fill(label, 22))

            def tips(kept):
                rows = part.loc[kept.index]
                return row_tips(rows, tip, lambda r: (f"{r['name']}: " if "name" in r else "") + f"{int(r[x])}/{n}")

            dots = ax.scatter(sound, [i] * len(sound), s=26, color=OKABE_ITO["blue"], edgecolor="white",
                              linewidth=0.5, zorder=3)
            set_titles(dots, tips(sound))
            if len(odd):
                hollow = ax.scatter(odd, [i] * len(odd), s=30, facecolor="none", edgecolor=OKABE_ITO["blue"],
                                    linewidth=1.0, zorder=3, label=words.get("doubtful", ""))
                set_titles(hollow, tips(odd))
            if region in (medians or {}):
                ax.plot([medians[region]] * 2, [i - 0.3, i + 0.3], color=INK, lw=1.6, zorder=4)
        ax.set_yticks(range(len(regions)))
        ax.set_yticklabels(ticks)
        ax.set_ylim(len(regions) - 0.5, -0.5)
        rank_axis(ax, "x", n)
        ax.set_xlabel(words.get("rank_axis", ""))
        ax.grid(axis="y", visible=False)
        handles, texts = ax.get_legend_handles_labels()
        if handles:  # one entry for the hollow doubtful dots, however many regions have one
            ax.legend(handles[:1], texts[:1], loc="upper center", bbox_to_anchor=(0.5, -0.18), frameon=False)
    return ax


def movers_plot(data: pd.DataFrame, *, x: str = "change", y: str = "name", labels: Mapping | None = None,
                tip: str = "tip", ax=None):
    """Rank change ``x`` per province ``y`` between two years as horizontal bars (right = moved up).

    ``x`` is positive for a move up. Only provinces with both ranks published
    belong in ``data``. ``labels``: ``change_axis``. A bar's tooltip is its row's ``tip`` column,
    else "name: +change".

    >>> m = pd.DataFrame({"name": ["A", "B", "C"], "change": [3, 0, -2]})
    >>> ax = movers_plot(m)
    >>> len(ax.patches), ax.patches[0].dti_titles
    (3, ('C: -2',))
    """
    rows = data.sort_values([x, y], ascending=[True, False])
    ax = ax if ax is not None else new_axes(WIDTH, 0.27 * len(rows) + 1.0)
    if data.empty:
        return ax
    words = labels or {}
    with theme():
        colors = [OKABE_ITO["blue"] if c > 0 else FOCUS_COLOR if c < 0 else MUTED for c in rows[x]]
        pos = np.arange(len(rows))
        bars = ax.barh(pos, rows[x], color=colors, height=0.7, zorder=3)
        for bar, text in zip(bars, row_tips(rows, tip, lambda r: f"{r[y]}: {r[x]:+d}")):
            set_titles(bar, [text])
        for yi, change in zip(pos, rows[x]):
            ax.annotate(f"{change:+d}", (change, yi), textcoords="offset points",
                        xytext=(4 if change >= 0 else -4, 0), ha="left" if change >= 0 else "right",
                        va="center", fontsize=FONT, color=INK)
        ax.set_yticks(pos)
        ax.set_yticklabels(rows[y], fontsize=FONT)
        ax.axvline(0, color=INK, lw=0.8)
        span = max(1, int(rows[x].abs().max()))
        ax.set_xlim(-span * 1.25, span * 1.25)
        ax.set_xlabel(words.get("change_axis", ""))
        ax.grid(axis="y", visible=False)
    return ax


def coverage_plot(data: pd.DataFrame, *, x: str = "year", y: str = "n", hue: str = "measure", n: int = N_UNITS,
                  labels: Mapping | None = None, ax=None):
    """How many provinces (``y``) have each kind (``hue``) of published figure, per ``x`` (grouped bars, out of ``n``).

    ``data`` is long: ``x``, ``hue``, ``y``; kinds are drawn in the order they
    come. ``labels``: ``measures`` (id -> legend entry), ``count_axis``. A bar's tooltip reads
    "measure, year: count/n"; its count is printed above it, turned up when the bars are narrow.

    >>> c = pd.DataFrame({"year": [2020, 2020], "measure": ["dti_rank", "dti_score"], "n": [25, 9]})
    >>> ax = coverage_plot(c)
    >>> len(ax.patches), ax.patches[1].dti_titles
    (2, ('dti_score, 2020: 9/63',))
    """
    ax = ax if ax is not None else new_axes(WIDTH, 3.6)
    if data.empty:
        return ax
    words = labels or {}
    names = words.get("measures", {})
    years = sorted(data[x].unique())
    measures = list(dict.fromkeys(data[hue]))
    palette = [OKABE_ITO[c] for c in ("blue", "sky", "orange", "yellow", "green", "purple")]
    hatches = ["", "///", "", "///", "", "///"]  # score bars hatched: readable without colour
    width = 0.8 / max(1, len(measures))
    with theme():
        for i, measure in enumerate(measures):
            part = data[data[hue] == measure].set_index(x).reindex(years)
            pos = np.arange(len(years)) - 0.4 + width * (i + 0.5)
            values = part[y].fillna(0).to_numpy()
            bars = ax.bar(pos, values, width=width * 0.92, color=palette[i % 6], hatch=hatches[i % 6],
                          edgecolor="white", label=names.get(measure, measure), zorder=3)
            for bar, year, v in zip(bars, years, values):
                set_titles(bar, [f"{names.get(measure, measure)}, {year}: {int(v)}/{n}"])
            narrow = len(years) * len(measures) > 12
            for xi, v in zip(pos, values):
                ax.annotate(str(int(v)), (xi, v), textcoords="offset points", xytext=(0, 2), ha="center",
                            va="bottom", fontsize=FONT, color=INK, rotation=90 if narrow else 0)
        ax.axhline(n, color=MUTED, lw=0.8, ls="--")
        ax.set_ylim(0, n * 1.25)
        ax.set_xticks(range(len(years)))
        ax.set_xticklabels([str(v) for v in years])
        ax.set_ylabel(words.get("count_axis", ""))
        ax.grid(axis="x", visible=False)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=min(2, len(measures)))
    return ax


__all__ = ["coverage_plot", "movers_plot", "pillar_strip", "region_ranks"]
