# Two commands for a new machine: `make run` (install, open the console) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PG_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test

.PHONY: run test test-pg lint bench screenshots build clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/privacy-console

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

# The database tier again, on the real PostgreSQL server (a throwaway database is created).
test-pg: $(VENV)/.installed-test
	PRIVACY_CONSOLE_TEST_PG=$(PG_URL) $(BIN)/python -m pytest tests/console

lint: $(VENV)/.installed-test
	$(BIN)/ruff check console ui tests bench
	$(BIN)/lint-imports

bench: $(VENV)/.installed-test
	for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

build: $(VENV)/.installed-test
	$(BIN)/python -m pip install --quiet pyinstaller
	$(BIN)/pyinstaller --noconfirm build.spec

clean:
	rm -rf build dist .pytest_cache
