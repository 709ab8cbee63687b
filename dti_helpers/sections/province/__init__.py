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
from dti_helpers.sections.province import brief
from dti_helpers.sections.province import country as country_section, former as former_section, \
    headline as headline_section, notes as notes_section, peers as peers_section, scorecard as scorecard_section, \
    strengths as strengths_section, trend as trend_section
from dti_helpers.sections.province.common import N_UNITS, PILLARS, STRENGTH_MARGIN
from dti_helpers.sections.province.compare import compare
from dti_helpers.sections.province.figures import figure_columns, figures
from dti_helpers.core.schema import LAYOUTS
from dti_helpers.sections.province.checks import NoFigureError, ParameterError
from dti_helpers.sections.province.params import PEER_STRATEGIES, Report, ReportParams, resolve_params, setup
from dti_helpers.sections.province.targets import targets

DOUBT_MARK = "†"
# The notebook's section calls: each renders its full form, or in a brief (rep.is_brief) its brief form or nothing.
cover = brief.by_layout(headline_section.cover, brief.cover(headline_section.cover))
headline = brief.by_layout(headline_section.headline, brief.headline)
scorecard = brief.by_layout(scorecard_section.scorecard)
peers = brief.by_layout(peers_section.peers)
country = brief.by_layout(country_section.country, brief.country)
trend = brief.by_layout(trend_section.trend)  # the brief's rank history is in its country section
former_provinces = brief.by_layout(former_section.former_provinces, brief.former)
strengths = brief.by_layout(strengths_section.strengths)
sources = brief.by_layout(None, brief.sources)
data_notes = brief.by_layout(notes_section.data_notes, brief.appendix(notes_section.data_notes))
SECTIONS = (cover, headline, scorecard, peers, country, trend, former_provinces, strengths, targets, sources,
            data_notes)


def build(rep: Report) -> list[parts.Section]:
    """All sections in report order (the notebook calls them one by one; this is for scripts); a section
    that does not apply to the report (former provinces, in a report of the 63; targets, where the province
    has none) is left out.

    >>> [s.id for s in build(setup("24", 2020))]
    ['top', 'headline', 'scorecard', 'peers', 'country', 'trend', 'strengths', 'targets', 'notes']
    >>> [s.id for s in build(setup("24", 2024, units="34"))][5:7]
    ['trend', 'former']
    >>> [s.id for s in build(setup("Hà Nam", 2022))]
    ['top', 'headline', 'country', 'sources', 'notes']
    """
    return [s for s in (section(rep) for section in SECTIONS) if s is not None]


__all__ = ["DOUBT_MARK", "LAYOUTS", "N_UNITS", "PEER_STRATEGIES", "PILLARS", "NoFigureError", "ParameterError",
           "Report", "ReportParams", "SECTIONS", "STRENGTH_MARGIN", "build", "check_lang", "compare", "country",
           "cover", "data_notes", "figure_columns", "figures", "former_provinces", "headline", "peers",
           "resolve_params", "scorecard", "setup", "sources", "strengths", "targets", "trend"]
