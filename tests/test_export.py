"""What the notebook shows is what is exported: an analyst's markdown, DataFrame, figure and text reach
the HTML and the PDF (real papermill, nbconvert, WeasyPrint, poppler, the W3C Nu validator).

An edited copy of the province notebook is rendered twice, once per module, and shared across assertions.
"""
import logging
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from dti_helpers.core.errors import DTIError
from dti_helpers.render import formats, html, outputs, report
from validators import nu_check

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

NOTE = "Thương mại điện tử của tỉnh tăng nhanh hơn dự kiến, nhờ các sàn địa phương."
SENTINEL = "SENTINEL-REMOVED-CELL-7F3"
SENTINEL_OUTPUT = "SENTINEL-REMOVED-OUTPUT-9C1"
ANALYST_CELLS = [
    nbformat.v4.new_markdown_cell(f"## Ghi chú của chuyên viên\n\n{NOTE}"),
    nbformat.v4.new_code_cell('import pandas as pd\n\npd.DataFrame({"Chỉ tiêu": ["Doanh nghiệp số", "Dịch vụ công"],'
                              ' "Giá trị": [1234, 56.5]})'),
    nbformat.v4.new_code_cell('import matplotlib.pyplot as plt\n\nfig, ax = plt.subplots(figsize=(5, 2.5))\n'
                              'ax.plot([2020, 2021, 2022], [10, 7, 5], marker="o")\nax.set_xticks([2020, 2021, 2022])\n'
                              'ax.set_title("Xếp hạng của tỉnh qua các năm");'),
    nbformat.v4.new_code_cell(f'print("{SENTINEL}")', metadata={"tags": ["remove-cell"]}),
    nbformat.v4.new_code_cell(f'print("{SENTINEL_OUTPUT}")', metadata={"tags": ["remove-output"]}),
    nbformat.v4.new_code_cell('print("Tổng số doanh nghiệp số: 1.234")\nprint("hết")'),
    nbformat.v4.new_code_cell('from IPython.display import Javascript, display\n\ndisplay(Javascript("console.log(1)"))'),
    nbformat.v4.new_markdown_cell("Ghi chú có mã <script>alert('markdown')</script> trong đó."),
    nbformat.v4.new_code_cell('from IPython.display import HTML\n\nHTML(\'<p onclick="alert(1)">Đoạn HTML của chuyên viên</p>'
                              '<iframe src="https://example.org"></iframe>\')'),
]


def _text(page):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


class _Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """A copy of the shipped notebook with the analyst's cells appended (what a user would do in JupyterLab)."""
    folder = tmp_path_factory.mktemp("edited")
    nb = nbformat.read(report.NOTEBOOK, as_version=4)
    first = len(nb.cells) + 2  # +1: 1-based; +1: papermill's injected-parameters cell
    nb.cells.extend(nbformat.from_dict(cell) for cell in ANALYST_CELLS)
    path = folder / "my_report.ipynb"
    nbformat.write(nb, path)
    return {"path": path, "first": first}


@pytest.fixture(scope="module")
def rendered(edited, tmp_path_factory):
    """Bắc Giang 2020 rendered from the edited copy, and the warnings logged while exporting."""
    handler = _Records()
    logger = logging.getLogger(outputs.__name__)
    logger.addHandler(handler)
    try:
        run = report.render_report("Bắc Giang", 2020, formats=("html", "pdf"), notebook=edited["path"],
                                   out_dir=tmp_path_factory.mktemp("run"))
    finally:
        logger.removeHandler(handler)
    pdf_text = subprocess.run(["pdftotext", "-layout", str(run["pdf"]), "-"], capture_output=True, text=True,
                              check=True).stdout
    return {"run": run, "html": run["html"].read_text("utf-8"), "pdf_text": pdf_text, "warnings": handler.messages}


def test_markdown_cell_is_exported_with_a_heading_id_in_the_toc(rendered):
    page = rendered["html"]
    assert '<h2 id="ghi-chu-cua-chuyen-vien">Ghi chú của chuyên viên</h2>' in page
    assert f"<p>{NOTE}</p>" in page
    assert '<li><a href="#ghi-chu-cua-chuyen-vien">Ghi chú của chuyên viên</a></li>' in page


def test_dataframe_is_a_report_table(rendered):
    # report.setup installs the kit's display: a plain DataFrame shows (and exports) as a report table,
    # numbers in the report's format
    page = rendered["html"]
    tables = [t for t in re.findall(r'<div class="table-wrap">(.*?)</div>', page, re.S) if "Doanh nghiệp số" in t]
    assert len(tables) == 1 and '<table class="data">' in tables[0] and "border=" not in tables[0]
    text = _text(tables[0])
    for value in ("Chỉ tiêu", "Doanh nghiệp số", "Dịch vụ công", "1.234", "56,5"):
        assert value in text, value


def test_matplotlib_figure_is_a_deterministic_svg_image_with_alt_text(rendered, edited):
    # shown through the kit's display (report.setup): a kit chart whose alt text is the figure's title
    images = re.findall(r'<svg width="\d+" height="\d+" viewBox="[^"]+" role="img" '
                        r'aria-label="Xếp hạng của tỉnh qua các năm"', rendered["html"])
    assert len(images) == 1


def test_printed_text_is_preformatted(rendered):
    assert '<pre class="nb-text">Tổng số doanh nghiệp số: 1.234\nhết</pre>' in rendered["html"]


def test_removed_cells_and_outputs_are_in_neither_html_nor_pdf(rendered):
    for text in (rendered["html"], rendered["pdf_text"]):
        assert SENTINEL not in text and SENTINEL_OUTPUT not in text
    assert "print(" not in rendered["html"] and "import pandas" not in rendered["html"]  # no code shown


def test_javascript_gets_a_visible_note_and_a_warning(rendered, edited):
    cell = edited["first"] + 6
    note = (f'<p class="nb-not-exported" role="note">Ô {cell} của notebook có một kết quả dạng '
            f"application/javascript không thể đưa vào báo cáo; hãy mở notebook để xem.</p>")
    assert note in rendered["html"]
    assert any(f"notebook cell {cell}" in m and "application/javascript" in m for m in rendered["warnings"])
    assert "<script" not in rendered["html"]


def test_raw_html_that_would_run_code_is_made_inert_with_a_visible_note(rendered, edited):
    page = rendered["html"]
    for active in ("<script", "alert(", "onclick=", "<iframe"):
        assert active not in page, active
    assert "Ghi chú có mã" in page and "Đoạn HTML của chuyên viên</p>" in page  # the rest is kept
    markdown_cell, html_cell = edited["first"] + 7, edited["first"] + 8
    assert f"Ô {markdown_cell} của notebook có nội dung chạy mã (&lt;script&gt;)" in page
    assert f"Ô {html_cell} của notebook có nội dung chạy mã (&lt;iframe&gt;, onclick)" in page
    assert any(f"notebook cell {html_cell}: removed" in m and "onclick" in m for m in rendered["warnings"])


def test_pdf_has_the_analyst_content_with_diacritics(rendered):
    text = re.sub(r"\s+", " ", rendered["pdf_text"])
    for phrase in ("Ghi chú của chuyên viên", NOTE, "Doanh nghiệp số", "1.234", "56,5",
                   "Tổng số doanh nghiệp số: 1.234", "không thể đưa vào báo cáo", "0,3615"):
        assert phrase in text, phrase


@pytest.mark.slow
def test_edited_notebook_renders_byte_identically_twice(rendered, edited, tmp_path):
    first = rendered["run"]
    second = report.render_report("Bắc Giang", 2020, formats=("html", "pdf"), notebook=edited["path"],
                                  out_dir=tmp_path)
    for kind in ("html", "pdf"):
        assert first[kind].read_bytes() == second[kind].read_bytes(), kind


def test_page_with_analyst_content_passes_the_w3c_validator(rendered):
    nu_check(rendered["run"]["html"])


# ---------------------------------------------------------------- without a kernel (fast)

def _cover_notebook():
    from dti_helpers.sections import province as sections

    return html.sections_to_notebook(sections.build(sections.setup("24", 2020))[:1])


def _display(data, metadata=None, tags=()):
    cell = nbformat.v4.new_code_cell("", metadata={"tags": list(tags)})
    cell.outputs = [nbformat.v4.new_output("display_data", data=data, metadata=metadata or {})]
    return cell


def test_png_figure_from_jupyterlab_and_kit_html_figure_both_export():
    nb = _cover_notebook()
    png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg=="
    nb.cells.append(_display({"image/png": png, "text/plain": "<Figure size 640x480 with 1 Axes>"}))
    nb.cells.append(_display({"text/html": '<figure class="chart"><img src="data:," alt="kit chart"></figure>',
                              "text/plain": "Chart"}))
    page = html.notebook_to_html(nb)
    assert f'<img src="data:image/png;base64,{png}" alt="Figure from notebook cell 2"' not in page  # vi report
    assert f'<img src="data:image/png;base64,{png}" alt="Hình của ô 2 trong notebook">' in page
    assert '<div class="nb-html"><figure class="chart"><img src="data:," alt="kit chart"></figure></div>' in page


def test_unknown_output_and_widget_without_fallback_get_a_note(caplog):
    nb = _cover_notebook()
    nb.cells.append(_display({"application/vnd.jupyter.widget-view+json": {"model_id": "x"},
                              "text/plain": "IntSlider(value=0)"}))
    nb.cells.append(_display({"application/x-unknown": "?"}))
    with caplog.at_level(logging.WARNING, logger=outputs.__name__):
        page = html.notebook_to_html(nb)
    assert page.count('class="nb-not-exported"') == 2
    assert "application/vnd.jupyter.widget-view+json" in page and "IntSlider" not in page
    assert [r.getMessage().split(":")[0] for r in caplog.records] == ["notebook cell 2", "notebook cell 3"]


def test_remove_output_tag_and_object_reprs_leave_no_trace(caplog):
    nb = _cover_notebook()
    nb.cells.append(_display({"text/plain": "kept 1"}))
    nb.cells.append(_display({"text/plain": "dropped"}, tags=["remove-output"]))
    nb.cells.append(_display({"text/plain": "[<matplotlib.lines.Line2D at 0x7f3a2b1c>]"}))
    with caplog.at_level(logging.WARNING, logger=outputs.__name__):
        page = html.notebook_to_html(nb)
    assert '<pre class="nb-text">kept 1</pre>' in page and "dropped" not in page and "0x7f3a" not in page
    assert any("default representation" in r.getMessage() for r in caplog.records)


def test_notebook_node_is_not_modified_by_the_export():
    nb = _cover_notebook()
    before = nbformat.writes(nb)
    html.notebook_to_html(nb)
    assert nbformat.writes(nb) == before


# ---------------------------------------------------------------- formats and --notebook

def test_format_registry():
    assert formats.FORMATS == ("html", "pdf")  # the default
    assert formats.ALL_FORMATS == formats.output_formats.names() == ("html", "pdf", "csv", "xlsx")
    assert formats.get("pdf").source == "html" and formats.get("html").source == "notebook"
    assert formats.get("csv").source == formats.get("xlsx").source == "notebook"
    with pytest.raises(DTIError, match="unknown format 'docx'; use one of: html, pdf, csv, xlsx"):
        formats.get("docx")
    with pytest.raises(DTIError, match="unknown format 'docx'"):
        report.render_report("24", 2020, formats=("html", "docx"))


@pytest.mark.parametrize("content, message", [
    (None, "error: notebook not found: {path}"),
    pytest.param("hello, not json", "error: not a Jupyter notebook: {path} (", marks=pytest.mark.slow),
    pytest.param('{"cells": 3}', "error: not a Jupyter notebook: {path} (", marks=pytest.mark.slow),
])
def test_cli_bad_notebook_is_one_line_exit_2_and_nothing_written(content, message, tmp_path):
    path = tmp_path / "copy.ipynb"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    run = subprocess.run([PY, "-m", "dti_helpers.render", "24", "--year", "2020", "--notebook", str(path),
                          "--out", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [run.stderr.strip()]
    assert run.stderr.startswith(message.format(path=path))
    assert not out.exists()


def test_warm_kernel_captures_figures_as_svg_too(tmp_path):
    from dti_helpers.render import engine, execute

    nb = nbformat.v4.new_notebook(cells=[nbformat.from_dict(ANALYST_CELLS[2])])
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "figure.ipynb"
    nbformat.write(nb, path)
    kernel = engine.start_kernel()
    try:
        warm = execute.execute_notebook({}, notebook=path, engine_name=engine.ENGINE_NAME, kernel=kernel)
    finally:
        kernel.shutdown()
    fresh = execute.execute_notebook({}, notebook=path)
    figures = [[o.data["image/svg+xml"] for o in run.cells[-1].outputs if "image/svg+xml" in o.get("data", {})]
               for run in (warm, fresh)]
    assert len(figures[0]) == 1 and figures[0] == figures[1]


def test_active_content_is_removed_and_named_and_plain_html_kept_byte_for_byte():
    from dti_helpers.render.sanitize import without_active_content

    assert without_active_content('<b onclick="x()">Bắc Ninh</b><script>alert(1)</script>') == (
        "<b>Bắc Ninh</b>", ["<script>", "onclick"])
    assert without_active_content("<table><tr><td>0,6440</td></tr></table>") == (
        "<table><tr><td>0,6440</td></tr></table>", [])

