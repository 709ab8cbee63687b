#!/usr/bin/env python3
"""CPU seconds per report, in one process: the HTML (analysis, charts) and the PDF (WeasyPrint).

Renders a fixed set of provinces' reports ``--rounds`` times in this process and prints the
mean CPU seconds (``time.process_time``) per report for the HTML step and the PDF step. As the
like-for-like yardstick it also times, in the same run, a plain WeasyPrint render of the same
HTML (``HTML(string=...).write_pdf()``: no cached fonts or stylesheets, no tags, no re-layout)
and prints the PDF step against it (the default 6 provinces x 2 on the 2-core machine, 4 December
2026; a run earlier that day, with the tile key's column lists but before the brief's and the
tightest-first re-layout, gave pdf 1.77 s/report)::

    html: 0.34 s/report
    pdf: 1.31 s/report
    plain weasyprint: 0.88 s/report
    pdf/plain: 1.49x

Two of these six reports (Hà Nội, Bắc Kạn) end on a near-empty page and are laid out a second
time to try to save it, which the plain render never does; the tags and the paged rules add the rest.
The plain render reads the same (lighter) HTML, so the ratio shows what the report's own PDF step
adds or saves over WeasyPrint's plainest call; the absolute seconds compare one commit with another.

Usage: ``python benchmarks/bench_report_cpu.py [--provinces N] [--rounds N] [--profile FILE]``
(``--profile`` writes a cProfile of the whole timed loop, for ``python -m pstats``).
"""
from __future__ import annotations

import argparse
import cProfile
import time


def selection(n: int):
    """(code, year) of the first ``n`` provinces by code, each with its latest year with data, and the data."""
    from dti_helpers import load_dti
    from dti_helpers.analysis.province import latest_year

    data = load_dti()
    return [(code, latest_year(data, code)) for code in data.provinces.head(n).index], data


def timed(fn, *args):
    """``fn(*args)`` and the CPU seconds it took."""
    started = time.process_time()
    value = fn(*args)
    return value, time.process_time() - started


def plain_pdf(html: str) -> bytes:
    """The yardstick: WeasyPrint's plainest call on the same HTML (base URL for the report's assets)."""
    from weasyprint import HTML

    from dti_helpers.render.pdf import ASSETS

    return HTML(string=html, base_url=str(ASSETS)).write_pdf()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--provinces", type=int, default=6, help="how many provinces (default: 6)")
    parser.add_argument("--rounds", type=int, default=2, help="renders of each report (default: 2)")
    parser.add_argument("--profile", help="write a cProfile of the timed loop to this file")
    args = parser.parse_args(argv)

    from dti_helpers.render.pdf import html_to_pdf
    from dti_helpers.render.report import render_in_process

    provinces, data = selection(args.provinces)
    # Warm-up outside the timing: imports, font decoding and the data load are once per process.
    html_to_pdf(render_in_process(provinces[0][0], provinces[0][1], data=data))
    totals = {"html": 0.0, "pdf": 0.0, "plain": 0.0}
    profiler = cProfile.Profile() if args.profile else None
    pages = []
    for _ in range(args.rounds):
        for code, year in provinces:
            if profiler:
                profiler.enable()
            html, seconds = timed(render_in_process, code, year, "vi", "region", data)
            totals["html"] += seconds
            _, seconds = timed(html_to_pdf, html)
            totals["pdf"] += seconds
            if profiler:
                profiler.disable()
            pages.append(html)
    for html in pages:
        _, seconds = timed(plain_pdf, html)
        totals["plain"] += seconds
    if profiler:
        profiler.dump_stats(args.profile)
    n = len(pages)
    print(f"reports: {n} ({len(provinces)} provinces x {args.rounds})")
    print(f"html: {totals['html'] / n:.2f} s/report")
    print(f"pdf: {totals['pdf'] / n:.2f} s/report")
    print(f"plain weasyprint: {totals['plain'] / n:.2f} s/report")
    print(f"pdf/plain: {totals['pdf'] / totals['plain']:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
