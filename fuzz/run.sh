#!/usr/bin/env bash
# Builds the libFuzzer harnesses and runs each for SECONDS (default 60), both at once (one core
# each), then exits non-zero if either found a crash, a leak, a hang, or undefined behaviour.
#
#   bash fuzz/run.sh [SECONDS]
#
# fuzz_rules: one rule file through parse, check and the rule-file tests.
# fuzz_data:  a small data folder through the CSV or JSON reader and build_dataset.
# Seeds: fuzz/corpus/{rules,data}/ plus every rule file in rules/, stdlib/ and tests/ and every data
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
cmake --build "$build" -j "$(nproc)" --target fuzz_rules fuzz_data

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/rules" "$work/data"
artifacts="$build/artifacts"
rm -rf "$artifacts"
mkdir -p "$artifacts/rules" "$artifacts/data"

# ---- seeds ----
# Each seed file is named by its content's hash, so the same text is seeded once.
seed() {  # seed DIR < content
  local tmp; tmp=$(mktemp "$work/seed.XXXXXX")
  cat >"$tmp"
  mv "$tmp" "$1/$(sha1sum "$tmp" | cut -c1-16)"
}
cp fuzz/corpus/rules/* "$work/rules/"
cp fuzz/corpus/data/* "$work/data/"
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
echo "fuzz: seeds: $(ls "$work/rules" | wc -l) rule files, $(ls "$work/data" | wc -l) data folders"

# ---- run ----
# -timeout: one input taking longer is a hang; -rss_limit_mb: more memory is a failure too.
run() {  # run HARNESS MAX_LEN
  "$build/fuzz_$1" "$work/$1" -max_total_time="$seconds" -max_len="$2" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/$1/" >"$build/fuzz_$1.log" 2>&1
}
echo "fuzz: running fuzz_rules and fuzz_data for $seconds seconds each"
start=$(date +%s)
run rules 16384 & pid_rules=$!
run data 16384 & pid_data=$!
status=0
for h in rules data; do
  pid_var=pid_$h
  if wait "${!pid_var}"; then result=clean; else result=FAILED; status=1; fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/fuzz_$h.log" | tail -1)
  corpus=$(ls "$work/$h" | wc -l)
  echo "fuzz: fuzz_$h: $result after ${execs:-?} executions, corpus $corpus inputs (log: $build/fuzz_$h.log)"
  if [ "$result" = FAILED ]; then
    grep -E "^==[0-9]+==ERROR|SUMMARY|runtime error|Test unit written" "$build/fuzz_$h.log" | head -20 || true
    echo "fuzz: reproduce with: $build/fuzz_$h $artifacts/$h/<file>"
  fi
done
echo "fuzz: done in $(($(date +%s) - start)) s"
exit $status
