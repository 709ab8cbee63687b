"""Several tidy tables as one: each figure from the most trusted source that states it.

The tables come in precedence order: the analyst's files first (in the order given), the
embedded dataset last (its values were already chosen among the pages by the kind of each page,
:mod:`~dti_helpers.data.published`). For each year, unit set, province and metric the score
and the rank are each taken from the first table that has them; the sources of every table that
gives the same value are cited together. A table that gives another value is a
:class:`Conflict`: the kept row's note names it, and ``check-data`` lists it as a warning.
Nothing is averaged or filled: a figure no table states stays missing.

>>> import pandas as pd
>>> from dti_helpers.core.schema import TIDY_COLUMNS
>>> row = dict(year=2021, unit_set="63", province_code="48", province="TP. Đà Nẵng", metric="dti",
...            doubtful=False, note="", note_vi="")
>>> mine = pd.DataFrame([{**row, "score": 0.6419, "rank": 1, "sources": "file-row:a.csv?sha256=d", "source_kind": "file"}])
>>> pages = pd.DataFrame([{**row, "score": 0.6400, "rank": 1, "sources": "https://x.vn", "source_kind": "press"}])
>>> table, conflicts = merge_tables([mine[TIDY_COLUMNS], pages[TIDY_COLUMNS]])
>>> float(table.score[0]), table.sources[0], [(c.field, c.other) for c in conflicts]
(0.6419, 'file-row:a.csv?sha256=d | https://x.vn', [('score', '0.64')])
"""
from __future__ import annotations

import math
from typing import NamedTuple

import pandas as pd

from dti_helpers.core.labels import fmt_score, t
from dti_helpers.core.schema import TIDY_COLUMNS
from dti_helpers.data.origin import describe_sources, join_sources, least_trusted, source_hosts

KEY = ["year", "unit_set", "province_code", "metric"]
# Scores are printed with four decimals: two tables agree when they print the same figure.
SCORE_TOLERANCE = 0.5e-4 + 1e-9


class Conflict(NamedTuple):
    """Two tables disagree on one figure: the kept value and the other, with their sources."""

    year: int
    unit_set: str
    province_code: str
    province: str
    metric: str
    field: str
    kept: str
    kept_sources: str
    other: str
    other_sources: str

    def message(self, lang: str = "en") -> str:
        """The warning line of ``check-data``.

        >>> Conflict(2021, "63", "48", "TP. Đà Nẵng", "dti", "score", "0.6419", "file-row:a.csv?sha256=d",
        ...          "0.64", "https://x.vn").message()
        'TP. Đà Nẵng 2021 dti: the score is 0.6419 (a.csv, sha256 d), another source gives 0.64 (https://x.vn); 0.6419 kept'
        """
        return t("mg_conflict_line", lang, province=self.province, year=self.year, metric=self.metric,
                 field=t("bn_field_" + self.field, lang), kept=self.kept,
                 kept_sources=describe_sources(self.kept_sources, lang),
                 other=self.other, other_sources=describe_sources(self.other_sources, lang))


def same(field: str, a, b) -> bool:
    """Whether two values of ``field`` are the same published figure.

    >>> same("score", 0.6419, 0.64192), same("score", 0.6419, 0.6420), same("rank", 3, 3)
    (True, False, True)
    """
    if field == "score":
        return abs(float(a) - float(b)) <= SCORE_TOLERANCE
    return int(a) == int(b)


def shown(field: str, value) -> str:
    """A value as the note quotes it.

    >>> shown("score", 0.64), shown("rank", 7)
    ('0.64', '7')
    """
    return format(float(value), ".10g") if field == "score" else str(int(value))


def noted(field: str, value, lang: str) -> str:
    """A value as a report's note quotes it, in the report's number format.

    >>> noted("score", 0.4874, "vi"), noted("score", 0.4874, "en"), noted("rank", 7, "vi")
    ('0,4874', '0.4874', '7')
    """
    return fmt_score(float(value), lang) if field == "score" else str(int(value))


def merge_tables(frames: list[pd.DataFrame]) -> tuple[pd.DataFrame, list[Conflict]]:
    """Merge tidy tables given most trusted first; return the table and the disagreements.

    See the module's example. The result has the columns of ``data/dti.csv``.
    """
    frames = [f for f in frames if len(f)]
    if len(frames) <= 1:
        return (frames[0] if frames else pd.DataFrame(columns=TIDY_COLUMNS)).reset_index(drop=True), []
    groups: dict[tuple, list[dict]] = {}
    for frame in frames:
        for row in frame[TIDY_COLUMNS].to_dict("records"):
            groups.setdefault(tuple(row[k] for k in KEY), []).append(row)
    rows, conflicts = [], []
    for rows_of_key in groups.values():
        merged, found = merge_rows(rows_of_key)
        rows.append(merged)
        conflicts.extend(found)
    table = pd.DataFrame(rows, columns=TIDY_COLUMNS).astype(frames[0][TIDY_COLUMNS].dtypes.to_dict())
    return table.sort_values(KEY, kind="stable").reset_index(drop=True), conflicts


def merge_rows(rows: list[dict]) -> tuple[dict, list[Conflict]]:
    """One figure's rows, most trusted first, as one row and its disagreements.

    >>> a = dict(year=2020, unit_set="63", province_code="24", province="Bắc Giang", metric="dti", score=None,
    ...          rank=10, doubtful=False, sources="https://a.vn", source_kind="press", note="", note_vi="")
    >>> b = {**a, "score": 0.3615, "rank": 10, "sources": "https://b.vn"}
    >>> row, conflicts = merge_rows([a, b])
    >>> row["score"], row["rank"], row["sources"], conflicts
    (0.3615, 10, 'https://b.vn | https://a.vn', [])
    """
    first = rows[0]
    merged = dict(first)
    givers: list[dict] = []  # the row that gives each kept figure
    agreeing: list[dict] = []
    conflicts: list[Conflict] = []
    notes = {"en": [], "vi": []}
    for field in ("score", "rank"):
        holders = [r for r in rows if not missing(r[field])]
        if not holders:
            continue
        kept = holders[0]
        merged[field] = kept[field]
        givers.append(kept)
        for other in holders[1:]:
            if same(field, other[field], kept[field]):
                agreeing.append(other)
                continue
            conflict = Conflict(int(first["year"]), first["unit_set"], first["province_code"], first["province"],
                                first["metric"], field, shown(field, kept[field]), kept["sources"],
                                shown(field, other[field]), other["sources"])
            conflicts.append(conflict)
            for lang, said in notes.items():
                said.append(t("mg_conflict_note", lang, field=t("bn_field_" + field, lang),
                              other=noted(field, other[field], lang), sources=source_hosts(other["sources"])))
    givers = list({id(r): r for r in givers}.values()) or [first]
    merged["sources"] = join_sources(*(r["sources"] for r in givers + agreeing))
    merged["doubtful"] = any(bool(r["doubtful"]) for r in givers)
    # The least trusted kind among the rows giving a kept figure: a rank from a weak page alone is said.
    merged["source_kind"] = least_trusted(r["source_kind"] for r in givers)
    merged["note"] = "; ".join(dict.fromkeys(n for n in [*(r["note"] for r in givers), *notes["en"]] if n))
    merged["note_vi"] = "; ".join(dict.fromkeys(n for n in [*(r["note_vi"] for r in givers), *notes["vi"]] if n))
    return merged, conflicts


def missing(value) -> bool:
    """Whether a cell holds no value (None, NaN, pandas NA).

    >>> missing(None), missing(float("nan")), missing(pd.NA), missing(0)
    (True, True, True, False)
    """
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)
