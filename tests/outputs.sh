#!/usr/bin/env bash
# Outputs never destroy a file (docs/security.md, "Files written"): an output naming one of the
# command's inputs (by any spelling, or a hard link to it), a symbolic link, a device, a FIFO or a
# folder is refused with exit 2 and no file changed; a full disk and a closed pipe on standard
# output are errors; `fmt` still rewrites its own files.
#
#   tests/outputs.sh path/to/ereje        (run from anywhere; ctest does)
set -u
bin=$(cd "$(dirname "${1:?usage: outputs.sh path/to/ereje}")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/w"
cd "$tmp/w"
cp -r "$root/rules" rules
cp -r "$root/examples/assessment-2023" data
ln data/objections.csv hard.csv
ln -s data/services.csv link.csv
mkfifo fifo.csv
mkdir folder
printf 'act "F" "fmt" in_force 2024-01-01\n\nclause 1 "One"\n  title kk "Бір"\n  title ru "Один"\n  evidence text reconstructed, variables reconstructed, formula reconstructed\n  let n = count services "n"\n  result R = n    range 0..10 round 0 "r"\nend\n' >fmt.ereje
ln -s fmt.ereje link.ereje
passed=0; failed=0
snapshot() { find . -type f -o -type l | sort | while IFS= read -r f; do printf '%s ' "$f"; [ -f "$f" ] && md5sum <"$f" || echo link; done; }
# refuse NAME WANT -- ARGS...: exit 2, stderr holds WANT, and no file changed, appeared or vanished.
refuse() {
  local name=$1 want=$2; shift 3
  local before after code
  before=$(snapshot)
  timeout 60 "$bin" "$@" >/dev/null 2>"$tmp/err" </dev/null; code=$?
  after=$(snapshot)
  if [ "$code" = 2 ] && grep -qF -- "$want" "$tmp/err" && [ "$before" = "$after" ] && [ -p fifo.csv ] && [ -c /dev/null ]; then
    passed=$((passed + 1)); echo "ok: $name"
  else
    failed=$((failed + 1)); echo "FAIL $name: exit $code"; grep -v 'warning: body\|help: check the body' "$tmp/err" | head -5
    [ "$before" = "$after" ] || diff <(echo "$before") <(echo "$after") | head -5
  fi
}
check() {  # NAME COMMAND...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok: $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi
}
A=(--data data --as-of 2024-01-01)
refuse "run --output a data file" "\`data/services.csv\` is a data file this command reads" -- run rules "${A[@]}" --output data/services.csv
refuse "run --output a data file, spelt otherwise" "is the same file as \`data/services.csv\`" -- run rules "${A[@]}" --output ./data/../data/services.csv
refuse "run --output a hard link to a data file" "\`hard.csv\` is the same file as \`data/objections.csv\`" -- run rules "${A[@]}" --output hard.csv
refuse "run --output a rule file" "is a rule file this command reads" -- run rules "${A[@]}" --output rules/acts/2023-33140.ereje
refuse "run --receipt a rule file" "is a rule file this command reads" -- run rules "${A[@]}" --output r.csv --receipt rules/data/tables.ereje
refuse "run --output and --receipt the same file" "--output and --receipt name the same file" -- run rules "${A[@]}" --output same.csv --receipt ./same.csv
refuse "run --output a symbolic link" "\`link.csv\` is a symbolic link" -- run rules "${A[@]}" --output link.csv
refuse "run --output /dev/null" "\`/dev/null\` is a device, not a regular file" -- run rules "${A[@]}" --output /dev/null
refuse "run --output a FIFO" "\`fifo.csv\` is a named pipe (FIFO), not a regular file" -- run rules "${A[@]}" --output fifo.csv
refuse "run --output a folder" "\`folder\` is a folder, not a regular file" -- run rules "${A[@]}" --output folder
refuse "run --output \"\"" "option \`--output\` has an empty value" -- run rules "${A[@]}" --output ""
refuse "report --output a data file" "is a data file this command reads" -- report rules "${A[@]}" --output data/agencies.csv
refuse "diff --output a rule file" "is a rule file this command reads" -- diff rules --from 2023-01-01 --to 2024-01-01 --output rules/acts/2021-22599.ereje
refuse "fmt into a symbolic link" "is a symbolic link" -- fmt link.ereje
# Standard output: a full disk and a closed pipe are errors, said, with exit 2.
"$bin" run rules "${A[@]}" >/dev/full 2>"$tmp/err"; code=$?
check "stdout on a full disk: exit 2" test "$code" = 2
check "stdout on a full disk: said" grep -q "cannot write to standard output: No space left on device" "$tmp/err"
"$bin" run rules "${A[@]}" 2>"$tmp/err" | true; code=${PIPESTATUS[0]}
check "stdout to a closed pipe: exit 2" test "$code" = 2
check "stdout to a closed pipe: said" grep -q "cannot write to standard output: Broken pipe" "$tmp/err"
# What still works: a new file, replacing an earlier output, fmt rewriting its own rule file.
check "run --output a new file" "$bin" run rules "${A[@]}" --output results.csv 2>/dev/null
check "run --output the same file again (an earlier output, not an input)" "$bin" run rules "${A[@]}" --output results.csv 2>/dev/null
# What a killed earlier write left (`.FILE.tmp-PID-XXXXXX` of a process that is gone) is removed by the
# next write of FILE; a live process's, another name's, and a name of another shape are kept.
sh -c 'exit 0' & dead=$!; wait "$dead"
printf 'whole\n' >".results.csv.tmp-$dead-Ab12Cd"
printf 'live\n' >".results.csv.tmp-$$-Ab12Cd"
printf 'other\n' >".other.csv.tmp-$dead-Ab12Cd"
printf 'shape\n' >".results.csv.tmp-$dead-Ab12"
check "run --output removes a dead run's leftover" "$bin" run rules "${A[@]}" --output results.csv 2>/dev/null
check "the dead run's leftover is gone" test ! -e ".results.csv.tmp-$dead-Ab12Cd"
check "a live process's, another file's and an odd name are kept" \
  test -f ".results.csv.tmp-$$-Ab12Cd" -a -f ".other.csv.tmp-$dead-Ab12Cd" -a -f ".results.csv.tmp-$dead-Ab12"
rm -f ".results.csv.tmp-$$-Ab12Cd" ".other.csv.tmp-$dead-Ab12Cd" ".results.csv.tmp-$dead-Ab12"
check "fmt rewrites its own file" "$bin" fmt fmt.ereje
check "fmt's file is formatted" grep -q '  result R = n range 0..10 round 0 "r"' fmt.ereje
echo "outputs: $passed passed, $failed failed"
[ "$failed" = 0 ]
