"""A group statistic as a cell, the same in the province report and the overview: the value with its
count "n of N", or the reason it is withheld ("too few published (n of N)").

The rule itself is :func:`dti_helpers.analysis.groups.group_stat`; this module only words it.

>>> from dti_helpers.analysis.groups import group_stat
>>> str(stat_cell(group_stat([0.5, 0.7], 3), "en", "0.6000")).startswith("0.6000 ")
True
>>> stat_cell(group_stat([0.5], 3), "vi", "0,5000").content
'quá ít số liệu công bố (1/3)'
"""
from __future__ import annotations

from dti_helpers.analysis.groups import GroupStat
from dti_helpers.core.labels import t
from dti_helpers.sections.parts import Inline, Span

EXTREMES = ("highest", "lowest")


def stat_cell(stat: GroupStat, lang: str, text, extreme: str | None = None):
    """``text`` (the formatted value of ``stat``) with its count in grey, or why the statistic is withheld.

    ``extreme`` ("highest" or "lowest") names an extreme: over an incomplete group it is only the
    highest (lowest) published, and the grey part says so.

    >>> from dti_helpers.analysis.groups import group_stat
    >>> str(stat_cell(group_stat([1, 2], 3, "min"), "en", "1", extreme="highest")).endswith(
    ...     "(highest published, 2 of 3)</span>")
    True
    >>> stat_cell(group_stat([], 3), "en", "").content
    'none published (0 of 3)'
    """
    if extreme is not None and extreme not in EXTREMES:
        raise ValueError(f"unknown extreme '{extreme}'; use one of: {', '.join(EXTREMES)}")
    if not stat.shown:
        return Span(t(f"gs_{stat.reason}", lang, n=stat.n, of=stat.of), "muted")
    key = f"gs_{extreme}_published" if extreme is not None and not stat.complete else "gs_count"
    return Inline((text, Span(t(key, lang, n=stat.n, of=stat.of), "muted")), sep=" ")


__all__ = ["EXTREMES", "stat_cell"]
