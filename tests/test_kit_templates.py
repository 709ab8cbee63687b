"""The markup the kit's Jinja2 templates give a few parts (the modules' doctests show their text only)."""
from __future__ import annotations

import re

import pandas as pd

from dti_helpers.charts import TILES_34
from dti_helpers.sections.keys import TileKey, tile_key
from dti_helpers.sections.parts import DoubtNotes
from dti_helpers.sections.province import setup
from dti_helpers.sections.province.brief import ranks
from dti_helpers.sections.province.country import marked_names


def test_the_tile_key_is_a_titled_definition_list():
    html = str(tile_key(TILES_34, {"01": "TP. Hà Nội", "24": "Bắc Ninh"}, "en"))
    assert html.startswith('<div class="tile-key"><p class="tile-key-title">Abbreviations on the map</p>'
                           '<div class="tile-key-cols cols-6"><dl>')
    assert "<dt>BN</dt><dd>Bắc Ninh</dd>" in html
    assert str(TileKey("Key", (("HN", "Hà Nội"),))).endswith("<dt>HN</dt><dd>Hà Nội</dd></div></dl></div></div>")


def test_the_tile_key_goes_down_its_columns_a_list_each():
    items = tuple((f"A{i:02d}", f"Unit {i}") for i in range(7))  # synthetic names
    html = str(TileKey("Key", items, columns=3))
    lists = re.findall(r"<dl>(.*?)</dl>", html)
    assert 'class="tile-key-cols cols-3"' in html and len(lists) == 3
    assert [re.findall(r"<dt>(\w+)</dt>", dl) for dl in lists] == [["A00", "A01", "A02"], ["A03", "A04"], ["A05", "A06"]]
    assert str(TileKey("Key", items[:1], columns=3)).count("<dl>") == 1  # no empty list


def test_brief_rank_lines_and_the_ladder_note_are_paragraphs():
    assert "".join(map(str, ranks(setup("Hà Nam", 2022, "en"), DoubtNotes("en")))) == \
        "<p>No rank published for: 2020, 2021, 2023, 2024.</p>"
    assert str(ranks(setup("Bà Rịa - Vũng Tàu", 2023, "en", layout="brief"), DoubtNotes("en"))[0]) == \
        "<p>The DTI rank of Bà Rịa - Vũng Tàu is published for 2022 only: 28/63.</p>"
    assert str(marked_names(pd.DataFrame({"name": ["A"], "rank": [7]}), 63, "en")).endswith("care): A (7/63).</p>")


def test_the_country_position_line_is_a_paragraph():
    from dti_helpers.analysis import province as an
    from dti_helpers.sections.province.country import position

    rep = setup("Thanh Hóa", 2022, "en")
    assert str(position(rep, an.country(rep.data, 2022), DoubtNotes("en"))[1]) == \
        "<p>Thanh Hóa ranked 15/63 in 2022. Tied with: Yên Bái.</p>"


def test_references_in_columns_are_lists_numbered_on():
    from dti_helpers.sections.parts import References

    items = tuple((n, f"https://example.test/synthetic-{n}") for n in range(1, 8))  # synthetic addresses
    html = str(References(items, columns=3))
    assert html.startswith('<div class="refs-cols cols-3"><ol class="refs"><li id="src-1">')
    assert re.findall(r'<ol class="refs"( start="\d+")?>', html) == ["", ' start="4"', ' start="6"']
    assert html.count("<li ") == 7 and html.endswith("</ol></div>")
    assert str(References(items)).count("<ol") == 1 and "refs-cols" not in str(References(items))


def _parts_markup_cases():
    from markupsafe import Markup

    from dti_helpers.sections.parts import (Chart, Cite, Code, Doubt, DoubtBox, Group, Heading, Inline, Kpi, Kpis,
                                            Link, Note, References, Section, Span, Strong, Table, Text)

    return [
        (Section("x", "T", (Text("a < b"), Span("(7)"))),
         ['id="x" class="report-section"', "a &lt; b</p>", 'class="muted">(7)</span></section>']),
        (Span("(7)", "muted"), ['class="muted">(7)</span>']),
        (Strong("a&b"), ["a&amp;b</strong>"]),
        (Code("24"), ["24</code>"]),
        (Doubt("7/63"), ['class="doubtful">7/63', "†</sup></span>"]),
        (Inline(("0.5", Span("(3)")), sep=" "), ['0.5 <span']),
        (Cite(2), ['href="#src-2">[2]</a>']),
        (Link("https://x.vn/?a=1&b=2", "[1]"), ['href="https://x.vn/?a=1&amp;b=2">[1]</a>']),
        (DoubtBox(("DTI: estimate",), "Doubtful:"), ['class="doubt-notes"', "† Doubtful:</p>", "DTI: estimate</li>"]),
        (Text("x", cls="lede"), ['class="lede">x</p>']),
        (Heading("Sources"), ["Sources</h3>"]),
        (Table(("a", "b"), (("1", "&"),), numeric=frozenset({1})),
         ['scope="col" class="num">b</th>', 'class="num" data-label="b">&amp;</td></tr></tbody></table></div>']),
        (Chart(Markup('<svg width="10" height="5" aria-label="alt"></svg>'), "alt", 10, 5, "Cap"),
         ['<figure class="chart"><svg', "Cap</figcaption></figure>"]),
        (Kpis((Kpi("Rank", "7/63"),)), ["7/63</dd></div></dl>"]),
        (References(((1, "https://www.a.vn/x/"),)), ['href="https://www.a.vn/x/">a.vn/x</a></li></ol>']),
        (Note(("Keep the lead in e-government.",)), ["commentary"]),
        (Group(("a&", Text("b"))), ["a&amp;<p", "b</p>"]),
    ]


def test_each_kit_part_renders_its_markup_escaped():
    for part, pieces in _parts_markup_cases():
        html = str(part)
        for piece in pieces:
            assert piece in html, (type(part).__name__, piece, html)


def test_what_a_part_must_not_render():
    from dti_helpers.sections.parts import DoubtBox, Link, References, render_html

    assert str(Link("javascript:alert(1)", "[1]")) == "[1]"  # an unsafe address is no link
    assert str(DoubtBox(())) == ""
    assert "href" not in str(References(((1, "dti_2022.xlsx, sha256 41a4925e1157"),)))
    assert str(render_html("x & y")) == "x &amp; y"


def test_the_kit_functions_markup():
    from dti_helpers.sections import kit
    from dti_helpers.sections.parts import Span

    assert str(kit.not_published("en")).endswith('class="np">not published</span>')
    assert str(kit.text("Rank 7 <of 63>")).endswith("Rank 7 &lt;of 63&gt;</p>")
    html = str(kit.text("Rank 7", doubt="an estimate", lang="en"))
    assert "†</sup>" in html and "an estimate" in html
    assert str(kit.source_links("https://a.vn | https://b.vn")).count("</a>") == 2
    rows = [{"province": "Bắc Ninh", "score": 0.5, "rank": 3, "doubtful": True, "note": "estimate"},
            {"province": "Thái Nguyên", "score": None, "rank": None, "doubtful": False, "note": ""}]
    html = str(kit.table(rows, lang="en"))
    assert "0.5000" in html and "†</sup>" in html and "Bắc Ninh: estimate" in html and html.count("not published") == 2
    assert str(kit.table([["a", Span("(1)")]], columns=["x", "n"], numeric=[1], formatted=True)).count('class="num"') == 2
    assert str(kit.table([["a", 1]], columns=["x", "n"])).endswith(
        'class="num" data-label="n">1</td></tr></tbody></table></div>')
    html = str(kit.note("Keep the lead in e-government.", title="For the leadership"))
    assert "For the leadership" in html and "Keep the lead" in html
    assert kit.section("Bắc Ninh vs Thái Nguyên", "Two peers.").html().endswith("Two peers.</p></section>")
    assert str(kit.downloads((("csv", "../csv/a.csv"), ("xlsx", "../xlsx/a.xlsx")), "vi")) == (
        '<p class="downloads">Tải số liệu: <a href="../csv/a.csv">CSV</a> · <a href="../xlsx/a.xlsx">XLSX</a></p>')
