"""Chosen comparisons (issue 10): peers as a list of provinces, report.compare, and --params per province.

The first test is the done-when line of the issue: a real run of run_reports.py (papermill, a kernel,
nbconvert) of Bắc Giang 2020 compared with Bắc Ninh and Thái Nguyên.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from dti_helpers import load_dti, report
from dti_helpers.batch.manifest import Manifest
from dti_helpers.batch.plan import plan
from dti_helpers.batch.select import read_params
from dti_helpers.cli import main
from dti_helpers.sections.province.peer_choice import PeersError

ROOT = Path(__file__).resolve().parent.parent


def run_reports(*args):
    return subprocess.run([sys.executable, str(ROOT / "run_reports.py"), *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)


def section(html: str, sec_id: str) -> str:
    """The text of one report section, tags removed (what a reader sees)."""
    start = html.index(f'<section id="{sec_id}"')
    body = html[start:html.index("</section>", start)]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def row_of(text: str, name: str, until: str) -> str:
    return text[text.index(name):text.index(until, text.index(name))]


def test_run_reports_compares_bac_giang_2020_with_two_chosen_provinces(tmp_path):
    out = tmp_path / "reports"
    proc = run_reports("Bắc Giang", "--year", "2020", "--peers", "Bắc Ninh,Thái Nguyên", "--format", "html",
                       "--no-overview", "--out", out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    html = (out / "html" / "bac-giang-2020-vi.html").read_text(encoding="utf-8")
    peers = section(html, "peers")
    assert "Bắc Ninh, Thái Nguyên" in peers  # the stated rule names the chosen provinces
    # Bắc Ninh's published 2020 figures, in the Vietnamese number format; Thái Nguyên has ranks only
    bac_ninh = row_of(peers, "Bắc Ninh 0,4096", "Bắc Giang")
    assert "(3)" in bac_ninh and "0,4449" in bac_ninh and "0,4052" in bac_ninh
    thai_nguyen = row_of(peers, "Thái Nguyên hạng 12", "Mỗi ô")
    assert "hạng 3" in thai_nguyen and thai_nguyen.count("chưa có số liệu công bố") == 2
    assert "<svg " in html[html.index('<section id="peers"'):html.index('<section id="country"')]
    # every source of the table is a link, as the kit writes them
    assert re.search(r'<section id="peers".*?<a href="https://en\.dangcongsan\.vn/[^"]+">\[1\]</a>', html, re.S)
    notes = section(html, "notes")
    assert "Bắc Ninh, Thái Nguyên (địa phương được chọn)" in notes  # the parameters table
    nb = (out / "notebooks" / "bac-giang-2020-vi.ipynb").read_text(encoding="utf-8")
    assert 'peers = [\\"27\\", \\"19\\"]' in nb  # resolved once: the kernel got the codes


@pytest.mark.parametrize("args, message", [
    (["Bắc Giang", "--year", "2020", "--peers", "Bắc Ninh,Atlantis"],
     "unknown province 'Atlantis' in --peers (a peer must be one of the report's 63 units)"),
    (["Bắc Giang", "--year", "2020", "--peers", "Bac Ninhh,Thai Nguyen"], "closest matches: Bắc Ninh"),
    (["Bắc Giang", "--year", "2020", "--peers", "regoin"], "unknown peer strategy 'regoin' in --peers"),
    (["Bắc Giang", "--year", "2020", "--peers", ","], "--peers: no province named"),
    # a peer of the 34 must be a unit of the 34: Bắc Giang was merged into Bắc Ninh
    (["Bắc Ninh", "--units", "34", "--year", "2024", "--peers", "Bắc Giang"],
     "unknown province 'Bắc Giang' in --peers (a peer must be one of the report's 34 units)"),
])
def test_unknown_peer_is_one_line_exit_2_and_nothing_written(args, message, tmp_path, capsys):
    out = tmp_path / "reports"
    code = main([*args, "--format", "html", "--out", str(out)], front_door=True)
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    assert message in err and "Traceback" not in err
    assert not out.exists()


def test_unknown_peer_of_the_render_command_is_one_line(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "dti_helpers", "render", "Bắc Giang", "--year", "2020",
                           "--peers", "Atlantis,Bắc Ninh", "--format", "html", "--out", str(tmp_path / "r")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "unknown province 'Atlantis' in peers" in proc.stderr
    assert not (tmp_path / "r").exists()


def test_the_peers_choice_is_in_the_job_digest():
    data = load_dti()
    jobs = {p: plan(data, ["24"], Manifest("/nonexistent"), year=2020, formats=("html",), peers=p).jobs[0]
            for p in ("region", "Bắc Ninh,Thái Nguyên", "bac-ninh, 19", "Thái Nguyên,Bắc Ninh")}
    assert jobs["region"].digest != jobs["Bắc Ninh,Thái Nguyên"].digest
    # the same provinces however they are written: the kernel gets codes, so the same inputs
    assert jobs["Bắc Ninh,Thái Nguyên"].digest == jobs["bac-ninh, 19"].digest
    assert jobs["Bắc Ninh,Thái Nguyên"].parameters["peers"] == ["27", "19"]
    assert jobs["Thái Nguyên,Bắc Ninh"].digest != jobs["Bắc Ninh,Thái Nguyên"].digest  # another order is another request (the parameters table lists them as asked)


def test_params_toml_sets_peers_lists_per_province_and_a_default(tmp_path):
    params = tmp_path / "params.toml"
    params.write_text('[default]\npeers = "rank"\n\n[bac-giang]\nyear = 2020\npeers = ["Bắc Ninh", "Thái Nguyên"]\n\n'
                      '["Đà Nẵng"]\nlang = "en"\n', encoding="utf-8")
    data = load_dti()
    overrides = read_params(str(params), data.catalogue, ("63",))
    p = plan(data, ["24", "48", "10"], Manifest("/nonexistent"), formats=("html",), langs=("vi",),
             overrides=overrides)
    jobs = {j.stem: j.parameters for j in p.jobs}
    assert jobs["bac-giang-2020-vi"]["peers"] == ["27", "19"]
    assert jobs["da-nang-2024-en"]["peers"] == "rank" and "da-nang-2024-vi" not in jobs  # its own language
    assert jobs["lao-cai-2022-vi"]["peers"] == "rank"  # no table of its own: the [default] one


def test_params_toml_peer_of_another_unit_set_is_named_with_file_and_table(tmp_path, capsys):
    params = tmp_path / "params.toml"
    params.write_text('["Hà Nội"]\nunits = "34"\npeers = ["Bắc Giang"]\n', encoding="utf-8")
    code = main(["--params", str(params), "--units", "34", "--dry-run", "--out", str(tmp_path / "r")])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert f"{params}: [Hà Nội] unknown province 'Bắc Giang' in peers" in err


def test_compare_kit_function_in_english_marks_doubtful_figures():
    rep = report.setup("Bắc Giang", 2020, "en")
    sec = report.compare(rep, ["Ninh Bình", "Thái Nguyên"])
    html = sec.html()
    assert sec.id == "compare" and sec.title == "Bắc Giang compared with Ninh Bình, Thái Nguyên"
    assert "0.3645" in html and "†</sup>" in html and "not published" in html  # Thái Nguyên 2020: ranks only
    assert "Ninh Bình: DTI 2020: the only source" in html  # the doubtful figure's note names it


def test_notebook_peers_parameter_takes_a_list():
    rep = report.setup("Bắc Giang", 2020, "vi", peers=["Bắc Ninh", "Thái Nguyên"])
    assert rep.params.peers == ("27", "19") and rep.params.chosen_peers
    html = report.peers(rep).html()
    assert "Bắc Ninh" in html and "Thái Nguyên" in html and "0,4096" in html
    with pytest.raises(PeersError, match="unknown province 'Atlantis' in peers"):
        report.setup("Bắc Giang", 2020, peers=["Atlantis", "Bắc Ninh"])
