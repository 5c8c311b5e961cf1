# estatedesk: the two commands a newcomer needs are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test venv lint bench clean lock image

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

## Set up, then run the whole test suite (needs Redis and PostgreSQL: .ci/run starts them). The tests
## spend most of their time waiting on subprocesses, sockets and timers, so TEST_WORKERS pytest-xdist workers
## (3 by default, also on 2 cores) share them out; each test has its own schema, Redis prefix and ports.
## The built-in understander's weights file the tests read (tests/conftest.py) is written first, on its own:
## trained in the middle of the suite, it took minutes of both cores while tests with timeouts waited for it.
TEST_WORKERS ?= 3
test: $(STAMP)
	$(BIN)/estatedesk --log-level WARNING nlu train --shipped-only --cache "$${ESTATEDESK_NLU_CACHE:-var/nlu-model.npz}"
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS)

lint: $(STAMP)
	$(BIN)/ruff check bot dialogs integrations tests bench
	$(BIN)/ruff format --check bot dialogs integrations tests bench
	$(BIN)/mypy bot dialogs integrations

bench: $(STAMP)
	$(BIN)/python bench/inbound.py

## Re-lock after changing pyproject.toml: the dev lock (tests, lint; used here), then the image's runtime
## lock, compiled against it so both pin the same versions. `--upgrade` is deliberate, never implied.
## The runtime lock leaves out grpcio-tools: rasa-sdk requires it, but it is the protobuf compiler (8 MB),
## which nothing runs; the lock is installed with --no-deps (see README, "The image").
lock: $(STAMP)
	$(BIN)/uv pip compile -q pyproject.toml --extra dev --python-version 3.11 -o requirements.lock
	$(BIN)/uv pip compile -q pyproject.toml --python-version 3.11 -c requirements.lock \
	  --no-emit-package grpcio-tools -o requirements-runtime.lock

## The production image (runtime lock only): see README, "Production quick start".
image:
	docker build -t estatedesk .

clean:
	rm -rf $(VENV) var .pytest_cache
