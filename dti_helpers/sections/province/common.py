"""Pieces the province sections share: number cells, change wording, doubt of a change, label look-ups.

Cells are text or kit parts (:mod:`dti_helpers.sections.parts`); the templates make them HTML.

>>> str(score_cell(None, "en")).endswith("not published</span>"), score_cell(0.36151, "en")
(True, '0.3615')
"""
from __future__ import annotations

import pandas as pd

from dti_helpers.analysis import province as an, strengths as sw
from dti_helpers.analysis.provenance import note_text
from dti_helpers.core.labels import fmt_rank, fmt_score, t
from dti_helpers.sections.kit import not_published, table
from dti_helpers.sections.parts import Inline, Span

PILLARS = an.PILLARS
N_UNITS = 63
STRENGTH_MARGIN = sw.STRENGTH_MARGIN  # the strengths rule's margin (analysis.strengths)


def isna(value) -> bool:
    """True for None and anything pandas counts as missing.

    >>> isna(None), isna(float("nan")), isna(0)
    (True, True, False)
    """
    return value is None or bool(pd.isna(value))


def score_cell(value, lang: str):
    """A score as the ministry prints it, or "not published".

    >>> score_cell(0.5, "vi")
    '0,5000'
    """
    return not_published(lang) if isna(value) else fmt_score(float(value), lang)


def rank_cell(value, lang: str, of: int | None = N_UNITS):
    """A rank as "x/63" (or "x" with ``of=None``), or "not published".

    >>> rank_cell(7, "en"), rank_cell(7, "en", None)
    ('7/63', '7')
    """
    return not_published(lang) if isna(value) else fmt_rank(int(value), of, lang)


def muted(content, *, before=None) -> Span | Inline:
    """Secondary text in grey; with ``before``, that text then a space then the grey part.

    >>> str(muted("(7)", before="0.5")).startswith("0.5 ")
    True
    """
    span = Span(content, "muted")
    return span if before is None else Inline((before, span), sep=" ")


def signed(value: float, lang: str) -> str:
    """A score change with its sign (a true minus sign).

    >>> signed(0.0125, "en"), signed(-0.0125, "vi"), signed(0, "en")
    ('+0.0125', '−0,0125', '±0.0000')
    """
    sign = "+" if value > 0 else "\u2212" if value < 0 else "±"
    return sign + fmt_score(abs(value), lang)


def rank_move(change, lang: str) -> str:
    """A rank change in a cell's words (positive = up).

    >>> rank_move(3, "en"), rank_move(-1, "en"), rank_move(0, "en"), rank_move(-1, "vi")
    ('up 3 places', 'down 1 place', 'rank unchanged', 'giảm 1 bậc')
    """
    return t(rank_move_key(change), lang, k=abs(int(change)))


def rank_move_key(change, prefix: str = "rank") -> str:
    """The label of a rank change: ``<prefix>_up``, ``_down`` or ``_same``; a move of one place has its
    own (``_up_one``: "1 place", not "1 places").

    >>> rank_move_key(2), rank_move_key(-1, "hl_rank"), rank_move_key(0)
    ('rank_up', 'hl_rank_down_one', 'rank_same')
    """
    change = int(change)
    if change == 0:
        return f"{prefix}_same"
    return f"{prefix}_{'up' if change > 0 else 'down'}{'_one' if abs(change) == 1 else ''}"


def unit_noun(rep, code: str | None = None) -> str:
    """What the report's unit (or ``code``) is, in one word: "tỉnh" or "thành phố" ("province", "city"),
    by its kind in the catalogue, so a centrally-run city is never called a province.

    >>> from dti_helpers.sections.province import setup
    >>> unit_noun(setup("da-nang", 2022)), unit_noun(setup("24", 2020, "en")), unit_noun(setup("Huế", 2024, units="34"))
    ('thành phố', 'province', 'thành phố')
    """
    return t(f"noun_{rep.data.provinces.at[code or rep.code, 'kind']}", rep.lang)


def this_unit(rep) -> str:
    """The report's own unit as a table names it beside its name: "this province" or "this city".

    >>> from dti_helpers.sections.province import setup
    >>> this_unit(setup("da-nang", 2022)), this_unit(setup("24", 2020, "en"))
    ('chính thành phố này', 'this province')
    """
    return t(f"this_{rep.data.provinces.at[rep.code, 'kind']}", rep.lang)


def change_doubt(row, lang: str) -> tuple[bool, str]:
    """Whether a change rests on a doubtful figure at either end, and the notes of those ends.

    ``row`` has doubtful, note(_vi), prev_doubtful, prev_note(_vi), prev_year and (for a
    headline dict) year.

    >>> change_doubt({"prev_doubtful": True, "prev_note": "estimate", "prev_year": 2020, "doubtful": False}, "en")
    (True, '2020: estimate')
    """
    get = row.get if isinstance(row, dict) else lambda k, d=None: getattr(row, k, d)
    notes = []
    if get("prev_doubtful", False):
        prev_note = note_text({"note": get("prev_note", ""), "note_vi": get("prev_note_vi", "")}, lang)
        notes.append(f"{int(get('prev_year'))}: {prev_note}" if prev_note else str(int(get("prev_year"))))
    if get("doubtful", False):
        note = note_text(row, lang)
        year = get("year", None)
        notes.append(f"{int(year)}: {note}" if year is not None and note else note)
    return bool(notes), "; ".join(n for n in notes if n)


def metric_label(rep, metric: str, short: bool = True) -> str:
    """A metric's name in the report's language.

    >>> from dti_helpers.sections.province import setup
    >>> metric_label(setup("24", 2020, "en"), "xhs")
    'Digital society'
    """
    return rep.data.catalogue.metric_label(metric, rep.lang, short=short)


def region_name(rep, code: str | None = None) -> str:
    """The region of the report's province (or of ``code``) in the report's language.

    >>> from dti_helpers.sections.province import setup
    >>> region_name(setup("24", 2020, "en")) != ""
    True
    """
    region = rep.data.provinces.at[code or rep.code, "region"]
    return rep.data.catalogue.region_name(region, rep.lang)


def figure_note(rep, year: int, metric: str, code: str | None = None) -> str:
    """The data note of one published figure (this province's, or ``code``'s), "" when there is none.

    >>> from dti_helpers.sections.province import setup
    >>> figure_note(setup("24", 2020, "en"), 2020, "dti")
    ''
    """
    tb = rep.data.table
    hit = tb[(tb.unit_set == rep.data.units) & (tb.province_code == (code or rep.code)) & (tb.year == year)
             & (tb.metric == metric)]
    return "" if hit.empty else note_text(hit.iloc[0], rep.lang)


def grid(head, rows, *, caption: str | None = None, numeric=(), row_classes=None, cls: str = "data"):
    """A table of cells the section has formatted already (text or parts).

    >>> grid(["a"], [["1"]]).head
    ('a',)
    """
    return table(rows, columns=head, caption=caption, numeric=numeric, row_classes=row_classes or (), cls=cls,
                 formatted=True)
