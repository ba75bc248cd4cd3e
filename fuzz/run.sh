#!/usr/bin/env bash
# Builds the libFuzzer harnesses and runs each for SECONDS (default 60): fuzz_rules and fuzz_data
# at once (one core each), then fuzz_pipeline alone; exits non-zero if any found a crash, a leak, a
# hang, undefined behaviour or (fuzz_pipeline) a broken promise.
#
#   bash fuzz/run.sh [SECONDS]
#
# fuzz_rules: one rule file through parse, check and the rule-file tests.
# fuzz_data:  a small data folder through the CSV or JSON reader and build_dataset.
# fuzz_pipeline: a whole case (rule sets, data folder, command-line values) through check, test,
#             run, replay, explain, diff, contract and report, in process (fuzz/Bundle.hpp).
# Seeds: fuzz/corpus/{rules,data,pipeline}/ plus the cases fuzz/make_bundles.py builds, plus every rule file in rules/, stdlib/ and tests/ and every data
# file in examples/ and tests/, copied into a temporary corpus (the fuzzer adds to that copy only).
# What a failing run found is kept in $EREJE_FUZZ_BUILD_DIR/artifacts/; reproduce one with
# `$EREJE_FUZZ_BUILD_DIR/fuzz_rules FILE`. Installs clang and its runtime when missing (Debian 12).
set -euo pipefail
seconds=${1:-60}
cd "$(dirname "$0")/.."
root=$(pwd)
build=${EREJE_FUZZ_BUILD_DIR:-/tmp/ereje-build-fuzz}
case "$build" in /*) ;; *) build="$root/$build" ;; esac

bash scripts/install-deps.sh
missing=()
for p in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "fuzz: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

echo "fuzz: building the harnesses in $build"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DEREJE_FUZZ=ON -DEREJE_TESTS=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target fuzz_rules fuzz_data fuzz_pipeline

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/rules" "$work/data" "$work/pipeline"
artifacts="$build/artifacts"
rm -rf "$artifacts"
mkdir -p "$artifacts/rules" "$artifacts/data" "$artifacts/pipeline"

# ---- seeds ----
# Each seed file is named by its content's hash, so the same text is seeded once.
seed() {  # seed DIR < content
  local tmp; tmp=$(mktemp "$work/seed.XXXXXX")
  cat >"$tmp"
  mv "$tmp" "$1/$(sha1sum "$tmp" | cut -c1-16)"
}
cp fuzz/corpus/rules/* "$work/rules/"
cp fuzz/corpus/data/* "$work/data/"
cp fuzz/corpus/pipeline/* "$work/pipeline/"
python3 fuzz/make_bundles.py "$work/pipeline" >/dev/null
while IFS= read -r -d '' f; do
  seed "$work/rules" <"$f"
done < <(find rules stdlib tests -name '*.ereje' -type f -size -64k -print0)

# Data seeds: the fuzz_data layout is a format byte (`c` CSV, `j` JSON) and the four tables
# separated by form feeds. One seed per data folder (all its tables), one per file (that table alone).
tables=(agencies services objections schedule)
while IFS= read -r -d '' dir; do
  for fmt in csv json; do
    ls "$dir"/*."$fmt" >/dev/null 2>&1 || continue
    {
      printf '%s' "${fmt:0:1}"
      for i in 0 1 2 3; do
        [ "$i" -gt 0 ] && printf '\f'
        f="$dir/${tables[$i]}.$fmt"
        if [ -f "$f" ] && [ "$(stat -c %s "$f")" -lt 65536 ]; then cat "$f"; fi
      done
    } | seed "$work/data"
  done
done < <(find examples tests -type f \( -name '*.csv' -o -name '*.json' \) -printf '%h\0' | sort -zu)
while IFS= read -r -d '' f; do
  name=$(basename "$f"); table=${name%.*}; fmt=${name##*.}
  for i in 0 1 2 3; do
    [ "${tables[$i]}" = "$table" ] || continue
    { printf '%s' "${fmt:0:1}"; for ((k = 0; k < i; k++)); do printf '\f'; done; cat "$f"; } | seed "$work/data"
  done
done < <(find examples tests -type f \( -name '*.csv' -o -name '*.json' \) -size -64k -print0)
echo "fuzz: seeds: $(ls "$work/rules" | wc -l) rule files, $(ls "$work/data" | wc -l) data folders, $(ls "$work/pipeline" | wc -l) whole cases"

# ---- run ----
# -timeout: one input taking longer is a hang; -rss_limit_mb: more memory is a failure too.
run() {  # run HARNESS MAX_LEN TIMEOUT
  "$build/fuzz_$1" "$work/$1" -max_total_time="$seconds" -max_len="$2" -timeout="$3" -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/$1/" >"$build/fuzz_$1.log" 2>&1
}
report() {  # report HARNESS STATUS
  local execs corpus result=clean
  [ "$2" = 0 ] || { result=FAILED; status=1; }
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/fuzz_$1.log" | tail -1)
  corpus=$(ls "$work/$1" | wc -l)
  echo "fuzz: fuzz_$1: $result after ${execs:-?} executions, corpus $corpus inputs (log: $build/fuzz_$1.log)"
  if [ "$result" = FAILED ]; then
    grep -E "^==[0-9]+==ERROR|SUMMARY|runtime error|Test unit written|promise broken" "$build/fuzz_$1.log" | head -20 || true
    echo "fuzz: reproduce with: $build/fuzz_$1 $artifacts/$1/<file>"
  fi
}
echo "fuzz: running fuzz_rules and fuzz_data for $seconds seconds each, then fuzz_pipeline for $seconds"
start=$(date +%s)
status=0
run rules 16384 10 & pid_rules=$!
run data 16384 10 & pid_data=$!
code=0; wait $pid_rules || code=$?; report rules $code
code=0; wait $pid_data || code=$?; report data $code
# The whole pipeline, alone (it runs threads of its own), with a 512 KiB stack for any thread
# started without a stated one; a case runs every command, so it gets 30 seconds.
code=0
(ulimit -s 512; run pipeline 65536 30) || code=$?
report pipeline $code
echo "fuzz: done in $(($(date +%s) - start)) s"
exit $status
