"""The batch machinery piece by piece: manifest, atomic writes, planning, the warm-kernel engine.

The engine tests run a tiny SYNTHETIC notebook (built here, never written to
``data/`` or ``reports/``) through real papermill and a real kernel.
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import nbformat
import papermill
import pytest

from dti_helpers import load_dti
from dti_helpers.batch.plan import Job, finalize, plan, province_jobs
from dti_helpers.batch.summary import summary
from dti_helpers.batch.worker import Result
from dti_helpers.render.engine import ENGINE_NAME, KernelStartError, start_kernel, warm_code_for
from dti_helpers.batch.cleanup import remove_run_files
from dti_helpers.batch.manifest import Manifest, new_run_id
from dti_helpers.core.fsio import atomic_path, temp_path

SYNTHETIC_LABEL = "synthetic test notebook (not DTI data)"


def synthetic_notebook() -> nbformat.NotebookNode:
    """A three-cell synthetic notebook: parameters, an import, a cell that can fail or hang."""
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell(f"# {SYNTHETIC_LABEL}"),
        nbformat.v4.new_code_cell("x = 1\nmode = 'ok'", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("import json\nleft_over = x"),
        nbformat.v4.new_code_cell(
            "import time\n"
            "if mode == 'fail': raise ValueError('synthetic failure')\n"
            "if mode == 'hang': time.sleep(600)\n"
            "print(sorted(k for k in globals() if not k.startswith('_') and k not in ('In', 'Out', 'exit', 'quit', "
            "'get_ipython', 'open')))"),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "language": "python", "display_name": "Python 3"}
    return nb


@pytest.fixture(scope="module")
def kernel():
    k = start_kernel(warm_code=warm_code_for(synthetic_notebook()))
    yield k
    k.shutdown()


def execute(kernel, **params):
    return papermill.execute_notebook(synthetic_notebook(), None, parameters=params, engine_name=ENGINE_NAME,
                                      kernel=kernel, progress_bar=False, deadline=time.monotonic() + 10)


def test_warm_code_is_the_notebooks_imports():
    assert warm_code_for(synthetic_notebook()) == "import json\nimport time"


def test_warm_kernel_runs_notebooks_without_leaking_variables(kernel):
    first = execute(kernel, x=41)
    kernel.reset()
    second = execute(kernel, x=42)
    kernel.reset()
    names = second.cells[-1].outputs[0].text
    assert names.strip() == "['json', 'left_over', 'mode', 'time', 'x']"
    assert first.cells[2].execution_count == second.cells[2].execution_count  # counting restarts
    assert kernel.uses >= 2 and not kernel.broken


def test_failing_cell_is_a_papermill_error_and_the_kernel_stays_usable(kernel):
    with pytest.raises(papermill.PapermillExecutionError, match="synthetic failure"):
        execute(kernel, mode="fail")
    kernel.reset()
    assert not kernel.broken
    execute(kernel)
    kernel.reset()


def test_deadline_turns_a_hang_into_a_failed_cell_and_marks_the_kernel_broken():
    k = start_kernel()
    try:
        nb = synthetic_notebook()
        with pytest.raises(papermill.PapermillExecutionError) as err:
            papermill.execute_notebook(nb, None, parameters={"mode": "hang"}, engine_name=ENGINE_NAME, kernel=k,
                                       progress_bar=False, deadline=time.monotonic() + 3)
        assert err.value.ename == "CellTimeoutError"
        assert k.broken
    finally:
        k.shutdown()


@pytest.mark.slow
def test_kernel_start_is_retried_once():
    k = start_kernel(bad_first_starts=1)
    assert k.alive()
    k.shutdown()
    with pytest.raises(KernelStartError, match="failed to start 2 times"):
        start_kernel(bad_first_starts=2)


def test_atomic_path_leaves_nothing_on_failure(tmp_path):
    target = tmp_path / "html" / "a.html"
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_text("half")
            raise RuntimeError("crash while writing")
    assert list(target.parent.iterdir()) == []


def test_only_the_runs_own_temporary_files_are_removed_and_only_in_output_folders(tmp_path):
    run = new_run_id()
    (tmp_path / "pdf").mkdir()
    ours = temp_path(tmp_path / "pdf" / "a.pdf", run)
    ours.write_bytes(b"%PDF-")
    (tmp_path / "pdf" / ".a.pdf.123.tmp").write_bytes(b"%PDF-")  # another writer's (a pid, not this run's id)
    (tmp_path / "keep").mkdir()
    temp_path(tmp_path / "keep" / "b", run).write_text("not in an output folder")
    assert remove_run_files(tmp_path, [run]) == [ours]
    assert (tmp_path / "pdf" / ".a.pdf.123.tmp").exists() and len(list((tmp_path / "keep").iterdir())) == 1
    assert remove_run_files(tmp_path, ["*"]) == []  # an id is never a pattern


def test_manifest_survives_a_hand_edited_file(tmp_path):
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    m = Manifest(tmp_path)
    assert m.entries == {} and "unreadable manifest" in m.problem
    m.record("html/a.html", {"inputs": "d", "bytes": 1})
    m.save()
    assert Manifest(tmp_path).entries["html/a.html"]["inputs"] == "d"


def test_output_is_current_only_with_same_inputs_and_content(tmp_path):
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "a.html").write_text("abc")
    m = Manifest(tmp_path)
    m.record("html/a.html", {"inputs": "d1"})
    assert m.current("html/a.html", "d1")
    assert not m.current("html/a.html", "d2")
    (tmp_path / "html" / "a.html").write_text("abd")  # the same size, altered by hand
    assert not m.current("html/a.html", "d1")
    (tmp_path / "html" / "a.html").write_text("abcd")
    assert not m.current("html/a.html", "d1")


def test_plan_explains_why_and_skips_what_is_current(tmp_path):
    data = load_dti()
    jobs, _ = province_jobs(data, ["24"], year=2020, langs=("vi",), formats=("html", "pdf"))
    job = jobs[0]
    m = Manifest(tmp_path)
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / f"{job.stem}.html").write_text("x")
    m.record(job.output("html"), {"inputs": job.digest, "parts": job.parts, "bytes": 1})
    todo, unchanged = finalize(jobs, m)
    assert todo[0].todo == ("pdf",) and todo[0].why == "new" and todo[0].html_current
    changed = dict(job.parts, data="other")
    m.record(job.output("html"), {"inputs": "old", "parts": changed, "bytes": 1})
    todo, _ = finalize(jobs, m)
    assert todo[0].todo == ("html", "pdf") and "changed: data" in todo[0].why
    todo, _ = finalize(jobs, m, force=True)
    assert todo[0].why == "forced"


def test_default_year_is_each_provinces_latest(tmp_path):
    p = plan(load_dti(), ["02", "24", "48"], Manifest(tmp_path), formats=("html",))
    assert [j.stem for j in p.jobs] == ["ha-giang-2023-vi", "bac-giang-2022-vi", "da-nang-2024-vi"]
    assert not p.skipped


def test_summary_names_failed_reports_with_notebook_and_log():
    r = Result("ha-noi-2022-vi", "TP. Hà Nội 2022 (vi)", "failed", 1.0, error="ValueError: x (notebook cell 3)",
               notebook="notebooks/ha-noi-2022-vi.ipynb", log="logs/ha-noi-2022-vi.log")
    text = summary([r], [], [], 2.0, out_dir=Path("reports"))
    assert "failed                     1" in text
    assert "ha-noi-2022-vi: ValueError: x (notebook cell 3)" in text
    assert "executed notebook: reports/notebooks/ha-noi-2022-vi.ipynb" in text


def test_job_paths():
    job = Job("ha-noi-2022-vi", "", Path("x"), {}, ("html",), "", {}, {})
    assert (job.output("html"), job.executed_notebook, job.log) == (
        "html/ha-noi-2022-vi.html", "notebooks/ha-noi-2022-vi.ipynb", "logs/ha-noi-2022-vi.log")
    assert os.sep == "/"  # the manifest's relative paths are POSIX paths


def test_temp_files_keep_their_extension_and_are_cleaned(tmp_path):
    run = new_run_id()
    assert temp_path(tmp_path / "notebooks" / "a.ipynb", run).name.endswith(".tmp.ipynb")  # papermill checks it
    (tmp_path / "notebooks").mkdir()
    temp_path(tmp_path / "notebooks" / "a.ipynb", run).write_text("{}")
    assert [p.name for p in remove_run_files(tmp_path, [run])] == [f".a.ipynb.{run}.tmp.ipynb"]


def test_source_digest_sees_an_edit_made_in_the_same_process(tmp_path, monkeypatch):
    from dti_helpers.batch import plan as batch

    pkg = tmp_path / "pkg"
    pkg.mkdir()
    module = pkg / "labels.py"
    module.write_text("A = 1\n")
    monkeypatch.setattr(batch, "PACKAGE_DIR", pkg)
    args = (batch.ROOT / "data" / "dti.csv", "41a4925e1157", {})
    first = batch.input_parts(*args)["source"]
    assert batch.input_parts(*args)["source"] == first
    module.write_text("A = 2\n")  # same size: only the modification time tells
    st = module.stat()
    os.utime(module, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert batch.input_parts(*args)["source"] != first


@pytest.mark.parametrize("edited, rebuilds", [
    ("cli_args.py", False), ("batch/locks.py", False), ("batch/templates/index.html.j2", False),
    ("render/__main__.py", False), ("core/outfolder.py", False),
    ("sections/kit.py", True), ("render/pdf.py", True), ("core/labels/province.py", True)])
def test_only_what_shapes_a_report_is_in_its_source_digest(tmp_path, edited, rebuilds):
    from dti_helpers.batch.digests import tree_digest
    from dti_helpers.batch.plan import PACKAGE_DIR

    pkg = tmp_path / "pkg"
    shutil.copytree(PACKAGE_DIR, pkg, ignore=shutil.ignore_patterns("__pycache__"))
    before = tree_digest(pkg)
    with (pkg / edited).open("a", encoding="utf-8") as f:
        f.write("\n")
    assert (tree_digest(pkg) != before) is rebuilds


def test_a_bad_parameter_is_an_error_of_the_plan_not_a_skip_for_want_of_data():
    from dti_helpers.data.files import DEFAULT_PATH
    from dti_helpers.sections.province import ParameterError

    with pytest.raises(ParameterError, match="layout"):
        plan(load_dti(DEFAULT_PATH), ["24"], Manifest("/nonexistent"), year=2020, formats=("html",), layout="short")
    p = plan(load_dti(DEFAULT_PATH), ["24"], Manifest("/nonexistent"), year=2019, formats=("html",))
    assert not p.jobs and [s.key for s in p.skipped] == ["cli_no_figure"]


def test_plan_knows_the_default_data_file():
    from dti_helpers.data.files import DEFAULT_PATH

    p = plan(load_dti(DEFAULT_PATH), ["24"], Manifest("/nonexistent"), year=2020, formats=("html",))
    assert p.jobs[0].parameters["data_path"] is None


def test_an_edited_notebook_is_another_input_and_a_rerun_with_it_is_unchanged(tmp_path):
    from dti_helpers.batch.plan import PROVINCE_NOTEBOOK

    data = load_dti()
    copy = tmp_path / "copy.ipynb"
    copy.write_bytes(PROVINCE_NOTEBOOK.read_bytes())
    shipped = plan(data, ["24"], Manifest(tmp_path), year=2020, formats=("html",)).jobs[0]
    edited = plan(data, ["24"], Manifest(tmp_path), year=2020, formats=("html",), province_notebook=copy).jobs[0]
    assert edited.notebook == copy and edited.digest != shipped.digest  # same bytes, another place
    m = Manifest(tmp_path)
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / f"{edited.stem}.html").write_text("x")
    m.record(edited.output("html"), {"inputs": edited.digest, "parts": edited.parts, "bytes": 1})
    again = plan(data, ["24"], m, year=2020, formats=("html",), province_notebook=copy)
    assert not again.jobs and [j.stem for j in again.unchanged] == [edited.stem]
    back = plan(data, ["24"], m, year=2020, formats=("html",))
    assert back.jobs[0].why == "changed: notebook"
    copy.write_text(copy.read_text(encoding="utf-8").replace("province", "province ", 1), encoding="utf-8")
    assert plan(data, ["24"], m, year=2020, formats=("html",), province_notebook=copy).jobs[0].why == \
        "changed: notebook"
