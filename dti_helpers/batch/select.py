"""What a batch request selects, checked before any kernel starts: regions, per-province parameters,
the data file and an edited notebook. Every problem is a :class:`UsageError`: a label key and its
fields, worded at the edge (the command line) in the user's language.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dti_helpers.core.errors import DTIError, worded
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
        return t(self.key, lang, **worded(self.fields, lang))


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


# Notebook parameters a --params table may not set, and where their value comes from instead.
NOT_PER_REPORT = {"province": "[{name}]", "resolved": "run_reports.py", "data_path": "--data",
                  "embedded": "--no-embedded"}
DEFAULT_TABLE = "default"


@dataclass(frozen=True)
class Overrides:
    """The parameters a ``--params`` file sets: for every report (its ``[default]`` table) and per unit.

    ``units`` maps (unit set, code) to that unit's table; a unit's table wins over ``[default]``,
    which wins over the command line.

    >>> o = Overrides({"peers": "rank"}, {("63", "24"): {"year": 2020}})
    >>> o.of("63", "24"), o.of("34", "24")
    ({'peers': 'rank', 'year': 2020}, {'peers': 'rank'})
    """

    defaults: dict = field(default_factory=dict)
    units: dict = field(default_factory=dict)

    def of(self, unit_set: str, code: str) -> dict:
        """The parameters of one unit's reports."""
        return {**self.defaults, **self.units.get((unit_set, code), {})}


def per_report_parameters() -> tuple[str, ...]:
    """The notebook parameters a ``--params`` table may set (every one that can differ between reports).

    >>> per_report_parameters()
    ('year', 'lang', 'peers', 'units', 'layout', 'targets')
    """
    from dti_helpers.sections.province.checks import PARAMETER_CHECKS

    # targets are read apart (rows of a table, citing the params file) but belong to a table all the same
    return (*(name for name in PARAMETER_CHECKS if name not in NOT_PER_REPORT), "targets")


def read_params(path: str, cat, sets=("63", "34")) -> Overrides:
    """Per-report parameters from a TOML file: a ``[default]`` table for every report and one table per
    province (name, slug or GSO code), each key a notebook parameter checked as the notebook checks it.

    A table names the units the command line would for the same name (``units`` and ``year`` in the
    table narrow it, as ``--units`` and ``--year`` do), among the unit sets of the batch, ``sets``.
    A chosen peer list is resolved there too, among each unit's own set. ``targets`` (an array of
    tables with the columns of ``data/targets.csv``, one table, or a file name beside this one) are
    the table's province's unless a row names another; every problem of them is one line
    (:class:`~dti_helpers.core.errors.DataFileError`).

    >>> from dti_helpers import load_catalogue
    >>> read_params("/nonexistent/params.toml", load_catalogue())
    Traceback (most recent call last):
    dti_helpers.batch.select.UsageError: /nonexistent/params.toml: file not found
    """
    import tomllib

    from dti_helpers.sections.province.peer_choice import resolve_peers
    from dti_helpers.sections.province.checks import check_parameters

    try:
        doc = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError("cli_file_not_found", path=path) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError("cli_bad_toml", path=path, detail=exc) from None
    allowed = per_report_parameters()
    defaults, units = {}, {}
    for name, values in doc.items():
        if not isinstance(values, dict):
            raise UsageError("cli_params_table", path=path, name=name)
        values = dict(values)
        # targets are rows of a table, not one notebook value: read as a targets file is, citing this file
        targets = values.pop("targets", None)
        if targets is not None:
            values_targets = _params_targets(path, name, targets, cat, None if name == DEFAULT_TABLE else name)
        for key in values:
            if key in NOT_PER_REPORT:
                raise UsageError("cli_params_not_here", path=path, name=name, param=key, where=NOT_PER_REPORT[key].format(name=name))
        try:
            checked = check_parameters(values, allowed)
            if name == DEFAULT_TABLE:
                for unit_set in sets if "peers" in checked else ():
                    resolve_peers(cat, values["peers"], unit_set)
                defaults = checked if targets is None else {**checked, "targets": values_targets}
                continue
            named = resolve_units(cat, [name], checked.get("year"), checked.get("units"))
            for unit_set, codes in named.items():
                for code in codes if unit_set in sets else ():
                    if "peers" in checked:  # as written: one word reads as a strategy, a TOML list never
                        resolve_peers(cat, values["peers"], unit_set, code)
                    units[(unit_set, code)] = {k: v for k, v in checked.items() if k != "units"}
                    if targets is not None:
                        units[(unit_set, code)]["targets"] = values_targets
        except DTIError as exc:
            raise UsageError("cli_params_problem", path=path, name=name, detail=exc) from None
    return Overrides(defaults, units)


def _params_targets(path: str, name: str, value, cat, province: str | None) -> tuple:
    """The targets of one ``--params`` table, each citing the file (never its folder)."""
    from dti_helpers.data.load import file_version
    from dti_helpers.data.origin import file_ref
    from dti_helpers.data.targets import targets_from_records

    if isinstance(value, str):  # a targets file, beside the params file
        value = str(Path(path).parent / value)
    origin = file_ref(Path(path).name, file_version(Path(path)))
    return targets_from_records(value, cat, label=f"{path} [{name}] targets", province=province, origin=origin)


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
