#!/usr/bin/env bash
# Installs what is needed, builds the interpreter, and runs the methodology on the shipped example
# data as of 2024-01-01, printing the results table.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" --target ereje
./build/ereje run rules --data examples/assessment-2023 --as-of 2024-01-01 --format table
