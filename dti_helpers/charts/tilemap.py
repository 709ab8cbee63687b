"""A tile-grid map coloured by rank, of the 63 provinces (:data:`TILES`) or of the 34 units since July 2025
(:data:`~dti_helpers.charts.tiles34.TILES_34`), in seaborn's shape (data and ``ax`` in, ``ax`` out).

>>> import pandas as pd
>>> c = pd.DataFrame({"code": list(TILES), "rank": range(1, 64)})
>>> ax = tile_map(c, focus="24", labels={"focus": "this province", "not_published": "not published"})
>>> len(ax.patches) >= 63
True
>>> u = pd.DataFrame({"code": list(TILES_34), "rank": range(1, 35)})
>>> len(tile_map(u, tiles=TILES_34, n=34, focus="24").patches)
35
"""
from __future__ import annotations

import textwrap
from collections.abc import Mapping

import matplotlib as mpl
import pandas as pd
from matplotlib.patches import Rectangle

from dti_helpers.charts.svg import set_titles
from dti_helpers.charts.theme import DOUBT_MARK, FOCUS_COLOR, INK, RANK_CMAP, min_font, new_axes, theme
from dti_helpers.charts.tiles34 import TILES_34, TILES_34_KEY

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

# The 63 map's key, in axes fractions: colour bar (x, y, width, height) and the legend's upper-left corner.
# They sit in the empty west of the central coast (rows 7-14, columns 0-2). Any grid other than the two
# hand-made ones gets this spot too. E.g. TILES_KEY["legend"] == (0.0, 0.44).
TILES_KEY = {"colorbar": (0.04, 0.47, 0.045, 0.17), "legend": (0.0, 0.44)}
LEGEND_WRAP = 16  # characters per line of a map legend entry ("chưa có số liệu / công bố")


def grid_shape(tiles: Mapping) -> tuple[int, int]:
    """(rows, columns) a tile grid spans, counted from row and column 0.

    >>> grid_shape(TILES), grid_shape(TILES_34), grid_shape({})
    ((21, 7), (17, 5), (0, 0))
    """
    return (1 + max((r for r, _, _ in tiles.values()), default=-1),
            1 + max((c for _, c, _ in tiles.values()), default=-1))


def rank_ticks(n: int) -> list[int]:
    """The colour bar's ticks for ranks 1..``n``: every 20 (every 10 up to 40 units), none crowding ``n``.

    >>> rank_ticks(63), rank_ticks(34)
    ([1, 20, 40, 63], [1, 10, 20, 34])
    """
    step = 20 if n > 40 else 10
    return [1, *range(step, n - step // 2, step), n]


def tile_map(country: pd.DataFrame, *, code: str = "code", rank: str = "rank", name: str = "name",
             focus: str | None = None, peers=(), doubtful=(), n: int | None = None, labels: Mapping | None = None,
             tiles: Mapping = TILES, tip: str = "tip", ax=None):
    """A tile-grid map coloured by rank; the ``focus`` outlined, ``peers`` dashed.

    ``tiles`` is the grid (code -> (row, column, abbreviation)): :data:`TILES`
    for the 63 provinces, :data:`~dti_helpers.charts.tiles34.TILES_34` for the
    34 units; a new figure's size follows the grid's rows and columns. ``n``
    is the number of ranked units the colours span (default: the grid's count).

    ``country`` has columns ``code`` and ``rank`` (NA = not published, drawn
    hatched grey); a rank of a province in ``doubtful`` (codes) is printed with
    a "†". ``focus=None`` outlines no province (the whole country's map).
    ``labels``: ``focus``, ``peers``, ``not_published`` (legend entries),
    ``colorbar`` (its title) and ``abbrev`` (code -> tile text, default the grid's).
    A tile's tooltip is its row's ``tip`` column when there is one, else "name: rank/n" (``name``
    is the column of province names; the tile's abbreviation without it), or "name: not published".
    Text is as small as a phone allows (:func:`~dti_helpers.charts.theme.min_font` of the width).

    >>> c = pd.DataFrame({"code": list(TILES), "rank": range(1, 64)})
    >>> leg = tile_map(c, labels={"not_published": "np"}).get_legend()
    >>> [x.get_text() for x in leg.get_texts()]
    ['np']
    >>> empty = new_axes()
    >>> tile_map(c.iloc[:0], ax=empty) is empty and not empty.patches
    True
    >>> u = pd.DataFrame({"code": list(TILES_34), "rank": range(1, 35)})
    >>> tuple(round(float(x), 2) for x in tile_map(u, tiles=TILES_34).figure.get_size_inches())
    (3.29, 6.64)
    >>> one = pd.DataFrame({"code": ["01"], "rank": [1], "name": ["X"]})
    >>> tile_map(one, tiles={"01": (0, 0, "HN")}, n=63).patches[0].dti_titles
    ('X: 1/63',)
    """
    rows, cols = grid_shape(tiles)
    # scaled from the 63's 4.6 x 8.2 inches for 7 x 21 cells, so tiles and text keep their size
    ax = ax if ax is not None else new_axes(4.6 * (cols / 7), 8.2 * (rows / 21))
    if country.empty:
        return ax
    n = len(tiles) if n is None else n
    cells = {(r, c) for r, c, _ in tiles.values()}
    key = TILES_34_KEY if cells == {(r, c) for r, c, _ in TILES_34.values()} else TILES_KEY
    words = labels or {}
    abbrev = words.get("abbrev", {})
    ranks = country.set_index(code)[rank]
    rows_by_code = country.set_index(code)
    size = min_font(float(ax.figure.get_size_inches()[0]))
    cmap = mpl.colormaps[RANK_CMAP]
    norm = mpl.colors.Normalize(vmin=1, vmax=n)
    peers = set(peers) - {focus}
    with theme():
        for tile, (row, col, abbr) in tiles.items():
            value = ranks.get(tile, pd.NA)
            published = not pd.isna(value)
            face = cmap(norm(int(value))) if published else "#eeeeee"
            patch = ax.add_patch(Rectangle((col, -row), 0.92, -0.92, facecolor=face, edgecolor="white",
                                           hatch=None if published else "////", lw=0.6, zorder=1))
            set_titles(patch, [_tile_tip(rows_by_code, tile, abbr, name, tip, value, n, tile in doubtful,
                                         words.get("not_published", "–"))])
            if published:
                r, g, b, _ = face
                text_color = "white" if (0.299 * r + 0.587 * g + 0.114 * b) < 0.55 else INK
            else:
                text_color = "#666666"
            ax.text(col + 0.46, -row - 0.31, abbrev.get(tile, abbr), ha="center", va="center", fontsize=size,
                    color=text_color, fontweight="bold" if tile == focus else "normal", zorder=3)
            ax.text(col + 0.46, -row - 0.68,
                    (str(int(value)) + (DOUBT_MARK if tile in doubtful else "")) if published else "–",
                    ha="center", va="center", fontsize=size, color=text_color, zorder=3)
        for tile in [*sorted(peers), *([focus] if focus else [])]:
            if tile not in tiles:
                continue
            row, col, _ = tiles[tile]
            is_focus = tile == focus
            ax.add_patch(Rectangle((col - 0.02, -row + 0.02), 0.96, -0.96, fill=False,
                                   edgecolor=FOCUS_COLOR if is_focus else INK, lw=2.6 if is_focus else 1.1,
                                   ls="-" if is_focus else (0, (2, 1.5)), zorder=4))
        ax.set_xlim(-0.2, cols + 0.1)
        ax.set_ylim(-(rows + 0.2), 0.2)
        ax.set_aspect("equal")
        ax.axis("off")
        sm = mpl.cm.ScalarMappable(norm=norm, cmap=cmap)
        cax = ax.inset_axes(list(key["colorbar"]))
        cbar = ax.figure.colorbar(sm, cax=cax, ticks=rank_ticks(n))
        cbar.ax.invert_yaxis()
        cbar.ax.tick_params(labelsize=size)
        cbar.set_label(words.get("colorbar", ""), fontsize=size)
        # entries wrap to stay in the empty west of the map, whatever the text size
        handles = [Rectangle((0, 0), 1, 1, facecolor="#eeeeee", hatch="////", edgecolor="#bbbbbb",
                             label=textwrap.fill(words.get("not_published", ""), LEGEND_WRAP))]
        if focus:
            handles.append(Rectangle((0, 0), 1, 1, fill=False, edgecolor=FOCUS_COLOR, lw=2.2,
                                     label=textwrap.fill(words.get("focus", ""), LEGEND_WRAP)))
        if peers:
            handles.append(Rectangle((0, 0), 1, 1, fill=False, edgecolor=INK, lw=1.0, ls=(0, (2, 1.5)),
                                     label=textwrap.fill(words.get("peers", ""), LEGEND_WRAP)))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=key["legend"], fontsize=size,
                  handlelength=1.2, handleheight=1.2)
    return ax


def _tile_tip(rows: pd.DataFrame, tile: str, abbr: str, name: str, tip: str, value, n: int, doubtful: bool,
              not_published: str) -> str:
    """One tile's tooltip: the caller's ``tip`` text for it, else "name: rank/n" (or "name: not published")."""
    row = rows.loc[tile] if tile in rows.index else None
    if row is not None and tip in rows and isinstance(row[tip], str) and row[tip]:
        return row[tip]
    who = str(row[name]) if row is not None and name in rows and isinstance(row[name], str) else abbr
    if pd.isna(value):
        return f"{who}: {not_published}"
    return f"{who}: {int(value)}/{n}{DOUBT_MARK if doubtful else ''}"


def national_tile_map(country: pd.DataFrame, *, code: str = "code", rank: str = "rank", doubtful=(),
                      n: int | None = None, labels: Mapping | None = None, tiles: Mapping = TILES, ax=None):
    """:func:`tile_map` of the whole country: no province outlined, so no "this province" legend entry;
    ``doubtful`` codes get the † mark. ``labels``: ``not_published``, ``colorbar``, ``abbrev``;
    ``tiles`` and ``n`` as in :func:`tile_map` (e.g. ``tiles=TILES_34, n=34`` for the 34 units).

    >>> c = pd.DataFrame({"code": list(TILES), "rank": range(1, 64)})
    >>> leg = national_tile_map(c, labels={"not_published": "not published"}).get_legend()
    >>> [x.get_text() for x in leg.get_texts()]
    ['not published']
    """
    return tile_map(country, code=code, rank=rank, focus=None, doubtful=doubtful, n=n, labels=labels,
                    tiles=tiles, ax=ax)


__all__ = ["TILES", "TILES_KEY", "TILE_GRID", "grid_shape", "national_tile_map", "rank_ticks", "tile_map"]
