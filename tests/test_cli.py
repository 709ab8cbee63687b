"""The command line: every wrong parameter is one line on stderr with exit status 2, before any kernel starts."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dti_helpers.cli import main

ROOT = Path(__file__).resolve().parent.parent


def cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "run_reports.py"), *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def in_process(capsys, *args):
    """``run_reports.py ARGS`` in this process (no interpreter start-up): (exit code, stdout, stderr)."""
    try:
        code = main(list(map(str, args)), front_door=True)
    except SystemExit as exc:  # argparse's own errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("args, message", [
    (["Atlantis"], "unknown province 'Atlantis'"),
    (["Ha Noy"], "closest matches: TP. Hà Nội"),
    (["--lang", "fr"], "unknown language 'fr' in --lang; use one of: vi, en"),
    (["--format", "docx"], "unknown format 'docx' in --format; use one of: html, pdf"),
    (["--jobs", "0"], "--jobs must be 1 or more, not 0"),
    (["--jobs", "two"], "argument --jobs: invalid int value: 'two'"),
    (["--year", "2019"], "no DTI data for --year 2019; years with data: 2020, 2021, 2022, 2023, 2024"),
    (["--region", "Atlantis"], "unknown region 'Atlantis'; use one of:"),
    (["--peers", "nearest"], "unknown peer strategy 'nearest' in --peers; use one of: region, rank, profile"),
    (["--timeout", "0"], "--timeout must be positive"),
    (["--data", "/nonexistent/dti.csv"], "/nonexistent/dti.csv: file not found"),
    (["--params", "/nonexistent/params.toml"], "/nonexistent/params.toml: file not found"),
    (["--no-such-option"], "unrecognized arguments: --no-such-option"),
])
def test_wrong_parameter_is_one_line_and_exit_2(args, message, tmp_path, capsys):
    code, _, err = in_process(capsys, *args, "--out", tmp_path / "reports")
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert message in lines[0]
    assert not (tmp_path / "reports" / "html").exists()  # nothing was started, nothing written


def test_wrong_parameter_from_the_front_door_has_no_traceback(tmp_path):
    proc = cli("Atlantis", "--out", tmp_path / "reports")
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
    assert "unknown province 'Atlantis'" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("content, message", [
    ('["Atlantis"]\npeers = "rank"\n', "unknown province 'Atlantis'"),
    ('["Hà Nội"]\npeers = "nearest"\n', "[Hà Nội] unknown peer strategy 'nearest' in peers; use one of: region, rank, "
                                        "profile, or provinces"),
    ('["Hà Nội"]\ncolour = "red"\n', "[Hà Nội] unknown parameter 'colour'; use one of: year, lang, peers, units, layout, targets"),
    ('[default]\ncolour = "red"\n', "[default] unknown parameter 'colour'"),
    ('[default]\npeers = "Atlantis,Bắc Ninh"\n', "[default] unknown province 'Atlantis' in peers"),
    ('["Hà Nội"]\nyear = "soon"\n', "[Hà Nội] year: year 'soon' is not a year"),
    ('["Hà Nội"]\nlang = "fr"\n', "[Hà Nội] lang: unknown language 'fr'; use one of: vi, en"),
    ('["Hà Nội"]\ndata_path = "x.csv"\n', "[Hà Nội] data_path: not set per report; it comes from --data"),
    ('[bac-giang]\npeers = ["Bắc Ninh", "Atlantis"]\n', "[bac-giang] unknown province 'Atlantis' in peers"),
    ('peers = "rank"\n', "'peers' must be a table such as [peers]"),
    ("[broken\n", "not a valid TOML file"),
])
def test_bad_params_file_names_file_and_value(content, message, tmp_path, capsys):
    params = tmp_path / "params.toml"
    params.write_text(content, encoding="utf-8")
    code, _, err = in_process(capsys, "--params", params, "--dry-run", "--out", tmp_path / "reports")
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert message in err and str(params) in err


def test_help_shows_examples_and_the_year_rule():
    proc = cli("--help")
    assert proc.returncode == 0
    for text in ("examples:", "--region", "--check-data", "each province gets its own latest year",
                 "skipped, with the reason", "index.html", "exit status"):
        assert text in proc.stdout, text


def test_module_entry_point_is_the_same_command():
    proc = subprocess.run([sys.executable, "-m", "dti_helpers", "--help"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0 and "run_reports.py" in proc.stdout


def test_list_shows_every_province_with_its_years(capsys):
    assert main(["--list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 + 63
    assert any(line.startswith("10    lao-cai") and line.endswith("2022") for line in out)


def test_dry_run_says_what_and_why_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "reports"
    # The first language of --lang is also the messages' language: English first keeps them in English.
    assert main(["bac-giang", "ha-giang", "--year", "2020", "--lang", "en,vi", "--dry-run", "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert "would build 2 report(s); 0 up to date; 2 skipped" in text
    assert "bac-giang-2020-vi" in text and "bac-giang-2020-en" in text and "html,pdf  new" in text
    assert "no published DTI figure for Hà Giang in 2020" in text
    assert not out.exists()


def test_selection_by_region_adds_its_provinces(tmp_path, capsys):
    assert main(["--region", "Tây Nguyên", "--dry-run", "--out", str(tmp_path / "r")]) == 0
    builds = [line for line in capsys.readouterr().out.splitlines() if line.strip().startswith("build")]
    # the five Central Highlands provinces of the 63 and, without --year, the region's two units of the 34
    # (a unit's region: that of the former province whose code it kept); no overview for a selection
    assert len(builds) == 7
    assert [b.split()[1] for b in builds if "-34-" in b] == ["dak-lak-34-2024-vi", "lam-dong-34-2024-vi"]
    assert not any("national-overview" in line for line in builds)
    assert main(["--region", "Tây Nguyên", "--units", "63", "--dry-run", "--out", str(tmp_path / "r")]) == 0
    assert sum(line.strip().startswith("build") for line in capsys.readouterr().out.splitlines()) == 5


def test_default_selection_includes_the_overview(tmp_path, capsys):
    assert main(["--dry-run", "--out", str(tmp_path / "r")]) == 0
    text = capsys.readouterr().out
    # the 63 provinces, the 34 units, an overview per assessed year of the 63 and the 34's 2024 overview
    assert "would build 103 report(s)" in text
    assert all(f"national-overview-{y}-vi" in text for y in range(2020, 2025))
    assert "national-overview-34-2024-vi" in text and "bac-ninh-34-2024-vi" in text


def test_check_data_still_works_with_year(tmp_path):
    ok = cli("--check-data", ROOT / "data" / "dti.csv")
    assert ok.returncode == 0 and "OK" in ok.stdout
    missing = cli("--check-data", tmp_path / "none.csv", "--year", "2022")
    assert missing.returncode != 0 and "none.csv" in missing.stderr


@pytest.mark.slow
def test_kernels_read_the_batchs_checked_copy_so_an_official_table_needs_its_year_only_once(tmp_path):
    fixture = ROOT / "tests" / "fixtures" / "official" / "dti_2022_chi_tiet.csv"
    anonymous = tmp_path / "chi_tiet.csv"  # the same table, without the year in its name
    anonymous.write_bytes(fixture.read_bytes())
    out = tmp_path / "r"
    proc = cli("da-nang", "--data", anonymous, "--year", "2022", "--format", "html", "--out", out, "--no-overview")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (out / "html" / "da-nang-2022-vi.html").is_file()
    copies = list((out / ".cache").glob("dti-validated-*.csv"))
    assert len(copies) == 1
    executed = json.loads((out / "notebooks" / "da-nang-2022-vi.ipynb").read_text(encoding="utf-8"))
    injected = "".join("".join(c["source"]) for c in executed["cells"] if "injected-parameters" in c["metadata"].get("tags", []))
    assert str(copies[0]) in injected and str(anonymous) in injected
    assert anonymous.read_bytes() == fixture.read_bytes()  # the analyst's file is never touched


def _not_a_folder(tmp_path):
    """An --out that cannot be a folder: a path below an existing file."""
    blocker = tmp_path / "blocker.txt"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    return blocker, blocker / "reports"


def test_out_that_cannot_be_a_folder_is_one_line_and_exit_2(tmp_path):
    blocker, out = _not_a_folder(tmp_path)
    proc = cli("24", "--year", "2020", "--out", out)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == f"error: {out}: Not a directory\n"
    assert blocker.read_text(encoding="utf-8") == "a file, not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocker.txt"]  # nothing written


def test_dev_null_out_is_one_line_and_exit_2():
    proc = cli("24", "--out", "/dev/null/x")  # below /dev: refused before anything is tried
    assert (proc.returncode, proc.stderr) == (2, "error: --out /dev/null/x: a system folder; choose a folder of your "
                                                 "own, e.g. --out reports\n")


def test_folder_given_as_params_is_one_line_and_exit_2(tmp_path):
    folder = tmp_path / "params.toml"
    folder.mkdir()
    proc = cli("24", "--params", folder, "--out", tmp_path / "reports")
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == f"error: {folder}: Is a directory\n"
    assert not (tmp_path / "reports").exists()


def test_messages_follow_the_first_language_of_lang(tmp_path, capsys):
    code, _, err = in_process(capsys, "--jobs", "0", "--lang", "vi", "--out", tmp_path / "reports")
    assert (code, err) == (2, "lỗi: --jobs phải từ 1 trở lên, không phải 0\n")
    code, _, err = in_process(capsys, "Atlantis", "--lang", "vi,en", "--out", tmp_path / "reports")
    assert code == 2 and err.startswith("lỗi: không có tỉnh, thành phố 'Atlantis'")
    code, _, err = in_process(capsys, "--jobs", "two", "--lang", "vi")
    assert code == 2 and err.endswith("(xem --help)\n")
    assert main(["bac-giang", "ha-giang", "--year", "2020", "--lang", "vi", "--dry-run", "--out", str(tmp_path)]) == 0
    text = capsys.readouterr().out
    assert "sẽ tạo 1 báo cáo; 0 đã cập nhật; 1 bỏ qua" in text
    assert "không có số liệu DTI công bố cho Hà Giang năm 2020 (các năm có số liệu: 2022, 2023)" in text


def test_subcommands(tmp_path, capsys):
    assert main(["list"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2 + 63
    assert main(["check-data", str(ROOT / "data" / "dti.csv"), "--lang", "vi"]) == 0
    assert capsys.readouterr().out == "data/dti.csv: hợp lệ (454 giá trị)\n"
    assert main(["run", "24", "--year", "2020", "--dry-run", "--out", str(tmp_path / "r")]) == 0
    assert "bac-giang-2020-vi" in capsys.readouterr().out
    assert main(["render", "Atlantis", "--out", str(tmp_path / "r")]) == 2
    assert "unknown province 'Atlantis'" in capsys.readouterr().err
    proc = subprocess.run([sys.executable, "-m", "dti_helpers", "render", "--help"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0 and "--notebook" in proc.stdout
    assert not (tmp_path / "r").exists()


@pytest.mark.parametrize("content, message", [
    (None, "notebook not found"),
    ("not json at all", "not a Jupyter notebook"),
    ('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}', "no cell tagged 'parameters'"),
])
def test_bad_notebook_is_one_line_naming_the_file(content, message, tmp_path, capsys):
    notebook = tmp_path / "copy.ipynb"
    if content is not None:
        notebook.write_text(content, encoding="utf-8")
    code, _, err = in_process(capsys, "24", "--year", "2020", "--notebook", notebook, "--out", tmp_path / "reports")
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1
    assert f"error: {notebook}: {message}" in err
    assert not (tmp_path / "reports").exists()  # nothing written


def test_notebook_copy_is_planned_as_another_input(tmp_path, capsys):
    copy = tmp_path / "copy.ipynb"
    copy.write_bytes((ROOT / "notebooks" / "province_report.ipynb").read_bytes())
    assert main(["24", "--year", "2020", "--notebook", str(copy), "--dry-run", "--out", str(tmp_path / "r")]) == 0
    assert "bac-giang-2020-vi" in capsys.readouterr().out
