"""Loading the DTI dataset: the tidy table, national means and the catalogue.

>>> dti = load_dti()
>>> dti.value("24", 2020, "dti")
(0.3615, 10)
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from dti_helpers.core.errors import DTIError, DataFileError
from dti_helpers.data.catalogue import Catalogue, load_catalogue
from dti_helpers.data.files import DATA_DIR, DEFAULT_PATH, data_files, is_file
from dti_helpers.data.coverage import coverage
from dti_helpers.core.schema import N_UNITS, NATIONAL_COLUMNS, UNIT_SETS
from dti_helpers.data.merge import Conflict, merge_tables

# Under an output folder: the checked copy of a data file that report kernels read (write_validated).
CACHE_DIR = ".cache"


class DataInput(NamedTuple):
    """One file of the analyst's: its path (for reading), name and content digest (for citing).

    >>> DataInput.of("tests/fixtures/official/dti_2022_chi_tiet.csv").name
    'dti_2022_chi_tiet.csv'
    """

    path: str
    name: str
    digest: str

    @classmethod
    def of(cls, path: str | Path) -> "DataInput":
        """The input of a regular file (its digest read in chunks: memory stays flat)."""
        path = Path(path).expanduser()
        return cls(str(path.absolute()), path.name, file_version(path))


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
    # The analyst's files merged in (most trusted first) and whether the embedded data is too.
    inputs: tuple[DataInput, ...] = ()
    embedded: bool = True
    # Where the analyst's files and the embedded data disagree (the kept value is the file's).
    conflicts: tuple[Conflict, ...] = ()

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

    @cached_property
    def years_by_unit(self) -> dict[str, list[int]]:
        """Each unit of the view's set with a published value: code → its years, ascending.

        Worked out once per view (a batch plans dozens of reports on one): the table does not change.

        >>> load_dti().years_by_unit["24"], load_dti().for_units("34").years_by_unit["01"]
        ([2020, 2021, 2022], [2024])
        """
        rows = self.table[self.table.unit_set == self.units]
        return {str(code): sorted(int(y) for y in years.unique())
                for code, years in rows.groupby("province_code", sort=True)["year"]}

    def years(self, unit_set: str | None = None) -> list[int]:
        """Assessment years with at least one value in ``unit_set`` (default: this view's set).

        >>> load_dti().years()
        [2020, 2021, 2022, 2023, 2024]
        """
        view = self.for_units(unit_set or self.units)
        return sorted({year for years in view.years_by_unit.values() for year in years})

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
        """Coverage per year, unit set and metric (:func:`~dti_helpers.data.coverage.coverage`):
        units with a rank, with a score, of how many, doubtful figures, figures by source kind.

        >>> s = load_dti().summary()
        >>> int(s.loc[(2022, "63", "dti"), "With rank"]), int(s.loc[(2022, "63", "dti"), "Of units"])
        (63, 63)
        """
        return coverage(self.table, self.metrics["order"], lang)


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
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()[:12]


def data_version(inputs: Sequence[DataInput], embedded: bool = True) -> str:
    """The version of merged data: the embedded data's and each file's digest, in order.

    The embedded data alone keeps its file's version; the same files in another folder give
    the same version (names and folders are not part of it).

    >>> data_version([]) == file_version(DEFAULT_PATH)
    True
    >>> a = DataInput("/x/a.csv", "a.csv", "41a4925e1157")
    >>> data_version([a]) == data_version([a._replace(path="/y/a.csv")]) != data_version([a], embedded=False)
    True
    """
    if not inputs:
        return file_version(DEFAULT_PATH)
    parts = ([f"embedded:{file_version(DEFAULT_PATH)}"] if embedded else []) + [i.digest for i in inputs]
    return hashlib.sha256(";".join(parts).encode()).hexdigest()[:12]


def validated_path(data: DTIData, folder: str | Path) -> Path | None:
    """Where :func:`write_validated` puts ``data``'s checked table: named by the data's version.

    None for the embedded data alone, which every process reads fast without checking it again.

    >>> validated_path(load_dti(), "/tmp") is None
    True
    >>> data = load_dti("tests/fixtures/official/dti_2022_chi_tiet.csv")
    >>> validated_path(data, "/tmp").name == f"dti-validated-{data.version}.csv"
    True
    """
    if not data.inputs:
        return None
    return Path(folder).resolve() / _validated_name(data.version)


def _validated_name(version: str) -> str:
    return f"dti-validated-{version}.csv"


def write_validated(data: DTIData, folder: str | Path) -> Path | None:
    """Write ``data``'s checked (and merged) table once, for kernels to load with ``load_dti(..., validated=...)``.

    The parent process has read, validated and merged the files; a kernel given this copy
    reads it with the embedded data's fast reader instead of parsing and checking
    the originals again. The name is the data's version, so an existing copy is
    kept and a changed source gets a new one. Returns the path (None for the
    embedded data alone).

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


def load_dti(path=None, year: int | None = None, scale: int | None = None,
             validated: str | Path | None = None, *, embedded: bool = True, sheet: str | None = None,
             limits=None) -> DTIData:
    """Load the DTI data: the embedded dataset, merged with the analyst's files (tidy CSV or official tables).

    ``path`` is a file, a folder (its ``.csv`` and ``.xlsx`` files) or a list of them, most
    trusted first. Each file is validated (:func:`dti_helpers.data.ingest.read_any`) and every
    problem of every file raises one :class:`~dti_helpers.core.errors.DataFileError` naming
    file, row, column and value. The files are merged with the embedded data
    (:func:`~dti_helpers.data.merge.merge_tables`: a file's figure wins, a disagreement is
    noted on the figure and kept in ``conflicts``); ``embedded=False`` uses the files alone.

    The year of an official table: its ``year``/``Năm`` column, else ``year`` when one file is
    given, else a four-digit year in its file name. ``scale=1000`` declares 1000-point scores;
    ``sheet`` names the workbook sheet to read (by default, each workbook's one sheet in a known
    layout); ``limits`` (:class:`~dti_helpers.data.ingest.limits.Limits`) bound the size, rows and
    cells read from each file. ``validated`` is the copy :func:`write_validated`
    made after checking the same files: it is read instead, unless a file has changed since.

    >>> dti = load_dti()
    >>> dti.table.shape[1]
    12
    >>> both = load_dti(["tests/fixtures/official/dti_2021_tong_hop.csv", "tests/fixtures/official/dti_2022_chi_tiet.csv"])
    >>> both.value("48", 2021), both.value("48", 2022), both.value("48", 2020)
    ((0.6419, 1), (0.8002, 1), (0.4874, 1))
    >>> load_dti("tests/fixtures/official/dti_2022_chi_tiet.csv", embedded=False).years()
    [2022]
    """
    catalogue = load_catalogue(DATA_DIR)
    files = data_files(path)
    national = _read_table(DATA_DIR / "national.csv")
    if not files:
        if not embedded:
            raise DTIError(code="data_nothing")
        return DTIData(_read_table(DEFAULT_PATH), national, catalogue, DEFAULT_PATH, file_version(DEFAULT_PATH))
    if not embedded:
        national = national.iloc[0:0][NATIONAL_COLUMNS]  # the national means are embedded figures too
    cached = _cached(files, validated, embedded)
    if cached is not None:
        inputs, table = cached
        conflicts: tuple = ()
    else:
        inputs, frames = _read_inputs(files, catalogue, year if len(files) == 1 else None, scale, sheet, limits)
        if embedded:
            frames.append(_read_table(DEFAULT_PATH))
        table, found = merge_tables(frames)
        conflicts = tuple(found)
    return DTIData(table, national, catalogue, Path(inputs[0].path), data_version(inputs, embedded),
                   inputs=inputs, embedded=embedded, conflicts=conflicts)


def _cached(files: list[Path], validated, embedded: bool):
    """The checked copy of ``files`` when it is still theirs: (inputs, table), else None."""
    if validated is None or not Path(validated).is_file() or not all(is_file(f) for f in files):
        return None
    inputs = tuple(DataInput.of(f) for f in files)
    if Path(validated).name != _validated_name(data_version(inputs, embedded)):
        return None
    return inputs, _read_table(Path(validated))


def _read_inputs(files, catalogue, year, scale, sheet, limits):
    """Validate each file; every problem of every file in one error; (inputs, tidy frames) in order."""
    from dataclasses import replace as with_fields

    from dti_helpers.data.ingest.pipeline import tidy_frame, validate
    from dti_helpers.data.origin import file_ref, join_sources

    problems, inputs, frames = [], [], []
    for path in files:
        found, values, _ = validate(path, catalogue, year, scale, str(path), **_reader_options(sheet, limits))
        if found:
            problems += found
            continue
        source = DataInput.of(path)
        inputs.append(source)
        # Each value cites the file by name and digest with its row; a tidy file's own sources follow.
        values = [with_fields(v, sources=join_sources(file_ref(source.name, source.digest, v.line, v.sheet),
                                                      "" if v.sources == str(path) else v.sources))
                  for v in values]
        frames.append(tidy_frame(values, catalogue))
    if problems:
        raise DataFileError(problems)
    return tuple(inputs), frames


def _reader_options(sheet, limits) -> dict:
    # Only what is asked is passed, so the readers' own defaults stay theirs.
    return {k: v for k, v in (("sheet", sheet), ("limits", limits)) if v is not None}
