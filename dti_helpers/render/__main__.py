"""``python -m dti_helpers.render``: one report, HTML and PDF, from the shipped notebook or an edited copy.

    python -m dti_helpers.render "Bắc Giang" --year 2020 --lang en --format html,pdf --out reports
    python -m dti_helpers.render "Bắc Giang" --year 2020 --format html,csv,xlsx   # with its figures as data
    python -m dti_helpers.render "Bắc Giang" --year 2020 --notebook my_copy.ipynb
"""
from __future__ import annotations

import argparse
import os
import sys

from dti_helpers.core.errors import DTIError
from dti_helpers.core.fsio import os_error_line
from dti_helpers.core.labels import t
from dti_helpers.core.outfolder import writing_into
from dti_helpers.render.formats import ALL_FORMATS, FORMATS


def build_parser() -> argparse.ArgumentParser:
    """Arguments of ``python -m dti_helpers.render``.

    >>> build_parser().parse_args(["24", "--year", "2020"]).year
    '2020'
    """
    parser = argparse.ArgumentParser(
        prog="python -m dti_helpers.render", description="Render one province's DTI report (HTML and PDF).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  python -m dti_helpers.render \"Bắc Giang\" --year 2020\n"
               "  python -m dti_helpers.render da-nang --year 2021 --lang en --format html\n"
               "  python -m dti_helpers.render 24 --year 2020 --notebook my_copy.ipynb\n")
    parser.add_argument("province", help="name, slug or GSO code, e.g. 'Bắc Giang', bac-giang, 24")
    parser.add_argument("--year", default=None, help="assessment year (default: the latest with data)")
    parser.add_argument("--lang", default="vi", help="vi (default) or en")
    parser.add_argument("--peers", default="region", help="region (default), rank or profile")
    parser.add_argument("--format", default=",".join(FORMATS),
                        help=f"comma-separated: {','.join(ALL_FORMATS)} (default: {','.join(FORMATS)}); csv and xlsx "
                             "hold the report's figures and are linked from its HTML")
    parser.add_argument("--out", default="reports", help="output folder (default: reports); one dti-reports did "
                                                         "not make is refused unless empty (see run_reports.py --help)")
    parser.add_argument("--out-force", action="store_true",
                        help="write into --out although dti-reports did not make it (it adopts the folder)")
    parser.add_argument("--data", default=None, help="data file (default: the embedded data)")
    parser.add_argument("--layout", default="auto",
                        help="auto (default: a short brief when the year's only published figure is the DTI rank), "
                             "full or brief")
    parser.add_argument("--notebook", default=None,
                        help="an edited copy of notebooks/province_report.ipynb to build from (default: the shipped one)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Render one report; print the files written. A bad input prints one line and exits 2.

    A file-system problem (an ``--out`` that cannot be a folder, a full disk) is a bad input too:
    one line naming the file; so is an ``--out`` dti-reports may not write into. Ctrl-C is one line
    and exit code 130.

    >>> main(["Atlantis"])
    2
    >>> main(["Hà Nam", "--year", "2022", "--layout", "short"])
    2
    >>> main(["Bắc Giang", "--year", "2020", "--out", "/tmp/reports"])  # doctest: +SKIP
    notebook: /tmp/reports/notebooks/bac-giang-2020-vi.ipynb
    html: /tmp/reports/html/bac-giang-2020-vi.html
    pdf: /tmp/reports/pdf/bac-giang-2020-vi.pdf
    0
    """
    from dti_helpers.analysis.dates import epoch_from
    from dti_helpers.render.report import NOTEBOOK, render_report
    from dti_helpers.sections.province.checks import coerce_layout

    args = build_parser().parse_args(argv)
    formats = tuple(f for f in args.format.split(",") if f)
    try:
        layout = coerce_layout(args.layout)  # before the output folder is touched
        with writing_into(args.out, force=args.out_force) as out:
            written = render_report(args.province, args.year, args.lang, formats, out, args.data, args.peers,
                                    notebook=args.notebook or NOTEBOOK, isolated=True, layout=layout,
                                    build_epoch=epoch_from(os.environ))
    except (DTIError, OSError) as exc:
        print(f"error: {os_error_line(exc) if isinstance(exc, OSError) else exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(t("cli_interrupted", "en"), file=sys.stderr)
        return 130
    for kind, path in written.items():
        print(f"{kind}: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
