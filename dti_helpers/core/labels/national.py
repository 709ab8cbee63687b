"""Labels of the national overview and the index page."""

LABELS: dict[str, dict[str, str]] = {
    "idx_title": {"vi": "Báo cáo Chỉ số chuyển đổi số cấp tỉnh (DTI)", "en": "Provincial Digital Transformation Index (DTI) reports"},
    "idx_lede": {
        "vi": "{n} báo cáo tỉnh, thành phố, lập từ số liệu DTI đã công bố. Số liệu chưa công bố được ghi rõ, không ước tính.",
        "en": "{n} province reports, built from the published DTI figures. Figures not published are said to be so, never estimated."},
    "idx_search": {"vi": "Tìm tỉnh, thành phố (có dấu hoặc không dấu)",
                   "en": "Search for a province or city (with or without diacritics)"},
    "idx_filter_region": {"vi": "Lọc theo vùng", "en": "Filter by region"},
    "idx_region_all": {"vi": "Tất cả các vùng", "en": "All regions"},
    "idx_count": {"vi": "Đang hiển thị {n}/{total} dòng", "en": "Showing {n} of {total} rows"},
    "idx_reports": {"vi": "Báo cáo", "en": "Reports"},
    "idx_link": {"vi": "{format} ({report_lang})", "en": "{format} ({report_lang})"},
    "idx_no_report": {"vi": "chưa có báo cáo", "en": "no report yet"},
    "idx_in_lang": {"vi": "Tiếng Việt", "en": "English"},
    "idx_overview": {"vi": "Tổng quan cả nước {year}", "en": "National overview {year}"},
    "idx_overview_34": {"vi": "Tổng quan 34 tỉnh, thành phố sau sắp xếp {year}",
                        "en": "Overview {year} of the 34 provinces and cities after the merger"},
    "idx_year_note": {
        "vi": "Mỗi bảng là một năm đánh giá của một bộ đơn vị: thứ hạng của các năm khác nhau không xếp chung. "
              "Địa phương có báo cáo của năm khác (năm gần nhất có số liệu) được ghi năm đó, kèm liên kết. "
              "Bấm vào tiêu đề cột để sắp xếp; ô chưa có số liệu luôn xếp cuối.",
        "en": "Each table is one assessment year of one unit set: ranks of different years are never listed "
              "together. A province or city whose report is of another year (its latest with data) says which, "
              "with a link. Click a column heading to sort; cells without a published figure always sort last."},
    # national overview (sections/national)
    "ov_title": {"vi": "Chỉ số chuyển đổi số {year}: tổng quan cả nước", "en": "Digital Transformation Index {year}: national overview"},
    "ov_subtitle": {"vi": "63 tỉnh, thành phố · năm đánh giá {year}",
                    "en": "63 provinces and cities · assessment year {year}"},
    "ov_subtitle_34": {"vi": "34 tỉnh, thành phố sau sắp xếp ngày 1/7/2025 · năm đánh giá {year}",
                       "en": "The 34 provinces and cities after the 1 July 2025 merger · assessment year {year}"},
    "ov_title_34": {"vi": "Chỉ số chuyển đổi số {year}: tổng quan 34 tỉnh, thành phố",
                    "en": "Digital Transformation Index {year}: overview of the 34 provinces and cities"},
    "ov_header": {"vi": "Tổng quan cả nước · DTI {year}", "en": "National overview · DTI {year}"},
    "ov_lede": {"vi": "Tổng quan Chỉ số chuyển đổi số cấp tỉnh (DTI) do {publisher} công bố, chỉ dùng số liệu đã công "
                      "bố. Số liệu chưa công bố được ghi rõ; không có số liệu nào được ước tính hay suy ra.",
                "en": "An overview of the Provincial Digital Transformation Index (DTI), published by the "
                      "{publisher}, from published figures only. What is not published is marked as such; nothing is "
                      "estimated or derived."},
    "ov_sec_ranking": {"vi": "1. Bảng xếp hạng", "en": "1. Ranking"},
    "ov_sec_pillars": {"vi": "2. Phân bố điểm các trụ cột", "en": "2. Pillar score distributions"},
    "ov_sec_regions": {"vi": "3. So sánh các vùng", "en": "3. Regions compared"},
    "ov_sec_map": {"vi": "4. Bản đồ xếp hạng", "en": "4. Map of ranks"},
    "ov_sec_movers": {"vi": "5. Thay đổi thứ hạng lớn nhất", "en": "5. Biggest movers"},
    "ov_sec_coverage": {"vi": "6. Mức độ công bố số liệu", "en": "6. Coverage of published data"},
    "ov_sec_notes": {"vi": "7. Ghi chú về số liệu", "en": "7. Data notes"},
    "ov_rank_intro": {"vi": "Năm {year}, {n_rank}/{n} tỉnh, thành phố có thứ hạng DTI được công bố và {n_score}/{n} "
                            "có điểm DTI.",
                      "en": "For {year}, {n_rank} of {n} provinces and cities have a published DTI rank and {n_score} "
                            "of {n} a published DTI score."},
    "ov_rank_full_years": {"vi": "Các năm có thứ hạng công bố cho cả {n} tỉnh, thành phố: {years}.",
                           "en": "Years with a published rank for all {n} provinces and cities: {years}."},
    "ov_rank_caption": {"vi": "Xếp hạng DTI năm {year} (hạng trụ cột trên {n})",
                        "en": "DTI ranking {year} (pillar ranks out of {n})"},
    "ov_rank_nothing": {"vi": "Chưa có số liệu nào công bố năm {year} cho {n} tỉnh, thành phố: {names}.",
                        "en": "Nothing is published for {year} for {n} provinces and cities: {names}."},
    "ov_pillar_rank": {"vi": "Hạng {pillar}", "en": "{pillar} rank"},
    "ov_pillars_intro": {
        "vi": "Mỗi chấm là một điểm trụ cột năm {year} đã công bố ({n} điểm); vạch ngang là trung vị, chỉ vẽ khi ít "
              "nhất một nửa số tỉnh có điểm công bố.",
        "en": "Each dot is one published pillar score of {year} ({n} scores); the bar is the median, drawn only "
              "where at least half of the provinces have a published score."},
    "ov_pillars_none": {"vi": "Năm {year} chưa có điểm trụ cột nào được công bố.",
                        "en": "No pillar score is published for {year}."},
    "ov_pillars_caption": {"vi": "Điểm các trụ cột đã công bố năm {year}", "en": "Published pillar scores, {year}"},
    "ov_pillars_table_caption": {"vi": "Điểm trụ cột đã công bố năm {year}: số lượng và thống kê",
                                 "en": "Published pillar scores of {year}: count and statistics"},
    "ov_alt_pillars": {"vi": "Biểu đồ chấm điểm các trụ cột đã công bố năm {year}; số điểm: {counts}.",
                       "en": "Dot chart of the published pillar scores of {year}; counts: {counts}."},
    "ov_pillar": {"vi": "Trụ cột", "en": "Pillar"},
    "ov_n_published": {"vi": "Số điểm công bố", "en": "Published"},
    "ov_median": {"vi": "Trung vị", "en": "Median"},
    "ov_min": {"vi": "Thấp nhất", "en": "Lowest"},
    "ov_max": {"vi": "Cao nhất", "en": "Highest"},
    "ov_regions_intro": {"vi": "Các vùng kinh tế - xã hội so sánh qua thứ hạng DTI năm {year} của các địa phương "
                               "trong vùng, chỉ tính các thứ hạng đã công bố; mỗi vùng ghi rõ số địa phương có thứ "
                               "hạng.",
                         "en": "The socio-economic regions compared by the DTI ranks of their provinces and cities in "
                               "{year}, counting published ranks only; each region says how many have one."},
    "ov_regions_caption": {"vi": "Các vùng năm {year}", "en": "Regions in {year}"},
    "ov_regions_fig_caption": {"vi": "Thứ hạng DTI năm {year} của các địa phương theo vùng (vạch: trung vị, khi ít "
                                     "nhất một nửa số địa phương có thứ hạng; trong ngoặc: số địa phương có thứ "
                                     "hạng/số địa phương)",
                               "en": "DTI ranks in {year} by region (bar: median, where at least half of the "
                                     "provinces and cities have a rank; in brackets: those with a rank/all)"},
    "ov_alt_regions": {"vi": "Biểu đồ chấm thứ hạng DTI năm {year} theo vùng; số địa phương có thứ hạng: {items}.",
                       "en": "Dot chart of DTI ranks in {year} by region; provinces and cities with a rank: {items}."},
    "ov_n_provinces": {"vi": "Số địa phương", "en": "Provinces and cities"},
    "ov_n_rank": {"vi": "Có thứ hạng", "en": "With a rank"},
    "ov_best": {"vi": "Cao nhất vùng", "en": "Best in region"},
    "ov_median_rank": {"vi": "Hạng trung vị", "en": "Median rank"},
    "ov_median_score": {"vi": "Điểm trung vị", "en": "Median score"},
    "ov_map_intro": {"vi": "Bản đồ ô của {n} tỉnh, thành phố tô màu theo thứ hạng DTI năm {year} ({n_rank}/{n} có thứ "
                           "hạng); ô gạch chéo là chưa có số liệu công bố.",
                     "en": "A tile map of the {n} provinces and cities coloured by DTI rank in {year} ({n_rank} of "
                           "{n} have one); hatched tiles mark those not published."},
    "ov_map_caption": {"vi": "Thứ hạng DTI năm {year} trên bản đồ ô", "en": "DTI rank in {year}, tile map"},
    "ov_alt_map": {"vi": "Bản đồ ô {n} tỉnh, thành phố tô màu theo thứ hạng DTI năm {year}; {n_rank} địa phương có "
                         "thứ hạng.",
                   "en": "Tile map of the {n} provinces and cities coloured by DTI rank in {year}; {n_rank} have a "
                         "rank."},
    "ov_movers_intro": {"vi": "Thay đổi thứ hạng DTI giữa hai năm đánh giá liền nhau, chỉ với các địa phương có thứ "
                              "hạng công bố ở cả hai năm; không suy ra thứ hạng nào.",
                        "en": "DTI rank changes between consecutive assessment years, only for provinces and cities "
                              "whose rank is published in both years; no rank is derived."},
    "ov_movers_none": {"vi": "Đến năm {year}, chưa có địa phương nào có thứ hạng công bố ở hai năm liền nhau.",
                       "en": "Up to {year}, no province or city has a published rank in two consecutive years."},
    "ov_movers_pair": {"vi": "{y0} → {y1}: {n} địa phương có thứ hạng ở cả hai năm; {up} tăng hạng, {down} giảm hạng, "
                             "{same} giữ nguyên.",
                       "en": "{y0} → {y1}: {n} provinces and cities have a rank in both years; {up} rose, {down} "
                             "fell, {same} kept their rank."},
    "ov_movers_caption": {"vi": "Tăng và giảm hạng nhiều nhất (tối đa {k} địa phương mỗi chiều)",
                          "en": "Biggest moves up and down (at most {k} each way)"},
    "ov_movers_fig_caption": {"vi": "Thay đổi thứ hạng {y0} → {y1} của {n} địa phương có thứ hạng ở cả hai năm",
                              "en": "Rank change {y0} → {y1} of the {n} provinces and cities ranked in both years"},
    "ov_alt_movers": {"vi": "Biểu đồ thanh thay đổi thứ hạng DTI {y0} → {y1}: {items}.",
                      "en": "Bar chart of DTI rank changes {y0} → {y1}: {items}."},
    "ov_years": {"vi": "Các năm", "en": "Years"},
    "ov_direction": {"vi": "Chiều", "en": "Direction"},
    "ov_up": {"vi": "tăng hạng", "en": "up"},
    "ov_down": {"vi": "giảm hạng", "en": "down"},
    "ov_rank_from": {"vi": "Hạng trước", "en": "Rank before"},
    "ov_rank_to": {"vi": "Hạng sau", "en": "Rank after"},
    "ov_change": {"vi": "Thay đổi (bậc)", "en": "Change (places)"},
    "ov_cov_intro": {"vi": "Số tỉnh, thành phố (trên {n}) có từng loại số liệu được công bố mỗi năm: tổng quan này "
                           "chỉ dùng các số liệu đó.",
                     "en": "How many of the {n} provinces and cities have each kind of figure published, per year: "
                           "this overview uses only those."},
    "ov_cov_caption": {"vi": "Số liệu đã công bố theo năm (số địa phương trên {n})",
                       "en": "Published figures per year (provinces and cities out of {n})"},
    "ov_cov_dti_rank": {"vi": "Thứ hạng DTI", "en": "DTI rank"},
    "ov_cov_dti_score": {"vi": "Điểm DTI", "en": "DTI score"},
    "ov_cov_pillar_rank": {"vi": "Hạng trụ cột", "en": "Pillar rank"},
    "ov_cov_pillar_score": {"vi": "Điểm trụ cột", "en": "Pillar score"},
    "ov_cov_index_any": {"vi": "Chỉ số thành phần", "en": "Main indices"},
    "ov_cov_fig_caption": {"vi": "Số địa phương có số liệu công bố năm {year}",
                           "en": "Provinces and cities with published figures, {year}"},
    "ov_alt_coverage": {"vi": "Biểu đồ cột số địa phương có số liệu công bố năm {year}: {items}.",
                        "en": "Bar chart of the provinces and cities with published figures in {year}: {items}."},
    "ov_yes": {"vi": "có", "en": "yes"},
    "ov_no": {"vi": "không", "en": "no"},
    "ov_method_published": {"vi": "Mọi con số trong tổng quan là số liệu Bộ đã công bố, đọc từ các trang nguồn bên "
                                  "dưới.",
                            "en": "Every figure in this overview is one the ministry published, read from the source "
                                  "pages below."},
    "ov_method_movers": {
        "vi": "Thay đổi thứ hạng chỉ được tính khi thứ hạng của cả hai năm đều được công bố; thứ hạng không bao giờ "
              "được suy ra từ điểm hay từ câu chữ như \"tăng 5 bậc\".",
        "en": "A rank change is shown only where both years' ranks are published; a rank is never derived from "
              "scores or from wording such as \"up 5 places\"."},
    "ov_sources_intro": {"vi": "Các trang nguồn của điểm và thứ hạng DTI, trụ cột năm {year} ({n} trang).",
                         "en": "Source pages of the DTI and pillar scores and ranks of {year} ({n} pages)."},
    "ov_param_year_latest": {"vi": "{year} (mặc định: năm đánh giá gần nhất)",
                             "en": "{year} (default: the latest assessment year)"},
    "ov_chart_score_axis": {"vi": "Điểm (0–1)", "en": "Score (0–1)"},
    "ov_chart_change_axis": {"vi": "Thay đổi thứ hạng (bậc; dương = tăng hạng)",
                             "en": "Rank change (places; positive = rose)"},
    "ov_chart_n_provinces": {"vi": "Số địa phương (trên {n})", "en": "Provinces and cities (of {n})"},
    # overview: doubtful figures and the sources of every figure shown
    "ov_doubt_left_out": {"vi": "không tính vào thống kê", "en": "left out of the statistics"},
    "ov_method_doubtful": {
        "vi": "Số liệu đáng ngờ (†) được giữ nguyên như nguồn công bố, có chú thích, nhưng không tính vào trung vị, "
              "giá trị cao nhất, thấp nhất và địa phương cao nhất vùng.",
        "en": "Doubtful figures (†) are shown as the source prints them, with a note, but left out of medians, "
              "highest and lowest values and a region's best."},
    "ov_chart_doubtful": {"vi": "đáng ngờ (không tính trung vị)", "en": "doubtful (not in the median)"},
    "ov_sources_intro_all": {
        "vi": "Các trang nguồn của mọi con số trong tổng quan: điểm và thứ hạng DTI, trụ cột năm {year} và các thứ "
              "hạng dùng cho thay đổi thứ hạng ({n} trang).",
        "en": "Source pages of every figure in this overview: the DTI and pillar scores and ranks of {year} and the "
              "ranks behind the rank changes ({n} pages)."},
    "idx_doubt_note": {"vi": "{name} {year}: {note}", "en": "{name} {year}: {note}"},
    # honest statistics (issue 10): each overview's charts show its own year
    "ov_movers_no_chart": {
        "vi": "Chưa có tỉnh nào có thứ hạng công bố ở cả năm {year} và năm đánh giá trước đó, nên không có biểu đồ "
              "thay đổi thứ hạng của năm {year}.",
        "en": "No province has a published rank in both {year} and the assessment year before, so there is no "
              "chart of the {year} rank changes."},
    "ov_pillar_count": {"vi": "{n}/{of}", "en": "{n} of {of}"},
    # the index page's year tables (issue 10, item 9): one table per year and unit set, and the selector
    "idx_set_63": {"vi": "63 tỉnh, thành phố trước sắp xếp", "en": "The 63 provinces before the merger"},
    "idx_set_34": {"vi": "34 tỉnh, thành phố sau sắp xếp ngày 1/7/2025", "en": "The 34 units after the 1 July 2025 merger"},
    "idx_selector": {"vi": "Năm đánh giá", "en": "Assessment year"},
    "idx_table_heading": {"vi": "Năm {year} · {set}", "en": "{year} · {set}"},
    "idx_table_caption": {"vi": "{set}: điểm và xếp hạng DTI năm {year} (trên {n})",
                          "en": "{set}: DTI score and rank in {year} (of {n})"},
    "idx_other_year": {"vi": "báo cáo năm {year}", "en": "report for {year}"},
}
