# `make run` opens the till on its default database (a demo shop is made first if there is none);
# `make test` runs ruff, mypy, the import-layer contracts and the whole pytest suite, and
# changes no tracked file; `make screenshots` refreshes the pictures in docs/screenshots.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint screenshots translations bench bench-sync real-window dist clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "pos_app needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

run: $(VENV)/.installed-run
	$(BIN)/pos-app demo --if-missing
	$(BIN)/pos-app

lint: $(VENV)/.installed-test
	$(BIN)/ruff check pos_app tests bench
	$(BIN)/ruff format --check pos_app tests bench
	$(BIN)/mypy pos_app
	$(BIN)/lint-imports

test: lint
	$(BIN)/python -m pytest -q -p no:cacheprovider

screenshots: $(VENV)/.installed-test
	POS_APP_SCREENSHOTS=$(CURDIR)/docs/screenshots QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q \
		-p no:cacheprovider tests/ui/test_screenshots.py tests/ui/test_checkout_screenshots.py \
		tests/ui/test_cash_drawer.py::test_screenshots_at_1024x768 tests/ui/test_receipt_page.py tests/ui/test_german.py \
		tests/ui/test_reports_window.py::test_screenshot_at_1024x768

# The German translation: lupdate gathers every tr() text of pos_app/ui and pos_app/viewmodels
# into resources/i18n/pos_app_de.ts (keeping the translations made so far, marking new texts
# unfinished), lrelease compiles it to the .qm the till loads. Rerun after adding texts, fill in
# the new <translation>s (Qt Linguist: $(BIN)/pyside6-linguist), run it again.
TS := resources/i18n/pos_app_de.ts
translations: $(VENV)/.installed-run
	$(BIN)/pyside6-lupdate -locations none -no-obsolete -source-language en -target-language de \
		$$(find pos_app/ui pos_app/viewmodels -name '*.py' | sort) -ts $(TS)
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(TS:.ts=.qm)

bench: $(VENV)/.installed-test
	$(BIN)/python bench/run_all.py

# Sync with a central PostgreSQL only (also the last step of `make bench`): push, pull, a week
# offline, checkout with sync on and off. It needs a server, `make bench-sync PG=URL` or
# POS_TEST_PG_URL (a superuser's URL); without one it says so and skips.
bench-sync: $(VENV)/.installed-test
	$(BIN)/python bench/sync_bench.py $(if $(PG),--pg '$(PG)')

# The till in a real X11 window (Xvfb, openbox) at a 1024x768 and a 1280x800 screen, driven by
# keyboard alone: it prints the keys each flow took and fails when one cannot be finished.
real-window: $(VENV)/.installed-run
	POS_APP_PYTHON=$(BIN)/python sh bench/real_window.sh 1024x768
	POS_APP_PYTHON=$(BIN)/python sh bench/real_window.sh 1280x800

# A one-folder desktop build (PyInstaller, build.spec) and a smoke run of the frozen app:
# migrations, the demo catalogue, the journal check, a report saved as Excel and the log-in window
# from inside it.
dist: $(VENV)/.installed-run
	$(BIN)/python -m pip install -q 'pyinstaller>=6,<7'
	$(BIN)/pyinstaller --noconfirm --distpath dist --workpath build build.spec
	rm -f build/smoke.sqlite3*
	dist/pos-app/pos-app --db build/smoke.sqlite3 demo --orders 20 >/dev/null
	POS_APP_PASSWORD=manager123 dist/pos-app/pos-app --db build/smoke.sqlite3 --user manager verify
	rm -f build/smoke-report.xlsx
	POS_APP_PASSWORD=manager123 dist/pos-app/pos-app --db build/smoke.sqlite3 --user manager \
		report sales --from $$(date +%F) --by category --xlsx build/smoke-report.xlsx >/dev/null
	QT_QPA_PLATFORM=offscreen POS_APP_EXIT_WHEN_SHOWN=1 dist/pos-app/pos-app --db build/smoke.sqlite3

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache build dist
