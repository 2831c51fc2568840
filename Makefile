# Two commands on a fresh machine: `make scan` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ARGS ?=

.PHONY: scan test lint bench schemas clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@# An editable install leaves our modules uncompiled; where PYTHONDONTWRITEBYTECODE is set,
	@# every run would compile them again (about 40 ms). Byte-compile once here.
	$(BIN)/python -m compileall -q ontwikkelscan
	touch $@

## the main job: the interactive self-scan on the shipped bank
scan: $(VENV)/.installed
	$(BIN)/ontwikkelscan scan $(ARGS)

## install what the tests need and run them
test: $(VENV)/.installed
	$(BIN)/python -m pytest

## ruff and mypy (not part of `make test`: they need the dev extra)
lint: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/ruff check ontwikkelscan
	$(BIN)/mypy ontwikkelscan

## start-up and batch benchmarks (ratios against a baseline measured in the same run)
bench: $(VENV)/.installed
	$(BIN)/python -m compileall -q ontwikkelscan
	$(BIN)/python bench/report_startup.py
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/batch.py

## regenerate the JSON Schemas in schemas/ after editing ontwikkelscan/files/schemas.py
schemas: $(VENV)/.installed
	$(BIN)/ontwikkelscan schema --output schemas

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
