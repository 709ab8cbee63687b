"""``python -m dti_helpers.render``: one report, HTML and PDF."""
import sys

from dti_helpers.render.report import main

sys.exit(main())
