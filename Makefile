# Two commands do all the set-up on a fresh machine (see README.md):
#   make serve   serve the dashboard on the bundled data
#   make test    lint, type-check, lint the Dockerfile, validate the data, run every test
PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

.PHONY: install serve test
install: $(STAMP)

serve: $(STAMP)
	$(BIN)/uvicorn app.main:app --host $(HOST) --port $(PORT)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/hadolint Dockerfile
	$(BIN)/python -m app validate data
	$(BIN)/pytest
