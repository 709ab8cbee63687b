"""The notebook parameters' values, each checked as the notebook checks it, and the one-line error of a bad one.

A caller (render, the batch, a ``--params`` file) checks its values with the same functions
(:data:`PARAMETER_CHECKS`, :func:`check_parameters`), so a wrong value is refused before any kernel starts.

>>> coerce_year("2021"), coerce_units(34), coerce_layout(None)
(2021, '34', 'auto')
"""
from __future__ import annotations

import math
from collections.abc import Mapping

from dti_helpers.core.errors import DTIError
from dti_helpers.core.labels import LANGS
from dti_helpers.core.schema import LAYOUTS, UNIT_SETS
from dti_helpers.sections.province.peer_choice import coerce_peers


class ParameterError(DTIError):
    """A report parameter is not valid (language, peer strategy, year); one-line message.

    >>> str(ParameterError("unknown language 'fr'; use one of: vi, en"))
    "unknown language 'fr'; use one of: vi, en"
    """


class NoFigureError(ParameterError):
    """Valid parameters, but no published figure for the province in the year asked: a batch skips it and says so.

    >>> isinstance(NoFigureError("no published DTI figure for Hà Nam in 2020"), ParameterError)
    True
    """


# Their public home is the package (tracebacks and doctests name it there, as before the split).
ParameterError.__module__ = NoFigureError.__module__ = "dti_helpers.sections.province"


def data_paths(value) -> tuple[str, ...] | None:
    """A ``data_path`` parameter as a tuple of paths, or None for the embedded data alone.

    >>> data_paths("a.csv"), data_paths(["a.csv", "b.xlsx"]), data_paths(""), data_paths([])
    (('a.csv',), ('a.csv', 'b.xlsx'), None, None)
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    paths = (value,) if isinstance(value, str) else tuple(value)
    paths = tuple(str(p) for p in paths if str(p).strip())
    return paths or None


def target_rows(value) -> tuple[dict, ...] | str | None:
    """A ``targets`` parameter as rows (dicts), a file path, or None: one dict is one target.

    >>> target_rows({"province": "Kiên Giang"}), target_rows([]), target_rows("my_targets.csv")
    (({'province': 'Kiên Giang'},), None, 'my_targets.csv')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        return value
    rows = (value,) if isinstance(value, Mapping) else tuple(value)
    return tuple(dict(r) if isinstance(r, Mapping) else r for r in rows) or None


def coerce_year(year) -> int | None:
    """A year parameter as an int, or None for "the latest" (None, "", "latest", NaN).

    >>> coerce_year("2021"), coerce_year("latest"), coerce_year(float("nan"))
    (2021, None, None)
    """
    if year is None or (isinstance(year, str) and year.strip().lower() in ("", "none", "latest")):
        return None
    if isinstance(year, float) and math.isnan(year):
        return None
    try:
        value = int(str(year).strip())
    except ValueError:
        raise ParameterError(f"year '{year}' is not a year; give e.g. 2022, or None for the latest") from None
    return value


def coerce_units(units) -> str | None:
    """A unit-set parameter as "63" or "34", or None for "by the year and the name".

    >>> coerce_units(34), coerce_units(" 63 "), coerce_units(None)
    ('34', '63', None)
    """
    if units is None or (isinstance(units, float) and math.isnan(units)) or str(units).strip() in ("", "None", "auto"):
        return None
    text = str(units).strip()
    if text not in UNIT_SETS:
        raise ParameterError(f"unknown unit set '{units}'; use 63 (the provinces until 2025) or 34 (after the merger)")
    return text


def coerce_layout(layout) -> str:
    """A ``layout`` parameter as one of :data:`LAYOUTS`; ``None`` or "" is "auto".

    >>> coerce_layout(" Brief "), coerce_layout(None)
    ('brief', 'auto')
    >>> coerce_layout("short")
    Traceback (most recent call last):
    ...
    dti_helpers.sections.province.ParameterError: unknown layout 'short'; use one of: auto, full, brief
    """
    if layout is None or (isinstance(layout, float) and math.isnan(layout)):
        return "auto"
    text = str(layout).strip().lower() or "auto"
    if text not in LAYOUTS:
        raise ParameterError(code="unknown_layout", value=layout, choices=", ".join(LAYOUTS))
    return text
def coerce_lang(lang) -> str:
    """A report language, or a one-line :class:`ParameterError` naming the choices.

    >>> coerce_lang("en")
    'en'
    >>> coerce_lang("fr")
    Traceback (most recent call last):
    dti_helpers.sections.province.ParameterError: unknown language 'fr'; use one of: vi, en
    """
    if lang not in LANGS:
        raise ParameterError(f"unknown language '{lang}'; use one of: {', '.join(LANGS)}")
    return lang


def coerce_province(province) -> str:
    """A province parameter as text (name, slug or code); empty is an error.

    >>> coerce_province(24), coerce_province(" Bắc Giang ")
    ('24', 'Bắc Giang')
    """
    if province is None or str(province).strip() == "":
        raise ParameterError("no province given; give a name, slug or GSO code, e.g. 'Bắc Giang'")
    return str(province).strip()


def coerce_embedded(value) -> bool:
    """The ``embedded`` switch: true or false, nothing else (a "no" string would read as true).

    >>> coerce_embedded(False)
    False
    """
    if not isinstance(value, bool):
        raise ParameterError(code="param_not_bool", value=value)
    return value


# Every notebook parameter a caller may set, and the check the notebook applies to it (``resolved``
# is not one: run_reports.py and render write it). A --params file is checked by these same functions.
PARAMETER_CHECKS = {"province": coerce_province, "year": coerce_year, "lang": coerce_lang, "peers": coerce_peers,
                    "data_path": data_paths, "embedded": coerce_embedded, "units": coerce_units,
                    "layout": coerce_layout}


def check_parameters(values: Mapping, allowed=None) -> dict:
    """Notebook parameters (name -> value) checked as the notebook checks them, in a plain dict.

    ``allowed`` limits the names (default: every name of :data:`PARAMETER_CHECKS`). A wrong name
    or value raises a coded one-line :class:`ParameterError` naming the parameter.

    >>> check_parameters({"year": "2021", "peers": "Bắc Ninh, Thái Nguyên"})
    {'year': 2021, 'peers': ('Bắc Ninh', 'Thái Nguyên')}
    >>> check_parameters({"colour": "red"}, allowed=("year", "peers"))
    Traceback (most recent call last):
    dti_helpers.sections.province.ParameterError: unknown parameter 'colour'; use one of: year, peers
    >>> check_parameters({"year": "soon"})
    Traceback (most recent call last):
    dti_helpers.sections.province.ParameterError: year: year 'soon' is not a year; give e.g. 2022, or None for the latest
    """
    names = tuple(allowed if allowed is not None else PARAMETER_CHECKS)
    checked = {}
    for name, value in values.items():
        if name not in names or name not in PARAMETER_CHECKS:
            raise ParameterError(code="param_unknown", param=name, choices=", ".join(names))
        try:
            checked[name] = PARAMETER_CHECKS[name](value)
        except DTIError as exc:
            raise ParameterError(code="param_value", param=name, detail=exc) from None
    return checked
