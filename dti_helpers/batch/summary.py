"""What a batch did, as a table: built, up to date, skipped with the reason, failed with its log."""
from __future__ import annotations

import signal as signals
from dataclasses import dataclass, field
from pathlib import Path

from dti_helpers.batch.plan import Job, Plan, Skipped
from dti_helpers.batch.worker import Result
from dti_helpers.core.labels import t


@dataclass
class Outcome:
    """What :func:`~dti_helpers.batch.runner.build` did; ``signal`` is the one that stopped it (0: none),
    ``problems`` the lines of what went wrong outside any one report (a full disk: the file and the reason)."""

    plan: Plan
    results: list[Result]
    interrupted: bool
    seconds: float
    pages: list[Path]
    signal: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[Result]:
        """Reports that failed.

        >>> Outcome(Plan([], [], []), [Result("a", "A", "failed")], False, 0.0, []).failed[0].stem
        'a'
        """
        return [r for r in self.results if r.status == "failed"]

    @property
    def exit_code(self) -> int:
        """128 + the signal when stopped (130 Ctrl-C, 143 SIGTERM, 129 SIGHUP), 1 when a report failed or
        something else went wrong, else 0.

        >>> none = Plan([], [], [])
        >>> Outcome(none, [], False, 0.0, []).exit_code, Outcome(none, [], True, 0.0, []).exit_code
        (0, 130)
        >>> Outcome(none, [], True, 0.0, [], signal=15).exit_code
        143
        >>> Outcome(none, [], False, 0.0, [], problems=["reports/index.html: No space left on device"]).exit_code
        1
        """
        if self.interrupted:
            return 128 + (self.signal or signals.SIGINT)
        return 1 if self.failed or self.problems else 0


def fmt_seconds(s: float) -> str:
    """Seconds as ``1m 05s`` or ``4.2s``.

    >>> fmt_seconds(65.2), fmt_seconds(4.24)
    ('1m 05s', '4.2s')
    """
    return f"{int(s // 60)}m {int(s % 60):02d}s" if s >= 60 else f"{s:.1f}s"


def summary(results: list[Result], unchanged: list[Job], skipped: list[Skipped], wall: float,
            out_dir: Path | None = None, interrupted: bool = False, lang: str = "en") -> str:
    """The final table: how many reports were built, skipped or failed, and the time.

    Failed reports are named with their error, executed notebook and log.

    >>> print(summary([Result("a-2022-vi", "A 2022 (vi)", "ok", 2.0)], [], [Skipped("B 2020 (vi)", "no data")], 3.0))
    status               reports   time
    built (ok)                 1   2.0s
    skipped, up to date        0
    skipped, no data           1
    failed                     0
    total                      2   3.0s wall clock
    <BLANKLINE>
    skipped:
      B 2020 (vi): no data
    """
    ok = [r for r in results if r.status == "ok"]
    failed = [r for r in results if r.status == "failed"]
    rows = [(t("cli_row_ok", lang), len(ok), fmt_seconds(sum(r.seconds for r in ok))),
            (t("cli_row_unchanged", lang), len(unchanged), ""), (t("cli_row_no_data", lang), len(skipped), ""),
            (t("cli_row_failed", lang), len(failed), fmt_seconds(sum(r.seconds for r in failed)) if failed else ""),
            (t("cli_row_total", lang), len(ok) + len(unchanged) + len(skipped) + len(failed),
             t("cli_wall_clock", lang, time=fmt_seconds(wall)))]
    width = max(20, *(len(name) + 1 for name, _, _ in rows))
    lines = [f"{t('cli_col_status', lang):<{width}} {t('cli_col_reports', lang):>7}   {t('cli_col_time', lang)}"]
    lines += [f"{name:<{width}} {n:>7}   {when}".rstrip() for name, n, when in rows]
    where = (lambda rel: str(Path(out_dir) / rel)) if out_dir else (lambda rel: rel)
    if failed:
        lines += ["", t("cli_failed", lang)]
        for r in failed:
            lines.append(f"  {r.stem}: {r.error}")
            if r.notebook:
                lines.append("    " + t("cli_executed_notebook", lang, path=where(r.notebook)))
            lines.append("    " + t("cli_log", lang, path=where(r.log)))
    if skipped:
        lines += ["", t("cli_skipped", lang)] + [f"  {s.label}: {s.reason_in(lang)}" for s in skipped]
    if interrupted:
        lines += ["", t("cli_interrupted_kept", lang)]
    return "\n".join(lines)


def dry_run(p: Plan, lang: str = "en") -> str:
    """What ``--dry-run`` prints: each report that would be built and why, each skipped one and why.

    >>> print(dry_run(Plan([], [], [Skipped("B 2020 (vi)", "no data")])))
    would build 0 report(s); 0 up to date; 1 skipped
      skip     B 2020 (vi): no data
    """
    lines = [t("cli_dry_run", lang, n=len(p.jobs), unchanged=len(p.unchanged), skipped=len(p.skipped))]
    build, skip = t("cli_build_word", lang), t("cli_skip_word", lang)
    lines += [f"  {build:<8} {j.stem:<36} {','.join(j.todo):<9} {j.why}" for j in p.jobs]
    lines += [f"  {skip:<8} {s.label}: {s.reason_in(lang)}" for s in p.skipped]
    return "\n".join(lines)
