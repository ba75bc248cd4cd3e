#!/usr/bin/env bash
# `--watch`: `test` and `run` run again when a rule or data file changes. Starts each in the
# background on a copy of the rules and the example data, edits a file, and waits (at most 20 s
# for each step, polling; no timing is asserted) for the output of the next run.
set -u
bin=$(realpath "${1:?usage: watch.sh path/to/ereje}")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d); pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$work"; }
trap cleanup EXIT
cp -r "$root/rules" "$work/rules"; cp -r "$root/examples/assessment-2023" "$work/data"
cd "$work"
passed=0; failed=0
wait_for() {  # name, file, count of lines matching the text, text
  local name=$1 file=$2 want=$3 text=$4
  for _ in $(seq 1 200); do
    if [ "$(grep -cF -- "$text" "$file")" -ge "$want" ]; then passed=$((passed+1)); return; fi
    sleep 0.1
  done
  failed=$((failed+1)); echo "FAIL $name: wanted $want lines with \`$text\`; output:"; cat "$file" | tail -20
}
# test --watch: a test's expectation broken, then mended.
"$bin" test rules --watch >test.out 2>test.err & pids+=($!)
wait_for "test --watch runs once" test.out 1 "20 passed, 0 failed"
wait_for "and says what it watches" test.err 1 "watching"
sed -i 's/expect T = 7.00/expect T = 7.50/' rules/acts/2023-33140.ereje
wait_for "an edited rule file runs the tests again" test.out 1 "19 passed, 1 failed"
wait_for "naming the file" test.err 1 "rules/acts/2023-33140.ereje changed: running again"
sed -i 's/expect T = 7.50/expect T = 7.00/' rules/acts/2023-33140.ereje
wait_for "mended, they pass again" test.out 2 "20 passed, 0 failed"
# run --watch: a data file edited moves a result.
"$bin" run rules --data data --as-of 2024-01-01 --watch >run.out 2>run.err & pids+=($!)
wait_for "run --watch runs once" run.out 1 "ACSA,49,T,0.63,ok,2023-07-24"
sed -i '0,/^ACSA,\([^,]*\),,partial,/s//ACSA,\1,,full,/' data/services.csv
wait_for "an edited data file runs again" run.err 1 "data/services.csv changed: running again"
wait_for "with the new value" run.out 2 "agency_id,clause,result,value,status,version"
echo "watch: $passed passed, $failed failed"
[ "$failed" = 0 ]
