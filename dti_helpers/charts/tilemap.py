"""A tile-grid map of the 63 provinces coloured by rank, in seaborn's shape (data and ``ax`` in, ``ax`` out).

>>> import pandas as pd
>>> c = pd.DataFrame({"code": list(TILES), "rank": range(1, 64)})
>>> ax = tile_map(c, focus="24", labels={"focus": "this province", "not_published": "not published"})
>>> len(ax.patches) >= 63
True
"""
from __future__ import annotations

from collections.abc import Mapping

import matplotlib as mpl
import pandas as pd
from matplotlib.patches import Rectangle

from dti_helpers.charts.theme import DOUBT_MARK, FOCUS_COLOR, INK, N_UNITS, RANK_CMAP, new_axes, theme

# A hand-made tile grid of the 63 provinces: (row, column, abbreviation), north at the top.
# Checked by eye against a map: neighbours stay neighbours where a grid allows.
TILES: dict[str, tuple[int, int, str]] = {
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


TILE_GRID = TILES  # the former name


def tile_map(country: pd.DataFrame, *, code: str = "code", rank: str = "rank", name: str = "name",
             focus: str | None = None, peers=(), doubtful=(), n: int = N_UNITS, labels: Mapping | None = None,
             ax=None):
    """A tile-grid map of the 63 provinces coloured by rank; the ``focus`` outlined, ``peers`` dashed.

    ``country`` has columns ``code`` and ``rank`` (NA = not published, drawn
    hatched grey); a rank of a province in ``doubtful`` (codes) is printed with
    a "†". ``focus=None`` outlines no province (the whole country's map).
    ``labels``: ``focus``, ``peers``, ``not_published`` (legend entries),
    ``colorbar`` (its title) and ``abbrev`` (code -> tile text, default :data:`TILES`'s).
    ``name`` is the column of province names, kept for callers that label by name.

    >>> c = pd.DataFrame({"code": list(TILES), "rank": range(1, 64)})
    >>> leg = tile_map(c, labels={"not_published": "np"}).get_legend()
    >>> [x.get_text() for x in leg.get_texts()]
    ['np']
    >>> empty = new_axes()
    >>> tile_map(c.iloc[:0], ax=empty) is empty and not empty.patches
    True
    """
    ax = ax if ax is not None else new_axes(4.6, 8.2)
    if country.empty:
        return ax
    words = labels or {}
    abbrev = words.get("abbrev", {})
    ranks = country.set_index(code)[rank]
    cmap = mpl.colormaps[RANK_CMAP]
    norm = mpl.colors.Normalize(vmin=1, vmax=n)
    peers = set(peers) - {focus}
    with theme():
        for tile, (row, col, abbr) in TILES.items():
            value = ranks.get(tile, pd.NA)
            published = not pd.isna(value)
            face = cmap(norm(int(value))) if published else "#eeeeee"
            ax.add_patch(Rectangle((col, -row), 0.92, -0.92, facecolor=face, edgecolor="white",
                                   hatch=None if published else "////", lw=0.6, zorder=1))
            if published:
                r, g, b, _ = face
                text_color = "white" if (0.299 * r + 0.587 * g + 0.114 * b) < 0.55 else INK
            else:
                text_color = "#666666"
            ax.text(col + 0.46, -row - 0.33, abbrev.get(tile, abbr), ha="center", va="center", fontsize=7.5,
                    color=text_color, fontweight="bold" if tile == focus else "normal", zorder=3)
            ax.text(col + 0.46, -row - 0.66,
                    (str(int(value)) + (DOUBT_MARK if tile in doubtful else "")) if published else "–",
                    ha="center", va="center", fontsize=6.5, color=text_color, zorder=3)
        for tile in [*sorted(peers), *([focus] if focus else [])]:
            if tile not in TILES:
                continue
            row, col, _ = TILES[tile]
            is_focus = tile == focus
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
        cbar.set_label(words.get("colorbar", ""), fontsize=7.5)
        handles = [Rectangle((0, 0), 1, 1, facecolor="#eeeeee", hatch="////", edgecolor="#bbbbbb",
                             label=words.get("not_published", ""))]
        if focus:
            handles.append(Rectangle((0, 0), 1, 1, fill=False, edgecolor=FOCUS_COLOR, lw=2.2,
                                     label=words.get("focus", "")))
        if peers:
            handles.append(Rectangle((0, 0), 1, 1, fill=False, edgecolor=INK, lw=1.0, ls=(0, (2, 1.5)),
                                     label=words.get("peers", "")))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, 0.44), fontsize=7.5,
                  handlelength=1.2, handleheight=1.2)
    return ax


def national_tile_map(country: pd.DataFrame, *, code: str = "code", rank: str = "rank", doubtful=(),
                      n: int = N_UNITS, labels: Mapping | None = None, ax=None):
    """:func:`tile_map` of the whole country: no province outlined, so no "this province" legend entry;
    ``doubtful`` codes get the † mark. ``labels``: ``not_published``, ``colorbar``, ``abbrev``.

    >>> c = pd.DataFrame({"code": list(TILES), "rank": range(1, 64)})
    >>> leg = national_tile_map(c, labels={"not_published": "not published"}).get_legend()
    >>> [x.get_text() for x in leg.get_texts()]
    ['not published']
    """
    return tile_map(country, code=code, rank=rank, focus=None, doubtful=doubtful, n=n, labels=labels, ax=ax)


__all__ = ["TILES", "TILE_GRID", "national_tile_map", "tile_map"]
