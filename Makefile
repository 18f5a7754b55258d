# Toàn Dân – daily commands. `make run` starts the platform with demo data; `make test` runs every test.
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3

.PHONY: setup run test lint messages bench clean

setup: $(VENV)/.setup-done

$(VENV)/.setup-done: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test-done: $(VENV)/.setup-done pyproject.toml
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

run: setup
	$(BIN)/toandan migrate --noinput -v0
	$(BIN)/toandan createcachetable
	$(BIN)/toandan collectstatic --noinput -v0
	$(BIN)/toandan load-demo
	$(BIN)/toandan serve

messages: setup
	cd toandan && ../$(BIN)/toandan makemessages -l vi -l en --no-location --no-obsolete -i "*/migrations/*"
	cd toandan && ../$(BIN)/toandan makemessages -d djangojs -l vi -l en --no-location --no-obsolete -i "*/vendor/*"
	cd toandan && ../$(BIN)/toandan compilemessages -v0

lint: $(VENV)/.test-done
	$(BIN)/ruff check .
	$(BIN)/toandan makemigrations --check --dry-run -v0

node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error; \
	  else echo "npm not found: browser tests need axe-core (apt-get install npm)"; fi

test: $(VENV)/.test-done lint
	@$(MAKE) --no-print-directory node_modules/.package-lock.json
	@if command -v msgfmt >/dev/null; then cd toandan && ../$(BIN)/toandan compilemessages -v0; \
	  else echo "msgfmt not found: using the committed .mo catalogues"; fi
	$(BIN)/pytest -n 2 -q

bench: $(VENV)/.test-done
	@for script in bench/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) var
