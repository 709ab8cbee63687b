"""The national overview notebook's API: its sections, in one namespace (``from dti_helpers import overview``)."""
from dti_helpers.sections.national import *  # noqa: F401,F403
