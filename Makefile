# Two commands on a fresh machine: `make scan` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ARGS ?=
VIA_MAKE := ONTWIKKELSCAN_VIA_MAKE=1

.PHONY: scan test lint bench schemas mutation clean

INSTALL_LOG := $(VENV)/install.log

# `make scan` writes .venv/ and scans/ into this folder. In a folder the user may not write to (a
# shared copy, a read-only share) pip and tail would each fail in English; say in Dutch what to do.
WRITABLE = @test -w . || { echo "U kunt in deze map niet schrijven: $(CURDIR)"; \
	echo "ontwikkelscan bewaart hier zijn installatie (.venv) en uw antwoorden (scans/)."; \
	echo "Kopieer de map naar een eigen plek en start daar opnieuw, bijvoorbeeld:"; \
	echo "  cp -r '$(CURDIR)' ~/ontwikkelscan && cd ~/ontwikkelscan && make scan"; exit 1; }

# `make scan` installs only what the scan needs, with one Dutch line instead of pip's output
# (that goes to $(INSTALL_LOG); on failure its tail is shown). The venv is made without its own
# pip (2.5 s of a fresh install) when the Python that makes it has a pip that can install into
# another environment (--python, pip >= 22.3); otherwise the venv gets its own.
$(VENV)/.installed: pyproject.toml
	$(WRITABLE)
	@echo "Ontwikkelscan wordt geïnstalleerd (eenmalig, een paar seconden) ..."
	@if $(PYTHON) -m pip install --help 2>/dev/null | grep -q -- '--python'; then \
	    $(PYTHON) -m venv --without-pip $(VENV) && \
	    $(PYTHON) -m pip --python $(BIN)/python install --disable-pip-version-check -e . >$(INSTALL_LOG) 2>&1; \
	else \
	    $(PYTHON) -m venv $(VENV) && \
	    $(BIN)/python -m pip install --disable-pip-version-check -e . >$(INSTALL_LOG) 2>&1; \
	fi || { echo "De installatie is mislukt. Het einde van $(INSTALL_LOG):"; tail -n 15 $(INSTALL_LOG); exit 1; }
	@# An editable install leaves our modules uncompiled; where PYTHONDONTWRITEBYTECODE is set,
	@# every run would compile them again (about 40 ms). Byte-compile once here.
	@$(BIN)/python -m compileall -q ontwikkelscan
	@touch $@

# The tests and the developer tools need pip inside the venv (`.venv/bin/pip install -e '.[dev]'`).
$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip --version >/dev/null 2>&1 || $(BIN)/python -m ensurepip --upgrade --default-pip >/dev/null
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

## the main job: the interactive self-scan on the shipped bank
# Pausing or Ctrl-C ends the scan with exit code 130 (for scripts that call it directly);
# through make that is no failure, so make does not print its own error line.
scan: $(VENV)/.installed
	$(WRITABLE)
	@$(VIA_MAKE) $(BIN)/ontwikkelscan scan $(ARGS) || test $$? -eq 130

## install what the tests need and run them
test: $(VENV)/.installed-test
	$(BIN)/python -m pytest --cov

## ruff and mypy --strict (not part of `make test`: they need the dev extra)
lint: $(VENV)/.installed-test
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/ruff check ontwikkelscan
	$(BIN)/mypy ontwikkelscan

## every benchmark in bench/: one line per figure, its ratio to a floor measured in the same run and its goal
bench: $(VENV)/.installed-test
	$(BIN)/python bench/all.py $(ARGS)

## mutation testing of the modules that carry a promise (tools/mutate.py; docs/testing.md says how long)
mutation: $(VENV)/.installed-test
	$(BIN)/python tools/mutate.py $(ARGS)

## regenerate the JSON Schemas in schemas/ after editing ontwikkelscan/files/schemas.py
schemas: $(VENV)/.installed-test
	$(BIN)/ontwikkelscan schema --output schemas

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
