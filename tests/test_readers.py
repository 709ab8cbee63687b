"""The readers, the sheet choice, the limits and odd files: each case of issue 9's "What was seen".

Every file here is SYNTHETIC, written by the test into its tmp_path: file names end in
``_synthetic``, tidy rows carry the note "SYNTHETIC", workbooks a README sheet saying so. The scores
are made up (0.9000, 0.8800, ...), never published DTI figures. Memory bounds are asserted on the
peak resident size of a child process (a bound, not a timing).
"""
from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import textwrap
import uuid
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest

from dti_helpers import load_dti
from dti_helpers.core.errors import DataFileError
from dti_helpers.data.ingest import check_file
from dti_helpers.data.ingest.limits import MB, Limits
from dti_helpers.data.ingest.problems import Problems
from dti_helpers.data.ingest.read_xlsx import CFB_MAGIC, cell_text, read_xlsx
from dti_helpers.data.origin import describe_source, parse_file_ref, split_sources

ROOT = Path(__file__).resolve().parent.parent
LABEL = "SYNTHETIC test data, not DTI figures"
TIDY_HEADER = ["year", "province", "metric", "score", "rank", "note"]
TIDY_ROWS = [[2021, "TP. Đà Nẵng", "dti", 0.9, 1, "SYNTHETIC"], [2021, "Thừa Thiên - Huế", "dti", 0.88, 2, "SYNTHETIC"]]
OVERALL = ["Xếp hạng DTI", "Tỉnh, thành phố", "Xếp hạng CQS", "Xếp hạng KTS", "Xếp hạng XHS"]
OVERALL_ROWS = [["1 (0,9000)", "TP. Đà Nẵng", "1 (0,9000)", "1 (0,9000)", "1 (0,9000)"],
                ["2 (0,8800)", "Thừa Thiên - Huế", "2 (0,8800)", "2 (0,8800)", "2 (0,8800)"]]
MAX_RSS_MB = 500


def found(path, **kwargs):
    """The problems of a file as (code, row, column, value, fields)."""
    problems, _ = check_file(path, name=Path(path).name, **kwargs)
    return [(p.code, p.row, p.column, p.value, dict(p.fields)) for p in problems]


def codes(path, **kwargs):
    return [p[0] for p in found(path, **kwargs)]


# --- a minimal workbook writer: the XML of each sheet as the test wants it ---------------------

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def cell_xml(ref: str, value) -> str:
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
    return f'<c r="{ref}"><v>{value}</v></c>'


def rows_xml(rows, first: int = 1) -> str:
    """``<row>`` elements of ``rows`` (lists of str or numbers; None leaves a cell out)."""
    out = []
    for r, row in enumerate(rows, first):
        cells = "".join(cell_xml(f"{chr(65 + c)}{r}", v) for c, v in enumerate(row) if v is not None)
        out.append(f'<row r="{r}">{cells}</row>')
    return "".join(out)


def workbook(path: Path, sheets: dict[str, str], active: int = 0) -> Path:
    """Write a workbook of ``sheets`` (name -> what goes inside ``<worksheet>``) and a README sheet."""
    sheets = {**sheets, "README": f"<sheetData>{rows_xml([[LABEL]])}</sheetData>"}
    names = list(sheets)
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                      'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                      for i in range(1, len(names) + 1)) + "</Types>"),
        "_rels/.rels": (f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                        f'<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/>'
                        "</Relationships>"),
        "xl/workbook.xml": (f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><bookViews><workbookView activeTab="{active}"/>'
                            "</bookViews><sheets>"
                            + "".join(f'<sheet name="{escape(n)}" sheetId="{i}" r:id="rId{i}"/>'
                                      for i, n in enumerate(names, 1)) + "</sheets></workbook>"),
        "xl/_rels/workbook.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i}" Type="{RELS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                      for i in range(1, len(names) + 1)) + "</Relationships>"),
    }
    for i, name in enumerate(names, 1):
        parts[f"xl/worksheets/sheet{i}.xml"] = f'<worksheet xmlns="{MAIN}" xmlns:r="{RELS}">{sheets[name]}</worksheet>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + text)
    return path


def table_sheet(header, rows, *, dimension: str | None = None) -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f"{dim}<sheetData>{rows_xml([header, *rows])}</sheetData>"


def openpyxl_book(path: Path, header, rows, title="SYNTHETIC"):
    """A workbook written by openpyxl (as a script writes one): formulas are saved without values."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.create_sheet("README").append([LABEL])
    return book


# --- XLSX ------------------------------------------------------------------------------------


def test_formulas_without_saved_values_are_named_with_what_to_do(tmp_path):
    book = openpyxl_book(tmp_path / "x.xlsx", TIDY_HEADER, [[2021, "TP. Đà Nẵng", "dti", "=0.45*2", 1, "SYNTHETIC"],
                                                            [2021, "Thừa Thiên - Huế", "dti", "=0.44*2", 2, "SYNTHETIC"]])
    path = tmp_path / "formulas_synthetic.xlsx"
    book.save(path)
    assert found(path) == [("formula_no_value", 2, None, None, {"cells": "D2, D3", "n": 2, "sheet": "SYNTHETIC"})]
    line = check_file(path, name=path.name)[0][0].message("en")
    assert "formula without a saved value (D2, D3)" in line and "Excel or LibreOffice and save it" in line


def test_many_formulas_name_the_first_five_and_the_count(tmp_path):
    rows = [[2021, f"=\"{name}\"", "dti", f"={0.9 - 0.02 * i}", i + 1, "SYNTHETIC"]
            for i, name in enumerate(["TP. Đà Nẵng", "Thừa Thiên - Huế", "Bắc Ninh", "Hải Phòng"])]
    path = tmp_path / "formulas_synthetic.xlsx"
    openpyxl_book(path, TIDY_HEADER, rows).save(path)
    [(code, row, _, _, fields)] = found(path)
    assert (code, row, fields["n"], fields["cells"]) == ("formula_no_value", 2, 8, "B2, D2, B3, D3, B4, …")


def test_a_formula_with_its_saved_value_is_read(tmp_path):
    formula = '<c r="D2"><f>0.45*2</f><v>0.9</v></c>'
    sheet = (f"<sheetData>{rows_xml([TIDY_HEADER])}<row r=\"2\">{cell_xml('A2', 2021)}{cell_xml('B2', 'TP. Đà Nẵng')}"
             f"{cell_xml('C2', 'dti')}{formula}{cell_xml('E2', 1)}{cell_xml('F2', 'SYNTHETIC')}</row></sheetData>")
    path = workbook(tmp_path / "formula_value_synthetic.xlsx", {"SYNTHETIC": sheet})
    data = load_dti(path, embedded=False)
    assert data.value("48", 2021) == (0.9, 1)


def test_merged_cells_in_the_data_are_named(tmp_path):
    book = openpyxl_book(tmp_path / "x.xlsx", TIDY_HEADER, TIDY_ROWS + [[2021, "Bắc Ninh", "dti", 0.86, 3, "SYNTHETIC"]])
    book.active.merge_cells("A2:A4")  # one year written once for three rows: rows 3 and 4 would lose it
    path = tmp_path / "merged_synthetic.xlsx"
    book.save(path)
    assert found(path) == [("merged_cells", 2, None, None, {"cells": "A2:A4", "sheet": "SYNTHETIC"})]


def test_a_two_row_header_of_merged_cells_is_expanded(tmp_path):
    """dti.gov.vn's layout with the pillar ranks under one merged heading: rank and name span both rows."""
    path = tmp_path / "dti_2021_merged_header_synthetic.xlsx"
    book = openpyxl_book(path, ["Xếp hạng DTI", "Tỉnh, thành phố", "Xếp hạng thành phần", None, None], [])
    sheet = book.active
    sheet.append([None, None, "Xếp hạng CQS", "Xếp hạng KTS", "Xếp hạng XHS"])
    for row in OVERALL_ROWS:
        sheet.append(row)
    for ref in ("A1:A2", "B1:B2", "C1:E1"):
        sheet.merge_cells(ref)
    book.save(path)
    assert found(path) == []
    data = load_dti(path, embedded=False)
    assert data.value("48", 2021, "kts") == (0.9, 1)
    ref = parse_file_ref(split_sources(data.table.query("province_code == '48'").sources.iloc[0])[0])
    assert (ref.sheet, ref.row) == ("SYNTHETIC", 3)


def test_a_table_on_a_sheet_that_is_not_the_active_one_is_read_and_cited_with_its_sheet(tmp_path):
    path = workbook(tmp_path / "dti_2021_second_sheet_synthetic.xlsx",
                    {"Notes": f"<sheetData>{rows_xml([['Made for a test'], [LABEL]])}</sheetData>",
                     "Tổng hợp": table_sheet(OVERALL, OVERALL_ROWS)}, active=0)
    assert found(path) == []
    data = load_dti(path, embedded=False)
    assert data.value("48", 2021) == (0.9, 1)
    entry = split_sources(data.table.query("province_code == '48' and metric == 'dti'").sources.iloc[0])[0]
    assert "&sheet=T%E1%BB%95ng%20h%E1%BB%A3p" in entry
    assert describe_source(entry, "vi").endswith("trang tính “Tổng hợp”, dòng 2")
    assert describe_source(entry, "en").endswith("sheet “Tổng hợp”, row 2")


def test_two_sheets_in_known_layouts_are_listed_and_sheet_picks_one(tmp_path):
    path = workbook(tmp_path / "dti_2021_two_tables_synthetic.xlsx",
                    {"2021": table_sheet(OVERALL, OVERALL_ROWS), "copy": table_sheet(OVERALL, OVERALL_ROWS[:1])})
    assert found(path) == [("several_sheets", None, None, None, {"tables": "“2021”, “copy”"})]
    problems, n = check_file(path, sheet="copy")
    assert (problems, n) == ([], 4)
    assert check_file(path, sheet=" COPY ")[1] == 4  # as Excel names sheets: case and outer spaces aside
    assert found(path, sheet="2022") == [("no_such_sheet", None, None, "2022",
                                          {"sheets": "“2021”, “copy”, “README”"})]


def test_no_sheet_in_a_known_layout_lists_the_sheets(tmp_path):
    path = workbook(tmp_path / "notes_synthetic.xlsx", {"Notes": f"<sheetData>{rows_xml([['STT', 'Tên'], [1, LABEL]])}</sheetData>"})
    assert found(path) == [("no_table_sheet", None, None, None, {"sheets": "“Notes”, “README”"})]
    assert codes(path, sheet="Notes") == ["no_layout"]  # the sheet named is read, and says what is wrong


def test_a_dimension_tag_that_understates_the_sheet_loses_no_row(tmp_path):
    rows = [[2021, f"{name}", "dti", round(0.9 - 0.02 * i, 4), i + 1, "SYNTHETIC"]
            for i, name in enumerate(["TP. Đà Nẵng", "Thừa Thiên - Huế", "Bắc Ninh", "Hải Phòng", "Quảng Ninh"])]
    path = workbook(tmp_path / "dimension_synthetic.xlsx", {"SYNTHETIC": table_sheet(TIDY_HEADER, rows, dimension="A1:C2")})
    assert check_file(path) == ([], 5)


def test_shared_and_inline_strings_numbers_booleans_and_dates_read_as_openpyxl_reads_them(tmp_path):
    import datetime

    path = tmp_path / "types_synthetic.xlsx"
    book = openpyxl_book(path, ["a", "b", "c", "d", "e"], [
        [2021, 0.6419, True, datetime.datetime(2022, 1, 3, 4, 5), "Hà Nội"],
        [2021.0, 1e-7, False, datetime.date(2022, 1, 3), datetime.time(12, 30)],
        [-3, 123456789012.5, None, "x < y & z", " spaced "]])
    book.active["H9"] = "far"
    book.save(path)
    reference = openpyxl.load_workbook(path, read_only=True, data_only=True).active
    expected = {line: [cell_text(v) for v in row] for line, row in enumerate(reference.iter_rows(values_only=True), 1)}
    sheet = read_xlsx(io.BytesIO(path.read_bytes()), Problems(path.name), sheet="SYNTHETIC")
    assert {line: cells + [""] * (len(expected[line]) - len(cells)) for line, cells in sheet.rows} == \
           {line: cells for line, cells in expected.items() if any(cells)}


def test_a_password_protected_workbook_says_so(tmp_path):
    """Excel saves it as a compound file holding EncryptionInfo and EncryptedPackage (MS-OFFCRYPTO)."""
    directory = b"".join(name.encode("utf-16-le") + b"\0\0" + b"\0" * (62 - 2 * len(name)) + b"\0" * 64
                         for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage"))
    path = tmp_path / "protected_synthetic.xlsx"
    path.write_bytes(CFB_MAGIC + b"\0" * 504 + directory + b"\0" * 1024)
    assert found(path) == [("encrypted", None, None, None, {})]
    old = tmp_path / "old_synthetic.xls"
    old.write_bytes(CFB_MAGIC + b"\0" * 504 + directory[:128] + b"\0" * 1024)
    assert codes(old) == ["old_xls"]


def test_a_workbook_part_over_the_unpacked_limit_is_refused_before_it_is_read(tmp_path):
    path = workbook(tmp_path / "part_synthetic.xlsx", {"SYNTHETIC": table_sheet(TIDY_HEADER, TIDY_ROWS)})
    [(code, _, _, _, fields)] = found(path, limits=Limits(max_part_bytes=300))
    assert code == "xlsx_part_too_large" and fields["part"].startswith("xl/")


# --- CSV -------------------------------------------------------------------------------------


def write_csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


TIDY_CSV = "year,province,metric,score,rank,note\n"


def test_a_short_csv_row_is_named_with_both_counts(tmp_path):
    path = write_csv(tmp_path / "short_synthetic.csv", TIDY_CSV + "2021,TP. Đà Nẵng,dti,0.9,1,SYNTHETIC\n"
                                                                  "2021,Thừa Thiên - Huế,dti,0.88\n")
    assert found(path) == [("short_row", 3, None, None, {"n": 4, "m": 6})]
    # empty trailing cells written out are fine: the row holds every field
    path = write_csv(tmp_path / "trailing_synthetic.csv", TIDY_CSV + "2021,TP. Đà Nẵng,dti,0.9,,\n")
    assert found(path) == []


def test_an_over_long_field_is_named_as_such_and_an_open_quote_as_an_open_quote(tmp_path):
    long = "x" * 200_000
    path = write_csv(tmp_path / "long_synthetic.csv", TIDY_CSV + f'2021,TP. Đà Nẵng,dti,0.9,1,"{long}"\n'
                                                                 '2021,Thừa Thiên - Huế,dti,0.88,2,"SYNTHETIC"\n')
    assert found(path) == [("field_too_long", 2, None, None, {"limit": "131 072"})]
    path = write_csv(tmp_path / "open_synthetic.csv", TIDY_CSV + '2021,TP. Đà Nẵng,dti,0.9,1,"SYNTHETIC\n')
    assert codes(path) == ["bad_csv_quote"]
    path = write_csv(tmp_path / "open_long_synthetic.csv", TIDY_CSV + f'2021,TP. Đà Nẵng,dti,0.9,1,"{long}\n')
    assert found(path) == [("bad_csv_quote", 2, None, None, {})]


def test_rows_and_cells_limits_stop_the_read(tmp_path):
    rows = "".join(f"2021,TP. Đà Nẵng,dti,0.9,1,SYNTHETIC {i}\n" for i in range(10))
    path = write_csv(tmp_path / "rows_synthetic.csv", TIDY_CSV + rows)
    assert found(path, limits=Limits(max_rows=5)) == [("too_many_rows", 6, None, None, {"limit": "5"})]
    assert found(path, limits=Limits(max_cells=20)) == [("too_many_cells", 4, None, None, {"limit": "20"})]
    book = workbook(tmp_path / "rows_synthetic.xlsx", {"SYNTHETIC": table_sheet(TIDY_HEADER, TIDY_ROWS * 5)})
    assert found(book, limits=Limits(max_rows=5)) == [("too_many_rows", 6, None, None, {"limit": "5"})]


# --- odd files -------------------------------------------------------------------------------


def test_odd_files_are_one_problem_each_and_never_opened(tmp_path):
    fifo = tmp_path / "pipe_synthetic.csv"
    os.mkfifo(fifo)
    assert codes(fifo) == ["is_fifo"]  # opening it would wait for a writer forever
    assert codes(Path("/dev/null")) == ["is_device"]
    loop = tmp_path / "loop_synthetic.csv"
    loop.symlink_to(loop.name)
    assert codes(loop) == ["symlink_loop"]
    assert codes(tmp_path) == ["is_dir"]
    sock = tmp_path / "s.csv"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(sock))
    except OSError:  # a tmp path too long for a socket name: nothing to test
        return
    try:
        assert codes(sock) == ["not_regular"]
    finally:
        server.close()


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big_synthetic.csv"
    with open(path, "wb") as fh:
        fh.write(TIDY_CSV.encode())
        fh.truncate(200 * MB)  # sparse: 200 MB on paper, nothing on disk
    assert found(path) == [("too_large", None, None, None, {"size": "200 MB", "limit": "50 MB"})]
    assert codes(path, limits=Limits(max_bytes=300 * MB)) == ["binary"]  # read, now, and found to be NULs


# --- the command line: one line, a non-zero exit, no traceback, nothing written ------------------


def run(*args, timeout=120):
    """``run_reports.py ARGS`` in a child process, with its peak memory: (exit code, stdout, stderr, MB)."""
    code = textwrap.dedent("""
        import sys
        from dti_helpers.cli import main
        try:
            status = main(sys.argv[2:], front_door=True)
        except SystemExit as exc:
            status = exc.code
        # VmHWM: this program's own peak (ru_maxrss keeps the forking parent's size across exec)
        peak = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:"))
        with open(sys.argv[1], "w") as fh:
            fh.write(peak)
        sys.exit(status)
    """)
    # a name of this call alone: a stale file of an earlier child must never be read as this one's peak
    rss = Path(os.environ.get("TMPDIR", "/tmp")) / f"rss-{os.getpid()}-{uuid.uuid4().hex}"
    done = subprocess.run([sys.executable, "-c", code, str(rss), *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    peak = int(rss.read_text()) / 1024 if rss.exists() else None  # VmHWM is in kB
    rss.unlink(missing_ok=True)
    return done.returncode, done.stdout, done.stderr, peak


def xfd_workbook(tmp_path: Path) -> Path:
    """A workbook of a few KB: a table, and one stray value in the last cell of Excel's grid."""
    sheet = (f'<dimension ref="A1:XFD1048576"/><sheetData>{rows_xml([TIDY_HEADER, *TIDY_ROWS])}'
             f'<row r="1048576">{cell_xml("XFD1048576", LABEL)}</row></sheetData>')
    path = workbook(tmp_path / "xfd_synthetic.xlsx", {"SYNTHETIC": sheet})
    assert path.stat().st_size < 6000
    return path


def odd_cases(tmp_path: Path):
    """(file, the reason its one line gives) for each odd file the CLI is tried with."""
    fifo = tmp_path / "pipe_synthetic.csv"
    os.mkfifo(fifo)
    loop = tmp_path / "loop_synthetic.csv"
    loop.symlink_to(loop.name)
    big = tmp_path / "big_synthetic.csv"
    with open(big, "wb") as fh:
        fh.truncate(200 * MB)
    protected = tmp_path / "protected_synthetic.xlsx"
    protected.write_bytes(CFB_MAGIC + "EncryptedPackage".encode("utf-16-le") + b"\0\0")
    short = write_csv(tmp_path / "short_synthetic.csv", TIDY_CSV + "2021,TP. Đà Nẵng,dti,0.9\n")
    return [(fifo, "a named pipe (FIFO), not a data file"),
            (loop, "a symbolic link that loops back on itself"),
            (big, "the file is 200 MB, over the limit of 50 MB; to read it anyway, raise the limit with --max-file-mb N"),
            (protected, "the workbook is protected by a password"),
            (short, "row has only 4 fields but the header has 6"),
            (xfd_workbook(tmp_path), "1048576: value 'SYNTHETIC test data, not DTI figures': row has 16384 "
                                     "cells but the header has 6")]


def test_check_data_gives_one_line_for_each_odd_file_within_memory(tmp_path):
    for path, reason in odd_cases(tmp_path):
        status, out, err, peak = run("--check-data", path)
        lines = err.splitlines()
        assert status == 1 and out == "" and "Traceback" not in err, (path, err)
        assert len(lines) == 2 and lines[0].startswith(f"{path}") and reason in lines[0], (path, err)
        assert lines[1] == f"{path}: 1 problem(s)"
        assert peak is not None and peak < MAX_RSS_MB, (path, peak)


def test_a_report_run_on_a_bad_file_prints_one_line_and_writes_nothing(tmp_path):
    out = tmp_path / "out"
    for path, reason in odd_cases(tmp_path):
        status, stdout, err, _ = run("Đà Nẵng", "--data", path, "--out", out, "--format", "html")
        assert status == 2 and "Traceback" not in err, (path, err)
        assert err.splitlines() == [err.rstrip("\n")] and err.startswith(f"error: {path}") and reason in err, err
        assert not out.exists() or not any(out.iterdir()), list(out.rglob("*"))


def test_the_sheet_and_limit_flags_reach_the_readers(tmp_path):
    path = workbook(tmp_path / "dti_2021_two_tables_synthetic.xlsx",
                    {"2021": table_sheet(OVERALL, OVERALL_ROWS), "copy": table_sheet(OVERALL, OVERALL_ROWS[:1])})
    status, _, err, _ = run("--check-data", path)
    assert status == 1 and "several sheets hold a table (“2021”, “copy”); choose one with --sheet NAME" in err
    status, stdout, _, _ = run("--check-data", path, "--sheet", "2021", "--no-embedded")
    assert (status, stdout) == (0, f"{path}: OK (8 values)\n")
    assert run("--check-data", path, "--sheet", "2021", "--max-rows", "1")[2].startswith(
        f"{path}:2: the table has more than 1 rows")
    err = run("--check-data", path, "--sheet", "2021", "--max-file-mb", "0.001")[2]
    assert "over the limit of 1 KB; to read it anyway, raise the limit with --max-file-mb N" in err
    status, _, err, _ = run("--check-data", path, "--max-rows", "0")
    assert status == 2 and "'0' is not a number above 0" in err and "Traceback" not in err


def test_more_than_fifty_problems_give_fifty_lines_then_the_count(tmp_path):
    rows = "".join(f"2021,TP. Đà Nẵng,pdti{i},0.9,1,SYNTHETIC\n" for i in range(60))
    path = write_csv(tmp_path / "many_synthetic.csv", TIDY_CSV + rows)
    status, _, err, _ = run("--check-data", path)
    lines = err.splitlines()
    assert status == 1 and len(lines) == 52
    assert all("unknown metric" in line for line in lines[:50])
    assert lines[50:] == ["… and 10 more problem(s)", f"{path}: 60 problem(s)"]


def test_a_fifo_in_a_folder_is_left_out_and_load_dti_raises_for_a_fifo(tmp_path):
    os.mkfifo(tmp_path / "pipe_synthetic.csv")
    write_csv(tmp_path / "dti_2021_synthetic.csv", TIDY_CSV + "2021,TP. Đà Nẵng,dti,0.9,1,SYNTHETIC\n")
    assert load_dti(tmp_path, embedded=False).value("48", 2021) == (0.9, 1)
    with pytest.raises(DataFileError) as err:
        load_dti(tmp_path / "pipe_synthetic.csv")
    assert [p.code for p in err.value.problems] == ["is_fifo"]
