"""One batch in parts: ``--shard i/n`` (deterministic, complete, disjoint), shards running side by side
into one folder, ``--index-only``, and the Dask executor (``--scheduler local``) matching the local pool
byte for byte. Real papermill, nbconvert and kernels throughout (no mocks)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dti_helpers import load_dti
from dti_helpers.batch.manifest import Manifest
from dti_helpers.batch.plan import plan
from dti_helpers.batch.shards import Shard, parse_shard

ROOT = Path(__file__).resolve().parent.parent
RUN = [sys.executable, str(ROOT / "run_reports.py")]
# three provinces with 2020 figures, HTML only: a small batch
SMALL = ["24", "01", "79", "--year", "2020", "--format", "html", "--units", "63"]


def run(*args, check=None):
    """Run run_reports.py; return the CompletedProcess (text)."""
    proc = subprocess.run([*RUN, *map(str, args)], cwd=ROOT, env=dict(os.environ), capture_output=True, text=True,
                          timeout=1800)
    if check is not None:
        assert proc.returncode == check, proc.stdout + proc.stderr
    return proc


def files(out: Path, *folders: str) -> dict[str, bytes]:
    """The bytes of every file under ``folders`` of ``out`` (and the index pages), by relative path."""
    found = {p.relative_to(out).as_posix(): p.read_bytes() for sub in folders for p in (out / sub).rglob("*")
             if p.is_file()}
    found.update({name: (out / name).read_bytes() for name in ("index.html", "index-en.html")})
    return found


def test_shards_partition_the_plan_deterministically_completely_and_disjointly():
    data = load_dti()
    codes = list(data.for_units("63").provinces.index)
    everything = {j.stem for j in plan(data, codes, Manifest("/nonexistent"), formats=("html",)).jobs}
    assert len(everything) == 63
    for n in (1, 2, 3, 7):
        parts = [{j.stem for j in plan(data, codes, Manifest("/nonexistent"), formats=("html",),
                                       shard=Shard(i, n)).jobs} for i in range(n)]
        assert set().union(*parts) == everything
        assert sum(map(len, parts)) == len(everything)  # no report in two shards
        assert max(map(len, parts)) - min(map(len, parts)) <= 1  # by index in the sorted plan: balanced
        # the same part whatever the order the provinces were given in (another machine, another shell)
        again = {j.stem for j in plan(data, codes[::-1], Manifest("/nonexistent"), formats=("html",),
                                      shard=Shard(n - 1, n)).jobs}
        assert again == parts[n - 1]


@pytest.mark.parametrize("value", ["4/4", "-1/2", "1/0", "a/b", "1", "1/2/3", ""])
def test_a_wrong_shard_is_one_line_and_exit_2(value, tmp_path):
    out = tmp_path / "reports"
    proc = run(*SMALL, "--shard", value, "--out", out)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "--shard" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not out.exists()
    assert parse_shard("0/1") == Shard(0, 1)


def test_index_only_goes_without_shard(tmp_path):
    proc = run(*SMALL, "--index-only", "--shard", "0/2", "--out", tmp_path / "r")
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_two_shards_at_once_then_index_only_equal_one_run(tmp_path):
    one, shared = tmp_path / "one", tmp_path / "shared"
    run(*SMALL, "--jobs", "1", "--out", one, check=0)
    # the folder does not exist yet: both shards create it at once (the marker on its way in is ours)
    procs = [subprocess.Popen([*RUN, *SMALL, "--jobs", "1", "--shard", f"{i}/2", "--out", str(shared)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for i in range(2)]
    outputs = [p.communicate(timeout=1800)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert all("waiting" not in text for text in outputs)  # side by side, neither waited for the other
    built = [int(next(line for line in text.splitlines() if line.startswith("built (ok)")).split()[2])
             for text in outputs]
    assert sorted(built) == [1, 2]
    index = run(*SMALL, "--index-only", "--out", shared, check=0)
    assert "up to date" in index.stdout
    assert files(shared, "html") == files(one, "html")
    entries = Manifest(shared).entries
    assert {k for k in entries if k.startswith("html/")} == {k for k in Manifest(one).entries if k.startswith("html/")}


@pytest.mark.slow
def test_index_only_names_what_no_shard_built(tmp_path):
    out = tmp_path / "r"
    run(*SMALL, "--jobs", "1", "--shard", "0/3", "--out", out, check=0)
    proc = run(*SMALL, "--index-only", "--out", out)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "not built yet" in proc.stderr and (out / "index.html").is_file()


@pytest.mark.slow
def test_dask_local_cluster_matches_the_local_pool_byte_for_byte(tmp_path):
    pytest.importorskip("distributed")
    pool, dask = tmp_path / "pool", tmp_path / "dask"
    run(*SMALL, "--jobs", "2", "--out", pool, check=0)
    proc = run(*SMALL, "--jobs", "2", "--scheduler", "local", "--out", dask, check=0)
    assert "built (ok)                 3" in proc.stdout, proc.stdout + proc.stderr
    assert files(dask, "html") == files(pool, "html")
    # the client alone wrote into the folder: every output recorded, the executed notebooks and logs there
    entries = Manifest(dask).entries
    assert {k for k in entries if k.startswith("html/")} == {p for p in files(pool, "html") if p.startswith("html/")}
    assert len(list((dask / "notebooks").glob("*.ipynb"))) == len(list((dask / "logs").glob("*.log"))) == 3
    assert not list(dask.rglob(".*.tmp*"))
    # a rerun on the cluster finds everything up to date
    again = run(*SMALL, "--jobs", "2", "--scheduler", "local", "--out", dask, check=0)
    assert "skipped, up to date        3" in again.stdout


def test_an_unreachable_scheduler_is_one_line_and_exit_2(tmp_path):
    pytest.importorskip("distributed")
    proc = run("24", "--year", "2020", "--format", "html", "--scheduler", "tcp://127.0.0.1:9", "--out",
               tmp_path / "r")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "--scheduler" in proc.stderr
    assert "Traceback" not in proc.stderr
