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
    # publisher of an assessment year's results (``core.schema.publisher``)
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
    "province": {"vi": "Tỉnh, thành phố", "en": "Province"},
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
}
