"""Rendering end to end with the real tools: papermill, nbconvert, WeasyPrint, the W3C Nu validator, poppler.

Reports are rendered once per module and shared across assertions.
"""
import re
import subprocess
import sys
from pathlib import Path

import matplotlib.image as mpimg
import nbformat
import numpy as np
import pytest

from dti_helpers.render import pdf as render_pdf
from dti_helpers.render import report as render
from dti_helpers.sections.province import ParameterError
from validators import nu_check

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def _text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return tmp_path_factory.mktemp("reports")


@pytest.fixture(scope="module")
def bac_giang(out):
    """Bắc Giang 2020 in Vietnamese: notebook, HTML and PDF through render_report."""
    paths = render.render_report("Bắc Giang", 2020, "vi", out_dir=out)
    return {k: Path(v) for k, v in paths.items()}


@pytest.fixture(scope="module")
def lao_cai(out):
    """Lào Cai (only its 2022 rank) in English, year left to default, asked by its slug; the full layout
    (by default such a year is a short brief: tests/test_brief.py)."""
    paths = render.render_report("lao-cai", None, "en", out_dir=out, layout="full")
    return {k: Path(v) for k, v in paths.items()}


@pytest.fixture(scope="module")
def da_nang_html(out):
    return render.render_report("48", 2021, "en", formats=("html",), out_dir=out)["html"].read_text("utf-8")


def test_render_report_writes_the_named_files(bac_giang, out):
    assert bac_giang == {"notebook": out / "notebooks" / "bac-giang-2020-vi.ipynb",
                         "html": out / "html" / "bac-giang-2020-vi.html",
                         "pdf": out / "pdf" / "bac-giang-2020-vi.pdf"}
    assert all(p.stat().st_size > 0 for p in bac_giang.values())
    assert not [p for p in out.rglob(".*") if p.is_file()]  # no temp file left behind


def test_bac_giang_facts_in_html(bac_giang):
    text = _text(bac_giang["html"].read_text("utf-8"))
    assert "0,3615" in text and "10/63" in text
    for fact in ("0,4455 7/63", "0,3019 14/63", "0,3092 25/63"):
        assert fact in text


def test_da_nang_facts_in_english(da_nang_html):
    text = _text(da_nang_html)
    assert "0.6419" in text and "1/63" in text and "scored 0.6419 on the DTI and ranked 1/63" in text


@pytest.mark.slow
def test_sparse_province_renders_every_section(lao_cai):
    html = lao_cai["html"].read_text("utf-8")
    assert lao_cai["html"].name == "lao-cai-2022-en.html"
    sections = re.findall(r'<section id="([a-z]+)"(.*?)</section>', html, re.S)
    assert [s for s, _ in sections] == ["top", "headline", "scorecard", "peers", "country", "trend", "strengths",
                                        "notes"]
    for sid, body in sections[1:]:
        assert "not published" in body or "No rank" in body or "no pillar" in body, sid
    assert "38/63" in _text(html)
    # the data notes keep what was asked beside what it resolved to
    assert "Lào Cai (code 10), asked as “lao-cai”" in _text(html) and "2022 (latest year with data)" in _text(html)


def test_html_is_lean_and_self_contained(bac_giang):
    html = bac_giang["html"].read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="vi">' in html
    assert "<script" not in html and "<link" not in html
    assert not re.search(r'src="(?!data:)', html)  # every image inline
    assert not re.search(r"url\((?!data:|#)", html)  # every font inline (url(#…): a chart's own clip path)
    assert "In [" not in html and "import" not in html  # no code, no prompts
    assert html.count("@font-face") == 2
    assert "@media print" in html and "@media (max-width" in html and 'name="viewport"' in html
    # seven numbered sections, and the targets of Bắc Giang's Resolution 111 (data/targets.csv)
    assert '<nav class="toc"' in html and html.count('<li><a href="#') == 8


def test_every_chart_has_alt_text_in_the_report_language(bac_giang, lao_cai):
    for path, word in ((bac_giang["html"], "Biểu đồ"), (lao_cai["html"], "hart")):
        imgs = re.findall(r"<svg [^>]*>", path.read_text("utf-8"))
        assert imgs
        for img in imgs:
            alt = re.search(r' role="img" aria-label="([^"]*)"', img).group(1)
            assert len(alt) > 40
        assert any(word in img for img in imgs)


def test_html_passes_the_w3c_validator(bac_giang, lao_cai, da_nang_html, out):
    files = sorted((out / "html").glob("*.html"))
    assert len(files) >= 3
    # The report's CSS holds no construct the checker misreads (paged-media rules live in
    # assets/paged.css, which only WeasyPrint reads).
    nu_check(*files)


@pytest.mark.slow
def test_html_is_byte_identical_on_a_second_render(bac_giang, tmp_path):
    again = render.render_report("Bắc Giang", 2020, "vi", out_dir=tmp_path)
    assert again["html"].read_bytes() == bac_giang["html"].read_bytes()
    assert again["pdf"].read_bytes() == bac_giang["pdf"].read_bytes()


def test_pdf_fonts_are_all_embedded(bac_giang, lao_cai):
    for pdf in (bac_giang["pdf"], lao_cai["pdf"]):
        rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        fonts = rows.splitlines()[2:]
        assert fonts
        for line in fonts:
            assert re.search(r"\byes\s+yes\s+yes\b", line), line  # emb sub uni
            assert "DejaVu-Sans-Report" in line


def test_pdf_text_keeps_vietnamese_diacritics(bac_giang):
    text = subprocess.run(["pdftotext", "-layout", str(bac_giang["pdf"]), "-"], capture_output=True, text=True,
                          check=True).stdout
    for phrase in ("Chỉ số chuyển đổi số 2020: Bắc Giang", "Trung du và miền núi phía Bắc", "0,3615", "10/63",
                   "chưa có số liệu công bố", "Xã hội số"):
        assert phrase in text, phrase


def test_pdf_is_a4_with_page_numbers_and_running_header(bac_giang):
    info = subprocess.run(["pdfinfo", str(bac_giang["pdf"])], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info)
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    second = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(bac_giang["pdf"]), "-"], capture_output=True,
                            text=True, check=True).stdout
    assert re.search(rf"^2 ?/ ?{pages}$", second, re.M)
    assert "Chỉ số chuyển đổi số 2020: Bắc Giang" in second.splitlines()[0]


def test_first_pdf_page_is_not_blank(bac_giang, tmp_path):
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(bac_giang["pdf"]),
                    str(tmp_path / "page")], check=True)
    png = next(tmp_path.glob("page*.png"))
    img = mpimg.imread(png)[..., :3]
    ink = (img.mean(axis=2) < 0.9).mean()
    assert ink > 0.02, ink


@pytest.mark.slow
def test_notebook_runs_with_no_parameters_at_all():
    nb = render.execute_notebook({})
    html = render.notebook_to_html(nb)
    text = _text(html)
    assert "Chỉ số chuyển đổi số 2022: Quảng Ninh" in text  # the defaults: Quảng Ninh, latest year, vi
    assert "0,7024" in text and "3/63" in text
    assert html.count('<svg width="') >= 4


def test_papermill_help_lists_the_parameters():
    run = subprocess.run([str(Path(PY).with_name("papermill")), "--help-notebook", str(render.NOTEBOOK)],
                         capture_output=True, text=True, check=True)
    for name in ("province", "year", "lang", "peers", "data_path"):
        line = re.search(rf"^  {name}: .*\n\s+(\S.*)$", run.stdout, re.M)
        assert line and len(line.group(1)) > 20, name


@pytest.mark.parametrize("args, message", [
    (["Atlantis"], "error: unknown province 'Atlantis'"),
    pytest.param(["Hà Giang", "--year", "2020"],
                 "error: no published DTI figure for Hà Giang in 2020; years with data: 2022", marks=pytest.mark.slow),
    pytest.param(["24", "--lang", "fr"], "error: unknown language 'fr'; use one of: vi, en", marks=pytest.mark.slow),
    pytest.param(["24", "--data", "/nonexistent.csv"], "error: /nonexistent.csv: file not found",
                 marks=pytest.mark.slow),
])
def test_cli_bad_input_one_line_error_before_any_kernel(args, message, tmp_path):
    run = subprocess.run([PY, "-m", "dti_helpers.render", *args, "--out", str(tmp_path)], capture_output=True,
                         text=True, cwd=ROOT)
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [run.stderr.strip()]
    assert run.stderr.startswith(message)
    assert list(tmp_path.iterdir()) == []  # nothing written, no notebook executed


@pytest.mark.slow
def test_failure_inside_the_kernel_is_one_line_and_keeps_the_notebook(tmp_path):
    target = tmp_path / "nb" / "x.ipynb"
    with pytest.raises(render.RenderError) as err:
        render.execute_notebook({"province": "Atlantis"}, target)
    assert "UnknownProvinceError" in str(err.value) and "\n" not in str(err.value)
    assert err.value.notebook_path == target and target.exists()
    assert [p.name for p in target.parent.iterdir()] == ["x.ipynb"]


def test_check_params_rejects_before_a_kernel():
    with pytest.raises(ParameterError):
        render.check_params("24", lang="de")


def test_executed_notebook_is_kept_for_audit(bac_giang):
    nb = nbformat.read(bac_giang["notebook"], as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and "resolved = " in injected[0].source and "\"code\": \"24\"" in injected[0].source
    assert np.all([c.get("outputs") is not None for c in nb.cells if c.cell_type == "code"])


def test_in_process_page_equals_the_kernel_rendered_page(bac_giang):
    # the batch may build pages without a kernel: they must be the very same bytes
    assert render.render_in_process("Bắc Giang", 2020, "vi") == bac_giang["html"].read_text("utf-8")


def test_cli_out_that_cannot_be_a_folder_is_one_line_and_exit_2(tmp_path):
    blocker = tmp_path / "blocker.txt"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    run = subprocess.run([PY, "-m", "dti_helpers.render", "24", "--year", "2020", "--out", str(blocker / "out")],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 2
    assert run.stderr == f"error: {blocker / 'out' / 'notebooks'}: Not a directory\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocker.txt"]
    assert blocker.read_text(encoding="utf-8") == "a file, not a folder"


@pytest.mark.slow
def test_cli_dev_null_out_is_one_line_and_exit_2():
    run = subprocess.run([PY, "-m", "dti_helpers.render", "24", "--year", "2020", "--out", "/dev/null/x"],
                         capture_output=True, text=True, cwd=ROOT)
    # below /dev: refused as a system folder before anything is tried
    assert (run.returncode, run.stderr) == (2, "error: --out /dev/null/x: a system folder; choose a folder of your "
                                               "own, e.g. --out reports\n")


@pytest.mark.slow
def test_failed_pdf_leaves_no_stale_pdf_beside_a_new_html(bac_giang, tmp_path, monkeypatch):
    # A previous run's pair, from other inputs.
    for kind in ("html", "pdf"):
        (tmp_path / kind).mkdir()
        (tmp_path / kind / f"bac-giang-2020-vi.{kind}").write_text(f"old {kind}", encoding="utf-8")

    def weasyprint_fails(html, path=None):  # a failure injected at the PDF step; everything before it is real
        raise RuntimeError("WeasyPrint failed")

    monkeypatch.setattr(render_pdf, "html_to_pdf", weasyprint_fails)  # the "pdf" format's writer
    with pytest.raises(RuntimeError, match="WeasyPrint failed"):
        render.render_report("24", 2020, "vi", out_dir=tmp_path)
    html = (tmp_path / "html" / "bac-giang-2020-vi.html").read_text(encoding="utf-8")
    pdf = tmp_path / "pdf" / "bac-giang-2020-vi.pdf"
    # The PDF is printed before anything is written: the old pair stays whole, never new HTML beside an old PDF.
    assert html == "old html" and pdf.read_text(encoding="utf-8") == "old pdf"
    assert not [p for p in tmp_path.rglob(".*") if p.is_file()]  # no temporary file left behind


@pytest.mark.slow
def test_pdf_is_byte_identical_a_second_later_and_the_environment_is_untouched(bac_giang, monkeypatch):
    import os
    import time

    html = bac_giang["html"].read_text(encoding="utf-8")
    for value in (None, ""):
        if value is None:
            monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
        else:
            monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
        first = render.html_to_pdf(html)
        time.sleep(1.1)  # fonts carry a date in seconds: let the clock move (not a timing assertion)
        assert render.html_to_pdf(html) == first == bac_giang["pdf"].read_bytes()
        assert os.environ.get("SOURCE_DATE_EPOCH") == value
