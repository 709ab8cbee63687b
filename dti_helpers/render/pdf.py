"""The report's fonts and stylesheets, and printing report HTML to an A4 PDF with WeasyPrint.

The same HTML gives the same PDF bytes: WeasyPrint writes no date, and the
fonts are decoded here without a fresh timestamp (see :func:`woff_to_ttf`).
The PDF is tagged (its structure tree mirrors the HTML's headings, lists,
tables and links), so a screen reader can follow it.
"""
from __future__ import annotations

import base64
import io
import os
from functools import lru_cache
from pathlib import Path

from dti_helpers.core.fsio import atomic_write

ASSETS = Path(__file__).resolve().parent / "assets"
FONT_NAME = "DejaVu Sans Report"
FONT_FILES = {"normal": "DejaVuSans-vi.woff", "bold": "DejaVuSans-Bold-vi.woff"}
# Latin, Latin-1, Latin Extended-A/B (Ơ ơ Ư ư), combining marks and Latin Extended Additional
# (every precomposed Vietnamese letter), plus the punctuation and signs the report prints.
FONT_UNICODES = ("U+0020-007E,U+00A0-00FF,U+0100-017F,U+01A0-01B0,U+0300-0323,U+1EA0-1EF9,U+2010-2027,"
                 "U+2030-203A,U+20AB,U+2190-2193,U+2212,U+2264-2265,U+25B2,U+25BC")


def build_fonts(out_dir: str | Path = ASSETS) -> list[Path]:
    """Regenerate the WOFF subsets of matplotlib's DejaVu Sans in ``assets/`` (run by hand).

    The committed files are what reports embed; this documents how they were made.

    >>> [p.name for p in build_fonts("/tmp/fonts")]  # doctest: +SKIP
    ['DejaVuSans-vi.woff', 'DejaVuSans-Bold-vi.woff']
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    from dti_helpers.charts.theme import font_dir

    written = []
    for weight, name in FONT_FILES.items():
        source = font_dir() / ("DejaVuSans.ttf" if weight == "normal" else "DejaVuSans-Bold.ttf")
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
def css_templates():
    """The Jinja2 environment of the stylesheet templates in ``assets/`` (CSS, so not HTML-escaped).

    >>> css_templates().get_template("tighter.css.j2").render(size=8, line_height=1.4, gap=0.4)[:28]
    '.report-section:last-of-type'
    """
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(ASSETS), autoescape=False,
                              undefined=jinja2.StrictUndefined)


@lru_cache(maxsize=1)
def font_faces_css() -> str:
    """The ``@font-face`` rules of the report's two font subsets, inlined as data URIs (about 110 KB).

    >>> css = font_faces_css()
    >>> css.count("@font-face"), "url(data:font/woff;base64," in css
    (2, True)
    """
    faces = [{"weight": weight, "data": base64.b64encode((ASSETS / name).read_bytes()).decode("ascii")}
             for weight, name in FONT_FILES.items()]
    return css_templates().get_template("fonts.css.j2").render(family=FONT_NAME, faces=faces)


@lru_cache(maxsize=1)
def report_css() -> str:
    """The page stylesheet, the font subsets first (:func:`font_faces_css`): what a report's ``<style>`` holds.

    Last come the print widths of table columns (``columns.css.j2``).

    >>> report_css().startswith(font_faces_css()), "col.w23 { width: 23%; }" in report_css()
    (True, True)
    """
    columns = css_templates().get_template("columns.css.j2").render()
    return font_faces_css() + (ASSETS / "report.css").read_text(encoding="utf-8") + columns


@lru_cache(maxsize=1)
def paged_css() -> str:
    """Paged-media rules for the PDF only (A4, running header, page numbers).

    >>> "size: A4" in paged_css()
    True
    """
    return (ASSETS / "paged.css").read_text(encoding="utf-8")


# A last page filled less than this is near-empty: the report is laid out again with the type of its
# last section (the data notes) set tighter, step by step, and the first layout with a page less is kept.
NEAR_EMPTY = 0.25
TIGHTER = ((8, 1.4, 0.4), (7.5, 1.3, 0.3))  # font size (pt), line height, paragraph gap (rem), step by step


@lru_cache(maxsize=1)
def tighter_css() -> tuple[str, ...]:
    """The stylesheet of each :data:`TIGHTER` step, made when a PDF first needs one (not at import).

    >>> len(tighter_css()), "font-size: 8pt" in tighter_css()[0]
    (2, True)
    """
    template = css_templates().get_template("tighter.css.j2")
    return tuple(template.render(size=size, line_height=lh, gap=gap) for size, lh, gap in TIGHTER)


def last_page_fill(document) -> float:
    """How much of its last page's content area a laid-out WeasyPrint document uses (0 to 1).

    >>> from weasyprint import HTML
    >>> round(last_page_fill(HTML(string="x").render()), 2) < 0.1
    True
    """
    box = document.pages[-1]._page_box  # WeasyPrint keeps the page's box tree there; no public accessor
    used = sum(child.margin_height() for child in box.children)
    return used / box.height if box.height else 1.0


@lru_cache(maxsize=1)
def font_config():
    """The worker's one WeasyPrint ``FontConfiguration``, shared by every report it prints.

    A fresh one per report would write the report's two fonts to a new temporary folder and load
    them into Fontconfig again; a shared one finds them already added (WeasyPrint keys a face by
    its descriptors) and Pango keeps their metrics. Reports in a worker are printed one after
    another, so sharing it is safe; the PDF bytes are the same either way.

    >>> font_config() is font_config()
    True
    """
    import atexit

    from weasyprint.text.fonts import FontConfiguration

    # Freed while the interpreter is still whole: left to module teardown, its finaliser (which
    # removes the fonts' temporary folder) finds its globals gone and prints a traceback.
    atexit.register(release_fonts)
    return FontConfiguration()


# Configurations a forked process got from its parent: the parent's folder, never this process's to
# remove, so they are kept referenced (their finaliser would delete it) and replaced by its own.
_INHERITED: list = []


def _forget_parents_fonts() -> None:
    if font_config.cache_info().currsize:
        _INHERITED.append(font_config())
    stylesheet.cache_clear()
    font_config.cache_clear()


os.register_at_fork(after_in_child=_forget_parents_fonts)


def release_fonts() -> None:
    """Drop the shared font configuration and stylesheets, so WeasyPrint removes its temporary font folder.

    A batch worker calls it when it ends: a forked process leaves without running ``atexit``.

    >>> release_fonts(); font_config() is font_config()
    True
    """
    import gc

    stylesheet.cache_clear()
    font_config.cache_clear()
    gc.collect()  # the configuration sits in reference cycles: only a collection runs its finaliser


@lru_cache(maxsize=8)
def stylesheet(css: str):
    """A WeasyPrint ``CSS`` parsed once per text (the paged rules, each :data:`TIGHTER` step).

    >>> stylesheet("p { margin: 0 }") is stylesheet("p { margin: 0 }")
    True
    """
    from weasyprint import CSS

    # The fetcher decodes a font without a fresh timestamp (see _fetcher): a stylesheet's @font-face goes through it.
    return CSS(string=css, font_config=font_config(), url_fetcher=_fetcher())


def layout(html: str, extra_css: str = ""):
    """The report HTML laid out on A4 pages by WeasyPrint (a ``Document``), ``extra_css`` applied last.

    The report's ``@font-face`` rules come from a stylesheet parsed once per worker: taken out of the
    page's ``<style>``, their 110 KB of data URIs are not read again by the HTML parser, tokenised and
    decoded for every report. A font face has no place in the cascade, so the PDF is the same, byte
    for byte.

    >>> len(layout("One line of text.").pages)
    1
    """
    from weasyprint import HTML

    html = html.replace(font_faces_css(), "", 1)
    sheets = [stylesheet(font_faces_css()), stylesheet(paged_css())] + ([stylesheet(extra_css)] if extra_css else [])
    return HTML(string=html, base_url=str(ASSETS), url_fetcher=_fetcher()).render(stylesheets=sheets,
                                                                                  font_config=font_config())


def html_to_pdf(html: str, path: str | Path | None = None) -> bytes:
    """Print report HTML to a tagged A4 PDF with WeasyPrint (page numbers, running header, fonts embedded).

    A layout whose last page would be near-empty (:data:`NEAR_EMPTY`) is redone with the last
    section's type tighter (:data:`TIGHTER`), when that saves the page.
    Returns the PDF bytes; with ``path`` also writes them atomically.

    >>> from dti_helpers.render.report import render_in_process
    >>> pdf = html_to_pdf(render_in_process("Bắc Giang", 2020))
    >>> pdf[:5]
    b'%PDF-'
    """
    document = layout(html)
    if len(document.pages) >= 2 and last_page_fill(document) < NEAR_EMPTY:
        # The tightest step first: most near-empty last pages stay whatever the step (3 of the 5 in the
        # 63 provinces' latest reports), and then one layout is tried instead of one per step. When it
        # saves the page, the mildest step that saves it too is kept.
        *milder, tightest = tighter_css()
        tighter = layout(html, tightest)
        if len(tighter.pages) < len(document.pages):
            for css in milder:
                mild = layout(html, css)
                if len(mild.pages) < len(document.pages):
                    tighter = mild
                    break
            document = tighter
    # Tagged: headings, paragraphs, lists, tables and links carry their structure for a screen reader.
    pdf = document.write_pdf(pdf_tags=True)
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
            return URLFetcherResponse(response.url, woff_to_ttf(body), response.headers, response.status)

    return _StableFontFetcher()


@lru_cache(maxsize=8)
def woff_to_ttf(woff: bytes) -> bytes:
    """TrueType bytes of a WOFF font, with its own ``head.modified`` kept.

    >>> ttf = woff_to_ttf((ASSETS / FONT_FILES["normal"]).read_bytes())
    >>> ttf[:4], woff_to_ttf((ASSETS / FONT_FILES["normal"]).read_bytes()) == ttf
    (b'\\x00\\x01\\x00\\x00', True)
    """
    from fontTools.ttLib import TTFont

    if woff[:4] != b"wOFF":
        return woff
    font = TTFont(io.BytesIO(woff), recalcTimestamp=False)
    font.flavor = font.flavorData = None
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
