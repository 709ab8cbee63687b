"""Error types that carry a one-line, user-facing message.

Every data problem is reported as a :class:`DataProblem` naming the file, row,
column and value, so the command line can print it without a traceback.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DataProblem:
    """One problem found in a data file.

    ``row`` is the 1-based line number in the file (the header is line 1),
    or ``None`` when the problem concerns the whole file.

    >>> str(DataProblem("dti.csv", 3, "score", "1.7", "score outside 0..1"))
    "dti.csv:3: column 'score': value '1.7': score outside 0..1"
    """

    file: str
    row: int | None
    column: str | None
    value: object
    message: str

    def __str__(self) -> str:
        where = self.file if self.row is None else f"{self.file}:{self.row}"
        parts = [where]
        if self.column is not None:
            parts.append(f"column '{self.column}'")
        if self.value is not None:
            parts.append(f"value '{_short(self.value)}'")
        parts.append(self.message)
        return ": ".join(parts)


def _short(value: object, limit: int = 60) -> str:
    text = str(value).replace("\n", "\\n").replace("\r", "\\r")
    return text if len(text) <= limit else text[: limit - 1] + "…"


class DTIError(ValueError):
    """Base class for errors a user can fix; ``str()`` is one line.

    >>> str(DTIError("bad input"))
    'bad input'
    """


class DataFileError(DTIError):
    """A data file failed validation; ``problems`` lists every problem found.

    >>> err = DataFileError([DataProblem("x.csv", None, None, None, "file is empty")])
    >>> str(err)
    'x.csv: file is empty'
    """

    def __init__(self, problems: list[DataProblem]):
        self.problems = list(problems)
        first = str(self.problems[0]) if self.problems else "invalid data"
        more = len(self.problems) - 1
        super().__init__(first + (f" (and {more} more problem(s))" if more > 0 else ""))


class UnknownProvinceError(DTIError):
    """A province name, slug or code matched nothing, or more than one unit.

    >>> str(UnknownProvinceError("Ha Noy", ["Hà Nội"]))
    "unknown province 'Ha Noy'; closest matches: Hà Nội"
    """

    def __init__(self, query: str, suggestions: list[str], ambiguous: bool = False):
        self.query = query
        self.suggestions = list(suggestions)
        kind = "ambiguous" if ambiguous else "unknown"
        hint = (
            f"; closest matches: {', '.join(self.suggestions)}"
            if self.suggestions
            else "; see `run_reports.py --list` for all names"
        )
        super().__init__(f"{kind} province '{_short(query)}'{hint}")
