"""Labels of the province report: sections, tables, charts, alt text, data notes."""

LABELS: dict[str, dict[str, str]] = {
    "report_title": {"vi": "Chỉ số chuyển đổi số {year}: {name}", "en": "Digital Transformation Index {year}: {name}"},
    "report_subtitle": {"vi": "{region} · năm đánh giá {year}", "en": "{region} · assessment year {year}"},
    "report_subtitle_34": {"vi": "{region} · năm đánh giá {year} · 34 tỉnh, thành phố sau sắp xếp",
                           "en": "{region} · assessment year {year} · the 34 provinces and cities after the merger"},
    "report_lede": {"vi": "Báo cáo về Chỉ số chuyển đổi số cấp tỉnh (DTI) do {publisher} công bố, chỉ dùng số liệu đã "
                          "công bố và ghi nguồn của từng số liệu. Số liệu chưa công bố được ghi rõ là chưa công bố, "
                          "không ước tính.",
                    "en": "A report on the Provincial Digital Transformation Index (DTI), published by the "
                          "{publisher}. It uses published figures only, each with its source; a figure that was not "
                          "published is marked as such, never estimated."},
    "running_header": {"vi": "{name} · DTI {year}", "en": "{name} · DTI {year}"},
    "toc": {"vi": "Mục lục", "en": "Contents"},
    "page": {"vi": "Trang", "en": "Page"},
    "sec_headline": {"vi": "Tóm tắt", "en": "Summary"},
    "sec_scorecard": {"vi": "Các trụ cột và chỉ số thành phần", "en": "Pillars and main indices"},
    "sec_peers": {"vi": "So sánh với các địa phương tương đồng", "en": "Comparison with peers"},
    "sec_country": {"vi": "Vị trí trên cả nước", "en": "Position nationwide"},
    "sec_trend": {"vi": "Diễn biến qua các năm", "en": "Trend"},
    "sec_strengths": {"vi": "Điểm mạnh và điểm yếu", "en": "Strengths and weaknesses"},
    "sec_notes": {"vi": "Ghi chú về số liệu", "en": "Data notes"},
    "sec_former": {"vi": "Các tỉnh, thành phố trước sắp xếp", "en": "Former provinces and cities"},
    "sec_numbered": {"vi": "{n}. {title}", "en": "{n}. {title}"},
    "doubtful_intro": {"vi": "Số liệu cần thận trọng (đáng ngờ, hoặc chỉ có nguồn thứ cấp hay nguồn yếu), "
                             "giữ nguyên như nguồn công bố:",
                       "en": "Use with care (doubtful, or resting on a secondary or weak source only), "
                             "kept as the source prints it:"},
    "rank_up": {"vi": "tăng {k} bậc", "en": "up {k} places"},
    "rank_down": {"vi": "giảm {k} bậc", "en": "down {k} places"},
    "rank_same": {"vi": "giữ nguyên hạng", "en": "rank unchanged"},
    "rank_n": {"vi": "hạng {rank}", "en": "rank {rank}"},
    "no_prev": {"vi": "chưa có số liệu năm trước", "en": "no earlier figure"},
    "not_comparable": {"vi": "không so sánh được", "en": "not comparable"},
    "since_year": {"vi": "so với năm {year}", "en": "since {year}"},
    "this_province": {"vi": "chính tỉnh này", "en": "this province"},
    "kpi_score": {"vi": "Điểm DTI", "en": "DTI score"},
    "kpi_rank": {"vi": "Xếp hạng DTI", "en": "DTI rank"},
    "kpi_change": {"vi": "Thay đổi", "en": "Change"},
    "hl_score_rank": {"vi": "Năm {year}, {name} đạt {score} điểm DTI, xếp hạng {rank}.",
                      "en": "In {year}, {name} scored {score} on the DTI and ranked {rank}."},
    "hl_rank_only": {"vi": "Năm {year}, {name} xếp hạng {rank}; điểm DTI chưa được công bố.",
                     "en": "In {year}, {name} ranked {rank}; its DTI score is not published."},
    "hl_score_only": {"vi": "Năm {year}, {name} đạt {score} điểm DTI; thứ hạng chưa được công bố.",
                      "en": "In {year}, {name} scored {score} on the DTI; its rank is not published."},
    "hl_none": {"vi": "Năm {year}, cả điểm và thứ hạng DTI của {name} đều chưa được công bố.",
                "en": "For {year}, neither the DTI score nor the DTI rank of {name} is published."},
    "hl_no_prev_34": {"vi": "Trong bảng xếp hạng 34 tỉnh, thành phố, chưa có năm trước nào có số liệu DTI công bố để "
                            "so sánh; thứ hạng trên 63 của các tỉnh, thành phố cũ không so sánh được với thứ hạng "
                            "trên 34.",
                      "en": "In the ranking of the 34, no earlier year has a published DTI figure to compare with; "
                            "ranks among the former 63 cannot be compared with ranks among 34."},
    "hl_no_prev": {"vi": "Không có năm trước nào có số liệu DTI công bố, nên chưa thể so sánh.",
                   "en": "No earlier year has a published DTI figure, so no change can be shown."},
    "hl_rank_up": {"vi": "So với năm {prev_year} (hạng {prev}), {noun} tăng {k} bậc.",
                   "en": "Compared with {prev_year} (rank {prev}), it rose {k} places."},
    "hl_score_change": {"vi": "Điểm DTI thay đổi {delta} so với năm {prev_year} ({prev}); hai năm cùng phương pháp "
                              "đánh giá.",
                        "en": "The DTI score changed by {delta} since {prev_year} ({prev}), under the same method."},
    "hl_prev_not_comparable": {"vi": "Năm {prev_year} có số liệu ({prev}) nhưng không cùng loại với năm nay, nên "
                                     "không thể so sánh.",
                               "en": "{prev_year} has a figure ({prev}), but not one comparable with this year's, so "
                                     "no change is shown."},
    "hl_merged_kept": {"vi": "Ngày 1/7/2025, {name} hợp nhất với {others}, giữ tên {successor}.",
                       "en": "On 1 July 2025, {name} merged with {others} and kept its name."},
    "hl_not_merged": {"vi": "{name} không sáp nhập với địa phương nào trong đợt sắp xếp ngày 1/7/2025.",
                      "en": "{name} was not merged in the reorganisation of 1 July 2025."},
    "hl_successor_figure": {"vi": "Trong bảng xếp hạng năm {year} của 34 tỉnh, thành phố mới, {successor}: điểm DTI "
                                  "{score}, xếp hạng {rank}.",
                            "en": "In the {year} ranking of the 34 new provinces and cities, {successor}: DTI score "
                                  "{score}, rank {rank}."},
    "hl_formed": {"vi": "{name} được hình thành ngày 1/7/2025 do hợp nhất {members}; số liệu của các tỉnh, thành phố "
                        "cũ, với thứ hạng trên 63, ở mục «{section}».",
                  "en": "{name} was formed on 1 July 2025 by merging {members}; their figures from before the merger, "
                        "ranked among the 63, are in «{section}»."},
    "hl_successor_report": {"vi": "Báo cáo cùng năm của đơn vị mới:", "en": "The new unit's report of the same year:"},
    "hl_successor_link": {"vi": "{successor} {year} (34 tỉnh, thành phố)",
                          "en": "{successor} {year} (34 provinces and cities)"},
    "hl_kept": {"vi": "{name} không sáp nhập với địa phương nào ngày 1/7/2025; số liệu trong bảng xếp hạng 63 tỉnh, "
                      "thành phố cũ ở mục «{section}».",
                "en": "{name} was not merged on 1 July 2025; its figures among the former 63 are in «{section}»."},
    "former_intro_merged": {"vi": "{name} được hợp thành từ {n} tỉnh, thành phố cũ: {members}. Bảng dưới đây đặt cạnh "
                                  "nhau số liệu đã công bố của từng địa phương cũ trong các năm đánh giá 63 tỉnh, "
                                  "thành phố.",
                            "en": "{name} was formed from {n} former provinces and cities: {members}. The table below "
                                  "sets side by side the figures published for each of them in the years the 63 were "
                                  "assessed."},
    "former_intro_kept": {"vi": "{name} không sáp nhập; bảng dưới đây là số liệu đã công bố của {name} trong các năm "
                                "đánh giá 63 tỉnh, thành phố.",
                          "en": "{name} was not merged; the table below shows its published figures in the years the "
                                "63 were assessed."},
    "former_caution": {"vi": "Thứ hạng ở đây là thứ hạng trên 63 tỉnh, thành phố trước sắp xếp, không so sánh được "
                             "với thứ hạng trên 34. Báo cáo không tự tính trung bình các địa phương cũ: số liệu của "
                             "chính {name} chỉ là số liệu Bộ công bố cho 34 tỉnh, thành phố.",
                       "en": "Ranks here are ranks among the 63 provinces and cities before the merger and cannot be "
                             "compared with ranks among the 34. The report never averages the former units: {name}'s "
                             "own figures are only those the ministry published for the 34."},
    "former_none": {"vi": "Dữ liệu đang dùng không có số liệu nào của 63 tỉnh, thành phố trước sắp xếp.",
                    "en": "The data in use hold no figures of the 63 provinces and cities before the merger."},
    "former_caption": {"vi": "Điểm (thứ hạng trên 63) của các tỉnh, thành phố cũ hợp thành {name}",
                       "en": "Score (rank among 63) of the former provinces and cities that make up {name}"},
    "former_cell_help": {"vi": "Mỗi ô: điểm (thứ hạng trên 63 tỉnh, thành phố cũ).",
                         "en": "Each cell: score (rank among the 63 former provinces and cities)."},
    "dn_former_caption": {"vi": "Số liệu đã công bố của các tỉnh, thành phố cũ hợp thành {name} (thứ hạng trên 63)",
                          "en": "Published figures of the former provinces and cities that make up {name} (ranks "
                                "among 63)"},
    "method_region_34": {"vi": "Vùng của một tỉnh, thành phố sau sắp xếp (dùng để chọn địa phương so sánh và tính "
                               "trung vị vùng): vùng kinh tế - xã hội của tỉnh cũ mà đơn vị mới giữ mã số.",
                         "en": "The region of a province or city after the merger (for peers and region medians): the "
                               "socio-economic region of the former unit whose GSO code it kept."},
    "dn_successor_caption": {"vi": "DTI của {successor} trong bảng xếp hạng 34 tỉnh, thành phố sau sắp xếp",
                             "en": "DTI of {successor} in the ranking of the 34 provinces and cities after the merger"},
    "hl_mean": {"vi": "Trung bình cả nước năm {year}: {mean}.", "en": "The national mean in {year} was {mean}."},
    "hl_mean_np": {"vi": "Trung bình cả nước năm {year}: chưa có số liệu công bố.",
                   "en": "The national mean for {year} is not published."},
    "hl_doubtful": {"vi": "Lưu ý: cần thận trọng với số liệu này ({note}).",
                    "en": "Note: use this figure with care ({note})."},
    "col_change": {"vi": "Thay đổi (năm so sánh)", "en": "Change (since)"},
    "col_region_median": {"vi": "Trung vị vùng", "en": "Region median"},
    "col_leader": {"vi": "Dẫn đầu", "en": "Leader"},
    "col_gap": {"vi": "Cách dẫn đầu", "en": "Gap to leader"},
    "col_overall_rank": {"vi": "Hạng DTI chung", "en": "Overall DTI rank"},
    "col_difference": {"vi": "Chênh lệch (bậc)", "en": "Difference (places)"},
    "col_verdict": {"vi": "Đánh giá", "en": "Verdict"},
    "col_note": {"en": "Note", "vi": "Ghi chú"},
    "col_sources": {"vi": "Nguồn", "en": "Sources"},
    "col_source": {"vi": "Nguồn", "en": "Source"},
    "col_figures": {"vi": "Số liệu lấy từ nguồn này", "en": "Figures taken from it"},
    "col_parameter": {"vi": "Tham số", "en": "Parameter"},
    "col_value": {"vi": "Giá trị", "en": "Value"},
    "sc_intro": {"vi": "Điểm và thứ hạng năm {year} của từng trụ cột và chỉ số thành phần, thay đổi so với năm gần "
                       "nhất có số liệu, trung bình cả nước, trung vị của các địa phương cùng vùng {region} và địa "
                       "phương dẫn đầu.",
                 "en": "Score and rank in {year} for each pillar and main index, the change since the latest earlier "
                       "published figure, the national mean, the median of the {region} region and the leader."},
    "sc_caption": {"vi": "Bảng điểm {name}, năm {year}", "en": "Scorecard of {name}, {year}"},
    "sc_indices_np": {"vi": "Các chỉ số thành phần chưa có số liệu công bố cho năm {year}: {names}.",
                      "en": "Main indices not published for {year}: {names}."},
    "sc_indices_from_2021": {"vi": "Tám chỉ số chính được đánh giá từ năm 2021.",
                             "en": "The eight main indices are assessed from 2021."},
    "peers_rule_region": {"vi": "Địa phương so sánh: các tỉnh, thành phố khác cùng vùng {region}.",
                          "en": "Peers: the other provinces and cities of the {region} region."},
    "peers_rule_rank": {"vi": "Địa phương so sánh: các tỉnh, thành phố có thứ hạng DTI cách {name} không quá {k} bậc "
                              "(±{k}).",
                        "en": "Peers: the provinces and cities whose DTI rank is within {k} places of {name}'s (±{k})."},
    "peers_rule_profile": {"vi": "Địa phương so sánh: {k} tỉnh, thành phố có điểm ba trụ cột gần nhất (chỉ xét những "
                                 "nơi đã công bố đủ ba điểm).",
                           "en": "Peers: the {k} provinces and cities nearest in the three pillar scores (only those "
                                 "with all three scores published)."},
    "peers_fallback_no_rank": {"vi": "{name} chưa có thứ hạng DTI công bố năm nay, nên so sánh với các địa phương "
                                     "cùng vùng.",
                               "en": "{name} has no published DTI rank this year, so it is compared with its region."},
    "peers_fallback_no_scores": {"vi": "{name} chưa được công bố đủ điểm ba trụ cột năm nay, nên so sánh với các địa "
                                       "phương cùng vùng.",
                                 "en": "{name} lacks published pillar scores this year, so it is compared with its "
                                       "region."},
    "peers_name_region": {"vi": "cùng vùng", "en": "same region"},
    "peers_name_rank": {"vi": "thứ hạng lân cận", "en": "rank neighbours"},
    "peers_name_profile": {"vi": "hồ sơ gần nhất", "en": "nearest profile"},
    "peers_caption": {"vi": "{name} và {n} địa phương so sánh, năm {year}", "en": "{name} and {n} peers, {year}"},
    "peers_cell_help": {"vi": "Mỗi ô: điểm (thứ hạng trên {n}).", "en": "Each cell: score (rank among {n})."},
    "peers_fig_caption": {"vi": "Thứ hạng năm {year} của {name} và các địa phương so sánh (hạng 1 ở bên trái).",
                          "en": "Ranks in {year} of {name} and its peers (rank 1 on the left)."},
    "peers_no_chart": {"vi": "Năm {year} chưa có thứ hạng công bố cho các địa phương này, nên không có biểu đồ.",
                       "en": "No rank is published for these provinces and cities in {year}, so there is no chart."},
    "peers_without_rank": {"vi": "Chưa có thứ hạng công bố năm {year}: {names}.",
                           "en": "No rank published in {year} for: {names}."},
    "alt_peers": {"vi": "Biểu đồ chấm thứ hạng năm {year} của {name} và các địa phương so sánh: {items}.",
                  "en": "Dot plot of the {year} ranks of {name} and its peers: {items}."},
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
    "ladder_caption": {"vi": "Thứ hạng DTI năm {year} của các tỉnh, thành phố có thứ hạng công bố; các địa phương "
                             "đồng hạng được xếp chồng.",
                       "en": "DTI ranks in {year} of every province and city with a published rank; ties are stacked."},
    "alt_ladder": {"vi": "Biểu đồ thứ hạng DTI năm {year} của {n} tỉnh, thành phố có số liệu. {name}: {rank}. Dẫn "
                         "đầu: {top}. Địa phương so sánh: {peers}.",
                   "en": "Chart of the {year} DTI ranks of the {n} provinces and cities with a published rank. "
                         "{name}: {rank}. Top: {top}. Peers: {peers}."},
    "map_caption": {"vi": "Bản đồ ô {n} tỉnh, thành phố theo thứ hạng DTI năm {year} (màu càng đậm, hạng càng cao).",
                    "en": "Tile map of the {n} provinces and cities by DTI rank in {year} (darker = better rank)."},
    "alt_map": {"vi": "Bản đồ ô Việt Nam, mỗi ô là một tỉnh, thành phố, tô màu theo thứ hạng DTI năm {year}; {n} địa "
                      "phương có thứ hạng, ô gạch chéo là chưa có số liệu công bố. {name} ({rank}) được viền đậm.",
                "en": "Tile map of Vietnam, one tile per province or city, coloured by its {year} DTI rank; {n} have "
                      "a rank, and hatched tiles mark those not published. {name} ({rank}) is outlined."},
    "trend_intro": {"vi": "Thứ hạng DTI và ba trụ cột qua các năm đánh giá (hạng 1 ở trên cùng). Điểm của các năm "
                          "được tính theo phương pháp khác nhau nên ở đây so sánh thứ hạng; năm không có số liệu được "
                          "để trống, không nối liền.",
                    "en": "DTI and pillar ranks per assessment year (rank 1 at the top). Scores of different years "
                          "follow different methods, so ranks are compared; a year without figures is left as a gap, "
                          "never joined."},
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
    "chart_rank_axis_better_left": {"vi": "Thứ hạng trên {n} (1 = cao nhất)", "en": "Rank of {n} (1 = best)"},
    "chart_peers": {"vi": "Địa phương so sánh", "en": "Peers"},
    "chart_other_provinces": {"vi": "Các địa phương khác", "en": "Other provinces and cities"},
    "chart_dti_rank": {"vi": "Hạng DTI", "en": "DTI rank"},
    "chart_focus": {"vi": "Tỉnh báo cáo", "en": "This province"},
    "sw_rule": {
        "vi": "Quy tắc: một trụ cột hay chỉ số là điểm mạnh khi xếp trong nhóm 10% đứng đầu (hạng 1 đến {top} trên "
              "{n}) hoặc cao hơn thứ hạng DTI chung ít nhất {margin} bậc; là điểm yếu khi xếp trong nhóm 10% cuối "
              "(hạng {bottom} đến {n}) hoặc thấp hơn thứ hạng DTI chung ít nhất {margin} bậc; chỉ xét các thứ hạng "
              "đã công bố.",
        "en": "Rule: a pillar or index is a strength when it ranks in the top tenth of the units (rank 1 to {top} "
              "of {n}) or at least {margin} places better than the overall DTI rank, a weakness when it ranks in "
              "the bottom tenth (rank {bottom} to {n}) or at least {margin} places worse; only published ranks "
              "are compared."},
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
    "dn_others_intro": {"vi": "Số liệu của các địa phương khác dùng trong báo cáo (địa phương so sánh, địa phương dẫn "
                              "đầu, biểu đồ và bản đồ cả nước), theo nguồn:",
                        "en": "Figures of other provinces and cities used in this report (peers, leaders, the "
                              "national chart and map), by source:"},
    "dn_others_caption": {"vi": "Số liệu của các địa phương khác, năm {year}",
                          "en": "Figures of other provinces and cities, {year}"},
    "col_n_provinces": {"vi": "Số tỉnh, thành phố", "en": "Provinces and cities"},
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
    "method_source": {"vi": "DTI được đánh giá hằng năm và công bố tại dti.gov.vn; năm ghi trong báo cáo là năm đánh "
                            "giá, không phải năm công bố. Đơn vị công bố kết quả: {publishers}.",
                      "en": "The DTI is assessed every year and published at dti.gov.vn; a report's year is the "
                            "assessment year, not the year of publication. The results were published by {publishers}."},
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
    "method_ranks": {"vi": "Thứ hạng trên {n} tỉnh, thành phố; các địa phương bằng điểm nhau thì đồng hạng.",
                     "en": "Ranks are out of {n} provinces and cities; ties share a rank."},
    "method_stats": {
        "vi": "Trung vị, giá trị cao nhất, thấp nhất hay bất kỳ thống kê nào trên một nhóm địa phương (một vùng, cả "
              "nước) chỉ được nêu khi ít nhất một nửa số địa phương của nhóm có số liệu công bố, luôn kèm số địa "
              "phương có số liệu trên tổng số (n/N); nếu không, báo cáo ghi «quá ít số liệu công bố». Lý do: điểm "
              "của các địa phương có kết quả tốt thường được công bố nhiều hơn, nên thống kê trên số ít số liệu đã "
              "công bố dễ bị lệch. Khi nhóm chưa đủ số liệu, «cao nhất» chỉ là cao nhất trong số đã công bố. Số "
              "liệu đáng ngờ không được tính.",
        "en": "A median, a highest or lowest value, or any other statistic over a group of provinces and cities (a "
              "region, the country) is given only when at least half of the group's figures are published, always "
              "with the count (n of N); otherwise the report says “too few published”. Provinces and cities with "
              "good results are the ones whose scores get published, so a statistic over the published few is "
              "biased. Over an incomplete group, “highest” is only the highest published. Doubtful figures are "
              "left out."},
    "method_honesty": {
        "vi": "Số liệu chưa công bố được để trống và ghi rõ, không bao giờ được điền, ước tính hay nội suy; số "
              "liệu đáng ngờ, hoặc chỉ có nguồn thứ cấp (bảng tổng hợp của bên thứ ba) hay nguồn yếu (trang thử "
              "nghiệm, trang đăng lại), được giữ nguyên như nguồn và đánh dấu †. Khi các nguồn khác nhau, thứ tự "
              "ưu tiên là: tệp của người dùng, dti.gov.vn và Bộ, cổng thông tin và báo chí, bảng tổng hợp, nguồn yếu.",
        "en": "Figures not published stay missing and are said to be so; none is filled, estimated or "
              "interpolated. Doubtful figures, and figures resting on a secondary source (a third-party "
              "compilation) or a weak one (a test host, a republisher) only, are kept as their source prints them "
              "and marked †. Where sources disagree, the order is: the user's file, dti.gov.vn and the ministry, "
              "portals and the press, compilations, weak sources."},
    "dn_params": {"vi": "Ngày tháng, phiên bản số liệu và tham số", "en": "Dates, data version and parameters"},
    "embedded_data": {"vi": "bộ số liệu đi kèm (data/dti.csv)", "en": "embedded data (data/dti.csv)"},
    "param_province": {"vi": "Tỉnh, thành phố (province)", "en": "Province or city (province)"},
    "param_province_value": {"vi": "{name} (mã {code})", "en": "{name} (code {code})"},
    "param_province_asked": {"vi": "{name} (mã {code}), nhập là “{asked}”", "en": "{name} (code {code}), asked as “{asked}”"},
    "param_year": {"vi": "Năm (year)", "en": "Year (year)"},
    "param_units": {"vi": "Bộ đơn vị (units)", "en": "Unit set (units)"},
    "param_units_34": {"vi": "34 (34 tỉnh, thành phố sau sắp xếp ngày 1/7/2025)",
                       "en": "34 (the 34 provinces and cities after the 1 July 2025 merger)"},
    "param_year_latest": {"vi": "{year} (năm gần nhất có số liệu)",
                          "en": "{year} (latest year with data)"},
    "param_lang": {"vi": "Ngôn ngữ (lang)", "en": "Language (lang)"},
    "param_peers": {"vi": "Cách chọn địa phương so sánh (peers)", "en": "Peer strategy (peers)"},
    "param_data": {"vi": "Tệp số liệu (data_path)", "en": "Data file (data_path)"},
    "param_version": {"vi": "Phiên bản số liệu (mã băm)", "en": "Data version (content hash)"},
    "param_software": {"vi": "Phần mềm", "en": "Software"},
    # report: marking doubtful figures in changes, charts and the successor's figures (report.py, charts.py)
    "doubt_change": {"vi": "Thay đổi {prev_year}–{year} ({what})", "en": "Change {prev_year}–{year} ({what})"},
    "doubt_gap": {"vi": "Cách dẫn đầu ({what})", "en": "Gap to leader ({what})"},
    "alt_doubtful": {"vi": "Số liệu đáng ngờ (†): {items}.", "en": "Doubtful figures (†): {items}."},
    # the section kit: the alt text of a figure the analyst showed without one
    "kit_chart_alt": {"vi": "Biểu đồ", "en": "Chart"},
    # ---- wording (issue 11): one place, the unit's own noun, merger sentences, rank changes
    "rank_up_one": {"vi": "tăng 1 bậc", "en": "up 1 place"},
    "rank_down_one": {"vi": "giảm 1 bậc", "en": "down 1 place"},
    "this_city": {"vi": "chính thành phố này", "en": "this city"},
    "leader_tied_with_this": {"vi": "đồng hạng, gồm cả {noun} này", "en": "tied, this {noun} among them"},
    "hl_rank_up_one": {"vi": "So với năm {prev_year} (hạng {prev}), {noun} tăng 1 bậc.",
                       "en": "Compared with {prev_year} (rank {prev}), it rose 1 place."},
    "hl_rank_down": {"vi": "So với năm {prev_year} (hạng {prev}), {noun} giảm {k} bậc.",
                     "en": "Compared with {prev_year} (rank {prev}), it fell {k} places."},
    "hl_rank_down_one": {"vi": "So với năm {prev_year} (hạng {prev}), {noun} giảm 1 bậc.",
                         "en": "Compared with {prev_year} (rank {prev}), it fell 1 place."},
    "hl_rank_same": {"vi": "So với năm {prev_year} (hạng {prev}), thứ hạng không đổi.",
                     "en": "Compared with {prev_year} (rank {prev}), its rank did not change."},
    "hl_merged_into": {"vi": "Ngày 1/7/2025, {name} hợp nhất với {others}; {noun} mới mang tên {successor}.",
                       "en": "On 1 July 2025, {name} merged with {others}; the merged {noun} is called {successor}."},
    "hl_not_merged_renamed": {"vi": "{name} không sáp nhập với địa phương nào trong đợt sắp xếp ngày 1/7/2025; nay "
                                    "mang tên {successor}.",
                              "en": "{name} was not merged in the reorganisation of 1 July 2025; it is now called "
                                    "{successor}."},
    "hl_not_merged_now_city": {"vi": "{name} không sáp nhập với địa phương nào trong đợt sắp xếp ngày 1/7/2025; nay "
                                     "là {successor}, thành phố trực thuộc Trung ương.",
                               "en": "{name} was not merged in the reorganisation of 1 July 2025; it is now "
                                     "{successor}, a centrally-run city."},
    "hl_kept_renamed": {"vi": "{name} (trước đây là {former}) không sáp nhập với địa phương nào ngày 1/7/2025; số "
                              "liệu của {former} trong bảng xếp hạng 63 tỉnh, thành phố cũ ở mục «{section}».",
                        "en": "{name} (formerly {former}) was not merged on 1 July 2025; the figures of {former} "
                              "among the former 63 are in «{section}»."},
    "chart_focus_city": {"vi": "Thành phố báo cáo", "en": "This city"},
    "former_intro_renamed": {"vi": "{name} không sáp nhập; bảng dưới đây là số liệu đã công bố của {former} trong các "
                                   "năm đánh giá 63 tỉnh, thành phố.",
                             "en": "{name} was not merged; the table below shows the published figures of {former} in "
                                   "the years the 63 were assessed."},
    "hl_successor_none": {"vi": "Trong bảng xếp hạng năm {year} của 34 tỉnh, thành phố mới, điểm và thứ hạng DTI của "
                                "{successor} đều chưa được công bố.",
                          "en": "In the {year} ranking of the 34 new provinces and cities, neither the DTI score nor "
                                "the rank of {successor} is published."},
}
