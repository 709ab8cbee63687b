"""The catalogue of provinces, regions and metrics, and province-name matching.

Two unit sets exist: ``"63"`` (the provinces and centrally-run cities until
30 June 2025) and ``"34"`` (the units after the 1 July 2025 merger). Names are
matched the way analysts type them and sources print them: with or without
diacritics, with ``TP.``/``Thành phố``/``Tỉnh`` prefixes, by GSO code or slug.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from dti_helpers.core.errors import UnknownProvinceError
from dti_helpers.core.names import normalize_name
from dti_helpers.core.schema import UNIT_SETS



# Spellings that sources print and analysts type but that no field library lists.
EXTRA_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "63": {
        "79": ("tphcm", "hcmc", "hcm", "saigon", "sai gon", "ho chi minh city"),
        "46": ("hue", "thua thien", "tt hue", "thua thien hue"),
        "01": ("hn", "hanoi"),
        "77": ("brvt", "ba ria", "vung tau"),
        "48": ("dn",),
    },
    "34": {
        "79": ("tphcm", "hcmc", "hcm", "saigon", "sai gon", "ho chi minh city"),
        "46": ("hue", "thua thien hue"),
        "01": ("hn", "hanoi"),
    },
}


@dataclass(frozen=True)
class Catalogue:
    """Provinces (63), units after the merger (34), regions, metrics and the assessments (who published
    each year's results, and when).

    Build one with :func:`load_catalogue`; look names up with :meth:`resolve`.

    >>> cat = load_catalogue()
    >>> cat.resolve("TP.HCM")
    '79'
    >>> cat.name("79")
    'TP. Hồ Chí Minh'
    """

    provinces: pd.DataFrame
    units_2025: pd.DataFrame
    regions: pd.DataFrame
    metrics: pd.DataFrame
    # one row per assessment year: publisher id (mic, most), published (ISO date, a year, or ""), source_url
    assessments: pd.DataFrame

    def units(self, unit_set: str = "63") -> pd.DataFrame:
        """The unit table of ``unit_set`` (``"63"`` or ``"34"``), indexed by code.

        >>> len(load_catalogue().units("34"))
        34
        """
        if unit_set not in UNIT_SETS:
            raise ValueError(f"unknown unit set '{unit_set}'; use 63 or 34")
        return self.provinces if unit_set == "63" else self.units_2025

    @cached_property
    def _index(self) -> dict[str, dict[str, set[str]]]:
        index: dict[str, dict[str, set[str]]] = {}
        for unit_set in UNIT_SETS:
            keys: dict[str, set[str]] = {}
            for code, row in self.units(unit_set).iterrows():
                names = [code, row["name"], row["short_name"], row["name_en"], row["slug"]]
                names += str(row.get("aliases", "") or "").split("|")
                names += EXTRA_ALIASES[unit_set].get(code, ())
                for name in names:
                    if name:
                        keys.setdefault(normalize_name(name), set()).add(code)
            index[unit_set] = keys
        return index

    def resolve(self, name: str | int, unit_set: str = "63") -> str:
        """Return the GSO code of the unit called ``name`` in ``unit_set``.

        Raises :class:`UnknownProvinceError` naming the closest matches.

        >>> cat = load_catalogue()
        >>> cat.resolve("Thua Thien Hue"), cat.resolve("ha-noi"), cat.resolve(24)
        ('46', '01', '24')
        >>> cat.resolve("Huế", unit_set="34")
        '46'
        """
        key = normalize_name(name)
        table = self.units(unit_set)
        keys = self._index[unit_set]
        codes = keys.get(key, set())
        if len(codes) == 1:
            return next(iter(codes))
        if len(codes) > 1:
            raise UnknownProvinceError(str(name), sorted(table.loc[sorted(codes), "name"]), ambiguous=True)
        close = difflib.get_close_matches(key, list(keys), n=8, cutoff=0.6)
        suggestions: list[str] = []
        for k in close:
            for code in sorted(keys[k]):
                if table.at[code, "name"] not in suggestions:
                    suggestions.append(table.at[code, "name"])
        raise UnknownProvinceError(str(name), suggestions[:4])

    def name(self, code: str, unit_set: str = "63") -> str:
        """Canonical (dti.gov.vn) name of a unit.

        >>> load_catalogue().name("46")
        'Thừa Thiên - Huế'
        """
        return self.units(unit_set).at[code, "name"]

    def region_name(self, region: str, lang: str = "vi") -> str:
        """Label of a socio-economic region.

        >>> load_catalogue().region_name("central_highlands", "en")
        'Central Highlands'
        """
        return self.regions.at[region, f"name_{lang}"]

    def metric_label(self, metric: str, lang: str = "vi", short: bool = True) -> str:
        """Label of a metric (``dti``, ``cqs`` …) in ``lang``.

        >>> load_catalogue().metric_label("xhs", "en")
        'Digital society'
        """
        column = ("short_" if short else "label_") + lang
        return self.metrics.at[metric, column]


def _data_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "data"


def load_catalogue(data_dir: str | Path | None = None) -> Catalogue:
    """Read the catalogue tables from ``data_dir`` (default: the embedded ``data/``).

    >>> load_catalogue().provinces.shape[0]
    63
    """
    d = Path(data_dir) if data_dir is not None else _data_dir()
    read = lambda name: pd.read_csv(d / name, dtype=str, keep_default_na=False)  # noqa: E731
    provinces = read("provinces.csv").set_index("code", drop=False)
    units = read("units_2025.csv").set_index("code", drop=False)
    # No field library gives the 34 units a socio-economic region; the rule, stated in the reports:
    # a unit is in the region of the former province whose GSO code it kept (every unit kept one).
    for column in ("region", "region_vi", "region_en"):
        units[column] = provinces.loc[units.index, column].to_numpy()
    regions = read("raw/regions.csv").set_index("region", drop=False)
    metrics = read("metrics.csv")
    metrics["order"] = metrics["order"].astype(int)
    metrics["first_year"] = metrics["first_year"].astype(int)
    metrics = metrics.set_index("metric", drop=False)
    assessments = read("assessments.csv")
    assessments["year"] = assessments["year"].astype(int)
    return Catalogue(provinces, units, regions, metrics, assessments.set_index("year", drop=False))
