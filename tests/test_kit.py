"""The section kit: each part displays, escapes markup, says "not published", marks doubt, exports as shown."""
import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from dti_helpers.charts import theme  # noqa: E402
from dti_helpers.sections import kit  # noqa: E402
from dti_helpers.sections.parts import DEFAULTS, DoubtNotes, Section  # noqa: E402


@pytest.fixture(autouse=True)
def _default_lang():
    before = DEFAULTS["lang"]
    yield
    DEFAULTS["lang"] = before


def test_text_escapes_markup_and_displays():
    part = kit.text("<script>alert(1)</script> & co")
    html = part._repr_html_()
    assert html == "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</p>"
    data, meta = part._repr_mimebundle_()
    assert data["text/html"] == html and meta == {"dti_part": "text"}


def test_text_with_doubt_is_marked_and_noted():
    html = str(kit.text("Rank 7", doubt="the ministry's estimate", lang="en"))
    assert '<span class="doubtful">Rank 7<sup>†</sup></span>' in html
    assert "doubt-notes" in html and "the ministry&#39;s estimate" in html


def test_table_from_dataframe_formats_scores_ranks_and_not_published():
    df = pd.DataFrame({"province": ["Bắc Ninh", "Thái Nguyên"], "dti_score": [0.41234, None],
                       "dti_rank": [8, None]})
    html = str(kit.table(df, lang="vi", caption="Hai tỉnh"))
    assert "0,4123" in html and "8/63" in html
    assert html.count('<span class="np">chưa có số liệu công bố</span>') == 2
    assert "<caption>Hai tỉnh</caption>" in html
    assert '<td class="num" data-label="dti_score">0,4123</td>' in html
    en = str(kit.table(df, lang="en", of=None))
    assert "not published" in en and ">8<" in en


def test_table_marks_doubtful_rows_with_their_note():
    rows = [{"province": "A", "score": 0.5, "rank": 3, "doubtful": True, "note": "estimate", "note_vi": "ước tính"},
            {"province": "B", "score": None, "rank": 9, "doubtful": True, "note": "", "note_vi": ""}]
    html = str(kit.table(rows, lang="vi"))
    assert '<span class="doubtful">0,5000<sup>†</sup></span>' in html
    assert "<li>A: ước tính</li>" in html
    # "not published" is never marked doubtful
    assert '<span class="doubtful"><span class="np">' not in html
    assert ">doubtful</th>" not in html and ">note</th>" not in html  # helper columns are not shown


def test_table_from_rows_with_columns_and_sources():
    rows = [["Bắc Ninh", 0.5, "https://a.vn/?x=1&y=2 | https://b.vn"]]
    html = str(kit.table(rows, columns=["province", "score", "src"], sources="src", lang="en"))
    assert '<a href="https://a.vn/?x=1&amp;y=2">[1]</a> <a href="https://b.vn">[2]</a>' in html
    mapped = str(kit.table([{"a": 1, "b": "<b>"}], columns={"b": "Bee"}))
    assert "<th scope=\"col\">Bee</th>" in mapped and "&lt;b&gt;" in mapped and ">1<" not in mapped


def test_chart_from_figure_and_from_axes_is_deterministic():
    ax = theme.new_axes(3, 2)
    ax.plot([1, 2], [3, 4])
    from_ax = kit.chart(ax, alt='a "quoted" <chart>', caption="Caption")
    from_fig = kit.chart(ax.figure, alt='a "quoted" <chart>', caption="Caption")
    assert from_ax == from_fig
    html = str(from_ax)
    assert html.startswith('<figure class="chart"><svg width="288" height="192" ')
    assert 'role="img" aria-label="a &quot;quoted&quot; &lt;chart&gt;"' in html and "<script" not in html
    assert html.endswith("<figcaption>Caption</figcaption></figure>")
    with pytest.raises(TypeError):
        kit.chart("not a figure", alt="x")


def test_note_is_a_commentary_box():
    html = str(kit.note("First <point>.", "Second.", title="For the leadership"))
    assert html.startswith('<aside class="commentary"')
    assert "<p><strong>For the leadership</strong></p><p>First &lt;point&gt;.</p><p>Second.</p>" in html
    assert kit.note("x")._repr_mimebundle_()[1] == {"dti_part": "note"}


def test_section_carries_metadata_and_converts_plain_parts():
    df = pd.DataFrame({"name": ["A"], "rank": [2]})
    ax = theme.new_axes(2, 1)
    ax.set_title("Ranks")
    sec = kit.section("So sánh hai tỉnh", "Intro.", df, ax, kit.note("Watch B."), lang="en")
    data, meta = sec._repr_mimebundle_()
    assert meta == {"dti_section": {"id": "so-sanh-hai-tinh", "title": "So sánh hai tỉnh", "level": 2}}
    html = data["text/html"]
    assert html == sec._repr_html_() == sec.html()
    assert "<p>Intro.</p>" in html and "2/63" in html and 'aria-label="Ranks"' in html and "commentary" in html
    assert kit.section("T", id="custom", level=3).html() == \
        '<section id="custom" class="report-section"><h3>T</h3></section>'
    assert isinstance(sec, Section)


def test_doubt_notes_dedupe_and_box():
    notes = DoubtNotes("en")
    notes.mark("1", True, "x", "DTI")
    notes.mark("2", True, "x", "DTI")
    assert str(notes.box()).count("<li>") == 1
    assert str(DoubtNotes("en").box()) == ""


def test_install_display_outside_ipython_does_nothing():
    assert kit.install_display("en") is False
    assert DEFAULTS["lang"] == "en"
    assert "not published" in str(kit.table([{"score": None}]))


def test_install_display_registers_formatters_in_a_real_shell():
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    try:
        assert kit.install_display("en") is True
        df = pd.DataFrame({"province": ["A"], "score": [None]})
        data, meta = shell.display_formatter.format(df)
        assert meta == {"dti_part": "table"}
        assert data["text/html"] == str(kit.table(df, lang="en")) and "text/plain" in data
        fig = Figure(figsize=(2, 1))
        fig.add_subplot().set_title("Trend")
        data, meta = shell.display_formatter.format(fig)
        assert meta == {"dti_part": "chart"} and 'aria-label="Trend"' in data["text/html"]
        data, meta = shell.display_formatter.format(kit.text("x"))
        assert meta == {"dti_part": "text"} and data["text/html"] == "<p>x</p>"
    finally:
        InteractiveShell.clear_instance()
