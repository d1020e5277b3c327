# The two quick-start commands: `make report` and `make test`. Each builds its own virtual
# environment from nothing (only python3 and the package registries are needed).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip install -q --disable-pip-version-check

.PHONY: report demo test lint bench chromium dictionaries lexicon mutation clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Runtime only: what the main job needs.
$(VENV)/.core: pyproject.toml | $(BIN)/python
	$(PIP) -e .
	touch $@

# Tests: torch first and exactly pinned, so sentence-transformers does not pull a CUDA build.
$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(PIP) torch==2.13.0
	$(PIP) -e '.[st,test]'
	touch $@

# Debian's Chromium for the browser tests of the HTML report (needs root, as on CI).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "warning: could not install chromium; browser tests will skip (or fail under CI=true)"; \
	  else echo "warning: chromium missing and not root; browser tests will skip"; fi; }

# Debian's lexical resources, read in place (never shipped): FreeDict English–French (GPL-2+,
# the word links' dictionary), Princeton WordNet 3.0 (its own free licence: antonyms for the
# direction check) and Apertium's English/French pairs through Spanish, Catalan and Esperanto
# (GPL: the pivot lexicon that widens the dictionary), with lttoolbox's lt-proc to read them.
# Without them the checks work from what is left and `fidelity check` says so once.
LEXICON_PACKAGES := dict-freedict-eng-fra dict-freedict-fra-eng wordnet-base lttoolbox \
	apertium-eng-spa apertium-fr-es apertium-eng-cat apertium-fra-cat apertium-eo-en apertium-eo-fr
dictionaries:
	@missing=$$(for p in $(LEXICON_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	test -z "$$missing" || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      --no-install-recommends $$missing >/dev/null) \
	      || echo "warning: could not install $$missing; the word checks use what is left"; \
	  else echo "warning: missing Debian packages (not root): $$missing;" \
	    "the word checks use what is left (apt-get install $$missing)"; fi; }

# The pivot lexicon built from Apertium's dictionaries once per machine (about 30 CPU s) into
# the user cache folder, so that the first check does not pay it; says so when Apertium is absent.
lexicon: $(VENV)/.core dictionaries
	$(BIN)/python -m align.words.pivot

# When no post could be compared (no original reachable), the worked example is checked too,
# so the first report shows real findings.
report: $(VENV)/.core dictionaries lexicon
	$(BIN)/fidelity check corpus/
	$(BIN)/fidelity demo --output reports/demo --if-nothing-compared reports

# The worked example, offline: a real kremlin.ru page and a French translation with planted errors.
demo: $(VENV)/.core dictionaries lexicon
	$(BIN)/fidelity demo --output reports/demo

lint: $(VENV)/.test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: $(VENV)/.test chromium dictionaries lexicon
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

bench: $(VENV)/.test
	$(BIN)/python bench/align_bench.py
	$(BIN)/python bench/check_bench.py
	$(BIN)/python bench/speed_bench.py

# Mutation testing (mutmut, config in [tool.mutmut] of pyproject.toml): one module at a time,
# niced; slow (tens of minutes per module on 2 cores), so not part of `make test` or CI.
# Scores and every surviving mutant, with why it survives: docs/development.md.
MUTATE ?= align.numbers.compare align.checks.omissions align.aligner.dp
$(VENV)/.mutation: pyproject.toml | $(BIN)/python
	$(PIP) torch==2.13.0
	$(PIP) -e '.[st,test,mutation]'
	touch $@

mutation: $(VENV)/.mutation
	@for module in $(MUTATE); do \
	  nice -n 10 $(BIN)/mutmut run --max-children 2 "$$module.*" || exit 1; \
	done
	$(BIN)/python bench/mutation_score.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache mutants
