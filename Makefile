# Two commands do all the set-up on a fresh machine (see README.md):
#   make run    creates .venv on first use, installs the explorer, starts it
#   make test   creates .venv on first use, installs the explorer and its tests, lints, runs them all
#   make screenshot  re-makes docs/summary.png (the saved HTML summary in headless Chromium)
# PYTHON picks the interpreter (3.10 to 3.15), e.g. `make test PYTHON=python3.13`.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test lint bench screenshot clean

# Exit 130 (the reader pressed Ctrl-C) is a normal way to leave; make would otherwise print an
# error line after the referral, which must stay the last thing on the screen.
run: $(VENV)/.installed-run
	@$(BIN)/treatment-explorer $(ARGS); status=$$?; [ $$status -eq 130 ] || exit $$status

# The tests run on every core (pytest-xdist): TEST_WORKERS=0 runs them in one process.
TEST_WORKERS ?= auto

test: lint
	$(BIN)/python -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# The formatter, the linter and the type checker (configured in pyproject.toml); run by `make test`.
lint: $(VENV)/.installed-test
	@$(BIN)/ruff format --check --quiet explorer tests bench scripts || { echo "lint: run '$(BIN)/ruff format explorer tests bench scripts'"; exit 1; }
	$(BIN)/ruff check --quiet explorer tests bench scripts
	$(BIN)/mypy

screenshot: $(VENV)/.installed-test
	$(BIN)/python scripts/screenshot.py docs/summary.png

$(VENV)/.installed-run: pyproject.toml scripts/setup-venv
	@scripts/setup-venv "$(PYTHON)" "$(VENV)" .
	@touch $@

$(VENV)/.installed-test: pyproject.toml scripts/setup-venv
	@scripts/setup-venv "$(PYTHON)" "$(VENV)" ".[test]"
	@touch $@ $(VENV)/.installed-run

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache

# The benchmark (not part of the tests): prints a Markdown table; ARGS=--update-readme also
# rewrites the table in README.md. See README.md, "Speed".
bench: $(VENV)/.installed-run
	$(BIN)/python -m bench $(ARGS)
