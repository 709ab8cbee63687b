"""Command line of dti-reports (``run_reports.py`` and ``python -m dti_helpers``).

It validates data files (``--check-data``) and generates province reports in
batch (:mod:`dti_helpers.batch`). Every bad input, whether a wrong parameter,
an unknown province or a data problem, is one line on stderr with a non-zero
exit; no traceback reaches the user for a problem they can fix.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from dti_helpers.core.errors import DTIError

ROOT = Path(__file__).resolve().parent.parent

EPILOG = """\
which year each report covers:
  without --year, each province gets its own latest year with any published
  figure (so all 63 provinces get a report; a province whose only figure is
  its 2022 rank gets a 2022 report). With --year YEAR, provinces with no
  published figure that year are listed as skipped, with the reason, and do
  not count as failures. The national overview covers --year, or else every
  assessed year (one overview per year).

outputs (under --out, default reports/):
  html/<slug>-<year>-<lang>.html, pdf/<slug>-<year>-<lang>.pdf, the executed
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
  python run_reports.py --params params.toml     # per-province year or peers, e.g. [bac-giang] peers = "rank"
  python run_reports.py --check-data data/dti.csv
  python run_reports.py --check-data ~/Downloads/dti_2022.xlsx --year 2022
"""


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error (the usage block would bury it)."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def _csv(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (its ``--help`` shows examples and the year rule).

    >>> build_parser().parse_args(["--check-data", "x.csv"]).check_data
    'x.csv'
    >>> a = build_parser().parse_args(["bac-giang", "--lang", "vi,en", "--jobs", "2"])
    >>> a.provinces, a.lang, a.jobs
    (['bac-giang'], ('vi', 'en'), 2)
    """
    from dti_helpers.batch.pool import FORMATS

    parser = _Parser(
        prog="run_reports.py",
        description="Generate the DTI province reports (HTML and PDF) in batch, and validate data files.",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EPILOG)
    parser.add_argument("provinces", nargs="*", metavar="PROVINCE",
                        help="names, slugs or GSO codes (default: all 63), e.g. 'Bắc Giang' bac-giang 24")
    parser.add_argument("--region", type=_csv, default=(), metavar="REGION[,REGION]",
                        help="add every province of these regions (id, Vietnamese or English name)")
    parser.add_argument("--year", type=int, help="assessment year (default: each province's latest year with data); "
                                                 "with --check-data, the year of an official table")
    parser.add_argument("--lang", type=_csv, default=("vi",), metavar="vi,en", help="report languages (default: vi)")
    parser.add_argument("--format", type=_csv, default=FORMATS, metavar="html,pdf",
                        help="output formats (default: html,pdf)")
    parser.add_argument("--jobs", type=int, default=None, metavar="N",
                        help="reports built in parallel (default: the CPU count)")
    parser.add_argument("--out", default="reports", metavar="DIR", help="output folder (default: reports)")
    parser.add_argument("--data", metavar="PATH", help="data file, tidy CSV or official table (default: embedded data)")
    parser.add_argument("--peers", default="region", metavar="STRATEGY",
                        help="peer strategy: region (default), rank or profile")
    parser.add_argument("--params", metavar="FILE",
                        help="TOML file of per-province parameters: a [province] table with year and/or peers")
    parser.add_argument("--overview", action=argparse.BooleanOptionalAction, default=None,
                        help="build the national overview (default: only when no province or region is selected)")
    parser.add_argument("--force", action="store_true", help="rebuild even the reports that are up to date")
    parser.add_argument("--dry-run", action="store_true", help="print what would be built, and why; build nothing")
    parser.add_argument("--list", action="store_true", help="list the provinces with their years of data and exit")
    parser.add_argument("--timeout", type=float, default=600, metavar="SECONDS",
                        help="time limit of one report (default: 600)")
    parser.add_argument("--no-wait", action="store_true",
                        help="stop at once if another run is writing to the output folder (default: wait)")
    parser.add_argument("--check-data", metavar="PATH", help="validate a data file (tidy or official layout) and exit")
    return parser


def check_data(path: str, year: int | None) -> int:
    """Validate ``path``; print one line per problem; return the exit code.

    >>> check_data(str(ROOT / "data" / "dti.csv"), None)
    data/dti.csv: OK (388 values)
    0
    """
    from dti_helpers.data.ingest.checks import check_file

    shown = _display(Path(path))
    # The problems name the file as the summary line does (relative to the project when inside it).
    problems, n_values = check_file(Path(path), year=year, name=shown)
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


def _resolve_regions(cat, names) -> list[str]:
    """Region ids of ``names`` (id, Vietnamese or English name, with or without diacritics)."""
    from dti_helpers.core.names import normalize_name

    keys = {}
    for region, row in cat.regions.iterrows():
        for name in (region, row["name_vi"], row["name_en"]):
            keys[normalize_name(name)] = region
    found = []
    for name in names:
        region = keys.get(normalize_name(name))
        if region is None:
            known = ", ".join(cat.regions.index)
            raise DTIError(f"unknown region '{name}'; use one of: {known}")
        found.append(region)
    return found


def _read_params(path: str, cat, peers_allowed) -> dict:
    """Per-province parameters from a TOML file: ``{code: {"year": int, "peers": str}}``."""
    import tomllib

    try:
        doc = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DTIError(f"{path}: file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DTIError(f"{path}: not a valid TOML file ({exc})") from None
    overrides = {}
    for name, values in doc.items():
        if not isinstance(values, dict):
            raise DTIError(f"{path}: '{name}' must be a table such as [{name}] with year and/or peers")
        try:
            code = cat.resolve(name)
        except DTIError as exc:
            raise DTIError(f"{path}: [{name}] {exc}") from None
        for key, value in values.items():
            if key == "year" and not (isinstance(value, int) and not isinstance(value, bool)):
                raise DTIError(f"{path}: [{name}] year: value '{value}' is not a year")
            if key == "peers" and value not in peers_allowed:
                raise DTIError(f"{path}: [{name}] peers: value '{value}'; use one of: {', '.join(peers_allowed)}")
            if key not in ("year", "peers"):
                raise DTIError(f"{path}: [{name}] unknown parameter '{key}'; use year or peers")
        overrides[code] = dict(values)
    return overrides


def list_provinces(data) -> str:
    """The ``--list`` table: code, slug, name, region and the years with data of every province.

    >>> from dti_helpers import load_dti
    >>> print(list_provinces(load_dti()).splitlines()[2])
    01    ha-noi                TP. Hà Nội                red_river_delta       2020, 2022, 2023, 2024
    """
    from dti_helpers.analysis.province import years_with_data

    lines = [f"{'code':<5} {'slug':<21} {'name':<25} {'region':<21} years with data", "-" * 95]
    for code, row in data.provinces.iterrows():
        years = ", ".join(map(str, years_with_data(data, code)))
        lines.append(f"{code:<5} {row['slug']:<21} {row['name']:<25} {row['region']:<21} {years}")
    return "\n".join(lines)


def _dry_run(p) -> str:
    lines = [f"would build {len(p.jobs)} report(s); {len(p.unchanged)} up to date; {len(p.skipped)} skipped"]
    lines += [f"  build    {j.stem:<36} {','.join(j.todo):<9} {j.why}" for j in p.jobs]
    lines += [f"  skip     {s.label}: {s.reason}" for s in p.skipped]
    return "\n".join(lines)


def _load(path: str | None, year: int | None):
    """Load the data for a batch; an official table must name its year itself (column or file name)."""
    from dti_helpers.data.load import load_dti
    from dti_helpers.core.errors import DataFileError

    try:
        return load_dti(path)
    except DataFileError as first:
        if path is None or year is None:
            raise
        try:
            load_dti(path, year=year)
        except DTIError:
            raise first from None
        # Readable with --year, but each report's notebook reads the file alone, without it.
        raise DTIError(f"{path}: the assessment year is neither in a column nor in the file name; rename the "
                       f"file (e.g. dti_{year}.xlsx) or add a 'year' column, so that every report reads it the "
                       f"same way") from None


def run_batch(args) -> int:
    """Validate the batch arguments, then build (or only plan) the reports; return the exit code.

    Raises :class:`~dti_helpers.errors.DTIError` (one line) for a wrong argument; :func:`main` prints it.

    >>> run_batch(build_parser().parse_args(["24", "--year", "2020", "--dry-run", "--out", "/nonexistent"]))
    would build 1 report(s); 0 up to date; 0 skipped
      build    bac-giang-2020-vi                    html,pdf  new
    0
    >>> run_batch(build_parser().parse_args(["24", "--out", "/tmp/reports"]))  # doctest: +SKIP
    """
    from dti_helpers.batch import pool as batch
    from dti_helpers.analysis.province import PEER_STRATEGIES
    from dti_helpers.core.labels import LANGS
    from dti_helpers.batch.manifest import Manifest

    for lang in args.lang:
        if lang not in LANGS:
            raise DTIError(f"unknown language '{lang}' in --lang; use one of: {', '.join(LANGS)}")
    for fmt in args.format:
        if fmt not in batch.FORMATS:
            raise DTIError(f"unknown format '{fmt}' in --format; use one of: {', '.join(batch.FORMATS)}")
    if not args.lang or not args.format:
        raise DTIError("--lang and --format need at least one value")
    if args.jobs is not None and args.jobs < 1:
        raise DTIError(f"--jobs must be 1 or more, not {args.jobs}")
    if args.timeout <= 0:
        raise DTIError(f"--timeout must be positive, not {args.timeout:g}")
    if args.peers not in PEER_STRATEGIES:
        raise DTIError(f"unknown peer strategy '{args.peers}' in --peers; use one of: {', '.join(PEER_STRATEGIES)}")
    if args.data and not Path(args.data).is_file():
        raise DTIError(f"{args.data}: data file not found")
    data = _load(args.data, args.year)
    if args.list:
        print(list_provinces(data))
        return 0
    cat = data.catalogue
    if args.year is not None and args.year not in data.years("63"):
        raise DTIError(f"no DTI data for --year {args.year}; years with data: {', '.join(map(str, data.years('63')))}")
    codes = [cat.resolve(name) for name in args.provinces]
    regions = _resolve_regions(cat, args.region)
    codes += [c for c in data.provinces.index if data.provinces.at[c, "region"] in regions]
    selected = bool(codes)
    codes = list(dict.fromkeys(codes)) if selected else list(data.provinces.index)
    overrides = _read_params(args.params, cat, PEER_STRATEGIES) if args.params else {}
    overview = args.overview if args.overview is not None else not selected
    if not batch.PROVINCE_NOTEBOOK.exists():
        raise DTIError(f"report notebook not found: {batch.PROVINCE_NOTEBOOK}")
    if overview and not batch.OVERVIEW_NOTEBOOK.exists():
        raise DTIError(f"overview notebook not found: {batch.OVERVIEW_NOTEBOOK}")
    selection = dict(year=args.year, langs=args.lang, formats=args.format, peers=args.peers, overrides=overrides,
                     overview=overview, force=args.force)
    out = Path(args.out)
    if args.dry_run:
        manifest = Manifest(out)
        if manifest.problem:
            print(manifest.problem, file=sys.stderr)
        print(_dry_run(batch.plan(data, codes, manifest, **selection)))
        return 0
    settings = batch.Settings(out, jobs=args.jobs or batch.default_jobs(), timeout=args.timeout)
    outcome = batch.build(data, codes, settings, wait=not args.no_wait, **selection)
    print(batch.summary(outcome.results, outcome.plan.unchanged, outcome.plan.skipped, outcome.seconds,
                        out_dir=out, interrupted=outcome.interrupted))
    if outcome.pages or (out / "index.html").exists():
        print(f"index: {out / 'index.html'}")
    return outcome.exit_code


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code (0 done, 1 a report failed, 2 bad input, 130 interrupted).

    A file-system problem outside any one report (an ``--out`` that cannot be a folder, a
    directory given as ``--params``) is bad input: one line naming the file, exit 2.

    >>> main(["--lang", "fr"])
    2
    >>> main(["Bắc Giang", "--year", "2020", "--out", "/tmp/reports"])  # doctest: +SKIP
    0
    """
    from dti_helpers.batch.manifest import OutputFolderBusy
    from dti_helpers.core.fsio import os_error_line

    args = build_parser().parse_args(argv)
    try:
        if args.check_data:
            return check_data(args.check_data, args.year)
        return run_batch(args)
    except (DTIError, OutputFolderBusy) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `run_reports.py --list | head`: the reader has all it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python's exit-time flush quiet
        return 0
    except OSError as exc:  # after BrokenPipeError, which is one too
        print(f"error: {os_error_line(exc)}", file=sys.stderr)
        return 2
