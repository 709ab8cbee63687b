"""environment.yml (conda users) and requirements.txt (pip) list the same pinned packages."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _pins(lines):
    # a pin with extras (dask[distributed]==...) pins the package itself
    return {line.split("==")[0].split("[")[0].lower(): line.split("==")[1] for line in lines if "==" in line}


def test_environment_yml_matches_requirements():
    req = _pins(l.strip() for l in (ROOT / "requirements.txt").read_text().splitlines() if not l.startswith("#"))
    env = _pins(l.strip().lstrip("- ").strip() for l in (ROOT / "environment.yml").read_text().splitlines()
                if l.strip().startswith("- ") and "==" in l)
    assert env == req


def test_requirements_are_pinned_in_constraints():
    cons = _pins((ROOT / "constraints.txt").read_text().splitlines())
    req = _pins(l for l in (ROOT / "requirements.txt").read_text().splitlines() if not l.startswith("#"))
    for name, version in req.items():
        assert cons.get(name) == version, name
