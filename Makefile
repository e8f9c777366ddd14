# Two commands on a fresh machine: `make serve` and `make test`. Each installs what it needs.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup serve build test test-fast lint format bench bench-build bench-lighthouse bench-preview schemas release publish clean chromium

$(VENV)/.installed: pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[test]"
	@touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node 20+) is needed: apt-get install -y nodejs npm"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

## setup: install everything into .venv/ and node_modules/ (idempotent)
setup: $(VENV)/.installed node_modules/.installed

## chromium: the browser tests use Debian's chromium (Playwright cannot download one here)
chromium:
	@$(PY) -c 'import shutil, sys; sys.exit(0 if shutil.which("chromium") else 1)' || \
	  { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
	  { echo "Chromium is needed for the browser tests: apt-get install -y chromium"; exit 1; }

## serve: live-reloading site on http://127.0.0.1:8000
serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## build: strict build into site/
build: setup
	$(BIN)/mkdocs build --strict

## test: lint, then the whole test suite (unit, build, Pyodide, browser)
test: setup chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

## test-fast: every test not marked slow (no builds, browsers, Node, Pyodide, full sweeps), <30 s
FAST_BUDGET_S := 30
test-fast: setup
	@start=$$(date +%s); status=0; $(BIN)/pytest -q -m "not slow" || status=$$?; \
	  took=$$(( $$(date +%s) - start )); \
	  echo "test-fast: $$took s (budget $(FAST_BUDGET_S) s)"; \
	  if [ $$status -eq 0 ] && [ $$took -gt $(FAST_BUDGET_S) ]; then \
	    echo "test-fast: over budget; mark the slowest tests slow or make them faster"; fi; \
	  exit $$status

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## schemas: regenerate the committed JSON Schemas from the specs
schemas: setup
	$(PY) -m handbook.cli.schemas

## bench: calculator speed figures against a bare-Pyodide baseline
bench: setup chromium
	$(PY) bench/calculator_bench.py

## release: release data/handbook.yaml's edition into the LOCAL gh-pages branch (FORCE=1 replaces it)
release: setup
	$(PY) -m handbook.editions.release $(if $(FORCE),--force)

## publish: push the gh-pages branch and the current branch (with its release commits) to origin
publish: setup
	$(PY) -m handbook.editions.release --publish

## bench-build: build time and size at 1x, 10x, 100x content beside plain mkdocs-material (BENCH_SCALES=1,10, BENCH_RUNS=3)
bench-build: setup
	$(PY) bench/build_bench.py

## bench-preview: a YAML edit's time to show under mkdocs serve, beside a Markdown edit's (RUNS=N)
bench-preview: setup chromium
	$(PY) bench/preview_bench.py

# Lighthouse has its own package.json, installed only for bench-lighthouse (setup stays light).
LIGHTHOUSE_DIR := bench/lighthouse
$(LIGHTHOUSE_DIR)/node_modules/.installed: $(LIGHTHOUSE_DIR)/package.json $(LIGHTHOUSE_DIR)/package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node 20+) is needed: apt-get install -y nodejs npm"; exit 1; }
	npm ci --prefix $(LIGHTHOUSE_DIR) --no-audit --no-fund --loglevel=error
	@touch $@

## bench-lighthouse: Lighthouse scores of five pages beside a plain mkdocs-material baseline (LIGHTHOUSE_RUNS=N: median of N)
bench-lighthouse: setup chromium $(LIGHTHOUSE_DIR)/node_modules/.installed
	$(PY) bench/lighthouse_bench.py

clean:
	rm -rf site .pytest_cache
