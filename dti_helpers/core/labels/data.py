"""Labels of data-file validation (one problem per line) and of the dataset notes written by the build."""

LABELS: dict[str, dict[str, str]] = {
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
    "val_bad_csv_quote": {"vi": "CSV sai cấu trúc: dấu ngoặc kép không đóng hoặc có chữ ngay sau dấu ngoặc kép",
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
    "val_unsafe_url": {"vi": "nguồn phải là địa chỉ http hoặc https", "en": "a source must be an http or https address"},
    "val_name_year_conflict": {"vi": "tên tệp ghi năm {years} nhưng --year là {year}; hãy sửa một trong hai",
                               "en": "the file name says {years} but --year is {year}; correct one of them"},
    "val_year_out_of_range": {"vi": "năm phải từ 2020 đến năm hiện tại",
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
    "val_former_province_year": {
        "vi": "tỉnh cũ, đã sáp nhập vào {successor} năm 2025; kết quả năm {year} là của bộ 34 đơn vị mới",
        "en": "a former province, merged into {successor} in 2025; the {year} results are of the 34 new units"},
    "val_unit_set_year": {
        "vi": "không khớp với năm {year}: kết quả năm này thuộc bộ {expected} đơn vị (63 đến năm 2023, 34 từ năm 2025)",
        "en": "does not fit the year {year}: its results are of the {expected}-unit set (63 up to 2023, 34 from 2025)"},
    "val_code_of_34_units": {
        "vi": "đây là mã của {province} trong bộ 34 đơn vị sau sáp nhập năm 2025; kết quả năm {year} là của "
              "63 tỉnh, thành phố, trong đó {province} có mã {code}",
        "en": "the code of {province} among the 34 units of the 2025 merger; the {year} results are of the "
              "63 provinces, where {province} is {code}"},
    "val_code_of_63_provinces": {
        "vi": "đây là mã của {province} trong bộ 63 tỉnh, thành phố trước sáp nhập năm 2025; kết quả năm {year} "
              "là của bộ 34 đơn vị, trong đó {province} có mã {code}",
        "en": "the code of {province} among the 63 provinces before the 2025 merger; the {year} results are of "
              "the 34 units, where {province} is {code}"},
    "val_table_of_34_units": {
        "vi": "bảng liệt kê đúng 34 đơn vị sau sáp nhập năm 2025 (và không có tỉnh nào đã sáp nhập): đây là bảng "
              "34 đơn vị, nhưng kết quả năm {year} là của 63 tỉnh, thành phố",
        "en": "the table names exactly the 34 units of the 2025 merger (and none of the provinces merged away): "
              "a 34-unit table, but the {year} results are of the 63 provinces"},
    "val_mixed_unit_sets": {
        "vi": "bảng năm {year} trộn hai bộ đơn vị: '{name_63}' (dòng {line_63}) chỉ có trong 63 tỉnh cũ, "
              "'{name_34}' (dòng {line_34}) chỉ có trong 34 đơn vị mới; hãy tách tệp hoặc thêm cột unit_set (63 hoặc 34)",
        "en": "the {year} table mixes the two unit sets: '{name_63}' (line {line_63}) is only among the 63 former "
              "provinces, '{name_34}' (line {line_34}) only among the 34 new units; split the file or add a "
              "unit_set column (63 or 34)"},
    "val_ambiguous_province": {"vi": "tên tỉnh không rõ ràng; có thể là: {matches}",
                               "en": "ambiguous province; could be: {matches}"},
    "val_national_row": {"vi": "đây là trung bình cả nước, không phải một tỉnh; để số liệu cả nước riêng",
                         "en": "a national mean, not a province; keep national means out of province tables"},
    "val_code_mismatch": {"vi": "mã tỉnh không khớp với tỉnh '{province}' (mã {code})",
                          "en": "does not match the province '{province}' (code {code})"},
    "val_unknown_metric": {"vi": "chỉ số không rõ; các chỉ số hợp lệ: {known}",
                           "en": "unknown metric; expected one of: {known}"},
    "val_no_value": {"vi": "dòng không có cả điểm lẫn xếp hạng", "en": "row has neither a score nor a rank"},
    "val_score_out_of_range": {"vi": "điểm ngoài khoảng 0..1", "en": "score outside 0..1"},
    "val_score_on_1000_scale": {
        "vi": "điểm theo thang 1000; hãy chia cho 1000, hoặc khai báo thang điểm bằng cột 'scale' = 1000",
        "en": "score on the 1000-point scale; divide it by 1000, or declare the scale with a 'scale' column of 1000"},
    "val_score_out_of_range_1000": {"vi": "điểm ngoài khoảng 0..1000 (đã khai báo thang 1000)",
                             "en": "score outside 0..1000 (declared 1000-point scale)"},
    "val_scale": {"vi": "thang điểm phải là 1 hoặc 1000", "en": "scale must be 1 or 1000"},
    "val_rank_out_of_range": {"vi": "xếp hạng ngoài khoảng 1..{n}", "en": "rank outside 1..{n}"},
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
    "val_invalid_value": {"vi": "giá trị không hợp lệ", "en": "invalid value"},
    "val_doubtful_without_note": {
        "vi": "dòng gốc bị đánh dấu đáng ngờ nhưng giá trị {entry} chưa có ghi chú trong DOUBTFUL",
        "en": "a raw row flagged doubtful, but the value {entry} has no note in DOUBTFUL"},
    # Errors that are not about one cell (``DTIError.code``), worded the same way.
    "err_more_problems": {"vi": "(và {n} lỗi khác)", "en": "(and {n} more problem(s))"},
    "err_data_no_tables": {"vi": "{folder}: thư mục không có tệp .csv hay .xlsx nào",
                           "en": "{folder}: the folder holds no .csv or .xlsx file"},
    "err_data_nothing": {"vi": "không có số liệu: --no-embedded cần ít nhất một --data TỆP",
                         "en": "no data: --no-embedded needs at least one --data FILE"},
    "err_invalid_data": {"vi": "dữ liệu không hợp lệ", "en": "invalid data"},
    # A data note (kept in the table's English "note" column, like the notes build.py writes).
    "note_scale_1000": {"vi": "công bố theo thang 1000 ({value}), đã đổi sang 0..1",
                      "en": "published on the 1000-point scale ({value}), converted to 0..1"},
    "bn_scale": {"en": "published on the 1000-point scale ({value}), converted to 0..1",
                 "vi": "công bố theo thang 1000 điểm ({value}), đã quy đổi về thang 0..1"},
    "bn_conflict": {"en": "sources disagree on the {field}: {described}; {why}",
                    "vi": "các nguồn không thống nhất về {field}: {described}; {why}"},
    "bn_field_score": {"en": "score", "vi": "điểm"},
    "bn_field_rank": {"en": "rank", "vi": "thứ hạng"},
    "bn_pages_1": {"en": "{value} (1 page: {urls})", "vi": "{value} (1 trang: {urls})"},
    "bn_pages_n": {"en": "{value} ({n} pages: {urls})", "vi": "{value} ({n} trang: {urls})"},
    # merging the analyst's files with the embedded data (data/merge.py)
    "mg_conflict_note": {"en": "another source gives the {field} as {other} ({sources})",
                         "vi": "nguồn khác ghi {field} là {other} ({sources})"},
    "mg_conflict_line": {
        "en": "{province} {year} {metric}: the {field} is {kept} ({kept_sources}), another source gives {other} "
              "({other_sources}); {kept} kept",
        "vi": "{province} {year} {metric}: {field} là {kept} ({kept_sources}), nguồn khác ghi {other} "
              "({other_sources}); giữ {kept}"},
    "bn_kept_official": {"en": "dti.gov.vn value kept", "vi": "giữ giá trị của dti.gov.vn"},
    "bn_kept_press": {"en": "the value of the portals and the press kept over less trusted sources",
                      "vi": "giữ giá trị của cổng thông tin và báo chí, tin cậy hơn các nguồn còn lại"},
    "bn_kept_secondary": {"en": "the value of the compiled table kept over weak sources",
                          "vi": "giữ giá trị của bảng tổng hợp, tin cậy hơn các nguồn yếu"},
    "bn_kept_majority": {"en": "value most pages give kept", "vi": "giữ giá trị được nhiều trang nêu nhất"},
    "bn_no_majority": {"en": "no majority, left empty", "vi": "không có đa số, để trống"},
    "bn_settled_rank_9": {
        "en": "rank 9 kept: two pages say 9 and the compiled table puts Ninh Bình (0.3645, 8) just above "
              "(0.3631); the one page printing 8 does not say it is a tie",
        "vi": "giữ hạng 9: hai trang ghi hạng 9 và bảng tổng hợp xếp Ninh Bình (0,3645, hạng 8) ngay trên "
              "(0,3631); trang duy nhất ghi hạng 8 không nói là đồng hạng"},
    "bn_kept_held": {"en": "the value held from the other pages kept",
                     "vi": "giữ giá trị của các trang khác"},
    "bn_scale_points": {"en": "published as {value} points out of {n}, converted to 0..1",
                        "vi": "công bố là {value} trên {n} điểm, đã quy đổi về thang 0..1"},
    "bn_field_both": {"en": "score and rank", "vi": "điểm và thứ hạng"},
    "bn_weak_only": {"en": "the only source of the {field} is weak (a test or demo host, or an unrelated site "
                           "republishing an article): {urls}",
                     "vi": "nguồn duy nhất của {field} là nguồn yếu (trang thử nghiệm, trang demo hoặc một trang "
                           "không liên quan đăng lại bài viết): {urls}"},
    "bn_secondary_only": {"en": "the only source of the {field} is a third-party compiled table: {urls}",
                          "vi": "nguồn duy nhất của {field} là một bảng tổng hợp của bên thứ ba: {urls}"},
    "bn_year_inferred": {"en": "the pages giving the {field} do not name the assessment year; it was read from "
                               "the article date or a neighbouring sentence",
                         "vi": "các trang nêu {field} không ghi năm đánh giá; năm được suy ra từ ngày đăng bài "
                               "hoặc câu bên cạnh"},
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
    "bn_doubt_unit_set": {"en": "the pages do not say whether this is the 63- or the 34-unit ranking; in the "
                                "34-unit ranking Hà Nội leads this index, so it is filed as 63-unit",
                          "vi": "các trang không nói đây là xếp hạng 63 hay 34 đơn vị; trong xếp hạng 34 đơn vị "
                                "Hà Nội dẫn đầu chỉ số này, nên được xếp vào bộ 63 đơn vị"},
    "bn_doubt_step": {"en": "other pages say it rose 34 places to 26 in 2022, which would put 2021 at 60, not 50",
                      "vi": "các trang khác nói năm 2022 tăng 34 bậc lên hạng 26, tức năm 2021 là hạng 60, "
                            "không phải 50"},
    "bn_doubt_shared_rank": {"en": "another page gives the same 2021 rank 50 to Quảng Ngãi: a tie or an error "
                                   "on one page",
                             "vi": "một trang khác ghi Quảng Ngãi cũng hạng 50 năm 2021: đồng hạng hoặc một "
                                   "trang ghi sai"},
    "bn_doubt_inconsistent": {"en": "the page is inconsistent: it says up 17 places to 27, which would make "
                                    "the 2020 rank 44, not 40",
                              "vi": "trang nguồn tự mâu thuẫn: ghi tăng 17 bậc lên hạng 27, tức năm 2020 là "
                                    "hạng 44, không phải 40"},
    "bn_two_decimals": {"en": "published with two decimals only", "vi": "chỉ công bố với hai chữ số thập phân"},
    "bn_score_1000_only": {"en": "the source gives the score on the 1000-point scale (541,46) only; score left empty",
                           "vi": "nguồn chỉ ghi điểm theo thang 1000 điểm (541,46); để trống điểm"},
    # provincial targets (data/targets.py): data/targets.csv, --targets FILE, the notebook parameter targets
    "val_target_unit_set": {
        "vi": "bộ {unit_set} đơn vị không khớp với năm mục tiêu {year}: đến năm 2024 xếp hạng 63 tỉnh, thành phố, "
              "từ năm 2025 xếp hạng 34 đơn vị sau sắp xếp (năm 2024 có cả hai)",
        "en": "the {unit_set}-unit set does not fit the target year {year}: up to 2024 the 63 provinces are ranked, "
              "from 2025 the 34 units after the merger (2024 both)"},
    "val_target_merged": {
        "vi": "đã sáp nhập vào {successor} ngày 1/7/2025: mục tiêu năm {year} tính theo xếp hạng của 34 đơn vị; "
              "hãy ghi province là '{successor}' và set_by là '{name}'",
        "en": "merged into {successor} on 1 July 2025: a {year} target counts ranks of the 34 units; "
              "write province '{successor}' and set_by '{name}'"},
    "val_target_set_by": {"vi": "không phải tỉnh trước sắp xếp của {name} (gồm: {members})",
                          "en": "not a former province of {name} (its former provinces: {members})"},
    "val_target_score": {"vi": "điểm mục tiêu phải trong khoảng 0..1, hoặc theo thang 1.000 điểm (ví dụ 800)",
                         "en": "a score target must be in 0..1, or points of the 1,000-point scale (e.g. 800)"},
    "val_target_value_range": {"vi": "phải là số nguyên từ 1 đến {n}", "en": "must be a whole number from 1 to {n}"},
    "val_target_year_range": {"vi": "năm phải từ {first} đến {last}", "en": "year must be between {first} and {last}"},
    "val_target_kind": {"vi": "loại mục tiêu không rõ; các loại hợp lệ: {known}",
                        "en": "unknown kind of target; expected one of: {known}"},
    "val_target_only_for": {"vi": "chỉ dùng cho mục tiêu loại {kind}; để trống",
                            "en": "only for targets of the kind {kind}; leave it empty"},
    "val_target_from_year": {
        "vi": "năm bắt đầu phải từ {first} đến năm mục tiêu {year} (mỗi năm so với năm trước, cùng bộ đơn vị)",
        "en": "the first year must be between {first} and the target year {year} (each year against the one "
              "before, in the same unit set)"},
    "val_target_duplicate": {"vi": "trùng mục tiêu ở dòng {line}", "en": "the same target as line {line}"},
    "val_target_not_table": {"vi": "mỗi mục tiêu phải là một bảng (dict) các cột", "en": "each target must be a table (dict) of columns"},
    # readers, sheets, limits and odd files (data/ingest/read_*.py, sheet.py, limits.py)
    "val_short_row": {"vi": "dòng chỉ có {n} ô nhưng tiêu đề có {m} cột; các ô thiếu sẽ bị đọc là chưa công bố",
                      "en": "row has only {n} fields but the header has {m}; the missing cells would read as "
                            "not published"},
    "val_field_too_long": {"vi": "một ô bắt đầu ở dòng này dài hơn {limit} ký tự: không phải một ô của bảng số liệu",
                           "en": "a field starting on this line is longer than {limit} characters: not a cell of "
                                 "a data table"},
    "val_formula_no_value": {
        "vi": "{n} ô của trang tính “{sheet}” chứa công thức nhưng chưa lưu giá trị ({cells}); hãy mở tệp bằng "
              "Excel hoặc LibreOffice rồi lưu lại để giá trị được lưu cùng công thức",
        "en": "{n} cell(s) of sheet “{sheet}” hold a formula without a saved value ({cells}); open the file in "
              "Excel or LibreOffice and save it, so the values are saved with the formulas"},
    "val_merged_cells": {"vi": "các ô {cells} của trang tính “{sheet}” bị gộp trong phần số liệu; hãy bỏ gộp ô và "
                               "ghi giá trị vào từng ô",
                         "en": "cells {cells} of sheet “{sheet}” are merged in the data rows; unmerge them and "
                               "give each cell its value"},
    "val_encrypted": {"vi": "tệp Excel được bảo vệ bằng mật khẩu; hãy lưu một bản không có mật khẩu (hoặc dạng "
                            "CSV UTF-8) rồi dùng bản đó",
                      "en": "the workbook is protected by a password; save a copy without the password (or as "
                            "CSV UTF-8) and use that"},
    "val_xlsx_part_too_large": {"vi": "phần {part} của tệp Excel khi giải nén lớn hơn {limit}: tệp bị hỏng "
                                      "hoặc không phải tệp Excel thật",
                                "en": "the workbook part {part} unpacks to more than {limit}: a damaged "
                                      "workbook, or not a real one"},
    "val_no_such_sheet": {"vi": "không có trang tính tên này; các trang tính của tệp: {sheets}",
                          "en": "no sheet of that name; the workbook's sheets: {sheets}"},
    "val_several_sheets": {"vi": "nhiều trang tính có bảng số liệu ({tables}); hãy chọn một bằng --sheet TÊN",
                           "en": "several sheets hold a table ({tables}); choose one with --sheet NAME"},
    "val_no_table_sheet": {
        "vi": "không trang tính nào có bảng dạng dài hay bảng chính thức của dti.gov.vn (các trang tính: "
              "{sheets}); hãy chỉ định trang tính cần đọc bằng --sheet TÊN",
        "en": "no sheet holds a tidy or an official dti.gov.vn table (sheets: {sheets}); name the sheet to "
              "read with --sheet NAME"},
    "val_is_fifo": {"vi": "đây là ống dẫn có tên (FIFO), không phải tệp dữ liệu",
                    "en": "a named pipe (FIFO), not a data file"},
    "val_is_device": {"vi": "đây là một thiết bị, không phải tệp dữ liệu", "en": "a device, not a data file"},
    "val_not_regular": {"vi": "không phải tệp thông thường (socket hoặc một loại tệp đặc biệt khác)",
                        "en": "not a regular file (a socket or another special file)"},
    "val_symlink_loop": {"vi": "liên kết tượng trưng (symlink) vòng lặp, trỏ lại chính nó",
                         "en": "a symbolic link that loops back on itself"},
    "val_too_large": {"vi": "tệp có dung lượng {size}, vượt giới hạn {limit}; nếu vẫn cần đọc, hãy nâng "
                            "giới hạn bằng --max-file-mb N",
                      "en": "the file is {size}, over the limit of {limit}; to read it anyway, raise the "
                            "limit with --max-file-mb N"},
    "val_too_many_rows": {"vi": "bảng có hơn {limit} dòng; dừng đọc tại đây (nâng giới hạn bằng --max-rows N)",
                          "en": "the table has more than {limit} rows; reading stopped here (raise the limit "
                                "with --max-rows N)"},
    "val_too_many_cells": {
        "vi": "bảng có hơn {limit} ô (kể cả các ô trống đứng trước một ô có giá trị); dừng đọc tại đây (nâng "
              "giới hạn bằng --max-cells N)",
        "en": "the table has more than {limit} cells (counting the blank ones before a filled cell); reading "
              "stopped here (raise the limit with --max-cells N)"},
}
