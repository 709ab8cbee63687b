"""The batch as an operator meets it: signals, an output folder that is not ours, a damaged manifest, a full disk.

Real processes throughout (no mocks): ``run_reports.py`` subprocesses stopped by SIGTERM, SIGKILL or
SIGINT, real SQLite files damaged by hand, a real full file system (a small tmpfs mounted in a
private mount namespace by ``unshare``). The whole-batch tests are marked ``slow`` and use two or
three provinces, HTML only.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dti_helpers import load_dti
from dti_helpers.batch.manifest import Manifest, new_run_id
from dti_helpers.batch.plan import plan
from dti_helpers.cli import main
from dti_helpers.core.fsio import temp_path
from dti_helpers.core.lifetime import is_running
from dti_helpers.core.outfolder import MARKER, OutFolderError, claim_out_folder, refusal

ROOT = Path(__file__).resolve().parent.parent
RUN = [sys.executable, str(ROOT / "run_reports.py")]
THREE = ["ha-giang", "cao-bang", "bac-kan"]
# Enough reports that a stop sent once the first is written lands mid-batch, however fast they are.
SEVEN = [*THREE, "tuyen-quang", "lao-cai", "dien-bien", "lai-chau"]
RECORD = {"inputs": "d1", "kind": "province", "code": "02", "year": 2023, "lang": "vi", "format": "html"}
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG and /proc are Linux's")


def in_process(capsys, *args):
    """``run_reports.py ARGS`` in this process: (exit code, stdout, stderr); the arguments parse."""
    code = main(list(map(str, args)), front_door=True)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def listing(folder: Path) -> list[str]:
    """Every path below ``folder``, relative, sorted (to see that nothing changed)."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# ---------------------------------------------------------------- --out: refused with one line, nothing written

@pytest.mark.parametrize("out, code", [("", "out_empty"), ("   ", "out_empty"), ("/", "out_root"),
                                       ("/etc", "out_system"), ("/usr/share/dti", "out_system"),
                                       ("/var", "out_system"), ("/proc/self", "out_system"),
                                       (str(ROOT), "out_source"), (str(ROOT / "data"), "out_source"),
                                       (str(ROOT / "dti_helpers" / "reports"), "out_source"),
                                       (str(ROOT / "notebooks"), "out_source"), (str(ROOT / "tests"), "out_source"),
                                       (str(ROOT / "benchmarks" / "x"), "out_source"),
                                       (str(Path.home()), "out_home")])
def test_out_refusals_are_one_line_exit_2_and_write_nothing(out, code, capsys):
    assert refusal(out) == code
    existed = bool(out.strip()) and Path(out).exists()
    before = listing(Path(out)) if code == "out_source" and existed else None
    status, stdout, stderr = in_process(capsys, "24", "--year", "2020", "--format", "html", "--out", out)
    assert status == 2 and stdout == ""
    assert len(stderr.strip().splitlines()) == 1 and stderr.startswith("error: --out"), stderr
    if before is not None:
        assert listing(Path(out)) == before
    if out.strip():
        assert Path(out).exists() == existed and not (Path(out) / MARKER).exists()


def test_home_and_root_are_left_alone(capsys):
    for out in ("/", str(Path.home()), ""):
        folder = Path(out or ".").resolve()
        names = {p.name for p in folder.iterdir()}
        assert in_process(capsys, "24", "--year", "2020", "--out", out)[0] == 2
        made = {p.name for p in folder.iterdir()} - names
        assert not made & {MARKER, "html", "pdf", "notebooks", "logs", "manifest.db", "index.html", ".run.lock"}


def test_reports_under_the_project_root_are_fine():
    assert refusal(ROOT / "reports") is None and refusal(ROOT / "reports" / "2024") is None


def test_a_symbolic_link_to_a_system_folder_is_refused(tmp_path):
    (tmp_path / "link").symlink_to("/etc")
    assert refusal(tmp_path / "link") == "out_system"


def test_a_foreign_folder_is_refused_and_left_as_it_was(tmp_path, capsys):
    folder = tmp_path / "theirs"
    (folder / "sub").mkdir(parents=True)
    (folder / "index.html").write_text("their page", encoding="utf-8")
    (folder / "sub" / ".x.tmp123").write_text("their temporary file", encoding="utf-8")
    before = listing(folder)
    for extra in ((), ("--dry-run",)):
        code, _, err = in_process(capsys, "24", "--year", "2020", "--out", folder, *extra)
        assert code == 2 and err == (f"error: --out {folder}: the folder is not empty and was not made by "
                                     f"dti-reports; choose another folder, or add --out-force to write the "
                                     f"reports into it\n")
    assert listing(folder) == before
    code, _, err = in_process(capsys, "render", "24", "--out", folder)
    assert code == 2 and err.startswith(f"error: --out {folder}: the folder is not empty") and listing(folder) == before


def test_out_force_adopts_a_foreign_folder_and_deletes_nothing(tmp_path):
    folder = tmp_path / "theirs"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    claim_out_folder(folder, force=True)
    assert sorted(p.name for p in folder.iterdir()) == [MARKER, "notes.txt"]
    assert claim_out_folder(folder) == folder  # ours from now on, without --out-force
    with pytest.raises(OutFolderError) as refused:
        claim_out_folder("/etc", force=True)  # --out-force never opens a system folder
    assert refused.value.code == "out_system"


def test_empty_lock_only_and_older_version_folders_count_as_ours(tmp_path):
    empty, locked, older = tmp_path / "empty", tmp_path / "locked", tmp_path / "older"
    for folder in (empty, locked, older):
        folder.mkdir()
    (locked / ".run.lock").write_text("")
    (older / "html").mkdir()
    (older / "manifest.json").write_text(json.dumps({"schema": 1, "outputs": {"html/a.html": RECORD}}))
    for folder in (empty, locked, older):
        assert (claim_out_folder(folder) / MARKER).is_file()


def test_help_says_what_out_force_may_overwrite(capsys):
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "--out-force" in text and "replacing files of those names" in text and "deletes nothing else" in text


# ---------------------------------------------------------------- the manifest: damage is one warning and a rebuild

def _db_with(root: Path, rows: list[tuple]) -> Path:
    """A manifest database holding ``rows`` (path, record text) as a hand (or another program) wrote them."""
    m = Manifest(root)
    m.record("html/ok-2023-vi.html", RECORD)
    m.save()
    m.close()
    con = sqlite3.connect(root / "manifest.db")
    with con:
        con.executemany("INSERT OR REPLACE INTO outputs(path, record) VALUES (?, ?)", rows)
    con.close()
    return root / "manifest.db"


@pytest.mark.parametrize("text, why", [
    ('"just a string"', "not a record"), ("[1, 2, 3]", "not a record"), ("[" * 100_000 + "]" * 100_000, "not JSON"),
    (json.dumps(dict(RECORD, parts={"a": [[[[[[[[[[1]]]]]]]]]]})), "nested too deeply"),
    (json.dumps(dict(RECORD, year="2023")), "field 'year' is not int"), ("{not json", "not JSON"),
    (json.dumps({"kind": "province"}), "no inputs digest")])
def test_a_bad_record_in_the_database_is_dropped_with_one_warning(tmp_path, text, why):
    _db_with(tmp_path, [("html/bad-2023-vi.html", text)])
    m = Manifest(tmp_path)
    assert list(m.entries) == ["html/ok-2023-vi.html"]
    assert m.problem == (f"{tmp_path / 'manifest.db'}: 1 unreadable record(s) (first: html/bad-2023-vi.html: "
                         f"{why}); those reports will be rebuilt")
    m.save()  # the bad row goes
    assert Manifest(tmp_path).problem is None


@pytest.mark.parametrize("path", ["../outside.html", "/etc/passwd", "javascript:alert(1)", "html/../../x.html", b"\xff"])
def test_a_record_naming_a_path_outside_the_folder_is_dropped(tmp_path, path):
    _db_with(tmp_path, [(path, json.dumps(RECORD))])
    m = Manifest(tmp_path)
    assert list(m.entries) == ["html/ok-2023-vi.html"] and "not a path inside the output folder" in m.problem


def _damage(db: Path) -> None:
    data = bytearray(db.read_bytes())
    data[4096:] = b"\xde\xad" * ((len(data) - 4096) // 2)  # every page after the header page
    db.write_bytes(bytes(data))


@pytest.mark.parametrize("case", ["not sqlite", "damaged", "foreign sqlite", "a folder", "empty"])
def test_an_unreadable_database_is_kept_aside_and_everything_rebuilt(tmp_path, case):
    db = tmp_path / "manifest.db"
    if case == "not sqlite":
        db.write_text("these are my notes, not a database\n" * 200, encoding="utf-8")
    elif case == "damaged":
        _db_with(tmp_path, [(f"html/p{i}-2023-vi.html", json.dumps(RECORD)) for i in range(300)])
        _damage(db)
    elif case == "foreign sqlite":
        con = sqlite3.connect(db)
        con.execute("CREATE TABLE outputs (path TEXT, record TEXT)")
        con.execute("INSERT INTO outputs VALUES ('html/a.html', '{}')")
        con.commit()
        con.close()
    elif case == "a folder":
        db.mkdir()
    else:
        db.write_bytes(b"")
    original = db.read_bytes() if db.is_file() else None
    m = Manifest(tmp_path)
    assert m.entries == {} and m.problem.startswith(f"{db}: unreadable manifest (")
    assert m.problem.endswith("it is kept as manifest.db.unreadable and every report will be rebuilt")
    assert len(m.problem.splitlines()) == 1
    p = plan(load_dti(), ["02"], m, year=2023, formats=("html",))
    assert [j.why for j in p.jobs] == ["new"]
    m.record("html/a-2023-vi.html", RECORD)
    m.save()
    kept = tmp_path / "manifest.db.unreadable"
    assert kept.exists() and (original is None or kept.read_bytes() == original)
    healed = Manifest(tmp_path)
    assert healed.problem is None and list(healed.entries) == ["html/a-2023-vi.html"]


@pytest.mark.parametrize("text", ['"a string"', "[1, 2]", '{"schema": 1, "outputs": []}', '{"schema": 2}',
                                  '{"schema": 1, "outputs": {"html/a.html": "x", "html/b.html": [1]}}',
                                  '{"schema": 1, "outputs": ' + "[" * 50_000 + "]" * 50_000 + "}"])
def test_an_older_versions_manifest_json_heals_too(tmp_path, text):
    (tmp_path / "manifest.json").write_text(text, encoding="utf-8")
    m = Manifest(tmp_path)
    assert m.entries == {} and len(m.problem.splitlines()) == 1 and "will be rebuilt" in m.problem
    assert [j.why for j in plan(load_dti(), ["02"], m, year=2023, formats=("html",)).jobs] == ["new"]


def test_an_older_versions_manifest_json_is_moved_into_the_database(tmp_path):
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "a.html").write_text("abc")
    m = Manifest(tmp_path)
    m.record("html/a.html", RECORD)
    legacy = {"schema": 1, "outputs": {"html/a.html": m.entries["html/a.html"]}}
    (tmp_path / "manifest.json").write_text(json.dumps(legacy), encoding="utf-8")
    m = Manifest(tmp_path)
    assert m.problem is None and m.current("html/a.html", "d1")
    m.save()
    assert (tmp_path / "manifest.db").is_file() and Manifest(tmp_path).current("html/a.html", "d1")
    assert (tmp_path / "manifest.json").read_text(encoding="utf-8") == json.dumps(legacy)  # left alone


def test_a_same_size_edit_and_a_deleted_output_are_not_current(tmp_path):
    page = tmp_path / "html" / "a.html"
    page.parent.mkdir()
    page.write_text("<p>0,3615</p>")
    m = Manifest(tmp_path)
    m.record("html/a.html", RECORD)
    m.save()
    assert Manifest(tmp_path).current("html/a.html", "d1")
    st = page.stat()
    page.write_text("<p>0,9999</p>")  # the same size; and the modification time put back
    os.utime(page, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert not Manifest(tmp_path).current("html/a.html", "d1")
    page.unlink()
    assert not Manifest(tmp_path).current("html/a.html", "d1")


def test_recording_one_report_writes_one_row_however_many_there_are(tmp_path):
    m = Manifest(tmp_path)
    for i in range(20_000):
        m.record(f"html/p{i}-2023-vi.html", RECORD)
    assert m.save() == 20_000
    m = Manifest(tmp_path)
    assert len(m.entries) == 20_000
    m.record("html/p7-2023-vi.html", dict(RECORD, inputs="d2"))
    assert m.save() == 1 and m.save() == 0
    assert Manifest(tmp_path).entries["html/p7-2023-vi.html"]["inputs"] == "d2"


def test_a_killed_runs_temporary_files_go_and_nobody_elses(tmp_path):
    dead_run = new_run_id()
    code = f"from dti_helpers.batch.manifest import Manifest; Manifest({str(tmp_path)!r}).begin_run({dead_run!r})"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)  # a run whose process is gone
    (tmp_path / "html").mkdir()
    left = temp_path(tmp_path / "html" / "a.html", dead_run)
    left.write_text("half")
    foreign = [tmp_path / ".x.tmp123", tmp_path / "html" / ".a.html.999.tmp.html"]
    for path in foreign:
        path.write_text("not ours")
    from dti_helpers.batch.cleanup import remove_run_files

    stale = Manifest(tmp_path).begin_run(new_run_id())
    assert stale == [dead_run]
    assert remove_run_files(tmp_path, stale) == [left]
    assert all(path.exists() for path in foreign)


# ---------------------------------------------------------------- signals: nothing of the batch outlives it

def _tree(pid: int) -> set[int]:
    """``pid``'s descendants, from /proc."""
    parents: dict[int, int] = {}
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{entry}/stat") as fh:
                parents[int(entry)] = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            pass
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        kids = [child for child, ppid in parents.items() if ppid == parent]
        found.update(kids)
        todo.extend(kids)
    return found


def _survivors(pids: set[int], seconds: float = 5.0) -> set[int]:
    """Those of ``pids`` still running after up to ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        alive = {pid for pid in pids if is_running(pid)}
        if not alive:
            return alive
        time.sleep(0.1)
    return {pid for pid in pids if is_running(pid)}


def _start_batch(out: Path, kernels: Path, *names: str, options: tuple[str, ...] = (), **popen):
    """A batch subprocess whose kernels keep their connection files in ``kernels`` (its TMPDIR)."""
    kernels.mkdir(exist_ok=True)
    env = {**os.environ, "TMPDIR": str(kernels)}
    return subprocess.Popen([*RUN, *(names or THREE), "--units", "63", "--out", str(out), "--jobs", "2",
                             "--format", "html", *options], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, **popen)


def _when_building(proc, out: Path) -> set[int]:
    """Wait until the first report is written and the others are being built; return the batch's processes."""
    seen: set[int] = set()
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        seen |= _tree(proc.pid)
        if (out / "html").is_dir() and any((out / "html").glob("[!.]*.html")):
            break
        time.sleep(0.05)
    time.sleep(0.5)  # into the next reports
    seen |= _tree(proc.pid)
    assert proc.poll() is None, proc.communicate()
    assert len(seen) >= 4, seen  # two workers, two kernels
    return seen


def _kernel_files(kernels: Path) -> list[Path]:
    return [p for p in kernels.iterdir() if p.name.startswith("kernel-")]


@linux_only
@pytest.mark.slow
def test_sigterm_stops_workers_and_kernels_records_and_summarizes(tmp_path):
    out, kernels = tmp_path / "reports", tmp_path / "tmp"
    proc = _start_batch(out, kernels, *SEVEN)
    batch = _when_building(proc, out)
    proc.terminate()
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 143, stdout + stderr
    assert not _survivors(batch)
    assert "status" in stdout and "interrupted: finished reports were kept" in stdout
    assert "Traceback" not in stderr, stderr
    built = {f"html/{p.name}" for p in (out / "html").glob("[!.]*.html")}
    recorded = Manifest(out)
    assert recorded.problem is None and 1 <= len(built) < len(SEVEN)
    # each report recorded is there (one written in the instant before the stop is rebuilt by the next run)
    assert 1 <= len({k for k in recorded.entries if k.startswith("html/")} & built) == len(
        [k for k in recorded.entries if k.startswith("html/")])
    assert not list(out.rglob(".*.tmp*")) and not _kernel_files(kernels)
    rerun = subprocess.run([*RUN, *SEVEN, "--units", "63", "--out", str(out), "--format", "html"], cwd=ROOT,
                           capture_output=True, text=True, env={**os.environ, "TMPDIR": str(kernels)})
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert len(list((out / "html").glob("[!.]*.html"))) == len(SEVEN) and not _kernel_files(kernels)


@linux_only
@pytest.mark.slow
def test_sigkill_of_the_runner_takes_workers_and_kernels_with_it(tmp_path):
    out, kernels = tmp_path / "reports", tmp_path / "tmp"
    claim_out_folder(out)
    foreign = [out / ".x.tmp123", out / "html" / ".y.html.999.tmp.html"]
    (out / "html").mkdir()
    for path in foreign:
        path.write_text("not ours", encoding="utf-8")
    proc = _start_batch(out, kernels, start_new_session=True)  # not in a terminal: no hang-up reaches the group
    batch = _when_building(proc, out)
    proc.kill()
    proc.communicate(timeout=60)
    assert not _survivors(batch)
    rerun = subprocess.run([*RUN, *THREE, "--units", "63", "--out", str(out), "--format", "html"], cwd=ROOT,
                           capture_output=True, text=True, env={**os.environ, "TMPDIR": str(kernels)})
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert len(list((out / "html").glob("[!.]*.html"))) == 3
    assert all(path.read_text(encoding="utf-8") == "not ours" for path in foreign)  # never ours to delete
    assert sorted(p.name for p in out.rglob(".*.tmp*")) == sorted(p.name for p in foreign)
    assert not _kernel_files(kernels)


@linux_only
@pytest.mark.slow
def test_ctrl_c_stops_the_batch_and_its_kernels(tmp_path):
    out, kernels = tmp_path / "reports", tmp_path / "tmp"
    proc = _start_batch(out, kernels, start_new_session=True,
                        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    batch = _when_building(proc, out)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stdout + stderr
    assert not _survivors(batch) and not _kernel_files(kernels)
    assert "interrupted" in stdout and "Traceback" not in stderr


@linux_only
@pytest.mark.slow
def test_ctrl_c_stops_a_dask_batch_its_workers_and_kernels_without_a_traceback(tmp_path):
    # The terminal's Ctrl-C reaches the local cluster's workers too: they used to print their own
    # KeyboardInterrupt tracebacks, and the stop took seconds while Dask waited on the report running.
    out, kernels = tmp_path / "reports", tmp_path / "tmp"
    proc = _start_batch(out, kernels, *SEVEN, options=("--scheduler", "local"), start_new_session=True,
                        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    batch = _when_building(proc, out)
    os.killpg(proc.pid, signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stdout + stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert "interrupted" in stdout
    assert not _survivors(batch) and not _kernel_files(kernels)
    # the cluster's folder and the workers' scratch folders are gone (dask-scratch-space, Dask's own folder of
    # locks that every Dask run on the machine shares, stays)
    assert not list(kernels.glob("*-dask-*"))


def test_a_stop_that_python_must_drop_is_silent_and_raised_at_the_next_turn(capsys):
    # Ctrl-C can land while the garbage collector runs a weak-reference callback, where Python
    # cannot raise: it used to print "Exception ignored ... Traceback" and lose the stop.
    import gc
    import weakref

    from dti_helpers.batch.signals import Stop, stop_signals

    class Thing:
        pass

    with stop_signals() as stopper:
        thing = Thing()
        ref = weakref.ref(thing, lambda _: stopper.handle(signal.SIGINT, None))
        del thing
        gc.collect()
        assert ref() is None and stopper.lost
        with pytest.raises(Stop):
            stopper.check()
        stopper.check()  # raised once
    assert "Exception ignored" not in capsys.readouterr().err


WORKER_TERMINATED_IN_A_CALLBACK = """
import signal, time, weakref
from dti_helpers.batch.signals import end_on_sigterm

end_on_sigterm(lambda: print("before", flush=True))

class Thing:
    pass

def callback(_):
    signal.raise_signal(signal.SIGTERM)  # the handler runs in this callback, where Python drops its exit
    for _ in range(10_000):
        pass

thing = Thing()
ref = weakref.ref(thing, callback)
try:
    del thing
    time.sleep(10)
    print("not ended")
finally:
    print("unwound", flush=True)
"""


def test_a_worker_terminated_where_python_must_drop_the_exit_still_ends_cleanly():
    # A batch worker's SIGTERM can land in a weak-reference callback: Python printed "Exception
    # ignored ... SystemExit: 143" (a traceback in the batch's output) and the worker lived on.
    done = subprocess.run([sys.executable, "-c", WORKER_TERMINATED_IN_A_CALLBACK],
                          capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (143, "before\nunwound\n", "")


@linux_only
@pytest.mark.slow
def test_render_command_on_ctrl_c_is_one_line_and_exit_130(tmp_path):
    import nbformat

    from dti_helpers.batch.plan import PROVINCE_NOTEBOOK

    nb = nbformat.read(PROVINCE_NOTEBOOK, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("import time\ntime.sleep(600)  # synthetic test cell: waits for Ctrl-C"))
    copy = tmp_path / "edited" / "province_report.ipynb"
    copy.parent.mkdir()
    nbformat.write(nb, copy)
    kernels = tmp_path / "tmp"
    kernels.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "dti_helpers.render", "24", "--year", "2020", "--format", "html",
                             "--notebook", str(copy), "--out", str(tmp_path / "reports")], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "TMPDIR": str(kernels)}, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and not _tree(proc.pid) and proc.poll() is None:
        time.sleep(0.1)
    time.sleep(8)  # the kernel is up and into the notebook (the last cell waits for as long as it takes)
    kernel = _tree(proc.pid)
    os.killpg(proc.pid, signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert (proc.returncode, stdout, stderr) == (130, "", "interrupted\n")
    assert kernel and not _survivors(kernel) and not _kernel_files(kernels)


# ---------------------------------------------------------------- a full disk: the file named, the summary printed

def _can_mount_tmpfs() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k none /mnt"],
                           capture_output=True)
    return probe.returncode == 0


@linux_only
@pytest.mark.slow
def test_disk_full_names_the_file_and_still_prints_the_summary(tmp_path):
    if not _can_mount_tmpfs():
        pytest.skip("no private mount namespace here (unshare -rm) to mount a small tmpfs in")
    disk = tmp_path / "disk"
    disk.mkdir()
    out = disk / "reports"
    # A 300 kB file system: the marker, manifest and a notebook fit, not a report's HTML beside it.
    script = (f"mount -t tmpfs -o size=300k none {disk} && exec {sys.executable} {ROOT / 'run_reports.py'} "
              f"ha-giang cao-bang --units 63 --format html --jobs 1 --out {out}")
    proc = subprocess.run(["unshare", "-rm", "sh", "-c", script], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    assert re.search(r"^failed +[12] ", proc.stdout, re.M), proc.stdout  # the summary table
    full = [line for line in (proc.stdout + proc.stderr).splitlines() if "No space left on device" in line]
    assert full and all(f"{out}/" in line for line in full), full


@pytest.mark.slow
def test_workers_leave_no_font_folder_behind(tmp_path):
    """WeasyPrint's temporary font folder (one per worker, shared by its reports) is removed when it ends."""
    temp = tmp_path / "tmp"  # the batch's own TMPDIR: another WeasyPrint on this machine cannot show up in it
    temp.mkdir()
    proc = subprocess.run([sys.executable, str(ROOT / "run_reports.py"), "24", "10", "--jobs", "2",
                           "--out", str(tmp_path / "reports")], cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "TMPDIR": str(temp)})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert list(temp.glob("weasyprint-*")) == []
