# Two commands do all the set-up on a fresh machine (see README.md):
#   make serve   serve the dashboard on the bundled data
#   make test    lint, type-check, lint the Dockerfile, validate the data, run every test (browser tests too)
PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Browser tests drive Debian's chromium through Playwright; Playwright never downloads a browser here.
CHROMIUM ?= /usr/bin/chromium

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

.PHONY: install browser serve test
install: $(STAMP)

browser:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" -ne 0 ]; then echo "Chromium is missing: run 'sudo apt-get install chromium' (Debian) or set CHROMIUM=/path/to/chromium"; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-core >/dev/null; \
	fi

serve: $(STAMP)
	$(BIN)/uvicorn app.main:app --host $(HOST) --port $(PORT)

test: $(STAMP) browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/hadolint Dockerfile
	$(BIN)/python -m app validate data
	CHROMIUM_PATH=$(CHROMIUM) $(BIN)/pytest
