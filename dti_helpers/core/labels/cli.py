"""Labels of the command line: its errors, the check-data lines, the summary and dry-run tables."""

LABELS: dict[str, dict[str, str]] = {
    # one-line errors (exit status 2)
    "cli_error": {"vi": "lỗi: {message}", "en": "error: {message}"},
    "cli_see_help": {"vi": "{prog}: lỗi: {message} (xem --help)", "en": "{prog}: error: {message} (see --help)"},
    "cli_interrupted": {"vi": "đã dừng", "en": "interrupted"},
    "cli_unknown_choice": {"vi": "giá trị '{value}' của {option} không hợp lệ; dùng một trong: {choices}",
                           "en": "unknown {what} '{value}' in {option}; use one of: {choices}"},
    "cli_need_value": {"vi": "--lang và --format cần ít nhất một giá trị",
                       "en": "--lang and --format need at least one value"},
    "cli_bad_jobs": {"vi": "--jobs phải từ 1 trở lên, không phải {value}", "en": "--jobs must be 1 or more, not {value}"},
    "cli_bad_timeout": {"vi": "--timeout phải là số dương, không phải {value}",
                        "en": "--timeout must be positive, not {value}"},
    "cli_file_not_found": {"vi": "{path}: không tìm thấy tệp", "en": "{path}: file not found"},
    "cli_no_units_year": {"vi": "không có dữ liệu DTI của {units} tỉnh, thành phố cho --year {year}; các năm có "
                                "dữ liệu của {units}: {years}",
                          "en": "no DTI data of the {units} units for --year {year}; years with {units}-unit data: "
                                "{years}"},
    "cli_no_year": {"vi": "không có dữ liệu DTI cho --year {year}; các năm có dữ liệu: {years}",
                    "en": "no DTI data for --year {year}; years with data: {years}"},
    "cli_unknown_region": {"vi": "không có vùng '{value}'; dùng một trong: {choices}",
                           "en": "unknown region '{value}'; use one of: {choices}"},
    "cli_unknown_province": {"vi": "không có tỉnh, thành phố '{value}'", "en": "unknown province '{value}'"},
    "cli_ambiguous_province": {"vi": "'{value}' ứng với nhiều tỉnh, thành phố", "en": "ambiguous province '{value}'"},
    "cli_closest": {"vi": "; gần nhất: {names}", "en": "; closest matches: {names}"},
    "cli_see_list": {"vi": "; xem mọi tên bằng `run_reports.py --list`",
                     "en": "; see `run_reports.py --list` for all names"},
    "cli_bad_toml": {"vi": "{path}: không phải tệp TOML hợp lệ ({detail})", "en": "{path}: not a valid TOML file ({detail})"},
    "cli_params_table": {"vi": "{path}: '{name}' phải là một bảng như [{name}] với các tham số của notebook "
                               "(year, peers...) hoặc bảng [default]",
                         "en": "{path}: '{name}' must be a table such as [{name}] with notebook parameters "
                               "(year, peers...), or the [default] table"},
    "cli_params_problem": {"vi": "{path}: [{name}] {detail}", "en": "{path}: [{name}] {detail}"},
    "cli_params_not_here": {"vi": "{path}: [{name}] {param}: không đặt riêng cho từng báo cáo; giá trị lấy từ {where}",
                            "en": "{path}: [{name}] {param}: not set per report; it comes from {where}"},
    "cli_shipped_missing": {"vi": "không tìm thấy notebook báo cáo: {path}", "en": "report notebook not found: {path}"},
    "cli_overview_missing": {"vi": "không tìm thấy notebook tổng quan: {path}",
                             "en": "overview notebook not found: {path}"},
    "cli_notebook_missing": {"vi": "{path}: không tìm thấy notebook", "en": "{path}: notebook not found"},
    "cli_notebook_invalid": {"vi": "{path}: không phải notebook Jupyter ({detail})",
                             "en": "{path}: not a Jupyter notebook ({detail})"},
    "cli_notebook_no_parameters": {
        "vi": "{path}: không có ô nào gắn thẻ 'parameters' (papermill đặt tham số của báo cáo vào đó)",
        "en": "{path}: no cell tagged 'parameters' (papermill puts the report's parameters there)"},
    "cli_busy": {"vi": "một run_reports.py khác đang ghi vào {path}; hãy chạy lại khi nó xong",
                 "en": "another run_reports.py is writing to {path}; try again when it ends"},
    "cli_waiting": {"vi": "một run_reports.py khác đang ghi vào {path}; đang chờ nó xong...",
                    "en": "another run_reports.py is writing to {path}; waiting for it to finish..."},
    # check-data
    "cli_warning": {"vi": "cảnh báo: {text}", "en": "warning: {text}"},
    "cli_check_conflicts": {"vi": "{n} chỗ các nguồn không thống nhất; báo cáo dùng giá trị của nguồn tin cậy hơn và "
                                  "ghi rõ trong phần ghi chú số liệu",
                            "en": "{n} disagreement(s) between sources; reports use the more trusted value and say "
                                  "so in their data notes"},
    "cli_more_problems": {"vi": "… và {n} lỗi khác", "en": "… and {n} more problem(s)"},
    "cli_check_ok": {"vi": "{path}: hợp lệ ({n} giá trị)", "en": "{path}: OK ({n} values)"},
    "cli_check_problems": {"vi": "{path}: {n} vấn đề", "en": "{path}: {n} problem(s)"},
    # summary, dry run, list
    "cli_index": {"vi": "trang mục lục: {path}", "en": "index: {path}"},
    "cli_wrote": {"vi": "đã ghi {path}", "en": "wrote {path}"},
    "cli_dry_run": {"vi": "sẽ tạo {n} báo cáo; {unchanged} đã cập nhật; {skipped} bỏ qua",
                    "en": "would build {n} report(s); {unchanged} up to date; {skipped} skipped"},
    "cli_col_status": {"vi": "trạng thái", "en": "status"},
    "cli_col_reports": {"vi": "báo cáo", "en": "reports"},
    "cli_col_time": {"vi": "thời gian", "en": "time"},
    "cli_row_ok": {"vi": "đã tạo", "en": "built (ok)"},
    "cli_row_unchanged": {"vi": "bỏ qua, đã cập nhật", "en": "skipped, up to date"},
    "cli_row_no_data": {"vi": "bỏ qua, không có số liệu", "en": "skipped, no data"},
    "cli_row_failed": {"vi": "lỗi", "en": "failed"},
    "cli_row_total": {"vi": "tổng", "en": "total"},
    "cli_wall_clock": {"vi": "{time} tổng thời gian", "en": "{time} wall clock"},
    "cli_failed": {"vi": "lỗi:", "en": "failed:"},
    "cli_skipped": {"vi": "bỏ qua:", "en": "skipped:"},
    "cli_executed_notebook": {"vi": "notebook đã chạy: {path}", "en": "executed notebook: {path}"},
    "cli_log": {"vi": "nhật ký: {path}", "en": "log: {path}"},
    "cli_interrupted_kept": {"vi": "đã dừng: các báo cáo đã xong được giữ lại; chạy lại để hoàn tất phần còn lại",
                             "en": "interrupted: finished reports were kept; run again to complete the rest"},
    "cli_no_figure": {"vi": "không có số liệu DTI công bố cho {name} năm {year} (các năm có số liệu: {years})",
                      "en": "no published DTI figure for {name} in {year} (years with data: {years})"},
    "cli_none": {"vi": "không có", "en": "none"},
    "cli_col_code": {"vi": "mã", "en": "code"},
    "cli_col_name": {"vi": "tên", "en": "name"},
    "cli_col_region": {"vi": "vùng", "en": "region"},
    "cli_col_years": {"vi": "năm có số liệu", "en": "years with data"},
    "cli_col_former": {"vi": "tỉnh cũ", "en": "former provinces"},
    "cli_build_word": {"vi": "tạo", "en": "build"},
    "cli_skip_word": {"vi": "bỏ qua", "en": "skip"},
    # ---- issue 11: --overview-only
    "cli_overview_only_selection": {
        "vi": "--overview-only không tạo báo cáo tỉnh nào: hãy bỏ tên tỉnh, thành phố và --region",
        "en": "--overview-only builds no province report: leave out the provinces and --region"},
    "cli_overview_only_no_overview": {"vi": "--overview-only và --no-overview mâu thuẫn nhau; hãy bỏ một trong hai",
                                      "en": "--overview-only contradicts --no-overview; leave one of them out"},
    # output folders (core.outfolder): refused with one line, nothing written
    "err_out_empty": {"vi": "--out trống: hãy ghi tên một thư mục cho báo cáo, ví dụ --out reports",
                      "en": "--out is empty: name a folder for the reports, e.g. --out reports"},
    "err_out_root": {"vi": "--out {path}: thư mục gốc của hệ thống tệp; hãy chọn một thư mục riêng, ví dụ --out reports",
                     "en": "--out {path}: the root of the file system; choose a folder of your own, e.g. --out reports"},
    "err_out_home": {"vi": "--out {path}: thư mục home (hoặc thư mục chứa nó); hãy chọn một thư mục con, ví dụ "
                           "--out ~/dti-reports",
                     "en": "--out {path}: the home folder (or one above it); choose a folder inside it, e.g. "
                           "--out ~/dti-reports"},
    "err_out_system": {"vi": "--out {path}: thư mục của hệ thống; hãy chọn một thư mục riêng, ví dụ --out reports",
                       "en": "--out {path}: a system folder; choose a folder of your own, e.g. --out reports"},
    "err_out_source": {"vi": "--out {path}: thư mục mã nguồn của dti-reports; hãy dùng reports/ hoặc một thư mục "
                             "ngoài dự án",
                       "en": "--out {path}: a source folder of dti-reports; use reports/ or a folder outside the "
                             "project"},
    "err_out_not_folder": {"vi": "--out {path}: không phải thư mục", "en": "--out {path}: not a folder"},
    "err_out_foreign": {"vi": "--out {path}: thư mục không trống và không do dti-reports tạo; hãy chọn thư mục khác, "
                              "hoặc thêm --out-force để ghi báo cáo vào đó",
                        "en": "--out {path}: the folder is not empty and was not made by dti-reports; choose another "
                              "folder, or add --out-force to write the reports into it"},
    # the manifest (batch.manifest): a warning, then what it described is rebuilt
    "cli_manifest_unreadable": {"vi": "{path}: không đọc được manifest ({detail}); mọi báo cáo sẽ được tạo lại",
                                "en": "{path}: unreadable manifest ({detail}); every report will be rebuilt"},
    "cli_manifest_unreadable_kept": {"vi": "{path}: không đọc được manifest ({detail}); tệp được giữ lại với tên "
                                           "{kept} và mọi báo cáo sẽ được tạo lại",
                                     "en": "{path}: unreadable manifest ({detail}); it is kept as {kept} and every "
                                           "report will be rebuilt"},
    "cli_manifest_records": {"vi": "{path}: {n} bản ghi không đọc được (đầu tiên: {first}: {why}); các báo cáo đó sẽ "
                                   "được tạo lại",
                             "en": "{path}: {n} unreadable record(s) (first: {first}: {why}); those reports will be "
                                   "rebuilt"},
    # shards and the index alone (batch.shards)
    "cli_bad_shard": {"vi": "--shard {value}: cần dạng I/N với 0 <= I < N, ví dụ 0/4 ... 3/4",
                      "en": "--shard {value}: expected I/N with 0 <= I < N, e.g. 0/4 ... 3/4"},
    "cli_shard_index_only": {"vi": "--index-only không đi cùng --shard hay --scheduler: nó không tạo báo cáo nào",
                             "en": "--index-only goes without --shard and --scheduler: it builds no report"},
    "cli_not_built": {"vi": "{n} báo cáo chưa được tạo (đầu tiên: {first}); hãy chạy lại các shard",
                      "en": "{n} report(s) not built yet (first: {first}); run the shards again"},
    "cli_scheduler_missing": {"vi": "--scheduler cần dask[distributed] ({detail}); hãy cài: pip install -r requirements.txt",
                              "en": "--scheduler needs dask[distributed] ({detail}); install it: pip install -r requirements.txt"},
    "cli_scheduler_unreachable": {"vi": "--scheduler {address}: không kết nối được ({detail})",
                                  "en": "--scheduler {address}: cannot connect ({detail})"},
}
