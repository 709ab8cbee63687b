"""What every overview section takes (:class:`Overview`, from :func:`setup`) and the cells they share.

A cell is text or a kit part (:mod:`dti_helpers.sections.parts`); the HTML is
the kit templates' business. A doubtful figure is marked † through the
section's :class:`~dti_helpers.sections.parts.DoubtNotes`, with the row's note
in the overview's language.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dti_helpers.analysis.national import N_UNITS, data_row
from dti_helpers.analysis.provenance import note_text
from dti_helpers.core.labels import LANGS, fmt_rank, fmt_score, t
from dti_helpers.core.schema import UNIT_SETS
from dti_helpers.data.load import DTIData, load_dti
from dti_helpers.sections import kit
from dti_helpers.sections.parts import DoubtNotes, Span
from dti_helpers.sections.province.checks import ParameterError, data_paths


@dataclass(frozen=True)
class Overview:
    """The data, the year and the language every overview section takes."""

    data: DTIData
    year: int
    lang: str
    data_path: tuple[str, ...] | None = None
    year_requested: int | None = None
    # (format, address relative to the HTML page) of the figures' CSV and XLSX built with the page
    downloads: tuple[tuple[str, str], ...] = ()
    # SOURCE_DATE_EPOCH as the batch read it: the build date the overview states (None: the data's date)
    build_epoch: int | None = None

    @property
    def n(self) -> int:
        """The number of units ranked: 63, or 34 for an overview of the units after the merger."""
        return self.data.n_units


def setup(year=None, lang: str = "vi", data_path=None, data_cache=None, units: str = "63",
          embedded: bool = True, downloads=None, build_epoch: int | None = None) -> Overview:
    """Load the data and check the parameters: the first call of the overview notebook.

    ``year=None`` means the latest assessed year of the unit set ``units`` ("63" or "34").
    ``data_path`` is the analyst's files (one path or a list), merged with the embedded data
    unless ``embedded=False``. ``data_cache`` is the batch's checked copy
    of that data (:func:`~dti_helpers.data.load.write_validated`), read instead of
    validating the file again. ``downloads`` are the (format, relative address) pairs of the
    figures' CSV and XLSX a batch builds with the page, which its cover links. ``build_epoch`` is the
    build time the batch read from ``SOURCE_DATE_EPOCH``, stated as the overview's build date. In
    IPython it also makes plain DataFrames and figures display (and export) in the overview's style
    and language.

    >>> ov = setup(2022, "en")
    >>> ov.year, ov.lang
    (2022, 'en')
    >>> try:
    ...     setup(2019)
    ... except ParameterError as exc:
    ...     print(exc)
    no DTI data for 2019; years with data: 2020, 2021, 2022, 2023, 2024
    """
    if lang not in LANGS:
        raise ParameterError(f"unknown language '{lang}'; use one of: {', '.join(LANGS)}")
    if str(units) not in UNIT_SETS:
        raise ParameterError(f"unknown unit set '{units}'; use 63 or 34")
    data = load_dti(data_paths(data_path), validated=data_cache, embedded=embedded).for_units(str(units))
    years = data.years()
    requested = None if year in (None, "") else int(year)
    if requested is not None and requested not in years:
        raise ParameterError(f"no DTI data for {requested}; years with data: {', '.join(map(str, years))}")
    kit.install_display(lang)
    epoch = None if build_epoch in (None, "") else int(build_epoch)
    return Overview(data, requested if requested is not None else years[-1], lang,
                    data_paths(data_path), requested, tuple((str(f), str(href)) for f, href in downloads or ()),
                    epoch)


def np_short(lang: str) -> Span:
    """The short "not published" of the overview's dense tables (the intro sentences say it in full).

    >>> np_short("en")
    Span(content='not published', cls='np')
    """
    return Span(t("chart_np_short", lang), "np")


def score_cell(value, lang: str):
    """A score as the report prints it, or the short "not published".

    >>> score_cell(0.41234, "vi"), score_cell(None, "en").cls
    ('0,4123', 'np')
    """
    return np_short(lang) if value is None or pd.isna(value) else fmt_score(float(value), lang)


def rank_cell(value, lang: str, of: int | None = N_UNITS):
    """A rank as "7/63" (``of=None``: "7"), or the short "not published".

    >>> rank_cell(7, "en"), rank_cell(7, "en", None), rank_cell(pd.NA, "en").cls
    ('7/63', '7', 'np')
    """
    return np_short(lang) if value is None or pd.isna(value) else fmt_rank(int(value), of, lang)


def metric_name(ov: Overview, metric: str) -> str:
    """The metric's name in the overview's language.

    >>> metric_name(setup(2022, "en"), "xhs")
    'Digital society'
    """
    return ov.data.catalogue.metric_label(metric, ov.lang)


def region_name(ov: Overview, region: str) -> str:
    """The region's name in the overview's language.

    >>> region_name(setup(2022, "en"), "central_highlands")
    'Central Highlands'
    """
    return ov.data.catalogue.region_name(region, ov.lang)


def row_note(ov: Overview, code: str, year: int, metric: str) -> str:
    """The data note of one row, in the overview's language ("" when none).

    >>> "2023" in row_note(setup(2024, "en"), "11", 2024, "dti")
    True
    """
    row = data_row(ov.data, code, year, metric)
    return "" if row is None else note_text(row, ov.lang)


def mark(notes: DoubtNotes, ov: Overview, cell, value, doubtful: bool, code: str, year: int, metric: str,
         left_out: bool = False):
    """``cell`` marked † with a footnote when its row is doubtful and the value is published.

    A "not published" cell never carries the mark: the doubt is about a figure the source printed.
    ``left_out`` adds that the figure is not in the statistics shown.

    >>> ov, notes = setup(2024, "en"), DoubtNotes("en")
    >>> mark(notes, ov, "24/63", 24, True, "11", 2024, "dti"), mark(notes, ov, "x", None, True, "11", 2024, "dti")
    (Doubt(content='24/63'), 'x')
    >>> notes.items[0].startswith("Điện Biên, DTI 2024: ")
    True
    """
    if not doubtful or value is None or pd.isna(value):
        return cell
    what = f"{ov.data.provinces.at[code, 'name']}, {metric_name(ov, metric)} {year}"
    if left_out:
        what += f" ({t('ov_doubt_left_out', ov.lang)})"
    return notes.mark(cell, True, row_note(ov, code, year, metric), what)
