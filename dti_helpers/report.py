"""The notebook's API: the province report's sections and the section kit, in one namespace.

``from dti_helpers import report`` in a notebook gives ``report.setup``, one
function per built-in section, and the kit an analyst uses for sections of
their own: ``report.text``, ``report.table``, ``report.chart``, ``report.note``
and ``report.section`` (the same parts the built-in sections are made of),
``report.figures`` for published figures of chosen provinces as plain rows, and
``report.compare(rep, ["Bắc Ninh", "Thái Nguyên"])``, a whole comparison section (table and chart).

>>> rep = setup("Bắc Giang", 2022, "en")
>>> rows = figures(rep, ["Bắc Ninh", "Thái Nguyên"], metrics=["dti"])
>>> sec = section("Two chosen provinces", text("DTI rank in 2022."), table(rows, columns=figure_columns(rep)))
>>> sec._repr_mimebundle_()[1]["dti_section"]["id"]
'two-chosen-provinces'
>>> compare(rep, ["Bắc Ninh", "Thái Nguyên"]).title
'Bắc Giang compared with Bắc Ninh, Thái Nguyên'
"""
from dti_helpers.sections.kit import chart, install_display, not_published, note, render_html, section, table, text
from dti_helpers.sections.parts import Chart, DoubtNotes, Note, Section, Table, Text
from dti_helpers.sections.province import (PEER_STRATEGIES, SECTIONS, ParameterError, Report, ReportParams, build,
                                           compare, country, cover, data_notes, figure_columns, figures, former_provinces,
                                           headline, peers,
                                           resolve_params, scorecard, setup, sources, strengths, targets, trend)

__all__ = ["Chart", "DoubtNotes", "Note", "PEER_STRATEGIES", "ParameterError", "Report", "ReportParams", "SECTIONS",
           "Section", "Table", "Text", "build", "chart", "compare", "country", "cover", "data_notes", "figure_columns",
           "figures", "former_provinces", "headline", "install_display", "not_published", "note", "peers", "render_html",
           "resolve_params", "scorecard", "section", "setup", "sources", "strengths", "table", "targets", "text", "trend"]
