#!/usr/bin/env python3
"""Generate DTI province reports: `python run_reports.py ARGS` is `python -m dti_helpers run ARGS`.

See `python run_reports.py --help`.
"""
import sys

from dti_helpers.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], front_door=True))
