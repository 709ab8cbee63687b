"""What a batch request selects, checked before any kernel starts: regions, per-province parameters,
the data file and an edited notebook. Every problem is a :class:`UsageError`: a label key and its
fields, worded at the edge (the command line) in the user's language.
"""
from __future__ import annotations

from pathlib import Path

from dti_helpers.core.errors import DataFileError, DTIError
from dti_helpers.core.labels import t


class UsageError(DTIError):
    """A wrong request: ``key`` names its label in :mod:`dti_helpers.core.labels.cli`, ``fields`` fill it.

    ``str()`` is the English wording; :meth:`message` words it in another language.

    >>> err = UsageError("cli_bad_jobs", value=0)
    >>> str(err), err.message("vi")
    ('--jobs must be 1 or more, not 0', '--jobs phải từ 1 trở lên, không phải 0')
    """

    def __init__(self, key: str, /, **fields: object):
        super().__init__(t(key, "en", **fields))
        # after DTIError's own fields: its wording comes from a cli label, not an err_ code
        self.key = key
        self.fields = fields

    def message(self, lang: str = "en") -> str:
        """The problem in ``lang``.

        >>> UsageError("cli_file_not_found", path="p.toml").message("en")
        'p.toml: file not found'
        """
        return t(self.key, lang, **self.fields)


def choice(value: str, allowed, option: str, what: str) -> str:
    """``value`` when it is one of ``allowed``, else a :class:`UsageError` naming the option.

    >>> choice("pdf", ("html", "pdf"), "--format", "format")
    'pdf'
    >>> choice("docx", ("html", "pdf"), "--format", "format")
    Traceback (most recent call last):
    dti_helpers.batch.select.UsageError: unknown format 'docx' in --format; use one of: html, pdf
    """
    if value not in allowed:
        raise UsageError("cli_unknown_choice", value=value, option=option, what=what, choices=", ".join(allowed))
    return value


def sets_in_scope(year: int | None = None, units: str | None = None) -> tuple[str, ...]:
    """The unit sets a batch covers when no province is named: ``units``, else those assessed in ``year``
    (up to 2023 the 63, from 2025 the 34, 2024 both), else both (each unit at its latest year).

    >>> sets_in_scope(), sets_in_scope(2022), sets_in_scope(2024), sets_in_scope(2025), sets_in_scope(None, "34")
    (('63', '34'), ('63',), ('63', '34'), ('34',), ('34',))
    """
    from dti_helpers.core.schema import unit_sets_of_year

    return (units,) if units else unit_sets_of_year(year)


def resolve_units(cat, names, year: int | None = None, units: str | None = None) -> dict[str, dict[str, str]]:
    """The units named, per unit set: ``{unit_set: {code: name as first typed}}``.

    A name is looked up in the sets the request means (:func:`~dti_helpers.sections.province.params.unit_sets_for`):
    a name of both sets without ``units`` or a year of one set gives a report in each.

    >>> from dti_helpers import load_catalogue
    >>> resolve_units(load_catalogue(), ["Bắc Giang", "Bắc Ninh"], 2024)
    {'63': {'24': 'Bắc Giang', '27': 'Bắc Ninh'}, '34': {'24': 'Bắc Ninh'}}
    >>> resolve_units(load_catalogue(), ["Huế"], units="34")
    {'34': {'46': 'Huế'}}
    """
    from dti_helpers.sections.province.params import unit_sets_for

    asked: dict[str, dict[str, str]] = {}
    for name in names:
        for unit_set in unit_sets_for(cat, name, year, units):
            asked.setdefault(unit_set, {}).setdefault(cat.resolve(name, unit_set), name)
    return asked


def resolve_regions(cat, names) -> list[str]:
    """Region ids of ``names`` (id, Vietnamese or English name, with or without diacritics).

    >>> from dti_helpers import load_catalogue
    >>> resolve_regions(load_catalogue(), ["Tay Nguyen"])
    ['central_highlands']
    """
    from dti_helpers.core.names import normalize_name

    keys = {}
    for region, row in cat.regions.iterrows():
        for name in (region, row["name_vi"], row["name_en"]):
            keys[normalize_name(name)] = region
    found = []
    for name in names:
        region = keys.get(normalize_name(name))
        if region is None:
            raise UsageError("cli_unknown_region", value=name, choices=", ".join(cat.regions.index))
        found.append(region)
    return found


def read_params(path: str, cat, peers_allowed) -> dict:
    """Per-province parameters from a TOML file: ``{code: {"year": int, "peers": str}}``.

    >>> from dti_helpers import load_catalogue
    >>> read_params("/nonexistent/params.toml", load_catalogue(), ("region",))
    Traceback (most recent call last):
    dti_helpers.batch.select.UsageError: /nonexistent/params.toml: file not found
    """
    import tomllib

    try:
        doc = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError("cli_file_not_found", path=path) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError("cli_bad_toml", path=path, detail=exc) from None
    overrides = {}
    for name, values in doc.items():
        if not isinstance(values, dict):
            raise UsageError("cli_params_table", path=path, name=name)
        try:
            code = cat.resolve(name)
        except DTIError as exc:
            raise UsageError("cli_params_province", path=path, name=name, detail=exc) from None
        for key, value in values.items():
            if key == "year" and not (isinstance(value, int) and not isinstance(value, bool)):
                raise UsageError("cli_params_year", path=path, name=name, value=value)
            if key == "peers" and value not in peers_allowed:
                raise UsageError("cli_params_peers", path=path, name=name, value=value,
                                 choices=", ".join(peers_allowed))
            if key not in ("year", "peers"):
                raise UsageError("cli_params_key", path=path, name=name, param=key)
        overrides[code] = dict(values)
    return overrides


def check_notebook(path: str | Path) -> Path:
    """The absolute path of an edited report notebook, once it is known to be one papermill can run.

    It must be a Jupyter notebook with a cell tagged ``parameters`` (without it, papermill
    would put the report's parameters above cells that set their own values).

    >>> from dti_helpers.batch.plan import PROVINCE_NOTEBOOK
    >>> check_notebook(PROVINCE_NOTEBOOK) == PROVINCE_NOTEBOOK
    True
    >>> check_notebook("/nonexistent/copy.ipynb")
    Traceback (most recent call last):
    dti_helpers.batch.select.UsageError: /nonexistent/copy.ipynb: notebook not found
    """
    path = Path(path)
    if not path.is_file():
        raise UsageError("cli_notebook_missing", path=path)
    import nbformat

    try:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
    except Exception as exc:  # noqa: BLE001 - JSON, encoding and schema errors all mean "not a notebook"
        detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise UsageError("cli_notebook_invalid", path=path, detail=detail) from None
    if not any("parameters" in cell.get("metadata", {}).get("tags", []) for cell in nb.cells):
        raise UsageError("cli_notebook_no_parameters", path=path)
    return path.resolve()


def overview_only(scope, provinces=(), regions=(), overview: bool | None = None) -> dict[str, list[str]]:
    """The units of an ``--overview-only`` run: none of any set in ``scope``, so the plan holds only the
    overviews of those sets (and the run refreshes the index pages). A province, a region or
    ``--no-overview`` beside it contradicts it: a one-line error.

    >>> overview_only(("63", "34"))
    {'63': [], '34': []}
    >>> overview_only(("63",), ["24"])
    Traceback (most recent call last):
    ...
    dti_helpers.batch.select.UsageError: --overview-only builds no province report: leave out the provinces and --region
    """
    if provinces or regions:
        raise UsageError("cli_overview_only_selection")
    if overview is False:
        raise UsageError("cli_overview_only_no_overview")
    return {unit_set: [] for unit_set in scope}
