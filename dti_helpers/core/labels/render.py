"""Labels of the notebook export: what an analyst's own cells become in the report."""

LABELS: dict[str, dict[str, str]] = {
    "export_figure_alt": {"vi": "Hình của ô {cell} trong notebook", "en": "Figure from notebook cell {cell}"},
    "export_not_shown": {
        "vi": "Ô {cell} của notebook có một kết quả dạng {mime} không thể đưa vào báo cáo; "
              "hãy mở notebook để xem.",
        "en": "Notebook cell {cell} has an output of type {mime} that cannot be shown in this report; "
              "open the notebook to see it.",
    },
    "export_active_removed": {
        "vi": "Ô {cell} của notebook có nội dung chạy mã ({what}); phần đó đã được bỏ khỏi báo cáo, "
              "phần còn lại giữ nguyên.",
        "en": "Notebook cell {cell} has content that would run code ({what}); it was left out of this report, "
              "the rest is kept.",
    },
    # the report's link to its own figures, written beside it as CSV and XLSX
    "download_figures": {"vi": "Tải số liệu", "en": "Download the figures"},
    "download_sheet": {"vi": "số liệu", "en": "figures"},
    "err_unknown_format": {"vi": "không rõ định dạng '{value}'; hãy dùng một trong: {choices}",
                           "en": "unknown format '{value}'; use one of: {choices}"},
    "err_no_figures": {
        "vi": "notebook không ghi lại số liệu nào cho tệp {format}: phần ghi chú số liệu đã bị bỏ hoặc không chạy",
        "en": "the notebook records no figures for the {format} file: its data notes section was removed "
              "or did not run",
    },
    # device (issue 11): keys under charts, tooltips, readable source links
    "tile_key_title": {"vi": "Tên viết tắt trên bản đồ", "en": "Abbreviations on the map"},
    "ladder_marked": {"vi": "Dấu † trên biểu đồ (số liệu cần thận trọng): {items}.",
                      "en": "Marked † on the chart (figures to read with care): {items}."},
    "tip_rank_score": {"vi": "{name}, {year}: hạng {rank}, điểm {score}",
                       "en": "{name}, {year}: rank {rank}, score {score}"},
    "tip_rank": {"vi": "{name}, {year}: hạng {rank}", "en": "{name}, {year}: rank {rank}"},
    "tip_none": {"vi": "{name}, {year}: chưa có số liệu công bố", "en": "{name}, {year}: not published"},
}
