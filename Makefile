# Two commands on a fresh machine: `make scan` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ARGS ?=

.PHONY: scan test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

## the main job: the interactive self-scan on the shipped bank
scan: $(VENV)/.installed
	$(BIN)/ontwikkelscan scan $(ARGS)

## install what the tests need and run them
test: $(VENV)/.installed
	$(BIN)/python -m pytest

bench: $(VENV)/.installed
	$(BIN)/python bench/startup.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
