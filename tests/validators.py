"""The W3C Nu HTML checker, shared by every test that validates a page.

The checker is the npm package ``vnu-jar`` pinned in package.json (``make test-deps`` installs it
with ``npm ci`` into ``node_modules/``) and runs on the system's Java. Errors only: a warning is
advice (e.g. about a heading level), an error is invalid HTML.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_check(*pages: Path | str) -> None:
    """Fail the test with the checker's messages unless every page is valid HTML (the checker's errors)."""
    if not shutil.which("java"):
        pytest.fail("java is missing: install default-jre-headless (make test-deps)")
    if not VNU.is_file():
        pytest.fail(f"{VNU.relative_to(ROOT)} is missing: run `make test-deps` (npm ci)")
    assert pages, "no page to check"
    run = subprocess.run(["java", "-jar", str(VNU), "--errors-only", *map(str, pages)], capture_output=True,
                         text=True)
    assert run.returncode == 0, run.stdout + run.stderr
