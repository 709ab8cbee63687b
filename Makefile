# dti-reports: `make reports` builds everything on a fresh machine; `make test` runs the suite,
# `make test-fast` all of it but the tests marked slow (whole batches, every province).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
JOBS ?=
ARGS ?=

.PHONY: reports test test-fast venv system-deps test-deps data check-data lab clean bench

reports: venv system-deps
	$(PY) run_reports.py --check-data data/dti.csv
	$(PY) run_reports.py $(if $(JOBS),--jobs $(JOBS)) $(ARGS)

test: venv test-deps
	$(PY) -m pytest $(ARGS)

test-fast: venv test-deps
	$(PY) -m pytest -m "not slow" $(ARGS)

venv: $(STAMP)

$(STAMP): requirements.txt constraints.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] >= (3, 11) else "Python 3.11+ is needed, found " + sys.version.split()[0])'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt -c constraints.txt
	$(PY) -m pip install --quiet --no-deps -e .
	@# bytecode for the editable package, as pip writes it for every other one: a shell that sets
	@# PYTHONDONTWRITEBYTECODE would otherwise compile the whole package at every start of run_reports.py
	$(PY) -m compileall -q dti_helpers run_reports.py >/dev/null
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (dti-reports)" >/dev/null
	touch $(STAMP)

# Installs missing Debian packages when run as root with apt-get; otherwise says what to install.
# $(1): the packages found missing, computed by a shell snippet.
define ensure_debs
	@missing="$(strip $(1))"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Debian packages: $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "missing system packages: $$missing -- install them with: sudo apt-get install $$missing"; exit 1; \
	  fi; \
	fi
endef
HAVE = $(if $(shell command -v $(1) 2>/dev/null),,$(2))
HAVE_LIB = $(if $(shell ldconfig -p 2>/dev/null | grep $(1)),,$(2))

# Reports need Pango (WeasyPrint's text layout).
system-deps:
	$(call ensure_debs,$(call HAVE_LIB,libpangoft2-1.0,libpango-1.0-0 libpangoft2-1.0-0))

# The tests also use poppler (pdftoppm, pdffonts, pdftotext, pdfinfo), a Java runtime (the W3C Nu
# checker), Chromium (pages measured at a phone's width, the index page's script, axe-core) and npm,
# which installs the pinned test tools of package-lock.json into node_modules/: axe-core and the Nu
# checker's vnu.jar (--ignore-scripts: vnu-jar's install script would fetch a Java of its own).
NODE_STAMP := node_modules/.installed

test-deps: system-deps
	$(call ensure_debs,$(call HAVE,pdftoppm,poppler-utils) $(call HAVE,java,default-jre-headless) $(call HAVE,chromium,chromium) $(call HAVE,npm,npm))
	@if [ ! -f $(NODE_STAMP) ] || [ package-lock.json -nt $(NODE_STAMP) ]; then \
	  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $(NODE_STAMP); \
	fi

data: venv
	$(PY) -m dti_helpers build-data

check-data: venv
	$(PY) run_reports.py --check-data $(or $(FILE),data/dti.csv)

# Jupyter refuses to start as root (containers, CI) unless told: as root, lab adds --allow-root and says so.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)
lab: venv
	$(if $(ALLOW_ROOT),@echo "running as root: starting Jupyter Lab with --allow-root")
	$(VENV)/bin/jupyter lab $(ALLOW_ROOT) --notebook-dir=. notebooks/

bench: venv system-deps
	$(PY) -m compileall -q dti_helpers run_reports.py >/dev/null  # the installed state, after any edit
	$(PY) benchmarks/bench_batch.py $(ARGS)

clean:
	rm -rf reports/
