"""Provenance of a figure: its data note in the reader's language (the rows behind a figure, its doubt).

Every section and page that prints a doubtful figure takes its note from here,
so a note reads the same wherever the figure appears.
"""
from __future__ import annotations


def note_text(row, lang: str) -> str:
    """The data note of a row (dict, named tuple or Series) in the report's language.

    The Vietnamese note is used for ``lang="vi"`` when there is one; otherwise
    the English note; a missing note is the empty string, never a made-up one.

    >>> note_text({"note": "rank only", "note_vi": "chỉ có thứ hạng"}, "vi")
    'chỉ có thứ hạng'
    >>> note_text({"note": "rank only", "note_vi": ""}, "vi")
    'rank only'
    >>> note_text({"note": float("nan")}, "en")
    ''
    """
    get = row.get if isinstance(row, dict) else lambda k, d="": getattr(row, k, d)
    vi = get("note_vi", "")
    text = vi if lang == "vi" and isinstance(vi, str) and vi else get("note", "")
    return text if isinstance(text, str) else ""


__all__ = ["note_text"]
