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
