"""Executed notebook -> one self-contained HTML5 page (nbconvert, lean template).

What the notebook shows is what is exported, in notebook order: the report's
sections, markdown cells, and every output as JupyterLab shows it (a pandas
table, a matplotlib figure, printed text); see :mod:`dti_helpers.render.outputs`.
No code, prompts or scripts; CSS, fonts and images are inline, so opening the
page makes no network request.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from dti_helpers.render.outputs import REMOVE_TAGS, NumberCells, PandasTables, ReportBlocks
from dti_helpers.render.pdf import report_css

TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "dti_report"


@lru_cache(maxsize=1)
def exporter():
    """The report's nbconvert exporter: the lean template and the report's preprocessors, built once.

    ``TemplateExporter``, not ``HTMLExporter``: the latter re-parses the page with BeautifulSoup
    (slow on large SVG-laden pages) and adds JupyterLab's theme; the lean template needs neither.

    >>> [type(p).__name__ for p in exporter()._preprocessors][-4:]
    ['NumberCells', 'TagRemovePreprocessor', 'PandasTables', 'ReportBlocks']
    """
    from nbconvert.exporters import TemplateExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    class ReportExporter(TemplateExporter):
        output_mimetype = "text/html"
        export_from_notebook = None

        def _file_extension_default(self):
            return ".html"

    report = ReportExporter(template_name=TEMPLATE_NAME, extra_template_basedirs=[str(TEMPLATES)])
    for preprocessor in (NumberCells(), TagRemovePreprocessor(**REMOVE_TAGS), PandasTables(), ReportBlocks()):
        report.register_preprocessor(preprocessor, enabled=True)
    return report


def notebook_to_html(nb) -> str:
    """Export an executed report notebook to one self-contained HTML5 page.

    The table of contents comes from the sections' output metadata and the
    level-2 markdown headings. The notebook node is not modified.

    >>> html = notebook_to_html(execute_notebook({"province": "24", "year": 2020}))  # doctest: +SKIP
    """
    body, _ = exporter().from_notebook_node(nb, resources={"dti_css": report_css()})
    return body


def sections_to_notebook(sections):
    """A notebook holding the given sections as display outputs, as an executed report would.

    Lets a caller build the page in process, without a kernel (the batch's
    in-process floor, quick previews); :func:`notebook_to_html` renders it the same way.

    >>> from dti_helpers.sections import province as report
    >>> nb = sections_to_notebook(report.build(report.setup("24", 2020)))
    >>> len(nb.cells)
    9
    """
    import nbformat

    nb = nbformat.v4.new_notebook()
    for section in sections:
        data, meta = section._repr_mimebundle_()
        cell = nbformat.v4.new_code_cell("")
        cell.outputs = [nbformat.v4.new_output("display_data", data=data, metadata=meta)]
        nb.cells.append(cell)
    return nb
