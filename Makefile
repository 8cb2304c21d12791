# The two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# `make run DEMO_DATES=historical` keeps the real 2020 dates; the default moves them ahead of today.
DEMO_DATES ?= today

export PATH := $(CURDIR)/$(BIN):$(PATH)

.PHONY: run test install install-test migrate messages demo lint format bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements-test.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

messages: install
	DEBUG=1 $(BIN)/python manage.py compile_translations

migrate: install
	DEBUG=1 $(BIN)/python manage.py migrate --noinput

demo: migrate messages
ifeq ($(DEMO_DATES),historical)
	DEBUG=1 $(BIN)/python manage.py seed_demo
else
	DEBUG=1 $(BIN)/python manage.py seed_demo --rebase-to-today
endif

run: demo
	@echo ""
	@echo "Starting web (http://127.0.0.1:$(PORT)), Celery worker and beat. Ctrl-C stops all of them."
	DEBUG=$${DEBUG:-1} APP_PORT=$(PORT) $(BIN)/honcho -f Procfile.dev start

test: install-test messages
	$(BIN)/python -m pytest -n $${PYTEST_WORKERS:-2} $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install-test messages
	$(BIN)/python -m tests.bench

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache var db.sqlite3 db.sqlite3-shm db.sqlite3-wal
