# effekt: `make run` serves the demo, `make test` runs every check. See README.md.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SPARK_STAMP := $(VENV)/.installed-spark
VENDOR := src/effekt/web/static/vendor
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
BENCH ?=

.PHONY: run test lint format static system-packages test-sqlite test-postgres test-spark bench lock clean

$(STAMP): requirements.lock pyproject.toml
	@py=$$(scripts/find-python.sh) && echo "Using $$py" && \
	  ( [ -x $(BIN)/python ] || $$py -m venv $(VENV) )
	$(BIN)/pip install -qq --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install -qq --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

# the optional extra effekt[spark] (PySpark; Java comes from system-packages)
$(SPARK_STAMP): requirements-spark.lock $(STAMP)
	$(BIN)/pip install -qq --disable-pip-version-check -r requirements-spark.lock
	@touch $(SPARK_STAMP)

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

# The Spark conformance suite uses no database: it runs once, in test-spark, not per database.
SPARK_SUITE := tests/monitoring_spark

test-sqlite: $(STAMP) static
	@echo "=== pytest on SQLite ==="
	EFFEKT_TEST_DB=sqlite $(BIN)/python -m pytest --ignore=$(SPARK_SUITE) $(PYTEST_ARGS)

test-postgres: $(STAMP) static
	@echo "=== pytest on PostgreSQL ==="
	scripts/with-postgres.sh env EFFEKT_TEST_DB=postgresql $(BIN)/python -m pytest --ignore=$(SPARK_SUITE) $(PYTEST_ARGS)

test-spark: system-packages $(SPARK_STAMP)
	@echo "=== monitoring measures on DuckDB and PySpark (conformance) ==="
	$(BIN)/python -m pytest $(SPARK_SUITE) -m spark $(PYTEST_ARGS)

test: system-packages $(STAMP) $(SPARK_STAMP) static lint test-sqlite test-postgres test-spark
	@echo "All checks passed on SQLite and PostgreSQL, and on DuckDB and PySpark."

bench: $(STAMP)
	$(BIN)/python -m benchmarks $(BENCH)

lock:
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.12 --quiet -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev --extra spark --python-version 3.12 --quiet -o requirements-spark.lock

clean:
	rm -rf $(VENV) $(VENDOR) var .mypy_cache .ruff_cache .pytest_cache
