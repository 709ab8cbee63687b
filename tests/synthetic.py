"""SYNTHETIC official-layout tables of the 34 units: made-up values, for tests only.

Nothing here is a DTI figure. The scores step down by exactly 0.0200 from 0.9000 and each metric's
ranking is the catalogue order rotated, so no reader could take them for published results. The
workbooks say so in their file name (``..._synthetic.xlsx``), on their data sheet (named
``SYNTHETIC``, with a note on the first header cell), on a ``README`` sheet and in their document
properties. They are written into the folder a test gives (a pytest ``tmp_path``), never under
``data/``.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     official_34(tmp).name
'dti_2025_tong_hop_synthetic.xlsx'
"""
from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.comments import Comment

from dti_helpers.data.catalogue import load_catalogue

ROOT = Path(__file__).resolve().parent.parent
LABEL = "SYNTHETIC – not real DTI data / dữ liệu giả lập, không phải số liệu DTI thật"
OVERALL = ["Xếp hạng DTI", "Tỉnh, thành phố", "Xếp hạng CQS", "Xếp hạng KTS", "Xếp hạng XHS"]
OVERALL_METRICS = ["dti", "cqs", "kts", "xhs"]
DETAIL = ["Xếp hạng DTI", "Các tỉnh, thành phố trực thuộc TW", "Chỉ số Nhận thức số", "Chỉ số Thể chế số",
          "Chỉ số Hạ tầng số", "Chỉ số Nhân lực số", "Chỉ số An toàn thông tin mạng",
          "Chỉ số Hoạt động chính quyền số", "Chỉ số Hoạt động kinh tế số", "Chỉ số Hoạt động xã hội số",
          "CHUYỂN ĐỔI SỐ CẤP TỈNH (PDTI)"]
DETAIL_METRICS = ["dti", "awareness", "institutions", "infrastructure", "human_resources", "cybersecurity",
                  "gov_activity", "econ_activity", "society_activity"]
STEP = 7  # coprime with 34: every metric's ranking is a rotation of the catalogue order


def values(metrics: list[str]) -> dict[str, dict[str, tuple[int, float]]]:
    """Unit code -> metric -> (rank, score) of the made-up table: rank r scores 0.9200 - 0.0200·r.

    >>> v = values(["dti", "cqs"]); v["01"]["dti"], v["01"]["cqs"]
    ((1, 0.9), (8, 0.76))
    """
    codes = list(load_catalogue().units("34").index)
    out: dict[str, dict[str, tuple[int, float]]] = {}
    for i, code in enumerate(codes):
        for k, metric in enumerate(metrics):
            rank = (i + STEP * k) % len(codes) + 1
            out.setdefault(code, {})[metric] = (rank, round(0.92 - 0.02 * rank, 4))
    return out


def official_34(folder: str | Path, year: int = 2025, layout: str = "overall", *, year_in_name: bool = True,
                names: dict[str, str] | None = None) -> Path:
    """Write a SYNTHETIC official table of the 34 units into ``folder``; return its path.

    ``layout`` is ``"overall"`` ("rank (score)" cells) or ``"detail"`` (eight index scores and the
    PDTI). ``names`` replaces a unit's canonical name by another spelling (or a wrong name, to make
    a bad file). Refuses to write under ``data/``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     official_34(tmp, 2024, "detail", year_in_name=False).name
    'chi_tiet_synthetic.xlsx'
    """
    folder = Path(folder).resolve()
    if folder.is_relative_to(ROOT / "data"):
        raise ValueError(f"synthetic tables never go under data/: {folder}")
    cat = load_catalogue()
    header, metrics = (OVERALL, OVERALL_METRICS) if layout == "overall" else (DETAIL, DETAIL_METRICS)
    table = values(metrics)
    rows = []
    for code in sorted(table, key=lambda c: table[c]["dti"][0]):  # dti.gov.vn lists units by DTI rank
        name = cat.name(code, "34")
        name = (names or {}).get(name, name)
        got = table[code]
        if layout == "overall":
            cells = [f"{got[m][0]} ({got[m][1]:.4f})".replace(".", ",") for m in metrics]
            rows.append([cells[0], name, *cells[1:]])
        else:
            rows.append([got["dti"][0], name, *(got[m][1] for m in metrics[1:]), got["dti"][1]])
    stem = f"{'tong_hop' if layout == 'overall' else 'chi_tiet'}_synthetic"
    path = folder / (f"dti_{year}_{stem}.xlsx" if year_in_name else f"{stem}.xlsx")
    _write(path, header, rows, year)
    return path


def _write(path: Path, header: list[str], rows: list[list[object]], year: int) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "SYNTHETIC"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    sheet["A1"].comment = Comment(LABEL, "tests/synthetic.py")
    readme = book.create_sheet("README")
    readme.append([LABEL])
    readme.append([f"Made-up {year} table of the 34 units for tests (tests/synthetic.py); never copy it into data/."])
    book.properties.title = f"SYNTHETIC DTI {year} (34 units)"
    book.properties.description = LABEL
    book.active = 0
    book.save(path)
