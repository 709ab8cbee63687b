"""``python -m dti_helpers`` is the same command as ``run_reports.py``."""
import sys

from dti_helpers.cli import main

sys.exit(main())
