"""The report notebook as committed: no outputs, paired with its jupytext file, a tagged parameters cell."""
import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "province_report.ipynb"
PAIRED = ROOT / "notebooks" / "province_report.py"


def test_notebook_is_committed_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    dirty = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and (c.outputs or c.execution_count)]
    assert dirty == [], f"cells {dirty} carry outputs: run .venv/bin/nbstripout {NOTEBOOK.relative_to(ROOT)}"


def test_nbstripout_would_change_nothing():
    run = subprocess.run([str(Path(sys.executable).with_name("nbstripout")), "--verify", str(NOTEBOOK)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_notebook_and_its_py_percent_pair_agree():
    a = jupytext.read(NOTEBOOK)
    b = jupytext.read(PAIRED)
    assert [(c.cell_type, c.source) for c in a.cells] == [(c.cell_type, c.source) for c in b.cells]
    assert a.metadata["jupytext"]["formats"] == "ipynb,py:percent"


def test_parameters_cell_is_tagged_and_first_code_cell():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    for name in ("province", "year", "lang", "peers", "data_path"):
        assert any(line.startswith(f"{name}:") for line in code[0].source.splitlines()), name


def test_notebook_is_thin():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in [c for c in nb.cells if c.cell_type == "code"][2:]:
        lines = [line for line in cell.source.splitlines() if line.strip() and not line.startswith("#")]
        assert len(lines) == 1 and lines[0].startswith("report."), cell.source


def test_pre_commit_strips_outputs():
    config = (ROOT / ".pre-commit-config.yaml").read_text()
    assert "nbstripout" in config
