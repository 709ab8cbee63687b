"""How much of the DTI is published: per year, unit set and metric, how many units have a rank or a
score, of how many, how many figures are marked doubtful, and what kinds of source carry them.

The counts are of the tidy table as loaded (embedded data, the analyst's files, or both): they
describe the data, they are not estimates of anything.

>>> from dti_helpers.data.load import load_dti
>>> c = coverage(load_dti().table, load_dti().metrics["order"])
>>> c.loc[(2022, "63", "dti")].tolist()[:3]
[63, 21, 63]
"""
from __future__ import annotations

import pandas as pd

from dti_helpers.core.labels import t
from dti_helpers.core.schema import N_UNITS
from dti_helpers.data.origin import SOURCE_KINDS

# Columns of the coverage table, in order, as label keys.
COUNT_COLUMNS = ("with_rank", "with_score", "of_units", "n_doubtful")


def coverage(table: pd.DataFrame, order: pd.Series, lang: str = "en") -> pd.DataFrame:
    """Coverage per (year, unit set, metric): units with a rank, with a score, of how many; doubtful
    figures (†); then one column per source kind that carries figures (a figure counts once, under
    the kind it was kept from).

    ``order`` maps metric ids to their display order (the metric catalogue's ``order``).

    >>> from dti_helpers.data.load import load_dti
    >>> d = load_dti()
    >>> c = coverage(d.table, d.metrics["order"], "vi")
    >>> list(c.columns[:4])
    ['Có xếp hạng', 'Có điểm', 'Số đơn vị', 'Cần thận trọng (†)']
    """
    keys = ["year", "unit_set", "metric"]
    counts = (table.assign(with_rank=table["rank"].notna(), with_score=table.score.notna(),
                           n_doubtful=table.doubtful.astype(bool))
              .groupby(keys, sort=False)[["with_rank", "with_score", "n_doubtful"]].sum())
    kinds = [k for k in SOURCE_KINDS if k in set(table.source_kind)]
    by_kind = (pd.crosstab([table.year, table.unit_set, table.metric], table.source_kind)
               .reindex(columns=kinds, fill_value=0))
    by_kind.index.names = keys
    cov = counts.join(by_kind).reset_index()
    cov["of_units"] = cov.unit_set.map(N_UNITS)
    cov = (cov.assign(_order=cov.metric.map(order)).sort_values(["year", "unit_set", "_order"])
           .set_index(keys)[list(COUNT_COLUMNS) + kinds].astype(int))
    cov.columns = [t(key, lang) for key in COUNT_COLUMNS] + [t(f"source_kind_{k}", lang) for k in kinds]
    return cov
