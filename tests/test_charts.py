"""Charts: deterministic SVG, no global pyplot state, full Vietnamese glyph coverage, honest gaps."""
import hashlib

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from fontTools.ttLib import TTFont  # noqa: E402

from dti_helpers import load_catalogue, load_dti  # noqa: E402
from dti_helpers import charts  # noqa: E402
from dti_helpers.core.labels import LABELS  # noqa: E402

VIETNAMESE = ("ĂăÂâĐđÊêÔôƠơƯư"
              "ẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ"
              "ÀàÁáÃãÈèÉéÌìÍíĨĩÒòÓóÕõÙùÚúŨũÝý")


def _trend():
    return pd.DataFrame({"year": [2020, 2021, 2022, 2023, 2024] * 2,
                         "metric": ["dti"] * 5 + ["cqs"] * 5,
                         "rank": pd.array([10, 10, 9, None, None, 7, 15, None, None, None], dtype="Int64")})


def test_svg_is_deterministic_and_dateless():
    a = charts.to_svg(charts.trend_plot(_trend()).figure)
    b = charts.to_svg(charts.trend_plot(_trend()).figure)
    assert a == b
    assert "<dc:date>" not in a


def test_charts_leave_no_pyplot_figures():
    plt.close("all")
    charts.trend_plot(_trend())
    charts.tile_map(pd.DataFrame({"code": list(charts.TILES), "rank": range(1, 64)}), focus="24")
    assert plt.get_fignums() == []


def test_theme_does_not_leak():
    before = matplotlib.rcParams["svg.hashsalt"]
    charts.to_svg(charts.new_axes().figure)
    assert matplotlib.rcParams["svg.hashsalt"] == before


@pytest.mark.parametrize("name", ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"])
def test_chart_font_covers_vietnamese(name):
    cmap = TTFont(charts.font_dir() / name).getBestCmap()
    text = VIETNAMESE + "".join(v for entry in LABELS.values() for v in entry.values())
    missing = sorted({ch for ch in text if ord(ch) not in cmap and not ch.isspace()})
    assert missing == []


def test_chart_text_uses_the_one_font():
    ax = charts.trend_plot(_trend(), labels={"rank_axis": "Thứ hạng", "metrics": {"dti": "Chỉ số DTI"}})
    families = {t.get_fontname() for t in ax.figure.findobj(matplotlib.text.Text) if t.get_text()}
    assert families == {"DejaVu Sans"}


def test_trend_keeps_gaps():
    ax = charts.trend_plot(_trend(), order=["dti", "cqs"])
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
    assert set(charts.TILES) == set(provinces.index)
    cells = [(r, c) for r, c, _ in charts.TILES.values()]
    abbrs = [a for _, _, a in charts.TILES.values()]
    assert len(set(cells)) == 63 and len(set(abbrs)) == 63


def test_tile_grid_keeps_north_above_south():
    p = load_dti().provinces
    rows = {code: r for code, (r, _, _) in charts.TILES.items()}
    lat = p.lat.astype(float)
    # a province clearly further north (by 1.5 degrees) is never drawn below another
    for a in p.index:
        for b in p.index:
            if lat[a] - lat[b] > 1.5:
                assert rows[a] <= rows[b], (a, b)


def test_tile_map_marks_unpublished_tiles():
    c = pd.DataFrame({"code": list(charts.TILES), "rank": pd.array([1] + [None] * 62, dtype="Int64")})
    ax = charts.tile_map(c, focus="01")
    hatched = [p for p in ax.patches if p.get_hatch()]
    assert len(hatched) == 62


def test_tile_grid_34_covers_the_34_units_once():
    units = load_catalogue().units("34")
    assert set(charts.TILES_34) == set(units.index) and len(charts.TILES_34) == 34
    cells = [(r, c) for r, c, _ in charts.TILES_34.values()]
    abbrs = [a for _, _, a in charts.TILES_34.values()]
    assert len(set(cells)) == 34 and len(set(abbrs)) == 34


def test_tile_grid_34_keeps_north_above_south_and_hanoi_among_its_neighbours():
    lat = load_catalogue().units("34").lat.astype(float)
    rows = {code: r for code, (r, _, _) in charts.TILES_34.items()}
    for a in lat.index:
        for b in lat.index:
            if lat[a] - lat[b] > 1.5:
                assert rows[a] <= rows[b], (a, b)
    r, c, _ = charts.TILES_34["01"]
    around = {code for code, (r2, c2, _) in charts.TILES_34.items() if abs(r2 - r) + abs(c2 - c) == 1}
    assert around == {"19", "25", "24", "37"}  # Thái Nguyên, Phú Thọ, Bắc Ninh, Ninh Bình


def _map34(**kw):
    u = pd.DataFrame({"code": list(charts.TILES_34), "rank": pd.array(range(1, 35), dtype="Int64")})
    u.loc[u.code.isin(["46", "92"]), "rank"] = pd.NA
    return charts.tile_map(u, tiles=charts.TILES_34, n=34, focus="24", peers=["01"], doubtful={"79"},
                           labels={"focus": "Tỉnh báo cáo", "not_published": "chưa có số liệu công bố"}, **kw)


def test_tile_map_34_draws_the_34_and_outlines_the_focus():
    ax = _map34()
    tiles = [p for p in ax.patches if p.get_fill()]
    assert len(tiles) == 34
    assert len([p for p in tiles if p.get_hatch()]) == 2  # Huế and Cần Thơ, not published
    focus = matplotlib.colors.to_rgb(charts.FOCUS_COLOR)
    outlines = [p for p in ax.patches if not p.get_fill() and p.get_edgecolor()[:3] == focus]
    row, col, _ = charts.TILES_34["24"]
    assert [(round(p.get_x(), 2), round(p.get_y(), 2)) for p in outlines] == [(col - 0.02, -row + 0.02)]
    assert {"BN", "Huế", "29†", "33"} <= set(_texts(ax))
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["chưa có số liệu\ncông bố", "Tỉnh báo cáo", ""]  # wrapped to fit the map's west
    assert ax.get_xlim() == (-0.2, 5.1) and ax.get_ylim() == (-17.2, 0.2)
    width, height = ax.figure.get_size_inches()
    assert width < 4.6 and height < 8.2  # the 34 grid is smaller than the 63's
    plt.close(ax.figure)


def test_tile_map_34_colours_span_the_34_by_default():
    u = pd.DataFrame({"code": list(charts.TILES_34), "rank": range(1, 35)})
    a = charts.to_svg(charts.national_tile_map(u, tiles=charts.TILES_34).figure)
    b = charts.to_svg(charts.national_tile_map(u, tiles=charts.TILES_34, n=34).figure)
    assert a == b


def test_tile_map_34_svg_is_deterministic():
    assert charts.to_svg(_map34().figure) == charts.to_svg(_map34().figure)


def _map63(tiles=None):
    c = pd.DataFrame({"code": list(charts.TILES),
                      "rank": pd.array([None if i % 7 == 0 else i + 1 for i in range(63)], dtype="Int64")})
    words = {"focus": "Tỉnh báo cáo", "peers": "Tỉnh so sánh", "not_published": "chưa có số liệu công bố",
             "colorbar": "Hạng DTI"}
    more = {} if tiles is None else {"tiles": tiles, "n": 63}
    return charts.tile_map(c, focus="24", peers=["01", "27"], doubtful={"01"}, labels=words, **more)


def test_tile_map_63_is_unchanged():
    ax = _map63()
    assert tuple(ax.figure.get_size_inches()) == (4.6, 8.2)
    assert ax.get_xlim() == (-0.2, 7.1) and ax.get_ylim() == (-21.2, 0.2)
    assert [float(t) for t in ax.child_axes[0].get_yticks()] == [1, 20, 40, 63]
    svg = charts.to_svg(ax.figure)
    assert svg == charts.to_svg(_map63(tiles=charts.TILES).figure)
    # the digest was taken when the map's text was set for a phone (issue 11: 10 pt, text kept as text, tooltips),
    # with this matplotlib (another one draws other bytes)
    if matplotlib.__version__ == "3.11.2":
        assert hashlib.sha256(svg.encode()).hexdigest().startswith("4f321f48bc52ee798f60dc2a04749d78")


def test_rank_ladder_stacks_ties():
    c = pd.DataFrame({"code": ["38", "15", "01"], "name": ["Thanh Hóa", "Yên Bái", "Hà Nội"],
                      "rank": pd.array([15, 15, 3], dtype="Int64")})
    ax = charts.rank_ladder(c, focus="38", peers=["15"])
    offsets = np.vstack([coll.get_offsets() for coll in ax.collections])
    assert sorted(map(tuple, offsets.tolist())) == [(3.0, 0.0), (15.0, 0.0), (15.0, 1.0)]


def _texts(ax):
    return [x.get_text() for x in ax.texts]


def test_rank_charts_mark_doubtful_values():
    c = pd.DataFrame({"code": ["11", "24", "01"], "name": ["Điện Biên", "Bắc Giang", "Hà Nội"],
                      "rank": [24, 10, 1]})
    ax = charts.rank_ladder(c, focus="11", peers=["24"], doubtful={"11", "01"})
    assert "Điện Biên †" in _texts(ax) and "Bắc Giang" in _texts(ax) and "†" in _texts(ax)
    plt.close(ax.figure)
    ax = charts.tile_map(c, focus="11", doubtful={"11"})
    assert "24†" in _texts(ax) and "10" in _texts(ax)
    plt.close(ax.figure)
    tr = pd.DataFrame({"year": [2022, 2023, 2024], "metric": "dti", "rank": [35, pd.NA, 24]})
    ax = charts.trend_plot(tr, doubtful={("dti", 2024)})
    assert "24†" in _texts(ax) and "35" in _texts(ax)
    plt.close(ax.figure)


def test_charts_take_every_word_from_the_caller():
    tr = _trend()
    ax = charts.trend_plot(tr, labels={"metrics": {"dti": "DTI", "cqs": "Gov"}, "rank_axis": "Rank",
                                       "not_published": "n/p"})
    assert ax.get_ylabel() == "Rank" and [t.get_text() for t in ax.get_legend().get_texts()] == ["DTI", "Gov"]
    assert "n/p" in _texts(ax)
    c = pd.DataFrame({"code": list(charts.TILES), "rank": range(1, 64)})
    words = {"focus": "this one", "peers": "peers", "not_published": "n/p", "colorbar": "DTI rank",
             "abbrev": {"24": "B-G"}}
    ax = charts.tile_map(c, focus="24", peers=["01"], labels=words)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["n/p", "this one", "peers"]
    assert "B-G" in _texts(ax)
    ladder = charts.rank_ladder(c.assign(name=c.code), focus="24", peers=["01"],
                                labels={"peers": "P", "others": "O", "rank_axis": "R"})
    assert ladder.get_xlabel() == "R" and [t.get_text() for t in ladder.get_legend().get_texts()] == ["O", "P"]


def test_charts_take_column_names():
    c = pd.DataFrame({"gso": ["38", "15"], "place": ["Thanh Hóa", "Yên Bái"], "pos": [15, 3]})
    ax = charts.rank_ladder(c, code="gso", rank="pos", name="place", focus="38")
    assert "Thanh Hóa" in _texts(ax)
    ax = charts.tile_map(c, code="gso", rank="pos")
    assert "15" in _texts(ax) and "3" in _texts(ax)
    tr = pd.DataFrame({"yr": [2020, 2021], "m": "dti", "r": [4, 5]})
    assert len(charts.trend_plot(tr, x="yr", y="r", hue="m").get_lines()) == 1
    p = pd.DataFrame({"who": ["A"], "me": [True], "dti_pos": [2]})
    ax = charts.peers_plot(p, name="who", focus="me", metrics=["dti"], rank="{metric}_pos")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A"]


@pytest.mark.parametrize("draw", [
    lambda d, ax: charts.trend_plot(d, ax=ax),
    lambda d, ax: charts.peers_plot(d, ax=ax),
    lambda d, ax: charts.rank_ladder(d, ax=ax),
    lambda d, ax: charts.tile_map(d, ax=ax),
    lambda d, ax: charts.national_tile_map(d, ax=ax),
])
def test_empty_input_returns_the_axes_untouched(draw):
    empty = pd.DataFrame({"year": [], "metric": [], "rank": [], "code": [], "name": [], "is_focus": [],
                          "dti_rank": []})
    ax = charts.new_axes()
    before = charts.to_svg(ax.figure)
    assert draw(empty, ax) is ax
    assert charts.to_svg(ax.figure) == before
    assert draw(empty, None) is not None


def test_chart_text_is_at_least_10_px_on_a_phone():
    """Every word of every chart is at least MIN_TEXT_PX CSS px once the chart is shrunk to a phone's column."""
    tr = _trend()
    country = pd.DataFrame({"code": list(charts.TILES), "name": list(charts.TILES), "rank": range(1, 64)})
    drawn = [charts.trend_plot(tr), charts.rank_ladder(country, focus="24", peers=["01"]),
             charts.tile_map(country, focus="24"), charts.tile_map(_map34_frame(), tiles=charts.TILES_34, n=34),
             charts.peers_plot(pd.DataFrame({"name": ["A"], "is_focus": [True], "dti_rank": [3]}), metrics=["dti"])]
    for ax in drawn:
        width = float(ax.figure.get_size_inches()[0])
        shown = min(1.0, charts.theme.PHONE_COLUMN_PX / (width * 96))  # a chart never grows past its own size
        for text in ax.figure.findobj(matplotlib.text.Text):
            if text.get_text() and text.get_visible():
                px = text.get_fontsize() * 96 / 72 * shown
                assert px >= charts.theme.MIN_TEXT_PX, (text.get_text(), px)
        plt.close(ax.figure)


def _map34_frame():
    return pd.DataFrame({"code": list(charts.TILES_34), "rank": range(1, 35)})


def test_chart_svg_styles_are_presentation_attributes():
    # WeasyPrint parses every style="" twice per PDF; attributes draw the same and need no CSS parser
    from dti_helpers.charts.svg import inline_svg
    from dti_helpers.charts.theme import new_axes

    ax = new_axes(3, 2)
    ax.plot([1, 2, 3], [3, 1, 2], color="#d55e00", lw=2, linestyle="--")
    ax.set_title("Synthetic chart")
    svg = inline_svg(ax.figure, "a synthetic test chart")
    assert "style=" not in svg
    assert svg.startswith('<svg width="288" height="192"') and 'stroke-linejoin="round" stroke-linecap="butt"' in svg
    assert 'stroke="#d55e00"' in svg and "font-family=\"'DejaVu Sans Report'" in svg
