# The README's two commands: `make demo` (the app on its bundled demo) and `make test`.
# Both create .venv on first use and reuse it while pyproject.toml and setup.py are unchanged.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
INPUTS_HASH := $(shell $(PYTHON) -c "import hashlib; print(hashlib.sha256(open('pyproject.toml','rb').read() + open('setup.py','rb').read()).hexdigest()[:16])")
NEED_311 := import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else f"studylog needs Python 3.11, {sys.executable} is {sys.version.split()[0]}: run make PYTHON=/path/to/python3.11")
STAMP := $(VENV)/.installed-$(INPUTS_HASH)

.PHONY: demo test bench bench-count venv

demo: $(STAMP)
	$(VENV)/bin/studylog demo --if-empty
	$(VENV)/bin/studylog

test: $(STAMP)
	$(VENV)/bin/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(VENV)/bin/python benchmarks/search.py
	$(VENV)/bin/python benchmarks/verify_cold_vs_cached.py
	$(VENV)/bin/python benchmarks/tui_first_frame.py
	$(VENV)/bin/python benchmarks/import_large_post.py

# The counting peers (fvcore, ptflops, thop, torchinfo) get their own venv that reuses the app's torch.
BENCH_VENV := benchmarks/.venv
SITE := lib/python3.11/site-packages

bench-count: $(STAMP) $(BENCH_VENV)/.installed
	$(BENCH_VENV)/bin/python benchmarks/count_vs_peers.py

$(BENCH_VENV)/.installed: benchmarks/requirements-count.txt
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	echo "import site; site.addsitedir('$(abspath $(VENV))/$(SITE)')" > $(BENCH_VENV)/$(SITE)/reuse_app_venv.pth
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -r benchmarks/requirements-count.txt
	touch $@

venv: $(STAMP)

$(STAMP):
	@$(PYTHON) -c '$(NEED_311)'
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@
