# All set-up happens here: a fresh machine needs only python3 (3.11) and make.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
DB      ?= warehouse.duckdb

.PHONY: demo test install clean

# setuptools warns on every editable install that a folder named like a package may shadow it (here they
# are the same folders); that notice is all the install would print, so it is silenced.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	PYTHONWARNINGS="ignore:Editable installation" $(BIN)/pip install --quiet -c requirements.lock -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# The samples hold real findings (their forms' own arithmetic breaks): the demo shows them, not fail on them.
demo: $(STAMP)
	$(BIN)/jixiao ingest samples --db $(DB) --fail-on never

test: $(STAMP)
	$(BIN)/pytest

clean:
	rm -rf $(VENV) out reports
