"""Names every doctest in dti_helpers may use without importing them."""
import pytest


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace):
    from dti_helpers import load_dti

    doctest_namespace["load_dti"] = load_dti
