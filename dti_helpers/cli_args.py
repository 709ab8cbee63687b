"""The command line's parser: ``python -m dti_helpers COMMAND`` with its subcommands, options and help.

Every option is declared here (the data, targets and output options by the batch layer that reads
them); :mod:`dti_helpers.cli` runs what is parsed. argparse's own errors are one line in the
messages' language, never the usage block.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from dti_helpers.batch import inputs, outdir, shards
from dti_helpers.batch.plan import FORMATS
from dti_helpers.core.labels import LANGS, t
from dti_helpers.core.schema import UNIT_SETS

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

outputs (under --out, default reports/, a folder dti-reports made: it holds a .dti-reports file):
  html/<slug>-<year>-<lang>.html, pdf/<slug>-<year>-<lang>.pdf (csv/ and xlsx/ with
  --format csv,xlsx: the figures each report shows, linked from its HTML), the executed
  notebooks/ and logs/ of each report, html|pdf/national-overview-<year>-<lang>.*,
  index.html (Vietnamese) and index-en.html, and manifest.db, which records
  the inputs and sha256 of every output: unchanged reports are not rebuilt (--force does).
  The overview is built when no province or region is selected (or with --overview);
  --overview-only builds the overviews and the index pages, no province report.

exit status: 0 all reports built or up to date; 1 a report failed (the others
  are still built; the summary names its executed notebook and log) or the disk is full;
  2 a wrong parameter, a data problem or a refused --out; 130 interrupted by Ctrl-C,
  143 by SIGTERM, 129 by SIGHUP (the workers stop too; finished reports are kept).

examples:
  python run_reports.py                          # every province, latest year each, vi, HTML+PDF
  python run_reports.py "Bắc Giang" da-nang 01   # by name, slug or GSO code
  python run_reports.py --region "Tây Nguyên" --year 2022 --lang vi,en
  python run_reports.py --format html --jobs 4 --out /tmp/reports
  python run_reports.py --dry-run                # what would be built, and why
  python run_reports.py --overview-only --year 2022 --format html   # one year's overviews and the index
  python run_reports.py --list                   # every province with its years of data
  python run_reports.py --list --units 34        # the 34 units with their former provinces
  python run_reports.py "Hà Nội" --units 34 --year 2024   # one unit of the 34
  python run_reports.py "Bắc Giang" --year 2020 --peers "Bắc Ninh,Thái Nguyên"   # compare with chosen provinces
  python run_reports.py --params params.toml     # per-province parameters, e.g. [bac-giang] peers = "rank"
  python run_reports.py "Bắc Giang" --year 2020 --notebook my_copy.ipynb   # from an edited notebook
  python run_reports.py --shard 0/4 --out /shared/reports   # a quarter of the batch (one of 0/4 ... 3/4)
  python run_reports.py --index-only --out /shared/reports  # the index pages from what the shards built
  python run_reports.py --scheduler tcp://head:8786       # on a dask.distributed cluster ('local': this machine)
  python run_reports.py --check-data data/dti.csv
  python run_reports.py --check-data ~/Downloads/dti_2022.xlsx --year 2022
"""


class Parser(argparse.ArgumentParser):
    """argparse with a one-line error (the usage block would bury it), in the messages' language."""

    def __init__(self, *args, lang: str = "en", **kwargs):
        super().__init__(*args, **kwargs)
        self.lang = lang

    def error(self, message: str):
        self.exit(2, t("cli_see_help", self.lang, prog=self.prog, message=message) + "\n")


def csv_list(text: str) -> tuple[str, ...]:
    """A comma-separated option as its parts, each once, in order.

    >>> csv_list("vi, en,vi")
    ('vi', 'en')
    """
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
            first = (csv_list(value) or ("en",))[0]
            return first if first in LANGS else "en"
    return "en"


def run_arguments(p: argparse.ArgumentParser) -> None:
    """The options of the ``run`` command (``run_reports.py``).

    >>> p = argparse.ArgumentParser(); run_arguments(p); p.parse_args(["24", "--year", "2020"]).year
    2020
    """
    p.add_argument("provinces", nargs="*", metavar="PROVINCE",
                   help="names, slugs or GSO codes (default: all 63), e.g. 'Bắc Giang' bac-giang 24")
    p.add_argument("--units", choices=UNIT_SETS, default=None,
                   help="unit set: 63 (provinces until 2025) or 34 (after the merger); default: by year and name")
    p.add_argument("--region", type=csv_list, default=(), metavar="REGION[,REGION]",
                   help="add every province of these regions (id, Vietnamese or English name)")
    p.add_argument("--year", type=int, help="assessment year (default: each province's latest year with data); "
                                            "with --check-data, the year of an official table")
    p.add_argument("--lang", type=csv_list, default=("vi",), metavar="vi,en",
                   help="report languages (default: vi); the first one is also the language of these messages "
                        "(English without --lang)")
    p.add_argument("--format", type=csv_list, default=FORMATS, metavar="html,pdf",
                   help="output formats: html, pdf, csv, xlsx (default: html,pdf); csv and xlsx hold each report's "
                        "figures, linked from its HTML")
    p.add_argument("--jobs", type=int, default=None, metavar="N", help="reports built in parallel (default: the CPU count)")
    outdir.add_output_options(p)
    p.add_argument("--peers", default="region", metavar="STRATEGY|PROVINCES",
                   help="peer strategy: region (default), rank or profile; or the provinces to compare with, "
                        "e.g. \"Bắc Ninh,Thái Nguyên\"")
    p.add_argument("--layout", default="auto", metavar="LAYOUT",
                   help="auto (default: a short brief when the year's only published figure is the DTI rank), "
                        "full or brief")
    p.add_argument("--params", metavar="FILE",
                   help="TOML file of notebook parameters: a [default] table for every report and a table per "
                        "province (name, slug or code), e.g. [bac-giang] peers = [\"Bắc Ninh\", \"Thái Nguyên\"]; "
                        "a province's table may hold targets too")
    p.add_argument("--notebook", metavar="PATH",
                   help="build the provinces from this edited copy of notebooks/province_report.ipynb")
    p.add_argument("--overview", action=argparse.BooleanOptionalAction, default=None,
                   help="build the national overview (default: only when no province or region is selected)")
    p.add_argument("--overview-only", action="store_true",
                   help="build only the national overviews (of --year and --units, if given) and the index pages")
    p.add_argument("--force", action="store_true", help="rebuild even the reports that are up to date")
    p.add_argument("--dry-run", action="store_true", help="print what would be built, and why; build nothing")
    p.add_argument("--timeout", type=float, default=600, metavar="SECONDS", help="time limit of one report (default: 600)")
    p.add_argument("--no-wait", action="store_true",
                   help="stop at once if another run is writing to the output folder (default: wait)")
    shards.add_scale_options(p)
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
    parser = Parser(prog="python -m dti_helpers", lang=lang, formatter_class=argparse.RawDescriptionHelpFormatter,
                     description="DTI province reports (HTML and PDF): build them in batch, render one, check data.",
                     epilog="`python run_reports.py ARGS` is `python -m dti_helpers run ARGS`; "
                            "without a command, ARGS go to run.\nSee `python -m dti_helpers COMMAND --help`.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    run = sub.add_parser("run", prog=run_prog, lang=lang, help="generate the reports in batch (run_reports.py)",
                         description="Generate the DTI province reports (HTML and PDF) in batch, and validate "
                                     "data files.", formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EPILOG)
    run_arguments(run)
    render = sub.add_parser("render", lang=lang, help="render one province's report",
                            description="Render one province's DTI report (HTML and PDF).")
    render.add_argument("province", help="name, slug or GSO code, e.g. 'Bắc Giang', bac-giang, 24")
    render.add_argument("--year", default=None, help="assessment year (default: the latest with data)")
    render.add_argument("--lang", default="vi", help="vi (default) or en")
    render.add_argument("--peers", default="region",
                        help="region (default), rank or profile; or provinces, e.g. \"Bắc Ninh,Thái Nguyên\"")
    render.add_argument("--layout", default="auto",
                        help="auto (default: a short brief when the year's only published figure is the DTI rank), "
                             "full or brief")
    render.add_argument("--format", default="html,pdf",
                        help="comma-separated: html, pdf, csv, xlsx (default: html,pdf); csv and xlsx hold the "
                             "report's figures, linked from its HTML")
    outdir.add_output_options(render)
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
