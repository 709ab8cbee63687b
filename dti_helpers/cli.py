"""Command line of dti-reports (``run_reports.py`` and ``python -m dti_helpers``).

Data problems are printed one per line (file, row, column, value) with a
non-zero exit; no traceback reaches the user for a data problem.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import DTIError

ROOT = Path(__file__).resolve().parent.parent


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (its ``--help`` shows examples).

    >>> build_parser().parse_args(["--check-data", "x.csv"]).check_data
    'x.csv'
    """
    parser = argparse.ArgumentParser(
        prog="run_reports.py",
        description="Validate DTI data files and generate province reports.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
               "  python run_reports.py --check-data data/dti.csv\n"
               "  python run_reports.py --check-data ~/Downloads/dti_2022.xlsx --year 2022\n",
    )
    parser.add_argument("--check-data", metavar="PATH", help="validate a data file (tidy or official layout) and exit")
    parser.add_argument("--year", type=int, help="assessment year (of an official table with --check-data)")
    return parser


def check_data(path: str, year: int | None) -> int:
    """Validate ``path``; print one line per problem; return the exit code.

    >>> check_data(str(ROOT / "data" / "dti.csv"), None)
    data/dti.csv: OK (388 values)
    0
    """
    from .validation import check_file

    problems, n_values = check_file(Path(path), year=year)
    shown = _display(Path(path))
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{shown}: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"{shown}: OK ({n_values} values)")
    return 0


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    args = build_parser().parse_args(argv)
    try:
        if args.check_data:
            return check_data(args.check_data, args.year)
        notebook = ROOT / "notebooks" / "province_report.ipynb"
        if not notebook.exists():
            print("no report notebook yet: data validated, nothing to render")
            return 0
        print("report batch not implemented yet")
        return 0
    except DTIError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
