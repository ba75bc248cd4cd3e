#!/usr/bin/env bash
# Limits: inputs past each limit get an error that names the file, the position and the limit,
# exit 2, and no output file, never a stack overflow, an out-of-memory kill or a hang. The inputs
# are too large to keep as golden folders, so they are generated here.
#
#   tests/limits.sh path/to/ereje        (run from the project root; ctest does)
set -u
bin=$(cd "$(dirname "${1:?usage: limits.sh path/to/ereje}")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/.."
root=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# Memory: a run past a limit must not grow without bound. Address sanitizer reserves terabytes of
# address space, so the cap is left off for sanitized builds.
sanitized=0
if ldd "$bin" 2>/dev/null | grep -q 'libasan\|libubsan' || nm "$bin" 2>/dev/null | grep -q '__asan_init'; then sanitized=1; fi

# expect NAME WANT... -- ARGS...: runs `ereje ARGS` (with $OUT as --output where ARGS say so) and
# checks exit 2, that stderr holds every WANT (fixed strings), and that the output file kept its
# old content with nothing left beside it.
expect() {
  local name=$1
  shift
  local want=()
  while [ "$1" != -- ]; do want+=("$1"); shift; done
  shift
  local out="$tmp/out-$name"
  mkdir -p "$out"
  echo "previous results, kept" >"$out/results.csv"
  local args=()
  for a in "$@"; do args+=("${a//\$OUT/$out/results.csv}"); done
  local code
  (
    [ $sanitized = 1 ] || ulimit -v 4000000
    # The data contract (rules/data) beside the generated rule files, as every rule set has it.
    exec timeout 120 "$bin" "${args[0]}" rules/data "${args[@]:1}"
  ) >"$tmp/$name.out" 2>"$tmp/$name.err"
  code=$?
  local ok=1
  [ "$code" = 2 ] || { ok=0; echo "--- $name: exit $code, expected 2"; }
  for w in "${want[@]}"; do
    grep -qF -- "$w" "$tmp/$name.err" || { ok=0; echo "--- $name: stderr lacks: $w"; }
  done
  [ "$(cat "$out/results.csv")" = "previous results, kept" ] || { ok=0; echo "--- $name: the output file was changed"; }
  [ "$(ls -A "$out")" = results.csv ] || { ok=0; echo "--- $name: files left beside the output: $(ls -A "$out")"; }
  if [ $ok = 1 ]; then
    passed=$((passed + 1)); echo "ok: $name"
  else
    failed=$((failed + 1)); echo "FAIL $name"; head -c 2000 "$tmp/$name.err"
  fi
}

header='act "1" "Limits" in_force 2021-04-20
clause 49 "Automation"
  title kk "Автоматтандыру"
  title ru "Автоматизация"
  evidence text seed, variables seed, formula seed
  let n = count services'
data=examples/assessment-2023
run_args=(--data "$data" --as-of 2024-01-01 --output '$OUT')

# ---- rule files ----
# 200,000 nested parentheses: the parser's depth limit, through `check` and `run`.
f="$tmp/parens.ereje"
{ echo "$header"; printf '  result T = '; head -c 200000 /dev/zero | tr '\0' '('; printf n; head -c 200000 /dev/zero | tr '\0' ')'; printf ' range 0..10\nend\n'; } >"$f"
expect parens-check "$f:7:" "[too-deep]" "limit of 1000 nested grammar rules" -- check "$f"
expect parens-run "$f:7:" "[too-deep]" "limit of 1000 nested grammar rules" -- run "$f" "${run_args[@]}"

# A chain `n + n + … + n` of 200,000 terms: flat for the parser, 200,000 deep as a tree.
f="$tmp/chain.ereje"
{ echo "$header"; printf '  result T = n'; head -c 200000 /dev/zero | tr '\0' '+' | sed 's/+/ + n/g'; printf ' range 0..10\nend\n'; } >"$f"
expect chain-run "$f:7:" "[too-deep]" "more than 256 levels" -- run "$f" "${run_args[@]}"

# 20,000 definitions, each using the one before: shallow each, deep together.
f="$tmp/lets.ereje"
{ echo "$header"; echo "  let a0 = n"; for i in $(seq 1 20000); do echo "  let a$i = a$((i - 1)) + 1"; done
  printf '  result T = a20000 range 0..10\nend\n'; } >"$f"
expect lets-run "$f:" "[too-deep]" "more than 1000 levels" -- run "$f" "${run_args[@]}"

# 20,000 functions, each calling the next.
f="$tmp/functions.ereje"
{ for i in $(seq 0 19999); do echo "function f$i(x) = f$((i + 1))(x) + 1"; done; echo "function f20000(x) = x"
  echo "$header"; printf '  result T = f0(n) range 0..10\nend\n'; } >"$f"
expect functions-run "$f:" "[too-deep]" "more than 1000 levels" -- run "$f" "${run_args[@]}"

# 40 functions, each calling the next twice: 2^40 calls once expanded.
f="$tmp/doubling.ereje"
{ for i in $(seq 0 39); do echo "function g$i(x) = g$((i + 1))(x) + g$((i + 1))(x)"; done; echo "function g40(x) = x"
  echo "$header"; printf '  result T = g0(n) range 0..10\nend\n'; } >"$f"
expect doubling-run "$f:" "[too-large]" "more than 1000000 operations" -- run "$f" "${run_args[@]}"

# 10,001 clauses.
f="$tmp/clauses.ereje"
{ echo 'act "1" "Limits" in_force 2021-04-20'
  for i in $(seq 1 10001); do printf 'clause %d "c"\n  title kk "a"\n  title ru "b"\n  evidence text seed\nend\n' "$i"; done; } >"$f"
expect clauses-check "$f:50002:8:" "[too-many-clauses]" "more than 10000 clauses" -- check "$f"

# A rule file past 16 MiB, and one that never ends.
f="$tmp/large.ereje"
{ echo "$header"; yes '// a comment line that makes the file large, over and over again' | head -c 17000000; } >"$f"
expect large-run "$f: error: rule file is larger than the limit of 16 MiB" "[file-too-large]" -- run "$f" "${run_args[@]}"
expect endless-check "/dev/zero: error: rule file is larger than the limit of 16 MiB" -- check /dev/zero

# ---- just under the limits: accepted, and evaluated without overflowing the stack ----
# accept NAME -- ARGS...: runs `ereje ARGS`, expects exit 0 and results on standard output.
accept() {
  local name=$1
  shift 2
  local code
  (
    [ $sanitized = 1 ] || ulimit -v 4000000
    # STACK_KB: the stack `ulimit -s` gives the process; ereje's threads state their own.
    [ -z "${STACK_KB:-}" ] || ulimit -s "$STACK_KB"
    exec timeout 120 "$bin" "$1" rules/data "${@:2}"
  ) >"$tmp/$name.out" 2>"$tmp/$name.err"
  code=$?
  if [ "$code" = 0 ] && grep -q '^agency_id,clause,result,value,status,version$' "$tmp/$name.out"; then
    passed=$((passed + 1)); echo "ok: $name"
  else
    failed=$((failed + 1)); echo "FAIL $name: exit $code"; grep -v 'warning: body\|= help: check the body' "$tmp/$name.err" | head -c 2000
  fi
}
f="$tmp/parens-60.ereje"
{ echo "$header"; printf '  result T = '; head -c 60 /dev/zero | tr '\0' '('; printf n; head -c 60 /dev/zero | tr '\0' ')'; printf ' range 0..10000\nend\n'; } >"$f"
accept parens-60 -- run "$f" --data "$data" --as-of 2024-01-01
f="$tmp/chain-255.ereje"
{ echo "$header"; printf '  result T = n'; head -c 255 /dev/zero | tr '\0' '+' | sed 's/+/ + n/g'; printf ' range 0..10000000\nend\n'; } >"$f"
accept chain-255 -- run "$f" --data "$data" --as-of 2024-01-01
f="$tmp/lets-497.ereje"
{ echo "$header"; echo "  let a0 = n"; for i in $(seq 1 497); do echo "  let a$i = a$((i - 1)) + 1"; done
  printf '  result T = a497 range 0..10000\nend\n'; } >"$f"
accept lets-497 -- run "$f" --data "$data" --as-of 2024-01-01
f="$tmp/functions-499.ereje"
{ for i in $(seq 0 498); do echo "function f$i(x) = f$((i + 1))(x) + 1"; done; echo "function f499(x) = x"
  echo "$header"; printf '  result T = f0(n) range 0..10000\nend\n'; } >"$f"
accept functions-499 -- run "$f" --data "$data" --as-of 2024-01-01
# The same deepest formulas with a 256 KiB and a 64 KiB stack (`ulimit -s`; the default is 8 MiB),
# on one thread and on several: no stack overflow, whatever the user's limit.
for kb in 256 64; do
  for f in parens-60 chain-255 lets-497 functions-499; do
    STACK_KB=$kb EREJE_THREADS=1 accept "$f-stack-$kb-1" -- run "$tmp/$f.ereje" --data "$data" --as-of 2024-01-01
    STACK_KB=$kb EREJE_THREADS=3 accept "$f-stack-$kb-3" -- run "$tmp/$f.ereje" --data "$data" --as-of 2024-01-01
  done
done

# ---- data files (CSV) ----
# A field past 1 MiB, and a record past 16 MiB (its fields each under 1 MiB).
copy_data() { rm -rf "$tmp/$1"; cp -r "$data" "$tmp/$1"; }
copy_data field
{ head -n 1 "$data/agencies.csv"; printf 'BIG,'; head -c 1100000 /dev/zero | tr '\0' 'x'; printf ',name,central\n'; tail -n +2 "$data/agencies.csv"; } >"$tmp/field/agencies.csv"
expect csv-field-run "$tmp/field/agencies.csv:2:5:" "[data-field-too-long]" -- run rules --data "$tmp/field" --as-of 2024-01-01 --output '$OUT'
copy_data record
{ head -n 1 "$data/agencies.csv"; printf 'BIG'; for _ in $(seq 1 17); do printf ','; head -c 1000000 /dev/zero | tr '\0' 'y'; done; printf '\n'; tail -n +2 "$data/agencies.csv"; } >"$tmp/record/agencies.csv"
expect csv-record-run "$tmp/record/agencies.csv:2:" "[data-record-too-long]" -- run rules --data "$tmp/record" --as-of 2024-01-01 --output '$OUT'
# Rows per table (100 million) would take gigabytes to test here; input/ unit tests cover it.

# ---- "did you mean" on very long names: an answer, not a quadratic wait (timeout 120 s) ----
long=$(head -c 100000 /dev/zero | tr '\0' 'q')
f="$tmp/long-name.ereje"
{ echo "$header"; printf '  result T = n + %s range 0..10\nend\n' "$long"; } >"$f"
expect long-name-check "$f:" "[undefined-name]" -- check "$f"
copy_data longvalue
# An automation level of 500,000 letters (under the 1 MiB field limit): an unknown value, at once.
python3 - "$data/services.csv" "$tmp/longvalue/services.csv" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
row = lines[1].split(",")
row[3] = "p" * 500000
lines[1] = ",".join(row)
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines))
PY
expect long-value-run "$tmp/longvalue/services.csv:2:15:" "[data-unknown-value]" -- run rules --data "$tmp/longvalue" --as-of 2024-01-01 --output '$OUT'

# ---- special files where a table's file should be ----
# A named pipe that nobody writes would block a reader for ever: it is refused without being opened.
copy_data fifo
rm "$tmp/fifo/objections.csv"
mkfifo "$tmp/fifo/objections.csv"
expect fifo-run "objections.csv: error: \`objections.csv\` in the data folder is a named pipe (FIFO), not a file" "[data-not-a-file]" -- run rules --data "$tmp/fifo" --as-of 2024-01-01 --output '$OUT'

# ---- address space ----
# A command over data asks for the heap's first step as 1 GiB of address space (core/Heap.hpp),
# but not under a cap on the address space: under caps of 879 MiB (which would refuse the step)
# and of 1,050 to 1,150 MiB (which would grant it and then refuse a thread's stack or a library),
# the run still succeeds with the same results, byte for byte (not under a sanitizer: its
# allocator is its own, and it reserves terabytes).
if [ $sanitized = 0 ]; then
  "$bin" run rules --data "$data" --as-of 2024-01-01 >"$tmp/space-free.csv" 2>/dev/null
  for cap in 900000 1075000 1100000 1125000 1150000 1175000; do
    ( ulimit -v $cap; exec "$bin" run rules --data "$data" --as-of 2024-01-01 ) >"$tmp/space-capped.csv" 2>"$tmp/space-capped.err"
    code=$?
    if [ "$code" = 0 ] && [ -s "$tmp/space-free.csv" ] && cmp -s "$tmp/space-free.csv" "$tmp/space-capped.csv"; then
      passed=$((passed + 1)); echo "ok: heap-step-capped-$cap"
    else
      failed=$((failed + 1)); echo "FAIL heap-step-capped-$cap: exit $code"; head -c 2000 "$tmp/space-capped.err"
    fi
  done
fi

echo "limits: $passed passed, $failed failed"
[ "$failed" = 0 ]
