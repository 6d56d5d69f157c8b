# Two commands set everything up on a fresh clone: `make quiz` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: quiz test lint decks bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

quiz: $(STAMP)
	$(BIN)/quiz study --decks decks

lint: $(STAMP)
	$(BIN)/ruff format --check quiz tests benchmarks
	$(BIN)/ruff check quiz tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	$(BIN)/python -m pytest -q -n 2

decks: $(STAMP)
	$(BIN)/quiz generate content --out-dir decks --fresh

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache
