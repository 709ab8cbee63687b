"""The figures a report shows as CSV and XLSX files, from what its executed notebook recorded.

The data notes section records its figures in its output metadata
(:data:`~dti_helpers.core.schema.FIGURES_KEY`, built by :mod:`dti_helpers.sections.records`);
this module writes them out, one row per figure, columns
:data:`~dti_helpers.core.schema.FIGURE_COLUMNS`. Nothing is filled in: a figure the report says is
not published has ``published`` false and empty score and rank.

Both files are byte-identical across rebuilds of the same inputs: the CSV is plain text (UTF-8 with
a byte-order mark, so that Excel reads the diacritics; ``\\n`` line ends; decimal point), and the
XLSX is re-packed with fixed ZIP entry dates and without creation or modification times.

>>> rows = [{"role": "own", "year": 2020, "score": 0.3615, "rank": 10, "published": True, "doubtful": False}]
>>> figures_csv(rows).decode("utf-8-sig").splitlines()[1]
'own,2020,,,,,,0.3615,10,true,false,,,'
"""
from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile

from dti_helpers.core.errors import DTIError
from dti_helpers.core.labels import t
from dti_helpers.core.schema import FIGURE_COLUMNS, FIGURES_KEY

# The earliest date a ZIP entry can carry: every entry gets it, so the archive's bytes depend on its content alone.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
ZIP_STAMP = datetime.datetime(*ZIP_DATE)
# The document's creation and save times, which openpyxl always writes: removed when the file is re-packed.
DATES = re.compile(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")
CORE = "docProps/core.xml"
CREATOR = "dti-reports"
SCORE_FORMAT = "0.0000"  # the ministry prints 4 decimals


class DownloadError(DTIError):
    """The executed notebook records no figures to write (its data notes did not run); one line.

    >>> DownloadError(format="CSV").message("en").startswith("the notebook records no figures for the CSV file")
    True
    """

    code = "no_figures"


def recorded(nb, fmt: str = "csv") -> tuple[list[dict], dict]:
    """The figures recorded in an executed notebook's outputs, in notebook order, and its cover's metadata.

    >>> recorded({"cells": [{"outputs": [{"metadata": {"dti_figures": [{"year": 2020}], "dti_report": {"lang": "en"}}}]}]})
    ([{'year': 2020}], {'lang': 'en'})
    >>> recorded({"cells": []})
    Traceback (most recent call last):
    ...
    dti_helpers.render.download.DownloadError: the notebook records no figures for the CSV file: its data notes section was removed or did not run
    """
    rows, cover, found = [], {}, False
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            metadata = output.get("metadata") or {}
            cover = cover or dict(metadata.get("dti_report") or {})
            if FIGURES_KEY in metadata:
                found = True
                rows.extend(dict(r) for r in metadata[FIGURES_KEY])
    if not found:
        raise DownloadError(format=fmt.upper())
    return rows, cover


def cell_text(value) -> str:
    """A value as the CSV writes it: empty for none, ``true``/``false``, numbers with a decimal point.

    >>> [cell_text(v) for v in (None, True, 0.3615, 10, "Bắc Giang")]
    ['', 'true', '0.3615', '10', 'Bắc Giang']
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, float) else str(value)


def figures_csv(rows: list[dict]) -> bytes:
    """The rows as CSV bytes: a header of :data:`FIGURE_COLUMNS`, then one line per figure.

    >>> figures_csv([]).decode("utf-8-sig").splitlines()[0].split(",")[:3]
    ['role', 'year', 'unit_set']
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIGURE_COLUMNS)
    writer.writerows([cell_text(r.get(c)) for c in FIGURE_COLUMNS] for r in rows)
    return out.getvalue().encode("utf-8-sig")


def figures_xlsx(rows: list[dict], title: str = "", sheet: str = "figures") -> bytes:
    """The rows as an XLSX workbook: one sheet, the header row frozen, scores with 4 decimals.

    >>> import io, openpyxl
    >>> data = figures_xlsx([{"role": "own", "year": 2020, "score": 0.3615, "published": True}])
    >>> ws = openpyxl.load_workbook(io.BytesIO(data)).active
    >>> [c.value for c in ws[2]][:2], ws["H2"].value, ws["J2"].value
    (['own', 2020], 0.3615, True)
    >>> data == figures_xlsx([{"role": "own", "year": 2020, "score": 0.3615, "published": True}])
    True
    """
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook()
    ws = book.active
    ws.title = sheet[:31]  # Excel's limit on a sheet name
    ws.append(FIGURE_COLUMNS)
    score = FIGURE_COLUMNS.index("score") + 1
    for r in rows:
        ws.append([r.get(c) for c in FIGURE_COLUMNS])
        ws.cell(ws.max_row, score).number_format = SCORE_FORMAT
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    # openpyxl stamps the creation and save times, which would change the bytes at every build
    book.properties.creator = book.properties.lastModifiedBy = CREATOR
    book.properties.title = title or None
    book.properties.created = book.properties.modified = ZIP_STAMP
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    return repacked(raw.getvalue())


def repacked(data: bytes) -> bytes:
    """A ZIP archive's entries, in their order, re-written with one fixed date and fixed attributes, and
    without the document's creation and modification times.

    >>> raw = io.BytesIO()
    >>> with zipfile.ZipFile(raw, "w") as z:
    ...     z.writestr("a.txt", "x")
    >>> zipfile.ZipFile(io.BytesIO(repacked(raw.getvalue()))).infolist()[0].date_time
    (1980, 1, 1, 0, 0, 0)
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            content = source.read(entry.filename)
            target.writestr(info, DATES.sub(b"", content) if entry.filename == CORE else content)
    return out.getvalue()


def to_csv(nb) -> bytes:
    """The CSV of the figures an executed report notebook shows.

    >>> to_csv(execute_notebook({"province": "24", "year": 2020}))  # doctest: +SKIP
    """
    return figures_csv(recorded(nb, "csv")[0])


def to_xlsx(nb) -> bytes:
    """The XLSX of the figures an executed report notebook shows; its sheet is named in the report's language.

    >>> to_xlsx(execute_notebook({"province": "24", "year": 2020}))  # doctest: +SKIP
    """
    rows, cover = recorded(nb, "xlsx")
    return figures_xlsx(rows, cover.get("title", ""), t("download_sheet", cover.get("lang", "vi")))
