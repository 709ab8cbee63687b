"""Digests of a report's inputs: the package source, the installed libraries, the parameters.

A report is rebuilt when the digest of its inputs (notebook, ``dti_helpers`` source, data file,
parameters, package versions) differs from the one its output was recorded with.

>>> parts = {"notebook": "ab", "parameters": {"province": "24"}}
>>> inputs_digest(parts) == inputs_digest(dict(reversed(parts.items())))
True
"""
from __future__ import annotations

import hashlib
import json
import sys
from fnmatch import fnmatchcase as fnmatch
from importlib import metadata
from pathlib import Path

from dti_helpers.core.fsio import file_digest

# What only runs a batch or a command (scheduling, workers, the manifest, the index page, the
# command line) and never shapes a report's bytes: editing it must not rebuild 63 reports. Patterns
# (fnmatch, "*" crossing folders) rather than names, so a new module under batch/ cannot go stale here.
ORCHESTRATION = ("batch/*", "__main__.py", "*/__main__.py", "cli.py", "cli_*.py", "core/labels/cli.py",
                 "core/outfolder.py", "core/lifetime.py")

# Libraries whose version can change a report's bytes.
PACKAGES = ("pandas", "numpy", "matplotlib", "seaborn", "papermill", "nbconvert", "nbformat", "nbclient",
            "ipykernel", "jupytext", "weasyprint", "pydyf", "fonttools", "babel", "jinja2", "mistune",
            "vietnamadminunits", "Unidecode", "openpyxl")

def tree_digest(root: str | Path, exclude: tuple[str, ...] = ORCHESTRATION) -> str:
    """One digest over every file below ``root`` (names and bytes), skipping caches and the paths ``exclude`` matches.

    >>> from pathlib import Path
    >>> len(tree_digest(Path(__file__).parent))
    64
    """
    root = Path(root)
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if (not path.is_file() or "__pycache__" in rel.parts or path.suffix == ".pyc"
                or any(fnmatch(rel.as_posix(), pattern) for pattern in exclude) or path.name.startswith(".")):
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
