# effekt: `make run` serves the demo, `make test` runs every check. See README.md.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
VENDOR := src/effekt/web/static/vendor
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
BENCH ?=

.PHONY: run test lint format static system-packages test-sqlite test-postgres bench lock clean

$(STAMP): requirements.lock pyproject.toml
	@py=$$(scripts/find-python.sh) && echo "Using $$py" && \
	  ( [ -x $(BIN)/python ] || $$py -m venv $(VENV) )
	$(BIN)/pip install -qq --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install -qq --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

$(VENDOR)/.built: package.json package-lock.json scripts/vendor-static.sh
	scripts/vendor-static.sh $(VENDOR)

static: $(VENDOR)/.built

run: $(STAMP) static
	EFFEKT_DEBUG=$${EFFEKT_DEBUG:-1} $(BIN)/effekt setup
	@echo "Serving on http://$(HOST):$(PORT)/ (Ctrl-C stops)"
	EFFEKT_DEBUG=$${EFFEKT_DEBUG:-1} $(BIN)/effekt serve --host $(HOST) --port $(PORT)

system-packages:
	scripts/ensure-system-packages.sh

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy src tests benchmarks

format: $(STAMP)
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

test-sqlite: $(STAMP) static
	@echo "=== pytest on SQLite ==="
	EFFEKT_TEST_DB=sqlite $(BIN)/python -m pytest $(PYTEST_ARGS)

test-postgres: $(STAMP) static
	@echo "=== pytest on PostgreSQL ==="
	scripts/with-postgres.sh env EFFEKT_TEST_DB=postgresql $(BIN)/python -m pytest $(PYTEST_ARGS)

test: system-packages $(STAMP) static lint test-sqlite test-postgres
	@echo "All checks passed on SQLite and PostgreSQL."

bench: $(STAMP)
	$(BIN)/python -m benchmarks $(BENCH)

lock:
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.12 --quiet -o requirements.lock

clean:
	rm -rf $(VENV) $(VENDOR) var .mypy_cache .ruff_cache .pytest_cache
