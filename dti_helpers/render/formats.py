"""The registry of output formats, in papermill's style (``papermill/iorw.py``, ``engines.py``).

An :class:`OutputFormat` names the product it is made from (``"notebook"``, the executed
notebook, or another format) and the function that makes it. Formats register at the bottom
of this module; a caller looks one up by name::

    from dti_helpers.render import formats
    pdf = formats.get("pdf")          # OutputFormat(name='pdf', source='html', ...)
    formats.register("md", OutputFormat("md", ".md", "md", "notebook", to_markdown))
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from dti_helpers.core.errors import DTIError


@dataclass(frozen=True)
class OutputFormat:
    """One output format: file suffix, folder under the output directory, source product, converter.

    >>> get("pdf").source, get("pdf").suffix
    ('html', '.pdf')
    """

    name: str
    suffix: str
    folder: str
    source: str
    convert: Callable[[object], str | bytes]

    def path(self, out_dir: str | Path, stem: str) -> Path:
        """Where this format's file of report ``stem`` goes.

        >>> str(get("html").path("reports", "bac-giang-2020-vi"))
        'reports/html/bac-giang-2020-vi.html'
        """
        return Path(out_dir) / self.folder / f"{stem}{self.suffix}"


class OutputFormats:
    """Registry of output formats by name (papermill's ``PapermillEngines`` shape).

    >>> registry = OutputFormats()
    >>> registry.register("txt", OutputFormat("txt", ".txt", "txt", "html", str))
    >>> registry.names(), registry.get("txt").suffix
    (('txt',), '.txt')
    """

    def __init__(self):
        self._formats: dict[str, OutputFormat] = {}

    def register(self, name: str, output_format: OutputFormat) -> None:
        """Register (or replace) the format ``name``."""
        self._formats[name] = output_format

    def get(self, name: str) -> OutputFormat:
        """The format ``name``; an unknown name is a one-line :class:`DTIError` listing the known ones.

        >>> output_formats.get("docx")
        Traceback (most recent call last):
        ...
        dti_helpers.core.errors.DTIError: unknown format 'docx'; use one of: html, pdf, csv, xlsx
        """
        try:
            return self._formats[name]
        except KeyError:
            raise DTIError(code="unknown_format", value=name, choices=", ".join(self._formats)) from None

    def names(self) -> tuple[str, ...]:
        """The registered names, in registration order.

        >>> output_formats.names()
        ('html', 'pdf', 'csv', 'xlsx')
        """
        return tuple(self._formats)

    def convert(self, nb, names, have: dict | None = None) -> dict[str, str | bytes]:
        """Every requested format made from the executed notebook ``nb``, each source made once.

        A format made from another (the PDF from the HTML) gets that product without it being
        requested; only the requested ones are returned, in the order asked. ``have`` holds
        products already made (a batch's current HTML, for a PDF alone: ``nb`` may then be None).

        >>> output_formats.convert(None, [])
        {}
        >>> output_formats.convert(None, ["html"], have={"html": "<html></html>"})
        {'html': '<html></html>'}
        """
        products: dict[str, object] = {"notebook": nb, **(have or {})}

        def make(name: str, chain: tuple[str, ...] = ()):
            if name not in products:
                if name in chain:
                    raise DTIError(f"output format '{name}' is made from itself")
                output_format = self.get(name)
                products[name] = output_format.convert(make(output_format.source, (*chain, name)))
            return products[name]

        return {name: make(name) for name in names}


def to_pdf(page: str) -> bytes:
    """The PDF of a report page (WeasyPrint is imported here, not with the registry, which a batch's parent reads).

    >>> to_pdf('<!DOCTYPE html><html lang="vi"><head><title>t</title></head><body>Bắc</body></html>')[:5]
    b'%PDF-'
    """
    from dti_helpers.render import pdf

    return pdf.html_to_pdf(page)


def to_html(nb) -> str:
    """The HTML page of an executed report notebook (see :func:`dti_helpers.render.html.notebook_to_html`).

    >>> to_html(execute_notebook({"province": "24"}))  # doctest: +SKIP
    """
    from dti_helpers.render import html  # nbconvert's import costs seconds; a PDF-only or plan-only caller skips it

    return html.notebook_to_html(nb)


def to_csv(nb) -> bytes:
    """The CSV of the figures the executed report notebook shows (see :mod:`dti_helpers.render.download`).

    >>> to_csv(execute_notebook({"province": "24"}))  # doctest: +SKIP
    """
    from dti_helpers.render import download

    return download.to_csv(nb)


def to_xlsx(nb) -> bytes:
    """The XLSX of the figures the executed report notebook shows (openpyxl is imported here, when used).

    >>> to_xlsx(execute_notebook({"province": "24"}))  # doctest: +SKIP
    """
    from dti_helpers.render import download

    return download.to_xlsx(nb)


output_formats = OutputFormats()


def register(name: str, output_format: OutputFormat) -> None:
    """Register ``output_format`` under ``name`` in the module's registry.

    >>> register("html", get("html"))
    """
    output_formats.register(name, output_format)


def get(name: str) -> OutputFormat:
    """The registered format ``name``.

    >>> get("html").folder
    'html'
    """
    return output_formats.get(name)


register("html", OutputFormat("html", ".html", "html", "notebook", to_html))
register("pdf", OutputFormat("pdf", ".pdf", "pdf", "html", to_pdf))
register("csv", OutputFormat("csv", ".csv", "csv", "notebook", to_csv))
register("xlsx", OutputFormat("xlsx", ".xlsx", "xlsx", "notebook", to_xlsx))
ALL_FORMATS = output_formats.names()
FORMATS = ("html", "pdf")  # what is built when no format is asked for
DOWNLOADS = ("csv", "xlsx")  # the report's figures as data, linked from its HTML when built with it


def download_links(formats, stem: str) -> tuple[tuple[str, str], ...]:
    """(format, address relative to the report's HTML page) of each download among ``formats``.

    Every format has its own folder beside ``html/``, so one relative address serves every report.

    >>> download_links(("html", "pdf", "xlsx", "csv"), "bac-giang-2020-vi")
    (('csv', '../csv/bac-giang-2020-vi.csv'), ('xlsx', '../xlsx/bac-giang-2020-vi.xlsx'))
    >>> download_links(("html",), "x")
    ()
    """
    page = get("html").path("", stem).parent
    return tuple((name, Path(os.path.relpath(get(name).path("", stem), page)).as_posix())
                 for name in DOWNLOADS if name in formats)
