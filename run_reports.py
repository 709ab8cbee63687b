#!/usr/bin/env python3
"""Generate DTI province reports; see `python run_reports.py --help`."""
import sys

from dti_helpers.cli import main

if __name__ == "__main__":
    sys.exit(main())
