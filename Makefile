# Two commands on a fresh machine: `make demo` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

export PREFECT_SERVER_ANALYTICS_ENABLED := false
# Python keeps compiled modules (and pytest its rewritten test modules) in __pycache__: a
# shell that sets PYTHONDONTWRITEBYTECODE makes every process, and every `cqc` a test starts,
# compile them all again (a pytest worker's collection: 6.7 s against 3.7 s).
export PYTHONDONTWRITEBYTECODE :=

.PHONY: install browser demo ingest test test-fast fuzz lint mirror-site data-dictionary benchmark benchmark-pdf clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

demo: install ## ingest the bundled offline mirror and print the league table
	$(BIN)/cqc demo

ingest: install ## ingest the live site (https://www.cqc.org.uk) into data/cqc.duckdb
	$(BIN)/cqc ingest

# Debian's Chromium renders the HTML report in the tests (headless, no network needed).
browser: ## install Debian's chromium if it is missing (needs root, or sudo)
	@test -x /usr/bin/chromium || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
			chromium >/dev/null; }
	@/usr/bin/chromium --version

test: install browser ## lint, type-check (mypy --strict) and run the whole test suite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest -n auto --dist loadscope

test-fast: install ## lint, types and the unit tests on every core (no Prefect server, mirror server, browser, slow or whole-mirror test)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest -m "not e2e and not slow and not mirror" -n auto --dist loadscope --hypothesis-profile=fast -q

# The markup-variation property tests with a large, random budget (CI runs a fixed-seed one).
fuzz: install ## parse thousands of generated markup variants of every mirror page kind
	$(BIN)/pytest tests/transform/test_variations.py --hypothesis-profile=fuzz -q

mirror-site: install ## regenerate both skins, mirror/site and mirror/site-drupal, from mirror/data
	$(BIN)/python -m mirror.build
	$(BIN)/python -m mirror.skin_drupal

data-dictionary: install ## regenerate docs/data_dictionary.md (examples from the mirror)
	$(BIN)/python -m mirror.sample data/sample.duckdb
	$(BIN)/python -m publish.dictionary --examples-from data/sample.duckdb \
		> docs/data_dictionary.md

benchmark: install ## every cost beside its floor in one table (nights, local commands, parsers, a 100x warehouse); the mirror three ways; the full-size provider files
	$(BIN)/python -m benchmarks.floors
	$(BIN)/python -m benchmarks.ingest_mirror
	$(BIN)/python -m benchmarks.provider_files

benchmark-pdf: install ## our PDF parser (PDFium text) against pdfplumber and pypdf; all mirror PDFs
	$(BIN)/python -m benchmarks.pdf_parse

clean:
	rm -rf data/demo .pytest_cache
