"""Rendering the province report: execute the notebook, export HTML, print the PDF.

The steps are separate so a batch can reuse and recombine them cheaply
(papermill's split of execution from I/O):

* :func:`check_params` — validate parameters in the calling process, before any kernel starts;
* :func:`execute_notebook` — run ``notebooks/province_report.ipynb`` with papermill;
* :func:`notebook_to_html` — executed notebook → one self-contained HTML page (lean template);
* :func:`html_to_pdf` — HTML → A4 PDF with WeasyPrint, in process;
* :func:`render_report` — all of it for one province, writing files atomically;
* :func:`render_in_process` — the same page built without a kernel (previews, the batch's floor).

The same inputs give byte-identical HTML and PDF: charts are deterministic SVG,
the page carries no timestamp, and WeasyPrint writes no date.

Command line (one report; the batch lives in ``run_reports.py``)::

    python -m dti_helpers.render "Bắc Giang" --year 2020 --lang en --format html,pdf --out reports
"""
from __future__ import annotations

import argparse
import base64
import contextlib
import os
import sys
from functools import lru_cache
from pathlib import Path

from dti_helpers.core.errors import DTIError
from dti_helpers.core.fsio import atomic_path, atomic_write, os_error_line

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parents[1]
NOTEBOOK = ROOT / "notebooks" / "province_report.ipynb"
TEMPLATES = PACKAGE / "templates"
TEMPLATE_NAME = "dti_report"
ASSETS = PACKAGE / "assets"
FORMATS = ("html", "pdf")
FONT_NAME = "DejaVu Sans Report"
FONT_FILES = {"normal": "DejaVuSans-vi.woff", "bold": "DejaVuSans-Bold-vi.woff"}
# Latin, Latin-1, Latin Extended-A/B (Ơ ơ Ư ư), combining marks and Latin Extended Additional
# (every precomposed Vietnamese letter), plus the punctuation and signs the report prints.
FONT_UNICODES = ("U+0020-007E,U+00A0-00FF,U+0100-017F,U+01A0-01B0,U+0300-0323,U+1EA0-1EF9,U+2010-2027,"
                 "U+2030-203A,U+20AB,U+2190-2193,U+2212,U+2264-2265,U+25B2,U+25BC")


class RenderError(DTIError):
    """A report failed to execute or render; one line, naming the failing cell.

    ``notebook_path`` is the executed notebook kept for audit (or ``None``).

    >>> str(RenderError("ValueError: boom (cell 3)"))
    'ValueError: boom (cell 3)'
    """

    def __init__(self, message: str, notebook_path: Path | None = None):
        super().__init__(message)
        self.notebook_path = notebook_path


# ---------------------------------------------------------------- assets

def build_fonts(out_dir: str | Path = ASSETS) -> list[Path]:
    """Regenerate the WOFF subsets of matplotlib's DejaVu Sans in ``assets/`` (run by hand).

    The committed files are what reports embed; this documents how they were made.

    >>> [p.name for p in build_fonts("/tmp/fonts")]  # doctest: +SKIP
    ['DejaVuSans-vi.woff', 'DejaVuSans-Bold-vi.woff']
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    from dti_helpers.charts.theme import FONT_DIR

    written = []
    for weight, name in FONT_FILES.items():
        source = FONT_DIR / ("DejaVuSans.ttf" if weight == "normal" else "DejaVuSans-Bold.ttf")
        options = subset.Options()
        options.flavor = "woff"
        options.layout_features = ["*"]  # keep mark positioning for combining diacritics
        options.name_IDs = ["*"]
        font = TTFont(source, recalcTimestamp=False)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=subset.parse_unicodes(FONT_UNICODES))
        subsetter.subset(font)
        target = Path(out_dir) / name
        font.save(target)
        written.append(target)
    return written


@lru_cache(maxsize=1)
def report_css() -> str:
    """The page stylesheet with the font subsets inlined as ``@font-face`` data URIs.

    >>> css = report_css()
    >>> css.count("@font-face"), "url(data:font/woff;base64," in css
    (2, True)
    """
    faces = []
    for weight, name in FONT_FILES.items():
        data = base64.b64encode((ASSETS / name).read_bytes()).decode("ascii")
        faces.append(f'@font-face {{ font-family: "{FONT_NAME}"; font-style: normal; font-weight: {weight}; '
                     f'src: url(data:font/woff;base64,{data}) format("woff"); }}')
    return "\n".join(faces) + "\n" + (ASSETS / "report.css").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def paged_css() -> str:
    """Paged-media rules for the PDF only (A4, running header, page numbers).

    >>> "size: A4" in paged_css()
    True
    """
    return (ASSETS / "paged.css").read_text(encoding="utf-8")


# ---------------------------------------------------------------- steps

def check_params(province, year=None, lang: str = "vi", peers: str = "region", data_path=None):
    """Validate report parameters without starting a kernel; return the resolved ``ReportParams``.

    Raises a one-line :class:`~dti_helpers.errors.DTIError` for an unknown
    province, a year without data, a bad language or peer strategy, or a bad
    data file.

    >>> check_params("Bắc Giang", 2020).stem
    'bac-giang-2020-vi'
    >>> check_params("Atlantis")
    Traceback (most recent call last):
    ...
    dti_helpers.core.errors.UnknownProvinceError: unknown province 'Atlantis'; see `run_reports.py --list` for all names
    """
    from dti_helpers.data.load import load_dti
    from dti_helpers.core.labels import check_lang
    from dti_helpers.sections.province import ParameterError, resolve_params

    try:
        check_lang(lang)
    except ValueError as exc:
        raise ParameterError(str(exc)) from None
    if data_path not in (None, "") and not Path(data_path).is_file():
        raise ParameterError(f"data file not found: {data_path}")
    data = load_dti(data_path or None)
    return resolve_params(data, province, year, lang, peers, data_path)


def execute_notebook(parameters: dict, output_path: str | Path | None = None, *, notebook: str | Path = NOTEBOOK,
                     kernel_name: str | None = None, engine_name: str | None = None, timeout: int | None = None,
                     cwd: str | Path | None = None, **engine_kwargs):
    """Execute the report notebook with papermill and return the executed notebook node.

    ``output_path`` (optional) receives the executed notebook atomically, and
    also when a cell fails, so the failing cell can be audited. A failure
    raises :class:`RenderError` with one line naming the error and the cell.
    ``engine_name`` and ``engine_kwargs`` go to papermill (a warm-kernel
    engine can be plugged in there).

    >>> nb = execute_notebook({"province": "24", "year": 2020, "lang": "en"})  # doctest: +SKIP
    """
    import nbformat
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    with contextlib.nullcontext(None) if output_path is None else atomic_path(output_path) as tmp:
        try:
            nb = pm.execute_notebook(
                str(notebook), None if tmp is None else str(tmp), parameters=dict(parameters),
                kernel_name=kernel_name, engine_name=engine_name, progress_bar=False, log_output=False,
                execution_timeout=timeout, cwd=str(cwd or Path(notebook).parent), **engine_kwargs)
        except PapermillExecutionError as exc:
            kept = _keep(tmp, Path(output_path)) if tmp is not None else None
            evalue = str(exc.evalue).splitlines()[0] if exc.evalue else ""
            raise RenderError(f"{exc.ename}: {evalue} (notebook cell {exc.exec_count})", kept) from None
    return nbformat.from_dict(nb)


def _keep(tmp: Path, output_path: Path) -> Path | None:
    """Move the notebook papermill wrote before failing into place, for audit (``atomic_path`` drops the rest)."""
    if not tmp.exists() or tmp.stat().st_size == 0:
        return None
    os.replace(tmp, output_path)
    return output_path


def _report_meta(nb) -> tuple[dict, list[dict]]:
    meta, toc = {}, []
    for cell in nb.cells:
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            md = output.get("metadata", {}) or {}
            if "dti_report" in md and not meta:
                meta = dict(md["dti_report"])
            sec = md.get("dti_section")
            if sec and sec.get("level", 2) == 2:
                toc.append({"id": sec["id"], "title": sec["title"]})
    return meta, toc


@lru_cache(maxsize=1)
def _exporter():
    # TemplateExporter, not HTMLExporter: the latter re-parses the page with BeautifulSoup (slow on
    # large SVG-laden pages) and adds JupyterLab's theme; the lean template needs neither.
    from nbconvert.exporters import TemplateExporter

    class ReportExporter(TemplateExporter):
        output_mimetype = "text/html"
        export_from_notebook = None

        def _file_extension_default(self):
            return ".html"

    return ReportExporter(template_name=TEMPLATE_NAME, extra_template_basedirs=[str(TEMPLATES)])


def notebook_to_html(nb) -> str:
    """Export an executed report notebook to one self-contained HTML5 page.

    Only the report's sections are kept (no code, no prompts, no scripts);
    CSS, fonts and charts are inline, so opening it makes no network request.
    The table of contents comes from the sections' output metadata.

    >>> html = notebook_to_html(execute_notebook({"province": "24", "year": 2020}))  # doctest: +SKIP
    """
    from dti_helpers.core.labels import t

    meta, toc = _report_meta(nb)
    if not meta:
        raise RenderError("the notebook has no report cover output; was it executed?")
    lang = meta.get("lang", "vi")
    resources = {"dti": {"lang": lang, "title": meta.get("title", ""), "css": report_css(), "toc": toc,
                         "toc_title": t("toc", lang)}}
    body, _ = _exporter().from_notebook_node(nb, resources=resources)
    return body


def sections_to_notebook(sections) -> "nbformat.NotebookNode":
    """A notebook holding the given sections as display outputs, as an executed report would.

    Lets a caller build the page in process, without a kernel (the batch's
    in-process floor, quick previews); :func:`notebook_to_html` renders it the same way.

    >>> from dti_helpers.sections import province as report
    >>> nb = sections_to_notebook(report.build(report.setup("24", 2020)))
    >>> len(nb.cells)
    8
    """
    import nbformat

    nb = nbformat.v4.new_notebook()
    for section in sections:
        data, meta = section._repr_mimebundle_()
        cell = nbformat.v4.new_code_cell("")
        cell.outputs = [nbformat.v4.new_output("display_data", data=data, metadata=meta)]
        nb.cells.append(cell)
    return nb


def render_in_process(province, year=None, lang: str = "vi", peers: str = "region", data=None) -> str:
    """The report's HTML built in this process, without papermill or a kernel.

    ``data`` (a loaded :class:`~dti_helpers.data.DTIData`) is reused when
    given, so a loop over provinces loads the data once.

    >>> html = render_in_process("Bắc Giang", 2020)
    >>> "0,3615" in html and html.startswith("<!DOCTYPE html>")
    True
    """
    from dti_helpers.sections import province as report
    from dti_helpers.data.load import load_dti

    data = data if data is not None else load_dti()
    rep = report.Report(data, report.resolve_params(data, province, year, lang, peers))
    return notebook_to_html(sections_to_notebook(report.build(rep)))


def html_to_pdf(html: str, path: str | Path | None = None) -> bytes:
    """Print report HTML to an A4 PDF with WeasyPrint (page numbers, running header, fonts embedded).

    Returns the PDF bytes; with ``path`` also writes them atomically.

    >>> pdf = html_to_pdf('<!DOCTYPE html><html lang="vi"><head><title>t</title></head>'
    ...                   '<body><h1>Bắc Giang</h1></body></html>')
    >>> pdf[:5]
    b'%PDF-'
    """
    from weasyprint import CSS, HTML

    pdf = HTML(string=html, base_url=str(ASSETS), url_fetcher=_fetcher()).write_pdf(
        stylesheets=[CSS(string=paged_css())])
    if path is not None:
        atomic_write(path, pdf)
    return pdf


@lru_cache(maxsize=1)
def _fetcher():
    """WeasyPrint's URL fetcher, handing it the report's WOFF fonts already decoded to TrueType.

    WeasyPrint decodes a WOFF font with fontTools, whose save stamps ``head.modified`` with the
    current time (or ``$SOURCE_DATE_EPOCH``): two runs a second apart would differ. Decoding
    here with ``recalcTimestamp=False`` keeps the font's own date, so the same HTML gives the
    same PDF bytes without touching the process environment.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class _StableFontFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            response = super().fetch(url, headers)
            if not url.startswith("data:font/woff;"):
                return response
            try:
                body = response.read()
            finally:
                response.close()
            return URLFetcherResponse(response.url, _woff_to_ttf(body), response.headers, response.status)

    return _StableFontFetcher()


@lru_cache(maxsize=8)
def _woff_to_ttf(woff: bytes) -> bytes:
    """TrueType bytes of a WOFF font, with its own ``head.modified`` kept.

    >>> ttf = _woff_to_ttf((ASSETS / FONT_FILES["normal"]).read_bytes())
    >>> ttf[:4], _woff_to_ttf((ASSETS / FONT_FILES["normal"]).read_bytes()) == ttf
    (b'\\x00\\x01\\x00\\x00', True)
    """
    import io

    from fontTools.ttLib import TTFont

    if woff[:4] != b"wOFF":
        return woff
    font = TTFont(io.BytesIO(woff), recalcTimestamp=False)
    font.flavor = font.flavorData = None
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def output_paths(out_dir: str | Path, stem: str) -> dict[str, Path]:
    """Where one report's files go: notebook, HTML and PDF.

    >>> {k: str(v) for k, v in output_paths("reports", "bac-giang-2020-vi").items()}  # doctest: +NORMALIZE_WHITESPACE
    {'notebook': 'reports/notebooks/bac-giang-2020-vi.ipynb', 'html': 'reports/html/bac-giang-2020-vi.html',
     'pdf': 'reports/pdf/bac-giang-2020-vi.pdf'}
    """
    out = Path(out_dir)
    return {"notebook": out / "notebooks" / f"{stem}.ipynb", "html": out / "html" / f"{stem}.html",
            "pdf": out / "pdf" / f"{stem}.pdf"}


def render_report(province, year=None, lang: str = "vi", formats=FORMATS, out_dir: str | Path = "reports",
                  data_path=None, peers: str = "region", *, kernel_name: str | None = None,
                  engine_name: str | None = None, timeout: int | None = 600, **engine_kwargs) -> dict[str, Path]:
    """Execute the report notebook for one province and write its notebook, HTML and PDF.

    Parameters are checked first, in this process: a bad one raises a one-line
    :class:`~dti_helpers.errors.DTIError` before any kernel starts. Files are
    ``<out_dir>/notebooks|html|pdf/<slug>-<year>-<lang>.*``, each written
    atomically. Returns ``{"notebook": path, "html": path, "pdf": path}`` for
    the formats written.

    >>> render_report("Bắc Giang", 2020, "en", out_dir="/tmp/reports")  # doctest: +SKIP
    {'notebook': PosixPath('/tmp/reports/notebooks/bac-giang-2020-en.ipynb'), ...}
    """
    formats = tuple(formats)
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise DTIError(f"unknown format '{unknown[0]}'; use one of: {', '.join(FORMATS)}")
    params = check_params(province, year, lang, peers, data_path)
    paths = output_paths(out_dir, params.stem)
    parameters = {"province": params.code, "year": params.year, "lang": params.lang, "peers": params.peers,
                  "data_path": str(Path(data_path).resolve()) if data_path else None}
    nb = execute_notebook(parameters, paths["notebook"], kernel_name=kernel_name, engine_name=engine_name,
                          timeout=timeout, **engine_kwargs)
    written = {"notebook": paths["notebook"]}
    if not formats:
        return written
    html = notebook_to_html(nb)
    # The PDF is printed before anything is written: if WeasyPrint fails, the previous HTML and
    # PDF stay as a matching pair, and a new HTML never sits beside a PDF of other inputs.
    pdf = html_to_pdf(html) if "pdf" in formats else None
    if pdf is not None:
        paths["pdf"].unlink(missing_ok=True)
    if "html" in formats:
        written["html"] = atomic_write(paths["html"], html)
    if pdf is not None:
        written["pdf"] = atomic_write(paths["pdf"], pdf)
    return written


# ---------------------------------------------------------------- command line

def build_parser() -> argparse.ArgumentParser:
    """Arguments of ``python -m dti_helpers.render``.

    >>> build_parser().parse_args(["24", "--year", "2020"]).year
    '2020'
    """
    parser = argparse.ArgumentParser(
        prog="python -m dti_helpers.render", description="Render one province's DTI report (HTML and PDF).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  python -m dti_helpers.render \"Bắc Giang\" --year 2020\n"
               "  python -m dti_helpers.render da-nang --year 2021 --lang en --format html\n")
    parser.add_argument("province", help="name, slug or GSO code, e.g. 'Bắc Giang', bac-giang, 24")
    parser.add_argument("--year", default=None, help="assessment year (default: the latest with data)")
    parser.add_argument("--lang", default="vi", help="vi (default) or en")
    parser.add_argument("--peers", default="region", help="region (default), rank or profile")
    parser.add_argument("--format", default="html,pdf", help="comma-separated: html,pdf (default both)")
    parser.add_argument("--out", default="reports", help="output folder (default: reports)")
    parser.add_argument("--data", default=None, help="data file (default: the embedded data)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Render one report; print the files written. A bad input prints one line and exits 2.

    A file-system problem (an ``--out`` that cannot be a folder, a full disk) is a bad input too:
    one line naming the file.

    >>> main(["Atlantis"])
    2
    >>> main(["Bắc Giang", "--year", "2020", "--out", "/tmp/reports"])  # doctest: +SKIP
    notebook: /tmp/reports/notebooks/bac-giang-2020-vi.ipynb
    html: /tmp/reports/html/bac-giang-2020-vi.html
    pdf: /tmp/reports/pdf/bac-giang-2020-vi.pdf
    0
    """
    args = build_parser().parse_args(argv)
    formats = tuple(f for f in args.format.split(",") if f)
    try:
        written = render_report(args.province, args.year, args.lang, formats, args.out, args.data, args.peers)
    except (DTIError, OSError) as exc:
        print(f"error: {os_error_line(exc) if isinstance(exc, OSError) else exc}", file=sys.stderr)
        return 2
    for kind, path in written.items():
        print(f"{kind}: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
