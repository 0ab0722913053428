# Twee commando's voor een nieuwe machine:
#   make serve  -> bouwt alle zes sites op de voorbeeldcatalogus en serveert ze op http://127.0.0.1:8000/
#   make test   -> draait alle tests (installeert zo nodig Chromium via apt)
# Beide maken zelf de virtuele omgeving aan en installeren wat nodig is.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.geinstalleerd

.PHONY: serve build test check schemas benchmark chromium clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/lab serve

build: $(STAMP)
	$(BIN)/lab build

check: $(STAMP)
	$(BIN)/lab check

schemas: $(STAMP)
	$(BIN)/lab schemas

# Browser tests drive Debian's Chromium; install it when it is missing.
chromium:
	@[ -x /usr/bin/chromium ] || { \
	  echo "Chromium ontbreekt; installeren via apt..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# axe-core (npm) checks the built sites against WCAG 2.1 AA in the browser tests.
NODE_STAMP := node_modules/.geinstalleerd
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Node.js/npm ontbreekt; installeren via apt..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm >/dev/null; }
	npm ci --no-audit --no-fund --silent
	touch $(NODE_STAMP)

test: $(STAMP) $(NODE_STAMP) chromium
	$(BIN)/python -m pytest

benchmark: $(STAMP)
	$(BIN)/python benchmarks/bench_check.py
	$(BIN)/python benchmarks/bench_zoeken.py

clean:
	rm -rf $(VENV) node_modules site .pytest_cache
