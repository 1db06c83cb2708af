# Set-up and everyday commands. `make run` and `make test` work from a clean clone.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TS     := $(wildcard i18n/*.ts)
QM_DIR := src/cadre_desktop/i18n
QM     := $(patsubst i18n/%.ts,$(QM_DIR)/%.qm,$(TS))

.PHONY: run test bench translations update-translations lint typecheck sysdeps clean demo \
        screenshots package package-check

$(STAMP): pyproject.toml
	@bash packaging/install-system-deps.sh
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

sysdeps:
	@bash packaging/install-system-deps.sh

translations: $(STAMP) $(QM)

$(QM_DIR)/%.qm: i18n/%.ts | $(STAMP)
	@mkdir -p $(QM_DIR)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# Refresh the Vietnamese source file from the code's tr() strings (keeps translations).
update-translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none \
	    $$(find src/cadre_desktop/ui src/cadre_desktop/app.py -name '*.py' | sort) \
	    -ts i18n/cadre_desktop_vi.ts

run: translations
	$(PY) -m cadre_desktop $(if $(DB),--db $(DB),)

demo: translations
	$(PY) -m cadre_desktop demo --db $(or $(DB),demo.sqlite3) --members $(or $(MEMBERS),3000)

test: translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest
	$(VENV)/bin/ruff check .
	$(MAKE) --no-print-directory typecheck

lint: $(STAMP)
	$(VENV)/bin/ruff check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy $(addprefix src/cadre_desktop/,domain store importing exporting services printing demo cli sync bulk.py)

bench: translations
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py --out bench-results.json

# The user guide's pictures, from the real GUI offscreen on a demo office.
screenshots: translations
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py

# The self-contained build (PyInstaller one-folder) as .tar.gz and .deb in dist/.
package: translations
	$(PY) -m pip install -q -e '.[dev,package]'
	$(PY) packaging/build.py

# Unpack the built archive and package on a bare Debian (chroot) without Python and run it.
package-check:
	bash packaging/package-check.sh

clean:
	rm -rf $(VENV) $(QM_DIR)/*.qm build dist *.egg-info
