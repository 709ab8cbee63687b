"""Charts: deterministic SVG, no global pyplot state, full Vietnamese glyph coverage, honest gaps."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from fontTools.ttLib import TTFont  # noqa: E402

from dti_helpers import load_dti  # noqa: E402
from dti_helpers.charts import theme as charts  # noqa: E402
from dti_helpers.core.labels import LABELS  # noqa: E402

VIETNAMESE = ("ĂăÂâĐđÊêÔôƠơƯư"
              "ẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ"
              "ÀàÁáÃãÈèÉéÌìÍíĨĩÒòÓóÕõÙùÚúŨũÝý")


def _trend():
    return pd.DataFrame({"year": [2020, 2021, 2022, 2023, 2024] * 2,
                         "metric": ["dti"] * 5 + ["cqs"] * 5,
                         "rank": pd.array([10, 10, 9, None, None, 7, 15, None, None, None], dtype="Int64")})


def test_svg_is_deterministic_and_dateless():
    a = charts.to_svg(charts.trend_plot(_trend(), lang="vi").figure)
    b = charts.to_svg(charts.trend_plot(_trend(), lang="vi").figure)
    assert a == b
    assert "<dc:date>" not in a


def test_charts_leave_no_pyplot_figures():
    plt.close("all")
    charts.trend_plot(_trend())
    charts.tile_map(pd.DataFrame({"code": list(charts.TILE_GRID), "rank": range(1, 64)}), "24")
    assert plt.get_fignums() == []


def test_theme_does_not_leak():
    before = matplotlib.rcParams["svg.hashsalt"]
    charts.to_svg(charts.new_axes().figure)
    assert matplotlib.rcParams["svg.hashsalt"] == before


@pytest.mark.parametrize("name", ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"])
def test_chart_font_covers_vietnamese(name):
    cmap = TTFont(charts.FONT_DIR / name).getBestCmap()
    text = VIETNAMESE + "".join(v for entry in LABELS.values() for v in entry.values())
    missing = sorted({ch for ch in text if ord(ch) not in cmap and not ch.isspace()})
    assert missing == []


def test_chart_text_uses_the_one_font():
    ax = charts.trend_plot(_trend(), lang="vi")
    families = {t.get_fontname() for t in ax.figure.findobj(matplotlib.text.Text) if t.get_text()}
    assert families == {"DejaVu Sans"}


def test_trend_keeps_gaps():
    ax = charts.trend_plot(_trend(), lang="en", metrics=["dti", "cqs"])
    lines = {line.get_label(): line.get_ydata() for line in ax.get_lines()}
    dti = np.asarray(lines["dti"], dtype=float)
    assert np.isnan(dti[3]) and np.isnan(dti[4])  # never bridged nor filled
    assert ax.get_ylim()[0] > ax.get_ylim()[1]  # rank 1 on top


def test_peers_plot_leaves_out_rows_without_rank():
    p = pd.DataFrame({"name": ["A", "B", "C"], "is_focus": [False, True, False],
                      "dti_rank": pd.array([3, 7, None], dtype="Int64")})
    ax = charts.peers_plot(p, metrics=["dti"])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B"]


def test_tile_grid_covers_the_63_provinces_once():
    provinces = load_dti().provinces
    assert set(charts.TILE_GRID) == set(provinces.index)
    cells = [(r, c) for r, c, _ in charts.TILE_GRID.values()]
    abbrs = [a for _, _, a in charts.TILE_GRID.values()]
    assert len(set(cells)) == 63 and len(set(abbrs)) == 63


def test_tile_grid_keeps_north_above_south():
    p = load_dti().provinces
    rows = {code: r for code, (r, _, _) in charts.TILE_GRID.items()}
    lat = p.lat.astype(float)
    # a province clearly further north (by 1.5 degrees) is never drawn below another
    for a in p.index:
        for b in p.index:
            if lat[a] - lat[b] > 1.5:
                assert rows[a] <= rows[b], (a, b)


def test_tile_map_marks_unpublished_tiles():
    c = pd.DataFrame({"code": list(charts.TILE_GRID), "rank": pd.array([1] + [None] * 62, dtype="Int64")})
    ax = charts.tile_map(c, "01")
    hatched = [p for p in ax.patches if p.get_hatch()]
    assert len(hatched) == 62


def test_rank_ladder_stacks_ties():
    c = pd.DataFrame({"code": ["38", "15", "01"], "name": ["Thanh Hóa", "Yên Bái", "Hà Nội"],
                      "rank": pd.array([15, 15, 3], dtype="Int64")})
    ax = charts.rank_ladder(c, "38", ["15"])
    offsets = np.vstack([coll.get_offsets() for coll in ax.collections])
    assert sorted(map(tuple, offsets.tolist())) == [(3.0, 0.0), (15.0, 0.0), (15.0, 1.0)]


def _texts(ax):
    return [x.get_text() for x in ax.texts]


def test_rank_charts_mark_doubtful_values():
    c = pd.DataFrame({"code": ["11", "24", "01"], "name": ["Điện Biên", "Bắc Giang", "Hà Nội"],
                      "rank": [24, 10, 1]})
    ax = charts.rank_ladder(c, "11", ["24"], lang="en", doubtful={"11", "01"})
    assert "Điện Biên †" in _texts(ax) and "Bắc Giang" in _texts(ax) and "†" in _texts(ax)
    plt.close(ax.figure)
    ax = charts.tile_map(c, "11", lang="en", doubtful={"11"})
    assert "24†" in _texts(ax) and "10" in _texts(ax)
    plt.close(ax.figure)
    tr = pd.DataFrame({"year": [2022, 2023, 2024], "metric": "dti", "rank": [35, pd.NA, 24]})
    ax = charts.trend_plot(tr, lang="en", doubtful={("dti", 2024)})
    assert "24†" in _texts(ax) and "35" in _texts(ax)
    plt.close(ax.figure)
