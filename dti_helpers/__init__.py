"""dti-reports helpers: load, validate, analyse, chart and render Vietnam's provincial DTI.

>>> from dti_helpers import load_dti
>>> load_dti().value("24", 2020)
(0.3615, 10)
"""
from .catalogue import Catalogue, load_catalogue, normalize_name
from .data import DTIData, load_dti
from .errors import DataFileError, DataProblem, DTIError, UnknownProvinceError

__all__ = ["Catalogue", "DTIData", "DataFileError", "DataProblem", "DTIError", "UnknownProvinceError",
           "load_catalogue", "load_dti", "normalize_name"]
__version__ = "0.1.0"
