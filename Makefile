# Two entry points (see README):
#   make build   venv + runtime requirements + demo data + dbt build -> DuckDB file
#   make test    venv + dev requirements + every check (lint, dbt on DuckDB and
#                Spark, pytest end to end, documentation and test coverage)
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
DATA ?= data/demo
export MARKETING_DUCKDB_PATH ?= warehouse/precision_marketing.duckdb

.PHONY: build test data lint pytest java spark-build docs benchmark constraints clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install --quiet -r requirements-dev.txt -c constraints.txt
	touch $@

$(DATA)/_truth/manifest.json: $(VENV)/.runtime $(wildcard generator/*.py) $(wildcard seeds/reference/*.csv)
	$(BIN)/python -m generator --out $(DATA)

data: $(DATA)/_truth/manifest.json

build: data
	mkdir -p $(dir $(MARKETING_DUCKDB_PATH))
	$(BIN)/dbt build --vars '{raw_data_path: $(DATA)}'
	@echo "Built $(MARKETING_DUCKDB_PATH): open it with DuckDB or any BI tool (schemas marts, staging, ...)."

# The dbt templater of sqlfluff opens the profile's DuckDB file. It gets an
# empty one of its own, so lint sees every model as on a first build
# (is_incremental() false) whether or not the warehouse has been built.
lint: $(VENV)/.dev
	rm -rf target/lint && mkdir -p target/lint
	$(BIN)/ruff check generator tools tests/python models/intermediate/clustering $(wildcard benchmarks)
	$(BIN)/ruff format --check generator tools tests/python models/intermediate/clustering $(wildcard benchmarks)
	MARKETING_DUCKDB_PATH=target/lint/empty.duckdb $(BIN)/python -m tools.lint_sql lint models tests analyses

# Spark needs a Java runtime (17+); install Debian's when there is none.
java:
	@command -v java >/dev/null || { echo "Installing a Java runtime for Spark"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq openjdk-17-jre-headless; }

# The tests marked spark (two Spark builds, about half of the suite's time)
# run beside the others in a second pytest process; their output follows.
pytest: $(VENV)/.dev data java
	@mkdir -p target
	$(BIN)/pytest tests/python -m spark > target/pytest-spark.log 2>&1 & spark=$$!; \
	$(BIN)/pytest tests/python -m "not spark"; others=$$?; \
	wait $$spark; spark_status=$$?; \
	echo "--- tests marked spark (second pytest process) ---"; \
	cat target/pytest-spark.log; \
	if [ $$others -ne 0 ]; then exit $$others; fi; exit $$spark_status

# The same project on Spark (local[2]); warehouse and metastore in target/spark.
spark-build: $(VENV)/.dev data java
	SPARK_RUN_DIR=$(CURDIR)/target/spark $(BIN)/python -m tools.spark_load_raw --data $(DATA)
	SPARK_RUN_DIR=$(CURDIR)/target/spark DBT_TARGET=spark $(BIN)/dbt build --target-path target/spark/dbt

test: lint pytest

# Speed and memory at three sizes (S: demo, M: 100k, L: 1M people); writes
# benchmarks/results/*.json and benchmarks/RESULTS.md. SIZES="S M" for fewer.
SIZES ?= S M L
benchmark: $(VENV)/.dev
	$(BIN)/pip install --quiet -r benchmarks/requirements.txt -c constraints.txt
	DUCKDB_MEMORY_LIMIT=$${DUCKDB_MEMORY_LIMIT:-7GB} $(BIN)/python -m benchmarks.run --sizes $(SIZES)

docs: build
	$(BIN)/dbt docs generate && $(BIN)/dbt docs serve

constraints: $(VENV)/.dev
	(echo "# Every package the project installs, pinned (pip install ... -c constraints.txt)."; \
	 echo "# Regenerate with: make constraints"; $(BIN)/pip freeze --exclude-editable) > constraints.txt

clean:
	rm -rf target logs warehouse $(DATA)
