"""Labels of the short brief a province-year gets when its only published figure is the DTI rank."""

LABELS: dict[str, dict[str, str]] = {
    "sec_country_brief": {"vi": "Thứ hạng trên cả nước và qua các năm", "en": "Rank in the country and over the years"},
    "sec_sources": {"vi": "Nguồn", "en": "Sources"},
    "sec_appendix": {"vi": "Phụ lục: {title}", "en": "Appendix: {title}"},
    "brief_why_rank_only": {
        "vi": "Năm {year}, {name} mới chỉ có thứ hạng DTI được công bố; điểm DTI và các chỉ số thành phần chưa có "
              "số liệu công bố.",
        "en": "For {year}, only the DTI rank of {name} has been published; its DTI score and its pillar and index "
              "figures have not."},
    "brief_why_asked": {
        "vi": "Đây là bản tóm lược theo yêu cầu (tham số layout = \"brief\"); báo cáo đầy đủ (layout = \"full\") có "
              "thêm các trụ cột, chỉ số thành phần, tỉnh so sánh, điểm mạnh và điểm yếu. Nguồn và ghi chú đầy đủ về "
              "số liệu ở phụ lục.",
        "en": "This is the short brief, as asked (parameter layout = \"brief\"); the full report (layout = \"full\") "
              "adds the pillars and indices, the peers, and the strengths and weaknesses. The full data notes are "
              "in the appendix."},
    "brief_holds": {"vi": "Vì vậy đây là bản tóm lược; nguồn và ghi chú đầy đủ về số liệu ở phụ lục.",
                    "en": "This report is therefore a short brief; the full data notes are in the appendix."},
    "kpi_successor": {"vi": "Sau sắp xếp 7/2025", "en": "After the July 2025 merger"},
    "kpi_successor_figure": {"vi": "{year}: {rank}", "en": "{year}: {rank}"},
    "kpi_successor_np": {"vi": "{year}: chưa có số liệu công bố", "en": "{year}: not published"},
    "rh_intro": {"vi": "Thứ hạng DTI của {name} trong các năm đã công bố, trên {n} tỉnh, thành phố.",
                 "en": "The DTI rank of {name} in each year it was published, of {n} units."},
    "rh_one_year": {"vi": "Thứ hạng DTI của {name} mới chỉ được công bố cho năm {year}: {rank}.",
                    "en": "The DTI rank of {name} is published for {year} only: {rank}."},
    "rh_none": {"vi": "Chưa có thứ hạng DTI nào của {name} được công bố.",
                "en": "No DTI rank of {name} has been published."},
    "rh_caption": {"vi": "Thứ hạng DTI của {name} qua các năm", "en": "DTI rank of {name} by year"},
    "rh_col_change": {"vi": "Thay đổi so với năm có thứ hạng trước", "en": "Change since the previous ranked year"},
    "rh_change": {"vi": "{move} (so với {year})", "en": "{move} (since {year})"},
    "rh_method": {"vi": "Từ năm 2021 phương pháp đánh giá thay đổi: thứ hạng trước và sau năm đó vẫn so sánh được "
                        "(vị trí trong cùng bảng xếp hạng), điểm thì không.",
                  "en": "The method changed in 2021: ranks before and after it still compare (a place in the same "
                        "ranking), scores do not."},
    "src_intro": {"vi": "Nguồn các số liệu của bản tóm lược; nguồn của mọi số liệu khác (bản đồ) ở phụ lục.",
                  "en": "The sources of the brief's figures; those of every other figure (the map) are in the appendix."},
    "src_caption": {"vi": "Nguồn các số liệu của bản tóm lược", "en": "Sources of the brief's figures"},
    "src_col_figure": {"vi": "Số liệu", "en": "Figure"},
    "src_col_value": {"vi": "Giá trị", "en": "Value"},
    "src_national_mean": {"vi": "Trung bình cả nước, {year}", "en": "National mean, {year}"},
    "src_none": {"vi": "Bản tóm lược không nêu số liệu nào của riêng tỉnh.",
                 "en": "The brief states no figure of the province's own."},
    "param_layout": {"vi": "Bố cục (layout)", "en": "Layout"},
    "layout_brief_auto": {"vi": "brief (tự chọn: năm này chỉ có thứ hạng DTI được công bố)",
                          "en": "brief (chosen: this year only the DTI rank is published)"},
    "layout_brief": {"vi": "brief (theo yêu cầu)", "en": "brief (as asked)"},
    "layout_full_auto": {"vi": "full (tự chọn)", "en": "full (chosen)"},
    "layout_full": {"vi": "full (theo yêu cầu)", "en": "full (as asked)"},
    "err_unknown_layout": {"vi": "không rõ bố cục '{value}'; hãy dùng một trong: {choices}",
                           "en": "unknown layout '{value}'; use one of: {choices}"},
    "dn_missing_brief_intro": {
        "vi": "Những gì đã được công bố cho {name}, theo từng năm; mọi điểm và thứ hạng khác (của DTI, các trụ cột "
              "và chỉ số thành phần: {n} số liệu) chưa được công bố. Không có số liệu nào được ước tính hay nội suy.",
        "en": "What is published for {name}, year by year; every other score and rank (of the DTI, the pillars "
              "and the indices: {n} figures) is not published. No figure is estimated or interpolated."},
    "dn_missing_brief_year": {"vi": "{year}: {items}.", "en": "{year}: {items}."},
    "dn_missing_brief_none": {"vi": "{years}: chưa có số liệu nào được công bố.", "en": "{years}: nothing published."},
    "dn_others_intro_brief": {"vi": "Số liệu của các tỉnh khác trong bản tóm lược (bản đồ cả nước), theo nguồn:",
                              "en": "Figures of other provinces in this brief (the map of the country), by source:"},
}
