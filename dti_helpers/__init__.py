"""dti-reports helpers: load, validate, analyse, chart and render Vietnam's provincial DTI.

>>> from dti_helpers import load_dti
>>> load_dti().value("24", 2020)
(0.3615, 10)
"""
from dti_helpers.core.names import normalize_name
from dti_helpers.data.catalogue import Catalogue, load_catalogue
from dti_helpers.data.load import DTIData, load_dti
from dti_helpers.core.errors import DataFileError, DataProblem, DTIError, UnknownProvinceError

__all__ = ["Catalogue", "DTIData", "DataFileError", "DataProblem", "DTIError", "UnknownProvinceError",
           "load_catalogue", "load_dti", "normalize_name"]
__version__ = "0.1.0"
