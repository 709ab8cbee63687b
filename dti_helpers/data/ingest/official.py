"""The official dti.gov.vn table layouts, as an analyst saves them (CSV or XLSX).

dti.gov.vn publishes two tables a year:

* the *detail* table: ``Xếp hạng DTI | Các tỉnh, thành phố trực thuộc TW |``
  the eight index scores ``| CHUYỂN ĐỔI SỐ CẤP TỈNH (PDTI)``;
* the *overall* table: ``Xếp hạng DTI | Tỉnh, thành phố | Xếp hạng CQS |
  Xếp hạng KTS | Xếp hạng XHS``, each ranking cell written "rank (score)",
  e.g. ``1 (0,6419)``.

Headers match whatever their case, spacing or diacritics (``xep hang dti``
is ``Xếp hạng DTI``); a column outside the layout is an error. Scores may use
decimal commas. This module turns the rows of such a table into tidy records
(one per province and metric); :mod:`~dti_helpers.data.ingest.checks` checks
them and :func:`dti_helpers.data.ingest.read_official` does both.

>>> split_rank_score("1 (0,6419)")
('1', '0,6419')
>>> header_key("CHUYỂN ĐỔI SỐ  CẤP TỈNH (PDTI)")
'chuyen doi so cap tinh pdti'
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from unidecode import unidecode

from dti_helpers.data.ingest.problems import Problems

# Parts a column can hold: a score, a rank, or both as "rank (score)".
SCORE, RANK, RANK_SCORE, PROVINCE, YEAR, SCALE = "score", "rank", "rank_score", "province", "year", "scale"

# Layout -> header as dti.gov.vn prints it -> (metric, part).
LAYOUTS: dict[str, dict[str, tuple[str | None, str]]] = {
    "detail": {
        "Xếp hạng DTI": ("dti", RANK),
        "Các tỉnh, thành phố trực thuộc TW": (None, PROVINCE),
        "Chỉ số Nhận thức số": ("awareness", SCORE),
        "Chỉ số Thể chế số": ("institutions", SCORE),
        "Chỉ số Hạ tầng số": ("infrastructure", SCORE),
        "Chỉ số Nhân lực số": ("human_resources", SCORE),
        "Chỉ số An toàn thông tin mạng": ("cybersecurity", SCORE),
        "Chỉ số Hoạt động chính quyền số": ("gov_activity", SCORE),
        "Chỉ số Hoạt động kinh tế số": ("econ_activity", SCORE),
        "Chỉ số Hoạt động xã hội số": ("society_activity", SCORE),
        "CHUYỂN ĐỔI SỐ CẤP TỈNH (PDTI)": ("dti", SCORE),
    },
    "overall": {
        "Xếp hạng DTI": ("dti", RANK_SCORE),
        "Tỉnh, thành phố": (None, PROVINCE),
        "Xếp hạng CQS": ("cqs", RANK_SCORE),
        "Xếp hạng KTS": ("kts", RANK_SCORE),
        "Xếp hạng XHS": ("xhs", RANK_SCORE),
    },
}
# Columns an analyst may add to either layout (they are not on dti.gov.vn).
OPTIONAL = {"year": (None, YEAR), "Năm": (None, YEAR), "scale": (None, SCALE), "Thang điểm": (None, SCALE)}

_RANK_SCORE = re.compile(r"\s*(?P<rank>[^()\s]*)\s*(?:\(\s*(?P<score>[^()]*?)\s*\))?\s*")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)")
_NAME_YEAR = re.compile(r"(?<!\d)(20[23]\d)(?!\d)")


class Cell(NamedTuple):
    """Where a value comes from: its text, the column header as written, the file line.

    ``raw`` is the whole cell when ``text`` is a part of it ("1 (0,6419)").

    >>> Cell("0,6419", "Xếp hạng DTI", 2, "1 (0,6419)").raw
    '1 (0,6419)'
    """

    text: str
    column: str | None
    line: int | None
    raw: str | None = None

    @property
    def shown(self) -> str:
        """The text a problem message quotes: the whole cell as the file holds it."""
        return self.text if self.raw is None else self.raw


def header_key(text: str) -> str:
    """Matching key of a column header: ASCII, lower case, words split by single spaces.

    >>> header_key("  Các tỉnh,  thành phố trực thuộc TW ")
    'cac tinh thanh pho truc thuoc tw'
    >>> header_key("unit_set")
    'unit set'
    """
    return " ".join(re.sub(r"[^a-z0-9]+", " ", unidecode(str(text)).lower()).split())


def layout_keys(layout: str) -> dict[str, tuple[str | None, str]]:
    """Header key -> (metric, part) for an official layout, optional columns included.

    >>> layout_keys("overall")["xep hang cqs"]
    ('cqs', 'rank_score')
    """
    return {header_key(h): spec for h, spec in {**LAYOUTS[layout], **OPTIONAL}.items()}


def parse_decimal(text: str) -> float | None:
    """A number written with a decimal point or a decimal comma; ``None`` if it is not one.

    >>> parse_decimal("0,6419"), parse_decimal(" 507.72 "), parse_decimal("1.000,5")
    (0.6419, 507.72, None)
    """
    text = text.strip()
    return float(text.replace(",", ".")) if _NUMBER.fullmatch(text) else None


def split_rank_score(text: str) -> tuple[str, str | None] | None:
    """Split an overall-table cell "rank (score)" into its texts; ``None`` if malformed.

    Either part may be absent: dti.gov.vn prints a bare rank where a score was cut off.

    >>> split_rank_score("17"), split_rank_score("(0,5)"), split_rank_score("1 (0,6")
    (('17', None), ('', '0,5'), None)
    """
    match = _RANK_SCORE.fullmatch(text)
    return (match["rank"], match["score"]) if match else None


def year_from_name(path: str | Path) -> list[int]:
    """Distinct four-digit years 2020..2030 in a file name, in order of appearance.

    >>> year_from_name("downloads/dti_2022_chi-tiet.xlsx")
    [2022]
    >>> year_from_name("xep-hang-2021-vs-2022.csv")
    [2021, 2022]
    """
    found = [int(y) for y in _NAME_YEAR.findall(Path(path).name)]
    return [y for y in dict.fromkeys(found) if 2020 <= y <= 2030]


def official_records(layout: str, columns: list[tuple[int, str, str]], rows, year: Cell | None,
                     out: Problems | None) -> list[dict[str, Cell]]:
    """Turn official-layout rows into tidy records, one per province and metric.

    ``columns`` lists (cell index, header key, header as written) of the
    matched header; ``rows`` holds (file line, cells); ``year`` is the year
    given by the caller or found in the file name (``None`` when the table
    carries a year column). A malformed "rank (score)" cell is added to the
    :class:`~dti_helpers.data.ingest.problems.Problems` ``out``.
    A metric with no value in a row makes no record: an empty cell is "not
    published", never zero.

    >>> cols = [(0, "xep hang dti", "Xếp hạng DTI"), (1, "tinh thanh pho", "Tỉnh, thành phố")]
    >>> recs = official_records("overall", cols, [(2, ["1 (0,6419)", "TP. Đà Nẵng"])], Cell("2021", None, None), None)
    >>> recs[0]["metric"].text, recs[0]["rank"].text, recs[0]["score"].text
    ('dti', '1', '0,6419')
    """
    keys = layout_keys(layout)
    records: list[dict[str, Cell]] = []
    for line, cells in rows:
        common: dict[str, Cell] = {} if year is None else {"year": year}
        by_metric: dict[str, dict[str, Cell]] = {}
        filled = False
        for index, key, header in columns:
            metric, part = keys[key]
            text = cells[index] if index < len(cells) else ""
            if part in (PROVINCE, YEAR, SCALE):
                common[part] = Cell(text, header, line)
                continue
            filled = filled or bool(text.strip())
            # Within one layout each metric's rank and score come from one column each.
            by_metric.setdefault(metric, {}).update(_parts(part, text, header, line, out))
        for metric, fields in by_metric.items():
            if any(c.text.strip() for c in fields.values()):
                records.append({**common, "metric": Cell(metric, None, line), **fields})
        if not filled:
            # A province with every value empty is reported (as "neither a score nor a rank").
            records.append({**common, "metric": Cell("dti", None, line)})
    return records


def _parts(part: str, text: str, header: str, line: int, out: Problems) -> dict[str, Cell]:
    if part == SCORE:
        return {"score": Cell(text, header, line)}
    if part == RANK:
        return {"rank": Cell(text, header, line)}
    split = split_rank_score(text)
    if split is None:
        out.add("rank_score_cell", line, header, text)
        return {}
    rank, score = split
    parts = {"rank": Cell(rank, header, line, text)}
    if score is not None:
        parts["score"] = Cell(score, header, line, text)
    return parts
