"""nbconvert preprocessors turning an executed notebook into the report's blocks, in notebook order.

The exporter (:mod:`dti_helpers.render.html`) runs them in this order:

1. :class:`NumberCells` stamps each cell's 1-based position (the number the log and alt texts use);
2. nbconvert's own ``TagRemovePreprocessor`` (Jupyter Book's tags, see :data:`REMOVE_TAGS`);
3. :class:`PandasTables` makes pandas' notebook HTML valid HTML5 in the report's table style;
4. :class:`ReportBlocks` chooses what each cell shows, as JupyterLab would, and stores it as
   ``cell.metadata.dti_export.blocks`` for the template; it also builds the table of contents.

No code is ever shown (``remove-input`` is the default). An output that cannot be exported
(JavaScript, a widget without a static fallback, an unknown type) becomes a visible note in
the report and a warning in the log naming the cell; it is never dropped silently.
"""
from __future__ import annotations

import base64
import logging
import re

from nbconvert.filters.ansi import strip_ansi
from nbconvert.preprocessors import Preprocessor

from dti_helpers.core.labels import t
from dti_helpers.render.execute import RenderError
from dti_helpers.render.markdown import HeadingIds, markdown_to_html
from dti_helpers.render.sanitize import without_active_content

log = logging.getLogger(__name__)

# TagRemovePreprocessor's traits and the tags they read (the Jupyter Book / nbconvert convention).
REMOVE_TAGS = {"remove_cell_tags": {"remove-cell"}, "remove_all_outputs_tags": {"remove-output"},
               "remove_input_tags": {"remove-input"}}
# The richest representation first, as JupyterLab picks it; LaTeX is shown as its source text.
MIME_ORDER = ("text/html", "image/svg+xml", "image/png", "image/jpeg", "text/markdown", "text/latex",
              "text/plain")
IMAGES = ("image/svg+xml", "image/png", "image/jpeg")
KIT_KEYS = ("dti_section", "dti_part")
# A default object repr (``<Line2D at 0x7f3a...>``) says nothing to a reader and changes every run.
_ADDRESS = re.compile(r"<[^<>]* at 0x[0-9a-fA-F]+>")
_CARRIAGE = re.compile(r"[^\n]*\r(?!\n)")
_HALIGN = re.compile(r"\shalign=\"[a-z]+\"")


def choose_mime(data: dict) -> str | None:
    """The representation JupyterLab would show, among those the report can export; ``None`` if none.

    Plain text does not count when the output also holds something richer the report
    cannot show (JavaScript, a widget): the reader would miss what the notebook shows.

    >>> choose_mime({"text/plain": "1", "text/html": "<b>1</b>"})
    'text/html'
    >>> choose_mime({"text/plain": "<Javascript object>", "application/javascript": "alert(1)"}) is None
    True
    """
    for mime in MIME_ORDER:
        if mime in data:
            if mime == "text/plain" and set(data) - set(MIME_ORDER):
                return None
            return mime
    return None


def joined(value) -> str:
    """An output's data as one string (nbformat may keep multi-line data as a list of lines).

    >>> joined(["a\\n", "b"])
    'a\\nb'
    """
    return "".join(value) if isinstance(value, list) else str(value)


def data_uri(mime: str, value) -> str:
    """A ``data:`` URI for an image output (SVG is text in a notebook, PNG and JPEG base64).

    >>> data_uri("image/png", "iVBO\\nRw==")
    'data:image/png;base64,iVBORw=='
    >>> data_uri("image/svg+xml", "<svg/>")
    'data:image/svg+xml;base64,PHN2Zy8+'
    """
    text = joined(value)
    if mime == "image/svg+xml":
        text = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"data:{mime};base64,{''.join(text.split())}"


def is_kit(output) -> bool:
    """Whether an output comes from the report's section kit (it carries ``dti_section``/``dti_part``).

    >>> is_kit({"data": {"text/html": "x"}, "metadata": {"dti_part": {}}}), is_kit({"data": {"text/html": "x"}})
    (True, False)
    """
    metadata = output.get("metadata") or {}
    return any(key in metadata for key in KIT_KEYS) and "text/html" in output.get("data", {})


class NumberCells(Preprocessor):
    """Stamp each cell's 1-based position before any cell is removed, so numbers match the notebook."""

    def preprocess(self, nb, resources):
        for number, cell in enumerate(nb.cells, 1):
            cell.metadata["dti_cell"] = number
        return nb, resources


class PandasTables(Preprocessor):
    """pandas' notebook HTML as valid HTML5: no scoped ``<style>``, no ``border`` or ``halign`` attributes.

    The output is marked ``dti_export.table`` so the template wraps it like the report's own tables
    (``report.css`` carries the rules pandas' scoped style held).
    """

    def preprocess_cell(self, cell, resources, index):
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html")
            if html is None or is_kit(output) or 'class="dataframe"' not in joined(html):
                continue
            output.data["text/html"] = clean_pandas_html(joined(html))
            output.metadata.setdefault("dti_export", {})["table"] = True
        return cell, resources


def clean_pandas_html(html: str) -> str:
    """Drop what HTML5 rejects in ``DataFrame._repr_html_``: the scoped style and obsolete attributes.

    >>> import pandas as pd
    >>> out = clean_pandas_html(pd.DataFrame({"a": [1]})._repr_html_())
    >>> "<style" in out, "border" in out, 'class="dataframe"' in out
    (False, False, True)
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for style in soup.find_all("style"):
        style.decompose()
    for table in soup.find_all("table"):
        table.attrs.pop("border", None)
    return _HALIGN.sub("", str(soup).strip())


class ReportBlocks(Preprocessor):
    """What each cell shows in the report, as ``cell.metadata.dti_export.blocks``; sets ``resources["dti"]``.

    Block kinds: ``kit`` (a report section), ``markdown``, ``html``, ``table``, ``image``,
    ``text`` (plain text, stdout, LaTeX source) and ``note`` (an output that cannot be exported).
    The table of contents lists the kit's level-2 sections and the level-2 headings of
    markdown, in notebook order.
    """

    def preprocess(self, nb, resources):
        meta = next((dict(o.metadata["dti_report"]) for c in nb.cells for o in c.get("outputs", [])
                     if "dti_report" in (o.get("metadata") or {})), None)
        if meta is None:
            raise RenderError("the notebook has no report cover output; was it executed?")
        lang = meta.get("lang", "vi")
        ids = HeadingIds({o.metadata["dti_section"].get("id") for c in nb.cells for o in c.get("outputs", [])
                          if "dti_section" in (o.get("metadata") or {})})
        toc = []
        for cell in nb.cells:
            number = cell.metadata.get("dti_cell", 0)
            if cell.cell_type == "markdown":
                seen = len(ids.headings)
                blocks = [{"kind": "markdown", "html": markdown_to_html(cell.source, ids, cell.get("attachments"))}]
                toc += [{"id": h["id"], "title": h["title"]} for h in ids.headings[seen:] if h["level"] == 2]
                blocks = self._inert(blocks, number, lang)
            elif cell.cell_type == "code":
                blocks = self._code_blocks(cell, number, lang, ids, toc)
            else:
                log.warning("notebook cell %d: a raw cell is not exported", number)
                blocks = []
            cell.metadata["dti_export"] = {"blocks": [b for b in blocks if b]}
        resources["dti"] = {"lang": lang, "title": meta.get("title", ""), "toc": toc, "toc_title": t("toc", lang)}
        return nb, resources

    def _code_blocks(self, cell, number: int, lang: str, ids: HeadingIds, toc: list) -> list[dict]:
        """The blocks of one code cell's outputs; consecutive stdout chunks become one text block."""
        blocks: list[dict] = []
        for output in cell.get("outputs", []):
            kind = output.get("output_type")
            if kind == "error":
                continue  # papermill already failed the report on it
            if kind == "stream":
                blocks.append(self._stream_block(output, number, blocks))
            elif kind in ("display_data", "execute_result"):
                blocks.append(self._display_block(output, number, lang, ids, toc))
            else:
                blocks.append(self._not_exported(number, str(kind), lang))
        return self._inert(blocks, number, lang)

    @staticmethod
    def _inert(blocks: list, number: int, lang: str) -> list:
        """The blocks with the analyst's raw HTML made inert; a note follows each one that lost something."""
        out = []
        for block in blocks:
            out.append(block)
            if block and block["kind"] in ("markdown", "html", "table"):
                block["html"], removed = without_active_content(block["html"])
                if removed:
                    log.warning("notebook cell %d: removed from the report, as it would run code: %s", number,
                                ", ".join(removed))
                    out.append({"kind": "note", "text": t("export_active_removed", lang, cell=number,
                                                          what=", ".join(removed))})
        return out

    def _stream_block(self, output, number: int, blocks: list[dict]) -> dict | None:
        text = _CARRIAGE.sub("", strip_ansi(joined(output.get("text", ""))))
        if output.get("name") != "stdout":
            first = (text.strip().splitlines() or [""])[0]
            log.warning("notebook cell %d: stderr output is not exported: %s", number, first[:200])
            return None
        if blocks and blocks[-1] and blocks[-1].get("stream"):
            blocks[-1]["text"] += text
            return None
        return {"kind": "text", "text": text, "stream": True}

    def _display_block(self, output, number: int, lang: str, ids: HeadingIds, toc: list) -> dict | None:
        data, metadata = output.get("data", {}), output.get("metadata") or {}
        if is_kit(output):
            section = metadata.get("dti_section")
            if section and section.get("level", 2) == 2:
                toc.append({"id": section["id"], "title": section["title"]})
            return {"kind": "kit", "html": joined(data["text/html"]), "toc": "dti_report" in metadata}
        mime = choose_mime(data)
        if mime is None:
            other = sorted(set(data) - set(MIME_ORDER)) or ["?"]
            return self._not_exported(number, other[0], lang)
        value = joined(data[mime])
        if mime == "text/html":
            table = (metadata.get("dti_export") or {}).get("table", False)
            return {"kind": "table" if table else "html", "html": value}
        if mime in IMAGES:
            return {"kind": "image", "src": data_uri(mime, data[mime]), "alt": t("export_figure_alt", lang, cell=number)}
        if mime == "text/markdown":
            seen = len(ids.headings)
            html = markdown_to_html(value, ids)
            toc += [{"id": h["id"], "title": h["title"]} for h in ids.headings[seen:] if h["level"] == 2]
            return {"kind": "markdown", "html": html}
        if mime == "text/plain" and _ADDRESS.search(value):
            log.warning("notebook cell %d: an object's default representation is not exported: %s", number,
                        value.splitlines()[0][:200])
            return None
        return {"kind": "text", "text": strip_ansi(value)}

    @staticmethod
    def _not_exported(number: int, mime: str, lang: str) -> dict:
        log.warning("notebook cell %d: an output of type %s cannot be exported; the report shows a note instead",
                    number, mime)
        return {"kind": "note", "text": t("export_not_shown", lang, cell=number, mime=mime)}
