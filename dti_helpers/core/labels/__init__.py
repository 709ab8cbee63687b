"""All user-facing text, in Vietnamese (default) and English, and number formats.

The one table of labels: every string a reader sees comes from ``LABELS``
through :func:`t`, so a translation fix happens in one place.
"""
from __future__ import annotations

import math

from babel.dates import format_date
from babel.numbers import format_decimal

from dti_helpers.core.labels import brief, cli, common, compare, data, national, province, render, stats, targets

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"

# One table, merged from the domain modules; a key defined twice is a bug caught at import.
LABELS: dict[str, dict[str, str]] = {}
for _domain in (common, data, province, stats, compare, national, render, cli, targets, brief):
    _twice = LABELS.keys() & _domain.LABELS.keys()
    if _twice:
        raise RuntimeError(f"labels defined twice: {sorted(_twice)}")
    LABELS.update(_domain.LABELS)
del _domain, _twice


def t(key: str, lang: str = DEFAULT_LANG, **fields: object) -> str:
    """Return the label ``key`` in ``lang``, with ``{placeholders}`` filled.

    >>> t("not_published", "en")
    'not published'
    >>> t("not_published")
    'chưa có số liệu công bố'
    """
    check_lang(lang)
    try:
        text = LABELS[key][lang]
    except KeyError:
        raise KeyError(f"no label '{key}' in dti_helpers.core.labels.LABELS") from None
    return text.format(**fields) if fields else text


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is a supported language, else raise ``ValueError``.

    >>> check_lang("en")
    'en'
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language '{lang}'; use one of: {', '.join(LANGS)}")
    return lang


def _locale(lang: str) -> str:
    return "vi_VN" if check_lang(lang) == "vi" else "en_US"


def _missing(value) -> bool:
    """True for anything pandas counts as missing (None, NaN, ``pd.NA``, ``NaT``): it is not published."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    import pandas as pd  # only here: labels stays cheap to import for the command line

    return bool(pd.api.types.is_scalar(value) and pd.isna(value))


def fmt_score(value: float | None, lang: str = DEFAULT_LANG, digits: int = 4) -> str:
    """Format a 0..1 score the way the ministry prints it (4 decimals).

    Missing values become the "not published" label, never a number.

    >>> fmt_score(0.3615)
    '0,3615'
    >>> fmt_score(0.3615, "en")
    '0.3615'
    >>> fmt_score(None, "en")
    'not published'
    >>> import pandas as pd
    >>> fmt_score(pd.NA, "en"), fmt_score(float("nan"), "en")
    ('not published', 'not published')
    """
    if _missing(value):
        return t("not_published", lang)
    pattern = "0." + "0" * digits
    return format_decimal(value, format=pattern, locale=_locale(lang))


def fmt_number(value: float, lang: str = DEFAULT_LANG, pattern: str = "#,##0.##") -> str:
    """Format any number with the language's separators.

    >>> fmt_number(1234.5)
    '1.234,5'
    >>> fmt_number(1234.5, "en")
    '1,234.5'
    """
    return format_decimal(value, format=pattern, locale=_locale(lang))


def fmt_rank(rank: float | int | None, of: int | None = 63, lang: str = DEFAULT_LANG) -> str:
    """Format a rank as "x/N" (or just "x" when ``of`` is None).

    >>> fmt_rank(10)
    '10/63'
    >>> fmt_rank(None, lang="en")
    'not published'
    >>> import pandas as pd
    >>> fmt_rank(pd.NA, lang="en"), fmt_rank(pd.Series([7], dtype="Int64")[0])
    ('not published', '7/63')
    """
    if _missing(rank):
        return t("not_published", lang)
    return f"{int(rank)}/{of}" if of else str(int(rank))


def fmt_date(value, lang: str = DEFAULT_LANG, precision: str = "day") -> str:
    """Format a date as the report's language writes it: "21/10/2025", "21 October 2025"; with
    ``precision="year"``, the year alone (a date known only to the year).

    >>> import datetime
    >>> d = datetime.date(2025, 10, 21)
    >>> fmt_date(d), fmt_date(d, "en"), fmt_date(d, "en", "year")
    ('21/10/2025', '21 October 2025', '2025')
    """
    if precision == "year":
        return str(value.year)
    return format_date(value, "d/M/y" if check_lang(lang) == "vi" else "d MMMM y", locale=_locale(lang))


def fmt_list(items, lang: str = DEFAULT_LANG) -> str:
    """Join names as a sentence lists them: "A, B và C" / "A, B and C".

    >>> fmt_list(["Bình Thuận", "Đắk Nông", "Lâm Đồng"]), fmt_list(["A", "B"], "en"), fmt_list(["A"], "en")
    ('Bình Thuận, Đắk Nông và Lâm Đồng', 'A and B', 'A')
    """
    items = [str(i) for i in items]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('list_and', lang)} {items[-1]}"
