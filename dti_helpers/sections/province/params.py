"""The report's parameters, checked and resolved once, and the :class:`Report` every section takes.

>>> rep = setup("da-nang", 2021, "en")
>>> rep.code, rep.year, rep.lang
('48', 2021, 'en')
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass

from dti_helpers.analysis import province as an
from dti_helpers.core.errors import DTIError
from dti_helpers.core.labels import LANGS
from dti_helpers.data.load import DTIData, load_dti
from dti_helpers.sections.kit import install_display
from dti_helpers.sections.province.headline import cover

PEER_STRATEGIES = an.PEER_STRATEGIES


class ParameterError(DTIError):
    """A report parameter is not valid (language, peer strategy, year); one-line message.

    >>> str(ParameterError("unknown language 'fr'; use one of: vi, en"))
    "unknown language 'fr'; use one of: vi, en"
    """


# Its public home is the package (tracebacks and doctests name it there, as before the split).
ParameterError.__module__ = "dti_helpers.sections.province"


@dataclass(frozen=True)
class ReportParams:
    """The resolved parameters of one report (what the data notes print)."""

    province: str
    code: str
    name: str
    slug: str
    year: int
    year_requested: int | None
    lang: str
    peers: str
    data_path: str | None
    data_cache: str | None = None  # the checked copy of data_path (data.load.write_validated) a kernel reads

    @property
    def latest(self) -> bool:
        """Whether the year was left to the rule "the latest year with published data"."""
        return self.year_requested is None

    def to_dict(self) -> dict:
        """Plain values, for a notebook parameter: the kernel rebuilds this object without resolving again.

        >>> p = resolve_params(load_dti(), "bac-giang", 2020)
        >>> ReportParams(**p.to_dict()) == p
        True
        """
        return asdict(self)

    def notebook_parameters(self) -> dict:
        """The papermill parameters of this report: what was asked, and the resolved request itself.

        >>> resolve_params(load_dti(), "bac-giang", 2020).notebook_parameters()["province"]
        'bac-giang'
        """
        return {"province": self.province, "year": self.year_requested, "lang": self.lang, "peers": self.peers,
                "data_path": self.data_path, "resolved": self.to_dict()}

    @property
    def stem(self) -> str:
        """File name stem of the report's outputs.

        >>> resolve_params(load_dti(), "24", 2020).stem
        'bac-giang-2020-vi'
        """
        return f"{self.slug}-{self.year}-{self.lang}"


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


def resolve_params(data: DTIData, province, year=None, lang: str = "vi", peers: str = "region",
                   data_path=None) -> ReportParams:
    """Check and resolve the report parameters; raise a one-line :class:`DTIError` on a bad one.

    ``year=None`` means the latest year with a published figure for the province.

    >>> p = resolve_params(load_dti(), "Lao Cai")
    >>> p.code, p.year, p.province
    ('10', 2022, 'Lao Cai')
    >>> resolve_params(load_dti(), "Lào Cai", 2020)
    Traceback (most recent call last):
    ...
    dti_helpers.sections.province.ParameterError: no published DTI figure for Lào Cai in 2020; years with data: 2022
    >>> resolve_params(load_dti(), "24", lang="fr")
    Traceback (most recent call last):
    ...
    dti_helpers.sections.province.ParameterError: unknown language 'fr'; use one of: vi, en
    """
    if lang not in LANGS:
        raise ParameterError(f"unknown language '{lang}'; use one of: {', '.join(LANGS)}")
    if peers not in PEER_STRATEGIES:
        raise ParameterError(f"unknown peer strategy '{peers}'; use one of: {', '.join(PEER_STRATEGIES)}")
    if province is None or str(province).strip() == "":
        raise ParameterError("no province given; give a name, slug or GSO code, e.g. 'Bắc Giang'")
    code = data.catalogue.resolve(province)
    prov = data.provinces.loc[code]
    years = an.years_with_data(data, code)
    requested = coerce_year(year)
    if not years:
        raise ParameterError(f"no published DTI figure for {prov['name']} in any year")
    if requested is None:
        chosen = years[-1]
    elif requested not in years:
        raise ParameterError(f"no published DTI figure for {prov['name']} in {requested}; "
                             f"years with data: {', '.join(map(str, years))}")
    else:
        chosen = requested
    return ReportParams(str(province), code, prov["name"], prov["slug"], int(chosen), requested, lang, peers,
                        None if data_path in (None, "") else str(data_path))


@dataclass(frozen=True)
class Report:
    """The data and resolved parameters every section builder takes."""

    data: DTIData
    params: ReportParams

    @property
    def code(self) -> str:
        return self.params.code

    @property
    def year(self) -> int:
        return self.params.year

    @property
    def lang(self) -> str:
        return self.params.lang

    @property
    def name(self) -> str:
        return self.params.name

    def _repr_html_(self) -> str:
        return cover(self).html()


def setup(province="Quảng Ninh", year=None, lang: str = "vi", peers: str = "region", data_path=None,
          resolved: dict | None = None) -> Report:
    """Load the data and resolve the parameters: the first call of the report notebook.

    ``resolved`` is the request the caller already checked (:meth:`ReportParams.notebook_parameters`,
    passed by ``run_reports.py`` and ``render_report``): it is used as it is, so a kernel never
    resolves the province or the year a second time, and it reads the caller's checked copy of
    a data file (``data_cache``) instead of validating the file again.

    It also sets the section kit's language and, under IPython, shows plain
    DataFrames and figures the way the report does (:func:`~dti_helpers.sections.kit.install_display`).

    >>> rep = setup("da-nang", 2021, "en")
    >>> rep.code, rep.year, rep.lang
    ('48', 2021, 'en')
    """
    if lang not in LANGS:  # before loading anything: the cheapest error first
        raise ParameterError(f"unknown language '{lang}'; use one of: {', '.join(LANGS)}")
    if resolved:
        params = ReportParams(**resolved)
        data = load_dti(params.data_path, validated=params.data_cache)
    else:
        data = load_dti(data_path)
        params = resolve_params(data, province, year, lang, peers, data_path)
    rep = Report(data, params)
    install_display(lang)
    return rep
