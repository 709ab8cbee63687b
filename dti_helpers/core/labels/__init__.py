"""All user-facing text, in Vietnamese (default) and English, and number formats.

The one table of labels: every string a reader sees comes from ``LABELS``
through :func:`t`, so a translation fix happens in one place.
"""
from __future__ import annotations

import math

from babel.numbers import format_decimal

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"

LABELS: dict[str, dict[str, str]] = {
    # data states
    "not_published": {"vi": "chưa có số liệu công bố", "en": "not published"},
    "doubtful": {"vi": "số liệu đáng ngờ", "en": "doubtful figure"},
    "national_mean": {"vi": "Trung bình cả nước", "en": "National mean"},
    # catalogue
    "kind_city": {"vi": "Thành phố trực thuộc Trung ương", "en": "Centrally-run city"},
    "kind_province": {"vi": "Tỉnh", "en": "Province"},
    # coverage summary
    "year": {"vi": "Năm", "en": "Year"},
    "unit_set": {"vi": "Bộ đơn vị", "en": "Unit set"},
    "metric": {"vi": "Chỉ số", "en": "Metric"},
    "province": {"vi": "Tỉnh, thành phố", "en": "Province"},
    "with_rank": {"vi": "Có xếp hạng", "en": "With rank"},
    "with_score": {"vi": "Có điểm", "en": "With score"},
    "score": {"vi": "Điểm", "en": "Score"},
    "rank": {"vi": "Xếp hạng", "en": "Rank"},
    "region": {"vi": "Vùng", "en": "Region"},
    # ---- data-file validation (validation.py, official.py): owned by the "validation" session ----
    # Problem messages follow "file:row: column 'x': value 'v': " (errors.DataProblem).
    "val_not_found": {"vi": "không tìm thấy tệp", "en": "file not found"},
    "val_is_dir": {"vi": "đây là thư mục, không phải tệp dữ liệu", "en": "a directory, not a data file"},
    "val_unreadable": {"vi": "không đọc được tệp ({reason})", "en": "cannot read the file ({reason})"},
    "val_empty_file": {"vi": "tệp rỗng", "en": "file is empty"},
    "val_binary": {"vi": "tệp nhị phân, không phải bảng CSV hay XLSX",
                   "en": "binary file, not a CSV or XLSX table"},
    "val_not_utf8": {"vi": "không phải văn bản UTF-8; hãy lưu tệp dạng CSV UTF-8",
                     "en": "not UTF-8 text; save the file as CSV UTF-8"},
    "val_old_xls": {"vi": "tệp Excel .xls cũ; hãy lưu lại dạng .xlsx hoặc CSV UTF-8",
                    "en": "old Excel .xls workbook; save it as .xlsx or CSV UTF-8"},
    "val_bad_xlsx": {"vi": "không đọc được tệp .xlsx (hỏng hoặc không phải .xlsx)",
                     "en": "not a readable .xlsx workbook (corrupt or another format)"},
    "val_bad_csv": {"vi": "CSV sai cấu trúc: dấu ngoặc kép không đóng hoặc có chữ ngay sau dấu ngoặc kép",
                    "en": "malformed CSV: a quote is not closed or is followed by text"},
    "val_no_rows": {"vi": "không có dòng dữ liệu nào dưới dòng tiêu đề", "en": "no data rows below the header"},
    "val_extra_cells": {"vi": "dòng có {n} ô nhưng tiêu đề chỉ có {m} cột",
                        "en": "row has {n} cells but the header has {m}"},
    "val_no_layout": {
        "vi": "không có cột nào quen thuộc; cần bảng dạng dài ({columns}) hoặc bảng chính thức của dti.gov.vn",
        "en": "no known columns; expected a tidy table ({columns}) or an official dti.gov.vn table"},
    "val_not_official": {"vi": "không phải bảng chính thức của dti.gov.vn (cần các cột {columns})",
                         "en": "not an official dti.gov.vn table (expected columns {columns})"},
    "val_missing_column": {"vi": "thiếu cột", "en": "missing column"},
    "val_unknown_column": {"vi": "cột không rõ; các cột hợp lệ: {known}",
                           "en": "unknown column; expected one of: {known}"},
    "val_unknown_column_close": {"vi": "cột không rõ; có phải là '{close}'?",
                                 "en": "unknown column; did you mean '{close}'?"},
    "val_duplicate_column": {"vi": "cột trùng với cột '{other}'", "en": "same column as '{other}'"},
    "val_no_year": {
        "vi": "không rõ năm đánh giá: dùng --year NĂM, thêm cột 'Năm' (year) hoặc ghi năm vào tên tệp",
        "en": "no assessment year: pass --year YEAR, add a 'year' (Năm) column, or put the year in the file name"},
    "val_name_years": {"vi": "tên tệp có nhiều năm ({years}); dùng --year NĂM",
                       "en": "the file name holds several years ({years}); pass --year YEAR"},
    "val_year_range": {"vi": "năm phải từ 2020 đến năm hiện tại",
                       "en": "year must be between 2020 and the current year"},
    "val_year_conflict": {"vi": "khác với năm đã chỉ định ({year})", "en": "differs from the year given ({year})"},
    "val_empty_value": {"vi": "ô trống", "en": "empty value"},
    "val_not_integer": {"vi": "không phải số nguyên", "en": "not a whole number"},
    "val_not_number": {"vi": "không phải số", "en": "not a number"},
    "val_unit_set": {"vi": "bộ đơn vị phải là 63 hoặc 34", "en": "unit set must be 63 or 34"},
    "val_unknown_province": {"vi": "không rõ tỉnh; gần nhất: {matches}",
                             "en": "unknown province; closest matches: {matches}"},
    "val_unknown_province_none": {"vi": "không rõ tỉnh; không có tên nào gần giống",
                                  "en": "unknown province; no close match"},
    "val_merged_province": {"vi": "tỉnh cũ, đã sáp nhập vào {successor} năm 2025; bộ 34 đơn vị dùng các đơn vị mới",
                            "en": "a former province, merged into {successor} in 2025; the 34-unit set has the new units"},
    "val_ambiguous_province": {"vi": "tên tỉnh không rõ ràng; có thể là: {matches}",
                               "en": "ambiguous province; could be: {matches}"},
    "val_national_row": {"vi": "đây là trung bình cả nước, không phải một tỉnh; để số liệu cả nước riêng",
                         "en": "a national mean, not a province; keep national means out of province tables"},
    "val_code_mismatch": {"vi": "mã tỉnh không khớp với tỉnh '{province}' (mã {code})",
                          "en": "does not match the province '{province}' (code {code})"},
    "val_unknown_metric": {"vi": "chỉ số không rõ; các chỉ số hợp lệ: {known}",
                           "en": "unknown metric; expected one of: {known}"},
    "val_no_value": {"vi": "dòng không có cả điểm lẫn xếp hạng", "en": "row has neither a score nor a rank"},
    "val_score_range": {"vi": "điểm ngoài khoảng 0..1", "en": "score outside 0..1"},
    "val_score_1000": {
        "vi": "điểm theo thang 1000; hãy chia cho 1000, hoặc khai báo thang điểm bằng cột 'scale' = 1000",
        "en": "score on the 1000-point scale; divide it by 1000, or declare the scale with a 'scale' column of 1000"},
    "val_score_range_1000": {"vi": "điểm ngoài khoảng 0..1000 (đã khai báo thang 1000)",
                             "en": "score outside 0..1000 (declared 1000-point scale)"},
    "val_scale": {"vi": "thang điểm phải là 1 hoặc 1000", "en": "scale must be 1 or 1000"},
    "val_rank_range": {"vi": "xếp hạng ngoài khoảng 1..{n}", "en": "rank outside 1..{n}"},
    "val_doubtful": {"vi": "cột doubtful chỉ nhận true hoặc false", "en": "doubtful must be true or false"},
    "val_markup": {"vi": "có mã đánh dấu ({markup}) trong ô chữ", "en": "markup ({markup}) in a text field"},
    "val_control": {"vi": "có ký tự điều khiển hoặc ký tự ẩn {char} trong ô chữ",
                    "en": "control or invisible character {char} in a text field"},
    "val_duplicate_row": {"vi": "trùng dòng {line}: cùng tỉnh, năm và chỉ số",
                          "en": "duplicate of line {line}: same province, year and metric"},
    "val_rank_order": {"vi": "xếp hạng mâu thuẫn với điểm: dòng {line} điểm thấp hơn ({score}) nhưng hạng cao hơn ({rank})",
                       "en": "rank contradicts the scores: line {line} has a lower score ({score}) but a better rank ({rank})"},
    "val_rank_tie": {"vi": "xếp hạng mâu thuẫn với điểm: dòng {line} cùng điểm nhưng hạng {rank}; cùng điểm thì cùng hạng",
                     "en": "rank contradicts the scores: line {line} has the same score but rank {rank}; ties share a rank"},
    "val_dti_2020": {
        "vi": "DTI 2020 phải bằng 0,4·CQS + 0,3·KTS + 0,3·XHS = {expected} (dòng {lines}); lệch {diff}",
        "en": "2020 DTI should equal 0.4·CQS + 0.3·KTS + 0.3·XHS = {expected} (lines {lines}); off by {diff}"},
    "val_rank_score_cell": {"vi": "cần dạng 'hạng (điểm)', ví dụ '1 (0,6419)'",
                            "en": "expected 'rank (score)', e.g. '1 (0,6419)'"},
    # A data note (kept in the table's English "note" column, like the notes build.py writes).
    "val_note_1000": {"vi": "công bố theo thang 1000 ({value}), đã đổi sang 0..1",
                      "en": "published on the 1000-point scale ({value}), converted to 0..1"},
    # ---- end of data-file validation block ----
    # ---- province report (report.py, charts.py, render.py): owned by the "report" session ----
    "report_title": {"vi": "Chỉ số chuyển đổi số {year}: {name}", "en": "Digital Transformation Index {year}: {name}"},
    "report_subtitle": {"vi": "{region} · năm đánh giá {year}", "en": "{region} · assessment year {year}"},
    "report_lede": {
        "vi": "Báo cáo chỉ số chuyển đổi số cấp tỉnh (DTI) do Bộ Thông tin và Truyền thông công bố, lập từ các số "
              "liệu đã công bố, mỗi số liệu kèm nguồn. Số liệu chưa công bố được ghi rõ, không ước tính.",
        "en": "A report on the provincial Digital Transformation Index (DTI) published by the Ministry of "
              "Information and Communications, built from published figures only, each with its source. "
              "Figures that were not published are said to be so, never estimated."},
    "running_header": {"vi": "{name} · DTI {year}", "en": "{name} · DTI {year}"},
    "toc": {"vi": "Mục lục", "en": "Contents"},
    "page": {"vi": "Trang", "en": "Page"},
    "sec_headline": {"vi": "1. Tóm tắt", "en": "1. Headline"},
    "sec_scorecard": {"vi": "2. Các trụ cột và chỉ số thành phần", "en": "2. Pillar scorecard"},
    "sec_peers": {"vi": "3. So sánh với các tỉnh tương đồng", "en": "3. Peers"},
    "sec_country": {"vi": "4. Vị trí trên cả nước", "en": "4. Position in the country"},
    "sec_trend": {"vi": "5. Diễn biến qua các năm", "en": "5. Trend"},
    "sec_strengths": {"vi": "6. Điểm mạnh và điểm yếu", "en": "6. Strengths and weaknesses"},
    "sec_notes": {"vi": "7. Ghi chú về số liệu", "en": "7. Data notes"},
    "doubtful_intro": {"vi": "Số liệu đáng ngờ, giữ nguyên như nguồn công bố:",
                       "en": "Doubtful figure, kept as the source prints it:"},
    "rank_up": {"vi": "tăng {k} bậc", "en": "up {k} places"},
    "rank_down": {"vi": "giảm {k} bậc", "en": "down {k} places"},
    "rank_same": {"vi": "giữ nguyên thứ hạng", "en": "same rank"},
    "rank_n": {"vi": "hạng {rank}", "en": "rank {rank}"},
    "no_prev": {"vi": "chưa có năm trước", "en": "no earlier figure"},
    "not_comparable": {"vi": "không so sánh được", "en": "not comparable"},
    "since_year": {"vi": "so với năm {year}", "en": "since {year}"},
    "this_province": {"vi": "chính tỉnh này", "en": "this province"},
    "kpi_score": {"vi": "Điểm DTI", "en": "DTI score"},
    "kpi_rank": {"vi": "Xếp hạng DTI", "en": "DTI rank"},
    "kpi_change": {"vi": "Thay đổi", "en": "Change"},
    "hl_score_rank": {"vi": "Năm {year}, {name} đạt {score} điểm DTI, xếp hạng {rank}.",
                      "en": "In {year}, {name} scored {score} on the DTI and ranked {rank}."},
    "hl_rank_only": {"vi": "Năm {year}, {name} xếp hạng {rank}; điểm DTI chưa có số liệu công bố.",
                     "en": "In {year}, {name} ranked {rank}; its DTI score is not published."},
    "hl_score_only": {"vi": "Năm {year}, {name} đạt {score} điểm DTI; thứ hạng chưa có số liệu công bố.",
                      "en": "In {year}, {name} scored {score} on the DTI; its rank is not published."},
    "hl_none": {"vi": "Năm {year}, điểm và thứ hạng DTI của {name} chưa có số liệu công bố.",
                "en": "For {year}, neither the DTI score nor the DTI rank of {name} is published."},
    "hl_no_prev": {"vi": "Không có năm trước nào có số liệu DTI công bố, nên chưa thể so sánh.",
                   "en": "No earlier year has a published DTI figure, so no change can be shown."},
    "hl_rank_change": {"vi": "So với năm {prev_year} (hạng {prev}), tỉnh {move}.",
                       "en": "Compared with {prev_year} (rank {prev}), it moved {move}."},
    "hl_score_change": {"vi": "Điểm DTI thay đổi {delta} so với năm {prev_year} ({prev}); điểm của các năm không "
                              "hoàn toàn so sánh được vì phương pháp đánh giá thay đổi, thứ hạng phản ánh vị trí "
                              "tương đối rõ hơn.",
                        "en": "The DTI score changed by {delta} since {prev_year} ({prev}); scores of different "
                              "years are not strictly comparable as the method changes, so the rank is the "
                              "better guide."},
    "hl_prev_not_comparable": {
        "vi": "Năm {prev_year} có số liệu ({prev}) nhưng không cùng loại với năm nay, nên chưa thể so sánh.",
        "en": "{prev_year} has a figure ({prev}) but not one comparable with this year's, so no change is shown."},
    "hl_merged": {"vi": "Từ ngày 1/7/2025, {name} thuộc {successor} (hợp nhất từ {members}).",
                  "en": "Since 1 July 2025, {name} has been part of {successor} (merged from {members})."},
    "hl_not_merged": {"vi": "{name} giữ nguyên đơn vị hành chính sau sắp xếp ngày 1/7/2025.",
                      "en": "{name} was not merged in the reorganisation of 1 July 2025."},
    "hl_successor_figure": {"vi": "Trong bảng xếp hạng {year} của 34 tỉnh, thành phố mới, {successor}: điểm DTI "
                                  "{score}, xếp hạng {rank}.",
                            "en": "In the {year} ranking of the 34 new units, {successor}: DTI score {score}, "
                                  "rank {rank}."},
    "dn_successor_caption": {"vi": "DTI của {successor} trong bảng xếp hạng 34 tỉnh, thành phố sau sắp xếp",
                             "en": "DTI of {successor} in the ranking of the 34 units after the merger"},
    "hl_mean": {"vi": "Trung bình cả nước năm {year}: {mean}.", "en": "The national mean in {year} was {mean}."},
    "hl_mean_np": {"vi": "Trung bình cả nước năm {year}: chưa có số liệu công bố.",
                   "en": "The national mean for {year} is not published."},
    "hl_doubtful": {"vi": "Lưu ý: số liệu này đáng ngờ ({note}).", "en": "Note: this figure is doubtful ({note})."},
    "col_change": {"vi": "Thay đổi (năm so sánh)", "en": "Change (since)"},
    "col_region_median": {"vi": "Trung vị vùng", "en": "Region median"},
    "col_leader": {"vi": "Dẫn đầu", "en": "Leader"},
    "col_gap": {"vi": "Cách dẫn đầu", "en": "Gap to leader"},
    "col_overall_rank": {"vi": "Hạng DTI chung", "en": "Overall DTI rank"},
    "col_difference": {"vi": "Chênh lệch (bậc)", "en": "Difference (places)"},
    "col_verdict": {"vi": "Đánh giá", "en": "Verdict"},
    "col_note": {"en": "Note", "vi": "Ghi chú"},
    "too_few_published": {"en": "too few published (n={n})", "vi": "quá ít số liệu công bố (n={n})"},
    "col_sources": {"vi": "Nguồn", "en": "Sources"},
    "col_source": {"vi": "Nguồn", "en": "Source"},
    "col_figures": {"vi": "Số liệu lấy từ nguồn này", "en": "Figures taken from it"},
    "col_parameter": {"vi": "Tham số", "en": "Parameter"},
    "col_value": {"vi": "Giá trị", "en": "Value"},
    "sc_intro": {
        "vi": "Điểm và thứ hạng năm {year} của từng trụ cột và chỉ số thành phần, thay đổi so với năm gần nhất "
              "có số liệu, trung bình cả nước, trung vị các tỉnh cùng vùng {region} (chỉ tính số liệu đã công "
              "bố, n là số tỉnh) và tỉnh dẫn đầu.",
        "en": "Score and rank in {year} for each pillar and main index, the change since the latest earlier "
              "published figure, the national mean, the median of the {region} provinces (published figures "
              "only; n counts them) and the leader."},
    "sc_caption": {"vi": "Bảng điểm {name}, năm {year}", "en": "Scorecard of {name}, {year}"},
    "sc_indices_np": {"vi": "Các chỉ số thành phần chưa có số liệu công bố cho năm {year}: {names}.",
                      "en": "Main indices not published for {year}: {names}."},
    "sc_indices_from_2021": {"vi": "Tám chỉ số chính được đánh giá từ năm 2021.",
                             "en": "The eight main indices are assessed from 2021 on."},
    "peers_rule_region": {"vi": "Các tỉnh so sánh: những tỉnh, thành phố cùng vùng {region}.",
                          "en": "Peers: the other provinces and cities of the {region} region."},
    "peers_rule_rank": {"vi": "Các tỉnh so sánh: những tỉnh có thứ hạng DTI trong khoảng ±{k} bậc quanh tỉnh này.",
                        "en": "Peers: the provinces ranked within ±{k} places of this province's DTI rank."},
    "peers_rule_profile": {
        "vi": "Các tỉnh so sánh: {k} tỉnh gần nhất theo điểm ba trụ cột (chỉ những tỉnh có đủ ba điểm công bố).",
        "en": "Peers: the {k} provinces nearest in the three pillar scores (only provinces with all three "
              "scores published)."},
    "peers_fallback_no_rank": {"vi": "Tỉnh này chưa có thứ hạng DTI công bố năm nay, nên dùng các tỉnh cùng vùng.",
                               "en": "This province has no published DTI rank this year, so its region is used."},
    "peers_fallback_no_scores": {
        "vi": "Tỉnh này chưa có đủ điểm ba trụ cột công bố năm nay, nên dùng các tỉnh cùng vùng.",
        "en": "This province lacks published pillar scores this year, so its region is used."},
    "peers_name_region": {"vi": "cùng vùng", "en": "same region"},
    "peers_name_rank": {"vi": "thứ hạng lân cận", "en": "rank neighbours"},
    "peers_name_profile": {"vi": "hồ sơ gần nhất", "en": "nearest profile"},
    "peers_caption": {"vi": "Tỉnh này và {n} tỉnh so sánh, năm {year}", "en": "This province and {n} peers, {year}"},
    "peers_cell_help": {"vi": "Mỗi ô: điểm (thứ hạng trên 63).", "en": "Each cell: score (rank of 63)."},
    "peers_fig_caption": {"vi": "Thứ hạng năm {year} của tỉnh và các tỉnh so sánh (hạng 1 ở bên trái).",
                          "en": "Ranks in {year} of the province and its peers (rank 1 on the left)."},
    "peers_no_chart": {"vi": "Năm {year} chưa có thứ hạng công bố cho các tỉnh này, nên không có biểu đồ.",
                       "en": "No rank is published for these provinces in {year}, so there is no chart."},
    "peers_without_rank": {"vi": "Chưa có thứ hạng công bố năm {year}: {names}.",
                           "en": "No rank published in {year} for: {names}."},
    "alt_peers": {"vi": "Biểu đồ điểm thứ hạng năm {year} của {name} và các tỉnh so sánh: {items}.",
                  "en": "Dot plot of {year} ranks of {name} and its peers: {items}."},
    "country_coverage": {
        "vi": "Năm {year}, {n_rank}/{n} tỉnh, thành phố có thứ hạng DTI công bố và {n_score}/{n} có điểm công bố.",
        "en": "For {year}, {n_rank} of {n} provinces and cities have a published DTI rank and {n_score} a "
              "published score."},
    "country_focus": {"vi": "{name} xếp hạng {rank} năm {year}.", "en": "{name} ranked {rank} in {year}."},
    "country_tied": {"vi": "Đồng hạng với: {names}.", "en": "Tied with: {names}."},
    "country_focus_np": {"vi": "Thứ hạng DTI năm {year} của {name}: chưa có số liệu công bố.",
                         "en": "The {year} DTI rank of {name} is not published."},
    "country_no_chart": {"vi": "Năm {year} chưa có thứ hạng DTI công bố, nên không có biểu đồ.",
                         "en": "No DTI rank is published for {year}, so there is no chart."},
    "ladder_caption": {"vi": "Thứ hạng DTI {year} của các tỉnh có số liệu công bố; tỉnh đồng hạng xếp chồng.",
                       "en": "DTI ranks {year} of every province with a published rank; ties are stacked."},
    "alt_ladder": {
        "vi": "Biểu đồ thứ hạng DTI năm {year} của {n} tỉnh có số liệu. {name}: {rank}. Dẫn đầu: {top}. "
              "Các tỉnh so sánh: {peers}.",
        "en": "Chart of the {year} DTI ranks of the {n} provinces with a published rank. {name}: {rank}. "
              "Top: {top}. Peers: {peers}."},
    "map_caption": {"vi": "Bản đồ ô 63 tỉnh, thành phố theo thứ hạng DTI {year} (màu đậm = hạng cao).",
                    "en": "Tile map of the 63 provinces by DTI rank {year} (darker = better rank)."},
    "alt_map": {
        "vi": "Bản đồ ô Việt Nam, mỗi ô một tỉnh tô màu theo thứ hạng DTI năm {year}; {n} tỉnh có thứ hạng, "
              "các ô gạch chéo chưa có số liệu công bố. {name} ({rank}) được viền đậm.",
        "en": "Tile map of Vietnam, one tile per province coloured by its {year} DTI rank; {n} provinces have a "
              "rank, hatched tiles are not published. {name} ({rank}) is outlined."},
    "trend_intro": {
        "vi": "Thứ hạng DTI và ba trụ cột qua các năm đánh giá (hạng 1 ở trên cùng). Điểm các năm tính theo "
              "phương pháp khác nhau nên so sánh thứ hạng; năm không có số liệu để trống, không nối.",
        "en": "DTI and pillar ranks per assessment year (rank 1 at the top). Scores of different years follow "
              "different methods, so ranks are compared; a year without figures is left as a gap, never joined."},
    "trend_caption": {"vi": "Thứ hạng qua các năm; cột xám: năm chưa có số liệu công bố.",
                      "en": "Ranks per year; grey columns: years not published."},
    "trend_one_year": {"vi": "Chỉ có số liệu thứ hạng năm {year}, nên chưa vẽ được diễn biến.",
                       "en": "Ranks are published for {year} only, so no trend can be drawn."},
    "trend_no_rank": {"vi": "Chưa có thứ hạng nào được công bố, nên chưa vẽ được diễn biến.",
                      "en": "No rank is published for any year, so no trend can be drawn."},
    "trend_missing_years": {"vi": "Chưa có số liệu thứ hạng công bố cho các năm: {years}.",
                            "en": "No rank published for: {years}."},
    "trend_table_caption": {"vi": "Điểm (thứ hạng) của {name} qua các năm", "en": "Score (rank) of {name} per year"},
    "alt_trend": {"vi": "Biểu đồ đường thứ hạng của {name} từ {first} đến {last}: {series}.",
                  "en": "Line chart of the ranks of {name} from {first} to {last}: {series}."},
    "chart_np_short": {"vi": "chưa công bố", "en": "not published"},
    "chart_rank_axis": {"vi": "Thứ hạng (1 = cao nhất)", "en": "Rank (1 = best)"},
    "chart_rank_axis_better_left": {"vi": "Thứ hạng trên 63 (1 = cao nhất)", "en": "Rank of 63 (1 = best)"},
    "chart_peers": {"vi": "Tỉnh so sánh", "en": "Peers"},
    "chart_other_provinces": {"vi": "Các tỉnh khác", "en": "Other provinces"},
    "chart_dti_rank": {"vi": "Hạng DTI", "en": "DTI rank"},
    "chart_focus": {"vi": "Tỉnh báo cáo", "en": "This province"},
    "sw_rule": {
        "vi": "Quy tắc: một trụ cột hoặc chỉ số là điểm mạnh khi thứ hạng của nó cao hơn thứ hạng DTI chung ít "
              "nhất {margin} bậc, là điểm yếu khi thấp hơn ít nhất {margin} bậc; chỉ so sánh các thứ hạng đã "
              "công bố.",
        "en": "Rule: a pillar or index is a strength when it ranks at least {margin} places better than the "
              "overall DTI rank, a weakness when at least {margin} places worse; only published ranks are "
              "compared."},
    "sw_no_overall": {"vi": "Thứ hạng DTI chung năm {year} chưa có số liệu công bố, nên chưa thể so sánh.",
                      "en": "The overall DTI rank for {year} is not published, so nothing can be compared."},
    "sw_nothing": {
        "vi": "Năm {year} (hạng DTI {rank}), chưa có thứ hạng trụ cột hay chỉ số nào được công bố để so sánh.",
        "en": "For {year} (DTI rank {rank}), no pillar or index rank is published to compare with."},
    "sw_strengths": {"vi": "Điểm mạnh: {names}.", "en": "Strengths: {names}."},
    "sw_weaknesses": {"vi": "Điểm yếu: {names}.", "en": "Weaknesses: {names}."},
    "sw_in_line": {"vi": "Tương đương thứ hạng chung: {names}.", "en": "In line with the overall rank: {names}."},
    "sw_none": {"vi": "không có", "en": "none"},
    "sw_caption": {"vi": "Thứ hạng trụ cột và chỉ số so với hạng DTI chung, {name} {year}",
                   "en": "Pillar and index ranks against the overall DTI rank, {name} {year}"},
    "verdict_strength": {"vi": "điểm mạnh", "en": "strength"},
    "verdict_weakness": {"vi": "điểm yếu", "en": "weakness"},
    "verdict_in_line": {"vi": "tương đương", "en": "in line"},
    "dn_sources": {"vi": "Nguồn của từng số liệu", "en": "Sources of every figure"},
    "dn_sources_intro": {
        "vi": "Mọi số liệu trong báo cáo được đọc từ các trang công khai; số trong ngoặc vuông dẫn tới danh "
              "sách nguồn bên dưới. Số liệu của {name}:",
        "en": "Every figure in this report was read off a public page; the numbers in brackets lead to the "
              "list of sources below. The figures of {name}:"},
    "dn_own_caption": {"vi": "Số liệu đã công bố của {name}", "en": "Published figures of {name}"},
    "dn_national_caption": {"vi": "Trung bình cả nước năm {year}", "en": "National means {year}"},
    "dn_others_intro": {
        "vi": "Số liệu của các tỉnh khác dùng trong báo cáo (tỉnh so sánh, tỉnh dẫn đầu, biểu đồ và bản đồ cả "
              "nước), theo nguồn:",
        "en": "Figures of other provinces used in this report (peers, leaders, the country chart and map), by "
              "source:"},
    "dn_others_caption": {"vi": "Số liệu các tỉnh khác, năm {year}", "en": "Other provinces' figures, {year}"},
    "col_n_provinces": {"vi": "Số tỉnh", "en": "Provinces"},
    "peers_nothing": {"vi": "Chưa có số liệu công bố năm {year} cho: {names}.",
                      "en": "Nothing published for {year} for: {names}."},
    "dn_reflist": {"vi": "Danh sách nguồn", "en": "List of sources"},
    "no_source": {"vi": "không có nguồn", "en": "no source"},
    "dn_missing": {"vi": "Số liệu chưa công bố", "en": "What is not published"},
    "dn_missing_intro": {
        "vi": "Những gì đã và chưa được công bố cho {name} theo từng năm ({n} ô chưa có số liệu công bố). Không "
              "có số liệu nào được ước tính hay nội suy.",
        "en": "What is and is not published for {name}, year by year ({n} cells not published). No figure is "
              "estimated or interpolated."},
    "dn_missing_caption": {"vi": "Mức độ công bố số liệu của {name}", "en": "Published figures of {name} by year"},
    "miss_both": {"vi": "điểm và hạng", "en": "score and rank"},
    "miss_rank_only": {"vi": "chỉ có hạng", "en": "rank only"},
    "miss_score_only": {"vi": "chỉ có điểm", "en": "score only"},
    "miss_not_assessed": {"vi": "chưa đánh giá", "en": "not assessed"},
    "dn_method": {"vi": "Phương pháp", "en": "Method"},
    "method_source": {
        "vi": "DTI do Bộ Thông tin và Truyền thông (từ năm 2025 là Bộ Khoa học và Công nghệ) đánh giá hằng năm và "
              "công bố tại dti.gov.vn; năm trong báo cáo là năm đánh giá, không phải năm công bố.",
        "en": "The DTI is assessed yearly by the Ministry of Information and Communications (from 2025 the "
              "Ministry of Science and Technology) and published at dti.gov.vn; a report's year is the "
              "assessment year, not the year of publication."},
    "method_2020": {
        "vi": "Năm 2020: DTI = 0,4 × Chính quyền số + 0,3 × Kinh tế số + 0,3 × Xã hội số (thang 1000 điểm chia "
              "400/300/300).",
        "en": "2020: DTI = 0.4 × digital government + 0.3 × digital economy + 0.3 × digital society (a "
              "1000-point scale split 400/300/300)."},
    "method_2021": {
        "vi": "Từ năm 2021: DTI được tính từ 9 chỉ số chính (6 chỉ số nền tảng và 3 chỉ số hoạt động); điểm ba "
              "trụ cột vẫn được công bố nhưng DTI không còn là tổng có trọng số của chúng.",
        "en": "From 2021: the DTI is built from 9 main indices (6 foundation and 3 activity indices); the "
              "pillar scores are still published, but the DTI is no longer their weighted sum."},
    "method_ranks": {"vi": "Thứ hạng trên 63 tỉnh, thành phố; các tỉnh đồng điểm đồng hạng.",
                     "en": "Ranks are out of 63 provinces and cities; ties share a rank."},
    "method_stats": {
        "vi": "Trung vị vùng và tỉnh dẫn đầu chỉ tính từ số liệu đã công bố (số liệu đáng ngờ không tính vào "
              "trung vị); trung vị vùng chỉ được tính khi vùng có ít nhất 3 điểm số đã công bố.",
        "en": "Region medians and leaders use published figures only (doubtful figures are left out of "
              "medians); a region median is given only where at least 3 scores of the region are published."},
    "method_peers": {
        "vi": "Điểm mạnh, điểm yếu: chênh lệch ít nhất {margin} bậc so với thứ hạng DTI chung.",
        "en": "Strengths and weaknesses: a difference of at least {margin} places from the overall DTI rank."},
    "method_honesty": {
        "vi": "Số liệu chưa công bố được để trống và ghi rõ, không bao giờ được điền, ước tính hay nội suy; số "
              "liệu đáng ngờ được giữ nguyên như nguồn và đánh dấu †.",
        "en": "Figures not published stay missing and are said to be so; none is filled, estimated or "
              "interpolated. Doubtful figures are kept as their source prints them and marked †."},
    "dn_params": {"vi": "Phiên bản số liệu và tham số", "en": "Data version and parameters"},
    "embedded_data": {"vi": "bộ số liệu đi kèm (data/dti.csv)", "en": "embedded data (data/dti.csv)"},
    "param_province": {"vi": "Tỉnh (province)", "en": "Province (province)"},
    "param_year": {"vi": "Năm (year)", "en": "Year (year)"},
    "param_year_latest": {"vi": "{year} (mặc định: năm gần nhất có số liệu)",
                          "en": "{year} (default: the latest year with data)"},
    "param_lang": {"vi": "Ngôn ngữ (lang)", "en": "Language (lang)"},
    "param_peers": {"vi": "Cách chọn tỉnh so sánh (peers)", "en": "Peer strategy (peers)"},
    "param_data": {"vi": "Tệp số liệu (data_path)", "en": "Data file (data_path)"},
    "param_version": {"vi": "Phiên bản số liệu (mã băm)", "en": "Data version (content hash)"},
    "param_software": {"vi": "Phần mềm", "en": "Software"},
    # report: marking doubtful figures in changes, charts and the successor's figures (report.py, charts.py)
    "doubt_change": {"vi": "Thay đổi {prev_year}–{year} ({what})", "en": "Change {prev_year}–{year} ({what})"},
    "doubt_gap": {"vi": "Cách dẫn đầu ({what})", "en": "Gap to leader ({what})"},
    "alt_doubtful": {"vi": "Số liệu đáng ngờ (†): {items}.", "en": "Doubtful figures (†): {items}."},
    # ---- end of province report block ----
    # ---- batch: index page (index_page.py) and national overview (overview.py): owned by the "batch" session ----
    "idx_title": {"vi": "Báo cáo Chỉ số chuyển đổi số cấp tỉnh (DTI)", "en": "Provincial Digital Transformation Index (DTI) reports"},
    "idx_lede": {
        "vi": "{n} báo cáo tỉnh, thành phố, lập từ số liệu DTI đã công bố. Số liệu chưa công bố được ghi rõ, không ước tính.",
        "en": "{n} province reports, built from the published DTI figures. Figures not published are said to be so, never estimated."},
    "idx_caption": {"vi": "Các tỉnh, thành phố: năm của báo cáo, điểm và xếp hạng DTI",
                    "en": "Provinces: report year, DTI score and rank"},
    "idx_search": {"vi": "Tìm tỉnh, thành phố (có dấu hoặc không dấu)", "en": "Search a province (with or without diacritics)"},
    "idx_filter_region": {"vi": "Lọc theo vùng", "en": "Filter by region"},
    "idx_region_all": {"vi": "Tất cả các vùng", "en": "All regions"},
    "idx_count": {"vi": "Đang hiển thị {n}/{total} dòng", "en": "Showing {n} of {total} rows"},
    "idx_reports": {"vi": "Báo cáo", "en": "Reports"},
    "idx_link": {"vi": "{format} ({report_lang})", "en": "{format} ({report_lang})"},
    "idx_no_report": {"vi": "chưa có báo cáo", "en": "no report yet"},
    "idx_in_lang": {"vi": "Tiếng Việt", "en": "English"},
    "idx_overview": {"vi": "Tổng quan cả nước {year}", "en": "National overview {year}"},
    "idx_year_note": {
        "vi": "Năm: năm đánh giá của báo cáo; mặc định là năm gần nhất có số liệu công bố của từng tỉnh. "
              "Bấm vào tiêu đề cột để sắp xếp; ô chưa có số liệu luôn xếp cuối.",
        "en": "Year: the assessment year of the report; by default each province's latest year with published data. "
              "Click a column heading to sort; cells without a published figure always sort last."},
    # national overview (overview.py)
    "ov_title": {"vi": "Chỉ số chuyển đổi số {year}: tổng quan cả nước", "en": "Digital Transformation Index {year}: national overview"},
    "ov_subtitle": {"vi": "63 tỉnh, thành phố · năm đánh giá {year}", "en": "63 provinces · assessment year {year}"},
    "ov_header": {"vi": "Tổng quan cả nước · DTI {year}", "en": "National overview · DTI {year}"},
    "ov_lede": {
        "vi": "Tổng quan chỉ số chuyển đổi số cấp tỉnh (DTI) do Bộ Thông tin và Truyền thông công bố, chỉ từ các số liệu "
              "đã công bố. Số liệu chưa công bố được ghi rõ; không có số liệu nào được ước tính hay suy ra.",
        "en": "An overview of the provincial Digital Transformation Index (DTI) published by the Ministry of Information "
              "and Communications, from published figures only. What is not published is said to be so; nothing is "
              "estimated or derived."},
    "ov_sec_ranking": {"vi": "1. Bảng xếp hạng", "en": "1. Ranking"},
    "ov_sec_pillars": {"vi": "2. Phân bố điểm các trụ cột", "en": "2. Pillar score distributions"},
    "ov_sec_regions": {"vi": "3. So sánh các vùng", "en": "3. Regions compared"},
    "ov_sec_map": {"vi": "4. Bản đồ xếp hạng", "en": "4. Map of ranks"},
    "ov_sec_movers": {"vi": "5. Thay đổi thứ hạng lớn nhất", "en": "5. Biggest movers"},
    "ov_sec_coverage": {"vi": "6. Mức độ công bố số liệu", "en": "6. Coverage of published data"},
    "ov_sec_notes": {"vi": "7. Ghi chú về số liệu", "en": "7. Data notes"},
    "ov_rank_intro": {
        "vi": "Năm {year}, {n_rank}/{n} tỉnh, thành phố có thứ hạng DTI được công bố và {n_score}/{n} có điểm DTI.",
        "en": "For {year}, {n_rank} of {n} provinces have a published DTI rank and {n_score} of {n} a published DTI score."},
    "ov_rank_full_years": {"vi": "Năm có thứ hạng công bố cho cả 63 tỉnh, thành phố: {years}.",
                           "en": "Years with a published rank for all 63 provinces: {years}."},
    "ov_rank_caption": {"vi": "Xếp hạng DTI năm {year} (hạng trụ cột trên 63)",
                        "en": "DTI ranking {year} (pillar ranks out of 63)"},
    "ov_rank_nothing": {"vi": "Chưa có số liệu nào công bố năm {year} cho {n} tỉnh, thành phố: {names}.",
                        "en": "Nothing is published for {year} for {n} provinces: {names}."},
    "ov_pillar_rank": {"vi": "Hạng {pillar}", "en": "{pillar} rank"},
    "ov_pillars_intro": {
        "vi": "Mỗi chấm là một điểm trụ cột đã công bố ({n} điểm qua các năm); vạch ngang là trung vị của nhóm. "
              "Số điểm được công bố mỗi năm rất khác nhau, nên các nhóm nhỏ chỉ mang tính minh họa.",
        "en": "Each dot is one published pillar score ({n} across the years); the bar is the group's median. "
              "How many scores were published differs greatly from year to year, so small groups only illustrate."},
    "ov_pillars_none": {"vi": "Chưa có điểm trụ cột nào được công bố.", "en": "No pillar score is published."},
    "ov_pillars_caption": {"vi": "Điểm các trụ cột đã công bố, theo năm", "en": "Published pillar scores, by year"},
    "ov_pillars_table_caption": {"vi": "Số điểm trụ cột đã công bố và thống kê của chúng",
                                 "en": "Published pillar scores: count and statistics"},
    "ov_alt_pillars": {"vi": "Biểu đồ chấm điểm các trụ cột đã công bố theo năm; số điểm: {counts}.",
                       "en": "Dot chart of the published pillar scores by year; counts: {counts}."},
    "ov_pillar": {"vi": "Trụ cột", "en": "Pillar"},
    "ov_n_published": {"vi": "Số điểm công bố", "en": "Published"},
    "ov_median": {"vi": "Trung vị", "en": "Median"},
    "ov_min": {"vi": "Thấp nhất", "en": "Lowest"},
    "ov_max": {"vi": "Cao nhất", "en": "Highest"},
    "ov_regions_intro": {
        "vi": "Các vùng kinh tế - xã hội so sánh qua thứ hạng DTI năm {year} của các tỉnh, chỉ tính các thứ hạng đã "
              "công bố; mỗi vùng ghi rõ số tỉnh có thứ hạng.",
        "en": "The socio-economic regions compared by their provinces' DTI ranks in {year}, counting published ranks "
              "only; each region says how many of its provinces have one."},
    "ov_regions_caption": {"vi": "Các vùng năm {year}", "en": "Regions in {year}"},
    "ov_regions_fig_caption": {"vi": "Thứ hạng DTI năm {year} của các tỉnh theo vùng (vạch: trung vị; trong ngoặc: "
                                     "số tỉnh có thứ hạng/số tỉnh)",
                               "en": "DTI ranks in {year} by region (bar: median; in brackets: provinces with a "
                                     "rank/provinces)"},
    "ov_alt_regions": {"vi": "Biểu đồ chấm thứ hạng DTI năm {year} theo vùng; số tỉnh có thứ hạng: {items}.",
                       "en": "Dot chart of DTI ranks in {year} by region; provinces with a rank: {items}."},
    "ov_n_provinces": {"vi": "Số tỉnh", "en": "Provinces"},
    "ov_n_rank": {"vi": "Có thứ hạng", "en": "With a rank"},
    "ov_best": {"vi": "Cao nhất vùng", "en": "Best in region"},
    "ov_median_rank": {"vi": "Hạng trung vị", "en": "Median rank"},
    "ov_median_score": {"vi": "Điểm trung vị", "en": "Median score"},
    "ov_map_intro": {"vi": "Bản đồ ô của 63 tỉnh, thành phố tô màu theo thứ hạng DTI năm {year} ({n_rank}/{n} có "
                           "thứ hạng); ô gạch chéo là chưa có số liệu công bố.",
                     "en": "A tile map of the 63 provinces coloured by DTI rank in {year} ({n_rank} of {n} have one); "
                           "hatched tiles are not published."},
    "ov_map_caption": {"vi": "Thứ hạng DTI năm {year} trên bản đồ ô", "en": "DTI rank in {year}, tile map"},
    "ov_alt_map": {"vi": "Bản đồ ô 63 tỉnh, thành phố tô màu theo thứ hạng DTI năm {year}; {n_rank} tỉnh có thứ hạng.",
                   "en": "Tile map of the 63 provinces coloured by DTI rank in {year}; {n_rank} provinces have a rank."},
    "ov_movers_intro": {
        "vi": "Thay đổi thứ hạng DTI giữa hai năm đánh giá liền nhau, chỉ với các tỉnh có thứ hạng công bố ở cả hai "
              "năm; không suy ra thứ hạng nào.",
        "en": "DTI rank changes between consecutive assessment years, only for provinces whose rank is published in "
              "both years; no rank is derived."},
    "ov_movers_none": {"vi": "Đến năm {year}, chưa có tỉnh nào có thứ hạng công bố ở hai năm liền nhau.",
                       "en": "Up to {year}, no province has a published rank in two consecutive years."},
    "ov_movers_pair": {
        "vi": "{y0} → {y1}: {n} tỉnh có thứ hạng ở cả hai năm; {up} tăng hạng, {down} giảm hạng, {same} giữ nguyên.",
        "en": "{y0} → {y1}: {n} provinces have a rank in both years; {up} moved up, {down} down, {same} stayed."},
    "ov_movers_caption": {"vi": "Tăng và giảm hạng nhiều nhất (tối đa {k} tỉnh mỗi chiều)",
                          "en": "Biggest moves up and down (at most {k} provinces each way)"},
    "ov_movers_fig_caption": {"vi": "Thay đổi thứ hạng {y0} → {y1} của {n} tỉnh có thứ hạng ở cả hai năm",
                              "en": "Rank change {y0} → {y1} of the {n} provinces ranked in both years"},
    "ov_alt_movers": {"vi": "Biểu đồ thanh thay đổi thứ hạng DTI {y0} → {y1}: {items}.",
                      "en": "Bar chart of DTI rank changes {y0} → {y1}: {items}."},
    "ov_years": {"vi": "Các năm", "en": "Years"},
    "ov_direction": {"vi": "Chiều", "en": "Direction"},
    "ov_up": {"vi": "tăng hạng", "en": "up"},
    "ov_down": {"vi": "giảm hạng", "en": "down"},
    "ov_rank_from": {"vi": "Hạng trước", "en": "Rank before"},
    "ov_rank_to": {"vi": "Hạng sau", "en": "Rank after"},
    "ov_change": {"vi": "Thay đổi (bậc)", "en": "Change (places)"},
    "ov_cov_intro": {
        "vi": "Số tỉnh, thành phố (trên {n}) có từng loại số liệu được công bố mỗi năm: báo cáo này chỉ dùng các số "
              "liệu đó.",
        "en": "How many of the {n} provinces have each kind of figure published, per year: this report uses only "
              "those."},
    "ov_cov_caption": {"vi": "Số liệu đã công bố theo năm (số tỉnh trên {n})",
                       "en": "Published figures per year (provinces out of {n})"},
    "ov_cov_dti_rank": {"vi": "Thứ hạng DTI", "en": "DTI rank"},
    "ov_cov_dti_score": {"vi": "Điểm DTI", "en": "DTI score"},
    "ov_cov_pillar_rank": {"vi": "Hạng trụ cột", "en": "Pillar rank"},
    "ov_cov_pillar_score": {"vi": "Điểm trụ cột", "en": "Pillar score"},
    "ov_cov_index_any": {"vi": "Chỉ số thành phần", "en": "Main indices"},
    "ov_cov_fig_caption": {"vi": "Số tỉnh có số liệu công bố, theo năm", "en": "Provinces with published figures, by year"},
    "ov_alt_coverage": {"vi": "Biểu đồ cột số tỉnh có số liệu công bố theo năm (thứ hạng/điểm DTI): {items}.",
                        "en": "Bar chart of provinces with published figures per year (DTI rank/score): {items}."},
    "ov_yes": {"vi": "có", "en": "yes"},
    "ov_no": {"vi": "không", "en": "no"},
    "ov_method_published": {
        "vi": "Mọi con số trong tổng quan là số liệu đã công bố của Bộ, đọc từ các trang nguồn bên dưới.",
        "en": "Every figure in this overview is one the ministry published, read from the source pages below."},
    "ov_method_movers": {
        "vi": "Thay đổi thứ hạng chỉ được tính khi thứ hạng của cả hai năm đều được công bố; thứ hạng không bao giờ "
              "được suy ra từ điểm hay từ câu chữ như \"tăng 5 bậc\".",
        "en": "A rank change is shown only where both years' ranks are published; a rank is never derived from "
              "scores or from wording such as \"up 5 places\"."},
    "ov_method_stats": {
        "vi": "Trung vị, cao nhất và thấp nhất chỉ tính trên các số liệu đã công bố, kèm số lượng.",
        "en": "Medians, highest and lowest values rest on the published figures only, with their count."},
    "ov_sources_intro": {"vi": "Các trang nguồn của điểm và thứ hạng DTI, trụ cột năm {year} ({n} trang).",
                         "en": "Source pages of the DTI and pillar scores and ranks of {year} ({n} pages)."},
    "ov_param_year_latest": {"vi": "{year} (mặc định: năm đánh giá gần nhất)",
                             "en": "{year} (default: the latest assessment year)"},
    "ov_chart_score_axis": {"vi": "Điểm (0–1)", "en": "Score (0–1)"},
    "ov_chart_change_axis": {"vi": "Thay đổi thứ hạng (bậc; dương = tăng hạng)",
                             "en": "Rank change (places; positive = moved up)"},
    "ov_chart_n_provinces": {"vi": "Số tỉnh (trên {n})", "en": "Provinces (of {n})"},
    # overview: doubtful figures and the sources of every figure shown
    "ov_doubt_left_out": {"vi": "không tính vào thống kê", "en": "left out of the statistics"},
    "ov_method_doubtful": {
        "vi": "Số liệu đáng ngờ (†) được giữ nguyên như nguồn công bố, có chú thích, nhưng không tính vào trung vị, "
              "cao nhất, thấp nhất và tỉnh cao nhất vùng; trung vị điểm của một vùng cần ít nhất {n} điểm đã công bố.",
        "en": "Doubtful figures (†) are shown as the source prints them, with a note, but left out of medians, "
              "highest and lowest values and a region's best; a region's median score needs at least {n} "
              "published scores."},
    "ov_chart_doubtful": {"vi": "đáng ngờ (không tính trung vị)", "en": "doubtful (not in the median)"},
    "ov_sources_intro_all": {
        "vi": "Các trang nguồn của mọi con số trong tổng quan: điểm và thứ hạng DTI, trụ cột năm {year}, điểm trụ cột "
              "của mọi năm và các thứ hạng dùng cho thay đổi thứ hạng ({n} trang).",
        "en": "Source pages of every figure in this overview: the DTI and pillar scores and ranks of {year}, the "
              "pillar scores of every year and the ranks behind the rank changes ({n} pages)."},
    "idx_doubt_note": {"vi": "{name} {year}: {note}", "en": "{name} {year}: {note}"},
    # ---- end of batch block ----
    # --- dataset notes written by build.py (data/dti.csv `note` in English, `note_vi`) ---
    "bn_scale": {"en": "published on the 1000-point scale ({value}), converted to 0..1",
                 "vi": "công bố theo thang 1000 điểm ({value}), đã quy đổi về thang 0..1"},
    "bn_conflict": {"en": "sources disagree on the {field}: {described}; {why}",
                    "vi": "các nguồn không thống nhất về {field}: {described}; {why}"},
    "bn_field_score": {"en": "score", "vi": "điểm"},
    "bn_field_rank": {"en": "rank", "vi": "thứ hạng"},
    "bn_pages_1": {"en": "{value} (1 page: {urls})", "vi": "{value} (1 trang: {urls})"},
    "bn_pages_n": {"en": "{value} ({n} pages: {urls})", "vi": "{value} ({n} trang: {urls})"},
    "bn_kept_official": {"en": "dti.gov.vn value kept", "vi": "giữ giá trị của dti.gov.vn"},
    "bn_kept_majority": {"en": "value most pages give kept", "vi": "giữ giá trị được nhiều trang nêu nhất"},
    "bn_no_majority": {"en": "no majority, left empty", "vi": "không có đa số, để trống"},
    "bn_settled_tie": {"en": "rank 8 kept: it was a tie at 8, which a page counting positions prints as 9",
                       "vi": "giữ hạng 8: đây là đồng hạng 8, trang nguồn đếm theo vị trí nên ghi là 9"},
    "bn_doubt_typo": {"en": "digital society 0.1089 beside a 0.5638 total, likely a typo on the page",
                      "vi": "xã hội số 0,1089 bên cạnh tổng điểm 0,5638, có thể do lỗi đánh máy trên trang nguồn"},
    "bn_doubt_low": {"en": "digital society 0.4443 is too low for rank 18",
                     "vi": "điểm xã hội số 0,4443 quá thấp so với hạng 18"},
    "bn_doubt_mean": {"en": "0.3026 equals the 2020 national mean, on a page that also quotes "
                            "national figures",
                      "vi": "0,3026 trùng với trung bình cả nước năm 2020, trên một trang cũng trích "
                            "số liệu cả nước"},
    "bn_doubt_year": {"en": "the page credits the former ministry, so this may be the 2023 result",
                      "vi": "trang nguồn ghi tên bộ cũ, có thể đây là kết quả năm 2023"},
    "bn_two_decimals": {"en": "published with two decimals only", "vi": "chỉ công bố với hai chữ số thập phân"},
    "bn_score_1000_only": {"en": "the source gives the score on the 1000-point scale (541,46) only; score left empty",
                           "vi": "nguồn chỉ ghi điểm theo thang 1000 điểm (541,46); để trống điểm"},
}


def t(key: str, lang: str = DEFAULT_LANG, **fields: object) -> str:
    """Return the label ``key`` in ``lang``, with ``{placeholders}`` filled.

    >>> t("not_published", "en")
    'not published'
    >>> t("not_published")
    'chưa có số liệu công bố'
    """
    check_lang(lang)
    try:
        text = LABELS[key][lang]
    except KeyError:
        raise KeyError(f"no label '{key}' in dti_helpers.labels.LABELS") from None
    return text.format(**fields) if fields else text


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is a supported language, else raise ``ValueError``.

    >>> check_lang("en")
    'en'
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language '{lang}'; use one of: {', '.join(LANGS)}")
    return lang


def _locale(lang: str) -> str:
    return "vi_VN" if check_lang(lang) == "vi" else "en_US"


def _missing(value) -> bool:
    """True for anything pandas counts as missing (None, NaN, ``pd.NA``, ``NaT``): it is not published."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    import pandas as pd  # only here: labels stays cheap to import for the command line

    return bool(pd.api.types.is_scalar(value) and pd.isna(value))


def fmt_score(value: float | None, lang: str = DEFAULT_LANG, digits: int = 4) -> str:
    """Format a 0..1 score the way the ministry prints it (4 decimals).

    Missing values become the "not published" label, never a number.

    >>> fmt_score(0.3615)
    '0,3615'
    >>> fmt_score(0.3615, "en")
    '0.3615'
    >>> fmt_score(None, "en")
    'not published'
    >>> import pandas as pd
    >>> fmt_score(pd.NA, "en"), fmt_score(float("nan"), "en")
    ('not published', 'not published')
    """
    if _missing(value):
        return t("not_published", lang)
    pattern = "0." + "0" * digits
    return format_decimal(value, format=pattern, locale=_locale(lang))


def fmt_number(value: float, lang: str = DEFAULT_LANG, pattern: str = "#,##0.##") -> str:
    """Format any number with the language's separators.

    >>> fmt_number(1234.5)
    '1.234,5'
    >>> fmt_number(1234.5, "en")
    '1,234.5'
    """
    return format_decimal(value, format=pattern, locale=_locale(lang))


def fmt_rank(rank: float | int | None, of: int | None = 63, lang: str = DEFAULT_LANG) -> str:
    """Format a rank as "x/N" (or just "x" when ``of`` is None).

    >>> fmt_rank(10)
    '10/63'
    >>> fmt_rank(None, lang="en")
    'not published'
    >>> import pandas as pd
    >>> fmt_rank(pd.NA, lang="en"), fmt_rank(pd.Series([7], dtype="Int64")[0])
    ('not published', '7/63')
    """
    if _missing(rank):
        return t("not_published", lang)
    return f"{int(rank)}/{of}" if of else str(int(rank))
