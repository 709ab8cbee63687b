"""The chosen-comparison chart: a few provinces side by side, one row per metric, by rank.

Seaborn's shape as every chart here: data and ``ax`` in, ``ax`` out, column names as
parameters, every word from the caller in ``labels``. Each province has its own colour
AND marker (readable without colour); a rank not published is never drawn, and the
row says whose is missing.

>>> import pandas as pd
>>> d = pd.DataFrame({"name": ["A", "B"], "is_focus": [True, False], "dti_rank": [3, None],
...                   "dti_doubtful": [False, False]})
>>> ax = compare_plot(d, metrics=["dti"], labels={"metrics": {"dti": "DTI"}, "not_published": "not published"})
>>> [tl.get_text() for tl in ax.get_yticklabels()], [t.get_text() for t in ax.texts]
(['DTI'], ['3', 'not published: B'])
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from dti_helpers.charts.theme import DOUBT_MARK, FOCUS_COLOR, MUTED, N_UNITS, OKABE_ITO, new_axes, rank_axis, theme

# The focus province keeps the report's focus colour; the others take the rest of Okabe–Ito, each
# with its own marker so that a grey print still tells them apart.
PEER_COLORS = (OKABE_ITO["blue"], OKABE_ITO["green"], OKABE_ITO["orange"], OKABE_ITO["purple"], OKABE_ITO["sky"],
               OKABE_ITO["black"])
MARKERS = ("o", "s", "^", "D", "v", "P", "X")


def province_styles(focus_flags) -> list[dict]:
    """Colour and marker of each province in order; the focus one in the focus colour, as a circle.

    >>> [s["marker"] for s in province_styles([False, True, False])]
    ['s', 'o', '^']
    """
    styles, k = [], 0
    for is_focus in focus_flags:
        if is_focus:
            styles.append({"color": FOCUS_COLOR, "marker": "o"})
        else:
            styles.append({"color": PEER_COLORS[k % len(PEER_COLORS)], "marker": MARKERS[1 + k % (len(MARKERS) - 1)]})
            k += 1
    return styles


def compare_plot(data: pd.DataFrame, *, name: str = "name", focus: str = "is_focus", metrics=("dti",),
                 rank: str = "{metric}_rank", doubtful: str = "{metric}_doubtful", n: int = N_UNITS,
                 labels: Mapping | None = None, ax=None):
    """Ranks of a few provinces per metric: metrics as rows (rank 1 on the left), one marker per province.

    ``data`` has one row per province: ``name``, ``focus`` (bool) and, per metric, a rank column
    and a doubtful column (their patterns ``rank`` and ``doubtful``). Each drawn rank is written
    beside its marker, with "†" when doubtful. ``labels``: ``metrics`` (id -> row name),
    ``rank_axis``, ``not_published`` (the row's note of provinces without a rank).

    >>> d = pd.DataFrame({"name": ["A", "B"], "is_focus": [False, True], "dti_rank": [5, 5],
    ...                   "dti_doubtful": [True, False]})
    >>> [t.get_text() for t in compare_plot(d, metrics=["dti"]).texts]
    ['5†', '5']
    """
    words = labels or {}
    names = words.get("metrics", {})
    metrics = [m for m in metrics if rank.format(metric=m) in data]
    ax = ax if ax is not None else new_axes(7, 0.62 * max(len(metrics), 1) + 1.25)
    if data.empty or not metrics:
        return ax
    rows = data.reset_index(drop=True)
    styles = province_styles(rows[focus].astype(bool))
    offsets = np.linspace(-0.22, 0.22, len(rows)) if len(rows) > 1 else np.zeros(1)
    with theme():
        for y, m in enumerate(metrics):
            ranks = pd.to_numeric(rows[rank.format(metric=m)], errors="coerce").astype(float).to_numpy()
            doubt_col = doubtful.format(metric=m)
            doubts = rows[doubt_col].fillna(False).astype(bool).to_numpy() if doubt_col in rows else np.zeros(len(rows))
            for i, (value, off) in enumerate(zip(ranks, offsets)):
                if np.isnan(value):
                    continue
                ax.scatter([value], [y + off], color=styles[i]["color"], marker=styles[i]["marker"],
                           s=58 if rows.at[i, focus] else 44, zorder=3, edgecolor="white", linewidth=0.6)
                ax.annotate(f"{int(value)}{DOUBT_MARK if doubts[i] else ''}", (value, y + off),
                            textcoords="offset points", xytext=(7, 0), ha="left", va="center", fontsize=7.5,
                            color=styles[i]["color"], fontweight="bold" if rows.at[i, focus] else "normal")
            missing = [str(rows.at[i, name]) for i in range(len(rows)) if np.isnan(ranks[i])]
            if missing:
                ax.text(1.0, y + 0.42, f"{words.get('not_published', '')}: {', '.join(missing)}".lstrip(": "),
                        transform=ax.get_yaxis_transform(), ha="right", va="bottom", fontsize=7, color=MUTED)
        # legend entries in the table's order, drawn once each (a province without any rank still has one)
        for i, row in rows.iterrows():
            ax.scatter([], [], color=styles[i]["color"], marker=styles[i]["marker"], s=44, label=str(row[name]))
        ax.set_yticks(range(len(metrics)))
        ax.set_yticklabels([names.get(m, m) for m in metrics])
        ax.set_ylim(len(metrics) - 0.5, -0.5)
        rank_axis(ax, "x", n)
        ax.set_xlabel(words.get("rank_axis", ""))
        ax.grid(axis="y", visible=False)
        for y in range(len(metrics) - 1):
            ax.axhline(y + 0.5, color="#e3e3e3", lw=0.6, zorder=0)
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=min(len(rows), 4), borderaxespad=0.3)
    return ax


__all__ = ["MARKERS", "PEER_COLORS", "compare_plot", "province_styles"]
