"""Report sections, in process (no kernel): facts, sparse data, doubtful values, alt text, parameters."""
import base64
import re
from html.parser import HTMLParser

import pytest

from dti_helpers import load_dti, report
from dti_helpers.errors import DTIError, UnknownProvinceError
from dti_helpers.labels import t


@pytest.fixture(scope="module")
def data():
    return load_dti()


def _html(data, province, year=None, lang="vi", peers="region"):
    rep = report.Report(data, report.resolve_params(data, province, year, lang, peers))
    return rep, "".join(s.html() for s in report.build(rep))


def _text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))


def _images(html):
    parser = _Images()
    parser.feed(html)
    return parser.images


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
    assert "Tóm tắt" in vi and "Headline" in en and "Headline" not in vi


def test_shared_rank_15_in_2022(data):
    for name, other in (("Thanh Hóa", "Yên Bái"), ("Yên Bái", "Thanh Hóa")):
        rep, html = _html(data, name, 2022, "en")
        text = _text(html)
        assert "ranked 15/63" in text
        assert f"Tied with: {other}" in text


def test_sparse_province_says_not_published_in_every_section(data):
    rep, _ = _html(data, "Hà Giang", None, "en")
    assert rep.year == 2022
    for lang in ("vi", "en"):
        rep = report.Report(data, report.resolve_params(data, "Hà Giang", None, lang))
        np_text = t("not_published", lang)
        for section in report.build(rep)[1:]:
            html = section.html()
            if section.id in ("peers", "country", "strengths"):
                # these speak of what is missing in their own words
                assert np_text in html or "chưa" in html or "no " in html.lower(), section.id
            else:
                assert np_text in html, (lang, section.id)
    _, html = _html(data, "Hà Giang", None, "en")
    assert "57/63" in _text(html)
    assert "Ranks are published for 2022 only" in _text(html)


def test_every_province_renders_every_section_at_its_latest_year(data):
    for code in data.provinces.index:
        _, html = _html(data, code, None, "en")
        assert html.count("<section") == 8, code


def test_no_empty_chart_and_every_chart_has_alt_text(data):
    for province, year, lang in (("Hà Giang", None, "vi"), ("Bắc Giang", 2020, "en"), ("Quảng Ninh", 2022, "vi")):
        _, html = _html(data, province, year, lang)
        images = _images(html)
        assert images, province
        for img in images:
            alt = img.get("alt", "")
            assert len(alt) > 40, alt
            svg = base64.b64decode(img["src"].split(",", 1)[1]).decode()
            assert svg.count("<path") > 20  # something is drawn
        if lang == "vi":
            assert all(re.search("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", i["alt"])
                       for i in images)


def test_sparse_trend_draws_no_chart_but_says_why(data):
    rep = report.Report(data, report.resolve_params(data, "Cao Bằng", None, "vi"))
    html = report.trend(rep).html()
    assert "<img" not in html
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
        rule = t(key, "en", region=data.catalogue.region_name("red_river_delta", "en"), k=5)
        assert report.esc(rule) in html, strategy
    rep = report.Report(data, report.resolve_params(data, "Hà Giang", 2022, "en", "profile"))
    assert t("peers_fallback_no_scores", "en") in report.peers(rep).html()


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
    assert meta["dti_section"] == {"id": "headline", "title": "1. Headline", "level": 2}
    _, cover_meta = report.cover(rep)._repr_mimebundle_()
    assert cover_meta["dti_report"]["lang"] == "en" and cover_meta["dti_report"]["year"] == 2020


def test_tables_have_no_presentational_attributes(data):
    _, html = _html(data, "Quảng Ninh", 2022, "vi")
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
    from dti_helpers.report import data_notes, headline, setup

    rep = setup("Bình Dương", 2023, "vi")
    text = headline(rep).html()
    assert "Từ ngày 1/7/2025, Bình Dương thuộc TP. Hồ Chí Minh" in text and "0,7770" in text and "4/34" in text
    notes = data_notes(rep).html()
    assert "bảng xếp hạng 34 tỉnh, thành phố sau sắp xếp" in notes
    en = headline(setup("Điện Biên", 2022, "en")).html()
    assert "was not merged" in en and "rank 6/34" in en
