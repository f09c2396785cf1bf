# The two commands: `make run` (the whole system on embedded defaults) and `make test`.
# Everything else here is what they need; each step is skipped when already done.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NODE_STAMP := gateway/node_modules/.installed
IDENTITY_STAMP := deploy/identity/node_modules/.installed
CONTRACTS_STAMP := contracts/node_modules/.installed
CHECKS_VENV := .venv-checks
CHECKS_STAMP := $(CHECKS_VENV)/.installed
# Each root's `tests` is type-checked from the root itself (mypy-tests.ini), so their packages do not collide.
TEST_ROOTS := shared services/menu services/programmes services/capacity
space := $(eval) $(eval)
# mypy does not follow the editable installs' import hooks: it is told where our packages are.
TEST_MYPYPATH := $(subst $(space),:,$(addprefix $(CURDIR)/,$(TEST_ROOTS)))
PY_SOURCES := constraints.txt shared/pyproject.toml $(wildcard services/*/pyproject.toml)

.PHONY: run test test-faults install sdl compose contracts clean reset bench

run: install
	@$(BIN)/python -m shared.devstack run

test: install
	@$(BIN)/ruff format --check --quiet shared services tests faults || (echo 'run: .venv/bin/ruff format shared services tests faults' && exit 1)
	@$(BIN)/ruff check shared services tests faults
	@$(BIN)/mypy
	@for root in $(TEST_ROOTS); do (cd $$root && MYPYPATH=$(TEST_MYPYPATH) $(CURDIR)/$(BIN)/mypy --config-file \
		$(CURDIR)/mypy-tests.ini tests) || exit 1; done
	@MYPYPATH=$(TEST_MYPYPATH) $(BIN)/mypy --config-file mypy-tests.ini tests faults
	@$(BIN)/python -m pytest

# Delivery and healing under faults (faults/): a broker paused (once, and five times under CPU pressure), a
# service and a consumer killed, a broker killed and brought back by make run's supervisor, a forged version
# jump healed, each under a steady load; a database stopped and a subgraph killed behind the gateway; about 11
# minutes. CI runs it after `make test`.
test-faults: install
	@$(BIN)/python -m pytest faults -s

# Benchmarks against a running `make run` (another terminal); needs wrk from the system's packages.
# Not part of `make test`. BENCH_ARGS="--seconds 20 --only list,gateway" narrows or lengthens it.
bench: install
	@$(BIN)/python tests/benchmarks/bench.py $(BENCH_ARGS)

install: $(PY_STAMP) $(NODE_STAMP) $(IDENTITY_STAMP) $(CONTRACTS_STAMP) $(CHECKS_STAMP)

$(PY_STAMP): $(PY_SOURCES)
	@echo "==> Python: virtualenv and packages in $(VENV) (pip's cache makes later installs fast)"
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11+ is needed")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --disable-pip-version-check --progress-bar off -q -c constraints.txt \
		-e "shared[dev,test]" -e services/menu -e services/programmes -e services/capacity
	@touch $@

$(NODE_STAMP): gateway/package.json gateway/package-lock.json
	@echo "==> Node: gateway packages (npm ci, pinned by gateway/package-lock.json)"
	@cd gateway && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(IDENTITY_STAMP): deploy/identity/package.json deploy/identity/package-lock.json
	@echo "==> Node: development identity provider (npm ci, pinned by deploy/identity/package-lock.json)"
	@cd deploy/identity && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The deploy validators (checkov, kubernetes-validate, hadolint, check-jsonschema) in a virtualenv of their
# own: checkov pins versions our packages do not share. tests/test_deploy_validators.py runs them.
$(CHECKS_STAMP): deploy/checks-requirements.txt
	@echo "==> Python: deploy validators in $(CHECKS_VENV) (pinned by deploy/checks-requirements.txt)"
	@test -x $(CHECKS_VENV)/bin/python || $(PYTHON) -m venv $(CHECKS_VENV)
	@$(CHECKS_VENV)/bin/python -m pip install --disable-pip-version-check --progress-bar off -q \
		-r deploy/checks-requirements.txt
	@touch $@

$(CONTRACTS_STAMP): contracts/package.json contracts/package-lock.json
	@echo "==> Node: contract checks (npm ci, pinned by contracts/package-lock.json)"
	@cd contracts && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Record the code's contracts (contracts/graphql/, deploy/asyncapi/): refused for a breaking change that
# contracts/intended-changes.txt does not list. make test fails while they are behind the code.
contracts: install
	@$(BIN)/python -m shared.devstack contracts write

# Export each subgraph's SDL and compose the supergraph (make run and make test do this too).
compose: install
	@$(BIN)/python -m shared.devstack compose

clean:
	rm -rf $(VENV) $(CHECKS_VENV) gateway/node_modules deploy/identity/node_modules contracts/node_modules gateway/supergraph.graphql gateway/subgraphs/*.graphql

# Start again from empty databases: deletes .data/ (PostgreSQL's data, logs, keys) after asking;
# `make reset YES=1` does not ask. The next `make run` migrates and seeds afresh.
reset:
	@pid=.data/postgres/data/postmaster.pid; if [ -f $$pid ] && kill -0 "$$(head -1 $$pid)" 2>/dev/null; then \
		echo "make run is using .data/: stop it first (Ctrl-C)"; exit 1; fi
	@if [ "$(YES)" = 1 ]; then rm -rf .data && echo "deleted .data/"; \
	else printf "Delete .data/ (every local database and log)? [y/N] "; read answer; \
		case "$$answer" in y|Y|yes) rm -rf .data && echo "deleted .data/";; *) echo "kept .data/";; esac; fi
