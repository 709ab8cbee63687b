"""Planning a batch: which reports to (re)build, from which inputs, and which to skip with a reason.

:func:`plan` turns a selection (provinces, years, languages, formats) into
:class:`Job` s, each with the digest of its inputs; outputs whose recorded
digest matches are *unchanged*, provinces without data for a requested year
are *skipped* with the reason. Planning loads no heavy library, so a no-op
rerun takes about a second.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from dti_helpers.batch.digests import inputs_digest, package_versions, tree_digest
from dti_helpers.batch.manifest import Manifest
from dti_helpers.core.fsio import file_digest
from dti_helpers.core.labels import t
from dti_helpers.render.formats import FORMATS, download_links

ROOT = Path(__file__).resolve().parents[2]
PACKAGE_DIR = Path(__file__).resolve().parents[1]
PROVINCE_NOTEBOOK = ROOT / "notebooks" / "province_report.ipynb"
OVERVIEW_NOTEBOOK = ROOT / "notebooks" / "national_overview.ipynb"
# The catalogue tables every report reads beside the figures: names and kinds, the merger, metrics, and
# who published each year's results and when (the dates a report states come from it).
CATALOGUE_FILES = ("provinces.csv", "units_2025.csv", "metrics.csv", "assessments.csv", "raw/regions.csv")


@dataclass(frozen=True)
class Job:
    """One notebook execution and the outputs made from it.

    ``stem`` names every file of the job (``ha-noi-2022-vi`` →
    ``html/ha-noi-2022-vi.html``, ``pdf/…``, ``csv/…``, ``xlsx/…``, ``notebooks/….ipynb``,
    ``logs/….log``); ``todo`` lists the formats to (re)build and ``why`` says why.
    """

    stem: str
    label: str
    notebook: Path
    parameters: dict
    formats: tuple[str, ...]
    digest: str
    parts: dict
    meta: dict
    todo: tuple[str, ...] = ()
    why: str = ""
    html_current: bool = False

    def output(self, fmt: str) -> str:
        """Path of one output, relative to the output folder.

        >>> Job("a-2022-vi", "", Path("x"), {}, ("html",), "", {}, {}).output("pdf")
        'pdf/a-2022-vi.pdf'
        """
        return f"{fmt}/{self.stem}.{fmt}"

    @property
    def executed_notebook(self) -> str:
        """Path of the executed notebook kept for audit, relative to the output folder.

        >>> Job("a-2022-vi", "", Path("x"), {}, ("html",), "", {}, {}).executed_notebook
        'notebooks/a-2022-vi.ipynb'
        """
        return f"notebooks/{self.stem}.ipynb"

    @property
    def log(self) -> str:
        """Path of the job's log, relative to the output folder.

        >>> Job("a-2022-vi", "", Path("x"), {}, ("html",), "", {}, {}).log
        'logs/a-2022-vi.log'
        """
        return f"logs/{self.stem}.log"


@dataclass(frozen=True)
class Skipped:
    """A requested report that will not be built, and why (e.g. no published data that year).

    ``reason`` is in English; ``key`` and ``fields`` (a label of :mod:`dti_helpers.core.labels`)
    word it in another language.

    >>> s = Skipped("X 2020 (vi)", "no data", "cli_no_figure", {"name": "X", "year": 2020, "years": "2022"})
    >>> s.reason_in("vi")
    'không có số liệu DTI công bố cho X năm 2020 (các năm có số liệu: 2022)'
    """

    label: str
    reason: str
    key: str = ""
    fields: dict = field(default_factory=dict)

    def reason_in(self, lang: str = "en") -> str:
        """The reason in ``lang`` (``reason`` itself when it has no label).

        >>> Skipped("X", "no data").reason_in("vi")
        'no data'
        """
        return t(self.key, lang, **self.fields) if self.key else self.reason


@dataclass
class Plan:
    """Jobs to run, jobs already up to date, and requests skipped with a reason."""

    jobs: list[Job]
    unchanged: list[Job]
    skipped: list[Skipped]


@lru_cache(maxsize=1)
def _packages_digest() -> str:
    # Installed versions are read once per process: a library upgraded under a running session
    # shows in the next process (reading ~20 package metadata per job would slow planning).
    return inputs_digest(package_versions())


def notebook_digest(notebook: Path) -> str:
    """Digest of a report notebook: its bytes, and its place unless it is a shipped notebook.

    The kernel runs in the notebook's folder, so an edited copy elsewhere is another input
    even with the same bytes; the shipped notebooks are digested by content alone, so that
    moving the clone rebuilds nothing.

    >>> notebook_digest(PROVINCE_NOTEBOOK) == file_digest(PROVINCE_NOTEBOOK)
    True
    >>> import shutil, tempfile
    >>> copy = Path(shutil.copy(PROVINCE_NOTEBOOK, tempfile.mkdtemp()))
    >>> notebook_digest(copy) == notebook_digest(PROVINCE_NOTEBOOK), notebook_digest(copy) == notebook_digest(copy)
    (False, True)
    """
    notebook = Path(notebook)
    digest = file_digest(notebook)
    if notebook.resolve() in (PROVINCE_NOTEBOOK, OVERVIEW_NOTEBOOK):
        return digest
    return inputs_digest({"sha256": digest, "path": str(notebook.resolve())})


def input_parts(notebook: Path, data_version: str, parameters: dict, common: dict | None = None) -> dict:
    """The inputs a report depends on, as digests.

    The package source is digested on every call, so an edit made in a long-lived session
    (a notebook kernel, a test run) counts; each file is re-read only when its path, size or
    modification time changed (:func:`~dti_helpers.core.fsio.file_digest`). ``data_version`` is
    :attr:`~dti_helpers.data.load.DTIData.version` (it covers every merged file); the catalogue tables
    (:data:`CATALOGUE_FILES`, e.g. a corrected publication date) are an input of their own.

    ``common`` is :func:`common_parts` of the same notebook and data, computed once for the many jobs
    of one plan (digesting the source tree for each of 10,000 jobs would take most of the planning).

    >>> parts = input_parts(PACKAGE_DIR / "__init__.py", "41a4925e1157", {"lang": "vi"})
    >>> sorted(parts)
    ['catalogue', 'data', 'notebook', 'packages', 'parameters', 'source']
    >>> parts == input_parts(PACKAGE_DIR / "__init__.py", "41a4925e1157", {"lang": "vi"},
    ...                      common_parts(PACKAGE_DIR / "__init__.py", "41a4925e1157"))
    True
    """
    common = common or common_parts(notebook, data_version)
    return {"notebook": common["notebook"], "source": common["source"], "data": common["data"],
            "catalogue": common["catalogue"], "parameters": parameters, "packages": common["packages"]}


def common_parts(notebook: Path, data_version: str) -> dict:
    """The inputs every job of ``notebook`` on data ``data_version`` shares, as digests (all but the parameters).

    >>> sorted(common_parts(PACKAGE_DIR / "__init__.py", "41a4925e1157"))
    ['catalogue', 'data', 'notebook', 'packages', 'source']
    """
    return {"notebook": notebook_digest(notebook), "source": tree_digest(PACKAGE_DIR), "data": data_version,
            "catalogue": catalogue_digest(), "packages": _packages_digest()}


def catalogue_digest(data_dir: Path = ROOT / "data") -> str:
    """Digest of the catalogue tables in ``data_dir`` (each re-read only when it changed on disk).

    >>> len(catalogue_digest()), catalogue_digest() == catalogue_digest()
    (64, True)
    """
    return inputs_digest({name: file_digest(data_dir / name) for name in CATALOGUE_FILES})


def _why(manifest: Manifest, job: Job, fmt: str, force: bool) -> str:
    """Why an output must be built (empty when it is current)."""
    out = job.output(fmt)
    if force:
        return "forced"
    if manifest.current(out, job.digest):
        return ""
    entry = manifest.entries.get(out)
    if not entry:
        return "new"
    if entry.get("inputs") == job.digest:
        return "output missing or altered"
    old = entry.get("parts", {})
    changed = [k for k, v in job.parts.items() if old.get(k) != v]
    return "changed: " + ", ".join(changed or ["inputs"])


def finalize(jobs: list[Job], manifest: Manifest, force: bool = False) -> tuple[list[Job], list[Job]]:
    """Split jobs into those with something to build (``todo`` set) and those up to date.

    >>> finalize([], Manifest("/nonexistent"))
    ([], [])
    """
    todo, unchanged = [], []
    for job in jobs:
        reasons = {fmt: _why(manifest, job, fmt, force) for fmt in job.formats}
        need = tuple(fmt for fmt in job.formats if reasons[fmt])
        if need:
            why = "; ".join(sorted(set(reasons[f] for f in need)))
            # the HTML's state is known when it was asked for; only a PDF-only job looks it up
            html_current = (not reasons["html"] if "html" in reasons
                            else not force and manifest.current(job.output("html"), job.digest))
            todo.append(replace(job, todo=need, why=why, html_current=html_current))
        else:
            unchanged.append(job)
    return todo, unchanged


def make_job(stem: str, label: str, notebook: Path, data_version: str, parameters: dict, formats: tuple[str, ...],
             meta: dict, common: dict | None = None) -> Job:
    """A :class:`Job` with the digest of its inputs (``common``: see :func:`input_parts`).

    >>> j = make_job("x-2022-vi", "X", PACKAGE_DIR / "__init__.py", "41a4925e1157", {"a": 1}, ("html",), {})
    >>> len(j.digest)
    64
    """
    parts = input_parts(notebook, data_version, parameters, common)
    return Job(stem, label, notebook, parameters, tuple(formats), inputs_digest(parts), parts, meta)


def province_jobs(data, codes: list[str], *, year: int | None, langs: tuple[str, ...], formats: tuple[str, ...],
                  peers="region", overrides=None,
                  notebook: Path = PROVINCE_NOTEBOOK, data_cache: str | None = None,
                  asked: dict | None = None, successors: dict | None = None,
                  targets: tuple = (), build_epoch: int | None = None,
                  layout: str = "auto") -> tuple[list[Job], list[Skipped]]:
    """One job per province and language; the year each report covers is decided here.

    Without ``year``, each province gets its own latest year with any published
    value (so every province has a report). With ``year``, a province with no
    published value that year is skipped with the reason, not failed.
    ``peers`` is a strategy or a list of provinces (resolved in each report's unit set).
    ``overrides`` (:class:`~dti_helpers.batch.select.Overrides`, from ``--params``) gives the
    notebook parameters (``year``, ``lang``, ``peers``) of one unit's reports. ``data_cache`` is the
    checked copy of the data file each kernel reads (:func:`~dti_helpers.data.load.write_validated`,
    written by the runner). ``asked`` maps a
    code to the name the user typed, which the report's data notes repeat. ``successors`` maps
    (code, year, lang) of a 34-unit report in the same batch to its stem: a former province's report
    of that year links to its successor's. ``targets`` are the analyst's (``--targets``, ``--params``):
    each report gets those it shows as its ``targets`` parameter, so they are part of its inputs' digest.
    ``build_epoch`` (``SOURCE_DATE_EPOCH``) is the build date every
    report states; it is a parameter, so a new one rebuilds. ``layout`` ("auto", "full" or "brief";
    ``--params`` may set it per report) is a parameter of every report, and of its digest, too.

    >>> from dti_helpers import load_dti
    >>> jobs, skipped = province_jobs(load_dti(), ["10", "24"], year=2020, langs=("vi",), formats=("html",))
    >>> [j.stem for j in jobs], [s.reason for s in skipped]
    (['bac-giang-2020-vi'], ['no published DTI figure for Lào Cai in 2020 (years with data: 2022)'])
    """
    from dti_helpers.analysis.province import years_with_data
    from dti_helpers.data.targets import report_rows
    from dti_helpers.sections.province import resolve_params
    from dti_helpers.sections.province.checks import NoFigureError

    jobs, skipped = [], []
    common = common_parts(notebook, data.version)
    # a report of the 34 says so in its label: names repeat across the sets (Bắc Ninh, Lâm Đồng, Hà Nội)
    marker = "" if data.units == "63" else " [34]"
    for code in codes:
        row = data.provinces.loc[code]
        opts = {"year": year, "peers": peers, "layout": layout,
                **(overrides.of(data.units, code) if overrides is not None else {})}
        mine = report_rows(targets, data.catalogue, data.units, code)
        for lang in (opts["lang"],) if "lang" in opts else langs:
            # resolve_params holds the one "latest year with data" rule; the kernel gets its result as it is
            try:
                typed = (asked or {}).get(code, row["name"])
                params = replace(resolve_params(data, typed, opts["year"], lang, opts["peers"], data.units,
                                                opts["layout"]),
                                 data_cache=data_cache, targets=mine, build_epoch=build_epoch)
                successor = (successors or {}).get((row.get("successor_code"), params.year, lang))
                if successor:  # both files sit in html/ (and pdf/): one relative address serves both
                    params = replace(params, successor_report=f"../html/{successor}.html")
                # the page links the CSV and XLSX the batch builds with it (the parameters, so the digest, say so)
                params = replace(params, downloads=download_links(formats, params.stem))
            except NoFigureError:  # any other bad parameter is the whole request's error, said once
                have = ", ".join(map(str, years_with_data(data, code)))
                fields = {"name": row["name"] + marker, "year": opts["year"], "years": have or "none"}
                skipped.append(Skipped(f"{row['name']}{marker} {opts['year']} ({lang})",
                                       t("cli_no_figure", "en", **fields), "cli_no_figure", fields))
                continue
            meta = {"kind": "province", "code": code, "slug": row["slug"], "year": params.year, "lang": lang,
                    "units": data.units}
            jobs.append(make_job(params.stem, f"{row['name']}{marker} {params.year} ({lang})", notebook, data.version,
                                 params.notebook_parameters(), formats, meta, common))
    return jobs, skipped


def by_unit_set(codes, asked=None) -> tuple[dict[str, list[str]], dict[str, dict[str, str]]]:
    """Codes and typed names keyed by unit set; a plain list (or flat mapping) means units of the 63.

    >>> by_unit_set(["24"], {"24": "bac-giang"})
    ({'63': ['24']}, {'63': {'24': 'bac-giang'}})
    >>> by_unit_set({"34": ["24"]})
    ({'34': ['24']}, {})
    """
    codes = dict(codes) if isinstance(codes, dict) else {"63": list(codes)}
    asked = asked or {}
    if asked and not all(isinstance(v, dict) for v in asked.values()):
        asked = {"63": dict(asked)}
    return {k: list(v) for k, v in codes.items()}, asked


def overview_jobs(data, *, year: int | None, langs: tuple[str, ...], formats: tuple[str, ...],
                  data_path: list[str] | None = None, notebook: Path = OVERVIEW_NOTEBOOK,
                  data_cache: str | None = None, build_epoch: int | None = None) -> list[Job]:
    """The national overview's jobs for ``data``'s unit set: one per language for ``year``, or for every
    year the set was assessed (the 2024 overview exists for the 63 and for the 34).

    Every year gets its own overview by default: coverage differs so much between years (2022 has
    every rank, 2024 a handful) that the latest year alone would hide most of what is published.

    >>> from dti_helpers import load_dti
    >>> [j.stem for j in overview_jobs(load_dti(), year=2022, langs=("vi", "en"), formats=("html",),
    ...                                 notebook=PACKAGE_DIR / "__init__.py")]
    ['national-overview-2022-vi', 'national-overview-2022-en']
    >>> len(overview_jobs(load_dti(), year=None, langs=("vi",), formats=("html",), notebook=PACKAGE_DIR / "__init__.py"))
    5
    """
    years = [int(year)] if year is not None else [int(y) for y in data.years()]
    if data.units == "63":  # the names and parameters the 63's overviews always had
        stem, label, extra = "national-overview-{y}-{lang}", "national overview {y} ({lang})", {}
    else:
        stem, label, extra = "national-overview-34-{y}-{lang}", "national overview [34] {y} ({lang})", {"units": "34"}
    common = common_parts(notebook, data.version)
    return [make_job(stem.format(y=y, lang=lang), label.format(y=y, lang=lang), notebook, data.version,
                     {"year": y, "lang": lang, "data_path": data_path, "data_cache": data_cache,
                      **({} if data.embedded else {"embedded": False}),
                      **({} if build_epoch is None else {"build_epoch": build_epoch}), **extra,
                      # the page links the CSV and XLSX built with it
                      "downloads": [list(link) for link in download_links(formats, stem.format(y=y, lang=lang))]},
                     formats,
                     {"kind": "overview", "year": y, "lang": lang, "units": data.units}, common)
            for y in reversed(years) for lang in langs]


def plan(data, codes: list[str], manifest: Manifest, *, year: int | None = None, langs=("vi",), formats=FORMATS,
         peers="region", overrides=None, overview: bool = False, force: bool = False,
         province_notebook: Path = PROVINCE_NOTEBOOK, overview_notebook: Path = OVERVIEW_NOTEBOOK,
         asked: dict | None = None, targets: tuple = (), build_epoch: int | None = None, shard=None,
         layout: str = "auto") -> Plan:
    """Everything a run would do, without doing it (``--dry-run`` prints this).

    ``codes`` are units of the 63, or ``{unit_set: codes}`` (``asked`` likewise: the names as typed).
    ``overview`` adds the national overviews of the unit sets in ``codes``.
    ``province_notebook`` builds the provinces from another notebook (an edited copy of
    the shipped one); its digest is part of every province job's inputs. ``targets`` are the analyst's
    targets (:func:`~dti_helpers.batch.inputs.user_targets`); ``layout`` that of every province report.
    ``build_epoch`` is
    ``SOURCE_DATE_EPOCH`` as the command line read it: the build date every report and overview states.
    ``shard`` (a :class:`~dti_helpers.batch.shards.Shard`) keeps its part of the jobs and skipped requests,
    chosen before the manifest is consulted, so that the part is the same whatever the folder holds.

    >>> from dti_helpers import load_dti
    >>> p = plan(load_dti(), ["24"], Manifest("/nonexistent"), year=2020, formats=("html",))
    >>> [(j.stem, j.todo, j.why) for j in p.jobs]
    [('bac-giang-2020-vi', ('html',), 'new')]
    >>> [j.stem for j in plan(load_dti(), {"34": ["24"]}, Manifest("/nonexistent"), formats=("html",)).jobs]
    ['bac-ninh-34-2024-vi']
    """
    from dti_helpers.data.load import CACHE_DIR, validated_path

    data_path = [i.path for i in data.inputs] or None
    copy = validated_path(data, Path(manifest.root) / CACHE_DIR)
    data_cache = None if copy is None else str(copy)
    codes, asked = by_unit_set(codes, asked)
    planned: dict[str, tuple[list[Job], list[Skipped]]] = {}
    successors: dict = {}
    for unit_set in sorted(codes, key=lambda u: u != "34"):  # the 34 first: the 63's reports link to them
        planned[unit_set] = province_jobs(
            data.for_units(unit_set), codes[unit_set], year=year, langs=tuple(langs), formats=tuple(formats),
            peers=peers, overrides=overrides, notebook=Path(province_notebook),
            data_cache=data_cache, asked=asked.get(unit_set), successors=successors if unit_set == "63" else None,
            targets=targets, build_epoch=build_epoch, layout=layout)
        if unit_set == "34":
            successors = {(j.meta["code"], j.meta["year"], j.meta["lang"]): j.stem for j in planned["34"][0]}
    jobs = [job for unit_set in codes for job in planned[unit_set][0]]
    skipped = [s for unit_set in codes for s in planned[unit_set][1]]
    for unit_set in codes if overview else ():
        view = data.for_units(unit_set)
        if year is None or year in view.years():
            jobs += overview_jobs(view, year=year, langs=tuple(langs), formats=tuple(formats), data_path=data_path,
                                  notebook=Path(overview_notebook), data_cache=data_cache, build_epoch=build_epoch)
    if shard is not None:
        jobs, skipped = shard.pick(jobs, key=lambda j: j.stem), shard.pick(skipped, key=lambda s: s.label)
    todo, unchanged = finalize(jobs, manifest, force)
    return Plan(todo, unchanged, skipped)
