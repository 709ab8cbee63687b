"""Labels of the targets section of the province report (sections/province/targets.py): what each
target asks, its status, what it rests on and what it takes."""

LABELS: dict[str, dict[str, str]] = {
    "sec_targets": {"vi": "Mục tiêu", "en": "Targets"},
    "tg_intro": {
        "vi": "Các mục tiêu về chỉ số DTI trong nghị quyết, kế hoạch của tỉnh, đối chiếu với số liệu đã công bố. "
              "Mỗi mục tiêu có một trong ba tình trạng: Đạt, Chưa đạt, hoặc Chưa đánh giá được (kết quả năm mục "
              "tiêu chưa công bố, hoặc số liệu cần thiết chưa được công bố). Không dự báo, không ngoại suy.",
        "en": "The DTI targets in the province's resolutions and plans, read against the published figures. Each "
              "has one of three statuses: met, not met, or not yet assessed (the target year's results are not "
              "out, or the figure it needs was not published). Nothing is forecast or extrapolated."},
    "tg_rule_sets": {
        "vi": "Mục tiêu từ năm 2025 tính theo xếp hạng của 34 tỉnh, thành phố sau sắp xếp ngày 1/7/2025. Thứ hạng "
              "trong 63 tỉnh, thành phố cũ và trong 34 đơn vị mới là hai thang khác nhau, không so sánh với nhau.",
        "en": "Targets from 2025 on count ranks of the 34 units after the 1 July 2025 merger. Ranks among the 63 "
              "former provinces and among the 34 are different scales and are never compared."},
    "tg_rule_yearly": {
        "vi": "Mục tiêu tăng bậc hằng năm: mỗi năm so với năm liền trước, khi cả hai thứ hạng đã công bố và cùng "
              "một bộ đơn vị.",
        "en": "A yearly target compares each year with the year before, where both ranks are published and of "
              "the same unit set."},
    "tg_stmt_rank_at_most": {
        "vi": "Đến năm {year}: DTI thuộc nhóm {n} tỉnh, thành phố dẫn đầu cả nước (top {n}, hạng 1–{n}/{of})",
        "en": "By {year}: DTI in the national top {n} (rank 1–{n} of {of})"},
    "tg_stmt_score_at_least": {"vi": "Đến năm {year}: điểm DTI từ {score} trở lên ({points}/1.000 điểm)",
                               "en": "By {year}: a DTI score of at least {score} ({points}/1,000 points)"},
    "tg_stmt_indices_in_top": {"vi": "Đến năm {year}: ít nhất {k}/{n} chỉ số chính thuộc top {m} cả nước",
                               "en": "By {year}: at least {k} of the {n} main indices in the national top {m}"},
    "tg_stmt_improve_places_per_year": {
        "vi": "Từ năm {first} đến năm {year}: mỗi năm tăng ít nhất {p} bậc so với năm trước",
        "en": "From {first} to {year}: up at least {p} places every year on the year before"},
    "tg_stmt_improve_one_place": {
        "vi": "Từ năm {first} đến năm {year}: mỗi năm tăng ít nhất 1 bậc so với năm trước",
        "en": "From {first} to {year}: up at least one place every year on the year before"},
    "tg_status_met": {"vi": "Đạt", "en": "Met"},
    "tg_status_not_met": {"vi": "Chưa đạt", "en": "Not met"},
    "tg_status_not_assessed": {"vi": "Chưa đánh giá được", "en": "Not yet assessed"},
    "tg_set_63": {"vi": "63 tỉnh, thành phố", "en": "the 63 provinces"},
    "tg_set_34": {"vi": "34 tỉnh, thành phố sau sắp xếp", "en": "the 34 units after the merger"},
    "tg_set_by": {
        "vi": "Mục tiêu do {former} đặt trước khi sắp xếp. Từ ngày 1/7/2025, {former} là một phần của {unit}; "
              "kết quả năm {year} chỉ xếp hạng 34 đơn vị, nên mục tiêu được đánh giá theo thứ hạng của {unit}.",
        "en": "Set by {former} before the merger. Since 1 July 2025 {former} is part of {unit}; the {year} "
              "results rank the 34 units only, so the target is assessed on {unit}'s rank."},
    "tg_fig": {"vi": "năm {year}, {name} xếp hạng {rank}, điểm {score}",
               "en": "{name} ranked {rank} in {year}, score {score}"},
    "tg_fig_rank": {"vi": "năm {year}, {name} xếp hạng {rank} (điểm chưa công bố)",
                    "en": "{name} ranked {rank} in {year} (score not published)"},
    "tg_fig_score": {"vi": "năm {year}, {name} đạt {score} điểm (thứ hạng chưa công bố)",
                     "en": "{name} scored {score} in {year} (rank not published)"},
    "tg_rests": {"vi": "Căn cứ:", "en": "Rests on:"},
    "tg_latest": {"vi": "Số liệu gần nhất đã công bố:", "en": "Latest published figure:"},
    "tg_latest_none": {"vi": "Chưa có số liệu DTI nào của {name} trong xếp hạng {set} được công bố.",
                       "en": "No DTI figure of {name} among {set} has been published yet."},
    "tg_sources_kind": {"vi": "nguồn: {kind}", "en": "source: {kind}"},
    "tg_kind_file": {"vi": "tệp của người dùng", "en": "the user's file"},
    "tg_kind_official": {"vi": "dti.gov.vn hoặc Bộ", "en": "dti.gov.vn or the ministry"},
    "tg_kind_press": {"vi": "cổng thông tin, báo chí", "en": "portal or press"},
    "tg_kind_secondary": {"vi": "bảng tổng hợp của bên thứ ba", "en": "third-party compilation"},
    "tg_kind_weak": {"vi": "nguồn yếu", "en": "weak source"},
    "tg_why_year": {"vi": "Kết quả DTI năm {year} ({set}) chưa được công bố; số liệu hiện có đến năm {last}.",
                    "en": "The {year} DTI results ({set}) are not published yet; the data run to {last}."},
    "tg_why_rank": {"vi": "Thứ hạng DTI năm {year} của {name}: chưa có số liệu công bố.",
                    "en": "{name}'s {year} DTI rank: not published."},
    "tg_why_score": {"vi": "Điểm DTI năm {year} của {name}: chưa có số liệu công bố.",
                     "en": "{name}'s {year} DTI score: not published."},
    "tg_why_indices": {
        "vi": "Mới biết {in_top}/{k} chỉ số cần có thuộc top {m} ({names}); chưa có số liệu công bố về thứ hạng "
              "của: {missing}.",
        "en": "{in_top} of the {k} indices needed are known to be in the top {m} ({names}); ranks not published: "
              "{missing}."},
    "tg_indices_count": {"vi": "Số chỉ số chính thuộc top {m} năm {year}: {in_top}/{n} ({names}).",
                         "en": "Main indices in the top {m} in {year}: {in_top} of {n} ({names})."},
    "tg_none": {"vi": "không có", "en": "none"},
    "tg_steps_pending": {"vi": "Chưa công bố: năm {years}.", "en": "Not published yet: {years}."},
    "tg_steps_missing": {"vi": "Thứ hạng chưa có số liệu công bố (năm {years}): không so sánh được năm đó.",
                         "en": "Ranks not published ({years}): those years cannot be compared."},
    "tg_step_ok": {"vi": "Đạt", "en": "Met"},
    "tg_step_short": {"vi": "Chưa đạt", "en": "Not met"},
    "tg_col_prev": {"vi": "Năm trước", "en": "Year before"},
    "tg_col_now": {"vi": "Năm đó", "en": "That year"},
    "tg_takes": {"vi": "Cần gì để đạt", "en": "What it takes"},
    "tg_takes_latest": {
        "vi": "Chưa có kết quả năm {year}; để tham khảo, số liệu năm {ref} (năm gần nhất đã công bố, xếp hạng "
              "{set}), không phải dự báo:",
        "en": "No {year} results yet; for reference, the figures of {ref} (the latest published year, ranks of "
              "{set}), not a forecast:"},
    "tg_takes_year": {"vi": "Số liệu năm {year} (xếp hạng {set}):", "en": "The figures of {year} (ranks of {set}):"},
    "tg_col_bar": {"vi": "Đơn vị xếp hạng {n}: điểm", "en": "Unit ranked {n}: score"},
    "tg_col_own": {"vi": "{name}: điểm (hạng)", "en": "{name}: score (rank)"},
    "tg_col_gap": {"vi": "Chênh lệch so với hạng {n}", "en": "Gap to rank {n}"},
    "tg_takes_rest": {
        "vi": "Các trụ cột và chỉ số còn lại: chưa có số liệu công bố về điểm ở hạng {n} hay điểm của {name}.",
        "en": "The other pillars and indices: no published score at rank {n}, nor of {name}."},
    "tg_takes_none": {
        "vi": "Năm {year}, chưa có số liệu công bố về điểm của đơn vị xếp hạng {n} hay điểm của {name} ({what}).",
        "en": "In {year}, neither the score of the unit ranked {n} nor {name}'s is published ({what})."},
    "tg_what_all": {"vi": "DTI, các trụ cột và chỉ số", "en": "DTI, pillars and indices"},
    "tg_what_indices": {"vi": "các chỉ số chính", "en": "the main indices"},
    "tg_takes_score": {"vi": "Điểm DTI năm {year} của {name}: {score}; chênh lệch so với mục tiêu: {gap}.",
                       "en": "{name}'s {year} DTI score: {score}; gap to the target: {gap}."},
    "tg_takes_score_np": {"vi": "Điểm DTI năm {year} của {name}: chưa có số liệu công bố.",
                          "en": "{name}'s {year} DTI score: not published."},
    "tg_takes_step": {"vi": "Năm {year} cần xếp hạng {needed}/{of} trở lên (năm {prev}: {rank}).",
                      "en": "{year} needs rank {needed}/{of} or better ({prev}: {rank})."},
    "tg_source": {"vi": "Nguồn mục tiêu:", "en": "Source of the target:"},
    "tg_quote": {"vi": "Trích:", "en": "The words:"},
    "tg_user": {"vi": "mục tiêu do người dùng cung cấp", "en": "given by the user"},
}
