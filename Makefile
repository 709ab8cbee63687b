# dti-reports: `make reports` builds everything on a fresh machine; `make test` runs the suite.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Debian packages the tests and PDF checks use: poppler (pdftoppm, pdffonts, pdftotext),
# a Java runtime (W3C Nu validator), Pango (WeasyPrint's text layout).
DEB_PACKAGES := poppler-utils default-jre-headless libpango-1.0-0 libpangoft2-1.0-0
JOBS ?=
ARGS ?=

.PHONY: reports test venv system-deps data check-data lab clean bench

reports: venv system-deps
	$(PY) run_reports.py --check-data data/dti.csv
	$(PY) run_reports.py $(if $(JOBS),--jobs $(JOBS)) $(ARGS)

test: venv system-deps
	$(PY) -m pytest $(ARGS)

venv: $(STAMP)

$(STAMP): requirements.txt constraints.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] >= (3, 11) else "Python 3.11+ is needed, found " + sys.version.split()[0])'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt -c constraints.txt
	$(PY) -m pip install --quiet --no-deps -e .
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (dti-reports)" >/dev/null
	touch $(STAMP)

# Installs missing Debian packages when run as root with apt-get; otherwise says what to install.
system-deps:
	@missing=""; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "missing system packages:$$missing -- install them with: sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi

data: venv
	$(PY) -m dti_helpers.build

check-data: venv
	$(PY) run_reports.py --check-data $(or $(FILE),data/dti.csv)

lab: venv
	$(VENV)/bin/jupyter lab --notebook-dir=. notebooks/

bench: venv system-deps
	$(PY) benchmarks/bench_batch.py $(ARGS)

clean:
	rm -rf reports/
