"""Loading the DTI dataset: the tidy table, national means and the catalogue.

>>> dti = load_dti()
>>> dti.value("24", 2020, "dti")
(0.3615, 10)
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from dti_helpers.data.catalogue import Catalogue, load_catalogue
from dti_helpers.core.labels import t
from dti_helpers.core.schema import N_UNITS, UNIT_SETS

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DEFAULT_PATH = DATA_DIR / "dti.csv"
# Under an output folder: the checked copy of a data file that report kernels read (write_validated).
CACHE_DIR = ".cache"


@dataclass(frozen=True)
class DTIData:
    """The tidy DTI table (one value per row) with its catalogue.

    ``table`` columns: year, unit_set, province_code, province, metric, score
    (float, NaN when not published), rank (nullable Int64), doubtful, sources,
    note (English) and note_vi (Vietnamese). ``national`` holds the published national means. ``path`` and
    ``version`` identify the data a report was made from.

    ``units`` is the unit set the analysis reads (``"63"``, the provinces until 30 June 2025, or
    ``"34"``, the units after the merger): every function that takes the data reads the figures,
    units and national means of that set. :meth:`for_units` gives the other view of the same data.
    """

    table: pd.DataFrame
    national: pd.DataFrame
    catalogue: Catalogue
    path: Path
    version: str
    units: str = "63"

    def for_units(self, unit_set: str) -> "DTIData":
        """The same data read as ``unit_set`` (codes mean that set's units: 24 is Bắc Ninh among the 34).

        >>> d = load_dti().for_units("34")
        >>> d.units, d.provinces.loc["24", "name"], d.years()
        ('34', 'Bắc Ninh', [2024])
        """
        if unit_set not in UNIT_SETS:
            raise ValueError(f"unknown unit set '{unit_set}'; use 63 or 34")
        return self if unit_set == self.units else replace(self, units=unit_set)

    @property
    def n_units(self) -> int:
        """How many units the set has: the N of every "rank x/N".

        >>> load_dti().n_units, load_dti().for_units("34").n_units
        (63, 34)
        """
        return N_UNITS[self.units]

    @property
    def provinces(self) -> pd.DataFrame:
        """The catalogue of the set's units, indexed by GSO code.

        >>> load_dti().provinces.loc["24", "name"]
        'Bắc Giang'
        """
        return self.catalogue.units(self.units)

    @property
    def metrics(self) -> pd.DataFrame:
        """The metric catalogue, indexed by metric id, in display order.

        >>> list(load_dti().metrics.index[:4])
        ['dti', 'cqs', 'kts', 'xhs']
        """
        return self.catalogue.metrics

    def years(self, unit_set: str | None = None) -> list[int]:
        """Assessment years with at least one value in ``unit_set`` (default: this view's set).

        >>> load_dti().years()
        [2020, 2021, 2022, 2023, 2024]
        """
        unit_set = unit_set or self.units
        return sorted(self.table.loc[self.table.unit_set == unit_set, "year"].unique().tolist())

    def value(self, code: str, year: int, metric: str = "dti", unit_set: str | None = None):
        """(score, rank) of one province-year-metric; ``None`` where not published.

        >>> load_dti().value("01", 2020)
        (None, 43)
        """
        t_, unit_set = self.table, unit_set or self.units
        hit = t_[(t_.unit_set == unit_set) & (t_.province_code == code) & (t_.year == year) & (t_.metric == metric)]
        if hit.empty:
            return None, None
        row = hit.iloc[0]
        score = None if pd.isna(row.score) else float(row.score)
        rank = None if pd.isna(row["rank"]) else int(row["rank"])
        return score, rank

    def summary(self, lang: str = "en") -> pd.DataFrame:
        """Coverage per year, unit set and metric: provinces with a rank, with a score.

        >>> s = load_dti().summary()
        >>> int(s.loc[(2022, "63", "dti"), "With rank"])
        63
        """
        cov = (self.table.assign(has_rank=self.table["rank"].notna(), has_score=self.table.score.notna())
               .groupby(["year", "unit_set", "metric"], sort=False)
               .agg(with_rank=("has_rank", "sum"), with_score=("has_score", "sum")))
        order = self.metrics["order"]
        cov = cov.reset_index()
        cov["_o"] = cov.metric.map(order)
        cov = cov.sort_values(["year", "unit_set", "_o"]).drop(columns="_o")
        cov = cov.set_index(["year", "unit_set", "metric"])
        cov.columns = [t("with_rank", lang), t("with_score", lang)]
        return cov


def _read_table(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    df["year"] = df["year"].astype(int)
    df["score"] = pd.to_numeric(df["score"].replace("", None)).astype(float)
    if "rank" in df:
        df["rank"] = pd.to_numeric(df["rank"].replace("", None)).astype("Int64")
    if "doubtful" in df:
        df["doubtful"] = df["doubtful"].eq("true")
    return df


def file_version(path: Path) -> str:
    """Short content hash of a data file, shown in reports as the data version.

    >>> len(file_version(DEFAULT_PATH))
    12
    """
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def validated_path(data: DTIData, folder: str | Path) -> Path | None:
    """Where :func:`write_validated` puts ``data``'s checked table: named by the source file's digest.

    None for the embedded data, which every process reads fast without checking it again.

    >>> validated_path(load_dti(), "/tmp") is None
    True
    >>> validated_path(load_dti("tests/fixtures/official/dti_2022_chi_tiet.csv"), "/tmp").name
    'dti-validated-41a4925e1157.csv'
    """
    if Path(data.path).resolve() == DEFAULT_PATH:
        return None
    return Path(folder).resolve() / _validated_name(data.version)


def _validated_name(version: str) -> str:
    return f"dti-validated-{version}.csv"


def write_validated(data: DTIData, folder: str | Path) -> Path | None:
    """Write ``data``'s checked table once, for kernels to load with ``load_dti(path, validated=...)``.

    The parent process has read and validated the file; a kernel given this copy
    reads it with the embedded data's fast reader instead of parsing and checking
    the original again. The name is digest-addressed, so an existing copy is
    kept and a changed source gets a new one. Returns the path (None for the
    embedded data).

    >>> import tempfile
    >>> data = load_dti("tests/fixtures/official/dti_2022_chi_tiet.csv")
    >>> copy = write_validated(data, tempfile.mkdtemp())
    >>> again = load_dti(data.path, validated=copy)
    >>> again.table.equals(data.table), again.version == data.version
    (True, True)
    """
    from dti_helpers.core.fsio import atomic_path

    path = validated_path(data, folder)
    if path is None or path.is_file():
        return path
    table = data.table.copy()
    table["doubtful"] = table["doubtful"].map({True: "true", False: "false"})
    with atomic_path(path) as tmp:
        table.to_csv(tmp, index=False, lineterminator="\n", encoding="utf-8")
    return path


def load_dti(path: str | Path | None = None, year: int | None = None, scale: int | None = None,
             validated: str | Path | None = None) -> DTIData:
    """Load the DTI data: the embedded dataset, a tidy CSV, or an official dti.gov.vn table.

    ``year`` is the assessment year of an official table whose year is neither
    in a column nor in its file name; ``scale=1000`` declares 1000-point scores.

    With no argument the embedded ``data/dti.csv`` is read. Any other file is
    validated first (:func:`dti_helpers.data.ingest.read_any`) and a problem
    raises :class:`~dti_helpers.core.errors.DataFileError` naming file, row, column
    and value. ``validated`` is the copy :func:`write_validated` made of ``path``
    after checking it: it is read instead, unless ``path`` has changed since.

    >>> dti = load_dti()
    >>> dti.table.shape[1]
    11
    >>> load_dti("tests/fixtures/official/dti_2022_chi_tiet.csv").value("48", 2022, "awareness")
    (1.0, None)
    """
    catalogue = load_catalogue(DATA_DIR)
    national = _read_table(DATA_DIR / "national.csv")
    if path is None or Path(path).resolve() == DEFAULT_PATH:
        table = _read_table(DEFAULT_PATH)
        src = DEFAULT_PATH
    elif validated is not None and Path(validated).is_file() and (
            Path(validated).name == _validated_name(file_version(Path(path).expanduser()))):
        src = Path(path).expanduser()
        table = _read_table(Path(validated))
    else:
        from dti_helpers.data.ingest import read_any

        src = Path(path).expanduser()
        table = read_any(src, catalogue, year=year, scale=scale)
    return DTIData(table, national, catalogue, src, file_version(src))
