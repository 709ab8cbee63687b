"""Collecting the problems of one data file, lazily (every problem, not only the first).

Like pandera's lazy validation, the readers and checks add each problem they
find to a :class:`Problems` collector and go on; the caller raises one
:class:`~dti_helpers.core.errors.DataFileError` with all of them, or returns
them (``check-data``). A problem holds a code and fields, never words.

>>> out = Problems("x.csv")
>>> out.add("empty_value", 2, "province")
>>> [(p.code, p.row, p.column) for p in out.sorted()]
[('empty_value', 2, 'province')]
"""
from __future__ import annotations

import unicodedata

from dti_helpers.core.errors import DataProblem

# Unicode categories that make a problem line unreadable: control and format (invisible) characters.
INVISIBLE = ("Cc", "Cf")


def visible(text: str) -> str:
    """Escape control and invisible characters so a problem stays one readable line.

    >>> visible("Bắc\\u200bGiang")
    'Bắc\\\\u200bGiang'
    """
    return "".join(c.encode("unicode_escape").decode("ascii") if unicodedata.category(c) in INVISIBLE else c
                   for c in text)


def first_invisible(text: str) -> str | None:
    """The first control or invisible character of ``text``, if any.

    >>> first_invisible("a\\x1bb"), first_invisible("ab")
    ('\\x1b', None)
    """
    return next((c for c in text if unicodedata.category(c) in INVISIBLE), None)


class Problems:
    """The problems found in one file, named ``file`` in every problem.

    ``column_order`` (header -> position) makes a line's problems read left
    to right once the header is known.

    >>> out = Problems("x.csv")
    >>> out.add("not_found"); len(out)
    1
    """

    def __init__(self, file: str):
        self.file = file
        self.items: list[DataProblem] = []
        self.column_order: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.items)

    def add(self, code: str, row: int | None = None, column: str | None = None, value: object = None, /,
            **fields: object) -> None:
        """Record one problem; ``value`` is quoted with invisible characters escaped.

        >>> out = Problems("x.csv"); out.add("rank_out_of_range", 3, "rank", "64", n=63)
        >>> out.items[0].fields["n"]
        63
        """
        shown = None if value is None else visible(str(value))
        self.items.append(DataProblem(code, self.file, row, column, shown, fields))

    def sorted(self) -> list[DataProblem]:
        """Problems by line, then column; a problem said twice is kept once.

        >>> out = Problems("x.csv"); out.add("no_value", 3); out.add("empty_file"); out.add("no_value", 3)
        >>> [p.code for p in out.sorted()]
        ['empty_file', 'no_value']
        """
        # An official row yields one record per metric; a bad province cell must be said once.
        return sorted(dict.fromkeys(self.items), key=lambda p: (p.row is not None, p.row or 0,
                                                              self.column_order.get(p.column, len(self.column_order))))
