# Kansli. `make run` serves the demo; `make test` runs every check on SQLite and PostgreSQL.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: install run test lint typecheck test-sqlite test-postgres browser-deps font-deps bench lock clean

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installerar Python-paket från requirements.lock …"
	@$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip 2>&1 | grep -v "is ignored" || true
	@$(BIN)/python -m pip install -q --disable-pip-version-check --require-hashes -r requirements.lock 2>&1 | grep -v "is ignored" || true
	@$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps -e . 2>&1 | grep -v -e "is ignored" -e Warning -e "^ " -e '^$$' || true
	@$(BIN)/python -c "import django, kansli, typst, pypdf, playwright" 
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

run: install font-deps
	@scripts/run-demo.sh

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	PYTHONPATH=src $(BIN)/lint-imports --no-cache
	DJANGO_SETTINGS_MODULE=kansli.config.settings.test $(BIN)/python -m kansli makemigrations --check --dry-run

typecheck: install
	$(BIN)/mypy

browser-deps:
	@scripts/ensure-chromium.sh

font-deps:
	@scripts/ensure-fonts.sh

test-sqlite: install browser-deps font-deps
	@scripts/run-tests.sh sqlite

test-postgres: install browser-deps font-deps
	@scripts/run-tests.sh postgresql

test: install browser-deps font-deps lint typecheck
	@rm -rf var/test-runs
	@scripts/run-tests.sh sqlite
	@scripts/run-tests.sh postgresql
	@$(BIN)/python scripts/test-summary.py

bench: install font-deps
	@scripts/ensure-weasyprint-deps.sh
	@$(BIN)/python -m bench

lock: install
	$(BIN)/python -m pip install -q uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -q -o requirements.lock

clean:
	rm -rf $(VENV) var/test-runs
