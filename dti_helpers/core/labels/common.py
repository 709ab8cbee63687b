"""Labels shared by every output: data states, the catalogue, coverage tables."""

LABELS: dict[str, dict[str, str]] = {
    # sources: a row of the analyst's own data file (data/origin.py), named, never linked
    "ref_file": {"vi": "Tệp số liệu do người dùng cung cấp: {name} (sha256 {digest})",
                 "en": "Data file given by the user: {name} (sha256 {digest})"},
    "ref_sheet": {"vi": "trang tính “{sheet}”", "en": "sheet “{sheet}”"},
    "ref_row": {"vi": "dòng {row}", "en": "row {row}"},
    "data_file": {"vi": "{name} (sha256 {digest})", "en": "{name} (sha256 {digest})"},
    "data_and_embedded": {"vi": "{files}, gộp với bộ số liệu đi kèm", "en": "{files}, merged with the embedded data"},
    # data states
    "not_published": {"vi": "chưa có số liệu công bố", "en": "not published"},
    "doubtful": {"vi": "số liệu đáng ngờ", "en": "doubtful figure"},
    "national_mean": {"vi": "Trung bình cả nước", "en": "National mean"},
    # publisher of an assessment year's results (data/assessments.csv, analysis.dates.assessment)
    "publisher_mic": {"vi": "Bộ Thông tin và Truyền thông", "en": "Ministry of Information and Communications"},
    "publisher_most": {"vi": "Bộ Khoa học và Công nghệ", "en": "Ministry of Science and Technology"},
    # catalogue
    "kind_city": {"vi": "Thành phố trực thuộc Trung ương", "en": "Centrally-run city"},
    "kind_province": {"vi": "Tỉnh", "en": "Province"},
    # province look-up errors (``UnknownProvinceError.code``)
    "err_unknown_province": {"vi": "không rõ tỉnh '{query}'; gần nhất: {matches}",
                             "en": "unknown province '{query}'; closest matches: {matches}"},
    "err_unknown_province_none": {"vi": "không rõ tỉnh '{query}'; xem `run_reports.py --list` để có mọi tên",
                                  "en": "unknown province '{query}'; see `run_reports.py --list` for all names"},
    "err_ambiguous_province": {"vi": "tên tỉnh '{query}' không rõ ràng; gần nhất: {matches}",
                               "en": "ambiguous province '{query}'; closest matches: {matches}"},
    # coverage summary
    "year": {"vi": "Năm", "en": "Year"},
    "unit_set": {"vi": "Bộ đơn vị", "en": "Unit set"},
    "metric": {"vi": "Chỉ số", "en": "Metric"},
    "province": {"vi": "Tỉnh, thành phố", "en": "Province or city"},
    "with_rank": {"vi": "Có xếp hạng", "en": "With rank"},
    "with_score": {"vi": "Có điểm", "en": "With score"},
    "of_units": {"vi": "Số đơn vị", "en": "Of units"},
    "n_doubtful": {"vi": "Cần thận trọng (†)", "en": "Use with care (†)"},
    "source_kind_file": {"vi": "Tệp của bạn", "en": "Your files"},
    "source_kind_official": {"vi": "dti.gov.vn, Bộ", "en": "dti.gov.vn, ministry"},
    "source_kind_press": {"vi": "Cổng tỉnh, báo chí", "en": "Portals, press"},
    "source_kind_secondary": {"vi": "Tổng hợp thứ cấp", "en": "Secondary"},
    "source_kind_weak": {"vi": "Nguồn yếu", "en": "Weak hosts"},
    "score": {"vi": "Điểm", "en": "Score"},
    "rank": {"vi": "Xếp hạng", "en": "Rank"},
    "region": {"vi": "Vùng", "en": "Region"},
    # ---- wording and dates (issue 11): lists, dates, the unit's own noun, SOURCE_DATE_EPOCH
    "list_and": {"vi": "và", "en": "and"},
    "err_bad_epoch": {"vi": "SOURCE_DATE_EPOCH phải là số nguyên giây tính từ năm 1970, không phải '{value}'",
                      "en": "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not '{value}'"},
    # the unit a report is about, by its kind in the catalogue (a centrally-run city is never "tỉnh")
    "noun_province": {"vi": "tỉnh", "en": "province"},
    "noun_city": {"vi": "thành phố", "en": "city"},
    # dates (analysis/dates.py, sections/dates.py)
    "when_day": {"vi": "ngày {date}", "en": "on {date}"},
    "when_year": {"vi": "năm {date}", "en": "in {date}"},
    "dates_published": {"vi": "Kết quả năm {year} công bố {when}", "en": "{year} results published {when}"},
    "dates_published_unknown": {"vi": "Kết quả năm {year}: chưa ghi nhận ngày công bố",
                                "en": "{year} results: publication date not recorded"},
    "dates_data": {"vi": "Số liệu bản {version}, cập nhật đến kết quả công bố {when}",
                   "en": "Data version {version}, up to the results published {when}"},
    "dates_data_undated": {"vi": "Số liệu bản {version} (không rõ ngày)", "en": "Data version {version} (undated)"},
    "dates_built": {"vi": "Báo cáo lập {when}", "en": "Report built {when}"},
    "dates_built_undated": {"vi": "Ngày lập báo cáo: không rõ", "en": "Build date not known"},
    "param_published": {"vi": "Công bố kết quả năm {year}", "en": "Publication of the {year} results"},
    "dn_published": {"vi": "{publisher} công bố {when}", "en": "by the {publisher} {when}"},
    "dn_published_unknown": {"vi": "{publisher} công bố; chưa ghi nhận ngày công bố",
                             "en": "by the {publisher}; the date is not recorded"},
    "param_data_date": {"vi": "Ngày của số liệu", "en": "Date of the data"},
    "dn_data_date": {"vi": "{date}: ngày công bố kết quả năm {year}, kết quả mới nhất trong số liệu (các dòng số liệu "
                           "không ghi ngày riêng)",
                     "en": "{date}: the publication date of the {year} results, the newest the data hold (the rows "
                           "carry no date of their own)"},
    "dn_data_undated": {"vi": "không rõ: các dòng số liệu không ghi ngày, và chưa ghi nhận ngày công bố của các năm "
                              "trong số liệu",
                        "en": "not known: the rows carry no date, and no publication date is recorded for their years"},
    "param_built": {"vi": "Ngày lập báo cáo", "en": "Report built"},
    "dn_built_epoch": {"vi": "{date} (theo biến môi trường SOURCE_DATE_EPOCH)",
                       "en": "{date} (from the SOURCE_DATE_EPOCH environment variable)"},
    "dn_built_data": {"vi": "{date}: lấy theo ngày của số liệu, để lập lại từ cùng số liệu cho ra đúng cùng một tệp "
                            "(đặt SOURCE_DATE_EPOCH để ghi ngày lập thực tế)",
                      "en": "{date}: the date of the data, so that a rebuild from the same data gives the very same "
                            "file (set SOURCE_DATE_EPOCH to state the actual build date)"},
    # who published the results, year by year (analysis.dates.publishers)
    "publisher_span": {"vi": "{publisher} (kết quả các năm {first}–{last})", "en": "the {publisher} ({first}–{last} results)"},
    "publisher_span_one": {"vi": "{publisher} (kết quả năm {first})", "en": "the {publisher} ({first} results)"},
    "publisher_since": {"vi": "{publisher} (từ kết quả năm {first})", "en": "the {publisher} (from the {first} results)"},
}
