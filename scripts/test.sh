#!/usr/bin/env bash
# Builds everything and runs every test: unit tests, golden cases, and the tests inside the rule
# files. Installs missing dependencies first, so it works on a fresh machine. Extra arguments go
# to CMake (e.g. -DEREJE_SANITIZE=ON).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/install-test-deps.sh  # chromium, PostgreSQL: for the report and database tests
build=${EREJE_BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$build" -j "$(nproc)"
ctest --test-dir "$build" --output-on-failure
