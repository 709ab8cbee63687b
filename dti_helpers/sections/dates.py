"""The words of a report's dates (:func:`dti_helpers.analysis.dates.report_dates`): the line under the title
and the rows of the data notes, the same for a province report and an overview.

>>> from dti_helpers import load_dti
>>> from dti_helpers.analysis.dates import report_dates
>>> dates_line(report_dates(load_dti(), 2024, None), "en").split(" · ")[0]
'2024 results published on 21 October 2025'
"""
from __future__ import annotations

from dti_helpers.core.labels import fmt_date, fmt_list, t
from dti_helpers.sections.parts import Inline


def when(date: dict, lang: str) -> str:
    """A date as a sentence gives it: "on 21 October 2025", "in 2024"; "" when not known.

    >>> import datetime
    >>> when({"date": datetime.date(2024, 1, 1), "precision": "year"}, "vi"), when({"date": None}, "en")
    ('năm 2024', '')
    """
    if date.get("date") is None:
        return ""
    key = "when_year" if date.get("precision") == "year" else "when_day"
    return t(key, lang, date=fmt_date(date["date"], lang, date.get("precision") or "day"))


def dated(date: dict, key: str, undated: str, lang: str, **fields) -> str:
    """The label ``key`` with ``{when}`` filled from ``date``, or the label ``undated`` when the date is not known.

    >>> import datetime
    >>> dated({"date": datetime.date(2024, 1, 1), "precision": "year"}, "dates_published", "dates_published_unknown",
    ...       "en", year=2023)
    '2023 results published in 2024'
    """
    if date.get("date") is None:
        return t(undated, lang, **fields)
    return t(key, lang, when=when(date, lang), **fields)


def published_text(dates: dict, lang: str) -> str:
    """When the assessment year's results were published, or that the date is not recorded.

    >>> from dti_helpers.analysis.dates import report_dates
    >>> published_text(report_dates(load_dti(), 2025, None), "vi")
    'Kết quả năm 2025: chưa ghi nhận ngày công bố'
    """
    return dated(dates["published"], "dates_published", "dates_published_unknown", lang,
                 year=dates["published"]["year"])


def data_text(dates: dict, lang: str) -> str:
    """The data version and the date of the newest results it holds.

    >>> from dti_helpers.analysis.dates import report_dates
    >>> data_text(report_dates(load_dti(), 2022, None), "en").endswith("up to the results published on 21 October 2025")
    True
    """
    return dated(dates["data"], "dates_data", "dates_data_undated", lang, version=dates["data"]["version"])


def built_text(dates: dict, lang: str) -> str:
    """The date the report was built.

    >>> from dti_helpers.analysis.dates import report_dates
    >>> built_text(report_dates(load_dti(), 2022, 1767225600), "vi")
    'Báo cáo lập ngày 1/1/2026'
    """
    return dated(dates["built"], "dates_built", "dates_built_undated", lang)


def dates_line(dates: dict, lang: str) -> str:
    """The line under a report's title: publication of the results, the data version and its date, the build.

    >>> from dti_helpers.analysis.dates import report_dates
    >>> len(dates_line(report_dates(load_dti(), 2020, None), "vi").split(" · "))
    3
    """
    return " · ".join((published_text(dates, lang), data_text(dates, lang), built_text(dates, lang)))


def date_rows(dates: dict, lang: str, cite=None) -> list[tuple[str, object]]:
    """The data notes' rows about dates, as (label, cell): who published the results and when (with the
    page that says so, through ``cite``, a :class:`~dti_helpers.sections.province.notes.Citations`'s
    ``cite``), what the date of the data is, and where the build date comes from.

    >>> from dti_helpers.analysis.dates import report_dates
    >>> [label for label, _ in date_rows(report_dates(load_dti(), 2024, None), "en")]
    ['Publication of the 2024 results', 'Date of the data', 'Report built']
    """
    p, d, b = dates["published"], dates["data"], dates["built"]
    publisher = t(p["publisher"], lang)
    published = (t("dn_published", lang, publisher=publisher, when=when(p, lang)) if p["date"] is not None
                 else t("dn_published_unknown", lang, publisher=publisher))
    if cite is not None and p["source_url"]:
        published = Inline((published, cite(p["source_url"])), sep=" ")
    data = (t("dn_data_date", lang, date=fmt_date(d["date"], lang, d["precision"]), year=d["year"])
            if d["date"] is not None else t("dn_data_undated", lang))
    if b["date"] is None:
        built = t("dates_built_undated", lang)
    else:
        key = "dn_built_epoch" if b["basis"] == "epoch" else "dn_built_data"
        built = t(key, lang, date=fmt_date(b["date"], lang, b["precision"]))
    return [(t("param_published", lang, year=p["year"]), published), (t("param_data_date", lang), data),
            (t("param_built", lang), built)]


def publishers_text(runs: list[dict], lang: str) -> str:
    """Who published the results, year by year (:func:`dti_helpers.analysis.dates.publishers`), as a list.

    >>> from dti_helpers.analysis.dates import publishers
    >>> publishers_text(publishers(load_dti()), "en")
    'the Ministry of Information and Communications (2020–2023 results) and the Ministry of Science and Technology (from the 2024 results)'
    """
    words = []
    for run in runs:
        key = ("publisher_since" if run["last"] is None else "publisher_span_one" if run["last"] == run["first"]
               else "publisher_span")
        words.append(t(key, lang, publisher=t(run["publisher"], lang), first=run["first"], last=run["last"]))
    return fmt_list(words, lang)
