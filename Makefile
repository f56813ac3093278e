# All set-up happens here: a fresh machine needs only python3 (3.11) and make.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
DB      ?= warehouse.duckdb

.PHONY: demo test install clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/jixiao ingest samples --db $(DB)

test: $(STAMP)
	$(BIN)/pytest

clean:
	rm -rf $(VENV) out reports
