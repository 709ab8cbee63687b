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


def test_markdown_cells_are_analyst_notes_tagged_remove_cell():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    untagged = [i for i, c in enumerate(nb.cells)
                if c.cell_type == "markdown" and "remove-cell" not in c.metadata.get("tags", [])]
    assert untagged == []
    assert "remove-cell" in nb.cells[0].source  # the first cell says so


def test_the_documented_kit_example_runs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    doc = next(c.source for c in nb.cells if c.cell_type == "markdown" and "report.figures" in c.source)
    code = doc.split("```python", 1)[1].split("```", 1)[0]
    from dti_helpers import report

    scope = {"report": report, "rep": report.setup("Bắc Giang", 2020, "vi")}
    # the example ends in one expression, the section a notebook cell would show
    exec(code.replace("report.section(", "result = report.section(", 1), scope)
    data, meta = scope["result"]._repr_mimebundle_()
    assert meta["dti_section"]["title"] == "So sánh với Bắc Ninh và Thái Nguyên"
    html = data["text/html"]
    assert "Bắc Ninh" in html and "Thái Nguyên" in html and "/63" in html and "commentary" in html
