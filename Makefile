# Two commands do all the set-up on a fresh machine (see README.md):
#   make run    creates .venv on first use, installs the explorer, starts it
#   make test   creates .venv on first use, installs the explorer and its tests, lints, runs them all
#   make screenshot  re-makes docs/summary.png, docs/summary-page1.png, docs/summary-matters.png and docs/summary-figures.png
#                    (the saved HTML summary in headless Chromium, on screen and printed)
#   make format rewrites the code as `make lint` (part of `make test`) wants it: ruff's fixes, then its formatter
#   make schemas   re-writes docs/schema/ (the published JSON Schemas) after a change to an output's model
#   make axe    installs axe-core and puppeteer-core (tests/axe) for the accessibility test; `make test` runs it
#   make messages  compiles the Spanish words (explorer/locale/es/LC_MESSAGES/explorer.po) for gettext
#   make snapshot  checks data/ and rules/ and saves them as explorer/snapshot/ (run, test and bench do it
#                  when the content or its code changed; see docs/how-it-works.md)
# PYTHON picks the interpreter (3.10 to 3.15), e.g. `make test PYTHON=python3.13`.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SNAPSHOT := explorer/snapshot/manifest.json
# The explorer's own words in Spanish, compiled for gettext from the .po a translator edits.
MESSAGES := explorer/locale/es/LC_MESSAGES/explorer.mo

.PHONY: run test lint format axe bench screenshot schemas clean snapshot messages

# The referral must stay the last thing on the screen, on every way out, so make may add no line
# after it:
# - Ctrl-C (or Ctrl-\) at a line prompt (a section's pager) reaches the whole foreground process
#   group: make and the shell too, not only the explorer. A shell with no trap would die at once,
#   and make would print "make: *** [run] Interrupt" after the referral. The trap (a command, not
#   '': an ignored signal would be inherited) keeps the shell waiting for the explorer's calm
#   ending; make then ends itself with that signal, silently (after Ctrl-C `make run` exits 130).
# - Any other status (2 for a usage error, 1 for damaged content) would make make print
#   "make: *** [run] Error 2": the recipe ends with 0. Scripts that need the explorer's status
#   run .venv/bin/treatment-explorer itself.
run: $(VENV)/.installed-run $(SNAPSHOT) $(MESSAGES)
	@trap : INT QUIT; $(BIN)/treatment-explorer $(ARGS) || :

# The tests run on every core (pytest-xdist): TEST_WORKERS=0 runs them in one process.
TEST_WORKERS ?= auto

test: lint axe $(SNAPSHOT) $(MESSAGES)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# The npm packages of tests/test_accessibility.py, pinned by tests/axe/package-lock.json. Without
# npm it says so and the test skips (CI installs npm: .ci/run). npm's own summary ("added 82
# packages") goes nowhere: one line of ours says what is installed and why; npm's errors still show.
AXE := tests/axe
axe:
	@if command -v npm >/dev/null 2>&1; then \
	  [ $(AXE)/node_modules/.package-lock.json -nt $(AXE)/package-lock.json ] || { \
	    echo "axe: installing axe-core and puppeteer-core into $(AXE)/node_modules for the accessibility test (once)"; \
	    npm ci --prefix $(AXE) --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null; }; \
	else echo "axe: npm not found; the accessibility test will be skipped (Debian: apt-get install npm)"; fi

# The formatter, the linter and the type checker (configured in pyproject.toml); run by `make test`.
lint: $(VENV)/.installed-test
	@$(BIN)/ruff format --check --quiet explorer tests bench scripts setup.py || { echo "lint: run 'make format'"; exit 1; }
	$(BIN)/ruff check --quiet explorer tests bench scripts setup.py
	$(BIN)/mypy

# Rewrites the code as `make lint` wants it: ruff's safe fixes (import order, pyupgrade, ...), then
# the formatter. What it cannot fix, `make lint` still reports.
format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix-only --quiet explorer tests bench scripts setup.py
	$(BIN)/ruff format --quiet explorer tests bench scripts setup.py

screenshot: $(VENV)/.installed-test
	$(BIN)/python scripts/screenshot.py docs/summary.png

# The content checked once and saved as JSON (explorer/content/snapshot.py), remade when the content
# or the code that checks it changes; never at run time. Content that does not check leaves no
# snapshot: every run then checks the TOML and refuses it with its own message and the referral
# (so `make run` still ends with the referral, and make adds nothing after it).
snapshot: $(SNAPSHOT)
$(SNAPSHOT): $(wildcard data/* data/es/* rules/* explorer/content/*.py explorer/content/models/*.py) scripts/build_snapshot.py | $(VENV)/.installed-run
	@$(BIN)/python scripts/build_snapshot.py || echo "snapshot: not made; every run checks the content itself"

# The compiled catalogs (.mo) of the explorer's words, remade when a .po changes (explorer/i18n/).
# After changing words in code: scripts/update_messages.py adds them to the .po, to translate.
messages: $(MESSAGES)
$(MESSAGES): $(wildcard explorer/locale/*/LC_MESSAGES/*.po) explorer/i18n/po.py | $(VENV)/.installed-run
	@$(BIN)/python scripts/compile_messages.py

# docs/schema/: what `treatment-explorer schema NAME` prints, and the shape of each format version
# (a changed shape under a published version is refused: bump it first; docs/scripting.md, "Format versions").
schemas: $(VENV)/.installed-test
	$(BIN)/python scripts/write_schemas.py

$(VENV)/.installed-run: pyproject.toml scripts/setup-venv
	@scripts/setup-venv "$(PYTHON)" "$(VENV)" .
	@touch $@

$(VENV)/.installed-test: pyproject.toml scripts/setup-venv
	@scripts/setup-venv "$(PYTHON)" "$(VENV)" ".[test]"
	@touch $@ $(VENV)/.installed-run

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache $(AXE)/node_modules

# The benchmark (not part of the tests): prints a Markdown table; ARGS=--update-docs also
# rewrites the table in docs/speed.md, which explains the figures.
bench: $(VENV)/.installed-run $(SNAPSHOT) $(MESSAGES)
	$(BIN)/python -m bench $(ARGS)
