"""Honest statistics (issue 10): the one group rule, no score change across the 2021 method change,
strengths a leading province can have, and overview charts of the overview's year only.

The unit tests of the group rule run on SYNTHETIC groups generated here (made-up values, not DTI
figures) and on the real embedded data; the headline and strengths are checked in a real papermill
render of the Đà Nẵng 2021 report.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import pandas as pd
import pytest

from dti_helpers import load_dti, overview, report
from dti_helpers.analysis import province as A, strengths as SW
from dti_helpers.analysis.groups import group_stat
from dti_helpers.analysis.national import pillar_summary, regions
from dti_helpers.core.schema import scores_comparable

ROOT = Path(__file__).resolve().parent.parent
DATA = load_dti()


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# ---- the one group rule ----

def synthetic_group(seed: int) -> tuple[list, int]:
    """A SYNTHETIC group: a made-up size and made-up published values (some missing), never a DTI figure."""
    rnd = random.Random(seed)
    size = rnd.randint(1, 63)
    values = [round(rnd.uniform(0.2, 0.9), 4) if rnd.random() < rnd.random() else None for _ in range(size)]
    return values, size


@pytest.mark.parametrize("seed", range(40))
def test_synthetic_groups_follow_the_half_rule(seed):
    values, size = synthetic_group(seed)
    published = [v for v in values if v is not None]
    for how in ("median", "mean", "max", "min"):
        stat = group_stat(values, size, how)
        assert (stat.n, stat.of) == (len(published), size)
        assert stat.shown == (len(published) > 0 and 2 * len(published) >= size)
        if stat.shown:
            assert stat.value == pytest.approx(getattr(pd.Series(published), how)())
            assert stat.reason is None
        else:
            assert stat.value is None and stat.reason == ("none" if not published else "too_few")
        assert stat.complete == (len(published) == size)


def test_the_rule_is_the_same_for_ranks_and_scores():
    # SYNTHETIC: 3 of 7 is too few, 4 of 7 enough, whether the values are ranks or scores
    assert not group_stat([3, 10, 12], 7, "min").shown and not group_stat([0.5, 0.6, 0.7], 7).shown
    assert group_stat([3, 10, 12, 40], 7, "min").value == 3 and group_stat([0.5, 0.6, 0.7, 0.8], 7).value == pytest.approx(0.65)
    with pytest.raises(ValueError):
        group_stat([1], 1, "mode")


def test_real_2020_region_medians_with_few_published_say_too_few_published():
    reg = regions(DATA, 2020).set_index("region")
    for r in reg.itertuples():
        assert r.median_score_stat.of == r.n_provinces
        assert r.median_score is None and r.median_score_stat.reason in ("too_few", "none")  # 3 of 11 at most
    html = _text(overview.regions_section(overview.setup(2020, "vi")).html())
    assert "quá ít số liệu công bố (3/11)" in html and "quá ít số liệu công bố (6/14)" in html
    # the province report words it the same: Bắc Giang's region, 2020
    sc = _text(report.scorecard(report.setup("Bắc Giang", 2020, "vi")).html())
    assert "quá ít số liệu công bố (2/14)" in sc


def test_real_statistics_over_half_a_group_carry_their_count_and_an_incomplete_best_is_the_best_published():
    reg = regions(DATA.for_units("34"), 2024).set_index("region")
    best = reg.at["north_central_coast", "best_stat"]
    assert best.shown and not best.complete and (best.n, best.of) == (5, 9)
    html = _text(overview.regions_section(overview.setup(2024, "vi", units="34")).html())
    assert "TP. Huế (2/34) (cao nhất trong số đã công bố, 5/9 địa phương)" in html
    assert "0,7467 (2/2 địa phương có số liệu)" in html  # a complete group: its own median, with the count
    summ = pillar_summary(DATA).set_index(["year", "metric"])
    assert all(not s.shown for s in summ.median_stat)  # no year has half of the 63 pillar scores published


def test_no_group_statistic_is_computed_outside_the_rule():
    """Sections, the overview and the analysis compute no median, mean or extreme over provinces themselves."""
    pattern = re.compile(r"\.(median|mean)\(|idxmax|idxmin|nlargest|nsmallest")
    places = [*(ROOT / "dti_helpers" / "sections").rglob("*.py"), *(ROOT / "dti_helpers" / "analysis").glob("*.py")]
    offenders = [str(p) for p in places if p.name != "groups.py" and pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


# ---- score changes only under one method; ranks across it ----

def test_no_score_change_across_the_2021_method_change():
    assert not scores_comparable(2020, 2021) and scores_comparable(2021, 2022) and scores_comparable(2023, 2024)
    h = A.headline(DATA, "48", 2021)
    assert (h["rank_change"], h["score_change"], h["method_change"]) == (0, None, True)
    sc = A.scorecard(DATA, "24", 2021)
    assert sc.loc[sc.prev_year == 2020, "score_change"].isna().all()
    assert sc.loc[sc.prev_year == 2020, "rank_change"].notna().any()
    later = A.headline(DATA, "62", 2022)  # Kon Tum: 2021 → 2022, one method
    assert later["score_change"] is not None and not later["method_change"]


def test_scorecard_states_why_changes_since_2020_are_ranks_only():
    html = _text(report.scorecard(report.setup("Bắc Giang", 2021, "en")).html())
    assert "Changes since 2020 are rank changes only: the method changed in 2021" in html


# ---- strengths and weaknesses ----

def test_strengths_rule_top_tenth_or_ten_places():
    assert (SW.tenth(63), SW.tenth(34)) == (6, 3)
    assert SW.verdict(6, 1, 63) == ("strength", "top_tenth") and SW.verdict(7, 1, 63) == ("in_line", "")
    assert SW.verdict(3, 1, 34)[0] == "strength" and SW.verdict(4, 1, 34)[0] == "in_line"
    assert SW.verdict(58, 55, 63) == ("weakness", "bottom_tenth") and SW.verdict(57, 55, 63)[0] == "in_line"
    assert SW.verdict(32, 34, 34)[0] == "weakness"
    assert SW.verdict(20, 30, 63) == ("strength", "above_overall")
    assert SW.verdict(40, 30, 63) == ("weakness", "below_overall")
    assert SW.verdict(30, None, 63) == ("in_line", "")  # without a DTI rank only the tenths apply


def test_the_rank_one_province_has_strengths():
    st = SW.strengths(DATA, "48", 2021)
    assert (st.verdict == "strength").any() and st.attrs["overall_rank"] == 1


# ---- a real render: Đà Nẵng 2021 ----

def test_da_nang_2021_headline_cards_and_strengths(tmp_path):
    from dti_helpers.render.report import render_report

    paths = render_report("48", 2021, "vi", formats=("html",), out_dir=tmp_path)
    page = paths["html"].read_text(encoding="utf-8")
    cards = re.findall(r'<dl class="kpis">(.*?)</dl>', page, re.S)
    assert len(cards) == 1
    labels = [_text(d).strip() for d in re.findall(r"<dt>(.*?)</dt>", cards[0], re.S)]
    values = [_text(d).strip() for d in re.findall(r"<dd>(.*?)</dd>", cards[0], re.S)]
    assert labels == ["Điểm DTI", "Xếp hạng DTI", "Thay đổi", "Trung bình cả nước"]
    assert values[0] == "0,6419" and values[1] == "1/63" and values[2].startswith("giữ nguyên hạng")
    shown = _text(cards[0])
    assert not re.search(r"[+−±-]\s?0,\d{4}", shown), shown  # no score change
    assert "0,1545" not in page  # nor anywhere in the report: 2020 and 2021 scores are not comparable
    for word in ("trung vị", "cao nhất", "thấp nhất", "tỉnh có số liệu", "quá ít"):
        assert word not in shown.lower(), word  # no statistic over a partly published group
    assert "phương pháp đánh giá thay đổi từ năm 2021" in _text(page)
    strengths = _text(page.split('id="strengths"')[1].split("</section>")[0])
    assert "Điểm mạnh: Chính quyền số (1), Kinh tế số (1), Xã hội số (1), Thể chế số (6)." in strengths
    assert "nhóm 10% đứng đầu (hạng 1 đến 6 trên 63)" in strengths


# ---- the overview's charts: the overview's year only ----

@pytest.mark.parametrize("units", ["63", "34"])
def test_2024_overview_charts_hold_2024_values_only(units):
    sections = overview.build(overview.setup(2024, "en", units=units))
    charts = []
    for section in sections:
        html = section.html()
        for alt in re.findall(r'<img [^>]*alt="([^"]*)"', html):
            charts.append((section.id, alt))
        for caption in re.findall(r"<figcaption>(.*?)</figcaption>", html, re.S):
            charts.append((section.id, _text(caption)))
    assert {sid for sid, _ in charts} >= {"regions", "map", "coverage"}
    for sid, words in charts:
        # the movers chart is the change into 2024, "2023 → 2024"; no other year may appear
        years = set(re.findall(r"\b(20\d\d)\b", re.sub(r"\b20\d\d → 2024\b", "2024", words)))
        assert years == {"2024"}, (sid, words)


def test_each_overview_charts_its_own_pillar_scores():
    for year in (2021, 2022):
        html = overview.pillars_section(overview.setup(year, "en")).html()
        alt = re.findall(r'<svg [^>]*aria-label="([^"]*)"', html)
        assert len(alt) == 1 and set(re.findall(r"\b20\d\d\b", alt[0])) == {str(year)}
        table = html.split("<table")[1]
        assert not {y for y in re.findall(r"\b20\d\d\b", _text(table)) if y != str(year)}
