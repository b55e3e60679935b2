# Two commands for a new machine: `make run` (install, open the console) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PG_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test

.PHONY: run test test-pg lint bench screenshots build bundle-check install-desktop uninstall-desktop icons clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

# The window's translations: .ts sources in the repository, .qm files built here (scripts/i18n.py).
QM := $(patsubst %.ts,%.qm,$(wildcard resources/i18n/*.ts))
resources/i18n/%.qm: resources/i18n/%.ts | $(VENV)/.installed
	$(BIN)/python scripts/i18n.py build

run: $(VENV)/.installed $(QM)
	$(BIN)/privacy-console

test: $(VENV)/.installed-test $(QM)
	$(BIN)/python -m pytest

# The database tier again, on the real PostgreSQL server (a throwaway database is created).
test-pg: $(VENV)/.installed-test $(QM)
	PRIVACY_CONSOLE_TEST_PG=$(PG_URL) $(BIN)/python -m pytest tests/console

lint: $(VENV)/.installed-test
	$(BIN)/ruff check console ui tests bench
	$(BIN)/lint-imports

bench: $(VENV)/.installed-test
	for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

$(VENV)/.installed-build: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,build]"
	touch $@ $(VENV)/.installed-test $(VENV)/.installed

# The one-folder program: dist/privacy-console/privacy-console (copy the folder anywhere).
build: $(VENV)/.installed-build $(QM)
	$(BIN)/pyinstaller --noconfirm build.spec

# Build it and run it as a user's machine would, offscreen (CI runs this): prints build time,
# size, each command's time; fails if a command fails or the screenshot is blank.
bundle-check: $(VENV)/.installed-build $(QM)
	$(BIN)/python scripts/bundle_check.py

# The application menu entry and icon for this user (XDG paths under ~/.local/share).
install-desktop: $(VENV)/.installed
	$(BIN)/privacy-console desktop install

uninstall-desktop: $(VENV)/.installed
	$(BIN)/privacy-console desktop uninstall

# The PNG sizes of resources/icons/app.svg (committed; run after changing the SVG).
icons: $(VENV)/.installed
	$(BIN)/python scripts/render_icons.py

# The README's pictures, made by the app's own screenshot command on fresh demo data.
SHOTS := docs/screenshots
SHOT_HOME := $(CURDIR)/build/screenshots-home
screenshots: $(VENV)/.installed $(QM)
	rm -rf $(SHOT_HOME) && mkdir -p $(SHOT_HOME) $(SHOTS)
	PRIVACY_CONSOLE_HOME=$(SHOT_HOME) $(BIN)/privacy-console demo --requests 300 --incidents 8 >/dev/null
	for v in welcome queue request incidents dashboard records; do \
	  PRIVACY_CONSOLE_HOME=$(SHOT_HOME) QT_QPA_PLATFORM=offscreen $(BIN)/privacy-console screenshot $(SHOTS)/$$v.png --view $$v || exit 1; \
	done
	rm -rf $(SHOT_HOME)

clean:
	rm -rf build dist .pytest_cache
