"""Labels of chosen comparisons: peers as a list of provinces, the kit's ``report.compare``, and the
notebook parameters checked one by one (a ``--params`` file too)."""

LABELS = {
    # chosen comparisons (issue 10): peers as a list of provinces, and the kit's report.compare
    "err_peers_type": {"vi": "{option}: giá trị '{value}' không phải cách chọn ({choices}) hay danh sách tỉnh",
                       "en": "{option}: value '{value}' is neither a peer strategy ({choices}) nor a list of provinces"},
    "err_peers_empty": {"vi": "{option}: chưa nêu tỉnh nào; dùng một cách chọn ({choices}) hoặc danh sách tỉnh như "
                              "\"Bắc Ninh,Thái Nguyên\"",
                        "en": "{option}: no province named; give a peer strategy ({choices}) or provinces such as "
                              "\"Bắc Ninh,Thái Nguyên\""},
    "err_peers_unknown": {"vi": "không có cách chọn tỉnh so sánh '{value}' trong {option}; dùng một trong: {choices}, "
                                "hoặc danh sách tỉnh như \"Bắc Ninh,Thái Nguyên\"",
                          "en": "unknown peer strategy '{value}' in {option}; use one of: {choices}, or provinces such "
                                "as \"Bắc Ninh,Thái Nguyên\""},
    "err_peers_unknown_province": {
        "vi": "không có tỉnh, thành phố '{value}' trong {option} (tỉnh so sánh phải thuộc {units} đơn vị của báo cáo); "
              "gần nhất: {matches}",
        "en": "unknown province '{value}' in {option} (a peer must be one of the report's {units} units); "
              "closest matches: {matches}"},
    "err_peers_unknown_province_none": {
        "vi": "không có tỉnh, thành phố '{value}' trong {option} (tỉnh so sánh phải thuộc {units} đơn vị của báo cáo); "
              "xem mọi tên bằng `run_reports.py --list`",
        "en": "unknown province '{value}' in {option} (a peer must be one of the report's {units} units); "
              "see `run_reports.py --list` for all names"},
    "peers_rule_list": {"vi": "Địa phương so sánh: những tỉnh, thành phố được chọn cho báo cáo này (tham số peers): "
                              "{names}.",
                        "en": "Peers: the provinces and cities chosen for this report (the peers parameter): {names}."},
    "peers_name_list": {"vi": "địa phương được chọn", "en": "chosen provinces and cities"},
    "compare_title": {"vi": "So sánh {name} với {names}", "en": "{name} compared with {names}"},
    "compare_intro": {"vi": "{name} và các tỉnh được chọn ({names}): điểm và thứ hạng năm {year}, theo số liệu "
                            "đã công bố.",
                      "en": "{name} and the chosen provinces ({names}): scores and ranks in {year}, as published."},
    "compare_caption": {"vi": "{name} và {n} tỉnh được chọn, năm {year}", "en": "{name} and {n} chosen provinces, {year}"},
    "compare_fig_caption": {"vi": "Thứ hạng năm {year} theo từng chỉ số (hạng 1 ở bên trái), mỗi tỉnh một ký hiệu.",
                            "en": "Ranks in {year} per metric (rank 1 on the left), one marker per province."},
    "alt_compare": {"vi": "Biểu đồ thứ hạng năm {year} theo chỉ số của {items}.",
                    "en": "Chart of the {year} ranks per metric of {items}."},
    "compare_none": {"vi": "Chưa chọn tỉnh nào khác để so sánh.", "en": "No other province is chosen to compare with."},
    "compare_no_rank": {"vi": "chưa công bố", "en": "not published"},
    # notebook parameters checked one by one (sections.province.params.check_parameters; a --params file too)
    "err_param_unknown": {"vi": "không có tham số '{param}'; dùng một trong: {choices}",
                          "en": "unknown parameter '{param}'; use one of: {choices}"},
    "err_param_value": {"vi": "{param}: {detail}", "en": "{param}: {detail}"},
    "err_param_not_bool": {"vi": "giá trị '{value}' phải là true hoặc false", "en": "value '{value}' must be true or false"},
}
