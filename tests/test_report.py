"""Report sections, in process (no kernel): facts, sparse data, doubtful values, alt text, parameters."""
import re
from html.parser import HTMLParser

import pytest
from markupsafe import escape

from dti_helpers import load_dti, report
from dti_helpers.core.errors import DTIError, UnknownProvinceError
from dti_helpers.core.labels import t


@pytest.fixture(scope="module")
def data():
    return load_dti()


def _html(data, province, year=None, lang="vi", peers="region", layout="auto"):
    rep = report.Report(data, report.resolve_params(data, province, year, lang, peers, layout=layout))
    return rep, "".join(s.html() for s in report.build(rep))


def _text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


class _Charts(HTMLParser):
    """Each inline chart's attributes, with how many shapes and words it draws (``paths``)."""

    def __init__(self):
        super().__init__()
        self.charts = []

    def handle_starttag(self, tag, attrs):
        if tag == "svg":
            self.charts.append({**dict(attrs), "paths": 0})
        elif tag in ("path", "use", "text", "rect", "circle", "polyline", "line") and self.charts:
            self.charts[-1]["paths"] += 1


def _images(html):
    parser = _Charts()
    parser.feed(html)
    return parser.charts


def test_bac_giang_2020_facts(data):
    _, html = _html(data, "Bắc Giang", 2020, "vi")
    text = _text(html)
    assert "0,3615" in text and "10/63" in text
    for score, rank in (("0,4455", "7/63"), ("0,3019", "14/63"), ("0,3092", "25/63")):
        assert re.search(rf"{score} {rank}", text), (score, rank)
    assert "Chỉ số chuyển đổi số 2020: Bắc Giang" in text


def test_da_nang_2021_facts_in_both_languages(data):
    _, vi = _html(data, "Đà Nẵng", 2021, "vi")
    _, en = _html(data, "Đà Nẵng", 2021, "en")
    assert "0,6419" in _text(vi) and "1/63" in _text(vi)
    assert "0.6419" in _text(en) and "1/63" in _text(en)
    assert "Tóm tắt" in vi and "Summary" in en and "Summary" not in vi


def test_shared_rank_15_in_2022(data):
    for name, other in (("Thanh Hóa", "Yên Bái"), ("Yên Bái", "Thanh Hóa")):
        rep, html = _html(data, name, 2022, "en")
        text = _text(html)
        assert "ranked 15/63" in text
        assert f"Tied with: {other}" in text


@pytest.mark.slow
def test_sparse_province_says_not_published_in_every_section(data):
    # the full layout of a year with only its DTI rank (by default such a year is a brief: tests/test_brief.py)
    rep, _ = _html(data, "Lào Cai", None, "en", layout="full")
    assert rep.year == 2022
    for lang in ("vi", "en"):
        rep = report.Report(data, report.resolve_params(data, "Lào Cai", None, lang, layout="full"))
        np_text = t("not_published", lang)
        for section in report.build(rep)[1:]:
            html = section.html()
            if section.id in ("peers", "country", "strengths"):
                # these speak of what is missing in their own words
                assert np_text in html or "chưa" in html or "no " in html.lower(), section.id
            else:
                assert np_text in html, (lang, section.id)
    _, html = _html(data, "Lào Cai", None, "en", layout="full")
    assert "38/63" in _text(html)
    assert "Ranks are published for 2022 only" in _text(html)


@pytest.mark.slow
def test_every_province_renders_every_section_at_its_latest_year(data):
    for code in data.provinces.index:
        rep, html = _html(data, code, None, "en")
        # a province with a target in its plans (data/targets.csv) has the targets section too; a year with only
        # its DTI rank is a brief: title, headline, country, sources and the data notes as an appendix
        assert html.count("<section") == (5 if rep.is_brief else 8) + bool(rep.shown_targets), code


@pytest.mark.slow
def test_no_empty_chart_and_every_chart_has_alt_text(data):
    for province, year, lang in (("Hà Giang", None, "vi"), ("Bắc Giang", 2020, "en"), ("Quảng Ninh", 2022, "vi")):
        _, html = _html(data, province, year, lang)
        images = _images(html)
        assert images, province
        for img in images:
            alt = img.get("aria-label", "")
            assert img["role"] == "img" and len(alt) > 40, alt
            assert img["paths"] > 20  # something is drawn
        if lang == "vi":
            assert all(re.search("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", i["aria-label"])
                       for i in images)


def test_sparse_trend_draws_no_chart_but_says_why(data):
    rep = report.Report(data, report.resolve_params(data, "Lào Cai", None, "vi", layout="full"))
    html = report.trend(rep).html()
    assert "<svg" not in html
    assert t("trend_one_year", "vi", year=2022) in html


def test_doubtful_value_is_marked_with_its_note(data):
    rep = report.Report(data, report.resolve_params(data, "Tây Ninh", 2022, "en"))
    html = report.scorecard(rep).html()
    assert '<span class="doubtful">0.1089' in html
    assert "doubtful" in _text(html).lower() and "typo" in html


def test_peer_strategies_state_their_rule(data):
    for strategy, key in (("region", "peers_rule_region"), ("rank", "peers_rule_rank"),
                          ("profile", "peers_rule_profile")):
        rep = report.Report(data, report.resolve_params(data, "Quảng Ninh", 2022, "en", strategy))
        html = report.peers(rep).html()
        rule = t(key, "en", region=data.catalogue.region_name("red_river_delta", "en"), k=5, name="Quảng Ninh")
        assert str(escape(rule)) in html, strategy
    rep = report.Report(data, report.resolve_params(data, "Hà Giang", 2022, "en", "profile"))
    assert t("peers_fallback_no_scores", "en", name="Hà Giang") in report.peers(rep).html()


def test_data_notes_cite_every_figure_and_state_the_method(data):
    rep, html = _html(data, "Bắc Giang", 2020, "en")
    notes = report.data_notes(rep).html()
    assert "0.4 × digital government + 0.3 × digital economy + 0.3 × digital society" in notes
    assert rep.data.version in notes
    refs = re.findall(r'<li id="src-(\d+)"><a href="(http[^"]+)"', notes)
    assert refs and [int(n) for n, _ in refs] == list(range(1, len(refs) + 1))
    cited = set(re.findall(r'href="#src-(\d+)"', notes))
    assert cited == {n for n, _ in refs}
    for url in set(s for row in rep.data.table.query("province_code == '24'").sources for s in row.split(" | ")):
        assert f'href="{url}"' in notes.replace("&amp;", "&")


def test_sections_display_inline_with_toc_metadata(data):
    rep = report.Report(data, report.resolve_params(data, "24", 2020, "en"))
    bundle, meta = report.headline(rep)._repr_mimebundle_()
    assert bundle["text/html"].startswith('<section id="headline"')
    assert meta["dti_section"] == {"id": "headline", "title": "1. Summary", "level": 2}
    _, cover_meta = report.cover(rep)._repr_mimebundle_()
    assert cover_meta["dti_report"]["lang"] == "en" and cover_meta["dti_report"]["year"] == 2020


def test_tables_have_no_presentational_attributes(data):
    _, html = _html(data, "Quảng Ninh", 2022, "vi")
    html = re.sub(r"<svg .*?</svg>", "", html)  # a chart's drawing is styled by matplotlib, inside its SVG
    assert "border=" not in html and "style=" not in html


@pytest.mark.parametrize("kwargs, message", [
    ({"province": "Atlantis"}, "unknown province 'Atlantis'"),
    ({"province": "Hà Giang", "year": 2020}, "no published DTI figure for Hà Giang in 2020; years with data: 2022"),
    ({"province": "Hà Giang", "year": 1999}, "no published DTI figure for Hà Giang in 1999"),
    ({"province": "24", "year": "twenty"}, "year 'twenty' is not a year"),
    ({"province": "24", "lang": "fr"}, "unknown language 'fr'; use one of: vi, en"),
    ({"province": "24", "peers": "friends"}, "unknown peer strategy 'friends'"),
])
def test_bad_parameters_give_one_line_errors(data, kwargs, message):
    with pytest.raises(DTIError) as err:
        report.resolve_params(data, **kwargs)
    assert message in str(err.value)
    assert "\n" not in str(err.value)
    if kwargs["province"] == "Atlantis":
        assert isinstance(err.value, UnknownProvinceError)


def test_year_given_as_text_is_accepted(data):
    assert report.resolve_params(data, "24", "2021").year == 2021
    assert report.resolve_params(data, "24", "").year == 2022


def test_headline_tells_the_2025_merger_and_cites_the_successor_figures():
    from dti_helpers.sections.province import data_notes, headline, setup

    rep = setup("Bình Dương", 2023, "vi")
    text = headline(rep).html()
    merged = "Ngày 1/7/2025, Bình Dương hợp nhất với Bà Rịa - Vũng Tàu và TP. Hồ Chí Minh; thành phố mới mang tên TP. Hồ Chí Minh."
    assert merged in text and "0,7770" in text and "4/34" in text
    notes = data_notes(rep).html()
    assert "bảng xếp hạng 34 tỉnh, thành phố sau sắp xếp" in notes
    en = headline(setup("Điện Biên", 2022, "en")).html()
    assert "was not merged" in en and "rank 6/34" in en


# ---- data honesty review: every doubtful figure, and every figure built on one, is marked

def _rep(data, province, year, lang="en", peers="region", layout="auto"):
    return report.Report(data, report.resolve_params(data, province, year, lang, peers, layout=layout))


def _marked(html):
    """The texts inside doubtful marks."""
    return [_text(m) for m in re.findall(r'<span class="doubtful">(.*?)<sup>†</sup></span>', html)]


def test_peers_table_marks_a_doubtful_peer_cell(data):
    html = report.peers(_rep(data, "Tây Ninh", 2022, "vi")).html()
    assert any("0,1089" in m for m in _marked(html))
    note_vi = data.table.query("province_code == '72' and year == 2022 and metric == 'xhs'").note_vi.item()
    assert note_vi and note_vi in html
    html = report.peers(_rep(data, "Tuyên Quang", 2023)).html()
    assert _marked(html) and "doubt-notes" in html


def test_country_focus_sentence_and_charts_mark_a_doubtful_rank(data):
    # Điện Biên 2024 has only its DTI rank: the full layout has the ladder and the map in this section; the
    # brief has the sentence here and the map alone in its summary (tests/test_brief.py)
    for layout, n_charts in (("full", 2), ("auto", 1)):
        rep = _rep(data, "Điện Biên", 2024, layout=layout)
        html = report.country(rep).html()
        assert any("ranked 24/63 in 2024" in m for m in _marked(html))
        assert "the page credits the former ministry" in html
        charts = html if layout == "full" else report.headline(rep).html()
        alts = re.findall(r'role="img" aria-label="([^"]*)"', charts)
        assert len(alts) == n_charts and all("Doubtful figures (†): " in a and "Điện Biên 24" in a.split("Doubtful figures (†): ")[1] for a in alts)


def test_change_built_on_a_doubtful_earlier_figure_is_marked(data):
    # Đắk Nông 2021 builds on its doubtful 2020 rank and score: across the 2021 method change the
    # change is the rank's only (KPI cell and sentence marked), the score change of +0.0483 is never shown
    rep = _rep(data, "Đắk Nông", 2021)
    html = report.headline(rep).html()
    marked = _marked(html)
    assert sum("up 13 places" in m or "rose 13 places" in m for m in marked) == 2
    assert "+0.0483" not in html and "the method changed in 2021" in html
    assert "0.3026 equals the 2020 national mean" in html
    sc = report.scorecard(rep).html()
    assert any("up 13 places" in m for m in _marked(sc)) and "+0.0483" not in sc
    # Kon Tum 2022 builds on a doubtful 2021 score under the same method: the score change is in the
    # sentence, marked, and never in the headline cards
    html = report.headline(_rep(data, "Kon Tum", 2022)).html()
    assert any("changed by +0.2100 since 2021" in m for m in _marked(html))
    assert "+0.2100" not in html.split("</dl>")[0]


def test_change_built_on_a_doubtful_current_rank_is_marked(data):
    html = report.headline(_rep(data, "Điện Biên", 2024)).html()
    assert any("up 11 places" in m for m in _marked(html))


def test_gap_to_leader_marked_when_own_figure_is_doubtful(data):
    # Đắk Nông 2020: its doubtful DTI 0.3026 is 0.1848 behind Đà Nẵng
    html = report.scorecard(_rep(data, "Đắk Nông", 2020)).html()
    row = next(r for r in re.findall(r"<tr[^>]*>(.*?)</tr>", html) if "0.3026" in r)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
    assert _marked(cells[-1]) == ["0.1848"]


def test_successor_figures_marked_when_doubtful(data):
    # synthetic, in memory only: the real 34-unit rows hold no doubtful figure yet
    import dataclasses
    tb = data.table.copy()
    hit = (tb.unit_set == "34") & (tb.province_code == "11") & (tb.metric == "dti")
    tb.loc[hit, "doubtful"] = True
    tb.loc[hit, "note"] = "synthetic doubt"
    fake = dataclasses.replace(data, table=tb)
    rep = _rep(fake, "Điện Biên", 2024)
    assert any("rank 6/34" in m for m in _marked(report.headline(rep).html()))
    notes = report.data_notes(rep).html()
    assert any("6/34" in m for m in _marked(notes)) and "synthetic doubt" in notes


@pytest.mark.parametrize("code, year, peers", [("48", 2022, "region"), ("24", 2021, "rank")])
def test_data_notes_cite_the_region_rows_behind_the_medians(data, code, year, peers):
    # Đà Nẵng 2022: the region's index scores (too few published, n=2); Bắc Giang 2021 with rank peers:
    # the region's pillar scores behind the medians
    from dti_helpers.analysis import province as analysis
    rep = _rep(data, code, year, peers=peers)
    from dti_helpers.sections.province.notes import figure_rows
    own, others = figure_rows(rep)
    sc = analysis.scorecard(data, code, year)
    region = data.provinces.index[data.provinces.region == data.provinces.at[code, "region"]]
    tb = data.table
    behind = tb[(tb.unit_set == "63") & (tb.year == year) & (tb.province_code != code)
                & tb.province_code.isin(region) & tb.score.notna() & ~tb.doubtful
                & tb.metric.isin(sc.metric[sc.region_n > 0])]
    assert len(behind) >= 3
    assert set(zip(behind.province_code, behind.metric)) <= set(zip(others.province_code, others.metric))


def test_national_table_has_the_note_in_the_report_language(data):
    html = report.data_notes(_rep(data, "Bắc Giang", 2020, "vi")).html()
    assert "các nguồn không thống nhất về điểm" in html
    html = report.data_notes(_rep(data, "Bắc Giang", 2020, "en")).html()
    assert "sources disagree on the score" in html


def test_tied_leaders_da_nang_2023_is_a_leader(data):
    html = report.scorecard(_rep(data, "Đà Nẵng", 2023)).html()
    row = next(r for r in re.findall(r"<tr[^>]*>(.*?)</tr>", html) if "awareness" in _text(r))
    assert "Hà Tĩnh" in row and "Đà Nẵng" in row and "tied, this city among them" in row
