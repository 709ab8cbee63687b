"""The parts of an XLSX workbook other than its sheets' cells: streamed XML, sheets, strings and date styles.

A workbook is a zip of XML parts. Each part is parsed as a stream (expat, fed in chunks) with its
unpacked size counted against :attr:`~dti_helpers.data.ingest.limits.Limits.max_part_bytes`
before and while reading it, so a zip bomb is refused before it is unpacked; a document type
declaration (the door to entity expansion) is refused, as no workbook has one. What is read
here: the sheet names and parts (:func:`book_of`), the shared strings, and which cell styles are
dates (numbers shown as dates are read as dates, as openpyxl reads them).

>>> cell_ref("XFD1048576"), cell_ref("B"), column_number("AA")
((1048576, 16384), None, 27)
"""
from __future__ import annotations

import datetime
import posixpath
import re
import zipfile
from typing import NamedTuple
from xml.parsers import expat

from dti_helpers.data.ingest.limits import Limits, size_text

CHUNK = 1 << 16
MAX_ROW, MAX_COLUMN = 1_048_576, 16_384  # the grid of Excel: XFD1048576 is its last cell
_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")
# Built-in number formats that show a date or a time (ECMA-376 18.8.30); 46 is a duration.
DATE_FORMAT_IDS, DURATION_FORMAT_IDS = frozenset({*range(14, 23), 45, 46, 47}), frozenset({46})
_FORMAT_LITERALS = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DURATION = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)
WINDOWS_EPOCH, MAC_EPOCH = datetime.datetime(1899, 12, 30), datetime.datetime(1904, 1, 1)


class XlsxProblem(Exception):
    """A workbook problem found while parsing a part (raised out of expat's callbacks)."""

    def __init__(self, code: str, **fields: object):
        super().__init__(code)
        self.code = code
        self.fields = fields


class Book(NamedTuple):
    """A workbook's worksheets (name -> part, in tab order), shared strings and date styles."""

    sheets: dict[str, str]
    strings: list[str]
    date_styles: dict[int, str]  # style index -> "date" or "duration"
    epoch: datetime.datetime


def column_number(letters: str) -> int:
    """The 1-based column of letters ``A``..``XFD``.

    >>> column_number("A"), column_number("XFD")
    (1, 16384)
    """
    n = 0
    for c in letters.upper():
        n = n * 26 + ord(c) - 64
    return n


def cell_ref(ref: str) -> tuple[int, int] | None:
    """(row, column) of a cell reference such as ``B12``; ``None`` if it is not one inside Excel's grid.

    >>> cell_ref("$C$3"), cell_ref("A0"), cell_ref("XFE1")
    ((3, 3), None, None)
    """
    match = _REF.fullmatch(ref.strip())
    if not match:
        return None
    row, column = int(match[2]), column_number(match[1])
    return (row, column) if 1 <= row <= MAX_ROW and 1 <= column <= MAX_COLUMN else None


def column_letters(column: int) -> str:
    """The letters of a 1-based column.

    >>> column_letters(1), column_letters(28), column_letters(16384)
    ('A', 'AB', 'XFD')
    """
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def local(name: str) -> str:
    """An element or attribute name without its namespace (expat joins them with a space).

    >>> local("http://schemas.openxmlformats.org/spreadsheetml/2006/main c"), local("r")
    ('c', 'r')
    """
    return name.rpartition(" ")[2]


def parse_part(zf: zipfile.ZipFile, name: str, limits: Limits, handler) -> None:
    """Stream one XML part through ``handler`` (``start(tag, attrs)``, ``end(tag)``, ``text(data)``).

    ``handler.done`` true stops the parse early. Raises :class:`XlsxProblem` for a part that
    unpacks to more than the limit or declares a document type; ``KeyError`` for a missing part.
    """
    info = zf.getinfo(name)
    too_large = XlsxProblem("xlsx_part_too_large", part=name, limit=size_text(limits.max_part_bytes))
    if info.file_size > limits.max_part_bytes:
        raise too_large
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True

    def refuse(*_):
        raise XlsxProblem("bad_xlsx")

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.StartElementHandler = lambda tag, attrs: handler.start(local(tag), attrs)
    parser.EndElementHandler = lambda tag: handler.end(local(tag))
    parser.CharacterDataHandler = handler.text
    unpacked = 0
    with zf.open(info) as part:
        # The header's size may lie: what is unpacked is counted too.
        for chunk in iter(lambda: part.read(CHUNK), b""):
            unpacked += len(chunk)
            if unpacked > limits.max_part_bytes:
                raise too_large
            parser.Parse(chunk, False)
            if getattr(handler, "done", False):
                return
    parser.Parse(b"", True)


class _Collect:
    """Collects the attributes of chosen elements of a small part (relationships, workbook, styles)."""

    def __init__(self, *tags: str):
        self.tags = tags
        self.found: list[tuple[str, dict[str, str]]] = []

    def start(self, tag, attrs):
        if tag in self.tags:
            self.found.append((tag, {local(k): v for k, v in attrs.items()}))

    def end(self, tag):
        pass

    def text(self, data):
        pass


class _Strings:
    """The shared strings: the text of each ``si``, its phonetic runs (``rPh``) left out."""

    def __init__(self):
        self.strings: list[str] = []
        self.parts: list[str] | None = None
        self.in_text = False
        self.phonetic = 0

    def start(self, tag, attrs):
        if tag == "si":
            self.parts = []
        elif tag == "rPh":
            self.phonetic += 1
        elif tag == "t" and self.parts is not None and not self.phonetic:
            self.in_text = True

    def end(self, tag):
        if tag == "si":
            self.strings.append("".join(self.parts or ()))
            self.parts = None
        elif tag == "rPh":
            self.phonetic -= 1
        elif tag == "t":
            self.in_text = False

    def text(self, data):
        if self.in_text:
            self.parts.append(data)


def _collect(zf: zipfile.ZipFile, name: str, limits: Limits, *tags: str) -> list[tuple[str, dict[str, str]]]:
    handler = _Collect(*tags)
    parse_part(zf, name, limits, handler)
    return handler.found


def _relations(zf: zipfile.ZipFile, part: str, limits: Limits) -> dict[str, tuple[str, str]]:
    """Id -> (type, part) of a part's relationships (none when it has no ``_rels`` file)."""
    folder, base = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", base + ".rels")
    if rels not in zf.NameToInfo:
        return {}
    found = {}
    for _, attrs in _collect(zf, rels, limits, "Relationship"):
        if attrs.get("TargetMode") == "External" or "Target" not in attrs:
            continue
        target = attrs["Target"]
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found[attrs.get("Id", "")] = (attrs.get("Type", "").rpartition("/")[2], path)
    return found


def book_of(zf: zipfile.ZipFile, limits: Limits) -> Book:
    """The workbook's worksheets, shared strings and date styles.

    Raises ``KeyError`` for a missing part and :class:`XlsxProblem` for a refused one.
    """
    main = next((path for kind, path in _relations(zf, "", limits).values() if kind == "officeDocument"),
                "xl/workbook.xml")
    relations = _relations(zf, main, limits)
    found = _collect(zf, main, limits, "sheet", "workbookPr")
    sheets = {}
    epoch = WINDOWS_EPOCH
    for tag, attrs in found:
        if tag == "workbookPr":
            epoch = MAC_EPOCH if attrs.get("date1904", "").lower() in ("1", "true") else WINDOWS_EPOCH
            continue
        kind, path = relations.get(attrs.get("id", ""), ("", ""))
        if kind == "worksheet" and "name" in attrs:  # chart and dialog sheets hold no cells
            sheets[attrs["name"]] = path
    by_kind = {kind: path for kind, path in relations.values()}
    strings: list[str] = []
    if by_kind.get("sharedStrings") in zf.NameToInfo:
        handler = _Strings()
        parse_part(zf, by_kind["sharedStrings"], limits, handler)
        strings = handler.strings
    styles = by_kind.get("styles")
    date_styles = _date_styles(zf, styles, limits) if styles in zf.NameToInfo else {}
    return Book(sheets, strings, date_styles, epoch)


def _date_styles(zf: zipfile.ZipFile, part: str, limits: Limits) -> dict[int, str]:
    """Cell style index -> "date" or "duration", for the styles whose number format shows one."""
    formats: dict[int, str] = {}
    styles: list[int] = []
    in_cell_styles = False

    class Handler(_Collect):
        def start(self, tag, attrs):
            nonlocal in_cell_styles
            attrs = {local(k): v for k, v in attrs.items()}
            if tag == "numFmt" and attrs.get("numFmtId", "").isdigit():
                formats[int(attrs["numFmtId"])] = attrs.get("formatCode", "")
            elif tag == "cellXfs":
                in_cell_styles = True
            elif tag == "xf" and in_cell_styles:
                styles.append(int(attrs["numFmtId"]) if attrs.get("numFmtId", "").isdigit() else 0)

        def end(self, tag):
            nonlocal in_cell_styles
            in_cell_styles = in_cell_styles and tag != "cellXfs"

    parse_part(zf, part, limits, Handler())
    kinds = {}
    for index, format_id in enumerate(styles):
        kind = format_kind(formats.get(format_id), format_id)
        if kind:
            kinds[index] = kind
    return kinds


def format_kind(code: str | None, format_id: int = 0) -> str | None:
    """Whether a number format shows a ``"date"`` (or time), a ``"duration"``, or neither (``None``).

    >>> format_kind("dd/mm/yyyy"), format_kind("[h]:mm"), format_kind('0.00"d"'), format_kind(None, 14)
    ('date', 'duration', None, 'date')
    """
    if code is None:
        return ("duration" if format_id in DURATION_FORMAT_IDS else "date") if format_id in DATE_FORMAT_IDS else None
    first = code.split(";")[0]
    if _DURATION.search(first):
        return "duration"
    return "date" if re.search(r"(?<![_\\])[dmhysDMHYS]", _FORMAT_LITERALS.sub("", first)) else None


def from_serial(value: float, kind: str, epoch: datetime.datetime = WINDOWS_EPOCH):
    """A date-formatted number as the date, time or duration it shows (Excel's 1900 leap-year bug kept).

    >>> from_serial(44562, "date"), from_serial(0.5, "date"), from_serial(1.5, "duration")
    (datetime.datetime(2022, 1, 1, 0, 0), datetime.time(12, 0), datetime.timedelta(days=1, seconds=43200))
    """
    if kind == "duration":
        return datetime.timedelta(days=value)
    day, fraction = divmod(value, 1)
    diff = datetime.timedelta(milliseconds=round(fraction * 86_400_000))
    if 0 <= value < 1 and diff.days == 0:
        seconds = diff.seconds
        return datetime.time(seconds // 3600, seconds // 60 % 60, seconds % 60, diff.microseconds)
    if 0 < value < 60 and epoch == WINDOWS_EPOCH:
        day += 1  # Excel counts 29 February 1900, which never was
    return epoch + datetime.timedelta(days=day) + diff
