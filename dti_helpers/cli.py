"""Command line of dti-reports: ``python -m dti_helpers COMMAND`` and its front door ``run_reports.py``.

Commands: ``run`` (the batch; ``run_reports.py ARGS`` is ``python -m dti_helpers run ARGS``),
``render`` (one report), ``check-data FILE``, ``build-data`` and ``list``. Every bad input,
whether a wrong parameter, an unknown province or a data problem, is one line on stderr with
exit status 2; no traceback reaches the user for a problem they can fix. Messages are in
English unless ``--lang`` is given: then in its first language (``--lang vi`` gives Vietnamese).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from dti_helpers.batch import inputs, outdir
from dti_helpers.batch.locks import OutputFolderBusy
from dti_helpers.batch.select import UsageError
from dti_helpers.core.errors import DataFileError, DTIError, UnknownProvinceError, format_problems
from dti_helpers.cli_args import COMMANDS, build_parser, message_lang
from dti_helpers.core.labels import LANGS, t
from dti_helpers.core.schema import LAYOUTS
from dti_helpers.render.formats import ALL_FORMATS

ROOT = Path(__file__).resolve().parent.parent


def print_problems(problems, lang: str, file=None) -> None:
    """Every data problem on ``file`` (stderr), one ``error:`` line each (at most 50, then how many more).

    >>> from dti_helpers import DataProblem
    >>> print_problems([DataProblem("empty_file", "x.csv")], "en", file=sys.stdout)
    error: x.csv: file is empty
    """
    for line in format_problems(problems, lang):
        print(t("cli_error", lang, message=line), file=file or sys.stderr)


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


def run_batch(args, lang: str = "en") -> int:
    """Validate the batch arguments, then build (or only plan) the reports; return the exit code.

    Raises a one-line :class:`~dti_helpers.core.errors.DTIError` for a wrong argument; :func:`main` prints it.

    >>> run_batch(build_parser().parse_args(["run", "24", "--year", "2020", "--dry-run", "--out", "/nonexistent"]))
    would build 1 report(s); 0 up to date; 0 skipped
      build    bac-giang-2020-vi                    html,pdf  new
    0
    """
    from dti_helpers.analysis.dates import epoch_from
    from dti_helpers.batch import listing, plan as planning, pool, select, shards, summary
    from dti_helpers.batch.manifest import Manifest
    from dti_helpers.batch.runner import build
    from dti_helpers.sections.province.peer_choice import resolve_peers

    if args.check_data:
        return inputs.check_data(args.check_data, args.year, lang, **inputs.data_options(args))
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
    select.choice(args.layout, LAYOUTS, "--layout", "layout")
    shard = shards.parse_shard(args.shard)
    if args.index_only and (shard or args.scheduler):
        raise UsageError("cli_shard_index_only")
    notebook = select.check_notebook(args.notebook) if args.notebook else planning.PROVINCE_NOTEBOOK
    out = Path(args.out) if args.list else outdir.checked_out(args)
    data = inputs.load_data(args.data, args.year, **inputs.data_options(args))
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
    for unit_set in codes:  # a chosen peer list names units of each report's own set: checked once, here
        resolve_peers(cat, args.peers, unit_set, option="--peers")
    overrides = select.read_params(args.params, cat, tuple(codes)) if args.params else select.Overrides()
    targets = inputs.user_targets(args.targets, overrides)
    overview = args.overview if args.overview is not None else not selected
    if args.overview_only:
        codes, overview = select.overview_only(scope, args.provinces, args.region, args.overview), True
    if not notebook.exists():
        raise UsageError("cli_shipped_missing", path=notebook)
    if overview and not planning.OVERVIEW_NOTEBOOK.exists():
        raise UsageError("cli_overview_missing", path=planning.OVERVIEW_NOTEBOOK)
    # the build date every output states: SOURCE_DATE_EPOCH, read once here (None: the data's own date)
    selection = dict(year=args.year, langs=args.lang, formats=args.format, peers=args.peers, layout=args.layout,
                     overrides=overrides,
                     overview=overview, force=args.force, province_notebook=notebook, asked=asked, targets=targets,
                     build_epoch=epoch_from(os.environ))
    if args.index_only:  # what is up to date, as it stands: --force would call everything "not built"
        selection["force"] = False
    if args.dry_run:
        manifest = Manifest(out)
        if manifest.problem:
            print(t("cli_warning", lang, text=manifest.problem_in(lang)), file=sys.stderr)
        print(summary.dry_run(planning.plan(data, codes, manifest, shard=shard, **selection), lang))
        return 0
    settings = pool.Settings(outdir.claimed_out(args), jobs=args.jobs or pool.default_jobs(), timeout=args.timeout)
    executor = pool.execute
    if args.scheduler:
        try:
            from dti_helpers.batch.cluster import cluster_executor
        except ImportError as exc:
            raise UsageError("cli_scheduler_missing", detail=str(exc)) from None
        executor = cluster_executor(args.scheduler)
    outcome = build(data, codes, settings, wait=not args.no_wait, waiting=t("cli_waiting", lang, path=out),
                    lang=lang, shard=shard, index_only=args.index_only, executor=executor, **selection)
    print(summary.summary(outcome.results, outcome.plan.unchanged, outcome.plan.skipped, outcome.seconds,
                          out_dir=out, interrupted=outcome.interrupted, lang=lang))
    for line in outcome.problems:
        print(t("cli_error", lang, message=line), file=sys.stderr)
    if outcome.pages or (out / "index.html").exists():
        print(t("cli_index", lang, path=out / "index.html"))
    if args.index_only and outcome.plan.jobs:  # a shard failed or has not run: the batch is not whole
        jobs = outcome.plan.jobs
        print(t("cli_error", lang, message=t("cli_not_built", lang, n=len(jobs), first=jobs[0].stem)), file=sys.stderr)
        return max(outcome.exit_code, 1)
    return outcome.exit_code


def render_one(args) -> int:
    """The ``render`` command: one report; print the files written.

    >>> render_one(build_parser().parse_args(["render", "24", "--year", "2020", "--out", "/tmp/r"]))  # doctest: +SKIP
    notebook: /tmp/r/notebooks/bac-giang-2020-vi.ipynb
    ...
    """
    from dti_helpers.analysis.dates import epoch_from
    from dti_helpers.batch.select import check_notebook
    from dti_helpers.render.report import render_report
    from dti_helpers.sections.province.checks import coerce_layout, coerce_year

    layout = coerce_layout(args.layout)  # before the output folder is touched
    extra = {"notebook": check_notebook(args.notebook)} if args.notebook else {}
    formats = tuple(f for f in args.format.split(",") if f)
    files = inputs.data_files(args.data)
    with outdir.rendering_into(args) as out:
        written = render_report(args.province, args.year, args.lang, formats, out, files or None, args.peers,
                                units=args.units, data_year=coerce_year(args.year), isolated=True, layout=layout,
                                targets=inputs.user_targets(args.targets), build_epoch=epoch_from(os.environ),
                                **inputs.data_options(args), **extra)
    for kind, path in written.items():
        print(f"{kind}: {path}")
    return 0


def build_data(data_dir: Path, lang: str = "en") -> int:
    """The ``build-data`` command: rebuild ``data/*.csv`` and ``data/datapackage.json`` from ``data/raw/``;
    1 when the raw files have problems.

    >>> build_data(ROOT / "data")  # doctest: +SKIP
    """
    from dti_helpers.data.build import build_all

    try:
        written = build_all(data_dir)
    except DataFileError as exc:
        print_problems(exc.problems, lang)
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
        return inputs.check_data(args.file, args.year, lang, **inputs.data_options(args))
    if args.command == "build-data":
        return build_data(args.data_dir, lang)
    from dti_helpers.batch import listing

    print(listing.list_provinces(inputs.load_data(args.data, **inputs.data_options(args)).for_units(args.units), lang))
    return 0


def main(argv: list[str] | None = None, *, front_door: bool = False) -> int:
    """Entry point; returns the process exit code (0 done, 1 a report failed, 2 bad input, 128 + n stopped by signal n).

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
        if isinstance(exc, DataFileError):
            print_problems(exc.problems, lang)
            return 2
        print(t("cli_error", lang, message=error_text(exc, lang)), file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:  # Ctrl-C, SIGTERM or SIGHUP before or after the batch itself
        from dti_helpers.batch.signals import exit_code

        print(t("cli_interrupted", lang), file=sys.stderr)
        return exit_code(exc)
