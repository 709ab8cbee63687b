"""Kit tables print in fixed column widths computed from their text (sections/widths.py): checked on real PDFs."""
from __future__ import annotations

import re
import subprocess

from dti_helpers.render.pdf import html_to_pdf, report_css
from dti_helpers.sections.kit import table
from dti_helpers.sections.widths import TABLE_WIDTH, column_shares, content_widths

# A note column of long web addresses beside short columns: the case that squeezed "Năm" into "Nă|m".
SYNTHETIC_NOTE = "synthetic note: " + ", ".join(f"https://example.test/synthetic/a-very-long-page-address-that-no-column-could-hold-on-one-line-number-{i}.html"
                                               for i in range(6))
HEAD = ("Năm", "Chỉ số", "Trung bình cả nước", "Nguồn", "Ghi chú")
ROWS = (("2020", "DTI", "0,3026", "[7] [8] [9] [10] [11] [12] [2]", SYNTHETIC_NOTE),)


def test_shares_are_whole_percents_that_fill_the_table_and_keep_every_longest_word():
    shares = column_shares(HEAD, ROWS)
    assert sum(shares) == 100 and all(isinstance(s, int) and s >= 1 for s in shares)
    for i, share in enumerate(shares):
        longest = max(content_widths(cell[i], bold=True)[0] for cell in (HEAD, *ROWS))
        assert share / 100 * TABLE_WIDTH >= longest, (HEAD[i], share)
    assert shares[-1] == max(shares)  # the note takes the room the short columns do not need


def test_a_table_names_its_column_widths_by_class_and_the_print_sheet_sizes_them():
    html = str(table(list(ROWS), columns=list(HEAD), formatted=True))
    classes = re.findall(r'<col class="w(\d+)">', html)
    assert len(classes) == len(HEAD) and sum(map(int, classes)) == 100 and "style=" not in html
    css = report_css()
    printed = css[css.rindex("@media print"):]
    assert all(f"col.w{n} {{ width: {n}%; }}" in printed for n in (1, 50, 100))
    assert "table.data { table-layout: fixed; }" in css


def test_the_printed_table_breaks_no_short_word_and_only_the_addresses():
    body = str(table(list(ROWS), columns=list(HEAD), formatted=True))
    html = f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><style>{report_css()}</style></head>' \
           f"<body><main>{body}</main></body></html>"
    pdf = html_to_pdf(html)
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    lines = text.decode("utf-8").splitlines()
    assert any(re.match(r"\s*Năm\s+Chỉ", line) for line in lines), lines[:4]
    assert any(re.match(r"\s*2020\s+DTI\s+0,3026", line) for line in lines), lines[:8]
    assert "synthetic note" in text.decode("utf-8")
