#!/usr/bin/env bash
# The benchmark of bench/README.md: `ereje run` against the hand-written reference on 2 million
# service rows, `check` on 10,000 clauses, `run` on the examples, `diff --data`, and a block of 50
# indicators with totals, ranks and a grade (`run` and `diff --data`); prints tables.
# Outside the pipeline: it only runs the built binaries on data that bench/generate.py writes.
#
#   bench/run.sh [BUILD_DIR]            BUILD_DIR holds ereje and ereje_reference (default: build)
#   RUNS=5 BIG=1 BENCH_DIR=/tmp/ereje-bench bench/run.sh build
#   ONLY=block RUNS=5 bench/run.sh build
#
# RUNS: timed runs of each command after one warm-up (default 5, at least 5 for the record).
# BIG=1: also the 10 million row variant (about 5 minutes to generate, about 340 MB of CSV).
# ONLY=block: only the block of 50 indicators (issue 13), its checks and its table.
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
only=${ONLY:-}
case "$only" in "" | block) ;; *) echo "ONLY=$only: the only selection is ONLY=block" >&2; exit 2 ;; esac
for b in "$ereje" $([ "$only" = block ] || echo "$ref"); do
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
# And sorted by service code (then by body), as a registry export ordered by the service register
# is: each body's rows scattered through the file, but not at random.
if [ ! -f "$work/data-2m-bycode/services.csv" ] || [ "$work/data-2m/services.csv" -nt "$work/data-2m-bycode/services.csv" ]; then
  say "sorting $work/data-2m by service code into $work/data-2m-bycode"
  mkdir -p "$work/data-2m-bycode"
  cp "$work/data-2m"/{agencies,objections,schedule}.csv "$work/data-2m-bycode/"
  python3 - "$work/data-2m/services.csv" "$work/data-2m-bycode/services.csv" <<'PY'
import csv, io, sys
lines = open(sys.argv[1], encoding="utf-8", newline="").read().splitlines(keepends=True)
key = lambda line: next(csv.reader(io.StringIO(line)))[:2][::-1]  # (service_id, agency_id)
open(sys.argv[2], "w", encoding="utf-8", newline="").write(lines[0] + "".join(sorted(lines[1:], key=key)))
PY
fi
[ "$big" = 1 ] && [ "$only" != block ] && gen_data "$work/data-10m" 20000
if [ "$only" != block ] && [ ! -f "$work/rules-10k/G-00.ereje" ]; then
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
# The block of issue 13: 50 indicators, five direction totals, a block total with ranks and a grade
# (bench/generate.py block; a second variant with other weights for `diff`, and the indicators alone
# to show what the totals cost). Written every time: a second, and byte-identical.
python3 bench/generate.py block --out "$work/block-1" 2>/dev/null
python3 bench/generate.py block --out "$work/block-2" --variant 2 2>/dev/null
python3 bench/generate.py block --out "$work/block-ind" --indicators-only 2>/dev/null

# ---- timing -------------------------------------------------------------------------------------
# once NAME CMD...: one timed run; appends "wall_s rss_kb" to $work/NAME.t. Wall time from bash's
# microsecond clock (/usr/bin/time's %e has 10 ms steps), peak memory from /usr/bin/time -v.
once() {
  local name=$1; shift
  local t0=$EPOCHREALTIME st=0
  /usr/bin/time -v -o "$work/$name.one" "$@" >/dev/null 2>&1 || st=$?
  local t1=$EPOCHREALTIME
  # A command that failed is not a time (0 and diff's 1, "there are differences", are answers): the
  # binary rebuilt during the timing, say, would otherwise print as a 10 ms run.
  [ "$st" -le 1 ] || { echo "FAILED while timing $name (exit $st): $*" >&2; exit 1; }
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
  "$ref" --mapped "$1" >"$work/ref-mapped.csv"
  cmp -s "$work/ref.csv" "$work/ref-mapped.csv" || { echo "MISMATCH: ereje_reference --mapped on $1" >&2; exit 1; }
  EREJE_THREADS=1 "$ereje" run rules --data "$1" --as-of 2024-01-01 >"$work/run-1.csv" 2>/dev/null
  awk -F, 'NR == 1 || $2 == "49" || $2 == "52"' "$work/run-1.csv" >"$work/run-4952.csv"
  diff -q "$work/ref.csv" "$work/run-4952.csv" >/dev/null ||
    { echo "MISMATCH: diff $work/ref.csv $work/run-4952.csv" >&2; exit 1; }
  for t in $(printf '%s\n' 2 4 "$(nproc)" | sort -nu); do
    EREJE_THREADS=$t "$ereje" run rules --data "$1" --as-of 2024-01-01 >"$work/run-$t.csv" 2>/dev/null
    cmp -s "$work/run-1.csv" "$work/run-$t.csv" || { echo "MISMATCH at EREJE_THREADS=$t" >&2; exit 1; }
  done
}
orders="grouped bycode shuffled"
dir_of() { case "$1" in grouped) echo "$work/data-2m" ;; *) echo "$work/data-2m-$1" ;; esac; }
if [ "$only" != block ]; then
  check_same "$work/data-2m"
  cp "$work/run-1.csv" "$work/run-grouped.csv"
  for o in bycode shuffled; do
    check_same "$(dir_of "$o")"
    cmp -s "$work/run-1.csv" "$work/run-grouped.csv" ||
      { echo "MISMATCH: run on the rows $o differs from run on the rows grouped by body" >&2; exit 1; }
  done
  [ "$big" = 1 ] && check_same "$work/data-10m"
  "$ereje" check rules/data "$work/rules-10k" >"$work/check-10k.out" 2>&1 || { cat "$work/check-10k.out" >&2; exit 1; }
  grep -q " 0 errors" "$work/check-10k.out" || { cat "$work/check-10k.out" >&2; exit 1; }
fi

# The block: checks clean, and the same results (run and diff) whatever the order of the rows.
for v in block-1 block-2 block-ind; do
  "$ereje" check rules "$work/$v" >"$work/check-$v.out" 2>&1 || { cat "$work/check-$v.out" >&2; exit 1; }
  # Clean but for the range analysis: the methodology's own formulas (49, 52) and the block's can
  # leave their ranges on contradictory registry rows, which is what the block's data is made to hold.
  grep -q " 0 errors, " "$work/check-$v.out" && ! grep ': warning: ' "$work/check-$v.out" | grep -qv '\[result-can-leave-range\]$' ||
    { echo "FAILED: ereje check rules $work/$v is not clean:" >&2; cat "$work/check-$v.out" >&2; exit 1; }
done
say "checking that the block's results are the same in both row orders"
block_run() {  # DATA OUT: run the block; any status but 0 is a failure
  "$ereje" run rules "$work/block-1" --data "$1" --as-of 2024-01-01 --format csv >"$2" 2>"$2.err" ||
    { echo "FAILED: ereje run rules $work/block-1 --data $1 (status $?):" >&2; tail -5 "$2.err" >&2; exit 1; }
}
block_diff() {  # DATA OUT: diff the two variants; status 1 means "there are differences", as it must
  local st=0
  "$ereje" diff "$work/block-1" "$work/block-2" --with rules --as-of 2024-01-01 --data "$1" >"$2" 2>"$2.err" || st=$?
  [ "$st" = 1 ] || { echo "FAILED: ereje diff of the block on $1: status $st, 1 expected:" >&2; tail -5 "$2.err" >&2; exit 1; }
}
block_run "$work/data-2m" "$work/block-run.csv"
block_run "$work/data-2m-shuffled" "$work/block-run-shuffled.csv"
cmp -s "$work/block-run.csv" "$work/block-run-shuffled.csv" ||
  { echo "MISMATCH: the block's results differ between the row orders: diff $work/block-run.csv $work/block-run-shuffled.csv" >&2; exit 1; }
block_diff "$work/data-2m" "$work/block-diff.out"
block_diff "$work/data-2m-shuffled" "$work/block-diff-shuffled.out"
cmp -s "$work/block-diff.out" "$work/block-diff-shuffled.out" ||
  { echo "MISMATCH: the block's diff differs between the row orders: diff $work/block-diff.out $work/block-diff-shuffled.out" >&2; exit 1; }
# The statuses the block is meant to meet: n/a and out_of_range indicators, placed_last ranks.
block_statuses=$(awk -F, 'NR > 1 && $2 >= 1000 {c[$5]++} END {for (s in c) printf "%s %d, ", s, c[s]}' "$work/block-run.csv" | sed 's/, $//')
for st in ok n/a out_of_range placed_last; do
  awk -F, -v s="$st" 'NR > 1 && $2 >= 1000 && $5 == s {found = 1} END {exit !found}' "$work/block-run.csv" ||
    { echo "FAILED: no result of the block has status $st ($block_statuses)" >&2; exit 1; }
done

# ---- the runs -----------------------------------------------------------------------------------
say "timing ($runs runs each after a warm-up)"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
binary_before=$(stat -c '%y %s' "$ereje")
has_diff=0
if [ "$only" != block ]; then
# Every figure of issue 16 in each row order: run against the reference (alternating), and diff
# --data, explain of one body and report, each alternating with a run on the same rows.
explain_body=$(awk -F, 'NR == 2 {print $1}' "$work/data-2m/agencies.csv")
for o in $orders; do
  d=$(dir_of "$o")
  measure_pair "ref-$o" "run-$o" "$ref" "$d" -- "$ereje" run rules --data "$d" --as-of 2024-01-01
  measure_pair "refm-$o" "run5-$o" "$ref" --mapped "$d" -- "$ereje" run rules --data "$d" --as-of 2024-01-01
  measure_pair "diff-$o" "run2-$o" "$ereje" diff rules --from 2023-01-01 --to 2024-01-01 --data "$d" -- \
    "$ereje" run rules --data "$d" --as-of 2024-01-01
  measure_pair "explain-$o" "run3-$o" "$ereje" explain rules --data "$d" --agency "$explain_body" --clause 49 --as-of 2024-01-01 -- \
    "$ereje" run rules --data "$d" --as-of 2024-01-01
  measure_pair "report-$o" "run4-$o" "$ereje" report rules --data "$d" --as-of 2024-01-01 --output "$work/report-$o.html" -- \
    "$ereje" run rules --data "$d" --as-of 2024-01-01
done
for n in ref run; do cp "$work/$n-grouped.t" "$work/$n.t"; done
measure load "$ereje" run rules/data "$work/rules-load" --data "$work/data-2m" --as-of 2024-01-01
measure check-methodology "$ereje" check rules
measure check-10k "$ereje" check rules/data "$work/rules-10k"
measure examples "$ereje" run rules --data examples/assessment-2023 --as-of 2024-01-01
if "$ereje" diff --help >/dev/null 2>&1; then
  has_diff=1
  cp "$work/diff-grouped.t" "$work/diff.t"
fi
if [ "$big" = 1 ]; then
  measure_pair ref-10m run-10m "$ref" "$work/data-10m" -- "$ereje" run rules --data "$work/data-10m" --as-of 2024-01-01
  measure_pair refm-10m run5-10m "$ref" --mapped "$work/data-10m" -- "$ereje" run rules --data "$work/data-10m" --as-of 2024-01-01
fi
fi
# The block, each command alternating with its partner so that both meet the same load: the
# methodology alone beside the methodology with the block, and each in both row orders.
say "timing the block of 50 indicators ($runs runs each after a warm-up)"
for d in data-2m data-2m-shuffled; do
  measure_pair "blk-base-$d" "blk-run-$d" "$ereje" run rules --data "$work/$d" --as-of 2024-01-01 --format csv -- \
    "$ereje" run rules "$work/block-1" --data "$work/$d" --as-of 2024-01-01 --format csv
done
measure_pair blk-diff-data-2m blk-diff-data-2m-shuffled \
  "$ereje" diff "$work/block-1" "$work/block-2" --with rules --as-of 2024-01-01 --data "$work/data-2m" -- \
  "$ereje" diff "$work/block-1" "$work/block-2" --with rules --as-of 2024-01-01 --data "$work/data-2m-shuffled"
binary_after=$(stat -c '%y %s' "$ereje")

# ---- the table ----------------------------------------------------------------------------------
csv2m=$(csv_mb "$work/data-2m")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
row() { printf '| %-48s | %8s | %7s | %-32s |\n' "$@"; }
echo
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem/ {print $2}') GiB"
echo "binary: $ereje ($binary_before); sources $root at $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet HEAD 2>/dev/null || echo ' with uncommitted changes'); $runs runs, median wall time"
[ "$binary_before" = "$binary_after" ] ||
  echo "WARNING: $ereje was rebuilt during the timing ($binary_after): the rows mix two binaries"
echo "load average before and after: $load_before / $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows every row)"
echo "data: $work/data-2m, $csv2m MB of CSV, $(($(wc -l <"$work/data-2m/services.csv") - 1)) service rows"
if [ "$only" != block ]; then
echo
row "command" "time (s)" "peak MB" "target"
row "---" "---:" "---:" "---"
r_ref=$(median_s ref); r_run=$(median_s run)
row "ereje_reference (49 and 52, no engine)" "$r_ref" "$(peak_mb ref)" ""
row "ereje run rules (2M rows)" "$r_run" "$(peak_mb run)" \
  "x$(ratio "$r_run" "$r_ref") of reference (<= 1.5)"
row "  peak memory / CSV size" "" "" "$(ratio "$(peak_mb run)" "$csv2m") (<= 2)"
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
  row "ereje_reference --mapped (10M rows)" "$(median_s refm-10m)" "$(peak_mb refm-10m)" ""
  row "ereje run rules (10M rows, beside --mapped)" "$(median_s run5-10m)" "$(peak_mb run5-10m)" \
    "x$(ratio "$(median_s run5-10m)" "$(median_s refm-10m)") of reference --mapped"
fi
# The figures of issue 16, the three row orders side by side: median (best .. worst), peak memory,
# and each command's ratio to the run it alternated with (run: to the reference).
range_s() { awk '{print $1}' "$work/$1.t" | sort -g | awk 'NR == 1 {lo = $1} {hi = $1} END {printf "%.3f .. %.3f", lo, hi}'; }
orow() { printf '| %-34s | %-26s | %-26s | %-26s |\n' "$@"; }
echo
echo "the same 2M rows in three orders: grouped by body (as generated), sorted by service code, shuffled"
echo "(seeded); median s (best .. worst of $runs), peak MB, and the ratio (run: to the reference; the"
echo "others: to the run they alternated with):"
echo
orow "command" "grouped by body" "by service code" "shuffled"
orow "---" "---" "---" "---"
cell() {  # NAME PARTNER: "median (best .. worst), peak MB, xRATIO"
  printf '%s, %s MB, x%s' "$(median_s "$1")" "$(peak_mb "$1")" "$(ratio "$(median_s "$1")" "$(median_s "$2")")"
}
orow "ereje_reference" "$(median_s ref-grouped), $(peak_mb ref-grouped) MB" "$(median_s ref-bycode), $(peak_mb ref-bycode) MB" "$(median_s ref-shuffled), $(peak_mb ref-shuffled) MB"
orow "run (target x1.0, never > x1.3)" "$(cell run-grouped ref-grouped)" "$(cell run-bycode ref-bycode)" "$(cell run-shuffled ref-shuffled)"
orow "ereje_reference --mapped" "$(median_s refm-grouped), $(peak_mb refm-grouped) MB" "$(median_s refm-bycode), $(peak_mb refm-bycode) MB" "$(median_s refm-shuffled), $(peak_mb refm-shuffled) MB"
orow "run, beside --mapped" "$(cell run5-grouped refm-grouped)" "$(cell run5-bycode refm-bycode)" "$(cell run5-shuffled refm-shuffled)"
orow "  peak / CSV (target <= 1.5)" "$(ratio "$(peak_mb run-grouped)" "$csv2m")" "$(ratio "$(peak_mb run-bycode)" "$csv2m")" "$(ratio "$(peak_mb run-shuffled)" "$csv2m")"
orow "diff --data (target <= x2 run)" "$(cell diff-grouped run2-grouped)" "$(cell diff-bycode run2-bycode)" "$(cell diff-shuffled run2-shuffled)"
orow "explain, one body (<= x1.2 run)" "$(cell explain-grouped run3-grouped)" "$(cell explain-bycode run3-bycode)" "$(cell explain-shuffled run3-shuffled)"
orow "report, 4000 bodies (<= x2 run)" "$(cell report-grouped run4-grouped)" "$(cell report-bycode run4-bycode)" "$(cell report-shuffled run4-shuffled)"
orow "  report page" "$(du -k "$work/report-grouped.html" | cut -f1) kB" "$(du -k "$work/report-bycode.html" | cut -f1) kB" "$(du -k "$work/report-shuffled.html" | cut -f1) kB"
echo
echo "best .. worst of each (s):"
for o in $orders; do
  for n in ref run refm run5 diff explain report; do printf '  %-18s %s\n' "$n-$o" "$(range_s "$n-$o")"; done
done
echo
echo "best and worst of the other runs (s):"
for n in load check-10k examples $([ "$big" = 1 ] && echo ref-10m run-10m refm-10m run5-10m); do
  awk -v n="$n" '{print $1}' "$work/$n.t" | sort -g | awk -v n="$n" 'NR == 1 {lo = $1} {hi = $1} END {printf "  %-16s %.3f .. %.3f\n", n, lo, hi}'
done
echo
echo "results: in each of the three orders, ereje_reference = run (clauses 49, 52) byte for byte and run identical at EREJE_THREADS=1 $(printf '%s\n' 2 4 "$(nproc)" | sort -nu | tr '\n' ' '); the three orders give the same bytes"
# Where one run's time goes: EREJE_TIMING=1 makes ereje print each phase's wall time to stderr.
echo
echo "phases of one \`run\` on 2M rows (EREJE_TIMING=1, ms; a table's phases, summed over the tables):"
EREJE_TIMING=1 "$ereje" run rules --data "$work/data-2m" --as-of 2024-01-01 2>&1 >/dev/null |
  sed -nE 's/^timing: (data: [a-z_]+: )?(.*[^ ]) +([0-9.]+) ms$/\3\t\1\2/p' | sed -E 's/\tdata: [a-z_]+: /\tdata: /' |
  awk -F'\t' '!($2 in t) {order[n++] = $2} {t[$2] += $1} END {for (i = 0; i < n; i++) printf "  %-44s %8.1f\n", order[i], t[order[i]]}'
fi

# ---- the block of 50 indicators (issue 13) ------------------------------------------------------
best_s() { awk '{print $1}' "$work/$1.t" | sort -g | head -1 | awk '{printf "%.3f", $1}'; }
worst_s() { awk '{print $1}' "$work/$1.t" | sort -g | tail -1 | awk '{printf "%.3f", $1}'; }
brow() { printf '| %-62s | %-8s | %6s | %6s | %6s | %7s |\n' "$@"; }
echo
echo "the block of 50 indicators (bench/generate.py block): $(grep -c '^clause' "$work/block-1/block.ereje") clauses beside rules/, 2M rows; $runs runs each, s"
echo
brow "command" "rows" "median" "best" "worst" "peak MB"
brow "---" "---" "---:" "---:" "---:" "---:"
for d in data-2m data-2m-shuffled; do
  o=$([ "$d" = data-2m ] && echo "in order" || echo "shuffled")
  brow "ereje run rules (the methodology alone)" "$o" "$(median_s "blk-base-$d")" "$(best_s "blk-base-$d")" "$(worst_s "blk-base-$d")" "$(peak_mb "blk-base-$d")"
  brow "ereje run rules BLOCK (+ 50 indicators, 5 directions, block)" "$o" "$(median_s "blk-run-$d")" "$(best_s "blk-run-$d")" "$(worst_s "blk-run-$d")" "$(peak_mb "blk-run-$d")"
done
for d in data-2m data-2m-shuffled; do
  o=$([ "$d" = data-2m ] && echo "in order" || echo "shuffled")
  brow "ereje diff BLOCK BLOCK-2 --with rules --data" "$o" "$(median_s "blk-diff-$d")" "$(best_s "blk-diff-$d")" "$(worst_s "blk-diff-$d")" "$(peak_mb "blk-diff-$d")"
done
echo
echo "results: the block's run and diff identical in both row orders; statuses of clauses 1000-1200: $block_statuses"
echo "diff: $(sed -n 's/^Impact on //p' "$work/block-diff.out" | head -1)"
# Phases, as the median over $runs runs of each phase's summed time (phases met several times, as
# each stage of a diff, are summed within a run; "xN" is how often a run met the phase).
phases() {  # NAME CMD...
  local name=$1; shift
  : >"$work/$name.phases"
  for i in $(seq "$runs"); do
    EREJE_TIMING=1 "$@" 2>&1 >/dev/null |
      sed -nE 's/^timing: (data: [a-z_]+: )?(.*[^ ]) +([0-9.]+) ms$/\3\t\1\2/p' | sed -E 's/\tdata: [a-z_]+: /\tdata: /' |
      awk -F'\t' -v i="$i" '!($2 in t) {order[n++] = $2} {t[$2] += $1; c[$2]++} END {for (k = 0; k < n; k++) printf "%d\t%d\t%s\t%.3f\t%d\n", i, k, order[k], t[order[k]], c[order[k]]}' \
        >>"$work/$name.phases" || true
  done
}
# median_phases NAME: "position<TAB>phase<TAB>median ms<TAB>times a run met it", in the order met.
median_phases() {
  sort -t$'\t' -k3,3 -k4,4g "$work/$1.phases" |
    awk -F'\t' 'function flush() {if (n) printf "%d\t%s\t%.1f\t%d\n", pos, key, n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2, cnt}
      $3 != key {flush(); key = $3; n = 0; pos = $2}
      {a[++n] = $4; cnt = $5; if ($2 < pos) pos = $2}
      END {flush()}' | sort -t$'\t' -k1,1n
}
show_phases() {  # NAME...: one column per command, the phases in the order of the last
  local x
  for x in "$@"; do median_phases "$x" >"$work/$x.median"; done
  awk -F'\t' -v names="$*" '
    BEGIN {m = split(names, nm, " ")}
    FNR == 1 {f++}
    {if (!($2 in seen)) {seen[$2] = 1; order[n++] = $2}
     v[f, $2] = $3 ($4 > 1 && $2 !~ /^data: / ? " x" $4 : "")}
    END {
      printf "  %-36s", "phase"; for (j = 1; j <= m; j++) printf " %15s", nm[j]; printf "\n"
      for (i = 0; i < n; i++) {
        k = order[i]; printf "  %-36s", k
        for (j = 1; j <= m; j++) printf " %15s", ((j, k) in v) ? v[j, k] : "-"
        printf "\n"
      }
    }' $(for x in "$@"; do echo "$work/$x.median"; done)
}
say "phases of the block (EREJE_TIMING=1, $runs runs each)"
phases alone "$ereje" run rules --data "$work/data-2m" --as-of 2024-01-01
phases indicators "$ereje" run rules "$work/block-ind" --data "$work/data-2m" --as-of 2024-01-01
phases block "$ereje" run rules "$work/block-1" --data "$work/data-2m" --as-of 2024-01-01
phases block-shuffled "$ereje" run rules "$work/block-1" --data "$work/data-2m-shuffled" --as-of 2024-01-01
phases diff-block "$ereje" diff "$work/block-1" "$work/block-2" --with rules --as-of 2024-01-01 --data "$work/data-2m"
echo
echo "phases (EREJE_TIMING=1, median ms of $runs runs; a table's phases summed over the tables; xN: met N times"
echo "in a run, summed): \`run rules\` alone, with the 50 indicators only (block-ind), with the whole block"
echo "(block-1) on the rows in order and shuffled, and the block's \`diff --data\` (rows in order):"
show_phases alone indicators block block-shuffled diff-block

# Phases of `run` in the three row orders (issue 16: what stands in the way, by phase).
if [ "$only" != block ]; then
  say "phases of run in the three row orders (EREJE_TIMING=1, $runs runs each)"
  for o in $orders; do phases "run-$o" "$ereje" run rules --data "$(dir_of "$o")" --as-of 2024-01-01; done
  echo
  echo "phases of \`run rules\` on the 2M rows in each order (EREJE_TIMING=1, median ms of $runs runs; a"
  echo "table's phases summed over the tables):"
  show_phases run-grouped run-bycode run-shuffled
fi
