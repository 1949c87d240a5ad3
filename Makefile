# Two commands for users: `make run` and `make test`. Everything else is a helper.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= kg-data

.PHONY: run test install dev lint model clean

# Installs are quiet: their log goes to .venv/install.log and is printed only when they fail, so
# `make run` shows kg's own output and nothing of pip's or setuptools'.
QUIET = > $(VENV)/install.log 2>&1 || { cat $(VENV)/install.log; exit 1; }

$(BIN)/python:
	@$(PY) -m venv $(VENV)
	@$(BIN)/pip install -q --upgrade pip $(QUIET)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	@echo "installing kg into $(VENV) (log: $(VENV)/install.log)"
	@$(BIN)/pip install -q -e . $(QUIET)
	@touch $@

$(VENV)/.dev: pyproject.toml $(VENV)/.installed
	@$(BIN)/pip install -q -e '.[dev]' $(QUIET)
	@touch $@

install: $(VENV)/.installed

dev: $(VENV)/.dev

## Build the graph of seeds/ into the embedded store, export Turtle, show one query.
run: install
	$(BIN)/kg build seeds/ --db $(DB)
	$(BIN)/kg export --db $(DB) --format turtle -o kg.ttl
	$(BIN)/kg query queries/leaders.cypher --db $(DB)
	$(BIN)/kg query queries/acquisitions.cypher --db $(DB)

## Install the dev extras and run the whole suite (Neo4j tests start a local server themselves).
test: dev
	$(BIN)/pytest

## Rebuild kg's French news NER into kg/models/ner-fr (needs ../shared; about half an hour on one core).
model: install
	$(BIN)/python -m kg.train ner

lint: dev
	$(BIN)/ruff check kg tests

clean:
	rm -rf $(DB) kg.ttl .pytest_cache
