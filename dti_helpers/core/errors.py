"""Errors a user can fix: each carries a stable ``code`` and its ``fields``, worded only when shown.

Like pandera's ``SchemaError`` with its ``reason_code``, a problem is data
(code, file, row, column, value, fields); ``message(lang)`` words it from
:mod:`dti_helpers.core.labels` in Vietnamese or English, and ``str()`` is the
English message. Tests compare codes and fields; the command line prints
``message(lang)`` in the user's language.

>>> p = DataProblem("score_out_of_range", "dti.csv", 3, "score", "1.7")
>>> p.code, p.row
('score_out_of_range', 3)
>>> p.message("vi")
"dti.csv:3: column 'score': value '1.7': điểm ngoài khoảng 0..1"
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from dti_helpers.core.labels import t

# Label keys: a problem's code ``c`` is worded by ``val_c``, an error's code by ``err_c``.
PROBLEM_PREFIX, ERROR_PREFIX = "val_", "err_"
# Field names that would collide with the parameters of ``labels.t``.
RESERVED_FIELDS = frozenset({"key", "lang"})


@dataclass(frozen=True, eq=False)
class DataProblem:
    """One problem found in a data file: a reason code and where it is.

    ``row`` is the 1-based line number in the file (the header is line 1),
    or ``None`` when the problem concerns the whole file. ``fields`` fill the
    label's placeholders (and say what was expected).

    >>> p = DataProblem("rank_out_of_range", "x.csv", 2, "rank", "64", {"n": 63})
    >>> str(p)
    "x.csv:2: column 'rank': value '64': rank outside 1..63"
    >>> p == DataProblem("rank_out_of_range", "x.csv", 2, "rank", "64", {"n": 63})
    True
    """

    code: str
    file: str
    row: int | None = None
    column: str | None = None
    value: object = None
    fields: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self):
        if RESERVED_FIELDS & self.fields.keys():
            raise ValueError(f"problem fields may not be named {sorted(RESERVED_FIELDS & self.fields.keys())}")
        object.__setattr__(self, "fields", MappingProxyType(dict(self.fields)))

    def _key(self) -> tuple:
        return (self.code, self.file, self.row, self.column, self.value, tuple(sorted(self.fields.items())))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DataProblem) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"DataProblem({self.code!r}, {self.file!r}, {self.row!r}, {self.column!r}, {self.value!r}, "
                f"{dict(self.fields)!r})")

    def reason(self, lang: str = "en") -> str:
        """The label of the code alone, without file, row, column or value.

        >>> DataProblem("empty_file", "x.csv").reason("vi")
        'tệp rỗng'
        """
        return t(PROBLEM_PREFIX + self.code, lang, **self.fields)

    def message(self, lang: str = "en") -> str:
        """The one-line message "file:row: column 'x': value 'v': reason" in ``lang``.

        >>> DataProblem("empty_file", "x.csv").message("en")
        'x.csv: file is empty'
        """
        where = self.file if self.row is None else f"{self.file}:{self.row}"
        parts = [where]
        if self.column is not None:
            parts.append(f"column '{self.column}'")
        if self.value is not None:
            parts.append(f"value '{shorten(self.value)}'")
        parts.append(self.reason(lang))
        return ": ".join(parts)

    def __str__(self) -> str:
        return self.message("en")

    @classmethod
    def from_error(cls, error: "DTIError", file: str, row: int | None, column: str | None,
                   value: object) -> "DataProblem":
        """The problem of a cell that raised a coded :class:`DTIError` (e.g. an unknown province).

        >>> DataProblem.from_error(UnknownProvinceError("Ha Noy", ["Hà Nội"]), "x.csv", 2, "province", "Ha Noy").code
        'unknown_province'
        """
        fields = {k: v for k, v in error.fields.items() if k != "query"}
        return cls(error.code or "invalid_value", file, row, column, value, fields)


def shorten(value: object, limit: int = 60) -> str:
    """A value as a problem quotes it: one line, at most ``limit`` characters.

    >>> shorten("a\\nb"), len(shorten("x" * 100))
    ('a\\\\nb', 60)
    """
    text = str(value).replace("\n", "\\n").replace("\r", "\\r")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_problems(problems, lang: str = "en", limit: int = 50) -> list[str]:
    """The problems worded one per line, at most ``limit``, then how many more there are.

    A file of three million bad rows gives a screenful the user can read, not three million lines.

    >>> format_problems([DataProblem("empty_file", "x.csv")] * 3, "en", limit=2)
    ['x.csv: file is empty', 'x.csv: file is empty', '… and 1 more problem(s)']
    """
    lines = [p.message(lang) for p in problems[:limit]]
    if len(problems) > limit:
        lines.append(t("cli_more_problems", lang, n=len(problems) - limit))
    return lines


class DTIError(ValueError):
    """Base class for errors a user can fix; ``str()`` is one English line.

    A subclass (or a caller) gives a ``code`` and fields, worded by the label
    ``err_<code>``; a plain text is still accepted and shown as it is.

    >>> str(DTIError("bad input"))
    'bad input'
    >>> DTIError(code="more_problems", n=2).message("vi")
    '(và 2 lỗi khác)'
    """

    code: str | None = None

    def __init__(self, text: str | None = None, *, code: str | None = None, **fields: object):
        self.code = code or type(self).code
        self.fields = dict(fields)
        self._text = text
        super().__init__(text if text is not None else self.message("en"))

    def message(self, lang: str = "en") -> str:
        """The error in ``lang`` (the text as given when it has no code).

        >>> DTIError("bad input").message("vi")
        'bad input'
        """
        if self._text is not None or self.code is None:
            return str(self._text)
        return t(ERROR_PREFIX + self.code, lang, **worded(self.fields, lang))


def worded(fields: Mapping[str, object], lang: str) -> dict:
    """Fields for a label, an error among them (the detail of a wrapping error) worded in ``lang`` too.

    >>> worded({"n": 2, "detail": DTIError(code="more_problems", n=1)}, "vi")
    {'n': 2, 'detail': '(và 1 lỗi khác)'}
    """
    return {k: v.message(lang) if isinstance(v, DTIError) else v for k, v in fields.items()}


class DataFileError(DTIError):
    """A data file failed validation; ``problems`` lists every problem found.

    >>> err = DataFileError([DataProblem("empty_file", "x.csv")])
    >>> str(err), err.problems[0].code
    ('x.csv: file is empty', 'empty_file')
    >>> DataFileError([DataProblem("empty_file", "x.csv")] * 2).message("vi")
    'x.csv: tệp rỗng (và 1 lỗi khác)'
    """

    code = "data_file"

    def __init__(self, problems: list[DataProblem]):
        self.problems = list(problems)
        super().__init__(code=self.code, n=len(self.problems))

    def message(self, lang: str = "en") -> str:
        """The first problem in ``lang``, and how many more there are.

        >>> DataFileError([]).message("vi")
        'dữ liệu không hợp lệ'
        """
        if not self.problems:
            return t(ERROR_PREFIX + "invalid_data", lang)
        more = len(self.problems) - 1
        first = self.problems[0].message(lang)
        return first + (" " + t(ERROR_PREFIX + "more_problems", lang, n=more) if more > 0 else "")


class UnknownProvinceError(DTIError):
    """A province name, slug or code matched nothing, or more than one unit.

    ``code`` is ``unknown_province``, ``unknown_province_none`` (no close
    match) or ``ambiguous_province``; ``fields`` hold ``query`` and ``matches``.

    >>> err = UnknownProvinceError("Ha Noy", ["Hà Nội"])
    >>> str(err)
    "unknown province 'Ha Noy'; closest matches: Hà Nội"
    >>> err.code, err.fields["matches"]
    ('unknown_province', 'Hà Nội')
    """

    def __init__(self, query: str, suggestions: list[str], ambiguous: bool = False):
        self.query = query
        self.suggestions = list(suggestions)
        self.ambiguous = ambiguous
        code = ("ambiguous_province" if ambiguous else
                "unknown_province" if self.suggestions else "unknown_province_none")
        super().__init__(code=code, query=shorten(query), matches=", ".join(self.suggestions))
