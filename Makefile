# onewindow — the two commands: `make run` (the server with the demo city) and `make test`.
# Everything installs what it needs first (scripts/install-deps.sh, npm ci) and builds only what
# changed (Ninja, ccache).

BUILD      ?= build
BUILD_TYPE ?= RelWithDebInfo
NPM_STAMP  := web/node_modules/.package-lock.json
WEB_DIST   := web/dist/index.html

.PHONY: all deps configure build web run test test-cpp test-web format format-check bench fuzz clean help

all: build

help:
	@echo "make run    install, build, start the server at http://127.0.0.1:8080 with the demo city"
	@echo "make test   install, build, run every test (unit, contract on SQLite and PostgreSQL,"
	@echo "            integration against the real server, browser tests in Chromium)"
	@echo "make build  the binary at $(BUILD)/onewindow"
	@echo "make bench  the benchmarks in bench/"
	@echo "make fuzz   the rules engine's libFuzzer targets, FUZZ_SECONDS each (default 600)"

deps:
	@scripts/install-deps.sh

$(BUILD)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

configure: deps $(BUILD)/build.ninja

build: configure
	cmake --build $(BUILD)

$(NPM_STAMP): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund

$(WEB_DIST): $(NPM_STAMP) $(shell find web/src web/public -type f 2>/dev/null) web/index.html \
            web/vite.config.ts web/tsconfig.json web/tsconfig.app.json web/package.json
	cd web && npm run build

web: deps $(WEB_DIST)

run: build web
	@mkdir -p var
	ONEWINDOW_DEMO_PASSWORD=$${ONEWINDOW_DEMO_PASSWORD:-onewindow-demo} \
	  $(BUILD)/onewindow serve --demo --db $${ONEWINDOW_DB:-var/onewindow.db} \
	  --listen $${ONEWINDOW_LISTEN:-127.0.0.1:8080}

# C++ tests run against a throwaway PostgreSQL cluster (and SQLite); ONEWINDOW_REQUIRE_PG makes
# a missing PostgreSQL a failure, not a skip.
test-cpp: build
	scripts/with-test-postgres.sh env ONEWINDOW_REQUIRE_PG=1 \
	  ctest --test-dir $(BUILD) --output-on-failure --timeout 600 -j2

test-web: build web
	cd web && npm run test:unit
	cd web && ONEWINDOW_BIN=$(CURDIR)/$(BUILD)/onewindow npm run test:e2e

test: format-check test-cpp test-web

CPP_SOURCES = $(shell git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp')

format:
	clang-format -i $(CPP_SOURCES)

format-check: deps
	@clang-format --dry-run --Werror $(CPP_SOURCES) || \
	  { echo "C++ sources are not formatted: run 'make format'"; exit 1; }

bench: build
	bench/run.sh $(BUILD)

fuzz: deps
	scripts/fuzz.sh

clean:
	rm -rf $(BUILD) web/dist
