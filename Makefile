# Two commands set everything up: `make run` (the app) and `make test` (the whole suite).
# Every install step lives here, so a clean clone on a new machine needs nothing by hand.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)

# Qt on the offscreen platform, Qt under Xvfb, the export readers, the test database server.
QT_PACKAGES := libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 \
	libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
TEST_PACKAGES := $(QT_PACKAGES) xvfb xauth pandoc libreoffice-writer-nogui poppler-utils postgresql \
	desktop-file-utils binutils openbox xdotool x11-utils imagemagick

.PHONY: run test lint bench screenshots dist dist-check clean

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@rm -f $(VENV)/.installed-* && touch $@

run: $(STAMP)
	@scripts/ensure-debian-packages $(QT_PACKAGES)
	$(BIN)/briefer

test: $(STAMP)
	@scripts/ensure-debian-packages $(TEST_PACKAGES)
	$(BIN)/ruff check briefer tests bench scripts
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest
	$(MAKE) dist-check  # the frozen build, run as a user would

lint: $(STAMP)
	$(BIN)/ruff check briefer tests bench scripts
	$(BIN)/ruff format --check briefer tests bench scripts

bench: $(STAMP)
	@scripts/ensure-debian-packages $(TEST_PACKAGES)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.run

screenshots: $(STAMP)
	@scripts/ensure-debian-packages $(QT_PACKAGES) xvfb xauth libreoffice-writer-nogui poppler-utils
	xvfb-run -a -s "-screen 0 1600x1000x24" $(BIN)/python scripts/screenshots.py docs/screenshots
	$(BIN)/python scripts/export_pages.py docs/export

dist: $(STAMP)
	@scripts/ensure-debian-packages $(QT_PACKAGES) binutils
	$(BIN)/python -m pip install --quiet -e ".[dist]"
	$(BIN)/pyinstaller --noconfirm --clean briefer.spec

CHECK := build/dist-check
dist-check: dist
	rm -rf $(CHECK) && mkdir -p $(CHECK)
	dist/briefer/briefer --version
	BRIEFER_DATA_DIR=$(CHECK)/data dist/briefer/briefer --db $(CHECK)/s.db demo
	BRIEFER_DATA_DIR=$(CHECK)/data dist/briefer/briefer --db $(CHECK)/s.db search Щаранский --kind case
	BRIEFER_DATA_DIR=$(CHECK)/data dist/briefer/briefer --db $(CHECK)/s.db list templates
	BRIEFER_DATA_DIR=$(CHECK)/data dist/briefer/briefer --db $(CHECK)/s.db export "Human Rights Between Summits" --out $(CHECK)/brief.docx
	$(BIN)/python -c "import docx, sys; text = ' '.join(p.text for p in docx.Document(sys.argv[1]).paragraphs); assert 'Human Rights' in text, 'export unreadable'; print('export read back:', len(text), 'characters')" $(CHECK)/brief.docx
	BRIEFER_DATA_DIR=$(CHECK)/data QT_QPA_PLATFORM=offscreen dist/briefer/briefer --db $(CHECK)/s.db --exit-when-ready
	BRIEFER_DATA_DIR=$(CHECK)/data BRIEFER_TO_PASSPHRASE=dist-check-passphrase dist/briefer/briefer copy --from $(CHECK)/s.db --to $(CHECK)/e.db --encrypt
	! grep -q Shcharansk $(CHECK)/e.db  # the encrypted copy shows no plaintext
	BRIEFER_DATA_DIR=$(CHECK)/data BRIEFER_PASSPHRASE=dist-check-passphrase dist/briefer/briefer --db $(CHECK)/e.db search Щаранский --kind case
	BRIEFER_DATA_DIR=$(CHECK)/data BRIEFER_PASSPHRASE=dist-check-passphrase QT_QPA_PLATFORM=offscreen dist/briefer/briefer --db $(CHECK)/e.db --exit-when-ready

clean:
	rm -rf build dist .pytest_cache .ruff_cache .hypothesis bench-results.json bench-results-typing.json
