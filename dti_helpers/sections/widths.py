"""Column shares of a kit table on paper: the automatic table layout, done once from the cells' text.

WeasyPrint's automatic table layout measures every cell's text twice (its longest word and its
whole line) with Pango before it places a single row, and in a report's PDF it was the largest
single cost of laying out the page. The PDF lays the kit's tables out fixed instead
(``table-layout: fixed`` in ``report.css``), with the column widths this module computes from the
same text and the same font's advance widths: the CSS 2.1 automatic algorithm (each column between
its minimum and maximum content width, the remainder shared in proportion), as WeasyPrint and
browsers apply it. The screen keeps the browser's own automatic layout.

>>> column_shares(("Năm", "Nguồn"), (("2022", "dti.gov.vn/bao-cao-chi-so-chuyen-doi-so-2022"),))
(14, 86)
"""
from __future__ import annotations

import math
from functools import lru_cache

from dti_helpers.sections.plain import plain_text

# The PDF's table, in points: A4's 210 mm less the page's 16 mm margins, text of 0.8125rem at the
# print root's 10 pt, 0.5rem of padding each side of a cell (report.css and paged.css).
TABLE_WIDTH = (210 - 2 * 16) / 25.4 * 72
FONT_SIZE = 8.125
PADDING = 10.0
UNKNOWN_ADVANCE = 0.6  # em: a character the font lacks (Pango substitutes one of about this width)
# A word wider than this share of the table (a web address in a note) does not widen its column: the print
# stylesheet lets it break where it overflows, as the automatic layout's 'overflow-wrap: anywhere' did.
LONGEST_WORD = 0.3


@lru_cache(maxsize=2)
def advances(bold: bool = False) -> dict[str, float]:
    """Advance width in em of each character of the report's typeface (DejaVu Sans, as matplotlib ships it).

    >>> round(advances()["m"], 3), advances(bold=True)["m"] > advances()["m"]
    (0.974, True)
    """
    from fontTools.ttLib import TTFont

    from dti_helpers.charts.theme import font_dir

    font = TTFont(font_dir() / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"), lazy=True)
    em = font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    return {chr(code): metrics[glyph][0] / em for code, glyph in font.getBestCmap().items()}


def text_width(text: str, bold: bool = False) -> float:
    """Width of ``text`` on one line, in em (the sum of its characters' advances; no kerning).

    >>> round(text_width("DTI"), 2), text_width("") == 0
    (1.68, True)
    """
    table = advances(bold)
    return sum(table.get(ch, UNKNOWN_ADVANCE) for ch in text)


def content_widths(text: str, bold: bool = False, width: float = TABLE_WIDTH) -> tuple[float, float]:
    """A cell's minimum (its longest word) and maximum (all on one line) content width, in points with padding.

    The longest word is measured bold whatever ``bold`` says: a row the stylesheet sets bold (a total,
    a strength) must not overflow its cell, which a fixed layout would let it do. A word wider than
    :data:`LONGEST_WORD` of the table's ``width`` counts as that wide.

    >>> [round(w) for w in content_widths("Chính quyền số")]
    [38, 73]
    """
    words = text.split()
    longest = max((text_width(w, bold=True) for w in words), default=0.0) * FONT_SIZE
    return min(longest, LONGEST_WORD * width) + PADDING, text_width(" ".join(words), bold) * FONT_SIZE + PADDING


def column_shares(head, rows, width: float = TABLE_WIDTH) -> tuple[int, ...]:
    """Each column's share of the table in whole percent (summing to 100), from header and cell texts.

    Whole percent, so a template names a share by a class (``col.w23``) that ``columns.css.j2``
    sizes in print: no style attribute in the HTML, and nothing for the screen to undo.

    ``head`` is the header's cells (set bold), ``rows`` the rows' cells: text, markup or kit parts, measured
    by the words a reader sees (:func:`~dti_helpers.sections.plain.plain_text`). Columns get their maximum
    content width when all fit, each widened in proportion; otherwise their minimum plus the same
    fraction of the way to their maximum; when even the minimums do not fit, the minimums scaled.

    >>> column_shares(("Chỉ số", "Điểm"), (("Chính quyền số", "0,5412"),))
    (66, 34)
    """
    n = len(head)
    low, high = [0.0] * n, [0.0] * n
    for cells, bold in [(head, True)] + [(row, False) for row in rows]:
        for i, text in enumerate(cells[:n]):
            cell_min, cell_max = content_widths(plain_text(text), bold, width)
            low[i], high[i] = max(low[i], cell_min), max(high[i], cell_max)
    if sum(high) <= width:
        widths = high
    elif sum(low) >= width:
        widths = low
    else:
        fraction = (width - sum(low)) / (sum(high) - sum(low))
        widths = [lo + fraction * (hi - lo) for lo, hi in zip(low, high)]
    return whole_percents(widths, low, width)


def whole_percents(widths, low, width: float = TABLE_WIDTH) -> tuple[int, ...]:
    """``widths`` as whole percents of their sum that add up to 100, none below its ``low`` (in points).

    Plain rounding could take half a percent (some 2.5 pt) off a column at its minimum and break
    its longest word; such a column rounds up, and the columns with the most room give it back.

    >>> whole_percents([30.0, 470.0], [27.0, 100.0], 500.0)
    (6, 94)
    """
    total = sum(widths)
    floor = [math.ceil(100 * lo / width) for lo in low]
    shares = [max(1, round(100 * w / total)) for w in widths]
    if sum(floor) <= 100:
        shares = [max(share, least) for share, least in zip(shares, floor)]
        while sum(shares) > 100:
            roomiest = max(range(len(shares)), key=lambda i: shares[i] - floor[i])
            shares[roomiest] -= 1
    widest = shares.index(max(shares))
    shares[widest] += 100 - sum(shares)  # what rounding left over, where it changes the least
    return tuple(shares)


__all__ = ["FONT_SIZE", "LONGEST_WORD", "PADDING", "TABLE_WIDTH", "advances", "column_shares", "content_widths", "text_width",
           "whole_percents"]
