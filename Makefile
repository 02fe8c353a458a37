# One-command dev loop. `make demo` and `make test` work on a fresh machine:
# both create .venv and install storyline into it first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test check lint typecheck eval bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,embeddings,multilingual,web,dask]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/storyline compare examples/port-alder-fire --format text -o out/dossier.html
	@echo "HTML report written to out/dossier.html"

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests eval bench

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck test

eval: $(STAMP)
	$(BIN)/python -m eval

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) out .pytest_cache
