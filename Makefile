# estatedesk: the two commands a newcomer needs are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test venv lint bench clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "uv==0.13.*"
	VIRTUAL_ENV=$(VENV) $(BIN)/uv pip sync -q requirements.lock
	VIRTUAL_ENV=$(VENV) $(BIN)/uv pip install -q --no-deps -e .
	touch $(STAMP)

venv: $(STAMP)

## Set up, then serve the browser demo: estatedesk on embedded defaults against a local Telegram emulator,
## at http://127.0.0.1:8080/ (DEMO_PORT changes the port) until Ctrl-C.
demo: $(STAMP)
	$(BIN)/estatedesk --log-level WARNING demo

## Set up, then run the whole test suite (needs Redis and PostgreSQL: .ci/run starts them).
test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check bot dialogs integrations tests bench
	$(BIN)/mypy bot dialogs integrations

bench: $(STAMP)
	$(BIN)/python bench/inbound.py

clean:
	rm -rf $(VENV) var .pytest_cache
