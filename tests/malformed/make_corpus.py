"""Write the malformed-file corpus (SYNTHETIC test data; see README.md here).

``.venv/bin/python tests/malformed/make_corpus.py`` rewrites every file below; the files are
committed. ``expected.txt`` holds the one line ``run_reports.py --check-data`` must print for each;
it was checked line by line by hand, and this script does not write it. tests/test_validation.py
checks that this script still produces the committed bytes (the two workbooks aside: XLSX files
carry timestamps).
Each file is valid but for ONE defect, so each has exactly one expected line.
"""
from __future__ import annotations

import io
from pathlib import Path

import openpyxl

from dti_helpers.data.ingest.official import LAYOUTS

HERE = Path(__file__).resolve().parent
TIDY = "year,province,metric,score,rank\n"
FULL = "year,unit_set,province_code,province,metric,score,rank,doubtful,sources,note\n"
OVERALL = 'Xếp hạng DTI,"Tỉnh, thành phố",Xếp hạng CQS,Xếp hạng KTS,Xếp hạng XHS\n'
DETAIL_HEADERS = list(LAYOUTS["detail"])  # the fixtures in tests/fixtures/official type them out independently
DETAIL = ",".join(f'"{h}"' if "," in h else h for h in DETAIL_HEADERS) + "\n"
SRC = "https://example.invalid/synthetic"

TEXT: dict[str, str] = {
    "empty.csv": "",
    "commas_only.csv": ",,,,\n,,,,\n",
    "header_only.csv": TIDY,
    "bad_quote.csv": TIDY + '2021,"TP. Đà Nẵng"x,dti,0.6419,1\n',
    "extra_cells.csv": TIDY + "2021,TP. Đà Nẵng,dti,0.6419,1\n2021,Bắc Ninh,dti,0.5276,4,oops\n",
    "no_known_columns.csv": "a,b,c\n1,2,3\n",
    "missing_column.csv": "year,province,metric,score\n2021,TP. Đà Nẵng,dti,0.6419\n",
    "unknown_column.csv": "year,province,metric,score,rank,comment\n2021,TP. Đà Nẵng,dti,0.6419,1,ok\n",
    "typo_column.csv": "year,province,metric,score,rank,notes\n2021,TP. Đà Nẵng,dti,0.6419,1,ok\n",
    "duplicate_column.csv": "year,province,metric,score,rank,Năm\n2021,TP. Đà Nẵng,dti,0.6419,1,2021\n",
    "unknown_province.csv": TIDY + "2021,TP. Đà Nẵng,dti,0.6419,1\n2021,Ha Noy,dti,0.4,30\n",
    "unknown_province_no_match.csv": TIDY + "2021,Atlantis,dti,0.4,30\n",
    "national_row.csv": TIDY + "2021,Cả nước (trung bình),dti,0.4014,\n",
    "empty_province.csv": TIDY + "2021,,dti,0.4014,9\n",
    "code_mismatch.csv": "year,province_code,province,metric,score,rank\n2021,26,Bắc Ninh,dti,0.5276,4\n",
    # the unit sets of the July 2025 merger: the year says which set a row belongs to
    "code_of_34_in_2021.csv": "year,province_code,province,metric,score,rank\n2021,24,Bắc Ninh,dti,0.5276,4\n",
    "code_of_63_in_2025.csv": "year,province_code,province,metric,score,rank\n2025,27,Bắc Ninh,dti,0.5,3\n",
    "unit_set_34_in_2022.csv": "year,unit_set,province,metric,score,rank\n2022,34,Bắc Ninh,dti,0.5,3\n",
    "official_2025_former_province.csv": OVERALL + '"1 (0,5)",Hà Giang,"1 (0,6)","1 (0,5)","1 (0,4)"\n',
    "mixed_2024.csv": "year,province_code,province,metric,score,rank\n2024,02,Hà Giang,dti,,5\n2024,24,Bắc Ninh,dti,,3\n",
    "duplicate_row.csv": TIDY + "2020,Bắc Giang,dti,0.3615,10\n2020,Bắc Ninh,dti,0.4096,\n2020,bac giang,dti,0.3615,10\n",
    "score_negative.csv": TIDY + "2021,TP. Đà Nẵng,dti,-0.6419,1\n",
    "score_too_large.csv": TIDY + "2021,TP. Đà Nẵng,dti,1500,1\n",
    "score_1000_scale.csv": TIDY + "2022,Bến Tre,dti,507.72,51\n",
    "score_1000_declared_out_of_range.csv": "year,province,metric,score,rank,scale\n2022,Bến Tre,dti,1507.72,51,1000\n",
    "bad_scale.csv": "year,province,metric,score,rank,scale\n2022,Bến Tre,dti,50.772,51,100\n",
    "score_not_number.csv": TIDY + "2021,TP. Đà Nẵng,dti,n/a,1\n",
    "rank_not_integer.csv": TIDY + "2021,TP. Đà Nẵng,dti,0.6419,1.5\n",
    "rank_out_of_range.csv": TIDY + "2022,Bắc Kạn,dti,,64\n",
    "rank_out_of_range_34.csv": "year,unit_set,province,metric,score,rank\n2024,34,TP. Hà Nội,dti,0.8241,35\n",
    "rank_contradiction.csv": TIDY + ("2021,TP. Đà Nẵng,dti,0.6419,1\n2021,Bắc Ninh,dti,0.5276,3\n"
                                     "2021,Lạng Sơn,dti,0.5242,2\n"),
    "rank_tie.csv": TIDY + "2021,Thanh Hóa,dti,0.4880,12\n2021,Vĩnh Phúc,dti,0.4880,13\n",
    "dti_2020_total.csv": TIDY + ("2020,Bắc Giang,dti,0.3715,10\n2020,Bắc Giang,cqs,0.4455,7\n"
                                  "2020,Bắc Giang,kts,0.3019,14\n2020,Bắc Giang,xhs,0.3092,25\n"),
    "markup.csv": FULL + f"2021,63,48,TP. Đà Nẵng,dti,0.6419,1,false,{SRC},<b>checked</b>\n",
    "control_char.csv": FULL + f"2021,63,48,TP. Đà Nẵng,dti,0.6419,1,false,{SRC},\x1b[31mred\n",
    "zero_width_space.csv": TIDY + "2020,Bắc\u200bGiang,dti,0.3615,10\n",
    "unknown_metric.csv": TIDY + "2021,TP. Đà Nẵng,pdti,0.6419,1\n",
    "year_not_integer.csv": TIDY + "2021.5,TP. Đà Nẵng,dti,0.6419,1\n",
    "year_out_of_range.csv": TIDY + "2019,TP. Đà Nẵng,dti,0.6419,1\n",
    "unit_set_bad.csv": "year,unit_set,province,metric,score,rank\n2021,64,TP. Đà Nẵng,dti,0.6419,1\n",
    "doubtful_bad.csv": FULL + f"2021,63,48,TP. Đà Nẵng,dti,0.6419,1,maybe,{SRC},\n",
    "no_value.csv": TIDY + "2021,TP. Đà Nẵng,dti,0.6419,1\n2021,Bắc Ninh,dti,,\n",
    "official_no_year.csv": OVERALL + '"1 (0,6419)",TP. Đà Nẵng,"1 (0,6868)","1 (0,6312)","1 (0,6483)"\n',
    "official_2021_vs_2022.csv": OVERALL + '"1 (0,6419)",TP. Đà Nẵng,"1 (0,6868)","1 (0,6312)","1 (0,6483)"\n',
    "official_2021_bad_cell.csv": OVERALL + ('"1 (0,6419",TP. Đà Nẵng,"1 (0,6868)","1 (0,6312)","1 (0,6483)"\n'
                                             '"2 (0,5872)",Thừa Thiên - Huế,"2 (0,6666)","2 (0,5922)","2 (0,5782)"\n'),
    "official_2022_unknown_column.csv": "STT," + DETAIL + '1,1,TP. Đà Nẵng,"1,0000","0,9000","0,8253","0,8487",'
                                                          '"0,7578","0,8575","0,7836","0,5197","0,8002"\n',
    "official_2022_missing_column.csv": DETAIL.replace("Chỉ số Thể chế số,", "") + (
        '1,TP. Đà Nẵng,"1,0000","0,8253","0,8487","0,7578","0,8575","0,7836","0,5197","0,8002"\n'),
    "official_2022_empty_row.csv": DETAIL + ('1,TP. Đà Nẵng,"1,0000","0,9000","0,8253","0,8487","0,7578",'
                                             '"0,8575","0,7836","0,5197","0,8002"\n,Quảng Ninh,,,,,,,,,\n'),
}

BINARY: dict[str, bytes] = {
    "bom_only.csv": b"\xef\xbb\xbf\r\n",
    "latin1.csv": (TIDY + "2021,Cà Mau,dti,0.4,30\n").encode("latin-1"),
    "utf16.csv": (TIDY + "2021,TP. Đà Nẵng,dti,0.6419,1\n").encode("utf-16"),
    "binary.csv": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01",
    "old_format.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504,
}


def _workbook(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


WORKBOOKS = {
    # a real workbook cut short: the zip directory at its end is gone
    "corrupt.xlsx": lambda: _workbook([["year", "province", "metric", "score", "rank"]])[:400],
    # sheet row 3 has rank 0 (the numbers are numeric cells, as Excel stores them)
    "official_2022_rank_zero.xlsx": lambda: _workbook([
        DETAIL_HEADERS,
        [1, "TP. Đà Nẵng", 1.0, 0.9, 0.8253, 0.8487, 0.7578, 0.8575, 0.7836, 0.5197, 0.8002],
        [0, "TP. Hồ Chí Minh", 0.8917, 0.9, 0.8258, 0.6267, 0.558, 0.8406, 0.7611, 0.359, 0.7163],
    ]),
}


def corpus() -> dict[str, bytes]:
    """File name -> bytes of every deterministic file of the corpus."""
    return {**{n: s.encode("utf-8") for n, s in TEXT.items()}, **BINARY}


def main() -> None:
    for name, data in corpus().items():
        (HERE / name).write_bytes(data)
    for name, make in WORKBOOKS.items():
        (HERE / name).write_bytes(make())

if __name__ == "__main__":
    main()
