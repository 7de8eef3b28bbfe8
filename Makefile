# Reading Room: the front door. `make serve` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
# `make serve` runs the development server, so it runs with DEBUG on unless told otherwise.
SERVE_ENV := DEBUG=$${DEBUG:-1}

.PHONY: help venv install install-dev serve test lint format check migrate demo backup restore clean

help:
	@echo "make serve   - install, migrate SQLite, load demo data, serve on http://$(HOST):$(PORT)"
	@echo "make test    - install dev requirements and run the whole test suite"
	@echo "make lint    - ruff check and format check"
	@echo "make check   - Django system checks and makemigrations --check"
	@echo "make backup  - back up the database and every clipping into backups/"
	@echo "make restore FILE=backups/readingroom-....dump (or .sqlite3) - replace the database"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

venv install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

migrate: install
	$(SERVE_ENV) $(BIN)/python manage.py migrate --noinput

demo: migrate
	$(SERVE_ENV) $(BIN)/python manage.py load_demo

serve: demo
	@echo
	@echo "Reading Room is at http://$(HOST):$(PORT)/"
	@echo "To create an editor account: $(SERVE_ENV) $(BIN)/python manage.py createsuperuser"
	@echo "(or add a user to the 'Editors' group in the admin at http://$(HOST):$(PORT)/admin/)"
	@echo
	$(SERVE_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install-dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install-dev
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

# Both read DATABASE_URL (and BACKUP_DIR) from the environment, as the site does.
backup: install
	$(SERVE_ENV) $(BIN)/python manage.py backup

restore: install
	@test -n "$(FILE)" || { echo "usage: make restore FILE=backups/readingroom-<time>.dump" >&2; exit 2; }
	$(SERVE_ENV) $(BIN)/python manage.py restore "$(FILE)"

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles
