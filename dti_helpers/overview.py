"""The national overview notebook's API: its sections and analysis, in one namespace (``from dti_helpers import overview``)."""
from dti_helpers.analysis.national import (cited_rows, coverage, movers, pillar_scores, pillar_summary,  # noqa: F401
                                           ranking, regions)
from dti_helpers.sections.national import *  # noqa: F401,F403
