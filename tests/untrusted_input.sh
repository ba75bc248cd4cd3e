#!/usr/bin/env bash
# Receipts and git revisions as untrusted input (docs/security.md, "Receipts and revisions"):
# hostile receipts built in a temporary folder (absolute paths, `..`, links out of the folder, a
# database URL, /etc/passwd, a tampered file whose text must not be shown, malformed JSON) and
# hostile revisions for `diff REV:PATH` (`--output=x`, `-n`, empty, unknown). Each is refused with
# `error:` and `= help:` and exit 2, or named (exit 1), and nothing is created or changed; the
# legitimate replay and diff still work.
set -u
bin=$(realpath "${1:?usage: untrusted_input.sh path/to/ereje}")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export TMPDIR="$work/tmp"; mkdir -p "$TMPDIR"
b="$work/bundle"; mkdir -p "$b"
cp -r "$root/examples/assessment-2023" "$b/data"; cp -r "$root/rules" "$b/rules"
printf 'SECRET-OUTSIDE-LINE (\n' >"$work/secret.ereje"
passed=0; failed=0
fail() { failed=$((failed+1)); echo "FAIL $1"; echo "$out" | head -20; }
# check NAME EXIT TEXT [--absent TEXT] -- COMMAND…: the exit status, TEXT in the output, and (with
# --absent) a text that must not be there; every exit-2 output also has `error:` and `= help:`.
check() {
  local name=$1 want=$2 text=$3 absent=""; shift 3
  if [ "$1" = --absent ]; then absent=$2; shift 2; fi
  [ "$1" = -- ] && shift
  out=$("$@" 2>&1); code=$?
  if [ "$code" != "$want" ]; then fail "$name: exit $code (wanted $want)"; return; fi
  if ! grep -qF -- "$text" <<<"$out"; then fail "$name: no \`$text\` in the output"; return; fi
  if [ -n "$absent" ] && grep -qF -- "$absent" <<<"$out"; then fail "$name: \`$absent\` shown"; return; fi
  if [ "$want" = 2 ] && ! { grep -q '^error: ' <<<"$out" && grep -q '^  = help: ' <<<"$out"; }; then
    fail "$name: no error: / = help: lines"; return; fi
  passed=$((passed+1))
}
# edit NAME PYTHON: a copy of the good receipt as bundle/NAME, changed by PYTHON (on `r`, the JSON).
edit() {
  python3 - "$b/receipt.json" "$b/$1" "$2" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
exec(sys.argv[3])
open(sys.argv[2], "w").write(json.dumps(r))
EOF
}
cd "$b"
check "run writes a receipt" 0 "" -- "$bin" run rules --data data --as-of 2024-01-01 --output results.csv --receipt receipt.json
check "legitimate replay matches" 0 "the same 60 results, byte for byte" -- "$bin" replay receipt.json
cd "$work"
check "replay from another folder reads under the receipt's folder" 0 "byte for byte" -- "$bin" replay bundle/receipt.json
mkdir -p elsewhere; cp bundle/receipt.json elsewhere/receipt.json
check "a receipt away from its files fails to match" 1 "does not match" -- "$bin" replay elsewhere/receipt.json
check "--root names the folder the paths are under" 0 "byte for byte" -- "$bin" replay elsewhere/receipt.json --root bundle
check "--data names the data explicitly" 0 "byte for byte" -- "$bin" replay elsewhere/receipt.json --root bundle --data bundle/data
cd "$b"
# A receipt written away from the run's folder: run says how to replay it, and that works.
mkdir -p "$work/away"
check "run says how to replay a receipt written elsewhere" 0 "note: replay this receipt with \`ereje replay $work/away/r.json --root $b\`" -- "$bin" run rules --data data --as-of 2024-01-01 --output "$work/away/r.csv" --receipt "$work/away/r.json"
check "as it says" 0 "byte for byte" -- "$bin" replay "$work/away/r.json" --root "$b"
check "run says an absolute rule path will not replay" 0 "which is an absolute path; \`ereje replay\` reads only relative paths" -- "$bin" run "$b/rules" --data data --as-of 2024-01-01 --output "$work/away/r.csv" --receipt "$work/away/abs.json"

# Paths: absolute, `..`, /etc/passwd, links out of the folder.
edit abs_rules.json 'r["command"]["rules"] = ["/etc/passwd"]'
check "an absolute rule path" 2 "names a rule path that is an absolute path" --absent "root:" -- "$bin" replay abs_rules.json
edit abs_data.json 'r["command"]["data"] = "/etc"'
check "an absolute data path" 2 "is an absolute path" -- "$bin" replay abs_data.json
edit passwd_file.json 'r["data"].append({"path": "/etc/passwd", "sha256": "0"*64})'
check "a data file /etc/passwd" 2 "names a data file that is an absolute path: \`/etc/passwd\`" --absent "root:" -- "$bin" replay passwd_file.json
edit dotdot.json 'r["command"]["rules"] = ["../secret.ereje"]'
check "a ../ escape" 2 "climbs out of its folder with \`..\`" --absent "SECRET-OUTSIDE" -- "$bin" replay dotdot.json
edit dotdot_deep.json 'r["rules"].append({"path": "rules/../../../../../../etc/passwd", "sha256": "0"*64})'
check "a ../ escape inside a path" 2 "climbs out" --absent "root:" -- "$bin" replay dotdot_deep.json
ln -s "$work/secret.ereje" rules/evil.ereje
check "a link out of the folder among the rules" 2 "\`rules/evil.ereje\` leads outside the receipt's folder" --absent "SECRET-OUTSIDE" -- "$bin" replay receipt.json
rm rules/evil.ereje
ln -s /etc rules/etc
check "a link to /etc among the rules" 2 "\`rules/etc\` leads outside" --absent "root:" -- "$bin" replay receipt.json
rm rules/etc
mv data/services.csv "$work/services.csv"; ln -s "$work/services.csv" data/services.csv
check "a data file linked from outside" 2 "\`data/services.csv\` leads outside" -- "$bin" replay receipt.json
rm data/services.csv; mv "$work/services.csv" data/services.csv
ln -s /etc/passwd data/extra.csv
check "a link to /etc/passwd in the data folder" 2 "\`data/extra.csv\` leads outside" --absent "root:" -- "$bin" replay receipt.json
rm data/extra.csv
mkfifo data/pipe.csv
check "a pipe in the data folder" 2 "\`data/pipe.csv\` is neither a file nor a folder in the receipt's folder" -- timeout 20 "$bin" replay receipt.json
rm data/pipe.csv
ln -s rules/acts rules-link
edit inner_link.json 'r["command"]["rules"] = ["rules-link"]'
check "a link that stays inside is followed" 1 "is read now, and was not then" -- "$bin" replay inner_link.json
rm rules-link
check "after the links are gone, replay matches again" 0 "byte for byte" -- "$bin" replay receipt.json

# Databases: never from a receipt; the password in the environment is not sent anywhere.
for url in "postgresql://attacker.example/db" "postgres://u@attacker.example:5432/x" "sqlite:/etc/passwd" "sqlite://x.db"; do
  edit url.json "r['command']['data'] = '$url'"
  check "a database URL in the receipt: $url" 2 "names a database, not a data folder" -- env PGPASSWORD=secret-pw "$bin" replay url.json
done
edit url_file.json 'r["data"] = [{"path": "postgresql://attacker.example/db", "sha256": "0"*64}]'
check "a database URL as a data file" 2 "is a URL, not a path" -- "$bin" replay url_file.json

# A tampered file is named, never quoted; so is a file read now and not then.
cp rules/acts/2023-33140.ereje "$work/act.bak"
printf 'SECRET-TAMPERED-LINE ( \n' >rules/acts/2023-33140.ereje
check "a tampered rule file is named" 1 "rule file rules/acts/2023-33140.ereje changed" --absent "SECRET-TAMPERED" -- "$bin" replay receipt.json
check "and the failing run is said, not shown" 1 "the run fails now" --absent "SECRET-TAMPERED" -- "$bin" replay receipt.json
cp "$work/act.bak" rules/acts/2023-33140.ereje
cp data/services.csv "$work/services.bak"
printf 'SECRET-DATA-LINE,"x\n' >>data/services.csv
check "a tampered data file is named" 1 "data file data/services.csv changed" --absent "SECRET-DATA" -- "$bin" replay receipt.json
cp "$work/services.bak" data/services.csv
printf 'SECRET-EXTRA-LINE (\n' >rules/extra.ereje
check "an unexpected rule file is named" 1 "rule file rules/extra.ereje is read now, and was not then" --absent "SECRET-EXTRA" -- "$bin" replay receipt.json
rm rules/extra.ereje
check "restored, replay matches" 0 "byte for byte" -- "$bin" replay receipt.json
cp -r data "$work/mydata"; sed -i '3s/^/USER-DATA-LINE,/' "$work/mydata/services.csv"
check "data named with --data is the user's own: its messages are shown" 1 "USER-DATA-LINE" -- "$bin" replay receipt.json --data "$work/mydata"

# Malformed receipts: a clear error and exit 2, never a crash.
head -c 200 receipt.json >truncated.json
check "truncated JSON" 2 "is not an ereje receipt: it is not valid JSON" -- "$bin" replay truncated.json
printf 'root:x:0:0:SECRET-NOT-JSON\n' >notjson.json
check "not JSON, not quoted" 2 "not valid JSON (at byte" --absent "SECRET-NOT-JSON" -- "$bin" replay notjson.json
: >empty.json
check "an empty file" 2 "is not an ereje receipt" -- "$bin" replay empty.json
check "a folder" 2 "cannot read receipt" -- "$bin" replay rules
check "no such file" 2 "cannot read receipt" -- "$bin" replay no-such.json
echo '[1, 2]' >array.json
check "an array" 2 "it is not a JSON object" -- "$bin" replay array.json
edit rows_text.json 'r["results"]["rows"] = "60"'
check "rows as text" 2 "\`results.rows\` is not a whole number" -- "$bin" replay rows_text.json
edit rows_huge.json 'r["results"]["rows"] = 10**30'
check "rows past any integer" 2 "is not an ereje receipt" -- "$bin" replay rows_huge.json
edit rows_float.json 'r["results"]["rows"] = 1e300'
check "rows as a huge float" 2 "\`results.rows\` is not a whole number" -- "$bin" replay rows_float.json
edit rows_negative.json 'r["results"]["rows"] = -1'
check "negative rows" 2 "\`results.rows\` is not a whole number" -- "$bin" replay rows_negative.json
edit rules_text.json 'r["command"]["rules"] = "rules"'
check "rules not a list" 2 "\`command.rules\` is not a list" -- "$bin" replay rules_text.json
edit no_results.json 'del r["results"]'
check "a missing field" 2 "\`results\` is missing" -- "$bin" replay no_results.json
edit no_sha.json 'del r["rules"][1]["sha256"]'
check "a missing hash" 2 "\`rules[1].sha256\` is missing" -- "$bin" replay no_sha.json
edit bad_sha.json 'r["results"]["sha256"] = "zz"'
check "a hash that is not one" 2 "\`results.sha256\` is not a SHA-256" -- "$bin" replay bad_sha.json
edit long_path.json 'r["command"]["data"] = "d" * 100000'
check "a huge string" 2 "\`command.data\` is longer than" -- "$bin" replay long_path.json
edit control.json 'r["engine"] = "ereje \u001b[2Jx"'
check "a control character" 2 "\`engine\` holds a control character" -- "$bin" replay control.json
edit bad_date.json 'r["command"]["as_of"] = "tomorrow"'
check "a date that is not one" 2 "\`command.as_of\` is not a date" -- "$bin" replay bad_date.json
edit bad_format.json 'r["command"]["format"] = "html"'
check "a format run does not write" 2 "\`command.format\` is not csv" -- "$bin" replay bad_format.json
python3 -c 'import sys; t=open("receipt.json").read(); open("dup.json","w").write(t.replace("\"engine\":", "\"engine\": \"x\", \"engine\":", 1))'
check "a duplicate key" 2 "the key \`engine\` appears twice in one object" -- "$bin" replay dup.json
python3 -c 'open("deep.json","w").write("[" * 100000 + "]" * 100000)'
check "deep nesting" 2 "nested deeper than a receipt is" -- "$bin" replay deep.json
python3 -c 'open("big.json","w").write("{\"receipt\": 1, \"pad\": \"" + "x" * (17 << 20) + "\"}")'
check "a receipt too large" 2 "larger than 16 MiB" -- "$bin" replay big.json

# git revisions: validated, resolved with rev-parse --end-of-options, no shell; nothing written.
repo="$work/repo"; mkdir -p "$repo"; cp -r "$root/rules" "$repo/rules"; cd "$repo"
git init -q . && git add rules && git -c user.name=t -c user.email=t@example.com commit -qm rules
before=$(ls -la; git status --porcelain)
check "a revision like an option (--output=x)" 2 "starts with \`-\`" -- "$bin" diff -- --output=x:rules rules
check "a revision like an option (--output=/abs)" 2 "starts with \`-\`" -- "$bin" diff -- "--output=$work/clobbered:rules" rules
check "a revision -n" 2 "starts with \`-\`" -- "$bin" diff -- -n:rules rules
check "an empty revision" 2 "the git revision \`\` is empty" -- "$bin" diff :rules rules
check "a control character in a revision" 2 "holds a control character" -- "$bin" diff "$(printf 'HEAD\001'):rules" rules
check "a revision that does not exist" 2 "\`no-such-rev\` is not a git revision here" -- "$bin" diff no-such-rev:rules rules
check "a revision that is no commit (a tree)" 2 "is not a git revision here" -- "$bin" diff "$(git rev-parse HEAD:rules):rules" rules
check "a path not in the revision" 2 "cannot read \`no-such-folder\` at git revision \`HEAD\`" -- "$bin" diff HEAD:no-such-folder rules
after=$(ls -la; git status --porcelain)
if [ "$before" = "$after" ] && [ ! -e x ] && [ ! -e "$work/clobbered" ]; then passed=$((passed+1)); else
  failed=$((failed+1)); echo "FAIL a refused revision created or changed a file"; diff <(echo "$before") <(echo "$after"); fi
check "a legitimate revision still works" 0 "no changes in the rules" -- "$bin" diff HEAD:rules rules
if [ -z "$(ls -A "$TMPDIR")" ]; then passed=$((passed+1)); else
  failed=$((failed+1)); echo "FAIL temporary folders left behind:"; ls -A "$TMPDIR"; fi
echo "untrusted input: $passed passed, $failed failed"
[ "$failed" = 0 ]
