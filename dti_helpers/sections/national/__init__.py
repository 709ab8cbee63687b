"""The national overview's sections: all provinces together, for one assessment year and across years.

The figures come from :mod:`dti_helpers.analysis.national` (tidy DataFrames);
each builder takes an :class:`Overview` and returns a kit
:class:`~dti_helpers.sections.parts.Section` (view data; the kit templates
make its HTML) that displays in JupyterLab and exports through
:mod:`dti_helpers.render`.

>>> [s.id for s in build(setup(2022))]
['top', 'ranking', 'pillars', 'regions', 'map', 'movers', 'coverage', 'notes']
"""
from __future__ import annotations

from dti_helpers.sections.national.context import Overview, setup
from dti_helpers.sections.national.notes import notes_section
from dti_helpers.sections.national.trends import coverage_section, movers_section, pillars_section
from dti_helpers.sections.national.year import cover, map_section, ranking_section, regions_section
from dti_helpers.sections.parts import Section

SECTIONS = (cover, ranking_section, pillars_section, regions_section, map_section, movers_section,
            coverage_section, notes_section)


def build(ov: Overview) -> list[Section]:
    """All overview sections in order (the notebook calls them one by one; this is for scripts).

    >>> len(build(setup(2024, "en")))
    8
    """
    return [section(ov) for section in SECTIONS]


__all__ = ["Overview", "SECTIONS", "build", "cover", "coverage_section", "map_section", "movers_section",
           "notes_section", "pillars_section", "ranking_section", "regions_section", "setup"]
