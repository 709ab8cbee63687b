"""The batch, end to end: run_reports.py with real papermill, nbconvert and WeasyPrint (no mocks).

The full batch on the default data runs once per test session (a session-scoped
fixture: it takes a few minutes); the other tests use two or three provinces
and their own output folders; all but one quick check are marked ``slow`` (``make test-fast``
leaves them out). Failures are provoked through the documented
test hooks of :mod:`dti_helpers.batch.worker` (environment variables).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from dti_helpers.batch.site import PAGES, links_in
from dti_helpers.batch.manifest import Manifest
from dti_helpers.core.fsio import file_digest
from validators import nu_check

ROOT = Path(__file__).resolve().parent.parent
RUN = [sys.executable, str(ROOT / "run_reports.py")]


def run(*args, env=None, check=None):
    """Run run_reports.py; return the CompletedProcess (stdout and stderr as text)."""
    full_env = {**os.environ, **(env or {})}
    proc = subprocess.run([*RUN, *map(str, args)], cwd=ROOT, env=full_env, capture_output=True, text=True,
                          timeout=1800)
    if check is not None:
        assert proc.returncode == check, proc.stdout + proc.stderr
    return proc


def summary_count(stdout: str, status: str) -> int:
    """The number in the summary table's row ``status`` (e.g. "built (ok)")."""
    for line in stdout.splitlines():
        if line.startswith(status):
            return int(line[len(status):].split()[0])
    raise AssertionError(f"no '{status}' row in:\n{stdout}")


def manifest(out: Path) -> dict:
    """The records of ``out``'s manifest (``manifest.db``), checked as every run reads them."""
    found = Manifest(out)
    assert found.problem is None, found.problem
    return found.entries


def assert_no_partial_files(out: Path) -> None:
    """No temporary file anywhere; every report file is complete and recorded with its exact bytes."""
    leftovers = [p for p in out.rglob(".*.tmp*")]
    assert not leftovers, leftovers
    entries = manifest(out)
    for fmt, tail in (("html", b"</html>\n"), ("pdf", b"%%EOF")):
        for path in (out / fmt).glob(f"*.{fmt}"):
            rel = f"{fmt}/{path.name}"
            assert rel in entries, f"{rel} is not in the manifest"
            assert entries[rel]["sha256"] == file_digest(path), rel
            assert path.read_bytes().rstrip().endswith(tail.rstrip()), f"{rel} is truncated"


# ---------------------------------------------------------------- the full batch (once per session)

@pytest.fixture(scope="session")
def full_batch(tmp_path_factory):
    """All 63 provinces and 34 units on the default data, HTML and PDF, the overviews and the index: run once."""
    out = tmp_path_factory.mktemp("full") / "reports"
    proc = run("--out", out, "--jobs", "2")
    # The no-op rerun right away: other work on the package in between would (rightly) rebuild.
    noop = run("--out", out)
    return out, proc, noop


@pytest.mark.slow
def test_full_batch_builds_every_report(full_batch):
    out, proc, _ = full_batch
    assert proc.returncode == 0, proc.stdout + proc.stderr
    html = sorted(p.name for p in (out / "html").glob("*.html"))
    pdf = sorted(p.name for p in (out / "pdf").glob("*.pdf"))
    provinces = [n for n in html if not n.startswith("national-overview-")]
    assert len([n for n in provinces if "-34-" not in n]) == 63 and len([n for n in provinces if "-34-" in n]) == 34
    assert len([n for n in pdf if not n.startswith("national-overview-")]) == 97
    assert "national-overview-2024-vi.html" in html and "national-overview-2024-vi.pdf" in pdf
    assert all(f"national-overview-{y}-vi.html" in html for y in range(2020, 2025))
    assert "national-overview-34-2024-vi.html" in html and "national-overview-34-2024-vi.pdf" in pdf
    # names never collide between the sets: the former Bắc Ninh (2022) and the new one (2024)
    assert "bac-ninh-2022-vi.html" in html and "bac-ninh-34-2024-vi.html" in html
    assert len(list((out / "notebooks").glob("*.ipynb"))) == 103
    assert len(list((out / "logs").glob("*.log"))) == 103
    assert summary_count(proc.stdout, "built (ok)") == 103
    assert summary_count(proc.stdout, "failed") == 0
    # Without --year each province gets its latest year with data: Hà Giang has ranks for 2022 and 2023 only.
    assert "ha-giang-2023-vi.html" in html and "bac-giang-2022-vi.html" in html


@pytest.mark.slow
def test_full_batch_index_links_resolve(full_batch):
    out, _, _ = full_batch
    for page in PAGES.values():
        text = (out / page).read_text(encoding="utf-8")
        links = links_in(text)
        reports = [link for link in links if link.startswith(("html/", "pdf/"))]
        assert len(reports) == 2 * 97 + 2 * 6  # each report's HTML and PDF, and each overview's (5 of the 63, 1 of the 34)
        for link in links:
            if link.startswith("#"):  # the year selector and the "report for <year>" links: anchors of the page
                assert f'id="{link[1:]}"' in text, f"{page}: no anchor {link}"
            else:
                assert (out / link).is_file(), f"{page}: broken link {link}"
    vi = (out / "index.html").read_text(encoding="utf-8")
    # one table per year and unit set: the 63's five years, the 34's 2024
    assert vi.count("<tr ") == 5 * 63 + 34 and 'id="y34-2024"' in vi and 'id="y63-2020"' in vi
    # Bắc Giang's report is 2022: linked in the 2022 table; its 2020 row (0,3615) says which year has the report
    row_2020 = re.search(r'<tr id="r63-2020-24".*?</tr>', vi, re.S).group(0)
    assert "0,3615" in row_2020 and 'href="#r63-2022-24">báo cáo năm 2022</a>' in row_2020
    assert 'href="html/bac-giang-2022-vi.html"' in re.search(r'<tr id="r63-2022-24".*?</tr>', vi, re.S).group(0)


@pytest.mark.slow
def test_full_batch_manifest_is_complete(full_batch):
    out, _, _ = full_batch
    entries = manifest(out)
    files = [f"{fmt}/{p.name}" for fmt in ("html", "pdf") for p in (out / fmt).iterdir()] + list(PAGES.values())
    assert sorted(entries) == sorted(files)
    for rel, entry in entries.items():
        assert entry["bytes"] == (out / rel).stat().st_size
        assert len(entry["inputs"]) == 64
        if entry["kind"] != "index":
            assert set(entry["parts"]) == {"notebook", "source", "data", "catalogue", "parameters", "packages"}
    assert_no_partial_files(out)


@pytest.mark.slow
def test_full_batch_noop_rerun_skips_everything(full_batch):
    _, _, proc = full_batch
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert summary_count(proc.stdout, "built (ok)") == 0
    assert summary_count(proc.stdout, "skipped, up to date") == 103


@pytest.mark.slow
def test_full_batch_pages_pass_the_w3c_validator(full_batch):
    out, _, _ = full_batch
    nu_check(out / "index.html", out / "index-en.html", out / "html" / "national-overview-2024-vi.html")


def visible_rows(page: Path, query: str) -> list[str]:
    """Names in the rows of the year table a real browser shows for ``?query`` (headless Chromium runs the script)."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        pytest.skip("no chromium to run the index page's script")
    profile = tempfile.mkdtemp()
    dom = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          "--disable-background-networking", "--disable-component-update", "--disable-sync",
                          f"--user-data-dir={profile}", "--dump-dom", f"{page.as_uri()}?{query}"],
                         capture_output=True, text=True, timeout=120).stdout
    shown = [part for part in re.split(r'(?=<section class="year-table")', dom)[1:]
             if "hidden" not in re.match(r"<section[^>]*>", part).group(0)]
    assert len(shown) == 1, dom[:500]  # one year of one unit set at a time
    rows = re.findall(r"<tr ([^>]*)>\s*<th[^>]*>([^<]*)</th>", shown[0])
    assert len(rows) in (63, 34), dom[:500]
    return [name for attrs, name in rows if "hidden" not in attrs]


@pytest.mark.slow
def test_index_search_ignores_diacritics_and_filters_by_region(full_batch):
    out, _, _ = full_batch
    page = out / "index.html"
    # first shown: the 63's 2022, the year of most reports (each province's latest year with data)
    assert visible_rows(page, "q=thua%20thien%20hue") == ["Thừa Thiên - Huế"]
    assert visible_rows(page, "q=%C4%91%C3%A0%20n%E1%BA%B5ng") == visible_rows(page, "q=da%20nang") == ["TP. Đà Nẵng"]
    assert len(visible_rows(page, "region=central_highlands")) == 5
    assert len(visible_rows(page, "region=central_highlands&year=2024&units=34")) == 2
    # the new Gia Lai carries Bình Định's code, 52, so by the stated rule its region is the coast's
    assert visible_rows(page, "q=gia&region=central_highlands&year=2024&units=34") == []
    assert visible_rows(page, "q=gia&region=central_highlands") == ["Gia Lai"]


@pytest.mark.slow
def test_full_batch_overview_pdf_keeps_vietnamese(full_batch):
    out, _, _ = full_batch
    text = subprocess.run(["pdftotext", "-layout", str(out / "pdf" / "national-overview-2024-vi.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    for phrase in ("Chỉ số chuyển đổi số 2024: tổng quan cả nước", "Thay đổi thứ hạng lớn nhất",
                   "Mức độ công bố số liệu", "chưa công bố"):
        assert phrase in text, phrase


# ---------------------------------------------------------------- small selections

@pytest.mark.slow
def test_failing_province_is_isolated_and_named(tmp_path):
    out = tmp_path / "reports"
    proc = run("bac-giang", "da-nang", "--out", out, "--format", "html,pdf",
               env={"DTI_REPORTS_TEST_FAIL": "bac-giang"}, check=1)
    assert (out / "html" / "da-nang-2024-vi.html").is_file()
    assert (out / "pdf" / "da-nang-2024-vi.pdf").is_file()
    assert not (out / "html" / "bac-giang-2022-vi.html").exists()
    failed = proc.stdout.split("failed:", 1)[1]
    assert "bac-giang-2022-vi" in failed and "test hook DTI_REPORTS_TEST_FAIL" in failed
    kept = out / "notebooks" / "bac-giang-2022-vi.ipynb"
    assert str(kept) in failed
    nb = json.loads(kept.read_text(encoding="utf-8"))
    errors = [o for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])
              if o["output_type"] == "error"]
    assert errors and errors[0]["ename"] == "RuntimeError"
    assert "FAILED" in (out / "logs" / "bac-giang-2022-vi.log").read_text(encoding="utf-8")
    # the index still lists the failed province, without links
    assert "html/bac-giang" not in (out / "index.html").read_text(encoding="utf-8")
    assert_no_partial_files(out)


@pytest.mark.slow
def test_hanging_report_times_out_and_the_others_finish(tmp_path):
    out = tmp_path / "reports"
    proc = run("ha-giang", "cao-bang", "--out", out, "--format", "html", "--timeout", "20", "--jobs", "1",
               env={"DTI_REPORTS_TEST_HANG": "ha-giang"}, check=1)
    assert "ha-giang-2023-vi: CellTimeoutError" in proc.stdout
    assert (out / "html" / "cao-bang-2022-vi.html").is_file()


def children(pid: int) -> list[int]:
    """Direct children of ``pid``, from /proc."""
    kids = []
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{entry}/stat") as fh:
                if int(fh.read().rsplit(")", 1)[1].split()[1]) == pid:
                    kids.append(int(entry))
        except (OSError, ValueError, IndexError):
            pass
    return kids


@pytest.mark.slow
@pytest.mark.parametrize("victim", ["worker", "kernel"])
def test_a_killed_worker_or_kernel_fails_one_report_only(victim, tmp_path):
    out = tmp_path / "reports"
    # --units 63: the batch's own mechanics, on the 63 (Cao Bằng is a unit of the 34 too)
    proc = subprocess.Popen([*RUN, "ha-giang", "cao-bang", "bac-kan", "--units", "63", "--out", str(out), "--jobs", "1",
                             "--format", "html"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "DTI_REPORTS_TEST_HANG": "cao-bang"})
    deadline = time.monotonic() + 300
    while not (out / "html" / "ha-giang-2023-vi.html").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(2)  # Cao Bằng is now hanging in the kernel
    workers = children(proc.pid)
    targets = workers if victim == "worker" else [k for w in workers for k in children(w)]
    assert targets
    for pid in targets:
        os.kill(pid, signal.SIGKILL)
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 1, stdout + stderr
    expected = "worker process died (exit code -9)" if victim == "worker" else "DeadKernelError"
    assert f"cao-bang-2022-vi: {expected}" in stdout
    assert (out / "html" / "bac-kan-2022-vi.html").is_file()  # the batch went on
    assert "FAILED" in (out / "logs" / "cao-bang-2022-vi.log").read_text(encoding="utf-8")
    assert_no_partial_files(out)


@pytest.mark.slow
def test_kernel_that_fails_to_start_is_retried_once(tmp_path):
    out = tmp_path / "reports"
    run("cao-bang", "--out", out, "--format", "html", env={"DTI_REPORTS_TEST_KERNEL_START_FAILURES": "1"}, check=0)
    assert (out / "html" / "cao-bang-2022-vi.html").is_file()
    proc = run("cao-bang", "--out", tmp_path / "twice", "--format", "html",
               env={"DTI_REPORTS_TEST_KERNEL_START_FAILURES": "2"}, check=1)
    assert "failed to start 2 times" in proc.stdout


@pytest.mark.slow
def test_changed_data_rebuilds_everything(tmp_path):
    data = tmp_path / "dti.csv"
    data.write_bytes((ROOT / "data" / "dti.csv").read_bytes())
    out = tmp_path / "reports"
    run("bac-giang", "da-nang", "--units", "63", "--data", data, "--out", out, "--format", "html", check=0)
    again = run("bac-giang", "da-nang", "--units", "63", "--data", data, "--out", out, "--format", "html", check=0)
    assert summary_count(again.stdout, "skipped, up to date") == 2
    # A touch that leaves the content alone changes nothing: the manifest hashes content, not times.
    os.utime(data, (time.time() + 5, time.time() + 5))
    touched = run("bac-giang", "da-nang", "--units", "63", "--data", data, "--out", out, "--format", "html", check=0)
    assert summary_count(touched.stdout, "skipped, up to date") == 2
    # Any change to the data file's content rebuilds every report made from it.
    data.write_text(data.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    changed = run("bac-giang", "da-nang", "--units", "63", "--data", data, "--out", out, "--format", "html", "--dry-run", check=0)
    assert changed.stdout.count("changed: data") == 2
    rebuilt = run("bac-giang", "da-nang", "--units", "63", "--data", data, "--out", out, "--format", "html", check=0)
    assert summary_count(rebuilt.stdout, "built (ok)") == 2


@pytest.mark.slow
def test_changed_parameters_rebuild_only_that_province(tmp_path):
    out = tmp_path / "reports"
    run("bac-giang", "da-nang", "--units", "63", "--out", out, "--format", "html", check=0)
    before = file_digest(out / "html" / "bac-giang-2022-vi.html")
    params = tmp_path / "params.toml"
    params.write_text('["Đà Nẵng"]\npeers = "rank"\n', encoding="utf-8")
    proc = run("bac-giang", "da-nang", "--units", "63", "--out", out, "--format", "html", "--params", params, check=0)
    assert summary_count(proc.stdout, "built (ok)") == 1
    assert summary_count(proc.stdout, "skipped, up to date") == 1
    assert "da-nang-2024-vi" in proc.stderr and "bac-giang" not in proc.stderr
    assert file_digest(out / "html" / "bac-giang-2022-vi.html") == before
    assert '"peers": "rank"' in (out / "notebooks" / "da-nang-2024-vi.ipynb").read_text(encoding="utf-8")


@pytest.mark.slow
def test_pdf_added_later_is_rendered_from_the_current_html(tmp_path):
    out = tmp_path / "reports"
    run("cao-bang", "--out", out, "--format", "html", check=0)
    run("cao-bang", "--out", out, "--format", "html,pdf", check=0)
    assert (out / "pdf" / "cao-bang-2022-vi.pdf").read_bytes().startswith(b"%PDF-")
    assert "notebook not re-run" in (out / "logs" / "cao-bang-2022-vi.log").read_text(encoding="utf-8")


@pytest.mark.slow
def test_sigint_mid_batch_leaves_no_partial_file_and_a_rerun_completes(tmp_path):
    out = tmp_path / "reports"
    names = ["ha-giang", "cao-bang", "bac-kan", "tuyen-quang"]
    # Its own session, so that the signal reaches the batch's process group as Ctrl-C would.
    proc = subprocess.Popen([*RUN, *names, "--units", "63", "--out", str(out), "--jobs", "1"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 600
    while not list((out / "pdf").glob("*.pdf")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
    time.sleep(0.5)  # into the next report
    os.killpg(proc.pid, signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stdout + stderr
    assert "interrupted" in stdout
    built = list((out / "pdf").glob("*.pdf"))
    assert 1 <= len(built) < len(names)
    assert_no_partial_files(out)
    rerun = run(*names, "--units", "63", "--out", out, "--jobs", "1", check=0)
    assert summary_count(rerun.stdout, "built (ok)") + summary_count(rerun.stdout, "skipped, up to date") == 4
    assert len(list((out / "pdf").glob("*.pdf"))) == len(names)
    assert_no_partial_files(out)


@pytest.mark.slow
def test_second_run_on_the_same_folder_waits_or_stops(tmp_path):
    from filelock import FileLock

    out = tmp_path / "reports"
    out.mkdir()
    with FileLock(str(out / ".run.lock")):
        stopped = run("cao-bang", "--out", out, "--format", "html", "--no-wait", check=2)
        assert "another run_reports.py is writing to" in stopped.stderr
        assert len(stopped.stderr.strip().splitlines()) == 1
        waiting = subprocess.Popen([*RUN, "cao-bang", "--out", str(out), "--format", "html"], cwd=ROOT,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(3)
        assert waiting.poll() is None  # still waiting for the lock
    stdout, stderr = waiting.communicate(timeout=300)
    assert waiting.returncode == 0, stdout + stderr
    assert "waiting for it to finish" in stderr
    assert (out / "html" / "cao-bang-2022-vi.html").is_file()


@pytest.mark.slow
def test_reused_kernel_gives_the_same_report_as_a_fresh_one(tmp_path):
    """A warm kernel serves several reports: the second one must not see anything of the first."""
    from dti_helpers.render.report import render_report

    out = tmp_path / "reports"
    run("da-nang", "bac-giang", "--out", out, "--format", "html", "--jobs", "1", check=0)
    fresh = render_report("bac-giang", None, "vi", ("html",), tmp_path / "fresh")  # the same request: latest year
    assert (out / "html" / "bac-giang-2022-vi.html").read_bytes() == fresh["html"].read_bytes()
    log = (out / "logs" / "bac-giang-2022-vi.log").read_text(encoding="utf-8")
    assert "use 2" in log  # it really ran in the kernel that had run Đà Nẵng


@pytest.mark.slow
def test_year_without_data_is_skipped_with_reason_not_failed(tmp_path):
    out = tmp_path / "reports"
    proc = run("ha-giang", "bac-giang", "--year", "2020", "--out", out, "--format", "html", check=0)
    assert summary_count(proc.stdout, "skipped, no data") == 1
    assert "no published DTI figure for Hà Giang in 2020 (years with data: 2022, 2023)" in proc.stdout
    # the data notes repeat the name as it was typed on the command line, and what it resolved to
    assert "Bắc Giang (mã 24), nhập là “bac-giang”" in (out / "html" / "bac-giang-2020-vi.html").read_text("utf-8")


@pytest.mark.slow
def test_edited_notebook_copy_builds_the_report_and_a_rerun_is_unchanged(tmp_path):
    import nbformat

    from dti_helpers.batch.plan import notebook_digest

    copy = tmp_path / "edited" / "province_report.ipynb"
    copy.parent.mkdir()
    nb = nbformat.read(ROOT / "notebooks" / "province_report.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("print('analyst cell: ' + str(1 + 1))"))
    nbformat.write(nb, copy)
    out = tmp_path / "reports"
    proc = run("Bắc Giang", "--year", "2020", "--notebook", copy, "--out", out, "--format", "html", check=0)
    assert summary_count(proc.stdout, "built (ok)") == 1
    executed = (out / "notebooks" / "bac-giang-2020-vi.ipynb").read_text(encoding="utf-8")
    assert "analyst cell: 2" in executed
    assert manifest(out)["html/bac-giang-2020-vi.html"]["parts"]["notebook"] == notebook_digest(copy)
    again = run("Bắc Giang", "--year", "2020", "--notebook", copy, "--out", out, "--format", "html", check=0)
    assert summary_count(again.stdout, "skipped, up to date") == 1
    shipped = run("Bắc Giang", "--year", "2020", "--out", out, "--format", "html", "--dry-run", check=0)
    assert "changed: notebook" in shipped.stdout
