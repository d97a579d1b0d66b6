# Two commands a newcomer needs (see README):
#   make serve   set everything up, build, and serve the site on http://127.0.0.1:8000/
#   make test    set everything up, build once, and run the whole test suite
# Each target installs what it needs, so a fresh machine needs nothing but this checkout.

SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export TMPDIR ?= /tmp

# A Python ≥ 3.12 (pyodide-build needs it): pyenv's newest 3.13/3.12 if present, else python3.
PYTHON := $(shell \
  for p in $$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[3-9]*/bin/python3 \
                    $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.12*/bin/python3 2>/dev/null | sort -rV) \
           python3.13 python3.12 python3; do \
    if "$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then echo "$$p"; break; fi; \
  done)

.PHONY: setup setup-browser setup-office serve build test lint lock mutate bench clean

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "error: no Python >= 3.12 found" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

# Exactly the versions in requirements.lock, each checked against its sha256 there; then the
# project itself, its dependencies already in place (and no build tools fetched unchecked).
$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# Re-pin requirements.lock to the newest releases pyproject.toml and requirements.in allow, for
# every platform and Python >= 3.12, with hashes. Run it to take upgrades or after changing a
# dependency, review the diff, then `make setup` installs the new pins.
UV := uv==0.13.8
lock: | $(BIN)/python
	$(BIN)/pip install --quiet '$(UV)'
	$(BIN)/uv pip compile pyproject.toml requirements.in --extra test --universal \
	  --python-version 3.12 --generate-hashes --upgrade --quiet \
	  --custom-compile-command 'make lock' --output-file requirements.lock

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

# The compiled policy the calculators read in a checkout (calculators/data.py; the wheel carries
# its own copy), written again whenever a file under policy/ changes. Invalid data does not stop
# setup: the build reports the same problems, and the calculators refuse the stale file.
calculators/policy.json: $(VENV)/.installed $(shell find policy -type f)
	-$(BIN)/python -m hgpolicy.compile policy $@

setup: $(VENV)/.installed node_modules/.package-lock.json calculators/policy.json

# Debian's Chromium and CJK fonts for the browser tests (Playwright cannot download a browser here).
setup-browser:
	@if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk; \
	fi

# LibreOffice Calc without its GUI, which writes real .xlsx files for the roster tests at test
# time (`soffice --headless --convert-to xlsx`; tests/support/libreoffice.py), without the
# extras it recommends (fonts, python3-uno, apparmor, xdg-utils: converting needs none). The
# test is for Calc's filters, not `soffice`: libreoffice-common ships `soffice`, and whatever
# pulled that in may not have brought Calc.
CALC_FILTERS := /usr/lib/libreoffice/program/libscfiltlo.so
setup-office:
	@if ! command -v soffice >/dev/null || ! test -e $(CALC_FILTERS); then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends libreoffice-calc-nogui; \
	fi

build: setup
	$(BIN)/mkdocs build --strict

serve: setup
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

# The packages are type-checked as well: `make mutate` counts a mutant ty rejects as caught, so
# ty must pass here for that to mean a fault the checks would stop.
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/ty check calculators build/hgpolicy

# The tests check that the compressed copies are right, not that they are the smallest.
# Two pytest-xdist workers (the CI machine's two cores; `make test TEST_WORKERS=0` runs in one
# process), each given whole files (`--dist loadfile`): a file's module fixtures (a page whose
# runtime has started, a Node run of every case, a second site built from a fixture) are made
# once, by the worker that runs the file. The site is built once, here, before them.
TEST_WORKERS ?= 2
test: export HGPOLICY_PRECOMPRESS := fast
test: setup setup-browser setup-office lint build
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile

# Mutation testing (not part of `make test`): see mutation/run.py and the README.
$(VENV)/.mutate-installed: pyproject.toml | $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test,mutate]'
	touch $@

mutate: setup $(VENV)/.mutate-installed
	$(BIN)/python mutation/run.py

clean:
	rm -rf site .mutate $(VENV) node_modules calculators/policy.json
