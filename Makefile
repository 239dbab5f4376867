# Khidma — the two commands a newcomer needs are `make demo` and `make test`.
# Everything is installed into .venv from the hashed lock files and, for the portal's static assets (Leaflet,
# fonts), into node_modules from package-lock.json; nothing else is needed but Python >= 3.11, Node.js with
# npm, make, the standard build tools and GNU gettext (msgfmt, to compile translations).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
KHIDMA := $(BIN)/khidma
STAMP := $(VENV)/.installed-$(shell cat requirements-dev.lock pyproject.toml | cksum | cut -d' ' -f1)

export HOST ?= 127.0.0.1
export PORT ?= 8000

.PHONY: install demo test test-browser lint format bench bench-triage translations messages vendor pdf-fonts clean

$(STAMP):
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP) translations vendor pdf-fonts

# The portal's third-party static files come from the npm registry (package-lock.json) and are copied into
# a git-ignored folder of the portal app; `npm ci` runs whenever node_modules is missing or the lock changed.
VENDOR := src/khidma/portal/static/vendor/.built
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

$(VENDOR): node_modules/.package-lock.json scripts/vendor.mjs
	node scripts/vendor.mjs

vendor: $(VENDOR)

# The season report's PDF embeds TrueType fonts made from the same npm font packages (scripts/pdf_fonts.py).
PDF_FONTS := src/khidma/backoffice/fonts/.built
$(PDF_FONTS): node_modules/.package-lock.json scripts/pdf_fonts.py $(STAMP)
	$(BIN)/python scripts/pdf_fonts.py

pdf-fonts: $(PDF_FONTS)

# Compiled catalogues (.mo) are build products, made from the committed .po files.
translations: $(STAMP)
	cd src/khidma && ../../$(KHIDMA) compilemessages --verbosity 0

# Refresh the .po catalogues after changing translatable strings.
messages: $(STAMP)
	cd src/khidma && for lang in ar en ur id hi ms fa bn tr fr; do \
	  ../../$(KHIDMA) makemessages -l $$lang --no-location --no-obsolete -i "triage/data/*" --verbosity 0; done

demo: export KHIDMA_SMS_BACKEND ?= file
demo: export KHIDMA_WHATSAPP_BACKEND ?= file
demo: export KHIDMA_EMAIL_BACKEND ?= file
demo: install
	$(KHIDMA) migrate --noinput --verbosity 0
	$(KHIDMA) collectstatic --noinput --verbosity 0
	$(KHIDMA) seed-demo --if-empty
	$(KHIDMA) run

test: install
	KHIDMA_STATIC_MANIFEST=0 $(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/lint-imports --no-cache
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	KHIDMA_DATA_DIR=$${TMPDIR:-/tmp}/khidma-lint $(KHIDMA) makemigrations --check --dry-run --verbosity 1
	KHIDMA_DATA_DIR=$${TMPDIR:-/tmp}/khidma-lint $(KHIDMA) check --fail-level WARNING

format: $(STAMP)
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

bench: install
	$(BIN)/python bench/run.py

bench-triage: install
	$(BIN)/python bench/run.py triage

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache node_modules src/khidma/portal/static/vendor \
	  src/khidma/backoffice/fonts
