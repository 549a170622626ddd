# The README's two commands: `make demo` (the app on its bundled demo) and `make test`.
# Both create .venv on first use and reuse it while pyproject.toml and setup.py are unchanged.

PYTHON ?= python3
VENV ?= .venv
INPUTS_HASH := $(shell cat pyproject.toml setup.py | sha256sum | cut -c1-16)
STAMP := $(VENV)/.installed-$(INPUTS_HASH)

.PHONY: demo test bench venv

demo: $(STAMP)
	$(VENV)/bin/studylog demo --if-empty
	$(VENV)/bin/studylog

test: $(STAMP)
	$(VENV)/bin/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(VENV)/bin/python benchmarks/search.py

venv: $(STAMP)

$(STAMP):
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@
