"""The dates a report states: when its assessment year's results were published and by whom, the date
of the data it rests on, and the date it was built.

All of them come from the data given (the catalogue's ``assessments`` table and the years the data
hold) and from ``SOURCE_DATE_EPOCH``, which the caller reads once from its environment and passes in
(:func:`epoch_from`). Nothing here looks at the clock: the same data and the same epoch give the same
dates, so rebuilt reports stay byte-identical.

>>> from dti_helpers import load_dti
>>> d = report_dates(load_dti(), 2024, None)
>>> d["published"]["date"], d["data"]["date"], d["built"]["basis"]
(datetime.date(2025, 10, 21), datetime.date(2025, 10, 21), 'data')
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from dti_helpers.core.errors import DTIError
from dti_helpers.data.load import DTIData

EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"


def epoch_from(environ: Mapping[str, str]) -> int | None:
    """The build time a caller's environment sets (``SOURCE_DATE_EPOCH``, seconds since 1970), or
    ``None`` when it is unset or empty; a value that is not a whole number is a one-line error.

    >>> epoch_from({}), epoch_from({"SOURCE_DATE_EPOCH": ""}), epoch_from({"SOURCE_DATE_EPOCH": " 1700000000 "})
    (None, None, 1700000000)
    >>> epoch_from({"SOURCE_DATE_EPOCH": "yesterday"})
    Traceback (most recent call last):
    ...
    dti_helpers.core.errors.DTIError: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not 'yesterday'
    """
    text = str(environ.get(EPOCH_VARIABLE, "") or "").strip()
    if not text:
        return None
    if not text.isdigit():
        raise DTIError(code="bad_epoch", value=text)
    return int(text)


def parse_published(text: str) -> tuple[dt.date | None, str | None]:
    """A ``published`` cell of the assessments table as (date, precision): an ISO date is known to the
    day, a year alone to the year; an empty cell is not known.

    >>> parse_published("2025-10-21"), parse_published("2024"), parse_published("")
    ((datetime.date(2025, 10, 21), 'day'), (datetime.date(2024, 1, 1), 'year'), (None, None))
    """
    text = str(text or "").strip()
    if not text:
        return None, None
    if len(text) == 4 and text.isdigit():
        return dt.date(int(text), 1, 1), "year"
    return dt.date.fromisoformat(text), "day"


def assessment(data: DTIData, year: int) -> dict:
    """Who published the results of assessment ``year``, when, and on which page.

    ``publisher`` is a label key (``publisher_mic``, ``publisher_most``). A year the table does not
    list takes the publisher of the latest year before it (the ministry in charge), its date unknown.

    >>> a = assessment(load_dti(), 2024)
    >>> a["publisher"], a["date"], a["precision"], a["source_url"].split("/")[2]
    ('publisher_most', datetime.date(2025, 10, 21), 'day', 'dantri.com.vn')
    >>> [assessment(load_dti(), y)["publisher"] for y in (2020, 2023, 2026)]
    ['publisher_mic', 'publisher_mic', 'publisher_most']
    >>> assessment(load_dti(), 2023)["precision"], assessment(load_dti(), 2025)["date"]
    ('year', None)
    """
    table = data.catalogue.assessments
    known = [y for y in table.index if y <= year] or [min(table.index)]
    row = table.loc[year] if year in table.index else None
    publisher = table.at[max(known), "publisher"]
    date, precision = parse_published(row["published"]) if row is not None else (None, None)
    return {"year": int(year), "publisher": f"publisher_{publisher}", "date": date, "precision": precision,
            "source_url": row["source_url"] if row is not None else ""}


def publishers(data: DTIData) -> list[dict]:
    """The ministries that published the results, each with its first and last assessment year
    (``last`` is ``None`` for the one in charge now).

    >>> [(p["publisher"], p["first"], p["last"]) for p in publishers(load_dti())]
    [('publisher_mic', 2020, 2023), ('publisher_most', 2024, None)]
    """
    runs: list[dict] = []
    for year, publisher in data.catalogue.assessments["publisher"].sort_index().items():
        if runs and runs[-1]["publisher"] == f"publisher_{publisher}":
            runs[-1]["last"] = int(year)
        else:
            runs.append({"publisher": f"publisher_{publisher}", "first": int(year), "last": int(year)})
    if runs:
        runs[-1]["last"] = None
    return runs


def data_date(data: DTIData) -> dict:
    """The date of the data: the data hold no date of their own (no row records when it was read), so it
    is the latest publication date of the assessment years they hold, and ``year`` says whose.

    >>> d = data_date(load_dti())
    >>> d["date"], d["precision"], d["year"]
    (datetime.date(2025, 10, 21), 'day', 2024)
    """
    years = set(int(y) for y in data.table["year"].unique()) | set(int(y) for y in data.national["year"].unique())
    found = [(a["date"], a["precision"], y) for y in sorted(years) if (a := assessment(data, y))["date"] is not None]
    if not found:
        return {"date": None, "precision": None, "year": None}
    date, precision, year = max(found)
    return {"date": date, "precision": precision, "year": year}


def build_date(data: DTIData, epoch: int | None) -> dict:
    """The date a report states it was built: that of ``epoch`` (``SOURCE_DATE_EPOCH``, read in UTC)
    when given, else the data's date (:func:`data_date`), so that a rebuild gives the same bytes.

    >>> build_date(load_dti(), 1767225600)
    {'date': datetime.date(2026, 1, 1), 'precision': 'day', 'basis': 'epoch'}
    >>> build_date(load_dti(), None)["basis"]
    'data'
    """
    if epoch is not None:
        return {"date": dt.datetime.fromtimestamp(epoch, tz=dt.timezone.utc).date(), "precision": "day",
                "basis": "epoch"}
    d = data_date(data)
    return {"date": d["date"], "precision": d["precision"], "basis": "data"}


def report_dates(data: DTIData, year: int, epoch: int | None) -> dict:
    """Every date a report of assessment ``year`` states: ``published`` (:func:`assessment`),
    ``data`` (:func:`data_date`, with the data's ``version``) and ``built`` (:func:`build_date`).

    >>> d = report_dates(load_dti(), 2022, 1767225600)
    >>> d["published"]["date"], d["built"]["date"], len(d["data"]["version"])
    (datetime.date(2023, 7, 12), datetime.date(2026, 1, 1), 12)
    """
    return {"published": assessment(data, year), "data": {**data_date(data), "version": data.version},
            "built": build_date(data, epoch)}
