"""The report's parameters, checked and resolved once, and the :class:`Report` every section takes.

>>> rep = setup("da-nang", 2021, "en")
>>> rep.code, rep.year, rep.lang
('48', 2021, 'en')
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

from dti_helpers.analysis import province as an, thin
from dti_helpers.core.errors import UnknownProvinceError
from dti_helpers.core.schema import unit_sets_of_year
from dti_helpers.core.labels import t
from dti_helpers.data.load import DTIData, load_dti
from dti_helpers.data.targets import Target, for_unit, kept_whole, report_targets
from dti_helpers.sections.kit import install_display
from dti_helpers.sections.province.checks import (NoFigureError, coerce_lang, coerce_layout,
                                                  coerce_province, coerce_units, coerce_year, data_paths, target_rows)
from dti_helpers.sections.province.headline import cover
from dti_helpers.sections.province.peer_choice import coerce_peers, resolve_peers

PEER_STRATEGIES = an.PEER_STRATEGIES


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
    # a strategy (PEER_STRATEGIES), or the codes of the chosen provinces of the report's unit set
    peers: str | tuple[str, ...]
    # The analyst's files (absolute paths, most trusted first) and whether the embedded data is merged in.
    data_path: tuple[str, ...] | None
    data_cache: str | None = None  # the checked copy of the data (data.load.write_validated) a kernel reads
    units: str = "63"  # the unit set: "63" (until 30 June 2025) or "34" (after the merger)
    # a batch building a former province's report and its successor's of the same year links them
    successor_report: str | None = None
    embedded: bool = True
    # (format, address relative to the HTML page) of the figures' CSV and XLSX built with the report
    downloads: tuple[tuple[str, str], ...] = ()
    # The analyst's targets: rows as dicts (a notebook parameter, or --targets read by the caller) or a file path.
    targets: tuple | str | None = None
    # SOURCE_DATE_EPOCH as the caller read it (render, batch): the build date the report states; None:
    # the data's date (analysis.dates.build_date), never the clock
    build_epoch: int | None = None
    layout: str = "auto"  # as asked (LAYOUTS); the Report decides "auto" from the data

    def __post_init__(self):
        # A notebook parameter arrives as a list (JSON) or one path: the same request either way.
        object.__setattr__(self, "data_path", data_paths(self.data_path))
        object.__setattr__(self, "downloads", tuple((str(f), str(href)) for f, href in self.downloads or ()))
        object.__setattr__(self, "targets", target_rows(self.targets))
        if not isinstance(self.peers, str):  # a list after a JSON round trip
            object.__setattr__(self, "peers", tuple(str(c) for c in self.peers))

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
        targets = list(self.targets) if isinstance(self.targets, tuple) else self.targets
        peers = self.peers if isinstance(self.peers, str) else list(self.peers)
        return {"province": self.province, "year": self.year_requested, "lang": self.lang, "peers": peers,
                "data_path": list(self.data_path or ()) or None, "embedded": self.embedded, "units": self.units,
                "targets": targets, "layout": self.layout,
                "resolved": {**self.to_dict(), "peers": peers, "data_path": list(self.data_path or ()) or None,
                             "downloads": [list(link) for link in self.downloads], "targets": targets}}

    @property
    def chosen_peers(self) -> bool:
        """Whether the peers are provinces the analyst chose (a list), not a strategy.

        >>> resolve_params(load_dti(), "24", 2020, peers="Bắc Ninh").chosen_peers
        True
        """
        return not isinstance(self.peers, str)

    @property
    def stem(self) -> str:
        """File name stem of the report's outputs; a 34-unit report's carries "34" (slugs repeat across the sets).

        >>> resolve_params(load_dti(), "24", 2020).stem, resolve_params(load_dti(), "24", 2024, units="34").stem
        ('bac-giang-2020-vi', 'bac-ninh-34-2024-vi')
        """
        return f"{self.slug}-{self.year}-{self.lang}" if self.units == "63" else f"{self.slug}-34-{self.year}-{self.lang}"


def unit_sets_for(catalogue, province, year=None, units=None) -> tuple[str, ...]:
    """The unit sets a request means, by the rule of the README: ``units`` when given; else the year
    (up to 2023: the 63; from 2025: the 34); else (2024, or the latest year) the set whose names
    hold ``province``: both when it names a unit in each (Bắc Ninh, Lâm Đồng, Hà Nội).

    >>> from dti_helpers.data.catalogue import load_catalogue
    >>> cat = load_catalogue()
    >>> unit_sets_for(cat, "Kon Tum", 2024), unit_sets_for(cat, "Bắc Ninh", 2024), unit_sets_for(cat, "Huế", 2022)
    (('63',), ('63', '34'), ('63',))
    """
    chosen = coerce_units(units)
    if chosen is not None:
        return (chosen,)
    by_year = unit_sets_of_year(coerce_year(year))
    if len(by_year) == 1:
        return by_year
    found = []
    for unit_set in by_year:
        try:
            catalogue.resolve(province, unit_set)
        except UnknownProvinceError:
            continue
        found.append(unit_set)
    return tuple(found) or ("63",)  # a name in neither set: the 63's error names the closest matches


def resolve_params(data: DTIData, province, year=None, lang: str = "vi", peers="region",
                   units=None, layout="auto") -> ReportParams:
    """Check and resolve the report parameters; raise a one-line :class:`DTIError` on a bad one.

    The data request (files, embedded data) is read off ``data``, so a kernel loads the same data.
    ``year=None`` means the latest year with a published figure for the province. ``units`` is the
    unit set ("63" or "34"); ``None`` applies :func:`unit_sets_for` and, where a name is in both
    sets, takes the 63 (a batch builds both). ``layout`` is one of :data:`LAYOUTS` (:func:`coerce_layout`).

    >>> p = resolve_params(load_dti(), "Lao Cai")
    >>> p.code, p.year, p.province
    ('10', 2022, 'Lao Cai')
    >>> p = resolve_params(load_dti(), "Hà Nội", 2024, units=34)
    >>> p.code, p.name, p.units
    ('01', 'TP. Hà Nội', '34')
    >>> resolve_params(load_dti(), "Lào Cai", 2020)
    Traceback (most recent call last):
    ...
    dti_helpers.sections.province.NoFigureError: no published DTI figure for Lào Cai in 2020; years with data: 2022
    >>> resolve_params(load_dti(), "24", lang="fr")
    Traceback (most recent call last):
    ...
    dti_helpers.sections.province.ParameterError: unknown language 'fr'; use one of: vi, en
    """
    coerce_lang(lang)
    coerce_peers(peers)  # a malformed value fails before any look-up; names are resolved below, in the unit set
    coerce_province(province)
    layout = coerce_layout(layout)
    requested = coerce_year(year)
    unit_set = unit_sets_for(data.catalogue, province, requested, units)[0]
    view = data.for_units(unit_set)
    assessed = view.years()
    if unit_set == "34" and requested is not None and requested not in assessed:
        raise NoFigureError(f"no DTI figures of the 34 units in {requested} (the 34 exist since 1 July 2025); "
                             f"years with 34-unit data: {', '.join(map(str, assessed)) or 'none'}")
    code = data.catalogue.resolve(province, unit_set)
    prov = view.provinces.loc[code]
    # Every one of the 34 was assessed in each year of the set (ranks 1..34), so a unit's report exists
    # for those years even where none of its own figures were published: it says so, and its former
    # provinces' figures give the history. Among the 63, a year without any figure has no report.
    years = assessed if unit_set == "34" else an.years_with_data(view, code)
    if not years:
        raise NoFigureError(f"no published DTI figure for {prov['name']} in any year")
    if requested is None:
        chosen = years[-1]
    elif requested not in years:
        raise NoFigureError(f"no published DTI figure for {prov['name']} in {requested}; "
                             f"years with data: {', '.join(map(str, years))}")
    else:
        chosen = requested
    chosen_peers = resolve_peers(data.catalogue, peers, unit_set, focus=code)
    return ReportParams(str(province), code, prov["name"], prov["slug"], int(chosen), requested, lang, chosen_peers,
                        tuple(i.path for i in data.inputs) or None, units=unit_set, embedded=data.embedded,
                        layout=layout)


@dataclass(frozen=True)
class Report:
    """The data and resolved parameters every section builder takes, and the targets (the analyst's,
    then the shipped ones), checked when the report is set up."""

    data: DTIData
    params: ReportParams
    targets: tuple[Target, ...] | None = field(default=None, compare=False)
    # the layout decided once, here: "brief" or "full" (params.layout "auto" reads the data)
    layout: str | None = field(default=None, compare=False)

    def __post_init__(self):
        if self.targets is None:  # a bad target of the analyst's stops the report here, one line per problem
            object.__setattr__(self, "targets", report_targets(self.params.targets, self.data.catalogue))
        if self.layout is None:
            asked = self.params.layout
            thin_year = asked == "auto" and thin.rank_only(self.data, self.code, self.year)
            object.__setattr__(self, "layout", "brief" if asked == "brief" or thin_year else "full")

    @property
    def is_brief(self) -> bool:
        """Whether this report is the short brief (only the DTI rank published, or ``layout="brief"``).

        >>> setup("Hà Nam", 2022).is_brief, setup("Hà Nam", 2022, layout="full").is_brief
        (True, False)
        """
        return self.layout == "brief"

    @property
    def shown_targets(self) -> tuple[Target, ...]:
        """The targets this report shows (its unit's, and those its province set before the merger).

        >>> [t.target_year for t in setup("Bắc Giang", 2022).shown_targets]
        [2025, 2030]
        """
        kept = kept_whole(self.data.catalogue, self.code) if self.params.units == "63" else None
        return for_unit(self.targets, self.params.units, self.code, kept)

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

    @property
    def section_ids(self) -> tuple[str, ...]:
        """The numbered sections in report order: a 34-unit report adds its former provinces after the trend.

        >>> setup("24", 2024, units="34").section_ids[4:6]
        ('trend', 'former')
        >>> setup("24", 2022).section_ids[-2:], setup("Lào Cai", 2022, layout="full").section_ids[-2:]
        (('targets', 'notes'), ('strengths', 'notes'))

        A brief has fewer, and its data notes are an appendix after them:

        >>> setup("Lào Cai", 2022).section_ids
        ('headline', 'country', 'sources')
        """
        targets = ("targets",) if self.shown_targets else ()
        if self.is_brief:  # the appendix ("notes") follows, unnumbered
            return ("headline", "country", *(("former",) if self.params.units == "34" else ()), *targets, "sources")
        order = ("headline", "scorecard", "peers", "country", "trend", "strengths", *targets, "notes")
        return order if self.params.units == "63" else (*order[:5], "former", *order[5:])

    def title(self, section_id: str) -> str:
        """A section's numbered heading in the report's language.

        >>> setup("24", 2020, "en").title("trend"), setup("01", 2024, "en", units="34").title("notes")
        ('5. Trend', '8. Data notes')
        >>> setup("24", 2024, "en", units="34").title("targets")
        '8. Targets'
        >>> setup("Hà Nam", 2022, "en").title("notes")
        'Appendix: Data notes'
        """
        if section_id == "notes" and self.is_brief:
            return t("sec_appendix", self.lang, title=t("sec_notes", self.lang))
        # the brief's country section holds the rank history too
        title = t("sec_country_brief" if section_id == "country" and self.is_brief else f"sec_{section_id}", self.lang)
        if section_id not in self.section_ids:  # a full section built for a brief by hand: not numbered
            return title
        return t("sec_numbered", self.lang, n=self.section_ids.index(section_id) + 1, title=title)

    def _repr_html_(self) -> str:
        return cover(self).html()


def setup(province="Quảng Ninh", year=None, lang: str = "vi", peers="region", data_path=None,
          resolved: dict | None = None, units=None, embedded: bool = True, targets=None, layout="auto") -> Report:
    """Load the data and resolve the parameters: the first call of the report notebook.

    ``resolved`` is the request the caller already checked (:meth:`ReportParams.notebook_parameters`,
    passed by ``run_reports.py`` and ``render_report``): it is used as it is, so a kernel never
    resolves the province or the year a second time, and it reads the caller's checked copy of
    a data file (``data_cache``) instead of validating the file again.

    ``targets`` adds the analyst's targets (a list of dicts with the columns of ``data/targets.csv``,
    one dict, or a targets file) to the shipped ones (:mod:`dti_helpers.data.targets`). ``layout`` is
    "auto" (a short brief where the year's only published figure is the DTI rank), "full" or "brief".

    It also sets the section kit's language and, under IPython, shows plain
    DataFrames and figures the way the report does (:func:`~dti_helpers.sections.kit.install_display`).

    >>> rep = setup("da-nang", 2021, "en")
    >>> rep.code, rep.year, rep.lang
    ('48', 2021, 'en')
    """
    coerce_lang(lang)  # before loading anything: the cheapest error first
    if resolved:
        params = ReportParams(**resolved)
        data = load_dti(params.data_path, validated=params.data_cache, embedded=params.embedded)
    else:
        data = load_dti(data_paths(data_path), embedded=embedded)
        params = replace(resolve_params(data, province, year, lang, peers, units, layout), targets=targets)
    rep = Report(data.for_units(params.units), params)
    install_display(lang)
    return rep
