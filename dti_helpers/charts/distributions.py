"""Charts of the national overview: distributions of scores, ranks, changes and coverage across provinces.

Moved here unchanged from the former single charts module; they still take
``lang`` and read labels, until the national overview passes its own words.

>>> import pandas as pd
>>> m = pd.DataFrame({"name": ["A", "B"], "change": [3, -2]})
>>> len(movers_plot(m, lang="en").patches)
2
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from dti_helpers.charts.theme import FOCUS_COLOR, INK, METRIC_STYLE, MUTED, N_UNITS, OKABE_ITO, new_axes, theme
from dti_helpers.charts.theme import rank_axis as _rank_axis
from dti_helpers.core.labels import t


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


__all__ = ["coverage_plot", "movers_plot", "pillar_strip", "region_ranks"]
