"""data/datapackage.json: a Frictionless Data Package that describes every data/*.csv, valid and up to date."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import frictionless
import pytest

from dti_helpers.core.schema import NATIONAL_COLUMNS, TIDY_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
PACKAGE = DATA / "datapackage.json"


@pytest.fixture(scope="module")
def package():
    return json.loads(PACKAGE.read_text(encoding="utf-8"))


def test_frictionless_validates_the_package_and_every_table():
    report = frictionless.validate(str(PACKAGE))
    assert report.valid, report.flatten(["resource", "rowNumber", "fieldName", "type", "note"])[:20]
    assert {task.name for task in report.tasks} == {p.stem for p in DATA.glob("*.csv")}


def test_every_table_and_column_is_described(package):
    described = {r["path"]: r for r in package["resources"]}
    assert set(described) == {p.name for p in DATA.glob("*.csv")}
    for path, resource in described.items():
        header = (DATA / path).read_text(encoding="utf-8").splitlines()[0].split(",")
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == header, path
        assert all(f.get("type") and f.get("description") for f in fields), path
        assert resource["schema"]["primaryKey"], path
    names = lambda r: [f["name"] for f in described[r]["schema"]["fields"]]  # noqa: E731
    assert names("dti.csv") == TIDY_COLUMNS and names("national.csv") == NATIONAL_COLUMNS


def test_the_codes_a_report_reads_are_enumerated(package):
    fields = {f["name"]: f for f in package["resources"][0]["schema"]["fields"]}
    metrics = (DATA / "metrics.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert fields["metric"]["constraints"]["enum"] == [line.split(",")[0] for line in metrics]
    assert fields["unit_set"]["constraints"]["enum"] == ["63", "34"]
    assert fields["source_kind"]["constraints"]["enum"] == ["file", "official", "press", "secondary", "weak"]


def test_a_table_that_breaks_its_description_is_invalid(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    table = tmp_path / "data" / "dti.csv"
    lines = table.read_text(encoding="utf-8").splitlines()
    # synthetic: a copy of the first row with its rank replaced, and the second row twice
    year, unit_set, code, province, metric, score, rank, *rest = lines[1].split(",", 7)
    lines[1] = ",".join([year, unit_set, code, province, "synthetic", score, "64", *rest])
    lines.append(lines[2])
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "data" / "datapackage.json"))
    errors = {(e[0], e[1]) for e in report.flatten(["type", "fieldName"])}
    assert {("constraint-error", "metric"), ("constraint-error", "rank"), ("primary-key", None)} <= errors


def test_the_package_is_what_build_data_writes(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    (copy / "datapackage.json").unlink()
    run = subprocess.run([sys.executable, "-m", "dti_helpers", "build-data", "--data-dir", str(copy)], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert f"wrote {copy / 'datapackage.json'}" in run.stdout
    assert (copy / "datapackage.json").read_bytes() == PACKAGE.read_bytes()
