# rota: `make run` solves the bundled example, `make test` runs every test.
# Both install missing system packages (GLPK) first.

SWIFT ?= swift
RELEASE_BIN := .build/release/rota
EXAMPLE ?= instances/seed.json
OUT ?= out
# A target may import only the targets it declares (the layers, docs/ARCHITECTURE.md).
LAYERS := --explicit-target-dependency-import-check error

.PHONY: all deps chromium-deps build release run test test-slurm test-api bench-api clean bench bench-quick regress baseline fuzz

all: build

# GLPK's library and headers (libglpk-dev) and glpsol (glpk-utils), installed when missing.
deps:
	@if [ ! -f /usr/include/glpk.h ] || ! command -v glpsol >/dev/null 2>&1; then \
		echo "Installing GLPK (libglpk-dev, glpk-utils)..."; \
		SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libglpk-dev glpk-utils >/dev/null; \
	fi
	@# GNU parallel (Debian's `parallel`): `make test` runs a sharded sweep through it (docs/SWEEPS.md).
	@if ! command -v parallel >/dev/null 2>&1; then \
		echo "Installing GNU parallel..."; \
		SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq parallel >/dev/null; \
	fi

# The report's render check (`make test`): Debian's chromium, and zlib's headers for the
# test's PNG reader (zlib1g-dev), installed when missing.
chromium-deps:
	@if ! command -v chromium >/dev/null 2>&1 || [ ! -f /usr/include/zlib.h ]; then \
		echo "Installing chromium and zlib1g-dev (for the report's render check)..."; \
		SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium zlib1g-dev >/dev/null; \
	fi

build: deps
	$(SWIFT) build $(LAYERS)

release: deps
	$(SWIFT) build -c release --product rota

run: release
	@mkdir -p $(OUT)
	$(RELEASE_BIN) solve $(EXAMPLE) -o $(OUT)/seed-plan.json
	@echo "Plan written to $(OUT)/seed-plan.json"
	$(RELEASE_BIN) validate $(EXAMPLE) $(OUT)/seed-plan.json
	$(RELEASE_BIN) report $(EXAMPLE) $(OUT)/seed-plan.json -o $(OUT)/seed-report.html --quiet
	@echo "Report written to $(OUT)/seed-report.html"

# ROTA_REQUIRE_PARALLEL=1: the GNU parallel sweep test fails, rather than skips, without
# `parallel`. The report's render check runs in headless Chromium: installed here, and
# required (ROTA_REQUIRE_CHROMIUM=1 makes it fail rather than skip without a browser).
test: deps chromium-deps
	$(SWIFT) build --build-tests $(LAYERS)
	ROTA_REQUIRE_PARALLEL=1 ROTA_REQUIRE_CHROMIUM=1 $(SWIFT) test --skip-build --skip ServerLifecycleTests
	@# The server's limit, shutdown and crash tests time real processes: run alone, so the
	@# CPU-bound tests above cannot starve their client (two cooperative threads on 2 cores).
	$(SWIFT) test --skip-build --filter ServerLifecycleTests

# Not part of `make test`: installs Debian's slurm-wlm and munge, starts a one-node Slurm
# cluster on this machine (examples/slurm/cluster.sh), runs a sweep as a job array (one shard
# per task, examples/slurm/sweep.sbatch), merges the shards and checks the merge equals an
# unsharded sweep (but for seconds); stops the daemons it started. Needs root or sudo.
test-slurm: release
	examples/slurm/test-slurm.sh $(RELEASE_BIN)

# Not part of `make test`: schemathesis (PyPI, pinned; installed in a venv under .build/ when
# missing, with python3-venv from Debian if needed) against a real `rota serve` with a temporary
# database and API key: every check, stateful testing through the OpenAPI links, a fixed seed,
# API_EXAMPLES examples per operation (default 50). Fails on any finding (.ci/test-api).
test-api: deps
	$(SWIFT) build --product rota $(LAYERS)
	.ci/test-api $$($(SWIFT) build --show-bin-path)/rota

# The server's wrk benchmark (results/server-bench.md): installs Debian's wrk when missing, runs
# a release build of `rota serve` (ROTA_BIN, default the release build) on loopback.
bench-api: release
	ROTA_BIN=$(RELEASE_BIN) results/server-bench.sh

# Benchmarks with the release build: every solver of `rota solvers` on every instance of a
# suite, each run in its own process; figures go to results/bench-<suite>.{md,jsonl}.
# Each run that returns a plan is timed again end to end: `rota solve INSTANCE -o PLAN` as a
# child process (read, solve, validate, write), its wall seconds and peak memory.
# bench-quick: the committed instances/bench, medium-1 and a small growth table (huge at 1,000
#   and 10,000 lines, auto only); about a minute.
# bench: also tight, crunch, large, huge, the MIP shapes, and a growth table of `rota solve`
#   (auto) from 1,000 to 500,000 lines. Tens of minutes on 2 cores for now: auto on tight-2
#   alone runs to its 600 s deadline (615 s by hand) until issue 10's stronger bound lands.
BENCH_INSTANCES ?= instances/bench
RESULTS ?= results
BASELINE ?= results/baseline.json

bench-quick: release
	$(RELEASE_BIN) bench --suite quick --instances $(BENCH_INSTANCES) --results $(RESULTS)

bench: release
	$(RELEASE_BIN) bench --suite full --instances $(BENCH_INSTANCES) --results $(RESULTS)

# The plan-quality gate (debug build, as `make test` leaves it): re-solves every instance of
# the baseline with its node limit and fails when a plan is invalid or worse.
regress: deps
	$(SWIFT) build --product rota
	$$($(SWIFT) build --show-bin-path)/rota regress --baseline $(BASELINE)

# Refreshes the baseline on purpose (commit it with the change that explains it).
baseline: deps
	$(SWIFT) build --product rota
	$$($(SWIFT) build --show-bin-path)/rota regress --update --baseline $(BASELINE) --instances $(BENCH_INSTANCES)

clean:
	rm -rf .build $(OUT)

# Fuzzing, not part of `make test`: the instance and plan decoders and the validator under
# libFuzzer with AddressSanitizer (Fuzz/, built only here, in .build-fuzz) for FUZZ_SECONDS;
# fails on a crash, a hang or a broken round trip, written to .build-fuzz/crash-* (replay:
# `.build-fuzz/release/RotaFuzz FILE`). An input is instance bytes, a NUL byte, plan bytes (no
# NUL: the same bytes as both). Seeds: the small instances, and each Fuzz/seeds/NAME[+variant].plan.json
# after instances/NAME.json; what libFuzzer learns stays in .build-fuzz/corpus for the next run.
FUZZ_SECONDS ?= 60
FUZZ_DIR := .build-fuzz
FUZZ_BUILD := ROTA_FUZZ=1 $(SWIFT) build -c release --scratch-path $(FUZZ_DIR) -Xswiftc -sanitize=fuzzer,address

fuzz: deps
	$(FUZZ_BUILD) --product RotaFuzz
	@rm -rf $(FUZZ_DIR)/seeds && mkdir -p $(FUZZ_DIR)/seeds $(FUZZ_DIR)/corpus
	@find instances -name '*.json' -size -16k -exec cp {} $(FUZZ_DIR)/seeds/ \;
	@for plan in Fuzz/seeds/*.plan.json; do \
		name=$$(basename $$plan .plan.json); \
		{ cat instances/$${name%%+*}.json; printf '\0'; cat $$plan; } > $(FUZZ_DIR)/seeds/$$name.pair; \
	done
	SWIFT_BACKTRACE=enable=no $$($(FUZZ_BUILD) --show-bin-path)/RotaFuzz $(FUZZ_DIR)/corpus $(FUZZ_DIR)/seeds \
		-dict=Fuzz/rota.dict -max_total_time=$(FUZZ_SECONDS) -timeout=20 -artifact_prefix=$(FUZZ_DIR)/ -print_final_stats=1
