"""Labels of honest statistics: the group rule's words (n of N, too few published), score changes
only under one method, and the strengths rule."""

LABELS = {
    # honest statistics (issue 10): the group rule's words, score changes only under one method, strengths
    "gs_count": {"vi": "({n}/{of} địa phương có số liệu)", "en": "({n} of {of} published)"},
    "gs_too_few": {"vi": "quá ít số liệu công bố ({n}/{of})", "en": "too few published ({n} of {of})"},
    "gs_none": {"vi": "chưa có số liệu công bố ({n}/{of})", "en": "none published ({n} of {of})"},
    "gs_highest_published": {"vi": "(cao nhất trong số đã công bố, {n}/{of} địa phương)",
                             "en": "(highest published, {n} of {of})"},
    "gs_lowest_published": {"vi": "(thấp nhất trong số đã công bố, {n}/{of} địa phương)",
                            "en": "(lowest published, {n} of {of})"},
    "hl_method_change": {
        "vi": "Điểm năm {prev_year} và năm {year} không so sánh được vì phương pháp đánh giá thay đổi từ năm 2021 "
              "(năm 2020: DTI = 0,4 × Chính quyền số + 0,3 × Kinh tế số + 0,3 × Xã hội số; từ năm 2021: tính từ 9 "
              "chỉ số chính), nên chỉ so sánh thứ hạng.",
        "en": "Scores of {prev_year} and {year} are not comparable, as the method changed in 2021 (2020: DTI = "
              "0.4 × digital government + 0.3 × digital economy + 0.3 × digital society; from 2021, built from "
              "nine main indices), so only ranks are compared."},
    "sc_method_change": {
        "vi": "Thay đổi so với năm {prev_years} chỉ tính theo thứ hạng: phương pháp đánh giá thay đổi từ năm 2021 "
              "nên điểm trước và sau năm đó không so sánh được.",
        "en": "Changes since {prev_years} are rank changes only: the method changed in 2021, so scores before and "
              "after it are not comparable."},
    "sc_median_rule": {
        "vi": "Trung vị vùng chỉ được nêu khi ít nhất một nửa số địa phương trong vùng có điểm công bố; n/N là số "
              "địa phương có số liệu trên số địa phương của vùng.",
        "en": "A region median is given only when at least half of the region's provinces and cities have a published score; "
              "n of N counts those with one out of all in the region."},
    "method_changes": {
        "vi": "Thay đổi về điểm chỉ được nêu giữa hai năm cùng phương pháp đánh giá (từ năm 2021 trở đi, cùng bộ đơn "
              "vị); giữa năm 2020 và các năm sau chỉ so sánh thứ hạng. Các ô số liệu ở phần Tóm tắt không nêu thay "
              "đổi về điểm, cũng không nêu thống kê nào trên một nhóm địa phương chưa công bố đủ số liệu. Địa phương dẫn "
              "đầu là địa phương được xếp hạng 1 trong bảng xếp hạng đã công bố.",
        "en": "A score change is given only between two years of the same method (2021 on, the same unit set); "
              "between 2020 and later years only ranks are compared. The headline figures hold no score change "
              "and no statistic over a partly published group. The leader is the province or city ranked 1st in the "
              "published ranking."},
    "sw_no_overall_tenth": {
        "vi": "Thứ hạng DTI chung năm {year} chưa có số liệu công bố, nên chỉ xét nhóm 10% đứng đầu và 10% cuối.",
        "en": "The overall DTI rank for {year} is not published, so only the top and bottom tenth are considered."},
    "why_top_tenth": {"vi": "nhóm 10% đứng đầu", "en": "top tenth"},
    "why_bottom_tenth": {"vi": "nhóm 10% cuối", "en": "bottom tenth"},
    "why_above_overall": {"vi": "cao hơn hạng chung {margin} bậc trở lên",
                          "en": "{margin} or more places above the overall rank"},
    "why_below_overall": {"vi": "thấp hơn hạng chung {margin} bậc trở lên",
                          "en": "{margin} or more places below the overall rank"},
    "verdict_why": {"vi": "{verdict} ({why})", "en": "{verdict} ({why})"},
}
