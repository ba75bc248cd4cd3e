#!/usr/bin/env bash
# Determinism: `ereje run` on the example data gives byte-identical results (standard output, the
# --output file, and the diagnostics with paths made relative) whatever the locale, the timezone,
# the number of CPUs and threads (EREJE_THREADS), the order in which the
# files were created on disk, and the moment it runs. No result may depend on the wall clock: only
# on the given --as-of date.
#
#   tests/determinism.sh path/to/ereje        (run from the project root; ctest does)
set -u
bin=$(cd "$(dirname "${1:?usage: determinism.sh path/to/ereje}")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
checked=0

as_of=2024-01-01
formats=(csv json table)

# run NAME RULES DATA [ENV...]: every format, stdout, stderr and an --output file, into $tmp/NAME.*
run() {
  local name=$1 rules=$2 data=$3
  shift 3
  for f in "${formats[@]}"; do
    env "$@" "$bin" run "$rules" --data "$data" --as-of "$as_of" --format "$f" >"$tmp/$name.$f" 2>"$tmp/$name.$f.err"
    echo "exit $?" >>"$tmp/$name.$f"
    # Paths differ between the copies; the messages must not otherwise.
    sed -i "s|$rules|RULES|g; s|$data|DATA|g" "$tmp/$name.$f.err"
  done
  env "$@" "$bin" run "$rules" --data "$data" --as-of "$as_of" --output "$tmp/$name.file" 2>/dev/null
}

# same NAME: compares NAME's outputs with the reference run's.
same() {
  local name=$1 ok=1
  for f in "${formats[@]}"; do
    cmp -s "$tmp/ref.$f" "$tmp/$name.$f" || { ok=0; echo "--- $name: --format $f output differs"; diff "$tmp/ref.$f" "$tmp/$name.$f" | head -10; }
    cmp -s "$tmp/ref.$f.err" "$tmp/$name.$f.err" || { ok=0; echo "--- $name: --format $f diagnostics differ"; diff "$tmp/ref.$f.err" "$tmp/$name.$f.err" | head -10; }
  done
  cmp -s "$tmp/ref.csv" <(cat "$tmp/$name.file"; echo "exit 0") || { ok=0; echo "--- $name: the --output file differs from standard output"; }
  checked=$((checked + 1))
  if [ $ok = 1 ]; then echo "same: $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi
}

rules=$PWD/rules
data=$PWD/examples/assessment-2023
# Input files are never modified: their checksums and times are compared at the end.
inputs_before=$(find "$rules" "$data" -type f -exec stat -c '%n %s %Y' {} + | sort; find "$rules" "$data" -type f -exec sha1sum {} + | sort)
run ref "$rules" "$data" LC_ALL=C TZ=UTC
grep -q "^agency_id,clause,result,value,status,version$" "$tmp/ref.csv" || { echo "FAIL the reference run gave no results"; cat "$tmp/ref.csv.err"; exit 1; }

# ---- locales: each one that is installed ----
have_locale() { locale -a 2>/dev/null | sed 's/utf8$/UTF-8/' | grep -qx "$1"; }
for loc in C C.UTF-8 ru_RU.UTF-8 kk_KZ.UTF-8; do
  if have_locale "$loc"; then
    run "locale-$loc" "$rules" "$data" LC_ALL="$loc" TZ=UTC
    same "locale-$loc"
  else
    echo "skip: locale $loc is not installed"
  fi
done
# Each category apart, too (a program may read LC_NUMERIC but not LC_ALL, or LANG alone).
for loc in ru_RU.UTF-8 kk_KZ.UTF-8; do
  have_locale "$loc" || continue
  run "lang-$loc" "$rules" "$data" -u LC_ALL LANG="$loc" LC_NUMERIC="$loc" LC_TIME="$loc" LC_COLLATE="$loc" TZ=UTC
  same "lang-$loc"
done

# ---- timezones: both sides of UTC, and the date line ----
for tz in UTC Asia/Almaty America/New_York Pacific/Kiritimati Etc/GMT+12; do
  if [ "$tz" = UTC ] || [ -e "/usr/share/zoneinfo/$tz" ]; then
    run "tz-${tz//\//-}" "$rules" "$data" LC_ALL=C TZ="$tz"
    same "tz-${tz//\//-}"
  else
    echo "skip: timezone $tz is not installed"
  fi
done

# ---- CPUs and threads ----
if command -v taskset >/dev/null && [ "$(nproc)" -gt 1 ]; then
  run cpus-1 "$rules" "$data" LC_ALL=C TZ=UTC taskset -c 0
  same cpus-1
fi
# EREJE_THREADS (threads reading large files in pieces, running kernels, evaluating bodies): every
# count gives the same bytes. (The unit tests cover the threaded paths on data large enough to split.)
for n in 1 2 3 8; do
  run "threads-$n" "$rules" "$data" EREJE_THREADS="$n" LC_ALL=C TZ=UTC
  same "threads-$n"
done

# ---- the order of files on disk ----
# Data files created in another order, rule files created in reverse order, in other folders: a
# directory lists its files in an order of its own, which must not show in any result.
reorder() {  # reorder SRC DST FILE...: copies the named files of SRC into DST in the order given
  local src=$1 dst=$2
  shift 2
  mkdir -p "$dst"
  for f in "$@"; do mkdir -p "$dst/$(dirname "$f")"; cp -p "$src/$f" "$dst/$f"; done
}
mapfile -t data_files < <(cd "$data" && find . -type f | sort)
mapfile -t rule_files < <(cd "$rules" && find . -type f | sort)
reorder "$data" "$tmp/data-reversed" $(printf '%s\n' "${data_files[@]}" | sort -r)
reorder "$data" "$tmp/data-shuffled" $(printf '%s\n' "${data_files[@]}" | sort -t/ -k2.2)
reorder "$rules" "$tmp/rules-reversed" $(printf '%s\n' "${rule_files[@]}" | sort -r)
# Padding files (not rule or data files) shift where each real one lands in the directory.
mkdir -p "$tmp/rules-padded" "$tmp/data-padded"
for i in $(seq 1 40); do echo "not a rule file" >"$tmp/rules-padded/pad$i.txt"; echo x >"$tmp/data-padded/pad$i.txt"; done
reorder "$rules" "$tmp/rules-padded" $(printf '%s\n' "${rule_files[@]}" | sort -r)
reorder "$data" "$tmp/data-padded" $(printf '%s\n' "${data_files[@]}" | sort -r)
run order-data-reversed "$rules" "$tmp/data-reversed" LC_ALL=C TZ=UTC
same order-data-reversed
run order-data-shuffled "$rules" "$tmp/data-shuffled" LC_ALL=C TZ=UTC
same order-data-shuffled
run order-rules-reversed "$tmp/rules-reversed" "$data" LC_ALL=C TZ=UTC
same order-rules-reversed
run order-both-padded "$tmp/rules-padded" "$tmp/data-padded" LC_ALL=C TZ=UTC
same order-both-padded

# ---- the wall clock ----
# Later, the same command gives the same bytes; no result holds today's date (the example data and
# the as-of date are in the past), whatever today is in any timezone.
sleep 1.1
run later "$rules" "$data" LC_ALL=C TZ=UTC
same later
for d in "$(date -u +%F)" "$(TZ=Pacific/Kiritimati date +%F)" "$(TZ=Etc/GMT+12 date +%F)"; do
  if grep -q -- "$d" "$tmp"/ref.*; then echo "FAIL today's date $d appears in the results"; failed=$((failed + 1)); fi
done
# Rule-file tests and checks print nothing that depends on the clock either.
LC_ALL=C TZ=UTC "$bin" test rules >"$tmp/test-utc" 2>&1
LC_ALL=C TZ=Pacific/Kiritimati "$bin" test rules >"$tmp/test-east" 2>&1
cmp -s "$tmp/test-utc" "$tmp/test-east" || { echo "FAIL \`ereje test\` depends on the timezone"; failed=$((failed + 1)); }
checked=$((checked + 1))

inputs_after=$(find "$rules" "$data" -type f -exec stat -c '%n %s %Y' {} + | sort; find "$rules" "$data" -type f -exec sha1sum {} + | sort)
[ "$inputs_before" = "$inputs_after" ] || { echo "FAIL an input file was modified"; failed=$((failed + 1)); }
checked=$((checked + 1))

echo "determinism: $checked checked, $failed failed"
[ "$failed" = 0 ]
