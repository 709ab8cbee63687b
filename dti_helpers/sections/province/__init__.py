"""Sections of the province report: one call per section, each returning a kit :class:`Section`.

A section is a heading, a short narrative written from :mod:`dti_helpers.core.labels`,
and its tables and figures, built with the section kit (:mod:`dti_helpers.sections.kit`)
an analyst uses too. It displays inline in JupyterLab and carries its id and
title as output metadata, from which the exported HTML builds its table of contents.

Every section adapts to what the data hold: a figure that is not published is
said to be so in words, a chart is drawn only when it has something to show,
and a doubtful figure is marked with its note. Nothing is filled in.

>>> rep = setup("Bắc Giang", 2020, "en")
>>> sec = headline(rep)
>>> "0.3615" in sec.html() and "10/63" in sec.html()
True
"""
from __future__ import annotations

from dti_helpers.core.labels import check_lang
from dti_helpers.sections import parts
from dti_helpers.sections.province.common import N_UNITS, PILLARS, STRENGTH_MARGIN
from dti_helpers.sections.province.compare import compare
from dti_helpers.sections.province.country import country
from dti_helpers.sections.province.figures import figure_columns, figures
from dti_helpers.sections.province.former import former_provinces
from dti_helpers.sections.province.headline import cover, headline
from dti_helpers.sections.province.notes import data_notes
from dti_helpers.sections.province.params import PEER_STRATEGIES, ParameterError, Report, ReportParams, \
    resolve_params, setup
from dti_helpers.sections.province.peers import peers
from dti_helpers.sections.province.scorecard import scorecard
from dti_helpers.sections.province.strengths import strengths
from dti_helpers.sections.province.targets import targets
from dti_helpers.sections.province.trend import trend

DOUBT_MARK = "†"
SECTIONS = (cover, headline, scorecard, peers, country, trend, former_provinces, strengths, targets, data_notes)


def build(rep: Report) -> list[parts.Section]:
    """All sections in report order (the notebook calls them one by one; this is for scripts); a section
    that does not apply to the report (former provinces, in a report of the 63; targets, where the province
    has none) is left out.

    >>> [s.id for s in build(setup("24", 2020))]
    ['top', 'headline', 'scorecard', 'peers', 'country', 'trend', 'strengths', 'targets', 'notes']
    >>> [s.id for s in build(setup("24", 2024, units="34"))][5:7]
    ['trend', 'former']
    """
    return [s for s in (section(rep) for section in SECTIONS) if s is not None]


__all__ = ["DOUBT_MARK", "N_UNITS", "PEER_STRATEGIES", "PILLARS", "ParameterError", "Report", "ReportParams",
           "SECTIONS", "STRENGTH_MARGIN", "build", "check_lang", "compare", "country", "cover", "data_notes",
           "figure_columns", "figures", "former_provinces", "headline", "peers", "resolve_params", "scorecard", "setup", "strengths",
           "targets", "trend"]
