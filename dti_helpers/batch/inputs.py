"""The data a command reads: ``--data`` files and folders (repeatable), ``--no-embedded``, ``--sheet``,
``--targets`` (the analyst's DTI targets), the read limits (``--max-file-mb``, ``--max-rows``,
``--max-cells``), and ``check-data``, which validates the data files and lists where they disagree
with the other sources.

One rule for the year of an official table, here as everywhere (:func:`dti_helpers.data.load.load_dti`):
its ``year``/``Năm`` column, else ``--year`` when one file is given, else a year in its file name.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dti_helpers.core.errors import format_problems
from dti_helpers.core.labels import t
from dti_helpers.data.ingest.limits import Limits
from dti_helpers.data.files import DEFAULT_PATH, data_files
from dti_helpers.data.load import load_dti

ROOT = Path(__file__).resolve().parents[2]


def add_data_options(parser: argparse.ArgumentParser, *, several: bool = True) -> None:
    """The data options every command that reads data takes.

    >>> p = argparse.ArgumentParser(); add_data_options(p)
    >>> p.parse_args(["--data", "a.csv", "--data", "tables/", "--no-embedded"]).data
    ['a.csv', 'tables/']
    """
    if several:
        parser.add_argument("--data", action="append", default=None, metavar="PATH",
                            help="data file or folder (tidy CSV or official dti.gov.vn tables, .csv/.xlsx); "
                                 "repeat for several, most trusted first; merged with the embedded data")
    parser.add_argument("--no-embedded", dest="embedded", action="store_false",
                        help="use the --data files alone, without the embedded data")
    parser.add_argument("--sheet", default=None, metavar="NAME",
                        help="the workbook sheet to read (default: the one sheet holding a known table)")
    defaults = Limits()
    parser.add_argument("--max-file-mb", type=positive(float), default=None, metavar="N",
                        help=f"refuse a data file larger than N MB (default: {defaults.max_bytes >> 20})")
    parser.add_argument("--max-rows", type=positive(int), default=None, metavar="N",
                        help=f"refuse a table of more than N rows (default: {defaults.max_rows})")
    parser.add_argument("--max-cells", type=positive(int), default=None, metavar="N",
                        help=f"refuse a table or sheet of more than N cells (default: {defaults.max_cells})")


def positive(kind):
    """An argparse type: a number of ``kind`` above zero.

    >>> positive(int)("3"), positive(float)("0.5")
    (3, 0.5)
    >>> positive(int)("0")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: '0' is not a number above 0
    """
    def convert(text: str):
        try:
            value = kind(text)
        except ValueError:
            value = None
        if value is None or not value > 0:
            raise argparse.ArgumentTypeError(f"'{text}' is not a number above 0")
        return value

    convert.__name__ = kind.__name__  # argparse names the type in its message
    return convert


def data_options(args) -> dict:
    """The data options of a parsed command, as :func:`load_data` and :func:`check_data` take them.

    The limits are passed only when a flag asks for other ones.

    >>> p = argparse.ArgumentParser(); add_data_options(p)
    >>> data_options(p.parse_args(["--no-embedded", "--sheet", "DTI"]))
    {'embedded': False, 'sheet': 'DTI'}
    >>> data_options(p.parse_args(["--max-rows", "10"]))["limits"].max_rows
    10
    """
    options = {"embedded": args.embedded, "sheet": args.sheet}
    asked = {"max_file_mb": args.max_file_mb, "max_rows": args.max_rows, "max_cells": args.max_cells}
    if any(v is not None for v in asked.values()):
        options["limits"] = Limits.of(**asked)
    return options


def load_data(paths, year: int | None = None, *, embedded: bool = True, sheet: str | None = None, limits=None):
    """Load the data of a command: the embedded data merged with ``paths`` (files or folders).

    ``year`` is the year of an official table that names it nowhere; it applies when one file is given.

    >>> load_data(None).path.name
    'dti.csv'
    >>> load_data(["tests/fixtures/official/dti_2021_tong_hop.csv"]).value("48", 2021)
    (0.6419, 1)
    """
    return load_dti(data_files(paths) or None, year, embedded=embedded, sheet=sheet, limits=limits)


def display(path: Path) -> str:
    """How messages name a file: relative to the project when inside it, else as given.

    >>> display(ROOT / "data" / "dti.csv"), display(Path("/tmp/x.csv"))
    ('data/dti.csv', '/tmp/x.csv')
    """
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except (ValueError, OSError, RuntimeError):
        return str(path)


def check_data(paths, year: int | None = None, lang: str = "en", *, embedded: bool = True,
               sheet: str | None = None, limits=None) -> int:
    """Validate each file; print one line per problem, then the disagreements; return the exit code.

    Disagreements between the files and the embedded data (or between two files) are warnings:
    the exit code stays 0, and the reports use the most trusted value and say so in their notes.

    >>> check_data([str(ROOT / "data" / "dti.csv")])
    data/dti.csv: OK (454 values)
    0
    """
    from dti_helpers.data.ingest import check_file

    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    files = data_files(paths, keep_default=True)
    options = {k: v for k, v in (("sheet", sheet), ("limits", limits)) if v is not None}
    table_year = year if len(files) == 1 else None  # the one year rule, for the checks and the merge alike
    failed = False
    for path in files:
        shown = display(path)
        # The problems name the file as the summary line does (relative to the project when inside it).
        problems, n_values = check_file(path, year=table_year, name=shown, **options)
        if problems:
            failed = True
            for line in format_problems(problems, lang):
                print(line, file=sys.stderr)
            print(t("cli_check_problems", lang, path=shown, n=len(problems)), file=sys.stderr)
        else:
            print(t("cli_check_ok", lang, path=shown, n=n_values))
    if failed:
        return 1
    others = [f for f in files if f.resolve() != DEFAULT_PATH]
    if others and (embedded or len(others) > 1):
        data = load_dti(others, table_year, embedded=embedded, **options)
        for conflict in data.conflicts:
            print(t("cli_warning", lang, text=conflict.message(lang)))
        if data.conflicts:
            print(t("cli_check_conflicts", lang, n=len(data.conflicts)))
    return 0


def add_targets_option(parser: argparse.ArgumentParser) -> None:
    """The ``--targets FILE`` option of the commands that build reports.

    >>> p = argparse.ArgumentParser(); add_targets_option(p); p.parse_args(["--targets", "t.csv"]).targets
    't.csv'
    """
    parser.add_argument("--targets", default=None, metavar="FILE",
                        help="your DTI targets (CSV or XLSX, the columns of data/targets.csv), shown with their "
                             "status in the reports of their provinces, beside the shipped ones")


def user_targets(path: str | None, overrides=None) -> tuple:
    """The analyst's targets: those of ``--targets FILE``, then those of the ``--params`` tables, each once.

    Every problem of the file is one line (a :class:`~dti_helpers.core.errors.DataFileError`), before
    any kernel starts.

    >>> from dti_helpers.batch.select import Overrides
    >>> mine = Overrides(units={("63", "24"): {"targets": user_targets("data/targets.csv")[:1]}})
    >>> user_targets(None), len(user_targets(None, mine))
    ((), 1)
    """
    from dti_helpers.data.targets import combine, read_targets

    found = read_targets(path) if path else ()
    tables = [overrides.defaults, *overrides.units.values()] if overrides is not None else []
    for values in tables:
        found = combine(found, values.get("targets", ()))
    return found
