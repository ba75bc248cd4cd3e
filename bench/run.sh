#!/usr/bin/env bash
# The benchmark of bench/README.md: `ereje run` against the hand-written reference on 2 million
# service rows, `check` on 10,000 clauses, `run` on the examples, `diff --data`; prints a table.
# Outside the pipeline: it only runs the built binaries on data that bench/generate.py writes.
#
#   bench/run.sh [BUILD_DIR]            BUILD_DIR holds ereje and ereje_reference (default: build)
#   RUNS=5 BIG=1 BENCH_DIR=/tmp/ereje-bench bench/run.sh build
#
# RUNS: timed runs of each command after one warm-up (default 5, at least 5 for the record).
# BIG=1: also the 10 million row variant (about 5 minutes to generate, about 340 MB of CSV).
# Times are wall-clock medians; memory is the peak resident set (/usr/bin/time -v), in MB.
set -euo pipefail
export LC_ALL=C  # decimal points in times, byte order in sorts
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
ereje=$build/ereje
ref=$build/ereje_reference
work=${BENCH_DIR:-/tmp/ereje-bench}
runs=${RUNS:-5}
big=${BIG:-0}
for b in "$ereje" "$ref"; do
  [ -x "$b" ] || { echo "missing $b: cmake --build $build --target ereje ereje_reference" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }
mkdir -p "$work"
cd "$root"

say() { echo "== $*" >&2; }

# ---- inputs -------------------------------------------------------------------------------------
gen_data() {  # DIR BODIES
  [ -f "$1/services.csv" ] && [ "$(cat "$1/.args" 2>/dev/null)" = "$2" ] && return
  say "generating $1 ($2 bodies)"
  python3 bench/generate.py data --out "$1" --bodies "$2"
  echo "$2" >"$1/.args"
}
gen_data "$work/data-2m" 4000
# The same rows in another order: services.csv shuffled (seeded), bodies' rows no longer together.
# Results must not change; the time may, and both are reported.
if [ ! -f "$work/data-2m-shuffled/services.csv" ] || [ "$work/data-2m/services.csv" -nt "$work/data-2m-shuffled/services.csv" ]; then
  say "shuffling $work/data-2m into $work/data-2m-shuffled"
  mkdir -p "$work/data-2m-shuffled"
  cp "$work/data-2m"/{agencies,objections,schedule}.csv "$work/data-2m-shuffled/"
  python3 - "$work/data-2m/services.csv" "$work/data-2m-shuffled/services.csv" <<'PY'
import random, sys
lines = open(sys.argv[1], encoding="utf-8", newline="").read().splitlines(keepends=True)
body = lines[1:]
random.Random(4000).shuffle(body)
open(sys.argv[2], "w", encoding="utf-8", newline="").write(lines[0] + "".join(body))
PY
fi
[ "$big" = 1 ] && gen_data "$work/data-10m" 20000
if [ ! -f "$work/rules-10k/G-00.ereje" ]; then
  say "generating $work/rules-10k"
  python3 bench/generate.py rules --out "$work/rules-10k"
fi
# A rule set that reads the data but computes next to nothing: `run` with it is the input's cost
# (reading and checking every file, building the columns) plus the fixed cost of a run.
mkdir -p "$work/rules-load"
cat >"$work/rules-load/load.ereje" <<'EOF'
act "L" "Benchmark: one clause over agencies, so that a run is the input's cost"
  in_force 2021-01-01 "benchmark"

clause 1 "Bodies"
  title kk "Органдар"
  title ru "Органы"
  evidence text reconstructed, variables reconstructed, formula reconstructed
  let n = count agencies "bodies"
  coefficient k = 1 "scale"
  result R = n / n * k range 0..k round 2 "one per body"
end
EOF

# ---- timing -------------------------------------------------------------------------------------
# once NAME CMD...: one timed run; appends "wall_s rss_kb" to $work/NAME.t. Wall time from bash's
# microsecond clock (/usr/bin/time's %e has 10 ms steps), peak memory from /usr/bin/time -v.
once() {
  local name=$1; shift
  local t0=$EPOCHREALTIME
  /usr/bin/time -v -o "$work/$name.one" "$@" >/dev/null 2>&1 || true
  local t1=$EPOCHREALTIME
  local rss; rss=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$work/$name.one")
  awk -v a="$t0" -v b="$t1" -v m="$rss" 'BEGIN {printf "%.4f %d\n", b - a, m}' >>"$work/$name.t"
}
# measure NAME CMD...: one warm-up, then $runs timed runs.
measure() {
  local name=$1; shift
  : >"$work/$name.t"
  "$@" >/dev/null 2>&1 || true
  for _ in $(seq "$runs"); do once "$name" "$@"; done
}
# Alternating runs of two commands (so that both meet the same machine load): measure_pair A B.
measure_pair() {
  local a=$1 b=$2; shift 2
  local sep; for ((sep = 1; sep <= $#; sep++)); do [ "${!sep}" = "--" ] && break; done
  local cmd_a=("${@:1:sep-1}") cmd_b=("${@:sep+1}")
  : >"$work/$a.t"; : >"$work/$b.t"
  "${cmd_a[@]}" >/dev/null 2>&1 || true; "${cmd_b[@]}" >/dev/null 2>&1 || true
  for _ in $(seq "$runs"); do
    once "$a" "${cmd_a[@]}"
    once "$b" "${cmd_b[@]}"
  done
}
median_s() { awk '{print $1}' "$work/$1.t" | sort -g | awk '{a[NR]=$1} END {printf "%.3f", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
peak_mb() { awk '{print $2}' "$work/$1.t" | sort -g | tail -1 | awk '{printf "%.0f", $1/1024}'; }
csv_mb() { du -cb "$1"/*.csv | tail -1 | awk '{printf "%.1f", $1/1e6}'; }

# ---- correctness first: the reference and `run` agree, at every thread count --------------------
check_same() {  # DATA
  say "checking that ereje_reference equals \`run\` (clauses 49 and 52) on $1"
  "$ref" "$1" >"$work/ref.csv"
  EREJE_THREADS=1 "$ereje" run rules --data "$1" --as-of 2024-01-01 >"$work/run-1.csv" 2>/dev/null
  awk -F, 'NR == 1 || $2 == "49" || $2 == "52"' "$work/run-1.csv" >"$work/run-4952.csv"
  diff -q "$work/ref.csv" "$work/run-4952.csv" >/dev/null ||
    { echo "MISMATCH: diff $work/ref.csv $work/run-4952.csv" >&2; exit 1; }
  for t in $(printf '%s\n' 2 4 "$(nproc)" | sort -nu); do
    EREJE_THREADS=$t "$ereje" run rules --data "$1" --as-of 2024-01-01 >"$work/run-$t.csv" 2>/dev/null
    cmp -s "$work/run-1.csv" "$work/run-$t.csv" || { echo "MISMATCH at EREJE_THREADS=$t" >&2; exit 1; }
  done
}
check_same "$work/data-2m"
"$ereje" run rules --data "$work/data-2m-shuffled" --as-of 2024-01-01 2>/dev/null | cmp -s - "$work/run-1.csv" ||
  { echo "MISMATCH: run on the shuffled rows differs from run on the rows in order" >&2; exit 1; }
[ "$big" = 1 ] && check_same "$work/data-10m"
"$ereje" check rules/data "$work/rules-10k" >"$work/check-10k.out" 2>&1 || { cat "$work/check-10k.out" >&2; exit 1; }
grep -q " 0 errors" "$work/check-10k.out" || { cat "$work/check-10k.out" >&2; exit 1; }

# ---- the runs -----------------------------------------------------------------------------------
say "timing ($runs runs each after a warm-up)"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
measure_pair ref run "$ref" "$work/data-2m" -- "$ereje" run rules --data "$work/data-2m" --as-of 2024-01-01
measure_pair ref-shuffled run-shuffled "$ref" "$work/data-2m-shuffled" -- \
  "$ereje" run rules --data "$work/data-2m-shuffled" --as-of 2024-01-01
measure load "$ereje" run rules/data "$work/rules-load" --data "$work/data-2m" --as-of 2024-01-01
measure check-methodology "$ereje" check rules
measure check-10k "$ereje" check rules/data "$work/rules-10k"
measure examples "$ereje" run rules --data examples/assessment-2023 --as-of 2024-01-01
has_diff=0
if "$ereje" diff --help >/dev/null 2>&1; then
  has_diff=1
  measure diff "$ereje" diff rules --from 2023-01-01 --to 2024-01-01 --data "$work/data-2m"
fi
if [ "$big" = 1 ]; then
  measure_pair ref-10m run-10m "$ref" "$work/data-10m" -- "$ereje" run rules --data "$work/data-10m" --as-of 2024-01-01
fi

# ---- the table ----------------------------------------------------------------------------------
csv2m=$(csv_mb "$work/data-2m")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
row() { printf '| %-48s | %8s | %7s | %-32s |\n' "$@"; }
echo
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem/ {print $2}') GiB"
echo "binary: $ereje; sources $root at $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet HEAD 2>/dev/null || echo ' with uncommitted changes'); $runs runs, median wall time"
echo "load average before and after: $load_before / $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows every row)"
echo "data: $work/data-2m, $csv2m MB of CSV, $(($(wc -l <"$work/data-2m/services.csv") - 1)) service rows"
echo
row "command" "time (s)" "peak MB" "target"
row "---" "---:" "---:" "---"
r_ref=$(median_s ref); r_run=$(median_s run)
row "ereje_reference (49 and 52, no engine)" "$r_ref" "$(peak_mb ref)" ""
row "ereje run rules (2M rows)" "$r_run" "$(peak_mb run)" \
  "x$(ratio "$r_run" "$r_ref") of reference (<= 1.5)"
row "  peak memory / CSV size" "" "" "$(ratio "$(peak_mb run)" "$csv2m") (<= 2)"
r_refs=$(median_s ref-shuffled); r_runs=$(median_s run-shuffled)
row "ereje_reference (rows shuffled)" "$r_refs" "$(peak_mb ref-shuffled)" ""
row "ereje run rules (rows shuffled)" "$r_runs" "$(peak_mb run-shuffled)" \
  "x$(ratio "$r_runs" "$r_refs") of reference (<= 1.5)"
row "ereje run, input only (1 clause over agencies)" "$(median_s load)" "$(peak_mb load)" "the input's share of run"
row "ereje check rules (methodology)" "$(median_s check-methodology)" "$(peak_mb check-methodology)" "fixed cost of any run"
row "ereje check (10,000 clauses)" "$(median_s check-10k)" "$(peak_mb check-10k)" "< 1 s"
row "ereje run rules --data examples" "$(median_s examples)" "$(peak_mb examples)" "< 0.030 s"
if [ "$has_diff" = 1 ]; then
  row "ereje diff rules --from --to --data (2M rows)" "$(median_s diff)" "$(peak_mb diff)" \
    "x$(ratio "$(median_s diff)" "$r_run") of run (<= 2.5)"
fi
if [ "$big" = 1 ]; then
  csv10m=$(csv_mb "$work/data-10m")
  row "ereje_reference (10M rows, $csv10m MB)" "$(median_s ref-10m)" "$(peak_mb ref-10m)" ""
  row "ereje run rules (10M rows)" "$(median_s run-10m)" "$(peak_mb run-10m)" \
    "x$(ratio "$(median_s run-10m)" "$(median_s ref-10m)") of reference"
fi
echo
echo "best and worst of the runs (s):"
for n in ref run ref-shuffled run-shuffled load check-10k examples $([ "$has_diff" = 1 ] && echo diff) $([ "$big" = 1 ] && echo ref-10m run-10m); do
  awk -v n="$n" '{print $1}' "$work/$n.t" | sort -g | awk -v n="$n" 'NR == 1 {lo = $1} {hi = $1} END {printf "  %-16s %.3f .. %.3f\n", n, lo, hi}'
done
echo
echo "results: ereje_reference = run (clauses 49, 52) byte for byte; run identical at EREJE_THREADS=1 $(printf '%s\n' 2 4 "$(nproc)" | sort -nu | tr '\n' ' ')"
# Where one run's time goes: EREJE_TIMING=1 makes ereje print each phase's wall time to stderr.
echo
echo "phases of one \`run\` on 2M rows (EREJE_TIMING=1, ms; a table's phases, summed over the tables):"
EREJE_TIMING=1 "$ereje" run rules --data "$work/data-2m" --as-of 2024-01-01 2>&1 >/dev/null |
  sed -nE 's/^timing: (data: [a-z_]+: )?(.*[^ ]) +([0-9.]+) ms$/\3\t\1\2/p' | sed -E 's/\tdata: [a-z_]+: /\tdata: /' |
  awk -F'\t' '!($2 in t) {order[n++] = $2} {t[$2] += $1} END {for (i = 0; i < n; i++) printf "  %-44s %8.1f\n", order[i], t[order[i]]}'
