"""``python -m dti_helpers COMMAND``: run, render, check-data, build-data, list (see ``--help``)."""
import sys

from dti_helpers.cli import main

sys.exit(main())
