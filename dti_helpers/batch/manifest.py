"""Incremental, crash-safe builds: input digests, the output manifest, atomic writes, the run lock.

A report is rebuilt only when the digest of its inputs (notebook, ``dti_helpers``
source, data file, parameters, package versions) differs from the one recorded
in ``manifest.json`` beside the outputs. Everything here is cheap to import: a
no-op rerun hashes inputs without loading any heavy library.

>>> parts = {"notebook": "ab", "parameters": {"province": "24"}}
>>> inputs_digest(parts) == inputs_digest(dict(reversed(parts.items())))
True
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Iterator

from dti_helpers.core.fsio import TEMP_SUFFIX, atomic_path, atomic_write, file_digest, temp_path

SCHEMA = 1

# Modules that only orchestrate a batch (scheduling, progress, command line) and
# never shape a report's content: editing them must not rebuild 63 reports.
ORCHESTRATION = frozenset({"__main__.py", "cli.py", "core/labels/cli.py", "batch/__init__.py", "batch/plan.py",
                           "batch/pool.py", "batch/worker.py", "batch/summary.py", "batch/runner.py",
                           "batch/select.py", "batch/manifest.py"})

# Libraries whose version can change a report's bytes.
PACKAGES = ("pandas", "numpy", "matplotlib", "seaborn", "papermill", "nbconvert", "nbformat", "nbclient",
            "ipykernel", "jupytext", "weasyprint", "pydyf", "fonttools", "babel", "jinja2", "mistune",
            "vietnamadminunits", "Unidecode", "openpyxl")

def tree_digest(root: str | Path, exclude: frozenset[str] = ORCHESTRATION) -> str:
    """One digest over every file below ``root`` (names and bytes), skipping caches and ``exclude``.

    >>> from pathlib import Path
    >>> len(tree_digest(Path(__file__).parent))
    64
    """
    root = Path(root)
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if (not path.is_file() or "__pycache__" in rel.parts or path.suffix == ".pyc"
                or str(rel) in exclude or path.name.startswith(".")):
            continue
        h.update(str(rel).encode() + b"\0" + file_digest(path).encode() + b"\n")
    return h.hexdigest()


def package_versions(names: tuple[str, ...] = PACKAGES) -> dict[str, str]:
    """Installed versions of the libraries that shape a report, plus Python's.

    >>> package_versions(("pandas",))["python"] == sys.version.split()[0]
    True
    """
    versions = {"python": sys.version.split()[0]}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "absent"
    return versions


def inputs_digest(parts: dict) -> str:
    """Digest of a report's inputs, independent of key order.

    >>> inputs_digest({"a": 1}) == inputs_digest({"a": 1}), inputs_digest({"a": 1}) == inputs_digest({"a": 2})
    (True, False)
    """
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


OUTPUT_DIRS = ("html", "pdf", "csv", "xlsx", "notebooks", "logs")


def remove_stale_temps(root: str | Path) -> list[Path]:
    """Delete the hidden ``.*.tmp`` files a killed run left in an output folder and its sub-folders.

    Call it only while holding the run lock (another run's temporary files are live).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); _ = (d / ".x.html.123.tmp").write_text("")
    >>> [p.name for p in remove_stale_temps(d)]
    ['.x.html.123.tmp']
    """
    root = Path(root)
    removed = []
    for folder in (root, *(root / sub for sub in OUTPUT_DIRS)):
        for tmp in (*folder.glob(f".*{TEMP_SUFFIX}"), *folder.glob(f".*{TEMP_SUFFIX}.*")):
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
                removed.append(tmp)
    return removed


class Manifest:
    """What was built in an output folder, from which inputs: ``<out>/manifest.json``.

    ``entries`` maps each output's path (relative to the folder, e.g.
    ``html/ha-noi-2022-vi.html``) to a record holding ``inputs`` (the digest of
    its inputs), ``sha256`` and ``bytes`` of the file, and what it is.
    :meth:`save` writes the whole file atomically, so a crash leaves the last
    complete manifest.

    >>> import tempfile
    >>> m = Manifest(Path(tempfile.mkdtemp()))
    >>> m.record("html/a.html", {"inputs": "d1"}); m.save()
    >>> Manifest(m.root).entries["html/a.html"]["inputs"]
    'd1'
    """

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.path = self.root / "manifest.json"
        self.entries: dict[str, dict] = {}
        self.problem: str | None = None
        if self.path.exists():
            try:
                doc = json.loads(self.path.read_text(encoding="utf-8"))
                if doc.get("schema") != SCHEMA:
                    raise ValueError(f"schema {doc.get('schema')!r}, expected {SCHEMA}")
                self.entries = dict(doc["outputs"])
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                # Only a hand edit can get here (saves are atomic): rebuild everything rather than trust it.
                self.problem = f"{self.path}: unreadable manifest ({exc}); every report will be rebuilt"

    def current(self, output: str, digest: str) -> bool:
        """True when ``output`` exists, has the recorded size and was built from inputs ``digest``.

        >>> import tempfile
        >>> Manifest(Path(tempfile.mkdtemp())).current("html/a.html", "d1")
        False
        """
        entry = self.entries.get(output)
        if not entry or entry.get("inputs") != digest:
            return False
        try:
            return (self.root / output).stat().st_size == entry.get("bytes")
        except FileNotFoundError:
            return False

    def record(self, output: str, entry: dict) -> None:
        """Set the record of ``output`` (call :meth:`save` to persist).

        >>> m = Manifest("/nonexistent"); m.record("x", {"inputs": "d"}); m.entries["x"]["inputs"]
        'd'
        """
        self.entries[output] = dict(entry, recorded=time.strftime("%Y-%m-%dT%H:%M:%S%z"))

    def forget(self, output: str) -> None:
        """Drop the record of ``output``.

        >>> m = Manifest("/nonexistent"); m.forget("x"); m.entries
        {}
        """
        self.entries.pop(output, None)

    def save(self) -> None:
        """Write the manifest atomically (sorted, so diffs between runs stay readable)."""
        doc = {"schema": SCHEMA, "outputs": dict(sorted(self.entries.items()))}
        atomic_write(self.path, json.dumps(doc, ensure_ascii=False, indent=1) + "\n")


class OutputFolderBusy(RuntimeError):
    """Another run holds the output folder's lock and waiting was not wanted; ``root`` is the folder.

    >>> OutputFolderBusy(Path("reports")).root
    PosixPath('reports')
    """

    def __init__(self, root: Path):
        self.root = root
        super().__init__(f"another run_reports.py is writing to {root}; try again when it ends")


@contextlib.contextmanager
def run_lock(root: str | Path, wait: bool = True, notify=print, waiting: str | None = None) -> Iterator[None]:
    """Hold ``<root>/.run.lock`` so that two runs never write one output folder at the same time.

    With ``wait`` the second run says it is waiting (``waiting``, or an English line, goes to
    ``notify``) and proceeds when the first ends; without, it raises :class:`OutputFolderBusy` at once.

    >>> import tempfile
    >>> with run_lock(tempfile.mkdtemp()):
    ...     pass
    """
    from filelock import FileLock, Timeout

    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(root / ".run.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if not wait:
            raise OutputFolderBusy(root) from None
        notify(waiting or f"another run_reports.py is writing to {root}; waiting for it to finish...")
        lock.acquire()
    try:
        yield
    finally:
        lock.release()
