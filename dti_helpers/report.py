"""The notebook's API: the province report's sections and the section kit, in one namespace.

``from dti_helpers import report`` in a notebook gives ``report.setup`` and one function per
section; the kit's parts are the same objects the built-in sections use.
"""
from dti_helpers.sections.province import *  # noqa: F401,F403
from dti_helpers.sections.province import __all__  # noqa: F401
