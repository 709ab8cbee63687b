"""Reading data files the analyst brings: tidy CSV/XLSX or the official dti.gov.vn tables.

The public API (the modules behind it: ``read_table`` a path to a table (odd files refused),
``read_csv`` and ``read_xlsx`` the readers, ``sheet`` which workbook sheet is the table,
``table`` rows to header and data rows, ``limits`` how much is read, ``official`` the dti.gov.vn layouts, ``layout`` header recognition,
``checks`` value checks, ``unit_sets`` the 63 or the 34 by year, ``problems``
the collector, ``pipeline`` the run):

>>> from dti_helpers.data.ingest import check_file
>>> check_file("tests/fixtures/official/dti_2021_tong_hop.csv")[0]
[]
"""
from dti_helpers.data.ingest.limits import Limits
from dti_helpers.data.ingest.pipeline import check_file, read_any, read_official, validate
from dti_helpers.data.ingest.read_table import TableReaders, readers

__all__ = ["check_file", "read_any", "read_official", "validate", "readers", "Limits", "TableReaders"]
