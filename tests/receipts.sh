#!/usr/bin/env bash
# Receipts end to end: a run writes a receipt; replay confirms it; after a data file, then a rule
# file is edited (or a rule file is added), replay fails and names that file.
set -u
bin=$(realpath "${1:?usage: receipts.sh path/to/ereje}")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp -r "$root/examples/assessment-2023" "$work/data"; cp -r "$root/rules" "$work/rules"
cd "$work"
passed=0; failed=0
check() {  # name, expected exit, command output must contain this text
  local name=$1 want=$2 text=$3; shift 3
  out=$("$@" 2>&1); code=$?
  if [ "$code" = "$want" ] && grep -qF -- "$text" <<<"$out"; then passed=$((passed+1)); else
    failed=$((failed+1)); echo "FAIL $name: exit $code (wanted $want), output:"; echo "$out" | head -20; fi
}
check "run writes results and receipt" 0 "" "$bin" run rules --data data --as-of 2024-01-01 --output results.csv --receipt receipt.json
check "receipt names every rule file" 0 '"rules/acts/2023-33140.ereje"' cat receipt.json
check "receipt names every data file" 0 '"data/services.csv"' cat receipt.json
check "replay of an untouched run matches" 0 "the same 60 results, byte for byte" "$bin" replay receipt.json
# A table for people in Kazakh with the bodies' names: the receipt records both, replay matches.
check "run --lang kk --names with a receipt" 0 "" "$bin" run rules --data data --as-of 2024-01-01 --format table --lang kk --names --output kk.txt --receipt kk.json
check "the receipt records the language" 0 '"lang": "kk"' cat kk.json
check "and the names" 0 '"names": true' cat kk.json
check "replay of the Kazakh table matches" 0 "byte for byte" "$bin" replay kk.json
# Data as Excel writes it in a Russian locale: the receipt records the dialect, replay reads it so.
mkdir excel && for f in data/*.csv; do sed 's/,/;/g; s/;true/;ИСТИНА/g; s/;false/;ЛОЖЬ/g' "$f" > "excel/$(basename "$f")"; done
check "run --csv-dialect excel-ru with a receipt" 0 "" "$bin" run rules --data excel --as-of 2024-01-01 --csv-dialect excel-ru --output excel.csv --receipt excel.json
check "the receipt records the dialect" 0 '"csv_dialect": "excel-ru"' cat excel.json
check "replay reads the data in the same dialect" 0 "byte for byte" "$bin" replay excel.json
check "the same results as the plain files" 0 "" cmp excel.csv results.csv
# A data file edited: one service's automation changes, so results change too.
sed -i '0,/,partial,/s//,full,/' data/services.csv
check "replay names the edited data file" 1 "data file data/services.csv changed" "$bin" replay receipt.json
check "replay says the results differ" 1 "results differ" "$bin" replay receipt.json
cp "$root/examples/assessment-2023/services.csv" data/services.csv
check "restored data replays again" 0 "byte for byte" "$bin" replay receipt.json
# A rule file edited in a way that changes nothing but its bytes: named, results still the same.
echo "// a comment" >> rules/acts/2023-33140.ereje
check "replay names the edited rule file" 1 "rule file rules/acts/2023-33140.ereje changed" "$bin" replay receipt.json
check "and says results are the same" 1 "the results are still the same" "$bin" replay receipt.json
cp "$root/rules/acts/2023-33140.ereje" rules/acts/2023-33140.ereje
# A rule file added to the folder.
printf 'function extra(x) = x\n' > rules/extra.ereje
check "replay names an added rule file" 1 "rule file rules/extra.ereje is read now, and was not then" "$bin" replay receipt.json
rm rules/extra.ereje
# A data file removed: the run fails now, and replay still names the file.
mv data/objections.csv objections.bak
check "replay names a missing data file" 1 "data file data/objections.csv" "$bin" replay receipt.json
mv objections.bak data/objections.csv
# Rules read from standard input: replay reads it again, and matches only on the same text.
check "run with rules on standard input" 0 "" sh -c "\"$bin\" run rules/data rules/acts/2021-22599.ereje - --data data --as-of 2024-01-01 --output stdin.csv --receipt stdin.json <rules/acts/2023-33140.ereje"
check "the receipt names <stdin>" 0 '"<stdin>"' cat stdin.json
check "replay with the same text on standard input" 0 "byte for byte" sh -c "\"$bin\" replay stdin.json <rules/acts/2023-33140.ereje"
check "replay with other text names <stdin>" 1 "rule file <stdin> changed" sh -c "\"$bin\" replay stdin.json </dev/null"
check "not a receipt" 2 "is not an ereje receipt" "$bin" replay results.csv
echo "receipts: $passed passed, $failed failed"
[ "$failed" = 0 ]
