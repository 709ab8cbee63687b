"""analysis.py: the figures reports are built from, on the real published data."""

import pytest

from dti_helpers.analysis import lineage, province as A, strengths as SW
from dti_helpers import load_dti

DTI = load_dti()
PUBLISHED_SCORES = set(DTI.table.score.dropna())


def test_headline_bac_giang_2020():
    h = A.headline(DTI, "24", 2020)
    assert (h["score"], h["rank"], h["national_mean"]) == (0.3615, 10, 0.3026)
    assert h["prev_year"] is None and h["rank_change"] is None
    assert h["sources"] and all(s.startswith("http") for s in h["sources"])


def test_scorecard_bac_giang_2020_pillars():
    sc = A.scorecard(DTI, "24", 2020).set_index("metric")
    got = {m: (sc.at[m, "score"], int(sc.at[m, "rank"])) for m in ("cqs", "kts", "xhs")}
    assert got == {"cqs": (0.4455, 7), "kts": (0.3019, 14), "xhs": (0.3092, 25)}
    assert list(sc.index[:4]) == ["dti", "cqs", "kts", "xhs"]


def test_scorecard_2021_has_the_eight_indices():
    sc = A.scorecard(DTI, "48", 2021)
    assert len(sc) == 12 and sc.metric.iloc[0] == "dti"
    assert sc.set_index("metric").at["dti", "leader_name"] == "TP. Đà Nẵng"


def test_shared_rank_15_in_2022():
    c = A.country(DTI, 2022)
    assert sorted(c.loc[c["rank"] == 15, "name"]) == ["Thanh Hóa", "Yên Bái"]


def test_only_rank_province_has_nothing_invented():
    h = A.headline(DTI, "10", 2022)
    assert h["score"] is None and h["rank"] is not None and h["prev_year"] is None
    sc = A.scorecard(DTI, "10", 2022)
    assert sc.score.isna().all() and sc.score_change.isna().all() and sc.gap_to_leader.isna().all()


def test_peer_strategies_and_fallbacks():
    region = A.peers(DTI, "24", 2020)
    assert region.attrs["strategy"] == "region" and len(region) == 14 and region.is_focus.sum() == 1
    prof = A.peers(DTI, "24", 2020, "profile", k=3)
    assert prof.attrs["strategy"] == "profile" and len(prof) == 4
    assert prof[["cqs_score", "kts_score", "xhs_score"]].notna().all().all()
    fallback = A.peers(DTI, "10", 2022, "profile")
    assert fallback.attrs["strategy"] == "region" and fallback.attrs["note"] == "peers_fallback_no_scores"
    with pytest.raises(ValueError, match="unknown peer strategy 'bogus'"):
        A.peers(DTI, "24", 2020, "bogus")


def test_trend_keeps_gaps():
    tr = A.trend(DTI, "10")
    assert tr.year.nunique() == len(DTI.years()) and tr["rank"].notna().sum() == 1


def test_strengths_rule_uses_published_ranks_only():
    s = SW.strengths(DTI, "24", 2020)
    assert set(s.verdict) <= {"strength", "weakness", "in_line"}
    assert SW.strengths(DTI, "10", 2022).empty


@pytest.mark.parametrize("code", list(DTI.provinces.index))
@pytest.mark.slow
def test_every_province_every_year_never_invents(code):
    for year in A.years_with_data(DTI, code):
        sc = A.scorecard(DTI, code, year)
        assert set(sc.score.dropna()) <= PUBLISHED_SCORES
        assert set(sc.leader_score.dropna()) <= PUBLISHED_SCORES
        for strategy in A.PEER_STRATEGIES:
            p = A.peers(DTI, code, year, strategy)
            assert p.is_focus.sum() == 1
            assert set(p.dti_score.dropna()) <= PUBLISHED_SCORES
        SW.strengths(DTI, code, year)
        A.headline(DTI, code, year)
    assert A.latest_year(DTI, code) is not None


def test_successor_after_the_2025_merger():
    s = lineage.successor(DTI, "74")  # Bình Dương -> TP. Hồ Chí Minh
    assert s["merged"] and s["name"] == "TP. Hồ Chí Minh" and len(s["members"]) == 3
    fig = s["figures"][0]
    assert fig["year"] == 2024 and fig["score"] == 0.777 and fig["sources"]
    unchanged = lineage.successor(DTI, "11")  # Điện Biên was not merged
    assert not unchanged["merged"] and unchanged["figures"][0]["rank"] == 6
    nothing = lineage.successor(DTI, "24")  # Bắc Ninh: no 34-unit figure published
    assert nothing["figures"][0]["score"] is None and nothing["figures"][0]["rank"] is None


# ---- doubtful figures behind changes and peers; tied leaders (review of data honesty)

def test_changes_say_when_the_earlier_figure_is_doubtful():
    d = load_dti()
    h = A.headline(d, "67", 2021)  # Đắk Nông 2021 builds on the doubtful 0.3026 of 2020
    assert (h["prev_year"], h["prev_score"], h["prev_doubtful"]) == (2020, 0.3026, True)
    assert "national mean" in h["prev_note"] and h["prev_note_vi"]
    sc = A.scorecard(d, "67", 2021).set_index("metric")
    assert bool(sc.at["dti", "prev_doubtful"]) is True
    assert A.headline(d, "24", 2021)["prev_doubtful"] is False


def test_wide_peers_carry_doubtful_columns():
    p = A.peers(load_dti(), "72", 2022)  # Tây Ninh 2022: digital society 0.1089 is doubtful
    me = p[p.code == "72"].iloc[0]
    assert bool(me.xhs_doubtful) is True and bool(me.dti_doubtful) is False
    assert {"dti_doubtful", "cqs_doubtful", "kts_doubtful", "xhs_doubtful"} <= set(p.columns)


def test_tied_leaders_are_all_kept():
    d = load_dti()
    # 2023 awareness: Hà Tĩnh (42) and Đà Nẵng (48) share rank 1
    dn = A.scorecard(d, "48", 2023).set_index("metric").loc["awareness"]
    assert dn.leader_code == "48"
    assert "Hà Tĩnh" in dn.leader_name and "Đà Nẵng" in dn.leader_name
    assert dn.leader_codes == ["42", "48"]
    other = A.scorecard(d, "24", 2023).set_index("metric").loc["awareness"]
    assert other.leader_code == "42" and ", " in other.leader_name


def test_successor_figures_carry_their_note():
    f = lineage.successor(load_dti(), "24")["figures"][0]
    assert {"doubtful", "note", "note_vi"} <= set(f)
