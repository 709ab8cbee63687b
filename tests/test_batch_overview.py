"""The national overview: its notebook as committed, run through papermill, and the facts it shows."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat
import pandas as pd
import papermill
import pytest

from dti_helpers import load_dti, overview
from dti_helpers.render.report import notebook_to_html

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "national_overview.ipynb"


def test_notebook_is_committed_clean_thin_and_paired():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert not [c for c in code if c.outputs or c.execution_count], "run .venv/bin/nbstripout on it"
    strip = subprocess.run([str(Path(sys.executable).with_name("nbstripout")), "--verify", str(NOTEBOOK)],
                           capture_output=True, text=True)
    assert strip.returncode == 0, strip.stdout + strip.stderr
    paired = jupytext.read(NOTEBOOK.with_suffix(".py"))
    assert [(c.cell_type, c.source) for c in jupytext.read(NOTEBOOK).cells] == \
        [(c.cell_type, c.source) for c in paired.cells]
    assert "parameters" in code[0].metadata.get("tags", [])
    # the markdown is the analyst's guide, not the reader's: the sections carry their own headings
    assert all("remove-cell" in c.metadata.get("tags", []) for c in nb.cells if c.cell_type == "markdown")
    for cell in code[2:]:  # one call into dti_helpers per section
        lines = [line for line in cell.source.splitlines() if line.strip() and not line.startswith("#")]
        assert len(lines) == 1 and lines[0].startswith("overview."), cell.source


def test_help_notebook_lists_the_parameters():
    proc = subprocess.run([str(Path(sys.executable).with_name("papermill")), "--help-notebook", str(NOTEBOOK)],
                          capture_output=True, text=True, check=True)
    for line in ("year: Optional[int] (default None)", 'lang: str (default "vi")', "data_path: Optional[list]"):
        assert line in proc.stdout, line


@pytest.mark.slow
def test_notebook_runs_with_no_parameters_and_in_english(tmp_path):
    default = papermill.execute_notebook(str(NOTEBOOK), str(tmp_path / "vi.ipynb"), progress_bar=False,
                                         cwd=str(NOTEBOOK.parent))
    html = notebook_to_html(nbformat.from_dict(default))
    assert "Chỉ số chuyển đổi số 2024: tổng quan cả nước" in html
    en = papermill.execute_notebook(str(NOTEBOOK), str(tmp_path / "en.ipynb"), parameters={"year": 2022,
                                    "lang": "en"}, progress_bar=False, cwd=str(NOTEBOOK.parent))
    html = notebook_to_html(nbformat.from_dict(en))
    for text in ("national overview", "1. Ranking", "5. Biggest movers", "6. Coverage of published data",
                 "Thanh Hóa", "15/63"):
        assert text in html, text
    assert html.count('<svg width="') == 5 and html.count('role="img" aria-label="') == 5


def test_movers_are_only_published_ranks_never_derived():
    data = load_dti()
    mv = overview.movers(data)
    for r in mv.itertuples():
        assert data.value(r.code, r.year_from)[1] == r.rank_from
        assert data.value(r.code, r.year_to)[1] == r.rank_to
        assert r.change == r.rank_from - r.rank_to
    assert set(zip(mv.year_from, mv.year_to)) <= {(2020, 2021), (2021, 2022), (2022, 2023), (2023, 2024)}
    # Lào Cai has only its 2022 rank: it can never be a mover
    assert "10" not in set(mv.code)


def test_ranking_keeps_the_shared_rank_and_leaves_gaps_empty():
    r = overview.ranking(load_dti(), 2022)
    shared = r[r.dti_rank == 15].name.tolist()
    assert sorted(shared) == ["Thanh Hóa", "Yên Bái"]
    r20 = overview.ranking(load_dti(), 2020)
    assert int(r20.dti_rank.notna().sum()) == 30 and int(r20.dti_score.notna().sum()) == 15


def test_coverage_agrees_with_the_dataset_summary():
    data = load_dti()
    cov = overview.coverage(data).set_index("year")
    summary = data.summary("en")
    for year in cov.index:
        assert cov.at[year, "dti_rank"] == int(summary.loc[(year, "63", "dti"), "With rank"])
        assert cov.at[year, "dti_score"] == int(summary.loc[(year, "63", "dti"), "With score"])


def test_regions_count_only_published_ranks():
    reg = overview.regions(load_dti(), 2024).set_index("region")
    assert reg.n_provinces.sum() == 63
    assert reg.n_rank.sum() == 7
    assert pd.isna(reg.at["central_highlands", "median_rank"])  # nothing published there in 2024


def test_year_without_data_is_a_one_line_error():
    try:
        overview.setup(2019)
    except Exception as exc:  # noqa: BLE001
        assert str(exc) == "no DTI data for 2019; years with data: 2020, 2021, 2022, 2023, 2024"
    else:
        raise AssertionError("no error for 2019")


# ---- doubtful figures: marked where they are, footnoted visibly, kept out of the statistics ----

def _visible(html: str) -> str:
    """The text a reader sees (attributes such as title= dropped)."""
    import re

    return re.sub(r"<[^>]*>", "", html)


def _first_header(html: str, name: str) -> str:
    """The data-label of the first cell holding ``name`` (the column header the kit writes on each cell)."""
    return re.search(rf'<td data-label="([^"]*)">{re.escape(name)}</td>', html).group(1)


def _row_of(html: str, name: str) -> str:
    start = html.index(f'<td data-label="{_first_header(html, name)}">{name}</td>')
    return html[html.rindex("<tr>", 0, start):html.index("</tr>", start)]


def test_ranking_marks_the_doubtful_rank_not_the_unpublished_score_and_footnotes_it():
    en = overview.ranking_section(overview.setup(2024, "en")).html()
    row = _row_of(en, "Điện Biên")
    assert "24/63<sup>†</sup>" in row  # the doubtful rank carries the mark
    assert "not published†" not in _visible(row) and "</span><sup>†" not in row.split("24/63")[1]
    assert "may be the 2023 result" in _visible(en)  # the reason is visible, not only a tooltip
    vi = overview.ranking_section(overview.setup(2024, "vi")).html()
    assert "có thể đây là kết quả năm 2023" in _visible(vi) and "may be the 2023" not in vi


def test_ranking_marks_doubtful_pillar_ranks():
    html = overview.ranking_section(overview.setup(2022, "en")).html()
    row = _row_of(html, "Tây Ninh")
    assert "47<sup>†</sup>" in row
    assert "likely a typo on the page" in _visible(html)


def test_pillar_statistics_leave_doubtful_scores_out_and_say_so():
    summ = overview.pillar_summary(load_dti()).set_index(["year", "metric"])
    assert summ.at[(2022, "xhs"), "n_doubtful"] == 1 and summ.at[(2023, "xhs"), "n_doubtful"] == 1
    p = overview.pillar_scores(load_dti())
    sound = p[(p.year == 2022) & (p.metric == "xhs") & ~p.doubtful]
    stat = summ.at[(2022, "xhs"), "min_stat"]
    assert summ.at[(2022, "xhs"), "n"] == len(sound) == stat.n and stat.left_out == 1
    assert pd.isna(summ.at[(2022, "xhs"), "min"])  # 3 of 63: too few published for a lowest
    html = overview.pillars_section(overview.setup(2022, "en")).html()
    assert "0.1089" not in html.split("<table")[1].split("</table>")[0]
    assert "Tây Ninh, Digital society 2022 (left out of the statistics)" in _visible(html)
    assert "too few published (3 of 63)" in _visible(html)
    html23 = overview.pillars_section(overview.setup(2023, "en")).html()
    assert "Tuyên Quang, Digital society 2023" in _visible(html23)
    notes = overview.notes_section(overview.setup(2022, "en")).html()
    assert "Doubtful figures (†)" in notes


def test_regions_skip_doubtful_rows_and_need_half_the_region_for_a_statistic():
    data = load_dti()
    reg = overview.regions(data, 2020).set_index("region")
    assert reg.at["central_highlands", "best_name"] != "Đắk Nông"
    for r in reg.itertuples():
        assert (r.median_score is None or pd.isna(r.median_score)) == (2 * r.n_score < r.n_provinces)
    html = overview.regions_section(overview.setup(2020, "en")).html()
    assert "Đắk Nông (54/63)" not in html
    assert "too few published (6 of 14)" in _visible(html)
    assert "Đắk Nông, DTI 2020 (left out of the statistics)" in _visible(html)


def test_movers_mark_a_doubtful_rank():
    html = overview.movers_section(overview.setup(2021, "en")).html()
    assert "54<sup>†</sup>" in _row_of(html, "Đắk Nông")
    assert "equals the 2020 national mean" in _visible(html)


def test_data_notes_cite_the_source_of_every_figure_shown():
    data = load_dti()
    html = overview.notes_section(overview.setup(2022, "en")).html()
    tab = data.table[data.table.unit_set == "63"]
    needed = tab[tab.metric.isin(["cqs", "kts", "xhs"]) & tab.score.notna() & (tab.year == 2022)]  # pillars
    mv = overview.movers(data)
    mv = mv[mv.year_to <= 2022]
    pairs = set(zip(mv.code, mv.year_from)) | set(zip(mv.code, mv.year_to))
    ranks = tab[(tab.metric == "dti") & pd.Series([(c, y) in pairs for c, y in zip(tab.province_code, tab.year)],
                                                  index=tab.index)]
    year = tab[(tab.year == 2022) & tab.metric.isin(["dti", "cqs", "kts", "xhs"])]
    assert not ranks.empty and not needed.empty
    for part in (needed, ranks, year):
        for sources in part.sources:
            for url in str(sources).split(" | "):
                assert f'href="{url.replace("&", "&amp;")}"' in html, url


def test_index_page_shows_the_doubtful_note_as_text():
    from dti_helpers.batch.site import index_html, index_rows

    data = load_dti()
    for lang, note in (("en", "may be the 2023 result"), ("vi", "có thể đây là kết quả năm 2023")):
        page = index_html(index_rows({}, data), data, lang)
        assert "Điện Biên 2024: " in _visible(page) and note in _visible(page)
        assert "24/63<sup>†</sup>" in page


# ---- the overview's charts: seaborn's shape (data and ax in, ax out; words from the caller) ----

def test_distribution_charts_take_words_from_the_caller_and_return_an_empty_axes_untouched():
    import inspect

    from dti_helpers.charts import distributions
    from dti_helpers.charts.theme import new_axes

    data = load_dti()
    frames = {"pillar_strip": overview.pillar_scores(data),
              "region_ranks": data.provinces.assign(rank=range(1, 64))[["region", "rank"]],
              "movers_plot": overview.movers(data).query("year_to == 2021"),
              "coverage_plot": overview.coverage(data).melt(id_vars="year", value_vars=["dti_rank"],
                                                           var_name="measure", value_name="n")}
    for name, frame in frames.items():
        chart = getattr(distributions, name)
        assert "lang" not in inspect.signature(chart).parameters, name
        ax = new_axes()
        assert chart(frame.iloc[:0], ax=ax) is ax and not ax.patches, name
        assert not ax.collections and not ax.lines, name
        drawn = chart(frame)
        words = [drawn.get_xlabel(), drawn.get_ylabel()]
        legend = drawn.get_legend()
        words += [t.get_text() for t in legend.get_texts()] if legend else []
        assert "" in words[:2] and not any("ố" in w or "ộ" in w for w in words), (name, words)  # no built-in words
    ax = distributions.movers_plot(frames["movers_plot"], labels={"change_axis": "Places"})
    assert ax.get_xlabel() == "Places"
