#!/usr/bin/env bash
# Builds everything and runs every test: unit tests, golden cases, and the tests inside the rule
# files. Installs missing dependencies first, so it works on a fresh machine. Extra arguments go
# to CMake (e.g. -DEREJE_SANITIZE=ON).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/install-test-deps.sh  # chromium, PostgreSQL: for the report and database tests
# The PostgreSQL test needs a server: a throw-away one on loopback, unless one is given already
# (EREJE_TEST_PG_URL, as .ci/run does). If it cannot start here, that one test is skipped.
if [ -z "${EREJE_TEST_PG_URL:-}" ]; then
  if pg_env=$(bash tests/db/postgres-server.sh start); then
    eval "$pg_env"
    trap 'bash tests/db/postgres-server.sh stop' EXIT
  else
    echo "test.sh: no PostgreSQL server could be started; the data-postgres test will be skipped" >&2
  fi
fi
build=${EREJE_BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$build" -j "$(nproc)"
ctest --test-dir "$build" --output-on-failure
