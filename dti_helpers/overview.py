"""The national overview notebook's API: its sections and analysis, in one namespace (``from dti_helpers import overview``)."""
from dti_helpers.analysis.national import (cited_rows, coverage, movers, pillar_scores, pillar_summary, ranking,
                                           regions)
from dti_helpers.sections.national import (SECTIONS, Overview, build, cover, coverage_section, map_section,
                                           movers_section, notes_section, pillars_section, ranking_section,
                                           regions_section, setup)

__all__ = ["Overview", "SECTIONS", "build", "cited_rows", "cover", "coverage", "coverage_section", "map_section",
           "movers", "movers_section", "notes_section", "pillar_scores", "pillar_summary", "pillars_section",
           "ranking", "ranking_section", "regions", "regions_section", "setup"]
