"""The overview's data notes: method, the sources of every figure shown, data version and parameters."""
from __future__ import annotations

from urllib.parse import urlsplit

from dti_helpers.analysis import dates
from dti_helpers.analysis.national import PILLARS, cited_rows, source_urls
from dti_helpers.core.labels import t
from dti_helpers.core.schema import FIGURES_KEY
from dti_helpers.sections import kit
from dti_helpers.sections.dates import date_rows, publishers_text
from dti_helpers.sections.national.context import Overview, setup
from dti_helpers.sections.national.year import grid
from dti_helpers.sections.parts import Code, Heading, Link, References, Section
from dti_helpers.sections.records import figure_records


def parameters(ov: Overview) -> list[tuple[str, str]]:
    """The overview's parameters as (label, value) rows, in its language.

    >>> parameters(setup(2022, "en"))[:2]
    [('Year (year)', '2022'), ('Language (lang)', 'en')]
    """
    import dti_helpers

    lang = ov.lang
    data_name = kit.data_label(ov.data, lang)
    year = str(ov.year) if ov.year_requested is not None else t("ov_param_year_latest", lang, year=ov.year)
    units = [(t("param_units", lang), t("param_units_34", lang))] if ov.n == 34 else []
    return [(t("param_year", lang), year), *units, (t("param_lang", lang), ov.lang), (t("param_data", lang), data_name),
            (t("param_version", lang), ov.data.version),
            (t("param_software", lang), f"dti-reports {dti_helpers.__version__}")]


def shown_figures(ov: Overview) -> list[dict]:
    """The figures the overview shows, one record each (:mod:`dti_helpers.sections.records`), role ``other``:
    every figure whose source the notes cite, and the DTI and pillar cells of the year's ranking that
    read "not published" (a unit with no figure that year is named, not tabled).

    >>> rows = shown_figures(setup(2022, "en"))
    >>> [(r["province"], r["score"], r["rank"]) for r in rows if r["metric"] == "dti" and r["year"] == 2022][:1]
    [('TP. Hà Nội', 0.6098, 24)]
    """
    cited = cited_rows(ov.data, ov.year)
    year = cited[cited.year == ov.year]
    keys = set(zip(cited.unit_set, cited.year, cited.province_code, cited.metric))
    keys |= {(ov.data.units, ov.year, code, m) for code in set(year.province_code) for m in ("dti", *PILLARS)}
    order = ov.data.metrics["order"]
    return figure_records(ov.data, sorted(keys, key=lambda k: (k[1], order[k[3]], k[2])), "other", ov.lang)


def notes_section(ov: Overview) -> Section:
    """Section 7: method, sources of the year's figures, data version and parameters.

    >>> html = notes_section(setup(2020, "en")).html()
    >>> "dti.gov.vn" in html or "http" in html
    True
    """
    lang = ov.lang
    # A file is one reference however many of its rows are cited.
    urls = list(dict.fromkeys(kit.source_text(u, lang) for u in source_urls(cited_rows(ov.data, ov.year))))
    parts = [Heading(t("dn_method", lang)),
             kit.text(t("method_source", lang, publishers=publishers_text(dates.publishers(ov.data), lang)))]
    parts += [kit.text(t(key, lang)) for key in ("ov_method_published", "ov_method_movers", "method_stats")]
    if ov.n == 34:
        parts.append(kit.text(t("method_region_34", lang)))
    parts += [kit.text(t("ov_method_doubtful", lang)), kit.text(t("method_honesty", lang)),
              Heading(t("dn_reflist", lang)), kit.text(t("ov_sources_intro_all", lang, year=ov.year, n=len(urls))),
              References(tuple(enumerate(urls, 1))), Heading(t("dn_params", lang)),
              grid([t("col_parameter", lang), t("col_value", lang)],
                   [[k, v] for k, v in date_rows(dates.report_dates(ov.data, ov.year, ov.build_epoch), lang,
                                                 lambda url: Link(url, urlsplit(url).netloc or url))]
                   + [[k, Code(v)] for k, v in parameters(ov)], (), cls="data params")]
    # the figures cited here, recorded for the overview's downloads (render/download.py)
    return Section("notes", t("ov_sec_notes", lang), tuple(parts), meta={FIGURES_KEY: shown_figures(ov)})
