"""Rank charts of the province report, in seaborn's shape: data and ``ax`` in, ``ax`` out.

Column names are parameters; every word on a chart (legend entries, axis
titles, the "not published" mark) comes from the caller in ``labels``; an
empty input returns the axes untouched (a fresh one when ``ax`` is None).

>>> import pandas as pd
>>> tr = pd.DataFrame({"year": [2020, 2021, 2022], "metric": "dti", "rank": [10, 10, 9]})
>>> ax = trend_plot(tr, labels={"rank_axis": "Rank"})
>>> ax.get_ylabel()
'Rank'
>>> empty = new_axes()
>>> trend_plot(tr.iloc[:0], ax=empty) is empty and not empty.lines
True
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from dti_helpers.charts.svg import row_tips, set_titles
from dti_helpers.charts.theme import DOUBT_MARK, FOCUS_COLOR, FONT, INK, METRIC_STYLE, N_UNITS, OKABE_ITO, WIDTH, \
    new_axes, rank_axis, theme


def _words(labels: Mapping | None) -> Mapping:
    return labels or {}


def trend_plot(data: pd.DataFrame, *, x: str = "year", y: str = "rank", hue: str = "metric", order=None,
               doubtful=(), n: int = N_UNITS, labels: Mapping | None = None, ax=None):
    """Ranks per year, one line per ``hue`` value (metric), rank 1 at the top.

    ``data`` is long: ``x`` (year), ``hue`` (metric), ``y`` (rank, NA where not
    published). A year with no rank at all breaks the lines and is shaded, so a
    gap is never bridged. ``order`` lists the metrics to draw (default: as
    they come); ``doubtful`` holds ``(metric, year)`` pairs marked "†".
    ``labels``: ``metrics`` (id -> legend entry), ``rank_axis``, ``not_published``.
    Each point's tooltip reads "metric, year: rank/n".

    >>> tr = pd.DataFrame({"year": [2020, 2021, 2022], "metric": "dti", "rank": [10, pd.NA, 9]})
    >>> ax = trend_plot(tr)
    >>> bool(ax.get_ylim()[0] > ax.get_ylim()[1]), ax.lines[0].dti_titles
    (True, ('dti, 2020: 10/63', 'dti, 2022: 9/63'))
    """
    ax = ax if ax is not None else new_axes(WIDTH, 3.4)
    if data.empty:
        return ax
    words = _words(labels)
    names = words.get("metrics", {})
    metrics = list(order) if order is not None else list(dict.fromkeys(data[hue]))
    years = sorted(data[x].unique())
    doubt = {(m, int(yr)) for m, yr in doubtful}
    with theme():
        ranked = data.assign(**{y: pd.to_numeric(data[y], errors="coerce").astype(float)})
        any_rank = ranked.groupby(x)[y].apply(lambda s: s.notna().any())
        for year in years:
            if not any_rank.get(year, False):
                ax.axvspan(year - 0.4, year + 0.4, color="#f1f1f1", zorder=0, lw=0)
                ax.text(year, n - 2, words.get("not_published", ""), ha="center", va="bottom", fontsize=FONT,
                        color="#6a6a6a", rotation=90)
        for metric in metrics:
            part = ranked[ranked[hue] == metric].set_index(x).reindex(years)
            style = METRIC_STYLE.get(metric, {"color": INK, "marker": "o"})
            label = names.get(metric, metric)
            lw = 2.4 if metric == "dti" else 1.5
            # NaN breaks the line: an unpublished year stays a visible gap
            line, = ax.plot(years, part[y].to_numpy(), color=style["color"], marker=style["marker"], lw=lw,
                            ms=6 if metric == "dti" else 5, label=label, zorder=3 if metric == "dti" else 2)
            set_titles(line, [f"{label}, {year}: {int(rank)}/{n}{DOUBT_MARK if (metric, year) in doubt else ''}"
                              for year, rank in part[y].items() if not np.isnan(rank)])
            for year, rank in part[y].items():
                mark = DOUBT_MARK if (metric, year) in doubt else ""
                if metric == "dti" and not np.isnan(rank):
                    ax.annotate(f"{int(rank)}{mark}", (year, rank), textcoords="offset points", xytext=(0, 7),
                                ha="center", fontsize=FONT, color=style["color"], fontweight="bold")
                elif mark and not np.isnan(rank):
                    ax.annotate(mark, (year, rank), textcoords="offset points", xytext=(5, 3), ha="left",
                                fontsize=FONT, color=style["color"], fontweight="bold")
        rank_axis(ax, "y", n)
        ax.set_xticks(years)
        ax.set_xticklabels([str(yr) for yr in years])
        ax.set_xlim(min(years) - 0.5, max(years) + 0.5)
        ax.set_ylabel(words.get("rank_axis", ""))
        ax.grid(axis="x", visible=False)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2 if len(metrics) > 2 else len(metrics))
    return ax


def peers_plot(data: pd.DataFrame, *, name: str = "name", focus: str = "is_focus",
               metrics=("dti", "cqs", "kts", "xhs"), rank: str = "{metric}_rank", n: int = N_UNITS,
               labels: Mapping | None = None, year: int | None = None, ax=None):
    """Dot plot of peers × metrics by rank; the focus province's row is highlighted.

    ``data`` has columns ``name``, ``focus`` (bool) and one rank column per
    metric (``rank`` is its pattern). Rows without any rank are left out (the
    caller says so in words). ``labels``: ``metrics`` (id -> legend entry), ``rank_axis``.
    Each dot's tooltip reads "name, metric: rank/n" (", year" after the metric when ``year`` is given).

    >>> p = pd.DataFrame({"name": ["A", "B"], "is_focus": [True, False], "dti_rank": [3, 7]})
    >>> ax = peers_plot(p, metrics=["dti"], year=2020)
    >>> [tl.get_text() for tl in ax.get_yticklabels()], ax.collections[0].dti_titles
    (['A', 'B'], ('A, dti, 2020: 3/63', 'B, dti, 2020: 7/63'))
    """
    words = _words(labels)
    names = words.get("metrics", {})
    cols = {m: rank.format(metric=m) for m in metrics}
    metrics = [m for m in metrics if cols[m] in data]
    has_any = np.zeros(len(data), dtype=bool)
    for m in metrics:
        has_any |= data[cols[m]].notna().to_numpy()
    rows = data[has_any].reset_index(drop=True)
    if rows.empty:
        return ax if ax is not None else new_axes(WIDTH, 1.3)
    ax = ax if ax is not None else new_axes(WIDTH, 0.45 * len(rows) + 1.7)
    with theme():
        ypos = np.arange(len(rows))
        for i, is_focus in enumerate(rows[focus]):
            if is_focus:
                ax.axhspan(i - 0.45, i + 0.45, color=FOCUS_COLOR, alpha=0.12, lw=0, zorder=0)
        offsets = np.linspace(-0.18, 0.18, len(metrics)) if len(metrics) > 1 else [0.0]
        for off, m in zip(offsets, metrics):
            ranks = pd.to_numeric(rows[cols[m]], errors="coerce").astype(float).to_numpy()
            if np.isnan(ranks).all():
                continue
            style = METRIC_STYLE.get(m, {"color": INK, "marker": "o"})
            drawn = ~np.isnan(ranks)
            dots = ax.scatter(ranks[drawn], (ypos + off)[drawn], color=style["color"], marker=style["marker"],
                              s=42 if m == "dti" else 30, label=names.get(m, m), zorder=3,
                              edgecolor="white", linewidth=0.5)
            when = "" if year is None else f", {year}"
            set_titles(dots, [f"{who}, {names.get(m, m)}{when}: {int(r)}/{n}"
                              for who, r in zip(rows[name][drawn], ranks[drawn])])
        ax.set_yticks(ypos)
        ax.set_yticklabels(rows[name].tolist())
        for tick, is_focus in zip(ax.get_yticklabels(), rows[focus]):
            if is_focus:
                tick.set_fontweight("bold")
                tick.set_color(FOCUS_COLOR)
        ax.set_ylim(len(rows) - 0.5, -0.5)
        rank_axis(ax, "x", n)
        ax.set_xlabel(words.get("rank_axis", ""))
        ax.grid(axis="y", visible=False)
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2 if len(metrics) > 2 else len(metrics),
                  borderaxespad=0.3)
    return ax


def rank_ladder(data: pd.DataFrame, *, code: str = "code", rank: str = "rank", name: str = "name",
                focus: str | None = None, peers=(), doubtful=(), n: int = N_UNITS, labels: Mapping | None = None,
                tip: str = "tip", ax=None):
    """Every province's rank on one axis; the ``focus`` province and its ``peers`` (codes) named and coloured.

    ``data`` has columns ``code``, ``name``, ``rank`` (NA = not published, not
    drawn); tied provinces stack. Provinces in ``doubtful`` (codes) get a "†".
    ``labels``: ``peers``, ``others`` (legend entries), ``rank_axis``. A dot's tooltip is its
    row's ``tip`` column when there is one, else "name: rank/n".

    >>> c = pd.DataFrame({"code": ["01", "02", "03"], "name": ["A", "B", "C"], "rank": [1, 1, 3]})
    >>> ax = rank_ladder(c, focus="02", labels={"peers": "Peers", "others": "Others"})
    >>> [x.dti_titles for x in ax.collections]
    [('A: 1/63', 'C: 3/63'), ('B: 1/63',)]
    """
    ranked = data[data[rank].notna()].copy()
    ax = ax if ax is not None else new_axes(WIDTH, 2.8)
    if ranked.empty:
        return ax
    words = _words(labels)
    ranked = ranked.rename(columns={code: "code", rank: "rank", name: "name"})
    ranked["rank"] = ranked["rank"].astype(int)
    ranked = ranked.sort_values(["rank", "code"])
    ranked["stack"] = ranked.groupby("rank").cumcount()
    peers = set(peers) - {focus}
    with theme():
        kind = ranked.code.map(lambda c: "focus" if c == focus else "peer" if c in peers else "other")
        colors = {"focus": FOCUS_COLOR, "peer": OKABE_ITO["blue"], "other": "#c4c4c4"}
        sizes = {"focus": 80, "peer": 38, "other": 22}
        for k in ("other", "peer", "focus"):
            part = ranked[kind == k]
            if part.empty:
                continue
            label = {"focus": None, "peer": words.get("peers"), "other": words.get("others")}[k]
            dots = ax.scatter(part["rank"], part["stack"], s=sizes[k], color=colors[k],
                              zorder=3 if k != "other" else 2, edgecolor="white", linewidth=0.5, label=label)
            set_titles(dots, row_tips(part, tip, lambda r: f"{r['name']}: {r['rank']}/{n}"
                                      f"{DOUBT_MARK if r['code'] in doubtful else ''}"))
        last_below = -10
        for _, row in ranked[kind != "other"].sort_values(["rank", "stack"]).iterrows():
            is_focus = row.code == focus
            # a name next to another one goes to the side, so rotated labels never overlap
            crowded = row["rank"] - last_below < 3
            if not crowded:
                last_below = row["rank"]
            ax.annotate(row["name"] + (f" {DOUBT_MARK}" if row.code in doubtful else ""),
                        (row["rank"], row["stack"]), textcoords="offset points",
                        xytext=(7, 4) if crowded else (0, -9), rotation=0 if crowded else 90,
                        ha="left" if crowded else "center", va="bottom" if crowded else "top",
                        fontsize=FONT, fontweight="bold" if is_focus else "normal",
                        color=FOCUS_COLOR if is_focus else OKABE_ITO["blue"])
        for _, row in ranked[(kind == "other") & ranked.code.isin(set(doubtful))].iterrows():
            ax.annotate(DOUBT_MARK, (row["rank"], row["stack"]), textcoords="offset points", xytext=(0, 4),
                        ha="center", va="bottom", fontsize=FONT, color=INK)
        rank_axis(ax, "x", n)
        top = max(int(ranked["stack"].max()) if not ranked.empty else 0, 1)
        ax.set_ylim(-6.5, top + 1.6)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.grid(axis="y", visible=False)
        ax.set_xlabel(words.get("rank_axis", ""))
        if ax.get_legend_handles_labels()[0]:  # no legend entry words given, no empty legend box
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.3), ncol=2)
    return ax


__all__ = ["peers_plot", "rank_ladder", "trend_plot"]
