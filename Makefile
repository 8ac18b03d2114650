# The two commands: `make run` and `make test`. Only Python 3.11+ is needed.
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do $$p -c 'import sys; assert sys.version_info >= (3, 11)' >/dev/null 2>&1 && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint format bench clean

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "factcheck needs Python 3.11 or newer (python3.11, python3.12 or python3.13 on PATH)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

## make run: the workbench with demo data (web + worker + beat) on embedded PostgreSQL and Redis
run: install
	$(BIN)/python -m factcheck.run

## make test: the whole suite (embedded PostgreSQL unless DATABASE_URL is set)
test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@# mypy's Django plugin imports the settings: give them values that start no server.
	SECRET_KEY=lint-only DATABASE_URL=postgresql://lint@127.0.0.1/lint \
	  CELERY_BROKER_URL=redis://127.0.0.1:6379/0 $(BIN)/mypy .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## make bench: every benchmark in bench/ (BENCH=suggest runs bench/suggest.py alone)
BENCH ?= *
bench: install
	for b in bench/$(BENCH).py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
