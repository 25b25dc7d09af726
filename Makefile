# Stock-Vis: `make run` starts everything on embedded defaults, `make test` runs every test.
SHELL := /bin/bash
UV := $(shell command -v uv 2>/dev/null)
ifeq ($(UV),)
UV := python3 -m uv
endif
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/stockvis
REDIS_TEST_URL ?= redis://127.0.0.1:6379/15

.PHONY: help bootstrap install install-run run test test-unit test-integration lint format bench ui ui-schema ui-test

help:
	@echo "make run    start web (ASGI), Celery worker and beat on SQLite with demo data (port \$$PORT, default 8000)"
	@echo "make test   run the whole test suite (unit, e2e, then PostgreSQL/Redis integration)"
	@echo "make lint   ruff and mypy"
	@echo "make bench  run the benchmarks in bench/"
	@echo "make ui     regenerate the API types and rebuild the web UI into stockvis/web/static/ui (needs Node.js)"

# uv is the only thing we need from outside the lock file; fetch it from the package index if missing.
bootstrap:
	@$(UV) --version >/dev/null 2>&1 || python3 -m pip install --quiet --disable-pip-version-check uv

# What running needs only (no test or lint tools); --inexact keeps the dev tools of an earlier
# `make install` instead of uninstalling them. Bytecode is compiled once here: otherwise each of
# the five processes `serve` starts compiles every module it imports (where Python may not write
# bytecode, on every start), which took the embedded run from ready in 6.5 s to 15 s.
install-run: bootstrap
	@echo "Installing Stock-Vis (runtime packages) ..."
	@$(UV) sync --frozen --no-dev --inexact --compile-bytecode
	@$(UV) run --no-sync python -m compileall -q -j 0 stockvis config >/dev/null

# Runtime plus the development tools (pytest, mypy, ruff, schemathesis, ...).
install: bootstrap
	@echo "Installing Stock-Vis with the development tools ..."
	@$(UV) sync --frozen --compile-bytecode
	@$(UV) run --no-sync python -m compileall -q -j 0 stockvis config >/dev/null

run: install-run
	$(UV) run --no-sync stockvis serve

test: install ui-test
	$(UV) run pytest -m "not integration" -p no:cacheprovider
	DATABASE_URL=$(PG_TEST_URL) REDIS_URL=$(REDIS_TEST_URL) $(UV) run pytest -m integration -p no:cacheprovider

test-unit: install
	$(UV) run pytest -m "not integration and not e2e"

test-integration: install
	DATABASE_URL=$(PG_TEST_URL) REDIS_URL=$(REDIS_TEST_URL) $(UV) run pytest -m integration

lint: install
	$(UV) run ruff check .
	$(UV) run ruff format --check .
	$(UV) run mypy stockvis config

format: install
	$(UV) run ruff check --fix .
	$(UV) run ruff format .

# Every benchmark runs (each prints its table); the exit status says whether any missed a target.
bench: install
	@failed=""; for b in bench/*.py; do n=$$(basename $$b .py); case $$n in _*) continue;; esac; \
	  echo "== bench.$$n"; $(UV) run python -m bench.$$n || failed="$$failed $$n"; done; \
	  if [ -n "$$failed" ]; then echo "missed a target:$$failed"; exit 1; fi

# --- Web UI (Node.js is needed only here; `make run` serves the committed build) -------------
UI_BUILT := stockvis/web/static/ui

# Dump the server's OpenAPI schema and regenerate frontend/src/api/schema.d.ts from it.
ui-schema: install
	$(UV) run stockvis spectacular --file var/openapi.json --format openapi-json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error && node scripts/api-types.mjs

# Rebuild the committed UI files after changing frontend/ (commit what changes).
ui: ui-schema
	cd frontend && npm run build

# Type-check, lint (ESLint, no warning allowed), run vitest (which fails when the API types drift
# from the schema), and check that a fresh build equals the committed one.
ui-test: install
	$(UV) run stockvis spectacular --file var/openapi.json --format openapi-json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run typecheck && npm run lint && npx vitest run
	rm -rf var/ui-build
	cd frontend && UI_OUT_DIR=../var/ui-build npx vite build --logLevel warn
	@diff -r var/ui-build $(UI_BUILT) >/dev/null || { diff -r var/ui-build $(UI_BUILT) | head -20; \
	  echo "the committed web UI build differs from a fresh build: run make ui and commit $(UI_BUILT)"; exit 1; }
