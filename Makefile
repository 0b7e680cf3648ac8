# rota: `make run` solves the bundled example, `make test` runs every test.
# Both install missing system packages (GLPK) first.

SWIFT ?= swift
RELEASE_BIN := .build/release/rota
EXAMPLE ?= instances/seed.json
OUT ?= out

.PHONY: all deps build release run test clean

all: build

# GLPK's library and headers (libglpk-dev) and glpsol (glpk-utils), installed when missing.
deps:
	@if [ ! -f /usr/include/glpk.h ] || ! command -v glpsol >/dev/null 2>&1; then \
		echo "Installing GLPK (libglpk-dev, glpk-utils)..."; \
		SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libglpk-dev glpk-utils >/dev/null; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product rota

run: release
	@mkdir -p $(OUT)
	$(RELEASE_BIN) solve $(EXAMPLE) -o $(OUT)/seed-plan.json
	@echo "Plan written to $(OUT)/seed-plan.json"
	$(RELEASE_BIN) validate $(EXAMPLE) $(OUT)/seed-plan.json

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build $(OUT)
