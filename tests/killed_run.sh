#!/usr/bin/env bash
# A killed run loses no data: `ereje run --output FILE` killed (SIGKILL) at any moment leaves FILE
# either as it was or whole with the new results. Beside it, at most one whole (never partial, where
# the file system has O_TMPFILE) hidden `.FILE.tmp-PID-XXXXXX`, only if the kill fell in the
# microseconds between naming the finished file and the rename (no system call replaces a file by
# an unnamed one); the next write of FILE removes it. The run is killed many times at delays spread over its length, on data large
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

# Where the file system has no O_TMPFILE (overlay file systems of older kernels), the file is written
# under its temporary name: a kill while it is written leaves that name with part of the file, which
# the next write removes all the same. Said, and accepted only there.
if python3 -c 'import os, sys; os.close(os.open(sys.argv[1], os.O_TMPFILE | os.O_WRONLY, 0o600))' "$work/out" 2>/dev/null; then
  unnamed=1
else
  unnamed=0; echo "killed_run: this file system has no O_TMPFILE: a killed write may leave a partial temporary file"
fi
failed=0; killed=0; finished=0; between=0
# The folder holds the whole new results and nothing else.
whole_alone() { [ "$(ls -A "$work/out")" = "results.csv" ] && cmp -s "$work/out/results.csv" "$work/expected.csv"; }
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
  left=$(ls -A "$work/out" | grep -v '^results\.csv$')
  if [ -n "$left" ] && [ "$(printf '%s\n' "$left" | wc -l)" = 1 ] \
     && [[ "$left" =~ ^\.results\.csv\.tmp-[0-9]+-[A-Za-z0-9]{6}$ ]] \
     && { cmp -s "$work/out/$left" "$work/expected.csv" || [ "$unnamed" = 0 ]; } \
     && [ "$(cat "$work/out/results.csv")" = "old results" ]; then
    # Killed between the naming and the rename: the leftover is whole, and the next write removes it.
    between=$((between + 1))
    echo "killed after ${delay}s before the rename: $left left (whole, or partial where there is no O_TMPFILE)"
    "${cmd[@]}" --output "$work/out/results.csv" 2>/dev/null
    if ! whole_alone; then
      failed=$((failed + 1)); echo "FAIL: the next write did not remove $left: $(ls -A "$work/out")"
    else
      finished=$((finished + 1))
    fi
  elif [ "$files" != "results.csv" ]; then
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
# The moments the timed kills above seldom hit, made certain with strace's fault injection: the kill
# at the rename (after the whole file is named), and, as where the file system has no O_TMPFILE (the
# link refused), at the sync of the named file. Each must leave the old file and one whole leftover,
# which the next write removes.
if strace -f -qq -o /dev/null true 2>/dev/null; then
  inject_case() {  # NAME STRACE-INJECT-ARGS...
    local name=$1; shift
    printf 'old results\n' >"$work/out/results.csv"
    (strace -f -qq -o /dev/null "$@" "${cmd[@]}" --output "$work/out/results.csv" 2>/dev/null) 2>/dev/null
    local left; left=$(ls -A "$work/out" | grep -v '^results\.csv$')
    if [ "$(cat "$work/out/results.csv")" != "old results" ] || ! [[ "$left" =~ ^\.results\.csv\.tmp-[0-9]+-[A-Za-z0-9]{6}$ ]] \
       || ! cmp -s "$work/out/$left" "$work/expected.csv"; then
      failed=$((failed + 1)); echo "FAIL killed at $name: the folder holds: $(ls -A "$work/out")"
    else
      "${cmd[@]}" --output "$work/out/results.csv" 2>/dev/null
      if whole_alone; then
        echo "ok: killed at $name: old file kept, one whole leftover, removed by the next write"
      else
        failed=$((failed + 1)); echo "FAIL killed at $name: the next write left: $(ls -A "$work/out")"
      fi
    fi
    rm -f "$work/out"/.results* "$work/out/results.csv"
  }
  renames=rename,renameat,renameat2
  inject_case "the rename" -e trace=$renames -e inject=$renames:error=EIO:signal=KILL
  inject_case "the rename, the file linked by its descriptor (no /proc)" -e trace=linkat,$renames \
    -e inject=linkat:error=ENOENT:when=1 -e inject=$renames:error=EIO:signal=KILL
  inject_case "the sync of a named file (no O_TMPFILE link)" -e trace=linkat,fsync \
    -e inject=linkat:error=EOPNOTSUPP -e inject=fsync:signal=KILL:when=2
  # Not killed: where neither link works, the write goes on through a named file and succeeds.
  strace -f -qq -o /dev/null -e trace=linkat -e inject=linkat:error=EOPNOTSUPP \
    "${cmd[@]}" --output "$work/out/results.csv" 2>/dev/null
  if whole_alone; then
    echo "ok: no way to link the unnamed file: written through a named one"
  else
    failed=$((failed + 1)); echo "FAIL: with no way to link the unnamed file: $(ls -A "$work/out")"
  fi
  rm -f "$work/out"/.results* "$work/out/results.csv"
else
  echo "killed_run: strace cannot trace here (no ptrace); the kills at the rename and the sync are not made"
fi
echo "killed_run: 60 runs, $killed killed before their results were written (old file kept), $finished finished ($between of them after a kill between naming and rename, leftover removed by the next write), $failed failed"
# Both outcomes must have happened, or the delays did not cover the run.
[ "$failed" = 0 ] && [ "$killed" -gt 0 ] && [ "$finished" -gt 0 ]
