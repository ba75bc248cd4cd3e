#!/usr/bin/env bash
# A killed run loses no data: `ereje run --output FILE` killed (SIGKILL) at any moment leaves FILE
# either as it was or whole with the new results, and no other file beside it (no partial file, no
# temporary file). The run is killed many times at delays spread over its length, on data large
# enough (20,000 bodies) that writing the results takes a measurable part of it.
#
#   tests/killed_run.sh path/to/ereje
set -u
bin=$(realpath "${1:?usage: killed_run.sh path/to/ereje}")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
data=$work/data
mkdir -p "$data" "$work/out"
python3 - "$data" <<'PY'
import sys
d = sys.argv[1]
with open(f"{d}/agencies.csv", "w") as a, open(f"{d}/services.csv", "w") as s, open(f"{d}/objections.csv", "w") as o:
    a.write("agency_id,name_kk,name_ru,kind\n")
    s.write("agency_id,service_id,parent_id,automation,portal_excluded,mobile\n")
    o.write("agency_id,objection_id,clause,submitted_on,reviewed_on\n")
    for b in range(20000):
        a.write(f"B{b:05},Орган {b},Орган {b},local\n")
        for k in range(10):
            s.write(f"B{b:05},S{k},,{('none','partial','full')[(b + k) % 3]},false,{'true' if (b * k) % 2 else 'false'}\n")
        o.write(f"B{b:05},O{b},49,2023-09-01,2023-09-{1 + b % 28:02}\n")
PY
cp "$root/examples/assessment-2023/schedule.csv" "$data/"
cmd=("$bin" run "$root/rules" --data "$data" --as-of 2024-01-01)
"${cmd[@]}" >"$work/expected.csv" 2>/dev/null || { echo "FAIL: the run itself fails"; exit 1; }
start=$EPOCHREALTIME; "${cmd[@]}" --output "$work/out/timing.csv" 2>/dev/null; end=$EPOCHREALTIME
rm -f "$work/out/timing.csv"
run_ms=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%d", (b - a) * 1000}')
echo "a whole run takes $run_ms ms; $(wc -l <"$work/expected.csv") result lines"

failed=0; killed=0; finished=0
for i in $(seq 0 59); do
  printf 'old results\n' >"$work/out/results.csv"
  # Up to twice the measured length: a run slowed by other work on the machine still finishes.
  delay=$(awk -v i="$i" -v ms="$run_ms" 'BEGIN {printf "%.4f", ms * 2 * i / 60 / 1000}')
  "${cmd[@]}" --output "$work/out/results.csv" 2>/dev/null &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null; status=$?
  files=$(ls -A "$work/out")
  if [ "$files" != "results.csv" ]; then
    failed=$((failed + 1)); echo "FAIL after ${delay}s: the folder holds: $files"
  elif cmp -s "$work/out/results.csv" "$work/expected.csv"; then
    finished=$((finished + 1))
  elif [ "$(cat "$work/out/results.csv")" = "old results" ]; then
    killed=$((killed + 1))
  else
    failed=$((failed + 1)); echo "FAIL after ${delay}s (exit $status): results.csv is neither the old file nor the whole new one"
  fi
  rm -f "$work/out"/.results* "$work/out/results.csv"
done
echo "killed_run: 60 runs, $killed killed before their results were written (old file kept), $finished finished, $failed failed"
# Both outcomes must have happened, or the delays did not cover the run.
[ "$failed" = 0 ] && [ "$killed" -gt 0 ] && [ "$finished" -gt 0 ]
