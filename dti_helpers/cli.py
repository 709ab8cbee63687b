"""Command line of dti-reports: ``python -m dti_helpers COMMAND`` and its front door ``run_reports.py``.

Commands: ``run`` (the batch; ``run_reports.py ARGS`` is ``python -m dti_helpers run ARGS``),
``render`` (one report), ``check-data FILE``, ``build-data`` and ``list``. Every bad input,
whether a wrong parameter, an unknown province or a data problem, is one line on stderr with
exit status 2; no traceback reaches the user for a problem they can fix. Messages are in
English unless ``--lang`` is given: then in its first language (``--lang vi`` gives Vietnamese).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from dti_helpers.batch import inputs
from dti_helpers.batch.manifest import OutputFolderBusy
from dti_helpers.batch.plan import FORMATS
from dti_helpers.batch.select import UsageError
from dti_helpers.core.errors import DataFileError, DTIError, UnknownProvinceError
from dti_helpers.core.labels import LANGS, t
from dti_helpers.core.schema import LAYOUTS, UNIT_SETS
from dti_helpers.render.formats import ALL_FORMATS

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = ("run", "render", "check-data", "build-data", "list")

EPILOG = """\
which units (--units 63|34): the 63 provinces until June 2025, the 34 after the merger. Without
  it: up to 2023 the 63, from 2025 the 34; for 2024 or no --year, a name of both sets (Bắc Ninh,
  Hà Nội) gives a report in each (the 34's: <slug>-34-<year>-<lang>), no name every unit of both.

which year each report covers:
  without --year, each province gets its own latest year with any published
  figure (so all 63 provinces get a report; a province whose only figure is
  its 2022 rank gets a 2022 report). With --year YEAR, provinces with no
  published figure that year are listed as skipped, with the reason, and do
  not count as failures. The national overview covers --year, or else every
  assessed year (one overview per year).

outputs (under --out, default reports/):
  html/<slug>-<year>-<lang>.html, pdf/<slug>-<year>-<lang>.pdf (csv/ and xlsx/ with
  --format csv,xlsx: the figures each report shows, linked from its HTML), the executed
  notebooks/ and logs/ of each report, html|pdf/national-overview-<year>-<lang>.*,
  index.html (Vietnamese) and index-en.html, and manifest.json, which records
  the inputs of every output: unchanged reports are not rebuilt (--force does).
  The overview is built when no province or region is selected (or with --overview).

exit status: 0 all reports built or up to date; 1 a report failed (the others
  are still built; the summary names its executed notebook and log); 2 a wrong
  parameter or a data problem; 130 interrupted (finished reports are kept).

examples:
  python run_reports.py                          # every province, latest year each, vi, HTML+PDF
  python run_reports.py "Bắc Giang" da-nang 01   # by name, slug or GSO code
  python run_reports.py --region "Tây Nguyên" --year 2022 --lang vi,en
  python run_reports.py --format html --jobs 4 --out /tmp/reports
  python run_reports.py --dry-run                # what would be built, and why
  python run_reports.py --list                   # every province with its years of data
  python run_reports.py --list --units 34        # the 34 units with their former provinces
  python run_reports.py "Hà Nội" --units 34 --year 2024   # one unit of the 34
  python run_reports.py --params params.toml     # per-province year or peers, e.g. [bac-giang] peers = "rank"
  python run_reports.py "Bắc Giang" --year 2020 --notebook my_copy.ipynb   # from an edited notebook
  python run_reports.py --check-data data/dti.csv
  python run_reports.py --check-data ~/Downloads/dti_2022.xlsx --year 2022
"""


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error (the usage block would bury it), in the messages' language."""

    def __init__(self, *args, lang: str = "en", **kwargs):
        super().__init__(*args, **kwargs)
        self.lang = lang

    def error(self, message: str):
        self.exit(2, t("cli_see_help", self.lang, prog=self.prog, message=message) + "\n")


def _csv(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))


def message_lang(argv: list[str]) -> str:
    """The language of the command line's own messages: the first of ``--lang``, else English.

    >>> message_lang(["24", "--lang", "vi,en"]), message_lang(["--lang=en"]), message_lang(["--lang", "fr"])
    ('vi', 'en', 'en')
    >>> message_lang(["24"])
    'en'
    """
    for i, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else argv[i + 1] if (
            arg == "--lang" and i + 1 < len(argv)) else None
        if value is not None:
            first = (_csv(value) or ("en",))[0]
            return first if first in LANGS else "en"
    return "en"


def _run_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("provinces", nargs="*", metavar="PROVINCE",
                   help="names, slugs or GSO codes (default: all 63), e.g. 'Bắc Giang' bac-giang 24")
    p.add_argument("--units", choices=UNIT_SETS, default=None,
                   help="unit set: 63 (provinces until 2025) or 34 (after the merger); default: by year and name")
    p.add_argument("--region", type=_csv, default=(), metavar="REGION[,REGION]",
                   help="add every province of these regions (id, Vietnamese or English name)")
    p.add_argument("--year", type=int, help="assessment year (default: each province's latest year with data); "
                                            "with --check-data, the year of an official table")
    p.add_argument("--lang", type=_csv, default=("vi",), metavar="vi,en",
                   help="report languages (default: vi); the first one is also the language of these messages "
                        "(English without --lang)")
    p.add_argument("--format", type=_csv, default=FORMATS, metavar="html,pdf",
                   help="output formats: html, pdf, csv, xlsx (default: html,pdf); csv and xlsx hold each report's "
                        "figures, linked from its HTML")
    p.add_argument("--jobs", type=int, default=None, metavar="N", help="reports built in parallel (default: the CPU count)")
    p.add_argument("--out", default="reports", metavar="DIR", help="output folder (default: reports)")
    p.add_argument("--peers", default="region", metavar="STRATEGY", help="peer strategy: region (default), rank or profile")
    p.add_argument("--layout", default="auto", metavar="LAYOUT",
                   help="auto (default: a short brief when the year's only published figure is the DTI rank), "
                        "full or brief")
    p.add_argument("--params", metavar="FILE",
                   help="TOML file of per-province parameters: a [province] table with year, peers and/or targets")
    p.add_argument("--notebook", metavar="PATH",
                   help="build the provinces from this edited copy of notebooks/province_report.ipynb")
    p.add_argument("--overview", action=argparse.BooleanOptionalAction, default=None,
                   help="build the national overview (default: only when no province or region is selected)")
    p.add_argument("--force", action="store_true", help="rebuild even the reports that are up to date")
    p.add_argument("--dry-run", action="store_true", help="print what would be built, and why; build nothing")
    p.add_argument("--timeout", type=float, default=600, metavar="SECONDS", help="time limit of one report (default: 600)")
    p.add_argument("--no-wait", action="store_true",
                   help="stop at once if another run is writing to the output folder (default: wait)")
    p.add_argument("--list", action="store_true", help="list the provinces with their years of data and exit")
    p.add_argument("--check-data", action="append", metavar="PATH", help="validate a data file or folder and exit")
    inputs.add_data_options(p)
    inputs.add_targets_option(p)


def build_parser(lang: str = "en", run_prog: str = "python -m dti_helpers run") -> argparse.ArgumentParser:
    """The argument parser: one subcommand per task (``run --help`` shows examples and the year rule).

    >>> build_parser().parse_args(["check-data", "x.csv"]).file
    ['x.csv']
    >>> a = build_parser().parse_args(["run", "bac-giang", "--lang", "vi,en", "--jobs", "2"])
    >>> a.command, a.provinces, a.lang, a.jobs
    ('run', ['bac-giang'], ('vi', 'en'), 2)
    """
    parser = _Parser(prog="python -m dti_helpers", lang=lang, formatter_class=argparse.RawDescriptionHelpFormatter,
                     description="DTI province reports (HTML and PDF): build them in batch, render one, check data.",
                     epilog="`python run_reports.py ARGS` is `python -m dti_helpers run ARGS`; "
                            "without a command, ARGS go to run.\nSee `python -m dti_helpers COMMAND --help`.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    run = sub.add_parser("run", prog=run_prog, lang=lang, help="generate the reports in batch (run_reports.py)",
                         description="Generate the DTI province reports (HTML and PDF) in batch, and validate "
                                     "data files.", formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EPILOG)
    _run_arguments(run)
    render = sub.add_parser("render", lang=lang, help="render one province's report",
                            description="Render one province's DTI report (HTML and PDF).")
    render.add_argument("province", help="name, slug or GSO code, e.g. 'Bắc Giang', bac-giang, 24")
    render.add_argument("--year", default=None, help="assessment year (default: the latest with data)")
    render.add_argument("--lang", default="vi", help="vi (default) or en")
    render.add_argument("--peers", default="region", help="region (default), rank or profile")
    render.add_argument("--layout", default="auto",
                        help="auto (default: a short brief when the year's only published figure is the DTI rank), "
                             "full or brief")
    render.add_argument("--format", default="html,pdf",
                        help="comma-separated: html, pdf, csv, xlsx (default: html,pdf); csv and xlsx hold the "
                             "report's figures, linked from its HTML")
    render.add_argument("--out", default="reports", help="output folder (default: reports)")
    inputs.add_data_options(render)
    render.add_argument("--notebook", default=None, help="an edited copy of notebooks/province_report.ipynb")
    render.add_argument("--units", choices=UNIT_SETS, default=None, help="unit set: 63 or 34 (default: by year and name)")
    inputs.add_targets_option(render)
    check = sub.add_parser("check-data", lang=lang, help="validate a data file (tidy or official layout)")
    check.add_argument("file", metavar="FILE", nargs="+", help="data files or folders")
    check.add_argument("--year", type=int, help="the year of an official table that does not name it (one file)")
    inputs.add_data_options(check, several=False)
    build = sub.add_parser("build-data", lang=lang,
                           help="rebuild data/*.csv and data/datapackage.json from data/raw/ (developers)")
    build.add_argument("--data-dir", type=Path, default=ROOT / "data", help="data folder (default: data/)")
    listing = sub.add_parser("list", lang=lang, help="every province with its years of data")
    inputs.add_data_options(listing)
    listing.add_argument("--units", choices=UNIT_SETS, default="63", help="unit set: 63 (default) or 34")
    for p in (check, build, listing):
        p.add_argument("--lang", default="en", metavar="vi|en", help="language of the messages (default: en)")
    return parser


def problem_text(problem, lang: str) -> str:
    """One data problem worded for the user in ``lang``.

    >>> from dti_helpers import DataProblem
    >>> problem_text(DataProblem("empty_file", "x.csv"), "en"), problem_text(DataProblem("empty_file", "x.csv"), "vi")
    ('x.csv: file is empty', 'x.csv: tệp rỗng')
    """
    return problem.message(lang)


def error_text(exc: BaseException, lang: str) -> str:
    """The one line an error shows, in ``lang`` where its wording is known.

    >>> error_text(UsageError("cli_bad_jobs", value=0), "vi")
    '--jobs phải từ 1 trở lên, không phải 0'
    >>> error_text(NotADirectoryError(20, "Not a directory", "/dev/null/x"), "en")
    '/dev/null/x: Not a directory'
    """
    from dti_helpers.core.fsio import os_error_line

    if isinstance(exc, UsageError):
        return exc.message(lang)
    if isinstance(exc, OutputFolderBusy):
        return t("cli_busy", lang, path=exc.root)
    if isinstance(exc, UnknownProvinceError):
        ambiguous = exc.ambiguous
        text = t("cli_ambiguous_province" if ambiguous else "cli_unknown_province", lang, value=exc.query)
        if exc.suggestions:
            return text + t("cli_closest", lang, names=", ".join(exc.suggestions))
        return text + t("cli_see_list", lang)
    if isinstance(exc, OSError):
        return os_error_line(exc)
    if isinstance(exc, DTIError):
        return exc.message(lang)
    return str(exc)


def data_options(args) -> dict:
    """The data options of a parsed command, as :func:`~dti_helpers.batch.inputs.load_data` takes them.

    >>> data_options(build_parser().parse_args(["run", "--no-embedded", "--sheet", "DTI"]))
    {'embedded': False, 'sheet': 'DTI'}
    """
    return {"embedded": args.embedded, "sheet": args.sheet}


def run_batch(args, lang: str = "en") -> int:
    """Validate the batch arguments, then build (or only plan) the reports; return the exit code.

    Raises a one-line :class:`~dti_helpers.core.errors.DTIError` for a wrong argument; :func:`main` prints it.

    >>> run_batch(build_parser().parse_args(["run", "24", "--year", "2020", "--dry-run", "--out", "/nonexistent"]))
    would build 1 report(s); 0 up to date; 0 skipped
      build    bac-giang-2020-vi                    html,pdf  new
    0
    """
    from dti_helpers.analysis.province import PEER_STRATEGIES
    from dti_helpers.batch import listing, plan as planning, pool, select, summary
    from dti_helpers.batch.manifest import Manifest
    from dti_helpers.batch.runner import build

    if args.check_data:
        return inputs.check_data(args.check_data, args.year, lang, **data_options(args))
    for value in args.lang:
        select.choice(value, LANGS, "--lang", "language")
    for value in args.format:
        select.choice(value, ALL_FORMATS, "--format", "format")
    if not args.lang or not args.format:
        raise UsageError("cli_need_value")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("cli_bad_jobs", value=args.jobs)
    if args.timeout <= 0:
        raise UsageError("cli_bad_timeout", value=f"{args.timeout:g}")
    select.choice(args.peers, PEER_STRATEGIES, "--peers", "peer strategy")
    select.choice(args.layout, LAYOUTS, "--layout", "layout")
    notebook = select.check_notebook(args.notebook) if args.notebook else planning.PROVINCE_NOTEBOOK
    data = inputs.load_data(args.data, args.year, **data_options(args))
    if args.list:
        print(listing.list_provinces(data.for_units(args.units or "63"), lang))
        return 0
    cat = data.catalogue
    scope = select.sets_in_scope(args.year, args.units)
    if args.year is not None:
        known = sorted({y for unit_set in scope for y in data.years(unit_set)})
        if args.year not in known:
            key = "cli_no_year" if args.units is None else "cli_no_units_year"
            raise UsageError(key, year=args.year, units=args.units, years=", ".join(map(str, known)) or "-")
    asked = select.resolve_units(cat, args.provinces, args.year, args.units)  # per set: code -> name as typed
    regions = select.resolve_regions(cat, args.region)
    codes = {unit_set: list(named) for unit_set, named in asked.items()}
    for unit_set in scope if regions else ():
        units = data.for_units(unit_set).provinces
        codes.setdefault(unit_set, []).extend(c for c in units.index if units.at[c, "region"] in regions)
    selected = any(codes.values())
    codes = ({k: list(dict.fromkeys(v)) for k, v in codes.items() if v} if selected
             else {unit_set: list(data.for_units(unit_set).provinces.index) for unit_set in scope})
    overrides = select.read_params(args.params, cat, PEER_STRATEGIES) if args.params else {}
    targets = inputs.user_targets(args.targets, overrides)
    overview = args.overview if args.overview is not None else not selected
    if not notebook.exists():
        raise UsageError("cli_shipped_missing", path=notebook)
    if overview and not planning.OVERVIEW_NOTEBOOK.exists():
        raise UsageError("cli_overview_missing", path=planning.OVERVIEW_NOTEBOOK)
    selection = dict(year=args.year, langs=args.lang, formats=args.format, peers=args.peers, layout=args.layout,
                     overrides=overrides,
                     overview=overview, force=args.force, province_notebook=notebook, asked=asked, targets=targets)
    out = Path(args.out)
    if args.dry_run:
        manifest = Manifest(out)
        if manifest.problem:
            print(manifest.problem, file=sys.stderr)
        print(summary.dry_run(planning.plan(data, codes, manifest, **selection), lang))
        return 0
    settings = pool.Settings(out, jobs=args.jobs or pool.default_jobs(), timeout=args.timeout)
    outcome = build(data, codes, settings, wait=not args.no_wait, waiting=t("cli_waiting", lang, path=out),
                    **selection)
    print(summary.summary(outcome.results, outcome.plan.unchanged, outcome.plan.skipped, outcome.seconds,
                          out_dir=out, interrupted=outcome.interrupted, lang=lang))
    if outcome.pages or (out / "index.html").exists():
        print(t("cli_index", lang, path=out / "index.html"))
    return outcome.exit_code


def render_one(args) -> int:
    """The ``render`` command: one report; print the files written.

    >>> render_one(build_parser().parse_args(["render", "24", "--year", "2020", "--out", "/tmp/r"]))  # doctest: +SKIP
    notebook: /tmp/r/notebooks/bac-giang-2020-vi.ipynb
    ...
    """
    from dti_helpers.batch.select import check_notebook
    from dti_helpers.render.report import render_report
    from dti_helpers.sections.province.params import coerce_year

    extra = {"notebook": check_notebook(args.notebook)} if args.notebook else {}
    formats = tuple(f for f in args.format.split(",") if f)
    files = inputs.data_files(args.data)
    written = render_report(args.province, args.year, args.lang, formats, args.out, files or None, args.peers,
                            units=args.units, data_year=coerce_year(args.year), layout=args.layout,
                            targets=inputs.user_targets(args.targets), **data_options(args), **extra)
    for kind, path in written.items():
        print(f"{kind}: {path}")
    return 0


def build_data(data_dir: Path, lang: str = "en") -> int:
    """The ``build-data`` command: rebuild ``data/*.csv`` and ``data/datapackage.json`` from ``data/raw/``;
    1 when the raw files have problems.

    >>> build_data(ROOT / "data")  # doctest: +SKIP
    """
    from dti_helpers.core.errors import DataFileError
    from dti_helpers.data.build import build_all

    try:
        written = build_all(data_dir)
    except DataFileError as exc:
        for problem in exc.problems:
            print(problem_text(problem, lang), file=sys.stderr)
        return 1
    for path in written:
        print(t("cli_wrote", lang, path=path))
    return 0


def dispatch(args, lang: str) -> int:
    """Run the parsed command; return its exit code (errors propagate to :func:`main`).

    >>> dispatch(build_parser().parse_args(["check-data", str(ROOT / "data" / "dti.csv")]), "vi")
    data/dti.csv: hợp lệ (454 giá trị)
    0
    """
    if args.command == "run":
        return run_batch(args, lang)
    if args.command == "render":
        return render_one(args)
    if args.command == "check-data":
        return inputs.check_data(args.file, args.year, lang, **data_options(args))
    if args.command == "build-data":
        return build_data(args.data_dir, lang)
    from dti_helpers.batch import listing

    print(listing.list_provinces(inputs.load_data(args.data, **data_options(args)).for_units(args.units), lang))
    return 0


def main(argv: list[str] | None = None, *, front_door: bool = False) -> int:
    """Entry point; returns the process exit code (0 done, 1 a report failed, 2 bad input, 130 interrupted).

    ``front_door`` is ``run_reports.py``: its arguments are those of ``run``. Without a command
    the arguments go to ``run`` too, as ``python -m dti_helpers ARGS`` always did. A file-system
    problem outside any one report (an ``--out`` that cannot be a folder, a directory given as
    ``--params``) is bad input: one line naming the file, exit 2.

    >>> main(["--lang", "fr"])
    2
    >>> main(["run", "Bắc Giang", "--year", "2020", "--out", "/tmp/reports"])  # doctest: +SKIP
    0
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    if front_door or not argv or argv[0] not in (*COMMANDS, "-h", "--help"):
        argv = ["run", *argv]
    lang = message_lang(argv[1:])
    args = build_parser(lang, run_prog="run_reports.py" if front_door else "python -m dti_helpers run").parse_args(argv)
    try:
        return dispatch(args, lang)
    except (DTIError, OutputFolderBusy, OSError) as exc:
        if isinstance(exc, BrokenPipeError):  # e.g. `run_reports.py --list | head`: the reader has all it wanted
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python's exit-time flush quiet
            return 0
        if isinstance(exc, DataFileError):  # every problem, one per line (at most 50)
            for line in inputs.problem_lines(exc.problems, lang):
                print(t("cli_error", lang, message=line), file=sys.stderr)
            return 2
        print(t("cli_error", lang, message=error_text(exc, lang)), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(t("cli_interrupted", lang), file=sys.stderr)
        return 130
